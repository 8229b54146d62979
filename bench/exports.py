"""Time to make the A4 brief (PDF) and the Excel workbook, cold and warm.

Cold: a fresh Python process that imports the package, loads data/clean and makes the file once
(what the command `python -m dashboard.brief` costs, and a server's first click). Warm: the same
call repeated in one process (a server's later clicks): median of ``reps``. The brief is measured
without images (Typst alone) and with the map and two charts drawn by kaleido (Chromium): its
cold time includes starting the export browser.

Run alone: ``python -m bench.exports [--reps 5] [--data DIR]``; ``python -m bench`` includes it.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

from dashboard.paths import REPO_ROOT

CASES = {
    "brief_pdf_no_images": "brief.build_brief(ds, [ds.edition_ids[-1]], 'zh', images=False, version='bench')",
    "brief_pdf_with_images": "brief.build_brief(ds, [ds.edition_ids[-1]], 'zh', version='bench')",
    "brief_pdf_compare_no_images": "brief.build_brief(ds, ds.edition_ids[-2:], 'en', images=False, version='bench')",
    "workbook_xlsx": "workbook.workbook_bytes(ds, 'zh', 'note')",
}
SNIPPET = """
import json, sys, time
t0 = time.perf_counter()
from dashboard import brief, workbook
from dashboard.dataset import load_clean
from pathlib import Path
ds = load_clean(Path({data!r}))
t1 = time.perf_counter()
out = {case}
t2 = time.perf_counter()
times = []
for _ in range({reps}):
    a = time.perf_counter(); {case}; times.append(time.perf_counter() - a)
from dashboard.static_export import shutdown_browser
shutdown_browser()
print(json.dumps({{"cold_s": t2 - t0, "import_and_load_s": t1 - t0, "warm": times, "bytes": len(out)}}))
"""


def measure(data: Path | None = None, reps: int = 5, cases: tuple[str, ...] = tuple(CASES)) -> dict:
    """{case: {cold_s, warm_median_s, warm_p_max_s, kb}} — each case in its own fresh process."""
    from dashboard.static_export import browser_available

    data = data or REPO_ROOT / "data"
    results = {}
    for name in cases:
        if "with_images" in name and not browser_available():
            results[name] = {"skipped": "no Chromium"}
            continue
        code = SNIPPET.format(data=str(data), case=CASES[name], reps=reps)
        proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO_ROOT, timeout=600)
        if proc.returncode:
            raise RuntimeError(f"{name}: {proc.stderr.strip().splitlines()[-1:]}")
        r = json.loads(proc.stdout.strip().splitlines()[-1])
        results[name] = {
            "cold_s": round(r["cold_s"], 2),
            "import_and_load_s": round(r["import_and_load_s"], 2),
            "warm_median_s": round(statistics.median(r["warm"]), 3),
            "warm_max_s": round(max(r["warm"]), 3),
            "kb": r["bytes"] // 1024,
        }
    return results


def table(results: dict) -> str:
    lines = [f"{'export':32}{'cold (s)':>10}{'of which import+load':>22}{'warm median (s)':>17}{'size (KB)':>11}"]
    for name, r in results.items():
        if "skipped" in r:
            lines.append(f"{name:32}  skipped: {r['skipped']}")
            continue
        lines.append(f"{name:32}{r['cold_s']:>10}{r['import_and_load_s']:>22}{r['warm_median_s']:>17}{r['kb']:>11}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.exports", description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=5)
    parser.add_argument("--data", type=Path, default=None, help="data folder (default: the repository's)")
    args = parser.parse_args(argv)
    t0 = time.perf_counter()
    res = measure(args.data, args.reps)
    print(table(res))
    print(f"\n({time.perf_counter() - t0:.0f} s in all)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
