"""The Import page in AppTest: a valid list joins the session and every page uses it; a broken
file is refused with row and column; nothing is written to disk."""

from __future__ import annotations

import hashlib
import json
import re

import pytest
from conftest import FIXTURES, REPO
from streamlit.testing.v1 import AppTest

from dashboard.i18n import set_language

CORPUS = FIXTURES / "registrations"


def digest():
    return {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted((REPO / "data").rglob("*")) if p.is_file()}


@pytest.fixture(autouse=True)
def _repo_data(monkeypatch):
    monkeypatch.delenv("DASHBOARD_DATA_DIR", raising=False)


def import_page() -> AppTest:
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=60)
    at.run()
    at.switch_page("pages/8_Import.py")
    at.run()
    return at


def upload(at: AppTest, name: str) -> AppTest:
    mime = "text/csv" if name.endswith(".csv") else "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    at.file_uploader(key="registration_upload").upload(name, (CORPUS / name).read_bytes(), mime).run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def test_valid_list_joins_the_session_and_pages_change():
    before = digest()
    at = upload(import_page(), "gbk_chinese.csv")
    assert any("4 valid rows" in s.value for s in at.success)
    at.button(key="import_confirm").click().run()
    assert any("**2025**: 4 attendees" in m.value for m in at.markdown)
    at.switch_page("pages/0_Overview.py")
    at.run()
    text = " ".join(m.value for m in at.markdown)
    assert "Complete list loaded" not in text  # four rows, not declared complete: identified participants only
    at.switch_page("pages/5_Map.py")
    at.run()
    assert not at.exception
    assert digest() == before  # nothing written to disk
    assert "registration" not in str(dict(at.query_params))


def plotly_specs(at: AppTest) -> list[dict]:
    return [json.loads(c.proto.spec) for c in at.get("plotly_chart")]


def test_added_list_shows_what_changed_and_every_page_credits_it():
    at = upload(import_page(), "gbk_chinese.csv")
    matched = next(d.value for d in at.dataframe if "Matched to" in d.value.columns)
    rows = matched.set_index("Written in the file")
    assert rows.loc["中国香港", "Matched to"] == "Hong Kong SAR, China" or rows.loc["中国香港", "Code"] == "HKG"
    assert rows.loc["国际移民组织", "Chinese name"] == "国际移民组织"
    at.button(key="import_confirm").click().run()
    # the success state: what changed, and no stale problem list or upload prompt
    assert any("was added to this browser session's data" in s.value for s in at.success)
    changes = [m.value for m in at.markdown if m.value.startswith("- **2025**")]
    assert changes and "international organizations" in changes[0] and "4 attendees" in changes[0]
    assert not any("have problems" in w.value for w in at.warning)
    assert not [b for b in at.button if b.key == "import_confirm"]
    # kept only in this session: the notice, the cleaned list and the command that keeps it
    assert any("this browser session only" in i.value for i in at.info)
    assert [c.value for c in at.code] == [
        "python -m dashboard.ingest registration-2025-clean.csv --edition 2025 --anonymise"
    ]
    at.switch_page("pages/0_Overview.py")
    at.run()
    captions = " ".join(c.value for c in at.caption).replace("\\", "")  # the file name is Markdown-escaped
    # the tile says what the list adds (Macao; China, Hong Kong and the IOM are in public sources)
    assert (
        "14 identified: 13 in public sources, 1 only in the organizer's list (2025, file: gbk_chinese.csv, loaded "
        in captions
    )
    at.switch_page("pages/5_Map.py")
    at.run()
    # titles and source lines are wrapped to the chart's width: join the lines again
    titles = [" ".join(re.sub(r"</?b>|<br>", " ", json.dumps(s, ensure_ascii=False)).split()) for s in plotly_specs(at)]
    assert any("Countries and regions named in public sources and the organizer's list, 2025" in x for x in titles)
    assert any("public sources and the organizer's list (1 only in the list)" in x for x in titles)  # subtitle
    assert not any("public sources name part of the participants" in x for x in titles)
    assert any(
        "Source: public sources cited per participant and the organizers' list (2025, file: gbk_chinese.csv, loaded"
        in x
        for x in titles
    )
    # a reload is a new session: the list is gone and the Import page says where lists live
    again = import_page()
    assert any("this browser session only" in i.value for i in again.info)
    assert any("No registration list loaded" in c.value for c in again.caption)


TWO_ROWS = (
    "edition,full_name,organization,country_or_organization,delegation,role,mode\n"
    "2025,,Polícia Federal,Brazil,,delegate,in_person\n"
    "2025,,Immigration,Peru,,delegate,in_person\n"
).encode()


def test_a_two_row_list_declared_complete_is_not_accepted():
    at = upload_bytes(import_page(), "two.csv", TWO_ROWS)
    at.checkbox(key="import_complete::2025").check().run()
    assert any(
        "not accepted as the complete list" in w.value and "fewer than the reported 51" in w.value for w in at.warning
    )
    at.button(key="import_confirm").click().run()
    assert any("not accepted as the complete list" in w.value for w in at.warning)
    # refused as complete: the suggested command does not declare it complete either (ingest would refuse)
    assert [c.value for c in at.code] == [
        "python -m dashboard.ingest registration-2025-clean.csv --edition 2025 --anonymise"
    ]
    at.switch_page("pages/0_Overview.py")
    at.run()
    text = " ".join(m.value for m in at.markdown)
    assert "Complete list loaded" not in text
    assert {m.label: m.value for m in at.metric}["Countries and regions"] == "51"  # still the reported figure
    at.switch_page("pages/7_Press.py")
    at.run()
    press = " ".join(m.value for m in at.markdown)
    assert "names all" not in press and "2 attendees" not in press


def test_broken_file_is_refused_with_a_reason():
    at = upload(import_page(), "binary.csv")
    assert at.error and "binary.csv: a binary file" in at.error[0].value
    assert not [b for b in at.button if b.key == "import_confirm"]


def test_row_problems_are_reported_and_partial_import_is_explicit():
    at = upload(import_page(), "formula_cells.csv")
    problems = next(d.value for d in at.dataframe if {"row", "column", "problem"} <= set(d.value.columns))
    # each column by its header in the file and, beside it, its name in the page's language
    assert problems[["row", "column"]].values.tolist() == [[2, "full_name (Full name)"], [3, "full_name (Full name)"]]
    confirm = at.button(key="import_confirm")
    assert confirm.disabled
    at.checkbox(key="import_partial").check().run()
    assert not at.button(key="import_confirm").disabled


def test_unknown_country_is_resolved_in_the_page():
    at = upload(import_page(), "unknown_country.csv")
    assert at.selectbox(key="resolve::Solomon Islnds").value == "Solomon Islands (SLB)"
    at.button(key="apply_resolutions").click().run()
    assert any("2 valid rows" in s.value for s in at.success)


def upload_bytes(at: AppTest, name: str, data: bytes) -> AppTest:
    at.file_uploader(key="registration_upload").upload(name, data, "text/csv").run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def test_unknown_names_get_one_picker_each_and_are_paged():
    names = [f"Atlantis {i:02d}" for i in range(25)]
    body = "".join(f"2025,,,{n},,delegate,\n" * 2 for n in names)  # every name in two rows
    at = upload_bytes(
        import_page(),
        "many.csv",
        (
            "edition,full_name,organization,country_or_organization,"
            "delegation,role,mode\n" + body + "2025,,,Peru,,delegate,\n"
        ).encode(),
    )
    pickers = [s for s in at.selectbox if s.key and s.key.startswith("resolve::")]
    assert [s.key for s in pickers] == [f"resolve::{n}" for n in names[:10]]  # one per name, not one per row
    assert "(2 row(s))" in pickers[0].label
    assert any("25 distinct unknown names in 50 rows" in c.value for c in at.caption)
    at.number_input(key="resolve_page").set_value(3).run()
    assert [s.key for s in at.selectbox if s.key and s.key.startswith("resolve::")] == [
        f"resolve::{n}" for n in names[20:]
    ]
    for n in names[20:]:
        at.selectbox(key=f"resolve::{n}").set_value("Peru (PER)")
    at.button(key="apply_resolutions").click().run()
    assert any("11 valid rows" in s.value for s in at.success)  # Peru + 5 names × 2 rows
    at.number_input(key="resolve_page").set_value(1).run()
    at.button(key="apply_resolutions").click().run()  # the first page: all skipped
    assert [s.key for s in at.selectbox if s.key and s.key.startswith("resolve::")] == [
        f"resolve::{n}" for n in names[10:20]
    ]


def test_file_names_and_values_are_escaped():
    name = "**bold** [link](http://example.org) $x$ <b>.csv"
    at = upload_bytes(import_page(), name, (CORPUS / "utf8.csv").read_bytes())
    shown = [m.value for m in at.markdown if "rows read" in m.value]
    assert shown and r"\*\*bold\*\* \[link\]\(http://example.org\) \$x\$ \<b\>.csv" in shown[0]


@pytest.mark.parametrize(
    "name, text",
    [
        ("utf32.csv", "UTF-32"),
        ("far_cell.xlsx", "cell XFD1048576: a value beyond column BL"),
        ("undecodable.csv", "not text in a known encoding"),
    ],
)
def test_hostile_files_are_refused_with_a_message(name, text):
    at = upload(import_page(), name)
    assert at.error and text in at.error[0].value


def test_a_name_with_two_readings_is_not_preselected():
    at = upload(import_page(), "qualified_names.csv")
    au = at.selectbox(key="resolve::AU")
    assert au.value.startswith("—") and au.options[1:3] == ["African Union (AU)", "Australia (AUS)"]
    assert at.selectbox(key="resolve::Peru (Lima)").value == "Peru (PER)"  # a suggestion, applied only on request
    assert any("5 valid rows" in s.value for s in at.success)


def test_a_chinese_list_as_organizers_keep_it_imports_in_two_steps():
    """Issue 19: 序号 / 国家/地区 / 姓名 / 职务 / 单位 / 参会方式 (no 届次, no 身份): upload, then add. The
    edition is the one chosen (the latest by default), the seniority comes from 职务."""
    at = upload(import_page(), "zh_realistic.csv")
    assert at.selectbox(key="url_edition").value == 2025  # the edition of the list: the latest by default
    assert any("8 valid rows for edition(s) 2025" in s.value for s in at.success)
    assert any(
        "Seniority from the titles" in c.value
        and "Minister or equivalent: 1" in c.value
        and "Vice-minister or equivalent: 1" in c.value
        for c in at.caption
    )
    at.button(key="import_confirm").click().run()
    assert any("**2025**: 8 attendees" in m.value for m in at.markdown)


def test_columns_not_recognised_are_mapped_on_the_page(tmp_path):
    at = import_page()
    data = "序号,国家名称,姓名\n1,蒙古国,巴特\n2,沙特,阿卜杜拉\n".encode()
    at.file_uploader(key="registration_upload").upload("n.csv", data, "text/csv").run()
    assert any("no header row with a column for Country/region" in e.value for e in at.error)
    # the mapping step opens with the file's headers, each with a column to choose
    at.selectbox(key="import_map::1::国家名称").set_value("country_or_organization").run()
    at.button(key="import_apply_columns").click().run()
    assert not at.error
    assert any("2 valid rows" in s.value for s in at.success)


def test_hidden_sheets_are_skipped_with_a_note():
    at = upload(import_page(), "hidden_sheet.xlsx")
    assert any("is hidden and was not read" in c.value for c in at.caption)
    assert any("1 valid rows" in s.value for s in at.success)


def test_a_workbook_with_several_sheets_offers_a_sheet_picker():
    at = upload(import_page(), "xlsx_several_sheets.xlsx")
    picker = at.multiselect(key="import_sheets")
    assert picker.value == ["Asia", "Africa"]
    assert any("2 valid rows" in s.value for s in at.success)
    picker.unselect("Africa").run()
    assert any("1 valid rows" in s.value for s in at.success)


def test_two_plausible_encodings_show_the_values_they_read_differently_and_the_choice_is_recorded():
    """A Western list saved by Excel as Windows-1252 reads just as plausibly as Windows-1250 (è → č): the
    page shows the values the two read differently with a picker; the choice re-reads the file, is kept
    in the session and goes on the list's source record."""
    at = import_page()
    data = (FIXTURES / "encodings" / "western_1252_or_1250.csv").read_bytes()
    at.file_uploader(key="registration_upload").upload("liste.csv", data, "text/csv").run()
    assert not at.exception
    assert any("Windows-1252 text and as Windows-1250" in w.value for w in at.warning)
    table = next(d.value for d in at.dataframe if "As Windows-1250" in d.value.columns)
    pairs = dict(zip(table["As Windows-1252"], table["As Windows-1250"]))
    assert pairs["Jérôme Lefèvre"] == "Jérôme Lefčvre" and pairs["Aïssatou Ndiaye"] == "Aďssatou Ndiaye"
    assert table["row"].tolist()[:2] == [2, 2]
    picker = at.radio(key="import_encoding_pick")
    assert picker.options == ["Windows-1252", "Windows-1250"] and picker.value == "cp1252"
    # the organizer says the file is Central European: re-read, recorded in the session
    picker.set_value("cp1250").run()
    at.button(key="import_encoding_apply").click().run()
    assert not at.exception
    assert at.session_state["import_columns"]["encoding"] == "cp1250"
    assert not any("reads plausibly" in w.value for w in at.warning)  # decided: no more question
    assert any("Text encoding: Windows-1250 (your choice)." in c.value for c in at.caption)
    preview = next(d.value for d in at.dataframe if "full_name" in d.value.columns)
    assert "Jérôme Lefčvre" in preview["full_name"].tolist()
    at.checkbox(key="import_keep_names").check().run()
    at.button(key="import_confirm").click().run()
    table, source, _ = at.session_state["registration_lists"][2025]
    assert source["notes"].endswith("Text encoding: Windows-1250 (chosen by the user on import).")
    assert at.session_state["import_done"]["encoding"] == "Windows-1250 (chosen by the user on import)"


def test_a_file_read_as_detected_records_that_on_its_source():
    at = upload(import_page(), "gbk_chinese.csv")
    assert not [r for r in at.radio if r.key == "import_encoding_pick"]  # one plausible reading: no question
    at.button(key="import_confirm").click().run()
    _, source, _ = at.session_state["registration_lists"][2025]
    assert source["notes"].endswith("Text encoding: GB18030/GBK (decided from the file).")


def test_a_chinese_list_reports_its_editions_in_chinese():
    """Issue 18: editions are listed as Chinese lists are written (2025年, joined with 、/和), not '2025, 2024'."""
    set_language("zh")
    try:
        at = AppTest.from_file(str(REPO / "app.py"), default_timeout=60)
        at.query_params["lang"] = "zh"
        at.run()
        at.switch_page("pages/8_Import.py")
        at.query_params["lang"] = "zh"
        at.run()
        upload(at, "zh_realistic.csv")
        assert any("有效数据8行，涉及届次：2025年。" in s.value for s in at.success), [s.value for s in at.success]
    finally:
        set_language("en")
