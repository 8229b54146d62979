"""Widgets shared by pages: edition picker, headline tiles, source links."""

from __future__ import annotations

import streamlit as st

from .. import metrics
from ..dataset import Dataset
from ..formatting import format_figure, format_figure_short, format_signed, md_escape
from ..i18n import t
from ..names import edition_city
from ..vocab import METRICS
from .state import url_selectbox



def edition_label(ds: Dataset, edition: int) -> str:
    row = ds.editions.set_index("edition").loc[edition]
    return t("{year} · {city} (edition {n})", year=edition, city=edition_city(row), n=int(row.number))


def edition_picker(ds: Dataset, param: str = "edition", label: str | None = None, default: int | None = None) -> int:
    """A select box bound to the URL (?edition=2025); defaults to the latest edition."""
    options = ds.edition_ids
    default = default if default in options else options[-1]
    return url_selectbox(label or t("Edition"), options, param, default, format_func=lambda e: edition_label(ds, e))


def two_edition_pickers(ds: Dataset, columns, default: tuple[int, int]) -> tuple[int, int]:
    """'Earlier' and 'later' edition pickers bound to ?a= and ?b=, in two given columns; returned in
    the order the editions were held. Stops the page with a hint when both are the same."""
    eds = ds.edition_ids
    with columns[0]:
        a = url_selectbox(t("Earlier edition"), eds, "a", default[0], format_func=lambda e: edition_label(ds, e))
    with columns[1]:
        b = url_selectbox(t("Later edition"), eds, "b", default[1], format_func=lambda e: edition_label(ds, e))
    if a == b:
        st.info(t("Choose two different editions to compare."))
        st.stop()
    return (a, b) if eds.index(a) < eds.index(b) else (b, a)


def source_links(ds: Dataset, source_ids: str | list[str], with_title: bool = False) -> str:
    """Markdown links '[Publisher (language)](url)' for a list of source ids, data text escaped."""
    src = metrics.sources_for(ds, source_ids)
    def text(r) -> str:
        label = f"{r.publisher}: {r.title}" if with_title else r.publisher
        return md_escape(f"{label} ({r.language})")
    return "; ".join(f"[{text(r)}]({r.url})" for r in src.itertuples())


def headline_tiles(ds: Dataset, edition: int) -> None:
    head = metrics.headline(ds)
    head = head[head.edition == edition]
    cols = st.columns(len(head))
    for col, r in zip(cols, head.itertuples()):
        value = format_figure_short(r.value, r.qualifier)
        delta, help_, arrow = None, None, "off"
        if r.change is not None and r.change == r.change:
            approx = "≈ " if r.change_is_approximate else ""
            delta = t("{approx}{change} vs {prev} ({prev_value})", approx=approx, change=format_signed(r.change),
                      prev=int(r.previous_edition), prev_value=format_figure(r.previous_value, r.previous_qualifier))
            arrow = "up" if r.change > 0 else "down" if r.change < 0 else "off"
        if r.basis == "reported":
            fig = ds.reported_figures
            row = fig[(fig.edition == edition) & (fig.metric == r.metric) & (fig.source_id == r.source_id)].iloc[0]
            src = metrics.sources_for(ds, r.source_id).iloc[0]
            help_ = t('"{as_written}" — {publisher}, {title}', as_written=row.as_written, publisher=src.publisher,
                      title=src.title)
        elif r.basis == "identified":
            help_ = t("People named as speakers in public sources; not a reported total, so the change "
                      "between editions reflects what the sources say as much as the forum.")
        else:
            help_ = t("No source reports this figure.")
        with col:
            st.metric(METRICS.label(r.metric), value, delta=delta, delta_color="off", delta_arrow=arrow,
                      help=help_, border=True)
            if r.basis == "identified":
                st.caption(t("{value}: identified in sources, not a reported total", value=value))
            elif r.basis == "reported":
                st.caption(t("**{figure}**, as reported by {source}", figure=format_figure(r.value, r.qualifier),
                             source=md_escape(metrics.sources_for(ds, r.source_id).iloc[0].publisher)))
