"""Every analysis page in AppTest, with default and filtered URL parameters, and with a
synthetic third edition (no code change)."""

from __future__ import annotations

import json

import pytest
from conftest import REPO
from streamlit.testing.v1 import AppTest

from dashboard.ui.layout import PAGES as PAGE_SPECS

# Every page but the Overview (tests/test_page_overview.py) and the Import page (tests/test_page_import.py).
PAGES = [p.path for p in PAGE_SPECS if p.url_path not in ("Overview", "Import")]


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
    assert len(at.sidebar.get("page_link")) == len(PAGE_SPECS)
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
    assert table.iloc[0].tolist()[:5] == [
        "Attendees",
        "about 300",
        "more than 240 (another source: approximately 240)",
        "about −60",
        "about −20%",
    ]
    assert table.iloc[1].tolist()[:5] == ["Countries and regions", "57", "51 (another source: 50)", "−6", "−11%"]
    # a count of what the sources name: both counts, no change, no percentage
    assert table.iloc[3].tolist()[:5] == ["Named speakers", "8 named in sources", "13 named in sources", "—", "—"]
    roles = chart_specs(at)[0]
    assert [tr["type"] for tr in roles["data"]] == ["bar", "bar"]


def test_year_over_year_from_url_swaps_into_order():
    at = open_page("pages/1_Year_over_year.py", {"a": "2025", "b": "2024"})
    assert at.dataframe[0].value.columns.tolist()[1:3] == ["2024", "2025"]


@pytest.mark.parametrize("region", ["150", "Europe"])  # an M49 code, or an English name from an old link
def test_countries_region_filter_round_trips_through_url(region):
    at = open_page("pages/2_Countries_and_regions.py", {"region": region})
    spec = chart_specs(at)[0]
    ys = {y for tr in spec["data"] for y in tr["y"]}
    # the filter governs every element: the worldwide unnamed remainder has no region, so it is not
    # drawn under a filter, and the subtitle says what is shown
    assert ys == {"Europe"}
    import re

    title = " ".join(re.sub(r"<[^>]+>", " ", spec["layout"]["title"]["text"]).split())
    assert "Filtered (Europe)" in title and "not shown under a filter" in title
    at.multiselect(key="url_region").set_value(["150", "002"]).run()
    assert at.query_params["region"] in ("150,002", ["150,002"])


def test_countries_chart_values_and_remainder():
    at = open_page("pages/2_Countries_and_regions.py", {"editions": "2025"})
    spec = chart_specs(at)[0]
    values = dict(zip([y.replace("<br>", " ") for y in spec["data"][0]["y"]], spec["data"][0]["x"]))
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
    if page == "app.py":  # the frame opens the Overview
        at = AppTest.from_file(str(REPO / "app.py"), default_timeout=60).run()
        assert not at.exception
    else:
        at = open_page(page, {"a": "2025", "b": "2030"} if "Year" in page else None)
    blob = (
        json.dumps([chart_specs(at)])
        + text(at)
        + " ".join(str(d.value.to_dict()) for d in at.dataframe)
        + str([s.options for s in at.selectbox])
    )
    assert "2030" in blob


@pytest.mark.parametrize(
    "query, traces, folder",
    [
        ({}, {"choropleth", "scattergeo"}, "cn"),
        ({"view": "two", "a": "2024", "b": "2025", "lines": "1"}, {"choropleth", "scattergeo"}, "cn"),
        ({"view": "regions", "edition": "2024"}, {"choropleth"}, "cn"),
        ({"worldview": "ne"}, {"choropleth", "scattergeo"}, "ne"),
        ({"view": "regions", "worldview": "ne"}, {"choropleth"}, "ne"),
        ({"worldview": "xx"}, {"choropleth", "scattergeo"}, "cn"),
    ],
)
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
    assert any(len(f) == 11 and "Issue" in f.columns for f in frames)  # C1–C11
    labels = [b.label for b in at.get("download_button")]
    assert any("data package" in lab for lab in labels)
    assert "preferred: official chair's statement" in text(at)
    assert "by default based on China's standard map GS(2023)2767" in text(at)  # which map, and its source


def test_press_page_summary_and_downloads():
    at = open_page("pages/7_Press.py", {"mode": "compare", "a": "2024", "b": "2025"})
    assert not at.code  # the Markdown to copy is sent only when its expander is opened
    at.session_state["summary-markdown"] = True
    at.run()
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


INTERNAL = (
    "data/clean",
    "data/raw",
    "source_texts/",
    ".csv)",
    "people.csv",
    "coverage-countries-and-regions",
    "coverage-international-organizations",
    "speakers-by-role",
    "countries-by-region",
)


def _visible(at) -> str:
    """Everything a reader sees: text, captions, tables, chart texts, select-box options."""
    parts = [text(at)] + [e.value for e in at.get("metric")] if False else [text(at)]
    for d in at.dataframe:
        parts.append(d.value.to_csv(index=False))
    for spec in chart_specs(at):
        layout = spec.get("layout", {})
        parts.append(json.dumps(layout.get("title", {})))
        parts += [a.get("text", "") for a in layout.get("annotations", [])]
        for tr in spec.get("data", []):
            parts += [str(tr.get("name", "")), json.dumps(tr.get("y", "")), json.dumps(tr.get("customdata", ""))]
    for sb in at.selectbox:
        parts += [str(o) for o in sb.options]
    return "\n".join(parts)


@pytest.mark.parametrize(
    "page, query",
    [
        ("pages/2_Countries_and_regions.py", {}),
        ("pages/4_Speakers.py", {}),
        ("pages/5_Map.py", {"edition": "2025"}),
        ("pages/6_Sources.py", {}),
        ("pages/7_Press.py", {"mode": "compare", "a": "2024", "b": "2025"}),
        ("pages/7_Press.py", {"edition": "2025"}),
        ("pages/1_Year_over_year.py", {}),
        ("pages/3_Organizations.py", {}),
    ],
)
def test_no_page_shows_an_internal_id_or_path(page, query):
    at = open_page(page, query)
    seen = _visible(at)
    from dashboard.dataset import load_clean

    ids = set(load_clean(REPO / "data").sources.id)
    assert [i for i in ids if i in seen] == []
    assert [x for x in INTERNAL if x in seen] == []


def test_overview_shows_no_internal_id_and_named_speakers_have_no_change():
    at = open_page("app.py") if False else AppTest.from_file(str(REPO / "app.py"), default_timeout=60).run()
    from dashboard.dataset import load_clean

    ids = set(load_clean(REPO / "data").sources.id)
    seen = _visible(at)
    assert [i for i in ids if i in seen] == []
    named = next(m for m in at.get("metric") if m.label == "Named speakers")
    assert not named.proto.delta  # a count of names: no arrow, no percentage
    assert "2024: 8 named in sources" in text(at)


def test_countries_main_source_is_never_a_name_or_title_source():
    at = open_page("pages/2_Countries_and_regions.py", {"editions": "2025"})
    from dashboard.dataset import load_clean

    src = load_clean(REPO / "data").sources
    name_only_urls = set(src[src.supports == "name_or_title"].url)
    table = next(d.value for d in at.dataframe if "Main source" in d.value.columns)
    assert not (set(table["Main source"]) & name_only_urls)
    assert (table["Main source"] != "").all()
    assert all(s.count(";") <= 2 for s in table["Sources"])  # at most three references per row


def test_type_filter_names_the_type_not_its_code():
    at = open_page("pages/2_Countries_and_regions.py", {"etype": "special_administrative_region"})
    import re

    title = " ".join(re.sub(r"<[^>]+>", " ", chart_specs(at)[0]["layout"]["title"]["text"]).split())
    assert "Filtered (Special administrative region)" in title and "special_administrative_region" not in title
    # the table and its CSV follow the same filter
    table = next(d.value for d in at.dataframe if "Main source" in d.value.columns)
    assert set(table["Type"]) == {"Special administrative region"}
