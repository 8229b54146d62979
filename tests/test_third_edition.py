"""A third edition is a data change, not a code change.

A COPY of the data (a temporary folder; nothing is written to data/raw) gets a 2026 edition made
the way the README tells an organizer to: ``data/raw/editions/2025.yaml`` copied to ``2026.yaml``
with its year, number and dates changed. The copy is built, then every page (AppTest, in both
languages), the summaries, the exports, the map and the comparisons run on it, with the pages'
default views: each page opens on the latest edition, or on the latest two.

If anything here fails after adding an edition, fix the code, never this test.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import re
import shlex
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import REPO, copy_data
from streamlit.testing.v1 import AppTest

from dashboard.i18n import set_language
from dashboard.ui.layout import PAGES

YEAR = 2026


def add_copied_edition(data: Path, year: int = YEAR, template: int = 2025) -> None:
    """Copy an edition file to a new year, as the README's walkthrough does by hand: year, number
    (the highest + 1) and dates changed, everything else kept."""
    src = (data / "raw" / "editions" / f"{template}.yaml").read_text(encoding="utf-8")
    numbers = [
        int(m)
        for p in (data / "raw" / "editions").glob("*.yaml")
        for m in re.findall(r"^  number: (\d+)$", p.read_text(encoding="utf-8"), re.M)
    ]
    text = re.sub(rf"^  year: {template}$", f"  year: {year}", src, count=1, flags=re.M)
    text = re.sub(r"^  number: \d+$", f"  number: {max(numbers) + 1}", text, count=1, flags=re.M)
    text = re.sub(rf"^  (start|end)_date: '{template}-", rf"  \1_date: '{year}-", text, flags=re.M)
    (data / "raw" / "editions" / f"{year}.yaml").write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def third(tmp_path_factory) -> Path:
    from dashboard.build import build, write_atomically
    from dashboard.paths import clean_dir

    data = copy_data(tmp_path_factory.mktemp("third"), with_clean=False)
    add_copied_edition(data)
    write_atomically(build(data), clean_dir(data))
    assert not (REPO / "data" / "raw" / "editions" / f"{YEAR}.yaml").exists()  # never shipped
    return data


@pytest.fixture(scope="module")
def ds(third):
    from dashboard.dataset import load_clean

    return load_clean(third)


@pytest.fixture
def on_copy(third, monkeypatch):
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(third))
    return third


@pytest.fixture(autouse=True)
def _english_after():
    yield
    set_language("en")


def open_page(path: str, lang: str = "en", query: dict | None = None) -> AppTest:
    set_language(lang)  # AppTest formats widget values in the test's thread: give it the page's language
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=60)
    at.query_params["lang"] = lang
    at.run()
    at.switch_page(path)
    at.query_params["lang"] = lang
    for k, v in (query or {}).items():
        at.query_params[k] = v
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    return at


def page_text(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [str(m.value) for m in at.metric]
    parts += [json.dumps(json.loads(c.proto.spec), ensure_ascii=False) for c in at.get("plotly_chart")]
    parts += [d.value.to_csv() for d in at.dataframe]
    parts += [str(s.value) for s in at.selectbox] + [str(s.value) for s in at.multiselect]
    return " ".join(parts)


def test_the_copy_has_three_editions_and_data_raw_is_untouched(ds):
    assert ds.edition_ids[-1] == YEAR and len(ds.edition_ids) == 3
    assert int(ds.editions.set_index("edition").loc[YEAR, "number"]) == 3


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("page", [p.path for p in PAGES])
def test_every_page_runs_and_shows_the_new_edition(page, lang, on_copy):
    at = open_page(page, lang)
    if page.endswith(("Sources.py", "Import.py")):
        return  # no edition picker; the Sources page lists every edition (checked below)
    assert str(YEAR) in page_text(at)


def _widget(at: AppTest, kind: str, key: str):
    found = [w for w in at.get(kind) if w.key == key]
    return found[0].value if found else None


@pytest.mark.parametrize(
    "page, query, expected",
    [
        ("pages/0_Overview.py", {}, {"url_edition": YEAR}),
        ("pages/1_Year_over_year.py", {}, {"url_a": 2025, "url_b": YEAR}),
        ("pages/2_Countries_and_regions.py", {}, {"url_editions": [2025, YEAR]}),
        ("pages/3_Organizations.py", {}, {"url_editions": [2025, YEAR]}),
        ("pages/4_Speakers.py", {}, {"url_editions": [2025, YEAR]}),
        ("pages/5_Map.py", {}, {"url_edition": YEAR}),
        ("pages/5_Map.py", {"view": "two"}, {"url_a": 2025, "url_b": YEAR}),
        ("pages/5_Map.py", {"view": "regions"}, {"url_edition": YEAR}),
        ("pages/7_Press.py", {}, {"url_edition": YEAR}),
        ("pages/7_Press.py", {"mode": "compare"}, {"url_a": 2025, "url_b": YEAR}),
    ],
)
def test_every_page_defaults_to_the_latest_editions(page, query, expected, on_copy):
    at = open_page(page, "en", query)
    for key, value in expected.items():
        kind = "multiselect" if key == "url_editions" else "selectbox"
        assert _widget(at, kind, key) == value, key


def test_sources_page_lists_the_new_edition(on_copy):
    at = open_page("pages/6_Sources.py")
    coverage = [
        d.value for d in at.dataframe if d.value.astype(str).apply(lambda c: c.str.contains(str(YEAR))).any().any()
    ]
    assert coverage


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_summaries_of_one_and_two_editions(ds, lang):
    from dashboard import packaging, summary

    one = packaging.press_summary(ds, [YEAR], lang)
    two = packaging.press_summary(ds, [2025, YEAR], lang)
    md = summary.to_markdown(ds, two, lang, dt.date(2026, 12, 1))
    assert str(YEAR) in one.title + " ".join(one.paragraphs)
    assert "2025" in md and str(YEAR) in md
    assert one.refs.order and two.refs.order


def test_comparisons_with_the_previous_edition(ds):
    from dashboard import metrics

    head = metrics.headline(ds)
    assert set(head[head.edition == YEAR].previous_edition) == {2025}
    c = metrics.compare_headline(ds, 2025, YEAR)
    assert len(c) == len(metrics.compare_headline(ds, 2024, 2025))
    # the copy repeats 2025's figures: every reported change is zero
    deltas = [r.comparison.delta for r in c.itertuples() if r.comparison.has_change]
    assert deltas and all(d == 0 for d in deltas)
    overlap = metrics.overlap(ds, 2025, YEAR, "country_or_region")
    assert len(overlap) > 0


@pytest.mark.parametrize("later", [None, YEAR])
def test_map_of_one_and_two_editions(ds, later):
    from dashboard import keycharts

    earlier = YEAR if later is None else 2025
    chart = keycharts.world_map(ds, earlier, later, lang="en")
    assert len(chart.data) > 0
    assert str(YEAR) in json.dumps(chart.figure.to_plotly_json()["layout"], ensure_ascii=False, default=str)


def test_press_kit_and_data_package(ds, on_copy):
    from dashboard import packaging

    kit = packaging.press_kit_zip(
        ds, [2025, YEAR], dt.date(2026, 12, 1), "test", render=lambda fig, fmt, date: b"image", lang="en"
    )
    z = zipfile.ZipFile(io.BytesIO(kit))
    charts = [n for n in z.namelist() if "/charts/" in n and n.endswith((".png", ".svg"))]
    tables = [n for n in z.namelist() if "/data/" in n and n.endswith(".csv")]
    assert len(charts) == 2 * len(tables) and all(f"2025-{YEAR}" in n for n in charts + tables)
    assert all(str(YEAR) in z.read(n).decode("utf-8-sig") for n in tables)
    package = zipfile.ZipFile(io.BytesIO(packaging.data_package_zip(on_copy)))
    editions_csv = next(n for n in package.namelist() if n.endswith("editions.csv"))
    assert str(YEAR) in package.read(editions_csv).decode("utf-8")


# --- the README's walkthrough, run as written --------------------------------------------------


def readme_walkthrough() -> list[list[str]]:
    """The commands of the first ``bash`` block of the README's "Adding an edition" section."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = re.search(r"^## Adding an edition\n(.*?)(?=^## )", readme, flags=re.S | re.M)
    assert section, "README has no section '## Adding an edition'"
    block = re.search(r"```bash\n(.*?)```", section.group(1), flags=re.S)
    assert block, "the section has no bash block"
    lines = [ln.split("#", 1)[0].strip() for ln in block.group(1).splitlines()]
    return [shlex.split(ln) for ln in lines if ln]


def test_the_readme_walkthrough_adds_an_edition_every_page_shows(tmp_path, monkeypatch):
    commands = readme_walkthrough()
    assert [c[:3] for c in commands] == [
        ["python", "-m", "dashboard.new_edition"],
        ["python", "-m", "dashboard.build"],
    ]
    year = int(commands[0][3])
    data = copy_data(tmp_path, with_clean=False)
    env = {**os.environ, "DASHBOARD_DATA_DIR": str(data)}  # the commands as written, on the copy
    for cmd in commands:
        done = subprocess.run([sys.executable, *cmd[1:]], cwd=tmp_path, env=env, capture_output=True, text=True)
        assert done.returncode == 0, (cmd, done.stdout, done.stderr)
    assert (data / "raw" / "editions" / f"{year}.yaml").exists()
    assert not (REPO / "data" / "raw" / "editions" / f"{year}.yaml").exists()

    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(data))
    for lang in ("en", "zh"):
        for page in PAGES:
            at = open_page(page.path, lang)
            if page.path.endswith("Import.py"):
                continue  # no edition on it until a list is uploaded
            assert str(year) in page_text(at), (page.path, lang)


def test_scaffold_is_a_minimal_valid_edition_and_never_overwrites(data_copy, capsys):
    from dashboard import new_edition
    from dashboard.build import build

    path = data_copy / "raw" / "editions" / "2026.yaml"
    assert new_edition.main(["2026", "--data-dir", str(data_copy)]) == 0
    text = path.read_text(encoding="utf-8")
    assert "number: 3" in text and "TODO" in text and "待填写" in text
    files = build(data_copy)  # the build accepts it
    assert b"2026" in files["editions.csv"]
    sources = (data_copy / "raw" / "sources.yaml").read_text(encoding="utf-8")
    assert sources.count("id: edition_2026_todo") == 1

    path.write_text(text + "# my edits\n", encoding="utf-8")
    assert new_edition.main(["2026", "--data-dir", str(data_copy)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8").endswith("# my edits\n")  # untouched


def test_scaffold_with_a_named_source_and_refusals(data_copy, capsys):
    from dashboard import new_edition

    before = (data_copy / "raw" / "sources.yaml").read_text(encoding="utf-8")
    assert new_edition.main(["2027", "--source", "no_such_source", "--data-dir", str(data_copy)]) == 1
    assert "no_such_source" in capsys.readouterr().err
    assert not (data_copy / "raw" / "editions" / "2027.yaml").exists()

    assert new_edition.main(["2027", "--source", "nia_en_2025_chair", "--data-dir", str(data_copy)]) == 0
    assert (data_copy / "raw" / "sources.yaml").read_text(encoding="utf-8") == before  # no placeholder
    assert "preferred_source_id: nia_en_2025_chair" in (data_copy / "raw" / "editions" / "2027.yaml").read_text(
        encoding="utf-8"
    )


def test_scaffold_that_would_not_build_leaves_nothing(data_copy, capsys):
    from dashboard import new_edition

    sources = data_copy / "raw" / "sources.yaml"
    before = sources.read_text(encoding="utf-8")
    # a broken edition already in the folder: the check fails, so nothing of the new one is kept
    (data_copy / "raw" / "editions" / "2024.yaml").write_text(
        (data_copy / "raw" / "editions" / "2024.yaml").read_text(encoding="utf-8").replace("role: ", "role: x", 1),
        encoding="utf-8",
    )
    assert new_edition.main(["2026", "--data-dir", str(data_copy)]) == 1
    assert "does not build" in capsys.readouterr().err
    assert not (data_copy / "raw" / "editions" / "2026.yaml").exists()
    assert sources.read_text(encoding="utf-8") == before
