"""Sections of the Year-over-year page."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from .. import keycharts, listwords, locale_rules, metrics, names
from ..chartdata import in_words
from ..comparison import basis_label, basis_text, change_parts, figure_with_others
from ..dataset import Dataset
from ..describe import describe
from ..formatting import format_year, join_clauses, md_emphasis, md_escape, sort_names
from ..i18n import get_language, t
from ..vocab import METRICS
from .charts import chart_block, download_csv
from .common import preferred_source_md
from .components import edition_label, two_edition_pickers


def pick_editions(ds: Dataset) -> tuple[int, int]:
    return two_edition_pickers(ds, st.columns(2))


def headline_table(ds: Dataset, a: int, b: int) -> pd.DataFrame:
    """Both editions' headline figures under the one comparison rule: a change only between reported
    figures (approximate when either is qualified), none for counts of names; every value another
    source gives shown beside the figure."""
    lang = get_language()
    c = metrics.compare_headline(ds, a, b)
    rows = []
    for r in c.itertuples():
        cmp_ = r.comparison
        change, relative = change_parts(cmp_, lang=lang)
        basis = basis_label(cmp_, lang=lang)
        rows.append(
            {
                t("Figure"): METRICS.label(r.metric, lang=lang),
                format_year(a, lang=lang): figure_with_others(cmp_.earlier, lang=lang),
                format_year(b, lang=lang): figure_with_others(cmp_.later, lang=lang),
                t("Change"): change,
                t("Relative change"): relative,
                t("Basis"): basis,
            }
        )
    df = pd.DataFrame(rows)
    # the same comparisons in one line each, their basis stated: readable on a phone, where the table scrolls
    st.markdown(
        "\n".join(
            t(
                "- **{term}**: {text}",
                term=METRICS.label(r.metric, lang=lang),
                text=md_escape(basis_text(r.comparison, lang=lang)),
            )
            for r in c.itertuples()
        )
    )
    st.dataframe(df, hide_index=True)
    st.caption(
        t(
            'A change is given only between reported figures; "about" marks an approximate change (one '
            "of the figures is qualified). Named speakers are counts of what the sources name, so no change "
            "is given. Values other sources give are shown in brackets."
        )
    )
    download_csv(df, f"headline-{a}-{b}")
    return df


def overlap_section(ds: Dataset, a: int, b: int) -> None:
    lang = get_language()
    for ptype, title in (
        ("country_or_region", t("Countries and regions")),
        ("international_organization", t("International organizations")),
    ):
        o = metrics.overlap_labelled(ds, a, b, ptype, lang=lang)
        st.markdown(f"**{title}**")
        if not o.complete.any():
            st.caption(listwords.overlap_note(ds, a, b, lang=lang))
        cols = st.columns(3)
        for col, status in zip(cols, metrics.OVERLAP_ORDER):
            sub = o[o.status == status]
            with col:
                label = metrics.overlap_labels_of(ds, a, b, bool(o.complete.any()), lang=lang)[status]
                st.markdown(t("*{label}* ({n})", label=label, n=len(sub)))
                st.markdown("\n".join(f"- {md_escape(n)}" for n in _names(sub, lang, ds, [a, b])) or "—")
        table = o[["code", "name_en", "name_zh", "status_label"]].rename(columns={"status_label": "status"})
        download_csv(in_words(table, lang), f"overlap-{ptype}-{a}-{b}")


def _names(frame, lang: str, ds: Dataset, editions: list[int]) -> list[str]:
    """Names in the reader's language and order ('China · 中国' for English readers; 中国、中国香港、秘鲁…
    for Chinese readers, without the English; international organizations in the order the official
    sources list them where the language's house style says so)."""
    rule = locale_rules.rules(lang)
    beside = rule.name_beside
    rows = list(frame.itertuples())
    if beside and beside != lang:
        return [f"{names.entity_form(r, lang)} · {names.entity_form(r, beside)}" for r in rows]
    if rule.organizations_as_listed and rows:  # countries are not in the organizations' order: pinyin
        rank = {c: i for i, c in enumerate(metrics.organization_order(ds, editions))}
        if all(r.code in rank for r in rows):
            return [names.entity_form(r, lang) for r in sorted(rows, key=lambda r: rank[r.code])]
    return sort_names((names.entity_form(r, lang) for r in rows), lang=lang)


def themes_side_by_side(ds: Dataset, a: int, b: int) -> None:
    lang = get_language()
    cols = st.columns(2)
    kinds = {"concept": t("Guiding concept"), "topic": t("Discussion topics"), "panel": t("Parallel panel sessions")}
    for col, ed in zip(cols, (a, b)):
        with col:
            st.markdown(f"**{edition_label(ds, ed)}**")
            theme = names.theme(ds, ed, lang=lang)
            st.markdown(md_emphasis(t("Theme"), lang=lang) + f"\n- {md_escape(theme)}")
            variants = [x for x in names.topic_texts(ds, ed, "theme", lang=lang) if x != theme]
            if variants:
                st.caption(
                    t("Other wording in a source: {v}", v=join_clauses((md_escape(v) for v in variants), lang=lang))
                )
            for kind, label in kinds.items():
                texts = names.topic_texts(ds, ed, kind, lang=lang)
                if texts:
                    if not names.topics_in_language(ds, ed, kind, lang):  # no source in the reader's language
                        label += t(" (as the English sources write them)")
                    st.markdown(md_emphasis(label, lang=lang) + "\n" + "\n".join(f"- {md_escape(x)}" for x in texts))
            if not names.topic_texts(ds, ed, "panel", lang=lang):
                st.caption(t("No parallel sessions are described in the sources found."))


def speakers_by_role(ds: Dataset, a: int, b: int) -> None:
    lang = get_language()
    chart = keycharts.roles(ds, [a, b], lang=lang)
    chart_block(
        chart.figure,
        chart.data,
        f"roles-{a}-{b}",
        preferred_source_md(ds, [a, b]),
        description=describe(chart, get_language()),
    )
