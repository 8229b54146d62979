"""Layout of the world map, in pixels and degrees, as plain functions (used by :mod:`dashboard.figures`).

- **The frame.** The map is the whole globe in the Natural Earth projection, so its outline is the
  projection's own (flat only at the poles, as the projection is), never cut by a latitude range. The
  chart's height follows its width (``ui.mapview``): ``height = MAP_ASPECT × width + top + bottom``,
  where top and bottom are computed from the lines of text the figure holds (title, subtitle, source
  line, legend rows), so no band of empty space sits above or below the map at any width.
- **The legend** has one entry per row at every width, so its height does not depend on the screen.
- **Venues** closer than :data:`VENUE_MERGE_DEG` (Suzhou and Lianyungang are 3.6° apart, a few pixels at
  world scale) are drawn as one star with both names in its legend entry.
- **Lines to the venue** are great circles sampled every few degrees and split where they cross the
  antimeridian, so no segment is drawn across the map or outside its frame.
- **Lines over the base map** (China's standard map: the South China Sea's dashed line and the outlines
  of the South China Sea islands), from
  ``static/geo/<worldview>/lines.geojson`` (the build's geometry step, beside the base map's topojson;
  copied into ``data/clean/geo/``), in dark grey.
"""

from __future__ import annotations

import math
from functools import lru_cache

from . import textwidth

# Natural Earth projection of the whole globe: height / width of its outline.
MAP_ASPECT = 0.5193
TITLE_COLS, TEXT_COLS, SOURCE_COLS, LEGEND_COLS = 40, 54, 58, 50  # columns per line at a 358 px chart
# px per line: plotly spaces every line of the title by the title's font (16 px), the subtitle's smaller
# lines included; the source line (11 px) and the legend (12 px) by their own.
TITLE_LINE, SOURCE_LINE, LEGEND_LINE = 21, 15, 15
LEGEND_ROW_PAD = 4  # px between legend rows (the star symbol is taller than a line)
TOP_PAD, GAP = 20, 6  # the title's first line starts about 6 px above its pad
VENUE_MERGE_DEG = 12.0  # venues closer than this overlap as stars on a phone-wide world map
OVERLAY_COLOR = "#4D4D4D"
# The South China Sea islands' inset (南海诸岛附图, as China's standard maps draw it): at world scale the ten
# dashes span about 21° of latitude, some 24 px on a phone-wide map, too little to tell ten dashes from a
# dotted line; the inset draws them about three times larger in the map's lower left corner, outside the
# globe's outline (the empty south-east Pacific). Domain in the map's frame (fractions), region in degrees.
# Its top edge stays below Tonga and Samoa (about 21°S and 14°S at the map's left edge): a taller inset
# would hide them.
INSET_DOMAIN = {"x": [0.0, 0.2], "y": [0.0, 0.36]}
INSET_LON, INSET_LAT = [104.0, 125.0], [2.0, 26.5]
# The shapes the inset can show (it repeats only these participants' shapes, in their colours).
INSET_CODES = ("CHN", "HKG", "MAC", "TWN", "VNM", "LAO", "KHM", "THA", "MMR", "MYS", "SGP", "BRN", "IDN", "PHL")
# The dashes for the width the map is drawn at (``dash_lines``). At world scale a dash (about 1.1°) is some
# 1 px long on a phone and 3 px on a desktop: drawn as it is, it reads as a dot. Each dash is lengthened at
# both ends towards DASH_PX on screen (at most DASH_MAX_STRETCH times its length), leaving at least
# DASH_GAP_PX to its neighbours, so it reads as a dash where there is room and the whole line as a line
# where there is not (a phone's world map: the inset shows the dashes apart). Lines are thicker on a
# phone-wide map (narrower than PHONE_MAP_PX).
DASH_PX, DASH_MAX_STRETCH, DASH_GAP_PX = 6.0, 3.0, 1.0
PHONE_MAP_PX = 700
OVERLAY_WIDTH, OVERLAY_WIDTH_PHONE = 1.6, 2.2
INSET_WIDTH, INSET_WIDTH_PHONE = 2.0, 1.8
# The width a map is drawn at when the page has not said (a phone's chart; AppTest) and in exports.
DEFAULT_MAP_PX, EXPORT_MAP_PX = 350, 1000


def top_px(title_lines: int, subtitle_lines: int) -> int:
    return TOP_PAD + TITLE_LINE * (title_lines + subtitle_lines) - 12 + GAP


def bottom_px(source_lines: int, legend_lines: list[int]) -> int:
    """Source line right under the map, then the legend (one entry per row) at the bottom edge."""
    legend = sum(LEGEND_LINE * max(n, 1) + LEGEND_ROW_PAD for n in legend_lines)
    return round(GAP + SOURCE_LINE * source_lines + GAP + legend + GAP)


def height_at(width: int, top: int, bottom: int) -> int:
    return round(MAP_ASPECT * width) + top + bottom


def legend_label(text: str) -> str:
    return textwidth.wrap_br(text, LEGEND_COLS)


def distance_deg(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    """Great-circle distance in degrees."""
    p1, p2, dl = math.radians(lat1), math.radians(lat2), math.radians(lon2 - lon1)
    c = math.sin(p1) * math.sin(p2) + math.cos(p1) * math.cos(p2) * math.cos(dl)
    return math.degrees(math.acos(max(-1.0, min(1.0, c))))


def venue_groups(venues: list[tuple[float, float]], min_deg: float = VENUE_MERGE_DEG) -> list[list[int]]:
    """Indices of venues grouped so that venues closer than ``min_deg`` (directly or through a chain)
    share one group; groups in order of their first venue."""
    groups: list[list[int]] = []
    for i, (lon, lat) in enumerate(venues):
        near = [g for g in groups if any(distance_deg(lon, lat, *venues[j]) < min_deg for j in g)]
        merged = [j for g in near for j in g] + [i]
        groups = [g for g in groups if g not in near] + [sorted(merged)]
    return sorted(groups, key=lambda g: g[0])


def great_circle(lon1: float, lat1: float, lon2: float, lat2: float, step_deg: float = 2.0):
    """(lons, lats) along the great circle, about every ``step_deg``; a ``None`` where it crosses the
    antimeridian (the line continues on the other side of the map)."""
    d = distance_deg(lon1, lat1, lon2, lat2)
    n = max(int(d / step_deg), 1)
    l1, p1, l2, p2 = map(math.radians, (lon1, lat1, lon2, lat2))
    a = (math.cos(p1) * math.cos(l1), math.cos(p1) * math.sin(l1), math.sin(p1))
    b = (math.cos(p2) * math.cos(l2), math.cos(p2) * math.sin(l2), math.sin(p2))
    omega = math.radians(d)
    lons: list[float | None] = []
    lats: list[float | None] = []
    for k in range(n + 1):
        f = k / n
        if omega < 1e-9:
            x, y, z = a
        else:
            s1, s2 = math.sin((1 - f) * omega) / math.sin(omega), math.sin(f * omega) / math.sin(omega)
            x, y, z = (s1 * a[i] + s2 * b[i] for i in range(3))
        lon, lat = math.degrees(math.atan2(y, x)), math.degrees(math.atan2(z, math.hypot(x, y)))
        if lons and lons[-1] is not None and abs(lon - lons[-1]) > 180:
            edge = 180.0 if lons[-1] > 0 else -180.0  # end on the edge, start again on the other one
            mid_lat = (lats[-1] + lat) / 2
            lons += [edge, None, -edge]
            lats += [mid_lat, None, mid_lat]
        lons.append(round(lon, 3))
        lats.append(round(lat, 3))
    return lons, lats


def lines_to(points: list[tuple[float, float]], target: tuple[float, float]):
    """Great circles from every point to the target, as one trace's (lons, lats) with ``None`` gaps."""
    lons: list[float | None] = []
    lats: list[float | None] = []
    for lon, lat in points:
        xs, ys = great_circle(lon, lat, *target)
        lons += [*xs, None]
        lats += [*ys, None]
    return lons, lats


@lru_cache(maxsize=8)
def _overlay(path: str) -> tuple[tuple, tuple]:
    import json

    try:
        with open(path, encoding="utf-8") as fh:
            features = json.load(fh)["features"]
    except OSError:
        return (), ()
    lons: list[float | None] = []
    lats: list[float | None] = []
    for f in features:
        geom = f["geometry"]
        parts = geom["coordinates"] if geom["type"] == "MultiLineString" else [geom["coordinates"]]
        for part in parts:
            lons += [p[0] for p in part] + [None]
            lats += [p[1] for p in part] + [None]
    return tuple(lons), tuple(lats)


def _parts(lons: list, lats: list) -> list[list[tuple[float, float]]]:
    parts: list[list[tuple[float, float]]] = [[]]
    for lon, lat in zip(lons, lats):
        if lon is None:
            parts.append([])
        else:
            parts[-1].append((lon, lat))
    return [p for p in parts if p]


def _length(part: list[tuple[float, float]]) -> float:
    return sum(math.dist(a, b) for a, b in zip(part, part[1:]))


def lengthened(lons: list, lats: list, px_per_deg: float) -> tuple[list, list]:
    """The open lines among ``lons``/``lats`` (parts split by ``None``: the dashes) lengthened at both ends
    along their end segments, towards :data:`DASH_PX` on a map drawn ``px_per_deg`` pixels per degree, at
    most :data:`DASH_MAX_STRETCH` times their length and leaving :data:`DASH_GAP_PX` to the nearest other
    dash (each end takes at most half of the room to it). Closed rings (islands' outlines) stay as they are."""
    parts = _parts(lons, lats)
    dashes = [i for i, p in enumerate(parts) if len(p) > 1 and p[0] != p[-1]]
    ends = {i: (parts[i][0], parts[i][-1]) for i in dashes}
    gap = DASH_GAP_PX / px_per_deg
    out_lon: list = []
    out_lat: list = []
    for i, part in enumerate(parts):
        if i in ends:
            length = _length(part)
            want = (min(max(DASH_PX / px_per_deg, length), DASH_MAX_STRETCH * length) - length) / 2
            head, tail = [], []
            for end, inner, out in ((part[0], part[1], head), (part[-1], part[-2], tail)):
                near = min((math.dist(end, q) for j in dashes if j != i for q in ends[j]), default=math.inf)
                ext = max(0.0, min(want, (near - gap) / 2))
                step = math.dist(end, inner)
                if ext > 0 and step > 0:
                    out.append((end[0] + (end[0] - inner[0]) / step * ext, end[1] + (end[1] - inner[1]) / step * ext))
            part = [(round(x, 4), round(y, 4)) for x, y in head + part + tail]
        out_lon += [x for x, _ in part] + [None]
        out_lat += [y for _, y in part] + [None]
    return out_lon, out_lat


def inset_px(map_px: float) -> float:
    """Width in pixels of the inset's map on a map ``map_px`` wide: its region (Mercator) fitted into
    :data:`INSET_DOMAIN` of the map's frame (height MAP_ASPECT × width), keeping its aspect."""

    def y(lat: float) -> float:
        return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))

    aspect = (y(INSET_LAT[1]) - y(INSET_LAT[0])) / math.radians(INSET_LON[1] - INSET_LON[0])
    box_w = (INSET_DOMAIN["x"][1] - INSET_DOMAIN["x"][0]) * map_px
    box_h = (INSET_DOMAIN["y"][1] - INSET_DOMAIN["y"][0]) * MAP_ASPECT * map_px
    return min(box_w, box_h / aspect)


def dash_lines(worldview: str, map_px: float | None, inset: bool = False) -> tuple[list, list, float]:
    """(lons, lats, line width) of the lines the worldview draws over its base map (the South China Sea's
    dashed line and its islands' outlines), for the world map or its inset drawn on a map ``map_px`` wide
    (None: :data:`DEFAULT_MAP_PX`, a phone's); empty lists where the worldview has none."""
    lons, lats = overlay_lines(worldview)
    px = map_px or DEFAULT_MAP_PX
    phone = px < PHONE_MAP_PX
    if inset:
        per_deg, width = inset_px(px) / (INSET_LON[1] - INSET_LON[0]), INSET_WIDTH_PHONE if phone else INSET_WIDTH
    else:  # the Natural Earth projection's equator spans the frame's width
        per_deg, width = px / 360.0, OVERLAY_WIDTH_PHONE if phone else OVERLAY_WIDTH
    if not lons:
        return [], [], width
    lons, lats = lengthened(lons, lats, per_deg)
    return lons, lats, width


def overlay_lines(worldview: str) -> tuple[list, list]:
    """(lons, lats) of the lines the worldview draws over its base map (none if it has none), read from
    the folder the base map's topojson is served and exported from (``static/geo/<worldview>/``)."""
    from .worldview import topojson_dir

    lons, lats = _overlay(str(topojson_dir(worldview) / "lines.geojson"))
    return list(lons), list(lats)
