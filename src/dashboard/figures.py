"""Figure builders: plain functions returning plotly figures (no Streamlit).

Every chart gets a title, a subtitle that states coverage and a source line
inside the figure, an explicit template (importing Streamlit changes plotly's
default, which would leak into static exports) and one colour per edition,
from the Okabe–Ito colour-blind-safe palette.
"""

from __future__ import annotations

import plotly.graph_objects as go

from . import maplayout, names, textwidth, ticks
from .formatting import format_figure_unit, join_clauses
from .i18n import t
from .vocab import region_label
from .worldview import RESOLUTION

# Okabe & Ito (2008), colour-blind safe; black left out (used for text).
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442"]
MUTED = "#D9D9D9"
TEMPLATE = "plotly_white"
# Latin text in the interface's font; Chinese in Noto Sans CJK SC (Debian's fonts-noto-cjk, installed by
# .ci/run), then the usual Chinese system fonts of Windows and macOS: exported images never show boxes.
CJK_FONTS = "Noto Sans CJK SC, Noto Sans SC, Source Han Sans SC, Microsoft YaHei, PingFang SC, SimHei"
FONT = dict(family=f"Source Sans Pro, Helvetica, Arial, {CJK_FONTS}, sans-serif", size=13, color="#262730")


def edition_colors(edition_ids: list[int]) -> dict[int, str]:
    """A stable colour per edition: the n-th edition held always gets the n-th colour."""
    return {ed: PALETTE[i % len(PALETTE)] for i, ed in enumerate(edition_ids)}


# Text inside a figure is wrapped for the narrowest screen the dashboard supports (a 390 px phone:
# about 350 px of chart): plotly never wraps titles or annotations itself, and the server does not
# know the width of the reader's screen. Characters per line, per font size:
TITLE_CHARS, SUBTITLE_CHARS, SOURCE_CHARS, TICK_CHARS = 36, 50, 56, 18
# The plotly toolbar (hidden until hover or tap) takes the top 28 px at the right: titles start below.
TOOLBAR_PX = 30


def wrap(text: str, width: int) -> list[str]:
    """Lines of at most ``width`` columns, Chinese characters counting two (:mod:`dashboard.textwidth`)."""
    return textwidth.wrap(text, width)


def wrap_label(text: str, width: int = TICK_CHARS) -> str:
    """A category label wrapped with <br> (plotly draws each line); Latin text in lines of about equal width
    ('International<br>Organization<br>for Migration'), Chinese filled line by line (equal lines would cut
    more words: '2025年：报道数<br>51个', not '2025年：报<br>道数51个')."""
    return textwidth.wrap_label_br(text, width)


def label_margin(labels) -> int:
    """Left margin (px) that holds wrapped category labels, measured by display width: plotly's automargin
    is not used, so the source line can start at the figure's left edge (see :func:`frame`)."""
    return textwidth.label_margin(labels, FONT["size"])


def frame(
    fig: go.Figure,
    title: str,
    subtitle: str,
    source: str,
    height: int,
    margin_right: int = 20,
    legend: bool = True,
    margin_left: int = 10,
) -> go.Figure:
    """Title and subtitle on top, legend and source line below the plot, all inside the figure
    so that a screenshot or an exported image still says what it shows and where it comes from.
    ``height`` is the height the caller wants with a one-line title and source; wrapped lines are
    added on top. Titles begin below the toolbar's strip; every text is wrapped to fit a phone."""
    plot_px = max(height - 86 - (92 if legend else 56), 40)
    text, title_rows, src_lines = _frame_text(title, subtitle, source, 1.0)
    # plotly spaces every line of the title by the title font (16 px): 21 px, the smaller subtitle lines too
    top = TOOLBAR_PX + 26 + 21 * title_rows + 8
    legend_px = 38 if legend else 0  # a row of legend (about 28 px with its padding) and a gap before the source line
    bottom = 24 + legend_px + 14 * len(src_lines) + 10
    height = plot_px + top + bottom
    fig.update_layout(
        template=TEMPLATE,
        font=FONT,
        height=height,
        # the texts as given, for fit_text (which rewraps them for a wider chart and then drops this)
        meta={"frame": {"title": title, "subtitle": subtitle, "source": source}},
        title=dict(
            text=text,
            font=dict(size=16, weight="normal"),
            x=0,
            xanchor="left",
            xref="container",
            # plotly puts the first line's top ~16 px above the anchor: this starts it ~8 px below
            # the toolbar strip
            y=1 - (TOOLBAR_PX + 24) / height,
            yanchor="top",
            yref="container",
        ),
        margin=dict(l=margin_left, r=margin_right, t=top, b=bottom),
        showlegend=legend,
        legend=dict(
            orientation="h",
            x=0,
            xanchor="left",
            y=-24 / plot_px,
            yanchor="top",
            traceorder=fig.layout.legend.traceorder or "normal",
        ),
    )
    fig.add_annotation(
        text="<br>".join(src_lines),
        xref="paper",
        yref="paper",
        x=0,
        xanchor="left",
        xshift=-(margin_left - 8),
        y=-(24 + legend_px) / plot_px,
        yanchor="top",
        showarrow=False,
        font=dict(size=11, color="#666"),
        align="left",
    )
    return fig


# The chart width the wrapping above is made for (a 390 px phone's content column), and the widest a
# chart's text is spread to (beyond it a line would be too long to read comfortably).
PHONE_CHART_PX, MAX_TEXT_SCALE = 350, 2.6


def _frame_text(title: str, subtitle: str, source: str, scale: float) -> tuple[str, int, list[str]]:
    """The title block's HTML (bold title lines, then smaller subtitle lines), its number of lines and the
    source's lines, wrapped for a chart ``scale`` times as wide as a phone's."""
    title_lines = wrap(title, int(TITLE_CHARS * scale))
    sub_lines = wrap(subtitle, int(SUBTITLE_CHARS * scale))
    text = "<br>".join(f"<b>{line}</b>" for line in title_lines)
    if subtitle:
        sub = "<span style='font-size:12px;color:#555;font-weight:normal'>{}</span>"
        text += "<br>" + "<br>".join(sub.format(line) for line in sub_lines)
    return text, len(title_lines) + len(sub_lines), wrap(source, int(SOURCE_CHARS * scale))


def fit_text(fig: go.Figure, width_px: float | None) -> go.Figure:
    """A copy of a :func:`frame`d figure with its title, subtitle, source line and category labels wrapped for a chart
    ``width_px`` wide (the page's content column, reported by the browser), so a wide screen reads them
    on one line and a phone on several; the plot keeps its size, the margins and the height follow the
    number of lines. Unknown width or a phone's: as :func:`frame` wrapped them (for a phone: never clips).
    Figures not made by :func:`frame` are returned as they are."""
    meta = fig.layout.meta
    texts = meta.get("frame") if isinstance(meta, dict) else None
    map_texts = meta.get("map_frame") if isinstance(meta, dict) else None
    if not texts and not map_texts:
        return fig
    out = go.Figure(fig)
    out.layout.meta = {k: v for k, v in meta.items() if k not in ("frame", "map_frame")} or None
    if map_texts:
        fit_dash_lines(out, width_px)
    scale = min(max((width_px or 0) / PHONE_CHART_PX, 1.0), MAX_TEXT_SCALE)
    if scale == 1.0:
        return out
    if map_texts:
        return _fit_map_text(out, map_texts, scale)
    old_text, old_rows, old_src = _frame_text(texts["title"], texts["subtitle"], texts["source"], 1.0)
    new_text, new_rows, new_src = _frame_text(texts["title"], texts["subtitle"], texts["source"], scale)
    d_top, d_bottom = 21 * (new_rows - old_rows), 14 * (len(new_src) - len(old_src))
    height = out.layout.height + d_top + d_bottom
    out.update_layout(
        height=height,
        margin=dict(t=out.layout.margin.t + d_top, b=out.layout.margin.b + d_bottom),
        title=dict(text=new_text, y=1 - (TOOLBAR_PX + 24) / height),
    )
    old_source = "<br>".join(old_src)
    for a in out.layout.annotations:
        if a.text == old_source:
            a.text = "<br>".join(new_src)
    # category labels, wrapped for a phone by the builders, for this width too (dashboard.ticks)
    return ticks.refit(out, width_px, TICK_CHARS, scale, FONT["size"])


def fit_dash_lines(fig: go.Figure, width_px: float | None) -> go.Figure:
    """The South China Sea's dashed line (world map and inset) of a map figure redrawn for a map
    ``width_px`` wide (None: a phone's): dashes lengthened where there is room, thicker lines on a phone
    (maplayout.dash_lines). In place; a figure without the line is left as it is."""
    meta = fig.layout.meta if isinstance(fig.layout.meta, dict) else {}
    code = meta.get("worldview")
    for tr in fig.data:
        if code and tr.type == "scattergeo" and tr.name in ("overlay", "inset"):
            lons, lats, width = maplayout.dash_lines(code, width_px, inset=tr.name == "inset")
            if lons:
                tr.update(lon=lons, lat=lats, line_width=width)
    return fig


def coverage_chart(
    cov, labels: dict[int, str], colors: dict[int, str], what: str, source: str, *, lang: str, with_list: bool = False
) -> go.Figure:
    """Identified vs reported, one bar per edition: the identified part in the edition's
    colour, the unidentified remainder as a muted segment (never hidden). ``with_list``: an
    organizer's list adds identified participants (the title and the grey segment say so)."""
    not_named = (
        t("Named neither in public sources nor in the organizer's list", lang=lang)
        if with_list
        else t("Not named in public sources", lang=lang)
    )
    cov = cov.sort_values("edition", ascending=False)
    totals = [
        format_figure_unit(r, q, m, lang=lang) for r, q, m in zip(cov.reported, cov.reported_qualifier, cov.metric)
    ]
    # The reported total goes into the category label ("2025 · reported 51"): an annotation
    # placed on a category axis blanks the bars in plotly.js.
    y = [
        wrap_label(t("{edition} · reported {total}", edition=labels[e], total=tot, lang=lang), 14)
        for e, tot in zip(cov.edition, totals)
    ]
    fig = go.Figure()
    # Labels stay horizontal (textangle=0) and short enough for a narrow bar on a phone: the number
    # alone in the identified segment; the subtitle says what the colours mean.
    for ed, yi, n in list(zip(cov.edition, y, cov.identified))[::-1]:  # one trace per edition, oldest first
        fig.add_bar(
            y=[yi],
            x=[int(n)],
            orientation="h",
            name=labels[ed],
            marker_color=colors[ed],
            text=[str(int(n))],
            textposition="inside",
            textangle=0,
            insidetextanchor="middle",
            hovertemplate="%{y}: %{x} " + t("identified", lang=lang) + "<extra></extra>",
        )
    fig.add_bar(
        y=y,
        x=[int(v) if v == v and v is not None else 0 for v in cov.unidentified],
        orientation="h",
        name=not_named,
        marker_color=MUTED,
        text=[t("{n} not named", n=int(n), lang=lang) if n and n == n else "" for n in cov.unidentified],
        textposition="inside",
        textangle=0,
        insidetextanchor="middle",
        insidetextfont=dict(color="#333"),
        hovertemplate="%{y}: %{x} · " + not_named + "<extra></extra>"
        if with_list
        else "%{y}: %{x} " + t("not named in public sources", lang=lang) + "<extra></extra>",
    )
    fig.update_layout(
        barmode="stack",
        uniformtext=dict(minsize=10, mode="show"),
        xaxis=dict(title=None, showgrid=True),
        yaxis=dict(title=None, type="category", categoryorder="array", categoryarray=y, automargin=False),
    )
    subtitle = (
        t(
            "Identified {what} (coloured, one colour per edition) and those named neither in public sources "
            "nor in the organizer's list (grey), against the reported total",
            what=what,
            lang=lang,
        )
        if with_list
        else t(
            "Identified {what} (coloured, one colour per edition) and those not named in public sources "
            "(grey), against the reported total",
            what=what,
            lang=lang,
        )
    )
    title = (
        t("{What}: named in public sources and the organizer's list", What=what[:1].upper() + what[1:], lang=lang)
        if with_list
        else t("{What}: named in public sources", What=what[:1].upper() + what[1:], lang=lang)
    )
    # no legend: every segment is labelled and every row names its edition
    return frame(
        fig,
        title,
        subtitle,
        source,
        height=150 + 48 * len(y),
        legend=False,
        margin_left=label_margin(y),
    )


def grouped_bars(
    df,
    category: str,
    labels: dict[str, str],
    editions: list[int],
    edition_labels: dict[int, str],
    colors: dict[int, str],
    title: str,
    subtitle: str,
    source: str,
    muted: tuple[str, ...] = (),
    value: str = "count",
) -> go.Figure:
    """Horizontal bars, one group per category, one bar per edition in the edition's colour.
    Categories listed in ``muted`` (e.g. 'not named in public sources') are drawn pale."""
    cats = [c for c in labels if c in set(df[category])]
    labels = {c: wrap_label(labels[c]) for c in cats}
    fig = go.Figure()
    # plotly stacks a horizontal group bottom-up: add the latest edition first so that the earliest
    # is on top of each group, and reverse the legend so it still reads earliest first.
    for ed in reversed(editions):
        sub = df[df.edition == ed].set_index(category)
        xs = [int(sub.loc[c, value]) if c in sub.index else 0 for c in cats]
        fig.add_bar(
            y=[labels[c] for c in cats],
            x=xs,
            orientation="h",
            name=edition_labels[ed],
            marker=dict(color=colors[ed], opacity=[0.35 if c in muted else 1 for c in cats]),
            text=xs,
            textposition="outside",
            textangle=0,
            cliponaxis=False,
            hovertemplate=f"{edition_labels[ed]} · %{{y}}: %{{x}}<extra></extra>",
        )
    fig.update_layout(
        barmode="group",
        bargap=0.25,
        legend_traceorder="reversed",
        yaxis=dict(
            title=None,
            type="category",
            categoryorder="array",
            categoryarray=[labels[c] for c in cats][::-1],
            automargin=False,
        ),
        xaxis=dict(title=None, rangemode="tozero"),
    )
    # room on the right for the outside labels: pad the value axis by ~15%
    top_value = max([int(v) for v in df[value]] + [1])
    fig.update_xaxes(range=[0, top_value * 1.18 + 0.5])
    return frame(
        fig,
        title,
        subtitle,
        source,
        height=170 + 22 * len(cats) * max(len(editions), 1),
        margin_left=label_margin(labels[c] for c in cats),
        margin_right=16,
    )


def presence_matrix(
    matrix,
    editions: list[int],
    edition_labels: dict[int, str],
    colors: dict[int, str],
    title: str,
    subtitle: str,
    source: str,
    *,
    lang: str,
) -> go.Figure:
    """Organizations × editions: a filled square where the organization is identified."""
    fig = go.Figure()
    ys = list(matrix["label"])
    for ed in editions:
        present = matrix[matrix[ed]]
        fig.add_scatter(
            x=[edition_labels[ed]] * len(present),
            y=list(present["label"]),
            mode="markers",
            marker=dict(symbol="square", size=22, color=colors[ed]),
            name=edition_labels[ed],
            hovertemplate="%{y} · %{x}: " + t("identified", lang=lang) + "<extra></extra>",
        )
        absent = matrix[~matrix[ed]]
        fig.add_scatter(
            x=[edition_labels[ed]] * len(absent),
            y=list(absent["label"]),
            mode="markers",
            marker=dict(symbol="square-open", size=20, color=MUTED),
            showlegend=False,
            hovertemplate="%{y} · %{x}: " + t("not named in public sources", lang=lang) + "<extra></extra>",
        )
    fig.update_layout(
        xaxis=dict(
            type="category",
            categoryorder="array",
            categoryarray=[edition_labels[e] for e in editions],
            side="top",
            title=None,
        ),
        yaxis=dict(type="category", categoryorder="array", categoryarray=ys[::-1], title=None, automargin=False),
    )
    return frame(fig, title, subtitle, source, height=200 + 34 * len(ys), legend=False, margin_left=label_margin(ys))


STATUS_COLORS_FIXED = {"both": "#009E73"}  # Okabe–Ito green: in both editions' sources
# One Okabe–Ito colour per UN M49 region, fixed so a region keeps its colour across editions.
REGION_COLORS = {
    "Africa": "#E69F00",
    "Americas": "#009E73",
    "Asia": "#0072B2",
    "Europe": "#CC79A7",
    "Oceania": "#D55E00",
}


# The base layers of every map (the world view and the South China Sea inset): land and borders from the
# worldview's own geometry, nothing plotly would draw from its own topojson.
BASE_LAYERS = dict(
    showcountries=True,
    countrycolor="#BDBDBD",
    countrywidth=0.5,
    showcoastlines=False,
    showsubunits=False,
    showland=True,
    landcolor="#F2F2F2",
    showocean=False,
    showlakes=False,
    showrivers=False,
)


def _geo_layout(fig: go.Figure, worldview: str) -> None:
    """Whole-world view drawn from one geometry: plotly's base layers (land, country borders) read the
    worldview's own topojson (``static/geo/<worldview>/``, built by the geometry step), the same file
    the participants' shapes come from, so no border of another worldview shows. Ocean, coastlines,
    lakes and rivers (which plotly would take from its own topojson) are off."""
    fig.update_geos(
        projection_type="natural earth",
        resolution=RESOLUTION[worldview],
        fitbounds=False,
        **BASE_LAYERS,
        # the whole globe: the outline is the projection's own, never cut flat by a latitude range
        lataxis_range=[-90, 90],
        lonaxis_range=[-180, 180],
        showframe=True,
        framecolor="#D0D0D0",
        framewidth=0.6,
        bgcolor="rgba(0,0,0,0)",
        domain=dict(x=[0, 1], y=[0, 1]),
    )
    # China's standard map: the South China Sea's dashed line, as dark grey dashes over everything, drawn
    # for an export's width here and for the page's width by fit_text (fit_dash_lines)
    lons, lats, width = maplayout.dash_lines(worldview, maplayout.EXPORT_MAP_PX)
    if lons:
        _south_china_sea_inset(fig, worldview)
        fig.add_scattergeo(
            lon=lons,
            lat=lats,
            mode="lines",
            line=dict(color=maplayout.OVERLAY_COLOR, width=width),
            hoverinfo="skip",
            showlegend=False,
            name="overlay",
        )
    fig.update_layout(meta={"worldview": worldview})  # read by the static export (which topojson to use)


def _south_china_sea_inset(fig: go.Figure, worldview: str) -> None:
    """The South China Sea islands' inset (南海诸岛附图, maplayout.INSET_DOMAIN): the same base map and the
    same participants' shapes (China's, in its colour) in a second geo subplot, and the ten dashes at a
    scale where they read as dashes on a phone too."""
    fig.update_layout(
        geo2=dict(
            domain=maplayout.INSET_DOMAIN,
            projection_type="mercator",
            lonaxis_range=maplayout.INSET_LON,
            lataxis_range=maplayout.INSET_LAT,
            resolution=fig.layout.geo.resolution,
            **BASE_LAYERS,
            showframe=True,
            framecolor="#9E9E9E",
            framewidth=0.8,
            bgcolor="#FFFFFF",
        )
    )
    for trace in [tr for tr in fig.data if tr.type == "choropleth" and tr.z is not None]:
        keep = [i for i, code in enumerate(trace.locations) if code in maplayout.INSET_CODES]
        if not keep:
            continue
        fig.add_choropleth(
            locationmode=trace.locationmode,
            locations=[trace.locations[i] for i in keep],
            z=[trace.z[i] for i in keep],
            zmin=trace.zmin,
            zmax=trace.zmax,
            colorscale=trace.colorscale,
            showscale=False,
            marker_line_color=trace.marker.line.color,
            marker_line_width=trace.marker.line.width,
            showlegend=False,
            hoverinfo="skip",
            geo="geo2",
            name="inset",
        )
    lons, lats, width = maplayout.dash_lines(worldview, maplayout.EXPORT_MAP_PX, inset=True)
    fig.add_scattergeo(
        lon=lons,
        lat=lats,
        mode="lines",
        line=dict(color=maplayout.OVERLAY_COLOR, width=width),
        hoverinfo="skip",
        showlegend=False,
        name="inset",
        geo="geo2",
    )


def participation_map(
    frame,
    venue_frame,
    status_colors: dict[str, str],
    status_labels: dict[str, str],
    venue_colors: dict[int, str],
    title: str,
    subtitle: str,
    source: str,
    worldview: str,
    lines: bool = False,
    *,
    lang: str,
) -> go.Figure:
    """World map: identified participants' shapes coloured by status, markers for small ones (and for
    those drawn inside another shape), the venues as stars with a legend entry each (no text on the
    map: labels of nearby venues overlapped each other and the participants), optionally lines from
    each participant to the venue.

    The shapes are referenced by code (``locationmode="ISO-3"``) in the worldview's topojson, which
    the browser fetches once from the app (``topojsonURL``); exports read the same file."""
    fig = go.Figure()
    hover = (
        "<b>%{customdata[0]}</b>%{customdata[1]}<br>%{customdata[2]}<br>"
        + t("How known", lang=lang)
        + ": %{customdata[3]}<br>%{customdata[4]}<br><i>%{customdata[5]}</i><extra></extra>"
    )
    # the name in the reader's language (with the Chinese one beside it for English readers)
    cols = ["name_shown", "name_beside", "status_label", "how_text", "people_text", "sources_text"]
    # One choropleth trace for all statuses, coloured through a stepped colour scale; the legend comes
    # from marker traces, which also draw the small participants. Largest first: Hong Kong and Macao
    # are drawn on top of China, which contains them.
    statuses = list(status_labels)
    drawn = frame[frame.drawable & frame.status.isin(statuses)]
    shapes = drawn[drawn["shape"]].sort_values("area_km2", ascending=False)
    n = max(len(statuses), 1)
    scale = []
    for i, status in enumerate(statuses):
        scale += [[i / n, status_colors[status]], [(i + 1) / n, status_colors[status]]]
    if len(shapes):
        fig.add_choropleth(
            locationmode="ISO-3",
            locations=list(shapes.code),
            z=[statuses.index(s) + 0.5 for s in shapes.status],
            zmin=0,
            zmax=n,
            colorscale=scale,
            showscale=False,
            marker_line_color="#FFFFFF",
            marker_line_width=0.6,
            name=t("Identified", lang=lang),
            showlegend=False,
            customdata=shapes[cols].values,
            hovertemplate=hover,
        )
    for status, label in status_labels.items():
        small = drawn[(drawn.status == status) & drawn.marker]
        fig.add_scattergeo(
            lon=list(small.rep_lon) or [None],
            lat=list(small.rep_lat) or [None],
            mode="markers",
            name=maplayout.legend_label(label),
            marker=dict(size=9, color=status_colors[status], line=dict(color="#FFFFFF", width=1.5), symbol="circle"),
            customdata=small[cols].values if len(small) else None,
            hovertemplate=hover,
        )
    if lines and len(venue_frame):
        v = venue_frame.iloc[-1]
        ends = frame[frame.drawable]
        lon, lat = maplayout.lines_to(list(zip(ends.rep_lon, ends.rep_lat)), (v.city_lon, v.city_lat))
        fig.add_scattergeo(
            lon=lon,
            lat=lat,
            mode="lines",
            line=dict(width=0.7, color="rgba(80,80,80,0.35)"),
            hoverinfo="skip",
            showlegend=False,
            name="lines",
        )
    # Venues a few pixels apart at world scale (Suzhou and Lianyungang) are one star, named together.
    venues = list(venue_frame.itertuples())
    for group in maplayout.venue_groups([(v.city_lon, v.city_lat) for v in venues]):
        members = [venues[i] for i in group]
        label = join_clauses(
            (t("Venue {y}: {city}", y=v.edition, city=names.edition_city(v, lang=lang), lang=lang) for v in members),
            lang=lang,
        )
        last = members[-1]
        fig.add_scattergeo(
            lon=[last.city_lon],
            lat=[last.city_lat],
            mode="markers",
            name=maplayout.legend_label(label),
            marker=dict(
                symbol="star",
                size=14,
                color=venue_colors.get(last.edition, "#222") if len(members) == 1 else "#FFFFFF",
                line=dict(color="#222", width=1.2),
            ),
            hovertemplate=label + "<extra></extra>",
        )
    _geo_layout(fig, worldview)
    return frame_fig(fig, title, subtitle, source)


# Map layout in pixels (dashboard.maplayout): the chart's height follows its width on screen (ui.mapview:
# height = MAP_ASPECT × width + the figure's top and bottom margins); exports are MAP_EXPORT_WIDTH wide.
MAP_ASPECT = maplayout.MAP_ASPECT
MAP_EXPORT_WIDTH = 1000


def wrap_br(text: str, width: int) -> str:
    """Plotly does not wrap text: break it into lines (``<br>``) that fit a phone-wide chart."""
    return textwidth.wrap_br(text, width)


def _map_text(title: str, subtitle: str, source: str, scale: float) -> tuple[str, tuple[int, int], list[str]]:
    """The map's title block (bold title, smaller subtitle), its (title, subtitle) line counts and the
    source's lines, wrapped for a map ``scale`` times as wide as a phone's."""
    title_lines = textwidth.wrap(title, int(maplayout.TITLE_COLS * scale))
    sub_lines = textwidth.wrap(subtitle, int(maplayout.TEXT_COLS * scale))
    text = (
        "<br>".join(f"<b>{line}</b>" for line in title_lines)
        + "<br><span style='font-size:12px;color:#555'>"
        + "<br>".join(sub_lines)
        + "</span>"
    )
    return text, (len(title_lines), len(sub_lines)), textwidth.wrap(source, int(maplayout.SOURCE_COLS * scale))


def _fit_map_text(fig: go.Figure, texts: dict, scale: float) -> go.Figure:
    """:func:`fit_text` for a map made by :func:`frame_fig`: margins and height follow the lines."""
    old_src = _map_text(texts["title"], texts["subtitle"], texts["source"], 1.0)[2]
    text, rows, src = _map_text(texts["title"], texts["subtitle"], texts["source"], scale)
    top, bottom = maplayout.top_px(*rows), maplayout.bottom_px(len(src), texts["legend"])
    fig.update_layout(
        height=maplayout.height_at(MAP_EXPORT_WIDTH, top, bottom),
        margin=dict(t=top, b=bottom),
        title=dict(text=text),
    )
    for a in fig.layout.annotations:
        if a.text == "<br>".join(old_src):
            a.text = "<br>".join(src)
    return fig


def map_chrome_px(fig: go.Figure) -> int:
    """Pixels of the map figure that are not the map: its top and bottom margins."""
    return int(fig.layout.margin.t) + int(fig.layout.margin.b)


def frame_fig(fig: go.Figure, title: str, subtitle: str, source: str) -> go.Figure:
    """The map's frame: title and subtitle on top, the source line right under the map, the legend (one
    entry per row) at the bottom edge. Top and bottom margins are computed from the wrapped lines, so
    there is no empty band at any width and nothing overlaps."""
    title_text, title_rows, src_lines = _map_text(title, subtitle, source, 1.0)
    legend_lines = [len(str(tr.name).split("<br>")) for tr in fig.data if tr.showlegend is not False and tr.name]
    top = maplayout.top_px(*title_rows)
    bottom = maplayout.bottom_px(len(src_lines), legend_lines)
    meta = fig.layout.meta if isinstance(fig.layout.meta, dict) else {}
    fig.update_layout(
        template=TEMPLATE,
        font=FONT,
        height=maplayout.height_at(MAP_EXPORT_WIDTH, top, bottom),
        showlegend=True,
        # the texts as given, for fit_text (the worldview stays for the static export)
        meta={**meta, "map_frame": {"title": title, "subtitle": subtitle, "source": source, "legend": legend_lines}},
        title=dict(
            text=title_text,
            x=0,
            xanchor="left",
            xref="container",
            y=1,
            yanchor="top",
            yref="container",
            pad=dict(t=maplayout.TOP_PAD, l=4),
        ),
        margin=dict(l=0, r=0, t=top, b=bottom, autoexpand=False),
        legend=dict(
            orientation="h",
            x=0,
            xanchor="left",
            y=0,
            yanchor="bottom",
            yref="container",
            entrywidth=1,
            entrywidthmode="fraction",
            tracegroupgap=0,
            font=dict(size=12),
        ),
    )
    fig.add_annotation(
        text="<br>".join(src_lines),
        xref="paper",
        yref="paper",
        x=0,
        xanchor="left",
        y=0,
        yanchor="top",
        yshift=-maplayout.GAP,
        showarrow=False,
        font=dict(size=11, color="#666"),
        align="left",
    )
    return fig


def region_map(
    frame,
    outlines: dict,
    region_colors: dict[str, str],
    title: str,
    subtitle: str,
    source: str,
    worldview: str,
    *,
    lang: str,
) -> go.Figure:
    """What was identified, by UN M49 region: identified countries filled in their region's colour,
    the sub-regions they belong to outlined (never filled), small ones also as markers. A
    non-participating country is never filled."""
    fig = go.Figure()
    if outlines["features"]:
        fig.add_choropleth(
            geojson=outlines,
            featureidkey="properties.sub_region",
            locations=[f["properties"]["sub_region"] for f in outlines["features"]],
            z=[0] * len(outlines["features"]),
            colorscale=[[0, "rgba(0,0,0,0)"], [1, "rgba(0,0,0,0)"]],
            showscale=False,
            marker_line_color="#555555",
            marker_line_width=1.2,
            hoverinfo="skip",
            name=t("UN M49 sub-region", lang=lang),
            showlegend=False,
        )
    hover = "<b>%{customdata[0]}</b>%{customdata[1]}<br>%{customdata[2]}<extra></extra>"
    drawn = frame[frame.drawable]
    for region in sorted(set(drawn.region)):
        part = drawn[drawn.region == region]
        shapes = part[part["shape"]].sort_values("area_km2", ascending=False)
        color = region_colors[region]
        if len(shapes):
            fig.add_choropleth(
                locationmode="ISO-3",
                locations=list(shapes.code),
                z=[1] * len(shapes),
                colorscale=[[0, color], [1, color]],
                showscale=False,
                marker_line_color="#FFFFFF",
                marker_line_width=0.6,
                customdata=shapes[["name_shown", "name_beside", "sub_region_label"]].values,
                hovertemplate=hover,
                showlegend=False,
                legendgroup=region,
            )
        small = part[part.marker]
        fig.add_scattergeo(  # legend: the region and its count (the sub-regions are outlined and listed)
            lon=list(small.rep_lon) or [None],
            lat=list(small.rep_lat) or [None],
            mode="markers",
            # the UN M49 region in the interface language and its count: 'Africa (1)' / '非洲（1个）'
            name=maplayout.legend_label(
                t("{region} ({n})", region=region_label(region, lang), n=part.code.nunique(), lang=lang)
            ),
            legendgroup=region,
            marker=dict(size=9, color=color, line=dict(color="#FFFFFF", width=1.5)),
            customdata=small[["name_shown", "name_beside", "sub_region_label"]].values if len(small) else None,
            hovertemplate=hover,
        )
    _geo_layout(fig, worldview)
    return frame_fig(fig, title, subtitle, source)
