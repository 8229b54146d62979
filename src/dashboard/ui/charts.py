"""A chart with everything a reader needs beside it: the figure (title, subtitle and source
inside), a table of exactly the data drawn, a formula-safe CSV download and the source links."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from ..exports import to_csv_bytes
from ..formatting import md_escape
from ..i18n import get_language, language, t
from ..worldview import DEFAULT, topojson_url
from .chrome import plotly_locale

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


def chart_block(
    fig: go.Figure, data: pd.DataFrame, name: str, source_md: str, config: dict = PLOTLY_CONFIG, description: str = ""
) -> None:
    """``description``: what the chart shows in words (dashboard.describe), printed right under it: the
    chart's text alternative for a screen reader and a sentence a reader can quote."""
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
