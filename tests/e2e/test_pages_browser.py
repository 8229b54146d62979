"""Every page, opened by deep link on a freshly started server in headless Chromium with every
external request blocked: no page error, no external request, the expected content drawn.
A screenshot of each page is saved under artifacts/e2e/."""

from __future__ import annotations

import pytest

from dashboard.ui.layout import PAGES as PAGE_SPECS

from .harness import REPO, guarded_page, streamlit_server, wait_for_app

pytestmark = pytest.mark.e2e

# (name, deep link, a text that must be on the page, minimum number of drawn bar/marker shapes)
PAGES = [
    ("overview", "/?edition=2024", "10 of 57 countries and regions named in public sources.", 6),
    ("year_over_year", "/Year_over_year?a=2024&b=2025", "Named in 2024 sources, not named in 2025 sources", 8),
    ("countries", "/Countries_and_regions?region=Asia", "All identified countries and regions", 4),
    ("organizations", "/Organizations", "2 of 5 international organizations not named in public sources.", 12),
    ("speakers", "/Speakers?role=plenary_speech", "People", 4),
    ("map", "/Map?edition=2025", "13 of 51 countries and regions identified", 2),
    ("reach", "/Reach?grouping=ASEAN", "1 of the 10 members of ASEAN", 10),
    ("sources", "/Sources", "Where sources disagree", 0),
    ("press", "/Press?mode=compare", "an approximate change because the figures are qualified", 4),
]
SHAPES = "document.querySelectorAll('.js-plotly-plot .bars .point path, .js-plotly-plot .scatterlayer .point').length"


@pytest.fixture(scope="module")
def server():
    with streamlit_server(env_extra={"DASHBOARD_DATA_DIR": str(REPO / "data")}) as srv:
        yield srv


def check_page(browser, base_url: str, path: str, expect_text: str, min_shapes: int, shot) -> None:
    page, watch = guarded_page(browser, viewport={"width": 1400, "height": 2200})
    page.goto(base_url + path)
    wait_for_app(page)
    page.get_by_role("link", name="Overview").wait_for()  # the shared sidebar ran on a deep link
    page.get_by_text(expect_text, exact=False).first.wait_for()
    page.wait_for_function(f"{SHAPES} >= {min_shapes}", timeout=20000)  # a blank chart fails
    page.screenshot(path=str(shot), full_page=True)
    assert watch.external == [], f"external requests: {watch.external}"
    assert watch.page_errors == [], f"page errors: {watch.page_errors}"
    page.close()


def test_server_makes_no_external_connection(browser, server):
    for _name, path, text, _shapes in PAGES:
        page = browser.new_page()
        page.goto(server.url + path)
        wait_for_app(page)
        page.get_by_text(text, exact=False).first.wait_for()
        page.close()
    assert server.external_connections() == []
    assert "external IP" not in server.log.read_text(errors="replace")


def test_overview_on_a_fresh_server(browser, fresh_server, artifacts):
    name, path, text, shapes = PAGES[0]
    check_page(browser, fresh_server.url, path, text, shapes, artifacts / f"{name}-fresh.png")


@pytest.mark.parametrize("name, path, text, shapes", PAGES[1:], ids=[p[0] for p in PAGES[1:]])
def test_deep_link_on_a_fresh_server(browser, name, path, text, shapes, artifacts):
    with streamlit_server(env_extra={"DASHBOARD_DATA_DIR": str(REPO / "data")}) as srv:
        check_page(browser, srv.url, path, text, shapes, artifacts / f"{name}.png")


STATELESS = [(spec.url_path, "/" if i == 0 else f"/{spec.url_path}") for i, spec in enumerate(PAGE_SPECS)]


@pytest.mark.parametrize("name, path", STATELESS, ids=[s[0] for s in STATELESS])
def test_deep_link_without_state_on_a_fresh_server(browser, name, path, artifacts):
    """The first request a new server gets is a bare deep link: the frame still runs (sidebar, title)."""
    with streamlit_server(env_extra={"DASHBOARD_DATA_DIR": str(REPO / "data")}) as srv:
        page, watch = guarded_page(browser, viewport={"width": 1400, "height": 1600})
        page.goto(srv.url + path)
        wait_for_app(page)
        page.get_by_role("link", name="Overview").wait_for()
        page.locator("h1").first.wait_for()
        page.screenshot(path=str(artifacts / f"bare-{name}.png"), full_page=True)
        assert watch.external == [] and watch.page_errors == []
        page.close()


def test_filter_change_goes_into_the_url_and_back(browser, server):
    page, watch = guarded_page(browser, viewport={"width": 1400, "height": 1600})
    page.goto(server.url + "/Countries_and_regions?region=Europe")
    wait_for_app(page)
    page.wait_for_function(f"{SHAPES} >= 2", timeout=20000)
    assert "region=Europe" in page.url
    # the link restores the view: the region filter shows Europe as chosen
    assert page.locator('[data-testid="stMultiSelect"]').filter(has_text="Europe").count() >= 1
    page.goto(server.url + "/?edition=2024")
    wait_for_app(page)
    page.get_by_text("10 of 57 countries and regions").wait_for()
    assert watch.external == [] and watch.page_errors == []
    page.close()


def test_press_kit_downloads_in_the_browser(browser, server, tmp_path):
    import io
    import zipfile

    page, watch = guarded_page(browser, viewport={"width": 1400, "height": 1600}, accept_downloads=True)
    page.goto(server.url + "/Press?edition=2025")
    wait_for_app(page)
    with page.expect_download(timeout=90000) as info:
        page.get_by_text("Download the press kit (ZIP)").click()
    path = tmp_path / "kit.zip"
    info.value.save_as(path)
    names = zipfile.ZipFile(io.BytesIO(path.read_bytes())).namelist()
    assert (
        "press-kit-2025/summary.md" in names
        and "press-kit-2025/charts/map-of-identified-participants-2025.png" in names
    )
    assert watch.external == [] and watch.page_errors == []
    assert server.external_connections() == []
    page.close()


def test_chinese_press_kit_downloads_in_chinese(browser, server, tmp_path):
    """A download button's callback runs outside the page's run: the Chinese page's kit is still Chinese
    (the language is passed to it), with the English summary beside the Chinese one."""
    import io
    import zipfile

    from dashboard.i18n import t

    page, watch = guarded_page(browser, viewport={"width": 1400, "height": 1600}, accept_downloads=True)
    page.goto(server.url + "/Press?edition=2025&lang=zh")
    wait_for_app(page)
    with page.expect_download(timeout=90000) as info:
        page.get_by_text(t("Download the press kit (ZIP)", lang="zh")).click()
    path = tmp_path / "kit.zip"
    info.value.save_as(path)
    kit = zipfile.ZipFile(io.BytesIO(path.read_bytes()))
    root = kit.namelist()[0].split("/")[0]
    assert root == "新闻素材包-2025"  # a Chinese folder name, no spaces
    assert kit.namelist()[0] == f"{root}/summary.zh.md"  # the Chinese summary first
    readme = kit.read(f"{root}/README.md").decode()
    assert readme.startswith("# " + t("Press kit", lang="zh")) and "How to cite" not in readme
    assert "240余人" in kit.read(f"{root}/summary.zh.md").decode()
    assert "more than 240 attendees" in kit.read(f"{root}/summary.en.md").decode()
    assert watch.external == [] and watch.page_errors == []
    page.close()
