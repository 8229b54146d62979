"""The registration templates the Import page offers (data/templates, written by tools/make_templates.py):
each one, the Chinese ones included, is read back by the importer exactly as its example rows say, so a
template an organizer fills in is never refused for its own headers or words."""

from __future__ import annotations

import pytest
from conftest import REPO

from dashboard import registrations as R

TEMPLATES = REPO / "data" / "templates"


@pytest.mark.parametrize(
    "name",
    [
        "registration_template.csv",
        "registration_template.xlsx",
        "registration_template.zh.csv",
        "registration_template.zh.xlsx",
    ],
)
def test_template_reads_back_as_its_example_rows(name, index):
    path = TEMPLATES / name
    lang = "zh" if ".zh." in name else "en"
    report = R.validate(R.read_file(path.read_bytes(), name, lang=lang), name, index, [2024, 2025], lang=lang)
    assert report.ok, [i.message for i in report.issues]
    rows = report.table.sort_values("row")
    assert list(rows.code) == ["MNG", "IOM"]
    assert list(rows.role) == ["head_of_delegation", "speaker"]
    assert list(rows["mode"]) == ["in_person", "video"]
    assert set(rows.edition) == {2025}


def test_chinese_template_has_no_latin_word():
    """The Chinese template is Chinese throughout (issue 18: no English the reader did not ask for)."""
    text = (TEMPLATES / "registration_template.zh.csv").read_text(encoding="utf-8")
    assert not any(c.isascii() and c.isalpha() for c in text)
