"""PNG and SVG export through kaleido and the machine's Chromium: valid images with the source
line and date inside. Skipped (with the reason) where no Chromium is installed."""

from __future__ import annotations

import datetime as dt
import io

import plotly.io as pio
import pytest

from dashboard import keycharts
from dashboard.figures import PALETTE, STATUS_COLORS_FIXED
from dashboard.static_export import browser_available, figure_bytes

pytestmark = pytest.mark.skipif(not browser_available(), reason="no Chrome/Chromium for kaleido")
DATE = dt.date(2026, 11, 27)


@pytest.fixture(scope="module")
def chart(dataset):
    return keycharts.coverage(dataset, [2024, 2025], "countries_and_regions", lang="en")


def test_svg_contains_title_source_and_date(chart):
    svg = figure_bytes(chart.figure, "svg", DATE, lang="en").decode("utf-8")
    assert svg.startswith("<svg")
    assert "Countries and regions: named in" in svg and "public sources" in svg  # title wrapped for phones
    assert "Source: chair" in svg and "Exported 2026-11-27" in svg
    assert ">10<" in svg and "47 not named" in svg


def test_png_is_valid_and_not_blacked_out(chart):
    import streamlit  # noqa: F401 - importing it switches plotly's default template: the export must not care

    assert pio.templates.default == "streamlit"
    from PIL import Image

    png = figure_bytes(chart.figure, "png", DATE, lang="en")
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    img = Image.open(io.BytesIO(png)).convert("L")
    assert img.size[0] == 2000
    dark = sum(1 for v in img.resize((200, 100)).tobytes() if v < 60) / 20000
    assert dark < 0.2, f"{dark:.0%} of the image is near-black"


@pytest.mark.parametrize("worldview, words", [("cn", "China's standard map"), ("ne", "Natural Earth 1:50m, de facto")])
def test_map_exports_with_local_topojson(dataset, worldview, words):
    chart = keycharts.world_map(dataset, 2025, worldview=worldview, lang="en")
    svg = figure_bytes(chart.figure, "svg", DATE, lang="en").decode("utf-8")
    assert svg.count("choroplethlocation") >= 13  # every participant's shape, from the worldview's topojson
    assert svg.count('class="land"') + svg.count("land") >= 1
    import re

    text = " ".join(re.sub(r"<[^>]+>", " ", svg).replace("&#39;", "'").split())
    assert words in text  # the image says which map it is (the source line, wrapped over tspans)
    # issue 18: China's standard map draws the South China Sea's dashed line as dark grey lines (the world
    # map's and the inset's: ten dashes and the islands' outlines each), never as filled shapes
    lines = [tag for tag in re.findall(r"<path [^>]*>", svg) if 'class="js-line"' in tag]
    dashed = [
        re.search(r' d="([^"]*)"', tag).group(1)
        for tag in lines
        if "stroke: rgb(77, 77, 77)" in tag and "fill: rgb" not in tag
    ]
    if worldview == "cn":
        assert len(dashed) == 2 and all(d.count("M") >= 10 for d in dashed), dashed
    else:
        assert dashed == []


def test_unsupported_format(chart):
    with pytest.raises(ValueError):
        figure_bytes(chart.figure, "gif", DATE, lang="en")


def test_export_browser_cannot_reach_the_network(chart):
    """kaleido's Chromium runs behind a proxy that does not exist, so nothing it requests leaves the machine."""
    from pathlib import Path

    from dashboard.static_export import DEAD_PROXY

    figure_bytes(chart.figure, "svg", DATE, lang="en")  # makes sure the export browser is running
    cmdlines = []
    for proc in Path("/proc").iterdir():
        try:
            cmd = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        # kaleido's browser process: choreographer's flags (Playwright's Chromium, alive during the e2e
        # tests, has no --allow-file-access-from-files); renderers ("--type=…") have no network of their own
        if "chrom" in cmd and "--allow-file-access-from-files" in cmd and "--type=" not in cmd:
            cmdlines.append(cmd)
    assert cmdlines, "no export browser found"
    assert all(f"--proxy-server={DEAD_PROXY}" in c for c in cmdlines)


def _descendant_browsers() -> list[int]:
    """Chromium processes started by this test process (other worktrees' exports are not counted)."""
    import os
    from pathlib import Path

    parent, cmd = {}, {}
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            stat = (proc / "stat").read_text()
            parent[int(proc.name)] = int(stat.rsplit(")", 1)[1].split()[1])
            cmd[int(proc.name)] = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except (OSError, ValueError, IndexError):
            continue
    me, found = os.getpid(), []
    for pid in parent:
        p, seen = pid, 0
        while p in parent and p != me and seen < 50:
            p, seen = parent[p], seen + 1
        # kaleido's browser only (choreographer's flag): Playwright's Chromium of the e2e tests, alive for
        # the whole session, is a descendant too
        c = cmd.get(pid, "")
        if p == me and pid != me and "chrom" in c and "--allow-file-access-from-files" in c and "--type=" not in c:
            found.append(pid)
    return found


def test_export_browser_is_shut_down_after_use(chart, monkeypatch):
    """No Chromium outlives an export by more than a minute: the idle timer stops it (shortened here)."""
    import time

    from dashboard import static_export

    monkeypatch.setattr(static_export, "IDLE_SECONDS", 1.0)
    figure_bytes(chart.figure, "svg", DATE, lang="en")
    assert _descendant_browsers(), "the export browser should be running right after an export"
    deadline = time.monotonic() + 20
    while _descendant_browsers() and time.monotonic() < deadline:
        time.sleep(0.5)
    assert _descendant_browsers() == []
    # the next export starts it again
    assert figure_bytes(chart.figure, "svg", DATE, lang="en").startswith(b"<svg")
    static_export.shutdown_browser()


def test_default_idle_time_is_under_a_minute():
    from dashboard import static_export

    assert 0 < static_export.IDLE_SECONDS <= 60


def test_exported_map_png_is_saved_for_review(dataset):
    """The press kit's map as a PNG, in each worldview, kept under artifacts/export/ for a human look."""
    from PIL import Image

    from dashboard.paths import REPO_ROOT

    out = REPO_ROOT / "artifacts" / "export"
    out.mkdir(parents=True, exist_ok=True)
    for worldview in ("cn", "ne"):
        chart = keycharts.world_map(dataset, 2024, 2025, worldview=worldview, lang="en")
        png = figure_bytes(chart.figure, "png", DATE, lang="en")
        img = Image.open(io.BytesIO(png))
        assert img.size == (2000, 2 * chart.figure.layout.height)  # 2× scale
        (out / f"map-2024-2025-{worldview}.png").write_bytes(png)
        # the map itself is drawn: land in its grey, and the participants in their status colours, in the
        # map area (between the title and the legend), not only in the legend's swatches
        counts = _colour_pixels(img, [STATUS_COLORS_FIXED["both"], PALETTE[0], PALETTE[1], "#F2F2F2"])
        both, only_2024, only_2025, land = counts
        assert land > 100_000, (worldview, counts)  # the world's land
        assert both > 2_000, (worldview, counts)  # China, Russia, Hungary, Solomon Islands
        assert only_2025 > 2_000, (worldview, counts)  # e.g. United States, Peru, Mongolia…
        assert only_2024 > 500, (worldview, counts)  # e.g. Angola, Ecuador, Iran…


def _colour_pixels(img, colours: list[str], tolerance: int = 12) -> list[int]:
    """Pixels within ``tolerance`` (sum of channel differences) of each colour, in the map area only
    (from 10 % to 85 % of the height: below the title, above the legend)."""
    import numpy as np

    a = np.asarray(img.convert("RGB"), dtype=int)
    h = a.shape[0]
    a = a[int(h * 0.10) : int(h * 0.85)]
    out = []
    for c in colours:
        rgb = np.array([int(c.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4)])
        out.append(int((np.abs(a - rgb).sum(axis=2) <= tolerance).sum()))
    return out
