"""What the map shows, as plain frames: identified countries and regions with their status,
hover text, and how each is drawn (shape, shape + marker, or not drawable)."""

from __future__ import annotations

import pandas as pd

from . import citations, listwords, locale_rules, metrics, names, provenance
from .dataset import Dataset
from .i18n import t
from .memo import per_dataset
from .vocab import HOW_KNOWN, ROLE_WORDS, region_label
from .worldview import DEFAULT

SMALL_KM2 = 50_000  # smaller than this: also drawn as a marker, or it vanishes at world scale


def _people_text(ds: Dataset, editions: list[int], lang: str) -> pd.Series:
    p = ds.people[
        (ds.people.scope == "sub_forum")
        & ds.people.edition.isin(editions)
        & (ds.people.participant_type == "country_or_region")
    ]

    def line(r) -> str:
        who = names.person_name(r, lang) or t("(name not given)", lang=lang)
        return t(
            "{edition}: {who}, {role}",
            edition=r["edition"],
            who=who,
            role=ROLE_WORDS.label(r["role"], lang=lang),
            lang=lang,
        )

    if p.empty:  # an edition with no named people (e.g. only a registration list)
        return pd.Series(dtype=str)
    return p.assign(line=[line(r) for _, r in p.iterrows()]).groupby("code")["line"].agg("<br>".join)


@per_dataset
def map_participants(
    ds: Dataset, earlier: int, later: int | None = None, worldview: str = DEFAULT, *, lang: str
) -> pd.DataFrame:
    """One row per identified country or region of one edition (status 'identified') or of two
    editions (status both / only_earlier / only_later, honestly labelled), with how the worldview
    draws it: ``shape`` (its own shape), ``marker`` (small, or drawn inside another shape such as
    Taiwan, China in China's standard map), ``drawable`` (either)."""
    if later is None:
        tab = metrics.participants_table(ds, [earlier])
        tab = tab.assign(status="identified", status_label=listwords.identified_label(ds, earlier, lang=lang))
        editions = [earlier]
    else:
        o = metrics.overlap_labelled(ds, earlier, later, "country_or_region", lang=lang)
        tab = metrics.participants_table(ds, [earlier, later])
        tab = (
            tab.groupby("code")
            .agg(
                how_known=("how_known", lambda s: "|".join(sorted({x for v in s for x in v.split("|")}))),
                source_ids=("source_ids", lambda s: "|".join(sorted({x for v in s for x in v.split("|")}))),
            )
            .reset_index()
            .merge(o[["code", "status", "status_label", "name_en", "name_zh", "region", "sub_region"]], on="code")
        )
        tab["status"] = tab["status"].astype(str)
        editions = [earlier, later]
    pts = ds.country_points[ds.country_points.worldview == worldview]
    tab = tab.join(pts.set_index("code")[["area_km2", "rep_lon", "rep_lat", "own_shape"]], on="code")
    tab["drawable"] = tab["area_km2"].notna()
    tab["shape"] = tab["drawable"] & (tab["own_shape"] == True)  # noqa: E712 (NaN for the undrawable)
    tab["marker"] = tab["drawable"] & ((tab["area_km2"] < SMALL_KM2) | ~tab["shape"])
    tab["sources_text"] = tab.source_ids.map(
        lambda ids: "<br>".join(
            citations.label(ds, i, lang=lang) for i in citations.strongest(ds, ids, citations.PARTICIPATION, lang=lang)
        )
    )
    tab["origin"] = tab.how_known.map(provenance.origin_of)  # public sources, an organizer's list, or both
    tab["how_text"] = tab.how_known.map(
        lambda s: locale_rules.series((HOW_KNOWN.label(x, lang=lang) for x in s.split("|")), lang)
    )
    beside = locale_rules.rules(lang).name_beside
    tab["name_shown"] = [names.entity_form(r, lang) for r in tab.itertuples()]
    tab["name_beside"] = (
        [f" · {names.entity_form(r, beside)}" for r in tab.itertuples()] if beside and beside != lang else ""
    )
    tab["sub_region_label"] = tab.sub_region.map(lambda s: region_label(s, lang))
    people = _people_text(ds, editions, lang)
    tab["people_text"] = tab.code.map(people).fillna("") if len(people) else ""
    cols = [
        "code",
        "name_en",
        "name_zh",
        "name_shown",
        "name_beside",
        "region",
        "sub_region",
        "sub_region_label",
        "status",
        "status_label",
        "how_text",
        "origin",
        "people_text",
        "sources_text",
        "source_ids",
        "drawable",
        "shape",
        "marker",
        "area_km2",
        "rep_lon",
        "rep_lat",
    ]
    return tab[cols].sort_values(["status", "name_en"]).reset_index(drop=True)


def geojson_subset(collection: dict, codes, key: str = "code") -> dict:
    """Only the features with these keys (the Regions view's sub-region outlines)."""
    wanted = set(codes)
    return {
        "type": "FeatureCollection",
        "features": [f for f in collection["features"] if f["properties"][key] in wanted],
    }


def venues(ds: Dataset, editions: list[int]) -> pd.DataFrame:
    e = ds.editions[ds.editions.edition.isin(editions)]
    return e[["edition", "city_en", "city_zh", "city_lat", "city_lon", "start_date"]].reset_index(drop=True)


def region_shares(frame: pd.DataFrame, *, lang: str) -> pd.DataFrame:
    """Share of the identified participants in each UN M49 sub-region, with their names in ``lang``
    (in the language's order and with its list separator: '中国、中国香港、蒙古国、韩国')."""
    from .formatting import sort_names
    from .names import entity_form

    named = frame.assign(_name=[entity_form(r, lang) for r in frame.itertuples()])
    c = (
        named.groupby(["region", "sub_region"])
        .agg(
            identified=("code", "nunique"),
            participants=("_name", lambda s: locale_rules.series(sort_names(s, lang=lang), lang)),
        )
        .reset_index()
    )
    c["share"] = (c.identified / c.identified.sum()).round(4)
    return c.sort_values(["identified", "sub_region"], ascending=[False, True]).reset_index(drop=True)
