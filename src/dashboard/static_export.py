"""Static figure export (PNG, SVG) with kaleido and the machine's Chromium.

Called only when a user asks for an image (download buttons build their bytes lazily), never
on a normal rerun. The exported figure carries its title, subtitle and source line (they are
inside every figure) plus the export date, and always an explicit template: importing
Streamlit switches plotly's default template, which blacks out kaleido images.
"""

from __future__ import annotations

import atexit
import datetime as dt
import os
import threading
import warnings

import plotly.graph_objects as go
import plotly.io as pio

from . import worldview
from .figures import TEMPLATE
from .i18n import t

# kaleido's Chromium gets a proxy that does not exist: any HTTP(S) request it might make (background
# services, a stray URL in a figure) fails on this machine instead of leaving it. Local files
# (the topojson) are not proxied. Chromium's own flags here lack --disable-background-networking.
DEAD_PROXY = "http://127.0.0.1:9"
# The export browser (Chromium with its children, about 1 GB) is shut down this many seconds after the
# last export, so it never outlives an export by more than a minute; the next export starts it again
# (about 2 s). DASHBOARD_EXPORT_IDLE_SECONDS overrides it (tests use a short value).
IDLE_SECONDS = float(os.environ.get("DASHBOARD_EXPORT_IDLE_SECONDS", "30"))
_lock = threading.Lock()
_server_started = False
_timer: threading.Timer | None = None
_atexit_registered = False


def topojson_folder(fig: go.Figure) -> str:
    """The worldview's topojson folder (file URI): the very file the browser draws the map from."""
    meta = fig.layout.meta if isinstance(fig.layout.meta, dict) else {}
    return worldview.topojson_dir(meta.get("worldview", worldview.DEFAULT)).as_uri() + "/"


def _configure(fig: go.Figure) -> None:
    """Offline settings: no MathJax from a CDN; geo figures read the worldview's local topojson."""
    pio.defaults.mathjax = None
    pio.defaults.topojson = topojson_folder(fig)
    os.environ.setdefault("CHOREO_PROXY_SERVER", DEAD_PROXY)  # also when kaleido starts its own browser


def _ensure_server() -> None:
    """One kaleido browser shared by the exports of a burst (a press kit renders ten images); the first
    image costs ~2 s, later ones much less. Called with ``_lock`` held."""
    global _server_started, _atexit_registered
    if _server_started:
        return
    import kaleido

    try:
        kaleido.start_sync_server(silence_warnings=True, proxy_server=DEAD_PROXY)
        _server_started = True
        if not _atexit_registered:
            atexit.register(shutdown_browser)
            _atexit_registered = True
    except Exception:
        _server_started = False


def _schedule_shutdown() -> None:
    """(Re)start the idle timer: the browser stops IDLE_SECONDS after the last export."""
    global _timer
    if _timer is not None:
        _timer.cancel()
    _timer = threading.Timer(IDLE_SECONDS, shutdown_browser)
    _timer.daemon = True
    _timer.start()


def shutdown_browser() -> None:
    """Stop the export browser now (idempotent)."""
    global _server_started
    with _lock:
        if not _server_started:
            return
        import kaleido

        try:
            kaleido.stop_sync_server(silence_warnings=True)
        except Exception:
            pass
        _server_started = False


def with_export_stamp(fig: go.Figure, date: dt.date, *, lang: str) -> go.Figure:
    """A copy with an explicit template and the export date added to the source line."""
    out = go.Figure(fig)
    out.update_layout(template=TEMPLATE, paper_bgcolor="white", plot_bgcolor="white")
    stamp = t("Exported {date} from the Migration Sub-Forum participation dashboard.", date=date.isoformat(), lang=lang)
    annotations = list(out.layout.annotations)
    if annotations:
        last = annotations[-1]
        annotations[-1] = last.update(text=f"{last.text}<br>{stamp}")
        out.update_layout(annotations=annotations)
    else:
        out.add_annotation(text=stamp, xref="paper", yref="paper", x=0, y=0, showarrow=False)
    out.update_layout(margin=dict(b=(out.layout.margin.b or 60) + 16))
    return out


def figure_bytes(fig: go.Figure, fmt: str, date: dt.date | None = None, width: int = 1000, *, lang: str) -> bytes:
    """PNG (2× scale) or SVG bytes of ``fig``, stamped with the export date (the stamp in ``lang``)."""
    if fmt not in ("png", "svg"):
        raise ValueError(f"unsupported format {fmt!r}")
    stamped = with_export_stamp(fig, date or dt.date.today(), lang=lang)
    height = stamped.layout.height or 500
    with _lock:
        _configure(stamped)
        _ensure_server()
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message="The kopts argument is ignored")
            try:
                return pio.to_image(stamped, format=fmt, width=width, height=height, scale=2 if fmt == "png" else 1)
            finally:
                _schedule_shutdown()


def browser_available() -> bool:
    """kaleido needs a Chrome or Chromium on the machine (Debian: apt-get install chromium)."""
    import shutil

    if os.environ.get("BROWSER_PATH") and os.path.exists(os.environ["BROWSER_PATH"]):
        return True
    return any(
        shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
    )
