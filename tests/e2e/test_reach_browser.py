"""The Reach page's observers and partners in headless Chromium, in English and Chinese at 390 and
1440 px: the table beside the members is drawn under its own heading (never counted as members),
the page does not overflow sideways, nothing is fetched from outside. Screenshots are saved under
artifacts/e2e/reach/ (look at them)."""

from __future__ import annotations

import pytest

from .harness import REPO, guarded_page, streamlit_server, wait_for_app

pytestmark = pytest.mark.e2e

HEADINGS = {
    "en": "Observers, partners and associate members of Shanghai Cooperation Organisation (not counted as members)",
    "zh": "上海合作组织观察员、伙伴国和联系成员（不计入成员）",
}
RUN_DONE = """() => !document.querySelector('[data-testid="stStatusWidget"]')
  && document.querySelectorAll('[data-testid="stDataFrame"] canvas').length >= 2"""
OVERFLOW = """() => [document.documentElement, document.querySelector('[data-testid="stMain"]')]
  .filter(el => el && el.scrollWidth > el.clientWidth + 1).map(el => el.scrollWidth)"""


@pytest.fixture(scope="module")
def server():
    with streamlit_server(env_extra={"DASHBOARD_DATA_DIR": str(REPO / "data")}) as srv:
        yield srv


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("width", [390, 1440])
def test_observers_and_partners_beside_the_members(browser, server, artifacts, lang, width):
    page, watch = guarded_page(browser, viewport={"width": width, "height": 1400})
    page.goto(server.url + f"/Reach?grouping=SCO&lang={lang}")
    wait_for_app(page)
    heading = page.get_by_text(HEADINGS[lang], exact=True)
    heading.wait_for(timeout=30000)
    # the run has finished (no "running" status) and the tables are drawn
    page.wait_for_function(RUN_DONE, timeout=60000)
    page.wait_for_timeout(1500)
    heading.scroll_into_view_if_needed()
    assert heading.is_visible()
    assert page.evaluate(OVERFLOW) == []
    out = artifacts / "reach"
    out.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(out / f"sco-observers-{lang}-{width}.png"))
    assert watch.external == [], f"external requests: {watch.external}"
    assert watch.page_errors == [], f"page errors: {watch.page_errors}"
    page.close()
