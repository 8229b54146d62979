"""One translation function for every user-visible string.

Strings are written in English in the code (gettext style) and looked up in a
per-language catalogue; a missing entry falls back to English, so a partly
translated interface still works. The Chinese catalogue is planned: adding it
means filling ``CATALOGUES["zh"]``, no code change.
"""

from __future__ import annotations

from contextvars import ContextVar

LANGUAGES = {"en": "English", "zh": "中文"}
DEFAULT_LANGUAGE = "en"

# msgid (English) -> translation. Kept small on purpose until the Chinese interface lands.
CATALOGUES: dict[str, dict[str, str]] = {
    "en": {},
    "zh": {
        "Overview": "概览",
        "Attendees": "与会人数",
        "Countries and regions": "国家和地区",
        "International organizations": "国际组织",
        "Named speakers": "具名发言人",
    },
}

# A context variable, not a module global: Streamlit serves many sessions from one
# process, each script run in its own thread, so one user's language never leaks to another.
_current: ContextVar[str] = ContextVar("dashboard_language", default=DEFAULT_LANGUAGE)


def set_language(lang: str | None) -> str:
    """Set the language for the current run; unknown codes fall back to English."""
    chosen = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
    _current.set(chosen)
    return chosen


def get_language() -> str:
    return _current.get()


def t(msgid: str, /, lang: str | None = None, **kwargs: object) -> str:
    """Translate ``msgid`` and fill ``{placeholders}`` from ``kwargs``."""
    text = CATALOGUES.get(lang or _current.get(), {}).get(msgid, msgid)
    return text.format(**kwargs) if kwargs else text
