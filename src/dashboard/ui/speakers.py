"""Sections of the Speakers-and-roles page."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from .. import citations
from ..dataset import Dataset
from .. import keycharts
from ..i18n import t
from .charts import chart_block, download_csv
from .common import first_source_urls, preferred_source_md, publishers
from ..keycharts import ROLE_LABELS
from .filters import Filters

MODE_LABELS = keycharts.PEOPLE_CHARTS["mode"][1]
SENIORITY_LABELS = keycharts.PEOPLE_CHARTS["seniority"][1]


def charts(ds: Dataset, f: Filters) -> pd.DataFrame:
    roles, regions = tuple(f.roles), tuple(f.regions)
    for column in ("role", "mode", "seniority", "region"):
        chart = keycharts.people_chart(ds, f.editions, column, roles, regions)
        chart_block(chart.figure, chart.data, chart.name, preferred_source_md(ds, f.editions))
    return keycharts.filtered_people(ds, f.editions, roles, regions)


def people_table(ds: Dataset, sp: pd.DataFrame) -> None:
    view = pd.DataFrame({
        t("Edition"): sp.edition, t("Name"): sp.name.replace("", t("(not named in the source)")),
        t("Name as written"): sp.name_as_written.fillna(""), t("Title"): sp.title, t("Organization"): sp.organization,
        t("Represents"): sp.represents_en, t("Role"): sp.role.map(lambda r: t(ROLE_LABELS[r])),
        t("Mode"): sp["mode"].map(lambda m: t(MODE_LABELS[m])),
        t("Seniority"): sp.seniority.map(lambda s: t(SENIORITY_LABELS[s])),
        t("Sources"): publishers(ds, sp.source_ids), t("Main source"): first_source_urls(ds, sp.source_ids),
        t("Note"): sp.note.map(lambda v: citations.readable_text(ds, v)),
    })
    st.dataframe(view, hide_index=True, column_config={
        t("Main source"): st.column_config.LinkColumn(t("Main source"), display_text=t("open")),
        t("Edition"): st.column_config.NumberColumn(format="%d")})
    st.caption(t("Latin spellings marked as unofficial in the data are this project's renderings of Chinese "
                 "text, not a source's."))
    download_csv(citations.reader_sources(ds, sp.drop(columns=["scope"])), "people")
