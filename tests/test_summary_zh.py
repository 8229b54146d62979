"""The Chinese press summaries (dashboard.summary, Chinese renderer), checked the way the English ones are: every
figure with its Chinese qualifier, dates, city, host, theme and officials as the Chinese sources
write them, conflicts, coverage caveats, every sentence with a number referenced, no forbidden
claim, no English sentence."""

from __future__ import annotations

import re

import pytest

from dashboard import summary
from dashboard.i18n import set_language

FORBIDDEN = ["新增", "首次参加", "未再参加", "退出", "返回", "240人参加"]


@pytest.fixture(autouse=True)
def english_run():
    """The run's language is English: the Chinese summary comes from the explicit ``lang``, never
    from the language of the run (a download callback runs outside the page's language)."""
    set_language("en")
    yield
    set_language("en")


def sentences(paragraphs: list[str]) -> list[str]:
    return [s for p in paragraphs for s in re.split(r"(?<=[。；])", p) if s.strip()]


def check_common(s: summary.Summary) -> str:
    text = "".join(s.paragraphs)
    for word in FORBIDDEN:
        assert word not in text, word
    for sent in sentences(s.paragraphs):
        if re.search(r"\d", re.sub(r"\[\d+\]|\d{4}年|\d+月\d+日|\d+日", "", sent)):
            assert re.search(r"\[\d+\]", sent), sent
    used = {int(n) for n in re.findall(r"\[(\d+)\]", text)}
    assert used == set(range(1, len(s.refs.order) + 1))
    assert len(re.findall(r"\[\d+\]", text)) == len(re.findall(r"\[\d+\]", text))
    for run in re.findall(r"\[(?:\d+\]\[)*\d+\]", text):
        assert run.count("[") <= 3, f"more than three references on one claim: {run}"
    # no English sentence: English appears only as data in brackets (a title as the source writes it)
    assert not re.search(r"\b(?:According|sources|took part|the)\b", re.sub(r"（[^）]*）", "", text))
    return text


def test_2024_in_chinese(dataset):
    s = summary.edition_summary(dataset, 2024, lang="zh")
    text = check_common(s)
    assert s.title.startswith("首届移民管理合作分论坛")
    assert text.startswith(
        "2024年9月9日至10日，全球公共安全合作论坛(连云港)2024年大会移民管理合作分论坛在江苏省苏州举行"
    )
    assert "由国家移民管理局主办" in text
    assert "主题为“变革环境下,移民治理的发展与创新”" in text
    assert "来自57个国家和地区和6个国际组织的约300人参加分论坛[1]" in text
    assert "在57个国家和地区中，公开来源点名了10个" in text and "未见于已查到的公开来源" in text
    assert "中华人民共和国公安部副部长、国家移民管理局局长许甘露致开幕辞" in text
    assert "国际移民组织总干事艾米·珀普视频致辞" in text
    assert s.refs.order[0] == "nia_en_2024_chair"


def test_2025_in_chinese_keeps_qualifiers_and_conflicts(dataset):
    s = summary.edition_summary(dataset, 2025, lang="zh")
    text = check_common(s)
    assert "2025年9月17日至18日" in text and "连云港" in text
    assert "来自51个国家和地区和5个国际组织的240余人参加分论坛[1]" in text
    assert re.search(r"另有来源报道为约240人\[\d+\]，本文采用本届分论坛主席声明的数字（240余人）", text)
    assert re.search(
        r"另有来源报道为50个国家和地区(\[\d+\])+，本文采用本届分论坛主席声明的数字（51个国家和地区）", text
    )
    assert "5个国际组织中，公开来源点名了3个" in text
    # a name no Chinese source gives is shown as the source writes it, never transliterated
    assert "Wang Zhizhong" in text


def test_comparison_in_chinese(dataset):
    s = summary.comparison_summary(dataset, 2024, 2025, lang="zh")
    text = check_common(s)
    assert "首届分论坛于2024年9月9日至10日在苏州举行，第二届分论坛于2025年9月17日至18日在连云港举行" in text
    assert "参会人数：2024年约300人，2025年240余人" in text and "约减少60人（约−20%）" in text
    assert "因数字为约数，变化仅为近似值" in text
    assert "参会国家和地区：2024年57个国家和地区，2025年51个国家和地区" in text and "减少6个（−11%）" in text
    assert "另有来源报道2025年为50个国家和地区" in text and "另有来源报道2025年为约240人" in text
    assert "无法据此判断哪些国家和地区只参加了其中一届" in text
