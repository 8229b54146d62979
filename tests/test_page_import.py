"""The Import page in AppTest: a valid list joins the session and every page uses it; a broken
file is refused with row and column; nothing is written to disk."""

from __future__ import annotations

import hashlib

import pytest
from streamlit.testing.v1 import AppTest

from conftest import FIXTURES, REPO

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
    assert "Complete list loaded" in text  # the Overview now says 2025 has a complete list
    at.switch_page("pages/5_Map.py")
    at.run()
    assert not at.exception
    assert digest() == before  # nothing written to disk
    assert "registration" not in str(dict(at.query_params))


def test_broken_file_is_refused_with_a_reason():
    at = upload(import_page(), "binary.csv")
    assert at.error and "binary.csv: a binary file" in at.error[0].value
    assert not [b for b in at.button if b.key == "import_confirm"]


def test_row_problems_are_reported_and_partial_import_is_explicit():
    at = upload(import_page(), "formula_cells.csv")
    problems = at.dataframe[-1].value
    assert problems[["row", "column"]].values.tolist() == [[2, "full_name"], [3, "full_name"]]
    confirm = at.button(key="import_confirm")
    assert confirm.disabled
    at.checkbox(key="import_partial").check().run()
    assert not at.button(key="import_confirm").disabled


def test_unknown_country_is_resolved_in_the_page():
    at = upload(import_page(), "unknown_country.csv")
    assert at.selectbox(key="resolve::Solomon Islnds").value == "Solomon Islands (SLB)"
    at.button(key="apply_resolutions").click().run()
    assert any("2 valid rows" in s.value for s in at.success)
