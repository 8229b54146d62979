"""What the reading, validation and merging of registration lists share: the columns, the
allowed values, the limits, and the report types. pandas only (and the translation layer: every
message about an uploaded list is a gettext message, shown in the user's language)."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from .. import locale_rules, vocab
from ..i18n import DEFAULT_LANGUAGE, t

COLUMNS = ["edition", "full_name", "title", "organization", "country_or_organization", "delegation", "role", "mode"]
# Only the country/region-or-organization column is required: the edition is chosen on upload (or
# ``ingest --edition``) when the list has no edition column, a missing role is "not stated", a
# missing mode "in person" (what a list of attendees means unless it says otherwise).
REQUIRED = ["country_or_organization"]
# The columns of a validated list (registrations/<year>.csv and what the import page keeps).
VALIDATED_COLUMNS = [
    "edition",
    "full_name",
    "organization",
    "written_name",
    "participant_type",
    "code",
    "delegation",
    "role",
    "mode",
]
# Written beside them when the list has titles (职务): the title as written and the seniority derived
# from it by the same rules as the sources' titles (cleaning.seniority). Optional in stored lists.
TITLE_COLUMNS = ["title", "seniority"]
ROLES = vocab.REGISTRATION_ROLES.codes  # defined once, in dashboard.vocab
MODES = vocab.REGISTRATION_MODES.codes

# Limits of reading: past any of them the file is refused with a message naming the file and the
# limit (and the row, column or cell where it was reached). Module constants, so tests can lower them.
MAX_BYTES = 5 * 1024 * 1024  # the file as uploaded
MAX_ROWS = 50_000  # data rows
HEADER_ROWS = 20  # the header is looked for in the first 20 rows (title rows above it)
MAX_COLUMNS = 64
MAX_CELLS = 500_000  # cells read (each row counted up to its last value): 50,000 rows × 10 columns
MAX_SECONDS = 15.0  # reading one file (a 50,000-row list takes a few seconds)
MAX_UNPACKED = 64 * 1024 * 1024  # an XLSX: all parts together, uncompressed
MAX_SHEET_PART = 32 * 1024 * 1024  # one worksheet or the shared strings, uncompressed
MAX_OTHER_PART = 4 * 1024 * 1024  # styles, themes, anything else, uncompressed
MAX_PARTS = 500
MAX_SUGGESTED_NAMES = 50  # distinct unknown names given suggestions in a report; the rest are counted


def series(items, lang: str = DEFAULT_LANGUAGE) -> str:
    """Items joined as a list: 'a, b, c' / 'a、b、c' (every registration message takes the reader's
    ``lang`` from its caller; English when none is given, never the run's language)."""
    return locale_rules.series(items, lang)


def either(items, lang: str = DEFAULT_LANGUAGE) -> str:
    """Alternatives: 'a or b' / 'a或b' ('a、b或c' for three)."""
    return locale_rules.either(items, lang)


class FileRefused(ValueError):
    """The file as a whole cannot be used (empty, binary, wrong columns, too large…)."""


@dataclass(frozen=True)
class RowIssue:
    row: int  # 1-based row number as the user sees it in the file (header = row 1, or the header's line)
    column: str
    message: str
    suggestions: tuple[str, ...] = ()
    value: str = ""
    reason: str = ""  # "ambiguous" or "unknown" for a name not matched; messages are translated, never parsed

    header: str = ""  # the column's header as written in the file ("国家/地区"), when read from a file
    sheet: str = ""  # the workbook sheet the row is on ("" for a CSV)

    def __str__(self) -> str:
        return self.text()

    def text(self, lang: str = DEFAULT_LANGUAGE) -> str:
        column = column_name(self.column, self.header, lang)
        if self.suggestions:
            out = t(
                "row {row}, column '{column}': {message} (closest: {suggestions})",
                lang=lang,
                row=self.row,
                column=column,
                message=self.message,
                suggestions=series(self.suggestions, lang),
            )
        else:
            out = t(
                "row {row}, column '{column}': {message}", lang=lang, row=self.row, column=column, message=self.message
            )
        return t("sheet '{sheet}', {where}", lang=lang, sheet=self.sheet, where=out) if self.sheet else out


def column_name(column: str, header: str = "", lang: str = DEFAULT_LANGUAGE) -> str:
    """A column as the user knows it: its header in the file and, when that differs, the
    column's name in the user's language ("国家/地区" / "Nation (country/region or …)")."""
    lang = lang
    label = vocab.REGISTRATION_COLUMNS.label(column, lang) if column in vocab.REGISTRATION_COLUMNS else column
    if header and header != label:
        return t("{header} ({label})", lang=lang, header=header, label=label)
    return label


@dataclass
class Report:
    file: str
    table: pd.DataFrame  # normalised rows, with 'row' (file row number) and 'code'/'participant_type' where resolved
    issues: list[RowIssue] = field(default_factory=list)
    unsuggested: int = 0  # distinct unknown names past MAX_SUGGESTED_NAMES (no suggestions computed)
    notes: list[str] = field(default_factory=list)  # what reading decided that the user should know

    @property
    def ok(self) -> bool:
        return not self.issues

    def unresolved_names(self) -> dict[str, tuple[str, ...]]:
        """Distinct unknown country/organization names (in order of first appearance) and their
        suggestions (empty past the cap), for the user to resolve."""
        out: dict[str, tuple[str, ...]] = {}
        for i in self.issues:
            if i.column == "country_or_organization" and i.value:
                out.setdefault(i.value, i.suggestions)
        return out

    def rows_per_unresolved_name(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for i in self.issues:
            if i.column == "country_or_organization" and i.value:
                out[i.value] = out.get(i.value, 0) + 1
        return out
