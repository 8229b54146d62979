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
from ..memo import per_dataset
from ..names import entity_form
from ..vocab import ENTITY_TYPES, HOW_KNOWN, region_label
from .charts import chart_block, download_csv
from .common import first_source_urls, participants_dataframe, preferred_source_md, publishers
from .filters import Filters


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
    query = st.text_input(t("Search (English or Chinese name, code)"), key="country_search")
    key = (tuple(f.editions), tuple(f.regions), tuple(f.entity_types), query)
    tab = _matching(ds, *key)
    participants_dataframe(_table_view(ds, *key, lang=lang))
    note = listwords.table_note(ds, f.editions, lang=lang)
    if note:
        st.caption(md_escape(note))
    download_csv(lambda: in_words(citations.reader_sources(ds, tab, lang=lang), lang), "countries-and-regions")


# The table and its view are cached per dataset, filters, search and language (memo): a new session or a
# rerun draws them without a pass over the rows (names, labels and cited sources per row).
@per_dataset
def _matching(ds: Dataset, editions: tuple, regions: tuple, entity_types: tuple, query: str) -> pd.DataFrame:
    tab = metrics.participants_table(ds, list(editions))
    if regions:
        tab = tab[tab.region.isin(regions)]
    if entity_types:
        tab = tab[tab.entity_type.isin(entity_types)]
    if query:
        q = query.casefold()
        tab = tab[
            tab.name_en.str.casefold().str.contains(q, regex=False)
            | tab.name_zh.str.contains(query, regex=False)
            | tab.code.str.casefold().str.contains(q, regex=False)
        ]
    return tab


@per_dataset
def _table_view(
    ds: Dataset, editions: tuple, regions: tuple, entity_types: tuple, query: str, *, lang: str
) -> pd.DataFrame:
    tab = _matching(ds, editions, regions, entity_types, query)
    beside = locale_rules.rules(lang).name_beside
    columns = {
        t("Edition", lang=lang): tab.edition,
        t("Country or region", lang=lang): [entity_form(r, lang) for r in tab.itertuples()],
    }
    if beside and beside != lang:  # English readers also see the Chinese name
        columns[t("Chinese name", lang=lang)] = [entity_form(r, beside) for r in tab.itertuples()]
    return pd.DataFrame(
        columns
        | {
            t("Code", lang=lang): tab.code,
            t("Region", lang=lang): tab.region.map(lambda v: region_label(v, lang)),
            t("Sub-region", lang=lang): tab.sub_region.map(lambda v: region_label(v, lang)),
            t("Type", lang=lang): tab.entity_type.map(lambda c: ENTITY_TYPES.label(c, lang=lang)),
            t("How known", lang=lang): tab.how_known.map(
                lambda s: join_clauses((HOW_KNOWN.label(x, lang=lang) for x in s.split("|")), lang=lang)
            ),
            t("Sources", lang=lang): publishers(ds, tab.source_ids, lang=lang),
            t("Main source", lang=lang): first_source_urls(ds, tab.source_ids),
        }
    )


def page_caption(ds: Dataset, editions: list[int]) -> str:
    """The page's subtitle: public sources, and the organizer's list when one adds participants."""
    return listwords.countries_caption(ds, editions, lang=get_language())
