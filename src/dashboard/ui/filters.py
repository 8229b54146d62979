"""Sidebar filters shared across pages, each bound to a URL query parameter.

``?editions=2024,2025&region=142&etype=sovereign_state&role=plenary_speech`` restores a view. URLs
hold codes (regions by UN M49 code); old links with English region names still work.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from ..dataset import Dataset
from ..i18n import get_language, t
from ..vocab import ENTITY_TYPES, REGIONS, ROLES
from .components import edition_label
from .state import url_multiselect


@dataclass(frozen=True)
class Filters:
    editions: list[int]
    regions: list[str]  # UN M49 English names, as the data holds them
    entity_types: list[str]
    roles: list[str]


def sidebar_filters(ds: Dataset, show: tuple[str, ...] = ("editions", "region", "etype", "role")) -> Filters:
    """Render the requested filters in the sidebar; an empty selection means 'all'."""
    lang = get_language()
    present = set(ds.entities.region.unique())
    region_codes = [c for c in REGIONS.codes if REGIONS.english(c) in present]
    editions, regions, etypes, roles = ds.edition_ids, [], [], []
    with st.sidebar:
        st.markdown("**" + t("Filters") + "**")
        if "editions" in show:
            editions = (
                url_multiselect(
                    t("Editions"),
                    ds.edition_ids,
                    "editions",
                    ds.edition_ids,
                    format_func=lambda e: edition_label(ds, e),
                )
                or ds.edition_ids
            )
        if "region" in show:
            codes = url_multiselect(
                t("Region (UN M49)"),
                region_codes,
                "region",
                [],
                format_func=lambda c: REGIONS.label(c, lang=lang),
                parse=REGIONS.parse,
                placeholder=t("All regions"),
            )
            regions = [REGIONS.english(c) for c in codes]  # the data holds M49 English names
        if "etype" in show:
            etypes = url_multiselect(
                t("Type of country or region"),
                list(ENTITY_TYPES),
                "etype",
                [],
                format_func=lambda c: ENTITY_TYPES.label(c, lang=lang),
                placeholder=t("All types"),
            )
        if "role" in show:
            roles = url_multiselect(
                t("Role"),
                list(ROLES),
                "role",
                [],
                format_func=lambda c: ROLES.label(c, lang=lang),
                placeholder=t("All roles"),
            )
    return Filters(sorted(editions, key=ds.edition_ids.index), regions, etypes, roles)
