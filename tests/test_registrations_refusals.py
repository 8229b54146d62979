"""Every refusal of an uploaded list says where, in the user's language: the file, the sheet, the row or
cell, and the column (a cell reference names its column by letter; where the header is known, the
column by its header too). Several kinds of refusal, each in English and in Chinese."""

from __future__ import annotations

import io
import re

import pytest
from conftest import FIXTURES
from conftest import registration_frame as frame

from dashboard.ingest import problem_report
from dashboard.registrations import reading
from dashboard.registrations.common import FileRefused
from dashboard.registrations.validation import validate

CORPUS = FIXTURES / "registrations"
CJK = re.compile(r"[\u4e00-\u9fff]")


def refusal(data: bytes, name: str, lang: str, **kw) -> str:
    with pytest.raises(FileRefused) as info:
        reading.read_file(data, name, lang=lang, **kw)
    return str(info.value)


def without_result() -> bytes:
    """A workbook (written by openpyxl) whose country cell B3 is a formula saved without its result."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "名单"
    ws.append(["国家/地区", "姓名"])
    ws.append(["秘鲁", "A"])
    ws.append(['=TRIM("秘鲁")', "B"])  # openpyxl saves formulas without results
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


@pytest.mark.parametrize(
    "lang, expected",
    [
        (
            "en",
            "list.xlsx, sheet '名单', cell A3, column '国家/地区 (Country/region or international organization)': "
            "a formula without a saved result; open the file in Excel or WPS and save it again, or type the value",
        ),
        (
            "zh",
            "list.xlsx，工作表“名单”，单元格A3，国家/地区（国家/地区或国际组织）列：公式没有保存的计算结果；"
            "请用Excel或WPS打开文件后重新保存，或直接输入数值",
        ),
    ],
)
def test_a_formula_without_a_saved_result(lang, expected):
    assert refusal(without_result(), "list.xlsx", lang) == expected


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_shared_string_out_of_range_names_file_sheet_and_cell(lang):
    message = refusal((CORPUS / "shared_string_out_of_range.xlsx").read_bytes(), "damaged.xlsx", lang)
    assert "damaged.xlsx" in message and "Sheet" in message and "D3" in message
    assert bool(CJK.search(message)) == (lang == "zh")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_value_beyond_the_column_limit_names_file_sheet_and_cell(lang):
    message = refusal((CORPUS / "far_cell.xlsx").read_bytes(), "wide.xlsx", lang)
    assert "wide.xlsx" in message and "Sheet" in message and "XFD1048576" in message
    assert bool(CJK.search(message)) == (lang == "zh")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_bytes_not_valid_in_the_chosen_encoding_name_file_and_row(lang):
    data = "country,name\nPeru,A\nFrance,Renée\n".encode("cp1252")
    message = refusal(data, "w.csv", lang, encoding="utf-8")
    assert message.startswith("w.csv") and re.search(r"(row 3|第3行)", message)
    assert re.search(r"(column 'name'|“name”列)", message), message  # the column, by its header
    assert bool(CJK.search(message)) == (lang == "zh")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_header_without_the_required_column_names_the_file_and_the_columns(lang):
    message = refusal("姓名,职务\nA,B\n".encode(), "h.csv", lang)
    assert message.startswith("h.csv") and "国家/地区" in message
    assert bool(CJK.search(message.replace("国家/地区", "").replace("国别", ""))) == (lang == "zh")


def test_row_problems_name_the_sheet_row_and_column_in_both_languages_and_the_report_names_the_file(index):
    rows = [
        {"edition": "2031", "country_or_organization": "Peru", "role": "delegate"},
        {"edition": "2025", "country_or_organization": "Atlantis", "role": "delegate"},
        {"edition": "2025", "country_or_organization": "Peru", "role": "boss"},
        {"edition": "2025", "country_or_organization": "A\x00B", "role": "delegate"},
    ]
    df = frame(rows)
    df["sheet"] = "第二届"
    df.attrs["headers"] = {"country_or_organization": "国别", "role": "身份", "edition": "届次"}
    en = validate(df, "list.xlsx", index, [2024, 2025], lang="en")
    zh = validate(df, "list.xlsx", index, [2024, 2025], lang="zh")
    assert len(en.issues) == len(zh.issues) >= 4
    for issue in en.issues:
        text = issue.text("en")
        assert text.startswith("sheet '第二届', row ") and "column '" in text
    for issue in zh.issues:
        text = issue.text("zh")
        assert text.startswith("工作表“第二届”，第") and "列：" in text
        # suggestions are entity labels (the page shows them in the user's language, see ui.importer)
        said = text.split("（最接近的选项")[0].replace("Atlantis", "").replace("boss", "")
        assert not re.search(r"[A-Za-z]{5,}", said), said
    columns = {i.column for i in en.issues}
    assert {"edition", "country_or_organization", "role"} <= columns
    report = problem_report(en)
    assert report.startswith("list.xlsx: ") and "sheet '第二届', row 2, column '届次 (" in report
