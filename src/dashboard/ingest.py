"""``python -m dashboard.ingest FILE --edition YEAR [--columns MAP] [--encoding ENC] [--anonymise] [--complete]
[--replace | --append]``: add an organizer's registration list to data/raw/registrations/ and rebuild data/clean.

The list's columns are found from its headers (Chinese or English: 国家/地区, 姓名, 职务, 单位, 参会方式…);
only the country/region-or-organization column is required. Rows without an edition (or a list without
that column) belong to ``--edition``. ``--columns "国别=country_or_organization,序号="`` maps headers the
importer does not know (an empty column id: not used); ``--encoding`` forces a CSV's encoding when the
one decided on evidence is wrong (say gbk, cp1252, cp1250, big5).

``--complete`` records that the organizer declares the list the complete list of the edition; the
edition is then marked complete only if the list is also consistent with the reported totals
(:func:`dashboard.registrations.completeness`). Without it the list adds identified participants.

Validates exactly as the app's import page does. All-or-nothing: on any problem nothing is
written; the raw files are written to temporary names and moved into place only after the
rebuild from them has succeeded (and put back as they were if anything fails). An edition that
already has a list is changed only with ``--replace`` (the new list instead of the old one) or
``--append`` (the new rows after the old ones). Every problem is one line on stderr (exit 1),
never a traceback.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import sys
import tempfile
from pathlib import Path

import pandas as pd
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


def read_input(path: Path) -> bytes:
    """The file's bytes, or :class:`registrations.FileRefused` with one line saying why not."""
    name = path.name or str(path)
    if path.is_dir():
        raise R.FileRefused(f"{path}: a folder, not a file; give a CSV or XLSX file")
    if not path.exists():
        raise R.FileRefused(f"{path}: no such file")
    if not path.is_file():
        raise R.FileRefused(f"{path}: not a regular file")
    try:
        size = path.stat().st_size
        if size > R.MAX_BYTES:
            raise R.FileRefused(f"{name}: the file is larger than {R.MAX_BYTES // (1024 * 1024)} MB")
        with path.open("rb") as fh:
            data = fh.read(R.MAX_BYTES + 1)
    except PermissionError:
        raise R.FileRefused(f"{path}: cannot be read (permission denied)") from None
    except OSError as exc:
        raise R.FileRefused(f"{path}: cannot be read ({exc.strerror or exc.__class__.__name__})") from None
    if not data:
        raise R.FileRefused(f"{name}: the file is empty")
    return data


def problem_report(report: R.Report, limit: int = 50) -> str:
    lines = "\n".join(f"- {i.text('en')}" for i in report.issues[:limit])
    more = f"\n… and {len(report.issues) - limit} more" if len(report.issues) > limit else ""
    unknown = report.unresolved_names()
    names = ""
    if unknown:
        names = f"\n{len(unknown):,} distinct unknown name(s)"
        if report.unsuggested:
            names += (
                f"; suggestions for the first {len(unknown) - report.unsuggested:,}, "
                f"{report.unsuggested:,} more without suggestions"
            )
    return f"{report.file}: {len(report.issues):,} problem(s), nothing was written:\n{lines}{more}{names}"


def ingest(
    path: Path,
    edition: int,
    anonymise: bool,
    base: Path,
    today: dt.date | None = None,
    mode: str | None = None,
    complete: bool = False,
    columns: dict[str, str] | None = None,
    encoding: str | None = None,
) -> str:
    """Validate ``path`` and add it as the registration list of ``edition``; returns a summary line.
    ``mode`` is None (the edition must have no list yet), "replace" or "append".
    Raises :class:`registrations.FileRefused` or :class:`ValueError` with a row/column report."""
    if mode not in (None, "replace", "append"):
        raise ValueError(f"mode must be replace or append, not {mode!r}")
    data = read_input(path)
    target = registration_dir(base)
    csv_path, meta_path = target / f"{edition}.csv", target / f"{edition}.yaml"
    existing = csv_path.exists() or meta_path.exists()
    if existing and mode is None:
        raise ValueError(
            f"{path.name}: edition {edition} already has a registration list "
            f"({rel_to(csv_path, base)}); use --replace to replace it or --append to add these rows to "
            "it; nothing was written"
        )
    entities = load_entities(base)
    organizations = load_organizations(base, entity_codes=set(entities.code))
    raw = load_raw(base)
    index = AliasIndex(entities, organizations)
    if edition not in raw.editions:
        raise ValueError(
            f"{path.name}: --edition {edition} is not in the data (known: {', '.join(map(str, sorted(raw.editions)))}); "
            "nothing was written"
        )
    df = R.read_file(data, path.name, columns=columns, lang="en", encoding=encoding)
    numbers = {e.edition.number: year for year, e in raw.editions.items()}
    order = sorted(raw.editions, key=lambda y: raw.editions[y].edition.number)
    report = R.validate(df, path.name, index, order, edition=edition, numbers=numbers, lang="en")
    if report.issues:
        raise ValueError(problem_report(report))
    table = report.table
    others = sorted(set(table.edition) - {edition})
    if others:
        raise ValueError(
            f"{path.name}: rows for edition(s) {', '.join(map(str, others))}, but --edition {edition}; "
            "nothing was written"
        )
    if anonymise:
        table = R.anonymise(table)
    table = table.drop(columns=["row"])
    file_label = path.name
    if existing and mode == "append":
        old = pd.read_csv(csv_path, dtype=str, keep_default_na=False)
        old_meta = yaml.safe_load(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
        table = pd.concat([old, table.astype(str)], ignore_index=True)[list(table.columns)]
        file_label = f"{old_meta.get('file', csv_path.name)} + {path.name}"
        anonymise = bool(old_meta.get("anonymised")) and anonymise
    meta = {
        "edition": edition,
        "source_id": f"registration_{edition}",
        "file": file_label,
        "accessed": (today or dt.date.today()).isoformat(),
        "anonymised": anonymise,
        "rows": len(table),
        "complete": complete,
    }
    if df.attrs.get("encoding"):  # how the file was read, so that the same reading can be repeated
        meta["encoding"] = df.attrs["encoding"] + (" (chosen)" if encoding else " (decided from the file)")
    if columns:
        meta["columns"] = dict(columns)
    target.mkdir(parents=True, exist_ok=True)
    backup = Path(tempfile.mkdtemp(prefix="ingest-backup-", dir=target))
    moved: list[tuple[Path, Path]] = []
    try:
        for p in (csv_path, meta_path):
            if p.exists():
                shutil.copy2(p, backup / p.name)
        tmp_csv = target / f".{edition}.csv.tmp"
        tmp_meta = target / f".{edition}.yaml.tmp"
        table.to_csv(tmp_csv, index=False, lineterminator="\n")
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
    verb = {"replace": "Replaced the list of", "append": "Appended to the list of"}.get(
        mode if existing else "", "Added a list for"
    )
    notes = "".join(f"\nnote: {n}" for n in report.notes)
    titled = table[table.get("seniority", pd.Series("", index=table.index)).fillna("").astype(str) != ""]
    seniority = ""
    if len(titled):
        counts = titled.seniority.value_counts()
        seniority = "; seniority from titles: " + ", ".join(f"{k} {v}" for k, v in counts.items())
    return (
        f"{verb} {edition}: {len(table)} registrations ({table.code.nunique()} countries, regions and "
        f"organizations){' without names' if anonymise else ''}{seniority}; data/clean rebuilt.{notes}"
    )


def rel_to(path: Path, base: Path) -> str:
    try:
        return path.relative_to(base.parent).as_posix()
    except ValueError:
        return str(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dashboard.ingest", description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path, help="CSV or XLSX, one row per attendee (see data/templates/)")
    parser.add_argument(
        "--edition", type=int, required=True, help="the edition (year) the list belongs to (rows without one)"
    )
    parser.add_argument(
        "--columns",
        default=None,
        help='map headers to columns, e.g. "国别=country_or_organization,职位=title,序号=" (empty: not used)',
    )
    parser.add_argument(
        "--encoding", default=None, help="a CSV's encoding when the detected one is wrong (gbk, cp1252…)"
    )
    parser.add_argument("--anonymise", action="store_true", help="drop person names; keep only aggregates")
    how = parser.add_mutually_exclusive_group()
    how.add_argument("--replace", action="store_true", help="replace the edition's existing list")
    how.add_argument("--append", action="store_true", help="add these rows to the edition's existing list")
    parser.add_argument(
        "--complete",
        action="store_true",
        help="the organizer declares this the complete list of the edition (accepted only if "
        "consistent with the reported totals)",
    )
    parser.add_argument("--data-dir", type=Path, default=None)
    args = parser.parse_args(argv)
    base = args.data_dir.resolve() if args.data_dir else data_dir()
    mode = "replace" if args.replace else "append" if args.append else None
    try:
        columns = R.parse_columns(args.columns) if args.columns else None
        encoding = args.encoding
        if encoding:
            import codecs

            try:
                encoding = codecs.lookup(encoding).name
            except LookupError:
                raise ValueError(f"--encoding: {args.encoding!r} is not an encoding Python knows") from None
        print(
            ingest(
                args.file,
                args.edition,
                args.anonymise,
                base,
                mode=mode,
                complete=args.complete,
                columns=columns,
                encoding=encoding,
            )
        )
    except (R.FileRefused, ValueError, DataError, OSError) as exc:
        print(exc, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
