"""Organizers' registration lists: read real-world files, validate, resolve names, merge.

One row per attendee: edition, full name (optional), organization, country/region or
international organization, delegation, role, mode. The same functions serve the app's
import page (nothing written to disk) and ``python -m dashboard.ingest`` (written to
data/raw/registrations/ atomically).

Files come from Excel and many locales: UTF-8 with or without BOM, GBK/GB18030, UTF-16;
comma, semicolon or tab; XLSX with title rows above the header, merged cells and several
sheets; headers in English or Chinese. Bad files are refused with a message that names the
row and column; nothing is half-read.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field

import pandas as pd

from .harmonize import ENTITY, ORGANIZATION, AliasIndex, Match, UnknownName

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 50_000
COLUMNS = ["edition", "full_name", "organization", "country_or_organization", "delegation", "role", "mode"]
REQUIRED = ["edition", "country_or_organization", "role"]
ROLES = ("delegate", "head_of_delegation", "speaker", "moderator", "observer", "staff", "other")
MODES = ("in_person", "video")

# Header spellings accepted for each column (compared after normalisation).
HEADER_ALIASES = {
    "edition": ["edition", "year", "forum year", "届次", "年份", "年度", "届"],
    "full_name": ["full name", "name", "full_name", "participant", "姓名", "名字", "全名"],
    "organization": ["organization", "organisation", "institution", "agency", "单位", "机构", "组织", "工作单位"],
    "country_or_organization": ["country or organization", "country_or_organization", "country/region", "country",
                                "country or region", "country/region or international organization",
                                "represents", "国家/地区", "国家(地区)", "国家或地区", "国家", "国家/地区或国际组织",
                                "国别"],
    "delegation": ["delegation", "代表团"],
    "role": ["role", "participation role", "身份", "角色", "参会身份"],
    "mode": ["mode", "attendance", "attendance mode", "参会方式", "方式"],
}
ROLE_ALIASES = {
    "delegate": ["delegate", "participant", "representative", "代表", "参会代表"],
    "head_of_delegation": ["head of delegation", "head_of_delegation", "团长", "代表团团长"],
    "speaker": ["speaker", "panelist", "panellist", "发言人", "发言嘉宾", "演讲嘉宾"],
    "moderator": ["moderator", "chair", "主持人"],
    "observer": ["observer", "观察员"],
    "staff": ["staff", "organizer", "organiser", "工作人员", "会务"],
    "other": ["other", "其他"],
}
MODE_ALIASES = {"in_person": ["in person", "in_person", "onsite", "on-site", "现场", "线下"],
                "video": ["video", "online", "remote", "virtual", "视频", "线上"]}
FORMULA_START = ("=", "+", "-", "@")
MARKUP = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>|javascript:|on\w+\s*=", re.IGNORECASE)


class FileRefused(ValueError):
    """The file as a whole cannot be used (empty, binary, wrong columns, too large…)."""


@dataclass(frozen=True)
class RowIssue:
    row: int  # 1-based row number as the user sees it in the file (header = row 1, or the header's line)
    column: str
    message: str
    suggestions: tuple[str, ...] = ()
    value: str = ""

    def __str__(self) -> str:
        hint = f" (closest: {', '.join(self.suggestions)})" if self.suggestions else ""
        return f"row {self.row}, column '{self.column}': {self.message}{hint}"


@dataclass
class Report:
    file: str
    table: pd.DataFrame  # normalised rows, with 'row' (file row number) and 'code'/'participant_type' where resolved
    issues: list[RowIssue] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.issues

    def unresolved_names(self) -> dict[str, tuple[str, ...]]:
        """Distinct unknown country/organization names and their suggestions (for the user to resolve)."""
        out: dict[str, tuple[str, ...]] = {}
        for i in self.issues:
            if i.column == "country_or_organization" and i.value:
                out.setdefault(i.value, i.suggestions)
        return out


def _norm(s: object) -> str:
    s = unicodedata.normalize("NFKC", str(s)).strip().casefold()
    return re.sub(r"[\s_]+", " ", s)


# --- reading --------------------------------------------------------------------------------------

def decode(data: bytes) -> str:
    """Text of a CSV: BOMs first (UTF-8, UTF-16), then strict UTF-8, then GB18030 (a superset of
    GBK, what Chinese Excel writes), then charset detection as the last resort."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise FileRefused("the file is not text in a known encoding (UTF-8, UTF-16, GBK/GB18030)")
    return str(best)


def _looks_binary(data: bytes) -> bool:
    head = data[:4096]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    return b"\x00" in head


def _header_map(cells: list[object]) -> dict[int, str]:
    lookup = {_norm(a): col for col, aliases in HEADER_ALIASES.items() for a in aliases}
    found: dict[int, str] = {}
    for i, c in enumerate(cells):
        col = lookup.get(_norm(c)) if c is not None else None
        if col and col not in found.values():
            found[i] = col
    return found


def _frame_from_rows(rows: list[list[object]], where: str) -> tuple[pd.DataFrame, int]:
    """Find the header row (the first of the first 20 rows naming the required columns), return
    the records below it and the header's 1-based row number."""
    for h, cells in enumerate(rows[:20]):
        mapping = _header_map(cells)
        if set(REQUIRED) <= set(mapping.values()):
            records = []
            for r in rows[h + 1:]:
                rec = {col: (r[i] if i < len(r) else None) for i, col in mapping.items()}
                records.append(rec)
            df = pd.DataFrame(records, columns=list(dict.fromkeys(mapping.values())))
            for col in COLUMNS:
                if col not in df.columns:
                    df[col] = None
            df["row"] = range(h + 2, h + 2 + len(df))
            return df[["row"] + COLUMNS], h + 1
    raise FileRefused(f"{where}: no header row with the columns {', '.join(REQUIRED)} (English or Chinese names) "
                      "in the first 20 rows")


def read_csv_bytes(data: bytes, name: str) -> pd.DataFrame:
    text = decode(data)
    sample = text[:20000]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = max([",", ";", "\t"], key=sample.count)
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        raise FileRefused(f"{name}: not a readable CSV file ({exc})") from exc
    rows = [r for r in rows if any(str(c).strip() for c in r)]
    if not rows:
        raise FileRefused(f"{name}: the file is empty")
    df, _ = _frame_from_rows(rows, name)
    return df


def read_xlsx_bytes(data: bytes, name: str) -> pd.DataFrame:
    """Every sheet whose header names the required columns is read; merged cells are filled
    with their top-left value; formulas are read as written (and refused by validation)."""
    import openpyxl

    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), read_only=False, data_only=False)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise FileRefused(f"{name}: not a readable XLSX workbook ({exc.__class__.__name__})") from exc
    frames = []
    for ws in wb.worksheets:
        merged = list(ws.merged_cells.ranges)
        values = {}
        for rng in merged:
            top = ws.cell(rng.min_row, rng.min_col).value
            for r in range(rng.min_row, rng.max_row + 1):
                for c in range(rng.min_col, rng.max_col + 1):
                    values[(r, c)] = top
        rows = []
        for r_idx, row in enumerate(ws.iter_rows(), start=1):
            rows.append([values.get((r_idx, c.column), c.value) for c in row])
        nonblank = [i for i, r in enumerate(rows) if any(v not in (None, "") for v in r)]
        if not nonblank:
            continue
        try:
            df, _ = _frame_from_rows(rows, f"{name}, sheet '{ws.title}'")
        except FileRefused:
            continue
        df = df[df[COLUMNS].notna().any(axis=1)]
        df.insert(0, "sheet", ws.title)
        frames.append(df)
    if not frames:
        raise FileRefused(f"{name}: no sheet has a header row with the columns {', '.join(REQUIRED)}")
    return pd.concat(frames, ignore_index=True)


def read_file(data: bytes, name: str) -> pd.DataFrame:
    """Any supported file to raw rows (strings, untouched); :class:`FileRefused` otherwise."""
    if not data:
        raise FileRefused(f"{name}: the file is empty")
    if len(data) > MAX_BYTES:
        raise FileRefused(f"{name}: the file is larger than {MAX_BYTES // (1024 * 1024)} MB")
    is_zip = data[:4] == b"PK\x03\x04"
    if name.lower().endswith((".xlsx", ".xlsm")) or is_zip:
        df = read_xlsx_bytes(data, name)
    elif _looks_binary(data):
        raise FileRefused(f"{name}: a binary file, not CSV or XLSX")
    else:
        df = read_csv_bytes(data, name)
    if len(df) > MAX_ROWS:
        raise FileRefused(f"{name}: more than {MAX_ROWS:,} rows")
    if df.empty:
        raise FileRefused(f"{name}: the header is there but no rows follow")
    return df


# --- validation -----------------------------------------------------------------------------------

def _text(v: object) -> str:
    if v is None or (isinstance(v, float) and v != v):
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v).strip()


def _choice(value: str, aliases: dict[str, list[str]]) -> str | None:
    n = _norm(value)
    for key, words in aliases.items():
        if n in {_norm(w) for w in words}:
            return key
    return None


def validate(df: pd.DataFrame, name: str, index: AliasIndex, editions: list[int],
             resolutions: dict[str, Match] | None = None) -> Report:
    """Check every row; resolve country/organization names (``resolutions`` maps an unknown written
    name to the match the user chose). Returns normalised rows and every issue found."""
    resolutions = resolutions or {}
    issues: list[RowIssue] = []
    out = []
    seen: dict[tuple, int] = {}
    for rec in df.to_dict("records"):
        row = int(rec["row"])
        values = {c: _text(rec.get(c)) for c in COLUMNS}
        bad = False
        for col, v in values.items():
            if v.startswith(FORMULA_START) and not re.fullmatch(r"[+-]?\d+(\.\d+)?", v):
                issues.append(RowIssue(row, col, "looks like a spreadsheet formula; write the value itself", value=v))
                bad = True
            elif MARKUP.search(v):
                issues.append(RowIssue(row, col, "contains HTML or script markup; plain text only", value=v))
                bad = True
        if bad:
            continue
        if not values["edition"]:
            issues.append(RowIssue(row, "edition", "missing edition (the year of the sub-forum)"))
            continue
        m = re.fullmatch(r"(\d{4})(\.0+)?", values["edition"])
        if not m:
            issues.append(RowIssue(row, "edition", f"{values['edition']!r} is not a year", value=values["edition"]))
            continue
        edition = int(m.group(1))
        if edition not in editions:
            issues.append(RowIssue(row, "edition", f"edition {edition} is not in the data (known: "
                                   f"{', '.join(map(str, editions))})", value=values["edition"]))
            continue
        role = _choice(values["role"], ROLE_ALIASES) if values["role"] else None
        if role is None:
            issues.append(RowIssue(row, "role", f"{values['role']!r} is not a known role" if values["role"]
                                   else "missing role", suggestions=ROLES, value=values["role"]))
            continue
        mode = _choice(values["mode"], MODE_ALIASES) if values["mode"] else "in_person"
        if mode is None:
            issues.append(RowIssue(row, "mode", f"{values['mode']!r} is not a known mode", suggestions=MODES,
                                   value=values["mode"]))
            continue
        written = values["country_or_organization"]
        if not written:
            issues.append(RowIssue(row, "country_or_organization", "missing country/region or organization"))
            continue
        if written in resolutions:
            code, ptype = resolutions[written].code, resolutions[written].kind
        else:
            try:
                m = index.resolve(written)
                code, ptype = m.code, m.kind
            except UnknownName as exc:
                issues.append(RowIssue(row, "country_or_organization", f"{exc.reason} name {written!r}",
                                       suggestions=tuple(exc.suggestions), value=written))
                continue
        key = (edition, _norm(values["full_name"]), _norm(values["organization"]), code) if values["full_name"] else None
        if key is not None and key in seen:
            issues.append(RowIssue(row, "full_name", f"duplicate of row {seen[key]} (same name, organization and "
                                   "country/organization)", value=values["full_name"]))
            continue
        if key is not None:
            seen[key] = row
        out.append({"row": row, "edition": edition, "full_name": values["full_name"],
                    "organization": values["organization"], "written_name": written, "participant_type": ptype,
                    "code": code, "delegation": values["delegation"], "role": role, "mode": mode})
    cols = ["row", "edition", "full_name", "organization", "written_name", "participant_type", "code", "delegation",
            "role", "mode"]
    return Report(name, pd.DataFrame(out, columns=cols), issues)


def anonymise(table: pd.DataFrame) -> pd.DataFrame:
    """Drop person names: only aggregates (who, by country/organization, role, mode) are kept."""
    return table.assign(full_name="")


# --- what a list adds to the dataset ---------------------------------------------------------------

def participation_rows(table: pd.DataFrame, source_id: str) -> pd.DataFrame:
    """edition × participant from a registration list (how_known = registration_list)."""
    g = (table.groupby(["edition", "participant_type", "code"], sort=True)
         .agg(names_as_written=("written_name", lambda s: "|".join(sorted(set(s))))).reset_index())
    g["how_known"] = "registration_list"
    g["source_ids"] = source_id
    return g[["edition", "participant_type", "code", "how_known", "names_as_written", "source_ids"]]


def figure_rows(table: pd.DataFrame, source_id: str) -> pd.DataFrame:
    """Counts from the list, as reported figures of the organizer's list (exact)."""
    rows = []
    for ed, g in table.groupby("edition"):
        counts = {"attendees": len(g),
                  "countries_and_regions": g[g.participant_type == ENTITY].code.nunique(),
                  "international_organizations": g[g.participant_type == ORGANIZATION].code.nunique()}
        for metric, value in counts.items():
            rows.append({"edition": int(ed), "scope": "sub_forum", "metric": metric, "value": int(value),
                         "qualifier": "exact", "as_written": f"{value} in the organizer's registration list",
                         "source_id": source_id, "is_preferred": False, "note": "counted from the registration list"})
    return pd.DataFrame(rows)


# --- merging into the tables (the build and the app's session use the same function) ---------------

def source_record(source_id: str, file_name: str, edition: int, accessed: str, anonymised: bool) -> dict:
    return {"id": source_id, "url": f"file:///{file_name}", "title": f"Organizer's registration list, {edition} "
            f"({file_name}){', names removed' if anonymised else ''}", "publisher": "Sub-forum organizers (file "
            "supplied by the user)", "language": "und", "kind": "organizer_list", "subkind": "registration_list",
            "published": None, "published_note": None, "accessed": accessed, "excerpt": None,
            "notes": "Complete participant list supplied by the organizers."}


def merge_into(frames: dict[str, pd.DataFrame], table: pd.DataFrame, source: dict) -> dict[str, pd.DataFrame]:
    """The tables with one registration list added: its participants (how_known =
    registration_list), its counts as reported figures of the organizer's list, its source, and
    the edition marked as having a complete list. Returns new frames; the input is not changed."""
    out = dict(frames)
    sid = source["id"]
    editions = sorted(int(e) for e in table.edition.unique())
    part = participation_rows(table, sid)
    p = frames["participation"]
    p = p[~((p.how_known == "registration_list") & p.edition.isin(editions))]
    out["participation"] = (pd.concat([p, part.astype({"edition": p.edition.dtype})], ignore_index=True)
                            .sort_values(["edition", "participant_type", "code", "how_known"]).reset_index(drop=True))
    f = frames["reported_figures"]
    f = f[f.source_id != sid]
    figs = figure_rows(table, sid)
    out["reported_figures"] = pd.concat([f, figs.astype({"edition": f.edition.dtype})], ignore_index=True)
    s = frames["sources"]
    out["sources"] = pd.concat([s[s.id != sid], pd.DataFrame([source]).reindex(columns=s.columns)],
                               ignore_index=True)
    e = frames["editions"].copy()
    e.loc[e.edition.isin(editions), "participant_list_complete"] = True
    out["editions"] = e
    return out
