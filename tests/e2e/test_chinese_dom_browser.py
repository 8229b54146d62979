"""The strict Chinese check on what Chromium actually shows (issue 18 item 8): every page with
?lang=zh, at 1440 px and 390 px, in each view its URL state lists (the Map's views and worldviews,
the Press page's modes, one or two editions…), and the Import page after an upload. From each page it
collects the text a reader sees — ``document.body.innerText`` line by line (Streamlit's icon ligatures
such as ``download``, which draw as icons, left out; inline ``code`` kept in backticks as the AppTest
check sees it), the SVG text of every plotly chart and the cells of every table (Streamlit draws
tables on a canvas and keeps an accessible copy of the cells in the DOM) — and applies the rule of
tests/zh_strict.py with its one allowlist, tests/zh_allowlist.yaml.

The AppTest check (tests/test_chinese_pages.py) reads the page's elements as the script sends them;
this one reads what the browser draws from them (axis categories, framework text, rendered Markdown),
which the AppTest check cannot see."""

from __future__ import annotations

import sys

import pytest

from dashboard.dataset import load_clean
from dashboard.ui.layout import PAGES

from .harness import REPO, guarded_page, streamlit_server, wait_for_app

sys.path.insert(0, str(REPO / "tests"))
from zh_strict import data_allowed, latin_in_context

pytestmark = pytest.mark.e2e
WIDTHS = (1440, 390)
DRAWN = (
    "() => document.querySelectorAll('.js-plotly-plot .main-svg').length === 0 || "
    "document.querySelectorAll('.js-plotly-plot .main-svg .bars .point path, .js-plotly-plot .main-svg .scatterlayer "
    "path, .js-plotly-plot .main-svg path.choroplethlocation').length > 0"
)
# What the reader sees, as lists of strings: body text by line, chart SVG text, table cells.
COLLECT = """() => {
  const icons = [...document.querySelectorAll('[data-testid="stIconMaterial"]')];
  const shown = icons.map(e => e.style.display);
  icons.forEach(e => { e.style.display = 'none'; });
  const marks = [];
  document.querySelectorAll('code').forEach(c => {
    const a = document.createTextNode('`'), b = document.createTextNode('`');
    c.prepend(a); c.append(b); marks.push(a, b);
  });
  const lines = document.body.innerText.split('\\n').map(s => s.trim()).filter(Boolean);
  icons.forEach((e, i) => { e.style.display = shown[i]; });
  marks.forEach(m => m.remove());
  const svg = [...document.querySelectorAll('.js-plotly-plot svg text')].map(t => {
    const parts = t.querySelectorAll('tspan.line');
    return (parts.length ? [...parts].map(x => x.textContent).join(' ') : t.textContent).trim();
  }).filter(Boolean);
  const cells = [...document.querySelectorAll('[data-testid="stDataFrame"] table th, '
    + '[data-testid="stDataFrame"] table td')].map(c => c.textContent.trim()).filter(Boolean);
  return {lines, svg, cells};
}"""


def _path(spec) -> str:
    return "/" if spec is PAGES[0] else f"/{spec.url_path}"


# Each page's default view, plus every view a page's URL state switches between (the Map's three views
# in both worldviews, with and without lines; the Press page's two modes; one edition or two).
VIEWS = {
    "Overview": [{"edition": "2024"}],
    "Countries_and_regions": [{"editions": "2024,2025"}],
    "Organizations": [{"editions": "2024"}],
    "Speakers": [{"editions": "2024,2025"}],
    "Map": [
        {"view": "two"},
        {"view": "two", "lines": "1", "worldview": "ne"},
        {"view": "regions"},
        {"view": "regions", "worldview": "ne"},
        {"view": "one", "edition": "2024", "worldview": "ne"},
    ],
    "Reach": [{"editions": "2024"}, {"grouping": "SCO", "invite": "region:142"}, {"invite": "grouping:ASEAN"}],
    "Press": [{"mode": "compare"}],
}
CASES = [(spec.url_path, {}) for spec in PAGES] + [(p, q) for p, qs in VIEWS.items() for q in qs]


@pytest.fixture(scope="module")
def server():
    with streamlit_server(env_extra={"DASHBOARD_DATA_DIR": str(REPO / "data")}) as srv:
        yield srv


@pytest.fixture(scope="module")
def allowed() -> list[str]:
    return data_allowed(load_clean(REPO / "data"))


def _open(browser, server, url_path: str, query: dict, width: int):
    spec = next(p for p in PAGES if p.url_path == url_path)
    page, watch = guarded_page(browser, viewport={"width": width, "height": 1100})
    params = "&".join(f"{k}={v}" for k, v in {"lang": "zh", **query}.items())
    page.goto(f"{server.url}{_path(spec)}?{params}")
    wait_for_app(page)
    page.locator("h1").first.wait_for()
    page.wait_for_function(DRAWN, timeout=30000)
    page.wait_for_timeout(800)
    wait_for_app(page)
    return page, watch


def _findings(texts: dict, allowed: list[str]) -> list[str]:
    return [
        f"{where}: {found}" for where in ("lines", "svg", "cells") for found in latin_in_context(texts[where], allowed)
    ]


@pytest.mark.parametrize("url_path, query", CASES, ids=[f"{p}-{'-'.join(q.values()) or 'default'}" for p, q in CASES])
def test_what_chromium_shows_in_chinese_has_no_latin_word_outside_the_allowlist(
    browser, server, allowed, url_path, query
):
    for width in WIDTHS:
        page, watch = _open(browser, server, url_path, query, width)
        texts = page.evaluate(COLLECT)
        page.close()
        assert texts["lines"], "the page shows text"
        found = _findings(texts, allowed)
        assert not found, f"{url_path} {query} at {width} px: {len(found)} text(s): {found[:12]}"
        assert watch.external == [] and watch.page_errors == []


@pytest.mark.parametrize("fixture, encoding", [("qualified_names.csv", "utf-8"), ("gbk_chinese.csv", "gbk")])
def test_the_import_report_in_chinese(browser, server, fixture, encoding):
    """After an upload: the matched names, the problems (an ambiguous name's readings in Chinese) and the
    comparison with the reported figures. What the organizer's own file says is quoted as written."""
    import pandas as pd

    path = REPO / "tests" / "fixtures" / "registrations" / fixture
    frame = pd.read_csv(path, dtype=str, encoding=encoding).fillna("")
    uploaded = list(map(str, frame.columns)) + [str(v) for v in frame.to_numpy().ravel() if str(v).strip()]
    allowed = data_allowed(load_clean(REPO / "data"), uploaded)
    for width in WIDTHS:
        page, watch = _open(browser, server, "Import", {}, width)
        page.locator("input[type=file]").set_input_files(str(path))
        page.wait_for_function(
            "() => [...document.querySelectorAll('[data-testid=stDataFrame] table th')]"
            ".some(c => c.textContent.includes('匹配为'))",
            timeout=30000,
        )
        wait_for_app(page)
        page.wait_for_timeout(500)
        texts = page.evaluate(COLLECT)
        page.close()
        assert any("匹配为" in c for c in texts["cells"]), texts["cells"][:10]
        found = _findings(texts, allowed)
        assert not found, f"import {fixture} at {width} px: {found[:12]}"
