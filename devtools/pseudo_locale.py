"""The pseudo-locale ``en_XA``: every message of the catalogue accented, about 40 % longer and in
brackets ("Overview" -> "[Óṽéŕṽíéŵ ···]"), generated from the extracted messages (the ``.pot``).

Rendering the app in it shows at a glance, and lets a test prove, two things a real translation
only shows late: text that does not go through the catalogue stays plain ASCII, and text that
grows (German, French and Russian run 30-40 % longer than English) must still fit.

What must keep working is left as written: ``{placeholders}``, ``%(name)s`` and plotly's
``%{x}``, HTML tags and entities, URLs and Markdown link targets, code spans, and a Markdown
block marker at the start of a line ("- ", "## ") stays in front of the opening bracket.

    python tools/i18n.py pseudo [OUT.po]      # default: build/pseudo/en_XA/LC_MESSAGES/messages.po
    DASHBOARD_PSEUDO_CATALOGUE=OUT.po streamlit run serve.py    # then ?lang=en_XA

The file is generated, never committed (``build/`` is git-ignored), and never under ``locale/``:
readers only see the pseudo-locale when ``DASHBOARD_PSEUDO_CATALOGUE`` names it.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

from dashboard.i18n import PSEUDO_LANGUAGE

REPO = Path(__file__).resolve().parents[1]
DEFAULT_OUT = REPO / "build" / "pseudo" / PSEUDO_LANGUAGE / "LC_MESSAGES" / "messages.po"

_PLAIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
_ACCENTED = "áƀçđéƒĝĥíĵķĺɱñóƥǫŕšťúṽŵẋýžÁƁÇĐÉƑĜĤÍĴĶĹṀÑÓƤǪŔŠŤÚṼŴẊÝŽ"
ACCENTS = str.maketrans(_PLAIN, _ACCENTED)
# Kept as written: URLs, Markdown link targets, code spans, HTML tags and entities, {placeholders}
# (format specs included), %(name)s, plotly's %{x}, and Streamlit's :material/icon: names.
PROTECTED = re.compile(
    r"https?://[^\s)\]>]+"
    r"|\]\([^)]*\)"
    r"|`[^`]*`"
    r"|</?[A-Za-z][^<>]*>"
    r"|&[a-zA-Z]+;|&#\d+;"
    r"|\{\{|\}\}|\{[^{}]*\}"
    r"|%\([A-Za-z_]+\)[sd]|%\{[^}]*\}"
    r"|:material/[a-z_]+:"
)
BLOCK_MARKER = re.compile(r"^(?:\s*(?:[-*+]|\d+\.|#{1,6}|>)\s+)+")
PADDING = "·"
GROWTH = 0.4


def accent(text: str) -> str:
    """The letters of ``text`` accented, the protected parts left as written."""
    out, pos = [], 0
    for m in PROTECTED.finditer(text):
        out.append(text[pos : m.start()].translate(ACCENTS))
        out.append(m.group(0))
        pos = m.end()
    out.append(text[pos:].translate(ACCENTS))
    return "".join(out)


def visible_length(text: str) -> int:
    return len(PROTECTED.sub("", text))


def pseudo(text: str) -> str:
    """``text`` pseudo-localised: accented, brackets around it, padded to about 140 % of its length."""
    if not text.strip():
        return text
    body = text.rstrip("\n")
    trail = text[len(body) :]
    marker = BLOCK_MARKER.match(body)
    head = marker.group(0) if marker else ""
    core = body[len(head) :]
    pad = PADDING * max(1, math.ceil(GROWTH * visible_length(core)) - 2)  # the brackets count too
    return f"{head}[{accent(core)} {pad}]{trail}"


def write_catalogue(pot: Path, out: Path) -> int:
    """Read the extracted messages ``pot`` and write the pseudo-locale's catalogue to ``out``
    (plural forms included). Returns the number of messages."""
    from babel.messages.pofile import read_po, write_po

    with pot.open("rb") as fh:
        cat = read_po(fh, locale="en")
    n = 0
    for msg in cat:
        if not msg.id:
            continue
        if isinstance(msg.id, tuple | list):
            msg.string = tuple(pseudo(s) for s in msg.id)
        else:
            msg.string = pseudo(msg.id)
        n += 1
    cat.locale = "en"  # English plural rule (nplurals=2); Babel knows no en_XA
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("wb") as fh:
        write_po(fh, cat, width=0)
    return n
