"""The build: deterministic, up to date, every row traceable, a valid data package."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from dashboard import build
from dashboard.paths import REPO_ROOT

CLEAN = REPO_ROOT / "data" / "clean"


def test_build_is_deterministic(data_copy):
    assert build.build(data_copy) == build.build(data_copy)


def test_committed_clean_data_is_up_to_date():
    """Fails when data/raw or data/reference changed without `python -m dashboard.build`."""
    files = build.build(REPO_ROOT / "data")
    on_disk = {p.relative_to(CLEAN).as_posix() for p in CLEAN.rglob("*") if p.is_file()}
    assert on_disk == set(files), "files in data/clean differ: run python -m dashboard.build"
    stale = [name for name, data in files.items() if (CLEAN / name).read_bytes() != data]
    assert not stale, f"out of date: {stale}; run python -m dashboard.build"


def test_check_flag_reports_stale_data(data_copy, capsys):
    (data_copy / "clean" / "people.csv").write_text("stale\n", encoding="utf-8")
    assert build.main(["--data-dir", str(data_copy), "--check"]) == 1
    assert "people.csv" in capsys.readouterr().err
    assert (data_copy / "clean" / "people.csv").read_text(encoding="utf-8") == "stale\n"


def test_every_row_cites_a_known_source():
    sources = set(pd.read_csv(CLEAN / "sources.csv", dtype=str).id)
    checked = 0
    for name, col in [
        ("reported_figures", "source_id"),
        ("participation", "source_ids"),
        ("people", "source_ids"),
        ("topics", "source_id"),
        ("outcomes", "source_ids"),
        ("side_events", "source_ids"),
        ("conflicts", "source_ids"),
    ]:
        df = pd.read_csv(CLEAN / f"{name}.csv", dtype=str, keep_default_na=False)
        for value in df[col]:
            ids = value.split("|")
            assert ids and all(i in sources for i in ids), (name, value)
            checked += 1
    assert checked > 100


def test_every_source_has_url_publisher_language():
    s = pd.read_csv(CLEAN / "sources.csv", dtype=str, keep_default_na=False)
    assert (s.url.str.match(r"^https?://")).all() and (s.publisher != "").all() and (s.language != "").all()


def test_preferred_value_is_the_chairs_statement():
    f = pd.read_csv(CLEAN / "reported_figures.csv", dtype=str, keep_default_na=False)
    pref = f[(f.scope == "sub_forum") & (f.is_preferred == "true")]
    assert pref.groupby(["edition", "metric"]).size().eq(1).all()
    got = {(r.edition, r.metric): (r.value, r.qualifier, r.source_id) for r in pref.itertuples()}
    assert got[("2024", "attendees")] == ("300", "about", "nia_en_2024_chair")
    assert got[("2024", "countries_and_regions")] == ("57", "exact", "nia_en_2024_chair")
    assert got[("2024", "international_organizations")] == ("6", "exact", "nia_en_2024_chair")
    assert got[("2025", "attendees")] == ("240", "more_than", "nia_en_2025_chair")
    assert got[("2025", "countries_and_regions")] == ("51", "exact", "nia_en_2025_chair")
    assert got[("2025", "international_organizations")] == ("5", "exact", "nia_en_2025_chair")


def test_conflicting_values_are_all_kept():
    f = pd.read_csv(CLEAN / "reported_figures.csv", dtype=str, keep_default_na=False)
    c = f[(f.edition == "2025") & (f.metric == "countries_and_regions")]
    assert set(c.value) == {"50", "51"}
    assert set(c[c.value == "50"].source_id) >= {"nia_en_2025_news", "thepaper_2025_subforum"}


def test_side_events_and_parent_conference_never_count_as_participation():
    part = pd.read_csv(CLEAN / "participation.csv", dtype=str, keep_default_na=False)
    # Japan attended only the 2024 ASEAN+3 side event; Kolokoltsev (Russia) only the parent conference.
    assert "JPN" not in set(part.code)
    people = pd.read_csv(CLEAN / "people.csv", dtype=str, keep_default_na=False)
    assert people[people.name == "Vladimir Kolokoltsev"].scope.tolist() == ["parent_conference"]


def test_identified_participants_match_the_fact_sheet():
    part = pd.read_csv(CLEAN / "participation.csv", dtype=str, keep_default_na=False)
    countries = part[part.participant_type == "country_or_region"].groupby("edition").code.apply(set)
    assert countries["2024"] == {"CHN", "ECU", "RUS", "SGP", "SLB", "TZA", "AGO", "KHM", "HUN", "IRN"}
    assert countries["2025"] == {
        "CHN",
        "USA",
        "RUS",
        "MNG",
        "SLB",
        "PER",
        "HKG",
        "IDN",
        "HUN",
        "SAU",
        "CUB",
        "KOR",
        "NGA",
    }


def test_datapackage_is_valid_frictionless():
    frictionless = pytest.importorskip("frictionless")
    report = frictionless.validate(str(CLEAN / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]


def test_datapackage_describes_every_file():
    desc = json.loads((CLEAN / "datapackage.json").read_text(encoding="utf-8"))
    on_disk = {p.relative_to(CLEAN).as_posix() for p in CLEAN.rglob("*") if p.is_file()}
    assert {r["path"] for r in desc["resources"]} | {"datapackage.json"} == on_disk
    assert desc["licenses"][0]["name"] == "CC-BY-4.0"


def test_edition_columns_are_defined_once():
    """The raw edition file's schema is generated from the clean editions table's columns
    (tables.TABLES): every column but the few the build derives is a field of the same name, with the
    column's type, requiredness and description; the Dataset's tables are the table spec's."""
    import dataclasses
    import datetime as dt

    from dashboard import schema
    from dashboard.dataset import Dataset
    from dashboard.tables import DERIVED_EDITION_COLUMNS, TABLES

    columns = {f["name"]: f for f in TABLES["editions"]["fields"]}
    published = [c for c in columns if c not in DERIVED_EDITION_COLUMNS]
    file_only = ["year", "host_note", "described_as_first_source_ids"]
    assert list(schema.Edition.model_fields) == file_only + published
    for name in published:
        field = schema.Edition.model_fields[name]
        assert field.description == columns[name]["description"]
        assert field.is_required() == columns[name].get("constraints", {}).get("required", False), name
    assert schema.Edition.model_fields["start_date"].annotation is dt.date
    assert schema.Edition.model_fields["host_source_ids"].annotation == list[str]
    assert [f.name for f in dataclasses.fields(Dataset)] == list(TABLES)


def test_a_new_edition_column_is_one_line_in_the_table_spec(monkeypatch):
    """A column added to tables.TABLES becomes a field of the edition files (refused when a required
    one is missing), with no second definition to keep in step."""
    import importlib

    from pydantic import ValidationError

    from dashboard import schema, tables

    spec = tables.f("mascot", "string", "The edition's mascot.", required=True)
    monkeypatch.setitem(
        tables.TABLES, "editions", {**tables.TABLES["editions"], "fields": [*tables.TABLES["editions"]["fields"], spec]}
    )
    try:
        fresh = importlib.reload(schema)
        assert fresh.Edition.model_fields["mascot"].is_required()
        with pytest.raises(ValidationError, match="mascot"):
            fresh.Edition.model_validate({"year": 2024})
    finally:
        monkeypatch.undo()
        importlib.reload(schema)
