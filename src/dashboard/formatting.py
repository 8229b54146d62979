"""How numbers, qualifiers, dates, lists and changes are written on screen, in each language.

A figure is never shown without its qualifier: "more than 240" must not become "240". Numbers,
percentages, date ranges and lists are formatted by Babel for the interface language
("2025年9月17日至18日", "中国、俄罗斯和匈牙利"); the qualifier forms follow the way each language's
sources write them ("about 300" / "约300", "more than 240" / "240余").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from . import locale_rules
from .i18n import babel_locale, t
from .text import escape_markdown

# Qualifiers that say the same thing; any other difference between sources is a conflict.
QUALIFIER_GROUP = {
    "exact": "exact",
    "about": "approx",
    "approximately": "approx",
    "nearly": "nearly",
    "more_than": "more_than",
}
SYMBOL_PREFIX = {"exact": "", "about": "≈", "approximately": "≈", "more_than": ">", "nearly": "<"}


def _missing(value: object) -> bool:
    return value is None or value != value  # None or NaN


def format_number(value: int | float, *, lang: str) -> str:
    """A whole number with the language's grouping ('12,345')."""
    from babel.numbers import format_decimal

    return format_decimal(int(value), locale=babel_locale(lang))


def format_figure(value: int | float | None, qualifier: str | None = "exact", *, lang: str) -> str:
    """'about 300' / '约300', 'more than 240' / '240余', '51'; an em dash when no source reports it."""
    if _missing(value):
        return "—"
    n = format_number(value, lang=lang)
    q = qualifier or "exact"
    if q == "about":
        return t("about {n}", lang=lang, n=n)
    if q == "approximately":
        return t("approximately {n}", lang=lang, n=n)
    if q == "more_than":
        return t("more than {n}", lang=lang, n=n)
    if q == "nearly":
        return t("nearly {n}", lang=lang, n=n)
    return n


def format_figure_noun(value: int | float | None, qualifier: str | None, metric: str, *, lang: str) -> str:
    """A figure with its noun, as sources write it: 'about 300 attendees' / '约300人',
    '51 countries and regions' / '51个国家和地区'."""
    figure = format_figure(value, qualifier, lang=lang)
    if metric == "attendees":
        return t("{figure} attendees", lang=lang, figure=figure)
    if metric == "countries_and_regions":
        return t("{figure} countries and regions", lang=lang, figure=figure)
    if metric == "international_organizations":
        return t("{figure} international organizations", lang=lang, figure=figure)
    if metric == "named_speakers":
        return t("{figure} named speakers", lang=lang, figure=figure)
    return figure


def format_figure_short(
    value: int | float | None, qualifier: str | None = "exact", metric: str | None = None, *, lang: str
) -> str:
    """Compact form for tiles: '≈300', '>240', '51'. Always shown next to the spelled-out form.
    Languages whose sources never write the symbols (Chinese: :mod:`dashboard.locale_rules`) get the
    spelled form with the metric's measure word instead: '约300人', '240余人', '51个'."""
    if _missing(value):
        return "—"
    if not locale_rules.rules(lang).figure_symbols:
        return format_figure_count(value, qualifier, metric, lang=lang)
    return SYMBOL_PREFIX.get(qualifier or "exact", "") + format_number(value, lang=lang)


# Metrics counted in people (人) and in items (个: countries, regions, organizations); any other
# metric (a share, an unknown one) takes no measure word rather than a wrong one.
PEOPLE_METRICS = ("attendees", "named_speakers")
ITEM_METRICS = ("countries_and_regions", "international_organizations")


def format_figure_count(value: int | float | None, qualifier: str | None, metric: str | None, *, lang: str) -> str:
    """A figure with its qualifier and its measure word only (the label says what is counted):
    '约300人', '240余人', '51个' / 'about 300', '51'."""
    figure = format_figure(value, qualifier, lang=lang)
    if _missing(value) or metric is None:
        return figure
    if metric in PEOPLE_METRICS:
        return t("{figure} people", lang=lang, figure=figure)
    if metric in ITEM_METRICS:
        return t("{figure} in number", lang=lang, figure=figure)
    return figure


def format_figure_unit(value: int | float | None, qualifier: str | None, metric: str | None, *, lang: str) -> str:
    """A count beside its label (tile captions, table cells, chart labels): 'more than 240', '57' / with
    the measure word where the language's counts carry one ('240余人', '57个'; house style rule 8)."""
    if locale_rules.rules(lang).measure_words:
        return format_figure_count(value, qualifier, metric, lang=lang)
    return format_figure(value, qualifier, lang=lang)


def md_emphasis(text: str, *, lang: str) -> str:
    """A Markdown sub-heading's emphasis: '*Theme*', or '**主题**' where the language sets no italics
    (house style rule 12)."""
    mark = "*" if locale_rules.rules(lang).italics else "**"
    return f"{mark}{text}{mark}"


def format_edition_ordinal(n: int, *, lang: str) -> str:
    """'edition 2' / '第二届' ('首届' for the first): Chinese numerals where the language's rules say
    so (:func:`dashboard.locale_rules.edition_ordinal`), else the catalogue's form."""
    return locale_rules.edition_ordinal(n, lang) or t("edition {n}", lang=lang, n=n)


def format_edition_label(year: int, city: str, number: int, *, lang: str) -> str:
    """'2025 · Lianyungang (edition 2)' / '2025年·连云港（第二届）'."""
    return t(
        "{year} · {city} ({ordinal})",
        lang=lang,
        year=year,
        city=locale_rules.short_place(city, lang),
        ordinal=format_edition_ordinal(number, lang=lang),
    )


def sort_names(names: Iterable[str], *, lang: str) -> list[str]:
    """Names in the order the language's readers expect (Chinese: 中国 and 中国香港 first, then pinyin;
    see :func:`dashboard.locale_rules.sort_key`)."""
    return locale_rules.sort_names(list(names), lang)


def format_signed(delta: int | float, *, lang: str) -> str:
    """'+3', '−60' (a real minus sign), '±0'."""
    if delta == 0:
        return "±0"
    sign = "+" if delta > 0 else "−"
    return f"{sign}{format_number(abs(delta), lang=lang)}"


def format_percent(ratio: float | None, *, lang: str) -> str:
    """'+20%', '−20%', '±0%' with the language's percent format."""
    if _missing(ratio):
        return "—"
    from babel.numbers import format_percent as babel_percent

    sign = "+" if ratio > 0 else "−" if ratio < 0 else "±"
    return sign + babel_percent(abs(ratio), format="#,##0%", locale=babel_locale(lang))


def format_date(day: dt.date | str, *, lang: str) -> str:
    """'17 September 2025' style long date / '2025年9月17日'."""
    from babel.dates import format_date as babel_date

    return babel_date(_as_date(day), "long", locale=babel_locale(lang))


def format_year(year: int, *, lang: str) -> str:
    """An edition's year as a column heading or a series name: '2025' / '2025年' (CLDR's year skeleton,
    so every table, export and legend writes it the one way; house style row 53)."""
    from babel.dates import format_skeleton

    return format_skeleton("y", dt.date(int(year), 1, 1), locale=babel_locale(lang))


def format_date_range(start: dt.date | str, end: dt.date | str, *, lang: str, skeleton: str = "yMMMd") -> str:
    """'Sep 17 – 18, 2025' / '2025年9月17日至18日' (Babel's interval formats; ``skeleton`` 'yMMMMd'
    spells the month out: 'September 17 – 18, 2025')."""
    from babel.dates import format_interval

    a, b = _as_date(start), _as_date(end)
    if a == b:
        return format_date(a, lang=lang)
    return format_interval(a, b, skeleton, locale=babel_locale(lang))


def format_list(items: Iterable[str], *, lang: str) -> str:
    """'China, Russia, and Hungary' / '中国、俄罗斯和匈牙利' (CLDR's list patterns for the language).
    Where an item holds the list's own separator ('Hong Kong SAR, China'), languages that say so
    (:mod:`dashboard.locale_rules`) separate the items with semicolons instead."""
    from babel import Locale
    from babel.lists import format_list as babel_list

    items = [str(i) for i in items]
    if not items:
        return ""
    locale = babel_locale(lang)
    instead = locale_rules.rules(lang).list_separator_when_comma
    if instead is None or len(items) < 2 or not any("," in i for i in items):
        return babel_list(items, locale=locale)
    patterns = Locale.parse(locale).list_patterns["standard"]
    sub = {k: v.replace(", ", instead) for k, v in patterns.items()}
    if len(items) == 2:
        return sub["2"].format(*items)
    out = sub["end"].format(items[-2], items[-1])
    for item in reversed(items[1:-2]):
        out = sub["middle"].format(item, out)
    return sub["start"].format(items[0], out)


def join_clauses(items: Iterable[str], *, lang: str) -> str:
    """Clauses joined by the language's semicolon: 'a; b' / 'a；b'."""
    return locale_rules.rules(lang).clause_separator.join(items)


def _as_date(day: dt.date | str) -> dt.date:
    return day if isinstance(day, dt.date) else dt.date.fromisoformat(str(day)[:10])


# The one Markdown escaper lives in dashboard.text (pure standard library); the pages know it by this name.
md_escape = escape_markdown
