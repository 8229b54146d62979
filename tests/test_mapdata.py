"""What the map draws: one row per identified participant, with how it is drawn."""

from __future__ import annotations

from dashboard import mapdata
from dashboard.dataset import load_clean
from dashboard.figures import participation_map


def test_one_edition(dataset):
    f = mapdata.map_participants(dataset, 2025, lang="en")
    assert len(f) == 13 and f.drawable.all()
    assert set(f[f.marker].code) == {"HKG", "SLB"}
    row = f.set_index("code").loc["SLB"]
    assert "Harry Kuma, plenary speech" in row.people_text
    assert row.name_zh == "所罗门群岛"


def test_two_editions_statuses(dataset):
    f = mapdata.map_participants(dataset, 2024, 2025, lang="en")
    by = f.groupby("status").code.apply(set)
    assert by["both"] == {"CHN", "HUN", "RUS", "SLB"}
    assert "SGP" in by["only_earlier"] and "USA" in by["only_later"]
    assert (f.status_label.str.contains("not named")).sum() == len(f) - 4


def test_not_drawable_participant_is_listed(synthetic_data):
    ds = load_clean(synthetic_data)
    f = mapdata.map_participants(ds, 2099, worldview="ne", lang="en")  # Natural Earth 1:50m has no Tuvalu
    assert f.set_index("code").loc["TUV", "drawable"] == False  # noqa: E712 (numpy bool)
    assert f.set_index("code").loc["MDV", "marker"]


def test_map_figure_payload_and_traces(dataset):
    f = mapdata.map_participants(dataset, 2024, 2025, lang="en")
    fig = participation_map(
        f,
        mapdata.venues(dataset, [2024, 2025]),
        {"both": "#009E73", "only_earlier": "#0072B2", "only_later": "#E69F00"},
        {"both": "both", "only_earlier": "earlier", "only_later": "later"},
        {2024: "#0072B2", 2025: "#E69F00"},
        "T",
        "S",
        "Src",
        "cn",
        lines=True,
        lang="en",
    )
    types = [tr.type for tr in fig.data if tr.geo != "geo2"]  # geo2: the South China Sea inset
    assert types.count("choropleth") == 1 and "scattergeo" in types
    choro = next(tr for tr in fig.data if tr.type == "choropleth")
    assert len(choro.locations) == int(f["shape"].sum()) == 19
    assert list(choro.locations).index("HKG") > list(choro.locations).index("CHN")  # drawn on top of China
    payload = len(fig.to_json())
    assert payload < 60_000, payload  # codes, colours and hover text only: the shapes are in the topojson
    assert fig.layout.geo.fitbounds is False and fig.layout.geo.resolution == 50
    # the venues: no text on the map (labels overlapped each other and Korea); Suzhou and Lianyungang, a
    # few pixels apart at world scale, are one star named together in the legend
    venues = [tr for tr in fig.data if tr.type == "scattergeo" and tr.marker.symbol == "star"]
    assert [tr.name for tr in venues] == ["Venue 2024: Suzhou; Venue 2025: Lianyungang"]
    assert all(
        tr.mode == "markers"
        for tr in fig.data
        if tr.type == "scattergeo" and tr.name not in ("lines", "overlay", "inset")
    )
    # lines to the venue: great circles that never jump across the map (split at the antimeridian)
    line = next(tr for tr in fig.data if tr.name == "lines")
    pts = list(zip(line.lon, line.lat))
    assert all(abs(a[0] - b[0]) < 10 for a, b in zip(pts, pts[1:]) if None not in (a[0], b[0]))
    assert all(-180 <= x <= 180 and -90 <= y <= 90 for x, y in pts if x is not None)


def test_regions_view_fills_identified_countries_only(dataset):
    from dashboard.dataset import load_geojson
    from dashboard.figures import REGION_COLORS, region_map
    from dashboard.paths import REPO_ROOT

    f = mapdata.map_participants(dataset, 2025, lang="en")
    shares = mapdata.region_shares(f, lang="en")
    outlines = mapdata.geojson_subset(load_geojson("cn/regions", REPO_ROOT / "data"), shares.sub_region, "sub_region")
    fig = region_map(f, outlines, REGION_COLORS, "T", "S", "Src", "cn", lang="en")
    filled = [tr for tr in fig.data if tr.type == "choropleth" and tr.geojson is None and tr.geo != "geo2"]
    assert sorted(c for tr in filled for c in tr.locations) == sorted(f[f["shape"]].code)  # nothing else filled
    outline = [tr for tr in fig.data if tr.type == "choropleth" and tr.geojson is not None]
    assert len(outline) == 1 and set(outline[0].locations) == set(shares.sub_region)
    assert outline[0].colorscale[0][1] == "rgba(0,0,0,0)"  # sub-regions are outlined, never filled
    assert shares.identified.sum() == len(f)


def test_china_standard_map_has_the_south_china_sea_inset(dataset):
    """Issue 18: the ten-dash line read as dots at 390 px. China's standard map gets the South China Sea
    islands' inset (南海诸岛附图) with the dashes and the participants' shapes there (in their colours);
    on the world map the dashes are drawn longer; the de facto view has neither."""
    from dashboard import maplayout
    from dashboard.figures import participation_map

    f = mapdata.map_participants(dataset, 2025, lang="en")

    def build(worldview):
        return participation_map(
            f, f.iloc[:0], {"identified": "#E69F00"}, {"identified": "x"}, {}, "T", "S", "Src", worldview, lang="en"
        )

    fig = build("cn")
    inset = [tr for tr in fig.data if tr.geo == "geo2"]
    assert fig.layout.geo2.domain.x == (0.0, 0.2)
    shapes = [c for tr in inset if tr.type == "choropleth" for c in tr.locations]
    assert "CHN" in shapes and set(shapes) <= set(maplayout.INSET_CODES)
    dashes = next(tr for tr in inset if tr.type == "scattergeo")
    assert sum(x is None for x in dashes.lon) >= 10  # ten dashes (and the islands' rings)
    world = next(tr for tr in fig.data if tr.name == "overlay" and tr.geo != "geo2")
    first = lambda tr: maplayout._length(maplayout._parts(list(tr.lon), list(tr.lat))[0])  # noqa: E731
    assert first(world) > 1.5 * first(dashes)  # drawn longer (in degrees) on the world map
    assert not [tr for tr in build("ne").data if tr.geo == "geo2" or tr.name == "overlay"]


def test_edition_without_named_people(dataset):
    """Regression: an edition whose participants are known only from a list has no people rows."""
    from dataclasses import replace

    people = dataset.people[dataset.people.edition != 2025]
    f = mapdata.map_participants(replace(dataset, people=people), 2025, lang="en")
    assert len(f) == 13 and (f.people_text == "").all()
