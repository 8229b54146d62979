"""Downloads shared by several pages: every table as one Excel workbook."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from .. import packaging
from ..dataset import Dataset
from ..i18n import get_language, t
from .layout import data_version


def workbook_button(ds: Dataset, key: str) -> None:
    """Every table in one Excel workbook, headers in the page's language; built on click (openpyxl
    is imported only then, never on a page's import path)."""
    lang = get_language()  # a download callback runs outside this script run: pass the language on
    version = data_version()

    def xlsx() -> bytes:
        from .. import workbook

        today = dt.date.today()
        note = "\n".join(
            [
                t("Data version {v}, generated {d}.", lang=lang, v=version, d=today.isoformat()),
                t("Licence: data compilation CC BY 4.0.", lang=lang),
                t("How to cite", lang=lang) + ": " + packaging.citation(version, today, lang=lang),
            ]
        )
        return workbook.workbook_bytes(ds, lang, note)

    st.download_button(
        t("Download the tables (Excel)"),
        data=xlsx,
        file_name=f"migration-subforum-tables-{lang}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key=key,
        on_click="ignore",
        icon=":material/table_view:",
    )
    st.caption(
        t(
            "One sheet per table (headline figures with every source's value, coverage, countries and "
            "regions, organizations, people, conflicts, sources), headers in this page's language."
        )
    )
