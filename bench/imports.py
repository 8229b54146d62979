"""``python -m bench.imports``: what importing the pages' modules costs, beyond what a minimal
one-chart Streamlit app imports anyway (streamlit, pandas, plotly), in fresh processes.

Prints the median time of ``--runs`` fresh interpreters and which heavy libraries the import path
loads (none of geopandas, pydantic, openpyxl, rapidfuzz, opencc may: the import-linter contract
``light-page-imports`` enforces it). ``--src DIR`` measures another checkout's ``src`` (before/after).
For a per-module breakdown: ``python -X importtime -c "import dashboard.ui.layout"``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys

PROBE = r"""
import importlib, json, sys, time
import streamlit, pandas, plotly.graph_objects
mods = ["dashboard.ui.layout", "dashboard.ui.components", "dashboard.ui.overview", "dashboard.ui.compare",
        "dashboard.ui.countries", "dashboard.ui.filters", "dashboard.ui.organizations", "dashboard.ui.speakers",
        "dashboard.ui.mapview", "dashboard.ui.sources", "dashboard.ui.press", "dashboard.ui.common"]
t0 = time.perf_counter()
for m in mods:
    importlib.import_module(m)
ms = (time.perf_counter() - t0) * 1000
heavy = [h for h in ("geopandas", "pydantic", "openpyxl", "rapidfuzz", "opencc") if h in sys.modules]
print(json.dumps({"ms": ms, "heavy": heavy}))
"""


def measure(runs: int, src: str | None) -> dict:
    env = dict(os.environ)
    if src:
        env["PYTHONPATH"] = src + os.pathsep + env.get("PYTHONPATH", "")
    results = [
        json.loads(
            subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, check=True)
            .stdout.strip()
            .splitlines()[-1]
        )
        for _ in range(runs)
    ]
    return {"median_ms": round(statistics.median(r["ms"] for r in results), 1), "heavy": results[0]["heavy"]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.imports", description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--src", help="another checkout's src/ folder (e.g. of an older commit)")
    args = parser.parse_args(argv)
    res = measure(args.runs, args.src)
    print(
        f"page import path: {res['median_ms']} ms (median of {args.runs}); heavy libraries: "
        f"{', '.join(res['heavy']) or 'none'}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
