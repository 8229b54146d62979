"""The README cannot drift from the code: its page table is checked against ``PAGES`` and its code
layout against the modules that exist (as datasette tests its documentation)."""

from __future__ import annotations

import re
from pathlib import Path

from dashboard.i18n import N_  # noqa: F401  (the titles below are the msgids of PAGES)
from dashboard.ui.layout import PAGES

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text(encoding="utf-8")


def repository_files() -> list[str]:
    """The repository's files as git lists them (tracked and new, not ignored): never the 22,000
    files of a virtual environment inside the clone."""
    import subprocess

    out = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    )
    return out.stdout.splitlines()


def section(title: str) -> str:
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## )", README, flags=re.S | re.M)
    assert match, f"README has no section '## {title}'"
    return match.group(1)


def page_rows() -> list[list[str]]:
    rows = [line for line in section("Pages").splitlines() if line.startswith("| ") and "---" not in line]
    return [[c.strip() for c in row.strip("|").split("|")] for row in rows[1:]]


def test_page_table_lists_every_page_with_its_file_url_and_state():
    rows = page_rows()
    assert len(rows) == len(PAGES)
    for spec, row in zip(PAGES, rows):
        first, _what, state = row
        assert first.startswith(spec.title), (spec.title, first)
        assert f"`{spec.path}`" in first, (spec.path, first)
        url = "/" if spec is PAGES[0] else f"/{spec.url_path}"
        assert f"`{url}`" in first, (url, first)
        documented = set(re.findall(r"`([a-z]+)`", state))
        assert documented == set(spec.params), (spec.title, documented, spec.params)


def test_code_layout_names_every_module_and_only_existing_ones():
    layout = section("Code layout")
    modules = {p.name for p in (REPO / "src" / "dashboard").rglob("*.py") if p.name != "__init__.py"}
    missing = sorted(m for m in modules if m not in layout)
    assert not missing, f"README code layout does not mention: {missing}"
    named = set(re.findall(r"\b([a-z_]+\.py)\b", layout))
    tracked = {Path(p).name for p in repository_files()}
    stale = sorted(n for n in named if n not in tracked)
    assert not stale, f"README code layout names files that do not exist: {stale}"


def test_the_start_command_is_what_the_browser_tests_and_benchmarks_serve():
    """The README's start command runs serve.py (app.py with the early shell); the browser tests and the
    benchmarks start the same file by default (devtools.harness.APP)."""
    from devtools.harness import APP

    start = re.search(r"\*\*Install and start the dashboard\*\*\n\n```bash\n(.*?)\n```", section("Two commands"), re.S)
    assert start, "README: no start command"
    script = re.search(r"streamlit run (\S+)$", start.group(1))
    assert script and (REPO / script.group(1)) == APP and APP.exists(), start.group(1)
