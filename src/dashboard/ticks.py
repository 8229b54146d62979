"""Category tick labels rewrapped for the width a chart is drawn at.

The figure builders wrap a bar chart's category labels for a phone (about 18 columns: see
:data:`dashboard.figures.TICK_CHARS`), because the server does not know the reader's screen. On a wide
screen that wrapping is needless: "International Organization for Migration" stood on three lines at
1440 px. Once the browser has reported the content column's width (:mod:`dashboard.ui.viewport`),
:func:`dashboard.figures.fit_text` calls :func:`refit`, which unwraps every label of a category axis and
wraps it again for the chart's width, and moves the left margin (and the source line that starts at
the figure's edge) with the new labels.

Unwrapping is exact for the wrapping :mod:`dashboard.textwidth` does: Latin text breaks only at a
space (so two Latin characters either side of a break had one between them), Chinese between any
two characters (no space). The new width is the phone's spread by the same factor as the titles,
but never so wide that the labels take more than :data:`MAX_LABEL_SHARE` of the chart, and never
narrower than the labels already are (a chart a little wider than a phone keeps the phone's lines).
"""

from __future__ import annotations

import plotly.graph_objects as go

from . import textwidth

# At most this share of a chart's width goes to its category labels (the bars keep the rest).
MAX_LABEL_SHARE = 0.32
# Left margin around the labels (px), as textwidth.label_margin pads them.
PAD_PX = 20


def unwrap(label: str) -> str:
    """The label as one line: '<br>' between two Latin characters was a space, else nothing."""
    lines = str(label).split("<br>")
    out = lines[0]
    for line in lines[1:]:
        a, b = out[-1:], line[:1]
        joint = " " if a and b and textwidth.char_width(a) == 1 and textwidth.char_width(b) == 1 else ""
        out = out + joint + line
    return " ".join(out.split())


def widest_line(labels) -> int:
    """Columns of the longest line of any label."""
    return max((textwidth.display_width(line) for lab in labels for line in str(lab).split("<br>")), default=0)


def columns_for(width_px: float, phone_cols: int, scale: float, font_px: float) -> int:
    """Columns a label line may take on a chart ``width_px`` wide: the phone's ``phone_cols`` spread by
    ``scale`` (as the titles are), capped so the labels take at most MAX_LABEL_SHARE of the chart."""
    by_share = int((MAX_LABEL_SHARE * width_px - PAD_PX) / (textwidth.COLUMN_EM * font_px))
    return max(min(int(phone_cols * scale), by_share), 1)


def rewrap(label: str, cols: int) -> str:
    """``label`` wrapped for ``cols`` columns, as the builders wrap labels (textwidth.wrap_label_br)."""
    return textwidth.wrap_label_br(unwrap(label), cols)


def _category_axes(fig: go.Figure) -> list[str]:
    return [ax for ax in ("x", "y") if getattr(fig.layout, f"{ax}axis").type == "category"]


def refit(fig: go.Figure, width_px: float, phone_cols: int, scale: float, font_px: float = 13) -> go.Figure:
    """Rewrap, in place, every label of ``fig``'s category axes for a chart ``width_px`` wide (see the
    module's docstring); the left margin follows the y labels and the source line (an annotation
    starting ``margin - 8`` px left of the plot) moves with it. Returns ``fig``."""
    for ax in _category_axes(fig):
        axis = getattr(fig.layout, f"{ax}axis")
        labels = list(axis.categoryarray or [])
        for tr in fig.data:
            labels += [v for v in (getattr(tr, ax, None) or []) if isinstance(v, str)]
        labels = list(dict.fromkeys(labels))
        if not any("<br>" in lab for lab in labels):
            continue
        cols = columns_for(width_px, phone_cols, scale, font_px)
        if cols <= widest_line(labels):
            continue
        new = {lab: rewrap(lab, cols) for lab in labels}
        for tr in fig.data:
            values = getattr(tr, ax, None)
            if values is not None and any(isinstance(v, str) and v in new for v in values):
                setattr(tr, ax, [new.get(v, v) if isinstance(v, str) else v for v in values])
        if axis.categoryarray is not None:
            axis.categoryarray = [new.get(v, v) for v in axis.categoryarray]
        if ax == "y":
            old = int(fig.layout.margin.l or 0)
            left = max(textwidth.label_margin(new.values(), font_px, PAD_PX, cap=10_000), 10)
            fig.layout.margin.l = left
            for a in fig.layout.annotations:
                if a.xshift is not None and int(a.xshift) == -(old - 8):
                    a.xshift = -(left - 8)
    return fig
