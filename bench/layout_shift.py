"""Cumulative layout shift (CLS) of every page, in both languages, at 1440 and 390 px, in Chromium.

``python -m bench.layout_shift`` (also part of ``python -m bench``): for each page, language and
width, a fresh tab opens the page's URL and records every ``layout-shift`` entry of the browser's
PerformanceObserver (``buffered: true``, so none before the observer is missed) until the script
has finished, every chart is drawn and no shift has come for 5 s (``--settle``). CLS is the web
vitals definition: the largest session window (shifts less than 1 s apart, a window at most 5 s
long) of shifts without recent input, counted from the navigation's start. Layout shift is not a timing: it depends on what moves, not
on how fast, so one run per case is reported (repeat runs measure the spread; see ``--runs``).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
WIDTHS = {1440: 900, 390: 844}  # viewport width -> height
LANGS = ("en", "zh")
GOOD = 0.1  # the web vitals "good" limit

OBSERVE = """
window.__shifts = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    const src = (e.sources || []).map((s) => {
      let n = s.node, id = '';
      while (n && n.nodeType === 1 && !id) { id = n.getAttribute('data-testid') || ''; if (!id) n = n.parentElement; }
      const r = s.previousRect, c = s.currentRect;
      return { id: id || (s.node && s.node.nodeName) || '?', dx: Math.round(c.x - r.x), dy: Math.round(c.y - r.y), dh: Math.round(c.height - r.height), pr: [r.x, r.y, r.width, r.height].map(Math.round), cr: [c.x, c.y, c.width, c.height].map(Math.round) };
    });
    window.__shifts.push({ t: e.startTime, v: e.value, input: e.hadRecentInput, src });
  }
}).observe({ type: 'layout-shift', buffered: true });
"""

ALL_DRAWN = """() => Array.from(document.querySelectorAll('.js-plotly-plot')).every(
  (p) => p.querySelector('.main-svg .bars .point path, .main-svg path.choroplethlocation, .main-svg .scatterlayer .trace, .main-svg .pielayer .slice'))"""

DRAWN = (
    "() => !!document.querySelector('.js-plotly-plot .main-svg .bars .point path, "
    ".js-plotly-plot .main-svg path.choroplethlocation, .js-plotly-plot .main-svg .scatterlayer .point, "
    '[data-testid="stDataFrame"] canvas, [data-testid="stFileUploaderDropzone"]\')'
)


def cls(shifts: list[dict]) -> float:
    """The largest session window: shifts < 1 s apart, a window at most 5 s long."""
    best = current = 0.0
    start = last = None
    for s in sorted((s for s in shifts if not s["input"]), key=lambda s: s["t"]):
        if start is None or s["t"] - last > 1000 or s["t"] - start > 5000:
            start, current = s["t"], 0.0
        current += s["v"]
        last = s["t"]
        best = max(best, current)
    return round(best, 4)


def worst_sources(shifts: list[dict], n: int = 3) -> list[str]:
    """The elements that moved most (by summed shift value), e.g. 'stVerticalBlock dy=+312'."""
    score: dict[str, float] = {}
    for s in shifts:
        for src in s["src"]:
            key = (
                f"{src['id']}"
                + (f" dx={src['dx']:+d}" if src["dx"] else "")
                + f" dy={src['dy']:+d}"
                + (f" dh={src['dh']:+d}" if src["dh"] else "")
            )
            score[key] = score.get(key, 0.0) + s["v"] / max(len(s["src"]), 1)
    return [k for k, _ in sorted(score.items(), key=lambda kv: -kv[1])[:n]]


def measure_page(browser, url: str, width: int, settle_s: float = 5.0, debug: bool = False) -> dict:
    """One fresh tab: CLS of the page until every chart is drawn and no shift has come for ``settle_s``."""
    from devtools.harness import Watch, attach_guards, wait_for_app

    page = browser.new_page(viewport={"width": width, "height": WIDTHS[width]})
    attach_guards(page, Watch())
    page.add_init_script(OBSERVE)
    page.goto(url)
    wait_for_app(page, timeout_ms=90000)
    try:
        page.wait_for_function(DRAWN, timeout=30000, polling=50)
        page.wait_for_function(ALL_DRAWN, timeout=30000, polling=50)
    except Exception:  # a page without chart or table (none today): measure what there is
        pass
    # settled: no new shift for settle_s after the last chart drew (fonts swap, lazy parts load)
    deadline = time.monotonic() + 30
    seen = -1
    while time.monotonic() < deadline:
        n = page.evaluate("window.__shifts.length")
        if n == seen:
            break
        seen = n
        time.sleep(settle_s)
    shifts = page.evaluate("window.__shifts")
    page.close()
    if debug:
        for sh in shifts:
            print(f"  t={sh['t']:.0f} v={sh['v']:.4f}", [(x["id"], x["pr"], x["cr"]) for x in sh["src"]])
    return {
        "cls": cls(shifts),
        "total": round(sum(s["v"] for s in shifts if not s["input"]), 4),
        "worst": worst_sources(shifts),
    }


def layout_shift(
    browser,
    data: Path | None = None,
    runs: int = 1,
    pages: list[str] | None = None,
    langs: tuple[str, ...] = LANGS,
    widths: tuple[int, ...] = tuple(WIDTHS),
    settle_s: float = 5.0,
    script: Path | None = None,
    debug: bool = False,
) -> dict:
    """CLS per page, language and width on one server (warm: every page visited once first); ``script``:
    what ``streamlit run`` serves (default the README's, serve.py; app.py to measure without the early shell)."""
    from dashboard.ui.layout import PAGES
    from devtools.harness import streamlit_server

    env = {"DASHBOARD_DATA_DIR": str(data)} if data else {}
    out: dict[str, dict] = {}
    with streamlit_server(env_extra=env, script=script) as srv:
        specs = [p for p in PAGES if not pages or p.url_path in pages]
        urls = {p.url_path: srv.url + ("/" if p.url_path == "Overview" else f"/{p.url_path}") for p in specs}
        for u in urls.values():  # warm: caches filled, as after any first visitor
            measure_page(browser, u + "?lang=en", 1440, settle_s=0.5)
        for p in specs:
            for lang in langs:
                for width in widths:
                    samples = [
                        measure_page(browser, f"{urls[p.url_path]}?lang={lang}", width, settle_s, debug)
                        for _ in range(runs)
                    ]
                    out[f"{p.url_path} {lang} {width}"] = {
                        "cls": round(statistics.median(s["cls"] for s in samples), 4),
                        "cls_max": max(s["cls"] for s in samples),
                        "worst": samples[0]["worst"],
                    }
    return out


def table(results: dict) -> str:
    """Markdown: one row per page, columns language × width."""
    pages = list(dict.fromkeys(k.split(" ")[0] for k in results))
    cols = [(lang, w) for lang in LANGS for w in WIDTHS]
    lines = ["| page | " + " | ".join(f"{lang} {w}" for lang, w in cols) + " |", "|---" * (len(cols) + 1) + "|"]
    for p in pages:
        cells = []
        for lang, w in cols:
            r = results.get(f"{p} {lang} {w}")
            cells.append("—" if r is None else f"{r['cls']:.3f}" + ("" if r["cls"] <= GOOD else " ✗"))
        lines.append(f"| {p} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.layout_shift", description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1, help="fresh tabs per case (median reported)")
    parser.add_argument("--pages", nargs="*", help="url paths (default: every page)")
    parser.add_argument("--langs", nargs="*", default=list(LANGS))
    parser.add_argument("--widths", nargs="*", type=int, default=list(WIDTHS))
    parser.add_argument("--settle", type=float, default=5.0, help="seconds without a shift that count as settled")
    parser.add_argument("--out", type=Path, default=None, help="write the results as JSON here")
    parser.add_argument("--script", type=Path, default=None, help="what streamlit runs (default serve.py)")
    parser.add_argument("--debug", action="store_true", help="print every shift with its sources")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    from devtools.harness import CHROMIUM_ARGS, chromium_path

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        try:
            res = layout_shift(
                browser,
                runs=args.runs,
                pages=args.pages,
                langs=tuple(args.langs),
                widths=tuple(args.widths),
                settle_s=args.settle,
                script=args.script,
                debug=args.debug,
            )
        finally:
            browser.close()
    print(table(res))
    for k, r in res.items():
        if r["cls"] > GOOD:
            print(f"{k}: {r['cls']} (max {r['cls_max']}): {'; '.join(r['worst'])}")
    if args.out:
        args.out.write_text(json.dumps(res, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
