"""The map in headless Chromium, external requests blocked, in both worldviews: it must draw every
drawable identified participant (shapes from the worldview's own topojson) and the small ones as
markers, plus the venues; base land from the same file; no two text labels overlapping; a chart
whose height follows its width (no empty band on a phone). A blank map (e.g. a topojson fetched
from a CDN that cannot be reached) draws no shapes and fails. Screenshots go to artifacts/e2e/."""

from __future__ import annotations

import pytest

from dashboard import mapdata, maplayout
from dashboard.dataset import load_clean
from dashboard.figures import MAP_ASPECT

from .harness import REPO, guarded_page, streamlit_server, wait_for_app

pytestmark = pytest.mark.e2e

COUNT = """() => ({shapes: document.querySelectorAll('path.choroplethlocation').length,
                   points: document.querySelectorAll('.scattergeo path.point').length,
                   base: document.querySelectorAll('.geo .layer.land path, .geo path.land').length,
                   borders: document.querySelectorAll('.geo .layer.countries path, .geo path.countries').length,
                   topojson: performance.getEntriesByType('resource').map(e => e.name)
                             .filter(n => n.includes('topojson') || n.includes('/static/geo/'))})"""
# Every visible text element of the chart (title, legend entries, source line, and any label on the
# map): bounding boxes, to check that none overlaps another, and where each sits.
TEXTS = """() => { const plot = document.querySelector('[data-testid=stPlotlyChart] .js-plotly-plot');
  return [...plot.querySelectorAll('svg text')].filter(t => t.textContent.trim() && t.getBBox().width > 0)
    .map(t => { const r = t.getBoundingClientRect();
                return {text: t.textContent.slice(0, 40), x0: r.left, y0: r.top, x1: r.right, y1: r.bottom,
                        geo: !!t.closest('.geo')}; }); }"""
SIZES = """() => { const el = document.querySelector('[data-testid=stPlotlyChart] .js-plotly-plot');
  const plot = el.getBoundingClientRect();
  const frame = document.querySelector('.geo .frame path, .geo path.frame').getBoundingClientRect();
  const title = el.querySelector('.gtitle').getBoundingClientRect();
  const source = el.querySelector('.annotation').getBoundingClientRect();
  const legend = el.querySelector('.legend').getBoundingClientRect();
  const m = el._fullLayout.margin;
  return {w: plot.width, h: plot.height, top: plot.top, bottom: plot.bottom, chrome: m.t + m.b,
          frame_w: frame.width, frame_h: frame.height, frame_top: frame.top, frame_bottom: frame.bottom,
          title_bottom: title.bottom, source_top: source.top, source_bottom: source.bottom,
          legend_top: legend.top, legend_bottom: legend.bottom}; }"""
# Marker boxes (venue stars, small participants): none may overlap another.
MARKERS = """() => [...document.querySelectorAll('.scattergeo path.point')].map(p => p.getBoundingClientRect())
  .filter(r => r.width > 0).map(r => ({x0: r.left, y0: r.top, x1: r.right, y1: r.bottom}))"""
# Every point of every line on the map (lines to the venue, the dashed line) inside the projection's
# frame: sampled every 2 px along each path and tested against the frame's outline (a point on the edge,
# such as where a line meets the antimeridian, may sit 1.5 px inward).
LINES_OUTSIDE = """() => { const frame = document.querySelector('.geo .frame path, .geo path.frame');
  const toFrame = frame.getScreenCTM().inverse(); const fb = frame.getBoundingClientRect();
  const cx = fb.left + fb.width / 2, cy = fb.top + fb.height / 2; const out = []; let n = 0;
  for (const line of document.querySelectorAll('.geo:not(.geo2) .scattergeo path.js-line')) {
    const total = line.getTotalLength(); const ctm = line.getScreenCTM();
    for (let d = 0; d <= total; d += 2) {
      const p = new DOMPoint(line.getPointAtLength(d).x, line.getPointAtLength(d).y).matrixTransform(ctm);
      const k = 1.5 / Math.max(Math.hypot(cx - p.x, cy - p.y), 1e-6);
      const q = new DOMPoint(p.x + (cx - p.x) * k, p.y + (cy - p.y) * k);
      n += 1;
      if (!frame.isPointInFill(p.matrixTransform(toFrame)) && !frame.isPointInFill(q.matrixTransform(toFrame)))
        out.push([Math.round(p.x), Math.round(p.y)]);
    }
  }
  return {n, out: out.slice(0, 10)}; }"""
# The South China Sea inset (China's standard map): its ten dashes are drawn, inside its own frame (on the
# world map itself the whole line is about 24 px tall at 390 px; the inset draws it about three times larger).
INSET = """() => { const g = document.querySelector('.geo.geo2'); if (!g) return {lines: 0, inside: false};
  const f = g.querySelector('.frame path, path.frame').getBoundingClientRect();
  const dashes = [...g.querySelectorAll('.scattergeo path.js-line')].map(p => p.getBoundingClientRect());
  const parts = [...g.querySelectorAll('.scattergeo path.js-line')].flatMap(p => (p.getAttribute('d') || '')
    .split('M').filter(Boolean));
  return {lines: parts.length, frame: [f.width, f.height],
          inside: dashes.every(r => r.left >= f.left - 1 && r.right <= f.right + 1 && r.top >= f.top - 1
                                    && r.bottom <= f.bottom + 1)}; }"""
# The South China Sea's dashed line (China's standard map) on the world map ('overlay') and in the inset: per
# trace, its stroke colour and width as drawn, and the on-screen length of each of its sub-paths (the ten
# dashes and the islands' outlines), measured on a copy of each sub-path in the same place.
DASHED = """() => { const out = {};
  for (const g of document.querySelectorAll('[data-testid=stPlotlyChart] .scattergeo g.trace, [data-testid=stPlotlyChart] g.trace.scattergeo')) {
    const tr = g.__data__ && g.__data__[0] && g.__data__[0].trace;
    if (!tr || !['overlay', 'inset'].includes(tr.name) || tr.type !== 'scattergeo') continue;
    for (const p of g.querySelectorAll('path.js-line')) {
      const cs = getComputedStyle(p); const scale = p.getScreenCTM().a; const r = p.getBoundingClientRect();
      const lengths = (p.getAttribute('d') || '').split('M').filter(Boolean).map(part => {
        const q = p.cloneNode(); q.setAttribute('d', 'M' + part); p.parentNode.appendChild(q);
        const n = q.getTotalLength() * scale; q.remove(); return n; });
      out[tr.name] = {stroke: cs.stroke, width: parseFloat(cs.strokeWidth) * scale, opacity: cs.opacity,
                      display: cs.display, visibility: cs.visibility, lengths, h: r.height, w: r.width};
    }
  }
  return out; }"""
VIEWS = {
    "one": ("/Map?edition=2025", (2025,)),
    "two": ("/Map?view=two&a=2024&b=2025", (2024, 2025)),
    "lines": ("/Map?view=two&a=2024&b=2025&lines=1", (2024, 2025)),
    "regions": ("/Map?view=regions&edition=2025", (2025,)),
}


@pytest.fixture(scope="module")
def server():
    with streamlit_server(env_extra={"DASHBOARD_DATA_DIR": str(REPO / "data")}) as srv:
        yield srv


@pytest.fixture(scope="module")
def expected():
    ds = load_clean(REPO / "data")

    def count(view, worldview):
        _, editions = VIEWS[view]
        f = mapdata.map_participants(ds, *editions, worldview=worldview, lang="en")
        venues = 0 if view == "regions" else 1  # Suzhou and Lianyungang: one star
        # China's standard map repeats the shapes near the South China Sea in its inset (南海诸岛附图)
        inset = int((f["shape"] & f.code.isin(maplayout.INSET_CODES)).sum()) if worldview == "cn" else 0
        return int(f["shape"].sum()) + inset, int(f.marker.sum()) + venues

    return count


def overlaps(a: dict, b: dict, slack: float = 0.5) -> bool:
    return (
        a["x0"] < b["x1"] - slack
        and b["x0"] < a["x1"] - slack
        and a["y0"] < b["y1"] - slack
        and b["y0"] < a["y1"] - slack
    )


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("width", [1440, 390])
@pytest.mark.parametrize("worldview", ["cn", "ne"])
@pytest.mark.parametrize("view", list(VIEWS))
def test_map_draws_every_participant_readably_offline(
    browser, server, expected, artifacts, view, worldview, width, lang
):
    path, _ = VIEWS[view]
    shapes, points = expected(view, worldview)
    assert shapes > 0
    page, watch = guarded_page(browser, viewport={"width": width, "height": 1200})
    page.goto(server.url + path + ("&worldview=ne" if worldview == "ne" else "") + f"&lang={lang}")
    wait_for_app(page)
    page.wait_for_function(f"document.querySelectorAll('path.choroplethlocation').length >= {shapes}", timeout=30000)
    page.wait_for_timeout(300)
    got = page.evaluate(COUNT)
    outlines = (
        len(mapdata.region_shares(mapdata.map_participants(load_clean(REPO / "data"), 2025, lang="en"), lang="en"))
        if view == "regions"
        else 0
    )  # the Regions view adds its sub-regions' outlines (transparent)
    assert got["shapes"] == shapes + outlines
    assert got["points"] == points
    assert got["base"] >= 1 and got["borders"] >= 1  # base land and borders drew from the worldview's file
    assert got["topojson"] and all(f"/app/static/geo/{worldview}/" in u for u in got["topojson"]), got["topojson"]
    texts = page.evaluate(TEXTS)
    assert len(texts) >= 4  # title, subtitle inside it, legend entries, source line
    assert not [t["text"] for t in texts if t["geo"]]  # no label on the map itself: venues are legend entries
    clashes = [(a["text"], b["text"]) for i, a in enumerate(texts) for b in texts[i + 1 :] if overlaps(a, b)]
    assert clashes == []
    sizes = page.evaluate(SIZES)
    assert sizes["frame_w"] >= 0.97 * sizes["w"]  # the world fills the width it is given
    assert sizes["h"] == pytest.approx(MAP_ASPECT * sizes["w"] + sizes["chrome"], abs=4)  # height follows width
    # the whole frame (not cut flat at the bottom), and no empty band above or below it
    assert sizes["frame_h"] == pytest.approx(MAP_ASPECT * sizes["w"], abs=4)
    assert -2 <= sizes["frame_top"] - sizes["title_bottom"] <= 16
    assert -1 <= sizes["source_top"] - sizes["frame_bottom"] <= 12
    assert 0 <= sizes["legend_top"] - sizes["source_bottom"] <= 16
    assert 0 <= sizes["bottom"] - sizes["legend_bottom"] <= 16
    markers = page.evaluate(MARKERS)
    assert len(markers) == points
    assert [(a, b) for i, a in enumerate(markers) for b in markers[i + 1 :] if overlaps(a, b)] == []
    lines = page.evaluate(LINES_OUTSIDE)
    assert lines["out"] == [], lines
    if view == "lines":
        assert lines["n"] > 50  # the lines to the venue were drawn and sampled
    if worldview == "cn":
        assert lines["n"] >= 5  # the dashed line was drawn and sampled
        inset = page.evaluate(INSET)
        assert inset["lines"] >= 10 and inset["inside"], inset  # the inset draws the ten dashes, in its frame
        # issue 18: the dashed line is drawn, as dark grey lines thick and long enough to see at world scale
        dashed = page.evaluate(DASHED)
        assert set(dashed) == {"overlay", "inset"}, dashed
        for d in dashed.values():
            assert d["stroke"] == "rgb(77, 77, 77)" and d["display"] != "none" and d["visibility"] == "visible", d
            assert float(d["opacity"]) == 1, d
            assert len(d["lengths"]) >= 10 and sum(n > 0 for n in d["lengths"]) >= 10, d
        world, box = dashed["overlay"], dashed["inset"]
        if width == 390:
            assert world["width"] >= 2.0 and sorted(world["lengths"])[-10] >= 2.0, world  # ten marks of 2 px or more
            assert world["h"] >= 15, world  # the whole line spans its ~21° of latitude
            assert sorted(box["lengths"])[-10] >= 5.0, box  # the inset's dashes read as dashes
        else:
            assert world["width"] >= 1.5 and sorted(world["lengths"])[-10] >= 5.0, world
            assert sorted(box["lengths"])[-10] >= 6.0, box
    page.screenshot(path=str(artifacts / f"map-{view}-{worldview}-{width}-{lang}.png"), full_page=True)
    assert watch.external == [], watch.external
    assert watch.page_errors == [], watch.page_errors
    page.close()


def test_worldview_link_stays_in_the_tab(browser, server):
    """The switch to the other worldview stays in the same tab (a new tab would lose the lists imported
    into this session) and keeps the view's state in the URL."""
    page, watch = guarded_page(browser, viewport={"width": 1200, "height": 1200})
    page.goto(server.url + "/Map?view=two&a=2024&b=2025&lang=zh")
    wait_for_app(page)
    link = page.get_by_role("button", name="另可查看：国际通行的实际管辖线画法（Natural Earth）")
    link.click()
    page.wait_for_function("location.search.includes('worldview=ne')", timeout=20000)
    wait_for_app(page)
    assert len(page.context.pages) == 1
    assert "view=two" in page.url and "lang=zh" in page.url
    assert "实际控制线" not in page.inner_text("body")
    assert watch.external == [] and watch.page_errors == []
    page.close()


def test_map_deep_link_on_fresh_server(browser, artifacts):
    with streamlit_server(env_extra={"DASHBOARD_DATA_DIR": str(REPO / "data")}) as srv:
        page, watch = guarded_page(browser, viewport={"width": 1400, "height": 1200})
        page.goto(srv.url + "/Map?view=regions&edition=2025")
        wait_for_app(page)
        page.get_by_role("link", name="Overview").wait_for()
        page.wait_for_function("document.querySelectorAll('path.choroplethlocation').length >= 5", timeout=30000)
        page.screenshot(path=str(artifacts / "map-regions.png"), full_page=True)
        assert watch.external == [] and watch.page_errors == []
        assert srv.external_connections() == []
        page.close()


def test_deployment_default_worldview_from_environment(browser):
    """DASHBOARD_WORLDVIEW=ne makes Natural Earth the default; the URL can still ask for China's map."""
    with streamlit_server(env_extra={"DASHBOARD_DATA_DIR": str(REPO / "data"), "DASHBOARD_WORLDVIEW": "ne"}) as srv:
        for query, folder in (("", "ne"), ("&worldview=cn", "cn")):
            page, watch = guarded_page(browser, viewport={"width": 1200, "height": 1000})
            page.goto(srv.url + "/Map?edition=2025" + query)
            wait_for_app(page)
            page.wait_for_function("document.querySelectorAll('path.choroplethlocation').length >= 13", timeout=30000)
            assert all(f"/app/static/geo/{folder}/" in u for u in page.evaluate(COUNT)["topojson"])
            assert watch.external == [] and watch.page_errors == []
            page.close()
