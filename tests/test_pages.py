"""Every analysis page in AppTest, with default and filtered URL parameters, and with a
synthetic third edition (no code change)."""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

from conftest import REPO

PAGES = ["pages/1_Year_over_year.py", "pages/2_Countries_and_regions.py", "pages/3_Organizations.py",
         "pages/4_Speakers.py", "pages/5_Map.py", "pages/6_Sources.py", "pages/7_Press.py"]


def open_page(page: str, query: dict | None = None) -> AppTest:
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=60)
    at.run()
    at.switch_page(page)
    for k, v in (query or {}).items():
        at.query_params[k] = v
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    return at


def chart_specs(at) -> list[dict]:
    return [json.loads(c.proto.spec) for c in at.get("plotly_chart")]


def text(at) -> str:
    return " ".join(m.value for m in at.markdown) + " " + " ".join(c.value for c in at.caption)


@pytest.fixture(autouse=True)
def _repo_data(monkeypatch):
    monkeypatch.delenv("DASHBOARD_DATA_DIR", raising=False)


@pytest.mark.parametrize("page", PAGES)
def test_every_page_has_sidebar_charts_tables_downloads_and_sources(page):
    at = open_page(page)
    assert len(at.sidebar.get("page_link")) >= len(PAGES) + 1
    assert len(at.get("download_button")) >= 1
    assert "Sources:" in text(at) and "en.nia.gov.cn" in text(at)


def test_year_over_year_defaults_and_honest_wording():
    at = open_page("pages/1_Year_over_year.py")
    t = text(at)
    assert "Named in 2024 sources, not named in 2025 sources" in t
    assert "Named in 2025 sources, not named in 2024 sources" in t
    for word in ("dropped", "Dropped", "New in", "did not return"):
        assert word not in t
    table = at.dataframe[0].value
    assert table.iloc[0].tolist()[:4] == ["Attendees", "about 300", "more than 240", "≈ −60"]
    assert table.iloc[1].tolist()[:4] == ["Countries and regions", "57", "51", "−6"]
    roles = chart_specs(at)[0]
    assert [tr["type"] for tr in roles["data"]] == ["bar", "bar"]


def test_year_over_year_from_url_swaps_into_order():
    at = open_page("pages/1_Year_over_year.py", {"a": "2025", "b": "2024"})
    assert at.dataframe[0].value.columns.tolist()[1:3] == ["2024", "2025"]


def test_countries_region_filter_round_trips_through_url():
    at = open_page("pages/2_Countries_and_regions.py", {"region": "Europe"})
    spec = chart_specs(at)[0]
    ys = {y for tr in spec["data"] for y in tr["y"]}
    assert ys == {"Europe", "Not named in public sources"}
    at.multiselect(key="url_region").set_value(["Europe", "Africa"]).run()
    assert at.query_params["region"] in ("Europe,Africa", ["Europe,Africa"])


def test_countries_chart_values_and_remainder():
    at = open_page("pages/2_Countries_and_regions.py", {"editions": "2025"})
    spec = chart_specs(at)[0]
    values = dict(zip(spec["data"][0]["y"], spec["data"][0]["x"]))
    assert values["Asia"] == 6 and values["Not named in public sources"] == 38


def test_organizations_unnamed_slots():
    at = open_page("pages/3_Organizations.py")
    assert "2 of 5 international organizations not named in public sources." in text(at)


def test_speakers_role_filter():
    at = open_page("pages/4_Speakers.py", {"role": "video_address"})
    people = at.dataframe[-1].value
    assert set(people["Name"]) == {"Amy Pope", "Filippo Grandi"}
    assert set(people["Mode"]) == {"By video"}


@pytest.mark.parametrize("page", ["app.py"] + PAGES)
def test_synthetic_third_edition_appears_everywhere(page, synthetic_data, monkeypatch):
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(synthetic_data))
    if page == "app.py":
        at = AppTest.from_file(str(REPO / "app.py"), default_timeout=60).run()
        assert not at.exception
    else:
        at = open_page(page, {"a": "2025", "b": "2030"} if "Year" in page else None)
    blob = json.dumps([chart_specs(at)]) + text(at) + " ".join(
        str(d.value.to_dict()) for d in at.dataframe) + str([s.options for s in at.selectbox])
    assert "2030" in blob


@pytest.mark.parametrize("query, traces, folder", [
    ({}, {"choropleth", "scattergeo"}, "cn"),
    ({"view": "two", "a": "2024", "b": "2025", "lines": "1"}, {"choropleth", "scattergeo"}, "cn"),
    ({"view": "regions", "edition": "2024"}, {"choropleth"}, "cn"),
    ({"worldview": "ne"}, {"choropleth", "scattergeo"}, "ne"),
    ({"view": "regions", "worldview": "ne"}, {"choropleth"}, "ne"),
    ({"worldview": "xx"}, {"choropleth", "scattergeo"}, "cn"),
])
def test_map_page_views_and_local_topojson(query, traces, folder):
    at = open_page("pages/5_Map.py", query)
    charts = at.get("plotly_chart")
    assert len(charts) == 1
    spec = json.loads(charts[0].proto.spec)
    assert {tr["type"] for tr in spec["data"]} >= traces
    assert spec["layout"]["meta"]["worldview"] == folder
    config = json.loads(charts[0].proto.config)
    assert config["topojsonURL"] == f"/app/static/geo/{folder}/"
    assert len(charts[0].proto.spec) < 300_000
    assert (query.get("worldview") == "xx") == any("Unknown map setting" in w.value for w in at.warning)


def test_map_lists_what_it_cannot_draw(synthetic_data, monkeypatch):
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(synthetic_data))
    at = open_page("pages/5_Map.py", {"edition": "2030", "worldview": "ne"})  # Natural Earth 1:50m lacks Tuvalu
    assert any("Tuvalu" in w.value for w in at.warning)


def test_sources_page_lists_sources_conflicts_and_package():
    at = open_page("pages/6_Sources.py")
    frames = [d.value for d in at.dataframe]
    sources = next(f for f in frames if "Publisher" in f.columns)
    assert len(sources) == 49 and sources["Records citing it"].iloc[0] > 0
    assert any(len(f) == 11 and "issue" in f.columns for f in frames)  # C1–C11
    labels = [b.label for b in at.get("download_button")]
    assert any("data package" in lab for lab in labels)
    assert "preferred: official chair's statement" in text(at)
    assert "China's standard map by default, GS(2023)2767" in text(at)  # which map, and its source


def test_press_page_summary_and_downloads():
    at = open_page("pages/7_Press.py", {"mode": "compare", "a": "2024", "b": "2025"})
    markdown = at.code[0].value  # the Markdown to copy (the rendered text is Markdown-escaped)
    assert "Countries and regions: 57 in 2024, 51 in 2025 (6 fewer)" in markdown
    assert r"51 in 2025 \(6 fewer\)" in text(at)
    labels = [b.label for b in at.get("download_button")]
    assert "Download summary (Markdown)" in labels


def test_organizations_edition_filter_from_url():
    at = open_page("pages/3_Organizations.py", {"editions": "2025"})
    t = text(at)
    assert "2 of 5 international organizations not named" in t and "all 6 international organizations" not in t
    spec = chart_specs(at)[1]  # the matrix: one edition column
    assert {x for tr in spec["data"] for x in tr["x"]} == {"2025"}
