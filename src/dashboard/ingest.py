"""``python -m dashboard.ingest FILE --edition YEAR [--anonymise]``: add an organizer's registration
list to data/raw/registrations/ and rebuild data/clean.

Validates exactly as the app's import page does. All-or-nothing: on any problem nothing is
written; the raw files are written to temporary names and moved into place only after the
rebuild from them has succeeded (and put back as they were if anything fails).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import sys
import tempfile
from pathlib import Path

import yaml

from . import registrations as R
from .build import build, write_atomically
from .errors import DataError
from .harmonize import AliasIndex
from .paths import clean_dir, data_dir, raw_dir
from .raw import load_raw
from .reference import load_entities, load_organizations


def registration_dir(base: Path | None = None) -> Path:
    return raw_dir(base) / "registrations"


def ingest(path: Path, edition: int, anonymise: bool, base: Path, today: dt.date | None = None) -> str:
    """Validate ``path`` and add it as the registration list of ``edition``; returns a summary line.
    Raises :class:`registrations.FileRefused` or :class:`ValueError` with a row/column report."""
    entities = load_entities(base)
    organizations = load_organizations(base, entity_codes=set(entities.code))
    raw = load_raw(base)
    index = AliasIndex(entities, organizations)
    data = path.read_bytes()
    df = R.read_file(data, path.name)
    report = R.validate(df, path.name, index, sorted(raw.editions))
    if report.issues:
        lines = "\n".join(f"- {i}" for i in report.issues[:50])
        more = f"\n… and {len(report.issues) - 50} more" if len(report.issues) > 50 else ""
        raise ValueError(f"{path.name}: {len(report.issues)} problem(s), nothing was written:\n{lines}{more}")
    table = report.table
    others = sorted(set(table.edition) - {edition})
    if others:
        raise ValueError(f"{path.name}: rows for edition(s) {', '.join(map(str, others))}, but --edition {edition}; "
                         "nothing was written")
    if anonymise:
        table = R.anonymise(table)
    meta = {"edition": edition, "source_id": f"registration_{edition}", "file": path.name,
            "accessed": (today or dt.date.today()).isoformat(), "anonymised": anonymise, "rows": len(table)}
    target = registration_dir(base)
    target.mkdir(parents=True, exist_ok=True)
    csv_path, meta_path = target / f"{edition}.csv", target / f"{edition}.yaml"
    backup = Path(tempfile.mkdtemp(prefix="ingest-backup-", dir=target))
    moved: list[tuple[Path, Path]] = []
    try:
        for p in (csv_path, meta_path):
            if p.exists():
                shutil.copy2(p, backup / p.name)
        tmp_csv = target / f".{edition}.csv.tmp"
        tmp_meta = target / f".{edition}.yaml.tmp"
        table.drop(columns=["row"]).to_csv(tmp_csv, index=False, lineterminator="\n")
        tmp_meta.write_text(yaml.safe_dump(meta, allow_unicode=True, sort_keys=False), encoding="utf-8")
        os.replace(tmp_csv, csv_path)
        moved.append((csv_path, backup / csv_path.name))
        os.replace(tmp_meta, meta_path)
        moved.append((meta_path, backup / meta_path.name))
        files = build(base)  # the rebuild must succeed from the new raw files…
        write_atomically(files, clean_dir(base))  # …before the clean data is swapped in
    except BaseException:
        for new, old in moved:
            if old.exists():
                shutil.copy2(old, new)
            else:
                new.unlink(missing_ok=True)
        for p in target.glob(f".{edition}.*.tmp"):
            p.unlink(missing_ok=True)
        raise
    finally:
        shutil.rmtree(backup, ignore_errors=True)
    return (f"Added {len(table)} registrations for {edition} ({table.code.nunique()} countries, regions and "
            f"organizations){' without names' if anonymise else ''}; data/clean rebuilt.")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dashboard.ingest", description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path, help="CSV or XLSX, one row per attendee (see data/templates/)")
    parser.add_argument("--edition", type=int, required=True, help="the edition (year) the list belongs to")
    parser.add_argument("--anonymise", action="store_true", help="drop person names; keep only aggregates")
    parser.add_argument("--data-dir", type=Path, default=None)
    args = parser.parse_args(argv)
    base = args.data_dir.resolve() if args.data_dir else data_dir()
    try:
        print(ingest(args.file, args.edition, args.anonymise, base))
    except (R.FileRefused, ValueError, DataError, FileNotFoundError) as exc:
        print(exc, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
