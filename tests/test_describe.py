"""Chart descriptions: generated from exactly the data drawn (fixtures with known answers), in both
languages, each naming at least one number it draws."""

from __future__ import annotations

import re

import pandas as pd
import plotly.graph_objects as go
import pytest

from dashboard import describe, packaging
from dashboard.keycharts import Chart


def chart(name: str, data: pd.DataFrame) -> Chart:
    return Chart(name, go.Figure(), data)


COVERAGE = pd.DataFrame(
    {
        "edition": [2024, 2025],
        "metric": ["countries_and_regions"] * 2,
        "reported": [57, 51],
        "reported_qualifier": ["exact", "exact"],
        "identified": [10, 13],
    }
)
REGIONS = pd.DataFrame(
    {
        "edition": [2025, 2025, 2025, 2025],
        "region": ["Asia", "Europe", "Africa", "Not named"],
        "count": [6, 3, 1, 41],
        "identified": [True, True, True, False],
    }
)
ROLES = pd.DataFrame(
    {"edition": [2025, 2025, 2025], "role": ["keynote", "plenary_speech", "video_address"], "count": [1, 9, 2]}
)
MATRIX = pd.DataFrame(
    {"code": ["A", "B", "C"], "name_en": ["a", "b", "c"], "kind": ["x", "x", "y"], "2024": [True, True, False]}
).assign(**{"2025": [True, False, False]})
MAP = pd.DataFrame(
    {
        "code": ["CHN", "RUS", "SGP"],
        "status_label": ["Named in both", "Named in both", "Only earlier"],
        "marker": [False, False, True],
    }
)


def test_coverage_names_reported_and_named_per_edition():
    text = describe.describe(chart("coverage-countries-and-regions", COVERAGE), "en")
    assert "2024: 10 of 57 named" in text and "2025: 13 of 51 named" in text
    zh = describe.describe(chart("coverage-countries-and-regions", COVERAGE), "zh")
    assert "2025年：报道数51个，列明13个" in zh and "国家和地区" in zh


def test_regions_largest_first_and_the_unnamed_remainder():
    text = describe.describe(chart("countries-by-region", REGIONS), "en")
    assert "2025: 10 identified" in text
    assert text.index("Asia (6)") < text.index("Europe (3)")  # largest first
    assert "Africa" not in text  # only the two largest are named
    assert "41 not named in public sources" in text
    # the chart's table holds the labels already in the chart's language (keycharts.regions)
    zh_data = REGIONS.assign(region=["亚洲", "欧洲", "非洲", "未见于公开来源"])
    zh = describe.describe(chart("countries-by-region", zh_data), "zh")
    assert "亚洲（6个）" in zh and "41个未见于公开来源" in zh


def test_people_by_role_uses_vocabulary_labels():
    text = describe.describe(chart("speakers-by-role", ROLES), "en")
    assert "12 people" in text and "Plenary speech (9)" in text and "Video address (2)" in text
    zh = describe.describe(chart("speakers-by-role", ROLES), "zh")
    assert "12人" in zh and "（9人）" in zh and "plenary" not in zh.lower()


def test_organizations_and_map():
    text = describe.describe(chart("organizations-matrix", MATRIX), "en")
    assert "3 in all" in text and "2024: 2" in text and "2025: 1" in text
    m = describe.describe(chart("map-2024-2025", MAP), "en")
    assert "3 countries and regions" in m and "Named in both: 2" in m and "markers (1)" in m


ONE_EDITION_MAP = pd.DataFrame(
    {
        "code": ["CHN", "RUS", "SGP"],
        "status_label": ["2025年来源列明"] * 3,
        "marker": [False, False, True],
    }
)


def test_one_edition_map_names_the_year_not_its_legend_again():
    """One edition has one legend entry: the description says how many and for which year, and does not
    repeat the legend label and the same count in brackets ('（2025年来源列明：3个）'); in Chinese the
    second sentence follows the full stop without a space."""
    zh = describe.describe(chart("map-2025", ONE_EDITION_MAP), "zh")
    assert zh == "地图标示公开来源列明的2025年参会国家和地区，共3个。面积较小的1个国家和地区以标记显示。"
    assert "（" not in zh and "来源列明：" not in zh
    en = describe.describe(chart("map-2025", ONE_EDITION_MAP.assign(status_label="Identified in 2025 sources")), "en")
    assert (
        en
        == "Map of the 3 countries and regions named for 2025 in public sources. Small states are drawn as markers (1)."
    )
    listed = describe._map(ONE_EDITION_MAP, "zh", list_only=1, editions=(2025,))
    assert (
        listed
        == "地图标示公开来源和主办方报名名单列明的2025年参会国家和地区，共3个，其中1个仅见于名单。面积较小的1个国家和地区以标记显示。"
    )


def test_unknown_chart_gets_no_invented_text():
    assert describe.describe(chart("something-else", COVERAGE), "en") == ""


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_key_chart_of_the_real_data_is_described_with_a_number(dataset, lang):
    """The press kit's charts: a description in the language, naming at least one number drawn."""
    charts = packaging.key_charts(dataset, [2024, 2025], lang=lang)
    for c in charts:
        text = describe.describe(c, lang)
        assert re.search(r"\d", text), (c.name, text)
        if lang == "zh":
            assert not re.search(r"[A-Za-z]{4,}", text.replace("UN M49", "")), text  # no English in Chinese
