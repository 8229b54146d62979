"""``python -m bench``: speed and memory of the dashboard, measured, never asserted.

Prints a table and writes JSON (``--out``, default ``bench/results.json``) with, at 1×, 10× and
100× of a deterministic synthetic registration-level dataset (generated here, in a temporary
folder; never shipped or shown as real data):

- cold start: ``streamlit run`` → first chart visible in headless Chromium, for the Overview,
  the Map and a minimal one-chart Streamlit app measured in the same run (the ratio counts);
- server-side rerun time per page and per filter change (median and p95 of N runs, AppTest);
- bytes sent to the browser per rerun of the Map page (websocket frames, real browser);
- server memory (RSS) after visiting every page;
- a bounded loopback load test: concurrent browser sessions changing filters, errors and p95.

Everything runs on this machine; the browser's external requests are blocked and the server's
are refused by the same guards as the e2e tests.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import re
import shutil
import statistics
import tempfile
import time
from pathlib import Path

import yaml

from dashboard.paths import REPO_ROOT
from dashboard.ui.layout import PAGES as PAGE_SPECS

PAGES = [p.path for p in PAGE_SPECS]
URLS = ["/" if i == 0 else f"/{p.url_path}" for i, p in enumerate(PAGE_SPECS)]
OVERVIEW = PAGE_SPECS[0].path
# scale -> (synthetic editions, registrations per edition)
SCALES = {1: (2, 250), 10: (5, 1_000), 100: (10, 5_000)}
TARGETS = {
    "map_cold_ratio": 1.15,
    "fresh_tab_ratio": 1.25,  # every page (issue 22)
    "fresh_tab_ratio_median_page": 1.2,
    "interaction_ratio": 1.2,
    "rerun_median_ms_1x": 100,
    "rerun_median_ms_100x": 300,
    "map_payload_kb": 300,
    "rss_mb": 250,
    "cls": 0.1,
}
ROLES = ["delegate"] * 14 + ["head_of_delegation"] * 3 + ["speaker"] * 2 + ["observer", "staff", "moderator"]


# --- synthetic data -------------------------------------------------------------------------------


def synthetic_data(dest: Path, scale: int, seed: int = 20240909) -> Path:
    """A copy of data/ plus SYNTHETIC editions with registration lists, built. Deterministic."""
    from dashboard.build import build, write_atomically
    from dashboard.paths import clean_dir
    from dashboard.reference import load_entities, load_organizations

    data = dest / "data"
    for sub in ("raw", "reference", "templates"):
        shutil.copytree(REPO_ROOT / "data" / sub, data / sub)
    rng = random.Random(seed + scale)
    n_editions, per_edition = SCALES[scale]
    entities = load_entities(data)
    countries = entities[(entities.entity_type != "territory") & entities.ne50m_drawn].code.tolist()
    orgs = load_organizations(data).code.tolist()
    src = data / "raw" / "sources.yaml"
    src.write_text(
        src.read_text(encoding="utf-8")
        + yaml.safe_dump(
            [
                {
                    "id": "synthetic_benchmark",
                    "url": "http://127.0.0.1/synthetic-benchmark",
                    "title": "SYNTHETIC benchmark data (not real)",
                    "publisher": "bench",
                    "language": "en",
                    "kind": "other",
                    "subkind": "other",  # a kind of the vocabulary (dashboard.vocab.SOURCE_SUBKINDS)
                    "short_title": "Synthetic benchmark data",
                    "supports": ["participation", "figures"],
                    "published": None,
                    "accessed": None,
                }
            ],
            sort_keys=False,
        ),
        encoding="utf-8",
    )
    reg_dir = data / "raw" / "registrations"
    reg_dir.mkdir(parents=True, exist_ok=True)
    # after the real editions (however many an organizer has added), colliding with none of them
    last = max(
        int(re.search(r"^  number: (\d+)$", p.read_text(encoding="utf-8"), re.M).group(1))
        for p in (data / "raw" / "editions").glob("*.yaml")
    )
    for i in range(n_editions):
        year = 2080 + i
        edition = {
            "year": year,
            "number": last + 1 + i,
            "name_en": f"SYNTHETIC benchmark edition {year}",
            "name_zh": "基准测试数据(虚构)",
            "start_date": f"{year}-09-10",
            "end_date": f"{year}-09-11",
            "city_en": "Benchmark City",
            "city_zh": "测试市",
            "province_en": "Test Province",
            "country": "China",
            "city_lat": 32.0,
            "city_lon": 118.8,
            "venue": None,
            "host_en": "Synthetic host",
            "host_zh": "虚构",
            "host_source_ids": ["synthetic_benchmark"],
            "preferred_source_id": "synthetic_benchmark",
            "participant_list_complete": False,
            "not_found": [],
        }
        figures = [
            {
                "metric": m,
                "value": v,
                "qualifier": "about",
                "as_written": f"{v} (synthetic)",
                "source_id": "synthetic_benchmark",
            }
            for m, v in (
                ("attendees", per_edition),
                ("countries_and_regions", 120),
                ("international_organizations", 12),
            )
        ]
        (data / "raw" / "editions" / f"{year}.yaml").write_text(
            "# SYNTHETIC benchmark data generated by bench; not real.\n"
            + yaml.safe_dump({"edition": edition, "reported_figures": figures}, allow_unicode=True, sort_keys=False),
            encoding="utf-8",
        )
        pool = rng.sample(countries, 110)
        rows = []
        for k in range(per_edition):
            is_org = rng.random() < 0.05
            code = rng.choice(orgs) if is_org else pool[min(int(rng.paretovariate(1.2)) - 1, len(pool) - 1)]
            ptype = "international_organization" if is_org else "country_or_region"
            rows.append(
                f"{year},,Agency {k % 97},{code},{ptype},{code},,{rng.choice(ROLES)},"
                f"{'video' if rng.random() < 0.1 else 'in_person'}"
            )
        (reg_dir / f"{year}.csv").write_text(
            "edition,full_name,organization,written_name,participant_type,code,delegation,role,mode\n"
            + "\n".join(rows)
            + "\n",
            encoding="utf-8",
        )
        (reg_dir / f"{year}.yaml").write_text(
            yaml.safe_dump(
                {
                    "edition": year,
                    "source_id": f"registration_{year}",
                    "file": f"synthetic-{year}.csv",
                    "accessed": "2026-01-01",
                    "anonymised": True,
                    "rows": per_edition,
                }
            ),
            encoding="utf-8",
        )
    write_atomically(build(data), clean_dir(data))
    return data


# --- server-side reruns (AppTest) -----------------------------------------------------------------


def _pct(values: list[float], q: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, int(round(q * (len(s) - 1))))]


def rerun_times(data: Path, runs: int) -> dict:
    from streamlit.testing.v1 import AppTest

    os.environ["DASHBOARD_DATA_DIR"] = str(data)
    eds = sorted(int(p.stem) for p in (data / "raw" / "editions").glob("*.yaml"))
    out: dict[str, dict] = {}
    changes = {  # page -> (widget key, two values to alternate between)
        OVERVIEW: ("url_edition", [eds[0], eds[-1]]),
        "pages/2_Countries_and_regions.py": ("url_region", [["142"], ["150", "002"]]),
        "pages/5_Map.py": ("url_edition", [eds[0], eds[-1]]),
    }
    for page in PAGES:
        at = AppTest.from_file(str(REPO_ROOT / "app.py"), default_timeout=120)
        at.run()
        if page != OVERVIEW:
            at.switch_page(page)
        at.run()  # warm: caches filled
        times = []
        for _ in range(runs):
            t0 = time.perf_counter()
            at.run()
            times.append((time.perf_counter() - t0) * 1000)
        entry = {"median_ms": round(statistics.median(times), 1), "p95_ms": round(_pct(times, 0.95), 1)}
        if page in changes:
            key, values = changes[page]
            ftimes = []
            for i in range(runs):
                widget = at.multiselect(key=key) if key == "url_region" else at.selectbox(key=key)
                t0 = time.perf_counter()
                widget.set_value(values[i % 2]).run()
                ftimes.append((time.perf_counter() - t0) * 1000)
            entry["filter_median_ms"] = round(statistics.median(ftimes), 1)
            entry["filter_p95_ms"] = round(_pct(ftimes, 0.95), 1)
        if page == "pages/5_Map.py":
            entry["map_spec_kb"] = round(len(at.get("plotly_chart")[0].proto.spec) / 1024, 1)
        if at.exception:
            entry["error"] = str(at.exception[0].message)[:200]
        out[page] = entry
    os.environ.pop("DASHBOARD_DATA_DIR", None)
    return out


# --- browser measurements -------------------------------------------------------------------------


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return round(int(line.split()[1]) / 1024, 1)
    return float("nan")


COLD = ("minimal", "overview", "map")
FIRST_CHART = {
    "minimal": ".js-plotly-plot .main-svg .bars .point",
    "overview": ".js-plotly-plot .main-svg .bars .point",
    "map": "path.choroplethlocation",
}


def cold_start(browser, which: str, data: Path) -> float:
    """Seconds from launching `streamlit run` to the first chart drawn in the browser."""
    from devtools.harness import Watch, attach_guards, streamlit_server

    script = REPO_ROOT / "devtools" / "minimal_app.py" if which == "minimal" else None
    path = "/Map" if which == "map" else "/"
    t0 = time.perf_counter()
    with streamlit_server(env_extra={"DASHBOARD_DATA_DIR": str(data)}, script=script) as srv:
        page = browser.new_page()
        attach_guards(page, Watch())
        page.goto(srv.url + path)
        page.wait_for_selector(FIRST_CHART[which], state="attached", timeout=60000)
        elapsed = time.perf_counter() - t0
        page.close()
    return round(elapsed, 2)


# What "first chart drawn" means on each page: a plotly trace with drawn marks; pages without a chart
# (Sources) count their first data table, the Import page its upload area.
DRAWN = (
    "() => !!document.querySelector('.js-plotly-plot .main-svg .bars .point path, "
    ".js-plotly-plot .main-svg path.choroplethlocation, .js-plotly-plot .main-svg .scatterlayer .point, "
    '[data-testid="stDataFrame"] canvas, [data-testid="stFileUploaderDropzone"]\')'
)


def fresh_tabs(browser, data: Path, reps: int) -> dict:
    """On a warm server, a fresh browser tab per page: time from navigation to the first chart drawn,
    against the minimal one-chart app. The two servers run side by side and their tabs alternate
    (minimal, page, minimal, page…), so a slow spell of the machine (this VM's times for one page
    range over ±25 % within a minute) weighs on both sides of each pair; the ratio reported is the
    median of the per-pair ratios, with each side's median time. The server's script time per run is
    the AppTest rerun medians in ``reruns``."""
    from devtools.harness import Watch, attach_guards, streamlit_server

    def measure(srv, path: str) -> float:
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        attach_guards(page, Watch())
        t0 = time.perf_counter()
        page.goto(srv.url + path, wait_until="commit")
        page.wait_for_function(DRAWN, timeout=60000, polling=10)
        elapsed = (time.perf_counter() - t0) * 1000
        page.close()
        return elapsed

    out: dict[str, dict] = {}
    env = {"DASHBOARD_DATA_DIR": str(data)}
    minimal_times: list[float] = []
    with (
        streamlit_server(env_extra=env, script=REPO_ROOT / "devtools" / "minimal_app.py") as base,
        streamlit_server(env_extra=env) as srv,
    ):
        measure(base, "/")  # warm
        for url in URLS:  # warm every page once (caches filled, as after any first visitor)
            measure(srv, url)
        for spec, url in zip(PAGE_SPECS, URLS):
            pairs = [(measure(base, "/"), measure(srv, url)) for _ in range(reps)]
            minimal_times += [m for m, _ in pairs]
            out[spec.url_path] = {
                "median_ms": round(statistics.median(p for _, p in pairs), 1),
                "minimal_median_ms": round(statistics.median(m for m, _ in pairs), 1),
                "ratio_to_minimal": round(statistics.median(p / m for m, p in pairs), 2),
            }
    out = {"minimal": {"median_ms": round(statistics.median(minimal_times), 1)}, **out}
    return out


def map_payload_and_rss(browser, data: Path) -> dict:
    """Websocket bytes received for one rerun of the Map page; server RSS after every page."""
    from devtools.harness import Watch, attach_guards, streamlit_server, wait_for_app

    with streamlit_server(env_extra={"DASHBOARD_DATA_DIR": str(data)}) as srv:
        rss_start = _rss_mb(srv.proc.pid)
        page = browser.new_page(viewport={"width": 1400, "height": 1200})
        watch = Watch()
        attach_guards(page, watch)
        received: list[int] = []
        page.on(
            "websocket",
            lambda ws: ws.on(
                "framereceived",
                lambda payload: received.append(len(payload) if isinstance(payload, (bytes, str)) else 0),
            ),
        )
        for url in URLS:
            page.goto(srv.url + url)
            wait_for_app(page)
            page.wait_for_timeout(300)
        page.goto(srv.url + "/Map")
        wait_for_app(page)
        page.wait_for_selector("path.choroplethlocation", state="attached", timeout=60000)
        page.wait_for_timeout(500)
        received.clear()
        page.get_by_text("Lines to the venue").click()  # one rerun of the Map page
        page.wait_for_timeout(300)
        wait_for_app(page)
        page.wait_for_timeout(500)
        payload_kb = round(sum(received) / 1024, 1)
        rss = _rss_mb(srv.proc.pid)
        page.close()
        return {
            "map_rerun_payload_kb": payload_kb,
            "rss_idle_mb": rss_start,
            "rss_after_all_pages_mb": rss,
            "external_requests": len(watch.external) + len(srv.external_connections()),
            "page_errors": len(watch.page_errors),
        }


IDLE = """() => { const app = document.querySelector('[data-testid="stApp"]');
                  return app && app.getAttribute('data-test-script-state') !== 'running'
                         && !document.querySelector('[data-testid="stStatusWidget"]'); }"""
EXPECT = ["10 of 57 countries and regions named", "13 of 51 countries and regions named"]


async def _load(url: str, sessions: int, seconds: float, exe: str, args: list[str]) -> dict:
    from playwright.async_api import async_playwright

    from devtools.harness import LOCAL_HOSTS

    times: list[float] = []
    errors: list[str] = []
    ready = asyncio.Barrier(sessions)  # the timed window starts once every session has loaded
    window: dict[str, float] = {}

    async def one(browser, i: int) -> None:
        ctx = await browser.new_context()
        page = await ctx.new_page()

        async def route(r):
            from urllib.parse import urlparse

            if (urlparse(r.request.url).hostname or "") in LOCAL_HOSTS:
                await r.continue_()
            else:
                errors.append(f"external request {r.request.url}")
                await r.abort()

        await page.route("**/*", route)
        page.on("pageerror", lambda e: errors.append(str(e)))
        await page.goto(f"{url}/")
        await page.wait_for_selector(".js-plotly-plot .bars .point", state="attached", timeout=120000)
        await ready.wait()
        deadline = window.setdefault("deadline", time.perf_counter() + seconds)
        options = ["2024 · Suzhou (edition 1)", "2025 · Lianyungang (edition 2)"]
        n = i
        while time.perf_counter() < deadline:
            n += 1
            t0 = time.perf_counter()
            try:  # change the edition filter inside this session, as a user does
                await page.get_by_role("combobox", name="Edition").click()
                await page.get_by_role("option", name=options[n % 2]).click()
                await page.wait_for_function(IDLE, timeout=30000)
                await page.get_by_text(EXPECT[n % 2], exact=False).first.wait_for(timeout=30000)
                times.append((time.perf_counter() - t0) * 1000)
                if await page.locator('[data-testid="stException"]').count():
                    errors.append("exception element on page")
            except Exception as exc:
                errors.append(type(exc).__name__)
        await ctx.close()

    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=exe, args=args)
        await asyncio.gather(*(one(browser, i) for i in range(sessions)))
        await browser.close()
    return {
        "sessions": sessions,
        "seconds": seconds,
        "filter_changes": len(times),
        "errors": len(errors),
        "error_kinds": sorted(set(errors))[:5],
        "change_median_ms": round(statistics.median(times), 1) if times else None,
        "change_p95_ms": round(_pct(times, 0.95), 1) if times else None,
    }


def load_test(data: Path, sessions: int, seconds: float) -> dict:
    from devtools.harness import CHROMIUM_ARGS, chromium_path, streamlit_server

    with streamlit_server(env_extra={"DASHBOARD_DATA_DIR": str(data)}) as srv:
        result = asyncio.run(_load(srv.url, sessions, seconds, chromium_path(), CHROMIUM_ARGS))
        result["server_rss_mb"] = _rss_mb(srv.proc.pid)
        result["server_external_connections"] = len(srv.external_connections())
    return result


# --- report ---------------------------------------------------------------------------------------


def machine() -> dict:
    mem = next(
        (ln.split()[1] for ln in Path("/proc/meminfo").read_text().splitlines() if ln.startswith("MemTotal")), "0"
    )
    cpu = next(
        (
            ln.split(":", 1)[1].strip()
            for ln in Path("/proc/cpuinfo").read_text().splitlines()
            if ln.startswith("model name")
        ),
        platform.processor(),
    )
    return {
        "cpus": os.cpu_count(),
        "memory_gb": round(int(mem) / 1024 / 1024, 1),
        "cpu": cpu,
        "python": platform.python_version(),
        "platform": platform.platform(),
    }


def attempt(measure, res: dict, name: str):
    """Run one measurement, once more if it fails; a second failure is recorded, not fatal."""
    for i in range(2):
        try:
            return measure()
        except Exception as exc:
            if i == 1:
                res.setdefault("errors", []).append(f"{name}: {type(exc).__name__}: {str(exc)[:200]}")
    return None


def run(
    scales: list[int], reps: int, runs: int, load_sessions: int, load_seconds: float, out: Path | None = None
) -> dict:
    from playwright.sync_api import sync_playwright

    from devtools.harness import CHROMIUM_ARGS, chromium_path

    exe = chromium_path()
    if not exe:
        raise SystemExit("Chromium not found (apt-get install chromium); the benchmark needs a real browser")
    results: dict = {"machine": machine(), "targets": TARGETS, "scales": {}}
    tmp = Path(tempfile.mkdtemp(prefix="dashboard-bench-"))
    try:
        for scale in scales:
            t0 = time.perf_counter()
            data = synthetic_data(tmp / f"x{scale}", scale)
            n_eds, per = SCALES[scale]
            res: dict = {
                "synthetic": {"editions_added": n_eds, "registrations": n_eds * per},
                "build_s": round(time.perf_counter() - t0, 2),
            }
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=exe, args=CHROMIUM_ARGS)
                # rounds of (minimal, overview, map), so the machine's slow spells weigh on all three
                rounds = [
                    {w: attempt(lambda w=w: cold_start(browser, w, data), res, f"cold_{w}") for w in COLD}
                    for _ in range(reps)
                ]
                cold = {w: [r[w] for r in rounds if r[w] is not None] for w in COLD}
                res["cold_start_s"] = {w: statistics.median(v) for w, v in cold.items() if v}
                res["cold_start_ratio_to_minimal"] = {
                    w: round(statistics.median(r[w] / r["minimal"] for r in rounds if r[w] and r["minimal"]), 2)
                    for w in ("overview", "map")
                    if any(r[w] and r["minimal"] for r in rounds)
                }
                res["fresh_tab"] = attempt(lambda: fresh_tabs(browser, data, max(reps, 5)), res, "fresh_tab")
                res.update(attempt(lambda: map_payload_and_rss(browser, data), res, "payload_rss") or {})
                if scale == scales[0]:  # a filter change redrawn in the browser, against a minimal app's
                    from bench.interaction import interaction

                    res["interaction"] = attempt(lambda: interaction(browser, data, max(reps, 5)), res, "interaction")
                if scale == scales[0]:  # what moves does not depend on the data's size
                    from bench.layout_shift import layout_shift

                    res["layout_shift"] = attempt(lambda: layout_shift(browser, data), res, "layout_shift")
                browser.close()
            res["reruns"] = rerun_times(data, runs)
            if scale == scales[0]:  # the brief and the workbook, cold and warm (bench.exports)
                from bench import exports

                res["exports"] = attempt(lambda: exports.measure(data, 3), res, "exports")
            if scale == scales[0] and load_sessions:
                res["load"] = attempt(lambda: load_test(data, load_sessions, load_seconds), res, "load")
            results["scales"][f"{scale}x"] = res
            if out is not None:  # keep what is measured so far, whatever happens later
                out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
            print(f"… {scale}× done", flush=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return results


def table(results: dict) -> str:
    lines = []
    m = results["machine"]
    lines.append(f"Machine: {m['cpus']} CPUs ({m['cpu']}), {m['memory_gb']} GB, Python {m['python']}")
    scales = list(results["scales"])
    head = f"{'measure':46}" + "".join(f"{s:>14}" for s in scales) + "   target"
    lines += [head, "-" * len(head)]

    def row(label, get, target=""):
        vals = []
        for s in scales:
            try:
                vals.append(f"{get(results['scales'][s])}")
            except (KeyError, TypeError):
                vals.append("—")
        lines.append(f"{label:46}" + "".join(f"{v:>14}" for v in vals) + f"   {target}")

    row("registrations (synthetic)", lambda r: r["synthetic"]["registrations"])
    row("build data/clean (s)", lambda r: r["build_s"])
    row("cold start, minimal one-chart app (s)", lambda r: r["cold_start_s"]["minimal"])
    row("cold start, Overview first chart (s)", lambda r: r["cold_start_s"]["overview"])
    row("cold start, Map first shape (s)", lambda r: r["cold_start_s"]["map"])
    row("  Map / minimal", lambda r: r["cold_start_ratio_to_minimal"]["map"], f"≤ {TARGETS['map_cold_ratio']}")
    row("  Overview / minimal", lambda r: r["cold_start_ratio_to_minimal"]["overview"])
    for page in PAGES:
        name = page.split("/")[-1].replace(".py", "")
        row(
            f"rerun {name} median / p95 (ms)",
            lambda r, p=page: f"{r['reruns'][p]['median_ms']}/{r['reruns'][p]['p95_ms']}",
            "≤ 100 (1×), ≤ 300 (100×)",
        )
    for page in (OVERVIEW, "pages/2_Countries_and_regions.py", "pages/5_Map.py"):
        name = page.split("/")[-1].replace(".py", "")
        row(
            f"filter change {name} median / p95 (ms)",
            lambda r, p=page: f"{r['reruns'][p]['filter_median_ms']}/{r['reruns'][p]['filter_p95_ms']}",
        )
    row("fresh tab, minimal app, first chart (ms)", lambda r: r["fresh_tab"]["minimal"]["median_ms"])
    for spec in PAGE_SPECS:
        row(
            f"fresh tab {spec.url_path} (ms, × minimal)",
            lambda r, u=spec.url_path: (
                f"{r['fresh_tab'][u]['median_ms']:.0f} ({r['fresh_tab'][u]['ratio_to_minimal']}×)"
            ),
            f"≤ {TARGETS['fresh_tab_ratio']}×",
        )
    ft = results["scales"][scales[0]].get("fresh_tab") or {}
    page_ratios = [v["ratio_to_minimal"] for k, v in ft.items() if "ratio_to_minimal" in v]
    if page_ratios:
        row(
            "fresh tab, median page (× minimal)",
            lambda r: statistics.median(page_ratios) if r is results["scales"][scales[0]] else "",
            f"≤ {TARGETS['fresh_tab_ratio_median_page']}×",
        )
    inter = results["scales"][scales[0]].get("interaction") or {}
    for name, v in inter.items():
        if "ratio_to_minimal" in v:
            row(
                f"filter change redrawn, {name} (ms, × minimal)",
                lambda r, v=v: (
                    f"{v['median_ms']:.0f} ({v['ratio_to_minimal']}×)" if r is results["scales"][scales[0]] else ""
                ),
                f"≤ {TARGETS['interaction_ratio']}×",
            )
    first_shift = results["scales"][scales[0]].get("layout_shift") or {}
    if first_shift:
        worst = max(first_shift.items(), key=lambda kv: kv[1]["cls"])
        row(
            "layout shift (CLS), worst page/language/width",
            lambda r: f"{worst[1]['cls']:.3f} ({worst[0]})" if r is results["scales"][scales[0]] else "",
            f"≤ {TARGETS['cls']}",
        )
    row("Map rerun payload, websocket (KB)", lambda r: r["map_rerun_payload_kb"], f"≤ {TARGETS['map_payload_kb']}")
    row("Map figure spec (KB)", lambda r: r["reruns"]["pages/5_Map.py"]["map_spec_kb"])
    row("server RSS idle (MB)", lambda r: r["rss_idle_mb"])
    row("server RSS after all pages (MB)", lambda r: r["rss_after_all_pages_mb"], f"≤ {TARGETS['rss_mb']}")
    row("external requests (browser + server)", lambda r: r["external_requests"], "0")
    for case in ("brief_pdf_no_images", "brief_pdf_with_images", "workbook_xlsx"):
        row(
            f"{case} cold / warm (s)",
            lambda r, c=case: f"{r['exports'][c]['cold_s']}/{r['exports'][c]['warm_median_s']}",
        )
    for s in scales:
        for err in results["scales"][s].get("errors", []):
            lines.append(f"error at {s}: {err}")
    if first_shift:
        from bench.layout_shift import table as shift_table

        lines += ["", "Cumulative layout shift per page (1×; ✗ above 0.1):", shift_table(first_shift)]
    first = results["scales"][scales[0]].get("load")
    if first:
        lines.append("")
        lines.append(
            f"Load ({scales[0]}): {first['sessions']} concurrent browser sessions × {first['seconds']} s "
            f"changing the edition filter: {first['filter_changes']} changes, {first['errors']} errors, "
            f"click-to-drawn median {first['change_median_ms']} ms, p95 {first['change_p95_ms']} ms, "
            f"server RSS {first['server_rss_mb']} MB"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default="1,10,100", help="comma-separated: 1,10,100")
    parser.add_argument("--reps", type=int, default=3, help="cold starts per app (median reported)")
    parser.add_argument("--runs", type=int, default=20, help="reruns per page (median and p95)")
    parser.add_argument("--load-sessions", type=int, default=10)
    parser.add_argument("--load-seconds", type=float, default=60)
    parser.add_argument("--quick", action="store_true", help="1× only, 1 cold start, 5 reruns, 15 s load")
    parser.add_argument("--out", type=Path, default=REPO_ROOT / "bench" / "results.json")
    parser.add_argument(
        "--fresh-tabs",
        action="store_true",
        help="only the fresh-tab measurement, on the repository's own data (quick check)",
    )
    parser.add_argument(
        "--layout-shift",
        action="store_true",
        help="only cumulative layout shift, every page in both languages at 1440 and 390 px (bench.layout_shift)",
    )
    parser.add_argument(
        "--interaction",
        action="store_true",
        help="only the filter change redrawn in the browser against a minimal app (bench.interaction)",
    )
    args = parser.parse_args(argv)
    if args.interaction:
        from bench.interaction import main as interaction_main

        return interaction_main([])
    if args.layout_shift:
        from bench.layout_shift import main as layout_main

        return layout_main([])
    if args.fresh_tabs:
        from playwright.sync_api import sync_playwright

        from devtools.harness import CHROMIUM_ARGS, chromium_path

        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
            res = fresh_tabs(browser, REPO_ROOT / "data", max(args.reps, 5))
            browser.close()
        for name, r in res.items():
            print(
                f"{name:24} {r['median_ms']:8.0f} ms  minimal {r.get('minimal_median_ms', r['median_ms']):6.0f} ms"
                f"  {r.get('ratio_to_minimal', '')}"
            )
        return 0
    scales = [int(s) for s in args.scales.split(",")]
    if args.quick:
        scales, args.reps, args.runs, args.load_seconds = [1], 1, 5, 15
    args.out.parent.mkdir(parents=True, exist_ok=True)
    results = run(scales, args.reps, args.runs, args.load_sessions, args.load_seconds, args.out)
    args.out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(table(results))
    print(f"\nJSON: {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
