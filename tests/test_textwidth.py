"""Text measured by display width (dashboard.textwidth): Chinese characters count two columns, Chinese
breaks between characters but never before closing or after opening punctuation, margins hold the
widest label. Known answers, no real data."""

from __future__ import annotations

import pytest

from dashboard import maplayout, textwidth


def test_display_width_counts_wide_characters_twice_and_ignores_tags():
    assert textwidth.display_width("平行分会发言") == 12
    assert textwidth.display_width("GS(2023)2767号") == 14
    assert textwidth.display_width("<b>中国</b> and<br>x") == 8
    assert textwidth.display_width("（，）") == 6  # full-width punctuation is wide


def test_chinese_wraps_by_width_and_keeps_punctuation_rules():
    text = "仅显示公开来源列明的参会方；公开来源仅列明部分参会方。星标：举办地。"
    lines = textwidth.wrap(text, 20)
    assert "".join(lines) == text  # nothing lost, no space inserted
    assert all(textwidth.display_width(line) <= 20 for line in lines)
    assert not any(line[0] in textwidth.NO_START for line in lines)
    assert textwidth.wrap("甲乙丙（丁戊己）", 8) == ["甲乙丙", "（丁戊", "己）"]
    assert not any(line.endswith("（") for line in textwidth.wrap("甲乙丙（丁戊己）", 8))


def test_closing_punctuation_never_starts_a_line():
    assert textwidth.wrap("甲乙丙丁。", 8) == ["甲乙丙", "丁。"]


def test_latin_breaks_at_spaces_and_mixed_text_keeps_its_spaces():
    assert textwidth.wrap("alpha beta gamma", 10) == ["alpha beta", "gamma"]
    assert textwidth.wrap("averyveryverylongword x", 5) == ["averyveryverylongword", "x"]
    assert textwidth.wrap("底图：Natural Earth 1:50m，按实际管辖绘制", 16) == [
        "底图：Natural",
        "Earth 1:50m，按",
        "实际管辖绘制",
    ]
    assert textwidth.wrap("a<br>b", 10) == ["a", "b"]
    # a version number, a scale or an approval number is one word, never broken inside
    assert textwidth.wrap("底图（world-geo-json-zh 2.1.5，许可）", 18) == [
        "底图",
        "（world-geo-json-zh",
        "2.1.5，许可）",
    ]
    assert "1:50m" in textwidth.wrap("海岸线取自Natural Earth 1:50m。", 12)[-1]


def test_label_margin_holds_chinese_labels():
    # 6 Chinese characters at 13 px are 78 px wide: a margin from len() (6 "characters") clipped them
    assert textwidth.label_margin(["平行分会发言"], 13) >= 78 + 10
    assert textwidth.label_margin(["ab"], 13) < textwidth.label_margin(["平行分会发言"], 13)
    assert textwidth.label_margin(["x" * 200], 13) == 200  # capped


def test_venue_groups_merge_close_venues_only():
    suzhou, lianyungang, lima = (120.6, 31.3), (119.2, 34.6), (-77.0, -12.0)
    assert maplayout.venue_groups([suzhou, lianyungang]) == [[0, 1]]
    assert maplayout.venue_groups([suzhou, lima, lianyungang]) == [[0, 2], [1]]
    assert maplayout.venue_groups([lima]) == [[0]]


def test_great_circle_splits_at_the_antimeridian():
    lons, lats = maplayout.great_circle(119.2, 34.6, -77.0, -12.0)  # Lianyungang to Lima, over the Pacific
    assert None in lons
    i = lons.index(None)
    assert abs(lons[i - 1]) == 180 and abs(lons[i + 1]) == 180 and lons[i - 1] == -lons[i + 1]
    pts = [(x, y) for x, y in zip(lons, lats) if x is not None]
    assert pts[0] == (119.2, 34.6) and pts[-1] == (-77.0, -12.0)
    assert all(abs(a[0] - b[0]) < 10 for a, b in zip(pts, pts[1:]) if abs(a[0]) != 180)


def test_bar_chart_margin_and_subtitle_hold_chinese_text():
    import pandas as pd

    from dashboard.figures import SUBTITLE_CHARS, grouped_bars

    df = pd.DataFrame({"edition": [2024, 2025], "role": ["panel", "panel"], "count": [1, 2]})
    subtitle = "来源提及的人员（含未列姓名者），并非完整名单。2024年：10人，其中具名发言嘉宾8人；2025年：14人，其中具名发言嘉宾13人"
    fig = grouped_bars(
        df,
        "role",
        {"panel": "平行分会发言"},
        [2024, 2025],
        {2024: "2024", 2025: "2025"},
        {2024: "#000", 2025: "#111"},
        "标题",
        subtitle,
        "数据来源：主席声明",
    )
    assert fig.layout.margin.l >= 6 * 13 + 8  # six characters at 13 px, never cut at the left edge
    lines = fig.layout.title.text.split("<br>")[1:]
    assert len(lines) >= 3 and all(textwidth.display_width(line) <= SUBTITLE_CHARS for line in lines)


def test_map_frame_grows_with_its_lines_and_leaves_no_band():
    import plotly.graph_objects as go

    from dashboard.figures import frame_fig, map_chrome_px

    def chrome(source: str, legend: list[str]) -> int:
        fig = go.Figure()
        for name in legend:
            fig.add_scattergeo(lon=[0], lat=[0], name=maplayout.legend_label(name))
        return map_chrome_px(frame_fig(fig, "标题", "副标题", source))

    one = chrome("数据来源：公开来源。", ["2025年来源列明"])
    assert chrome("数据来源：" + "公开来源" * 20, ["2025年来源列明"]) > one  # more source lines, more room
    assert abs(chrome("数据来源：公开来源。", ["2025年来源列明", "2025年举办地：连云港"]) - (one + 19)) <= 1  # a row
    assert one < 150  # the old fixed 246 px of chrome left ~100 px of empty band


@pytest.mark.parametrize(
    ("text", "width", "lines"),
    [
        ("所列并非全部。2024年：10人", 16, ["所列并非全部。", "2024年：10人"]),  # not '…2024' / '年：10人'
        ("其中具名发言嘉宾10人", 18, ["其中具名发言嘉宾", "10人"]),  # not '…10' / '人'
        ("abc 2024年", 8, ["abc", "2024年"]),
    ],
)
def test_a_number_keeps_its_unit_or_measure_word(text, width, lines):
    assert textwidth.wrap(text, width) == lines
