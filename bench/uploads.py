"""Uploads benchmark: time and peak memory of refusing hostile files and of reporting 50,000
unknown names, each case in a fresh Python process (measured RSS, not estimated).

    python -m bench.uploads [--out bench/uploads.json] [--repeat 3]

For each case a child process imports what the server would have imported, records its resident
memory ("idle"), resets the kernel's peak counter (``/proc/self/clear_refs``), runs the case and
reads the peak (``VmHWM``). "peak above idle" is what refusing or reporting the file costs the
server. Cases:

- core: ``registrations.read_file`` (+ ``validate`` for the report), as ``python -m dashboard.ingest``
  and the Import page both call them — the corpus's hostile files, 50,000 rows of unknown names,
  and the largest list accepted (a 50,000-row workbook, generated in a temporary folder);
- page: the Import page in Streamlit's AppTest (the whole server-side run: upload, read, report,
  pickers), for the far-cell workbook, the merged-cell bomb and the 50,000 unknown names;
- corpus: every file of tests/fixtures/registrations/ (organizers' lists, hostile workbooks, encodings;
  ``--corpus`` runs only these), each read or refused, against the targets: 10 s and 300 MB peak above
  idle per file.

The median of ``--repeat`` runs is printed; figures go into README's Performance section.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
CORPUS = REPO_ROOT / "tests" / "fixtures" / "registrations"
HEAD = "edition,full_name,organization,country_or_organization,delegation,role,mode\n"


def valid_workbook(path: Path, n: int = 50_000) -> Path:
    """The largest list accepted: n valid rows (7 columns) in one sheet, written once per run."""
    if not path.exists():
        import openpyxl

        wb = openpyxl.Workbook(write_only=True)
        ws = wb.create_sheet("Registrations")
        ws.append(HEAD.strip().split(","))
        countries = [
            "Peru",
            "Republic of Korea",
            "Türkiye",
            "Lao PDR",
            "Côte d'Ivoire",
            "UNHCR",
            "中国",
            "Hong Kong SAR",
        ]
        for i in range(n):
            ws.append([2025, f"Person {i}", "Ministry", countries[i % len(countries)], "", "delegate", "in_person"])
        wb.save(path)
    return path


def unknown_names_csv(n: int = 50_000) -> bytes:
    """n rows, each with a different country name that no alias table knows."""
    return (HEAD + "".join(f"2025,,Ministry,Unknownland {i:05d},,delegate,in_person\n" for i in range(n))).encode()


CASES = {
    "far_cell_declared": ("core", "far_cell.xlsx"),
    "far_cell_hidden": ("core", "far_cell_hidden.xlsx"),
    "far_row_hidden": ("core", "far_row_hidden.xlsx"),
    "zip_bomb": ("core", "zip_bomb.xlsx"),
    "too_many_rows_csv": ("core", "too_many_rows.csv"),
    "unknown_names_50k": ("core", None),
    "valid_50k_rows_xlsx": ("core", "valid_50k.xlsx"),
    "merged_cell_bomb": ("core", "merged_cell_bomb.xlsx"),
    "page_far_cell": ("page", "far_cell.xlsx"),
    "page_merged_cell_bomb": ("page", "merged_cell_bomb.xlsx"),
    "page_unknown_names_50k": ("page", None),
}
CORPUS_CASES = {
    f"corpus:{p.name}": ("core", p.name) for p in sorted(CORPUS.iterdir()) if p.suffix in (".csv", ".xlsx", ".xls")
}
CASES.update(CORPUS_CASES)
TARGET_SECONDS, TARGET_MB = 10.0, 300.0


# --- child ----------------------------------------------------------------------------------------


def _status_kb(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def _reset_peak() -> bool:
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return True
    except OSError:
        return False


def child(case: str) -> dict:
    kind, file = CASES[case]
    name = file or "unknown_names_50k.csv"
    folder = Path(os.environ.get("BENCH_UPLOADS_TMP", CORPUS))
    source = folder / file if file and (folder / file).exists() else CORPUS / (file or "")
    data = source.read_bytes() if file else unknown_names_csv()
    if kind == "core":
        import charset_normalizer  # noqa: F401
        import rapidfuzz.process  # noqa: F401

        import dashboard.registrations.reading
        import dashboard.registrations.validation  # noqa: F401
        from dashboard import registrations as R
        from dashboard.harmonize import AliasIndex
        from dashboard.reference import load_entities, load_organizations

        entities = load_entities()
        index = AliasIndex(entities, load_organizations(entity_codes=set(entities.code)))
        index.match("Peru")  # the index built and warm before "idle"
        idle = _status_kb("VmRSS")
        peak_reset = _reset_peak()
        t0 = time.perf_counter()
        try:
            df = R.read_file(data, name)
            report = R.validate(df, name, index, [2024, 2025], edition=2025)
            outcome = (
                f"report: {len(report.issues):,} issues, {len(report.unresolved_names()):,} distinct unknown "
                f"names, {report.unsuggested:,} without suggestions"
            )
        except R.FileRefused as exc:
            outcome = f"refused: {exc}"
        seconds = time.perf_counter() - t0
    else:
        from streamlit.testing.v1 import AppTest

        at = AppTest.from_file(str(REPO_ROOT / "app.py"), default_timeout=120)
        at.run()
        at.switch_page("pages/8_Import.py")
        at.run()
        idle = _status_kb("VmRSS")
        peak_reset = _reset_peak()
        t0 = time.perf_counter()
        mime = "text/csv" if name.endswith(".csv") else "application/octet-stream"
        at.file_uploader(key="registration_upload").upload(name, data, mime).run()
        seconds = time.perf_counter() - t0
        pickers = [s for s in at.selectbox if s.key and s.key.startswith("resolve::")]
        if at.exception:
            outcome = f"exception: {at.exception[0].message}"
        elif pickers:
            outcome = f"report shown, {len(pickers)} pickers on the first page; {at.error[0].value if at.error else ''}"
        else:
            outcome = f"error shown: {at.error[0].value[:160]}" if at.error else "no error shown"
    peak = _status_kb("VmHWM")  # since the reset; without it (old kernels), since the process started
    return {
        "case": case,
        "kind": kind,
        "file": name,
        "bytes": len(data),
        "seconds": round(seconds, 3),
        "idle_mb": round(idle / 1024, 1),
        "peak_mb": round(peak / 1024, 1),
        "peak_above_idle_mb": round(max(0, peak - idle) / 1024, 1),
        "peak_reset": peak_reset,
        "outcome": outcome[:300],
    }


# --- parent ---------------------------------------------------------------------------------------


def run_case(case: str, timeout: float = 300) -> dict:
    env = dict(os.environ, DASHBOARD_DATA_DIR=str(REPO_ROOT / "data"))
    env.pop("STREAMLIT_SERVER_PORT", None)
    t0 = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "bench.uploads", "--child", case],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if proc.returncode != 0:
        return {"case": case, "error": proc.stderr.strip().splitlines()[-1:], "wall_s": time.perf_counter() - t0}
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.uploads", description=__doc__.splitlines()[0])
    parser.add_argument("--child", choices=sorted(CASES), help=argparse.SUPPRESS)
    parser.add_argument("--case", action="append", choices=sorted(CASES), help="run only this case (repeatable)")
    parser.add_argument("--corpus", action="store_true", help="run only the corpus files (each read or refused)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", type=Path, default=REPO_ROOT / "bench" / "uploads.json")
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.child), ensure_ascii=False))
        return 0
    tmp = Path(tempfile.mkdtemp(prefix="bench-uploads-"))
    os.environ["BENCH_UPLOADS_TMP"] = str(tmp)
    valid_workbook(tmp / "valid_50k.xlsx")
    results = []
    print(f"{'case':<44} {'time s':>8} {'idle MB':>8} {'peak MB':>8} {'+peak MB':>9}  outcome")
    for case in args.case or (list(CORPUS_CASES) if args.corpus else list(CASES)):
        runs = [run_case(case) for _ in range(args.repeat)]
        ok = [r for r in runs if "error" not in r]
        if not ok:
            print(f"{case:<44} failed: {runs[0].get('error')}")
            results.append(runs[0])
            continue
        med = dict(ok[0])
        for key in ("seconds", "idle_mb", "peak_mb", "peak_above_idle_mb"):
            med[key] = round(statistics.median(r[key] for r in ok), 3 if key == "seconds" else 1)
        med["runs"] = len(ok)
        med["max_seconds"] = max(r["seconds"] for r in ok)
        med["max_peak_above_idle_mb"] = max(r["peak_above_idle_mb"] for r in ok)
        results.append(med)
        print(
            f"{case:<44} {med['seconds']:>8.2f} {med['idle_mb']:>8.0f} {med['peak_mb']:>8.0f} "
            f"{med['peak_above_idle_mb']:>9.1f}  {med['outcome'][:110]}"
        )
    measured = [r for r in results if "error" not in r]
    slow = [r["case"] for r in measured if r["max_seconds"] > TARGET_SECONDS]
    heavy = [r["case"] for r in measured if r["max_peak_above_idle_mb"] > TARGET_MB]
    print(
        f"targets ({TARGET_SECONDS:g} s, {TARGET_MB:g} MB above idle per file): "
        + ("met by every case" if not slow and not heavy else f"missed: slow {slow}, heavy {heavy}")
        + (f"; {len(results) - len(measured)} case(s) failed to run" if len(measured) < len(results) else "")
    )
    meta = {
        "python": sys.version.split()[0],
        "cpus": os.cpu_count(),
        "load_average": os.getloadavg(),
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
    }
    shutil.rmtree(tmp, ignore_errors=True)
    args.out.write_text(
        json.dumps({"meta": meta, "results": results}, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    print(f"load average during the run: {meta['load_average'][0]:.1f} on {meta['cpus']} cores; wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
