"""Press kit and data-package ZIPs: complete, deterministic, formula-safe."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

import pytest

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
        "countries-and-regions-named-vs-reported",
        "international-organizations-named-vs-reported",
        "countries-and-regions-by-region",
        "people-mentioned-by-role",
        "map-of-identified-participants",
    ]
    expected = {base + f for f in ["summary.md", "sources.csv", "README.md"]}
    for c in charts:
        expected |= {
            f"{base}charts/{c}-2024-2025.png",
            f"{base}charts/{c}-2024-2025.svg",
            f"{base}data/{c}-2024-2025.csv",
            f"{base}charts/{c}-2024-2025.md",  # what the chart shows, in words
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
    """Issue 18 item 1: built with lang="zh" while the run's language is English (as in a download
    callback), the kit is Chinese: the Chinese summary first, then the English one, a Chinese README,
    Chinese charts, data and sources, file names in Chinese without spaces."""
    from dashboard.i18n import set_language

    set_language("en")
    z = packaging.press_kit_zip(dataset, [2025], dt.date(2026, 11, 27), "abc", render=fake_render, lang="zh")
    zf = zipfile.ZipFile(io.BytesIO(z))
    base = "新闻素材包-2025/"
    order = zf.namelist()
    assert order[:3] == [base + "summary.zh.md", base + "summary.en.md", base + "README.md"]
    assert not [n for n in order if " " in n], "file names without spaces"
    assert base + "charts/国家和地区列明数与报道数-2025.png" in order
    assert base + "charts/列明参会方地图-2025.svg" in order
    zh = zf.read(base + "summary.zh.md").decode()
    assert zh.startswith("# 2025年第二届移民管理合作分论坛（连云港）")
    assert "240余人" in zh and "## 来源" in zh and "The second" not in zh
    assert "more than 240 attendees" in zf.read(base + "summary.en.md").decode()
    readme = zf.read(base + "README.md").decode()
    assert readme.startswith("# 新闻素材包：") and "How to cite" not in readme and "Press kit" not in readme
    assert ": " not in re.sub(r"https?://\S+", "", readme), "full-width colons in the Chinese README"
    for name in (n for n in order if n.endswith(".svg")):
        assert re.search(r"[\u4e00-\u9fff]", zf.read(name).decode()), f"{name}: chart titles are Chinese"
    sources = zf.read(base + "sources.csv").decode("utf-8-sig").splitlines()
    assert sources[0] == "编号,引用格式,发布机构,标题,发布日期,语种,来源类别,可用于佐证,网址"
    assert "third-party mirror" not in "\n".join(sources) and "英文" in "\n".join(sources)
    assert sources[1].startswith("1,澎湃新闻：")  # the Chinese original cited first


def test_chinese_chart_export_footer_is_chinese():
    """The footer an exported chart carries ('Exported … from the … dashboard') in the kit's language."""
    import plotly.graph_objects as go

    from dashboard.static_export import with_export_stamp

    fig = go.Figure(layout={"annotations": [{"text": "数据来源：主席声明"}]})
    text = with_export_stamp(fig, dt.date(2026, 11, 27), lang="zh").layout.annotations[-1].text
    assert "导出自移民管理合作分论坛参会情况数据看板" in text and "Exported" not in text
    text = with_export_stamp(fig, dt.date(2026, 11, 27), lang="en").layout.annotations[-1].text
    assert "Exported 2026-11-27 from the Migration Sub-Forum participation dashboard." in text


def test_single_chart_downloads_have_file_names_without_spaces():
    for lang in ("en", "zh"):
        for key in packaging.KEY_CHARTS:
            name = packaging.file_stem(key, [2024, 2025], lang=lang)
            assert " " not in name and name.endswith("-2024-2025")
    assert packaging.file_stem("map", [2025], lang="zh") == "列明参会方地图-2025"
    assert packaging.summary_file_name([2025], lang="zh") == "摘要-2025.md"
    assert packaging.press_kit_name([2024, 2025], lang="en") == "press-kit-2024-2025"


PLOTLY_TEXT_KEYS = {"text", "title", "name", "ticktext", "hovertemplate", "customdata", "hovertext"}


def _figure_text(node, key: str = "") -> list[str]:
    if isinstance(node, dict):
        return [s for k, v in node.items() for s in _figure_text(v, k)]
    if isinstance(node, list):
        return [s for v in node for s in _figure_text(v, key)]
    return [node] if isinstance(node, str) and key in PLOTLY_TEXT_KEYS else []


def text_render(fig, fmt, date):
    """Stands in for kaleido: the text an SVG of the figure carries (titles, axis and legend labels,
    source line, the export footer in the kit's language), one string per line."""
    import json

    from dashboard.static_export import with_export_stamp

    stamped = json.loads(with_export_stamp(fig, date, lang="zh").to_json())
    return "\n".join(_figure_text(stamped["layout"]) + _figure_text(stamped["data"])).encode()


@pytest.mark.parametrize("editions", [[2024], [2025], [2024, 2025]])
def test_chinese_press_kit_has_no_latin_word_outside_the_allowlist(dataset, editions):
    """Issue 18 item 8: the Chinese kit (summary, README, chart text, data and sources CSVs) passes
    the strict check (tests/zh_allowlist.yaml); the English summary is the one file in English."""
    from zh_strict import data_allowed, latin_in_context

    version = "0a1b2c3d4e"  # data_version(): a content hash
    z = packaging.press_kit_zip(dataset, editions, dt.date(2026, 11, 27), version, render=text_render, lang="zh")
    zf = zipfile.ZipFile(io.BytesIO(z))
    allowed = data_allowed(dataset)
    checked = 0
    for name in zf.namelist():
        if name.endswith(("summary.en.md", ".png")):
            continue
        text = zf.read(name).decode("utf-8-sig")
        if name.endswith(".csv"):  # cell by cell (a code column's cells are whole codes)
            import csv

            lines = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
        else:
            lines = text.splitlines()
        found = latin_in_context(lines, allowed)
        assert not found, f"{name}: {found[:10]}"
        checked += 1
    assert checked >= 13  # summary, README, sources and 5 charts' SVG and CSV
    assert (
        "导出自移民管理合作分论坛参会情况数据看板"
        in zf.read(next(n for n in zf.namelist() if n.endswith(".svg"))).decode()
    )
