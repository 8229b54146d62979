"""What a validated registration list adds to the dataset, and merging it into the tables.

Used by the build and by every page (the session's imported lists): imports pandas only — no
opencc, rapidfuzz or openpyxl — so that the pages stay cheap to load.
"""

from __future__ import annotations

import pandas as pd

from ..vocab import PARTICIPANT_TYPES

ENTITY, ORGANIZATION = PARTICIPANT_TYPES.codes  # country_or_region, international_organization


def anonymise(table: pd.DataFrame) -> pd.DataFrame:
    """Drop person names: only aggregates (who, by country/organization, role, mode) are kept."""
    return table.assign(full_name="")


def participation_rows(table: pd.DataFrame, source_id: str) -> pd.DataFrame:
    """edition × participant from a registration list (how_known = registration_list)."""
    g = (table.groupby(["edition", "participant_type", "code"], sort=True)
         .agg(names_as_written=("written_name", lambda s: "|".join(sorted(set(s))))).reset_index())
    g["how_known"] = "registration_list"
    g["source_ids"] = source_id
    return g[["edition", "participant_type", "code", "how_known", "names_as_written", "source_ids"]]


def figure_rows(table: pd.DataFrame, source_id: str) -> pd.DataFrame:
    """Counts from the list, as reported figures of the organizer's list (exact)."""
    rows = []
    for ed, g in table.groupby("edition"):
        counts = {"attendees": len(g),
                  "countries_and_regions": g[g.participant_type == ENTITY].code.nunique(),
                  "international_organizations": g[g.participant_type == ORGANIZATION].code.nunique()}
        for metric, value in counts.items():
            rows.append({"edition": int(ed), "scope": "sub_forum", "metric": metric, "value": int(value),
                         "qualifier": "exact", "as_written": f"{value} in the organizer's registration list",
                         "source_id": source_id, "is_preferred": False, "note": "counted from the registration list"})
    return pd.DataFrame(rows)


def source_record(source_id: str, file_name: str, edition: int, accessed: str, anonymised: bool) -> dict:
    return {"id": source_id, "url": f"file:///{file_name}", "title": f"Organizer's registration list, {edition} "
            f"({file_name}){', names removed' if anonymised else ''}", "publisher": "Sub-forum organizers (file "
            "supplied by the user)", "language": "und", "kind": "organizer_list", "subkind": "registration_list",
            "published": None, "published_note": None, "accessed": accessed, "excerpt": None,
            "notes": "Complete participant list supplied by the organizers."}


def merge_into(frames: dict[str, pd.DataFrame], table: pd.DataFrame, source: dict) -> dict[str, pd.DataFrame]:
    """The tables with one registration list added: its participants (how_known =
    registration_list), its counts as reported figures of the organizer's list, its source, and
    the edition marked as having a complete list. Returns new frames; the input is not changed."""
    out = dict(frames)
    sid = source["id"]
    editions = sorted(int(e) for e in table.edition.unique())
    part = participation_rows(table, sid)
    p = frames["participation"]
    p = p[~((p.how_known == "registration_list") & p.edition.isin(editions))]
    out["participation"] = (pd.concat([p, part.astype({"edition": p.edition.dtype})], ignore_index=True)
                            .sort_values(["edition", "participant_type", "code", "how_known"]).reset_index(drop=True))
    f = frames["reported_figures"]
    f = f[f.source_id != sid]
    figs = figure_rows(table, sid)
    out["reported_figures"] = pd.concat([f, figs.astype({"edition": f.edition.dtype})], ignore_index=True)
    s = frames["sources"]
    out["sources"] = pd.concat([s[s.id != sid], pd.DataFrame([source]).reindex(columns=s.columns)],
                               ignore_index=True)
    e = frames["editions"].copy()
    e.loc[e.edition.isin(editions), "participant_list_complete"] = True
    out["editions"] = e
    return out
