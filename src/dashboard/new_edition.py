"""``python -m dashboard.new_edition YEAR [--source ID] [--data-dir DIR]``: scaffold
``data/raw/editions/<YEAR>.yaml`` from ``data/templates/edition.yaml``.

Adding an edition is a data change: this command writes the smallest edition file the build
accepts, with every field still to be filled marked TODO, so that ``python -m dashboard.build``
runs at once and every page shows the new edition (with "not reported" where no figure is known
yet). Its number is the highest edition number + 1.

Every record must cite a source. ``--source ID`` names a source already added to
``data/raw/sources.yaml`` (the edition's chair's statement); without it, a placeholder source
``edition_<YEAR>_todo`` (marked TODO, an ``.invalid`` URL) is appended to ``sources.yaml``, to be
replaced. An existing edition file is never overwritten. The result is checked as the build checks
it; if it does not pass, both files are put back as they were. Every problem is one line on stderr
(exit 1), never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from string import Template

import yaml

from .errors import DataError
from .paths import REPO_ROOT, data_dir, raw_dir, rel

TEMPLATE = REPO_ROOT / "data" / "templates" / "edition.yaml"

PLACEHOLDER_SOURCE = """\
# TODO: placeholder added by `python -m dashboard.new_edition $year`: replace it with the edition's
# real sources (and point the edition's source ids at them), or remove it once nothing cites it.
- id: $source_id
  url: https://example.invalid/TODO-$year
  title: 'TODO: the chair''s statement of the $year sub-forum'
  publisher: TODO
  language: en
  kind: official
  subkind: official
  short_title: 'TODO: sources of $year'
  supports: [participation, figures]
  published: null
  accessed: null
"""


class ScaffoldError(Exception):
    """A refusal: the message names the file and what is wrong."""


def placeholder_source_id(year: int) -> str:
    return f"edition_{year}_todo"


def _editions(base: Path) -> dict[int, dict]:
    """The ``edition`` record of every existing edition file, by year (read leniently: a file being
    filled in may not validate yet, and its number still counts)."""
    found = {}
    for path in sorted((raw_dir(base) / "editions").glob("*.yaml")):
        try:
            doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
            raise ScaffoldError(f"{rel(path, base)}: cannot be read ({exc}); fix it first") from exc
        ed = doc.get("edition") if isinstance(doc, dict) else None
        if isinstance(ed, dict) and isinstance(ed.get("year"), int):
            found[ed["year"]] = ed
    return found


def _source_ids(sources: Path) -> set[str]:
    doc = yaml.safe_load(sources.read_text(encoding="utf-8")) if sources.exists() else None
    return {s["id"] for s in doc or [] if isinstance(s, dict) and "id" in s}


def render(year: int, number: int, source_id: str, lat: float, lon: float) -> str:
    return Template(TEMPLATE.read_text(encoding="utf-8")).substitute(
        year=year, number=number, source_id=source_id, lat=lat, lon=lon
    )


def scaffold(year: int, base: Path | None = None, source_id: str | None = None) -> Path:
    """Write the edition file (and, without ``source_id``, the placeholder source); return its path.
    Raises :class:`ScaffoldError` (nothing written) when the edition exists or would not build."""
    base = base or data_dir()
    if not 2000 <= year <= 2100:
        raise ScaffoldError(f"{year}: an edition's year must be between 2000 and 2100")
    target = raw_dir(base) / "editions" / f"{year}.yaml"
    if target.exists():
        raise ScaffoldError(f"{rel(target, base)} already exists; not overwritten (edit it, or remove it first)")
    editions = _editions(base)
    if year in editions:
        raise ScaffoldError(f"edition {year} already exists in {rel(raw_dir(base) / 'editions', base)}")
    sources = raw_dir(base) / "sources.yaml"
    known = _source_ids(sources)
    if source_id is not None and source_id not in known:
        raise ScaffoldError(f"{rel(sources, base)}: no source with id {source_id!r}; add it there first")
    number = max((int(e.get("number", 0)) for e in editions.values()), default=0) + 1
    latest = editions[max(editions)] if editions else {}
    text = render(
        year,
        number,
        source_id or placeholder_source_id(year),
        float(latest.get("city_lat", 0.0)),
        float(latest.get("city_lon", 0.0)),
    )
    before = sources.read_text(encoding="utf-8") if sources.exists() else None
    try:
        if source_id is None and placeholder_source_id(year) not in known:
            tail = "" if not before or before.endswith("\n") else "\n"
            sources.write_text(
                (before or "")
                + tail
                + Template(PLACEHOLDER_SOURCE).substitute(year=year, source_id=placeholder_source_id(year)),
                encoding="utf-8",
            )
        with open(target, "x", encoding="utf-8") as fh:
            fh.write(text)
        _check(base)
    except BaseException:
        target.unlink(missing_ok=True)
        if before is not None:
            sources.write_text(before, encoding="utf-8")
        raise
    return target


def _check(base: Path) -> None:
    """Validate the raw data as the build does (schemas, source ids, names), writing nothing."""
    from .build import build_tables
    from .raw import load_raw
    from .reference import load_entities, load_organizations

    entities = load_entities(base)
    build_tables(load_raw(base), entities, load_organizations(base, entity_codes=set(entities["code"])))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dashboard.new_edition", description=__doc__.splitlines()[0])
    parser.add_argument("year", type=int, help="the year of the new edition, e.g. 2026")
    parser.add_argument("--source", default=None, help="id of the edition's chair's statement in sources.yaml")
    parser.add_argument("--data-dir", type=Path, default=None, help="data folder (default: the repository's data/)")
    args = parser.parse_args(argv)
    base = args.data_dir.resolve() if args.data_dir else data_dir()
    try:
        path = scaffold(args.year, base, args.source)
    except ScaffoldError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except DataError as exc:
        print(f"error: the scaffolded edition does not build; nothing written:\n{exc}", file=sys.stderr)
        return 1
    print(f"wrote {rel(path, base)}: fill in every TODO, then run python -m dashboard.build")
    return 0


if __name__ == "__main__":
    sys.exit(main())
