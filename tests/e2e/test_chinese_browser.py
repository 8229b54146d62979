"""Every page in Chinese in headless Chromium (external requests blocked): the sidebar, the title
and the charts are Chinese, the browser tab title follows the language, and a Chinese browser gets
Chinese without ?lang=. Full-page screenshots at 1440 px and 390 px go to artifacts/e2e/zh/."""

from __future__ import annotations

import pytest

from dashboard.ui.layout import PAGES

from .harness import REPO, guarded_page, streamlit_server, wait_for_app

pytestmark = pytest.mark.e2e
DRAWN = (
    "() => document.querySelectorAll('.js-plotly-plot .main-svg').length === 0 || "
    "document.querySelectorAll('.js-plotly-plot .main-svg .bars .point path, "
    ".js-plotly-plot .main-svg path.choroplethlocation').length > 0"
)


@pytest.fixture(scope="module")
def server():
    with streamlit_server(env_extra={"DASHBOARD_DATA_DIR": str(REPO / "data")}) as srv:
        yield srv


@pytest.mark.parametrize("spec", PAGES, ids=[p.url_path for p in PAGES])
def test_page_in_chinese(browser, server, spec, artifacts):
    out = artifacts / "zh"
    out.mkdir(parents=True, exist_ok=True)
    path = "/" if spec is PAGES[0] else f"/{spec.url_path}"
    for width in (1440, 390):
        page, watch = guarded_page(browser, viewport={"width": width, "height": 1200})
        page.goto(f"{server.url}{path}?lang=zh")
        wait_for_app(page)
        page.locator("h1").first.wait_for()
        page.wait_for_function(DRAWN, timeout=30000)
        page.wait_for_timeout(1000)
        wait_for_app(page)  # the script has finished: every element is drawn before the screenshot
        page.wait_for_timeout(500)
        title = page.locator("h1").first.inner_text()
        assert any("\u4e00" <= ch <= "\u9fff" for ch in title), title
        assert "移民管理合作分论坛" in page.title()
        if width == 1440:
            page.get_by_role("link", name="概览").first.wait_for(timeout=10000)
        page.screenshot(path=str(out / f"{spec.url_path}-{width}.png"), full_page=True)
        assert watch.external == [] and watch.page_errors == []
        page.close()


def test_chinese_browser_gets_chinese_without_lang(browser, server):
    context = browser.new_context(locale="zh-CN", viewport={"width": 1440, "height": 1000})
    page = context.new_page()
    page.goto(server.url + "/")
    wait_for_app(page)
    page.get_by_text("移民管理合作分论坛").first.wait_for()
    page.get_by_role("link", name="地图").click()
    wait_for_app(page)
    page.locator("h1").first.wait_for()
    assert any("\u4e00" <= ch <= "\u9fff" for ch in page.locator("h1").first.inner_text())
    context.close()
