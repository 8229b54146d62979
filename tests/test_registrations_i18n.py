"""Messages about an uploaded registration list are gettext messages: in Chinese they are Chinese and
still name the file, the row and the column; in English (the default, and the command line's) they
are unchanged."""

from __future__ import annotations

import re

import pytest
from conftest import registration_frame as frame

from dashboard.i18n import language
from dashboard.registrations.common import FileRefused
from dashboard.registrations.reading import read_file
from dashboard.registrations.validation import validate

CJK = re.compile(r"[\u4e00-\u9fff]")


def refusal(data: bytes, name: str, lang: str = "en") -> str:
    with pytest.raises(FileRefused) as info:
        read_file(data, name, lang=lang)
    return str(info.value)


def test_empty_and_binary_files_are_refused_in_chinese_naming_the_file():
    empty = refusal(b"", "名单.csv", "zh")
    blank = refusal(b"\n\n  \n", "blank.csv", "zh")
    binary = refusal(b"\x00\x01\x02binary\x00" * 50, "photo.csv", "zh")
    assert empty == "名单.csv：文件为空"
    assert blank == "blank.csv：文件为空"
    assert binary.startswith("photo.csv：") and "二进制文件" in binary
    assert not re.search(r"[A-Za-z]{4,}", binary.replace("photo.csv", "").replace("XLSX", ""))


def test_refusals_stay_english_by_default():
    with language("zh"):  # the run's language is not the reader's: the caller passes lang
        assert refusal(b"", "list.csv") == "list.csv: the file is empty"
    assert refusal(b"", "list.csv") == "list.csv: the file is empty"
    assert refusal(b"\x00\x01\x02binary\x00" * 50, "photo.csv") == "photo.csv: a binary file, not CSV or XLSX"


def test_header_refusal_in_chinese_lists_the_columns():
    message = refusal(b"name,organization\nA,B\n", "w.csv", "zh")
    assert message.startswith("w.csv：") and CJK.search(message)
    assert "国家/地区" in message and "国别" in message  # the required column, by the headers it may have
    assert "--columns" in message  # and how to map it


def test_row_problems_in_chinese_name_the_row_and_column(index):
    rows = [
        {"edition": "2025", "country_or_organization": "Peru", "role": "boss"},
        {"edition": "2025", "country_or_organization": "Solomon Islnds", "role": "delegate"},
        {"edition": "2025", "country_or_organization": "AU", "role": "delegate"},
        {"edition": "2025", "full_name": "=1+1", "country_or_organization": "Peru", "role": "delegate"},
    ]
    report = validate(frame(rows), "r.csv", index, [2025], lang="zh")
    lines = [i.text("zh") for i in report.issues]
    role, unknown, ambiguous, formula = report.issues
    assert (role.row, role.column) == (2, "role") and role.message == "'boss'不是可识别的参会身份"
    assert lines[0].startswith("第2行，参会身份列：'boss'不是可识别的参会身份（最接近的选项：delegate、")
    assert (unknown.row, unknown.column, unknown.reason) == (3, "country_or_organization", "unknown")
    assert unknown.message == "无法识别的名称'Solomon Islnds'"
    assert lines[1].startswith("第3行，国家/地区或国际组织列：")
    assert ambiguous.reason == "ambiguous" and ambiguous.message == (
        "名称'AU'存在歧义：可理解为African Union (AU)或Australia (AUS)；请填写全称"
    )
    assert (formula.row, formula.column) == (5, "full_name") and CJK.search(formula.message)
    # the same report in English, as the command line and the tests of the corpus read it
    english = validate(frame(rows), "r.csv", index, [2025])
    assert [i.message for i in english.issues] == [
        "'boss' is not a known role",
        "unknown name 'Solomon Islnds'",
        "ambiguous name 'AU': it can be read as African Union (AU) or Australia (AUS); write the full name",
        "looks like a spreadsheet formula; write the value itself",
    ]
    assert str(english.issues[0]).startswith(
        "row 2, column 'Participation role': 'boss' is not a known role (closest: delegate, "
    )
