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
ORGANIZATION_COLUMNS = ["code", "acronym", "name_en", "name_zh", "aliases", "kind", "family", "hq_country", "note"]
ORGANIZATION_FAMILIES = vocab.ORGANIZATION_FAMILIES.codes
GROUPING_SOURCE_COLUMNS = ["id", "url", "title", "publisher", "publisher_zh", "language", "checked", "note"]
GROUPING_COLUMNS = ["code", "name_en", "name_zh", "kind", "source_id", "note"]
MEMBER_COLUMNS = ["grouping", "code", "role", "from", "from_basis", "to", "source_ids", "note"]
CHECKED = vocab.MEMBERSHIP_CHECKED.codes


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
        if row["family"] not in ORGANIZATION_FAMILIES:
            issues.append(
                DataIssue(name, label, "family", f"{row['family']!r} is not one of {', '.join(ORGANIZATION_FAMILIES)}")
            )
        if entity_codes is not None:
            if row["code"] in entity_codes:
                issues.append(DataIssue(name, label, "code", "collides with a country/region code"))
            if row["hq_country"] and row["hq_country"] not in entity_codes:
                issues.append(DataIssue(name, label, "hq_country", f"unknown country code {row['hq_country']!r}"))
    if issues:
        raise DataError(issues)
    return df


def _iso_date(value: str) -> bool:
    import datetime as dt

    try:
        return dt.date.fromisoformat(value).isoformat() == value
    except ValueError:
        return False


def load_groupings(
    base: Path | None = None, entity_codes: set[str] | None = None
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """(grouping sources, groupings, memberships) from data/reference, validated: every grouping
    and every membership row cites a known source; every membership has a grouping, a known
    country code, a role and a ``from`` date (ISO, and a ``to`` not before it when given)."""
    ref = reference_dir(base)
    issues: list[DataIssue] = []
    src_path, grp_path, mem_path = (ref / n for n in ("grouping_sources.csv", "groupings.csv", "grouping_members.csv"))
    src = read_csv_checked(src_path, GROUPING_SOURCE_COLUMNS, base)
    grp = read_csv_checked(grp_path, GROUPING_COLUMNS, base)
    mem = read_csv_checked(mem_path, MEMBER_COLUMNS, base)
    sname, gname, mname = rel(src_path, base), rel(grp_path, base), rel(mem_path, base)
    for i, row in src.iterrows():
        label = f"row {i + 2} ({row['id']})"
        for col in ("id", "url", "publisher", "language"):
            if not row[col]:
                issues.append(DataIssue(sname, label, col, "required"))
        if row["checked"] not in CHECKED:
            issues.append(DataIssue(sname, label, "checked", f"{row['checked']!r} is not one of {', '.join(CHECKED)}"))
    for i in src.index[src["id"].duplicated()]:
        issues.append(DataIssue(sname, f"row {i + 2}", "id", f"duplicate id {src.at[i, 'id']!r}"))
    ids = set(src["id"])
    _check_unique_codes(grp, gname, issues)
    for i, row in grp.iterrows():
        label = f"row {i + 2} ({row['code']})"
        if row["kind"] not in vocab.GROUPING_KINDS:
            issues.append(
                DataIssue(gname, label, "kind", f"{row['kind']!r} is not one of {', '.join(vocab.GROUPING_KINDS)}")
            )
        if not row["name_en"] or not row["name_zh"]:
            issues.append(DataIssue(gname, label, "name_en/name_zh", "both names are required"))
        if row["source_id"] not in ids:
            issues.append(DataIssue(gname, label, "source_id", f"unknown source {row['source_id']!r}"))
    codes = set(grp["code"])
    for i, row in mem.iterrows():
        label = f"row {i + 2} ({row['grouping']} {row['code']})"
        if row["grouping"] not in codes:
            issues.append(DataIssue(mname, label, "grouping", f"unknown grouping {row['grouping']!r}"))
        if entity_codes is not None and row["code"] not in entity_codes:
            issues.append(DataIssue(mname, label, "code", f"unknown country code {row['code']!r}"))
        if row["role"] not in vocab.MEMBERSHIP_ROLES:
            issues.append(
                DataIssue(mname, label, "role", f"{row['role']!r} is not one of {', '.join(vocab.MEMBERSHIP_ROLES)}")
            )
        if not _iso_date(row["from"]):
            issues.append(DataIssue(mname, label, "from", "a date (YYYY-MM-DD) is required"))
        if row["from_basis"] not in vocab.MEMBERSHIP_BASIS:
            issues.append(
                DataIssue(mname, label, "from_basis", f"{row['from_basis']!r} is not one of accession, listed_by")
            )
        if row["to"] and not (_iso_date(row["to"]) and row["to"] >= row["from"]):
            issues.append(DataIssue(mname, label, "to", "must be empty or a date (YYYY-MM-DD) not before 'from'"))
        sids = [s for s in row["source_ids"].split("|") if s]
        if not sids:
            issues.append(DataIssue(mname, label, "source_ids", "a source is required"))
        for sid in sids:
            if sid not in ids:
                issues.append(DataIssue(mname, label, "source_ids", f"unknown source {sid!r}"))
    dup = mem[mem.duplicated(["grouping", "code", "from"], keep=False)]
    for i in dup.index:
        issues.append(DataIssue(mname, f"row {i + 2}", "grouping/code/from", "duplicate membership row"))
    if issues:
        raise DataError(issues)
    return src, grp, mem
