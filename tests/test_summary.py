"""Press summaries: every number and qualifier right, each claim referenced, forbidden claims absent."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from dashboard import summary

FORBIDDEN = [
    r"\bdropped\b",
    r"\bnew (countr|participant|member)",
    r"\breturn(ed|ing)\b",
    r"\bnewcomer",
    r"(?<!more than )(?<!approximately )\b240 attendees",
    r"\bdid not (attend|return)",
]


def sentences(paragraphs: list[str]) -> list[str]:
    return [s for p in paragraphs for s in re.split(r"(?<=\.)\s+(?=[A-Z])", p) if s.strip()]


def check_common(s: summary.Summary) -> None:
    text = " ".join(s.paragraphs)
    for pattern in FORBIDDEN:
        assert not re.search(pattern, text), pattern
    # every sentence that states a number carries a reference
    for sent in sentences(s.paragraphs):
        if re.search(r"\d", re.sub(r"\[\d+\]", "", sent)):
            assert re.search(r"\[\d+\]", sent), sent
    # every reference number resolves to a source
    used = {int(n) for n in re.findall(r"\[(\d+)\]", text)}
    assert used == set(range(1, len(s.refs.order) + 1))


def test_2024(dataset):
    s = summary.edition_summary(dataset, 2024, lang="en")
    check_common(s)
    text = " ".join(s.paragraphs)
    assert (
        "first Sub-Forum" in text and "Suzhou, Jiangsu Province" in text and "Sep 9\u2009–\u200910, 2024" in text
    )  # Babel (CLDR) date interval
    assert "about 300 attendees took part, from 57 countries and regions and 6 international organizations [1]" in text
    assert s.refs.order[0] == "nia_en_2024_chair"
    assert "Public sources name 10 of the 57 countries and regions" in text
    assert "Xu Ganlu" in text and "opening speech" in text


def test_2025_keeps_qualifier_and_mentions_conflicts(dataset):
    s = summary.edition_summary(dataset, 2025, lang="en")
    check_common(s)
    text = " ".join(s.paragraphs)
    assert (
        "more than 240 attendees took part, from 51 countries and regions and 5 international organizations [1]" in text
    )
    assert "Other sources give 50 countries and regions" in text
    assert "approximately 240 attendees" in text
    assert "Public sources name 13 of the 51 countries and regions" in text
    assert "Hong Kong SAR, China;" in text  # semicolons when a name holds a comma
    assert "Three of the 5 international organizations are named" in text
    assert "Wang Zhizhong" in text and "keynote" in text


def test_comparison_is_honest(dataset):
    s = summary.comparison_summary(dataset, 2024, 2025, lang="en")
    check_common(s)
    text = " ".join(s.paragraphs)
    assert "Attendees: about 300 in 2024, more than 240 in 2025" in text
    # the same rule as Year over year: an approximate change with its basis, not "no change"
    assert "about 60 fewer (−20%), an approximate change because the figures are qualified" in text
    assert "Countries and regions: 57 in 2024, 51 in 2025 (6 fewer)" in text
    # conflicting values are shown here too
    assert "For 2025, other sources give 50 countries and regions" in text
    assert "For 2025, other sources give approximately 240 attendees" in text
    assert "China, Hungary, Russia, and Solomon Islands" in text  # Babel (CLDR) list
    assert "do not show which countries and regions took part in only one of them" in text


def test_markdown_lists_numbered_sources(dataset):
    s = summary.edition_summary(dataset, 2025, lang="en")
    md = summary.to_markdown(dataset, s, "en", dt.date(2026, 11, 27))
    assert md.startswith("# The second Sub-Forum")
    assert "1. National Immigration Administration of China, “Chair's statement, 2025”, 14 Oct 2025, English." in md
    assert "<https://en.nia.gov.cn/n147413/c185410/content.html>" in md
    assert "on November 27, 2026" in md


@pytest.mark.parametrize("edition", [2030])
def test_synthetic_edition(synthetic_data, edition):
    from dashboard.dataset import load_clean

    ds = load_clean(synthetic_data)
    s = summary.edition_summary(ds, edition, lang="en")
    check_common(s)
    assert "third Sub-Forum" in " ".join(s.paragraphs)


def _all_summaries(ds):
    eds = ds.edition_ids
    out = [summary.edition_summary(ds, e, lang="en") for e in eds]
    out += [summary.comparison_summary(ds, a, b, lang="en") for i, a in enumerate(eds) for b in eds[i + 1 :]]
    return out


def test_no_claim_cites_more_than_three_sources_and_labels_are_unique(dataset):
    from dashboard import citations

    for s in _all_summaries(dataset):
        for p in s.paragraphs:
            for group in re.findall(r"(?:\[\d+\])+", p):
                assert group.count("[") <= 3, (s.title, group)
    labels = citations.labels(dataset, lang="en")
    assert len(set(labels.values())) == len(labels)
    for lab in labels.values():
        assert "_" not in lab and ".csv" not in lab and "/" not in lab.split("\u201d")[0], lab


def test_name_or_title_sources_never_cited_as_evidence_of_participation(dataset):
    name_only = set(dataset.sources[dataset.sources.supports == "name_or_title"].id)
    assert {"pidcsec_2024_name_ref", "larepublica_garcia_chunga_name_ref", "sme_ao_2020_name_ref"} <= name_only
    for s in _all_summaries(dataset):
        assert not (set(s.refs.order) & name_only), (s.title, set(s.refs.order) & name_only)


def test_mirrors_only_when_nothing_else_and_marked(dataset):
    from dashboard import citations

    s = summary.edition_summary(dataset, 2024, lang="en")
    md = summary.to_markdown(dataset, s, "en")
    mirrors = set(dataset.sources[dataset.sources.kind == "mirror"].id)
    for sid in set(s.refs.order) & mirrors:
        assert "(mirror copy)" in citations.label(dataset, sid, lang="en")
        assert "(mirror copy)" in md
    # the 2024 headline figures come from the chair's statement, not from a mirror with a 404.php address
    assert "404.php" not in md
    assert citations.strongest(dataset, "xinhua_2024_subforum_mirror|nia_en_2024_chair", "figures") == [
        "nia_en_2024_chair"
    ]
    assert citations.strongest(dataset, "xinhua_2024_subforum_mirror", "figures") == ["xinhua_2024_subforum_mirror"]


def test_summary_wording_comes_from_the_data(dataset):
    """Which source supplied the figures and the host country are read from the data."""
    from dataclasses import replace

    eds = dataset.editions.assign(country=dataset.editions.country.where(dataset.editions.edition != 2025, "Utopia"))
    figs = dataset.reported_figures.copy()
    mask = (figs.edition == 2025) & figs.is_preferred
    figs.loc[mask, "source_id"] = "nia_en_2025_news"
    ds = replace(dataset, editions=eds, reported_figures=figs)
    text = " ".join(summary.edition_summary(ds, 2025, lang="en").paragraphs)
    assert "Jiangsu Province, Utopia, on" in text
    assert (
        "According to National Immigration Administration of China, \u201cNews item on the 2025 sub-forum\u201d" in text
    )
    assert "chair's statement" not in text.split("According to")[1].split(".")[0]
