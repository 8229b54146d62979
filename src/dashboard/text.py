"""Cleaning of text typed by people: what every written name and cell goes through first.

NFKC folds compatibility forms (full-width letters, ideographic and no-break spaces become
plain ones); zero-width characters, soft hyphens and stray byte-order marks are removed; runs
of whitespace become one space. Pure standard library: cheap to import anywhere.
"""

from __future__ import annotations

import re
import unicodedata

# zero-width space / non-joiner / joiner, word joiner, BOM (zero-width no-break space), soft hyphen,
# left-to-right and right-to-left marks
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f]")


def clean_text(value: object) -> str:
    """``value`` as a clean one-line string: NFKC, invisible characters removed, no-break and other
    spaces turned into one plain space, trimmed."""
    s = str(value)
    if not s.isascii():  # ASCII (the common case) has nothing to fold or remove
        s = _INVISIBLE.sub("", unicodedata.normalize("NFKC", s))
    return " ".join(s.split())


_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#!|<>~$])")
_LIST_START = re.compile(r"^(\s*)([-+]|\d+(?=\.))")


def escape_markdown(value: object) -> str:
    """Data or user-supplied text made literal inside Markdown (Streamlit's st.markdown, widget
    labels, st.error…): every character with a Markdown or Streamlit meaning (emphasis, links, code,
    headings, tables, HTML, LaTeX ``$``, ``:color[…]`` directives) is backslash-escaped; line breaks
    become spaces, so "-", "+" and "1." can start a list only at the very beginning, where they are
    escaped too. The project's one Markdown escaper (:func:`dashboard.formatting.md_escape` is this
    function)."""
    s = _MARKDOWN.sub(r"\\\1", re.sub(r"[\r\n]+", " ", str(value)))
    return _LIST_START.sub(
        lambda m: m.group(1) + (m.group(2) + "\\" if m.group(2)[0].isdigit() else "\\" + m.group(2)), s
    )
