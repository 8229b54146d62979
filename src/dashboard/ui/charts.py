"""A chart with everything a reader needs beside it: the figure (title, subtitle and source
inside), a table of exactly the data drawn, a formula-safe CSV download and the source links."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from ..exports import to_csv_bytes
from ..i18n import t
from ..worldview import DEFAULT, topojson_url

PLOTLY_CONFIG = {"displaylogo": False, "responsive": True,
                 "modeBarButtonsToRemove": ["lasso2d", "select2d"]}
# Geo figures: plotly.js loads its base-map topojson from the app (static/geo/<worldview>/, written by
# the geometry step) instead of its CDN; ui.mapview.map_config picks the worldview's folder.
MAP_CONFIG = {**PLOTLY_CONFIG, "topojsonURL": topojson_url(DEFAULT), "scrollZoom": False}


def chart_block(fig: go.Figure, data: pd.DataFrame, name: str, source_md: str, config: dict = PLOTLY_CONFIG) -> None:
    st.plotly_chart(fig, key=f"chart-{name}", config=config)
    with st.expander(t("Table view: the data drawn")):
        st.dataframe(data, hide_index=True)
    st.caption(source_md)
    download_csv(data, name)


def download_csv(data: pd.DataFrame, name: str, label: str = "Download CSV") -> None:
    st.download_button(t(label), data=lambda: to_csv_bytes(data), file_name=f"{name}.csv", mime="text/csv",
                       key=f"csv-{name}", on_click="ignore", icon=":material/download:")
