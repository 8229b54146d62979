"""Framework chrome in the page's language: plotly's toolbar (modebar) strings from plotly.js's own
locale, passed in each chart's config (no script fetched); Streamlit controls that only speak English
and have a translated equivalent in the app hidden in the languages Streamlit does not speak.

What stays in English (Streamlit offers no way to translate it) is listed in the README, "Languages".
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import streamlit as st

ASSETS = Path(__file__).parent / "assets"
# The interface language -> plotly.js's locale (its dictionary vendored from plotly.js-locales, see
# assets/PLOTLY_LOCALES.md). English is plotly's own language: nothing to add.
PLOTLY_LOCALES = {"zh": ("zh-CN", "plotly-locale-zh-cn.json")}
# Streamlit's table toolbar buttons (English tooltips only). The app puts its own translated "Download
# CSV" button under every table, and the Countries page its own search; hidden where Streamlit's English
# would show in another language's page. Likewise the file uploader's "5MB per file • CSV, XLSX, TXT":
# the uploader's own (translated) label already says which files and how large.
HIDDEN_IN_TRANSLATION = (
    '[data-testid="stElementToolbarButton"]:has(button[aria-label="Download as CSV"]),'
    '[data-testid="stElementToolbarButton"]:has(button[aria-label="Search"]),'
    '[data-testid="stFileUploaderDropzoneInstructions"]'
    "{display:none !important}"
)


@cache
def _locale(file: str) -> dict:
    return json.loads((ASSETS / file).read_text(encoding="utf-8"))


def plotly_locale(lang: str) -> dict:
    """Config keys that make plotly.js speak ``lang`` (empty for English)."""
    if lang not in PLOTLY_LOCALES:
        return {}
    name, file = PLOTLY_LOCALES[lang]
    return {"locale": name, "locales": {name: _locale(file)}}


def hide_untranslated_controls(lang: str) -> None:
    """Hide Streamlit's English-only controls that the app duplicates in the page's language."""
    if lang in PLOTLY_LOCALES:  # the languages the framework does not speak
        st.html(f"<style>{HIDDEN_IN_TRANSLATION}</style>")
