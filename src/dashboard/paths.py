"""Where the project's data lives.

The package is installed in editable mode (requirements.txt ends with ``-e .``),
so the repository root is two levels above this file. ``DASHBOARD_DATA_DIR``
points the app and the build at another data folder (tests use it for
synthetic editions that must never ship).
"""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]


def data_dir() -> Path:
    env = os.environ.get("DASHBOARD_DATA_DIR")
    return Path(env).resolve() if env else REPO_ROOT / "data"


def raw_dir(base: Path | None = None) -> Path:
    return (base or data_dir()) / "raw"


def reference_dir(base: Path | None = None) -> Path:
    return (base or data_dir()) / "reference"


def clean_dir(base: Path | None = None) -> Path:
    return (base or data_dir()) / "clean"


def rel(path: Path, base: Path | None = None) -> str:
    """A path as the user would type it: relative to the data folder's parent when possible."""
    root = (base or data_dir()).parent
    try:
        return str(Path(path).resolve().relative_to(root.resolve()))
    except ValueError:
        return str(path)
