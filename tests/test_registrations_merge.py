"""registrations.merge: what a list adds to the tables; cheap to import (every page does)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from dashboard import registrations as R
from dashboard.harmonize import AliasIndex

from conftest import FIXTURES

CORPUS = FIXTURES / "registrations"


@pytest.fixture(scope="module")
def index(dataset):
    return AliasIndex(dataset.entities, dataset.organizations)


def run(path, index, editions=(2024, 2025)):
    return R.validate(R.read_file(path.read_bytes(), path.name), path.name, index, list(editions))


def test_merge_path_imports_no_heavy_library():
    """ui/layout.py imports merge_into on every page: no opencc, rapidfuzz, openpyxl, charset-normalizer."""
    code = ("import sys; from dashboard.registrations import merge_into; import dashboard.ui.layout; "
            "print(sorted(m for m in ('opencc', 'rapidfuzz', 'openpyxl', 'charset_normalizer') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "[]"


def test_anonymise_drops_names(index):
    report = run(CORPUS / "utf8.csv", index)
    assert (R.anonymise(report.table).full_name == "").all()


def test_participation_rows_group_written_names(index):
    report = run(CORPUS / "xlsx_title_rows_merged.xlsx", index)
    rows = R.participation_rows(report.table, "upload_2025")
    assert rows[["code", "names_as_written", "how_known"]].values.tolist() == [
        ["MNG", "Mongolia", "registration_list"], ["PER", "Peru", "registration_list"]]


def test_merge_marks_the_edition_complete(dataset, index):
    from dataclasses import replace

    from dashboard import metrics
    from dashboard.tables import TABLES

    report = run(CORPUS / "utf8.csv", index)
    frames = {n: getattr(dataset, n) for n in TABLES}
    merged = replace(dataset, **R.merge_into(frames, report.table, R.source_record("upload_2025", "utf8.csv", 2025,
                                                                                    "2026-11-27", True)))
    cov = metrics.coverage(merged).set_index(["edition", "metric"])
    assert bool(cov.loc[(2025, "countries_and_regions"), "list_complete"])
    # Peru and Korea were already named in public sources; Türkiye, Lao PDR and Côte d'Ivoire are added
    assert cov.loc[(2025, "countries_and_regions"), "identified"] == 13 + 3
    f = merged.reported_figures
    assert f[(f.source_id == "upload_2025") & (f.metric == "attendees")].value.tolist() == [6]
    # the chair's statement stays the preferred value
    assert metrics.preferred_figures(merged).set_index(["edition", "metric"]).loc[
        (2025, "attendees"), "source_id"] == "nia_en_2025_chair"


