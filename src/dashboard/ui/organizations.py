"""Sections of the International-organizations page."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from .. import keycharts, listwords, metrics
from ..chartdata import in_words
from ..dataset import Dataset
from ..describe import describe
from ..formatting import format_figure
from ..i18n import get_language, t, tn
from ..vocab import ORGANIZATION_KINDS
from .charts import chart_block, download_csv
from .common import preferred_source_md


def unnamed_statements(ds: Dataset, editions: list[int]) -> None:
    lang = get_language()
    slots = metrics.unnamed_slots(ds)
    for r in slots[slots.edition.isin(editions)].itertuples():
        with_list = listwords.adds(ds, [r.edition])  # an organizer's list adds participants to this edition
        if pd.isna(r.reported) and with_list:
            st.markdown(
                tn(
                    "- **{e}**: {n} international organization named in public sources and the organizer's list; "
                    "no source reports a total.",
                    "- **{e}**: {n} international organizations named in public sources and the organizer's "
                    "list; no source reports a total.",
                    int(r.identified),
                    lang=lang,
                    e=r.edition,
                )
            )
        elif pd.isna(r.reported):  # no source reports a total (yet): what is named, and no remainder
            st.markdown(
                tn(
                    "- **{e}**: {n} international organization named in public sources; no source reports a total.",
                    "- **{e}**: {n} international organizations named in public sources; no source reports a total.",
                    int(r.identified),
                    lang=lang,
                    e=r.edition,
                )
            )
        elif r.unidentified and with_list:
            st.markdown(
                t(
                    "- **{e}**: {n} of {total} international organizations named neither in public sources nor "
                    "in the organizer's list.",
                    e=r.edition,
                    n=int(r.unidentified),
                    total=format_figure(r.reported, r.reported_qualifier, lang=lang),
                )
            )
        elif r.unidentified:
            st.markdown(
                t(
                    "- **{e}**: {n} of {total} international organizations not named in public sources.",
                    e=r.edition,
                    n=int(r.unidentified),
                    total=format_figure(r.reported, r.reported_qualifier, lang=lang),
                )
            )
        else:
            st.markdown(
                t(
                    "- **{e}**: all {total} international organizations are named.",
                    e=r.edition,
                    total=format_figure(r.reported, r.reported_qualifier, lang=lang),
                )
            )


def matrix_chart(ds: Dataset, editions: list[int]) -> None:
    lang = get_language()
    chart = keycharts.organizations_matrix(ds, editions, lang=lang)
    chart_block(
        chart.figure,
        chart.data,
        chart.name,
        preferred_source_md(ds, editions),
        description=describe(chart, get_language()),
    )


def coverage(ds: Dataset, editions: list[int]) -> None:
    lang = get_language()
    chart = keycharts.coverage(ds, editions, "international_organizations", lang=lang)
    chart_block(
        chart.figure,
        chart.data,
        chart.name,
        preferred_source_md(ds, editions),
        description=describe(chart, get_language()),
    )


def by_kind(ds: Dataset, editions: list[int]) -> None:
    lang = get_language()
    m = metrics.organization_matrix(ds, editions)
    rows = [
        {"edition": e, "kind": k, "count": int(m[m.kind == k][e].sum())} for e in editions for k in ORGANIZATION_KINDS
    ]
    df = pd.DataFrame(rows)
    df = df[df["count"] > 0]
    shown = pd.DataFrame(
        {
            t("Edition"): df["edition"],
            t("Kind"): df.kind.map(lambda c: ORGANIZATION_KINDS.label(c, lang=lang)),
            t("Number"): df["count"],
        }
    )
    st.dataframe(shown, hide_index=True, column_config={t("Edition"): st.column_config.NumberColumn(format="%d")})
    download_csv(in_words(df, lang), "organizations-by-kind")
