"""The key charts, each with exactly the data it draws: used by the pages and the press kit,
so an exported chart is the chart on screen."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from . import mapdata, metrics
from .dataset import Dataset
from .memo import per_dataset
from .figures import STATUS_COLORS_FIXED, coverage_chart, edition_colors, grouped_bars, participation_map
from .formatting import format_figure
from .i18n import t
from .schema import ROLES
from .worldview import DEFAULT, source_text

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


@per_dataset
def coverage_subtitle(ds: Dataset, editions: list[int], metric: str = "countries_and_regions") -> str:
    cov = metrics.coverage(ds)
    cov = cov[(cov.metric == metric) & cov.edition.isin(editions)]
    return "; ".join(t("{e}: {n} of {total} identified", e=r.edition, n=r.identified,
                       total=format_figure(r.reported, r.reported_qualifier)) for r in cov.itertuples())


@per_dataset
def coverage(ds: Dataset, editions: list[int], metric: str) -> Chart:
    cov = metrics.coverage(ds)
    cov = cov[(cov.metric == metric) & cov.edition.isin(editions)]
    labels, colors = styles(ds, editions)
    return Chart(f"coverage-{metric.replace('_', '-')}",
                 coverage_chart(cov, labels, colors, t(WHAT[metric]), t(COVERAGE_SOURCE)), cov)


@per_dataset
def regions(ds: Dataset, editions: list[int], level: str = "region", region_filter: tuple[str, ...] = (),
            type_filter: tuple[str, ...] = ()) -> Chart:
    """Identified countries and regions per M49 region or sub-region; the filters recount the
    identified ones (the unidentified remainder has no region and is kept as it is)."""
    data = metrics.by_region(ds, editions, level)
    if region_filter or type_filter:
        tab = metrics.participants_table(ds, editions)
        if region_filter:
            tab = tab[tab.region.isin(region_filter)]
        if type_filter:
            tab = tab[tab.entity_type.isin(type_filter)]
        ident = tab.groupby(["edition", level]).code.nunique().rename("count").reset_index().assign(identified=True)
        data = pd.concat([ident, data[~data.identified]], ignore_index=True)
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


def roles(ds: Dataset, editions: list[int]) -> Chart:
    return people_chart(ds, editions, "role")


PEOPLE_CHARTS = {  # column -> (categories, labels, title, chart name)
    "role": (ROLES, ROLE_LABELS, "People named in the sources, by role", "speakers-by-role"),
    "mode": (("in_person", "video", "not_stated"), {"in_person": "In person", "video": "By video",
                                                    "not_stated": "Not stated"},
             "In person or by video", "speakers-by-mode"),
    "seniority": (("minister", "head_of_institution", "senior_official", "official", "not_derivable"),
                  {"minister": "Minister or equivalent", "head_of_institution": "Head of institution",
                   "senior_official": "Senior official", "official": "Official",
                   "not_derivable": "Not derivable from the title"},
                  "Seniority (derived from titles)", "speakers-by-seniority"),
}
ORGANIZATION_REGION = "International organization"


def filtered_people(ds: Dataset, editions: list[int], roles: tuple[str, ...] = (),
                    regions: tuple[str, ...] = ()) -> pd.DataFrame:
    sp = metrics.speakers(ds, editions, list(roles) or None)
    if regions:
        sp = sp[sp.region.isin(regions)]
    return sp


@per_dataset
def people_chart(ds: Dataset, editions: list[int], column: str, roles: tuple[str, ...] = (),
                 regions: tuple[str, ...] = ()) -> Chart:
    """People per role, mode, seniority or region of whom they represent, per edition."""
    sp = filtered_people(ds, editions, roles, regions)
    if column == "region":
        sp = sp.assign(region=sp.region.replace("", ORGANIZATION_REGION).fillna(ORGANIZATION_REGION))
        order = tuple(sorted(set(sp.region)))
        return by_category(ds, sp, editions, "region", order, {r: r for r in order},
                           t("Whom speakers represent, by region"), "speakers-by-region")
    order, labels, title, name = PEOPLE_CHARTS[column]
    return by_category(ds, sp, editions, column, order, labels, t(title), name)


def world_map(ds: Dataset, earlier: int, later: int | None = None, lines: bool = False,
              worldview: str = DEFAULT) -> Chart:
    """The participants' map in a worldview; the figure carries codes only, the shapes come from the
    worldview's topojson (served by the app, read from disk by the export)."""
    frame = mapdata.map_participants(ds, earlier, later, worldview)
    editions = [earlier] + ([later] if later else [])
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
        frame, mapdata.venues(ds, editions), status_colors, labels, {e: colors[e] for e in editions}, title,
        t("Identified participants only; public sources name part of the participants. Stars: venues."),
        t("Source: public sources cited per participant.") + " " + source_text(worldview),
        worldview, lines=lines)
    data = frame.drop(columns=["people_text", "sources_text", "how_text"]).assign(
        how_known=frame.how_text, people=frame.people_text.str.replace("<br>", "; "),
        sources=frame.sources_text.str.replace("<br>", "; "), worldview=worldview)
    return Chart(f"map-{'-'.join(map(str, editions))}", fig, data)
