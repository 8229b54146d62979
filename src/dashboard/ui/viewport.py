"""The width of the page's content column, so charts wrap their titles, subtitles and source lines
for the width they are drawn at: one line on a wide screen, several on a phone.

Streamlit's server does not know the reader's screen. A tiny component of the app's own
(``assets/viewport/index.html``: Streamlit's component protocol written out, nothing fetched) measures
the content column in the browser, in steps of 50 px, and reports it; the run that receives it draws
every chart for that width (:func:`dashboard.figures.fit_text`). It also keeps the width in a cookie, so
a later visit starts at the right width at once. On a first visit the page's first run draws only the probe
and stops (:func:`must_wait`); the run its report starts draws the page, once, at the right width. Where
no browser reports (AppTest) charts are wrapped for a phone, which never clips. The component reports
again only when the width changes by a step (a rotated phone, a resized window).
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st
import streamlit.components.v1 as components

from .shell import COOKIE  # also set by the page's early script (ui.shell), before a first visit's run

KEY = "viewport_probe"
# Hidden: the component draws nothing (it reads the page's layout from inside its frame).
HIDE = "<style>.st-key-viewport-box{display:none !important}</style>"
_probe = components.declare_component("viewport", path=str(Path(__file__).parent / "assets" / "viewport"))


def _known() -> int | None:
    reported = st.session_state.get(KEY)
    if isinstance(reported, int | float) and reported > 0:
        return int(reported)
    try:
        cookie = st.context.cookies.get(COOKIE)
    except Exception:
        cookie = None
    try:
        return int(cookie) if cookie else None
    except ValueError:
        return None


def probe() -> int | None:
    """Draw the (invisible) probe; call once per run, before the page draws its charts. Returns the
    content column's width when known."""
    known = _known()
    with st.container(key="viewport-box"):
        st.html(HIDE)
        _probe(rendered=known, key=KEY, default=None)
    return known


def must_wait() -> bool:
    """True on a browser's first run with no width known yet (a first visit): the page is drawn once the
    probe has reported (a fraction of a second later), never first for a phone and then again, which
    would shift the page and redraw every chart. AppTest has no browser: it draws at once."""
    if _known() is not None:
        return False
    try:
        return bool(st.context.headers.get("User-Agent"))
    except Exception:
        return False


def content_px() -> int | None:
    """The content column's width in px as the browser last reported it (None: not known yet)."""
    return _known()
