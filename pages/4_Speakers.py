"""Speakers and roles: role, mode, seniority, regions, and the people table."""

import streamlit as st

from dashboard.i18n import t
from dashboard.ui import speakers
from dashboard.ui.common import preferred_source_md
from dashboard.ui.filters import sidebar_filters
from dashboard.ui.layout import footer, page_dataset

ds = page_dataset()
f = sidebar_filters(ds, ("editions", "region", "role"))
st.title(t("Speakers and roles"))
st.caption(t("The people public sources name, which may not be every speaker."))

speakers.charts(ds, f)

st.subheader(t("People"))
speakers.people_table(ds, f)

footer(preferred_source_md(ds, f.editions))
