"""The registration-list importer end to end (read, then validate) on a corpus of real-world-shaped
and hostile files, plus fuzzing. Each concern also has its own file: test_registrations_reading.py,
test_registrations_validation.py, test_registrations_merge.py."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard import registrations as R

CORPUS = FIXTURES / "registrations"
EXPECTED = yaml.safe_load((CORPUS / "expected.yaml").read_text(encoding="utf-8"))


def run(path: Path, index, editions=(2024, 2025), edition: int | None = None):
    return R.validate(
        R.read_file(path.read_bytes(), path.name, lang="en"),
        path.name,
        index,
        list(editions),
        edition=edition,
        lang="en",
    )


def test_every_corpus_file_has_an_expectation():
    files = {p.name for p in CORPUS.iterdir() if p.suffix in (".csv", ".xlsx", ".xls")}
    assert files == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_corpus_file(name, index):
    exp = EXPECTED[name]
    path = CORPUS / name
    if "refused" in exp:
        with pytest.raises(R.FileRefused) as exc:
            run(path, index)
        assert exp["refused"] in str(exc.value)
        assert name in str(exc.value)
        return
    report = run(path, index, edition=exp.get("edition"))
    for col in ("organization", "full_name", "role", "mode", "seniority"):  # where the case checks it
        if col in exp:
            assert list(report.table[col]) == exp[col]
    if "editions" in exp:
        assert list(report.table.edition) == exp["editions"]
    for note in exp.get("notes", []):
        assert any(note in n for n in report.notes), report.notes
    if "ok" in exp:
        assert report.issues == [], [str(i) for i in report.issues]
        assert len(report.table) == exp["ok"]
        assert list(report.table.code) == exp["codes"]
        return
    if "codes" in exp:
        assert list(report.table.code) == exp["codes"]
    got = [(i.row, i.column, i.message) for i in report.issues]
    assert len(got) == len(exp["issues"]), got
    for (row, col, text), (grow, gcol, gmsg) in zip(exp["issues"], got):
        assert (row, col) == (grow, gcol) and text in gmsg, (row, col, text, got)
    assert len(report.table) == exp["valid"]


def test_unknown_country_suggests_the_closest(index):
    report = run(CORPUS / "unknown_country.csv", index)
    assert report.unresolved_names() == {"Solomon Islnds": report.issues[0].suggestions}
    assert report.issues[0].suggestions[0] == "Solomon Islands (SLB)"


def test_resolution_is_applied(index):
    path = CORPUS / "unknown_country.csv"
    choice = index.choices()["Solomon Islands (SLB)"]
    report = R.validate(R.read_file(path.read_bytes(), path.name), path.name, index, [2025], {"Solomon Islnds": choice})
    assert report.ok and set(report.table.code) == {"SLB", "PER"}


def test_merged_cells_fill_every_row(index):
    report = run(CORPUS / "xlsx_title_rows_merged.xlsx", index)
    assert report.table.row.tolist() == [5, 6, 7]  # rows as the user sees them in Excel


def test_too_large_is_refused():
    with pytest.raises(R.FileRefused, match="larger than 5 MB"):
        R.read_file(b"x" * (R.MAX_BYTES + 1), "big.csv")


# --- fuzzing: whatever the bytes, the importer answers with rows, issues or a refusal ---


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=3000))
def test_fuzz_bytes_never_crash(index, data):
    try:
        df = R.read_file(data, "fuzz.csv")
    except R.FileRefused:
        return
    R.validate(df, "fuzz.csv", index, [2024, 2025])


cell = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=20)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.lists(cell, min_size=7, max_size=7), max_size=12),
    st.sampled_from([",", ";", "\t"]),
    st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "gb18030"]),
)
def test_fuzz_tables_never_crash(index, rows, sep, encoding):
    import csv
    import io

    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=sep)
    writer.writerow(R.COLUMNS)
    writer.writerows(rows)
    try:
        data = buf.getvalue().encode(encoding)
    except UnicodeEncodeError:
        return
    try:
        df = R.read_file(data, "fuzz.csv")
    except R.FileRefused:
        return
    report = R.validate(df, "fuzz.csv", index, [2024, 2025])
    for i in report.issues:
        assert i.row >= 2 and i.column in R.COLUMNS
    for row in report.table.itertuples():
        for v in (row.full_name, row.organization, row.delegation):
            assert not v.startswith(("=", "@")), v
            assert not v.startswith(("+", "-")) or re.fullmatch(r"[+-]?\d+(\.\d+)?", v), v
            assert not R.MARKUP.search(v), v
