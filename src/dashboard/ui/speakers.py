"""Sections of the Speakers-and-roles page."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from .. import citations, keycharts, locale_rules, names
from ..dataset import Dataset
from ..describe import describe
from ..i18n import get_language, t
from ..memo import per_dataset
from ..names import (
    entity_name,
    has_local_form,
    person_name,
    person_organization,
    person_title,
    person_title_project,
)
from ..vocab import MODES, ROLES, SENIORITY
from .charts import chart_block, download_csv
from .common import first_source_urls, participants_dataframe, preferred_source_md, publishers
from .filters import Filters


def charts(ds: Dataset, f: Filters) -> None:
    lang = get_language()
    roles, regions = tuple(f.roles), tuple(f.regions)
    for column in ("role", "mode", "seniority", "region"):
        chart = keycharts.people_chart(ds, f.editions, column, roles, regions, lang=lang)
        chart_block(
            chart.figure,
            chart.data,
            chart.name,
            preferred_source_md(ds, f.editions),
            description=describe(chart, get_language()),
        )


def _per_row(sp: pd.DataFrame, accessor) -> pd.Series:
    """Names and titles in the interface language: a Chinese source's form in Chinese (dashboard.names)."""
    return pd.Series([accessor(r) for r in sp.itertuples(index=False)], index=sp.index, dtype=object)


def _title(r, lang: str) -> str:
    """The title a source in ``lang`` gives, else this project's translation marked as such, else the
    title as the sources write it."""
    project = person_title_project(r, lang)
    if project:
        return t("{title} (this project's translation)", title=project, lang=lang)
    return person_title(r, lang)


def _organization(r, lang: str) -> str:
    """The organization as a source in ``lang`` writes it; none where only the sources' other-language
    form exists but the title shown already names the body (公安部副部长…, 江苏省苏州市市长)."""
    has_title = bool(person_title_project(r, lang)) or has_local_form(r, "title", lang)
    if has_title and not has_local_form(r, "organization", lang):
        return ""
    return person_organization(r, lang)


def _note(ds: Dataset, row, lang: str) -> str:
    """The project's note in ``lang`` (``note_zh`` in Chinese: notes are written in both languages, the
    build checks it); should a note still exist only in English, it is not shown in another language (a
    marker says so; the English view and the CSV keep it)."""
    v = names.note(row, lang)
    text = citations.readable_text(ds, v, lang=lang)
    # judged on the note as written (the source labels put in for ids are already in ``lang``)
    if text and not locale_rules.is_in_language(str(v), lang):
        return t("(note in English only; see the English view)", lang=lang)
    return text


def people_table(ds: Dataset, f: Filters) -> None:
    lang = get_language()
    key = (tuple(f.editions), tuple(f.roles), tuple(f.regions))
    participants_dataframe(_people_view(ds, *key, lang=lang))
    st.caption(
        t(
            "Latin spellings marked as unofficial in the data are this project's renderings of Chinese "
            "text, not a source's."
        )
    )
    download_csv(lambda: _people_csv(ds, key, lang), "people")


def _people_csv(ds: Dataset, key: tuple, lang: str) -> pd.DataFrame:
    """The CSV: in a language that reads data in words (Chinese), the table as shown, in that language
    (no English column names or codes); otherwise the data package's columns with every source named."""
    if locale_rules.rules(lang).readable_codes:
        return _people_view(ds, *key, lang=lang)
    sp = keycharts.filtered_people(ds, *key)
    return citations.reader_sources(ds, sp.drop(columns=["scope"]), lang=lang)


@per_dataset  # per filters and language: a new session or a rerun draws the table without a pass over its rows
def _people_view(ds: Dataset, editions: tuple, roles: tuple, regions: tuple, *, lang: str) -> pd.DataFrame:
    sp = keycharts.filtered_people(ds, editions, roles, regions)
    return pd.DataFrame(
        {
            t("Edition", lang=lang): sp.edition,
            t("Name", lang=lang): _per_row(sp, lambda r: person_name(r, lang)).replace(
                "", t("(not named in the source)", lang=lang)
            ),
            t("Name as written", lang=lang): sp.name_as_written.fillna(""),
            t("Title", lang=lang): _per_row(sp, lambda r: _title(r, lang)),
            t("Organization", lang=lang): _per_row(sp, lambda r: _organization(r, lang)),
            t("Represents", lang=lang): _per_row(sp, lambda r: entity_name(ds, r.code, lang=lang)),
            t("Role", lang=lang): sp.role.map(lambda c: ROLES.label(c, lang=lang)),
            t("Mode", lang=lang): sp["mode"].map(lambda c: MODES.label(c, lang=lang)),
            t("Seniority", lang=lang): sp.seniority.map(lambda c: SENIORITY.label(c, lang=lang)),
            t("Sources", lang=lang): publishers(ds, sp.source_ids, lang=lang),
            t("Main source", lang=lang): first_source_urls(ds, sp.source_ids),
            t("Note", lang=lang): _per_row(sp, lambda r: _note(ds, r, lang)),
        }
    )
