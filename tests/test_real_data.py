"""Data tests: the real data in data/clean says what the sources say.

Unit tests run on fixtures with known answers (tests/fixtures/synthetic/, the ``fixture_data``
dataset of tests/conftest.py); the checks that can only be made on the real data — the figures of
the chair's statements (57 and 51 countries and regions, "about 300" and "more than 240"
attendees), the 2025 conflicts kept with both sources, the coverage of the public sources, how the
pages and the press summary show them — live here, in one module. They change when the data
changes (a corrected transcription, a new source), and only then.
"""

from __future__ import annotations

import pandas as pd
import pytest
import test_page_overview as overview_page
import test_pages as pages
from conftest import REPO
from streamlit.testing.v1 import AppTest

from dashboard import metrics


def _pick(df, **kw):
    for k, v in kw.items():
        df = df[df[k] == v]
    assert len(df) == 1, kw
    return df.iloc[0]


_row = _pick  # as in tests/test_metrics.py
run, metric_values = overview_page.run, overview_page.metric_values
open_page, text, chart_specs, _visible = pages.open_page, pages.text, pages.chart_specs, pages._visible


@pytest.fixture(autouse=True)
def _repo_data(monkeypatch):
    monkeypatch.delenv("DASHBOARD_DATA_DIR", raising=False)


# --- metrics (from tests/test_metrics.py) ----------------------------------------------------


def test_headline_equals_the_chairs_statements(dataset):
    h = metrics.headline(dataset)
    assert (_row(h, edition=2024, metric="attendees")[["value", "qualifier"]].tolist()) == [300, "about"]
    assert (_row(h, edition=2025, metric="attendees")[["value", "qualifier"]].tolist()) == [240, "more_than"]
    assert _row(h, edition=2024, metric="countries_and_regions").value == 57
    assert _row(h, edition=2025, metric="countries_and_regions").value == 51
    assert _row(h, edition=2024, metric="international_organizations").value == 6
    assert _row(h, edition=2025, metric="international_organizations").value == 5


def test_changes_from_previous_edition(dataset):
    h = metrics.headline(dataset)
    first = _row(h, edition=2024, metric="countries_and_regions")
    assert pd.isna(first.previous_edition) and pd.isna(first.change)
    r = _row(h, edition=2025, metric="countries_and_regions")
    assert (r.change, round(r.relative_change, 4), r.change_is_approximate) == (-6, round(-6 / 57, 4), False)
    a = _row(h, edition=2025, metric="attendees")
    assert a.change == -60 and a.change_is_approximate  # "about 300" -> "more than 240"


def test_named_speakers_are_identified_not_reported(dataset):
    h = metrics.headline(dataset)
    s24, s25 = _row(h, edition=2024, metric="named_speakers"), _row(h, edition=2025, metric="named_speakers")
    assert (s24.value, s24.basis) == (8, "identified")  # the Iranian speaker's name is cut off: not counted
    assert s25.value == 13


def test_coverage(dataset):
    c = metrics.coverage(dataset)
    r = _row(c, edition=2024, metric="countries_and_regions")
    assert (r.identified, r.reported, r.unidentified) == (10, 57, 47)
    r = _row(c, edition=2025, metric="countries_and_regions")
    assert (r.identified, r.reported, r.unidentified) == (13, 51, 38)
    r = _row(c, edition=2025, metric="international_organizations")
    assert (r.identified, r.reported, r.unidentified) == (3, 5, 2)
    assert not c.list_complete.any()


def test_conflicts_2025_both_kept_with_sources(dataset):
    c = metrics.figure_conflicts(dataset, 2025)
    countries = c[c.metric == "countries_and_regions"]
    assert set(countries.value) == {50, 51}
    assert _row(countries, value=51).is_preferred and "nia_en_2025_chair" in _row(countries, value=51).source_ids
    assert "nia_en_2025_news" in _row(countries, value=50).source_ids
    attendees = c[c.metric == "attendees"]
    assert set(attendees.qualifier) == {"more_than", "approximately"}
    assert _row(attendees, qualifier="approximately").source_ids == "nia_en_2025_news"


def test_no_conflict_when_sources_only_differ_in_wording(dataset):
    """2024: 'about' and 'approximately' 300 say the same thing."""
    assert metrics.figure_conflicts(dataset, 2024).empty


# --- the Overview page (from tests/test_page_overview.py) ------------------------------------


def test_default_is_latest_edition_with_changes():
    at = run()
    m = metric_values(at)
    assert m["Attendees"][0] == ">240" and "−60 vs 2024 (about 300)" in m["Attendees"][1]
    assert m["Countries and regions"] == ("51", "−6 vs 2024 (57)")
    assert m["International organizations"] == ("5", "−1 vs 2024 (6)")
    assert m["Named speakers"][0] == "13"
    captions = " ".join(c.value for c in at.caption)
    assert "**more than 240**" in captions
    text = " ".join(md.value for md in at.markdown)
    assert "13 of 51 countries and regions named in public sources." in text
    assert "3 of 5 international organizations named in public sources." in text


def test_conflicts_are_shown_with_both_sources():
    at = run()
    text = " ".join(md.value for md in at.markdown)
    assert "**51** — **preferred**" in text and "**50**:" in text
    assert "**approximately 240**" in text
    assert "en.nia.gov.cn/n147413/c185264" in text  # the NIA news item that says 50
    assert "thepaper.cn" in text


def test_edition_from_url():
    at = run({"edition": "2024"})
    m = metric_values(at)
    assert m["Attendees"][0] == "≈300" and m["Countries and regions"] == ("57", "")
    text = " ".join(md.value for md in at.markdown)
    assert "10 of 57 countries and regions named in public sources." in text


def test_unknown_edition_in_url_falls_back():
    at = run({"edition": "1999"})
    assert metric_values(at)["Countries and regions"][0] == "51"


def test_selecting_an_edition_updates_the_url():
    at = run()
    at.selectbox(key="url_edition").select(2024).run()
    assert at.query_params["edition"] == ["2024"] or at.query_params["edition"] == "2024"
    assert metric_values(at)["Countries and regions"][0] == "57"


# --- other pages (from tests/test_pages.py) ----------------------------------------------------


def test_year_over_year_defaults_and_honest_wording():
    at = open_page("pages/1_Year_over_year.py")
    t = text(at)
    assert "Named in 2024 sources, not named in 2025 sources" in t
    assert "Named in 2025 sources, not named in 2024 sources" in t
    for word in ("dropped", "Dropped", "New in", "did not return"):
        assert word not in t
    table = at.dataframe[0].value
    assert table.iloc[0].tolist()[:5] == [
        "Attendees",
        "about 300",
        "more than 240 (another source: approximately 240)",
        "about −60",
        "about −20%",
    ]
    assert table.iloc[1].tolist()[:5] == ["Countries and regions", "57", "51 (another source: 50)", "−6", "−11%"]
    # a count of what the sources name: both counts, no change, no percentage
    assert table.iloc[3].tolist()[:5] == ["Named speakers", "8 named in sources", "13 named in sources", "—", "—"]
    roles = chart_specs(at)[0]
    assert [tr["type"] for tr in roles["data"]] == ["bar", "bar"]


def test_countries_chart_values_and_remainder():
    at = open_page("pages/2_Countries_and_regions.py", {"editions": "2025"})
    spec = chart_specs(at)[0]
    values = dict(zip([y.replace("<br>", " ") for y in spec["data"][0]["y"]], spec["data"][0]["x"]))
    assert values["Asia"] == 6 and values["Not named in public sources"] == 38


def test_organizations_unnamed_slots():
    at = open_page("pages/3_Organizations.py")
    assert "2 of 5 international organizations not named in public sources." in text(at)


def test_sources_page_lists_sources_conflicts_and_package():
    at = open_page("pages/6_Sources.py")
    frames = [d.value for d in at.dataframe]
    sources = next(f for f in frames if "Publisher" in f.columns)
    assert len(sources) == 51 and sources["Records citing it"].iloc[0] > 0
    assert any(len(f) == 11 and "Issue" in f.columns for f in frames)  # C1–C11
    labels = [b.label for b in at.get("download_button")]
    assert any("data package" in lab for lab in labels)
    assert "preferred: official chair's statement" in text(at)
    assert "by default based on China's standard map GS(2023)2767" in text(at)  # which map, and its source


def test_press_page_summary_and_downloads():
    at = open_page("pages/7_Press.py", {"mode": "compare", "a": "2024", "b": "2025"})
    assert not at.code  # the Markdown to copy is sent only when its expander is opened
    at.session_state["summary-markdown"] = True
    at.run()
    markdown = at.code[0].value  # the Markdown to copy (the rendered text is Markdown-escaped)
    assert "Countries and regions: 57 in 2024, 51 in 2025 (6 fewer)" in markdown
    assert r"51 in 2025 \(6 fewer\)" in text(at)
    labels = [b.label for b in at.get("download_button")]
    assert "Download summary (Markdown)" in labels


def test_organizations_edition_filter_from_url():
    at = open_page("pages/3_Organizations.py", {"editions": "2025"})
    t = text(at)
    assert "2 of 5 international organizations not named" in t and "all 6 international organizations" not in t
    spec = chart_specs(at)[1]  # the matrix: one edition column
    assert {x for tr in spec["data"] for x in tr["x"]} == {"2025"}


def test_overview_shows_no_internal_id_and_named_speakers_have_no_change():
    at = open_page("app.py") if False else AppTest.from_file(str(REPO / "app.py"), default_timeout=60).run()
    from dashboard.dataset import load_clean

    ids = set(load_clean(REPO / "data").sources.id)
    seen = _visible(at)
    assert [i for i in ids if i in seen] == []
    named = next(m for m in at.get("metric") if m.label == "Named speakers")
    assert not named.proto.delta  # a count of names: no arrow, no percentage
    assert "2024: 8 named in sources" in text(at)
