"""The layers are enforced by tools, run here so `.ci/run` (which runs the test command) fails on a
violation: import-linter contracts (pyproject.toml, [tool.importlinter]) and ruff (lint and format).
One test breaks a contract on purpose, in a copy of the package, to show the check can fail."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def tool(name: str) -> str:
    path = BIN / name
    if not path.exists():
        pytest.fail(f"{name} is not installed: run the README's test install command")
    return str(path)


def run(cmd: list[str], cwd: Path = REPO, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, env={**os.environ, **(env or {})}, timeout=300)


def test_import_contracts_are_kept():
    res = run([tool("lint-imports"), "--no-cache"])
    assert res.returncode == 0, res.stdout[-4000:] + res.stderr[-2000:]


def test_a_broken_contract_fails(tmp_path):
    """Copy the package, make a core module import Streamlit, and lint-imports must say BROKEN."""
    src = tmp_path / "src"
    shutil.copytree(REPO / "src" / "dashboard", src / "dashboard", ignore=shutil.ignore_patterns("__pycache__"))
    metrics = src / "dashboard" / "metrics.py"
    metrics.write_text("import streamlit  # noqa: F401\n" + metrics.read_text(encoding="utf-8"), encoding="utf-8")
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    res = run([tool("lint-imports"), "--no-cache"], cwd=tmp_path, env={"PYTHONPATH": str(src)})
    assert res.returncode != 0
    assert "dashboard.metrics" in res.stdout and "BROKEN" in res.stdout


def test_ruff_lint():
    res = run([tool("ruff"), "check", "--no-cache", "."])
    assert res.returncode == 0, res.stdout[-4000:]


def test_ruff_format():
    res = run([tool("ruff"), "format", "--no-cache", "--check", "."])
    assert res.returncode == 0, "run `ruff format .`:\n" + res.stdout[-4000:]


def test_pages_do_not_repeat_set_up():
    """Set-up lives in the frame (app.py -> run_frame); a page only asks for its dataset."""
    for page in sorted((REPO / "pages").glob("*.py")):
        text = page.read_text(encoding="utf-8")
        assert "set_page_config" not in text and "run_frame" not in text, page.name
        assert "page_dataset()" in text, page.name


def test_a_summary_import_cycle_fails(tmp_path):
    """Copy the package, make the facts import a renderer (a cycle through the package): the summary
    layers contract must say BROKEN."""
    src = tmp_path / "src"
    shutil.copytree(REPO / "src" / "dashboard", src / "dashboard", ignore=shutil.ignore_patterns("__pycache__"))
    facts = src / "dashboard" / "summary" / "facts.py"
    text = facts.read_text(encoding="utf-8")
    facts.write_text(
        text.replace("from .model import", "from . import render_en  # noqa: F401\nfrom .model import"),
        encoding="utf-8",
    )
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    res = run([tool("lint-imports"), "--no-cache"], cwd=tmp_path, env={"PYTHONPATH": str(src)})
    assert res.returncode != 0
    assert "dashboard.summary.facts" in res.stdout and "BROKEN" in res.stdout
