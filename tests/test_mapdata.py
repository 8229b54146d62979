"""What the map draws: one row per identified participant, with how it is drawn."""

from __future__ import annotations


import pytest

from dashboard import geo, mapdata
from dashboard.dataset import load_clean
from dashboard.figures import participation_map


@pytest.fixture(scope="module")
def boundaries(dataset):
    return geo.load_boundaries(dataset.entities)


def test_one_edition(dataset, boundaries):
    f = mapdata.map_participants(dataset, boundaries, 2025)
    assert len(f) == 13 and f.drawable.all()
    assert set(f[f.marker].code) == {"HKG", "SLB"}
    row = f.set_index("code").loc["SLB"]
    assert "Harry Kuma, plenary speech" in row.people_text
    assert row.name_zh == "所罗门群岛"


def test_two_editions_statuses(dataset, boundaries):
    f = mapdata.map_participants(dataset, boundaries, 2024, 2025)
    by = f.groupby("status").code.apply(set)
    assert by["both"] == {"CHN", "HUN", "RUS", "SLB"}
    assert "SGP" in by["only_earlier"] and "USA" in by["only_later"]
    assert (f.status_label.str.contains("not named")).sum() == len(f) - 4


def test_not_drawable_participant_is_listed(synthetic_data):
    ds = load_clean(synthetic_data)
    f = mapdata.map_participants(ds, geo.load_boundaries(ds.entities, synthetic_data), 2030)
    assert f.set_index("code").loc["TUV", "drawable"] == False  # noqa: E712 (numpy bool)
    assert f.set_index("code").loc["MDV", "marker"]


def test_map_figure_payload_and_traces(dataset, boundaries):
    f = mapdata.map_participants(dataset, boundaries, 2024, 2025)
    gj = geo.to_geojson(geo.simplified(boundaries[boundaries.code.isin(f.code)]), "code")
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
    assert fig.layout.geo.fitbounds is False and fig.layout.geo.resolution == 50
