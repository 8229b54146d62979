"""The frame (app.py -> dashboard.ui.layout.run_frame): one PAGES list drives navigation, sidebar
links keep the shared URL state, the default language follows the browser, titles follow the
language."""

from __future__ import annotations

import pytest
import streamlit as st
from conftest import REPO
from streamlit.testing.v1 import AppTest

from dashboard.i18n import set_language
from dashboard.ui.layout import PAGES


@pytest.fixture(autouse=True)
def _repo_data(monkeypatch):
    monkeypatch.delenv("DASHBOARD_DATA_DIR", raising=False)
    yield
    set_language("en")


def frame(query: dict | None = None, page: str | None = None) -> AppTest:
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=60)
    for k, v in (query or {}).items():
        at.query_params[k] = v
    at.run()
    if page:
        at.switch_page(page)
        at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def test_every_page_file_exists_and_urls_are_unique():
    assert len({p.url_path for p in PAGES}) == len(PAGES)
    for p in PAGES:
        assert (REPO / p.path).exists(), p.path


def test_sidebar_links_every_page_and_keeps_language_and_edition():
    at = frame({"lang": "zh", "edition": "2024"})
    links = at.sidebar.get("page_link")
    assert len(links) == len(PAGES)
    assert links[0].proto.label == "概览"
    assert all(link.proto.query_string == "lang=zh&edition=2024" for link in links)


def test_default_language_follows_the_browser(monkeypatch):
    monkeypatch.setattr(type(st.context), "locale", property(lambda self: "zh-CN"))
    set_language("zh")  # the test thread formats widget values too
    at = frame()
    assert at.title[0].value == "移民管理合作分论坛"
    monkeypatch.setattr(type(st.context), "locale", property(lambda self: "fr-FR"))
    set_language("en")
    at = frame()
    assert at.title[0].value == "Sub-Forum on Migration Management Cooperation"


def test_link_language_wins_over_the_browser(monkeypatch):
    monkeypatch.setattr(type(st.context), "locale", property(lambda self: "zh-CN"))
    at = frame({"lang": "en"})
    assert at.title[0].value == "Sub-Forum on Migration Management Cooperation"


@pytest.mark.parametrize("spec", PAGES, ids=[p.url_path for p in PAGES])
def test_every_page_runs_inside_the_frame(spec):
    at = frame(page=spec.path)
    assert at.sidebar.get("page_link"), "the frame's sidebar is missing"
