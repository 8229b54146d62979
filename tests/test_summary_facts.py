"""One builder of the facts, one renderer per language: known answers on a small fixture.

The fixture is the real data cut down to a world whose every answer is written here: three
countries named (China, Hungary in both editions; Peru in 2025 only), one organization (IOM, 2025),
reported figures 100 → about 120 attendees and 10 → 12 countries and regions (another source: 11),
2 organizations in 2025, nobody named as a speaker.
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import pytest

from dashboard import comparison, summary
from dashboard.summary import facts

C24, C25 = "nia_en_2024_chair", "nia_en_2025_chair"
OTHER25 = "nia_en_2025_news"


@pytest.fixture(scope="module")
def small(dataset):
    p = dataset.participation
    keep = [(2024, "CHN"), (2024, "HUN"), (2025, "CHN"), (2025, "HUN"), (2025, "PER"), (2025, "IOM")]
    rows = []
    for ed, code in keep:
        r = p[(p.edition == ed) & (p.code == code)].iloc[0].copy()
        r["source_ids"] = C24 if ed == 2024 else C25
        rows.append(r)
    participation = pd.DataFrame(rows).reset_index(drop=True)
    rf = dataset.reported_figures
    base = rf[(rf.scope == "sub_forum") & rf.source_id.isin([C24, C25])].iloc[0]

    def fig(ed, metric, value, qualifier, source, preferred):
        return {
            **base.to_dict(),
            "edition": ed,
            "metric": metric,
            "value": value,
            "qualifier": qualifier,
            "source_id": source,
            "is_preferred": preferred,
            "as_written": str(value),
            "note": "",
        }

    figures = pd.DataFrame(
        [
            fig(2024, "attendees", 100, "exact", C24, True),
            fig(2024, "countries_and_regions", 10, "exact", C24, True),
            fig(2025, "attendees", 120, "about", C25, True),
            fig(2025, "countries_and_regions", 12, "exact", C25, True),
            fig(2025, "countries_and_regions", 11, "exact", OTHER25, False),
            fig(2025, "international_organizations", 2, "exact", C25, True),
        ]
    ).astype(rf.dtypes.to_dict())
    return replace(
        dataset,
        participation=participation,
        reported_figures=figures,
        people=dataset.people.iloc[0:0],
        conflicts=dataset.conflicts.iloc[0:0],
    )


def test_edition_facts_are_plain_data_with_known_answers(small):
    f = facts.edition_facts(small, 2025)
    assert [(x.metric, x.value, x.qualifier, x.source_id) for x in f.figures] == [
        ("attendees", 120, "about", C25),
        ("countries_and_regions", 12, "exact", C25),
        ("international_organizations", 2, "exact", C25),
    ]
    [conflict] = f.conflicts
    assert (conflict.metric, conflict.value, conflict.preferred.value, conflict.preferred.source_id) == (
        "countries_and_regions",
        11,
        12,
        C25,
    )
    assert f.coverage.identified == 3 and f.coverage.reported == 12 and not f.coverage.complete
    assert sorted(p["code"] for p in f.coverage.participants) == ["CHN", "HUN", "PER"]
    assert (f.organizations.identified, f.organizations.reported, f.organizations.unidentified) == (1, 2, 1)
    assert f.speakers == () and f.plenary is None


def test_comparison_facts_use_the_one_rule(small):
    f = facts.comparison_facts(small, 2024, 2025)
    changes = {c.metric: c.comparison for c in f.changes}
    assert set(changes) == {"attendees", "countries_and_regions"}  # no 2024 organizations figure: no change
    assert (changes["attendees"].kind, changes["attendees"].delta) == (comparison.APPROXIMATE, 20)
    assert (changes["countries_and_regions"].kind, changes["countries_and_regions"].delta) == (comparison.EXACT, 2)
    assert changes["countries_and_regions"].later.others == ((11, "exact", (OTHER25,)),)
    assert [b["code"] for b in f.both] == ["CHN", "HUN"] and not f.complete


def test_english_renderer(small):
    s = summary.edition_summary(small, 2025, "en")
    text = " ".join(s.paragraphs)
    assert "about 120 attendees took part, from 12 countries and regions and 2 international organizations [1]" in text
    assert "Other sources give 11 countries and regions [2]; this summary uses 12 from" in text
    assert "Public sources name 3 of the 12 countries and regions: China, Hungary, and Peru [1]." in text
    assert "One of the 2 international organizations is named: International Organization for Migration (IOM)" in text
    assert len(s.paragraphs) == 3  # nobody named as a speaker: no speakers paragraph
    assert s.refs.order == [C25, OTHER25]
    c = " ".join(summary.comparison_summary(small, 2024, 2025, "en").paragraphs)
    assert "Attendees: 100 in 2024, about 120 in 2025 [1][2]: about 20 more (+20%), an approximate change" in c
    assert "Countries and regions: 10 in 2024, 12 in 2025 (2 more) [1][2]." in c
    assert "For 2025, other sources give 11 countries and regions [3]." in c
    assert "In the sources of both editions, two countries and regions are named: China and Hungary [1][2]." in c


def test_chinese_renderer_states_the_same_facts(small):
    text = "".join(summary.edition_summary(small, 2025, "zh").paragraphs)
    assert "来自12个国家和地区和2个国际组织的约120人参加分论坛[1]" in text
    assert "另有来源报道为11个国家和地区[3]，本文采用本届分论坛主席声明的数字（12个国家和地区）" in text
    assert "在12个国家和地区中，公开来源点名了3个：中国、匈牙利和秘鲁[1]" in text
    c = "".join(summary.comparison_summary(small, 2024, 2025, "zh").paragraphs)
    assert "参会人数：2024年100人，2025年约120人[1][2]，约增加20人（约+20%）；因数字为约数，变化仅为近似值。" in c
    assert "参会国家和地区：2024年10个国家和地区，2025年12个国家和地区[1][2]，增加2个（+20%）。" in c
    assert "两届分论坛的公开来源均点名了2个国家和地区：中国和匈牙利" in c


def test_a_language_without_its_own_renderer_uses_the_catalogue_templates_and_babel(small):
    """French (no catalogue here, no renderer): the English templates (untranslated, so English) with
    French Babel formatting: no logic is needed for a new language."""
    text = " ".join(summary.edition_summary(small, 2025, "fr").paragraphs)
    assert "China, Hungary et Peru" in text  # CLDR's French list pattern
    assert "17\u201318 sept. 2025" in text  # CLDR's French date interval
    md = summary.to_markdown(small, summary.edition_summary(small, 2025, "fr"), "fr")
    assert md.startswith("# The second Sub-Forum")


def test_the_summary_does_not_follow_the_run_language(small):
    from dashboard.i18n import language

    with language("zh"):
        en = summary.edition_summary.uncached(small, 2025, "en")
    assert en.paragraphs == summary.edition_summary.uncached(small, 2025, "en").paragraphs
    assert not any("\u4e00" <= ch <= "\u9fff" for ch in " ".join(en.paragraphs))
