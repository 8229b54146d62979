"""Countries and regions: identified participants by UN M49 region, and a searchable table."""

import streamlit as st

from dashboard.i18n import t
from dashboard.ui import countries
from dashboard.ui.common import preferred_source_md
from dashboard.ui.filters import sidebar_filters
from dashboard.ui.layout import footer, page_dataset

ds = page_dataset()
f = sidebar_filters(ds, ("editions", "region", "etype"))
st.title(t("Countries and regions"))
st.caption(countries.page_caption(ds, f.editions))

countries.region_chart(ds, f, "region")
countries.region_chart(ds, f, "sub_region")

st.subheader(t("All identified countries and regions"))
countries.participants_table(ds, f)

footer(preferred_source_md(ds, f.editions))
