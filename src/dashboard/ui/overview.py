"""Sections of the Overview page."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from .. import citations, keycharts, listwords, metrics, names, provenance
from ..comparison import figure_with_others
from ..dataset import Dataset
from ..describe import describe
from ..formatting import format_date_range, format_figure, format_figure_unit, md_escape
from ..i18n import get_language, t
from ..vocab import METRIC_NOUNS, METRICS, SCOPES
from .charts import chart_block
from .common import preferred_source_md
from .components import edition_label, source_links


def edition_header(ds: Dataset, edition: int) -> None:
    lang = get_language()
    e = names.edition_row(ds, edition)
    st.markdown(
        t(
            "**{name}**  \n{dates} · {city}, {province} · {host}",
            name=md_escape(names.edition_name(e, lang=lang)),
            dates=format_date_range(e.start_date, e.end_date, lang=lang),
            city=md_escape(names.edition_city(e, lang=lang)),
            province=md_escape(names.edition_province(e, lang=lang)),
            host=t("hosted by {host}", host=md_escape(names.edition_host(e, lang=lang))),
        )
    )
    theme = names.theme(ds, edition, lang=lang)
    if theme:
        st.markdown(t("Theme: *{theme}*", theme=md_escape(theme)))


def coverage_sentences(ds: Dataset, edition: int) -> list[str]:
    lang = get_language()
    cov = metrics.coverage(ds)
    # an organizers' list that is not complete, credited where it adds participants
    credit = md_escape(citations.list_credit(ds, [edition], lang=lang))
    out = []
    for r in cov[cov.edition == edition].itertuples():
        origin = provenance.counts(ds, edition, r.metric)
        if r.list_complete:
            out.append(
                t("Complete list loaded: {n} {what}.", n=r.identified, what=METRIC_NOUNS.label(r.metric, lang=lang))
            )
        elif credit and origin.list_only and r.reported is None:
            out.append(
                t(
                    "{n} {what} identified: {p} in public sources, {l} only in the organizer's list {lists}; no "
                    "source reports a total.",
                    n=r.identified,
                    what=METRIC_NOUNS.label(r.metric, lang=lang),
                    p=origin.public,
                    l=origin.list_only,
                    lists=credit,
                )
            )
        elif credit and origin.list_only:
            out.append(
                t(
                    "{n} of {total} {what} identified: {p} in public sources, {l} only in the organizer's list "
                    "{lists}.",
                    n=r.identified,
                    total=format_figure(r.reported, r.reported_qualifier, lang=lang),
                    what=METRIC_NOUNS.label(r.metric, lang=lang),
                    p=origin.public,
                    l=origin.list_only,
                    lists=credit,
                )
            )
        elif r.reported is None:
            out.append(
                t(
                    "{n} {what} named in public sources; no source reports a total.",
                    n=r.identified,
                    what=METRIC_NOUNS.label(r.metric, lang=lang),
                )
            )
        else:
            out.append(
                t(
                    "{n} of {total} {what} named in public sources.",
                    n=r.identified,
                    total=format_figure(r.reported, r.reported_qualifier, lang=lang),
                    what=METRIC_NOUNS.label(r.metric, lang=lang),
                )
            )
    return out


def coverage_heading(ds: Dataset, edition: int) -> None:
    """The section's heading says whose coverage it shows: an organizer's list that adds participants too."""
    if provenance.list_adds(ds, [edition]):
        st.subheader(t("Coverage of the public sources and the organizer's list"))
    else:
        st.subheader(t("Coverage of the public sources"))


def coverage_section(ds: Dataset, edition: int) -> None:
    lang = get_language()
    for s in coverage_sentences(ds, edition):
        st.markdown(f"- {s}")
    if len(ds.edition_ids) > 1:
        st.caption(t("The two charts below show every edition, whichever edition is chosen above."))
    cols = st.columns(2)
    for col, metric in zip(cols, metrics.IDENTIFIED_FOR):
        chart = keycharts.coverage(ds, ds.edition_ids, metric, lang=lang)
        with col:
            chart_block(
                chart.figure,
                chart.data,
                chart.name,
                preferred_source_md(ds, ds.edition_ids),
                description=describe(chart, get_language()),
                share=0.5,  # one of two columns
            )


def conflicts_section(ds: Dataset, edition: int) -> None:
    lang = get_language()
    conf = metrics.figure_conflicts(ds, edition)
    if conf.empty:
        st.markdown(t("The sources found agree on every headline figure of this edition."))
    for metric, grp in conf.groupby("metric", sort=False):
        lines = []
        for r in grp.itertuples():
            mark = t(" — **preferred** (official chair's statement)") if r.is_preferred else ""
            lines.append(
                t(
                    "- **{value}**{mark}: {sources}",
                    value=format_figure_unit(r.value, r.qualifier, metric, lang=lang),
                    mark=mark,
                    sources=source_links(ds, r.source_ids),
                )
            )
        st.markdown(f"**{METRICS.label(metric, lang=lang)}**\n" + "\n".join(lines))
    notes = ds.conflicts[(ds.conflicts.edition == edition)]
    if len(notes):
        with st.expander(t("All recorded conflicts for {year} ({n})", year=edition, n=len(notes))):
            for r in notes.itertuples():
                st.markdown(
                    t(
                        "**{id}** ({scope}) {issue}: {detail}  \n{sources}",
                        id=r.id,
                        scope=SCOPES.label(r.scope, lang=lang),
                        issue=md_escape(citations.readable_text(ds, names.conflict_issue(r, lang=lang), lang=lang)),
                        detail=md_escape(citations.readable_text(ds, names.conflict_detail(r, lang=lang), lang=lang)),
                        sources=source_links(ds, r.source_ids),
                    )
                )


def editions_table(ds: Dataset) -> None:
    lang = get_language()
    rows = []
    for e in ds.editions.sort_values("number").itertuples():
        row = {
            t("Edition"): edition_label(ds, e.edition),
            t("Dates"): format_date_range(e.start_date, e.end_date, lang=lang),
            t("Theme"): names.theme(ds, e.edition, lang=lang),
        }
        for m in METRICS:
            row[METRICS.label(m, lang=lang)] = figure_with_others(metrics.stated(ds, e.edition, m), lang=lang)
        row[t("Complete participant list")] = t("yes") if e.participant_list_complete else t("no (public sources only)")
        rows.append(row)
    st.dataframe(pd.DataFrame(rows), hide_index=True)


def source_line(ds: Dataset) -> str:
    ids = ds.editions.sort_values("number")["preferred_source_id"].tolist()
    return t("Sources: {links}. Other sources are cited beside each figure.", links=source_links(ds, ids))


def page_caption(ds: Dataset) -> str:
    """The page's subtitle: public sources, and the organizer's list when one adds participants."""
    return listwords.overview_caption(ds, lang=get_language())
