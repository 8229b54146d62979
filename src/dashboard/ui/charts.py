"""A chart with everything a reader needs beside it: the figure (title, subtitle and source
inside), a table of exactly the data drawn, a formula-safe CSV download and the source links."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from ..chartdata import in_words
from ..exports import to_csv_bytes
from ..figures import fit_text
from ..formatting import md_escape
from ..i18n import get_language, language, t
from ..memo import per_object
from ..worldview import DEFAULT, topojson_url
from .chrome import plotly_locale
from .viewport import content_px

# The toolbar shows only on hover (a tap on a phone) and only the buttons a bar chart needs; figures
# start their titles below its strip (figures.TOOLBAR_PX), so it never covers a title.
PLOTLY_CONFIG = {
    "displaylogo": False,
    "responsive": True,
    "displayModeBar": "hover",
    "modeBarButtonsToRemove": ["lasso2d", "select2d", "zoom2d", "pan2d", "zoomIn2d", "zoomOut2d", "autoScale2d"],
}
# Geo figures: plotly.js loads its base-map topojson from the app (static/geo/<worldview>/, written by
# the geometry step) instead of its CDN; ui.mapview.map_config picks the worldview's folder.
# Maps show no toolbar: its zoom buttons would sit on the map's title on a phone; the whole world is the
# view (no scroll zoom), small states are drawn as markers and listed, and images come from the Press kit.
MAP_CONFIG = {
    **PLOTLY_CONFIG,
    "displayModeBar": False,
    "modeBarButtonsToRemove": ["lasso2d", "select2d"],
    "topojsonURL": topojson_url(DEFAULT),
    "scrollZoom": False,
}


# A key chart's figure is cached per dataset (dashboard.keycharts); its text rewrapped for a width is cached
# per figure and width too, so a rerun or a new session at a known width sends the figure without rebuilding
# it (plotly validates every property of a copied figure: tens of ms per chart).
fitted = per_object(fit_text)
# The chart's table in the reader's words (dashboard.chartdata), likewise per table and language.
worded = per_object(in_words)


def chart_block(
    fig: go.Figure,
    data: pd.DataFrame,
    name: str,
    source_md: str,
    config: dict = PLOTLY_CONFIG,
    description: str = "",
    share: float = 1.0,
) -> None:
    """``description``: what the chart shows in words (dashboard.describe), printed right under it: the
    chart's text alternative for a screen reader and a sentence a reader can quote. ``share``: the part of
    the content column's width the chart is drawn in on a wide screen (0.5 in one of two columns); its
    title, subtitle and source line are wrapped for that width (dashboard.ui.viewport)."""
    fig = fitted(fig, chart_px(share))
    data = worded(data, get_language())  # columns and codes in the reader's words where the language says so
    st.plotly_chart(fig, key=f"chart-{name}", config={**config, **plotly_locale(get_language())})
    if description:
        st.caption(md_escape(description))
    # The table is sent only when its expander is opened: a page's first draw carries the charts,
    # not a hidden copy of every table (see README, Performance).
    table = st.expander(t("Table view: the data drawn"), key=f"table-{name}", on_change="rerun")
    if table.open:
        table.dataframe(data, hide_index=True)
    st.caption(source_md)
    download_csv(data, name)


# Streamlit puts columns under each other below this content width (its 640 px viewport breakpoint, less
# the page's padding): a chart in one of two columns then has the whole column.
COLUMNS_STACK_BELOW_PX = 600


def chart_px(share: float = 1.0) -> float | None:
    """The width a chart drawn in ``share`` of the content column has, as the browser reported the column
    (None until it has: charts are then wrapped for a phone)."""
    px = content_px()
    if px is None:
        return None
    return px if px < COLUMNS_STACK_BELOW_PX else px * share


def download_csv(data: pd.DataFrame | Callable[[], pd.DataFrame], name: str, label: str | None = None) -> None:
    """A formula-safe CSV of ``data``; a callable is called only when the button is clicked, so a
    reader-ready copy (every source id turned into labels) costs nothing on the page's first draw."""
    lang = get_language()  # a deferred download runs outside this script run: keep its language

    def csv_bytes() -> bytes:
        with language(lang):
            return to_csv_bytes(data() if callable(data) else data)

    st.download_button(
        label or t("Download CSV"),
        data=csv_bytes,
        file_name=f"{name}.csv",
        mime="text/csv",
        key=f"csv-{name}",
        on_click="ignore",
        icon=":material/download:",
    )
