"""Geometry with geopandas: Natural Earth admin-0 (1:50m) → participant shapes, marker points
and dissolved UN M49 regions.

Done once per process (the app caches :func:`load_boundaries`); nothing here runs on a
rerun. The figure JSON sent per rerun carries only the (simplified) shapes of the
identified participants, never the whole world: the base layer comes from the locally
served topojson.
"""

from __future__ import annotations

import json
from pathlib import Path

import geopandas as gpd
import pandas as pd
import shapely

from .paths import reference_dir

NE50 = "natural_earth/countries-50m.json"
# Equal Earth (an equal-area projection) for areas and representative points: centred on Greenwich
# for most shapes, on the antimeridian for the shapes that cross it (Russia, Fiji, Kiribati, the
# United States' Aleutians, New Zealand's Chatham Islands), which are unwrapped first.
EQUAL_AREA = "+proj=eqearth +lon_0=0 +datum=WGS84 +units=m +no_defs"
EQUAL_AREA_180 = "+proj=eqearth +lon_0=180 +datum=WGS84 +units=m +no_defs"


def crosses_antimeridian(geom) -> bool:
    minx, _, maxx, _ = geom.bounds
    return minx < -170 and maxx > 170


def unwrap(geom):
    """Shift the western-hemisphere part of a shape that crosses the antimeridian by +360°, so
    planar operations (area, representative point, dissolve, simplify) see one contiguous shape.
    The browser's spherical renderer (d3-geo) draws longitudes above 180° correctly."""
    if not crosses_antimeridian(geom):
        return geom
    return shapely.transform(geom, lambda xy: xy + [[360.0, 0.0]] * (xy[:, :1] < 0))


def load_boundaries(entities: pd.DataFrame, base: Path | None = None) -> gpd.GeoDataFrame:
    """Country shapes keyed by ISO alpha-3 code, repaired and dissolved, with area and a
    representative point (inside the shape, unlike a centroid, which can fall in the sea)."""
    g = gpd.read_file(reference_dir(base) / NE50, layer="countries")
    g = g[g["id"].notna()].set_crs(4326, allow_override=True)  # the TopoJSON carries no CRS
    wraps = g.geometry.map(crosses_antimeridian)
    g["geometry"] = g.geometry.map(unwrap).make_valid()  # unwrap first; 3 invalid shapes at 50m
    g["wraps"] = wraps
    g = g.dissolve(by="id", as_index=False, aggfunc={"wraps": "max", "name": "first"})  # Australia+Ashmore: "036"
    codes = entities.loc[entities.iso_numeric != "", ["iso_numeric", "code"]]
    g = g.merge(codes, left_on="id", right_on="iso_numeric", how="inner")
    g["area_km2"], g["rep_lon"], g["rep_lat"] = 0.0, 0.0, 0.0
    for wraps_, crs in ((False, EQUAL_AREA), (True, EQUAL_AREA_180)):
        part = g["wraps"] == wraps_
        projected = g[part].to_crs(crs)
        points = projected.representative_point().to_crs(4326)
        g.loc[part, "area_km2"] = (projected.area / 1e6).round(1)
        g.loc[part, "rep_lon"] = (((points.x + 180) % 360) - 180).round(3)  # back to -180…180
        g.loc[part, "rep_lat"] = points.y.round(3)
    return g[["code", "name", "area_km2", "rep_lon", "rep_lat", "geometry"]].sort_values("code").reset_index(drop=True)


def simplified(g: gpd.GeoDataFrame, tolerance: float = 0.05, grid: float = 0.01) -> gpd.GeoDataFrame:
    """Simplify (degrees) and snap to a grid, so the GeoJSON sent to the browser stays small."""
    out = g.copy()
    geom = out.geometry.simplify(tolerance, preserve_topology=True)
    out["geometry"] = shapely.set_precision(geom.values, grid)
    return out[~out.geometry.is_empty]


def dissolve_regions(g: gpd.GeoDataFrame, entities: pd.DataFrame, level: str = "sub_region") -> gpd.GeoDataFrame:
    """Country shapes dissolved into UN M49 regions or sub-regions."""
    m = g.merge(entities[["code", level]], on="code", how="left")
    m = m[m[level].fillna("") != ""]
    return m[[level, "geometry"]].dissolve(by=level, as_index=False)


def to_geojson(g: gpd.GeoDataFrame, id_column: str) -> dict:
    """A FeatureCollection with ``properties.<id_column>`` and nothing else (small payload)."""
    return json.loads(g[[id_column, "geometry"]].to_json(drop_id=True))


def derive(entities: pd.DataFrame, base: Path | None = None) -> dict[str, object]:
    """The geometry products the app needs, computed once by the build (``data/clean/geo/``):
    a point table (area, representative point), simplified country shapes and dissolved
    UN M49 sub-regions as GeoJSON. The app then never imports geopandas."""
    g = load_boundaries(entities, base)
    points = pd.DataFrame(g.drop(columns="geometry"))[["code", "area_km2", "rep_lon", "rep_lat"]]
    countries = to_geojson(simplified(g, 0.05, 0.01), "code")
    regions = to_geojson(simplified(dissolve_regions(g, entities, "sub_region"), 0.2, 0.05), "sub_region")
    return {"points": points, "countries": countries, "regions": regions}
