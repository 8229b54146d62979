"""One translation layer for every user-visible string: gettext catalogues managed with Babel.

Strings are written in English in the code and marked for extraction:

- ``t("Text with {placeholder}", lang=lang, placeholder=value)`` translates now (gettext);
- ``tn("{n} source", "{n} sources", n, lang=lang)`` chooses the language's plural form (ngettext);
- ``N_("Label")`` only marks a constant (vocabulary labels, defined once in :mod:`dashboard.vocab`)
  so ``pybabel extract`` finds it; :func:`translate_marked` translates it where it is shown.

The first argument of ``t``/``tn`` is always a string literal (a test checks this): a key built
at run time from data could never be extracted or translated.

Catalogues live in ``locale/<lang>/LC_MESSAGES/messages.po`` (``babel.cfg`` says what is
extracted). They are read with Babel at first use in a process and kept in memory, so there is
no compiled ``.mo`` that could fall out of date; a test fails when the ``.po`` lacks a
translation, has a fuzzy or obsolete entry, or is out of date with the code. A missing entry
falls back to English, so a half-translated language still works. English is the source
language and has no catalogue. The supported languages are English and the catalogues present.

The language is a parameter: the core always passes ``lang`` (``tests/test_language_param.py``).
The language of the current run (:func:`set_language`, :func:`get_language`, a context variable)
is only the UI's way to know the page's language; ``t()`` without ``lang`` falls back to it.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from pathlib import Path

from . import locale_rules

DEFAULT_LANGUAGE = "en"
LOCALE_DIR = Path(__file__).resolve().parents[2] / "locale"
DOMAIN = "messages"
# The pseudo-locale: CLDR's reserved code for accented pseudo-English (Babel has no data for it:
# numbers, dates and lists follow English, see locale_rules), and where its generated catalogue is.
PSEUDO_LANGUAGE = "en_XA"
PSEUDO_CATALOGUE_ENV = "DASHBOARD_PSEUDO_CATALOGUE"


def pseudo_catalogue() -> Path | None:
    """The generated pseudo-locale catalogue when the developer asked for it (environment), else None."""
    path = os.environ.get(PSEUDO_CATALOGUE_ENV, "")
    return Path(path) if path and Path(path).is_file() else None


@cache
def supported_languages() -> tuple[str, ...]:
    """English (the source language) and every language with a catalogue in ``locale/``."""
    found = sorted(p.parents[1].name for p in LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))
    return (DEFAULT_LANGUAGE, *[c for c in found if c != DEFAULT_LANGUAGE])


def language_name(lang: str) -> str:
    """The language's own name ('English', '中文'), from CLDR through Babel."""
    from babel import Locale

    if lang == PSEUDO_LANGUAGE:
        return "[Ƥšéûðö-Éñĝļîšħ]"
    name = Locale.parse(locale_rules.rules(lang).babel_locale).languages.get(lang.split("_")[0], lang)
    return name[:1].upper() + name[1:]


def available_languages() -> tuple[str, ...]:
    """The supported languages, and the pseudo-locale when its catalogue is switched on."""
    return (*supported_languages(), PSEUDO_LANGUAGE) if pseudo_catalogue() else supported_languages()


def languages() -> dict[str, str]:
    """code -> the language's own name, for every language with a catalogue (and English)."""
    return _language_names(available_languages())


@cache
def _language_names(codes: tuple[str, ...]) -> dict[str, str]:
    return {c: language_name(c) for c in codes}


def __getattr__(name: str):
    # LANGUAGES is computed on first use (Babel's locale data costs ~20 ms at import otherwise)
    if name == "LANGUAGES":
        return languages()
    raise AttributeError(name)


# A context variable, not a module global: Streamlit serves many sessions from one
# process, each script run in its own thread, so one user's language never leaks to another.
_current: ContextVar[str] = ContextVar("dashboard_language", default=DEFAULT_LANGUAGE)


def match_language(locale_tag: str | None) -> str:
    """The supported language a browser locale asks for ('zh-CN' -> 'zh', 'fr-CA' -> 'fr' when a French
    catalogue exists), English otherwise. Supported = the catalogues present in ``locale/``."""
    primary = (locale_tag or "").replace("_", "-").split("-")[0].lower()
    return primary if primary in supported_languages() else DEFAULT_LANGUAGE


def set_language(lang: str | None) -> str:
    """Set the language for the current run; unknown codes fall back to English."""
    chosen = lang if lang in available_languages() else DEFAULT_LANGUAGE
    _current.set(chosen)
    return chosen


def get_language() -> str:
    return _current.get()


def resolve_language(lang: str | None) -> str:
    """``lang``, or the current run's language when it is None (what ``t()`` does without ``lang``)."""
    return lang or _current.get()


@contextmanager
def language(lang: str):
    """Run a block in another language (a press kit in Chinese also carries the English summary)."""
    token = _current.set(lang if lang in available_languages() else DEFAULT_LANGUAGE)
    try:
        yield
    finally:
        _current.reset(token)


def babel_locale(lang: str) -> str:
    """The Babel locale for numbers, dates and lists in ``lang`` (see :mod:`dashboard.locale_rules`)."""
    return locale_rules.rules(lang).babel_locale


def po_path(lang: str) -> Path:
    if lang == PSEUDO_LANGUAGE:
        return pseudo_catalogue() or LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


@cache
def _catalogue(lang: str) -> tuple[dict[str, str], dict[str, tuple[str, ...]], object]:
    """(singular msgid -> translation, singular msgid -> plural forms, plural rule) for ``lang``.
    Fuzzy and empty entries are left out: they fall back to English."""
    path = po_path(lang)
    if lang == DEFAULT_LANGUAGE or not path.exists():
        return {}, {}, None
    from babel.messages.pofile import read_po  # only when a catalogue is first needed

    with path.open("rb") as fh:
        cat = read_po(fh, locale=babel_locale(lang))
    singles: dict[str, str] = {}
    plurals: dict[str, tuple[str, ...]] = {}
    for msg in cat:
        if not msg.id or msg.fuzzy:
            continue
        if isinstance(msg.id, tuple):
            forms = tuple(msg.string)
            if all(forms):
                plurals[msg.id[0]] = forms
        elif msg.string:
            singles[msg.id] = msg.string
    return singles, plurals, cat.plural_expr and _plural_function(cat.plural_expr)


def _plural_function(expr: str):
    """The catalogue's C plural expression ("0" for Chinese) as a function, the way the standard
    library's gettext compiles it (safely: it parses, it does not eval arbitrary code)."""
    import gettext

    return gettext.c2py(expr)


def _format(text: str, kwargs: dict) -> str:
    return text.format(**kwargs) if kwargs else text


def t(msgid: str, /, lang: str | None = None, **kwargs: object) -> str:
    """Translate ``msgid`` into ``lang`` and fill ``{placeholders}`` from ``kwargs``. The core always
    passes ``lang`` (a test checks this); without it, the language of the current run is used (the
    UI's pages, and the registration reader)."""
    singles, _, _ = _catalogue(resolve_language(lang))
    return _format(singles.get(msgid, msgid), kwargs)


def tn(singular: str, plural: str, n: int, /, lang: str | None = None, **kwargs: object) -> str:
    """The plural form of ``lang`` (default: the current run's) for ``n``; ``{n}`` is filled with ``n``."""
    _, plurals, rule = _catalogue(resolve_language(lang))
    kwargs.setdefault("n", n)
    forms = plurals.get(singular)
    if forms and rule is not None:
        index = rule(n)
        return _format(forms[min(index, len(forms) - 1)], kwargs)
    return _format(singular if n == 1 else plural, kwargs)


def N_(msgid: str) -> str:
    """Mark a constant for extraction; it is translated where it is shown (translate_marked)."""
    return msgid


def translate_marked(msgid: str, lang: str | None = None) -> str:
    """Translate a constant that was marked with :func:`N_` (vocabulary labels)."""
    singles, _, _ = _catalogue(resolve_language(lang))
    return singles.get(msgid, msgid)
