"""Metrics over the clean tables: headline figures, changes, coverage, conflicts.

Plain functions from a :class:`~dashboard.dataset.Dataset` to small pandas
frames. They work for any number of editions: nothing here knows about 2024
or 2025.
"""

from __future__ import annotations

import pandas as pd

from . import comparison, listwords
from .dataset import Dataset
from .formatting import QUALIFIER_GROUP
from .memo import per_dataset
from .vocab import OVERLAP, SPEAKING_ROLES
from .vocab import REPORTED_METRICS as HEADLINE_METRICS

IDENTIFIED_FOR = {
    "countries_and_regions": "country_or_region",
    "international_organizations": "international_organization",
}


def previous_edition(ds: Dataset, edition: int) -> int | None:
    """The edition held before ``edition`` (by number), or None for the first."""
    order = ds.edition_ids
    i = order.index(edition)
    return order[i - 1] if i > 0 else None


@per_dataset
def preferred_figures(ds: Dataset) -> pd.DataFrame:
    """One row per edition × headline metric: the preferred value, its qualifier and source."""
    f = ds.reported_figures
    f = f[(f.scope == "sub_forum") & f.is_preferred & f.metric.isin(HEADLINE_METRICS)]
    return f[["edition", "metric", "value", "qualifier", "as_written", "source_id"]].reset_index(drop=True)


@per_dataset
def identified_counts(ds: Dataset) -> pd.DataFrame:
    """Per edition: distinct countries/regions and organizations identified, and named speakers."""
    rows = []
    part, ppl = ds.participation, ds.people
    for ed in ds.edition_ids:
        p = part[part.edition == ed]
        speakers = ppl[
            (ppl.edition == ed) & (ppl.scope == "sub_forum") & ppl.role.isin(SPEAKING_ROLES) & (ppl.name != "")
        ]
        rows.append(
            {
                "edition": ed,
                "countries_and_regions": p[p.participant_type == "country_or_region"].code.nunique(),
                "international_organizations": p[p.participant_type == "international_organization"].code.nunique(),
                "named_speakers": speakers.person_id.nunique(),
            }
        )
    return pd.DataFrame(rows)


@per_dataset
def headline(ds: Dataset) -> pd.DataFrame:
    """Editions × the four tiles: value, qualifier, whether reported or identified, source, and
    the change from the previous edition under the one comparison rule
    (:func:`dashboard.comparison.compare_figures`). ``named_speakers`` is a count of people named
    in the sources, not a reported total: it has ``basis`` 'identified' and never a change."""
    pref = preferred_figures(ds).set_index(["edition", "metric"])
    ident = identified_counts(ds).set_index("edition")
    rows = []
    for ed in ds.edition_ids:
        prev = previous_edition(ds, ed)
        for metric in (*HEADLINE_METRICS, "named_speakers"):
            if metric == "named_speakers":
                val, qual, src, basis = int(ident.loc[ed, metric]), "exact", "", "identified"
            elif (ed, metric) in pref.index:
                r = pref.loc[(ed, metric)]
                val, qual, src, basis = int(r.value), r.qualifier, r.source_id, "reported"
            else:
                val, qual, src, basis = None, None, "", "not_reported"
            rows.append(
                {
                    "edition": ed,
                    "metric": metric,
                    "value": val,
                    "qualifier": qual,
                    "source_id": src,
                    "basis": basis,
                    "previous_edition": prev,
                }
            )
    df = pd.DataFrame(rows)
    df["previous_edition"] = df["previous_edition"].astype("Int64")
    prev_vals = df.set_index(["edition", "metric"])[["value", "qualifier"]]
    cols = ["change", "relative_change", "previous_value", "previous_qualifier", "change_kind", "bound"]
    changes = []
    for r in df.itertuples():
        if pd.isna(r.previous_edition) or (r.previous_edition, r.metric) not in prev_vals.index:
            changes.append((None, None, None, None, None, None))
            continue
        pv = prev_vals.loc[(r.previous_edition, r.metric)]
        c = compare(ds, int(r.previous_edition), r.edition, r.metric)
        changes.append((c.delta, c.ratio, pv.value, pv.qualifier, c.kind, c.bound))
    df[cols] = pd.DataFrame(changes, index=df.index, columns=cols)
    df["change_is_approximate"] = df.change_kind.isin([comparison.APPROXIMATE, comparison.BOUNDED])
    return df


@per_dataset
def stated(ds: Dataset, edition: int, metric: str) -> comparison.Stated:
    """A headline figure of one edition as the sources state it, with every other value another
    source gives for it (the conflicts travel with the figure)."""
    if metric == "named_speakers":
        n = int(identified_counts(ds).set_index("edition").loc[edition, metric])
        return comparison.Stated(n, "exact", comparison.NAMED, metric=metric)
    pref = preferred_figures(ds).set_index(["edition", "metric"])
    if (edition, metric) not in pref.index:
        return comparison.Stated(None, None, comparison.NOT_REPORTED, metric=metric)
    r = pref.loc[(edition, metric)]
    conf = figure_conflicts(ds, edition)
    conf = conf[(conf.metric == metric) & ~conf.is_preferred]
    others = tuple((int(c.value), c.qualifier, tuple(c.source_ids.split("|"))) for c in conf.itertuples())
    return comparison.Stated(int(r.value), r.qualifier, comparison.REPORTED, (r.source_id,), others, metric)


def compare(ds: Dataset, earlier: int, later: int, metric: str) -> comparison.Comparison:
    """A headline metric of two editions under the one comparison rule."""
    return comparison.compare_figures(stated(ds, earlier, metric), stated(ds, later, metric))


compare_figures = comparison.compare_figures


@per_dataset
def coverage(ds: Dataset) -> pd.DataFrame:
    """Per edition and kind of participant: reported total (preferred value), identified count,
    the unidentified remainder and the share identified. The remainder is never hidden."""
    pref = preferred_figures(ds).set_index(["edition", "metric"])
    ident = identified_counts(ds).set_index("edition")
    complete = ds.editions.set_index("edition")["participant_list_complete"]
    rows = []
    for ed in ds.edition_ids:
        for metric in IDENTIFIED_FOR:
            reported = pref.loc[(ed, metric)] if (ed, metric) in pref.index else None
            total = int(reported.value) if reported is not None else None
            n = int(ident.loc[ed, metric])
            rows.append(
                {
                    "edition": ed,
                    "metric": metric,
                    "reported": total,
                    "reported_qualifier": reported.qualifier if reported is not None else None,
                    "reported_source_id": reported.source_id if reported is not None else "",
                    "identified": n,
                    "unidentified": max(total - n, 0) if total is not None else None,
                    "share_identified": n / total if total else None,
                    "list_complete": bool(complete.loc[ed]),
                }
            )
    return pd.DataFrame(rows)


@per_dataset
def figure_conflicts(ds: Dataset, edition: int | None = None) -> pd.DataFrame:
    """Headline metrics on which the sources of an edition disagree: a different value, or a
    qualifier that says something different ("approximately" vs "more than"). One row per
    distinct version, with every source that gives it and whether it is the preferred one."""
    f = ds.reported_figures
    f = f[(f.scope == "sub_forum") & f.metric.isin(HEADLINE_METRICS)]
    if edition is not None:
        f = f[f.edition == edition]
    f = f.assign(qualifier_group=f.qualifier.map(QUALIFIER_GROUP))
    out = []
    for (ed, metric), grp in f.groupby(["edition", "metric"], sort=True):
        versions = grp.groupby(["value", "qualifier_group"], sort=False)
        if versions.ngroups < 2:
            continue
        for (value, _qg), v in versions:
            out.append(
                {
                    "edition": ed,
                    "metric": metric,
                    "value": int(value),
                    "qualifier": v.qualifier.iloc[0],
                    "as_written": " / ".join(dict.fromkeys(v.as_written)),
                    "source_ids": "|".join(v.source_id),
                    "n_sources": len(v),
                    "is_preferred": bool(v.is_preferred.any()),
                }
            )
    cols = ["edition", "metric", "value", "qualifier", "as_written", "source_ids", "n_sources", "is_preferred"]
    return (
        pd.DataFrame(out, columns=cols)
        .sort_values(["edition", "metric", "is_preferred"], ascending=[True, True, False])
        .reset_index(drop=True)
    )


# --- comparison between two editions -------------------------------------------------------


@per_dataset
def compare_headline(ds: Dataset, earlier: int, later: int) -> pd.DataFrame:
    """Headline figures of two editions side by side under the one comparison rule: the
    :class:`~dashboard.comparison.Comparison` itself (``comparison``) and its parts as columns.
    Qualifiers and conflicting values travel with the figures."""
    rows = []
    for metric in (*HEADLINE_METRICS, "named_speakers"):
        c = compare(ds, earlier, later, metric)
        a, b = c.earlier, c.later
        rows.append(
            {
                "metric": metric,
                "basis": "identified" if b.basis == comparison.NAMED else b.basis,
                "earlier_value": a.value,
                "earlier_qualifier": a.qualifier,
                "earlier_source_id": "|".join(a.source_ids),
                "later_value": b.value,
                "later_qualifier": b.qualifier,
                "later_source_id": "|".join(b.source_ids),
                "change_kind": c.kind,
                "change": c.delta,
                "relative_change": c.ratio,
                "change_is_approximate": c.is_approximate,
                "comparison": c,
            }
        )
    return pd.DataFrame(rows)


OVERLAP_ORDER = OVERLAP.codes


def overlap_labels(earlier: int, later: int, complete: bool, *, lang: str) -> dict[str, str]:
    """Honest wording: firm words ('returning', 'new') only when both editions have complete lists."""
    from .i18n import t

    if complete:
        return {
            "both": t("Took part in both", lang=lang),
            "only_earlier": t("Only in {y} (did not return)", lang=lang, y=earlier),
            "only_later": t("New in {y}", lang=lang, y=later),
        }
    return {
        "both": t("Named in {a} and {b} sources", lang=lang, a=earlier, b=later),
        "only_earlier": t("Named in {a} sources, not named in {b} sources", lang=lang, a=earlier, b=later),
        "only_later": t("Named in {b} sources, not named in {a} sources", lang=lang, a=earlier, b=later),
    }


def overlap_labels_of(ds: Dataset, earlier: int, later: int, complete: bool, *, lang: str) -> dict[str, str]:
    """:func:`overlap_labels` for a dataset: while the lists are incomplete and an organizer's list adds
    participants to either edition, the labels credit public sources and the list."""
    if not complete and listwords.adds(ds, (earlier, later)):
        return listwords.overlap_labels_with_list(earlier, later, lang=lang)
    return overlap_labels(earlier, later, complete, lang=lang)


@per_dataset
def overlap(ds: Dataset, earlier: int, later: int, participant_type: str) -> pd.DataFrame:
    """Identified participants of two editions, classified as both / only earlier / only later.
    ``complete`` says whether both editions carry a complete list (firm wording allowed)."""
    p = ds.participation[ds.participation.participant_type == participant_type]
    a = set(p[p.edition == earlier].code)
    b = set(p[p.edition == later].code)
    complete_flags = ds.editions.set_index("edition")["participant_list_complete"]
    complete = bool(complete_flags.loc[earlier]) and bool(complete_flags.loc[later])
    rows = [
        {"code": c, "status": "both" if c in a and c in b else "only_earlier" if c in a else "only_later"}
        for c in sorted(a | b)
    ]
    df = pd.DataFrame(rows, columns=["code", "status"])
    df["complete"] = complete
    names = participant_names(ds)
    df = df.merge(names, on="code", how="left")
    df["status"] = pd.Categorical(df.status, OVERLAP_ORDER, ordered=True)
    return df.sort_values(["status", "name_en"]).reset_index(drop=True)


@per_dataset
def overlap_labelled(ds: Dataset, earlier: int, later: int, participant_type: str, *, lang: str) -> pd.DataFrame:
    """:func:`overlap` with each status worded for readers (``status_label``, in ``lang``)."""
    df = overlap(ds, earlier, later, participant_type)
    flags = ds.editions.set_index("edition")["participant_list_complete"]
    complete = bool(flags.loc[earlier]) and bool(flags.loc[later])
    labels = overlap_labels_of(ds, earlier, later, complete, lang=lang)
    return df.assign(status_label=df.status.astype(str).map(labels))


@per_dataset
def participant_names(ds: Dataset) -> pd.DataFrame:
    """code -> English and Chinese names, region, sub-region and type, for countries and organizations."""
    e = ds.entities[["code", "name_en", "name_zh", "region", "sub_region", "entity_type"]].assign(
        participant_type="country_or_region"
    )
    o = ds.organizations.rename(columns={"kind": "entity_type"})[["code", "name_en", "name_zh", "entity_type"]].assign(
        region="", sub_region="", participant_type="international_organization"
    )
    return pd.concat([e, o], ignore_index=True)


@per_dataset
def participants_table(
    ds: Dataset, editions: list[int] | None = None, participant_type: str = "country_or_region"
) -> pd.DataFrame:
    """One row per edition × identified participant: names, region, how known, sources."""
    p = ds.participation[ds.participation.participant_type == participant_type]
    if editions is not None:
        p = p[p.edition.isin(editions)]
    g = (
        p.groupby(["edition", "code"], sort=True)
        .agg(
            how_known=("how_known", lambda s: "|".join(sorted(set(s)))),
            source_ids=("source_ids", lambda s: "|".join(sorted({i for v in s for i in v.split("|")}))),
        )
        .reset_index()
    )
    names = participant_names(ds)
    return g.merge(names, on="code", how="left")[
        ["edition", "code", "name_en", "name_zh", "region", "sub_region", "entity_type", "how_known", "source_ids"]
    ]


@per_dataset
def by_region(ds: Dataset, editions: list[int] | None = None, level: str = "region") -> pd.DataFrame:
    """Identified countries and regions per UN M49 region (or sub-region) and edition, plus the
    unidentified remainder of the reported total as its own row (region = 'Not named in sources')."""
    tab = participants_table(ds, editions)
    counts = tab.groupby(["edition", level]).code.nunique().rename("count").reset_index()
    cov = coverage(ds)
    cov = cov[cov.metric == "countries_and_regions"]
    if editions is not None:
        cov = cov[cov.edition.isin(editions)]
    rest = cov[cov.unidentified.notna()][["edition", "unidentified"]].rename(columns={"unidentified": "count"})
    rest[level] = NOT_NAMED
    rest["count"] = rest["count"].astype(int)
    out = pd.concat([counts, rest[["edition", level, "count"]]], ignore_index=True)
    out["identified"] = out[level] != NOT_NAMED
    return out.sort_values(["edition", "identified", level], ascending=[True, False, True]).reset_index(drop=True)


NOT_NAMED = "Not named in public sources"


@per_dataset
def organization_matrix(ds: Dataset, editions: list[int] | None = None) -> pd.DataFrame:
    """Organizations × editions: True where the organization is identified in that edition."""
    p = ds.participation[ds.participation.participant_type == "international_organization"]
    eds = editions if editions is not None else ds.edition_ids
    p = p[p.edition.isin(eds)]
    m = pd.crosstab(p.code, p.edition).reindex(columns=eds, fill_value=0) > 0
    names = ds.organizations.set_index("code")
    m.insert(0, "kind", names.loc[m.index, "kind"])
    m.insert(0, "name_en", names.loc[m.index, "name_en"])
    return m.reset_index().sort_values("code").reset_index(drop=True)


@per_dataset
def unnamed_slots(ds: Dataset) -> pd.DataFrame:
    """Per edition: reported organizations, how many are named, how many are not."""
    cov = coverage(ds)
    return cov[cov.metric == "international_organizations"][
        ["edition", "reported", "reported_qualifier", "identified", "unidentified", "reported_source_id"]
    ]


@per_dataset
def speakers(ds: Dataset, editions: list[int] | None = None, roles: list[str] | None = None) -> pd.DataFrame:
    """Sub-forum people with role, mode, seniority, whom they represent (names and region)."""
    p = ds.people[ds.people.scope == "sub_forum"]
    if editions is not None:
        p = p[p.edition.isin(editions)]
    if roles:
        p = p[p.role.isin(roles)]
    names = participant_names(ds).rename(columns={"name_en": "represents_en", "name_zh": "represents_zh"})
    return p.merge(names[["code", "represents_en", "represents_zh", "region"]], on="code", how="left")


def count_by(df: pd.DataFrame, column: str, editions: list[int], order: tuple[str, ...]) -> pd.DataFrame:
    """Counts of ``column`` per edition, every category × edition present (zeros kept)."""
    idx = pd.MultiIndex.from_product([editions, list(order)], names=["edition", column])
    c = df.groupby(["edition", column]).size().reindex(idx, fill_value=0).rename("count").reset_index()
    return c


@per_dataset
def source_usage(ds: Dataset) -> pd.DataFrame:
    """Per source: how many records of each table cite it, and for which editions."""
    counts: dict[str, dict[str, int]] = {}
    editions: dict[str, set[int]] = {}
    for table, col in (
        ("reported_figures", "source_id"),
        ("participation", "source_ids"),
        ("people", "source_ids"),
        ("topics", "source_id"),
        ("outcomes", "source_ids"),
        ("conflicts", "source_ids"),
        ("side_events", "source_ids"),
    ):
        df = getattr(ds, table)
        for ed, ids in zip(df["edition"], df[col]):
            for sid in str(ids).split("|"):
                counts.setdefault(sid, {}).setdefault(table, 0)
                counts[sid][table] += 1
                editions.setdefault(sid, set()).add(int(ed))
    rows = []
    for r in ds.sources.itertuples():
        c = counts.get(r.id, {})
        rows.append(
            {
                "id": r.id,
                "short_title": getattr(r, "short_title", ""),
                "supports": getattr(r, "supports", ""),
                "publisher": r.publisher,
                "title": r.title,
                "language": r.language,
                "kind": r.kind,
                "published": r.published,
                "url": r.url,
                "editions": ", ".join(str(e) for e in sorted(editions.get(r.id, set()))),
                **{
                    f"n_{k}": c.get(k, 0)
                    for k in (
                        "reported_figures",
                        "participation",
                        "people",
                        "topics",
                        "outcomes",
                        "conflicts",
                        "side_events",
                    )
                },
                "n_records": sum(c.values()),
            }
        )
    return pd.DataFrame(rows).sort_values(["n_records", "id"], ascending=[False, True]).reset_index(drop=True)


def named_organizations(ds: Dataset, edition: int) -> tuple[pd.DataFrame, list[str]]:
    """The international organizations the sources name for an edition, in code order (code,
    name_en, name_zh, acronym; an acronym equal to the English name is blanked), and the ids of the
    sources that name them: the English and the Chinese summaries list the same organizations."""
    p = ds.participation[
        (ds.participation.edition == edition) & (ds.participation.participant_type == "international_organization")
    ]
    org = ds.organizations.drop_duplicates("code").set_index("code")
    table = org.loc[sorted(p.code.unique()), ["name_en", "name_zh", "acronym"]].reset_index()
    acronym = table.acronym.fillna("").astype(str)
    table["acronym"] = acronym.where(acronym != table.name_en.fillna(""), "")
    rank = {c: i for i, c in enumerate(organization_order(ds, [edition]))}
    table["listed_order"] = table.code.map(rank)
    return table, sorted({s for v in p.source_ids for s in v.split("|")})


def organization_order(ds: Dataset, editions: list[int] | None = None) -> list[str]:
    """The international organizations identified in ``editions``, in the order the official sources list
    them (``participation.listed_order``: the chair's statement, else the host's news release): the
    latest edition's list first, then those only an earlier edition lists, in that edition's order; the
    organizations no official list names (an organizer's list, a speaker's affiliation) last, by code.
    For one edition this is exactly its official list's order."""
    p = ds.participation[ds.participation.participant_type == "international_organization"]
    eds = editions if editions is not None else ds.edition_ids
    p = p[p.edition.isin(eds)]
    listed = p.dropna(subset=["listed_order"]).sort_values(["edition", "listed_order"], ascending=[False, True])
    order = list(dict.fromkeys(listed.code))
    return order + sorted(set(p.code) - set(order))
