"""Held-out corpus benchmark: registration lists the importer was never developed on
(tests/fixtures/heldout/make_heldout.py: its own seed, writers, encodings and header synonyms), each read
and validated in a fresh Python process, against the answers the generator wrote.

    python -m bench.heldout [--out bench/heldout.json] [--keep DIR]

Per file: wrong matches (a name matched to another code than the one written — the figure that must
be 0), misread values (a value read differently from the cell: edition, name, title, organization,
role, mode), rows refused (a row with a problem reported, not imported: allowed, counted), seconds and
peak memory above idle (``VmHWM`` after ``clear_refs``, as in bench/uploads.py), and partial writes:
each file is also run through ``python -m dashboard.ingest`` against a copy of data/, and a refused
file must leave every byte of that copy as it was.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.uploads import TARGET_MB, TARGET_SECONDS, _reset_peak, _status_kb

REPO_ROOT = Path(__file__).resolve().parents[1]
MAKER = REPO_ROOT / "tests" / "fixtures" / "heldout" / "make_heldout.py"
FIELDS = ("edition", "full_name", "title", "organization", "role", "mode")


def _same(a: object, b: object) -> bool:
    def norm(v: object) -> str:
        if v is None or (isinstance(v, float) and v != v):
            return ""
        return str(int(v)) if isinstance(v, float) and v.is_integer() else str(v)

    return norm(a) == norm(b)


def child(path: Path, expected: dict) -> dict:
    import charset_normalizer  # noqa: F401
    import rapidfuzz.process  # noqa: F401

    from dashboard import registrations as R
    from dashboard.harmonize import AliasIndex
    from dashboard.reference import load_entities, load_organizations

    entities = load_entities()
    index = AliasIndex(entities, load_organizations(entity_codes=set(entities.code)))
    index.match("Peru")
    idle = _status_kb("VmRSS")
    peak_reset = _reset_peak()
    data = path.read_bytes()
    t0 = time.perf_counter()
    wrong, misread, refused_rows, examples = 0, 0, 0, []
    try:
        df = R.read_file(data, path.name)
        report = R.validate(df, path.name, index, [2024, 2025], edition=expected["edition"])
        seconds = time.perf_counter() - t0
        refused = ""
        got = {(int(r["row"]), str(r["written_name"])): r for r in report.table.to_dict("records")}
        for truth in expected["rows"]:
            row = got.get((truth["row"], truth["written"]))
            if row is None:
                refused_rows += 1
                continue
            if row["code"] != truth["code"]:
                wrong += 1
                examples.append(
                    f"row {truth['row']}: {truth['written']!r} -> {row['code']} (written for {truth['code']})"
                )
            for f in FIELDS:
                if not _same(row.get(f), truth[f]):
                    misread += 1
                    examples.append(f"row {truth['row']} {f}: read {row.get(f)!r}, cell {truth[f]!r}")
        problems = sorted({str(i) for i in report.issues})[:5]
    except R.FileRefused as exc:
        seconds = time.perf_counter() - t0
        refused, problems, refused_rows = str(exc), [], len(expected["rows"])
    peak = _status_kb("VmHWM")
    return {
        "file": path.name,
        "bytes": len(data),
        "rows": len(expected["rows"]),
        "wrong_matches": wrong,
        "misread_values": misread,
        "rows_refused": refused_rows,
        "file_refused": refused[:300],
        "examples": examples[:8],
        "problems": problems,
        "seconds": round(seconds, 3),
        "peak_above_idle_mb": round(max(0, peak - idle) / 1024, 1),
        "peak_reset": peak_reset,
    }


def _digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def partial_write(path: Path, edition: int, tmp: Path) -> tuple[str, str]:
    """Run the file through ``dashboard.ingest`` against a fresh copy of data/: "written" (accepted),
    "refused, nothing written", or "PARTIAL WRITE" when a refused run changed any byte."""
    data = tmp / "data"
    shutil.rmtree(data, ignore_errors=True)
    shutil.copytree(REPO_ROOT / "data", data)
    before = _digest(data)
    env = dict(os.environ, DASHBOARD_DATA_DIR=str(data))
    proc = subprocess.run(
        [sys.executable, "-m", "dashboard.ingest", str(path), "--edition", str(edition), "--replace"],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    said = (proc.stdout.strip() or proc.stderr.strip()).splitlines()
    if proc.returncode == 0:
        return "written", said[0][:200] if said else ""
    why = said[0][:200] if said else ""
    return ("refused, nothing written" if _digest(data) == before else "PARTIAL WRITE"), why


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.heldout", description=__doc__.splitlines()[0])
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--expected", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, default=REPO_ROOT / "bench" / "heldout.json")
    parser.add_argument("--keep", type=Path, help="write the corpus here and keep it (default: a temporary folder)")
    args = parser.parse_args(argv)
    if args.child:
        expected = json.loads(args.expected.read_text(encoding="utf-8"))[args.child.name]
        print(json.dumps(child(args.child, expected), ensure_ascii=False))
        return 0
    tmp = Path(tempfile.mkdtemp(prefix="bench-heldout-"))
    folder = args.keep or tmp / "corpus"
    subprocess.run([sys.executable, str(MAKER), str(folder)], check=True, cwd=REPO_ROOT)
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    env = dict(os.environ, DASHBOARD_DATA_DIR=str(REPO_ROOT / "data"))
    results = []
    print(f"{'file':<34} {'rows':>5} {'wrong':>5} {'misread':>7} {'refused':>7} {'s':>6} {'+MB':>6}  ingest")
    for name in sorted(expected):
        proc = subprocess.run(
            [
                sys.executable,
                "-m",
                "bench.heldout",
                "--child",
                str(folder / name),
                "--expected",
                str(folder / "expected.json"),
            ],
            cwd=REPO_ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        if proc.returncode != 0:
            results.append({"file": name, "error": proc.stderr.strip().splitlines()[-1:]})
            print(f"{name:<34} failed: {results[-1]['error']}")
            continue
        r = json.loads(proc.stdout.strip().splitlines()[-1])
        r["ingest"], r["ingest_said"] = partial_write(folder / name, expected[name]["edition"], tmp)
        results.append(r)
        print(
            f"{name:<34} {r['rows']:>5} {r['wrong_matches']:>5} {r['misread_values']:>7} {r['rows_refused']:>7} "
            f"{r['seconds']:>6.2f} {r['peak_above_idle_mb']:>6.1f}  {r['ingest']}"
        )
    ok = [r for r in results if "error" not in r]
    totals = {
        "files": len(results),
        "rows": sum(r["rows"] for r in ok),
        "wrong_matches": sum(r["wrong_matches"] for r in ok),
        "misread_values": sum(r["misread_values"] for r in ok),
        "rows_refused": sum(r["rows_refused"] for r in ok),
        "files_refused": sum(bool(r["file_refused"]) for r in ok),
        "max_seconds": max((r["seconds"] for r in ok), default=0),
        "max_peak_above_idle_mb": max((r["peak_above_idle_mb"] for r in ok), default=0),
        "partial_writes": sum(r["ingest"] == "PARTIAL WRITE" for r in ok),
        "failed_to_run": len(results) - len(ok),
        "targets": f"{TARGET_SECONDS:g} s, {TARGET_MB:g} MB above idle per file",
    }
    meta = {
        "python": sys.version.split()[0],
        "cpus": os.cpu_count(),
        "load_average": os.getloadavg(),
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
    }
    print(json.dumps(totals, ensure_ascii=False))
    args.out.write_text(
        json.dumps({"meta": meta, "totals": totals, "results": results}, indent=2, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    if not args.keep:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
