"""The map in headless Chromium, external requests blocked: it must draw every drawable
identified participant (shapes) and the small ones as markers, plus the venues. A blank map
(e.g. a topojson fetched from a CDN that cannot be reached) draws no shapes and fails."""

from __future__ import annotations

import pytest

from dashboard import mapdata
from dashboard.dataset import load_clean

from .harness import guarded_page, REPO, streamlit_server, wait_for_app

pytestmark = pytest.mark.e2e

COUNT = """() => ({shapes: document.querySelectorAll('path.choroplethlocation').length,
                   points: document.querySelectorAll('.scattergeo path.point').length,
                   base: document.querySelectorAll('.geo .layer.land path, .geo path.land').length})"""


@pytest.fixture(scope="module")
def server():
    with streamlit_server(env_extra={"DASHBOARD_DATA_DIR": str(REPO / "data")}) as srv:
        yield srv


@pytest.fixture(scope="module")
def expected():
    ds = load_clean(REPO / "data")

    def count(earlier, later=None):
        f = mapdata.map_participants(ds, earlier, later)
        venues = 1 if later is None else 2
        return int(f.drawable.sum()), int(f.marker.sum()) + venues
    return count


@pytest.mark.parametrize("path, editions", [
    ("/Map?edition=2024", (2024,)), ("/Map?edition=2025", (2025,)),
    ("/Map?view=two&a=2024&b=2025", (2024, 2025)),
], ids=["2024", "2025", "two-editions"])
def test_map_draws_every_drawable_participant_offline(browser, server, expected, artifacts, path, editions):
    shapes, points = expected(*editions)
    assert shapes > 0
    page, watch = guarded_page(browser, viewport={"width": 1400, "height": 1200})
    page.goto(server.url + path)
    wait_for_app(page)
    page.wait_for_function(f"document.querySelectorAll('path.choroplethlocation').length >= {shapes}",
                           timeout=30000)
    got = page.evaluate(COUNT)
    assert got["shapes"] == shapes
    assert got["points"] == points
    assert got["base"] >= 1  # the base map (land) drew from the local topojson
    page.screenshot(path=str(artifacts / f"map-{'-'.join(map(str, editions))}.png"), full_page=True)
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
