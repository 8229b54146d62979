"""Text drawn for the width the reader has (issue 18 follow-ups), in Chromium at 1440 and 390 px, in both
languages: the Overview tiles' change line is read in full (Streamlit cut it with an ellipsis:
"较上届（2024年：约300）…"), and chart titles use a wide screen's width (they were wrapped for a phone at
1440 px too: dashboard.ui.viewport, figures.fit_text) while a phone's stay inside the chart."""

from __future__ import annotations

import pytest

from .harness import REPO, guarded_page, streamlit_server, wait_for_app

pytestmark = pytest.mark.e2e
DELTAS = """() => [...document.querySelectorAll('[data-testid="stMetric"]')].flatMap(m => {
  const d = m.querySelector('[data-testid="stMetricDelta"] [data-testid="stMarkdownContainer"]');
  if (!d) return [];
  const p = d.querySelector('p') || d; const s = getComputedStyle(p); const tile = m.getBoundingClientRect();
  const r = p.getBoundingClientRect();
  return [{text: p.textContent, cut: s.textOverflow === 'ellipsis' && s.whiteSpace === 'nowrap',
           overflow: p.scrollWidth > p.clientWidth + 1, inside: r.right <= tile.right + 1 && r.left >= tile.left - 1}];
})"""
# Lines of each chart's title block (title and subtitle) and whether every SVG text stays in its chart.
TITLES = """() => [...document.querySelectorAll('.js-plotly-plot')].map(g => {
  const t = g.querySelector('.gtitle'); const box = g.getBoundingClientRect();
  const texts = [...g.querySelectorAll('svg text')].filter(x => x.textContent.trim())
    .map(x => x.getBoundingClientRect()).filter(r => r.width > 0);
  return {lines: t ? Math.max(t.querySelectorAll('tspan.line').length, 1) : 0,
          inside: texts.every(r => r.left >= box.left - 1 && r.right <= box.right + 1)};
})"""


@pytest.fixture(scope="module")
def server():
    with streamlit_server(env_extra={"DASHBOARD_DATA_DIR": str(REPO / "data")}) as srv:
        yield srv


def _open(browser, server, path: str, width: int):
    page, watch = guarded_page(browser, viewport={"width": width, "height": 1100})
    page.goto(server.url + path)
    wait_for_app(page)
    page.locator("h1").first.wait_for()
    page.wait_for_timeout(800)
    wait_for_app(page)
    return page, watch


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("width", [1440, 390])
def test_the_tiles_change_line_is_read_in_full(browser, server, lang, width):
    page, watch = _open(browser, server, f"/?lang={lang}&edition=2025", width)
    page.locator('[data-testid="stMetricDelta"]').first.wait_for()
    deltas = page.evaluate(DELTAS)
    page.close()
    assert deltas, "the 2025 tiles show the change from 2024"
    assert not [d for d in deltas if d["cut"] or d["overflow"] or not d["inside"]], deltas
    assert watch.external == [] and watch.page_errors == []


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("path", ["/Countries_and_regions", "/Speakers", "/Map"])
def test_chart_titles_use_the_width_they_have(browser, server, lang, path):
    lines = {}
    for width in (390, 1440):
        page, watch = _open(browser, server, f"{path}?lang={lang}", width)
        page.locator(".js-plotly-plot .gtitle").first.wait_for()
        charts = page.evaluate(TITLES)
        px = page.evaluate("document.body.dataset.contentPx")
        page.close()
        assert charts and all(c["inside"] for c in charts), (width, charts)
        lines[width] = [c["lines"] for c in charts]
        assert px and int(px) > 0, "the content column's width was reported"
        assert watch.external == [] and watch.page_errors == []
    assert sum(lines[1440]) < sum(lines[390]), lines
