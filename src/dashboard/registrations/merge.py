"""What a validated registration list adds to the dataset, and merging it into the tables.

Used by the build and by every page (the session's imported lists): imports pandas only — no
opencc, rapidfuzz or openpyxl — so that the pages stay cheap to load.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from ..vocab import PARTICIPANT_TYPES, SENIORITY

ENTITY, ORGANIZATION = PARTICIPANT_TYPES.codes  # country_or_region, international_organization


def anonymise(table: pd.DataFrame) -> pd.DataFrame:
    """Drop person names: only aggregates (who, by country/organization, role, mode) are kept."""
    return table.assign(full_name="")


def participation_rows(table: pd.DataFrame, source_id: str) -> pd.DataFrame:
    """edition × participant from a registration list (how_known = registration_list), with the
    level of the delegation's head as the list gives it (:func:`head_levels`)."""
    g = (
        table.groupby(["edition", "participant_type", "code"], sort=True)
        .agg(names_as_written=("written_name", lambda s: "|".join(sorted(set(s)))))
        .reset_index()
    )
    g["how_known"] = "registration_list"
    g["source_ids"] = source_id
    heads = head_levels(table)
    g["head_level"] = [heads.get((int(e), t, c), "") for e, t, c in zip(g.edition, g.participant_type, g.code)]
    return g[["edition", "participant_type", "code", "how_known", "names_as_written", "source_ids", "head_level"]]


def head_levels(table: pd.DataFrame) -> dict[tuple[int, str, str], str]:
    """(edition, participant type, code) -> the seniority of the delegation's head in a list.

    The head is the row whose role is head of delegation (团长); its title (职务) gives the level
    by the same rules as the sources' titles (``seniority``, derived on validation). A head whose
    title is missing or gives no level is 'not_derivable'. Where the list marks no head, the most
    senior titled person stands for the delegation, as for the people the public sources name.
    A delegation with neither a head nor a title gets no entry: the list says nothing of its level.
    """
    if table.empty:
        return {}
    order = {lvl: i for i, lvl in enumerate(SENIORITY.codes)}  # minister first, not_derivable last
    blank = pd.Series("", index=table.index)  # a list without titles (职务) still marks its heads
    t = table.assign(
        _level=table.get("seniority", blank).fillna("").astype(str),
        _title=table.get("title", blank).fillna("").astype(str).str.strip(),
    )
    out: dict[tuple[int, str, str], str] = {}
    for (ed, ptype, code), g in t.groupby(["edition", "participant_type", "code"], sort=False):
        heads = g[g.role == "head_of_delegation"]
        if len(heads):
            levels = [lv or "not_derivable" for lv in heads._level]
        else:
            levels = [lv for lv, title in zip(g._level, g._title) if title and lv]
        if levels:
            out[(int(ed), str(ptype), str(code))] = min(levels, key=lambda lv: order.get(lv, len(order)))
    return out


def figure_rows(table: pd.DataFrame, source_id: str) -> pd.DataFrame:
    """Counts from the list, as reported figures of the organizer's list (exact)."""
    rows = []
    for ed, g in table.groupby("edition"):
        counts = {
            "attendees": len(g),
            "countries_and_regions": g[g.participant_type == ENTITY].code.nunique(),
            "international_organizations": g[g.participant_type == ORGANIZATION].code.nunique(),
        }
        for metric, value in counts.items():
            rows.append(
                {
                    "edition": int(ed),
                    "scope": "sub_forum",
                    "metric": metric,
                    "value": int(value),
                    "qualifier": "exact",
                    "as_written": f"{value} in the organizer's registration list",
                    "source_id": source_id,
                    "is_preferred": False,
                    "note": "counted from the registration list",
                }
            )
    return pd.DataFrame(rows)


# --- when a list counts as the complete list of an edition ----------------------------------------
#
# Rule (documented in README "Import a registration list"): a list is the complete list of an edition
# only when BOTH
#   1. the organizer says so (an explicit declaration: the Import page's checkbox, or
#      ``python -m dashboard.ingest … --complete``), and
#   2. it is consistent with every total the sources report for that edition (the preferred
#      figure): for countries and regions, international organizations and attendees, the list's
#      own count is not below the reported total — for an exact or "at least" total the count must
#      reach it, for "more than N" exceed N, for an approximate or "nearly" total reach 90 % of it.
#      A metric no source reports is not checked.
# Otherwise the list adds identified participants (and so coverage) only: its counts are shown as
# differences from the reported figures, never stored as reported figures.

CHECKED_METRICS = ("countries_and_regions", "international_organizations", "attendees")
APPROXIMATE_SHARE = 0.9  # an approximate total ("about 300") is reached at 90 % of its value


def list_counts(table: pd.DataFrame) -> dict[str, int]:
    """What one edition's list counts: attendees (rows), distinct countries and regions, distinct
    international organizations."""
    return {
        "attendees": len(table),
        "countries_and_regions": int(table[table.participant_type == ENTITY].code.nunique()),
        "international_organizations": int(table[table.participant_type == ORGANIZATION].code.nunique()),
    }


def minimum_for(value: int, qualifier: str | None) -> int:
    """The smallest count of a complete list consistent with a reported total."""
    if qualifier == "more_than":
        return int(value) + 1
    if qualifier in ("about", "approximately", "nearly"):
        return math.ceil(int(value) * APPROXIMATE_SHARE)
    return int(value)


@dataclass(frozen=True)
class Difference:
    """One reported total beside the list's own count."""

    metric: str
    reported: int
    qualifier: str
    source_id: str
    listed: int
    minimum: int

    @property
    def consistent(self) -> bool:
        return self.listed >= self.minimum


@dataclass(frozen=True)
class Completeness:
    """Whether one edition's list is accepted as its complete list, and why (not)."""

    edition: int
    declared: bool  # the organizer says the list is complete
    differences: tuple[Difference, ...]  # every reported total next to the list's count

    @property
    def consistent(self) -> bool:
        return all(d.consistent for d in self.differences)

    @property
    def complete(self) -> bool:
        return self.declared and self.consistent

    @property
    def shortfalls(self) -> tuple[Difference, ...]:
        return tuple(d for d in self.differences if not d.consistent)


def completeness(reported_figures: pd.DataFrame, table: pd.DataFrame, edition: int, declared: bool) -> Completeness:
    """The rule above for one edition's rows of a list against the reported figures (the public
    sources' preferred totals; figures of organizers' lists themselves are not a yardstick)."""
    f = reported_figures
    f = f[
        (f.edition == edition) & (f.scope == "sub_forum") & f.is_preferred.astype(bool) & f.metric.isin(CHECKED_METRICS)
    ]
    counts = list_counts(table[table.edition == edition])
    diffs = []
    for metric in CHECKED_METRICS:
        rows = f[f.metric == metric]
        if rows.empty:
            continue
        r = rows.iloc[0]
        diffs.append(
            Difference(
                metric,
                int(r.value),
                str(r.qualifier),
                str(r.source_id),
                counts[metric],
                minimum_for(int(r.value), str(r.qualifier)),
            )
        )
    return Completeness(int(edition), bool(declared), tuple(diffs))


def source_record(
    source_id: str, file_name: str, edition: int, accessed: str, anonymised: bool, encoding: str = ""
) -> dict:
    """The source a registration list becomes; ``encoding`` says how a CSV's text was decoded
    ("Windows-1252 (chosen by the user on import)"), so that the reading can be repeated."""
    return {
        "id": source_id,
        "url": f"file:///{file_name}",
        "title": f"Organizer's registration list, {edition} ({file_name}){', names removed' if anonymised else ''}",
        "publisher": "Sub-forum organizers (file supplied by the user)",
        "language": "und",
        "kind": "organizer_list",
        "subkind": "registration_list",
        "published": None,
        "published_note": None,
        "accessed": accessed,
        "excerpt": None,
        "notes": "Participant list supplied by the organizers." + (f" Text encoding: {encoding}." if encoding else ""),
    }


def merge_into(
    frames: dict[str, pd.DataFrame], table: pd.DataFrame, source: dict, declared_complete: bool = False
) -> dict[str, pd.DataFrame]:
    """The tables with one registration list added: its participants (how_known =
    registration_list) and its source. Only when the list is accepted as complete (see
    :func:`completeness`: declared by the organizer *and* consistent with the reported totals) are
    its counts added as figures of the organizer's list and the edition marked as having a complete
    list. Returns new frames; the input is not changed."""
    out = dict(frames)
    sid = source["id"]
    editions = sorted(int(e) for e in table.edition.unique())
    part = participation_rows(table, sid)
    p = frames["participation"]
    p = p[~((p.how_known == "registration_list") & p.edition.isin(editions))]
    out["participation"] = (
        pd.concat([p, part.astype({"edition": p.edition.dtype})], ignore_index=True)
        .sort_values(["edition", "participant_type", "code", "how_known"])
        .reset_index(drop=True)
    )
    f = frames["reported_figures"]
    f = f[f.source_id != sid]
    accepted = [e for e in editions if completeness(f, table, e, declared_complete).complete]
    figs = figure_rows(table[table.edition.isin(accepted)], sid)
    if len(figs):
        f = pd.concat([f, figs.astype({"edition": f.edition.dtype})], ignore_index=True)
    out["reported_figures"] = f
    s = frames["sources"]
    out["sources"] = pd.concat([s[s.id != sid], pd.DataFrame([source]).reindex(columns=s.columns)], ignore_index=True)
    e = frames["editions"].copy()
    e.loc[e.edition.isin(accepted), "participant_list_complete"] = True
    out["editions"] = e
    return out


def what_changed(participation: pd.DataFrame, table: pd.DataFrame) -> pd.DataFrame:
    """Per edition of a list, what adding it changes against the participation known before it:
    countries and regions and organizations in the list and how many of them are new (not yet
    identified), attendees (rows) and how many carry a person's name."""
    rows = []
    for ed, g in table.groupby("edition", sort=True):
        known = participation[(participation.edition == int(ed)) & (participation.how_known != "registration_list")]
        row = {"edition": int(ed)}
        for key, ptype in (("countries_and_regions", ENTITY), ("international_organizations", ORGANIZATION)):
            codes = set(g[g.participant_type == ptype].code)
            row[key] = len(codes)
            row[f"{key}_new"] = len(codes - set(known[known.participant_type == ptype].code))
        row["attendees"] = len(g)
        row["named_people"] = int((g.full_name.fillna("").astype(str).str.strip() != "").sum())
        rows.append(row)
    return pd.DataFrame(rows)


def cleaned(table: pd.DataFrame, entities: pd.DataFrame, organizations: pd.DataFrame) -> pd.DataFrame:
    """A validated list in the template's columns, ready for ``python -m dashboard.ingest``: each
    country/region or organization under the English name it was matched to (so the user's
    resolutions need not be made again), roles and modes as their codes."""
    names = pd.concat([entities[["code", "name_en"]], organizations[["code", "name_en"]]], ignore_index=True)
    names = names.drop_duplicates("code").set_index("code").name_en
    out = table.assign(country_or_organization=table.code.map(names).fillna(table.written_name))
    has_titles = "title" in out.columns and (out["title"].fillna("").astype(str) != "").any()
    title = ["title"] if has_titles else []  # the title (职务) as written, when the list has titles
    return out[
        ["edition", "full_name", *title, "organization", "country_or_organization", "delegation", "role", "mode"]
    ]
