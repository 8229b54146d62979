"""The import flow explains itself, in Chromium: a list is added, the page says what changed (and no
stale problem list), the tiles and the map credit the list, a reload shows that the list lived in
that browser session only; a two-row list declared complete is not accepted as complete."""

from __future__ import annotations

import re

import pytest

from .harness import REPO, guarded_page, streamlit_server, wait_for_app

pytestmark = pytest.mark.e2e

LIST = (
    "edition,full_name,organization,country_or_organization,delegation,role,mode\n"
    "2025,,Polícia Federal,Brazil,,delegate,in_person\n"
    "2025,,Immigration,Peru,,delegate,in_person\n"
)


def test_add_list_success_credit_and_reload_notice(browser, tmp_path, artifacts):
    f = tmp_path / "organizers-2025.csv"
    f.write_text(LIST, encoding="utf-8")
    with streamlit_server(env_extra={"DASHBOARD_DATA_DIR": str(REPO / "data")}) as srv:
        page, watch = guarded_page(browser, viewport={"width": 1400, "height": 1600})
        page.goto(srv.url + "/Import")
        wait_for_app(page)
        page.get_by_text("lives in this browser session only").first.wait_for(timeout=30000)
        page.locator('input[type="file"]').set_input_files(str(f))
        page.get_by_text("2 valid rows for edition(s) 2025.").wait_for(timeout=30000)
        # the preview says what each written name was matched to
        page.get_by_text("How each name was matched (2 distinct names)").wait_for(timeout=30000)
        # the organizer declares the list complete: two rows against 51 reported countries are not accepted
        page.get_by_text("This list is the complete list of participants of 2025").click()
        page.get_by_text("2025: not accepted as the complete list").first.wait_for(timeout=30000)
        wait_for_app(page)
        page.get_by_role("button", name="Add to this session's data").click()
        page.get_by_text("was added to this browser session's data").wait_for(timeout=30000)
        wait_for_app(page)
        body = page.inner_text("body")
        assert "2 countries and regions (1 not named in public sources before)" in body
        assert "have problems" not in body and "valid rows for edition" not in body
        page.get_by_text("python -m dashboard.ingest").first.wait_for(timeout=30000)
        body = page.inner_text("body")
        # the list was declared complete but not accepted as complete: the command never says --complete
        assert "python -m dashboard.ingest registration-2025-clean.csv --edition 2025 --anonymise\n" in body, body[
            body.find("python -m") - 200 : body.find("python -m") + 200
        ]
        assert "--complete" not in body
        assert page.get_by_role("button", name="Download the cleaned list of 2025 (CSV)").count() == 1
        page.screenshot(path=str(artifacts / "import-added.png"), full_page=True)

        # same session: navigate with the sidebar links (a new URL load would start a new session)
        page.get_by_role("link", name="Overview").click()
        wait_for_app(page)
        page.get_by_text("only in the organizer's list (2025, file: organizers-2025.csv, loaded").first.wait_for(
            timeout=30000
        )
        body = page.inner_text("body")
        assert "Complete list loaded" not in body
        # Brazil is what the list adds; Peru is also in public sources
        assert "14 of 51 countries and regions identified: 13 in public sources, 1 only in the organizer's list" in body

        page.get_by_role("link", name="Map").click()
        page.wait_for_function(
            "document.querySelectorAll('.geo:not(.geo2) path.choroplethlocation').length >= 14", timeout=30000
        )
        # plotly wraps titles and source lines into one <tspan class="line"> per line: join them with spaces
        texts = page.evaluate("""() => Array.from(document.querySelectorAll('svg text')).map(t => {
            const lines = t.querySelectorAll('tspan.line');
            return lines.length ? Array.from(lines).map(s => s.textContent).join(' ') : t.textContent;
        }).join(' ')""")
        texts = re.sub(r"\s+", " ", texts)
        assert "Countries and regions named in public sources and the organizer's list, 2025" in texts
        assert "public sources and the organizer's list (1 only in the list)" in texts  # the subtitle
        assert (
            "Source: public sources cited per participant and the organizers' list (2025, file: organizers-2025.csv,"
            in texts
        )
        page.screenshot(path=str(artifacts / "map-credits-list.png"), full_page=True)

        # a reload starts a new session: the list is gone, and the Import page says so
        page.get_by_role("link", name="Import a registration list").click()
        wait_for_app(page)
        page.reload()
        wait_for_app(page, 60000)
        page.get_by_text("No registration list loaded in this session.").wait_for(timeout=60000)
        assert page.get_by_text("lives in this browser session only").count() >= 1
        assert "organizers-2025.csv" not in page.inner_text("body")
        page.screenshot(path=str(artifacts / "import-after-reload.png"), full_page=True)
        assert watch.external == [] and watch.page_errors == []
        assert srv.external_connections() == []
        page.close()
