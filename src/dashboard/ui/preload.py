"""Start loading the chart library while a first visit's page is measured.

On a first visit the page's first run draws only the width probe and stops (:mod:`dashboard.ui.viewport`);
the page is drawn by the run the probe's report starts. Streamlit's frontend fetches its plotly chunk
(plotly.js, about 4.7 MB of script, then a second or so of evaluation) only when the first chart element
arrives, so on a fresh tab that work would start after the second run. The probe-only run therefore also
sends one tiny empty chart in a hidden box: the browser fetches and evaluates plotly.js while the probe
reports and the page's run is under way. The box is never shown (``display:none``: nothing moves) and the
next run drops it. Pages without a chart (Sources, Import) do not ask for it: their first table or upload
area would only wait behind it. An empty *map* (to fetch the Map's topojson early too) was tried and
dropped: plotly.js projects the whole base map even in a hidden 20 px chart, work the page's map then
does again (measured slower on the Map page, README "Performance").
"""

from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st

KEY = "plotly-preload"
HIDE = "<style>.st-key-plotly-preload-box{display:none !important}</style>"
NO_CHART = frozenset({"Sources", "Import"})  # url_path of the pages that draw no plotly chart (layout.PAGES)
CONFIG = {"staticPlot": True, "displayModeBar": False, "responsive": False}
_LAYOUT = {"width": 20, "height": 20, "margin": {"l": 0, "r": 0, "t": 0, "b": 0}, "template": "none"}


def figure(url_path: str) -> dict | None:
    """The hidden chart's figure (as a dict) for a page; None for a page without charts."""
    if url_path in NO_CHART:
        return None
    return {"data": [{"type": "bar", "x": [], "y": []}], "layout": _LAYOUT}


def plotly_library(url_path: str) -> None:
    """In the probe-only run of a first visit: the hidden chart that makes the browser load plotly.js."""
    spec = figure(url_path)
    if spec is None:
        return
    with st.container(key="plotly-preload-box"):
        st.html(HIDE)
        st.plotly_chart(go.Figure(spec), key=KEY, width="content", config=CONFIG)
