"""Sections of the Year-over-year page."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from .. import names, metrics
from ..dataset import Dataset
from .. import keycharts
from ..formatting import format_figure, format_percent, format_signed, join_clauses, md_escape
from ..i18n import t
from ..vocab import METRICS
from .charts import chart_block, download_csv
from .common import preferred_source_md
from .components import edition_label, two_edition_pickers


def pick_editions(ds: Dataset) -> tuple[int, int]:
    eds = ds.edition_ids
    return two_edition_pickers(ds, st.columns(2), (eds[0], eds[min(1, len(eds) - 1)]))


def headline_table(ds: Dataset, a: int, b: int) -> pd.DataFrame:
    c = metrics.compare_headline(ds, a, b)
    rows = []
    for r in c.itertuples():
        approx = "≈ " if r.change_is_approximate else ""
        rows.append({
            t("Figure"): METRICS.label(r.metric),
            str(a): format_figure(r.earlier_value, r.earlier_qualifier),
            str(b): format_figure(r.later_value, r.later_qualifier),
            t("Change"): approx + format_signed(r.change) if r.change is not None and r.change == r.change else "—",
            t("Relative change"): approx + format_percent(r.relative_change),
            t("Basis"): t("reported (chair's statements)") if r.basis == "reported"
            else t("named in public sources (not a reported total)"),
        })
    df = pd.DataFrame(rows)
    st.dataframe(df, hide_index=True)
    st.caption(t("≈: at least one of the two figures is approximate (\"about\", \"more than\"), so the change is "
                 "approximate too."))
    download_csv(df, f"headline-{a}-{b}")
    return df


def overlap_section(ds: Dataset, a: int, b: int) -> None:
    for ptype, title in (("country_or_region", t("Countries and regions")),
                         ("international_organization", t("International organizations"))):
        o = metrics.overlap(ds, a, b, ptype)
        st.markdown(f"**{title}**")
        if not o.complete.any():
            st.caption(t("Neither list is complete: a participant missing from one edition's sources may still "
                         "have attended, so this only compares what the sources name."))
        cols = st.columns(3)
        for col, status in zip(cols, metrics.OVERLAP_ORDER):
            sub = o[o.status == status]
            with col:
                label = metrics.overlap_labels(a, b, bool(o.complete.any()))[status]
                st.markdown(f"*{label}* ({len(sub)})")
                st.markdown("\n".join(f"- {md_escape(n)} · {md_escape(z)}" for n, z in zip(sub.name_en, sub.name_zh))
                            or "—")
        table = o[["code", "name_en", "name_zh", "status_label"]].rename(columns={"status_label": "status"})
        download_csv(table, f"overlap-{ptype}-{a}-{b}")


def themes_side_by_side(ds: Dataset, a: int, b: int) -> None:
    cols = st.columns(2)
    kinds = {"concept": t("Guiding concept"), "topic": t("Discussion topics"), "panel": t("Parallel panel sessions")}
    for col, ed in zip(cols, (a, b)):
        with col:
            st.markdown(f"**{edition_label(ds, ed)}**")
            theme = names.theme(ds, ed)
            st.markdown("*" + t("Theme") + f"*\n- {md_escape(theme)}")
            variants = [x for x in names.topic_texts(ds, ed, "theme") if x != theme]
            if variants:
                st.caption(t("Other wording in a source: {v}", v=join_clauses(md_escape(v) for v in variants)))
            for kind, label in kinds.items():
                texts = names.topic_texts(ds, ed, kind)
                if texts:
                    st.markdown(f"*{label}*\n" + "\n".join(f"- {md_escape(x)}" for x in texts))
            if not names.topic_texts(ds, ed, "panel"):
                st.caption(t("No parallel sessions are described in the sources found."))


def speakers_by_role(ds: Dataset, a: int, b: int) -> None:
    chart = keycharts.roles(ds, [a, b])
    chart_block(chart.figure, chart.data, f"roles-{a}-{b}", preferred_source_md(ds, [a, b]))
