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
OVERLAY_COLOR, OVERLAY_WIDTH = "#4D4D4D", 1.6
# The South China Sea islands' inset (南海诸岛附图, as China's standard maps draw it): at world scale the ten
# dashes span about 21° of latitude, some 24 px on a phone-wide map, too little to tell ten dashes from a
# dotted line; the inset draws them about three times larger in the map's lower left corner, outside the
# globe's outline (the empty south-east Pacific). Domain in the map's frame (fractions), region in degrees.
INSET_DOMAIN = {"x": [0.0, 0.2], "y": [0.0, 0.36]}
INSET_LON, INSET_LAT = [104.0, 125.0], [2.0, 26.5]
INSET_WIDTH = 2.0
# The shapes the inset can show (it repeats only these participants' shapes, in their colours).
INSET_CODES = ("CHN", "HKG", "MAC", "TWN", "VNM", "LAO", "KHM", "THA", "MMR", "MYS", "SGP", "BRN", "IDN", "PHL")
# Each dash drawn this many times its length about its middle on the world map (the gaps shrink by as
# much), so at world scale a dash reads as a dash (about 6 px at 1440 px), not as a dot.
DASH_STRETCH = 1.8


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


def stretched(lons: list, lats: list, factor: float) -> tuple[list, list]:
    """The open lines among ``lons``/``lats`` (parts split by ``None``) lengthened ``factor`` times about
    their middle point (first to last vertex); closed rings (islands' outlines) are left as they are."""
    out_lon: list = []
    out_lat: list = []
    part: list[tuple[float, float]] = []
    for lon, lat in [*zip(lons, lats), (None, None)]:
        if lon is not None:
            part.append((lon, lat))
            continue
        if part:
            (x0, y0), (x1, y1) = part[0], part[-1]
            if (x0, y0) != (x1, y1):
                mx, my = (x0 + x1) / 2, (y0 + y1) / 2
                part = [(mx + (x - mx) * factor, my + (y - my) * factor) for x, y in part]
            out_lon += [x for x, _ in part] + [None]
            out_lat += [y for _, y in part] + [None]
        part = []
    return out_lon, out_lat


def overlay_lines(worldview: str) -> tuple[list, list]:
    """(lons, lats) of the lines the worldview draws over its base map (none if it has none), read from
    the folder the base map's topojson is served and exported from (``static/geo/<worldview>/``)."""
    from .worldview import topojson_dir

    lons, lats = _overlay(str(topojson_dir(worldview) / "lines.geojson"))
    return list(lons), list(lats)
