"""Sessions never see each other's state: caches hold only shared, read-only data; imported lists
and filters live in the session (and the URL), never in a process-wide cache."""

from __future__ import annotations

import pytest
from conftest import FIXTURES, REPO
from streamlit.testing.v1 import AppTest


@pytest.fixture(autouse=True)
def _repo_data(monkeypatch):
    monkeypatch.delenv("DASHBOARD_DATA_DIR", raising=False)


def test_imported_list_stays_in_its_session():
    a = AppTest.from_file(str(REPO / "app.py"), default_timeout=60)
    a.run()
    a.switch_page("pages/8_Import.py")
    a.run()
    a.file_uploader(key="registration_upload").upload(
        "l.csv", (FIXTURES / "registrations" / "gbk_chinese.csv").read_bytes(), "text/csv"
    ).run()
    a.button(key="import_confirm").click().run()
    a.switch_page("pages/0_Overview.py")
    a.run()
    assert (
        "14 of 51 countries and regions identified: 13 in public sources, 1 only in the organizer's list (2025, file: l.csv"
        in " ".join(m.value for m in a.markdown).replace("\\", "")  # the file name is Markdown-escaped
    )

    b = AppTest.from_file(str(REPO / "app.py"), default_timeout=60)  # another user, same process
    b.run()
    text = " ".join(m.value for m in b.markdown)
    assert "organizers' list" not in text
    assert "13 of 51 countries and regions named in public sources." in text


def test_filters_stay_in_their_session():
    a = AppTest.from_file(str(REPO / "app.py"), default_timeout=60)
    a.query_params["edition"] = "2024"
    a.run()
    b = AppTest.from_file(str(REPO / "app.py"), default_timeout=60)
    b.run()
    assert {m.label: m.value for m in a.metric}["Countries and regions"] == "57"
    assert {m.label: m.value for m in b.metric}["Countries and regions"] == "51"
