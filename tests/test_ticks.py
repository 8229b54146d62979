"""Category labels wrapped for the width the chart is drawn at (dashboard.ticks via figures.fit_text):
known answers for a long English and a long Chinese label at a phone's and a wide screen's width."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard import ticks
from dashboard.figures import fit_text, grouped_bars

LONG_EN = "International Organization for Migration"
LONG_ZH = "联合国毒品和犯罪问题办公室"


def _chart(labels: dict[str, str]):
    df = pd.DataFrame({"cat": list(labels) * 2, "edition": [1] * len(labels) + [2] * len(labels), "count": 3})
    return grouped_bars(df, "cat", labels, [1, 2], {1: "1", 2: "2"}, {1: "#000", 2: "#111"}, "T", "S", "Source: x")


@pytest.mark.parametrize(
    ("label", "phone", "wide"),
    [
        (LONG_EN, "International<br>Organization<br>for Migration", LONG_EN),
        (LONG_ZH, "联合国毒品和犯罪问<br>题办公室", LONG_ZH),
    ],
)
def test_a_long_label_wraps_on_a_phone_not_on_a_wide_screen(label, phone, wide):
    fig = _chart({"a": label, "b": "Short"})
    at_390 = fit_text(fig, 350)  # a 390 px phone's content column
    at_1440 = fit_text(fig, 1376)  # a 1440 px screen's
    assert phone in at_390.layout.yaxis.categoryarray
    assert wide in at_1440.layout.yaxis.categoryarray
    # the bars follow their labels, and the margin holds the wider label
    assert wide in at_1440.data[0].y
    assert at_1440.layout.margin.l > at_390.layout.margin.l
    # the source line still starts at the figure's left edge
    source = [a for a in at_1440.layout.annotations if "Source" in a.text][0]
    assert source.xshift == -(at_1440.layout.margin.l - 8)


def test_labels_never_take_more_than_their_share_of_a_half_width_chart():
    fig = fit_text(_chart({"a": LONG_EN + " and Refugee Affairs", "b": "Short"}), 680)
    assert fig.layout.margin.l <= ticks.MAX_LABEL_SHARE * 680 + 1
    assert "<br>" in fig.layout.yaxis.categoryarray[-1]


@pytest.mark.parametrize(
    ("wrapped", "one_line"),
    [
        ("International<br>Organization for<br>Migration", LONG_EN),
        ("联合国毒品和犯<br>罪问题办公室", LONG_ZH),
        ("亚洲 ·<br>2024年", "亚洲 · 2024年"),
        ("2025年：报道<br>数51个", "2025年：报道数51个"),
    ],
)
def test_unwrap_restores_the_one_line_label(wrapped, one_line):
    assert ticks.unwrap(wrapped) == one_line
