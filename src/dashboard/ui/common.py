"""Helpers shared by the analysis pages."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from .. import citations
from ..dataset import Dataset
from ..formatting import md_escape
from ..i18n import get_language, t
from ..memo import per_dataset
from .components import _source_links


def first_source_urls(ds: Dataset, source_ids: pd.Series) -> pd.Series:
    """Each row's main source: its strongest evidence of participation (never a name-or-title-only
    source, a mirror only when nothing else names the participant)."""
    return source_ids.map(lambda ids: citations.main_source_url(ds, ids, citations.PARTICIPATION))


def publishers(ds: Dataset, source_ids: pd.Series, lang: str | None = None) -> pd.Series:
    """Each row's (at most three) strongest sources as readable labels, the rest counted."""
    lang = lang or get_language()
    return source_ids.map(lambda ids: citations.cited_labels(ds, ids, citations.PARTICIPATION, lang=lang))


def preferred_source_md(ds: Dataset, editions: list[int]) -> str:
    """'Sources: …' for a page or chart: the editions' chair's statements and who named the participants."""
    return _preferred_source_md(ds, editions, get_language())


@per_dataset
def _preferred_source_md(ds: Dataset, editions: list[int], lang: str) -> str:
    ids = ds.editions[ds.editions.edition.isin(editions)].sort_values("number")["preferred_source_id"]
    credit = citations.list_credit(ds, editions, lang=lang)
    if credit:
        return t(
            "Sources: {links}; identified participants: public sources and the organizers' list {lists}, "
            "cited in each row.",
            lang=lang,
            links=_source_links(ds, list(ids), citations.FIGURES, lang),
            lists=md_escape(credit),
        )
    return t(
        "Sources: {links}; identified participants: the public sources cited in each row.",
        lang=lang,
        links=_source_links(ds, list(ids), citations.FIGURES, lang),
    )


def participants_dataframe(view: pd.DataFrame) -> None:
    """A table of participants or people: its 'Main source' column a link shown as 'open', its
    'Edition' a plain year (no thousands separator)."""
    st.dataframe(
        view,
        hide_index=True,
        column_config={
            t("Main source"): st.column_config.LinkColumn(t("Main source"), display_text=t("open")),
            t("Edition"): st.column_config.NumberColumn(format="%d"),
        },
    )
