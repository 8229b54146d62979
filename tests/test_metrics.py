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


def test_a_third_edition_is_a_data_change(synthetic_data):
    ds = load_clean(synthetic_data)
    assert ds.edition_ids == [2024, 2025, 2030]
    h = metrics.headline(ds)
    r = _row(h, edition=2030, metric="countries_and_regions")
    assert (r.value, r.previous_edition, r.change) == (60, 2025, 9)
    c = _row(metrics.coverage(ds), edition=2030, metric="countries_and_regions")
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
    assert asean.acronym == "" and asean.name_zh == "东盟秘书处"
    empty, none = metrics.named_organizations(dataset, 1999)
    assert empty.empty and none == []
    orgs = dataset.organizations.copy()
    orgs.loc[orgs.code == "IOM", "acronym"] = pd.NA  # a missing acronym: the name stands alone
    table, _ = metrics.named_organizations(dataclasses.replace(dataset, organizations=orgs), 2025)
    assert list(table.acronym) == ["", "UNHCR", "UNODC"]
