"""Schemas of the raw files (pydantic): types, allowed values, required fields.

``extra="forbid"`` everywhere: a misspelt field name in a hand-edited YAML file is
an error, not a silently ignored key. Cross-references (source ids, names of
countries and organizations) are checked afterwards in :mod:`dashboard.raw`,
where the reference tables are known.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, create_model, field_validator, model_validator

from . import vocab
from .tables import DERIVED_EDITION_COLUMNS, LIST, TABLES

SourceId = str
# Allowed values come from the one vocabulary module.
QUALIFIERS = vocab.QUALIFIERS.codes
HEADLINE_METRICS = vocab.REPORTED_METRICS
ROLES = vocab.ROLES.codes
SPEAKING_ROLES = vocab.SPEAKING_ROLES
MODES = vocab.MODES.codes
HOW_KNOWN = vocab.HOW_KNOWN_RAW
SOURCE_KINDS = vocab.RAW_SOURCE_KINDS
SOURCE_SUBKINDS = vocab.SOURCE_SUBKINDS.codes
PARTICIPANT_TYPES = vocab.PARTICIPANT_TYPES.codes
TOPIC_KINDS = vocab.TOPIC_KINDS.codes
CONFLICT_SCOPES = vocab.SCOPES.codes
# What a source can be cited for (see vocab.SOURCE_SUPPORTS).
SOURCE_SUPPORTS = vocab.SOURCE_SUPPORTS.codes


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Source(Strict):
    id: str = Field(pattern=r"^[a-z0-9_]+$")
    url: str = Field(pattern=r"^https?://\S+$")
    title: str = Field(min_length=1)
    publisher: str = Field(min_length=1)
    # The publisher's own Chinese name, where the record gives it (shown in the Chinese interface).
    publisher_zh: str | None = None
    language: str = Field(pattern=r"^[a-z]{2,3}$")
    kind: Literal[SOURCE_KINDS]  # type: ignore[valid-type]
    subkind: Literal[SOURCE_SUBKINDS]  # type: ignore[valid-type]
    short_title: str = Field(min_length=1, max_length=70)
    short_title_zh: str | None = None  # this project's short description in Chinese (reference labels)
    supports: list[Literal[SOURCE_SUPPORTS]] = Field(min_length=1)  # type: ignore[valid-type]
    published: str | None = Field(default=None, pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")
    published_note: str | None = None
    accessed: dt.date | None = None
    excerpt: str | None = None
    notes: str | None = None

    @model_validator(mode="after")
    def _subkind_within_kind(self) -> Source:
        if vocab.SUBKIND_OF[self.subkind] != self.kind:
            raise ValueError(
                f"subkind {self.subkind!r} is a kind of {vocab.SUBKIND_OF[self.subkind]!r}, not {self.kind!r}"
            )
        return self

    @field_validator("supports")
    @classmethod
    def _supports_consistent(cls, v: list[str]) -> list[str]:
        if len(set(v)) != len(v):
            raise ValueError("values repeat")
        if "name_or_title" in v and "participation" in v:
            raise ValueError("a name_or_title source cannot also support participation")
        return v


class _EditionFile(Strict):
    """What an edition file says beyond the clean editions table's columns: its year (the table's
    ``edition``), and what the build reads but does not publish."""

    year: int = Field(ge=2000, le=2100)
    host_note: str | None = None
    described_as_first_source_ids: list[SourceId] = []

    @model_validator(mode="after")
    def _dates_in_order(self):
        if self.end_date < self.start_date:
            raise ValueError("end_date is before start_date")
        if self.start_date.year != self.year:
            raise ValueError(f"start_date {self.start_date} is not in year {self.year}")
        return self


# Bounds the raw values must keep, for the columns that have them.
_EDITION_BOUNDS = {"number": dict(ge=1), "city_lat": dict(ge=-90, le=90), "city_lon": dict(ge=-180, le=180)}
_PYTHON_TYPES = {"integer": int, "number": float, "date": dt.date, "boolean": bool, "string": str}


def _edition_fields() -> dict[str, tuple]:
    """The edition file's fields, generated from the clean editions table (tables.TABLES): a column's
    name, type, whether it is required and its description are written there once. A column of several
    values ('a|b' in the table) is a YAML list in the file."""
    out: dict[str, tuple] = {}
    for spec in TABLES["editions"]["fields"]:
        name = spec["name"]
        if name in DERIVED_EDITION_COLUMNS:
            continue
        required = spec.get("constraints", {}).get("required", False)
        doc = spec["description"]
        if doc.endswith(LIST):
            out[name] = (list[str], Field(min_length=1, description=doc) if required else Field([], description=doc))
            continue
        typ = _PYTHON_TYPES[spec["type"]]
        bounds = _EDITION_BOUNDS.get(name, {})
        if required:
            out[name] = (typ, Field(description=doc, **bounds))
        else:
            out[name] = (typ | None, Field(None, description=doc, **bounds))
    return out


# One edition file's ``edition:`` block (data/raw/editions/<year>.yaml).
Edition = create_model("Edition", __base__=_EditionFile, **_edition_fields())


class Figure(Strict):
    metric: Literal[HEADLINE_METRICS]  # type: ignore[valid-type]
    value: int = Field(ge=0)
    qualifier: Literal[QUALIFIERS]  # type: ignore[valid-type]
    as_written: str
    source_id: SourceId
    note: str | None = None


class ContextFigure(Figure):
    metric: str  # the parent conference reports other metrics (sub-forums, invited guests)


class Person(Strict):
    name: str | None
    name_as_written: str | None = None
    name_unofficial: bool = False
    title: str
    organization: str
    represents: str
    role: Literal[ROLES]  # type: ignore[valid-type]
    role_as_written: str
    mode: Literal[MODES]  # type: ignore[valid-type]
    mode_as_written: str | None = None
    source_ids: list[SourceId] = Field(min_length=1)
    verification: str | None = None
    note: str | None = None
    # The project's note in Chinese (a note is this project's words, so it is written in both languages;
    # the Chinese view shows note_zh, never the English note).
    note_zh: str | None = Field(default=None, min_length=1)
    # Chinese forms, exactly as the Chinese-language source ``zh_source_id`` writes them (traditional
    # script kept; the build adds the simplified form). Left out where no Chinese source gives
    # them: a Chinese name is never transliterated by this project.
    name_zh: str | None = Field(default=None, min_length=1)
    title_zh: str | None = Field(default=None, min_length=1)
    organization_zh: str | None = Field(default=None, min_length=1)
    zh_source_id: SourceId | None = None
    # The house style's form of the sourced ``title_zh`` for display (an official title, our own bodies
    # without 中华人民共和国, short country names); ``title_zh`` keeps the source's wording.
    title_zh_display: str | None = Field(default=None, min_length=1)
    # This project's Chinese translation of the title (本项目译写), only where no Chinese source gives one,
    # shown marked as such (house style, rule 2). Never a name: names are not transliterated.
    title_zh_project: str | None = Field(default=None, min_length=1)

    @model_validator(mode="after")
    def _zh_forms_cite_a_source(self) -> Person:
        has_form = any((self.name_zh, self.title_zh, self.organization_zh))
        if has_form and not self.zh_source_id:
            raise ValueError("name_zh, title_zh or organization_zh is given without zh_source_id")
        if self.zh_source_id and not has_form:
            raise ValueError("zh_source_id is given without name_zh, title_zh or organization_zh")
        if self.title_zh_display and not self.title_zh:
            raise ValueError("title_zh_display is given without the source's title_zh")
        if self.title_zh_project and self.title_zh:
            raise ValueError("title_zh_project is given although a Chinese source gives title_zh")
        if bool(self.note) != bool(self.note_zh):
            raise ValueError("a note is written in both languages: note and note_zh")
        return self


class Participant(Strict):
    name_as_written: str
    kind: Literal[PARTICIPANT_TYPES]  # type: ignore[valid-type]
    how_known: Literal[HOW_KNOWN]  # type: ignore[valid-type]
    source_ids: list[SourceId] = Field(min_length=1)
    # Position in the list of the edition's official source (its chair's statement, else the host's news
    # release), 1 first: international organizations are shown in that order in Chinese (house style rule 5).
    listed_order: int | None = Field(default=None, ge=1)
    note: str | None = None


class Topic(Strict):
    kind: Literal[TOPIC_KINDS]  # type: ignore[valid-type]
    text: str
    source_id: SourceId
    note: str | None = None


class Outcome(Strict):
    item: str
    source_ids: list[SourceId] = Field(min_length=1)
    # The outcome as the Chinese-language source ``zh_source_id`` words it (the Chinese view shows it, never
    # the English); where no Chinese source words it, this project's Chinese (``item_zh_project``), shown
    # marked as such (house style, rule 2).
    item_zh: str | None = Field(default=None, min_length=1)
    zh_source_id: SourceId | None = None
    item_zh_project: str | None = Field(default=None, min_length=1)

    @model_validator(mode="after")
    def _zh_form_cites_a_source(self) -> Outcome:
        if bool(self.item_zh) != bool(self.zh_source_id):
            raise ValueError("item_zh and zh_source_id are given together (the Chinese form cites its source)")
        if self.item_zh and self.item_zh_project:
            raise ValueError("item_zh_project is given although a Chinese source gives item_zh")
        return self


class SideEvent(Strict):
    name: str
    date: dt.date
    city: str
    theme: str | None = None
    attendees_as_written: str
    source_ids: list[SourceId] = Field(min_length=1)
    note: str | None = None
    # The event's name as the Chinese-language source ``zh_source_id`` writes it.
    name_zh: str | None = Field(default=None, min_length=1)
    zh_source_id: SourceId | None = None

    @model_validator(mode="after")
    def _zh_form_cites_a_source(self) -> SideEvent:
        if bool(self.name_zh) != bool(self.zh_source_id):
            raise ValueError("name_zh and zh_source_id are given together (the Chinese form cites its source)")
        return self


class ParentConference(Strict):
    reported_figures: list[dict] = []
    people: list[dict] = []
    topics: list[dict] = []
    outcomes: list[dict] = []


class Conflict(Strict):
    id: str = Field(pattern=r"^C\d+$")
    edition: int
    scope: Literal[CONFLICT_SCOPES]  # type: ignore[valid-type]
    issue: str
    detail: str
    issue_zh: str | None = None  # the project's own note in Chinese (quotations as the sources write them)
    detail_zh: str | None = None
    source_ids: list[SourceId] = Field(min_length=2)

    @field_validator("source_ids")
    @classmethod
    def _distinct(cls, v: list[str]) -> list[str]:
        if len(set(v)) != len(v):
            raise ValueError("source ids repeat")
        return v


# Sections of an edition file and the model of each record in it.
EDITION_SECTIONS: dict[str, type[Strict]] = {
    "reported_figures": Figure,
    "people": Person,
    "participants": Participant,
    "topics": Topic,
    "outcomes": Outcome,
    "side_events": SideEvent,
}
CONTEXT_SECTIONS: dict[str, type[Strict]] = {
    "reported_figures": ContextFigure,
    "people": Person,
    "topics": Topic,
    "outcomes": Outcome,
}
