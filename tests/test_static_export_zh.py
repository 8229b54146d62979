"""Chinese chart images: the exported SVG names a CJK font family and the PNG of a Chinese title is
drawn (ink where the title is), in the same kaleido/Chromium as every export."""

from __future__ import annotations

import datetime as dt
import io

import pytest

from dashboard import keycharts
from dashboard.static_export import browser_available, figure_bytes

pytestmark = pytest.mark.skipif(not browser_available(), reason="no Chrome/Chromium for kaleido")
DATE = dt.date(2026, 11, 27)


@pytest.fixture(scope="module")
def chart_zh(dataset):
    yield keycharts.coverage(dataset, [2024, 2025], "countries_and_regions", lang="zh")


def test_chinese_svg_has_chinese_text_and_a_cjk_font(chart_zh):
    svg = figure_bytes(chart_zh.figure, "svg", DATE, lang="zh").decode("utf-8")
    assert "国家和地区" in svg
    assert "Noto Sans CJK SC" in svg
    assert "导出" in svg  # the export stamp is Chinese too


def test_chinese_png_title_is_drawn(chart_zh):
    from PIL import Image

    png = figure_bytes(chart_zh.figure, "png", DATE, lang="zh")
    img = Image.open(io.BytesIO(png)).convert("L")
    w, h = img.size
    title = img.crop((0, 0, w // 2, int(h * 0.25)))  # the title sits below the toolbar strip
    dark = sum(title.histogram()[:128])
    assert dark > 500, "the Chinese title area is blank"
