"""Checks of the gettext catalogues against the code (used by tests/test_i18n.py and tools/i18n.py).

The messages are extracted in-process exactly as ``pybabel extract`` would (``babel.cfg``, keywords
``t``, ``tn`` and ``N_``); every catalogue must translate each of them, have no fuzzy and no
obsolete entry, and keep every ``{placeholder}`` of the English text.
"""

from __future__ import annotations

import re
from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

REPO = Path(__file__).resolve().parents[1]
KEYWORDS = {"t": None, "tn": (1, 2), "N_": None}
PLACEHOLDER = re.compile(r"(?<!\{)\{([a-zA-Z_][a-zA-Z0-9_]*)(?:[!:][^}]*)?\}(?!\})")


def extracted_messages() -> dict[str | tuple[str, str], list[str]]:
    """msgid (or (singular, plural)) -> files where it is used."""
    with (REPO / "babel.cfg").open(encoding="utf-8") as fh:
        method_map, options_map = parse_mapping_cfg(fh, "babel.cfg")
    out: dict[str | tuple[str, str], list[str]] = {}
    for filename, _lineno, message, _comments, _context in extract_from_dir(
        REPO, method_map, options_map, keywords=KEYWORDS
    ):
        key = message if isinstance(message, str) else tuple(message)
        out.setdefault(key, []).append(filename)
    return out


def catalogues() -> dict[str, Path]:
    return {p.parts[-3]: p for p in sorted((REPO / "locale").glob("*/LC_MESSAGES/messages.po"))}


def placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text))


def catalogue_problems() -> list[str]:
    wanted = extracted_messages()
    wanted_ids = {k if isinstance(k, str) else k[0]: k for k in wanted}
    problems: list[str] = []
    for _lang, path in catalogues().items():
        with path.open("rb") as fh:
            cat = read_po(fh)
        name = path.relative_to(REPO).as_posix()
        seen = set()
        for msg in cat:
            if not msg.id:
                continue
            msgid = msg.id if isinstance(msg.id, str) else msg.id[0]
            seen.add(msgid)
            if msgid not in wanted_ids:
                problems.append(f"{name}: obsolete (no longer in the code): {msgid!r}")
                continue
            if msg.fuzzy:
                problems.append(f"{name}: fuzzy: {msgid!r}")
            strings = [msg.string] if isinstance(msg.string, str) else list(msg.string)
            if not all(strings):
                problems.append(f"{name}: not translated: {msgid!r}")
                continue
            english = msgid if isinstance(msg.id, str) else " ".join(msg.id)
            for s in strings:
                if placeholders(s) != placeholders(english):
                    problems.append(f"{name}: placeholders differ: {msgid!r} -> {s!r}")
        for msgid in cat.obsolete:
            problems.append(f"{name}: obsolete entry kept (#~): {msgid!r}")
        for msgid in wanted_ids:
            if msgid not in seen:
                problems.append(f"{name}: missing (run python tools/i18n.py update, then translate): {msgid!r}")
    return problems
