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
    # Qualified figures in compact places (tiles): symbols ('≈300', '>240') or, where the language's
    # sources never write symbols, the spelled form ('约300人', '240余人').
    figure_symbols: bool = True
    # Counts beside their label (tile captions, table cells, chart labels) carry the metric's measure
    # word ('240余人', '57个'; house style rule 8), or stand alone ('more than 240', '57').
    measure_words: bool = False
    # The change in a tile in words ('减少约60人'; house style rule 11) instead of a signed number ('about −60').
    change_in_words: bool = False
    # Markdown emphasis for sub-headings: italics ('*Theme*'), or bold where the language sets no italics
    # (Chinese: house style rule 12).
    italics: bool = True
    # Typst's text region for this language ("cn": Simplified Chinese typesetting), "" for none.
    typst_region: str = ""
    # Ordinals of editions: 'arabic' (the catalogue's 'edition {n}') or 'chinese' (首届, 第二届…).
    ordinals: str = "arabic"
    # How names are put in order in lists: 'codepoint' (sorted as written) or 'pinyin' (Chinese:
    # Hanyu Pinyin with tones through pypinyin, names in ``first_names`` before all others).
    collation: str = "codepoint"
    first_names: tuple[str, ...] = ()
    # International organizations in lists and charts: by acronym/code (False) or in the order the official
    # source lists them (True: house style rule 5, 'international organizations follow the order of the
    # chair's statement'; metrics.organization_order).
    organizations_as_listed: bool = False
    # Organizations named by their acronym in compact places (chart labels: 'IOM'); False: by their name in
    # the language (no English acronyms in Chinese copy).
    acronyms: bool = True
    # A source's own wording of a figure ('more than 240') is quoted on screen only when it is in
    # the interface language, or when the language says foreign quotes are fine.
    quote_foreign_wording: bool = True
    # Sources in this language are cited first among equally original sources (a Chinese reader
    # gets the Chinese original first); None: no language comes first.
    cite_first_language: str | None = None
    # Suffixes dropped from a city's official name in short labels ('连云港市' -> '连云港' in
    # '2025年·连云港（第二届）'; house style rule 9: the city with 市, or neither 省 nor 市).
    short_place_suffixes: tuple[str, ...] = ()
    # Languages named as written languages in citations ('英文', not CLDR's spoken '英语'; house style
    # row 23): (CLDR suffix, citation suffix), or None to keep CLDR's names.
    written_language: tuple[str, str] | None = None
    # The full stop after a reference in a list of sources.
    full_stop: str = ". "
    # After a label: 'Charts: …' / '图表：…'.
    colon: str = ": "
    # The press kit's data CSVs in words: column names and coded values (metric, role, region…) as
    # labels in this language (False: the data package's names and codes, as English readers get them).
    readable_codes: bool = False
    # Characters that make a text count as written in this language (None: any text does).
    script: str | None = None
    # A name in another language shown beside a place's name on hover ('China · 中国' for English
    # readers); None: the reader's language only (a Chinese reader sees 中国, not 'China · 中国').
    name_beside: str | None = "zh"


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
        figure_symbols=False,
        measure_words=True,
        change_in_words=True,
        italics=False,
        ordinals="chinese",
        collation="pinyin",
        # house style (zh-style-guide rule 5): China and its SARs and region first, then pinyin order
        first_names=("中国", "中国香港", "中国澳门", "中国台湾"),
        organizations_as_listed=True,
        acronyms=False,
        quote_foreign_wording=False,
        cite_first_language="zh",
        short_place_suffixes=("市",),
        written_language=("语", "文"),
        full_stop="。",
        colon="：",
        name_beside=None,
        script="\u3400-\u9fff",
        readable_codes=True,
        typst_region="cn",
    ),
    # The developers' pseudo-locale (dashboard.i18n.PSEUDO_LANGUAGE): English conventions (Babel has
    # no data for it), the words this module adds accented like its generated catalogue.
    "en_XA": Rules(either_separator=", ", either_joiner=" óŕ ", list_separator_when_comma="; "),
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


_NUMERALS = "零一二三四五六七八九十"


def chinese_number(n: int) -> str:
    """1-99 in Chinese numerals (二, 十二, 二十一); larger numbers as Arabic digits."""
    if 0 <= n <= 10:
        return _NUMERALS[n]
    if n < 20:
        return "十" + _NUMERALS[n - 10]
    if n < 100:
        tens, ones = divmod(n, 10)
        return _NUMERALS[tens] + "十" + (_NUMERALS[ones] if ones else "")
    return str(n)


def edition_ordinal(n: int, lang: str) -> str | None:
    """'首届', '第二届' in Chinese (house style rule 10: the first edition is 首届, ordinals in
    Chinese numerals); None where the language writes the catalogue's 'edition {n}'."""
    if rules(lang).ordinals != "chinese":
        return None
    return "首届" if n == 1 else f"第{chinese_number(n)}届"


def sort_key(lang: str):
    """A key that puts names in the order the language's readers expect: as written (code points)
    in English; in Chinese the names of ``first_names`` first (中国、中国香港…), then Hanyu Pinyin with
    tones (pypinyin, which reads polyphonic characters in place names from its phrase dictionary:
    秘鲁 is bì lǔ), so 秘鲁、俄罗斯、古巴、韩国… and never the code-point order 俄罗斯、匈牙利、印度尼西亚…"""
    r = rules(lang)
    if r.collation != "pinyin":
        return lambda name: (0, str(name))
    from pypinyin import Style, lazy_pinyin

    first = {name: i for i, name in enumerate(r.first_names)}

    def key(name):
        s = str(name)
        if s in first:
            return (0, first[s], (), s)
        return (1, 0, tuple(lazy_pinyin(s, style=Style.TONE3, errors="default")), s)

    return key


def sort_names(names, lang: str) -> list[str]:
    """``names`` in the language's order (see :func:`sort_key`)."""
    return sorted(names, key=sort_key(lang))


def short_place(name: str, lang: str) -> str:
    """A city's name for short labels: '连云港' for '连云港市' in Chinese; unchanged elsewhere."""
    for suffix in rules(lang).short_place_suffixes:
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            return name[: -len(suffix)]
    return name


def may_quote(source_language: str, lang: str) -> bool:
    """Whether a source's own wording in ``source_language`` is quoted on a page in ``lang`` (a
    Chinese page quotes Chinese sources only; the figure in Chinese stands for the others)."""
    return source_language == lang or rules(lang).quote_foreign_wording


def written_language_name(name: str, lang: str) -> str:
    """A language's name as citations write it: '英文', '阿拉伯文' for CLDR's '英语', '阿拉伯语' in
    Chinese; unchanged elsewhere."""
    pair = rules(lang).written_language
    if pair and name.endswith(pair[0]):
        return name[: -len(pair[0])] + pair[1]
    return name


def is_in_language(text: str, lang: str) -> bool:
    """Whether ``text`` is written in ``lang``'s script (a Chinese note is mostly Chinese characters; an
    English note has none or a quoted few). Any text counts for a language without a script rule."""
    import re

    script = rules(lang).script
    if script is None:
        return True
    # a mostly English note quoting a few Chinese words (以中华人民共和国代表团成员身份) is not Chinese
    own = len(re.findall(f"[{script}]", text))
    latin = len(re.findall(r"[A-Za-z]", text))
    return own > 0 and own * 3 >= latin
