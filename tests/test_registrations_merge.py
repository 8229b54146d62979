"""registrations.merge: what a list adds to the tables; cheap to import (every page does)."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest
from conftest import FIXTURES

from dashboard import registrations as R

CORPUS = FIXTURES / "registrations"


def run(path, index, editions=(2024, 2025)):
    return R.validate(R.read_file(path.read_bytes(), path.name), path.name, index, list(editions))


def test_merge_path_imports_no_heavy_library():
    """ui/layout.py imports merge_into on every page: no opencc, rapidfuzz, openpyxl, charset-normalizer."""
    code = (
        "import sys; from dashboard.registrations import merge_into; import dashboard.ui.layout; "
        "print(sorted(m for m in ('opencc', 'rapidfuzz', 'openpyxl', 'charset_normalizer') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "[]"


def test_anonymise_drops_names(index):
    report = run(CORPUS / "utf8.csv", index)
    assert (R.anonymise(report.table).full_name == "").all()


def test_participation_rows_group_written_names(index):
    report = run(CORPUS / "xlsx_title_rows_merged.xlsx", index)
    rows = R.participation_rows(report.table, "upload_2025")
    assert rows[["code", "names_as_written", "how_known"]].values.tolist() == [
        ["MNG", "Mongolia", "registration_list"],
        ["PER", "Peru", "registration_list"],
    ]


def merged_with(dataset, table, declared, sid="upload_2025"):
    from dataclasses import replace

    from dashboard.tables import TABLES

    frames = {n: getattr(dataset, n) for n in TABLES}
    return replace(
        dataset,
        **R.merge_into(
            frames, table, R.source_record(sid, "utf8.csv", 2025, "2026-11-27", True), declared_complete=declared
        ),
    )


@pytest.mark.parametrize("declared", [False, True])
def test_a_short_list_adds_participants_only(dataset, index, declared):
    from dashboard import metrics

    report = run(CORPUS / "utf8.csv", index)
    merged = merged_with(dataset, report.table, declared)
    cov = metrics.coverage(merged).set_index(["edition", "metric"])
    assert not cov.loc[(2025, "countries_and_regions"), "list_complete"]  # 5 countries against a reported 51
    # Peru and Korea were already named in public sources; Türkiye, Lao PDR and Côte d'Ivoire are added
    assert cov.loc[(2025, "countries_and_regions"), "identified"] == 13 + 3
    assert cov.loc[(2025, "countries_and_regions"), "reported"] == 51
    # its counts are differences, never reported figures
    assert (merged.reported_figures.source_id != "upload_2025").all()
    check = R.completeness(dataset.reported_figures, report.table, 2025, declared)
    assert not check.complete and check.declared == declared
    assert {d.metric: (d.listed, d.reported) for d in check.shortfalls}["countries_and_regions"] == (5, 51)


def test_two_rows_never_make_an_edition_complete(dataset, index):
    from dashboard import metrics, summary

    table = pd.DataFrame(
        {
            "row": [2, 3],
            "edition": [2025, 2025],
            "full_name": ["", ""],
            "organization": ["", ""],
            "written_name": ["Brazil", "Peru"],
            "participant_type": ["country_or_region"] * 2,
            "code": ["BRA", "PER"],
            "delegation": ["", ""],
            "role": ["delegate"] * 2,
            "mode": ["in_person"] * 2,
        }
    )
    merged = merged_with(dataset, table, True)
    assert not bool(merged.editions.set_index("edition").loc[2025, "participant_list_complete"])
    s = summary.edition_summary(merged, 2025, lang="en")
    text = " ".join(s.paragraphs)
    assert "names all" not in text and "2 attendees" not in text
    # Brazil is what the list adds (Peru is in public sources): the list is cited as its own reference
    n = s.refs.order.index("upload_2025") + 1
    assert f"1 only in the organizer's list (Brazil) [{n}]" in text
    assert f"{n}. Organizer's registration list (2025, file: utf8.csv, loaded 27 Nov 2026)." in summary.to_markdown(
        merged, s, "en"
    )
    assert metrics.headline(merged).set_index(["edition", "metric"]).loc[(2025, "countries_and_regions"), "value"] == 51


def test_a_declared_list_consistent_with_the_totals_is_complete(dataset, index):
    """Enough distinct countries, organizations and attendees: accepted, its counts become figures of
    the organizer's list, and the chair's statement stays the preferred value."""
    from dashboard import metrics

    f = metrics.preferred_figures(dataset).set_index(["edition", "metric"])
    need = {
        m: R.merge.minimum_for(int(f.loc[(2025, m), "value"]), f.loc[(2025, m), "qualifier"])
        for m in ("countries_and_regions", "international_organizations", "attendees")
    }
    countries = list(dataset.entities.code[: need["countries_and_regions"]])
    orgs = list(dataset.organizations.code[: need["international_organizations"]])
    rows = [("country_or_region", c) for c in countries] + [("international_organization", o) for o in orgs]
    rows += [rows[0]] * max(0, need["attendees"] - len(rows))
    table = pd.DataFrame(
        {
            "row": range(2, len(rows) + 2),
            "edition": 2025,
            "full_name": "",
            "organization": "",
            "written_name": [c for _, c in rows],
            "participant_type": [p for p, _ in rows],
            "code": [c for _, c in rows],
            "delegation": "",
            "role": "delegate",
            "mode": "in_person",
        }
    )
    assert not R.completeness(dataset.reported_figures, table, 2025, False).complete  # not declared
    assert R.completeness(dataset.reported_figures, table, 2025, True).complete
    merged = merged_with(dataset, table, True)
    cov = metrics.coverage(merged).set_index(["edition", "metric"])
    assert bool(cov.loc[(2025, "countries_and_regions"), "list_complete"])
    fig = merged.reported_figures
    assert fig[(fig.source_id == "upload_2025") & (fig.metric == "attendees")].value.tolist() == [len(table)]
    assert (
        metrics.preferred_figures(merged).set_index(["edition", "metric"]).loc[(2025, "attendees"), "source_id"]
        == "nia_en_2025_chair"
    )


def test_minimum_for_each_qualifier():
    from dashboard.registrations.merge import minimum_for

    assert minimum_for(51, "exact") == 51
    assert minimum_for(240, "more_than") == 241
    assert minimum_for(300, "about") == 270 and minimum_for(300, "approximately") == 270
    assert minimum_for(50, "nearly") == 45


def test_cleaned_list_uses_matched_names(dataset, index):
    report = run(CORPUS / "utf8.csv", index)
    out = R.cleaned(report.table, dataset.entities, dataset.organizations)
    assert list(out.columns) == [
        "edition",
        "full_name",
        "organization",
        "country_or_organization",
        "delegation",
        "role",
        "mode",
    ]
    # every name as written in the cleaned list resolves to the same entity again (python -m dashboard.ingest)
    again = [index.match(n)[0].code for n in out.country_or_organization]
    assert again == list(report.table.code)
