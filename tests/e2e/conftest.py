"""Fixtures for real-browser tests: one streamlit server and one headless Chromium per module.

Skipped with a clear reason when Chromium or Playwright is missing; `.ci/run`
installs Debian's chromium so CI runs them.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from .harness import CHROMIUM_ARGS, REPO, chromium_path, streamlit_server

ARTIFACTS = Path(os.environ.get("E2E_ARTIFACTS", REPO / "artifacts" / "e2e"))


@pytest.fixture(scope="session")
def browser():
    exe = chromium_path()
    if not exe:
        pytest.skip("Chromium not found (apt-get install chromium, or set CHROMIUM_PATH); e2e tests skipped")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("playwright is not installed (pip install -r requirements-dev.txt)")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=exe, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture
def fresh_server():
    """A newly started server per test: deep links must work on a fresh server."""
    with streamlit_server(env_extra={"DASHBOARD_DATA_DIR": str(REPO / "data")}) as srv:
        yield srv
