"""Helpers shared by the analysis pages."""


from __future__ import annotations

import pandas as pd

from ..dataset import Dataset
from ..i18n import t
from .components import source_links


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
