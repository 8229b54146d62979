"""The HTML page Streamlit serves, shaped like the dashboard before the first script message arrives.

Streamlit's page is an empty shell until its script runs: the browser first paints the app frame with
no sidebar and the default centred 736 px column, then the first messages bring the sidebar and
``layout="wide"``, and everything on screen moves (a layout shift of about 0.24 at 1440 px on every
page). A style sent by the script arrives too late (Streamlit loads ``st.html``'s code on first use),
and no Streamlit setting shapes the shell. So ``serve.py`` wraps the app in :class:`EarlyShell`, an ASGI
middleware (``st.App(..., middleware=[...])``) that inserts before ``</head>`` of the index document:

- :func:`early_css`: at desktop widths the empty shell already has the sidebar's room and the wide
  column; space is reserved for what Streamlit first draws as a placeholder (the sidebar's page links,
  select boxes) and for the Map's frame; the styles the pages send late (captions, labels that wrap,
  the hidden width probe) are in force from the first paint.
- :data:`EARLY_JS`: sets the ``dashboard_content_px`` cookie (:mod:`dashboard.ui.viewport`) from the
  window's width, with the probe's steps and the frame's geometry, before Streamlit's code opens its
  websocket, so a first visit is drawn at once for its width instead of waiting for the probe's report.
  The probe still runs and corrects the width if the estimate was off.

Only Streamlit's page documents are changed (``/`` and page paths, ``text/html``, status 200); scripts,
styles, components' frames, media, ``/_stcore`` and websockets pass untouched, and so does a page in
which ``</head>`` is not found. The middleware is plain ASGI; only :func:`middleware`, which ``serve.py``
calls, imports Streamlit (its configuration) and Starlette.
"""

from __future__ import annotations

import gzip
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

COOKIE = "dashboard_content_px"  # the content column's width (dashboard.ui.viewport)
# Streamlit 1.67's frame (its theme's sizes): at or below 768 px (breakpoints.md) the sidebar is collapsed
# over the page; above, it stands beside it, 300 px wide (18.75rem) unless the reader dragged it (200 to
# 600 px, kept in localStorage). The wide column's side padding is 5rem once the window is at least
# 736 px + 2 × (5rem − 1rem) wide, 1rem below.
MOBILE_MAX_PX = 768
SIDEBAR_DEFAULT_PX, SIDEBAR_MIN_PX, SIDEBAR_MAX_PX = 300, 200, 600
CONTENT_MAX_PX, WIDE_PAD_PX, NARROW_PAD_PX = 736, 80, 16
STEP_PX = 50  # the probe's step (ui/assets/viewport/index.html)
SCROLLBAR_PX = 0  # the main area's vertical scrollbar takes no width (measured in Chromium, 390-1920 px)

MARKER = b"</head>"
TAG = "data-dashboard-shell"  # on the inserted elements: a page is never changed twice
# Paths Streamlit serves that are never a page document (its code, components' frames, media, API).
NOT_PAGES = ("/_stcore/", "/static/", "/media/", "/component/", "/app/static/", "/bidi-components/")
WIDE_FROM_PX = CONTENT_MAX_PX + 2 * (WIDE_PAD_PX - NARROW_PAD_PX)  # Streamlit's wide padding starts here

# Before the first script message the app view has no sidebar; at desktop widths the main area already
# stands where it will be once the sidebar is there (its width from the inline script below, which
# reads a width the reader chose by dragging it), and the block container is the wide one.
_SHELL = (
    f"@media (min-width:{MOBILE_MAX_PX + 1}px){{"
    '[data-testid="stAppViewContainer"]:not(:has([data-testid="stSidebar"])) > :has(> [data-testid="stMain"])'
    f"{{margin-left:var(--dashboard-sidebar-px,{SIDEBAR_DEFAULT_PX}px)}}}}"
    '[data-testid="stMainBlockContainer"]{max-width:initial !important;min-width:auto !important}'
    f"@media (min-width:{WIDE_FROM_PX}px){{"
    f'[data-testid="stMainBlockContainer"]{{padding-left:{WIDE_PAD_PX}px !important;'
    f"padding-right:{WIDE_PAD_PX}px !important}}}}"
)
# What Streamlit first draws as a 40 px placeholder (while an element's code loads) takes the room of
# the element: a sidebar page link is 32 px, a select box or multiselect with its label 68 px.
_PLACEHOLDERS = (
    '.st-key-nav-links [data-testid="stSkeleton"]{height:32px !important;min-height:32px !important}'
    '[class*="st-key-url_"] [data-testid="stSkeleton"]{height:68px !important;min-height:68px !important}'
)
# The styles the pages send with st.html (applied only once Streamlit has loaded its code): here too,
# from the first paint, so nothing moves when they arrive. The Map's frame: its height follows its
# width (ui.mapview.map_css sets the exact extra room of the figure's title and legend; 140 px here).
_LATE = (
    ".st-key-viewport-box{display:none !important}"
    "div.st-key-map-outer{container-type:inline-size}"
    "div.st-key-map-outer div.st-key-map-frame{height:calc({aspect}cqw + 140px);min-height:0;flex:none;"
    "overflow:hidden}"
)


def early_css(aspect: float, extra: str = "") -> str:
    """The stylesheet inserted into the page (``aspect``: the map's height over its width)."""
    return _SHELL + _PLACEHOLDERS + _LATE.replace("{aspect}", f"{aspect * 100:.2f}") + extra


# The width the probe (ui/assets/viewport/index.html) would report for the content column, from the
# window's width and Streamlit's geometry: the sidebar beside the page above MOBILE_MAX_PX (its width
# as the reader last dragged it, or collapsed), the column's side padding, the main area's scrollbar.
EARLY_JS = f"""(function () {{
  try {{
    var w = window.innerWidth, side = 0;
    if (w > {MOBILE_MAX_PX}) {{
      side = {SIDEBAR_DEFAULT_PX};
      var stored = parseInt(window.localStorage.getItem("sidebarWidth") || "", 10);
      if (!isNaN(stored)) side = Math.min({SIDEBAR_MAX_PX}, Math.max({SIDEBAR_MIN_PX}, stored));
      for (var i = 0; i < window.localStorage.length; i++) {{
        var k = window.localStorage.key(i);
        if (k && k.indexOf("stSidebarCollapsed-") === 0 && window.localStorage.getItem(k) === "true") side = 0;
      }}
      document.documentElement.style.setProperty("--dashboard-sidebar-px", side + "px");
    }}
    var pad = w >= {WIDE_FROM_PX} ? {WIDE_PAD_PX} : {NARROW_PAD_PX};
    var px = Math.max({STEP_PX}, Math.floor((w - side - 2 * pad - {SCROLLBAR_PX}) / {STEP_PX}) * {STEP_PX});
    document.cookie = "{COOKIE}=" + px + "; path=/; max-age=31536000; SameSite=Strict";
  }} catch (e) {{}}
}})();"""


def head_html(css: str, js: str = EARLY_JS) -> bytes:
    """The elements inserted before ``</head>``."""
    return f"<style {TAG}>{css}</style><script {TAG}>{js}</script>".encode()


def inject(body: bytes, head: bytes) -> bytes | None:
    """``body`` with ``head`` inserted before its first ``</head>``; None when there is no ``</head>`` or
    the page was already changed (nothing to do)."""
    at = body.find(MARKER)
    if at < 0 or TAG.encode() in body[:at]:
        return None
    return body[:at] + head + body[at:]


def _route_path(scope: Scope, base_url: str) -> str:
    path: str = scope.get("path", "")
    for prefix in (scope.get("root_path", "") or "", "/" + base_url.strip("/") if base_url.strip("/") else ""):
        if prefix and (path == prefix or path.startswith(prefix + "/")):
            path = path[len(prefix) :] or "/"
    return path


def is_page_path(path: str) -> bool:
    """A path Streamlit may answer with its page document: ``/`` or a page's path, never its code or API."""
    return not any(path.startswith(p) for p in NOT_PAGES) and not path.endswith(
        (".js", ".css", ".json", ".png", ".ico", ".woff2", ".map", ".svg", ".txt")
    )


def _header(headers: list[tuple[bytes, bytes]], name: bytes) -> bytes | None:
    for k, v in headers:
        if k.lower() == name:
            return v
    return None


# Request headers dropped on page paths: the document is always sent whole (about 10 KB; never a 304 for a
# cached copy that predates this middleware or another version of its stylesheet, never a byte range).
_CONDITIONAL = {b"if-none-match", b"if-modified-since", b"range", b"if-range"}
# Response headers that describe the file as Streamlit read it, not the changed document.
_STALE = {b"content-length", b"etag", b"last-modified", b"accept-ranges"}


class EarlyShell:
    """ASGI middleware: inserts ``head`` before ``</head>`` of Streamlit's page documents (see the module's
    docstring). Handles gzip-encoded documents (Streamlit compresses page paths other than ``/``) and HEAD
    requests (answered with the length the GET would have); any other encoding is passed through."""

    def __init__(self, app: ASGIApp, head: bytes, base_url: str = "") -> None:
        self.app = app
        self.head = head
        self.base_url = base_url

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope.get("type") != "http"
            or scope.get("method") not in ("GET", "HEAD")
            or not is_page_path(_route_path(scope, self.base_url))
        ):
            await self.app(scope, receive, send)
            return
        head_only = scope["method"] == "HEAD"
        inner = dict(scope)
        inner["method"] = "GET"
        inner["headers"] = [(k, v) for k, v in scope.get("headers", []) if k.lower() not in _CONDITIONAL]
        start: Message | None = None
        chunks: list[bytes] = []
        passing = False

        async def wrapped_send(message: Message) -> None:
            nonlocal start, passing
            if passing:
                if head_only and message["type"] == "http.response.body":
                    message = {**message, "body": b""}  # asked as a GET below: a HEAD gets no body
                await send(message)
                return
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                ctype = (_header(headers, b"content-type") or b"").lower()
                encoding = (_header(headers, b"content-encoding") or b"identity").lower()
                page = message.get("status") == 200 and ctype.startswith(b"text/html")
                if not page or encoding not in (b"identity", b"gzip"):
                    passing = True  # not a page document: as it is
                    await send(message)
                    return
                start = message
                return
            if message["type"] == "http.response.body" and start is not None:
                chunks.append(message.get("body", b""))
                if message.get("more_body", False):
                    return
                await self._finish(start, b"".join(chunks), send, head_only)
                return
            await send(message)

        # A HEAD is asked as a GET, so its headers give the length of the changed document; no body is sent.
        await self.app(inner, receive, wrapped_send)

    async def _finish(self, start: Message, raw: bytes, send: Send, head_only: bool) -> None:
        headers = list(start.get("headers", []))
        gzipped = (_header(headers, b"content-encoding") or b"").lower() == b"gzip"
        try:
            body = gzip.decompress(raw) if gzipped else raw
        except (OSError, EOFError):
            body, changed = raw, None
        else:
            changed = inject(body, self.head)
        if changed is None:
            out = raw  # no </head> (or already changed): the response as Streamlit made it
            kept = headers
        else:
            out = gzip.compress(changed, mtime=0) if gzipped else changed
            kept = [(k, v) for k, v in headers if k.lower() not in _STALE]
            kept.append((b"content-length", str(len(out)).encode()))
        await send({**start, "headers": kept})
        await send({"type": "http.response.body", "body": b"" if head_only else out, "more_body": False})


def _unstyled(html: str) -> str:
    return html.replace("<style>", "").replace("</style>", "")


def middleware():
    """The middleware for ``st.App(..., middleware=[...])`` (``serve.py``), with the dashboard's stylesheet:
    the shell's shape, the placeholders' room and the styles the pages also send late."""
    from starlette.middleware import Middleware
    from streamlit import config

    from ..maplayout import MAP_ASPECT

    # Never ui.viewport (nor ui.layout, which imports it) here: this runs when the server starts, outside
    # any script run, and a component declared then is never registered (its frame would not be served).
    from .components import METRIC_DELTA_CSS
    from .fit import CAPTION_CSS, TEXT_FIT_CSS

    late = _unstyled(CAPTION_CSS + TEXT_FIT_CSS + METRIC_DELTA_CSS)
    head = head_html(early_css(MAP_ASPECT, late))
    return Middleware(EarlyShell, head=head, base_url=config.get_option("server.baseUrlPath") or "")
