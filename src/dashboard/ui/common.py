"""Helpers shared by the analysis pages."""

from __future__ import annotations

import pandas as pd

from .. import metrics
from ..dataset import Dataset
from ..figures import edition_colors
from ..i18n import t
from .components import source_links


def edition_styles(ds: Dataset, editions: list[int]) -> tuple[dict[int, str], dict[int, str]]:
    """Labels and colours per edition; colours are fixed by the edition's place among all editions."""
    colors = edition_colors(ds.edition_ids)
    return {e: str(e) for e in editions}, {e: colors[e] for e in editions}


def first_source_urls(ds: Dataset, source_ids: pd.Series) -> pd.Series:
    url = ds.sources.set_index("id")["url"]
    return source_ids.map(lambda ids: url.get(ids.split("|")[0], ""))


def publishers(ds: Dataset, source_ids: pd.Series) -> pd.Series:
    pub = ds.sources.set_index("id")
    return source_ids.map(lambda ids: "; ".join(f"{pub.loc[i, 'publisher']} ({pub.loc[i, 'language']})"
                                                for i in ids.split("|") if i in pub.index))


def preferred_source_md(ds: Dataset, editions: list[int]) -> str:
    ids = ds.editions[ds.editions.edition.isin(editions)].sort_values("number")["preferred_source_id"]
    return t("Sources: {links}; identified participants: the public sources cited in each row.",
             links=source_links(ds, list(ids)))


def coverage_subtitle(ds: Dataset, editions: list[int], metric: str = "countries_and_regions") -> str:
    cov = metrics.coverage(ds)
    cov = cov[(cov.metric == metric) & cov.edition.isin(editions)]
    from ..formatting import format_figure

    parts = [t("{e}: {n} of {total} identified", e=r.edition, n=r.identified,
               total=format_figure(r.reported, r.reported_qualifier)) for r in cov.itertuples()]
    return "; ".join(parts)
