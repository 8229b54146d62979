"""Start loading the chart library while a first visit's page is measured.

On a first visit the page's first run draws only the width probe and stops (:mod:`dashboard.ui.viewport`);
the page is drawn by the run the probe's report starts. Streamlit's frontend fetches its plotly chunk
(plotly.js, about 4.7 MB of script, then a second or so of evaluation) only when the first chart element
arrives, and plotly.js fetches a map's base topojson only when it draws the map, so on a fresh tab that
work would start after the second run. The probe-only run therefore also sends one tiny empty chart in a
hidden box: the browser fetches and evaluates plotly.js while the probe reports and the page's run is
under way; on the Map page the chart is an empty map of the worldview in the link, so its topojson is
fetched and parsed by then too (plotly.js keeps it for the page's map). The box is never shown
(``display:none``: nothing moves) and the next run drops it. Pages without a chart (Sources, Import) do not
ask for it: their first table or upload area would only wait behind it.
"""

from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st

from .. import worldview
from ..errors import DataError

KEY = "plotly-preload"
HIDE = "<style>.st-key-plotly-preload-box{display:none !important}</style>"
NO_CHART = frozenset({"Sources", "Import"})  # url_path of the pages that draw no plotly chart (layout.PAGES)
MAP_FIRST = frozenset({"Map"})  # pages whose first chart is a map
CONFIG = {"staticPlot": True, "displayModeBar": False, "responsive": False}
_LAYOUT = {"width": 20, "height": 20, "margin": {"l": 0, "r": 0, "t": 0, "b": 0}, "template": "none"}


def _worldview() -> str:
    try:  # silently: the page itself reports an unknown value in the link
        return worldview.from_param(st.query_params.get(worldview.PARAM))[0]
    except DataError:
        return worldview.DEFAULT


def figure(url_path: str) -> tuple[dict, dict] | None:
    """The hidden chart's figure (as a dict) and config for a page; None for a page without charts."""
    if url_path in NO_CHART:
        return None
    if url_path not in MAP_FIRST:
        return {"data": [{"type": "bar", "x": [], "y": []}], "layout": _LAYOUT}, CONFIG
    code = _worldview()
    geo = {"resolution": worldview.RESOLUTION[code], "showland": True, "showcountries": True}
    # one point (a trace with no data would be dropped, and with it the map and its topojson)
    data = [{"type": "scattergeo", "lon": [0], "lat": [0], "mode": "markers", "marker": {"opacity": 0}}]
    return {"data": data, "layout": {**_LAYOUT, "geo": geo}}, {**CONFIG, "topojsonURL": worldview.topojson_url(code)}


def plotly_library(url_path: str) -> None:
    """In the probe-only run of a first visit: the hidden chart that makes the browser load plotly.js."""
    spec = figure(url_path)
    if spec is None:
        return
    fig, config = spec
    with st.container(key="plotly-preload-box"):
        st.html(HIDE)
        st.plotly_chart(go.Figure(fig), key=KEY, width="content", config=config)
