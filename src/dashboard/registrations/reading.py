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
import re

import pandas as pd

from ..i18n import DEFAULT_LANGUAGE, t
from . import common as C
from .common import FileRefused
from .frame import HEADER_ALIASES, Budget, NoHeader, frame_from_rows, norm_header, parse_columns  # noqa: F401
from .xlsx import check_zip, declared_size, read_xlsx_bytes, workbook_sheets  # noqa: F401

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
    "utf-8-sig": "UTF-8",
    "utf-16": "UTF-16",
    "utf-16-le": "UTF-16",
    "utf-16-be": "UTF-16",
}


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


def _strict(data: bytes, encoding: str, name: str, lang: str = DEFAULT_LANGUAGE) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        row = data[: exc.start].decode(encoding, errors="replace").count("\n") + 1
        label = ENCODING_LABELS.get(encoding, encoding)
        raise FileRefused(
            t(
                "{name}, row {row}, column '{column}': bytes that are not valid {encoding} text (byte {byte}); "
                "save the file as UTF-8 CSV or as XLSX",
                lang=lang,
                name=name,
                row=row,
                column=_column_at(data, exc.start, encoding),
                encoding=label,
                byte=f"{exc.start:,}",
            )
        ) from None


def _column_at(data: bytes, at: int, encoding: str) -> str:
    """The column a byte offset of a delimited text falls in, as the user knows it: the header as written
    ("国家/地区"), or its number when the header row cannot say (the bad byte is in the header itself, or
    the row has more fields than the header). Read leniently: this only names where the file is broken."""
    before = data[:at].decode(encoding, errors="replace").split("\n")
    header = data.decode(encoding, errors="replace").split("\n", 1)[0].strip("\r\ufeff")
    delimiter = max([",", "\t", ";"], key=header.count)
    prefix = before[-1]
    position = len(next(csv.reader([prefix], delimiter=delimiter), [""])) if prefix else 1
    headers = next(csv.reader([header], delimiter=delimiter), [])
    if len(before) > 1 and position <= len(headers) and headers[position - 1].strip():
        return headers[position - 1].strip()
    return str(position)


# What the non-ASCII characters of a correct decoding look like, per candidate. A wrong decoding gives
# characters a writer of that script would not type: GBK bytes read as Windows-1252 are runs of
# accented capitals and symbols ("ÕÅÎ°"); Windows-1252 bytes read as GB18030 are single ideographs
# glued inside Latin words ("Minist" + one ideograph + "e"); "Ministère" read as Windows-1250 is
# "Ministčre", plausible letter by letter, so Western and Central European decodings that are both
# plausible are told apart by the letters only one of them has (è à ñ ã õ ø å ç ê vs č ř ě ů ł ą ę ő ű).
_WESTERN = set("ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿŒœŠšŽžŸ")
_CENTRAL = set("ÁÂÄÇÉËÍÎÓÔÖÚÜÝßáâäçéëíîóôöúüýĂăĄąĆćČčĎďĐđĘęĚěĹĺĽľŁłŃńŇňŐőŔŕŘřŚśŞşŠšŢţŤťŮůŰűŹźŻżŽž")
_PUNCTUATION = set("‘’‚“”„–—…•€°«»·×§©®™¿¡ªº")
_LATIN_ONLY = {"cp1252": _WESTERN - _CENTRAL, "cp1250": _CENTRAL - _WESTERN}


def _is_cjk(ch: str) -> bool:
    o = ord(ch)
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0x3000 <= o <= 0x303F or 0xFF00 <= o <= 0xFFEF


def plausibility(text: str, encoding: str) -> float:
    """The share (0–1) of a decoding's non-ASCII characters that a writer of that script would type
    where they stand; 1.0 for text without any.

    Chinese: ideographs and CJK punctuation, not one ideograph glued inside a Latin word. Cyrillic:
    Cyrillic letters. Latin code pages: the code page's accented letters, at most two in a row
    ("Migração"), never next to a symbol ("°Î", "Ã·": Chinese bytes read as Latin), and the usual
    punctuation (’ “ ” – € …) next to ASCII or spaces."""
    if text.isascii():
        return 1.0
    good = total = 0
    n = len(text)
    run_start, run_len = -1, 0
    for i, ch in enumerate(text):
        if ch.isascii():
            continue
        total += 1
        prev = text[i - 1] if i else " "
        nxt = text[i + 1] if i + 1 < n else " "
        if encoding in ("gb18030", "big5"):
            if _is_cjk(ch):
                glued = (prev.isascii() and prev.isalpha()) and (nxt.isascii() and nxt.isalpha())
                good += not glued
            elif ch in _PUNCTUATION:
                good += 1
            continue
        if encoding == "cp1251":  # Cyrillic words are Cyrillic throughout, never glued to Latin letters
            if "\u0400" <= ch <= "\u04ff":
                good += not ((prev.isascii() and prev.isalpha()) or (nxt.isascii() and nxt.isalpha()))
            elif ch in _PUNCTUATION:
                good += prev.isascii() and nxt.isascii()
            continue
        if i >= run_start + run_len:  # the run of non-ASCII characters this one starts
            run_start, run_len = i, 1
            while run_start + run_len < n and not text[run_start + run_len].isascii():
                run_len += 1
        if run_len >= 3:
            continue
        letters = _WESTERN if encoding == "cp1252" else _CENTRAL
        if ch in letters:
            good += not (prev in _PUNCTUATION or nxt in _PUNCTUATION or (not prev.isascii() and not prev.isalpha()))
        elif ch in _PUNCTUATION:
            good += prev.isascii() and nxt.isascii()
    return good / total


def _common_share(text: str, encoding: str) -> float:
    """The share of a Chinese decoding's ideographs that are common characters in that encoding."""
    hanzi = [ch for ch in text if "\u4e00" <= ch <= "\u9fff"]
    if not hanzi:
        return 0.0
    common = 0
    for ch in hanzi:
        try:
            b = ch.encode("gb2312" if encoding == "gb18030" else "big5")
        except UnicodeEncodeError:
            continue
        if encoding == "gb18030":
            common += 0xB0 <= b[0] <= 0xD7
        else:
            common += 0xA440 <= int.from_bytes(b, "big") <= 0xC67E
    return common / len(hanzi)


def _ranked(data: bytes) -> list[tuple[float, int, str]]:
    """Candidates that decode strictly, by plausibility (then by the letters only that code page has,
    for Windows-1252 against 1250), best first."""
    out = []
    for enc in ("cp1252", "gb18030", "cp1250", "big5", "cp1251"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        own = sum(ch in _LATIN_ONLY[enc] for ch in text) if enc in _LATIN_ONLY else 0
        out.append((round(plausibility(text, enc), 3), own, enc))
    return sorted(out, key=lambda x: (-x[0], -x[1]))


def detect_encoding(data: bytes, name: str = "file", lang: str = DEFAULT_LANGUAGE) -> str:
    """The encoding of a CSV's bytes, decided on evidence; :class:`FileRefused` for UTF-32 and
    bytes that no candidate explains.

    Byte-order marks, the pattern of NUL bytes and strict UTF-8 first. Then every candidate code page
    that decodes the bytes strictly is scored by :func:`plausibility`: the best wins; between Western
    and Central European decodings equally plausible, the one with more letters only it has
    (Windows-1252 on a tie: what Excel writes on Western systems); between the Chinese ones
    (GB18030 and Big5), charset-normalizer's language scoring decides. When no candidate is plausible,
    charset-normalizer's scoring of the whole list decides (and the strict decode reports the row)."""
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")) or _nul_pattern(data) == "utf-32":
        raise FileRefused(
            t(
                "{name}: the file is UTF-32 text, which is not supported; save it as UTF-8 CSV or as XLSX",
                lang=lang,
                name=name,
            )
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
    ranked = _ranked(data)
    if ranked and ranked[0][0] >= 0.8:
        best = [r for r in ranked if r[0] == ranked[0][0]]
        if len(best) == 1 or {e for *_, e in best} <= {"cp1252", "cp1250", "cp1251"}:
            return best[0][2]
        chinese = [e for *_, e in best if e in ("gb18030", "big5")]
        if len(chinese) == 1:  # Chinese and Latin equally plausible: the lists come from Chinese offices
            return chinese[0]
        # GB18030 against Big5: the share of common characters each decoding gives (GB2312 level 1, the
        # 3,755 most used simplified characters; Big5's 5,401 frequently used ones), then charset-normalizer
        shares = {e: _common_share(data.decode(e), e) for e in chinese}
        top = max(shares.values())
        chinese = [e for e in chinese if shares[e] == top]
        if len(chinese) == 1:
            return chinese[0]
        from charset_normalizer import from_bytes

        guess = from_bytes(data, cp_isolation=chinese).best()
        return guess.encoding if guess is not None else chinese[0]
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=CANDIDATE_ENCODINGS).best()
    if best is None:
        raise FileRefused(
            t(
                "{name}: the file is not text in a known encoding (UTF-8, UTF-16, GBK/GB18030, Big5, "
                "Windows-1252); save it as UTF-8 CSV or as XLSX",
                lang=lang,
                name=name,
            )
        )
    return best.encoding


def decode(data: bytes, name: str = "file", lang: str = DEFAULT_LANGUAGE, encoding: str | None = None) -> str:
    """Text of a CSV (see :func:`detect_encoding`; ``encoding`` forces one), every byte accounted for."""
    return _strict(data, encoding or detect_encoding(data, name, lang), name, lang)


def looks_binary(data: bytes) -> bool:
    head = data[:4096]
    if head.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")) or _nul_pattern(data):
        return False
    return b"\x00" in head


# --- CSV ------------------------------------------------------------------------------------------


def read_csv_bytes(
    data: bytes,
    name: str,
    columns: dict[str, str] | None = None,
    lang: str = DEFAULT_LANGUAGE,
    encoding: str | None = None,
) -> pd.DataFrame:
    chosen = encoding or detect_encoding(data, name, lang)
    text = _strict(data, chosen, name, lang)
    sample = text[:20000]
    try:
        delimiter = csv.Sniffer().sniff(sample, delimiters=",;\t").delimiter
    except csv.Error:
        delimiter = max([",", ";", "\t"], key=sample.count)
    budget = Budget(name, lang)
    rows: list[list[str]] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for n, r in enumerate(reader, start=1):
            budget.row(name, n, len(r))
            rows.append(r)
    except csv.Error as exc:
        raise FileRefused(
            t(
                "{name}, row {row}: not a readable CSV file ({error})",
                lang=lang,
                name=name,
                row=f"{len(rows) + 1:,}",
                error=exc,
            )
        ) from None
    if not any(any(str(c).strip() for c in r) for r in rows):
        raise FileRefused(t("{name}: the file is empty", lang=lang, name=name))
    df = frame_from_rows(rows, name, columns, lang)
    df.attrs["encoding"] = chosen
    df.attrs["encoding_chosen"] = encoding is not None
    if not text.isascii() and not chosen.startswith("utf"):
        notes = [t("read as {encoding} text", lang=lang, encoding=ENCODING_LABELS.get(chosen, chosen))]
        if encoding is None:
            alternatives = close_alternatives(data, text, chosen)
            df.attrs["encoding_alternatives"] = [
                {"encoding": other, "values": affected_values(data, rows, other, delimiter)}
                for other, _ours, _theirs in alternatives
            ]
            df.attrs["alternative_notes"] = [
                t(
                    "it could also be {encoding} text, which would read “{theirs}” where this reads “{ours}”; "
                    "choose the encoding under “Map the columns” (ingest: --encoding) if names look wrong",
                    lang=lang,
                    encoding=ENCODING_LABELS.get(other, other),
                    theirs=theirs,
                    ours=ours,
                )
                for other, ours, theirs in alternatives
            ]
            notes += df.attrs["alternative_notes"]
        df.attrs["notes"] = notes
    return df


def affected_values(
    data: bytes, rows: list[list[str]], other: str, delimiter: str, limit: int = 20
) -> list[tuple[int, str, str]]:
    """The cells that another encoding reads differently, for the user to judge which reading is right:
    (row number as the user sees it, as read, as ``other`` reads it), each distinct value once, at most
    ``limit``. Rows are compared line by line (the candidates are ASCII-compatible, so the separators and
    line breaks are the same bytes)."""
    try:
        theirs = list(csv.reader(io.StringIO(data.decode(other), newline=""), delimiter=delimiter))
    except (UnicodeDecodeError, csv.Error):
        return []
    out, seen = [], set()
    for n, (mine, other_row) in enumerate(zip(rows, theirs), start=1):
        for a, b in zip(mine, other_row):
            if a != b and a not in seen:
                seen.add(a)
                out.append((n, a, b))
                if len(out) >= limit:
                    return out
    return out


def close_alternatives(data: bytes, text: str, chosen: str, margin: float = 0.1) -> list[tuple[str, str, str]]:
    """Other code pages that read the bytes almost as plausibly as the one chosen, each with the first
    word the two read differently: (encoding, word as read, word as the other reads it)."""
    ranked = {enc: score for score, _own, enc in _ranked(data)}
    mine = ranked.get(chosen, plausibility(text, chosen))
    out = []
    for enc, score in ranked.items():
        if enc == chosen or score < mine - margin or score < 0.8:
            continue
        other = data.decode(enc)
        for a, b in zip(re.split(r"[\s,;]+", text), re.split(r"[\s,;]+", other)):
            if a != b:
                out.append((enc, a[:40], b[:40]))
                break
    return out[:2]


# --- any file -------------------------------------------------------------------------------------

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls and WPS .et (Compound File Binary)


def _other_spreadsheet(data: bytes, name: str, lang: str) -> str | None:
    """A refusal for spreadsheet formats that are not read (old Excel, WPS, OpenDocument), saying how
    to save the file; None for anything else."""
    lower = name.lower()
    if data.startswith(_OLE2) or lower.endswith((".xls", ".et")):
        kind = "WPS (.et)" if lower.endswith(".et") else "Excel 97–2003 (.xls)"
    elif lower.endswith((".ods", ".ett", ".xlsb")) or b"application/vnd.oasis.opendocument.spreadsheet" in data[:200]:
        kind = "OpenDocument (.ods)" if not lower.endswith(".xlsb") else "Excel binary (.xlsb)"
    else:
        return None
    return t(
        "{name}: workbooks in the {kind} format are not read here; open it in Excel, WPS or LibreOffice and "
        "save it as “Excel Workbook (*.xlsx)” or as CSV UTF-8",
        lang=lang,
        name=name,
        kind=kind,
    )


def read_file(
    data: bytes,
    name: str,
    columns: dict[str, str] | None = None,
    lang: str = DEFAULT_LANGUAGE,
    encoding: str | None = None,
) -> pd.DataFrame:
    """Any supported file to raw rows (strings and numbers, untouched); :class:`FileRefused`
    otherwise, naming the file and the limit, sheet, row, column or cell, in ``lang``.
    ``columns`` maps headers as written to column ids (the user's mapping; '' = not used);
    ``encoding`` forces a CSV's encoding (the user's choice). ``attrs``: ``headers``, ``unused``,
    ``notes`` (hidden sheets skipped, the encoding read), ``encoding``."""
    if not data:
        raise FileRefused(t("{name}: the file is empty", lang=lang, name=name))
    if len(data) > C.MAX_BYTES:
        raise FileRefused(
            t("{name}: the file is larger than {size} MB", lang=lang, name=name, size=C.MAX_BYTES // (1024 * 1024))
        )
    other = _other_spreadsheet(data, name, lang)
    if other:
        raise FileRefused(other)
    is_zip = data[:4] == b"PK\x03\x04"
    if name.lower().endswith((".xlsx", ".xlsm")) or is_zip:
        df = read_xlsx_bytes(data, name, columns, lang)
    elif looks_binary(data):
        raise FileRefused(t("{name}: a binary file, not CSV or XLSX", lang=lang, name=name))
    else:
        df = read_csv_bytes(data, name, columns, lang, encoding)
    if len(df) > C.MAX_ROWS:
        raise FileRefused(t("{name}: more than {limit} rows", lang=lang, name=name, limit=f"{C.MAX_ROWS:,}"))
    if df.empty:
        raise FileRefused(t("{name}: the header is there but no rows follow", lang=lang, name=name))
    return df
