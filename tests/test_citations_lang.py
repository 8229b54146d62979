"""Chinese-first citations (issue 18 item 5), on a fixture registry with known answers: for a Chinese
reader a Chinese-language original that supports the claim is cited first, then the other originals
in their usual order; press releases, rewrites and aggregators never ahead of an original; mirrors
only when nothing else supports the claim; English readers keep the order they had."""

from __future__ import annotations

from dataclasses import replace

import pytest

from dashboard import citations
from dashboard.summary.model import Refs

ROWS = [
    # id, language, kind, subkind, supports, published
    ("en_official", "en", "official", "official", "participation|figures", "2025-10-14"),
    ("fr_official", "fr", "official", "official", "participation|figures", "2025-09-18"),
    ("zh_news", "zh", "news", "news", "participation|figures", "2025-09-18"),
    ("de_rewrite", "de", "other", "secondary_rewrite", "participation|figures", "2025-10-10"),
    ("zh_mirror", "zh", "mirror", "mirror", "participation|figures", "2025-09-18"),
    ("zh_name_only", "zh", "news", "news", "name_or_title", "2025-07-30"),
]


@pytest.fixture
def registry(dataset):
    base = dataset.sources.iloc[[0] * len(ROWS)].reset_index(drop=True).copy()
    for col, values in zip(("id", "language", "kind", "subkind", "supports", "published"), zip(*ROWS)):
        base[col] = list(values)
    return replace(dataset, sources=base)


ALL = "|".join(r[0] for r in ROWS)


def test_english_readers_keep_the_usual_order(registry):
    assert citations.strongest(registry, ALL, "participation") == ["en_official", "fr_official", "zh_news"]
    assert citations.strongest(registry, ALL, "participation", lang="en") == ["en_official", "fr_official", "zh_news"]


def test_chinese_readers_get_the_chinese_original_first(registry):
    assert citations.strongest(registry, ALL, "participation", lang="zh") == ["zh_news", "en_official", "fr_official"]


def test_a_rewrite_site_never_goes_ahead_of_an_original(registry):
    for lang in ("en", "zh"):
        assert citations.strongest(registry, "de_rewrite|en_official", "participation", lang=lang) == [
            "en_official",
            "de_rewrite",
        ]
    # a Chinese mirror is not a Chinese original: it is cited only when nothing else supports the claim
    assert citations.strongest(registry, "zh_mirror|de_rewrite", "participation", lang="zh") == ["de_rewrite"]
    assert citations.strongest(registry, "zh_mirror", "participation", lang="zh") == ["zh_mirror"]


def test_a_name_only_source_is_never_evidence_of_attendance(registry):
    assert "zh_name_only" not in citations.strongest(registry, ALL, "participation", lang="zh", limit=None)
    assert citations.strongest(registry, ALL, "name_or_title", lang="zh") == ["zh_name_only"]


def test_refs_number_in_the_readers_order(registry):
    zh = Refs(registry, "zh")
    assert zh.cite("en_official|zh_news") == "[1][2]" and zh.order == ["zh_news", "en_official"]
    en = Refs(registry, "en")
    assert en.cite("en_official|zh_news") == "[1][2]" and en.order == ["en_official", "zh_news"]
    # several claims in one mark: numbers sorted, the first group's sources numbered first
    both = Refs(registry, "zh")
    assert both.cite_groups((("zh_name_only",), "name_or_title"), (("de_rewrite", "en_official"), "participation")) == (
        "[1][2][3]"
    )
    assert both.order == ["zh_name_only", "en_official", "de_rewrite"]


def test_chinese_labels_use_written_language_names(registry):
    label = citations.label(registry, "en_official", lang="zh")
    assert "（英文，2025年10月14日）" in label and "英语" not in label
