"""Geometry per worldview: China's standard map by default (point-in-polygon on the very files the
browser and the image export draw from), Natural Earth's de facto view as the alternative; the
geometry step and its content hash."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
import shapely

from dashboard import geostep, keycharts, mapdata, worldview
from dashboard.paths import REPO_ROOT
from dashboard.static_export import topojson_folder

# Places China's standard map draws inside China (Zangnan: Tawang, Bomdila, Ziro; Aksai Chin; Taiwan; Hainan).
IN_CHINA = {
    "Taipei": (121.5654, 25.0330),
    "Kaohsiung": (120.3014, 22.6273),
    "Tawang": (91.8594, 27.5860),
    "Bomdila": (92.4159, 27.2645),
    "Ziro": (93.8310, 27.5450),
    "Aksai Chin": (79.5, 35.2),
    "Haikou": (110.3300, 20.0300),
}


def shapes_in(folder: Path, code: str) -> dict:
    topo = json.loads((folder / worldview.topojson_name(code)).read_text(encoding="utf-8"))
    from dashboard.geo import from_topojson  # decoding needs only shapely; geo imports geopandas (tests only)

    return from_topojson(topo)


@pytest.fixture(scope="module")
def served():
    """What the browser fetches: static/geo/<worldview>/world_<res>m.json."""
    return {wv: shapes_in(worldview.topojson_dir(wv), wv) for wv in worldview.WORLDVIEWS}


@pytest.fixture(scope="module")
def exported(dataset):
    """What the PNG/SVG export reads: the folder static_export hands kaleido for the map figure."""
    out = {}
    for wv in worldview.WORLDVIEWS:
        fig = keycharts.world_map(dataset, 2025, worldview=wv, lang="en").figure
        out[wv] = shapes_in(Path(unquote(urlparse(topojson_folder(fig)).path)), wv)
    return out


@pytest.mark.parametrize("which", ["served", "exported"])
@pytest.mark.parametrize("place", list(IN_CHINA))
def test_default_worldview_draws_these_places_inside_china(request, which, place):
    shapes = request.getfixturevalue(which)[worldview.DEFAULT]
    point = shapely.Point(*IN_CHINA[place])
    assert shapes["CHN"].contains(point), place
    inside = {c for c, g in shapes.items() if g.contains(point)}
    assert inside == {"CHN"}, (place, inside)  # no other shape (India's, Taiwan's) claims it


@pytest.mark.parametrize("which", ["served", "exported"])
def test_no_separate_taiwan_feature_but_hong_kong_and_macao_inside_china(request, which):
    shapes = request.getfixturevalue(which)["cn"]
    assert "TWN" not in shapes
    for code in ("HKG", "MAC"):
        inner = shapes[code].representative_point()
        assert shapes["CHN"].contains(inner), code


def test_default_is_china_and_the_setting_is_checked(monkeypatch):
    monkeypatch.delenv(worldview.ENV, raising=False)
    assert worldview.DEFAULT == "cn" and worldview.configured() == "cn"
    assert worldview.from_param("ne") == ("ne", True)
    assert worldview.from_param(None) == ("cn", True)
    assert worldview.from_param("xx") == ("cn", False)  # a bad link falls back, with a warning
    monkeypatch.setenv(worldview.ENV, "ne")
    assert worldview.from_param(None) == ("ne", True)
    monkeypatch.setenv(worldview.ENV, "moon")
    from dashboard.errors import DataError

    with pytest.raises(DataError, match="unknown worldview 'moon'"):
        worldview.configured()


def test_natural_earth_view_is_de_facto(served):
    ne = served["ne"]
    assert "TWN" in ne and ne["TWN"].contains(shapely.Point(*IN_CHINA["Taipei"]))
    assert ne["IND"].contains(shapely.Point(*IN_CHINA["Tawang"]))


@pytest.mark.parametrize("code", worldview.WORLDVIEWS)
def test_every_drawable_identified_participant_is_drawn(dataset, served, synthetic_data, code):
    from dashboard.dataset import load_clean

    for ds in (dataset, load_clean(synthetic_data)):
        for a, b in [(e, None) for e in ds.edition_ids] + [(ds.edition_ids[0], ds.edition_ids[-1])]:
            f = mapdata.map_participants(ds, a, b, code, lang="en")
            assert set(f[f["shape"]].code) <= set(served[code]), (code, a, b)
            assert f[f.drawable & ~f["shape"]].marker.all()
    f = mapdata.map_participants(dataset, 2024, 2025, code, lang="en")
    assert f.drawable.all() and len(f) == 19


def test_figure_references_the_worldview_and_carries_no_geometry(dataset):
    for code in worldview.WORLDVIEWS:
        fig = keycharts.world_map(dataset, 2024, 2025, worldview=code, lang="en").figure
        assert fig.layout.meta["worldview"] == code and fig.layout.geo.resolution == worldview.RESOLUTION[code]
        choro = [tr for tr in fig.data if tr.type == "choropleth" and tr.geo != "geo2"]  # geo2: the inset
        assert len(choro) == 1 and choro[0].locationmode == "ISO-3" and choro[0].geojson is None
        assert not fig.layout.geo.showocean and not fig.layout.geo.showcoastlines  # plotly's own topojson layers
        assert worldview.source_text(code, lang="en") in fig.layout.annotations[-1].text.replace("<br>", " ")


def test_topojson_round_trip_and_orientation():
    import geopandas as gpd

    from dashboard import geo

    square = shapely.Polygon([(0, 0), (10, 0), (10, 10), (0, 10)], [[(2, 2), (2, 4), (4, 4), (4, 2)]])
    wrap = shapely.box(170, -20, 190, -10)  # an unwrapped shape crossing the antimeridian
    g = geo.simplified(gpd.GeoDataFrame({"code": ["AAA", "FJI"], "geometry": [square, wrap]}, crs=4326), 0.001, 0.001)
    back = geo.from_topojson(geo.to_topojson(g))
    assert back["AAA"].symmetric_difference(square).area < 0.1  # quantized to a 0.0036° grid
    assert back["FJI"].bounds[0] >= -180 and back["FJI"].bounds[2] <= 180  # cut at the antimeridian
    assert abs(back["FJI"].area - 200) < 0.5
    for poly in back["AAA"].geoms:  # d3-geo: exterior rings clockwise
        assert not poly.exterior.is_ccw


def test_points_per_worldview(dataset):
    p = dataset.country_points.set_index(["worldview", "code"])
    assert not p.loc[("cn", "TWN"), "own_shape"] and p.loc[("ne", "TWN"), "own_shape"]
    assert p.loc[("cn", "CHN"), "area_km2"] > p.loc[("ne", "CHN"), "area_km2"]  # Taiwan, Zangnan
    for code, km2, tol in (
        ("RUS", 17_098_000, 0.03),
        ("FRA", 640_000, 0.05),
        ("FJI", 18_300, 0.1),
        ("USA", 9_500_000, 0.05),
        ("SGP", 700, 0.5),
    ):
        assert abs(p.loc[("ne", code), "area_km2"] - km2) / km2 < tol, code
    assert (p.rep_lon.between(-180, 180)).all()


def test_served_files_are_the_data_package_copies():
    for name in geostep.product_names():
        if name != "points.csv":
            assert (worldview.SERVED_DIR / name).read_bytes() == (
                REPO_ROOT / "data" / "clean" / "geo" / name
            ).read_bytes(), name


def test_geometry_step_is_up_to_date_and_skipped_by_content_hash(tmp_path):
    assert geostep.up_to_date(geostep.OUT, geostep.inputs()), "run: python -m dashboard.geostep"
    data = tmp_path / "data"
    shutil.copytree(REPO_ROOT / "data" / "reference", data / "reference")
    assert geostep.inputs(data) == geostep.inputs()  # same content, same hash: skipped
    ne = data / "reference" / geostep.REFERENCE_FILES[1]
    ne.write_bytes(ne.read_bytes().replace(b'"CN"', b'"CN" ', 1))
    changed = geostep.inputs(data)
    assert changed != geostep.inputs() and not geostep.up_to_date(geostep.OUT, changed)
    ents = data / "reference" / "entities.csv"  # a new alias does not touch the geometry
    ents.write_text(ents.read_text(encoding="utf-8").replace("PRC|", "PRC|P.R.C.|", 1), encoding="utf-8")
    assert (
        geostep.inputs(data)["data/reference/entities.csv[code, iso_numeric, sub_region]"]
        == geostep.inputs()["data/reference/entities.csv[code, iso_numeric, sub_region]"]
    )


def test_build_with_unchanged_geometry_never_imports_geopandas():
    code = "import sys; from dashboard import build; build.build(); print('geopandas' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "False"


def test_the_app_never_imports_geopandas():
    """Geometry is prepared by the build; the app's modules must not pull in geopandas (memory)."""
    code = (
        "import sys; import dashboard.ui.mapview, dashboard.ui.press, dashboard.keycharts, dashboard.mapdata; "
        "print('geopandas' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "False"


@pytest.mark.parametrize("which", ["served", "exported"])
def test_south_china_sea_islands_are_part_of_china_and_the_dashes_are_lines(request, which):
    chn = request.getfixturevalue(which)["cn"]["CHN"]
    south = [p for p in chn.geoms if p.bounds[3] < 17 and p.bounds[0] > 107]  # south of Hainan
    assert len(south) >= 5, len(south)  # Xisha and Nansha islands, kept by simplification
    # the dashes are no longer (thin) polygons of China's shape: they are drawn as lines
    assert not [p for p in south if p.area / (p.length / 2) <= 0.03 and p.length / 2 >= 0.5]
    assert not any(p.bounds[3] < 17 and p.bounds[0] > 107 for p in request.getfixturevalue(which)["ne"]["CHN"].geoms)


def test_dashed_line_is_ten_dark_dashes_over_every_cn_map(dataset):
    from dashboard import maplayout

    features = json.loads((worldview.topojson_dir("cn") / "lines.geojson").read_text(encoding="utf-8"))["features"]
    lines = [f for f in features if f["properties"]["kind"] == "scs_dashed_line"]
    islands = [f for f in features if f["properties"]["kind"] == "scs_island"]
    assert len(lines) == 10
    assert len(islands) >= 5  # Dongsha, Xisha, Nansha outlined (filled they vanish under a white border)
    assert min(pt[1] for f in lines for pt in f["geometry"]["coordinates"]) < 4  # the southernmost, near 3.4°N
    assert all(shapely.LineString(f["geometry"]["coordinates"]).length > 0.8 for f in lines)  # dashes, not dots
    assert json.loads((worldview.topojson_dir("ne") / "lines.geojson").read_text(encoding="utf-8"))["features"] == []
    for wv in worldview.WORLDVIEWS:
        for fig in (
            keycharts.world_map(dataset, 2025, worldview=wv, lang="en").figure,
            keycharts.world_map(dataset, 2024, 2025, True, worldview=wv, lang="en").figure,
        ):
            overlay = [tr for tr in fig.data if tr.name == "overlay"]
            if wv == "ne":
                assert overlay == []
                continue
            assert len(overlay) == 1 and overlay[0].mode == "lines"
            assert overlay[0].line.color == maplayout.OVERLAY_COLOR and overlay[0].line.width >= 1.5
            assert sum(v is None for v in overlay[0].lon) == len(features)


def test_data_package_names_both_worldviews_and_their_sources():
    desc = json.loads((REPO_ROOT / "data" / "clean" / "datapackage.json").read_text(encoding="utf-8"))
    res = {r["name"]: r for r in desc["resources"]}
    assert "GS(2023)2767" in res["cn_world_50m_json"]["description"]
    assert "world-geo-json-zh 2.1.5" in res["cn_world_50m_json"]["description"]
    assert "de facto" in res["ne_world_110m_json"]["description"]
    fields = {f["name"] for f in res["country_points"]["schema"]["fields"]}
    assert {"worldview", "own_shape"} <= fields and res["country_points"]["schema"]["primaryKey"] == [
        "worldview",
        "code",
    ]
