"""Numbers keep their qualifiers; Markdown from data is escaped."""

import pytest

from dashboard.formatting import (
    format_date_range,
    format_figure,
    format_figure_noun,
    format_figure_short,
    format_list,
    format_percent,
    format_signed,
    md_escape,
)
from dashboard.i18n import set_language


@pytest.mark.parametrize(
    "value, qualifier, expected",
    [
        (300, "about", "about 300"),
        (240, "more_than", "more than 240"),
        (51, "exact", "51"),
        (2000, "nearly", "nearly 2,000"),
        (240, "approximately", "approximately 240"),
        (None, None, "—"),
    ],
)
def test_format_figure(value, qualifier, expected):
    assert format_figure(value, qualifier, lang="en") == expected


def test_short_forms():
    assert format_figure_short(240, "more_than", lang="en") == ">240"
    assert format_figure_short(300, "about", lang="en") == "≈300"


def test_signed_and_percent():
    assert (format_signed(-60, lang="en"), format_signed(5, lang="en"), format_signed(0, lang="en")) == (
        "−60",
        "+5",
        "±0",
    )
    assert format_percent(-0.2, lang="en") == "−20%"


def test_markdown_escaped():
    assert md_escape("[x](http://evil)") == r"\[x\]\(http://evil\)"


@pytest.fixture
def zh():
    """The run's language is English: Chinese comes from the explicit ``lang`` only."""
    set_language("en")
    yield
    set_language("en")


@pytest.mark.parametrize(
    "value, qualifier, metric, expected",
    [
        (300, "about", "attendees", "约300人"),
        (240, "more_than", "attendees", "240余人"),
        (51, "exact", "countries_and_regions", "51个国家和地区"),
        (6, "exact", "international_organizations", "6个国际组织"),
    ],
)
def test_chinese_figures_as_chinese_sources_write_them(zh, value, qualifier, metric, expected):
    assert format_figure_noun(value, qualifier, metric, lang="zh") == expected


def test_chinese_dates_lists_numbers(zh):
    assert format_date_range("2025-09-17", "2025-09-18", lang="zh") == "2025年9月17日至18日"
    assert format_list(["中国", "俄罗斯", "匈牙利"], lang="zh") == "中国、俄罗斯和匈牙利"
    assert format_figure(12345, "exact", lang="zh") == "12,345"
    assert format_percent(-0.2, lang="zh") == "−20%"


def test_english_dates_and_lists():
    assert (
        format_date_range("2024-09-09", "2024-09-10", lang="en") == "Sep 9\u2009–\u200910, 2024"
    )  # CLDR's thin spaces
    assert format_list(["China", "Russia", "Hungary"], lang="en") == "China, Russia, and Hungary"
    assert format_figure_noun(300, "about", "attendees", lang="en") == "about 300 attendees"
