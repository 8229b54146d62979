"""Press summaries: every number and qualifier right, each claim referenced, forbidden claims absent."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from dashboard import summary

FORBIDDEN = [r"\bdropped\b", r"\bnew (countr|participant|member)", r"\breturn(ed|ing)\b", r"\bnewcomer",
             r"(?<!more than )(?<!approximately )\b240 attendees", r"\bdid not (attend|return)"]


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
    s = summary.edition_summary(dataset, 2024)
    check_common(s)
    text = " ".join(s.paragraphs)
    assert "first Sub-Forum" in text and "Suzhou, Jiangsu Province" in text and "9–10 September 2024" in text
    assert "about 300 attendees took part, from 57 countries and regions and 6 international organizations [1]" in text
    assert s.refs.order[0] == "nia_en_2024_chair"
    assert "Public sources name 10 of the 57 countries and regions" in text
    assert "Xu Ganlu" in text and "opening speech" in text


def test_2025_keeps_qualifier_and_mentions_conflicts(dataset):
    s = summary.edition_summary(dataset, 2025)
    check_common(s)
    text = " ".join(s.paragraphs)
    assert "more than 240 attendees took part, from 51 countries and regions and 5 international organizations [1]" \
        in text
    assert "Other sources give 50 countries and regions" in text
    assert "approximately 240 attendees" in text
    assert "Public sources name 13 of the 51 countries and regions" in text
    assert "Hong Kong SAR, China;" in text  # semicolons when a name holds a comma
    assert "Three of the 5 international organizations are named" in text
    assert "Wang Zhizhong" in text and "keynote" in text


def test_comparison_is_honest(dataset):
    s = summary.comparison_summary(dataset, 2024, 2025)
    check_common(s)
    text = " ".join(s.paragraphs)
    assert "Attendees: about 300 in 2024, more than 240 in 2025" in text
    assert "no exact change can be given" in text
    assert "Countries and regions: 57 in 2024, 51 in 2025 (6 fewer)" in text
    assert "China, Hungary, Russia and Solomon Islands" in text
    assert "do not show which countries and regions took part in only one of them" in text


def test_markdown_lists_numbered_sources(dataset):
    s = summary.edition_summary(dataset, 2025)
    md = summary.to_markdown(dataset, s, dt.date(2026, 11, 27))
    assert md.startswith("# The second Sub-Forum")
    assert "1. National Immigration Administration of China (English site): “Chair's Statement" in md
    assert "<https://en.nia.gov.cn/n147413/c185410/content.html>" in md
    assert "on 2026-11-27" in md


@pytest.mark.parametrize("edition", [2030])
def test_synthetic_edition(synthetic_data, edition):
    from dashboard.dataset import load_clean

    ds = load_clean(synthetic_data)
    s = summary.edition_summary(ds, edition)
    check_common(s)
    assert "third Sub-Forum" in " ".join(s.paragraphs)
