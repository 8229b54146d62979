"""Import an organizer's registration list into this session (nothing is written to disk)."""

import streamlit as st

from dashboard.i18n import t
from dashboard.ui import importer
from dashboard.ui.layout import footer, page_dataset

ds = page_dataset()
st.title(t("Import a registration list"))
st.caption(
    t(
        "Public sources name only part of the participants. Load an organizers' list to add the participants "
        "it names: every page then uses it, for this session only. Nothing is saved on this computer."
    )
)
importer.session_notice()

importer.templates()

st.subheader(t("Upload"))
importer.upload(ds)

st.subheader(t("Loaded in this session"))
importer.loaded_lists(ds)

footer(t("Source of imported data: the file you supplied, shown as 'organizer's registration list' on every page."))
