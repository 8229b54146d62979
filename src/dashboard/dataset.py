"""Load ``data/clean`` into typed pandas frames for the app.

Types come from :data:`dashboard.tables.TABLES` (the same spec that writes the
data package). A missing or malformed file raises :class:`DataError` naming the
file, so the app can show a clear message instead of a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pandas as pd

from .errors import DataError
from .paths import clean_dir, rel
from .reference import read_csv_checked
from .tables import TABLES


@dataclass(frozen=True, eq=False)  # identity equality: results are memoised per dataset object
class Dataset:
    editions: pd.DataFrame
    sources: pd.DataFrame
    reported_figures: pd.DataFrame
    participation: pd.DataFrame
    people: pd.DataFrame
    topics: pd.DataFrame
    outcomes: pd.DataFrame
    side_events: pd.DataFrame
    conflicts: pd.DataFrame
    entities: pd.DataFrame
    country_points: pd.DataFrame
    organizations: pd.DataFrame
    grouping_sources: pd.DataFrame
    groupings: pd.DataFrame
    grouping_members: pd.DataFrame

    @property
    def edition_ids(self) -> list[int]:
        """Editions in the order they were held (by number); a new list each time, so a caller may
        change it."""
        return list(self._edition_ids)

    @cached_property
    def _edition_ids(self) -> tuple[int, ...]:  # the frames are never mutated (see dashboard.memo)
        return tuple(self.editions.sort_values("number")["edition"].astype(int).tolist())


def _typed(df: pd.DataFrame, table: str, file: str) -> pd.DataFrame:
    out = df.copy()
    for fl in TABLES[table]["fields"]:
        col, typ = fl["name"], fl["type"]
        s = out[col]
        try:
            if typ == "integer":
                out[col] = pd.to_numeric(s.replace("", None), errors="raise").astype("Int64")
            elif typ == "number":
                out[col] = pd.to_numeric(s.replace("", None), errors="raise").astype(float)
            elif typ == "boolean":
                bad = ~s.isin(["true", "false"])
                if bad.any():
                    raise ValueError(f"expected true/false, found {s[bad].iloc[0]!r}")
                out[col] = s == "true"
        except (ValueError, TypeError) as exc:
            raise DataError.single(file, "", col, f"wrong type (expected {typ}): {exc}") from exc
    return out


def read_table(table: str, base: Path | None = None) -> pd.DataFrame:
    path = clean_dir(base) / f"{table}.csv"
    df = read_csv_checked(
        path, [fl["name"] for fl in TABLES[table]["fields"]], base, hint=": run `python -m dashboard.build`"
    )
    return _typed(df, table, rel(path, base))


def load_geojson(name: str, base: Path | None = None) -> dict:
    """data/clean/geo/<name>.geojson (built by geopandas in the build; the app only reads it)."""
    import json

    path = clean_dir(base) / "geo" / f"{name}.geojson"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise DataError.single(rel(path, base), "", "", f"cannot be read: {exc}") from exc


def load_clean(base: Path | None = None) -> Dataset:
    return Dataset(**{name: read_table(name, base) for name in TABLES})
