"""The key charts, each with exactly the data it draws: used by the pages and the press kit,
so an exported chart is the chart on screen."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from . import geo, mapdata, metrics
from .dataset import Dataset
from .figures import STATUS_COLORS_FIXED, coverage_chart, edition_colors, grouped_bars, participation_map
from .formatting import format_figure
from .i18n import t
from .schema import ROLES

ROLE_LABELS = {
    "opening_speech": "Opening speech", "welcome_speech": "Welcome speech", "keynote": "Keynote",
    "video_address": "Video address", "plenary_speech": "Plenary speech",
    "parallel_session": "Parallel-session contribution", "other": "Other",
}
WHAT = {"countries_and_regions": "countries and regions", "international_organizations": "international organizations"}
COVERAGE_SOURCE = "Source: chair's statements (reported); public sources (identified)."


@dataclass
class Chart:
    name: str
    figure: go.Figure
    data: pd.DataFrame


def styles(ds: Dataset, editions: list[int]) -> tuple[dict[int, str], dict[int, str]]:
    colors = edition_colors(ds.edition_ids)
    return {e: str(e) for e in editions}, {e: colors[e] for e in editions}


def coverage_subtitle(ds: Dataset, editions: list[int], metric: str = "countries_and_regions") -> str:
    cov = metrics.coverage(ds)
    cov = cov[(cov.metric == metric) & cov.edition.isin(editions)]
    return "; ".join(t("{e}: {n} of {total} identified", e=r.edition, n=r.identified,
                       total=format_figure(r.reported, r.reported_qualifier)) for r in cov.itertuples())


def coverage(ds: Dataset, editions: list[int], metric: str) -> Chart:
    cov = metrics.coverage(ds)
    cov = cov[(cov.metric == metric) & cov.edition.isin(editions)]
    labels, colors = styles(ds, editions)
    return Chart(f"coverage-{metric.replace('_', '-')}",
                 coverage_chart(cov, labels, colors, t(WHAT[metric]), t(COVERAGE_SOURCE)), cov)


def regions(ds: Dataset, editions: list[int], level: str = "region", data: pd.DataFrame | None = None) -> Chart:
    data = metrics.by_region(ds, editions, level) if data is None else data
    cats = sorted(c for c in data[level].unique() if c != metrics.NOT_NAMED) + [metrics.NOT_NAMED]
    labels, colors = styles(ds, editions)
    what = t("region") if level == "region" else t("sub-region")
    fig = grouped_bars(data, level, {c: t(c) for c in cats}, editions, labels, colors,
                       t("Identified countries and regions by UN M49 {what}", what=what),
                       coverage_subtitle(ds, editions),
                       t("Source: public sources cited per participant; totals from the chair's statements"),
                       muted=(metrics.NOT_NAMED,))
    return Chart(f"countries-by-{level.replace('_', '-')}", fig, data[["edition", level, "count", "identified"]])


def by_category(ds: Dataset, people: pd.DataFrame, editions: list[int], column: str, order, labels: dict,
                title: str, name: str) -> Chart:
    counts = metrics.count_by(people, column, editions, tuple(order))
    ed_labels, colors = styles(ds, editions)
    fig = grouped_bars(counts, column, {k: t(labels[k]) for k in order}, editions, ed_labels, colors, title,
                       t("People the public sources mention; not a complete list"),
                       t("Source: chair's statements and news items (data/clean/people.csv)"))
    return Chart(name, fig, counts)


def roles(ds: Dataset, editions: list[int], people: pd.DataFrame | None = None) -> Chart:
    sp = metrics.speakers(ds, editions) if people is None else people
    return by_category(ds, sp, editions, "role", ROLES, ROLE_LABELS, t("People named in the sources, by role"),
                       "speakers-by-role")


def world_map(ds: Dataset, boundaries, earlier: int, later: int | None = None, lines: bool = False,
              geojson: dict | None = None) -> Chart:
    frame = mapdata.map_participants(ds, boundaries, earlier, later)
    editions = [earlier] + ([later] if later else [])
    if geojson is None:
        drawn = boundaries[boundaries.code.isin(frame[frame.drawable].code)]
        geojson = geo.to_geojson(geo.simplified(drawn, 0.05, 0.01), "code")
    colors = edition_colors(ds.edition_ids)
    if later is None:
        status_colors = {"identified": colors[earlier]}
        labels = {"identified": t("Identified in {y} sources", y=earlier)}
        title = t("Countries and regions named in public sources, {y}", y=earlier)
    else:
        status_colors = {"both": STATUS_COLORS_FIXED["both"], "only_earlier": colors[earlier],
                         "only_later": colors[later]}
        complete = bool(ds.editions.set_index("edition").loc[[earlier, later], "participant_list_complete"].all())
        labels = metrics.overlap_labels(earlier, later, complete)
        title = t("Countries and regions named in public sources, {a} and {b}", a=earlier, b=later)
    fig = participation_map(
        frame, geojson, mapdata.venues(ds, editions), status_colors, labels, title,
        t("Identified participants only; public sources name part of the participants. Stars: venues."),
        t("Source: public sources cited per participant. Boundaries: Natural Earth 1:50m (public domain)."),
        lines=lines)
    data = frame.drop(columns=["people_text", "sources_text", "how_text"]).assign(
        how_known=frame.how_text, people=frame.people_text.str.replace("<br>", "; "),
        sources=frame.sources_text.str.replace("<br>", "; "))
    return Chart(f"map-{'-'.join(map(str, editions))}", fig, data)
