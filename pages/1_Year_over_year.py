"""Year over year: two editions side by side."""

import streamlit as st

from dashboard.i18n import t
from dashboard.ui import compare
from dashboard.ui.common import preferred_source_md
from dashboard.ui.layout import footer, page_dataset

ds = page_dataset()
st.title(t("Year over year"))

a, b = compare.pick_editions(ds)

st.subheader(t("Headline figures"))
compare.headline_table(ds, a, b)

st.subheader(t("Identified participants in both editions"))
compare.overlap_section(ds, a, b)

st.subheader(t("Themes, topics and formats"))
compare.themes_side_by_side(ds, a, b)

st.subheader(t("People mentioned in the sources"))
compare.speakers_by_role(ds, a, b)

footer(preferred_source_md(ds, [a, b]))
