"""A chart's data as a reader of the page's language reads it: in the "Table view" under each chart and
in its CSV download.

The figure builders return the data they draw with the data package's column names and codes
('edition', 'metric', 'countries_and_regions', 'Asia', True). English readers get it so, as analysts
expect; a language that reads data in words (:attr:`dashboard.locale_rules.Rules.readable_codes`:
Chinese) gets the columns named and the coded values labelled in that language (届次, 发言类型, 主旨演讲,
亚洲, 是), as the press kit's CSVs already do (:func:`dashboard.packaging.readable_data`). Values that
are not a vocabulary's codes (names, numbers, labels already translated) are left as they are.
"""

from __future__ import annotations

import pandas as pd

from .i18n import N_, t, translate_marked
from .locale_rules import rules
from .vocab import (
    ENTITY_TYPES,
    HOW_KNOWN,
    METRICS,
    MODES,
    ORGANIZATION_FAMILIES,
    ORGANIZATION_KINDS,
    QUALIFIERS,
    ROLES,
    SENIORITY,
    region_label,
)

# Column names of the charts' data, for languages that read data in words (the same msgids as the press
# kit's CSVs where the column is the same).
COLUMNS = {
    "edition": N_("edition"),
    "metric": N_("metric"),
    "reported": N_("reported"),
    "reported_qualifier": N_("reported qualifier"),
    "identified": N_("identified"),
    "unidentified": N_("not named in public sources"),
    "share_identified": N_("share identified"),
    "list_complete": N_("complete list"),
    "reported_source": N_("reported by"),
    "reported_source_link": N_("address of the source"),
    "region": N_("region"),
    "sub_region": N_("sub-region"),
    "count": N_("number"),
    "role": N_("role"),
    "code": N_("code"),
    "kind": N_("Kind"),
    "family": N_("Family"),
    "mode": N_("Mode"),
    "seniority": N_("Seniority"),
    "entity_type": N_("Type of country or region"),
    "how_known": N_("how known"),
    "people": N_("people"),
    "sources": N_("sources"),
    "sources_link": N_("address of the source"),
    "name": N_("name"),
    "name_en": N_("English name"),
    "name_zh": N_("Chinese name"),
    "status": N_("Status"),
}

# Coded columns and their vocabularies (a value that is not one of its codes is kept as it is).
CODED = {
    "metric": METRICS,
    "reported_qualifier": QUALIFIERS,
    "role": ROLES,
    "kind": ORGANIZATION_KINDS,
    "family": ORGANIZATION_FAMILIES,
    "mode": MODES,
    "seniority": SENIORITY,
    "entity_type": ENTITY_TYPES,
    "how_known": HOW_KNOWN,
}


def in_words(data: pd.DataFrame, lang: str) -> pd.DataFrame:
    """``data`` with columns named and codes labelled in ``lang`` where the language reads data in words;
    else ``data`` itself."""
    if not rules(lang).readable_codes:
        return data
    out = data.copy()
    for col, vocab in CODED.items():
        if col in out.columns:
            out[col] = out[col].map(
                lambda v, vocab=vocab: vocab.label(v, lang) if isinstance(v, str) and v in vocab else v
            )
    for col in ("region", "sub_region"):
        if col in out.columns:
            out[col] = out[col].map(lambda v: region_label(v, lang) if isinstance(v, str) and v else v)
    for col in out.columns:
        if out[col].dtype == bool:
            out[col] = out[col].map(lambda v: t("yes", lang=lang) if v else t("no", lang=lang))
    return out.rename(columns={c: translate_marked(COLUMNS[c], lang) for c in out.columns if c in COLUMNS})
