"""Chart text wrapped for the width the chart is drawn at (issue 18, follow-up: at 1440 px the titles were
wrapped for a phone). figures.frame wraps for a 390 px phone; fit_text rewraps a copy for the content
column the browser reports (dashboard.ui.viewport), keeping the plot's size."""

from __future__ import annotations

import plotly.graph_objects as go
import pytest

from dashboard import figures

TITLE = "公开来源列明的国家和地区（彩色，每届一色）及公开来源未列明部分（灰色），与报道数对照"
SUB = "Identified countries and regions by UN M49 region, with the unidentified remainder beside the total"
SOURCE = "数据来源：主席声明（报道数）；公开来源（列明数）；国家移民管理局、新华社、人民网、澎湃新闻"


def _framed() -> go.Figure:
    fig = go.Figure(go.Bar(x=[1, 2], y=["a", "b"], orientation="h"))
    return figures.frame(fig, TITLE, SUB, SOURCE, height=300)


def _title_lines(fig) -> int:
    return fig.layout.title.text.count("<br>") + 1


def _source(fig) -> str:
    return next(a.text for a in fig.layout.annotations if a.text.startswith("数据来源"))


def test_a_wide_chart_gets_fewer_title_lines_and_keeps_its_plot():
    phone = figures.fit_text(_framed(), 350)
    wide = figures.fit_text(_framed(), 1000)
    assert _title_lines(wide) < _title_lines(phone)
    assert _source(wide).count("<br>") < _source(phone).count("<br>")
    plot = lambda f: f.layout.height - f.layout.margin.t - f.layout.margin.b  # noqa: E731
    assert plot(wide) == plot(phone)
    assert wide.layout.height < phone.layout.height


def test_unknown_width_is_wrapped_for_a_phone():
    fig = _framed()
    assert figures.fit_text(fig, None).layout.title.text == fig.layout.title.text
    assert figures.fit_text(fig, 200).layout.height == fig.layout.height


def test_the_figure_given_is_not_changed_and_the_helper_data_is_not_sent():
    fig = _framed()
    before = fig.layout.title.text
    out = figures.fit_text(fig, 1000)
    assert fig.layout.title.text == before
    assert not (isinstance(out.layout.meta, dict) and "frame" in out.layout.meta)


def test_lines_never_get_longer_than_a_readable_measure():
    import re

    from dashboard.textwidth import display_width

    out = figures.fit_text(_framed(), 5000)
    lines = [re.sub(r"<[^>]+>", "", line) for line in out.layout.title.text.split("<br>")]
    assert max(display_width(line) for line in lines) <= figures.SUBTITLE_CHARS * figures.MAX_TEXT_SCALE
    assert len(lines) >= 2  # title and subtitle stay apart


def test_a_figure_not_made_by_frame_is_left_alone():
    fig = go.Figure(go.Bar(x=[1], y=["a"]))
    assert figures.fit_text(fig, 1000) is fig


def test_a_map_is_rewrapped_too_and_keeps_its_worldview():
    from dashboard import maplayout

    fig = go.Figure(go.Scattergeo(lon=[0], lat=[0], name="x"))
    fig.update_layout(meta={"worldview": "cn"})
    fig = figures.frame_fig(fig, TITLE, SUB + " " + SUB, SOURCE + SOURCE)
    phone, wide = figures.fit_text(fig, 350), figures.fit_text(fig, 1100)
    assert wide.layout.margin.t < phone.layout.margin.t and wide.layout.margin.b < phone.layout.margin.b
    assert wide.layout.meta == {"worldview": "cn"}  # the static export still finds its topojson
    # the map's own height is unchanged: only the lines of text around it
    assert phone.layout.height - phone.layout.margin.t - phone.layout.margin.b == pytest.approx(
        wide.layout.height - wide.layout.margin.t - wide.layout.margin.b, abs=1
    )
    assert maplayout.TITLE_COLS > 0
