"""axe-core on every page in both languages (real Chromium, the axe.min.js that the
axe-playwright-python package ships, injected from disk: nothing is fetched). No serious or
critical violation is allowed; what axe reports at lower impact, and what comes from the framework,
is listed in the README (Accessibility)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .harness import REPO, guarded_page, streamlit_server, wait_for_app
from .test_pages_browser import PAGES

pytestmark = pytest.mark.e2e

axe_package = pytest.importorskip(
    "axe_playwright_python", reason="axe-playwright-python (requirements-dev.txt) ships axe-core"
)
AXE_JS = (Path(axe_package.__file__).parent / "axe.min.js").read_text(encoding="utf-8")
BLOCKING = {"serious", "critical"}
ALL_PAGES = [*PAGES, ("import", "/Import", "", 0)]


@pytest.fixture(scope="module")
def server():
    with streamlit_server(env_extra={"DASHBOARD_DATA_DIR": str(REPO / "data")}) as srv:
        yield srv


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("name, path, text, shapes", ALL_PAGES, ids=[p[0] for p in ALL_PAGES])
def test_no_serious_or_critical_violation(browser, server, artifacts, lang, name, path, text, shapes):
    page, watch = guarded_page(browser, viewport={"width": 1440, "height": 1000})
    page.goto(server.url + path + ("&" if "?" in path else "?") + f"lang={lang}")
    wait_for_app(page)
    page.wait_for_selector('[data-testid="stMain"] h1')
    page.wait_for_timeout(1500)  # charts drawn
    wait_for_app(page)  # and no rerun under way (Streamlit fades stale elements during one)
    page.add_script_tag(content=AXE_JS)
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    found = [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "nodes": [
                {"target": n["target"], "html": n["html"][:300], "why": [c["message"] for c in n["any"]][:1]}
                for n in v["nodes"]
            ],
        }
        for v in result["violations"]
    ]
    folder = artifacts / "axe"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}-{lang}.json").write_text(json.dumps(found, ensure_ascii=False, indent=1), encoding="utf-8")
    blocking = [v for v in found if v["impact"] in BLOCKING]
    assert blocking == [], json.dumps(blocking, ensure_ascii=False, indent=1)[:3000]
    assert watch.external == []
    page.close()
