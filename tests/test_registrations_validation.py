"""registrations.validation: rows checked, names resolved once per distinct name, capped suggestions."""

from __future__ import annotations

import pytest
from conftest import registration_frame as frame

from dashboard.cleaning import seniority
from dashboard.registrations import common as C
from dashboard.registrations.validation import is_formula, parse_edition, validate


def test_traditional_role_and_mode_words_and_invisible_characters(index):
    report = validate(
        frame(
            [
                {"edition": "2025", "country_or_organization": "中國", "role": "團長", "mode": "線上"},
                {"edition": "2025", "country_or_organization": "Peru\u200b", "role": "發言人", "mode": "\u00a0video"},
                {"edition": 2025.0, "country_or_organization": "Republic\u00a0of Korea", "role": "delegate\u2060"},
            ]
        ),
        "t.csv",
        index,
        [2025],
    )
    assert report.issues == []
    assert report.table[["code", "role", "mode"]].values.tolist() == [
        ["CHN", "head_of_delegation", "video"],
        ["PER", "speaker", "video"],
        ["KOR", "delegate", "in_person"],
    ]


def test_suggestions_are_capped_and_the_rest_counted(index, monkeypatch):
    monkeypatch.setattr(C, "MAX_SUGGESTED_NAMES", 5)
    rows = [{"edition": "2025", "country_or_organization": f"Nowhere {i}", "role": "delegate"} for i in range(8)] * 3
    report = validate(frame(rows), "u.csv", index, [2025])
    unknown = report.unresolved_names()
    assert list(unknown) == [f"Nowhere {i}" for i in range(8)]  # one entry per distinct name, in file order
    assert all(unknown[f"Nowhere {i}"] for i in range(5)) and not any(unknown[f"Nowhere {i}"] for i in range(5, 8))
    assert report.unsuggested == 3
    assert report.rows_per_unresolved_name()["Nowhere 0"] == 3
    assert len(report.issues) == 24 and {i.row for i in report.issues} == set(range(2, 26))


def test_ambiguous_code_is_an_issue_with_both_readings(index):
    report = validate(
        frame([{"edition": "2025", "country_or_organization": "AU", "role": "delegate"}]), "a.csv", index, [2025]
    )
    (issue,) = report.issues
    assert (issue.row, issue.column) == (2, "country_or_organization")
    assert "ambiguous name 'AU'" in issue.message
    assert issue.suggestions == ("African Union (AU)", "Australia (AUS)")


def test_fifty_thousand_unknown_rows_give_one_entry_per_name(index):
    """The shape of the benchmark case (python -m bench.uploads times it); here only its result."""
    rows = [
        {"edition": "2025", "country_or_organization": f"Unknownland {i}", "role": "delegate"} for i in range(50_000)
    ]
    report = validate(frame(rows), "big.csv", index, [2025])
    assert len(report.issues) == 50_000 and report.table.empty
    assert report.unsuggested == 50_000 - C.MAX_SUGGESTED_NAMES


# --- organizers' values (issue 19) ----------------------------------------------------------------


@pytest.mark.parametrize(
    "value, edition",
    [
        ("2025", 2025),
        ("2025.0", 2025),
        ("2025年", 2025),
        ("2025 Lianyungang", 2025),
        ("2024年·苏州", 2024),
        ("第二届", 2025),
        ("第2届", 2025),
        ("第一届", 2024),
        ("首届", None),  # not an ordinal the rule reads: refused, never guessed
        ("2nd", 2025),
        ("second edition", 2025),
        ("第三届", None),  # no third edition in the data
        ("2024-2025", None),  # two years: which one?
        ("soon", None),
    ],
)
def test_editions_in_the_forms_organizers_write(value, edition):
    assert parse_edition(value, {1: 2024, 2: 2025}) == edition


@pytest.mark.parametrize(
    "value, formula",
    [
        ("=1+2", True),
        ("@SUM(A1)", True),
        ("+A1", True),
        ("-2+3", True),
        ('=HYPERLINK("http://x","y")', True),
        ("-", False),  # an empty cell, as organizers mark it (was "looks like a spreadsheet formula")
        ("—", False),
        ("-3", False),
        ("+86 10 1234 5678", False),
        ("- see note", False),
    ],
)
def test_only_formula_like_content_is_a_formula(value, formula):
    assert is_formula(value) is formula


def test_empty_cell_marks_roles_and_modes_organizers_write(index):
    rows = [
        {"country_or_organization": "蒙古国", "role": "团长", "mode": "-", "full_name": "—"},
        {"country_or_organization": "沙特", "role": "副团长", "mode": "线下", "organization": "/"},
        {"country_or_organization": "波黑", "role": "团员", "mode": "视频", "delegation": "无"},
        {"country_or_organization": "教廷", "role": "嘉宾", "mode": "N/A", "title": "-"},
        {"country_or_organization": "香港特区", "role": "发言嘉宾", "mode": "现场"},
        {"country_or_organization": "老挝", "role": "随员"},
        {"country_or_organization": "越南", "role": "联络官"},
        {"country_or_organization": "泰国", "role": "观察员"},
        {"country_or_organization": "柬埔寨", "role": "成员"},
        {"country_or_organization": "缅甸"},
    ]
    report = validate(frame(rows), "t.csv", index, [2024, 2025], edition=2025)
    assert report.issues == [], [str(i) for i in report.issues]
    assert report.table.role.tolist() == [
        "head_of_delegation",
        "deputy_head_of_delegation",
        "delegate",
        "guest",
        "speaker",
        "accompanying",
        "liaison_officer",
        "observer",
        "delegate",
        "not_stated",
    ]
    assert report.table["mode"].tolist()[:5] == ["in_person", "in_person", "video", "in_person", "in_person"]
    assert report.table.full_name.tolist()[0] == "" and report.table.organization.tolist()[1] == ""
    assert set(report.table.edition) == {2025}  # the edition chosen on upload


def test_without_an_edition_column_or_choice_each_row_says_so(index):
    report = validate(frame([{"country_or_organization": "Peru"}]), "t.csv", index, [2025])
    assert [(i.row, i.column) for i in report.issues] == [(2, "edition")]
    assert "choose the edition" in report.issues[0].message


def test_control_characters_and_spreadsheet_errors_are_refused_naming_the_row(index):
    rows = [
        {"country_or_organization": "Peru", "full_name": "A\x00B"},
        {"country_or_organization": "#N/A"},
        {"country_or_organization": "Chile"},
    ]
    report = validate(frame(rows), "t.csv", index, [2025], edition=2025)
    assert [(i.row, i.column) for i in report.issues] == [(2, "full_name"), (3, "country_or_organization")]
    assert "control characters" in report.issues[0].message and "#N/A" in report.issues[1].message
    assert report.table.code.tolist() == ["CHL"]


def test_titles_give_the_seniority_in_both_languages(index):
    titles = [
        "公安部部长",
        "外交部副部长",
        "领事司司长",
        "国家移民管理局副局长",
        "处长",
        "警官",
        "Director General",
        "一秘",
    ]
    rows = [{"country_or_organization": "Peru", "title": x} for x in titles]
    report = validate(frame(rows), "t.csv", index, [2025], edition=2025)
    assert report.table.seniority.tolist() == [
        "minister",
        "vice_minister",  # 外交部副部长: 副部级
        "head_of_institution",
        "senior_official",
        "senior_official",
        "official",
        "head_of_institution",
        "not_derivable",
    ]


@pytest.mark.parametrize(
    "title, level",
    [
        ("部长", "minister"),
        ("副部长", "vice_minister"),  # 副部级, as "Deputy Minister" in English
        ("司长", "head_of_institution"),
        ("局长", "head_of_institution"),
        ("副局长", "senior_official"),
        ("处长", "senior_official"),
        ("助理处长(管制) (Assistant Director (Control))", "senior_official"),
        ("移民副秘书 (Undersecretary of Migration)", "senior_official"),
        ("科员", "official"),
        ("秘书", "official"),
        ("翻译", "not_derivable"),
        ("Vice Minister of Public Security", "vice_minister"),  # the English rules agree
        ("Head of Division, Border Management", "senior_official"),  # a 处长, not the head of an institution
        ("Head of the Immigration Department", "head_of_institution"),
    ],
)
def test_chinese_seniority_rules_beside_the_english_ones(title, level):
    assert seniority(title) == level
