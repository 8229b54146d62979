"""Sections of the Map page. Geometry is prepared by the build's geometry step; the browser fetches
the worldview's topojson once from the app, and a rerun sends only codes, colours and hover text
(the Regions view adds the outlines of the few sub-regions concerned)."""

from __future__ import annotations

import html
from pathlib import Path

import pandas as pd
import streamlit as st

from .. import citations, keycharts, mapdata, metrics, provenance, worldview
from ..dataset import Dataset, load_geojson
from ..describe import describe, describe_region_shares
from ..errors import DataError
from ..figures import MAP_ASPECT, REGION_COLORS, map_chrome_px, region_map
from ..formatting import format_figure, md_escape, sort_names
from ..i18n import get_language, t
from ..locale_rules import series
from ..names import entity_form
from ..paths import data_dir
from ..vocab import region_label
from .charts import MAP_CONFIG, chart_px, download_csv, fitted
from .chrome import plotly_locale
from .common import preferred_source_md
from .components import edition_picker, two_edition_pickers
from .state import url_selectbox

VIEWS = ("one", "two", "regions")


@st.cache_resource(show_spinner=False, max_entries=4)
def geojson(data_folder: str, name: str) -> dict:
    """data/clean/geo/<name>.geojson, parsed once per process (prepared by geopandas in the build)."""
    return load_geojson(name, Path(data_folder))


def _view_label(view: str) -> str:
    return {"one": t("One edition"), "two": t("Two editions"), "regions": t("Regions")}[view]


def current_worldview() -> str:
    """The worldview of this view: URL parameter ``worldview`` (cn, ne), else the deployment's
    ``DASHBOARD_WORLDVIEW``, else China's standard map."""
    lang = get_language()
    value = st.query_params.get(worldview.PARAM)
    try:
        code, valid = worldview.from_param(value)
    except DataError as exc:
        st.error(str(exc))
        st.stop()
    if not valid:
        st.warning(
            t(
                "Unknown map setting “{value}” in the link (use cn or ne); showing {label}.",
                value=md_escape(value),
                label=worldview.label(code, lang=lang),
            )
        )
    return code


# The chart's height follows its width (container query units): the world keeps its aspect ratio and
# the frame has no empty band, from a 390 px phone to a desktop. Streamlit sizes a plotly chart with
# height="stretch" to its container. The figure's own top and bottom margins (its lines of text) are added.
def map_css(chrome_px: int) -> str:
    return (
        f"<style>div.st-key-map-outer{{container-type:inline-size}}"
        f"div.st-key-map-outer div.st-key-map-frame{{height:calc({MAP_ASPECT * 100:.2f}cqw + {chrome_px}px)"
        f" !important;min-height:0 !important;flex:none !important;overflow:hidden}}</style>"
    )


def map_chart(fig, key: str, config: dict) -> None:
    """A map figure in a frame whose height follows its width; its title, subtitle and source line
    wrapped for the width it is drawn at (figures.fit_text, dashboard.ui.viewport)."""
    fig = fitted(fig, chart_px())
    st.html(map_css(map_chrome_px(fig)))
    with st.container(key="map-outer"):
        with st.container(key="map-frame"):
            st.plotly_chart(fig, key=key, config={**config, **plotly_locale(get_language())}, height="stretch")


def map_block(fig, data: pd.DataFrame, name: str, source_md: str, config: dict, description: str = "") -> None:
    """chart_block for maps: the map (height follows width), the table of the data drawn, the
    sources and a CSV download."""
    map_chart(fig, f"chart-{name}", config)
    if description:  # what the map shows in words (dashboard.describe): its text alternative
        st.caption(md_escape(description))
    table = st.expander(t("Table view: the data drawn"), key=f"table-{name}", on_change="rerun")
    if table.open:  # sent only when opened (see charts.chart_block)
        table.dataframe(data, hide_index=True)
    st.caption(source_md)
    download_csv(data, name)


def map_config(code: str) -> dict:
    """plotly config: the worldview's topojson, served by the app (never plotly's CDN)."""
    return {**MAP_CONFIG, "topojsonURL": worldview.topojson_url(code)}


def worldview_note(code: str) -> None:
    """The map in use and a switch to the other one, in this tab: a link opening a new tab would lose the
    lists imported into this session, and Streamlit's page links ignore a link to the page already shown,
    so the switch is a link-styled button that changes the URL's ``worldview`` and reruns."""
    lang = get_language()
    other = "ne" if code == "cn" else "cn"
    st.caption(t("Map: {label}.", label=worldview.label(code, lang=lang)))
    st.button(
        t("Also available: {other}", other=worldview.label(other, lang=lang)),
        key="worldview-switch",
        type="tertiary",
        icon=":material/map:",
        on_click=_switch_worldview,
        args=(other,),
    )


def _switch_worldview(other: str) -> None:
    st.query_params[worldview.PARAM] = other


def controls(ds: Dataset) -> tuple[str, int, int | None, bool]:
    eds = ds.edition_ids
    c1, c2, c3 = st.columns([2, 2, 2])
    with c1:
        view = url_selectbox(t("View"), list(VIEWS), "view", "one", format_func=_view_label)
    later = None
    if view == "two" and len(eds) > 1:
        earlier, later = two_edition_pickers(ds, (c2, c3))
    else:
        with c2:
            earlier = edition_picker(ds)
    lines = False
    if view != "regions":
        with c3 if view == "one" else st.container():
            lines = st.toggle(
                t("Lines to the venue"),
                value=st.query_params.get("lines") == "1",
                key="map_lines",
                on_change=_sync_lines,
            )
    return view, earlier, later, lines


def _sync_lines() -> None:
    if st.session_state["map_lines"]:
        st.query_params["lines"] = "1"
    else:
        st.query_params.pop("lines", None)


def summary(ds: Dataset, frame: pd.DataFrame, editions: list[int]) -> None:
    lang = get_language()
    cov = metrics.coverage(ds)
    cov = cov[(cov.metric == "countries_and_regions") & cov.edition.isin(editions)]
    parts = [
        t(
            "{e}: {n} of {total} countries and regions identified",
            e=r.edition,
            n=r.identified,
            total=format_figure(r.reported, r.reported_qualifier, lang=lang),
        )
        for r in cov.itertuples()
    ]
    drawn = int(frame.drawable.sum())
    list_only = int((frame.origin == provenance.LIST).sum())
    st.markdown(
        " · ".join(parts)
        + "  \n"
        + (
            t(
                "On the map: {d} of {n} identified, {l} of them only in the organizer's list ({m} also as markers, "
                "being small).",
                d=drawn,
                n=len(frame),
                l=list_only,
                m=int(frame.marker.sum()),
            )
            if list_only
            else t(
                "On the map: {d} of {n} identified ({m} also as markers, being small).",
                d=drawn,
                n=len(frame),
                m=int(frame.marker.sum()),
            )
        )
    )


def participants_map(ds: Dataset, earlier: int, later: int | None, lines: bool, code: str) -> pd.DataFrame:
    lang = get_language()
    frame = mapdata.map_participants(ds, earlier, later, code, lang=lang)
    editions = [earlier] + ([later] if later else [])
    summary(ds, frame, editions)
    chart = keycharts.world_map(ds, earlier, later, lines, code, lang=lang)
    map_block(
        chart.figure,
        chart.data,
        chart.name,
        preferred_source_md(ds, editions),
        map_config(code),
        description=describe(chart, get_language()),
    )
    worldview_note(code)
    not_drawn = frame[~frame.drawable]
    if len(not_drawn):
        st.warning(
            t(
                "Not drawn (no shape on this map): {names}",
                names=series((entity_form(r, lang) for r in not_drawn.itertuples()), lang),
            )
        )
    else:
        st.caption(
            t(
                "Every identified participant is drawn; small ones also as markers: {names}.",
                names=series(
                    sort_names((entity_form(r, lang) for r in frame[frame.marker].itertuples()), lang=lang), lang
                )
                or "—",
            )
        )
    return frame


def region_view(ds: Dataset, edition: int, code: str) -> None:
    lang = get_language()
    frame = mapdata.map_participants(ds, edition, worldview=code, lang=lang)
    summary(ds, frame, [edition])
    shares = mapdata.region_shares(frame, lang=lang)
    outlines = mapdata.geojson_subset(geojson(str(data_dir()), f"{code}/regions"), shares.sub_region, "sub_region")
    credit = citations.list_credit(ds, [edition], lang=lang)
    fig = region_map(
        frame,
        outlines,
        REGION_COLORS,
        t("Identified participants by UN M49 region, {y}", y=edition),
        t(
            "Identified countries and regions filled by region; their sub-regions outlined. {n} "
            "identified; not the reported total.",
            n=len(frame),
        ),
        (
            t(
                "Source: public sources cited per participant and the organizers' list {lists}. Regions: UN M49.",
                lists=html.escape(credit),
            )
            if credit
            else t("Source: public sources cited per participant. Regions: UN M49.")
        )
        + " "
        + worldview.source_text(code, lang=lang),
        code,
        lang=lang,
    )
    map_block(
        fig,
        shares,
        f"regions-{edition}",
        preferred_source_md(ds, [edition]),
        map_config(code),
        description=describe_region_shares(
            shares, edition, get_language(), int((frame.origin == provenance.LIST).sum())
        ),
    )
    worldview_note(code)
    st.markdown(
        "\n".join(
            t(
                "- **{sub}** ({region}): {names}",
                sub=md_escape(region_label(r.sub_region, lang)),
                region=md_escape(region_label(r.region, lang)),
                names=md_escape(r.participants),
            )
            for r in shares.itertuples()
        )
    )


def footer_md(ds: Dataset, editions: list[int]) -> str:
    return preferred_source_md(ds, editions)
