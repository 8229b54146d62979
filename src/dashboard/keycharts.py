"""The key charts, each with exactly the data it draws: used by the pages and the press kit,
so an exported chart is the chart on screen."""

from __future__ import annotations

import html
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from . import citations, listwords, locale_rules, mapdata, metrics, names, provenance
from .dataset import Dataset
from .figures import (
    STATUS_COLORS_FIXED,
    TICK_CHARS,
    coverage_chart,
    edition_colors,
    grouped_bars,
    participation_map,
    presence_matrix,
)
from .formatting import format_figure, format_year, join_clauses
from .i18n import t, tn
from .memo import per_dataset
from .textwidth import wrap_balanced_br
from .vocab import (
    ENTITY_TYPES,
    METRIC_NOUNS,
    MODES,
    ORGANIZATION_GROUP,
    ORGANIZATION_KINDS,
    ROLES,
    SENIORITY,
    SPEAKING_ROLES,
    Vocab,
    region_label,
)
from .worldview import DEFAULT, source_text


@dataclass
class Chart:
    name: str
    figure: go.Figure
    data: pd.DataFrame
    list_only: int = 0  # participants drawn that only an organizer's list names (a map's description says so)


def styles(ds: Dataset, editions: list[int], lang: str) -> tuple[dict[int, str], dict[int, str]]:
    """Each edition's legend name ('2025' / '2025年') and colour."""
    colors = edition_colors(ds.edition_ids)
    return {e: format_year(e, lang=lang) for e in editions}, {e: colors[e] for e in editions}


@per_dataset
def coverage_subtitle(ds: Dataset, editions: list[int], metric: str = "countries_and_regions", *, lang: str) -> str:
    cov = metrics.coverage(ds)
    cov = cov[(cov.metric == metric) & cov.edition.isin(editions)]
    return join_clauses(
        (
            t(
                "{e}: {n} of {total} identified",
                e=r.edition,
                n=r.identified,
                total=format_figure(r.reported, r.reported_qualifier, lang=lang),
                lang=lang,
            )
            for r in cov.itertuples()
        ),
        lang=lang,
    )


@per_dataset
def coverage(ds: Dataset, editions: list[int], metric: str, *, lang: str) -> Chart:
    cov = metrics.coverage(ds)
    cov = cov[(cov.metric == metric) & cov.edition.isin(editions)]
    _, colors = styles(ds, editions, lang)
    labels = {e: str(e) for e in editions}  # the bare year: the catalogue's "{edition} · reported {total}" adds 年
    credit = citations.list_credit(ds, editions, lang=lang)
    return Chart(
        f"coverage-{metric.replace('_', '-')}",
        coverage_chart(
            cov,
            labels,
            colors,
            METRIC_NOUNS.label(metric, lang=lang),
            (
                t(
                    "Source: chair's statements (reported); identified: public sources and the organizers' list "
                    "{lists}.",
                    lists=html.escape(credit),
                    lang=lang,
                )
                if credit
                else t("Source: chair's statements (reported); public sources (identified).", lang=lang)
            ),
            lang=lang,
            with_list=bool(credit),
        ),
        citations.reader_sources(ds, cov, citations.FIGURES, lang=lang),
        sum(provenance.counts(ds, e, metric).list_only for e in editions),
    )


@per_dataset
def regions(
    ds: Dataset,
    editions: list[int],
    level: str = "region",
    region_filter: tuple[str, ...] = (),
    type_filter: tuple[str, ...] = (),
    *,
    lang: str,
) -> Chart:
    """Identified countries and regions per M49 region or sub-region; the filters recount the
    identified ones (the unidentified remainder has no region and is kept as it is)."""
    data = metrics.by_region(ds, editions, level)
    subtitle = coverage_subtitle(ds, editions, lang=lang)
    if region_filter or type_filter:
        # A filter applies to every element: the unnamed remainder of the reported totals has no known
        # region or type, so under a filter it is left out (and the subtitle says so), never shown
        # as if it belonged to the filtered group.
        tab = metrics.participants_table(ds, editions)
        if region_filter:
            tab = tab[tab.region.isin(region_filter)]
        if type_filter:
            tab = tab[tab.entity_type.isin(type_filter)]
        ident = tab.groupby(["edition", level]).code.nunique().rename("count").reset_index().assign(identified=True)
        data = ident
        counts = tab.groupby("edition").code.nunique()
        shown = join_clauses(
            (t("{e}: {n} identified", e=e, n=int(counts.get(e, 0)), lang=lang) for e in editions), lang=lang
        )
        chosen = [
            *(region_label(x, lang=lang) for x in region_filter),
            *(ENTITY_TYPES.label(x, lang=lang) for x in type_filter),
        ]
        subtitle = (
            t(
                "Filtered ({what}): {shown}. Those named neither in public sources nor in the organizer's "
                "list have no known region, so they are not shown under a filter.",
                what=", ".join(chosen),
                shown=shown,
                lang=lang,
            )
            if listwords.adds(ds, editions)
            else t(
                "Filtered ({what}): {shown}. Those not named in public sources have no known region, so "
                "they are not shown under a filter.",
                what=", ".join(chosen),
                shown=shown,
                lang=lang,
            )
        )
    cats = sorted(c for c in data[level].unique() if c != metrics.NOT_NAMED)
    if (data[level] == metrics.NOT_NAMED).any():
        cats.append(metrics.NOT_NAMED)
    labels, colors = styles(ds, editions, lang)
    what = t("region", lang=lang) if level == "region" else t("sub-region", lang=lang)
    # an organizers' list that adds participants: the remainder is named by neither, the source line says so
    credit = html.escape(citations.list_credit(ds, editions, lang=lang))
    not_named = (
        t("Named neither in public sources nor in the organizer's list", lang=lang)
        if credit
        else t("Not named in public sources", lang=lang)
    )
    names = {c: not_named if c == metrics.NOT_NAMED else region_label(c, lang=lang) for c in cats}
    fig = grouped_bars(
        data,
        level,
        names,
        editions,
        labels,
        colors,
        t("Identified countries and regions by UN M49 {what}", what=what, lang=lang),
        subtitle,
        t(
            "Source: public sources cited per participant and the organizers' list {lists}; totals from the "
            "chair's statements",
            lists=credit,
            lang=lang,
        )
        if credit
        else t("Source: public sources cited per participant; totals from the chair's statements", lang=lang),
        muted=(metrics.NOT_NAMED,),
    )
    table = data[["edition", level, "count", "identified"]].assign(**{level: data[level].map(names)})
    list_only = sum(provenance.counts(ds, e).list_only for e in editions)
    return Chart(f"countries-by-{level.replace('_', '-')}", fig, table, list_only)


def by_category(
    ds: Dataset,
    people: pd.DataFrame,
    editions: list[int],
    column: str,
    order,
    labels: dict,
    title: str,
    name: str,
    *,
    lang: str,
) -> Chart:
    """``labels``: category code -> label already translated."""
    counts = metrics.count_by(people, column, editions, tuple(order))
    ed_labels, colors = styles(ds, editions, lang)
    fig = grouped_bars(
        counts,
        column,
        {k: labels[k] for k in order},
        editions,
        ed_labels,
        colors,
        title,
        people_subtitle(people, editions, lang=lang),
        t("Source: chair's statements and news items cited per person", lang=lang),
    )
    return Chart(name, fig, counts)


def people_subtitle(people: pd.DataFrame, editions: list[int], *, lang: str) -> str:
    """'People mentioned, named or not (not a complete list) — 2024: 10, of whom 8 named speakers; …':
    the chart's total and the Named-speakers tile's count side by side, so the two reconcile."""
    parts = []
    for e in editions:
        p = people[people.edition == e]
        named = p[(p["name"] != "") & p.role.isin(SPEAKING_ROLES)].person_id.nunique()
        parts.append(
            tn(
                "{e}: {n}, of whom {k} named speaker",
                "{e}: {n}, of whom {k} named speakers",
                int(named),
                lang=lang,
                e=e,
                n=len(p),
                k=named,
            )
        )
    return t(
        "People mentioned in the sources, named or not; not a complete list. {parts}",
        parts=join_clauses(parts, lang=lang),
        lang=lang,
    )


def roles(ds: Dataset, editions: list[int], *, lang: str) -> Chart:
    return people_chart(ds, editions, "role", lang=lang)


PEOPLE_CHARTS: dict[str, tuple[Vocab, str]] = {  # column -> (vocabulary, chart name)
    "role": (ROLES, "speakers-by-role"),
    "mode": (MODES, "speakers-by-mode"),
    "seniority": (SENIORITY, "speakers-by-seniority"),
}
ORGANIZATION_REGION = ORGANIZATION_GROUP


def _people_chart_title(column: str, *, lang: str) -> str:
    return {
        "role": t("People mentioned in the sources, by role", lang=lang),
        "mode": t("In person or by video", lang=lang),
        "seniority": t("Seniority (derived from titles)", lang=lang),
    }[column]


def filtered_people(
    ds: Dataset, editions: list[int], roles: tuple[str, ...] = (), regions: tuple[str, ...] = ()
) -> pd.DataFrame:
    sp = metrics.speakers(ds, editions, list(roles) or None)
    if regions:
        sp = sp[sp.region.isin(regions)]
    return sp


@per_dataset
def people_chart(
    ds: Dataset,
    editions: list[int],
    column: str,
    roles: tuple[str, ...] = (),
    regions: tuple[str, ...] = (),
    *,
    lang: str,
) -> Chart:
    """People per role, mode, seniority or region of whom they represent, per edition."""
    sp = filtered_people(ds, editions, roles, regions)
    if column == "region":
        sp = sp.assign(region=sp.region.replace("", ORGANIZATION_REGION).fillna(ORGANIZATION_REGION))
        order = tuple(sorted(set(sp.region)))
        return by_category(
            ds,
            sp,
            editions,
            "region",
            order,
            {r: region_label(r, lang=lang) for r in order},
            t("Whom the people mentioned represent, by region", lang=lang),
            "speakers-by-region",
            lang=lang,
        )
    vocab, name = PEOPLE_CHARTS[column]
    return by_category(
        ds,
        sp,
        editions,
        column,
        vocab.codes,
        {c: vocab.label(c, lang=lang) for c in vocab.codes},
        _people_chart_title(column, lang=lang),
        name,
        lang=lang,
    )


@per_dataset
def organizations_matrix(ds: Dataset, editions: list[int], *, lang: str) -> Chart:
    """Which international organizations the sources name in which edition (filled or open dots)."""
    m = metrics.organization_matrix(ds, editions)
    rule = locale_rules.rules(lang)
    if rule.organizations_as_listed:  # the official source's order (house style rule 5)
        m = m.set_index("code").loc[metrics.organization_order(ds, editions)].reset_index()
    # acronyms where the language uses them ('IOM'), else the organization's name in the language
    m["label"] = (
        m.code if rule.acronyms else [wrap_balanced_br(names.entity_name(ds, c, lang=lang), TICK_CHARS) for c in m.code]
    )
    labels, colors = styles(ds, editions, lang)
    fig = presence_matrix(
        m,
        editions,
        labels,
        colors,
        t("International organizations across editions", lang=lang),
        t("Filled: identified in that edition's sources; open: not named there", lang=lang),
        t("Source: chair's statements and news items", lang=lang),
        lang=lang,
    )
    data = m.drop(columns=["label"]).rename(columns={e: format_year(e, lang=lang) for e in editions})
    data["kind"] = data["kind"].map(lambda k: ORGANIZATION_KINDS.label(k, lang=lang))
    return Chart("organizations-matrix", fig, data)


@per_dataset
def world_map(
    ds: Dataset, earlier: int, later: int | None = None, lines: bool = False, worldview: str = DEFAULT, *, lang: str
) -> Chart:
    """The participants' map in a worldview; the figure carries codes only, the shapes come from the
    worldview's topojson (served by the app, read from disk by the export)."""
    frame = mapdata.map_participants(ds, earlier, later, worldview, lang=lang)
    editions = [earlier] + ([later] if later else [])
    colors = edition_colors(ds.edition_ids)
    # an organizers' list is credited where it adds participants (its file name is the user's: escaped)
    credit = html.escape(citations.list_credit(ds, editions, lang=lang))
    list_only = int((frame.origin == provenance.LIST).sum())
    if later is None:
        status_colors = {"identified": colors[earlier]}
        labels = {"identified": listwords.identified_label(ds, earlier, lang=lang)}
        title = (
            t("Countries and regions named in public sources and the organizer's list, {y}", y=earlier, lang=lang)
            if credit
            else t("Countries and regions named in public sources, {y}", y=earlier, lang=lang)
        )
    else:
        status_colors = {
            "both": STATUS_COLORS_FIXED["both"],
            "only_earlier": colors[earlier],
            "only_later": colors[later],
        }
        complete = bool(ds.editions.set_index("edition").loc[[earlier, later], "participant_list_complete"].all())
        labels = metrics.overlap_labels_of(ds, earlier, later, complete, lang=lang)
        title = (
            t(
                "Countries and regions named in public sources and the organizer's list, {a} and {b}",
                a=earlier,
                b=later,
                lang=lang,
            )
            if credit
            else t("Countries and regions named in public sources, {a} and {b}", a=earlier, b=later, lang=lang)
        )
    fig = participation_map(
        frame,
        mapdata.venues(ds, editions),
        status_colors,
        labels,
        {e: colors[e] for e in editions},
        title,
        _map_subtitle(ds, editions, list_only, lang),
        (
            t("Source: public sources cited per participant and the organizers' list {lists}.", lists=credit, lang=lang)
            if credit
            else t("Source: public sources cited per participant.", lang=lang)
        )
        + " "
        + source_text(worldview, lang=lang),
        worldview,
        lines=lines,
        lang=lang,
    )
    data = frame.drop(
        columns=["people_text", "sources_text", "how_text", "source_ids", "origin"], errors="ignore"
    ).assign(
        how_known=frame.how_text,
        people=frame.people_text.str.replace("<br>", locale_rules.rules(lang).clause_separator),
        sources=frame.sources_text.str.replace("<br>", locale_rules.rules(lang).clause_separator),
        worldview=worldview,
    )
    return Chart(f"map-{'-'.join(map(str, editions))}", fig, data, list_only)


def _map_subtitle(ds: Dataset, editions: list[int], list_only: int, lang: str) -> str:
    """What the map draws: public sources' participants only, or with those an organizer's list adds
    (how many; the hover and the table say which)."""
    if not list_only:
        return t(
            "Identified participants only; public sources name part of the participants. Stars: venues.", lang=lang
        )
    complete = bool(ds.editions.set_index("edition").loc[editions, "participant_list_complete"].all())
    if complete:
        return t(
            "Participants in public sources and the organizer's complete list ({n} only in the list). Stars: venues.",
            n=list_only,
            lang=lang,
        )
    return t(
        "Identified participants only: public sources and the organizer's list ({n} only in the list); "
        "neither names every participant. Stars: venues.",
        n=list_only,
        lang=lang,
    )
