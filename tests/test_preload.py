"""The probe-only run's hidden chart (dashboard.ui.preload): asked for on every page that draws a chart,
never on the pages without one, and named by url paths that exist."""

from dashboard.ui import preload
from dashboard.ui.layout import PAGES


def test_pages_without_a_chart_are_real_pages():
    assert preload.NO_CHART <= {p.url_path for p in PAGES}


def test_every_chart_page_gets_an_empty_chart_and_the_others_none():
    for p in PAGES:
        fig = preload.figure(p.url_path)
        if p.url_path in preload.NO_CHART:
            assert fig is None
        else:
            assert fig["data"][0]["type"] == "bar" and not fig["data"][0]["x"]
            assert fig["layout"]["width"] <= 20


def _run(page: str, first_visit: bool, monkeypatch):
    from pathlib import Path

    from streamlit.testing.v1 import AppTest

    from dashboard.ui import viewport

    monkeypatch.setattr(viewport, "must_wait", lambda: first_visit)  # AppTest runs the app in this process
    at = AppTest.from_file(str(Path(__file__).resolve().parents[1] / "app.py"), default_timeout=120)
    at.switch_page(page)
    at.run()
    assert not at.exception
    return at


def test_a_first_visit_sends_only_the_hidden_chart_then_the_page_its_own(monkeypatch):
    first = _run("pages/2_Countries_and_regions.py", True, monkeypatch)
    assert len(first.get("plotly_chart")) == 1  # the hidden one, nothing of the page yet
    assert not first.title
    again = _run("pages/2_Countries_and_regions.py", False, monkeypatch)
    assert len(again.get("plotly_chart")) == 2 and again.title  # the page's two charts, no hidden one


def test_no_hidden_chart_on_a_page_without_charts(monkeypatch):
    assert len(_run("pages/6_Sources.py", True, monkeypatch).get("plotly_chart")) == 0
