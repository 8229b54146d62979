"""A filter change redrawn in the browser: the dashboard's select box → chart against a minimal app's.

``python -m bench.interaction`` (also in ``python -m bench``): on a warm server, in one browser tab
per app, the time from choosing the other option of a select box to the moment the page's charts
have been redrawn with the new data (every plotly chart's drawn marks differ from before and the
script run has finished). The minimal app (``devtools/minimal_select_app.py``: one select box, one
bar chart) and the dashboard's pages take turns (minimal, page, minimal, page…), so a slow spell of
the machine weighs on both sides of each pair; the ratio reported is the median of the per-pair
ratios, with each side's median time. A timing, so measured here and never asserted by a test.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
TARGET = 1.2  # × the minimal app (issue 22)
# page url path -> the select box's accessible name (English) that changes a chart of the page (the
# Overview's edition picker changes its text and tiles only: its charts show every edition)
CASES = {"Map": "Edition"}

# A signature of every chart's drawn marks; a redraw with other data changes it.
SIGNATURE = """() => Array.from(document.querySelectorAll('.js-plotly-plot .main-svg')).map(
  (s) => Array.from(s.querySelectorAll('.point path, path.choroplethlocation, .scatterlayer .point, .gtitle'))
           .map((p) => (p.getAttribute('d') || '') + (p.getAttribute('style') || '') + (p.textContent || '')).join('|')
).join('#')"""
IDLE = """() => { const app = document.querySelector('[data-testid="stApp"]');
                  return app && app.getAttribute('data-test-script-state') !== 'running'
                         && !document.querySelector('[data-testid="stStatusWidget"]'); }"""


def open_tab(browser, url: str):
    from devtools.harness import Watch, attach_guards, wait_for_app

    page = browser.new_page(viewport={"width": 1440, "height": 900})
    attach_guards(page, Watch())
    page.goto(url)
    wait_for_app(page, timeout_ms=90000)
    page.wait_for_function(f"() => ({SIGNATURE})().length > 0", timeout=60000)
    page.wait_for_timeout(500)
    return page


def change(page, label: str) -> float:
    """Choose the next option of the select box; ms from the click on the option to the redraw."""
    page.evaluate(f"() => {{ window.__sig0 = ({SIGNATURE})(); }}")
    page.get_by_role("combobox", name=label).first.click()
    page.get_by_role("option").first.wait_for(timeout=10000)
    target = page.locator('[role="option"]:not([aria-selected="true"])').first  # any other option
    t0 = time.perf_counter()
    target.click()
    page.wait_for_function(
        f"() => ({IDLE})() && ({SIGNATURE})() !== window.__sig0 && ({SIGNATURE})().length > 0",
        timeout=20000,
        polling=10,
    )
    elapsed = (time.perf_counter() - t0) * 1000
    page.wait_for_timeout(300)  # charts finish their transition before the next change
    return elapsed


def interaction(browser, data: Path | None = None, reps: int = 7, cases: dict[str, str] | None = None) -> dict:
    from devtools.harness import streamlit_server

    env = {"DASHBOARD_DATA_DIR": str(data)} if data else {}
    out: dict[str, dict] = {}
    minimal_all: list[float] = []
    with (
        streamlit_server(env_extra=env, script=REPO_ROOT / "devtools" / "minimal_select_app.py") as base,
        streamlit_server(env_extra=env) as srv,
    ):
        mtab = open_tab(browser, base.url + "/")
        change(mtab, "Edition")  # warm
        for path, label in (cases or CASES).items():
            tab = open_tab(browser, f"{srv.url}/{path}?lang=en")
            change(tab, label)  # warm: both options' results cached, as after any first visitor
            change(tab, label)
            pairs = [(change(mtab, "Edition"), change(tab, label)) for _ in range(reps)]
            tab.close()
            minimal_all += [m for m, _ in pairs]
            out[path or "Overview"] = {
                "median_ms": round(statistics.median(p for _, p in pairs), 1),
                "minimal_median_ms": round(statistics.median(m for m, _ in pairs), 1),
                "ratio_to_minimal": round(statistics.median(p / m for m, p in pairs), 2),
                "pairs": reps,
            }
        mtab.close()
    return {"minimal": {"median_ms": round(statistics.median(minimal_all), 1)}, **out}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.interaction", description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=7, help="interleaved pairs per page (median reported)")
    parser.add_argument("--out", type=Path, default=None, help="write the results as JSON here")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    from devtools.harness import CHROMIUM_ARGS, chromium_path

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        try:
            res = interaction(browser, reps=args.reps)
        finally:
            browser.close()
    for name, r in res.items():
        extra = (
            f"  minimal {r['minimal_median_ms']:.0f} ms  {r['ratio_to_minimal']}× (target ≤ {TARGET}×)"
            if "ratio_to_minimal" in r
            else ""
        )
        print(f"{name:12} {r['median_ms']:8.0f} ms{extra}")
    if args.out:
        args.out.write_text(json.dumps(res, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
