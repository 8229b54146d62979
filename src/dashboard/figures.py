"""Figure builders: plain functions returning plotly figures (no Streamlit).

Every chart gets a title, a subtitle that states coverage and a source line
inside the figure, an explicit template (importing Streamlit changes plotly's
default, which would leak into static exports) and one colour per edition,
from the Okabe–Ito colour-blind-safe palette.
"""

from __future__ import annotations

import plotly.graph_objects as go

from .formatting import format_figure
from .i18n import t

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
    """Lines of at most ``width`` characters (a longer single word stays whole); existing <br> kept."""
    import textwrap

    lines: list[str] = []
    for part in str(text).split("<br>"):
        lines += textwrap.wrap(part, width, break_long_words=False, break_on_hyphens=False) or [""]
    return lines


def wrap_label(text: str, width: int = TICK_CHARS) -> str:
    """A category label wrapped with <br> (plotly draws each line)."""
    return "<br>".join(wrap(text, width))


def label_margin(labels) -> int:
    """Left margin (px) that holds wrapped category labels: plotly's automargin is not used, so the
    source line can start at the figure's left edge (see :func:`frame`)."""
    longest = max((len(line) for lab in labels for line in str(lab).split("<br>")), default=4)
    return int(min(20 + 7.2 * longest, 160))


def frame(fig: go.Figure, title: str, subtitle: str, source: str, height: int,
          margin_right: int = 20, legend: bool = True, margin_left: int = 10) -> go.Figure:
    """Title and subtitle on top, legend and source line below the plot, all inside the figure
    so that a screenshot or an exported image still says what it shows and where it comes from.
    ``height`` is the height the caller wants with a one-line title and source; wrapped lines are
    added on top. Titles begin below the toolbar's strip; every text is wrapped to fit a phone."""
    plot_px = max(height - 86 - (92 if legend else 56), 40)
    title_lines, sub_lines, src_lines = wrap(title, TITLE_CHARS), wrap(subtitle, SUBTITLE_CHARS), wrap(source,
                                                                                                    SOURCE_CHARS)
    top = TOOLBAR_PX + 26 + 21 * len(title_lines) + 16 * len(sub_lines) + 12
    legend_px = 30 if legend else 0
    bottom = 24 + legend_px + 14 * len(src_lines) + 10
    height = plot_px + top + bottom
    text = "<br>".join(f"<b>{line}</b>" for line in title_lines)
    if subtitle:
        sub = "<span style='font-size:12px;color:#555;font-weight:normal'>{}</span>"
        text += "<br>" + "<br>".join(sub.format(line) for line in sub_lines)
    fig.update_layout(
        template=TEMPLATE, font=FONT, height=height,
        title=dict(text=text, font=dict(size=16, weight="normal"), x=0, xanchor="left", xref="container",
                   # plotly puts the first line's top ~16 px above the anchor: this starts it ~8 px below
                   # the toolbar strip
                   y=1 - (TOOLBAR_PX + 24) / height, yanchor="top", yref="container"),
        margin=dict(l=margin_left, r=margin_right, t=top, b=bottom),
        showlegend=legend,
        legend=dict(orientation="h", x=0, xanchor="left", y=-24 / plot_px, yanchor="top",
                    traceorder=fig.layout.legend.traceorder or "normal"),
    )
    fig.add_annotation(text="<br>".join(src_lines), xref="paper", yref="paper", x=0, xanchor="left",
                       xshift=-(margin_left - 8), y=-(24 + legend_px) / plot_px, yanchor="top", showarrow=False,
                       font=dict(size=11, color="#666"), align="left")
    return fig


def coverage_chart(cov, labels: dict[int, str], colors: dict[int, str], what: str, source: str) -> go.Figure:
    """Identified vs reported, one bar per edition: the identified part in the edition's
    colour, the unidentified remainder as a muted segment (never hidden)."""
    cov = cov.sort_values("edition", ascending=False)
    totals = [format_figure(r, q) for r, q in zip(cov.reported, cov.reported_qualifier)]
    # The reported total goes into the category label ("2025 · reported 51"): an annotation
    # placed on a category axis blanks the bars in plotly.js.
    y = [wrap_label(t("{edition} · reported {total}", edition=labels[e], total=tot), 14)
         for e, tot in zip(cov.edition, totals)]
    fig = go.Figure()
    # Labels stay horizontal (textangle=0) and short enough for a narrow bar on a phone: the number
    # alone in the identified segment; the subtitle says what the colours mean.
    for ed, yi, n in list(zip(cov.edition, y, cov.identified))[::-1]:  # one trace per edition, oldest first
        fig.add_bar(y=[yi], x=[int(n)], orientation="h", name=labels[ed],
                    marker_color=colors[ed], text=[str(int(n))], textposition="inside", textangle=0,
                    insidetextanchor="middle",
                    hovertemplate="%{y}: %{x} " + t("identified") + "<extra></extra>")
    fig.add_bar(
        y=y, x=[int(v) if v == v and v is not None else 0 for v in cov.unidentified], orientation="h",
        name=t("Not named in public sources"), marker_color=MUTED,
        text=[t("{n} not named", n=int(n)) if n and n == n else "" for n in cov.unidentified],
        textposition="inside", textangle=0, insidetextanchor="middle", insidetextfont=dict(color="#333"),
        hovertemplate="%{y}: %{x} " + t("not named in public sources") + "<extra></extra>",
    )
    fig.update_layout(barmode="stack", uniformtext=dict(minsize=10, mode="show"),
                      xaxis=dict(title=None, showgrid=True),
                      yaxis=dict(title=None, type="category", categoryorder="array", categoryarray=y,
                                 automargin=False))
    subtitle = t("Identified {what} (coloured, one colour per edition) and those not named in public sources "
                 "(grey), against the reported total", what=what)
    # no legend: every segment is labelled and every row names its edition
    return frame(fig, t("{What}: named in public sources", What=what[:1].upper() + what[1:]), subtitle, source,
                 height=150 + 48 * len(y), legend=False, margin_left=label_margin(y))


def grouped_bars(df, category: str, labels: dict[str, str], editions: list[int], edition_labels: dict[int, str],
                 colors: dict[int, str], title: str, subtitle: str, source: str,
                 muted: tuple[str, ...] = (), value: str = "count") -> go.Figure:
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
            y=[labels[c] for c in cats], x=xs, orientation="h", name=edition_labels[ed],
            marker=dict(color=colors[ed], opacity=[0.35 if c in muted else 1 for c in cats]),
            text=xs, textposition="outside", textangle=0, cliponaxis=False,
            hovertemplate=f"{edition_labels[ed]} · %{{y}}: %{{x}}<extra></extra>",
        )
    fig.update_layout(barmode="group", bargap=0.25, legend_traceorder="reversed",
                      yaxis=dict(title=None, type="category", categoryorder="array",
                                 categoryarray=[labels[c] for c in cats][::-1], automargin=False),
                      xaxis=dict(title=None, rangemode="tozero"))
    # room on the right for the outside labels: pad the value axis by ~15%
    top_value = max([int(v) for v in df[value]] + [1])
    fig.update_xaxes(range=[0, top_value * 1.18 + 0.5])
    return frame(fig, title, subtitle, source, height=170 + 22 * len(cats) * max(len(editions), 1),
                 margin_left=label_margin(labels[c] for c in cats), margin_right=16)


def presence_matrix(matrix, editions: list[int], edition_labels: dict[int, str], colors: dict[int, str],
                    title: str, subtitle: str, source: str) -> go.Figure:
    """Organizations × editions: a filled square where the organization is identified."""
    fig = go.Figure()
    ys = list(matrix["label"])
    for ed in editions:
        present = matrix[matrix[ed]]
        fig.add_scatter(x=[edition_labels[ed]] * len(present), y=list(present["label"]), mode="markers",
                        marker=dict(symbol="square", size=22, color=colors[ed]), name=edition_labels[ed],
                        hovertemplate="%{y} · %{x}: " + t("identified") + "<extra></extra>")
        absent = matrix[~matrix[ed]]
        fig.add_scatter(x=[edition_labels[ed]] * len(absent), y=list(absent["label"]), mode="markers",
                        marker=dict(symbol="square-open", size=20, color=MUTED), showlegend=False,
                        hovertemplate="%{y} · %{x}: " + t("not named in public sources") + "<extra></extra>")
    fig.update_layout(xaxis=dict(type="category", categoryorder="array",
                                 categoryarray=[edition_labels[e] for e in editions], side="top", title=None),
                      yaxis=dict(type="category", categoryorder="array", categoryarray=ys[::-1], title=None,
                                 automargin=False))
    return frame(fig, title, subtitle, source, height=200 + 34 * len(ys), legend=False, margin_left=label_margin(ys))


STATUS_COLORS_FIXED = {"both": "#009E73"}  # Okabe–Ito green: in both editions' sources


def _geo_layout(fig: go.Figure) -> None:
    """Whole-world view. The base layer (land, borders) is plotly's 1:110m topojson (285 KB to
    fetch and parse, against 1.7 MB at 1:50m: the map's cold start); the participants' own shapes
    are Natural Earth 1:50m and small states get markers, so no participant depends on it."""
    fig.update_geos(
        projection_type="natural earth", resolution=110, fitbounds=False, showframe=False,
        showcountries=True, countrycolor="#BDBDBD", countrywidth=0.5, showcoastlines=False,
        showland=True, landcolor="#F2F2F2", showocean=True, oceancolor="#FFFFFF", showlakes=False,
        lataxis_range=[-58, 85], lonaxis_range=[-180, 180], bgcolor="rgba(0,0,0,0)",
    )


def participation_map(frame, geojson: dict, venue_frame, status_colors: dict[str, str], status_labels: dict[str, str],
                      title: str, subtitle: str, source: str, lines: bool = False) -> go.Figure:
    """World map: identified participants' shapes coloured by status, markers for small ones,
    the venue cities as stars, optionally lines from each participant to the venue.

    Geo traces make plotly.js load its base-map topojson: the app serves it locally and passes
    ``topojsonURL``; exports set ``plotly.io.defaults.topojson``."""
    fig = go.Figure()
    hover = ("<b>%{customdata[0]}</b> · %{customdata[1]}<br>%{customdata[2]}<br>"
             + t("How known") + ": %{customdata[3]}<br>%{customdata[4]}<br><i>%{customdata[5]}</i><extra></extra>")
    # One choropleth trace for all statuses (the GeoJSON is sent once), coloured through a stepped
    # colour scale; the legend comes from marker traces, which also draw the small participants.
    statuses = list(status_labels)
    drawn = frame[frame.drawable & frame.status.isin(statuses)]
    n = max(len(statuses), 1)
    scale = []
    for i, status in enumerate(statuses):
        scale += [[i / n, status_colors[status]], [(i + 1) / n, status_colors[status]]]
    if len(drawn):
        fig.add_choropleth(
            geojson=geojson, featureidkey="properties.code", locations=list(drawn.code),
            z=[statuses.index(s) + 0.5 for s in drawn.status], zmin=0, zmax=n, colorscale=scale, showscale=False,
            marker_line_color="#FFFFFF", marker_line_width=0.6, name=t("Identified"), showlegend=False,
            customdata=drawn[["name_en", "name_zh", "status_label", "how_text", "people_text",
                              "sources_text"]].values, hovertemplate=hover,
        )
    for status, label in status_labels.items():
        small = drawn[(drawn.status == status) & drawn.marker]
        fig.add_scattergeo(
            lon=list(small.rep_lon) or [None], lat=list(small.rep_lat) or [None], mode="markers", name=label,
            marker=dict(size=10, color=status_colors[status], line=dict(color="#FFFFFF", width=1.5),
                        symbol="circle"),
            customdata=small[["name_en", "name_zh", "status_label", "how_text", "people_text",
                              "sources_text"]].values if len(small) else None, hovertemplate=hover,
        )
    if lines and len(venue_frame):
        v = venue_frame.iloc[-1]
        lon, lat = [], []
        for r in frame[frame.drawable].itertuples():
            lon += [r.rep_lon, v.city_lon, None]
            lat += [r.rep_lat, v.city_lat, None]
        fig.add_scattergeo(lon=lon, lat=lat, mode="lines", line=dict(width=0.7, color="rgba(80,80,80,0.35)"),
                           hoverinfo="skip", showlegend=False, name="lines")
    fig.add_scattergeo(
        lon=list(venue_frame.city_lon), lat=list(venue_frame.city_lat), mode="markers+text",
        text=[f"{c} {e}" for c, e in zip(venue_frame.city_en, venue_frame.edition)],
        # labels to the left of the star: venues in east Asia sit near the right edge of a phone's map
        textposition=["top left" if i == len(venue_frame) - 1 else "bottom left" for i in range(len(venue_frame))],
        textfont=dict(size=11, color="#222"), marker=dict(symbol="star", size=15, color="#222",
                                                          line=dict(color="#FFFFFF", width=1)),
        name=t("Venue"), hovertemplate="%{text}<extra>" + t("Venue") + "</extra>",
    )
    _geo_layout(fig)
    return frame_fig(fig, title, subtitle, source)


def frame_fig(fig: go.Figure, title: str, subtitle: str, source: str, height: int = 560) -> go.Figure:
    """A map: the plot spans the full width (no axis labels), the texts framed as for the charts."""
    return frame(fig, title, subtitle, source, height=height, margin_left=8, margin_right=0)


def region_map(geojson: dict, shares, color: str, title: str, subtitle: str, source: str) -> go.Figure:
    """UN M49 sub-regions (dissolved country shapes) shaded by the number of identified participants."""
    fig = go.Figure()
    fig.add_choropleth(
        geojson=geojson, featureidkey="properties.sub_region", locations=list(shares.sub_region),
        z=list(shares.identified), colorscale=[[0, "#E8F1F8"], [1, color]], zmin=0,
        zmax=max(int(shares.identified.max()) if len(shares) else 1, 1),
        marker_line_color="#FFFFFF", marker_line_width=0.6,
        customdata=[[f"{s * 100:.0f}%"] for s in shares.share],
        hovertemplate="<b>%{location}</b>: %{z} " + t("identified") + " (%{customdata[0]})<extra></extra>",
        colorbar=dict(title=t("identified"), thickness=10, len=0.5, tickmode="linear", dtick=1, tick0=0),
    )
    _geo_layout(fig)
    return frame_fig(fig, title, subtitle, source)
