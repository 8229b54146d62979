"""Press kit and data-package ZIPs: complete, deterministic, formula-safe."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

from dashboard import packaging
from dashboard.paths import REPO_ROOT


def fake_render(fig, fmt, date):
    """Stands in for kaleido in the content test (the real renderer is tested in test_static_export)."""
    return f"{fmt}:{fig.layout.title.text}".encode()


def test_press_kit_contents(dataset):
    z = packaging.press_kit_zip(dataset, [2024, 2025], dt.date(2026, 11, 27), "abc", render=fake_render, lang="en")
    names = set(zipfile.ZipFile(io.BytesIO(z)).namelist())
    base = "press-kit-2024-2025/"
    charts = [
        "countries and regions named vs reported",
        "international organizations named vs reported",
        "countries and regions by region",
        "people mentioned by role",
        "map of identified participants",
    ]
    expected = {base + f for f in ["summary.md", "sources.csv", "README.md"]}
    for c in charts:
        expected |= {
            f"{base}charts/{c} 2024-2025.png",
            f"{base}charts/{c} 2024-2025.svg",
            f"{base}data/{c} 2024-2025.csv",
            f"{base}charts/{c} 2024-2025.md",  # what the chart shows, in words
        }
    assert names == expected
    zf = zipfile.ZipFile(io.BytesIO(z))
    summary = zf.read(base + "summary.md").decode()
    assert "more than 240" in summary and "## Sources" in summary
    sources = zf.read(base + "sources.csv").decode("utf-8-sig")
    assert sources.splitlines()[0].startswith("reference,label,publisher,title")
    readme = zf.read(base + "README.md").decode()
    assert "How to cite" in readme and "China's standard map GS(2023)2767" in readme  # the worldview used


def test_press_kit_shows_no_internal_id_or_path(dataset):
    """Readers see labels and addresses, never a source id, a chart id or a file path of the project."""
    z = packaging.press_kit_zip(dataset, [2024, 2025], dt.date(2026, 11, 27), "abc", render=fake_render, lang="en")
    zf = zipfile.ZipFile(io.BytesIO(z))
    ids = set(dataset.sources.id)
    for name in zf.namelist():
        if name.endswith((".png", ".svg")):
            continue
        text = zf.read(name).decode("utf-8-sig")
        found = [i for i in ids if i in text]
        assert not found, (name, found)
        for bad in (
            "data/clean",
            "source_texts/",
            ".txt",
            "coverage-countries-and-regions",
            "speakers-by-role",
            "source_id",
        ):
            assert bad not in text, (name, bad)
    for key in packaging.KEY_CHARTS:
        assert not any(key in n for n in zf.namelist() if "-" in key), key


def test_press_kit_is_deterministic(dataset):
    args = (dataset, [2025], dt.date(2026, 11, 27), "abc")
    assert packaging.press_kit_zip(*args, render=fake_render, lang="en") == packaging.press_kit_zip(
        *args, render=fake_render, lang="en"
    )


def test_csvs_in_the_kit_neutralise_formulas(dataset):
    ds = dataset
    people = ds.people.copy()
    people.loc[people.index[0], "title"] = "=cmd|' /C calc'!A0"
    from dataclasses import replace

    evil = replace(ds, people=people)
    z = packaging.press_kit_zip(evil, [2024], dt.date(2026, 11, 27), "abc", render=fake_render, lang="en")
    zf = zipfile.ZipFile(io.BytesIO(z))
    for name in zf.namelist():
        if name.endswith(".csv"):
            for line in zf.read(name).decode("utf-8-sig").splitlines():
                for cell in line.split(","):
                    assert not cell.startswith(("=", "+", "@")), (name, cell)


def test_data_package_zip_has_every_clean_file():
    z = packaging.data_package_zip(REPO_ROOT / "data")
    names = {n.split("/", 1)[1] for n in zipfile.ZipFile(io.BytesIO(z)).namelist()}
    clean = REPO_ROOT / "data" / "clean"
    assert names == {p.relative_to(clean).as_posix() for p in clean.rglob("*") if p.is_file()}
    assert {"geo/cn/world_50m.json", "geo/ne/world_110m.json", "geo/cn/regions.geojson"} <= names
    assert "datapackage.json" in names
    assert packaging.data_package_zip(REPO_ROOT / "data") == z
    assert len(packaging.data_version(REPO_ROOT / "data")) == 10


def test_chinese_press_kit_has_both_summaries_a_chinese_readme_and_chinese_charts(dataset):

    z = packaging.press_kit_zip(dataset, [2025], dt.date(2026, 11, 27), "abc", render=fake_render, lang="zh")
    zf = zipfile.ZipFile(io.BytesIO(z))
    base = "press-kit-2025/"
    names = set(zf.namelist())
    assert {base + "summary.zh.md", base + "summary.en.md", base + "README.md"} <= names
    assert "240余人" in zf.read(base + "summary.zh.md").decode()
    assert "more than 240 attendees" in zf.read(base + "summary.en.md").decode()
    readme = zf.read(base + "README.md").decode()
    assert "新闻素材包" in readme and "How to cite" not in readme
    chart = next(n for n in names if n.endswith(".svg"))
    assert re.search(r"[\u4e00-\u9fff]", zf.read(chart).decode()), "chart titles are Chinese"
