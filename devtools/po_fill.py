"""Fill translations into a catalogue from a JSON or YAML mapping msgid -> translation (a helper for
translators: ``python -m devtools.po_fill zh mapping.json``). Entries not in the catalogue are
reported, never added; existing translations are replaced only with ``--force``."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

REPO = Path(__file__).resolve().parents[1]


def fill(lang: str, mapping: dict[str, str | list[str]], force: bool = False) -> tuple[int, list[str]]:
    path = REPO / "locale" / lang / "LC_MESSAGES" / "messages.po"
    with path.open("rb") as fh:
        cat = read_po(fh, locale=lang)
    done, unknown = 0, []
    for msgid, text in mapping.items():
        msg = cat.get(msgid)
        if msg is None:
            unknown.append(msgid)
            continue
        if msg.string and not force and msg.string != ("",):
            if msg.string if isinstance(msg.string, str) else msg.string[0]:
                continue
        msg.string = tuple(text) if isinstance(msg.id, tuple) else (text if isinstance(text, str) else text[0])
        if isinstance(msg.id, tuple) and isinstance(text, str):
            msg.string = (text,)
        msg.flags.discard("fuzzy")
        done += 1
    with path.open("wb") as fh:
        write_po(fh, cat, width=100, omit_header=False, sort_output=True, include_lineno=False)
    return done, unknown


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    lang, source = args[0], Path(args[1])
    text = source.read_text(encoding="utf-8")
    if source.suffix in (".yaml", ".yml"):
        import yaml

        mapping = yaml.safe_load(text)
    else:
        mapping = json.loads(text)
    n, unknown = fill(lang, mapping, force="--force" in sys.argv)
    print(f"filled {n}; not in the catalogue: {len(unknown)}")
    for u in unknown:
        print("  ", u)
