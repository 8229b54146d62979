"""How numbers, qualifiers and changes are written on screen.

A figure is never shown without its qualifier: "more than 240" must not become
"240". Changes between editions keep both qualifiers in view.
"""

from __future__ import annotations

import re

from .i18n import t

QUALIFIER_PREFIX = {
    "exact": "",
    "about": "about ",
    "approximately": "approximately ",
    "more_than": "more than ",
    "nearly": "nearly ",
}
# Qualifiers that say the same thing; any other difference between sources is a conflict.
QUALIFIER_GROUP = {"exact": "exact", "about": "approx", "approximately": "approx", "nearly": "nearly",
                   "more_than": "more_than"}


def format_number(value: int | float) -> str:
    return f"{int(value):,}"


def format_figure(value: int | float | None, qualifier: str | None = "exact") -> str:
    """'about 300', 'more than 240', '51'; an em dash when no source reports the figure."""
    if value is None or value != value:  # None or NaN
        return "—"
    prefix = QUALIFIER_PREFIX.get(qualifier or "exact", "")
    return t(f"{prefix}{{n}}", n=format_number(value)) if prefix else format_number(value)


SYMBOL_PREFIX = {"exact": "", "about": "≈", "approximately": "≈", "more_than": ">", "nearly": "<"}


def format_figure_short(value: int | float | None, qualifier: str | None = "exact") -> str:
    """Compact form for tiles: '≈300', '>240', '51'. Always shown next to the spelled-out form."""
    if value is None or value != value:
        return "—"
    return SYMBOL_PREFIX.get(qualifier or "exact", "") + format_number(value)


def format_signed(delta: int | float) -> str:
    """'+3', '−60' (a real minus sign), '±0'."""
    if delta == 0:
        return "±0"
    sign = "+" if delta > 0 else "−"
    return f"{sign}{format_number(abs(delta))}"


def format_percent(ratio: float | None) -> str:
    if ratio is None or ratio != ratio:
        return "—"
    return f"{'+' if ratio > 0 else '−' if ratio < 0 else '±'}{abs(ratio) * 100:.0f}%"


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>~<])")


def md_escape(text: object) -> str:
    """Escape Markdown so data text is shown literally (never as links, HTML or formatting)."""
    return _MD_SPECIAL.sub(r"\\\1", str(text))
