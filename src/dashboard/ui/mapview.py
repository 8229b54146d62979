"""Sections of the Map page. Geometry is prepared once per process (cache_resource); a rerun
only selects rows and sends the few simplified shapes of the identified participants."""

from __future__ import annotations

import html
from pathlib import Path

import pandas as pd
import streamlit as st

from .. import citations, keycharts, mapdata, metrics
from ..dataset import Dataset, load_geojson
from ..figures import PALETTE, edition_colors, region_map
from ..formatting import format_figure
from ..i18n import t
from ..paths import data_dir
from .charts import MAP_CONFIG, chart_block
from .common import preferred_source_md
from .components import edition_label, two_edition_pickers
from .state import url_selectbox

VIEWS = {"one": "One edition", "two": "Two editions", "regions": "Regions"}


@st.cache_resource(show_spinner=False, max_entries=4)
def geojson(data_folder: str, name: str) -> dict:
    """data/clean/geo/<name>.geojson, parsed once per process (prepared by geopandas in the build)."""
    return load_geojson(name, Path(data_folder))


def _view_label(view: str) -> str:
    return {"one": t("One edition"), "two": t("Two editions"), "regions": t("Regions")}[view]


def controls(ds: Dataset) -> tuple[str, int, int | None, bool]:
    eds = ds.edition_ids
    c1, c2, c3 = st.columns([2, 2, 2])
    with c1:
        view = url_selectbox(t("View"), list(VIEWS), "view", "one", format_func=_view_label)
    later = None
    if view == "two" and len(eds) > 1:
        earlier, later = two_edition_pickers(ds, (c2, c3), (eds[-2], eds[-1]))
    else:
        with c2:
            earlier = url_selectbox(t("Edition"), eds, "edition", eds[-1], format_func=lambda e: edition_label(ds, e))
    lines = False
    if view != "regions":
        with c3 if view == "one" else st.container():
            lines = st.toggle(t("Lines to the venue"), value=st.query_params.get("lines") == "1", key="map_lines",
                              on_change=_sync_lines)
    return view, earlier, later, lines


def _sync_lines() -> None:
    if st.session_state["map_lines"]:
        st.query_params["lines"] = "1"
    else:
        st.query_params.pop("lines", None)


def summary(ds: Dataset, frame: pd.DataFrame, editions: list[int]) -> None:
    cov = metrics.coverage(ds)
    cov = cov[(cov.metric == "countries_and_regions") & cov.edition.isin(editions)]
    parts = [t("{e}: {n} of {total} countries and regions identified", e=r.edition, n=r.identified,
               total=format_figure(r.reported, r.reported_qualifier)) for r in cov.itertuples()]
    drawn = int(frame.drawable.sum())
    st.markdown(" · ".join(parts) + "  \n" + t("On the map: {d} of {n} identified ({m} also as markers, being small).",
                                                d=drawn, n=len(frame), m=int(frame.marker.sum())))


def participants_map(ds: Dataset, earlier: int, later: int | None, lines: bool) -> pd.DataFrame:
    frame = mapdata.map_participants(ds, earlier, later)
    editions = [earlier] + ([later] if later else [])
    summary(ds, frame, editions)
    chart = keycharts.world_map(ds, geojson(str(data_dir()), "countries"), earlier, later, lines)
    chart_block(chart.figure, chart.data, chart.name, preferred_source_md(ds, editions), MAP_CONFIG)
    not_drawn = frame[~frame.drawable]
    if len(not_drawn):
        st.warning(t("Not drawn (no shape in Natural Earth 1:50m): {names}",
                     names=", ".join(f"{a} ({z})" for a, z in zip(not_drawn.name_en, not_drawn.name_zh))))
    else:
        st.caption(t("Every identified participant is drawn; small ones also as markers: {names}.",
                     names=", ".join(frame[frame.marker].name_en) or "—"))
    return frame


def region_view(ds: Dataset, edition: int) -> None:
    frame = mapdata.map_participants(ds, edition)
    summary(ds, frame, [edition])
    shares = mapdata.region_shares(frame)
    gj = geojson(str(data_dir()), "regions")
    color = edition_colors(ds.edition_ids).get(edition, PALETTE[0])
    credit = citations.list_credit(ds, [edition])
    fig = region_map(gj, shares, color, t("Identified participants by UN M49 sub-region, {y}", y=edition),
                     t("Share of the {n} identified countries and regions; not of the reported total", n=len(frame)),
                     t("Source: public sources cited per participant and the organizers' list {lists}. Regions: UN "
                       "M49; boundaries: Natural Earth.", lists=html.escape(credit)) if credit else
                     t("Source: public sources cited per participant. Regions: UN M49; boundaries: Natural Earth."))
    chart_block(fig, shares, f"regions-{edition}", preferred_source_md(ds, [edition]), MAP_CONFIG)


def footer_md(ds: Dataset, editions: list[int]) -> str:
    return preferred_source_md(ds, editions)
