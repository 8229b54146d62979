"""Issue 18, the rest of the native reader's checklist: international organizations in the order the
official source lists them (house style rule 5, row 46), as names and not English acronyms in Chinese
charts; this project's notes in both languages (no "(note in English only)" marker in the Chinese
view); an ambiguous name's readings in Chinese in the Import page's problem report.

Unit tests on the synthetic editions (tests/fixtures/synthetic: 2099 lists IOM first, then ICMPD, the
reverse of code order); the checklist items on the real data say which defect they quote."""

from __future__ import annotations

import shutil

import pytest
import yaml
from conftest import REPO, make_fixture_data

from dashboard import keycharts, metrics, names
from dashboard.errors import DataError
from dashboard.summary import edition_summary

# --- organizations in the official list's order ------------------------------------------------------


def test_organizations_follow_the_official_list_not_the_code(fixture_ds):
    assert metrics.organization_order(fixture_ds, [2099]) == ["IOM", "ICMPD"]


def test_across_editions_the_latest_list_comes_first(fixture_ds):
    assert metrics.organization_order(fixture_ds, [2098, 2099]) == ["IOM", "ICMPD"]
    assert metrics.organization_order(fixture_ds, [2098]) == ["IOM"]


def test_the_chinese_summary_lists_organizations_as_the_source_does(fixture_ds):
    text = "\n".join(edition_summary(fixture_ds, 2099, "zh").paragraphs)
    assert text.index("国际移民组织") < text.index("国际移民政策发展中心")


def test_the_english_summary_keeps_its_order(fixture_ds):
    """Nothing changes for English readers: acronym order, as before."""
    text = "\n".join(edition_summary(fixture_ds, 2099, "en").paragraphs)
    assert text.index("International Centre for Migration Policy Development") < text.index(
        "International Organization for Migration"
    )


def _rows_top_down(chart) -> list[str]:
    return list(chart.figure.layout.yaxis.categoryarray)[::-1]


def test_the_chinese_matrix_names_organizations_in_chinese_in_listed_order(fixture_ds):
    chart = keycharts.organizations_matrix(fixture_ds, [2098, 2099], lang="zh")
    assert _rows_top_down(chart) == ["国际移民组织", "国际移民政<br>策发展中心"]
    drawn = [y for tr in chart.figure.data for y in tr.y]
    assert not [y for y in drawn if any("A" <= ch <= "Z" for ch in y)], drawn


def test_the_english_matrix_keeps_acronyms(fixture_ds):
    chart = keycharts.organizations_matrix(fixture_ds, [2098, 2099], lang="en")
    assert _rows_top_down(chart) == ["ICMPD", "IOM"]


def test_the_build_refuses_one_position_given_twice(tmp_path):
    from dashboard.build import build

    data = make_fixture_data(tmp_path)
    path = data / "raw" / "editions" / "2099.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("listed_order: 2", "listed_order: 1"), encoding="utf-8")
    with pytest.raises(DataError, match="listed_order 1"):
        build(data)


def test_2024_organizations_in_the_chair_statement_order(dataset):
    """House style row 46: 国际移民组织、联合国难民署、联合国毒品和犯罪问题办公室、国际刑警组织、东盟秘书处、
    澜沧江—湄公河综合执法安全合作中心 (the chair's statement's order), not code order (东盟秘书处 first)."""
    text = "\n".join(edition_summary(dataset, 2024, "zh").paragraphs)
    found = [
        n
        for n in ("国际移民组织", "联合国难民署", "联合国毒品", "国际刑警组织", "东南亚国家联盟", "澜沧江")
        if n in text
    ]
    assert sorted(found, key=text.index) == found and len(found) == 6


# --- this project's notes in both languages ----------------------------------------------------------


def test_a_note_comes_in_chinese_in_the_chinese_view():
    row = {
        "note": "No source places him at the migration sub-forum.",
        "note_zh": "无来源表明其出席移民管理合作分论坛。",
    }
    assert names.note(row, "zh") == "无来源表明其出席移民管理合作分论坛。"
    assert names.note(row, "en") == "No source places him at the migration sub-forum."


def test_a_note_without_its_chinese_form_is_refused(tmp_path):
    from dashboard.build import build

    data = make_fixture_data(tmp_path)
    path = data / "raw" / "editions" / "2099.yaml"
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    raw["people"][0]["note"] = "An English note only."
    raw["people"][0].pop("note_zh", None)
    path.write_text(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False), encoding="utf-8")
    with pytest.raises(DataError, match="note_zh"):
        build(data)


def test_every_note_of_the_data_has_its_chinese_form(dataset):
    """Issue 18: 'Notes of this project ("title cut off in excerpt") in both languages'."""
    p = dataset.people
    missing = p[(p.note.fillna("") != "") & (p.note_zh.fillna("") == "")]
    assert missing.empty, list(missing.person_id)


def test_names_as_written_carry_no_english_project_notes(dataset):
    """'奧米… (cut off in the only source…)', '(zh; one character garbled in the mirror)': an English note
    inside a Chinese name shows in the Chinese table; the note belongs in note / note_zh."""
    written = dataset.people.name_as_written.dropna()
    assert not [w for w in written if any(word in w for word in ("cut off", "garbled", "mirror"))]


def test_the_speakers_table_shows_no_english_only_marker(monkeypatch):
    from test_zh_checklist import _chinese_page

    from dashboard.i18n import set_language

    monkeypatch.delenv("DASHBOARD_DATA_DIR", raising=False)
    set_language("zh")
    try:
        at = _chinese_page("pages/4_Speakers.py")
        notes = [str(x) for x in at.dataframe[-1].value["备注"]]
        assert not [x for x in notes if "暂无中文" in x], notes
        assert any("无来源表明其出席" in x or "主席声明全文" in x for x in notes), notes
    finally:
        set_language("en")


def test_fixture_copy_is_independent(tmp_path):
    """The fixture copy used above never touches the repository's data/raw."""
    data = make_fixture_data(tmp_path)
    assert (data / "raw").resolve() != (REPO / "data" / "raw").resolve()
    shutil.rmtree(data)
