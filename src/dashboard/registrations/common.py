"""What the reading, validation and merging of registration lists share: the columns, the
allowed values, the limits, and the report types. pandas only (and the translation layer: every
message about an uploaded list is a gettext message, shown in the user's language)."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from .. import locale_rules, vocab
from ..i18n import resolve_language, t

COLUMNS = ["edition", "full_name", "organization", "country_or_organization", "delegation", "role", "mode"]
REQUIRED = ["edition", "country_or_organization", "role"]
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


def series(items, lang: str | None = None) -> str:
    """Items joined as a list: 'a, b, c' / 'a、b、c'. Registration messages still follow the run's
    language when ``lang`` is not given (as their ``t()`` calls do)."""
    return locale_rules.series(items, resolve_language(lang))


def either(items, lang: str | None = None) -> str:
    """Alternatives: 'a or b' / 'a或b' ('a、b或c' for three)."""
    return locale_rules.either(items, resolve_language(lang))


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

    def __str__(self) -> str:
        if self.suggestions:
            return t(
                "row {row}, column '{column}': {message} (closest: {suggestions})",
                row=self.row,
                column=self.column,
                message=self.message,
                suggestions=series(self.suggestions),
            )
        return t("row {row}, column '{column}': {message}", row=self.row, column=self.column, message=self.message)


@dataclass
class Report:
    file: str
    table: pd.DataFrame  # normalised rows, with 'row' (file row number) and 'code'/'participant_type' where resolved
    issues: list[RowIssue] = field(default_factory=list)
    unsuggested: int = 0  # distinct unknown names past MAX_SUGGESTED_NAMES (no suggestions computed)

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
