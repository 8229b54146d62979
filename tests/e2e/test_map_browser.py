"""The map in headless Chromium, external requests blocked, in both worldviews: it must draw every
drawable identified participant (shapes from the worldview's own topojson) and the small ones as
markers, plus the venues; base land from the same file; no two text labels overlapping; a chart
whose height follows its width (no empty band on a phone). A blank map (e.g. a topojson fetched
from a CDN that cannot be reached) draws no shapes and fails. Screenshots go to artifacts/e2e/."""

from __future__ import annotations

import pytest

from dashboard import mapdata
from dashboard.dataset import load_clean
from dashboard.figures import MAP_ASPECT, MAP_CHROME_PX

from .harness import REPO, guarded_page, streamlit_server, wait_for_app

pytestmark = pytest.mark.e2e

COUNT = """() => ({shapes: document.querySelectorAll('path.choroplethlocation').length,
                   points: document.querySelectorAll('.scattergeo path.point').length,
                   base: document.querySelectorAll('.geo .layer.land path, .geo path.land').length,
                   borders: document.querySelectorAll('.geo .layer.countries path, .geo path.countries').length,
                   topojson: performance.getEntriesByType('resource').map(e => e.name)
                             .filter(n => n.includes('topojson') || n.includes('/static/geo/'))})"""
# Every visible text element of the chart (title, legend entries, source line, and any label on the
# map): bounding boxes, to check that none overlaps another, and where each sits.
TEXTS = """() => { const plot = document.querySelector('[data-testid=stPlotlyChart] .js-plotly-plot');
  return [...plot.querySelectorAll('svg text')].filter(t => t.textContent.trim() && t.getBBox().width > 0)
    .map(t => { const r = t.getBoundingClientRect();
                return {text: t.textContent.slice(0, 40), x0: r.left, y0: r.top, x1: r.right, y1: r.bottom,
                        geo: !!t.closest('.geo')}; }); }"""
SIZES = """() => { const plot = document.querySelector('[data-testid=stPlotlyChart] .js-plotly-plot').getBoundingClientRect();
  const land = document.querySelector('.geo .layer.land path, .geo path.land').getBoundingClientRect();
  return {w: plot.width, h: plot.height, land_w: land.width, land_h: land.height}; }"""
VIEWS = {
    "one": ("/Map?edition=2025", (2025,)),
    "two": ("/Map?view=two&a=2024&b=2025", (2024, 2025)),
    "regions": ("/Map?view=regions&edition=2025", (2025,)),
}


@pytest.fixture(scope="module")
def server():
    with streamlit_server(env_extra={"DASHBOARD_DATA_DIR": str(REPO / "data")}) as srv:
        yield srv


@pytest.fixture(scope="module")
def expected():
    ds = load_clean(REPO / "data")

    def count(view, worldview):
        _, editions = VIEWS[view]
        f = mapdata.map_participants(ds, *editions, worldview=worldview, lang="en")
        venues = 0 if view == "regions" else len(editions)
        return int(f["shape"].sum()), int(f.marker.sum()) + venues

    return count


def overlaps(a: dict, b: dict, slack: float = 0.5) -> bool:
    return (
        a["x0"] < b["x1"] - slack
        and b["x0"] < a["x1"] - slack
        and a["y0"] < b["y1"] - slack
        and b["y0"] < a["y1"] - slack
    )


@pytest.mark.parametrize("width", [1440, 390])
@pytest.mark.parametrize("worldview", ["cn", "ne"])
@pytest.mark.parametrize("view", list(VIEWS))
def test_map_draws_every_participant_readably_offline(browser, server, expected, artifacts, view, worldview, width):
    path, _ = VIEWS[view]
    shapes, points = expected(view, worldview)
    assert shapes > 0
    page, watch = guarded_page(browser, viewport={"width": width, "height": 1200})
    page.goto(server.url + path + ("&worldview=ne" if worldview == "ne" else ""))
    wait_for_app(page)
    page.wait_for_function(f"document.querySelectorAll('path.choroplethlocation').length >= {shapes}", timeout=30000)
    page.wait_for_timeout(300)
    got = page.evaluate(COUNT)
    outlines = (
        len(mapdata.region_shares(mapdata.map_participants(load_clean(REPO / "data"), 2025, lang="en")))
        if view == "regions"
        else 0
    )  # the Regions view adds its sub-regions' outlines (transparent)
    assert got["shapes"] == shapes + outlines
    assert got["points"] == points
    assert got["base"] >= 1 and got["borders"] >= 1  # base land and borders drew from the worldview's file
    assert got["topojson"] and all(f"/app/static/geo/{worldview}/" in u for u in got["topojson"]), got["topojson"]
    texts = page.evaluate(TEXTS)
    assert len(texts) >= 4  # title, subtitle inside it, legend entries, source line
    assert not [t["text"] for t in texts if t["geo"]]  # no label on the map itself: venues are legend entries
    clashes = [(a["text"], b["text"]) for i, a in enumerate(texts) for b in texts[i + 1 :] if overlaps(a, b)]
    assert clashes == []
    sizes = page.evaluate(SIZES)
    assert sizes["land_w"] >= 0.9 * sizes["w"]  # the world fills the width it is given
    assert sizes["h"] == pytest.approx(MAP_ASPECT * sizes["w"] + MAP_CHROME_PX, abs=4)  # height follows width
    assert sizes["h"] - sizes["land_h"] <= MAP_CHROME_PX + 20  # no empty band above or below the world
    page.screenshot(path=str(artifacts / f"map-{view}-{worldview}-{width}.png"), full_page=True)
    assert watch.external == [], watch.external
    assert watch.page_errors == [], watch.page_errors
    page.close()


def test_map_deep_link_on_fresh_server(browser, artifacts):
    with streamlit_server(env_extra={"DASHBOARD_DATA_DIR": str(REPO / "data")}) as srv:
        page, watch = guarded_page(browser, viewport={"width": 1400, "height": 1200})
        page.goto(srv.url + "/Map?view=regions&edition=2025")
        wait_for_app(page)
        page.get_by_role("link", name="Overview").wait_for()
        page.wait_for_function("document.querySelectorAll('path.choroplethlocation').length >= 5", timeout=30000)
        page.screenshot(path=str(artifacts / "map-regions.png"), full_page=True)
        assert watch.external == [] and watch.page_errors == []
        assert srv.external_connections() == []
        page.close()


def test_deployment_default_worldview_from_environment(browser):
    """DASHBOARD_WORLDVIEW=ne makes Natural Earth the default; the URL can still ask for China's map."""
    with streamlit_server(env_extra={"DASHBOARD_DATA_DIR": str(REPO / "data"), "DASHBOARD_WORLDVIEW": "ne"}) as srv:
        for query, folder in (("", "ne"), ("&worldview=cn", "cn")):
            page, watch = guarded_page(browser, viewport={"width": 1200, "height": 1000})
            page.goto(srv.url + "/Map?edition=2025" + query)
            wait_for_app(page)
            page.wait_for_function("document.querySelectorAll('path.choroplethlocation').length >= 13", timeout=30000)
            assert all(f"/app/static/geo/{folder}/" in u for u in page.evaluate(COUNT)["topojson"])
            assert watch.external == [] and watch.page_errors == []
            page.close()
