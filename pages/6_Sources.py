"""Sources and methodology: every source and what it supports, conflicts, coverage, definitions."""

import streamlit as st

from dashboard.i18n import t
from dashboard.ui import downloads, sources
from dashboard.ui.layout import footer, page_dataset

ds = page_dataset()
st.title(t("Sources and methodology"))

st.subheader(t("Definitions"))
sources.definitions()

st.subheader(t("Coverage per edition"))
sources.coverage_table(ds)

st.subheader(t("Where sources disagree"))
sources.conflicts(ds)

st.subheader(t("Sources"))
sources.sources_table(ds)

st.subheader(t("Licence and citation"))
sources.licence_and_citation(ds)
sources.data_package_download()
downloads.workbook_button(ds, "sources-xlsx")

footer(sources.source_note(ds))
