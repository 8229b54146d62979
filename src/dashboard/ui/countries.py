"""Sections of the Countries-and-regions page."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from .. import citations, keycharts, listwords, locale_rules, metrics
from ..chartdata import in_words
from ..dataset import Dataset
from ..describe import describe
from ..formatting import join_clauses, md_escape
from ..i18n import get_language, t
from ..names import entity_form
from ..vocab import ENTITY_TYPES, HOW_KNOWN
from .charts import chart_block, download_csv
from .common import first_source_urls, participants_dataframe, preferred_source_md, publishers
from .filters import Filters


def filtered_participants(ds: Dataset, f: Filters) -> pd.DataFrame:
    tab = metrics.participants_table(ds, f.editions)
    if f.regions:
        tab = tab[tab.region.isin(f.regions)]
    if f.entity_types:
        tab = tab[tab.entity_type.isin(f.entity_types)]
    return tab


def region_chart(ds: Dataset, f: Filters, level: str = "region") -> None:
    lang = get_language()
    chart = keycharts.regions(ds, f.editions, level, tuple(f.regions), tuple(f.entity_types), lang=lang)
    chart_block(
        chart.figure,
        chart.data,
        chart.name,
        preferred_source_md(ds, f.editions),
        description=describe(chart, get_language()),
    )


def participants_table(ds: Dataset, f: Filters) -> None:
    lang = get_language()
    tab = filtered_participants(ds, f)
    query = st.text_input(t("Search (English or Chinese name, code)"), key="country_search")
    if query:
        q = query.casefold()
        tab = tab[
            tab.name_en.str.casefold().str.contains(q, regex=False)
            | tab.name_zh.str.contains(query, regex=False)
            | tab.code.str.casefold().str.contains(q, regex=False)
        ]
    beside = locale_rules.rules(lang).name_beside
    columns = {
        t("Edition"): tab.edition,
        t("Country or region"): [entity_form(r, lang) for r in tab.itertuples()],
    }
    if beside and beside != lang:  # English readers also see the Chinese name
        columns[t("Chinese name")] = [entity_form(r, beside) for r in tab.itertuples()]
    view = pd.DataFrame(
        columns
        | {
            t("Code"): tab.code,
            t("Region"): tab.region.map(t),
            t("Sub-region"): tab.sub_region.map(t),
            t("Type"): tab.entity_type.map(lambda c: ENTITY_TYPES.label(c, lang=lang)),
            t("How known"): tab.how_known.map(
                lambda s: join_clauses((HOW_KNOWN.label(x, lang=lang) for x in s.split("|")), lang=lang)
            ),
            t("Sources"): publishers(ds, tab.source_ids),
            t("Main source"): first_source_urls(ds, tab.source_ids),
        }
    )
    participants_dataframe(view)
    note = listwords.table_note(ds, f.editions, lang=lang)
    if note:
        st.caption(md_escape(note))
    download_csv(lambda: in_words(citations.reader_sources(ds, tab, lang=lang), lang), "countries-and-regions")


def page_caption(ds: Dataset, editions: list[int]) -> str:
    """The page's subtitle: public sources, and the organizer's list when one adds participants."""
    return listwords.countries_caption(ds, editions, lang=get_language())
