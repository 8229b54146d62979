"""International organizations: per edition, across editions, by kind; unnamed slots shown."""

import streamlit as st

from dashboard.i18n import t
from dashboard.ui import organizations
from dashboard.ui.common import preferred_source_md
from dashboard.ui.filters import sidebar_filters
from dashboard.ui.layout import footer, page_dataset

ds = page_dataset()
f = sidebar_filters(ds, ("editions",))
st.title(t("International organizations"))

organizations.unnamed_statements(ds, f.editions)
organizations.coverage(ds, f.editions)
organizations.matrix_chart(ds, f.editions)

st.subheader(t("By kind of organization"))
organizations.by_kind(ds, f.editions)

footer(preferred_source_md(ds, f.editions))
