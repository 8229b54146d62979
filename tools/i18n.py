"""Keep the gettext catalogues in step with the code (Babel).

    python tools/i18n.py update        # extract messages, update every locale/<lang>/…/messages.po
    python tools/i18n.py init LANG     # start a new language from the extracted messages
    python tools/i18n.py check         # what tests/test_i18n.py checks: missing, fuzzy, obsolete
    python tools/i18n.py pseudo [OUT]  # the pseudo-locale en_XA, generated (devtools/pseudo_locale.py)

Extraction reads what ``babel.cfg`` lists with the keywords ``t``, ``tn`` (plural) and ``N_``
(vocabulary labels). No compiled ``.mo`` is needed: the app reads the ``.po`` with Babel.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
KEYWORDS = ["--no-default-keywords", "-k", "t", "-k", "tn:1,2", "-k", "N_"]


def extract(pot: Path) -> None:
    subprocess.run(
        [
            "pybabel",
            "extract",
            "-F",
            "babel.cfg",
            *KEYWORDS,
            "--no-location",
            "--sort-output",
            "--project",
            "Migration Sub-Forum dashboard",
            "-o",
            str(pot),
            ".",
        ],
        cwd=REPO,
        check=True,
        capture_output=True,
    )


def main(argv: list[str]) -> int:
    cmd = argv[0] if argv else "check"
    with tempfile.TemporaryDirectory() as tmp:
        pot = Path(tmp) / "messages.pot"
        extract(pot)
        if cmd == "update":
            subprocess.run(
                ["pybabel", "update", "-i", str(pot), "-d", "locale", "--no-fuzzy-matching", "--ignore-obsolete"],
                cwd=REPO,
                check=True,
            )
            return 0
        if cmd == "pseudo":
            sys.path.insert(0, str(REPO))
            from devtools.pseudo_locale import DEFAULT_OUT, write_catalogue

            out = Path(argv[1]).resolve() if len(argv) > 1 else DEFAULT_OUT
            n = write_catalogue(pot, out)
            print(f"{n} messages -> {out}")
            print(f"DASHBOARD_PSEUDO_CATALOGUE={out} streamlit run app.py, then ?lang=en_XA")
            return 0
        if cmd == "init":
            subprocess.run(["pybabel", "init", "-i", str(pot), "-d", "locale", "-l", argv[1]], cwd=REPO, check=True)
            return 0
    sys.path.insert(0, str(REPO))
    from devtools.catalogue import catalogue_problems

    problems = catalogue_problems()
    for p in problems:
        print(p)
    print(f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
