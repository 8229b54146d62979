"""registrations.reading: encodings decided on evidence, limits that hold whatever the file says."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from conftest import FIXTURES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard.registrations import common as C
from dashboard.registrations import frame as F
from dashboard.registrations import reading
from dashboard.registrations import xlsx as X
from dashboard.registrations.common import FileRefused
from dashboard.text import clean_text, escape_markdown

CORPUS = FIXTURES / "registrations"
HEAD = "edition,full_name,organization,country_or_organization,delegation,role,mode\n"


@pytest.mark.parametrize(
    "text, encoding, expected",
    [
        (HEAD + "2025,Kouassi,Ministère de l'Intérieur,Côte d'Ivoire,,observer,\n", "cp1252", "cp1252"),
        (HEAD + "2025,,Ministère,Côte d'Ivoire,,observer,\n", "cp1252", "cp1252"),  # short: still not GB18030
        ("届次,国家/地区,身份\n2025,中国,团长\n", "gbk", "gb18030"),
        ("屆次,國家/地區,身份\n2025,中國,團長\n", "big5", "big5"),
        (HEAD + "2025,,,Peru,,delegate,\n", "utf-16-le", "utf-16-le"),  # no byte-order mark
        (HEAD + "2025,,,Peru,,delegate,\n", "utf-16-be", "utf-16-be"),
        (HEAD + "2025,,,Perú,,delegate,\n", "utf-8", "utf-8"),
        (HEAD + "2025,,,Perú,,delegate,\n", "utf-8-sig", "utf-8-sig"),
        (HEAD + "2025,,,Perú,,delegate,\n", "utf-16", "utf-16"),
    ],
)
def test_encoding_is_decided_on_evidence(text, encoding, expected):
    data = text.encode(encoding)
    assert reading.detect_encoding(data, "f.csv") == expected
    assert reading.decode(data, "f.csv") == text.lstrip("\ufeff")


@pytest.mark.parametrize("encoding", ["utf-32", "utf-32-le", "utf-32-be"])
def test_utf32_is_refused_clearly(encoding):
    with pytest.raises(FileRefused, match="f.csv: the file is UTF-32 text"):
        reading.decode((HEAD + "2025,,,Peru,,delegate,\n").encode(encoding), "f.csv")


def test_bytes_invalid_in_the_detected_encoding_name_the_row():
    with pytest.raises(FileRefused, match=r"f.csv, row 2, column 'a': bytes that are not valid UTF-16 text"):
        reading.decode(b"\xff\xfe" + "a,b\n".encode("utf-16-le") + b"\x00\xdc", "f.csv")


def test_clean_text_removes_invisible_characters_and_no_break_spaces():
    assert clean_text("\ufeff Hong\u00a0Kong\u200b SAR\u202f ") == "Hong Kong SAR"
    assert clean_text("ＡＢＣ　１２") == "ABC 12"  # full-width forms (NFKC)


def test_escape_markdown_makes_text_literal():
    assert escape_markdown("**a** [b](c) $x$ <i> `d` :red[e]\nf") == (
        r"\*\*a\*\* \[b\]\(c\) \$x\$ \<i\> \`d\` :red\[e\] f"
    )


def test_time_limit(monkeypatch):
    monkeypatch.setattr(C, "MAX_SECONDS", 0.0)
    data = (HEAD + "2025,,,Peru,,delegate,\n" * 600).encode()
    with pytest.raises(FileRefused, match=r"big.csv: reading stopped at row 256 after 0 s \(the time limit"):
        reading.read_file(data, "big.csv")


def test_cell_limit(monkeypatch):
    monkeypatch.setattr(C, "MAX_CELLS", 20)
    with pytest.raises(FileRefused, match=r"c.csv, row 3: more than 20 cells \(the limit\)"):
        reading.read_file((HEAD + "2025,,,Peru,,delegate,\n" * 5).encode(), "c.csv")


def test_row_limit_in_a_workbook(monkeypatch):
    monkeypatch.setattr(C, "MAX_ROWS", 1)
    monkeypatch.setattr(C, "HEADER_ROWS", 1)
    path = CORPUS / "xlsx_title_rows_merged.xlsx"  # values down to row 7
    with pytest.raises(FileRefused, match=r"sheet '名单', cell A4: a value beyond row 2 \(the limit is 1 rows\)"):
        reading.read_file(path.read_bytes(), path.name)


def rewrite(path, change) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(path) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, change(info.filename, zin.read(info.filename)))
    return out.getvalue()


def test_a_merged_range_to_the_end_of_the_sheet_is_clipped():
    """D5:D1048576 merged: filled only over the rows that exist (Peru on every row), at once."""
    data = rewrite(
        CORPUS / "xlsx_title_rows_merged.xlsx",
        lambda f, b: b.replace(b'ref="D5:D6"', b'ref="D5:D1048576"') if "worksheets" in f else b,
    )
    df = reading.read_file(data, "merged.xlsx")
    assert df.country_or_organization.tolist() == ["Peru", "Peru", "Peru"]


def test_too_many_parts_and_a_large_styles_part_are_refused(monkeypatch):
    big_styles = rewrite(
        CORPUS / "xlsx_formula.xlsx", lambda f, b: b + b" " * (5 * 1024 * 1024) if f == "xl/styles.xml" else b
    )
    with pytest.raises(FileRefused, match=r"the part xl/styles.xml unpacks to 5 MB \(the limit is 4 MB\)"):
        reading.read_file(big_styles, "s.xlsx")
    monkeypatch.setattr(C, "MAX_PARTS", 3)
    with pytest.raises(FileRefused, match=r"parts inside the workbook \(the limit is 3\)"):
        reading.read_file((CORPUS / "xlsx_formula.xlsx").read_bytes(), "p.xlsx")


def test_traditional_chinese_headers_are_recognised():
    df = reading.read_file("屆次,國家/地區,身份\n2025,中國,團長\n".encode(), "t.csv")
    assert df[["edition", "country_or_organization", "role"]].values.tolist() == [["2025", "中國", "團長"]]


def test_blank_lines_keep_the_row_numbers_the_user_sees():
    df = reading.read_file((HEAD + "\n2025,,,Peru,,delegate,\n,,,,,,\n2025,,,Chile,,delegate,\n").encode(), "b.csv")
    assert df.row.tolist() == [3, 5]


def test_not_a_workbook_at_all():
    with pytest.raises(FileRefused, match=re.escape("x.xlsx: not a readable XLSX workbook")):
        reading.read_file(b"PK\x03\x04" + b"\x00" * 100, "x.xlsx")


SHEET = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>'
    '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>edition</x:t></x:is></x:c>'
    '<x:c r="B1" t="inlineStr"><x:is><x:r><x:t>country_or_</x:t></x:r><x:r><x:t>organization</x:t></x:r></x:is></x:c>'
    '<x:c r="C1" t="str"><x:v>role</x:v></x:c></x:row>'
    '<x:row r="3"><x:c r="A3"><x:v>2025</x:v></x:c><x:c r="B3" t="inlineStr"><x:is><x:t>Peru</x:t></x:is></x:c>'
    '<x:c r="C3" t="str"><x:f t="shared" si="0">LOWER("DELEGATE")</x:f><x:v>delegate</x:v></x:c></x:row>'
    '<x:row><x:c><x:v>2025.0</x:v></x:c><x:c t="inlineStr"><x:is><x:t>Chile</x:t></x:is></x:c>'
    '<x:c t="b"><x:v>1</x:v></x:c></x:row>'
    '</x:sheetData><x:mergeCells count="1"><x:mergeCell ref="B3:B4"/></x:mergeCells></x:worksheet>'
)


def test_hand_written_sheet_xml_is_read_as_openpyxl_would():
    """Prefixed namespace, inline and rich-text strings, rows and cells without references, a
    (shared) formula read as its cached value (what a spreadsheet shows), a boolean, a merged range over
    rows that have values."""
    data = rewrite(CORPUS / "xlsx_formula.xlsx", lambda f, b: SHEET.encode() if f == "xl/worksheets/sheet1.xml" else b)
    df = reading.read_file(data, "hand.xlsx")
    assert df[["row", "edition", "country_or_organization", "role"]].values.tolist() == [
        [3, 2025, "Peru", "delegate"],
        [4, 2025.0, "Peru", True],
    ]


def test_a_doctype_in_a_sheet_is_refused():
    sheet = SHEET.replace("<x:worksheet", '<!DOCTYPE x [<!ENTITY a "aaaa">]><x:worksheet', 1)
    data = rewrite(CORPUS / "xlsx_formula.xlsx", lambda f, b: sheet.encode() if f == "xl/worksheets/sheet1.xml" else b)
    with pytest.raises(FileRefused, match="hand.xlsx, sheet 'Sheet': declares a DOCTYPE"):
        reading.read_file(data, "hand.xlsx")


def test_broken_sheet_xml_is_refused():
    data = rewrite(
        CORPUS / "xlsx_formula.xlsx",
        lambda f, b: (
            SHEET.replace("<x:sheetData>", '<x:dimension ref="A1:C4"/><x:sheetData>')[:460].encode() + b"<<"
            if f == "xl/worksheets/sheet1.xml"
            else b
        ),
    )
    with pytest.raises(FileRefused, match=r"hand.xlsx, sheet 'Sheet': not a readable worksheet \(XML error at line"):
        reading.read_file(data, "hand.xlsx")


def test_a_workbook_without_declared_dimension_is_streamed(tmp_path):
    """openpyxl's write-only mode (like some exporters) writes no <dimension>: read as it streams."""
    import openpyxl

    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("List")
    ws.append(HEAD.strip().split(","))
    ws.append([2025, "A", "MOJ", "Peru", None, "delegate", "in_person"])
    ws.append([2025, "B", "MOJ", "Line_x000D_Break", None, "delegate", "in_person"])
    wb.save(tmp_path / "w.xlsx")
    data = (tmp_path / "w.xlsx").read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert reading.declared_size(zf, "xl/worksheets/sheet1.xml") is None
    df = reading.read_file(data, "w.xlsx")
    assert df.country_or_organization.tolist() == ["Peru", "Line\rBreak"] and df.sheet.tolist() == ["List", "List"]


_VALID_SHEET = SHEET.replace("<x:sheetData>", '<x:dimension ref="A1:C4"/><x:sheetData>')


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cut=st.integers(0, len(_VALID_SHEET)), junk=st.text(max_size=40))
def test_fuzz_sheet_xml_never_crashes(cut, junk):
    """Whatever the worksheet XML, the reader gives rows or a refusal naming the file."""
    sheet = (_VALID_SHEET[:cut] + junk + _VALID_SHEET[cut:]).encode("utf-8", "surrogatepass")
    data = rewrite(CORPUS / "xlsx_formula.xlsx", lambda f, b: sheet if f == "xl/worksheets/sheet1.xml" else b)
    try:
        reading.read_file(data, "fuzz.xlsx")
    except FileRefused as exc:
        assert str(exc).startswith("fuzz.xlsx")


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    part=st.sampled_from(
        [
            "xl/workbook.xml",
            "xl/_rels/workbook.xml.rels",
            "xl/sharedStrings.xml",
            "_rels/.rels",
            "xl/worksheets/sheet1.xml",
        ]
    ),
    cut=st.integers(0, 2000),
    junk=st.binary(max_size=40),
)
def test_fuzz_workbook_parts_never_crash(part, cut, junk):
    def change(f, b):
        return b[:cut] + junk + b[cut:] if f == part else b

    data = rewrite(
        io.BytesIO(with_shared_strings((CORPUS / "xlsx_several_sheets.xlsx").read_bytes(), ["Peru", "delegate"])),
        change,
    )
    try:
        reading.read_file(data, "fuzz.xlsx")
    except FileRefused as exc:
        assert str(exc).startswith("fuzz.xlsx")


def with_shared_strings(data: bytes, strings: list[str]) -> bytes:
    """The workbook with a shared-strings part (as Excel writes them) holding ``strings``."""
    rel = (
        b'<Relationship Id="rIdSS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        b'sharedStrings" Target="sharedStrings.xml"/></Relationships>'
    )
    base = rewrite(
        io.BytesIO(data), lambda f, b: b.replace(b"</Relationships>", rel) if f == "xl/_rels/workbook.xml.rels" else b
    )
    sst = (
        '<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        + "".join(f"<si><r><t>{s[:1]}</t></r><r><t>{s[1:]}</t></r><rPh><t>phonetic</t></rPh></si>" for s in strings)
        + "</sst>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(base)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, zin.read(info.filename))
        zout.writestr("xl/sharedStrings.xml", sst)
    return out.getvalue()


def test_shared_strings_rich_text_and_their_limit(monkeypatch):
    sheet = (
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>'
        '<row r="2"><c r="A2"><v>2025</v></c><c r="B2" t="s"><v>3</v></c><c r="C2" t="s"><v>4</v></c></row>'
        "</sheetData></worksheet>"
    )
    data = rewrite(CORPUS / "xlsx_formula.xlsx", lambda f, b: sheet.encode() if f == "xl/worksheets/sheet1.xml" else b)
    full = with_shared_strings(data, ["edition", "country_or_organization", "role", "Peru", "delegate"])
    df = reading.read_file(full, "s.xlsx")
    assert df[["edition", "country_or_organization", "role"]].values.tolist() == [[2025, "Peru", "delegate"]]
    monkeypatch.setattr(C, "MAX_CELLS", 4)
    with pytest.raises(FileRefused, match=r"s.xlsx, shared strings: more than 4 strings"):
        reading.read_file(full, "s.xlsx")


# --- issue 19: encodings on evidence, the XLSX reader's phases, columns ----------------------------


@pytest.mark.parametrize(
    "text, encoding, expected",
    [
        # short Western lists from Excel: charset-normalizer alone said Windows-1250 ("Ministčre", "Săo Tomé")
        ("country,organization\nFrance,Ministère de l'Intérieur\n", "cp1252", "cp1252"),
        ("country,organization\nSão Tomé and Príncipe,Serviço de Migração\n", "cp1252", "cp1252"),
        ("country\nCôte d'Ivoire\nPerú\n", "cp1252", "cp1252"),
        # Central European text keeps Windows-1250 (letters Windows-1252 does not have)
        ("country,organization\nPolska,Straż Graniczna Łódź\n", "cp1250", "cp1250"),
        # GBK that is mostly ASCII with a few Chinese names: was read as Western gibberish
        (
            HEAD + "2025,Delegate,Ministry,Peru,,delegate,\n" * 30 + "2025,张伟,公安部,China,,delegate,\n",
            "gbk",
            "gb18030",
        ),
        ("country,name\nChina,王芳\nPeru,Ana\n", "gbk", "gb18030"),
    ],
)
def test_code_pages_decided_by_what_the_text_looks_like(text, encoding, expected):
    data = text.encode(encoding)
    assert reading.detect_encoding(data, "f.csv") == expected
    assert reading.decode(data, "f.csv") == text


def test_plausibility_tells_right_from_garbled():
    assert reading.plausibility("Ministère", "cp1252") == 1.0
    assert reading.plausibility("张伟", "gb18030") == 1.0
    assert reading.plausibility("ÕÅÎ°", "cp1252") < 0.5  # GBK bytes read as Windows-1252
    assert reading.plausibility("Minist鑢e", "gb18030") == 0.0  # an ideograph glued inside a Latin word


def test_a_chosen_encoding_overrides_the_evidence():
    data = "country\nPolska\nŁódź\n".encode("cp1250")
    df = reading.read_file(data, "p.csv", encoding="cp1252")
    assert df.attrs["encoding"] == "cp1252" and df.country_or_organization.tolist()[1] == "£ódŸ"


def test_a_dtd_split_across_two_chunks_is_refused():
    """The reader checks every 64 KB chunk with the end of the one before: a DOCTYPE cut in two is seen."""
    pad = 65536 - len('<?xml version="1.0"?><!--') - 4
    sheet = (
        '<?xml version="1.0"?><!--' + " " * pad + "--><!DOC" + 'TYPE x [<!ENTITY a "b">]>' + SHEET.split("?>\n", 1)[1]
    )
    data = rewrite(CORPUS / "xlsx_formula.xlsx", lambda f, b: sheet.encode() if f == "xl/worksheets/sheet1.xml" else b)
    with pytest.raises(FileRefused, match="hand.xlsx, sheet 'Sheet': declares a DOCTYPE"):
        reading.read_file(data, "hand.xlsx")


@pytest.mark.parametrize(
    "code, kind",
    [
        ("yyyy", "year"),
        ('yyyy"年"', "year"),
        ("yyyy年", "year"),
        ("yyyy-mm-dd", "date"),
        ('yyyy"年"m"月"d"日"', "date"),
        ("[$-804]yyyy/m/d", "date"),
        ("h:mm", "date"),
        ("0.00", ""),
        ("General", ""),
        ('"Year "0', ""),
    ],
)
def test_number_formats_decide_dates(code, kind):
    assert X.format_kind(code) == kind


def test_date_systems():
    assert X.serial_to_date(45917, False).date().isoformat() == "2025-09-17"
    assert X.serial_to_date(44455, True).date().isoformat() == "2025-09-17"


def test_formula_without_a_cached_value_names_the_cell():
    sheet = SHEET.replace("<x:v>delegate</x:v>", "")
    data = rewrite(CORPUS / "xlsx_formula.xlsx", lambda f, b: sheet.encode() if f == "xl/worksheets/sheet1.xml" else b)
    with pytest.raises(FileRefused) as info:
        reading.read_file(data, "hand.xlsx")
    assert str(info.value).startswith(
        "hand.xlsx, sheet 'Sheet', cell C3, column 'role (Participation role)': a formula without a saved result; "
    )
    # in the user's language, still naming file, sheet, cell and column
    with pytest.raises(FileRefused) as info:
        reading.read_file(data, "名单.xlsx", lang="zh")
    assert str(info.value).startswith("名单.xlsx，工作表“Sheet”，单元格C3，role（参会身份）列：")
    assert "公式" in str(info.value)


def test_formula_without_a_cached_value_in_a_column_not_imported_is_harmless():
    """A 序号 column computed by a formula that a program wrote without results: not imported, not refused."""
    sheet = (
        SHEET.replace('<x:c r="C1" t="str"><x:v>role</x:v></x:c>', '<x:c r="C1" t="str"><x:v>序号</x:v></x:c>')
        .replace("<x:v>delegate</x:v>", "")
        .replace('<x:c t="b"><x:v>1</x:v></x:c>', "")
    )
    data = rewrite(CORPUS / "xlsx_formula.xlsx", lambda f, b: sheet.encode() if f == "xl/worksheets/sheet1.xml" else b)
    df = reading.read_file(data, "hand.xlsx")
    assert df[["row", "country_or_organization"]].values.tolist() == [[3, "Peru"], [4, "Peru"]]


def test_several_visible_sheets_are_read_and_named_in_the_problems(index):
    from dashboard.registrations.validation import validate

    path = CORPUS / "xlsx_several_sheets.xlsx"
    df = reading.read_file(path.read_bytes(), path.name)
    assert df.sheet.tolist() == ["Asia", "Africa"]
    assert any("'Notes'" in n for n in df.attrs["notes"])  # the sheet without a header, said so
    report = validate(df.assign(country_or_organization=["Nowhere", "Nigeria"]), path.name, index, [2025])
    assert str(report.issues[0]).startswith("sheet 'Asia', row 2, column 'country_or_organization (")


def test_no_header_names_the_required_column_and_carries_the_candidate_header():
    data = "序号,国家名称,姓名\n1,蒙古国,巴特\n".encode()
    with pytest.raises(F.NoHeader) as exc:
        reading.read_file(data, "n.csv")
    assert exc.value.headers == ["序号", "国家名称", "姓名"]
    assert "国家/地区" in str(exc.value) and "--columns" in str(exc.value)
    # the user's mapping: the country column named, the running number left out
    df = reading.read_file(data, "n.csv", columns={"国家名称": "country_or_organization", "序号": ""})
    assert df[["row", "country_or_organization", "full_name"]].values.tolist() == [[2, "蒙古国", "巴特"]]
    assert df.attrs["unused"] == ["序号"]


def test_column_mapping_from_the_command_line():
    assert F.parse_columns("国家名称=country, 职位=title,序号=") == {
        "国家名称": "country_or_organization",
        "职位": "title",
        "序号": "",
    }
    with pytest.raises(ValueError, match="'salary' is not a column"):
        F.parse_columns("工资=salary")


@pytest.mark.parametrize(
    "header", ["国家/地区", "国家（地区）", "国家 / 地区", "国别", "國家/地區", "Country", "国家(地区)/国际组织"]
)
def test_country_header_synonyms(header):
    df = reading.read_file(f"{header},职务\n蒙古国,局长\n".encode(), "h.csv")
    assert df.country_or_organization.tolist() == ["蒙古国"] and df.title.tolist() == ["局长"]


@pytest.mark.parametrize(
    "name, data, kind",
    [
        ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504, "Excel 97–2003 (.xls)"),
        ("名单.et", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504, "WPS (.et)"),
        (
            "list.ods",
            b"PK\x03\x04" + b"\x00" * 26 + b"mimetypeapplication/vnd.oasis.opendocument.spreadsheet",
            "OpenDocument",
        ),
    ],
)
def test_other_spreadsheet_formats_say_how_to_save_as_xlsx(name, data, kind):
    with pytest.raises(FileRefused) as exc:
        reading.read_file(data, name)
    assert str(exc.value).startswith(f"{name}: workbooks in the {kind}") and "Excel Workbook (*.xlsx)" in str(exc.value)


def test_a_two_row_header_reads_the_names_under_a_merged_group_title():
    """参会人员 merged over 职务 | 姓名 (any order), 国家/地区 and 参会方式 merged down two rows."""
    rows = [
        ["国家/地区", "参会人员", "参会人员", "参会方式"],
        ["国家/地区", "职务", "姓名", "参会方式"],
        ["蒙古国", "局长", "巴特", "现场"],
    ]
    df = F.frame_from_rows(rows, "x.xlsx")
    assert df[["row", "country_or_organization", "full_name", "title", "mode"]].values.tolist() == [
        [3, "蒙古国", "巴特", "局长", "现场"]
    ]
