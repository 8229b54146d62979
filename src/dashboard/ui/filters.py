"""Sidebar filters shared across pages, each bound to a URL query parameter.

``?editions=2024,2025&region=Asia&etype=sovereign_state&role=plenary_speech`` restores a view.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from ..dataset import Dataset
from ..i18n import t
from ..keycharts import ENTITY_TYPE_LABELS, ROLE_LABELS
from ..reference import ENTITY_TYPES
from ..schema import ROLES
from .components import edition_label
from .state import url_multiselect

__all__ = ["ENTITY_TYPE_LABELS", "Filters", "sidebar_filters"]


@dataclass(frozen=True)
class Filters:
    editions: list[int]
    regions: list[str]
    entity_types: list[str]
    roles: list[str]


def sidebar_filters(ds: Dataset, show: tuple[str, ...] = ("editions", "region", "etype", "role")) -> Filters:
    """Render the requested filters in the sidebar; an empty selection means 'all'."""
    regions_all = sorted(r for r in ds.entities.region.unique() if r)
    editions, regions, etypes, roles = ds.edition_ids, [], [], []
    with st.sidebar:
        st.markdown(f"**{t('Filters')}**")
        if "editions" in show:
            editions = url_multiselect(t("Editions"), ds.edition_ids, "editions", ds.edition_ids,
                                       format_func=lambda e: edition_label(ds, e)) or ds.edition_ids
        if "region" in show:
            regions = url_multiselect(t("Region (UN M49)"), regions_all, "region", [], format_func=t,
                                      placeholder=t("All regions"))
        if "etype" in show:
            etypes = url_multiselect(t("Type of country or region"), list(ENTITY_TYPES), "etype", [],
                                     format_func=lambda v: t(ENTITY_TYPE_LABELS[v]), placeholder=t("All types"))
        if "role" in show:
            roles = url_multiselect(t("Role"), list(ROLES), "role", [], format_func=lambda v: t(ROLE_LABELS[v]),
                                    placeholder=t("All roles"))
    return Filters(sorted(editions, key=ds.edition_ids.index), regions, etypes, roles)
