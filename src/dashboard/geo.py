"""Geometry with geopandas, per worldview: country shapes → the base-map topojson the browser draws
(base countries, land and the participants' shapes, all from one file), marker points and
dissolved UN M49 sub-regions.

Run by the geometry step of the build (:mod:`dashboard.geostep`), skipped when its inputs are
unchanged; the app never imports this module.

Worldviews (:mod:`dashboard.worldview`):

- ``cn``, China's standard map: ``world-geo-json-zh`` 2.1.5 (Natural Earth 1:50m adjusted to the
  Ministry of Natural Resources' map GS(2023)2767: Taiwan part of China, Zangnan and Aksai Chin in
  China, South China Sea islands and the ten-dash line). Its Taiwan, Hong Kong and Macao are a few
  vertices of China's outline, so Natural Earth 1:50m's coastlines of the three are merged into
  China's shape; Hong Kong SAR and Macao SAR are also kept as features of their own (drawn on top of
  China, inside it), Taiwan is not.
- ``ne``, Natural Earth 4.1 1:50m (``world-atlas``), the de facto view.
"""

from __future__ import annotations

import json
from pathlib import Path

import geopandas as gpd
import pandas as pd
import shapely

from .paths import reference_dir

NE50 = "natural_earth/countries-50m.json"
ZH = "world_geo_json_zh/world.zh.json"
INSIDE_CHINA = ("TWN", "HKG", "MAC")  # merged into China's shape in the cn worldview
OWN_FEATURE_IN_CHINA = ("HKG", "MAC")  # ...and still drawn on their own (regions taking part)
# Equal Earth (an equal-area projection) for areas and representative points: centred on Greenwich
# for most shapes, on the antimeridian for the shapes that cross it (Russia, Fiji, Kiribati, the
# United States' Aleutians, New Zealand's Chatham Islands), which are unwrapped first.
EQUAL_AREA = "+proj=eqearth +lon_0=0 +datum=WGS84 +units=m +no_defs"
EQUAL_AREA_180 = "+proj=eqearth +lon_0=180 +datum=WGS84 +units=m +no_defs"
SIMPLIFY_DEG, GRID_DEG = 0.03, 0.005  # country shapes sent to the browser (keeps the ten-dash line's dashes)
# Natural Earth 1:50m is denser than world-geo-json-zh (already simplified by its author): simplify more.
SIMPLIFY = {"cn": (SIMPLIFY_DEG, GRID_DEG), "ne": (0.05, 0.01)}
REGION_SIMPLIFY_DEG, REGION_GRID_DEG = 0.2, 0.05  # sub-region outlines
QUANTIZE = 100_000  # topojson grid: 360° / 1e5 = 0.0036°


def crosses_antimeridian(geom) -> bool:
    minx, _, maxx, _ = geom.bounds
    return minx < -170 and maxx > 170


def unwrap(geom):
    """Shift the western-hemisphere part of a shape that crosses the antimeridian by +360°, so
    planar operations (area, representative point, dissolve, simplify) see one contiguous shape."""
    if not crosses_antimeridian(geom):
        return geom
    return shapely.transform(geom, lambda xy: xy + [[360.0, 0.0]] * (xy[:, :1] < 0))


def cut_antimeridian(geom):
    """The inverse of :func:`unwrap` for output: the part east of 180° is moved back by -360°, so
    every coordinate sent to the browser lies in -180…180 (the shape is split at the antimeridian)."""
    if geom.bounds[2] <= 180:
        return geom
    west = geom.intersection(shapely.box(-180, -90, 180, 90))
    east = shapely.affinity.translate(geom.intersection(shapely.box(180, -90, 540, 90)), xoff=-360)
    return shapely.union(west, east)


def _prepare(g: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    g = g.set_crs(4326, allow_override=True)  # the TopoJSON carries no CRS
    g["wraps"] = g.geometry.map(crosses_antimeridian)
    g["geometry"] = g.geometry.map(unwrap).make_valid()  # unwrap first; a few invalid shapes at 50m
    return g


def _codes(g: gpd.GeoDataFrame, numeric: pd.Series, entities: pd.DataFrame) -> gpd.GeoDataFrame:
    """ISO numeric → the entity code; features with no code (Somaliland, Northern Cyprus, Kosovo in
    Natural Earth, Siachen in world-geo-json-zh) keep code "" and are drawn as base land only."""
    codes = dict(entities.loc[entities.iso_numeric != "", ["iso_numeric", "code"]].itertuples(index=False))
    g["code"] = numeric.map(codes).fillna("")
    g = g[~g.geometry.is_empty]
    coded = g[g.code != ""].dissolve(by="code", as_index=False, aggfunc={"wraps": "max"})  # Australia+Ashmore
    return pd.concat([coded, g[g.code == ""][["code", "wraps", "geometry"]]], ignore_index=True)


def natural_earth(entities: pd.DataFrame, base: Path | None = None) -> gpd.GeoDataFrame:
    g = _prepare(gpd.read_file(reference_dir(base) / NE50, layer="countries"))
    return _codes(g, g["id"].fillna(""), entities)


def china_standard(entities: pd.DataFrame, ne: gpd.GeoDataFrame, base: Path | None = None) -> gpd.GeoDataFrame:
    g = _prepare(gpd.read_file(reference_dir(base) / ZH))
    g = _codes(g, g["iso_n3"].fillna("").where(g["iso_n3"] != "-99", ""), entities)
    ne_by = ne[ne.code != ""].set_index("code").geometry
    i = g.index[g.code == "CHN"][0]
    g.loc[i, "geometry"] = shapely.union_all([g.loc[i, "geometry"], *(ne_by[c] for c in INSIDE_CHINA)])
    own = gpd.GeoDataFrame(
        {"code": list(OWN_FEATURE_IN_CHINA), "wraps": False, "geometry": [ne_by[c] for c in OWN_FEATURE_IN_CHINA]},
        crs=4326,
    )
    return pd.concat([g[~g.code.isin(INSIDE_CHINA)], own], ignore_index=True)


def boundaries(
    worldview: str, entities: pd.DataFrame, base: Path | None = None, ne: gpd.GeoDataFrame | None = None
) -> gpd.GeoDataFrame:
    """All shapes of a worldview (unwrapped, repaired), ``code`` "" for shapes with no entity."""
    ne = natural_earth(entities, base) if ne is None else ne
    g = ne if worldview == "ne" else china_standard(entities, ne, base)
    return (
        gpd.GeoDataFrame(g, geometry="geometry", crs=4326).sort_values(["code"], kind="stable").reset_index(drop=True)
    )


def points(g: gpd.GeoDataFrame) -> pd.DataFrame:
    """Area (equal-area projection) and a representative point (inside the shape, unlike a centroid,
    which can fall in the sea) of every coded shape."""
    g = g[g.code != ""].copy()
    g["area_km2"], g["rep_lon"], g["rep_lat"] = 0.0, 0.0, 0.0
    for wraps_, crs in ((False, EQUAL_AREA), (True, EQUAL_AREA_180)):
        part = g["wraps"] == wraps_
        projected = g[part].to_crs(crs)
        pts = projected.representative_point().to_crs(4326)
        g.loc[part, "area_km2"] = (projected.area / 1e6).round(1)
        g.loc[part, "rep_lon"] = (((pts.x + 180) % 360) - 180).round(3)  # back to -180…180
        g.loc[part, "rep_lat"] = pts.y.round(3)
    return pd.DataFrame(g[["code", "area_km2", "rep_lon", "rep_lat"]])


def simplified(g: gpd.GeoDataFrame, tolerance: float = SIMPLIFY_DEG, grid: float = GRID_DEG) -> gpd.GeoDataFrame:
    """Simplify (degrees), snap to a grid, cut at the antimeridian and orient rings as d3-geo expects
    (exterior clockwise), so the file sent to the browser stays small and draws right."""
    out = g.copy()
    geom = out.geometry.simplify(tolerance, preserve_topology=True)
    geom = shapely.set_precision(geom.values, grid)
    geom = [shapely.orient_polygons(cut_antimeridian(x), exterior_cw=True) for x in geom]
    out["geometry"] = geom
    return out[~out.geometry.is_empty]


def dissolve_regions(g: gpd.GeoDataFrame, entities: pd.DataFrame, level: str = "sub_region") -> gpd.GeoDataFrame:
    """Country shapes dissolved into UN M49 regions or sub-regions."""
    m = g[g.code != ""].merge(entities[["code", level]], on="code", how="left")
    m = m[m[level].fillna("") != ""]
    return m[[level, "geometry"]].dissolve(by=level, as_index=False)


def to_geojson(g: gpd.GeoDataFrame, id_column: str) -> dict:
    """A FeatureCollection with ``properties.<id_column>`` and nothing else (small payload)."""
    return json.loads(g[[id_column, "geometry"]].to_json(drop_id=True))


# --- TopoJSON (the format plotly.js reads its base map from) ---------------------------------------


def to_topojson(g: gpd.GeoDataFrame, quantize: int = QUANTIZE) -> dict:
    """A quantized, delta-encoded TopoJSON with two objects over the same arcs: ``countries`` (one
    geometry per shape, ``id`` = the entity code, none for uncoded shapes) and ``land`` (the same
    geometries, which plotly.js fills as land). No arcs are shared between shapes: simpler, and the
    file stays small enough."""
    x0, y0, x1, y1 = g.total_bounds
    kx, ky = (x1 - x0) / (quantize - 1), (y1 - y0) / (quantize - 1)
    arcs: list[list[list[int]]] = []

    def ring(coords) -> int | None:
        q = [(round((x - x0) / kx), round((y - y0) / ky)) for x, y in coords]
        dedup = [q[0]] + [p for prev, p in zip(q, q[1:]) if p != prev]
        if len(dedup) < 4:
            return None
        arcs.append([list(dedup[0])] + [[b[0] - a[0], b[1] - a[1]] for a, b in zip(dedup, dedup[1:])])
        return len(arcs) - 1

    def polygon(p) -> list[list[int]]:
        rings = [ring(p.exterior.coords)] + [ring(r.coords) for r in p.interiors]
        return [] if rings[0] is None else [[i] for i in rings if i is not None]

    geometries = []
    for code, geom in zip(g.code, g.geometry):
        polys = [polygon(p) for p in getattr(geom, "geoms", [geom]) if p.geom_type == "Polygon"]
        polys = [p for p in polys if p]
        if not polys:
            continue
        item = {"type": "MultiPolygon", "arcs": polys}
        if code:
            item["id"] = code
        geometries.append(item)
    land = [{k: v for k, v in item.items() if k != "id"} for item in geometries]
    return {
        "type": "Topology",
        "transform": {"scale": [kx, ky], "translate": [x0, y0]},
        "bbox": [x0, y0, x1, y1],
        "objects": {
            "countries": {"type": "GeometryCollection", "geometries": geometries},
            "land": {"type": "GeometryCollection", "geometries": land},
        },
        "arcs": arcs,
    }


def from_topojson(topo: dict, name: str = "countries") -> dict:
    """Decode one object of a TopoJSON (as topojson-client does) into {id: shapely geometry}."""
    (kx, ky), (x0, y0) = topo["transform"]["scale"], topo["transform"]["translate"]
    decoded = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            pts.append((x * kx + x0, y * ky + y0))
        decoded.append(pts)

    def ring(ids):
        pts: list = []
        for i in ids:
            seg = decoded[i] if i >= 0 else decoded[~i][::-1]
            pts += seg if not pts else seg[1:]
        return pts

    out = {}
    for n, geom in enumerate(topo["objects"][name]["geometries"]):
        polys = [shapely.Polygon(ring(p[0]), [ring(h) for h in p[1:]]) for p in geom["arcs"]]
        out[geom.get("id", f"_{n}")] = shapely.MultiPolygon(polys)
    return out


def derive(
    worldview: str, entities: pd.DataFrame, base: Path | None = None, ne: gpd.GeoDataFrame | None = None
) -> dict[str, object]:
    """The geometry products of one worldview: marker points, the base-map topojson and the
    dissolved UN M49 sub-regions (GeoJSON)."""
    g = boundaries(worldview, entities, base, ne)
    pts = points(g)
    if worldview == "cn":  # Taiwan, China: no shape of its own; a marker at Natural Earth's point
        ne_pts = points((natural_earth(entities, base) if ne is None else ne).query("code == 'TWN'"))
        pts = pd.concat([pts, ne_pts.assign(own_shape=False)], ignore_index=True)
    pts["own_shape"] = pts.get("own_shape", pd.Series(True, index=pts.index)).fillna(True).astype(bool)
    pts.insert(0, "worldview", worldview)
    simple = simplified(g, *SIMPLIFY[worldview])
    if worldview == "cn":  # simplified apart, China's outline could cut into Macao: merge them again
        by = simple.set_index("code").geometry
        i = simple.index[simple.code == "CHN"][0]
        merged = shapely.union_all([by["CHN"], *(by[c] for c in OWN_FEATURE_IN_CHINA)])
        simple.loc[i, "geometry"] = shapely.orient_polygons(
            shapely.set_precision(merged, SIMPLIFY[worldview][1]), exterior_cw=True
        )
    topo = to_topojson(simple)
    regions = to_geojson(
        simplified(dissolve_regions(g, entities, "sub_region"), REGION_SIMPLIFY_DEG, REGION_GRID_DEG), "sub_region"
    )
    return {"points": pts.sort_values("code").reset_index(drop=True), "topojson": topo, "regions": regions}
