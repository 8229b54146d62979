"""Which map the dashboard draws: China's standard map (default) or Natural Earth's de facto view.

A *worldview* is one consistent set of country shapes, used for everything a map draws: the
base countries and land (plotly's built-in layers, fed with our own topojson instead of plotly's)
and the participants' shapes. Light module (no geopandas): the app imports it.

Chosen, in this order, by the URL parameter ``worldview`` (codes only: ``cn`` or ``ne``), the
environment variable ``DASHBOARD_WORLDVIEW`` (deployment default) and otherwise ``cn``.
"""

from __future__ import annotations

import os

from .errors import DataError
from .i18n import t
from .paths import REPO_ROOT

DEFAULT = "cn"
ENV = "DASHBOARD_WORLDVIEW"
PARAM = "worldview"
# plotly.js caches a base topojson per page by its *file name* (``world_<resolution>m``), not by URL:
# each worldview gets its own resolution value so switching worldview never reuses the other's shapes.
RESOLUTION = {"cn": 50, "ne": 110}
WORLDVIEWS = tuple(RESOLUTION)
SERVED_DIR = REPO_ROOT / "static" / "geo"  # written by the geometry step, served at /app/static/geo/
URL_DIR = "/app/static/geo/"


def check(code: str, where: str) -> str:
    if code not in RESOLUTION:
        raise DataError.single(where, "", "", f"unknown worldview {code!r}: use one of {', '.join(WORLDVIEWS)}")
    return code


def configured() -> str:
    """The deployment's default: ``DASHBOARD_WORLDVIEW`` (cn or ne), else China's standard map."""
    value = os.environ.get(ENV, "").strip().lower()
    return check(value, f"environment variable {ENV}") if value else DEFAULT


def from_param(value: str | None) -> tuple[str, bool]:
    """(worldview, valid): a URL value that is not a known code falls back to the configured default."""
    if value and value.strip().lower() in RESOLUTION:
        return value.strip().lower(), True
    return configured(), not value


def topojson_name(code: str) -> str:
    return f"world_{RESOLUTION[code]}m.json"


def topojson_url(code: str) -> str:
    """Folder URL for plotly.js's ``topojsonURL`` config (served by Streamlit's static serving)."""
    return f"{URL_DIR}{code}/"


def topojson_dir(code: str):
    return SERVED_DIR / code


def label(code: str, *, lang: str) -> str:
    if code == "cn":
        return t("China's standard map", lang=lang)
    return t("Natural Earth de facto boundaries", lang=lang)


def source_text(code: str, *, lang: str) -> str:
    """Boundaries as stated on every map and exported image."""
    if code == "cn":
        # the map is made from the standard map, it is not the approved map itself: no approval number claimed
        return t(
            "Boundaries: based on China's standard map GS(2023)2767 (world-geo-json-zh 2.1.5, Unlicense; "
            "coastlines Natural Earth 1:50m).",
            lang=lang,
        )
    return t(
        "Boundaries: Natural Earth 1:50m, de facto view (public domain); they imply no position on any territory.",
        lang=lang,
    )
