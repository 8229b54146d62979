"""The Overview page in AppTest: default view, URL state, a third edition, broken data."""

from __future__ import annotations

import pytest
from conftest import REPO
from streamlit.testing.v1 import AppTest

APP = str(REPO / "app.py")


def run(query: dict | None = None, env_data=None, monkeypatch=None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for k, v in (query or {}).items():
        at.query_params[k] = v
    at.run()
    assert not at.exception, at.exception
    return at


def metric_values(at) -> dict[str, tuple[str, str]]:
    return {m.label: (m.value, m.delta) for m in at.metric}


@pytest.fixture(autouse=True)
def _repo_data(monkeypatch):
    monkeypatch.delenv("DASHBOARD_DATA_DIR", raising=False)


# Known answers: the fixture dataset (2098 and 2099, tests/fixtures/synthetic/); the real data's
# tiles are checked in tests/test_real_data.py.


@pytest.fixture
def on_fixture(fixture_data, monkeypatch):
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(fixture_data))


def test_default_is_latest_edition_with_changes(on_fixture):
    at = run()
    m = metric_values(at)
    assert m["Countries and regions"] == ("60", "+20 vs 2098 (40)")
    assert m["International organizations"] == ("7", "+3 vs 2098 (4)")
    assert m["Attendees"][0] == "≈280" and "+80 vs 2098 (200)" in m["Attendees"][1]
    assert m["Named speakers"] == ("1", "")  # a count of names: no change
    text = " ".join(md.value for md in at.markdown)
    assert "5 of 60 countries and regions named in public sources." in text
    assert "2 of 7 international organizations named in public sources." in text
    assert "2098: 2 named in sources" in " ".join(c.value for c in at.caption)


def test_edition_from_url_and_its_conflict(on_fixture):
    at = run({"edition": "2098"})
    m = metric_values(at)
    assert m["Countries and regions"] == ("40", "") and m["Attendees"] == ("200", "")
    text = " ".join(md.value for md in at.markdown)
    assert "3 of 40 countries and regions named in public sources." in text
    assert "**40** — **preferred**" in text and "**42**:" in text
    assert "127.0.0.1/synthetic-test-news" in text  # the source that says 42


def test_unknown_edition_in_url_falls_back(on_fixture):
    at = run({"edition": "1999"})
    assert metric_values(at)["Countries and regions"][0] == "60"


def test_selecting_an_edition_updates_the_url(on_fixture):
    at = run()
    at.selectbox(key="url_edition").select(2098).run()
    assert at.query_params["edition"] in (["2098"], "2098")
    assert metric_values(at)["Countries and regions"][0] == "40"


def test_third_edition_appears_without_code_change(synthetic_data, monkeypatch):
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(synthetic_data))
    at = run()
    m = metric_values(at)
    assert m["Countries and regions"][0] == "60" and "vs 2025" in m["Countries and regions"][1]
    assert (
        2099 in at.selectbox(key="url_edition").options
        or "2099 · Testville (edition 99)" in at.selectbox(key="url_edition").options
    )


def test_broken_clean_data_gives_a_clear_message(data_copy, monkeypatch):
    (data_copy / "clean" / "participation.csv").write_text("edition,oops\n1,2\n", encoding="utf-8")
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(data_copy))
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    assert at.error and "data/clean/participation.csv" in at.error[0].value
