"""``python -m dashboard.build``: data/raw + data/reference -> data/clean.

Deterministic (same input, byte-identical output) and all-or-nothing: every
check runs before anything is written, the tables are written to a temporary
folder beside ``data/clean`` and swapped in only when all of them are written.
On any problem the error names file, record and field and ``data/clean`` stays
as it was.
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

from . import datapackage, geostep
from .cleaning import mark_preferred, seniority, slug
from .errors import DataError, DataIssue
from .harmonize import ENTITY, ORGANIZATION, AliasIndex, UnknownName, to_simplified
from .locale_rules import source_language_is_simplified
from .official_names import load_official_names
from .paths import clean_dir, data_dir, raw_dir, rel
from .raw import RawData, check_references, load_raw, read_yaml
from .reference import load_entities, load_groupings, load_organizations
from .registrations import ROLES as REG_ROLES
from .registrations import merge_into
from .registrations import source_record as registration_source
from .registrations.common import VALIDATED_COLUMNS
from .tables import TABLES, columns
from .vocab import SPEAKING_ROLES
from .zhpunct import zh_punctuation

JOIN = "|"
REGISTRATION_COLUMNS = VALIDATED_COLUMNS


def _join(values) -> str:
    return JOIN.join(sorted(dict.fromkeys(v for v in values if v)))


def _source_language(raw: RawData) -> dict[str, str]:
    return {s.id: s.language for s in raw.sources}


def _theme(topics: pd.DataFrame, edition: int, language: str, preferred: str) -> tuple[str, str]:
    """(theme, its source id): the preferred source's, else the first source's in the edition file;
    Chinese in simplified characters."""
    t = topics[
        (topics.edition == edition)
        & (topics.scope == "sub_forum")
        & (topics.kind == "theme")
        & (topics.language == language)
    ]
    if t.empty:
        return "", ""
    pref = t[t.source_id == preferred]
    row = (pref if len(pref) else t).iloc[0]
    return (row["text_simplified"] if source_language_is_simplified(language) else row["text"]), row["source_id"]


def _zh(value: str | None) -> str:
    """The Chinese display form: simplified script, full-width punctuation (dashboard.zhpunct)."""
    return zh_punctuation(to_simplified(value)) if value else (value or "")


def _zh_forms(value: str | None) -> tuple[str, str]:
    """(display form, form as the source writes it when that differs: traditional script, ASCII
    punctuation)."""
    simple = _zh(value)
    return simple, (value if value and value != simple else "")


def _cell(name: str, value):
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return _join(value) if name.endswith("source_ids") else JOIN.join(value)
    return value


def _check_listed_order(ev: pd.DataFrame) -> None:
    """A position in an edition's official list is given once per participant type and edition."""
    given = ev.dropna(subset=["listed_order"])
    twice = given[given.duplicated(["edition", "participant_type", "listed_order"], keep=False)]
    if not twice.empty:
        r = twice.iloc[0]
        same = ", ".join(map(str, twice[twice.listed_order == r.listed_order].name))
        raise DataError.single(
            f"data/raw/editions/{r.edition}.yaml",
            "participants",
            "listed_order",
            f"listed_order {int(r.listed_order)} is given to more than one {r.participant_type} ({same})",
        )


def _edition_row(e, derived: dict) -> dict:
    """One row of the clean editions table: the derived columns, then the raw fields by name."""
    dump = e.model_dump()
    return {c: derived[c] if c in derived else _cell(c, dump[c]) for c in columns("editions")}


def load_registrations(
    base: Path | None, raw: RawData, entities: pd.DataFrame, organizations: pd.DataFrame
) -> list[tuple[pd.DataFrame, dict, bool]]:
    """Registration lists added by ``python -m dashboard.ingest`` (data/raw/registrations/<year>.csv
    with <year>.yaml), checked again: a hand edit can break them. Each with whether the organizer
    declared it complete (``complete: true`` in the YAML, from ``--complete``)."""
    folder = raw_dir(base) / "registrations"
    out: list[tuple[pd.DataFrame, dict, bool]] = []
    issues: list[DataIssue] = []
    codes = {"country_or_region": set(entities.code), "international_organization": set(organizations.code)}
    for meta_path in sorted(folder.glob("*.yaml")) if folder.exists() else []:
        name = rel(meta_path, base)
        meta = read_yaml(meta_path, base) or {}
        csv_path = meta_path.with_suffix(".csv")
        if not isinstance(meta, dict) or not {"edition", "source_id", "file", "accessed"} <= set(meta):
            issues.append(DataIssue(name, "", "", "needs edition, source_id, file and accessed"))
            continue
        if meta["edition"] not in raw.editions:
            issues.append(DataIssue(name, "", "edition", f"no edition {meta['edition']} in data/raw/editions/"))
            continue
        try:
            table = pd.read_csv(csv_path, dtype=str, keep_default_na=False)
        except (OSError, pd.errors.ParserError, UnicodeDecodeError) as exc:
            issues.append(DataIssue(rel(csv_path, base), "", "", f"cannot be read: {exc}"))
            continue
        missing = [c for c in REGISTRATION_COLUMNS if c not in table.columns]
        if missing:
            issues.append(DataIssue(rel(csv_path, base), "header", ", ".join(missing), "missing column(s)"))
            continue
        for i, r in table.iterrows():
            where = (rel(csv_path, base), f"row {i + 2}")
            if r.participant_type not in codes or r.code not in codes[r.participant_type]:
                issues.append(DataIssue(*where, "code", f"unknown code {r.code!r} ({r.participant_type})"))
            if r.edition != str(meta["edition"]):
                issues.append(DataIssue(*where, "edition", f"{r.edition!r} differs from {meta['edition']} in {name}"))
            if r.role not in REG_ROLES:
                issues.append(DataIssue(*where, "role", f"{r.role!r} is not one of {', '.join(REG_ROLES)}"))
        table = table.assign(edition=table.edition.astype(int))
        out.append(
            (
                table,
                registration_source(
                    meta["source_id"],
                    meta["file"],
                    int(meta["edition"]),
                    str(meta["accessed"]),
                    bool(meta.get("anonymised")),
                    encoding=str(meta.get("encoding") or ""),
                ),
                bool(meta.get("complete")),
            )
        )
    if issues:
        raise DataError(issues)
    return out


def _frame(records: list[dict], table: str) -> pd.DataFrame:
    """The records as a frame; with the table's columns when there is none (a dataset whose editions
    record no person or outcome yet still builds)."""
    return pd.DataFrame(records) if records else pd.DataFrame(columns=columns(table))


def build_tables(
    raw: RawData,
    entities: pd.DataFrame,
    organizations: pd.DataFrame,
    registrations: list[tuple[pd.DataFrame, dict, bool]] = (),
) -> dict[str, pd.DataFrame]:
    """Pure transformation: validated raw records (and registration lists) -> the clean tables."""
    index = AliasIndex(entities, organizations)
    check_references(raw, index)
    lang = _source_language(raw)
    kind = {s.id: s.kind for s in raw.sources}

    figures, people, evidence, topics, outcomes, side = [], [], [], [], [], []
    for year, er in sorted(raw.editions.items()):
        for scope, sections in (("sub_forum", er.sections), ("parent_conference", er.context)):
            for fig in sections.get("reported_figures", []):
                figures.append({"edition": year, "scope": scope, **fig.model_dump()})
            for t in sections.get("topics", []):
                topics.append(
                    {
                        "edition": year,
                        "scope": scope,
                        "kind": t.kind,
                        "text": t.text,
                        "text_simplified": _zh(t.text) if source_language_is_simplified(lang[t.source_id]) else "",
                        "language": lang[t.source_id],
                        "source_id": t.source_id,
                        "note": t.note,
                    }
                )
            for o in sections.get("outcomes", []):
                outcomes.append(
                    {
                        "edition": year,
                        "scope": scope,
                        "item": o.item,
                        "item_zh": _zh(o.item_zh),
                        "item_zh_project": _zh(o.item_zh_project),
                        "zh_source_id": o.zh_source_id or "",
                        "source_ids": _join(o.source_ids),
                    }
                )
            for i, p in enumerate(sections.get("people", [])):
                try:
                    m = index.resolve(p.represents)
                    ptype, code = m.kind, m.code
                except UnknownName:
                    if scope == "sub_forum":  # already reported by check_references
                        raise
                    ptype, code = "", ""
                base = slug(p.name) if p.name else f"unnamed-{slug(code or 'x')}-{i + 1}"
                pid = f"{year}-{'conf-' if scope != 'sub_forum' else ''}{base}"
                name_zh, name_zh_written = _zh_forms(p.name_zh)
                title_zh, title_zh_written = _zh_forms(p.title_zh)
                if p.title_zh_display:  # the house style's form; the source's wording stays beside it
                    title_zh, title_zh_written = _zh(p.title_zh_display), p.title_zh
                org_zh, org_zh_written = _zh_forms(p.organization_zh)
                people.append(
                    {
                        "edition": year,
                        "scope": scope,
                        "person_id": pid,
                        "name": p.name or "",
                        "name_as_written": p.name_as_written,
                        "name_unofficial": p.name_unofficial,
                        "name_zh": name_zh,
                        "name_zh_as_written": name_zh_written,
                        "title": p.title,
                        "title_zh": title_zh,
                        "title_zh_as_written": title_zh_written,
                        "title_zh_project": _zh(p.title_zh_project),
                        "organization": p.organization,
                        "organization_zh": org_zh,
                        "organization_zh_as_written": org_zh_written,
                        "participant_type": ptype,
                        "code": code,
                        "role": p.role,
                        "role_as_written": p.role_as_written,
                        "mode": p.mode,
                        "mode_as_written": p.mode_as_written,
                        "seniority": seniority(p.title),
                        "source_ids": _join(p.source_ids),
                        "zh_source_id": p.zh_source_id or "",
                        "verification": p.verification,
                        "note": p.note,
                        "note_zh": _zh(p.note_zh),
                    }
                )
                if scope == "sub_forum":
                    evidence.append(
                        {
                            "edition": year,
                            "participant_type": ptype,
                            "code": code,
                            "how_known": "speaker" if p.role in SPEAKING_ROLES else "person_named",
                            "name": p.represents,
                            "source_ids": p.source_ids,
                        }
                    )
        for part in er.sections["participants"]:
            m = index.resolve(part.name_as_written, (ENTITY if part.kind == "country_or_region" else ORGANIZATION,))
            evidence.append(
                {
                    "edition": year,
                    "participant_type": m.kind,
                    "code": m.code,
                    "how_known": part.how_known,
                    "name": part.name_as_written,
                    "source_ids": part.source_ids,
                    "listed_order": part.listed_order,
                }
            )
        for s in er.sections["side_events"]:
            side.append(
                {
                    "edition": year,
                    "name": s.name,
                    "name_zh": _zh(s.name_zh),
                    "zh_source_id": s.zh_source_id or "",
                    "date": s.date.isoformat(),
                    "city": s.city,
                    "theme": s.theme,
                    "attendees_as_written": s.attendees_as_written,
                    "source_ids": _join(s.source_ids),
                    "note": s.note,
                }
            )

    fig_df = pd.DataFrame(figures)
    fig_df["is_preferred"] = mark_preferred(
        fig_df, {y: er.edition.preferred_source_id for y, er in raw.editions.items()}, kind
    )
    topics_df = pd.DataFrame(topics)

    ev = pd.DataFrame(evidence)
    if "listed_order" not in ev:
        ev["listed_order"] = None
    _check_listed_order(ev)
    participation = (
        ev.groupby(["edition", "participant_type", "code", "how_known"], sort=True)
        .agg(
            names_as_written=("name", _join),
            source_ids=("source_ids", lambda s: _join(x for lst in s for x in lst)),
            listed_order=("listed_order", "min"),
        )
        .reset_index()
    )
    participation["listed_order"] = participation["listed_order"].astype("Int64")

    eds = []
    for year, er in sorted(raw.editions.items()):
        e = er.edition
        theme_en, theme_en_source = _theme(topics_df, year, "en", e.preferred_source_id)
        theme_zh, theme_zh_source = _theme(topics_df, year, "zh", e.preferred_source_id)
        derived = {
            "edition": year,
            "theme_en": theme_en,
            "theme_en_source_id": theme_en_source,
            "theme_zh": theme_zh,
            "theme_zh_source_id": theme_zh_source,
            # Chinese display forms: simplified script, full-width punctuation (dashboard.zhpunct)
            **{c: _zh(getattr(e, c)) for c in ("name_zh", "city_zh", "province_zh", "host_zh")},
        }
        eds.append(_edition_row(e, derived))
    sources = pd.DataFrame(
        [
            {
                **s.model_dump(),
                "accessed": s.accessed.isoformat() if s.accessed else None,
                "supports": _join(s.supports),
            }
            for s in raw.sources
        ]
    )
    conflicts = pd.DataFrame(
        [{**c.model_dump(), "source_ids": _join(c.source_ids)} for c in raw.conflicts], columns=columns("conflicts")
    )
    ents = entities.copy()
    tables = {
        "editions": pd.DataFrame(eds),
        "sources": sources.sort_values("id"),
        "reported_figures": fig_df.sort_values(["edition", "scope", "metric", "source_id"], kind="stable"),
        "participation": participation,
        "people": _frame(people, "people").sort_values(["edition", "scope", "person_id"], kind="stable"),
        "topics": topics_df.sort_values(["edition", "scope", "kind", "source_id", "text"], kind="stable"),
        "outcomes": _frame(outcomes, "outcomes").sort_values(["edition", "scope", "item"], kind="stable"),
        "side_events": pd.DataFrame(side, columns=columns("side_events")).sort_values(["edition", "name"]),
        "conflicts": conflicts.sort_values("id", key=lambda s: s.str[1:].astype(int)),
        "entities": ents.sort_values("code"),
        "organizations": organizations.sort_values("code"),
    }
    for table, source, declared in registrations:
        tables = merge_into(tables, table, source, declared_complete=declared)
    out = {}
    for name, df in tables.items():
        out[name] = df.reindex(columns=columns(name)).reset_index(drop=True)
    check_tables(out)
    return out


def check_tables(tables: dict[str, pd.DataFrame]) -> None:
    """Integrity of the output: primary keys unique, every source id and code exists, every kind of
    source has a citation tier."""
    from .citations import untiered_kinds

    issues: list[DataIssue] = [
        DataIssue("src/dashboard/vocab.py", "SOURCE_SUBKINDS", kind, "no citation tier in dashboard.citations.TIER")
        for kind in untiered_kinds()
    ]
    for name, df in tables.items():
        pk = TABLES[name]["primaryKey"]
        dup = df[df.duplicated(pk, keep=False)]
        if len(dup):
            issues.append(
                DataIssue(
                    f"data/clean/{name}.csv",
                    f"key {pk}",
                    "",
                    f"duplicate keys: {dup[pk].drop_duplicates().to_dict('records')[:3]}",
                )
            )
    ids = set(tables["sources"]["id"])
    codes = {
        "country_or_region": set(tables["entities"]["code"]),
        "international_organization": set(tables["organizations"]["code"]),
    }
    for name in ("reported_figures", "participation", "people", "topics", "outcomes", "side_events", "conflicts"):
        df = tables[name]
        col = "source_id" if "source_id" in df.columns else "source_ids"
        for i, val in df[col].items():
            for sid in str(val).split(JOIN):
                if sid not in ids:
                    issues.append(DataIssue(f"data/clean/{name}.csv", f"row {i + 2}", col, f"unknown source {sid!r}"))
    for name in ("participation", "people"):
        for i, row in tables[name].iterrows():
            if row["participant_type"] and row["code"] not in codes[row["participant_type"]]:
                issues.append(DataIssue(f"data/clean/{name}.csv", f"row {i + 2}", "code", f"unknown {row['code']!r}"))
    if issues:
        raise DataError(issues)


def to_csv_bytes(df: pd.DataFrame) -> bytes:
    """Canonical CSV: UTF-8, LF line ends, booleans as true/false, no index."""
    out = df.copy()
    for col in out.columns:
        if out[col].dtype == bool:
            out[col] = out[col].map({True: "true", False: "false"})
    return out.to_csv(index=False, lineterminator="\n").encode("utf-8")


def render(
    tables: dict[str, pd.DataFrame], sources: list[dict], geo_files: dict[str, bytes] | None = None
) -> dict[str, bytes]:
    files = {f"{name}.csv": to_csv_bytes(df) for name, df in tables.items()}
    for name, data in (geo_files or {}).items():
        if name != "points.csv":  # the points are the country_points table
            files[f"geo/{name}"] = data
    files["datapackage.json"] = datapackage.dumps(datapackage.descriptor(sources)).encode("utf-8")
    return files


def build(base: Path | None = None, write_geometry: bool | None = None) -> dict[str, bytes]:
    """Load, check and transform; return the files of data/clean as bytes (nothing written to
    data/clean). Step 1, geometry (:mod:`dashboard.geostep`), is skipped when its inputs are
    unchanged; otherwise geopandas runs here, never in the app."""
    raw = load_raw(base)
    entities = load_entities(base)
    organizations = load_organizations(base, entity_codes=set(entities["code"]))
    load_official_names(base, entities)  # the official Chinese names: sourced, and aliases of their code only
    tables = build_tables(raw, entities, organizations, load_registrations(base, raw, entities, organizations))
    g_sources, groupings, members = load_groupings(base, entity_codes=set(entities["code"]))
    tables["grouping_sources"] = g_sources.sort_values("id").reset_index(drop=True)
    tables["groupings"] = groupings.reset_index(drop=True)
    tables["grouping_members"] = members.sort_values(["grouping", "code", "from"]).reset_index(drop=True)
    geo_files, _ = geostep.products(base, write_ok=write_geometry)
    points = geostep.points_frame(geo_files)
    points["own_shape"] = points["own_shape"] == "true"
    tables["country_points"] = points.reindex(columns=columns("country_points"))
    check_tables(tables)
    return render(tables, tables["sources"].to_dict("records"), geo_files)


def write_atomically(files: dict[str, bytes], target: Path) -> None:
    """Write every file into a temporary sibling folder, then swap it in for ``target``."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f"{target.name}.tmp-", dir=target.parent))
    tmp.chmod(0o755)  # mkdtemp makes it private; data/clean is meant to be read by anyone
    try:
        for name, data in sorted(files.items()):
            (tmp / name).parent.mkdir(parents=True, exist_ok=True)
            (tmp / name).write_bytes(data)
        old = None
        if target.exists():
            old = target.with_name(f"{target.name}.old-{os.getpid()}")
            os.replace(target, old)
        os.replace(tmp, target)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dashboard.build", description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=None, help="data folder (default: the repository's data/)")
    parser.add_argument("--check", action="store_true", help="fail if data/clean is out of date; write nothing")
    args = parser.parse_args(argv)
    base = args.data_dir.resolve() if args.data_dir else data_dir()
    try:
        files = build(base, write_geometry=False if args.check else None)
    except DataError as exc:
        print(exc, file=sys.stderr)
        return 1
    target = clean_dir(base)
    if args.check:
        stale = sorted(n for n, b in files.items() if not (target / n).exists() or (target / n).read_bytes() != b)
        on_disk = (
            [p.relative_to(target).as_posix() for p in target.rglob("*") if p.is_file()] if target.exists() else []
        )
        extra = sorted(n for n in on_disk if n not in files)
        if not geostep.up_to_date(geostep.OUT, geostep.inputs(base)):
            stale.append("static/geo (geometry step)")
        if stale or extra:
            print(
                f"data/clean is out of date: {', '.join(stale + extra)}. Run: python -m dashboard.build",
                file=sys.stderr,
            )
            return 1
        print("data/clean is up to date.")
        return 0
    write_atomically(files, target)
    print(f"Wrote {len(files)} files to {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
