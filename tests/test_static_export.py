"""PNG and SVG export through kaleido and the machine's Chromium: valid images with the source
line and date inside. Skipped (with the reason) where no Chromium is installed."""

from __future__ import annotations

import datetime as dt
import io

import plotly.io as pio
import pytest

from dashboard import keycharts
from dashboard.static_export import browser_available, figure_bytes

pytestmark = pytest.mark.skipif(not browser_available(), reason="no Chrome/Chromium for kaleido")
DATE = dt.date(2026, 11, 27)


@pytest.fixture(scope="module")
def chart(dataset):
    return keycharts.coverage(dataset, [2024, 2025], "countries_and_regions")


def test_svg_contains_title_source_and_date(chart):
    svg = figure_bytes(chart.figure, "svg", DATE).decode("utf-8")
    assert svg.startswith("<svg")
    assert "Countries and regions: named in public sources" in svg
    assert "Source: chair" in svg and "Exported 2026-11-27" in svg
    assert "10 identified" in svg


def test_png_is_valid_and_not_blacked_out(chart):
    import streamlit  # noqa: F401 - importing it switches plotly's default template: the export must not care

    assert pio.templates.default == "streamlit"
    from PIL import Image

    png = figure_bytes(chart.figure, "png", DATE)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    img = Image.open(io.BytesIO(png)).convert("L")
    assert img.size[0] == 2000
    dark = sum(1 for v in img.resize((200, 100)).tobytes() if v < 60) / 20000
    assert dark < 0.2, f"{dark:.0%} of the image is near-black"


def test_map_exports_with_local_topojson(dataset):
    from dashboard.dataset import load_geojson
    from dashboard.paths import REPO_ROOT

    chart = keycharts.world_map(dataset, load_geojson("countries", REPO_ROOT / "data"), 2025)
    svg = figure_bytes(chart.figure, "svg", DATE).decode("utf-8")
    assert svg.count('class="choroplethlocation"') >= 13 or svg.count("choroplethlocation") >= 13
    assert "Natural Earth" in svg


def test_unsupported_format(chart):
    with pytest.raises(ValueError):
        figure_bytes(chart.figure, "gif", DATE)
