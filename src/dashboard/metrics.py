"""Metrics over the clean tables: headline figures, changes, coverage, conflicts.

Plain functions from a :class:`~dashboard.dataset.Dataset` to small pandas
frames. They work for any number of editions: nothing here knows about 2024
or 2025.
"""

from __future__ import annotations

import pandas as pd

from .dataset import Dataset
from .formatting import QUALIFIER_GROUP
from .schema import HEADLINE_METRICS, SPEAKING_ROLES

IDENTIFIED_FOR = {"countries_and_regions": "country_or_region",
                  "international_organizations": "international_organization"}


def previous_edition(ds: Dataset, edition: int) -> int | None:
    """The edition held before ``edition`` (by number), or None for the first."""
    order = ds.edition_ids
    i = order.index(edition)
    return order[i - 1] if i > 0 else None


def preferred_figures(ds: Dataset) -> pd.DataFrame:
    """One row per edition × headline metric: the preferred value, its qualifier and source."""
    f = ds.reported_figures
    f = f[(f.scope == "sub_forum") & f.is_preferred & f.metric.isin(HEADLINE_METRICS)]
    return f[["edition", "metric", "value", "qualifier", "as_written", "source_id"]].reset_index(drop=True)


def identified_counts(ds: Dataset) -> pd.DataFrame:
    """Per edition: distinct countries/regions and organizations identified, and named speakers."""
    rows = []
    part, ppl = ds.participation, ds.people
    for ed in ds.edition_ids:
        p = part[part.edition == ed]
        speakers = ppl[(ppl.edition == ed) & (ppl.scope == "sub_forum") & ppl.role.isin(SPEAKING_ROLES)
                       & (ppl.name != "")]
        rows.append({
            "edition": ed,
            "countries_and_regions": p[p.participant_type == "country_or_region"].code.nunique(),
            "international_organizations": p[p.participant_type == "international_organization"].code.nunique(),
            "named_speakers": speakers.person_id.nunique(),
        })
    return pd.DataFrame(rows)


def headline(ds: Dataset) -> pd.DataFrame:
    """Editions × the four tiles: value, qualifier, whether reported or identified, source, and
    the change from the previous edition. ``named_speakers`` is a count of people named in the
    sources, not a reported total, and says so in ``basis``."""
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
            rows.append({"edition": ed, "metric": metric, "value": val, "qualifier": qual,
                         "source_id": src, "basis": basis, "previous_edition": prev})
    df = pd.DataFrame(rows)
    df["previous_edition"] = df["previous_edition"].astype("Int64")
    prev_vals = df.set_index(["edition", "metric"])[["value", "qualifier"]]
    changes = []
    for r in df.itertuples():
        if pd.isna(r.previous_edition) or (r.previous_edition, r.metric) not in prev_vals.index:
            changes.append((None, None, None, None))
            continue
        pv = prev_vals.loc[(r.previous_edition, r.metric)]
        if r.value is None or pv.value is None or pd.isna(pv.value):
            changes.append((None, None, pv.value, pv.qualifier))
            continue
        delta = r.value - pv.value
        changes.append((delta, delta / pv.value if pv.value else None, pv.value, pv.qualifier))
    df[["change", "relative_change", "previous_value", "previous_qualifier"]] = pd.DataFrame(
        changes, index=df.index, columns=["change", "relative_change", "previous_value", "previous_qualifier"])
    df["change_is_approximate"] = [
        (q not in (None, "exact")) or (pq not in (None, "exact"))
        for q, pq in zip(df.qualifier, df.previous_qualifier)]
    return df


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
            rows.append({
                "edition": ed, "metric": metric, "reported": total,
                "reported_qualifier": reported.qualifier if reported is not None else None,
                "reported_source_id": reported.source_id if reported is not None else "",
                "identified": n,
                "unidentified": max(total - n, 0) if total is not None else None,
                "share_identified": n / total if total else None,
                "list_complete": bool(complete.loc[ed]),
            })
    return pd.DataFrame(rows)


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
            out.append({"edition": ed, "metric": metric, "value": int(value),
                        "qualifier": v.qualifier.iloc[0], "as_written": " / ".join(dict.fromkeys(v.as_written)),
                        "source_ids": "|".join(v.source_id), "n_sources": len(v),
                        "is_preferred": bool(v.is_preferred.any())})
    cols = ["edition", "metric", "value", "qualifier", "as_written", "source_ids", "n_sources", "is_preferred"]
    return pd.DataFrame(out, columns=cols).sort_values(["edition", "metric", "is_preferred"],
                                                       ascending=[True, True, False]).reset_index(drop=True)


def sources_for(ds: Dataset, source_ids: str | list[str]) -> pd.DataFrame:
    """The source records behind a '|'-joined list of ids, in the given order."""
    ids = source_ids.split("|") if isinstance(source_ids, str) else list(source_ids)
    s = ds.sources.set_index("id")
    return s.loc[[i for i in ids if i in s.index]].reset_index()
