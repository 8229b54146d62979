"""registrations.validation: rows checked, names resolved once per distinct name, capped suggestions."""

from __future__ import annotations

from conftest import registration_frame as frame

from dashboard.registrations import common as C
from dashboard.registrations.validation import validate


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
