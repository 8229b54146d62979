"""Sections of the Speakers-and-roles page."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from .. import metrics
from ..dataset import Dataset
from .. import keycharts
from ..i18n import t
from ..schema import MODES, ROLES
from ..tables import SENIORITY
from .charts import chart_block, download_csv
from .common import first_source_urls, preferred_source_md, publishers
from .filters import ROLE_LABELS, Filters

MODE_LABELS = {"in_person": "In person", "video": "By video", "not_stated": "Not stated"}
SENIORITY_LABELS = {"minister": "Minister or equivalent", "head_of_institution": "Head of institution",
                    "senior_official": "Senior official", "official": "Official",
                    "not_derivable": "Not derivable from the title"}


def _chart(ds: Dataset, f: Filters, sp: pd.DataFrame, column: str, order, labels: dict, title: str,
           name: str) -> None:
    chart = keycharts.by_category(ds, sp, f.editions, column, order, labels, title, name)
    chart_block(chart.figure, chart.data, chart.name, preferred_source_md(ds, f.editions))


def charts(ds: Dataset, f: Filters) -> pd.DataFrame:
    sp = metrics.speakers(ds, f.editions, f.roles or None)
    if f.regions:
        sp = sp[sp.region.isin(f.regions)]
    _chart(ds, f, sp, "role", ROLES, ROLE_LABELS, t("Role"), "speakers-by-role")
    _chart(ds, f, sp, "mode", MODES, MODE_LABELS, t("In person or by video"), "speakers-by-mode")
    _chart(ds, f, sp, "seniority", SENIORITY, SENIORITY_LABELS, t("Seniority (derived from titles)"),
           "speakers-by-seniority")
    regions = sp.assign(region=sp.region.replace("", "International organization").fillna(
        "International organization"))
    order = sorted(set(regions.region))
    _chart(ds, f, regions, "region", order, {r: r for r in order}, t("Whom speakers represent, by region"),
           "speakers-by-region")
    return sp


def people_table(ds: Dataset, sp: pd.DataFrame) -> None:
    view = pd.DataFrame({
        t("Edition"): sp.edition, t("Name"): sp.name.replace("", t("(not named in the source)")),
        t("Name as written"): sp.name_as_written.fillna(""), t("Title"): sp.title, t("Organization"): sp.organization,
        t("Represents"): sp.represents_en, t("Role"): sp.role.map(lambda r: t(ROLE_LABELS[r])),
        t("Mode"): sp["mode"].map(lambda m: t(MODE_LABELS[m])),
        t("Seniority"): sp.seniority.map(lambda s: t(SENIORITY_LABELS[s])),
        t("Sources"): publishers(ds, sp.source_ids), t("Main source"): first_source_urls(ds, sp.source_ids),
        t("Note"): sp.note.fillna(""),
    })
    st.dataframe(view, hide_index=True, column_config={
        t("Main source"): st.column_config.LinkColumn(t("Main source"), display_text=t("open")),
        t("Edition"): st.column_config.NumberColumn(format="%d")})
    st.caption(t("Latin spellings marked as unofficial in the data are this project's renderings of Chinese "
                 "text, not a source's."))
    download_csv(sp.drop(columns=["scope"]), "people")
