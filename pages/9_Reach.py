"""Reach: which groupings and regions came, who came back and at what level, which organizations,
whom to invite next time; the outcomes and side events of each edition."""

import streamlit as st

from dashboard.i18n import get_language, t
from dashboard.ui import reach
from dashboard.ui.common import preferred_source_md
from dashboard.ui.filters import sidebar_filters
from dashboard.ui.layout import footer, page_dataset

ds = page_dataset()
lang = get_language()
f = sidebar_filters(ds, ("editions",))
st.title(t("Reach"))
st.caption(reach.page_caption(ds, f.editions))

st.subheader(t("Groupings"))
grouping = reach.pick_grouping(ds, lang)
reach.answer(ds, grouping, f.editions, lang)
reach.members(ds, grouping, f.editions, lang)
reach.members_map(ds, grouping, f.editions, lang)
st.markdown("**" + t("Every grouping, every edition") + "**")
reach.matrix(ds, f.editions, lang)
reach.membership_sources(ds, lang)
reach.shares(ds, f.editions, lang)

st.subheader(t("Who came back"))
reach.continuity(ds, f.editions, lang)

st.subheader(t("Level of the delegations"))
reach.levels(ds, f.editions, lang)

st.subheader(t("International organizations by family"))
reach.organizations(ds, f.editions, lang)

st.subheader(t("Invitation worksheet"))
reach.invitation_worksheet(ds, f.editions, lang)

st.subheader(t("Outcomes and side events"))
reach.outcomes(ds, f.editions, lang)

footer(preferred_source_md(ds, f.editions))
