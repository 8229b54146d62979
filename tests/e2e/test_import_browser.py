"""Upload a registration list in Chromium; the map and the comparison page change in that session."""

from __future__ import annotations

import pytest

from .harness import REPO, guarded_page, streamlit_server, wait_for_app

pytestmark = pytest.mark.e2e

LIST = (
    "edition,full_name,organization,country_or_organization,delegation,role,mode\n"
    "2025,,Polícia Federal,Brazil,,delegate,in_person\n"
    "2025,,Immigration,Peru,,delegate,in_person\n"
)


def test_upload_changes_map_and_comparison(browser, tmp_path, artifacts):
    f = tmp_path / "list.csv"
    f.write_text(LIST, encoding="utf-8")
    with streamlit_server(env_extra={"DASHBOARD_DATA_DIR": str(REPO / "data")}) as srv:
        page, watch = guarded_page(browser, viewport={"width": 1400, "height": 1600})
        page.goto(srv.url + "/Import")
        wait_for_app(page)
        page.locator('input[type="file"]').set_input_files(str(f))
        page.get_by_text("2 valid rows for edition(s) 2025.").wait_for(timeout=30000)
        page.get_by_role("button", name="Add to this session's data").click()
        page.get_by_text("2 attendees, 2 countries, regions and organizations").wait_for(timeout=30000)
        # same session: navigate with the sidebar links (a new URL load would start a new session)
        page.get_by_role("link", name="Map").click()
        page.wait_for_function(
            "document.querySelectorAll('.geo:not(.geo2) path.choroplethlocation').length >= 14", timeout=30000
        )
        assert (
            page.evaluate("document.querySelectorAll('.geo:not(.geo2) path.choroplethlocation').length") == 14
        )  # 13 + Brazil (the South China Sea inset, geo2, draws its own)
        assert "registration" not in page.url and "Brazil" not in page.url
        page.screenshot(path=str(artifacts / "map-after-import.png"), full_page=True)
        page.get_by_role("link", name="Year over year").click()
        wait_for_app(page)
        page.get_by_text("Brazil · 巴西").wait_for(timeout=30000)
        assert watch.external == [] and watch.page_errors == []
        assert srv.external_connections() == []
        page.close()
