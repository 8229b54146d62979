"""Names and titles in the language of the interface, from the data only (no Streamlit).

Every Chinese form comes from a Chinese-language source cited in the data (``zh_source_id`` on
people, ``*_zh_source_id`` and ``theme_zh_source_id`` on editions, ``language`` on
topics), in simplified characters (the build converts traditional script with OpenCC and keeps
the source's own form in ``*_zh_as_written``). Where no Chinese source gives a form, the
accessors return the form the sources write (a Latin-script name, an English title): a name is
never transliterated or translated here.

``row`` may be a pandas Series, a dict or a named tuple from ``itertuples()``; ``lang`` is the
interface language: a column ``<field>_<lang>`` holds the form a source in that language gives.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from . import locale_rules
from .dataset import Dataset
from .i18n import DEFAULT_LANGUAGE
from .memo import per_dataset


def _get(row: Any, key: str) -> str:
    """A text field of ``row``; '' when missing, None or NaN."""
    if isinstance(row, (pd.Series, dict)):
        value = row.get(key)
    else:
        value = getattr(row, key, None)
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return str(value).strip()


def _choose(row: Any, field: str, stem: str, lang: str) -> str:
    """``<stem>_<lang>`` (the form a source in that language gives) when the row has it, else
    ``field`` (as the sources write it)."""
    local = _get(row, f"{stem}_{lang}")
    return local or _get(row, field)


def person_name(row: Any, lang: str) -> str:
    """The Chinese name a Chinese source gives (in Chinese), else the name as the sources write it;
    '' when no source names the person."""
    return _choose(row, "name", "name", lang)


def person_title(row: Any, lang: str) -> str:
    """The title as a Chinese source writes it (in Chinese), else as the sources write it."""
    return _choose(row, "title", "title", lang)


def note(row: Any, lang: str) -> str:
    """This project's note in the language (``note_zh``…), else as written (English)."""
    return _choose(row, "note", "note", lang)


def has_local_form(row: Any, field: str, lang: str) -> bool:
    """Whether a source in ``lang`` gives this field's form (``<field>_<lang>``: title_zh…)."""
    return bool(_get(row, f"{field}_{lang}"))


def person_title_project(row: Any, lang: str) -> str:
    """This project's translation of a title no source in ``lang`` gives (``title_<lang>_project``,
    e.g. 所罗门群岛……常务秘书); '' when a source gives one or there is none. Show it marked as the
    project's translation."""
    return "" if _get(row, f"title_{lang}") else _get(row, f"title_{lang}_project")


def person_organization(row: Any, lang: str) -> str:
    """The organization as a Chinese source writes it (in Chinese), else as the sources write it."""
    return _choose(row, "organization", "organization", lang)


def edition_name(row: Any, lang: str) -> str:
    """Official name of the edition (name_zh in Chinese, name_en otherwise)."""
    return _choose(row, "name_en", "name", lang)


def edition_city(row: Any, lang: str) -> str:
    return _choose(row, "city_en", "city", lang)


def edition_province(row: Any, lang: str) -> str:
    return _choose(row, "province_en", "province", lang)


def edition_host(row: Any, lang: str) -> str:
    return _choose(row, "host_en", "host", lang)


def edition_row(ds: Dataset, edition: int) -> pd.Series:
    return _edition_rows(ds)[edition]


@per_dataset
def _edition_rows(ds: Dataset) -> dict[int, pd.Series]:
    """edition -> its row; looked up on every rerun, so indexed once per dataset."""
    return {int(r.edition): r for _, r in ds.editions.iterrows()}


def theme(ds: Dataset, edition: int, lang: str) -> str:
    """The sub-forum's theme: a Chinese source's wording in Chinese, else the English one; '' if none."""
    return _choose(edition_row(ds, edition), "theme_en", "theme", lang)


def theme_source_id(ds: Dataset, edition: int, lang: str) -> str:
    """The source of the theme :func:`theme` returns, for a citation."""
    row = edition_row(ds, edition)
    if _get(row, f"theme_{lang}"):
        return _get(row, f"theme_{lang}_source_id")
    return _get(row, "theme_en_source_id")


@per_dataset
def topic_texts(ds: Dataset, edition: int, kind: str, lang: str, scope: str = "sub_forum") -> list[str]:
    """Distinct texts of one kind of topic (theme, concept, topic, panel) of an edition, in the
    order of the data: the Chinese sources' wording (simplified) in Chinese when there is any,
    else the English sources'."""
    tp = ds.topics[(ds.topics.edition == edition) & (ds.topics.scope == scope) & (ds.topics.kind == kind)]
    local = tp[tp.language == lang]
    if len(local) and lang != DEFAULT_LANGUAGE:
        if locale_rules.source_language_is_simplified(lang):
            return list(dict.fromkeys(local.text_simplified.where(local.text_simplified != "", local.text)))
        return list(dict.fromkeys(local.text))
    return list(dict.fromkeys(tp[tp.language == DEFAULT_LANGUAGE].text))


def topics_in_language(ds: Dataset, edition: int, kind: str, lang: str, scope: str = "sub_forum") -> bool:
    """Whether :func:`topic_texts` gives these topics as a source in ``lang`` words them (else they
    are the English sources' words)."""
    tp = ds.topics[(ds.topics.edition == edition) & (ds.topics.scope == scope) & (ds.topics.kind == kind)]
    return lang == DEFAULT_LANGUAGE or bool((tp.language == lang).any())


@per_dataset
def entity_name(ds: Dataset, code: str, lang: str) -> str:
    """Name of a country, region or international organization by its code, from the reference
    tables (name_zh in Chinese, name_en otherwise); the code itself when it is unknown."""
    for table in (ds.entities, ds.organizations):
        hit = table[table.code == code]
        if len(hit):
            return _choose(hit.iloc[0], "name_en", "name", lang)
    return code


def entity_form(row: Any, lang: str) -> str:
    """A participant's name from a row that carries ``name_en`` and its language forms (``name_zh``…)."""
    return _choose(row, "name_en", "name", lang)


def represents_form(row: Any, lang: str) -> str:
    """Whom a person represents, from a row with ``represents_en`` and its language forms."""
    return _choose(row, "represents_en", "represents", lang)


def conflict_issue(row: Any, lang: str) -> str:
    """What the sources disagree on, in Chinese when the project's Chinese note exists."""
    return _choose(row, "issue", "issue", lang)


def conflict_detail(row: Any, lang: str) -> str:
    """Who says what, in Chinese when the project's Chinese note exists."""
    return _choose(row, "detail", "detail", lang)


def outcome_item(row: Any, lang: str) -> tuple[str, bool]:
    """An outcome in ``lang``: the form a source in that language gives (``item_zh``), else this project's
    wording (``item_<lang>_project``; the flag is True: show it marked as such), else as written."""
    local = _get(row, f"item_{lang}")
    if local:
        return local, False
    project = _get(row, f"item_{lang}_project")
    if project:
        return project, True
    return _get(row, "item"), False


def side_event_name(row: Any, lang: str) -> str:
    """A side event's name as a source in ``lang`` writes it (``name_zh``), else as the sources write it."""
    return _choose(row, "name", "name", lang)
