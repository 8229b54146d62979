"""What the map draws: one row per identified participant, with how it is drawn."""

from __future__ import annotations


import pytest

from dashboard import mapdata
from dashboard.dataset import load_clean, load_geojson
from dashboard.figures import participation_map
from dashboard.paths import REPO_ROOT


@pytest.fixture(scope="module")
def countries():
    return load_geojson("countries", REPO_ROOT / "data")


def test_one_edition(dataset):
    f = mapdata.map_participants(dataset, 2025)
    assert len(f) == 13 and f.drawable.all()
    assert set(f[f.marker].code) == {"HKG", "SLB"}
    row = f.set_index("code").loc["SLB"]
    assert "Harry Kuma, plenary speech" in row.people_text
    assert row.name_zh == "所罗门群岛"


def test_two_editions_statuses(dataset):
    f = mapdata.map_participants(dataset, 2024, 2025)
    by = f.groupby("status").code.apply(set)
    assert by["both"] == {"CHN", "HUN", "RUS", "SLB"}
    assert "SGP" in by["only_earlier"] and "USA" in by["only_later"]
    assert (f.status_label.str.contains("not named")).sum() == len(f) - 4


def test_not_drawable_participant_is_listed(synthetic_data):
    ds = load_clean(synthetic_data)
    f = mapdata.map_participants(ds, 2030)
    assert f.set_index("code").loc["TUV", "drawable"] == False  # noqa: E712 (numpy bool)
    assert f.set_index("code").loc["MDV", "marker"]


def test_map_figure_payload_and_traces(dataset, countries):
    f = mapdata.map_participants(dataset, 2024, 2025)
    gj = mapdata.geojson_subset(countries, f.code)
    assert {x["properties"]["code"] for x in gj["features"]} == set(f.code)
    fig = participation_map(f, gj, mapdata.venues(dataset, [2024, 2025]),
                            {"both": "#009E73", "only_earlier": "#0072B2", "only_later": "#E69F00"},
                            {"both": "both", "only_earlier": "earlier", "only_later": "later"}, "T", "S", "Src",
                            lines=True)
    types = [tr.type for tr in fig.data]
    assert types.count("choropleth") == 1 and "scattergeo" in types
    drawn = sum(len(tr.locations) for tr in fig.data if tr.type == "choropleth")
    assert drawn == int(f.drawable.sum()) == 19
    payload = len(fig.to_json())
    assert payload < 300_000, payload
    assert fig.layout.geo.fitbounds is False and fig.layout.geo.resolution == 110  # base layer only


def test_edition_without_named_people(dataset):
    """Regression: an edition whose participants are known only from a list has no people rows."""
    from dataclasses import replace

    people = dataset.people[dataset.people.edition != 2025]
    f = mapdata.map_participants(replace(dataset, people=people), 2025)
    assert len(f) == 13 and (f.people_text == "").all()
