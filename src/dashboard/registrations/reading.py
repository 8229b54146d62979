"""Reading organizers' files: bytes → raw rows (strings and numbers, untouched), within limits.

Files come from Excel and many locales: UTF-8 with or without BOM, UTF-16 with or without BOM,
GBK/GB18030, Big5, Windows-1252 (what Excel writes on Western systems); comma, semicolon or
tab; XLSX with title rows above the header, merged cells and several sheets; headers in English
or Chinese (simplified or traditional).

Nothing here trusts the file. The encoding is decided on evidence (byte-order marks, the
pattern of NUL bytes, strict UTF-8, then charset-normalizer's scoring of a fixed list of
candidates — never "GB18030 first"). A workbook is checked before it is loaded: the number and
uncompressed size of its parts (from the zip directory: a zip bomb is refused before anything is
unpacked), each sheet's declared dimensions; then its parts are streamed through parser targets
of Python's C XML parser (no tree is built; DOCTYPEs refused) and reading stops at the first limit
reached (rows, columns, cells, seconds). CSV has the same limits.
Every refusal is a :class:`FileRefused` naming the file and the limit, row, column or cell.
"""

from __future__ import annotations

import csv
import io
import posixpath
import re
import time
import zipfile

import pandas as pd

from ..harmonize import to_simplified
from ..i18n import t
from ..text import clean_text
from . import common as C
from .common import COLUMNS, REQUIRED, FileRefused, series

# Header spellings accepted for each column (compared after normalisation; traditional Chinese is
# folded to simplified first).
HEADER_ALIASES = {
    "edition": ["edition", "year", "forum year", "届次", "年份", "年度", "届"],
    "full_name": ["full name", "name", "full_name", "participant", "姓名", "名字", "全名"],
    "organization": ["organization", "organisation", "institution", "agency", "单位", "机构", "组织", "工作单位"],
    "country_or_organization": [
        "country or organization",
        "country_or_organization",
        "country/region",
        "country",
        "country or region",
        "country/region or international organization",
        "represents",
        "国家/地区",
        "国家(地区)",
        "国家或地区",
        "国家",
        "国家/地区或国际组织",
        "国别",
    ],
    "delegation": ["delegation", "代表团"],
    "role": ["role", "participation role", "身份", "角色", "参会身份"],
    "mode": ["mode", "attendance", "attendance mode", "参会方式", "方式"],
}
# Candidate encodings when the bytes are neither UTF-8 nor UTF-16/32 with a byte-order mark;
# charset-normalizer scores each on the text it yields (mess and language coherence).
CANDIDATE_ENCODINGS = ["cp1252", "cp1250", "cp1251", "gb18030", "big5", "utf_16_le", "utf_16_be"]
ENCODING_LABELS = {
    "cp1252": "Windows-1252",
    "cp1250": "Windows-1250",
    "cp1251": "Windows-1251",
    "gb18030": "GB18030/GBK",
    "big5": "Big5",
    "utf_16_le": "UTF-16",
    "utf_16_be": "UTF-16",
    "utf-8": "UTF-8",
    "utf-16": "UTF-16",
}


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
    quads = [head[i : i + 4] for i in range(0, n, 4)]
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
        row = data[: exc.start].decode(encoding, errors="replace").count("\n") + 1
        label = ENCODING_LABELS.get(encoding, encoding)
        raise FileRefused(
            t(
                "{name}, row {row}: bytes that are not valid {encoding} text (byte {byte}); "
                "save the file as UTF-8 CSV or as XLSX",
                name=name,
                row=row,
                encoding=label,
                byte=f"{exc.start:,}",
            )
        ) from None


def detect_encoding(data: bytes, name: str = "file") -> str:
    """The encoding of a CSV's bytes, decided on evidence; :class:`FileRefused` for UTF-32 and
    bytes that no candidate explains."""
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")) or _nul_pattern(data) == "utf-32":
        raise FileRefused(
            t("{name}: the file is UTF-32 text, which is not supported; save it as UTF-8 CSV or as XLSX", name=name)
        )
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
        raise FileRefused(
            t(
                "{name}: the file is not text in a known encoding (UTF-8, UTF-16, GBK/GB18030, Big5, "
                "Windows-1252); save it as UTF-8 CSV or as XLSX",
                name=name,
            )
        )
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
    for h, cells in enumerate(rows[: C.HEADER_ROWS]):
        mapping = _header_map(cells)
        if set(REQUIRED) <= set(mapping.values()):
            records = []
            for k, r in enumerate(rows[h + 1 :], start=h + 2):
                rec = {col: (r[i] if i < len(r) else None) for i, col in mapping.items()}
                if not all(_blank(v) for v in rec.values()):
                    rec["row"] = k
                    records.append(rec)
            df = pd.DataFrame(records, columns=["row"] + list(dict.fromkeys(mapping.values())))
            for col in COLUMNS:
                if col not in df.columns:
                    df[col] = None
            return df[["row"] + COLUMNS].astype({"row": int})
    raise FileRefused(
        t(
            "{where}: no header row with the columns {columns} (English or Chinese names) in the first {n} rows",
            where=where,
            columns=series(REQUIRED),
            n=C.HEADER_ROWS,
        )
    )


class _Budget:
    """Rows, cells and seconds left for reading one file."""

    def __init__(self, name: str) -> None:
        self.name, self.cells, self.deadline = name, 0, time.monotonic() + C.MAX_SECONDS

    def row(self, where: str, n_row: int, width: int) -> None:
        if n_row > C.MAX_ROWS + C.HEADER_ROWS:
            raise FileRefused(
                t(
                    "{where}: more than {limit} rows (row {row} reached; the limit is {limit} rows below the header)",
                    where=where,
                    limit=f"{C.MAX_ROWS:,}",
                    row=f"{n_row:,}",
                )
            )
        if width > C.MAX_COLUMNS:
            raise FileRefused(
                t(
                    "{where}, row {row}: {width} columns (the limit is {limit} columns)",
                    where=where,
                    row=f"{n_row:,}",
                    width=f"{width:,}",
                    limit=C.MAX_COLUMNS,
                )
            )
        self.cells += width
        if self.cells > C.MAX_CELLS:
            raise FileRefused(
                t(
                    "{where}, row {row}: more than {limit} cells (the limit)",
                    where=where,
                    row=f"{n_row:,}",
                    limit=f"{C.MAX_CELLS:,}",
                )
            )
        if n_row % 256 == 0:
            self.clock(where, n_row)

    def clock(self, where: str, n_row: int) -> None:
        if time.monotonic() > self.deadline:
            raise FileRefused(
                t(
                    "{where}: reading stopped at row {row} after {seconds} s (the time limit for one file)",
                    where=where,
                    row=f"{n_row:,}",
                    seconds=f"{C.MAX_SECONDS:g}",
                )
            )


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
        raise FileRefused(
            t("{name}, row {row}: not a readable CSV file ({error})", name=name, row=f"{len(rows) + 1:,}", error=exc)
        ) from None
    if not any(any(str(c).strip() for c in r) for r in rows):
        raise FileRefused(t("{name}: the file is empty", name=name))
    return frame_from_rows(rows, name)


# --- XLSX -----------------------------------------------------------------------------------------


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
        raise FileRefused(
            t("{name}: not a readable XLSX workbook ({error})", name=name, error=exc.__class__.__name__)
        ) from None
    if len(infos) > C.MAX_PARTS:
        raise FileRefused(
            t(
                "{name}: {parts} parts inside the workbook (the limit is {limit})",
                name=name,
                parts=f"{len(infos):,}",
                limit=C.MAX_PARTS,
            )
        )
    total = 0
    for info in infos:
        limit = _part_limit(info.filename)
        if info.file_size > limit:
            raise FileRefused(
                t(
                    "{name}: the part {part} unpacks to {size} (the limit is {limit})",
                    name=name,
                    part=info.filename,
                    size=_mb(info.file_size),
                    limit=_mb(limit),
                )
            )
        total += info.file_size
    if total > C.MAX_UNPACKED:
        raise FileRefused(
            t(
                "{name}: the workbook unpacks to {size} (the limit is {limit})",
                name=name,
                size=_mb(total),
                limit=_mb(C.MAX_UNPACKED),
            )
        )
    return zf


_CELL_REF = re.compile(r"([A-Za-z]{1,3})(\d+)$")


def _column_index(letters: str) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n


def _column_letters(n: int) -> str:
    out = ""
    while n:
        n, rem = divmod(n - 1, 26)
        out = chr(65 + rem) + out
    return out


_OOXML_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
_DIMENSION = re.compile(rb"<(?:\w+:)?dimension\b[^>]*\bref=\"([A-Za-z]{1,3}\d+)(?::([A-Za-z]{1,3})(\d+))?\"")


def _unescape(text: str) -> str:
    """OOXML writes some characters as _xHHHH_ (a line break in a cell is _x000D_…)."""
    return _OOXML_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text) if "_x" in text else text


def _no_doctype(head: bytes, where: str) -> None:
    if b"<!DOCTYPE" in head[:4096] or b"<!ENTITY" in head[:4096]:
        raise FileRefused(t("{where}: declares a DOCTYPE, which a workbook never needs", where=where))


def _xml_part(zf: zipfile.ZipFile, path: str, name: str):
    """A small part (workbook, relationships) as an element tree; None if the part is absent."""
    from xml.etree.ElementTree import ParseError, fromstring

    try:
        data = zf.read(path)
    except KeyError:
        return None
    _no_doctype(data, t("{name}, part {part}", name=name, part=path))
    try:
        return fromstring(data)
    except ParseError as exc:
        raise FileRefused(
            t(
                "{name}: not a readable XLSX workbook (XML error in {part}, line {line})",
                name=name,
                part=path,
                line=exc.position[0],
            )
        ) from None


def _relationships(zf: zipfile.ZipFile, part: str, name: str) -> dict[str, tuple[str, str]]:
    """Id → (type, part path) of a part's relationships."""
    folder, base = posixpath.split(part)
    root = _xml_part(zf, posixpath.join(folder, "_rels", base + ".rels"), name)
    out = {}
    for rel in root.iter() if root is not None else []:
        if _local(rel.tag) == "Relationship" and rel.get("Id") and rel.get("Target"):
            target = rel.get("Target")
            path = target[1:] if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
            out[rel.get("Id")] = (rel.get("Type", ""), path)
    return out


def workbook_sheets(zf: zipfile.ZipFile, name: str) -> tuple[list[tuple[str, str]], str | None]:
    """[(sheet title, worksheet part)] in the workbook's order (chart and dialog sheets left out),
    and the shared-strings part, from the workbook's own relationships."""
    root_rels = _relationships(zf, "", name)
    book = next((p for t, p in root_rels.values() if t.endswith("/officeDocument")), "xl/workbook.xml")
    root = _xml_part(zf, book, name)
    if root is None:
        raise FileRefused(t("{name}: not a readable XLSX workbook (no workbook part)", name=name))
    rels = _relationships(zf, book, name)
    sheets = []
    for el in root.iter():
        if _local(el.tag) == "sheet":
            rid = next((v for k, v in el.attrib.items() if k.endswith("}id")), None)
            kind, path = rels.get(rid, ("", ""))
            if kind.endswith("/worksheet") and path in zf.NameToInfo:
                sheets.append((el.get("name", path), path))
    shared = next((p for t, p in rels.values() if t.endswith("/sharedStrings") and p in zf.NameToInfo), None)
    return sheets, shared


class _SharedStrings:
    """Parser target for the shared-strings part: each <si>'s text (rich-text runs joined,
    phonetic guides left out), no tree built."""

    def __init__(self, where: str) -> None:
        self.where = where
        self.items: list[str] = []
        self.parts: list[str] = []
        self.text: list[str] | None = None
        self.phonetic = 0

    def start(self, tag: str, attrib: dict) -> None:
        name = tag[tag.rfind("}") + 1 :]
        if name == "si":
            self.parts = []
        elif name == "rPh":
            self.phonetic += 1
        elif name == "t" and not self.phonetic:
            self.text = []

    def data(self, text: str) -> None:
        if self.text is not None:
            self.text.append(text)

    def end(self, tag: str) -> None:
        name = tag[tag.rfind("}") + 1 :]
        if name == "t" and self.text is not None:
            self.parts.append("".join(self.text))
            self.text = None
        elif name == "rPh":
            self.phonetic -= 1
        elif name == "si":
            self.items.append(_unescape("".join(self.parts)))
            if len(self.items) > C.MAX_CELLS:  # Excel keeps only strings in use: never more than cells
                raise FileRefused(
                    t(
                        "{where}: more than {limit} strings (the limit is {limit} cells)",
                        where=self.where,
                        limit=f"{C.MAX_CELLS:,}",
                    )
                )

    def close(self) -> None:
        return None


def _stream(zf: zipfile.ZipFile, path: str, target, budget: _Budget, where: str) -> None:
    """Feed a part to a parser target in 64 KB chunks, within the time limit."""
    from xml.etree.ElementTree import ParseError, XMLParser

    parser = XMLParser(target=target)
    try:
        with zf.open(path) as fh:
            first = True
            while chunk := fh.read(1 << 16):
                if first:
                    _no_doctype(chunk, where)
                    first = False
                parser.feed(chunk)
                budget.clock(where, getattr(target, "row_n", 0))
            parser.close()
    except ParseError as exc:
        raise FileRefused(
            t("{where}: not a readable worksheet (XML error at line {line})", where=where, line=exc.position[0])
        ) from None


def declared_size(zf: zipfile.ZipFile, path: str) -> tuple[int, int] | None:
    """(rows, columns) the sheet declares in its <dimension>, read from the part's first 64 KB."""
    with zf.open(path) as fh:
        head = fh.read(1 << 16)
    m = _DIMENSION.search(head.split(b"sheetData", 1)[0])
    if not m:
        return None
    if m.group(2):
        return int(m.group(3)), _column_index(m.group(2).decode())
    last = _CELL_REF.match(m.group(1).decode())
    return int(last.group(2)), _column_index(last.group(1))


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


class _SheetReader:
    """Parser target for a worksheet's XML: Python's C XML parser calls start/data/end; no tree is
    built, so memory stays flat whatever the sheet holds. Keeps the rows with values (as openpyxl
    gives them with data_only=False: formulas as written "=…", shared and inline strings, numbers)
    and the merged ranges; refuses at the first value past the row or column limit, naming its cell."""

    def __init__(self, shared: list, budget: _Budget, where: str) -> None:
        self.shared, self.budget, self.where = shared, budget, where
        self.max_row = C.MAX_ROWS + C.HEADER_ROWS
        self.rows: list[list[object]] = []
        self.merges: list[tuple[int, int, int, int]] = []
        self.row_n, self.next_row, self.next_col, self.seen = 0, 1, 1, 0
        self.values: dict[int, object] = {}
        self.cell: tuple[int, str | None] | None = None  # (column, type) of the open cell
        self.text: list[str] | None = None  # collecting <v>, <f> or inline <t> text
        self.formula = self.inline = False
        self.v: str | None = None
        self.inline_text: list[str] = []

    def start(self, tag: str, attrib: dict) -> None:
        name = tag[tag.rfind("}") + 1 :]
        if name == "c":
            ref = attrib.get("r")
            m = _CELL_REF.match(ref) if ref else None
            col = _column_index(m.group(1)) if m else self.next_col
            self.next_col = col + 1
            self.cell = (col, attrib.get("t"))
            self.formula, self.inline, self.v, self.inline_text = False, False, None, []
        elif self.cell is not None and name in ("v", "f"):
            self.text = []
            self.formula = self.formula or name == "f"
        elif self.cell is not None and name == "is":
            self.inline = True
        elif self.inline and name == "t":
            self.text = []
        elif name == "row":
            r = attrib.get("r")
            self.row_n = int(r) if r and r.isdigit() else self.next_row
            self.next_row, self.next_col, self.values = self.row_n + 1, 1, {}
        elif name == "mergeCell":
            refs = attrib.get("ref", "").split(":")
            found = [_CELL_REF.match(x) for x in (refs * 2)[:2]] if len(refs) <= 2 else []
            if len(found) == 2 and all(found):
                (c1, r1), (c2, r2) = ((_column_index(f.group(1)), int(f.group(2))) for f in found)
                self.merges.append((min(r1, r2), min(c1, c2), max(r1, r2), max(c1, c2)))

    def data(self, text: str) -> None:
        if self.text is not None:
            self.text.append(text)

    def end(self, tag: str) -> None:
        name = tag[tag.rfind("}") + 1 :]
        if name in ("v", "f", "t") and self.text is not None:
            joined = "".join(self.text)
            if name == "f":
                self.v = "=" + joined
            elif name == "t":
                self.inline_text.append(joined)
            elif not self.formula:
                self.v = joined
            self.text = None
        elif name == "c" and self.cell is not None:
            col, kind = self.cell
            self.cell = None
            value = self._value(kind)
            if _blank(value):
                return
            if col > C.MAX_COLUMNS:
                raise FileRefused(
                    t(
                        "{where}, cell {cell}: a value beyond column {last} (the limit is {limit} columns)",
                        where=self.where,
                        cell=f"{_column_letters(col)}{self.row_n}",
                        last=_column_letters(C.MAX_COLUMNS),
                        limit=C.MAX_COLUMNS,
                    )
                )
            self.values[col] = value
        elif name == "row":
            self._row_done()

    def _value(self, kind: str | None) -> object:
        if self.formula:
            return self.v
        if self.inline:
            return _unescape("".join(self.inline_text))
        v = self.v
        if v is None:
            return None
        if kind == "s":
            try:
                return self.shared[int(v)]
            except (ValueError, IndexError):
                return None
        if kind in ("str", "e", "d", "inlineStr"):
            return _unescape(v)
        if kind == "b":
            return v.strip() in ("1", "true")
        try:
            return int(v) if v.lstrip("-").isdigit() else float(v)
        except ValueError:
            return v

    def _row_done(self) -> None:
        n, values = self.row_n, self.values
        self.seen += 1
        if self.seen % 2048 == 0:
            self.budget.clock(self.where, n)
        if not values:
            return
        if n > self.max_row:
            raise FileRefused(
                t(
                    "{where}, cell {cell}: a value beyond row {last} (the limit is {limit} rows)",
                    where=self.where,
                    cell=f"{_column_letters(min(values))}{n}",
                    last=f"{self.max_row:,}",
                    limit=f"{C.MAX_ROWS:,}",
                )
            )
        width = max(values)
        self.budget.row(self.where, n, width)
        rows = self.rows
        if len(rows) >= n:
            raise FileRefused(
                t(
                    "{where}, row {row}: rows out of order; not a workbook as Excel writes them",
                    where=self.where,
                    row=f"{n:,}",
                )
            )
        if n - 1 > len(rows):
            rows.extend([] for _ in range(n - 1 - len(rows)))
        row = [None] * width
        for col, value in values.items():
            row[col - 1] = value
        rows.append(row)
        self.values = {}

    def close(self) -> None:
        return None


def _sheet_rows(zf: zipfile.ZipFile, path: str, shared: list[str], budget: _Budget, where: str) -> list[list[object]]:
    """The sheet's rows, streamed from its XML in one pass within the limits; merged ranges filled
    with their top-left value, clipped to the rows and columns read."""
    declared = declared_size(zf, path)
    if declared and (declared[0] > C.MAX_ROWS + C.HEADER_ROWS or declared[1] > C.MAX_COLUMNS):
        rows_, cols_ = declared
        raise FileRefused(
            t(
                "{where}: the sheet declares cells up to {cell} ({rows} rows × {columns} columns; the limits "
                "are {max_rows} rows and {max_columns} columns); delete what lies beyond the list or copy "
                "the list into a new workbook",
                where=where,
                cell=f"{_column_letters(cols_)}{rows_}",
                rows=f"{rows_:,}",
                columns=f"{cols_:,}",
                max_rows=f"{C.MAX_ROWS:,}",
                max_columns=C.MAX_COLUMNS,
            )
        )
    reader = _SheetReader(shared, budget, where)
    _stream(zf, path, reader, budget, where)
    rows = reader.rows
    for min_row, min_col, max_row, max_col in sorted(set(reader.merges)):
        if min_row > len(rows) or min_col > C.MAX_COLUMNS:
            continue
        top_row = rows[min_row - 1]
        top = top_row[min_col - 1] if min_col <= len(top_row) else None
        last = min(max_col, C.MAX_COLUMNS)
        for r in range(min_row, min(max_row, len(rows)) + 1):
            cells = rows[r - 1]
            if len(cells) < last:
                budget.row(where, r, last - len(cells))
                cells.extend([None] * (last - len(cells)))
            for c in range(min_col, last + 1):
                cells[c - 1] = top
    return rows


def read_xlsx_bytes(data: bytes, name: str) -> pd.DataFrame:
    """Every sheet whose header names the required columns is read; merged cells are filled with
    their top-left value; formulas are read as written (and refused by validation).

    The workbook's parts are parsed here with Python's C XML parser and parser targets (no tree):
    openpyxl's read-only mode parses a whole sheet when opening it if the sheet has no declared
    dimension (outside any limit), and reads about 30,000 cells a second on this machine."""
    zf = check_zip(data, name)
    budget = _Budget(name)
    frames = []
    try:
        sheets, shared_path = workbook_sheets(zf, name)
        shared = _SharedStrings(t("{name}, shared strings", name=name))
        if shared_path:
            _stream(zf, shared_path, shared, budget, shared.where)
        for title, path in sheets:
            where = t("{name}, sheet '{sheet}'", name=name, sheet=title)
            rows = _sheet_rows(zf, path, shared.items, budget, where)
            if not rows:
                continue
            try:
                df = frame_from_rows(rows, where)
            except FileRefused:
                continue
            df.insert(0, "sheet", title)
            frames.append(df)
    except FileRefused:
        raise
    except Exception as exc:
        raise FileRefused(
            t("{name}: not a readable XLSX workbook ({error})", name=name, error=exc.__class__.__name__)
        ) from None
    finally:
        zf.close()
    if not frames:
        raise FileRefused(
            t("{name}: no sheet has a header row with the columns {columns}", name=name, columns=series(REQUIRED))
        )
    return pd.concat(frames, ignore_index=True)


# --- any file -------------------------------------------------------------------------------------


def read_file(data: bytes, name: str) -> pd.DataFrame:
    """Any supported file to raw rows (strings and numbers, untouched); :class:`FileRefused`
    otherwise, naming the file and the limit, row, column or cell."""
    if not data:
        raise FileRefused(t("{name}: the file is empty", name=name))
    if len(data) > C.MAX_BYTES:
        raise FileRefused(t("{name}: the file is larger than {size} MB", name=name, size=C.MAX_BYTES // (1024 * 1024)))
    is_zip = data[:4] == b"PK\x03\x04"
    if name.lower().endswith((".xlsx", ".xlsm")) or is_zip:
        df = read_xlsx_bytes(data, name)
    elif looks_binary(data):
        raise FileRefused(t("{name}: a binary file, not CSV or XLSX", name=name))
    else:
        df = read_csv_bytes(data, name)
    if len(df) > C.MAX_ROWS:
        raise FileRefused(t("{name}: more than {limit} rows", name=name, limit=f"{C.MAX_ROWS:,}"))
    if df.empty:
        raise FileRefused(t("{name}: the header is there but no rows follow", name=name))
    return df
