"""Organizers' registration lists: read real-world files, validate, resolve names, merge.

One row per attendee: edition, full name (optional), organization, country/region or
international organization, delegation, role, mode. The same functions serve the app's
import page (nothing written to disk) and ``python -m dashboard.ingest`` (written to
data/raw/registrations/ atomically).

One module per concern, each with its own tests:

- :mod:`.common`     columns, allowed values, limits, report types (pandas only)
- :mod:`.reading`    bytes → raw rows: encodings decided on evidence, CSV read within limits,
                     other spreadsheet formats refused with how to save them; charset-normalizer
                     is imported on first use
- :mod:`.xlsx`       the XLSX streamer: every limit in every phase (zip directory, parsing, merged
                     cells), cached formula values, dates by number format, hidden sheets skipped
- :mod:`.frame`      rows → the list's table: header synonyms, title rows, two-row headers, the
                     user's column mapping; the reading budget
- :mod:`.validation` raw rows → normalised rows and a row-and-column report (through the
                     harmoniser: opencc and rapidfuzz on first use)
- :mod:`.merge`      a validated list → the dataset's tables (pandas only: every page imports it)

This package imports only ``common`` and ``merge`` eagerly; ``read_file``, ``validate`` and the
rest are loaded when first used (``from dashboard.registrations import merge_into`` stays cheap).
"""

from __future__ import annotations

import importlib

from .common import (
    COLUMNS,
    HEADER_ROWS,
    MAX_BYTES,
    MAX_CELLS,
    MAX_COLUMNS,
    MAX_ROWS,
    MAX_SECONDS,
    MAX_SUGGESTED_NAMES,
    MODES,
    REQUIRED,
    ROLES,
    FileRefused,
    Report,
    RowIssue,
)
from .merge import (
    Completeness,
    Difference,
    anonymise,
    cleaned,
    completeness,
    figure_rows,
    list_counts,
    merge_into,
    participation_rows,
    source_record,
    what_changed,
)

_LAZY = {
    "read_file": "reading",
    "decode": "reading",
    "read_csv_bytes": "reading",
    "read_xlsx_bytes": "reading",
    "ENCODING_LABELS": "reading",
    "HEADER_ALIASES": "frame",
    "NoHeader": "frame",
    "parse_columns": "frame",
    "column_for": "frame",
    "validate": "validation",
    "MARKUP": "validation",
    "FORMULA_START": "validation",
    "ROLE_ALIASES": "validation",
    "parse_edition": "validation",
    "MODE_ALIASES": "validation",
}

__all__ = [
    "COLUMNS",
    "HEADER_ROWS",
    "MAX_BYTES",
    "MAX_CELLS",
    "MAX_COLUMNS",
    "MAX_ROWS",
    "MAX_SECONDS",
    "MAX_SUGGESTED_NAMES",
    "MODES",
    "REQUIRED",
    "ROLES",
    "FileRefused",
    "Report",
    "RowIssue",
    "anonymise",
    "figure_rows",
    "merge_into",
    "participation_rows",
    "source_record",
    "Completeness",
    "Difference",
    "cleaned",
    "completeness",
    "list_counts",
    "what_changed",
    *_LAZY,
]


def __getattr__(name: str):
    if name in _LAZY:
        return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
