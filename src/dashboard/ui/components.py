"""Widgets shared by pages: edition picker, headline tiles, source links."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from .. import citations, locale_rules, metrics, provenance
from ..comparison import change_brief, others_text
from ..dataset import Dataset
from ..formatting import (
    format_edition_label,
    format_figure_short,
    format_figure_unit,
    join_clauses,
    md_escape,
)
from ..i18n import get_language, t
from ..memo import per_dataset
from ..names import edition_city, edition_row
from ..vocab import METRICS
from .state import url_selectbox


def edition_label(ds: Dataset, edition: int, lang: str | None = None) -> str:
    """'2025 · Lianyungang (edition 2)' in ``lang`` (default: the page's language)."""
    return _edition_label(ds, edition, lang or get_language())


@per_dataset
def _edition_label(ds: Dataset, edition: int, lang: str) -> str:
    row = edition_row(ds, edition)
    return format_edition_label(edition, edition_city(row, lang=lang), int(row.number), lang=lang)


def latest_editions(ds: Dataset, n: int = 2) -> list[int]:
    """The ``n`` latest editions, oldest first: what every page opens on (one edition: the latest;
    two: the latest two), so a new edition is shown by default without a code change."""
    return list(ds.edition_ids[-n:])


def edition_picker(ds: Dataset, param: str = "edition", label: str | None = None) -> int:
    """A select box bound to the URL (?edition=<year>); defaults to the latest edition."""
    options = ds.edition_ids
    lang = get_language()  # a select box may call format_func outside the page's run
    default = options[-1]
    return url_selectbox(
        label or t("Edition"), options, param, default, format_func=lambda e: edition_label(ds, e, lang)
    )


def two_edition_pickers(ds: Dataset, columns) -> tuple[int, int]:
    """'Earlier' and 'later' edition pickers bound to ?a= and ?b=, in two given columns, defaulting
    to the latest two editions; returned in the order the editions were held. Stops the page with a
    hint when both are the same."""
    eds = ds.edition_ids
    default = (eds[-2], eds[-1]) if len(eds) > 1 else (eds[-1], eds[-1])
    lang = get_language()  # a select box may call format_func outside the page's run
    with columns[0]:
        a = url_selectbox(t("Earlier edition"), eds, "a", default[0], format_func=lambda e: edition_label(ds, e, lang))
    with columns[1]:
        b = url_selectbox(t("Later edition"), eds, "b", default[1], format_func=lambda e: edition_label(ds, e, lang))
    if a == b:
        st.info(t("Choose two different editions to compare."))
        st.stop()
    return (a, b) if eds.index(a) < eds.index(b) else (b, a)


def source_links(ds: Dataset, source_ids: str | list[str], claim: str = citations.FIGURES, every: bool = False) -> str:
    """Markdown links to the (at most three) strongest sources for a claim, each with its readable
    label (publisher, short title, date, language), data text escaped; in the page's language.
    ``every``: all of them, strongest first (the Sources page itself, which the note on the rest
    would otherwise point to)."""
    return _source_links(ds, source_ids, claim, get_language(), every)


@per_dataset
def _source_links(ds: Dataset, source_ids: str | list[str], claim: str, lang: str, every: bool = False) -> str:
    ids = source_ids if isinstance(source_ids, str) else "|".join(source_ids)
    best = citations.strongest(ds, ids, claim, prefer=tuple(ds.editions.preferred_source_id), limit=None, lang=lang)
    links = join_clauses(
        (
            f"[{md_escape(citations.label(ds, s, lang=lang))}]({citations.url(ds, s)})"
            for s in (best if every else best[: citations.MAX_REFERENCES])
        ),
        lang=lang,
    )
    rest = 0 if every else len(best) - citations.MAX_REFERENCES
    if rest > 0:
        links += " " + md_escape(t("(+{n} more on the Sources page)", lang=lang, n=rest))
    return links


# Streamlit cuts a tile's delta line with an ellipsis ("较上届（2024年：约300）…" in a quarter of 1440 px):
# the delta wraps instead, in every language and at every width, so the previous edition's figure and the
# change are always read in full. Chinese wraps at its punctuation, not inside a word ('…约300人）' /
# '减少约60人', not '…减' / '少约60人'): keep-all, with a break anywhere only where a part would not fit.
METRIC_DELTA_CSS = (
    '<style>[data-testid="stMetricDelta"]{max-width:100%;height:auto !important}'
    '[data-testid="stMetricDelta"] [data-testid="stMarkdownContainer"],[data-testid="stMetricDelta"] p'
    "{white-space:normal !important;overflow:visible !important;text-overflow:clip !important;"
    "word-break:keep-all;overflow-wrap:anywhere}</style>"
)


def headline_tiles(ds: Dataset, edition: int) -> None:
    """One tile per headline metric. The change from the previous edition follows the one
    comparison rule: none for counts of what the sources name (both counts shown instead), '≈' for
    an approximate change, every conflicting value under the figure."""
    lang = get_language()
    st.html(METRIC_DELTA_CSS)
    head = metrics.headline(ds)
    head = head[head.edition == edition]
    # an organizers' list loaded for this edition: the identified counts credit it
    credit = citations.list_credit(ds, [edition], lang=lang)
    identified = metrics.coverage(ds).set_index(["edition", "metric"])["identified"]
    cols = st.columns(len(head))
    for col, r in zip(cols, head.itertuples()):
        value = format_figure_short(r.value, r.qualifier, r.metric, lang=lang)
        now = metrics.stated(ds, edition, r.metric)
        delta, help_, arrow = None, None, "off"
        c = metrics.compare(ds, int(r.previous_edition), edition, r.metric) if not pd.isna(r.previous_edition) else None
        if c is not None and c.has_change:
            delta = t(
                "{change} vs {prev} ({prev_value})",
                change=change_brief(c, lang, r.metric),
                prev=int(r.previous_edition),
                prev_value=format_figure_unit(c.earlier.value, c.earlier.qualifier, r.metric, lang=lang),
            )
            arrow = "up" if c.delta > 0 else "down" if c.delta < 0 else "off"
        if r.basis == "reported":
            fig = ds.reported_figures
            row = fig[(fig.edition == edition) & (fig.metric == r.metric) & (fig.source_id == r.source_id)].iloc[0]
            label = citations.label(ds, r.source_id, lang=lang)
            if locale_rules.may_quote(citations.source_language(ds, r.source_id), lang):
                help_ = t('"{as_written}" — {source}', as_written=row.as_written, source=label)
            else:  # a source in another language: its figure in the page's words, not a foreign quote
                help_ = t(
                    "{figure} — {source}",
                    figure=format_figure_unit(r.value, r.qualifier, r.metric, lang=lang),
                    source=label,
                )
        elif r.basis == "identified":
            help_ = t(
                "People named as speakers in public sources: a count of what the sources say, not a "
                "reported total, so no change between editions is given."
            )
        else:
            help_ = t("No source reports this figure.")
        with col:
            st.metric(
                METRICS.label(r.metric, lang=lang),
                value,
                delta=delta,
                delta_color="off",
                delta_arrow=arrow,
                help=help_,
                border=True,
            )
            if r.basis == "identified":
                caption = t("{value} named in sources, not a reported total", value=value)
                if c is not None:
                    caption += "  \n" + t(
                        "{year}: {n} named in sources",
                        year=int(r.previous_edition),
                        n=format_figure_unit(c.earlier.value, None, r.metric, lang=lang),
                    )
                st.caption(caption)
            elif r.basis == "reported":
                st.caption(
                    t(
                        "**{figure}**, as reported by {source}",
                        figure=format_figure_unit(r.value, r.qualifier, r.metric, lang=lang),
                        source=md_escape(citations.publisher(ds, r.source_id, lang=lang)),
                    )
                )
            if now.others:
                st.caption(t("Other sources give {others}", others=others_text(now, lang=lang)))
            origin = provenance.counts(ds, edition, r.metric) if (edition, r.metric) in identified.index else None
            if credit and origin is not None and origin.list_only:
                st.caption(
                    t(
                        "{n} identified: {p} in public sources, {l} only in the organizer's list {lists}",
                        n=int(identified.loc[(edition, r.metric)]),
                        p=origin.public,
                        l=origin.list_only,
                        lists=md_escape(credit),
                    )
                )
