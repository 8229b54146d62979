"""The one rule for comparing a figure between two editions.

Every view that shows a change (Overview tiles, the Year-over-year table, the press summaries,
their CSV and Markdown exports) goes through :func:`compare_figures` and writes the result with
the functions below, so the same two figures never give two different stories.

The rule:

* a change (absolute and relative) only between two **reported** figures;
* **exact** when both are exact; **bounded** when the only qualifiers are bounds ("more than",
  "nearly") that all point the same way, so the change is a minimum or a maximum; otherwise
  **approximate** ("about 300 → more than 240: about −20%"), with the two figures stated beside it;
* **no change at all** for counts of what the sources name (named speakers, identified countries):
  such a count measures the sources as much as the forum. Both counts are shown, labelled
  "named in sources", with no arrow and no percentage;
* every value another source gives for the same figure travels with it (``Stated.others``) and is
  shown wherever the figure is.

Wording goes through :func:`dashboard.i18n.t` with whole-sentence msgids, so a translation only
translates.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import locale_rules
from .formatting import (
    format_figure_count,
    format_figure_unit,
    format_number,
    format_percent,
    format_signed,
    join_clauses,
)
from .i18n import t

REPORTED, NAMED, NOT_REPORTED = "reported", "named_in_sources", "not_reported"
# Kinds of comparison.
EXACT, APPROXIMATE, BOUNDED, SOURCE_COUNT, NOT_COMPARABLE = (
    "exact",
    "approximate",
    "bounded",
    "source_count",
    "not_comparable",
)
# "more than 240": the true value is above (a lower bound); "nearly 300": below (an upper bound).
LOWER_BOUND, UPPER_BOUND = "more_than", "nearly"


@dataclass(frozen=True)
class Stated:
    """A figure as the sources state it: value, qualifier, what it is, where it comes from, and the
    other values other sources give for it (``others``: (value, qualifier, source ids) each)."""

    value: int | None
    qualifier: str | None = "exact"
    basis: str = REPORTED
    source_ids: tuple[str, ...] = ()
    others: tuple[tuple[int, str, tuple[str, ...]], ...] = field(default=())
    # The headline metric ('attendees'…): counts of people and of items take their measure word where the
    # language's counts carry one ('240余人', '51个'); None: unknown.
    metric: str | None = None

    @property
    def known(self) -> bool:
        return self.value is not None and self.value == self.value and self.basis != NOT_REPORTED


@dataclass(frozen=True)
class Comparison:
    """The result of :func:`compare_figures`. ``delta`` and ``ratio`` are set only when a change may
    be given (kinds exact, approximate, bounded); ``bound`` is 'at_least' or 'at_most' for bounded."""

    kind: str
    earlier: Stated
    later: Stated
    delta: int | None = None
    ratio: float | None = None
    bound: str | None = None

    @property
    def has_change(self) -> bool:
        return self.delta is not None

    @property
    def is_approximate(self) -> bool:
        return self.kind in (APPROXIMATE, BOUNDED)

    @property
    def conflicts(self) -> bool:
        return bool(self.earlier.others or self.later.others)


def _direction(earlier_q: str, later_q: str) -> str | None:
    """'at_least' / 'at_most' when every qualifier is a bound and they all push the change the same
    way; None otherwise (approximate)."""
    pushes = set()
    if later_q == LOWER_BOUND or earlier_q == UPPER_BOUND:
        pushes.add("at_least")  # later truly higher, or earlier truly lower: the change is at least delta
    if later_q == UPPER_BOUND or earlier_q == LOWER_BOUND:
        pushes.add("at_most")
    others = {q for q in (earlier_q, later_q) if q not in ("exact", LOWER_BOUND, UPPER_BOUND)}
    return pushes.pop() if len(pushes) == 1 and not others else None


def compare_figures(earlier: Stated, later: Stated) -> Comparison:
    """Apply the rule (see the module docstring) to two stated figures."""
    if NAMED in (earlier.basis, later.basis):
        return Comparison(SOURCE_COUNT, earlier, later)
    if not (earlier.known and later.known):
        return Comparison(NOT_COMPARABLE, earlier, later)
    delta = int(later.value) - int(earlier.value)
    ratio = delta / earlier.value if earlier.value else None
    qa, qb = earlier.qualifier or "exact", later.qualifier or "exact"
    if qa == "exact" and qb == "exact":
        return Comparison(EXACT, earlier, later, delta, ratio)
    bound = _direction(qa, qb)
    if bound:
        return Comparison(BOUNDED, earlier, later, delta, ratio, bound)
    return Comparison(APPROXIMATE, earlier, later, delta, ratio)


# --- wording -----------------------------------------------------------------------------------


def change_parts(c: Comparison, lang: str) -> tuple[str, str]:
    """(absolute change, relative change) as table cells: '−6', '−11%'; 'about −60', 'about −20%';
    'at least +40', …; for a count of names, or when a figure is missing, a dash in both."""
    if not c.has_change:
        return "—", "—"
    own = CHANGE_PARTS.get(lang) if locale_rules.rules(lang).change_in_words else None
    if own is not None:  # in words: '减少约60人', '降幅约20%' (house style rule 11)
        return own(c, lang, c.later.metric or c.earlier.metric)
    d, p = format_signed(c.delta, lang=lang), format_percent(c.ratio, lang=lang)
    if c.kind == EXACT:
        return d, p
    if c.kind == APPROXIMATE:
        return t("about {change}", lang=lang, change=d), t("about {change}", lang=lang, change=p)
    if c.bound == "at_least":
        return t("at least {change}", lang=lang, change=d), t("at least {change}", lang=lang, change=p)
    return t("at most {change}", lang=lang, change=d), t("at most {change}", lang=lang, change=p)


def change_brief(c: Comparison, lang: str, metric: str | None = None) -> str:
    """The change in a tile: '−6', 'about −60' / in words where the language writes changes so
    ('减少约60人', '较上届' comes from the tile's template; house style rule 11)."""
    if not c.has_change:
        return "—"
    own = CHANGE_SENTENCES.get(lang) if locale_rules.rules(lang).change_in_words else None
    if own is None:
        return change_parts(c, lang)[0]
    return own(c, lang, metric or c.later.metric or c.earlier.metric, rate=False)


def change_text(c: Comparison, lang: str) -> str:
    """'−6 (−11%)', 'about −60 (about −20%)', 'at least +40 (at least +20%)'; '' when no change may
    be given."""
    if not c.has_change:
        return ""
    own = CHANGE_SENTENCES.get(lang) if locale_rules.rules(lang).change_in_words else None
    if own is not None:  # '减少约60人，降幅约20%'
        return own(c, lang, c.later.metric or c.earlier.metric)
    d, p = change_parts(c, lang)
    return t("{change} ({relative})", lang=lang, change=d, relative=p)


def figure_text(s: Stated, lang: str) -> str:
    """'51', 'more than 240', and for a count of names '13 named in sources'."""
    if s.basis == NAMED:
        return t("{n} named in sources", lang=lang, n=format_figure_unit(s.value, s.qualifier, s.metric, lang=lang))
    return format_figure_unit(s.value, s.qualifier, s.metric, lang=lang)


def others_text(s: Stated, lang: str) -> str:
    """'50' or 'approximately 240; 250' — the values other sources give; '' when none."""
    return join_clauses((format_figure_unit(v, q, s.metric, lang=lang) for v, q, _ids in s.others), lang=lang)


def figure_with_others(s: Stated, lang: str) -> str:
    """'51 (another source: 50)': the figure with every conflicting value beside it."""
    base = figure_text(s, lang)
    if not s.others:
        return base
    if len(s.others) == 1:
        return t("{figure} (another source: {others})", lang=lang, figure=base, others=others_text(s, lang))
    return t("{figure} (other sources: {others})", lang=lang, figure=base, others=others_text(s, lang))


def basis_label(c: Comparison, lang: str) -> str:
    """The basis of a comparison as a table cell: 'reported; exact figures', 'reported; approximate (a
    figure is qualified)', 'named in sources: … no change given'…"""
    if c.kind == SOURCE_COUNT:
        return t("named in sources: a count of what the sources say, not a reported total; no change given", lang=lang)
    if c.kind == EXACT:
        return t("reported; exact figures", lang=lang)
    if c.kind == NOT_COMPARABLE:
        return t("not reported for both editions", lang=lang)
    if c.kind == BOUNDED:
        return t('reported; a figure is a bound ("more than", "nearly")', lang=lang)
    return t("reported; approximate (a figure is qualified)", lang=lang)


def basis_text(c: Comparison, lang: str) -> str:
    """The comparison in one line, its basis stated: '57 → 51: −6 (−11%)', 'about 300 → more than
    240: about −60 (about −20%), approximate', '8 → 13 named in sources: not reported totals, so no
    change is given'."""
    a, b = figure_with_others(c.earlier, lang), figure_with_others(c.later, lang)
    if c.kind == SOURCE_COUNT:
        return t(
            "{a} → {b}: counts of what the sources name, not reported totals, so no change is given",
            lang=lang,
            a=a,
            b=b,
        )
    if c.kind == NOT_COMPARABLE:
        return t("{a} → {b}: no change can be given (a figure is not reported)", lang=lang, a=a, b=b)
    if c.kind == EXACT:
        return t("{a} → {b}: {change}", lang=lang, a=a, b=b, change=change_text(c, lang))
    if c.kind == APPROXIMATE:
        return t(
            "{a} → {b}: {change}, approximate because a figure is qualified",
            lang=lang,
            a=a,
            b=b,
            change=change_text(c, lang),
        )
    return t("{a} → {b}: {change}, as a figure is a bound", lang=lang, a=a, b=b, change=change_text(c, lang))


def change_sentence(c: Comparison, lang: str, metric: str | None = None) -> str:
    """The change in running text, for summaries: '6 fewer', 'about 60 fewer (about −20%)', 'at least
    40 more'; '' when no change may be given. A language whose sentences are not shaped like the
    English ones has its own wording in :data:`CHANGE_SENTENCES` (same rule, same result)."""
    if not c.has_change:
        return ""
    own = CHANGE_SENTENCES.get(lang)
    if own is not None:
        return own(c, lang, metric)
    n, p = format_number(abs(c.delta), lang=lang), format_percent(c.ratio, lang=lang)
    if c.delta == 0:
        if c.kind == EXACT:
            return t("the same", lang=lang)
        if c.kind == APPROXIMATE:
            return t("about the same", lang=lang)
        return t("no fewer", lang=lang) if c.bound == "at_least" else t("no more", lang=lang)
    more = c.delta > 0
    if c.kind == EXACT:
        return t("{n} more", lang=lang, n=n) if more else t("{n} fewer", lang=lang, n=n)
    if c.kind == APPROXIMATE:
        return (
            t("about {n} more ({p})", lang=lang, n=n, p=p) if more else t("about {n} fewer ({p})", lang=lang, n=n, p=p)
        )
    if c.bound == "at_least":
        return t("at least {n} more", lang=lang, n=n) if more else t("at most {n} fewer", lang=lang, n=n)
    return t("at most {n} more", lang=lang, n=n) if more else t("at least {n} fewer", lang=lang, n=n)


def _change_sentence_zh(c: Comparison, lang: str, metric: str | None, rate: bool = True) -> str:
    """'减少6个，下降11%', '减少约60人，降幅约20%', '基本持平', '至少增加40人': the Chinese shape of
    :func:`change_sentence` (house style rule 11: 增减 and the rate in words, 约 before the number;
    measure word by metric: 人 for people, 个 for countries and organizations, none for an unknown
    metric or one without a measure word). The renderer puts 较上届 in front."""
    n = format_figure_count(abs(c.delta), "exact", metric, lang=lang)
    pct = format_percent(abs(c.ratio), lang=lang)[1:] if c.ratio is not None and rate else ""
    if c.delta == 0:
        return "持平" if c.kind == EXACT else "基本持平"
    up = c.delta > 0
    word = "增加" if up else "减少"
    if c.kind == EXACT:
        return f"{word}{n}，{'增长' if up else '下降'}{pct}" if pct else f"{word}{n}"
    if c.kind == APPROXIMATE:
        return f"{word}约{n}，{'增幅' if up else '降幅'}约{pct}" if pct else f"{word}约{n}"
    at_least = (c.bound == "at_least") == (c.delta > 0)
    return f"{'至少' if at_least else '至多'}{word}{n}"


def _change_parts_zh(c: Comparison, lang: str, metric: str | None) -> tuple[str, str]:
    """Table cells in words (house style rule 11): ('减少6个', '下降11%'), ('减少约60人', '降幅约20%'),
    ('至少增加40人', '至少增长20%'), ('持平', '0%')."""
    n = format_figure_count(abs(c.delta), "exact", metric, lang=lang)
    pct = format_percent(abs(c.ratio), lang=lang).lstrip("+±") if c.ratio is not None else ""
    up = c.delta > 0
    if c.delta == 0:
        return ("持平" if c.kind == EXACT else "基本持平"), (pct or "—")
    word, rate = ("增加", "增长") if up else ("减少", "下降")
    if c.kind == EXACT:
        return f"{word}{n}", (f"{rate}{pct}" if pct else "—")
    if c.kind == APPROXIMATE:
        return f"{word}约{n}", (f"{'增幅' if up else '降幅'}约{pct}" if pct else "—")
    at = "至少" if (c.bound == "at_least") == up else "至多"
    return f"{at}{word}{n}", (f"{at}{rate}{pct}" if pct else "—")


CHANGE_PARTS = {"zh": _change_parts_zh}


# Running-text change wording per language, where the sentence shape differs from the English one.
CHANGE_SENTENCES = {"zh": _change_sentence_zh}
