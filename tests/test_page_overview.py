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


def test_default_is_latest_edition_with_changes():
    at = run()
    m = metric_values(at)
    assert m["Attendees"][0] == ">240" and "−60 vs 2024 (about 300)" in m["Attendees"][1]
    assert m["Countries and regions"] == ("51", "−6 vs 2024 (57)")
    assert m["International organizations"] == ("5", "−1 vs 2024 (6)")
    assert m["Named speakers"][0] == "13"
    captions = " ".join(c.value for c in at.caption)
    assert "**more than 240**" in captions
    text = " ".join(md.value for md in at.markdown)
    assert "13 of 51 countries and regions named in public sources." in text
    assert "3 of 5 international organizations named in public sources." in text


def test_conflicts_are_shown_with_both_sources():
    at = run()
    text = " ".join(md.value for md in at.markdown)
    assert "**51** — **preferred**" in text and "**50**:" in text
    assert "**approximately 240**" in text
    assert "en.nia.gov.cn/n147413/c185264" in text  # the NIA news item that says 50
    assert "thepaper.cn" in text


def test_edition_from_url():
    at = run({"edition": "2024"})
    m = metric_values(at)
    assert m["Attendees"][0] == "≈300" and m["Countries and regions"] == ("57", "")
    text = " ".join(md.value for md in at.markdown)
    assert "10 of 57 countries and regions named in public sources." in text


def test_unknown_edition_in_url_falls_back():
    at = run({"edition": "1999"})
    assert metric_values(at)["Countries and regions"][0] == "51"


def test_selecting_an_edition_updates_the_url():
    at = run()
    at.selectbox(key="url_edition").select(2024).run()
    assert at.query_params["edition"] == ["2024"] or at.query_params["edition"] == "2024"
    assert metric_values(at)["Countries and regions"][0] == "57"


def test_third_edition_appears_without_code_change(synthetic_data, monkeypatch):
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(synthetic_data))
    at = run()
    m = metric_values(at)
    assert m["Countries and regions"] == ("60", "+9 vs 2025 (51)")
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
