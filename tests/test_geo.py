"""geopandas geometry: CRS, repairs, dissolves, areas and points (antimeridian included)."""

from __future__ import annotations

import json

import pytest
import shapely

from dashboard import geo
from dashboard.reference import load_entities


@pytest.fixture(scope="module")
def boundaries():
    return geo.load_boundaries(load_entities())


def test_crs_valid_unique(boundaries):
    assert boundaries.crs.to_epsg() == 4326
    assert boundaries.geometry.is_valid.all()
    assert boundaries.code.is_unique
    assert len(boundaries) == 235


def test_small_states_exist_at_50m(boundaries):
    assert {"SGP", "HKG", "MAC", "BHR", "MLT", "MDV", "SLB"} <= set(boundaries.code)


def test_reference_flag_matches_geometry(boundaries):
    e = load_entities()
    assert set(e[e.ne50m_drawn].code) == set(boundaries.code)


@pytest.mark.parametrize("code, km2, tolerance", [
    ("RUS", 17_098_000, 0.03), ("FRA", 640_000, 0.05), ("FJI", 18_300, 0.1), ("USA", 9_500_000, 0.05),
    ("SGP", 700, 0.5), ("CHN", 9_400_000, 0.05),
])
def test_areas_in_an_equal_area_projection(boundaries, code, km2, tolerance):
    area = boundaries.set_index("code").loc[code, "area_km2"]
    assert abs(area - km2) / km2 < tolerance


@pytest.mark.parametrize("code", ["RUS", "FJI", "KIR", "NZL", "USA", "FRA", "SGP", "HKG", "AUS"])
def test_representative_point_lies_inside_the_shape(boundaries, code):
    r = boundaries.set_index("code").loc[code]
    point = shapely.Point(r.rep_lon if r.rep_lon >= 0 or not geo.crosses_antimeridian(r.geometry) and
                          r.geometry.bounds[2] <= 180 else r.rep_lon + 360, r.rep_lat)
    shape = r.geometry
    assert shape.contains(point) or shape.contains(shapely.Point(r.rep_lon + 360, r.rep_lat)), code
    assert -180 <= r.rep_lon <= 180


def test_simplified_geojson_is_small(boundaries):
    codes = ["CHN", "USA", "RUS", "MNG", "SLB", "PER", "HKG", "IDN", "HUN", "SAU", "CUB", "KOR", "NGA"]
    gj = geo.to_geojson(geo.simplified(boundaries[boundaries.code.isin(codes)]), "code")
    assert {f["properties"]["code"] for f in gj["features"]} == set(codes)
    assert len(json.dumps(gj)) < 200_000


def test_dissolved_regions(boundaries):
    r = geo.dissolve_regions(boundaries, load_entities(), "sub_region")
    assert {"Eastern Asia", "Melanesia", "Western Europe"} <= set(r.sub_region)
    assert len(r) >= 20


def test_build_products_match_the_geometry(boundaries):
    """data/clean/country_points.csv and geo/*.geojson are what geo.derive computes."""
    import pandas as pd

    from dashboard.dataset import load_geojson
    from dashboard.paths import REPO_ROOT

    derived = geo.derive(load_entities())
    points = pd.read_csv(REPO_ROOT / "data" / "clean" / "country_points.csv")
    pd.testing.assert_frame_equal(points, derived["points"].reset_index(drop=True), check_dtype=False)
    countries = load_geojson("countries", REPO_ROOT / "data")
    assert len(countries["features"]) == len(boundaries)


def test_the_app_never_imports_geopandas():
    """Geometry is prepared by the build; the app's modules must not pull in geopandas (memory)."""
    import subprocess
    import sys

    code = ("import sys; import dashboard.ui.mapview, dashboard.ui.press, dashboard.keycharts, dashboard.mapdata; "
            "print('geopandas' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "False"
