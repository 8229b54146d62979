"""Overview: headline figures per edition, coverage of the public sources, conflicts."""

import streamlit as st

from dashboard.i18n import t
from dashboard.ui import overview
from dashboard.ui.components import edition_picker, headline_tiles
from dashboard.ui.layout import footer, page_dataset

ds = page_dataset()

st.title(t("Sub-Forum on Migration Management Cooperation"))
st.caption(overview.page_caption(ds))

edition = edition_picker(ds)
overview.edition_header(ds, edition)
headline_tiles(ds, edition)

overview.coverage_heading(ds, edition)
overview.coverage_section(ds, edition)

st.subheader(t("Where sources disagree"))
overview.conflicts_section(ds, edition)

st.subheader(t("All editions"))
overview.editions_table(ds)

footer(overview.source_line(ds))
