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
FONT = dict(family="Source Sans Pro, Helvetica, Arial, sans-serif", size=13, color="#262730")


def edition_colors(edition_ids: list[int]) -> dict[int, str]:
    """A stable colour per edition: the n-th edition held always gets the n-th colour."""
    return {ed: PALETTE[i % len(PALETTE)] for i, ed in enumerate(edition_ids)}


def frame(fig: go.Figure, title: str, subtitle: str, source: str, height: int,
          margin_right: int = 20, legend: bool = True) -> go.Figure:
    """Title and subtitle on top, legend and source line below the plot, all inside the figure
    so that a screenshot or an exported image still says what it shows and where it comes from."""
    top, bottom = 86, 92 if legend else 56
    plot_px = max(height - top - bottom, 40)
    fig.update_layout(
        template=TEMPLATE, font=FONT, height=height,
        title=dict(text=f"<b>{title}</b><br><span style='font-size:12px;color:#555'>{subtitle}</span>",
                   x=0, xanchor="left", xref="container", y=1 - 30 / height, yanchor="top", yref="container"),
        margin=dict(l=10, r=margin_right, t=top, b=bottom),
        showlegend=legend,
        legend=dict(orientation="h", x=0, xanchor="left", y=-22 / plot_px, yanchor="top", traceorder="normal"),
    )
    fig.add_annotation(text=source, xref="paper", yref="paper", x=0, xanchor="left",
                       y=-(bottom - 14) / plot_px, yanchor="top", showarrow=False,
                       font=dict(size=11, color="#666"), align="left")
    return fig


def coverage_chart(cov, labels: dict[int, str], colors: dict[int, str], what: str, source: str) -> go.Figure:
    """Identified vs reported, one bar per edition: the identified part in the edition's
    colour, the unidentified remainder as a muted segment (never hidden)."""
    cov = cov.sort_values("edition", ascending=False)
    totals = [format_figure(r, q) for r, q in zip(cov.reported, cov.reported_qualifier)]
    # The reported total goes into the category label ("2025 · reported 51"): an annotation
    # placed on a category axis blanks the bars in plotly.js.
    y = [t("{edition} · reported {total}", edition=labels[e], total=tot) for e, tot in zip(cov.edition, totals)]
    fig = go.Figure()
    fig.add_bar(
        y=y, x=[int(v) for v in cov.identified], orientation="h", name=t("Identified in public sources"),
        marker_color=[colors[e] for e in cov.edition],
        text=[t("{n} identified", n=n) for n in cov.identified], textposition="inside",
        hovertemplate="%{y}: %{x} " + t("identified") + "<extra></extra>",
    )
    fig.add_bar(
        y=y, x=[int(v) if v == v and v is not None else 0 for v in cov.unidentified], orientation="h", name=t("Not named in public sources"),
        marker_color=MUTED,
        text=[t("{n} not named", n=int(n)) if n and n == n else "" for n in cov.unidentified],
        textposition="inside", insidetextfont=dict(color="#333"),
        hovertemplate="%{y}: %{x} " + t("not named in public sources") + "<extra></extra>",
    )
    fig.update_layout(barmode="stack", xaxis=dict(title=None, showgrid=True),
                      yaxis=dict(title=None, type="category", categoryorder="array", categoryarray=y))
    subtitle = t("Identified {what} against the reported total, per edition", what=what)
    return frame(fig, t("{What}: named in public sources", What=what[:1].upper() + what[1:]), subtitle, source,
                 height=190 + 48 * len(y))
