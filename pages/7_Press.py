"""Press: a factual summary with numbered sources, chart images, the press kit."""

import streamlit as st

from dashboard.i18n import t
from dashboard.ui import downloads, press
from dashboard.ui.common import preferred_source_md
from dashboard.ui.layout import footer, page_dataset

ds = page_dataset()
st.title(t("Press kit"))
editions = press.pick(ds)

st.subheader(t("Summary"))
press.summary_section(ds, editions)

st.subheader(t("Chart images"))
press.charts_section(ds, editions)

st.subheader(t("Everything in one file"))
press.brief_section(ds, editions)
press.press_kit_section(ds, editions)
downloads.workbook_button(ds, "press-xlsx")

footer(preferred_source_md(ds, editions))
