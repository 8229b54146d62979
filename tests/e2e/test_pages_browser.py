"""Every page, opened by deep link on a freshly started server in headless Chromium with every
external request blocked: no page error, no external request, the expected content drawn."""

from __future__ import annotations

import pytest

from .harness import Watch, attach_guards, wait_for_app

pytestmark = pytest.mark.e2e


def open_page(browser, url: str, artifacts, name: str):
    page = browser.new_page(viewport={"width": 1400, "height": 2200})
    watch = Watch()
    attach_guards(page, watch)
    page.goto(url)
    wait_for_app(page)
    return page, watch


def finish(page, watch: Watch, artifacts, name: str) -> None:
    page.screenshot(path=str(artifacts / f"{name}.png"), full_page=True)
    assert watch.external == [], f"external requests: {watch.external}"
    assert watch.page_errors == [], f"page errors: {watch.page_errors}"
    page.close()


def test_overview_deep_link(browser, fresh_server, artifacts):
    page, watch = open_page(browser, f"{fresh_server.url}/?edition=2024", artifacts, "overview")
    # the sidebar navigation is there (shared set-up ran)
    page.get_by_role("link", name="Overview").wait_for()
    page.get_by_text("10 of 57 countries and regions named in public sources.").wait_for()
    # both coverage charts drew their bars (a blank chart fails)
    page.wait_for_function("document.querySelectorAll('.js-plotly-plot .bars .point path').length >= 8",
                           timeout=20000)
    assert page.locator('[data-testid="stMetricValue"]').first.inner_text() == "≈300"
    finish(page, watch, artifacts, "overview")
