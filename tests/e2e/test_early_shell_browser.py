"""The early shell in Chromium (``streamlit run serve.py``, dashboard.ui.shell): every page's document carries
the stylesheet and the width script once; on a first visit (no cookie) the script has set the content
column's width before Streamlit opens its websocket, so the page is drawn in one script run, at the width
the probe then reports (no run that waits for it), at 390 and 1440 px. ``streamlit run app.py`` still serves
the dashboard, without the early shell."""

from __future__ import annotations

import re
import urllib.request
from pathlib import Path

import pytest

from .harness import REPO, guarded_page, streamlit_server, wait_for_app

pytestmark = pytest.mark.e2e

# Before any of the page's scripts: the cookie when Streamlit opens its websocket, and every script run.
RECORD = """(() => {
  window.__wsCookies = [];
  const W = window.WebSocket;
  window.WebSocket = new Proxy(W, {construct(t, a) { window.__wsCookies.push(document.cookie); return new t(...a); }});
  window.__runs = 0;
  new MutationObserver(() => {
    const app = document.querySelector('[data-testid="stApp"]');
    const state = app && app.getAttribute('data-test-script-state');
    if (state === 'running' && window.__last !== 'running') window.__runs += 1;
    window.__last = state;
  }).observe(document, {subtree: true, attributes: true, attributeFilter: ['data-test-script-state'], childList: true});
})()"""


@pytest.fixture(scope="module")
def server():
    with streamlit_server(env_extra={"DASHBOARD_DATA_DIR": str(REPO / "data")}) as srv:
        yield srv


def _get(url: str, gzip_ok: bool = False) -> bytes:
    import gzip

    req = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzip_ok else {})
    with urllib.request.urlopen(req, timeout=30) as r:
        body = r.read()
        assert int(r.headers["Content-Length"]) == len(body)
        return gzip.decompress(body) if r.headers.get("Content-Encoding") == "gzip" else body


@pytest.mark.parametrize("path", ["/", "/Map", "/Countries_and_regions?lang=zh"])
def test_every_page_document_has_the_early_shell_once(server, path):
    for gzip_ok in (False, True):
        html = _get(server.url + path, gzip_ok).decode()
        assert html.count("<style data-dashboard-shell>") == 1, path
        assert html.count("<script data-dashboard-shell>") == 1, path
        assert html.index("data-dashboard-shell") < html.index("</head>") < html.index('<div id="root">')


def test_streamlits_code_is_served_untouched(server):
    """Its main script, byte for byte as Streamlit ships it."""
    import streamlit

    html = _get(server.url + "/").decode()
    script = re.search(r'src="\./(static/js/index\.[^"]+\.js)"', html).group(1)
    shipped = (Path(streamlit.__file__).parent / "static" / script).read_bytes()
    assert _get(server.url + "/" + script, gzip_ok=True) == shipped


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("width", [390, 1440])
def test_a_first_visit_is_drawn_at_once_for_its_width(browser, server, width, lang):
    page, watch = guarded_page(browser, viewport={"width": width, "height": 900})  # a new context: no cookie
    page.add_init_script(RECORD)
    page.goto(f"{server.url}/Countries_and_regions?lang={lang}")
    wait_for_app(page, 60000)
    page.locator(".js-plotly-plot .main-svg .bars .point path").first.wait_for(timeout=60000)
    page.wait_for_timeout(1500)  # the probe has reported (a report would start another run)
    wait_for_app(page, 60000)
    cookies = page.evaluate("window.__wsCookies")
    runs = page.evaluate("window.__runs")
    probe = page.evaluate("document.body.dataset.contentPx")
    settled = page.evaluate("document.body.dataset.widthSettled")
    page.close()
    assert cookies, "Streamlit opened its websocket"
    early = re.search(r"dashboard_content_px=(\d+)", cookies[0])
    assert early, f"no width cookie before the websocket opened: {cookies[0]!r}"
    assert early.group(1) == probe, (width, early.group(1), probe)  # the probe reports what the script said
    assert settled == "1"
    assert runs == 1, f"{runs} script runs: the page waited for the probe or was drawn again"
    assert watch.external == [] and watch.page_errors == []


def test_app_py_still_serves_the_dashboard_without_the_early_shell(browser):
    with streamlit_server(env_extra={"DASHBOARD_DATA_DIR": str(REPO / "data")}, script=REPO / "app.py") as srv:
        assert "data-dashboard-shell" not in _get(srv.url + "/").decode()
        page, watch = guarded_page(browser, viewport={"width": 1440, "height": 900})
        page.goto(srv.url + "/Countries_and_regions")
        wait_for_app(page, 60000)
        page.locator(".js-plotly-plot .main-svg .bars .point path").first.wait_for(timeout=60000)
        page.close()
        assert watch.external == [] and watch.page_errors == []
