"""World map of identified participants, one edition or two; a region view."""

import streamlit as st

from dashboard.i18n import t
from dashboard.ui import mapview
from dashboard.ui.layout import footer, page_dataset

ds = page_dataset()
st.title(t("Where participants come from"))

view, earlier, later, lines = mapview.controls(ds)
worldview = mapview.current_worldview()
if view == "regions":
    mapview.region_view(ds, earlier, worldview)
else:
    mapview.participants_map(ds, earlier, later, lines, worldview)

footer(mapview.footer_md(ds, [e for e in (earlier, later) if e]))
