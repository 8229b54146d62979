"""Metrics: headline figures, changes, coverage and conflicts, for any number of editions."""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest

from dashboard import metrics
from dashboard.dataset import load_clean


def _row(df, **kw):
    for k, v in kw.items():
        df = df[df[k] == v]
    assert len(df) == 1, kw
    return df.iloc[0]


# Known answers: the fixture dataset (tests/fixtures/synthetic/2098.yaml and 2099.yaml). The same
# checks on the real data (57 and 51 countries and regions…) are in tests/test_real_data.py.


def test_headline_is_the_preferred_source(fixture_ds):
    h = metrics.headline(fixture_ds)
    assert _row(h, edition=2098, metric="attendees")[["value", "qualifier"]].tolist() == [200, "exact"]
    assert _row(h, edition=2099, metric="attendees")[["value", "qualifier"]].tolist() == [280, "about"]
    # 2098: 40 in the preferred source, 42 in the news item
    assert _row(h, edition=2098, metric="countries_and_regions").value == 40
    assert _row(h, edition=2099, metric="countries_and_regions").value == 60
    assert _row(h, edition=2098, metric="international_organizations").value == 4
    assert _row(h, edition=2099, metric="international_organizations").value == 7


def test_changes_from_previous_edition(fixture_ds):
    h = metrics.headline(fixture_ds)
    first = _row(h, edition=2098, metric="countries_and_regions")
    assert pd.isna(first.previous_edition) and pd.isna(first.change)
    r = _row(h, edition=2099, metric="countries_and_regions")
    assert (r.change, r.relative_change, r.change_is_approximate) == (20, 0.5, False)
    a = _row(h, edition=2099, metric="attendees")
    assert a.change == 80 and a.change_is_approximate  # "200" -> "about 280"


def test_named_speakers_are_identified_not_reported(fixture_ds):
    h = metrics.headline(fixture_ds)
    s1, s2 = _row(h, edition=2098, metric="named_speakers"), _row(h, edition=2099, metric="named_speakers")
    assert (s1.value, s1.basis, s2.value, s2.basis) == (2, "identified", 1, "identified")


def test_coverage(fixture_ds):
    c = metrics.coverage(fixture_ds)
    r = _row(c, edition=2098, metric="countries_and_regions")
    assert (r.identified, r.reported, r.unidentified) == (3, 40, 37)
    # 2099 names 4 participants and a speaker from a fifth country (Maldives)
    r = _row(c, edition=2099, metric="countries_and_regions")
    assert (r.identified, r.reported, r.unidentified) == (5, 60, 55)
    r = _row(c, edition=2099, metric="international_organizations")
    assert (r.identified, r.reported, r.unidentified) == (2, 7, 5)
    assert not c.list_complete.any()


def test_conflicts_both_kept_with_sources(fixture_ds):
    c = metrics.figure_conflicts(fixture_ds, 2098)
    assert set(c.metric) == {"countries_and_regions"} and set(c.value) == {40, 42}
    assert _row(c, value=40).is_preferred and _row(c, value=40).source_ids == "synthetic_test_source"
    assert not _row(c, value=42).is_preferred and _row(c, value=42).source_ids == "synthetic_test_news"
    assert metrics.figure_conflicts(fixture_ds, 2099).empty


def test_a_third_edition_is_a_data_change(synthetic_data):
    ds = load_clean(synthetic_data)
    assert ds.edition_ids == [2024, 2025, 2099]
    h = metrics.headline(ds)
    r = _row(h, edition=2099, metric="countries_and_regions")
    assert (r.value, r.previous_edition, r.change) == (60, 2025, 9)
    c = _row(metrics.coverage(ds), edition=2099, metric="countries_and_regions")
    assert (c.identified, c.reported) == (5, 60)  # China, Singapore, Brazil, Tuvalu + the speaker's Maldives


@pytest.mark.parametrize("edition, expected", [(2024, None), (2025, 2024)])
def test_previous_edition(dataset, edition, expected):
    assert metrics.previous_edition(dataset, edition) == expected


def test_overlap_wording_partial_vs_complete(dataset):
    from dataclasses import replace

    partial = metrics.overlap_labelled(dataset, 2024, 2025, "country_or_region", lang="en")
    assert not partial.complete.any()
    assert set(partial.status_label) == {
        "Named in 2024 and 2025 sources",
        "Named in 2024 sources, not named in 2025 sources",
        "Named in 2025 sources, not named in 2024 sources",
    }
    complete_eds = dataset.editions.assign(participant_list_complete=True)
    complete = metrics.overlap_labelled(
        replace(dataset, editions=complete_eds), 2024, 2025, "country_or_region", lang="en"
    )
    assert complete.complete.all()
    assert set(complete.status_label) == {"Took part in both", "Only in 2024 (did not return)", "New in 2025"}
    # same classification, only the words change
    assert partial.status.tolist() == complete.status.tolist()


def test_one_complete_list_is_not_enough_for_firm_words(dataset):
    from dataclasses import replace

    one = dataset.editions.assign(participant_list_complete=dataset.editions.edition == 2025)
    assert not metrics.overlap(replace(dataset, editions=one), 2024, 2025, "country_or_region").complete.any()


def test_named_organizations_are_the_same_for_both_summaries(dataset):
    """One list for the English and the Chinese summary: code order, an acronym that only repeats
    the name blanked (never 'ASEAN Secretariat ()'), and the sources that name them."""
    table, sources = metrics.named_organizations(dataset, 2025)
    assert list(table.code) == ["IOM", "UNHCR", "UNODC"]
    assert list(table.acronym) == ["IOM", "UNHCR", "UNODC"]
    assert "nia_en_2025_chair" in sources and sources == sorted(set(sources))
    table, _ = metrics.named_organizations(dataset, 2024)
    asean = table.set_index("code").loc["ASEAN"]
    assert asean.acronym == "" and asean.name_zh == "东南亚国家联盟秘书处"  # the official full name
    empty, none = metrics.named_organizations(dataset, 1999)
    assert empty.empty and none == []
    orgs = dataset.organizations.copy()
    orgs.loc[orgs.code == "IOM", "acronym"] = pd.NA  # a missing acronym: the name stands alone
    table, _ = metrics.named_organizations(dataclasses.replace(dataset, organizations=orgs), 2025)
    assert list(table.acronym) == ["", "UNHCR", "UNODC"]
