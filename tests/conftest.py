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


def pytest_sessionstart(session) -> None:
    """Generate the large corpus files that are not committed (a 1.1 MB CSV of 50,001 rows)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_corpus", FIXTURES / "registrations" / "make_corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.ensure_generated()


def make_fixture_data(dest: Path) -> Path:
    """A data folder of synthetic editions only (2098 and 2099, tests/fixtures/synthetic/), with the
    real reference tables: every count in it is known, so unit tests assert known answers and not
    counts of the real data (those are checked in tests/test_real_data.py)."""
    data = dest / "data"
    shutil.copytree(REPO / "data" / "reference", data / "reference")
    (data / "raw" / "editions").mkdir(parents=True)
    for year in (2098, 2099):
        shutil.copy(FIXTURES / "synthetic" / f"{year}.yaml", data / "raw" / "editions" / f"{year}.yaml")
    shutil.copy(FIXTURES / "synthetic" / "sources_extra.yaml", data / "raw" / "sources.yaml")
    shutil.copy(FIXTURES / "synthetic" / "conflicts.yaml", data / "raw" / "conflicts.yaml")
    return data


@pytest.fixture(scope="session")
def fixture_data(tmp_path_factory) -> Path:
    """The synthetic-only data folder, built; shared by the unit tests that assert counts."""
    from dashboard.build import build, write_atomically
    from dashboard.paths import clean_dir

    data = make_fixture_data(tmp_path_factory.mktemp("fixture"))
    write_atomically(build(data), clean_dir(data))
    return data


@pytest.fixture(scope="session")
def fixture_ds(fixture_data):
    from dashboard.dataset import load_clean

    return load_clean(fixture_data)


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
