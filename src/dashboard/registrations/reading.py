"""Reading organizers' files: bytes → raw rows (strings and numbers, untouched), within limits.

Files come from Excel and many locales: UTF-8 with or without BOM, UTF-16 with or without BOM,
GBK/GB18030, Big5, Windows-1252 (what Excel writes on Western systems); comma, semicolon or
tab; XLSX with title rows above the header, merged cells and several sheets; headers in English
or Chinese (simplified or traditional).

Nothing here trusts the file. The encoding is decided on evidence (byte-order marks, the
pattern of NUL bytes, strict UTF-8, then charset-normalizer's scoring of a fixed list of
candidates — never "GB18030 first"). A workbook is checked before it is loaded: the number and
uncompressed size of its parts (from the zip directory: a zip bomb is refused before anything is
unpacked), each sheet's declared dimensions; then it is streamed in openpyxl's read-only mode and
reading stops at the first limit reached (rows, columns, cells, seconds). CSV has the same limits.
Every refusal is a :class:`FileRefused` naming the file and the limit, row, column or cell.
"""

from __future__ import annotations

import csv
import io
import re
import time
import zipfile

import pandas as pd

from . import common as C
from .common import COLUMNS, REQUIRED, FileRefused
from ..harmonize import to_simplified
from ..text import clean_text

# Header spellings accepted for each column (compared after normalisation; traditional Chinese is
# folded to simplified first).
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
# Candidate encodings when the bytes are neither UTF-8 nor UTF-16/32 with a byte-order mark;
# charset-normalizer scores each on the text it yields (mess and language coherence).
CANDIDATE_ENCODINGS = ["cp1252", "cp1250", "cp1251", "gb18030", "big5", "utf_16_le", "utf_16_be"]
ENCODING_LABELS = {"cp1252": "Windows-1252", "cp1250": "Windows-1250", "cp1251": "Windows-1251",
                   "gb18030": "GB18030/GBK", "big5": "Big5", "utf_16_le": "UTF-16", "utf_16_be": "UTF-16",
                   "utf-8": "UTF-8", "utf-16": "UTF-16"}


def norm_header(s: object) -> str:
    return re.sub(r"[\s_]+", " ", to_simplified(clean_text(s)).casefold())


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.0f} MB" if n >= 1024 * 1024 else f"{n / 1024:.0f} KB"


# --- encodings ------------------------------------------------------------------------------------

def _nul_pattern(data: bytes) -> str | None:
    """'utf-32', 'utf-16-le' or 'utf-16-be' when the NUL bytes fall where those encodings put
    them for mostly-ASCII text (files without a byte-order mark); None otherwise."""
    head = data[:4096]
    if len(head) < 8 or b"\x00" not in head:
        return None
    n = len(head) // 4 * 4
    quads = [head[i:i + 4] for i in range(0, n, 4)]
    if sum(q[1:] == b"\x00\x00\x00" or q[:3] == b"\x00\x00\x00" for q in quads) > 0.6 * len(quads):
        return "utf-32"
    even = head[0::2].count(0) / max(1, len(head[0::2]))
    odd = head[1::2].count(0) / max(1, len(head[1::2]))
    if odd > 0.3 and even < 0.05:
        return "utf-16-le"
    if even > 0.3 and odd < 0.05:
        return "utf-16-be"
    return None


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        row = data[:exc.start].decode(encoding, errors="replace").count("\n") + 1
        label = ENCODING_LABELS.get(encoding, encoding)
        raise FileRefused(f"{name}, row {row}: bytes that are not valid {label} text (byte {exc.start:,}); "
                          "save the file as UTF-8 CSV or as XLSX") from None


def detect_encoding(data: bytes, name: str = "file") -> str:
    """The encoding of a CSV's bytes, decided on evidence; :class:`FileRefused` for UTF-32 and
    bytes that no candidate explains."""
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")) or _nul_pattern(data) == "utf-32":
        raise FileRefused(f"{name}: the file is UTF-32 text, which is not supported; save it as UTF-8 CSV or as XLSX")
    if data.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    pattern = _nul_pattern(data)
    if pattern:
        return pattern
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=CANDIDATE_ENCODINGS).best()
    if best is None:
        raise FileRefused(f"{name}: the file is not text in a known encoding (UTF-8, UTF-16, GBK/GB18030, Big5, "
                          "Windows-1252); save it as UTF-8 CSV or as XLSX")
    return best.encoding


def decode(data: bytes, name: str = "file") -> str:
    """Text of a CSV (see :func:`detect_encoding`), every byte accounted for."""
    return _strict(data, detect_encoding(data, name), name)


def looks_binary(data: bytes) -> bool:
    head = data[:4096]
    if head.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")) or _nul_pattern(data):
        return False
    return b"\x00" in head


# --- rows → frame ---------------------------------------------------------------------------------

def _header_map(cells: list[object]) -> dict[int, str]:
    lookup = {norm_header(a): col for col, aliases in HEADER_ALIASES.items() for a in aliases}
    found: dict[int, str] = {}
    for i, c in enumerate(cells):
        col = lookup.get(norm_header(c)) if c is not None else None
        if col and col not in found.values():
            found[i] = col
    return found


def _blank(v: object) -> bool:
    return v is None or (isinstance(v, str) and not v.strip())


def frame_from_rows(rows: list[list[object]], where: str) -> pd.DataFrame:
    """Find the header row (the first of the first HEADER_ROWS rows naming the required columns);
    return the non-blank records below it, each with its row number as the user sees it."""
    for h, cells in enumerate(rows[:C.HEADER_ROWS]):
        mapping = _header_map(cells)
        if set(REQUIRED) <= set(mapping.values()):
            records = []
            for k, r in enumerate(rows[h + 1:], start=h + 2):
                rec = {col: (r[i] if i < len(r) else None) for i, col in mapping.items()}
                if not all(_blank(v) for v in rec.values()):
                    rec["row"] = k
                    records.append(rec)
            df = pd.DataFrame(records, columns=["row"] + list(dict.fromkeys(mapping.values())))
            for col in COLUMNS:
                if col not in df.columns:
                    df[col] = None
            return df[["row"] + COLUMNS].astype({"row": int})
    raise FileRefused(f"{where}: no header row with the columns {', '.join(REQUIRED)} (English or Chinese names) "
                      f"in the first {C.HEADER_ROWS} rows")


class _Budget:
    """Rows, cells and seconds left for reading one file."""

    def __init__(self, name: str) -> None:
        self.name, self.cells, self.deadline = name, 0, time.monotonic() + C.MAX_SECONDS

    def row(self, where: str, n_row: int, width: int) -> None:
        if n_row > C.MAX_ROWS + C.HEADER_ROWS:
            raise FileRefused(f"{where}: more than {C.MAX_ROWS:,} rows (row {n_row:,} reached; the limit is "
                              f"{C.MAX_ROWS:,} rows below the header)")
        if width > C.MAX_COLUMNS:
            raise FileRefused(f"{where}, row {n_row:,}: {width:,} columns (the limit is {C.MAX_COLUMNS} columns)")
        self.cells += width
        if self.cells > C.MAX_CELLS:
            raise FileRefused(f"{where}, row {n_row:,}: more than {C.MAX_CELLS:,} cells (the limit)")
        if n_row % 256 == 0:
            self.clock(where, n_row)

    def clock(self, where: str, n_row: int) -> None:
        if time.monotonic() > self.deadline:
            raise FileRefused(f"{where}: reading stopped at row {n_row:,} after {C.MAX_SECONDS:g} s (the time "
                              "limit for one file)")


# --- CSV ------------------------------------------------------------------------------------------

def read_csv_bytes(data: bytes, name: str) -> pd.DataFrame:
    text = decode(data, name)
    sample = text[:20000]
    try:
        delimiter = csv.Sniffer().sniff(sample, delimiters=",;\t").delimiter
    except csv.Error:
        delimiter = max([",", ";", "\t"], key=sample.count)
    budget = _Budget(name)
    rows: list[list[str]] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for n, r in enumerate(reader, start=1):
            budget.row(name, n, len(r))
            rows.append(r)
    except csv.Error as exc:
        raise FileRefused(f"{name}, row {len(rows) + 1:,}: not a readable CSV file ({exc})") from None
    if not any(any(str(c).strip() for c in r) for r in rows):
        raise FileRefused(f"{name}: the file is empty")
    return frame_from_rows(rows, name)


# --- XLSX -----------------------------------------------------------------------------------------

_MERGE = re.compile(rb"<(?:\w+:)?mergeCell\b[^>]*\bref=\"([A-Za-z]+\d+(?::[A-Za-z]+\d+)?)\"")


def _part_limit(filename: str) -> int:
    if filename.startswith("xl/worksheets/") or filename == "xl/sharedStrings.xml":
        return C.MAX_SHEET_PART
    return C.MAX_OTHER_PART


def check_zip(data: bytes, name: str) -> zipfile.ZipFile:
    """The workbook's zip directory, checked before anything is unpacked: part count and each
    part's and the total uncompressed size. (Python's zipfile never unpacks more than the size
    the directory declares, so these limits hold while reading too.)"""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise FileRefused(f"{name}: not a readable XLSX workbook ({exc.__class__.__name__})") from None
    if len(infos) > C.MAX_PARTS:
        raise FileRefused(f"{name}: {len(infos):,} parts inside the workbook (the limit is {C.MAX_PARTS})")
    total = 0
    for info in infos:
        limit = _part_limit(info.filename)
        if info.file_size > limit:
            raise FileRefused(f"{name}: the part {info.filename} unpacks to {_mb(info.file_size)} (the limit is "
                              f"{_mb(limit)})")
        total += info.file_size
    if total > C.MAX_UNPACKED:
        raise FileRefused(f"{name}: the workbook unpacks to {_mb(total)} (the limit is {_mb(C.MAX_UNPACKED)})")
    return zf


def _merged_ranges(zf: zipfile.ZipFile, path: str, budget: _Budget, where: str) -> list[tuple[int, int, int, int]]:
    """(min_row, min_col, max_row, max_col) of each merged range, scanned from the sheet's XML in
    chunks (read-only mode does not give them)."""
    from openpyxl.utils.cell import range_boundaries

    out, tail = [], b""
    try:
        with zf.open(path) as fh:
            while chunk := fh.read(1 << 20):
                buf = tail + chunk
                for m in _MERGE.finditer(buf):
                    min_col, min_row, max_col, max_row = range_boundaries(m.group(1).decode("ascii"))
                    out.append((min_row, min_col, max_row, max_col))
                cut = buf.rfind(b"<")
                tail = buf[cut:] if cut >= 0 and len(buf) - cut < 512 else b""
                budget.clock(where, 0)
    except KeyError:
        return []
    return sorted(set(out))


def _sheet_rows(ws, zf: zipfile.ZipFile, budget: _Budget, where: str) -> list[list[object]]:
    from openpyxl.utils.cell import get_column_letter

    declared_rows, declared_cols = ws.max_row or 0, ws.max_column or 0
    if declared_rows > C.MAX_ROWS + C.HEADER_ROWS or declared_cols > C.MAX_COLUMNS:
        ref = f"{get_column_letter(max(declared_cols, 1))}{max(declared_rows, 1)}"
        raise FileRefused(f"{where}: the sheet declares cells up to {ref} ({declared_rows:,} rows × {declared_cols:,} "
                          f"columns; the limits are {C.MAX_ROWS:,} rows and {C.MAX_COLUMNS} columns); delete what "
                          "lies beyond the list or copy the list into a new workbook")
    ws.reset_dimensions()  # never trust the declared size: stream rows as they are in the file
    rows: list[list[object]] = []
    for n, row in enumerate(ws.iter_rows(values_only=True), start=1):
        row = list(row)
        if len(row) > C.MAX_COLUMNS:
            far = next((j for j in range(C.MAX_COLUMNS, len(row)) if not _blank(row[j])), None)
            if far is not None:
                raise FileRefused(f"{where}, cell {get_column_letter(far + 1)}{n}: a value beyond column "
                                  f"{get_column_letter(C.MAX_COLUMNS)} (the limit is {C.MAX_COLUMNS} columns)")
            del row[C.MAX_COLUMNS:]
        if n > C.MAX_ROWS + C.HEADER_ROWS:
            if any(not _blank(v) for v in row):
                j = next(j for j, v in enumerate(row) if not _blank(v))
                raise FileRefused(f"{where}, cell {get_column_letter(j + 1)}{n}: a value beyond row "
                                  f"{C.MAX_ROWS + C.HEADER_ROWS:,} (the limit is {C.MAX_ROWS:,} rows)")
            if n % 4096 == 0:
                budget.clock(where, n)
            continue  # empty (formatted) rows past the limit: skipped, within the time limit
        while row and _blank(row[-1]):
            row.pop()
        budget.row(where, n, len(row))
        rows.append(row)
    while rows and not rows[-1]:
        rows.pop()
    path = getattr(ws, "_worksheet_path", None)
    for min_row, min_col, max_row, max_col in (_merged_ranges(zf, path, budget, where) if path else []):
        if min_row > len(rows) or min_col > C.MAX_COLUMNS:
            continue
        top = rows[min_row - 1][min_col - 1] if min_col <= len(rows[min_row - 1]) else None
        for r in range(min_row, min(max_row, len(rows)) + 1):
            cells = rows[r - 1]
            last = min(max_col, C.MAX_COLUMNS)
            if len(cells) < last:
                budget.row(where, r, last - len(cells))
                cells.extend([None] * (last - len(cells)))
            for c in range(min_col, last + 1):
                cells[c - 1] = top
    return rows


def read_xlsx_bytes(data: bytes, name: str) -> pd.DataFrame:
    """Every sheet whose header names the required columns is read; merged cells are filled with
    their top-left value; formulas are read as written (and refused by validation)."""
    import openpyxl

    zf = check_zip(data, name)
    budget = _Budget(name)
    frames = []
    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except FileRefused:
        raise
    except Exception as exc:  # noqa: BLE001 - whatever the parser trips on, the file is refused
        raise FileRefused(f"{name}: not a readable XLSX workbook ({exc.__class__.__name__})") from None
    try:
        for ws in wb.worksheets:
            where = f"{name}, sheet '{ws.title}'"
            try:
                rows = _sheet_rows(ws, zf, budget, where)
            except FileRefused:
                raise
            except Exception as exc:  # noqa: BLE001
                raise FileRefused(f"{where}: not a readable worksheet ({exc.__class__.__name__})") from None
            if not rows:
                continue
            try:
                df = frame_from_rows(rows, where)
            except FileRefused:
                continue
            df.insert(0, "sheet", ws.title)
            frames.append(df)
    finally:
        wb.close()
    if not frames:
        raise FileRefused(f"{name}: no sheet has a header row with the columns {', '.join(REQUIRED)}")
    return pd.concat(frames, ignore_index=True)


# --- any file -------------------------------------------------------------------------------------

def read_file(data: bytes, name: str) -> pd.DataFrame:
    """Any supported file to raw rows (strings and numbers, untouched); :class:`FileRefused`
    otherwise, naming the file and the limit, row, column or cell."""
    if not data:
        raise FileRefused(f"{name}: the file is empty")
    if len(data) > C.MAX_BYTES:
        raise FileRefused(f"{name}: the file is larger than {C.MAX_BYTES // (1024 * 1024)} MB")
    is_zip = data[:4] == b"PK\x03\x04"
    if name.lower().endswith((".xlsx", ".xlsm")) or is_zip:
        df = read_xlsx_bytes(data, name)
    elif looks_binary(data):
        raise FileRefused(f"{name}: a binary file, not CSV or XLSX")
    else:
        df = read_csv_bytes(data, name)
    if len(df) > C.MAX_ROWS:
        raise FileRefused(f"{name}: more than {C.MAX_ROWS:,} rows")
    if df.empty:
        raise FileRefused(f"{name}: the header is there but no rows follow")
    return df
