"""The South China Sea's dashed line (issue 18, item 6): drawn as dark grey line traces, never as filled
shapes, over every map China's standard map draws (single edition, two editions, regions, the Reach
page's map, the press kit's map; the South China Sea islands' inset too), its dashes long enough and its
lines thick enough to read at world scale on a phone and on a desktop. The browser check of the same is
in tests/e2e/test_map_browser.py, the exported SVG's in tests/test_static_export.py."""

from __future__ import annotations

import math

import pytest

from dashboard import keycharts, mapdata, maplayout, packaging, reachcharts
from dashboard.figures import REGION_COLORS, fit_dash_lines, fit_text, region_map

PHONE, DESKTOP = 358, 1100  # the map's width on a 390 px and a 1440 px page


def dark_grey(color: str) -> bool:
    """A neutral grey darker than 40 % lightness (the participants' colours and the land's grey are not)."""
    r, g, b = (int(color.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4))
    return max(r, g, b) - min(r, g, b) <= 8 and max(r, g, b) <= 0x66


def parts(tr) -> list[list[tuple[float, float]]]:
    return maplayout._parts(list(tr.lon), list(tr.lat))


def dashes(tr) -> list[list[tuple[float, float]]]:
    return [p for p in parts(tr) if p[0] != p[-1]]


def length(part) -> float:
    return sum(math.dist(a, b) for a, b in zip(part, part[1:]))


# --- the rule, on a fixture with known answers -----------------------------------------------------------
def test_lengthened_dashes_reach_the_target_where_there_is_room_and_keep_their_gap():
    # two dashes 1.5° apart (one above the other), one far away, an island's closed ring
    lons = [0, 0, None, 0, 0, None, 10, 10, None, 5, 6, 6, 5, None]
    lats = [0, 1, None, 2.5, 3.5, None, 0, 1, None, 0, 0, 1, 0, None]
    px_per_deg = 1.0  # a phone-wide world map: 1 px per degree
    out = maplayout._parts(*maplayout.lengthened(lons, lats, px_per_deg))
    a, b, far, ring = out
    # the far dash: DASH_PX (6 px) is more than DASH_MAX_STRETCH (3) times its length: 3°, both ends alike
    assert length(far) == pytest.approx(3.0) and far[0] == pytest.approx((10, -1)) and far[-1] == pytest.approx((10, 2))
    # the close pair: each facing end takes half the room beyond the minimum gap, no more
    gap = math.dist(a[-1], b[0])
    assert gap == pytest.approx(maplayout.DASH_GAP_PX / px_per_deg)
    assert a[-1][1] == pytest.approx(1.25) and b[0][1] == pytest.approx(2.25)
    assert ring == [(5, 0), (6, 0), (6, 1), (5, 0)]  # islands' outlines are not lengthened
    # a desktop's map (3 px per degree): 6 px is 2°, each end grows by 0.5°, room enough for the pair too
    a, b, far, _ = maplayout._parts(*maplayout.lengthened(lons, lats, 3.0))
    assert length(far) == pytest.approx(2.0) and length(a) == pytest.approx(2.0)
    assert math.dist(a[-1], b[0]) == pytest.approx(0.5)


def test_dash_lines_are_thicker_on_a_phone_and_the_inset_draws_them_apart():
    lons, lats, phone_width = maplayout.dash_lines("cn", PHONE)
    _, _, desk_width = maplayout.dash_lines("cn", DESKTOP)
    assert phone_width >= 2.0 and desk_width >= 1.5 and phone_width > desk_width
    assert maplayout.dash_lines("cn", None)[2] == phone_width  # unknown width: drawn for a phone
    assert maplayout.dash_lines("ne", PHONE)[:2] == ([], [])
    # the inset on a phone: every dash at least 5 px long, at least 1.5 px apart
    ilons, ilats, _ = maplayout.dash_lines("cn", PHONE, inset=True)
    per_deg = maplayout.inset_px(PHONE) / (maplayout.INSET_LON[1] - maplayout.INSET_LON[0])
    inset = [p for p in maplayout._parts(ilons, ilats) if p[0] != p[-1]]
    assert len(inset) == 10
    assert min(length(p) for p in inset) * per_deg >= 5
    gaps = [math.dist(e, q) for p in inset for e in (p[0], p[-1]) for o in inset if o is not p for q in (o[0], o[-1])]
    assert min(gaps) * per_deg >= 1.5


# --- every builder -----------------------------------------------------------------------------------
def _one(ds, wv):
    return keycharts.world_map(ds, 2099, worldview=wv, lang="zh").figure


def _two(ds, wv):
    return keycharts.world_map(ds, 2098, 2099, True, worldview=wv, lang="en").figure


def _regions(ds, wv):
    frame = mapdata.map_participants(ds, 2099, worldview=wv, lang="zh")
    return region_map(frame, {"features": []}, REGION_COLORS, "T", "S", "Src", wv, lang="zh")


def _reach(ds, wv):
    return reachcharts.reach_map(ds, 2099, "ASEAN", wv, "zh").figure


def _press(ds, wv):
    (chart,) = [c for c in packaging.key_charts(ds, [2098, 2099], wv, lang="zh") if c.name.startswith("map-")]
    return chart.figure


BUILDERS = {"one": _one, "two": _two, "regions": _regions, "reach": _reach, "press": _press}


@pytest.mark.parametrize("builder", list(BUILDERS))
def test_every_map_draws_the_dashed_line_as_dark_grey_lines(fixture_ds, builder):
    fig = BUILDERS[builder](fixture_ds, "cn")
    overlay = [tr for tr in fig.data if tr.name == "overlay"]
    inset = [tr for tr in fig.data if tr.name == "inset" and tr.type == "scattergeo"]
    assert len(overlay) == 1 and len(inset) == 1
    for tr in overlay + inset:
        assert tr.type == "scattergeo" and tr.mode == "lines" and tr.fill in (None, "none")
        assert dark_grey(tr.line.color), tr.line.color
        assert len(dashes(tr)) == 10
    assert inset[0].geo == "geo2" and overlay[0].geo in (None, "geo")
    # drawn over everything else on the world map: the last line or marker trace of its subplot
    world_scatter = [tr for tr in fig.data if tr.type == "scattergeo" and tr.geo in (None, "geo")]
    assert world_scatter[-1] is overlay[0]
    # the export (1000 px wide) as built; the page as fit_text draws it for its width
    assert overlay[0].line.width >= 1.5
    for width_px, min_width, min_dash_px in ((None, 2.0, 2.0), (PHONE, 2.0, 2.0), (DESKTOP, 1.5, 5.5)):
        fitted = fit_text(fig, width_px)
        (world,) = [tr for tr in fitted.data if tr.name == "overlay"]
        assert world.line.width >= min_width, (width_px, world.line.width)
        per_deg = (width_px or maplayout.DEFAULT_MAP_PX) / 360
        assert min(length(p) for p in dashes(world)) * per_deg >= min_dash_px, width_px
    # the de facto view has neither
    plain = BUILDERS[builder](fixture_ds, "ne")
    assert not [tr for tr in plain.data if tr.name in ("overlay", "inset")]


def test_fit_dash_lines_leaves_other_figures_alone(fixture_ds):
    fig = _one(fixture_ds, "ne")
    before = fig.to_json()
    assert fit_dash_lines(fig, PHONE).to_json() == before
