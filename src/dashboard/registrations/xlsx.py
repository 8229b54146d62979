"""The XLSX reader: a workbook's bytes → each visible sheet's rows, within limits, by the project's
own streaming parser (Python's C XML parser with parser targets; no tree is built).

Why not a library: openpyxl's read-only mode parses a whole sheet when opening it if the sheet
declares no dimension (outside any limit), silently truncates when a sheet's dimension lies, and
reads about 30,000 cells a second here; python-calamine aborts the whole process on a far-cell
workbook. This reader checks every limit in every phase:

- before anything is unpacked: the zip directory (part count, each part's and the total
  uncompressed size: a zip bomb is refused unread);
- while parsing: a DTD or entity declaration anywhere in any part is refused; rows, columns, cells
  and seconds are counted as the XML streams (only cells with values count: a formatted empty cell at
  BZ1 or A60000 is not data, and a sheet's declared dimension is not trusted either way);
- while filling merged ranges: by the clock and against the same cell budget.

What it gives is what a spreadsheet shows: formula cells their cached value (none saved: refused,
naming the cell), dates by their number format (1900 and 1904 date systems; a year format gives the
year, "2025", not the serial 45658), shared strings by index (out of range: refused, naming the
cell). Hidden sheets are skipped, with a note.
"""

from __future__ import annotations

import datetime as dt
import io
import posixpath
import re
import zipfile

import pandas as pd

from ..i18n import t
from . import common as C
from .common import FileRefused
from .frame import Budget, NoHeader, _blank, frame_from_rows, missing_columns_message


class NoResult:
    """A formula cell whose result was never saved (a file written by a program, not by a spreadsheet):
    no value to read. Kept as this marker until the header is known, so that the refusal names the
    column; a marker in a column that is not imported (a 序号 formula) or above the header is harmless."""

    __slots__ = ("cell",)

    def __init__(self, cell: str) -> None:
        self.cell = cell

    def __str__(self) -> str:
        return ""

    def __repr__(self) -> str:
        return f"NoResult({self.cell!r})"


def refuse_missing_results(df: pd.DataFrame, where: str, lang: str | None) -> None:
    """:class:`FileRefused` naming the file, sheet, cell and column of the first formula without a saved
    result in an imported column."""
    headers = df.attrs.get("headers", {})
    for col in df.columns:
        if col in ("row", "sheet") or df[col].dtype != object:
            continue
        hits = df[col].map(lambda v: isinstance(v, NoResult))
        if hits.any():
            cell = df[col][hits].iloc[0].cell
            raise FileRefused(
                t(
                    "{where}, cell {cell}, column '{column}': a formula without a saved result; open the file in "
                    "Excel or WPS and save it again, or type the value",
                    lang=lang,
                    where=where,
                    cell=cell,
                    column=C.column_name(col, headers.get(col, ""), lang),
                )
            )


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.0f} MB" if n >= 1024 * 1024 else f"{n / 1024:.0f} KB"


def _part_limit(filename: str) -> int:
    if filename.startswith("xl/worksheets/") or filename == "xl/sharedStrings.xml":
        return C.MAX_SHEET_PART
    return C.MAX_OTHER_PART


def check_zip(data: bytes, name: str, lang: str | None = None) -> zipfile.ZipFile:
    """The workbook's zip directory, checked before anything is unpacked: part count and each
    part's and the total uncompressed size. (Python's zipfile never unpacks more than the size
    the directory declares, so these limits hold while reading too.)"""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise FileRefused(
            t("{name}: not a readable XLSX workbook ({error})", lang=lang, name=name, error=exc.__class__.__name__)
        ) from None
    if len(infos) > C.MAX_PARTS:
        raise FileRefused(
            t(
                "{name}: {parts} parts inside the workbook (the limit is {limit})",
                lang=lang,
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
                    lang=lang,
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
                lang=lang,
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
_DTD = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)


def _unescape(text: str) -> str:
    """OOXML writes some characters as _xHHHH_ (a line break in a cell is _x000D_…)."""
    return _OOXML_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text) if "_x" in text else text


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


class _Context:
    """What every phase of reading one workbook shares: its name, the budget, the language."""

    def __init__(self, zf: zipfile.ZipFile, name: str, lang: str | None) -> None:
        self.zf, self.name, self.lang = zf, name, lang
        self.budget = Budget(name, lang)

    def refuse_dtd(self, where: str) -> FileRefused:
        return FileRefused(t("{where}: declares a DOCTYPE, which a workbook never needs", lang=self.lang, where=where))

    def xml_part(self, path: str):
        """A small part (workbook, relationships) as an element tree; None if the part is absent."""
        from xml.etree.ElementTree import ParseError, fromstring

        try:
            data = self.zf.read(path)
        except KeyError:
            return None
        if _DTD.search(data):
            raise self.refuse_dtd(t("{name}, part {part}", lang=self.lang, name=self.name, part=path))
        try:
            return fromstring(data)
        except ParseError as exc:
            raise FileRefused(
                t(
                    "{name}: not a readable XLSX workbook (XML error in {part}, line {line})",
                    lang=self.lang,
                    name=self.name,
                    part=path,
                    line=exc.position[0],
                )
            ) from None

    def relationships(self, part: str) -> dict[str, tuple[str, str]]:
        """Id → (type, part path) of a part's relationships."""
        folder, base = posixpath.split(part)
        root = self.xml_part(posixpath.join(folder, "_rels", base + ".rels"))
        out = {}
        for rel in root.iter() if root is not None else []:
            if _local(rel.tag) == "Relationship" and rel.get("Id") and rel.get("Target"):
                target = rel.get("Target")
                path = target[1:] if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
                out[rel.get("Id")] = (rel.get("Type", ""), path)
        return out

    def stream(self, path: str, target, where: str) -> None:
        """Feed a part to a parser target in 64 KB chunks, within the time limit; a DTD or entity
        declaration anywhere in the part is refused (chunks overlap, so one split across two is seen)."""
        from xml.etree.ElementTree import ParseError, XMLParser

        parser = XMLParser(target=target)
        tail = b""
        try:
            with self.zf.open(path) as fh:
                while chunk := fh.read(1 << 16):
                    if _DTD.search(tail + chunk):
                        raise self.refuse_dtd(where)
                    tail = chunk[-16:]
                    parser.feed(chunk)
                    self.budget.clock(where, getattr(target, "row_n", 0))
                parser.close()
        except ParseError as exc:
            raise FileRefused(
                t(
                    "{where}: not a readable worksheet (XML error at line {line})",
                    lang=self.lang,
                    where=where,
                    line=exc.position[0],
                )
            ) from None


class Book:
    """A workbook's sheets (title, part, hidden), shared strings and styles part, and date system."""

    def __init__(self, ctx: _Context) -> None:
        root_rels = ctx.relationships("")
        book = next((p for k, p in root_rels.values() if k.endswith("/officeDocument")), "xl/workbook.xml")
        root = ctx.xml_part(book)
        if root is None:
            raise FileRefused(
                t("{name}: not a readable XLSX workbook (no workbook part)", lang=ctx.lang, name=ctx.name)
            )
        rels = ctx.relationships(book)
        self.sheets: list[tuple[str, str, bool]] = []
        self.date1904 = False
        for el in root.iter():
            tag = _local(el.tag)
            if tag == "workbookPr":
                self.date1904 = el.get("date1904", "").strip().lower() in ("1", "true")
            elif tag == "sheet":
                rid = next((v for k, v in el.attrib.items() if k.endswith("}id")), None)
                kind, path = rels.get(rid, ("", ""))
                if kind.endswith("/worksheet") and path in ctx.zf.NameToInfo:
                    hidden = el.get("state", "visible") in ("hidden", "veryHidden")
                    self.sheets.append((el.get("name", path), path, hidden))
        found = {k.rpartition("/")[2]: p for k, p in rels.values() if p in ctx.zf.NameToInfo}
        self.shared, self.styles = found.get("sharedStrings"), found.get("styles")


def workbook_sheets(zf: zipfile.ZipFile, name: str) -> tuple[list[tuple[str, str]], str | None]:
    """[(sheet title, worksheet part)] in the workbook's order (chart and dialog sheets left out),
    and the shared-strings part, from the workbook's own relationships."""
    book = Book(_Context(zf, name, None))
    return [(title, path) for title, path, _ in book.sheets], book.shared


class _SharedStrings:
    """Parser target for the shared-strings part: each <si>'s text (rich-text runs joined,
    phonetic guides left out), no tree built."""

    def __init__(self, where: str, lang: str | None) -> None:
        self.where, self.lang = where, lang
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
                        lang=self.lang,
                        where=self.where,
                        limit=f"{C.MAX_CELLS:,}",
                    )
                )

    def close(self) -> None:
        return None


# Built-in number formats that are dates or times (ECMA-376 18.8.30, with the CJK ones Excel and WPS
# use in Chinese locales).
_BUILTIN_DATES = set(range(14, 23)) | set(range(27, 37)) | {45, 46, 47} | set(range(50, 59))
_QUOTED = re.compile(r'"[^"]*"|\[[^\]]*\]|\\.|_.|\*.')


def format_kind(code: str) -> str:
    """'year' for a format that shows a date as its year only ("yyyy", 'yyyy"年"'), 'date' for any other
    date or time format, '' for a number format."""
    bare = _QUOTED.sub("", code.split(";")[0]).lower()
    letters = {ch for ch in bare if ch.isascii() and ch.isalpha()}
    if "general" in bare or not letters or not letters <= set("ymdhsae/p"):
        return ""
    if letters & set("ymdhs") == {"y"}:
        return "year"
    return "date" if letters & set("ymdhs") else ""


class _Styles:
    """Parser target for the styles part: which cell formats (the ``s`` of a cell) are dates, and which
    of those show the year only."""

    def __init__(self) -> None:
        self.custom: dict[int, str] = {}
        self.xfs: list[int] = []
        self.in_xfs = False

    def start(self, tag: str, attrib: dict) -> None:
        name = tag[tag.rfind("}") + 1 :]
        if name == "numFmt":
            try:
                self.custom[int(attrib.get("numFmtId", "-1"))] = attrib.get("formatCode", "")
            except ValueError:
                pass
        elif name == "cellXfs":
            self.in_xfs = True
        elif name == "xf" and self.in_xfs:
            try:
                self.xfs.append(int(attrib.get("numFmtId", "0")))
            except ValueError:
                self.xfs.append(0)

    def end(self, tag: str) -> None:
        if tag[tag.rfind("}") + 1 :] == "cellXfs":
            self.in_xfs = False

    def data(self, text: str) -> None:
        return None

    def close(self) -> None:
        return None

    def kinds(self) -> dict[int, str]:
        out = {}
        for i, fmt in enumerate(self.xfs):
            kind = format_kind(self.custom[fmt]) if fmt in self.custom else ("date" if fmt in _BUILTIN_DATES else "")
            if kind:
                out[i] = kind
        return out


def serial_to_date(serial: float, date1904: bool) -> dt.datetime:
    """A spreadsheet date serial as a date and time (1900 system: day 60 is Excel's phantom 29 Feb 1900)."""
    if date1904:
        return dt.datetime(1904, 1, 1) + dt.timedelta(days=serial)
    if serial < 60:
        return dt.datetime(1899, 12, 31) + dt.timedelta(days=serial)
    return dt.datetime(1899, 12, 30) + dt.timedelta(days=serial)


def declared_size(zf: zipfile.ZipFile, path: str) -> tuple[int, int] | None:
    """(rows, columns) the sheet declares in its <dimension>, read from the part's first 64 KB. Shown
    in messages only: formatted empty cells widen it, and it may lie, so it never decides anything."""
    with zf.open(path) as fh:
        head = fh.read(1 << 16)
    m = _DIMENSION.search(head.split(b"sheetData", 1)[0])
    if not m:
        return None
    if m.group(2):
        return int(m.group(3)), _column_index(m.group(2).decode())
    last = _CELL_REF.match(m.group(1).decode())
    return int(last.group(2)), _column_index(last.group(1))


class _SheetReader:
    """Parser target for a worksheet's XML: Python's C XML parser calls start/data/end; no tree is
    built, so memory stays flat whatever the sheet holds. Keeps the rows with values (what a
    spreadsheet shows: a formula's cached value, shared and inline strings, numbers, dates by their
    format) and the merged ranges; refuses at the first value past the row or column limit, naming its
    cell. Cells without a value (formatting only) are not data and count toward no limit."""

    def __init__(self, shared: list, dates: dict[int, str], date1904: bool, budget: Budget, where: str) -> None:
        self.shared, self.dates, self.date1904 = shared, dates, date1904
        self.budget, self.where, self.lang = budget, where, budget.lang
        self.max_row = C.MAX_ROWS + C.HEADER_ROWS
        self.rows: list[list[object]] = []
        self.merges: list[tuple[int, int, int, int]] = []
        self.row_n, self.next_row, self.next_col, self.seen = 0, 1, 1, 0
        self.values: dict[int, object] = {}
        self.cell: tuple[int, str | None, int] | None = None  # (column, type, style) of the open cell
        self.text: list[str] | None = None  # collecting <v>, <f> or inline <t> text
        self.formula = self.inline = False
        self.v: str | None = None
        self.inline_text: list[str] = []

    def _ref(self, col: int | None = None) -> str:
        return f"{_column_letters(col or (self.cell[0] if self.cell else 1))}{self.row_n}"

    def start(self, tag: str, attrib: dict) -> None:
        name = tag[tag.rfind("}") + 1 :]
        if name == "c":
            ref = attrib.get("r")
            m = _CELL_REF.match(ref) if ref else None
            col = _column_index(m.group(1)) if m else self.next_col
            self.next_col = col + 1
            style = attrib.get("s")
            self.cell = (col, attrib.get("t"), int(style) if style and style.isdigit() else 0)
            self.formula, self.inline, self.v, self.inline_text = False, False, None, []
        elif self.cell is not None and name == "v":
            self.text = []
        elif self.cell is not None and name == "f":
            self.formula = True
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
                if len(self.merges) % 1024 == 0:
                    self.budget.clock(self.where, self.row_n)

    def data(self, text: str) -> None:
        if self.text is not None:
            self.text.append(text)

    def end(self, tag: str) -> None:
        name = tag[tag.rfind("}") + 1 :]
        if name in ("v", "t") and self.text is not None:
            joined = "".join(self.text)
            if name == "t":
                self.inline_text.append(joined)
            else:
                self.v = joined
            self.text = None
        elif name == "c" and self.cell is not None:
            col, kind, style = self.cell
            value = self._value(kind, style)
            self.cell = None
            if _blank(value):
                return
            if col > C.MAX_COLUMNS:
                raise FileRefused(
                    t(
                        "{where}, cell {cell}: a value beyond column {last} (the limit is {limit} columns)",
                        lang=self.lang,
                        where=self.where,
                        cell=self._ref(col),
                        last=_column_letters(C.MAX_COLUMNS),
                        limit=C.MAX_COLUMNS,
                    )
                )
            self.values[col] = value
        elif name == "row":
            self._row_done()

    def _value(self, kind: str | None, style: int) -> object:
        if self.inline and not self.formula:
            return _unescape("".join(self.inline_text))
        v = self.v
        if self.formula and not v and kind != "str":  # an empty text result is <v></v> with t="str"
            v = None
        if v is None:
            if self.formula:  # a formula whose result was never saved (written by a program, not a spreadsheet)
                return NoResult(self._ref())  # refused once the header says which column it is in
            return None
        if kind == "s":
            try:
                return self.shared[int(v)]
            except (ValueError, IndexError):
                raise FileRefused(
                    t(
                        "{where}, cell {cell}: refers to shared string {index}, which the workbook does not have "
                        "(a damaged file); save it again from Excel or WPS",
                        lang=self.lang,
                        where=self.where,
                        cell=self._ref(),
                        index=v,
                    )
                ) from None
        if kind in ("str", "e", "d", "inlineStr"):
            return _unescape(v)
        if kind == "b":
            return v.strip() in ("1", "true")
        try:
            number = int(v) if v.lstrip("-").isdigit() else float(v)
        except ValueError:
            return v
        date_kind = self.dates.get(style)
        if date_kind and 0 <= number < 2958466:  # up to 9999-12-31
            when = serial_to_date(number, self.date1904)
            if date_kind == "year":
                return when.year
            return when.date().isoformat() if when.time() == dt.time() else when.isoformat(sep=" ")
        return number

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
                    lang=self.lang,
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
                    lang=self.lang,
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


def fill_merges(rows: list[list[object]], merges: list[tuple[int, int, int, int]], budget: Budget, where: str) -> None:
    """Merged ranges filled with their top-left value, clipped to the rows and columns read; every
    cell filled counts against the cell budget and the clock is checked at every range, so a
    merged-cell bomb stops at the limit like any other file."""
    for n, (min_row, min_col, max_row, max_col) in enumerate(sorted(set(merges))):
        if n % 64 == 0:
            budget.clock(where, min_row)
        if min_row > len(rows) or min_col > C.MAX_COLUMNS:
            continue
        top_row = rows[min_row - 1]
        top = top_row[min_col - 1] if min_col <= len(top_row) else None
        if _blank(top):
            continue
        last = min(max_col, C.MAX_COLUMNS)
        end = min(max_row, len(rows))
        try:
            budget.add_cells(where, min_row, (end - min_row + 1) * (last - min_col + 1))
        except FileRefused:
            raise FileRefused(
                t(
                    "{where}, merged cells {range}: filling the merged cells would make more than {limit} cells "
                    "(the limit); unmerge them or copy the list into a new workbook",
                    lang=budget.lang,
                    where=where,
                    range=f"{_column_letters(min_col)}{min_row}:{_column_letters(max_col)}{max_row}",
                    limit=f"{C.MAX_CELLS:,}",
                )
            ) from None
        for r in range(min_row, end + 1):
            cells = rows[r - 1]
            if len(cells) < last:
                cells.extend([None] * (last - len(cells)))
            cells[min_col - 1 : last] = [top] * (last - min_col + 1)


def _sheet_rows(
    ctx: _Context, path: str, shared: list[str], dates: dict[int, str], date1904: bool, where: str
) -> list[list[object]]:
    """The sheet's rows, streamed from its XML in one pass within the limits, merged ranges filled."""
    reader = _SheetReader(shared, dates, date1904, ctx.budget, where)
    ctx.stream(path, reader, where)
    fill_merges(reader.rows, reader.merges, ctx.budget, where)
    return reader.rows


def _open_book(ctx: _Context, name: str, lang: str | None) -> tuple[Book, _SharedStrings, object]:
    """The workbook's parts every sheet needs, read once, within the limits: its sheet list, the
    shared strings and which number formats are dates."""
    book = Book(ctx)
    shared = _SharedStrings(t("{name}, shared strings", lang=lang, name=name), lang)
    if book.shared:
        ctx.stream(book.shared, shared, shared.where)
    styles = _Styles()
    if book.styles:
        ctx.stream(book.styles, styles, t("{name}, part {part}", lang=lang, name=name, part=book.styles))
    return book, shared, styles.kinds()


def sheet_values(data: bytes, name: str, lang: str | None = None) -> dict[str, list[list[object]]]:
    """Every visible sheet's rows as read (values as a spreadsheet shows them, merged ranges filled),
    within the same limits: for comparing the reader with a reference reader, and for previews."""
    zf = check_zip(data, name, lang)
    ctx = _Context(zf, name, lang)
    try:
        book, shared, dates = _open_book(ctx, name, lang)
        return {
            title: _sheet_rows(
                ctx,
                path,
                shared.items,
                dates,
                book.date1904,
                t("{name}, sheet '{sheet}'", lang=lang, name=name, sheet=title),
            )
            for title, path, hidden in book.sheets
            if not hidden
        }
    finally:
        zf.close()


def read_xlsx_bytes(
    data: bytes, name: str, columns: dict[str, str] | None = None, lang: str | None = None
) -> pd.DataFrame:
    """Every visible sheet whose header names the required column is read (a ``sheet`` column says
    which); hidden sheets and sheets without such a header are skipped, each with a note
    (``attrs['notes']``). ``columns``: the user's column mapping (see :func:`frame.frame_from_rows`)."""
    zf = check_zip(data, name, lang)
    ctx = _Context(zf, name, lang)
    frames = []
    notes: list[str] = []
    first_refusal: NoHeader | None = None
    try:
        book, shared, dates = _open_book(ctx, name, lang)
        for title, path, hidden in book.sheets:
            where = t("{name}, sheet '{sheet}'", lang=lang, name=name, sheet=title)
            if hidden:
                notes.append(
                    t(
                        "sheet '{sheet}' is hidden and was not read (unhide it in the spreadsheet to import it)",
                        lang=lang,
                        sheet=title,
                    )
                )
                continue
            rows = _sheet_rows(ctx, path, shared.items, dates, book.date1904, where)
            if not rows:
                continue
            try:
                df = frame_from_rows(rows, where, columns, lang)
                refuse_missing_results(df, where, lang)
            except NoHeader as exc:
                first_refusal = first_refusal or exc
                notes.append(
                    t(
                        "sheet '{sheet}' has no header row with the required column and was not read",
                        lang=lang,
                        sheet=title,
                    )
                )
                continue
            df.insert(0, "sheet", title)
            frames.append(df)
    except FileRefused:
        raise
    except Exception as exc:
        raise FileRefused(
            t("{name}: not a readable XLSX workbook ({error})", lang=lang, name=name, error=exc.__class__.__name__)
        ) from None
    finally:
        zf.close()
    if not frames:
        if first_refusal is not None:
            raise first_refusal
        raise NoHeader(missing_columns_message(name, lang), [], 1)
    out = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    out.attrs = {**frames[0].attrs, "notes": notes}
    return out
