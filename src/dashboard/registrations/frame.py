"""Rows of cells → the list's table: find the header (Chinese or English synonyms, title rows above
it, a header spanning two rows), map each header to a column (or the mapping the user chose), and
the reading budget (rows, columns, cells, seconds) shared by the CSV and XLSX readers.

Only the country/region-or-organization column is required; every other column is optional (the
edition is chosen on upload when the list has none). A list without that column is refused by
:class:`NoHeader`, which names the column in the user's language with the headers it may have, says
how to map it, and carries the candidate header row so that the Import page can offer the mapping.
"""

from __future__ import annotations

import re
import time

import pandas as pd

from .. import vocab
from ..harmonize import to_simplified
from ..i18n import DEFAULT_LANGUAGE, t
from ..text import clean_text
from . import common as C
from .common import COLUMNS, REQUIRED, FileRefused, series

# Header spellings accepted for each column, defined once (compared after normalisation:
# traditional Chinese folded to simplified, full-width brackets to ASCII, case and spaces).
HEADER_ALIASES = {
    "edition": ["edition", "year", "forum year", "session", "届次", "年份", "年度", "届", "届别", "会议届次"],
    "full_name": [
        "full name",
        "name",
        "full_name",
        "participant",
        "participant name",
        "姓名",
        "名字",
        "全名",
        "中文姓名",
        "英文姓名",
    ],  # not 参会人员: organizers merge it over 姓名 | 职务 as a group title
    "title": ["title", "position", "job title", "post", "rank", "职务", "职位", "职称", "头衔", "职务/职称", "职级"],
    "organization": [
        "organization",
        "organisation",
        "institution",
        "agency",
        "department",
        "unit",
        "单位",
        "机构",
        "组织",
        "工作单位",
        "部门",
        "所在单位",
        "单位/部门",
    ],
    "country_or_organization": [
        "country or organization",
        "country_or_organization",
        "country/region",
        "country",
        "country or region",
        "country/region or international organization",
        "country/region/organization",
        "nationality",
        "represents",
        "国家/地区",
        "国家(地区)",
        "国家或地区",
        "国家",
        "国家/地区或国际组织",
        "国家(地区)/国际组织",
        "国家/国际组织",
        "国别",
        "国别/地区",
        "国别(地区)",
        "国籍",
        "国家和地区",
    ],
    "delegation": ["delegation", "代表团", "团组", "所属代表团", "团别"],
    "role": ["role", "participation role", "capacity", "身份", "角色", "参会身份", "类别", "人员类别"],
    "mode": ["mode", "attendance", "attendance mode", "participation mode", "参会方式", "方式", "出席方式", "参会形式"],
}
# What each column means, by the headers shown in messages (two of each language).
EXAMPLE_HEADERS = {
    "edition": ["届次", "年份", "edition"],
    "full_name": ["姓名", "name"],
    "title": ["职务", "职位", "title"],
    "organization": ["单位", "机构", "organization"],
    "country_or_organization": ["国家/地区", "国别", "country"],
    "delegation": ["代表团", "delegation"],
    "role": ["身份", "参会身份", "role"],
    "mode": ["参会方式", "mode"],
}
_BRACKETS = str.maketrans({"（": "(", "）": ")", "【": "(", "】": ")", "［": "(", "］": ")", "[": "(", "]": ")"})


def norm_header(s: object) -> str:
    s = to_simplified(clean_text(s)).translate(_BRACKETS).casefold()
    s = re.sub(r"\s*([()/、])\s*", r"\1", s)
    return re.sub(r"[\s_*:：]+", " ", s).strip()


_LOOKUP = {norm_header(a): col for col, aliases in HEADER_ALIASES.items() for a in aliases}


def column_for(text: str) -> str | None:
    """The column a header (or a column id, or a label) names; None if none."""
    key = norm_header(text)
    if key in COLUMNS:
        return key
    if key in _LOOKUP:
        return _LOOKUP[key]
    for code in vocab.REGISTRATION_COLUMNS:
        if key in (
            norm_header(vocab.REGISTRATION_COLUMNS.english(code)),
            norm_header(vocab.REGISTRATION_COLUMNS.label(code, "zh")),
        ):
            return code
    return None


def parse_columns(spec: str) -> dict[str, str]:
    """``--columns "国别=country,职位=title,序号="`` → {header: column id ('' = not used)}; ValueError
    naming the part that is not understood."""
    out: dict[str, str] = {}
    for part in filter(None, (p.strip() for p in re.split(r"[,，;]", spec))):
        header, sep, column = part.rpartition("=")
        if not sep or not header.strip():
            raise ValueError(f"--columns: {part!r} is not HEADER=COLUMN")
        if not column.strip():
            out[header.strip()] = ""
            continue
        code = column_for(column)
        if code is None:
            raise ValueError(f"--columns: {column!r} is not a column ({', '.join(COLUMNS)})")
        out[header.strip()] = code
    return out


class NoHeader(FileRefused):
    """No row of the first HEADER_ROWS names the required column. ``headers`` is the most header-like
    row (the cells as written), for a column-mapping step."""

    def __init__(self, message: str, headers: list[str], row: int) -> None:
        super().__init__(message)
        self.headers, self.row = headers, row


def _header_map(cells: list[object], columns: dict[str, str] | None) -> dict[int, str]:
    chosen = {norm_header(k): v for k, v in (columns or {}).items()}
    found: dict[int, str] = {}
    for i, c in enumerate(cells):
        if _blank(c):
            continue
        key = norm_header(c)
        col = chosen[key] if key in chosen else _LOOKUP.get(key)
        if col and col not in found.values():
            found[i] = col
    return found


def _blank(v: object) -> bool:
    return v is None or (isinstance(v, str) and not v.strip())


def missing_columns_message(where: str, lang: str = DEFAULT_LANGUAGE) -> str:
    cols = [
        t(
            "{column} (a header such as {examples})",
            lang=lang,
            column=vocab.REGISTRATION_COLUMNS.label(c, lang),
            examples=series([f"“{e}”" for e in EXAMPLE_HEADERS[c]], lang),
        )
        for c in REQUIRED
    ]
    return t(
        "{where}: no header row with a column for {columns} in the first {n} rows. Rename that column's "
        "header, or map the columns: on the Import page under “Map the columns”, or with "
        'ingest --columns "YOUR HEADER=country_or_organization"',
        lang=lang,
        where=where,
        columns=series(cols, lang),
        n=C.HEADER_ROWS,
    )


def frame_from_rows(
    rows: list[list[object]], where: str, columns: dict[str, str] | None = None, lang: str = DEFAULT_LANGUAGE
) -> pd.DataFrame:
    """Find the header row (the first of the first HEADER_ROWS rows naming the required column, through
    the synonyms or ``columns``, {header as written: column id or '' for not used}); a header spanning
    two rows (a merged group title above the column names) is read as one. Return the non-blank
    records below it, each with its row number as the user sees it. ``attrs``: ``headers`` (column →
    header as written), ``unused`` (headers not read), ``header_row``."""
    head = rows[: C.HEADER_ROWS + 1]
    for h, cells in enumerate(head[: C.HEADER_ROWS]):
        mapping = _header_map(cells, columns)
        below = head[h + 1] if h + 1 < len(head) else []
        # a two-row header: the row below names columns the row itself does not (other than copies of a
        # vertically merged cell), e.g. "参会人员" merged over "姓名 | 职务"
        second = (
            {
                i: col
                for i, col in _header_map(below, columns).items()
                if col not in mapping.values() and not (i < len(cells) and cells[i] == below[i])
            }
            if mapping
            else {}
        )
        if not set(REQUIRED) <= set(mapping.values()) | set(second.values()):
            continue
        header_cells = list(cells)
        if second:
            merged = {**{i: c for i, c in mapping.items() if i not in second}, **second}
            mapping = {i: merged[i] for i in sorted(merged)}
            header_cells = [
                below[i] if i in second else (cells[i] if i < len(cells) else None)
                for i in range(max(len(cells), len(below)))
            ]
        if len(set(mapping.values())) < len(mapping):  # a column named twice across two rows: keep the first
            firsts: dict[str, int] = {}
            for i, col in mapping.items():
                firsts.setdefault(col, i)
            mapping = {i: c for c, i in firsts.items()}
        start = h + (3 if second else 2)
        records = []
        for k, r in enumerate(rows[start - 1 :], start=start):
            rec = {col: (r[i] if i < len(r) else None) for i, col in mapping.items()}
            if not all(_blank(v) for v in rec.values()):
                rec["row"] = k
                records.append(rec)
        df = pd.DataFrame(records, columns=["row"] + list(dict.fromkeys(mapping.values())))
        for col in COLUMNS:
            if col not in df.columns:
                df[col] = None
        df = df[["row"] + COLUMNS].astype({"row": int})
        df.attrs["headers"] = {col: clean_text(header_cells[i]) for i, col in mapping.items()}
        df.attrs["unused"] = [clean_text(c) for i, c in enumerate(header_cells) if i not in mapping and not _blank(c)]
        df.attrs["header_row"] = h + 1
        return df
    best = max(
        range(len(head[: C.HEADER_ROWS])),
        key=lambda i: (len(_header_map(head[i], columns)), sum(not _blank(c) for c in head[i]) >= 2),
        default=0,
    )
    headers = [clean_text(c) if not _blank(c) else "" for c in (head[best] if head else [])]
    raise NoHeader(missing_columns_message(where, lang), headers, best + 1)


class Budget:
    """Rows, cells and seconds left for reading one file."""

    def __init__(self, name: str, lang: str = DEFAULT_LANGUAGE) -> None:
        self.name, self.cells, self.deadline, self.lang = name, 0, time.monotonic() + C.MAX_SECONDS, lang

    def row(self, where: str, n_row: int, width: int) -> None:
        if n_row > C.MAX_ROWS + C.HEADER_ROWS:
            raise FileRefused(
                t(
                    "{where}: more than {limit} rows (row {row} reached; the limit is {limit} rows below the header)",
                    lang=self.lang,
                    where=where,
                    limit=f"{C.MAX_ROWS:,}",
                    row=f"{n_row:,}",
                )
            )
        if width > C.MAX_COLUMNS:
            raise FileRefused(
                t(
                    "{where}, row {row}: {width} columns (the limit is {limit} columns)",
                    lang=self.lang,
                    where=where,
                    row=f"{n_row:,}",
                    width=f"{width:,}",
                    limit=C.MAX_COLUMNS,
                )
            )
        self.add_cells(where, n_row, width)
        if n_row % 256 == 0:
            self.clock(where, n_row)

    def add_cells(self, where: str, n_row: int, n: int) -> None:
        self.cells += n
        if self.cells > C.MAX_CELLS:
            raise FileRefused(
                t(
                    "{where}, row {row}: more than {limit} cells (the limit)",
                    lang=self.lang,
                    where=where,
                    row=f"{n_row:,}",
                    limit=f"{C.MAX_CELLS:,}",
                )
            )

    def clock(self, where: str, n_row: int) -> None:
        if time.monotonic() > self.deadline:
            raise FileRefused(
                t(
                    "{where}: reading stopped at row {row} after {seconds} s (the time limit for one file)",
                    lang=self.lang,
                    where=where,
                    row=f"{n_row:,}",
                    seconds=f"{C.MAX_SECONDS:g}",
                )
            )
