"""Reference tables: countries/regions (entities) and international organizations.

Both are committed CSV files under ``data/reference/`` (entities.csv is generated
once by ``tools/make_entities.py`` and reviewed by hand). They are validated on
load because a hand edit can break them as easily as a raw file.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from . import vocab
from .errors import DataError, DataIssue
from .paths import reference_dir, rel

ENTITY_TYPES = vocab.ENTITY_TYPES.codes
ORGANIZATION_KINDS = vocab.ORGANIZATION_KINDS.codes
ENTITY_COLUMNS = [
    "code",
    "iso2",
    "iso_numeric",
    "name_en",
    "name_zh",
    "aliases",
    "entity_type",
    "region",
    "sub_region",
    "ne50m_drawn",
]
ORGANIZATION_COLUMNS = ["code", "acronym", "name_en", "name_zh", "aliases", "kind", "hq_country", "note"]


def read_csv_checked(path: Path, columns: list[str], base: Path | None = None, hint: str = "") -> pd.DataFrame:
    """Read a CSV as strings, its columns in the given order; a missing file, a parse error or a
    missing column names the file (and ``hint`` says what to do about it)."""
    name = rel(path, base)
    if not path.exists():
        raise DataError.single(name, "", "", "file not found" + hint)
    try:
        df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except (pd.errors.ParserError, UnicodeDecodeError, ValueError) as exc:
        raise DataError.single(name, "", "", f"cannot be read as UTF-8 CSV: {exc}") from exc
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise DataError.single(name, "header", ", ".join(missing), "missing column(s)" + hint)
    return df[columns]


def _check_unique_codes(df: pd.DataFrame, name: str, issues: list[DataIssue]) -> None:
    for i, code in df["code"].items():
        if not code:
            issues.append(DataIssue(name, f"row {i + 2}", "code", "empty code"))
    for code in df.loc[df["code"].duplicated() & (df["code"] != ""), "code"]:
        rows = ", ".join(str(i + 2) for i in df.index[df["code"] == code])
        issues.append(DataIssue(name, f"rows {rows}", "code", f"duplicate code {code!r}"))


def load_entities(base: Path | None = None) -> pd.DataFrame:
    path = reference_dir(base) / "entities.csv"
    name = rel(path, base)
    df = read_csv_checked(path, ENTITY_COLUMNS, base)
    issues: list[DataIssue] = []
    _check_unique_codes(df, name, issues)
    for i, row in df.iterrows():
        label = f"row {i + 2} ({row['code']})"
        if row["entity_type"] not in ENTITY_TYPES:
            issues.append(
                DataIssue(name, label, "entity_type", f"{row['entity_type']!r} is not one of {', '.join(ENTITY_TYPES)}")
            )
        if vocab.REGIONS.parse(row["region"]) is None:
            issues.append(DataIssue(name, label, "region", f"{row['region']!r} is not a UN M49 region"))
        if vocab.SUB_REGIONS.parse(row["sub_region"]) is None:
            issues.append(DataIssue(name, label, "sub_region", f"{row['sub_region']!r} is not a UN M49 sub-region"))
        if row["ne50m_drawn"] not in ("true", "false"):
            issues.append(DataIssue(name, label, "ne50m_drawn", "must be true or false"))
        if not row["name_en"] or not row["name_zh"]:
            issues.append(DataIssue(name, label, "name_en/name_zh", "both names are required"))
    if issues:
        raise DataError(issues)
    df = df.copy()
    df["ne50m_drawn"] = df["ne50m_drawn"] == "true"
    return df


def load_organizations(base: Path | None = None, entity_codes: set[str] | None = None) -> pd.DataFrame:
    path = reference_dir(base) / "organizations.csv"
    name = rel(path, base)
    df = read_csv_checked(path, ORGANIZATION_COLUMNS, base)
    issues: list[DataIssue] = []
    _check_unique_codes(df, name, issues)
    for i, row in df.iterrows():
        label = f"row {i + 2} ({row['code']})"
        if row["kind"] not in ORGANIZATION_KINDS:
            issues.append(
                DataIssue(name, label, "kind", f"{row['kind']!r} is not one of {', '.join(ORGANIZATION_KINDS)}")
            )
        if entity_codes is not None:
            if row["code"] in entity_codes:
                issues.append(DataIssue(name, label, "code", "collides with a country/region code"))
            if row["hq_country"] and row["hq_country"] not in entity_codes:
                issues.append(DataIssue(name, label, "hq_country", f"unknown country code {row['hq_country']!r}"))
    if issues:
        raise DataError(issues)
    return df
