"""A short text description of each chart, generated from exactly the data it draws.

A chart is a picture: a screen reader meets an unlabelled graphic and a printed brief cannot
quote it. Each key chart (:mod:`dashboard.keycharts`) gets one or two sentences saying what it
shows, its largest values and its coverage ("13 of 51 named"), in the language asked for. The
same text is shown under the chart on the pages, printed under it in the PDF brief and written
beside each image in the press kit.

Every number comes from ``chart.data`` (the table of the data drawn), never from elsewhere, so the
description cannot disagree with the chart. ``lang`` is explicit: numbers and lists are formatted
for that language (a download callback does not run in the page's language).
"""

from __future__ import annotations

import pandas as pd

from .formatting import format_figure, format_figure_unit, format_list, format_number, join_clauses
from .i18n import t
from .keycharts import PEOPLE_CHARTS, Chart
from .memo import per_object
from .vocab import METRIC_NOUNS, region_label

TOP = 2  # largest values named per edition


@per_object  # per chart object (key charts are cached per dataset) and language: no pandas work per rerun
def describe(chart: Chart, lang: str) -> str:
    """One or two sentences for ``chart`` in ``lang``; '' for a chart of no known kind."""
    name = chart.name
    if name.startswith("coverage-"):
        return _coverage(chart.data, lang, getattr(chart, "list_only", 0))
    if name.startswith("countries-by-"):
        level = "sub_region" if name.endswith("sub-region") else "region"
        return _regions(chart.data, level, lang, getattr(chart, "list_only", 0))
    if name.startswith("speakers-by-") or name.startswith("roles-"):
        return _people(chart.data, lang)
    if name == "organizations-matrix":
        return _organizations(chart.data, lang)
    if name.startswith("map-"):
        editions = tuple(int(part) for part in name.split("-")[1:] if part.isdigit())  # 'map-2024-2025'
        return _map(chart.data, lang, getattr(chart, "list_only", 0), editions)
    return ""


def _editions(data: pd.DataFrame) -> list[int]:
    return sorted({int(e) for e in data["edition"]})


def _top(rows: pd.DataFrame, label_col: str, lang: str, metric: str | None = None) -> str:
    """'Asia (7) and the Americas (2)' / '亚洲（7个）和美洲（2个）': the largest non-zero categories, largest
    first, each count with the measure word of what ``metric`` counts (people or items; house style rule 8)."""
    rows = rows[rows["count"] > 0].sort_values("count", ascending=False, kind="stable").head(TOP)
    return format_list(
        (
            t(
                "{label} ({n})",
                lang=lang,
                label=r[label_col],
                n=format_figure_unit(int(r["count"]), "exact", metric, lang=lang),
            )
            for _, r in rows.iterrows()
        ),
        lang=lang,
    )


def _coverage(data: pd.DataFrame, lang: str, list_only: int = 0) -> str:
    if data.empty:
        return ""
    noun = METRIC_NOUNS.label(data["metric"].iloc[0], lang)
    parts = join_clauses(
        [
            t(
                "{e}: {n} of {total} named",
                lang=lang,
                e=int(r.edition),
                n=format_number(int(r.identified), lang=lang),
                total=format_figure(r.reported, r.reported_qualifier, lang=lang),
            )
            if r.reported is not None and r.reported == r.reported
            else t(
                "{e}: {n} named, no total reported",
                lang=lang,
                e=int(r.edition),
                n=format_number(int(r.identified), lang=lang),
            )
            for r in data.itertuples()
        ],
        lang=lang,
    )
    if list_only:  # an organizer's list adds identified participants
        return t(
            "For each edition, the {noun} the chair's statement reports and those that public sources and the "
            "organizer's list name: {parts}.",
            lang=lang,
            noun=noun,
            parts=parts,
        )
    return t(
        "For each edition, the {noun} the chair's statement reports and those that public sources name: {parts}.",
        lang=lang,
        noun=noun,
        parts=parts,
    )


def _regions(data: pd.DataFrame, level: str, lang: str, list_only: int = 0) -> str:
    if data.empty:
        return ""
    parts = []
    for e in _editions(data):
        d = data[data.edition == e]
        named = d[d.identified]
        rest = d[~d.identified]
        clause = t(
            "{e}: {n} identified, most in {top}",
            lang=lang,
            e=e,
            n=format_number(int(named["count"].sum()), lang=lang),
            top=_top(named, level, lang, "countries_and_regions"),
        )
        if len(rest) and int(rest["count"].sum()):
            k = format_number(int(rest["count"].sum()), lang=lang)
            clause += (
                t(", {k} named neither in public sources nor in the organizer's list", lang=lang, k=k)
                if list_only
                else t(", {k} not named in public sources", lang=lang, k=k)
            )
        parts.append(clause)
    what = t("region", lang=lang) if level == "region" else t("sub-region", lang=lang)
    if list_only:  # an organizer's list adds identified participants
        return t(
            "Countries and regions identified in public sources and the organizer's list, per UN M49 {what} "
            "({n} only in the list). {parts}.",
            lang=lang,
            what=what,
            n=format_number(list_only, lang=lang),
            parts=join_clauses(parts, lang=lang),
        )
    return t(
        "Identified countries and regions per UN M49 {what}. {parts}.",
        lang=lang,
        what=what,
        parts=join_clauses(parts, lang=lang),
    )


def _people(data: pd.DataFrame, lang: str) -> str:
    column = next(c for c in data.columns if c not in ("edition", "count"))
    if column == "region":
        labels = {c: region_label(c, lang) for c in data[column].unique()}
    else:
        vocab = PEOPLE_CHARTS[column][0]
        labels = {c: vocab.label(c, lang) for c in vocab.codes}
    data = data.assign(label=data[column].map(lambda c: labels.get(c, c)))
    parts = [
        t(
            "{e}: {n} people, most often {top}",
            lang=lang,
            e=e,
            n=format_number(int(data[data.edition == e]["count"].sum()), lang=lang),
            top=_top(data[data.edition == e], "label", lang, "attendees"),  # counted in people
        )
        for e in _editions(data)
    ]
    what = {
        "role": t("by role", lang=lang),
        "mode": t("in person or by video", lang=lang),
        "seniority": t("by seniority derived from titles", lang=lang),
        "region": t("by the region of whom they represent", lang=lang),
    }.get(column, "")
    return t(
        "People mentioned in the sources (not a complete list), {what}. {parts}.",
        lang=lang,
        what=what,
        parts=join_clauses(parts, lang=lang),
    )


def _organizations(data: pd.DataFrame, lang: str) -> str:
    editions = [c for c in data.columns if str(c).isdigit()]
    if not editions:
        return ""
    parts = join_clauses(
        (t("{e}: {n}", lang=lang, e=e, n=format_number(int(data[e].astype(bool).sum()), lang=lang)) for e in editions),
        lang=lang,
    )
    return t(
        "International organizations that each edition's sources name ({total} in all): {parts}.",
        lang=lang,
        total=format_number(len(data), lang=lang),
        parts=parts,
    )


def _map(data: pd.DataFrame, lang: str, list_only: int = 0, editions: tuple[int, ...] = ()) -> str:
    """The participants' map. One edition: how many, named for which year (its one legend entry would only
    repeat the count: '2025年来源列明：13个'); two: how many, with each status's count."""
    if data.empty:
        return t("The map shows no identified participant.", lang=lang)
    counts = data.groupby("status_label", sort=False).code.nunique()
    n = format_number(data.code.nunique(), lang=lang)
    k = format_number(list_only, lang=lang)
    if len(editions) == 1 and len(counts) == 1:
        text = (
            t(
                "Map of the {n} countries and regions named for {y} in public sources and the organizer's list; "
                "{k} only in the list.",
                lang=lang,
                n=n,
                y=editions[0],
                k=k,
            )
            if list_only
            else t(
                "Map of the {n} countries and regions named for {y} in public sources.", lang=lang, n=n, y=editions[0]
            )
        )
    else:
        parts = join_clauses(
            (
                t("{what}: {n}", lang=lang, what=label, n=format_number(int(c), lang=lang))
                for label, c in counts.items()
            ),
            lang=lang,
        )
        text = (
            t(
                "Map of the {n} countries and regions named in public sources and the organizer's list ({parts}); "
                "{k} only in the list.",
                lang=lang,
                n=n,
                parts=parts,
                k=k,
            )
            if list_only
            else t(
                "Map of the {n} countries and regions named in public sources ({parts}).", lang=lang, n=n, parts=parts
            )
        )
    small = int(data["marker"].sum()) if "marker" in data else 0
    if small:
        # two sentences: a space between them in English, none after a Chinese full stop
        text = t(
            "{sentence} {next}",
            lang=lang,
            sentence=text,
            next=t("Small states are drawn as markers ({k}).", lang=lang, k=format_number(small, lang=lang)),
        )
    return text


def describe_region_shares(shares: pd.DataFrame, edition: int, lang: str, list_only: int = 0) -> str:
    """The region view of the map (dashboard.mapdata.region_shares: identified per sub-region);
    ``list_only``: how many of them only an organizer's list names."""
    if shares.empty:
        return t("The map shows no identified participant.", lang=lang)
    by_region = shares.groupby("region", as_index=False).identified.sum().rename(columns={"identified": "count"})
    by_region = by_region.assign(label=by_region.region.map(lambda r: region_label(r, lang)))
    if list_only:
        return t(
            "Map of the {n} countries and regions of {e} named in public sources and the organizer's list "
            "({l} only in the list), filled by UN M49 region (most in {top}); {k} sub-regions outlined.",
            lang=lang,
            n=format_number(int(shares.identified.sum()), lang=lang),
            e=edition,
            l=format_number(list_only, lang=lang),
            top=_top(by_region, "label", lang),
            k=format_number(shares.sub_region.nunique(), lang=lang),
        )
    return t(
        "Map of the {n} countries and regions of {e} named in public sources, filled by UN M49 region "
        "(most in {top}); {k} sub-regions outlined.",
        lang=lang,
        n=format_number(int(shares.identified.sum()), lang=lang),
        e=edition,
        top=_top(by_region, "label", lang),
        k=format_number(shares.sub_region.nunique(), lang=lang),
    )
