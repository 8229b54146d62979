"""Text measured by display width, for figures: plotly never wraps titles, annotations or tick labels,
so the server breaks them into lines itself.

Counting characters (as ``textwrap`` does) works for English only: a Chinese character is about as wide
as two Latin letters, and Chinese has no spaces to break at, so a Chinese subtitle counted as 50
"characters" ran twice the width it was given and was cut off at the figure's edge. Here width is
counted in *columns* by Unicode's East Asian Width (``unicodedata.east_asian_width``: wide and
full-width characters take 2 columns, everything else 1), about half an em each; Chinese breaks
between any two characters, except that closing punctuation (，。、）…) never starts a line and
opening punctuation (（“《…) never ends one (the line-breaking rules of Chinese typesetting, GB/T 15834
and W3C's "Requirements for Chinese Text Layout"); Latin text breaks at spaces only.

No dependency on the language: a Chinese name inside English text, or English inside Chinese, is
measured and broken the same way.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

TAG = re.compile(r"<[^>]+>")
# never at the start of a line / never at the end of one
NO_START = set("，。、；：？！）》」』】〕〉”’…—·%,.;:?!)]}")
NO_END = set("（《「『【〔〈“‘([{")
# Average advance of a column in em: a wide character is exactly 1 em (2 columns); Latin letters in
# the dashboard's sans-serif fonts average about 0.5–0.55 em.
COLUMN_EM = 0.55


def char_width(ch: str) -> int:
    """Columns a character takes: 2 for East Asian wide and full-width characters, 0 for combining marks."""
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def plain(text: str) -> str:
    """The visible text: HTML tags (``<b>``, ``<span …>``) removed, entities left as one character."""
    return re.sub(r"&[a-zA-Z#0-9]+;", "x", TAG.sub("", str(text)))


def display_width(text: str) -> int:
    """Columns the visible text takes on one line (the longest line if it holds ``<br>``)."""
    return max((sum(char_width(c) for c in plain(line)) for line in str(text).split("<br>")), default=0)


def text_px(text: str, font_px: float) -> float:
    """An estimate of the pixel width of the longest line at a font size (for margins)."""
    return display_width(text) * COLUMN_EM * font_px


def _tokens(text: str) -> list[tuple[str, bool]]:
    """(token, space before it): a wide character is a token of its own, a run of other
    non-space characters one token (a Latin word, a number, "GS(2023)2767")."""
    out: list[tuple[str, bool]] = []
    space = False
    word = ""
    for ch in text:
        if ch.isspace():
            if word:
                out.append((word, space))
                word = ""
            space = True
            continue
        if char_width(ch) == 2:  # ASCII punctuation stays inside its word ("2.1.5", "1:50m", "GS(2023)2767")
            if word:
                out.append((word, space))
                space = False
                word = ""
            out.append((ch, space))
            space = False
        else:
            word += ch
    if word:
        out.append((word, space))
    return out


def _wrap_line(text: str, width: int) -> list[str]:
    tokens = _tokens(text)
    lines: list[list[tuple[str, bool]]] = [[]]
    used = 0
    for tok, space in tokens:
        w = display_width(tok) + (1 if space and lines[-1] else 0)
        if used + w <= width or not lines[-1]:
            lines[-1].append((tok, space))
            used += w
            continue
        line = lines[-1]
        carried: list[tuple[str, bool]] = []
        if (
            tok[0] in NO_START and len(line) > 1 and not space
        ):  # closing punctuation takes the character before it along
            carried.insert(0, line.pop())
        while len(line) > 1 and line[-1][0] in NO_END:  # opening punctuation moves to the next line
            carried.insert(0, line.pop())
        if (
            not carried and not space and char_width(tok[0]) == 2 and len(line) > 1 and line[-1][0][-1].isdigit()
        ):  # a number keeps its unit or measure word ('2024年', '10人'), never '2024' / '年'
            carried.insert(0, line.pop())
        lines.append(carried + [(tok, space)])
        used = sum(display_width(x) for x, _ in lines[-1]) + sum(1 for _, s in lines[-1][1:] if s)
    return ["".join((" " if s and i else "") + x for i, (x, s) in enumerate(line)) for line in lines]


def wrap(text: str, width: int) -> list[str]:
    """Lines of at most ``width`` columns (wide characters count 2); a single longer word stays whole;
    existing ``<br>`` breaks are kept. Text with HTML tags is measured without them (tags must not
    span a break: wrap the text first, then style the lines)."""
    lines: list[str] = []
    for part in str(text).split("<br>"):
        part = " ".join(part.split())
        lines += _wrap_line(part, width) if part else [""]
    return lines


def wrap_br(text: str, width: int) -> str:
    """:func:`wrap` joined with ``<br>`` (plotly draws each line)."""
    return "<br>".join(wrap(text, width))


def wrap_balanced_br(text: str, width: int) -> str:
    """:func:`wrap_br` with lines of about equal width (the fewest lines ``width`` allows), so a label never
    ends on one orphaned character ('东南亚国家联盟<br>秘书处', not '东南亚国家联盟秘书<br>处')."""
    lines = wrap(text, width)
    if len(lines) > 1:
        target = -(-display_width(text) // len(lines))
        while target < width and len(wrap(text, target)) > len(lines):
            target += 1
        lines = wrap(text, min(target, width))
    return "<br>".join(lines)


def wrap_label_br(text: str, width: int) -> str:
    """A label wrapped with ``<br>``: :func:`wrap_balanced_br` for text without wide characters, :func:`wrap_br`
    for text with them (Chinese has no spaces: equal lines would break inside more of its words)."""
    if any(char_width(c) == 2 for c in plain(text)):
        return wrap_br(text, width)
    return wrap_balanced_br(text, width)


def label_margin(labels: Iterable[str], font_px: float = 13, pad: int = 20, cap: int = 200) -> int:
    """Left margin (px) that holds category tick labels (each possibly several ``<br>`` lines) at a font
    size, measured by display width, so none loses its first characters at the figure's edge."""
    widest = max((text_px(line, font_px) for lab in labels for line in str(lab).split("<br>")), default=4 * font_px)
    return int(min(pad + widest, cap))
