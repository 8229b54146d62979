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
    """China's standard map; the dashes of the South China Sea's dashed line are not part of China's
    shape here (see :func:`dashed_line`)."""
    g = _prepare(gpd.read_file(reference_dir(base) / ZH))
    g = _codes(g, g["iso_n3"].fillna("").where(g["iso_n3"] != "-99", ""), entities)
    ne_by = ne[ne.code != ""].set_index("code").geometry
    i = g.index[g.code == "CHN"][0]
    without_dashes, _ = split_dashes(g.loc[i, "geometry"])
    g.loc[i, "geometry"] = shapely.union_all([without_dashes, *(ne_by[c] for c in INSIDE_CHINA)])
    own = gpd.GeoDataFrame(
        {"code": list(OWN_FEATURE_IN_CHINA), "wraps": False, "geometry": [ne_by[c] for c in OWN_FEATURE_IN_CHINA]},
        crs=4326,
    )
    return pd.concat([g[~g.code.isin(INSIDE_CHINA)], own], ignore_index=True)


def dashed_line(worldview: str, base: Path | None = None) -> dict:
    """Lines a worldview draws over its base map, as GeoJSON (``properties.kind``): China's standard map
    has the South China Sea's dashed line (the centre lines of world-geo-json-zh's ten dash polygons);
    Natural Earth's de facto view has none."""
    features = []
    if worldview == "cn":
        zh = json.loads((reference_dir(base) / ZH).read_text(encoding="utf-8"))
        china = next(f for f in zh["features"] if f["properties"].get("iso_n3") == "156")
        rest, lines = split_dashes(shapely.geometry.shape(china["geometry"]))
        features = [
            {"type": "Feature", "properties": {"kind": "scs_dashed_line"}, "geometry": shapely.geometry.mapping(line)}
            for line in sorted(lines.geoms, key=lambda ln: (-ln.coords[0][1], ln.coords[0][0]))
        ]
        # the South China Sea islands (Dongsha, Xisha, Nansha: a few hundredths of a square degree each),
        # outlined too: filled in a participant's colour under a white border they vanish
        islands = [p for p in rest.geoms if p.area < 0.5 and SCS_BOX.contains(p)]
        features += [
            {
                "type": "Feature",
                "properties": {"kind": "scs_island"},
                "geometry": shapely.geometry.mapping(shapely.set_precision(p.exterior, 0.001)),
            }
            for p in sorted(islands, key=lambda p: (-p.bounds[3], p.bounds[0]))
        ]
    return json.loads(json.dumps({"type": "FeatureCollection", "features": features}))


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
    geom = [shapely.orient_polygons(around_pole(cut_antimeridian(x)), exterior_cw=True) for x in geom]
    out["geometry"] = geom
    return out[~out.geometry.is_empty]


def around_pole(geom):
    """A shape that reaches the pole (Antarctica) ends at 89° S instead, with a point every 2° along that
    parallel: d3-geo reads an edge along 90° S (all one point) as nothing and then fills the whole globe
    outside the shape (the grey "sea" of earlier versions, with Antarctica left white)."""
    if geom.bounds[1] > -89.5:
        return geom
    return shapely.segmentize(geom.intersection(shapely.box(-180, -89, 180, 90)), 2.0)


def dissolve_regions(g: gpd.GeoDataFrame, entities: pd.DataFrame, level: str = "sub_region") -> gpd.GeoDataFrame:
    """Country shapes dissolved into UN M49 regions or sub-regions."""
    m = g[g.code != ""].merge(entities[["code", level]], on="code", how="left")
    m = m[m[level].fillna("") != ""]
    return m[[level, "geometry"]].dissolve(by=level, as_index=False)


# --- The South China Sea's dashed line (China's standard map) ------------------------------------------
# world-geo-json-zh draws the ten dashes as thin polygons (about 0.02° wide, 0.5–1.2° long) inside China's
# shape; filled in a participant's colour with a white outline they read as white ticks on the map. They
# are taken out of the shape and drawn as lines instead (their centre lines), in dark grey, over every map.
DASH_MAX_WIDTH_DEG, DASH_MIN_LENGTH_DEG = 0.03, 0.5
SCS_BOX = shapely.box(105, 3, 118, 21.5)  # the South China Sea south of Guangdong, west of Luzon


def _is_dash(poly) -> bool:
    """Long and thin: mean width (2 × area / perimeter) at most 0.03°, length (half the perimeter) at
    least 0.5° (the islands nearby are wider or shorter)."""
    half = poly.length / 2
    return half >= DASH_MIN_LENGTH_DEG and poly.area / half <= DASH_MAX_WIDTH_DEG


def centre_line(poly, samples: int = 9):
    """The centre line of a thin polygon: its two shortest non-adjacent edges are the ends, the two
    long sides between them are resampled by length and averaged."""
    pts = list(poly.exterior.coords)[:-1]
    n = len(pts)
    length = [shapely.Point(pts[i]).distance(shapely.Point(pts[(i + 1) % n])) for i in range(n)]
    order = sorted(range(n), key=length.__getitem__)
    a = order[0]
    b = next(i for i in order[1:] if (i - a) % n not in (1, n - 1))
    if b < a:
        a, b = b, a
    side1 = shapely.LineString([pts[k % n] for k in range(a + 1, b + 1)])
    side2 = shapely.LineString([pts[k % n] for k in range(b + 1, a + n + 1)][::-1])
    mid = []
    for i in range(samples):
        p, q = (
            side1.interpolate(i / (samples - 1), normalized=True),
            side2.interpolate(i / (samples - 1), normalized=True),
        )
        mid.append((round((p.x + q.x) / 2, 3), round((p.y + q.y) / 2, 3)))
    return shapely.LineString(mid).simplify(0.002)


def split_dashes(geom):
    """(the shape without its dashes, the dashes' centre lines as a MultiLineString)."""
    parts = list(getattr(geom, "geoms", [geom]))
    dashes = [p for p in parts if _is_dash(p)]
    rest = shapely.MultiPolygon([p for p in parts if not _is_dash(p)])
    return rest, shapely.MultiLineString([centre_line(p) for p in dashes])


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
    return {
        "points": pts.sort_values("code").reset_index(drop=True),
        "topojson": topo,
        "regions": regions,
        "lines": dashed_line(worldview, base),
    }
