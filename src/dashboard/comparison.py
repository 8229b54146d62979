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

from .formatting import format_figure, format_number, format_percent, format_signed
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

signed, percent = format_signed, format_percent


def change_parts(c: Comparison) -> tuple[str, str]:
    """(absolute change, relative change) as table cells: '−6', '−11%'; 'about −60', 'about −20%';
    'at least +40', …; for a count of names, or when a figure is missing, a dash in both."""
    if not c.has_change:
        return "—", "—"
    d, p = signed(c.delta), percent(c.ratio)
    if c.kind == EXACT:
        return d, p
    if c.kind == APPROXIMATE:
        return t("about {change}", change=d), t("about {change}", change=p)
    if c.bound == "at_least":
        return t("at least {change}", change=d), t("at least {change}", change=p)
    return t("at most {change}", change=d), t("at most {change}", change=p)


def change_text(c: Comparison) -> str:
    """'−6 (−11%)', 'about −60 (about −20%)', 'at least +40 (at least +20%)'; '' when no change may
    be given."""
    if not c.has_change:
        return ""
    d, p = change_parts(c)
    return t("{change} ({relative})", change=d, relative=p)


def figure_text(s: Stated) -> str:
    """'51', 'more than 240', and for a count of names '13 named in sources'."""
    if s.basis == NAMED:
        return t("{n} named in sources", n=format_figure(s.value, s.qualifier))
    return format_figure(s.value, s.qualifier)


def others_text(s: Stated) -> str:
    """'50' or 'approximately 240; 250' — the values other sources give; '' when none."""
    return "; ".join(format_figure(v, q) for v, q, _ids in s.others)


def figure_with_others(s: Stated) -> str:
    """'51 (another source: 50)': the figure with every conflicting value beside it."""
    base = figure_text(s)
    if not s.others:
        return base
    if len(s.others) == 1:
        return t("{figure} (another source: {others})", figure=base, others=others_text(s))
    return t("{figure} (other sources: {others})", figure=base, others=others_text(s))


def basis_text(c: Comparison) -> str:
    """The comparison in one line, its basis stated: '57 → 51: −6 (−11%)', 'about 300 → more than
    240: about −60 (about −20%), approximate', '8 → 13 named in sources: not reported totals, so no
    change is given'."""
    a, b = figure_with_others(c.earlier), figure_with_others(c.later)
    if c.kind == SOURCE_COUNT:
        return t("{a} → {b}: counts of what the sources name, not reported totals, so no change is given", a=a, b=b)
    if c.kind == NOT_COMPARABLE:
        return t("{a} → {b}: no change can be given (a figure is not reported)", a=a, b=b)
    if c.kind == EXACT:
        return t("{a} → {b}: {change}", a=a, b=b, change=change_text(c))
    if c.kind == APPROXIMATE:
        return t("{a} → {b}: {change}, approximate because a figure is qualified", a=a, b=b, change=change_text(c))
    return t("{a} → {b}: {change}, as a figure is a bound", a=a, b=b, change=change_text(c))


def change_sentence(c: Comparison) -> str:
    """The change in running text, for summaries: '6 fewer', 'about 60 fewer (about −20%)', 'at least
    40 more'; '' when no change may be given."""
    if not c.has_change:
        return ""
    n, p = format_number(abs(c.delta)), percent(c.ratio)
    if c.delta == 0:
        if c.kind == EXACT:
            return t("the same")
        if c.kind == APPROXIMATE:
            return t("about the same")
        return t("no fewer") if c.bound == "at_least" else t("no more")
    more = c.delta > 0
    if c.kind == EXACT:
        return t("{n} more", n=n) if more else t("{n} fewer", n=n)
    if c.kind == APPROXIMATE:
        return t("about {n} more ({p})", n=n, p=p) if more else t("about {n} fewer ({p})", n=n, p=p)
    if c.bound == "at_least":
        return t("at least {n} more", n=n) if more else t("at most {n} fewer", n=n)
    return t("at most {n} more", n=n) if more else t("at least {n} fewer", n=n)
