"""Shared fixtures: copies of the data folder, with or without the synthetic third edition.

Tests never touch the repository's data/: they build into a temporary copy and
point the app at it with DASHBOARD_DATA_DIR.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"


def copy_data(dest: Path, with_clean: bool = True) -> Path:
    data = dest / "data"
    for sub in ("raw", "reference") + (("clean",) if with_clean else ()):
        shutil.copytree(REPO / "data" / sub, data / sub)
    return data


def add_synthetic_edition(data: Path) -> None:
    """Add the synthetic 2099 edition (test data only) and its synthetic source."""
    shutil.copy(FIXTURES / "synthetic" / "2099.yaml", data / "raw" / "editions" / "2099.yaml")
    src = data / "raw" / "sources.yaml"
    src.write_text(
        src.read_text(encoding="utf-8") + (FIXTURES / "synthetic" / "sources_extra.yaml").read_text(encoding="utf-8"),
        encoding="utf-8",
    )


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    return copy_data(tmp_path)


@pytest.fixture(scope="session")
def synthetic_data(tmp_path_factory) -> Path:
    """A data folder with three editions, built; shared by the page tests."""
    from dashboard.build import build, write_atomically
    from dashboard.paths import clean_dir

    data = copy_data(tmp_path_factory.mktemp("synthetic"), with_clean=False)
    add_synthetic_edition(data)
    write_atomically(build(data), clean_dir(data))
    return data


@pytest.fixture(scope="session")
def dataset():
    from dashboard.dataset import load_clean

    return load_clean(REPO / "data")


@pytest.fixture(scope="module")
def index(dataset):
    """The alias index the registration validator matches names with."""
    from dashboard.harmonize import AliasIndex

    return AliasIndex(dataset.entities, dataset.organizations)


def registration_frame(rows: list[dict]):
    """A read registration list as validation receives it: every column, rows numbered from 2 (the
    spreadsheet row under the header)."""
    import pandas as pd

    from dashboard.registrations import common as C

    df = pd.DataFrame(rows)
    for col in C.COLUMNS:
        if col not in df.columns:
            df[col] = None
    df["row"] = range(2, 2 + len(df))
    return df[["row"] + C.COLUMNS]
