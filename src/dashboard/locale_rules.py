"""Everything that differs between interface languages beyond the catalogue, in one place.

Messages live in the gettext catalogues (``locale/<lang>/LC_MESSAGES/messages.po``); numbers,
dates, lists and plurals come from Babel (CLDR) for the language's Babel locale. What neither
covers is here, as per-language entries keyed by language code: a new interface language adds its
catalogue and, where its conventions differ from the defaults, an entry below. No other module
compares a language code with a literal (a test checks this).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rules:
    """One language's conventions. The defaults are English's."""

    # Babel locale for numbers, dates and lists.
    babel_locale: str = "en"
    # Clauses in running text: 'a; b'.
    clause_separator: str = "; "
    # A short enumeration in a message about a file ('a, b, c') and alternatives ('a or b').
    series_separator: str = ", "
    either_separator: str = " or "
    either_joiner: str = " or "
    # When a listed item holds the list's own separator ('Hong Kong SAR, China'), the list's
    # CLDR patterns use this separator instead (None: keep CLDR's).
    list_separator_when_comma: str | None = "; "
    # Source dates in citation labels: Babel patterns for a day and for a month.
    citation_day: str = "d MMM y"
    citation_month: str = "MMM y"
    # Source languages whose text the build also stores converted to simplified characters.
    simplified_script: bool = False
    # Languages whose summary a press kit in this language carries too (a Chinese kit also carries
    # the English summary for foreign readers).
    companion_summaries: tuple[str, ...] = ()


RULES: dict[str, Rules] = {
    "en": Rules(),
    "zh": Rules(
        babel_locale="zh_Hans_CN",
        clause_separator="；",
        series_separator="、",
        either_separator="、",
        either_joiner="或",
        list_separator_when_comma=None,
        citation_day="medium",
        citation_month="y年M月",
        simplified_script=True,
        companion_summaries=("en",),
    ),
}
DEFAULT = Rules()


def rules(lang: str) -> Rules:
    """The conventions of ``lang`` (English's defaults, with the language's own Babel locale, for a
    language that has no entry)."""
    found = RULES.get(lang)
    if found is not None:
        return found
    return Rules(babel_locale=lang)


def series(items, lang: str) -> str:
    """'a, b, c' / 'a、b、c'."""
    return rules(lang).series_separator.join(map(str, items))


def either(items, lang: str) -> str:
    """'a or b' / 'a或b'; three or more: 'a or b or c' / 'a、b或c'."""
    items = [str(i) for i in items]
    r = rules(lang)
    if len(items) <= 1:
        return "".join(items)
    return r.either_separator.join(items[:-1]) + r.either_joiner + items[-1]


def source_language_is_simplified(source_language: str) -> bool:
    """Whether text of a source in this language is stored with a simplified-character copy."""
    return RULES.get(source_language, DEFAULT).simplified_script
