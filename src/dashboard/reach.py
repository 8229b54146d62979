"""Reach: the questions organizers ask after each edition, as plain functions over the dataset.

Which members of a grouping (ASEAN, SCO, the LDCs…) took part in an edition, against the
membership on that edition's own dates (``grouping_members``: ``from``/``to``); which did not
appear (the invitation list); continuity between two editions; the level of each delegation's
head; international organizations by family.

Honest wording throughout: a state is "identified in public sources" or "in the organizer's
list"; "not identified" is never "absent" — only an edition with a complete list (the project's
completeness rule, :mod:`dashboard.registrations.merge`) says "not in the organizer's complete
list", and only two complete lists allow "returning" and "new".

Every function that returns text takes ``lang``; nothing here knows how many editions exist.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from . import metrics, names
from .dataset import Dataset
from .formatting import format_date, format_figure, format_list
from .i18n import t
from .memo import per_dataset
from .vocab import HEAD_LEVELS, MEMBERSHIP_ROLES, ORGANIZATION_FAMILIES, REACH_STATUS, SENIORITY, region_label

# Observer states of the UN: sovereign states in entities.csv that are not UN member states.
UN_OBSERVER_STATES = ("VAT", "PSE")
FOUND = ("identified", "listed")  # statuses that mean "took part" in an edition
# Roles shown beside a grouping's members and never counted as members ("invited" is not shown:
# a membership not confirmed).
ASSOCIATE_ROLES = ("observer", "partner", "associate_member")


@per_dataset
def grouping_name(ds: Dataset, code: str, lang: str) -> str:
    g = ds.groupings.set_index("code")
    return names.entity_form(g.loc[code], lang) if code in g.index else code


@per_dataset
def edition_day(ds: Dataset, edition: int) -> str:
    """The edition's first day (ISO): memberships are taken on this day."""
    e = ds.editions.set_index("edition")
    return str(e.at[edition, "start_date"])


@per_dataset
def is_complete(ds: Dataset, edition: int) -> bool:
    e = ds.editions.set_index("edition")
    return bool(e.at[edition, "participant_list_complete"])


@per_dataset
def un_member_states(ds: Dataset) -> set[str]:
    e = ds.entities
    return frozenset(e[(e.entity_type == "sovereign_state") & ~e.code.isin(UN_OBSERVER_STATES)].code)


@per_dataset
def members_on(ds: Dataset, grouping: str, day: str | dt.date, roles: tuple[str, ...] = ("member",)) -> set[str]:
    """Codes that hold ``roles`` in ``grouping`` on ``day`` (``from`` ≤ day ≤ ``to``)."""
    day = str(day)
    m = ds.grouping_members
    m = m[(m.grouping == grouping) & m.role.isin(roles) & (m["from"] <= day)]
    m = m[(m["to"].fillna("") == "") | (m["to"].fillna("") >= day)]
    return frozenset(m.code)  # cached (memo): never changed by a caller


@per_dataset
def statuses(ds: Dataset, edition: int) -> dict[str, str]:
    """code -> 'listed' (in an organizer's list) or 'identified' (in public sources), for every
    country or region known to have taken part in ``edition``."""
    p = ds.participation
    p = p[(p.edition == edition) & (p.participant_type == "country_or_region")]
    out = {c: "identified" for c in p.code}
    out.update({c: "listed" for c in p[p.how_known == "registration_list"].code})
    return out


@per_dataset
def has_list(ds: Dataset, edition: int) -> bool:
    """Whether an organizer's list (complete or not) names participants of ``edition``."""
    p = ds.participation
    return bool(((p.edition == edition) & (p.how_known == "registration_list")).any())


def status(ds: Dataset, edition: int, code: str) -> str:
    """'listed', 'identified', or — for a state not found — 'not_listed' when the edition has a
    complete list, 'not_found' when it has an incomplete one (neither it nor the sources name the
    state), else 'not_identified' (the sources name only part of the participants)."""
    found = statuses(ds, edition).get(code)
    if found:
        return found
    if is_complete(ds, edition):
        return "not_listed"
    return "not_found" if has_list(ds, edition) else "not_identified"


@per_dataset
def reported_total(ds: Dataset, edition: int, lang: str) -> str:
    """The edition's reported number of countries and regions as written ('57', 'more than 50'); ''
    when no source reports one."""
    st = metrics.stated(ds, edition, "countries_and_regions")
    if st.value is None:
        return ""
    return format_figure(st.value, st.qualifier, lang=lang)


def cell_label(found: int, members: int, complete: bool, lang: str) -> str:
    if complete:
        return t("{n} of {m} in the organizer's list", n=found, m=members, lang=lang)
    return t("{n} of {m} identified", n=found, m=members, lang=lang)


@per_dataset
def grouping_matrix(ds: Dataset, editions: list[int], groupings: list[str], lang: str) -> pd.DataFrame:
    """Grouping × edition: members on the edition's first day, how many of them were identified
    (or listed), how many not, the edition's reported total and every country or region
    identified, and the cell's words ('6 of 10 identified')."""
    rows = []
    for g in groupings:
        for ed in editions:
            day = edition_day(ds, ed)
            mem = members_on(ds, g, day)
            found = {c for c in mem if statuses(ds, ed).get(c) in FOUND}
            complete = is_complete(ds, ed)
            assoc = members_on(ds, g, day, ASSOCIATE_ROLES)
            rows.append(
                {
                    "grouping": g,
                    "grouping_name": grouping_name(ds, g, lang),
                    "edition": ed,
                    "membership_date": day,
                    "members": len(mem),
                    "found": len(found),
                    "not_found": len(mem) - len(found),
                    "complete_list": complete,
                    "label": cell_label(len(found), len(mem), complete, lang),
                    # observers, partners, associate members: beside the members, never counted as members
                    "associates": len(assoc),
                    "associates_found": sum(statuses(ds, ed).get(c) in FOUND for c in assoc),
                    "identified_all": len(statuses(ds, ed)),
                    "reported_total": reported_total(ds, ed, lang),
                }
            )
    return pd.DataFrame(rows)


@per_dataset
def member_statuses(ds: Dataset, grouping: str, editions: list[int], lang: str) -> pd.DataFrame:
    """Every state that was a member on any chosen edition's first day, with its status per
    edition ('not a member then' where it was not yet, or no longer, a member)."""
    days = {ed: edition_day(ds, ed) for ed in editions}
    mem = {ed: members_on(ds, grouping, day) for ed, day in days.items()}
    codes = sorted(set().union(*mem.values())) if mem else []
    ents = ds.entities.set_index("code")
    rows = []
    for c in codes:
        row = {
            "code": c,
            "name_zh": ents.at[c, "name_zh"],
            "name_en": ents.at[c, "name_en"],
            "region": region_label(ents.at[c, "region"], lang),
        }
        for ed in editions:
            if c not in mem[ed]:
                day = format_date(days[ed], lang=lang)
                row[ed] = t("not a member on {day}", day=day, lang=lang)
                row[f"status_{ed}"] = "not_member"
            else:
                s = status(ds, ed, c)
                row[ed] = REACH_STATUS.label(s, lang)
                row[f"status_{ed}"] = s
        rows.append(row)
    return pd.DataFrame(
        rows, columns=["code", "name_zh", "name_en", "region", *editions, *(f"status_{e}" for e in editions)]
    )


@per_dataset
def associate_statuses(ds: Dataset, grouping: str, editions: list[int], lang: str) -> pd.DataFrame:
    """Observers, partners and associate members of ``grouping`` on any chosen edition's first day:
    per edition their role then and whether they were identified (or listed). Shown beside the
    members, never counted as members. Also the sources of the rows."""
    days = {ed: edition_day(ds, ed) for ed in editions}
    m = ds.grouping_members
    m = m[(m.grouping == grouping) & m.role.isin(ASSOCIATE_ROLES)]
    ents = ds.entities.set_index("code")
    rows = []
    for c in sorted(set(m.code)):
        row = {
            "code": c,
            "name_zh": ents.at[c, "name_zh"],
            "name_en": ents.at[c, "name_en"],
            "region": region_label(ents.at[c, "region"], lang),
            "source_ids": "|".join(dict.fromkeys(x for ids in m[m.code == c].source_ids for x in str(ids).split("|"))),
        }
        held = False
        for ed, day in days.items():
            on = m[(m.code == c) & (m["from"] <= day) & ((m["to"].fillna("") == "") | (m["to"].fillna("") >= day))]
            if on.empty:
                row[ed] = t("no such status on {day}", day=format_date(day, lang=lang), lang=lang)
                row[f"role_{ed}"] = ""
                row[f"status_{ed}"] = ""
                continue
            held = True
            role = str(on.role.iloc[0])
            s = status(ds, ed, c)
            row[ed] = t(
                "{role}: {status}",
                role=MEMBERSHIP_ROLES.label(role, lang),
                status=REACH_STATUS.label(s, lang),
                lang=lang,
            )
            row[f"role_{ed}"] = role
            row[f"status_{ed}"] = s
        if held:
            rows.append(row)
    cols = [
        "code",
        "name_zh",
        "name_en",
        "region",
        *editions,
        *(f"role_{e}" for e in editions),
        *(f"status_{e}" for e in editions),
        "source_ids",
    ]
    return pd.DataFrame(rows, columns=cols)


@per_dataset
def share_vs_world(ds: Dataset, editions: list[int], groupings: list[str], lang: str) -> pd.DataFrame:
    """Per grouping and edition: its members' share of all countries and regions identified in the
    edition, against its members' share of the UN's 193 member states."""
    un = un_member_states(ds)
    rows = []
    for g in groupings:
        for ed in editions:
            mem = members_on(ds, g, edition_day(ds, ed))
            found_all = [c for c, s in statuses(ds, ed).items() if s in FOUND]
            found = [c for c in found_all if c in mem]
            rows.append(
                {
                    "grouping": g,
                    "grouping_name": grouping_name(ds, g, lang),
                    "edition": ed,
                    "share_of_identified": len(found) / len(found_all) if found_all else 0.0,
                    "share_of_un_members": len(mem & un) / len(un) if un else 0.0,
                    "found": len(found),
                    "identified_all": len(found_all),
                    "un_members_in_grouping": len(mem & un),
                    "un_members": len(un),
                }
            )
    return pd.DataFrame(rows)


@per_dataset
def continuity(ds: Dataset, earlier: int, later: int, lang: str) -> pd.DataFrame:
    """Countries and regions of two editions: in both / only the earlier / only the later, worded
    firmly only with two complete lists, with the level of the delegation's head in each."""
    ov = metrics.overlap(ds, earlier, later, "country_or_region")
    complete = is_complete(ds, earlier) and is_complete(ds, later)
    labels = metrics.overlap_labels_of(ds, earlier, later, complete, lang=lang)
    heads = head_levels(ds)
    out = pd.DataFrame(
        {
            "code": ov.code,
            "name_zh": ov.name_zh,
            "name_en": ov.name_en,
            "region": ov.region.map(lambda r: region_label(r, lang)),
            "status": ov.status.astype(str),
            "status_label": ov.status.astype(str).map(labels),
            "complete": complete,
        }
    )
    for ed in (earlier, later):
        lv = heads[heads.edition == ed].set_index("code").level
        out[f"head_{ed}"] = [
            HEAD_LEVELS.label(lv.get(c, "no_person_named"), lang) if statuses(ds, ed).get(c) else "" for c in out.code
        ]
    return out


@per_dataset
def head_levels(ds: Dataset) -> pd.DataFrame:
    """edition × country or region identified: the level of its delegation's head, and where it
    comes from (``basis``).

    An organizer's list loaded for the edition decides where it gives a level (its head of
    delegation, 团长, and that person's title; see
    :func:`dashboard.registrations.merge.head_levels`): ``basis`` = 'list'. Otherwise the most senior
    person the sources name in the sub-forum (titles → :func:`dashboard.cleaning.seniority`):
    'sources'; 'no_person_named' (basis '') when neither names anybody of it."""
    order = {lvl: i for i, lvl in enumerate(SENIORITY.codes)}  # minister first
    p = ds.people
    p = p[(p.scope == "sub_forum") & (p.participant_type == "country_or_region")]
    best = (
        p.assign(rank=p.seniority.map(order).fillna(len(order)))
        .sort_values("rank")
        .drop_duplicates(["edition", "code"])[["edition", "code", "seniority"]]
    )
    part = ds.participation
    listed = part[(part.how_known == "registration_list") & (part.participant_type == "country_or_region")]
    if "head_level" in listed.columns:
        listed = listed[listed.head_level.fillna("").astype(str) != ""]
        from_list = {(int(e), c): lv for e, c, lv in zip(listed.edition, listed.code, listed.head_level)}
    else:
        from_list = {}
    rows = []
    for ed in ds.edition_ids:
        b = best[best.edition == ed].set_index("code").seniority
        for c in sorted(statuses(ds, ed)):
            if (ed, c) in from_list:
                level, basis = from_list[(ed, c)], "list"
            elif c in b.index:
                level, basis = b[c], "sources"
            else:
                level, basis = "no_person_named", ""
            rows.append({"edition": ed, "code": c, "level": level, "basis": basis})
    return pd.DataFrame(rows, columns=["edition", "code", "level", "basis"])


@per_dataset
def delegation_levels(ds: Dataset, editions: list[int], lang: str) -> pd.DataFrame:
    """Counts of delegations by UN M49 region, edition and level of the head."""
    h = head_levels(ds)
    h = h[h.edition.isin(editions)]
    regions = ds.entities.set_index("code").region
    h = h.assign(region=h.code.map(regions))
    g = h.groupby(["edition", "region", "level"]).size().rename("delegations").reset_index()
    g["region_label"] = g.region.map(lambda r: region_label(r, lang))
    g["level_label"] = g.level.map(lambda v: HEAD_LEVELS.label(v, lang))
    g["level"] = pd.Categorical(g.level, HEAD_LEVELS.codes, ordered=True)
    return g.sort_values(["edition", "region", "level"]).reset_index(drop=True)


@per_dataset
def organizations_by_family(ds: Dataset, editions: list[int], lang: str) -> pd.DataFrame:
    """International organizations identified per edition, by family (UN system, regional
    organizations, law-enforcement cooperation…), with their names."""
    p = ds.participation
    p = p[(p.participant_type == "international_organization") & p.edition.isin(editions)]
    p = p.drop_duplicates(["edition", "code"])
    o = ds.organizations.set_index("code")
    rows = []
    for ed in editions:
        sub = p[p.edition == ed]
        for fam in ORGANIZATION_FAMILIES.codes:
            codes = sorted(c for c in sub.code if o.at[c, "family"] == fam)
            rows.append(
                {
                    "edition": ed,
                    "family": fam,
                    "family_label": ORGANIZATION_FAMILIES.label(fam, lang),
                    "count": len(codes),
                    "organizations": _joined([names.entity_form(o.loc[c], lang) for c in codes], lang),
                }
            )
    return pd.DataFrame(rows)


def _joined(items: list[str], lang: str) -> str:
    return format_list(items, lang=lang) if items else ""


# --- the invitation worksheet ---------------------------------------------------------------------

SCOPE_KINDS = ("un", "region", "grouping")


@per_dataset
def scope_states(ds: Dataset, kind: str, code: str, day: str | dt.date) -> set[str]:
    """The states a worksheet covers: all UN member states, the UN member states of an M49 region,
    or a grouping's members on ``day``."""
    if kind == "grouping":
        return members_on(ds, code, day)
    un = un_member_states(ds)
    if kind == "region":
        e = ds.entities
        return frozenset(c for c in e[e.region == region_label(code, "en")].code if c in un)
    return un


@per_dataset
def invitation_list(ds: Dataset, kind: str, code: str, editions: list[int], day: str | dt.date) -> pd.DataFrame:
    """States in scope that took part in none of ``editions`` (not identified in public sources, or
    not in a complete organizer's list), with both names, region and their status per edition
    (status codes; the UI labels them). Sorted by region, then English name."""
    states = scope_states(ds, kind, code, day)
    e = ds.entities.set_index("code")
    rows = []
    for c in sorted(states):
        st = {ed: status(ds, ed, c) for ed in editions}
        if any(s in FOUND for s in st.values()):
            continue
        rows.append(
            {
                "code": c,
                "name_zh": e.at[c, "name_zh"],
                "name_en": e.at[c, "name_en"],
                "region": e.at[c, "region"],
                "sub_region": e.at[c, "sub_region"],
                **{f"status_{ed}": s for ed, s in st.items()},
            }
        )
    cols = ["code", "name_zh", "name_en", "region", "sub_region", *(f"status_{ed}" for ed in editions)]
    return pd.DataFrame(rows, columns=cols).sort_values(["region", "name_en"]).reset_index(drop=True)


def worksheet(ds: Dataset, invitations: pd.DataFrame, editions: list[int], lang: str) -> pd.DataFrame:
    """The invitation list as a reader-ready table: headers and values in ``lang``."""
    out = pd.DataFrame(
        {
            t("Chinese name", lang=lang): invitations.name_zh,
            t("English name", lang=lang): invitations.name_en,
            t("Code", lang=lang): invitations.code,
            t("Region", lang=lang): invitations.region.map(lambda r: region_label(r, lang)),
            t("Sub-region", lang=lang): invitations.sub_region.map(lambda r: region_label(r, lang)),
        }
    )
    for ed in editions:
        out[t("{e} edition", e=ed, lang=lang)] = invitations[f"status_{ed}"].map(lambda s: REACH_STATUS.label(s, lang))
    return out


# --- outcomes and side events ---------------------------------------------------------------------


@per_dataset
def outcomes(ds: Dataset, editions: list[int]) -> pd.DataFrame:
    """The sub-forum's outcomes (documents, commitments, initiatives) of ``editions``, as written."""
    o = ds.outcomes
    return (
        o[(o.scope == "sub_forum") & o.edition.isin(editions)].sort_values(["edition", "item"]).reset_index(drop=True)
    )


@per_dataset
def side_events(ds: Dataset, editions: list[int]) -> pd.DataFrame:
    s = ds.side_events
    return s[s.edition.isin(editions)].sort_values(["edition", "date"]).reset_index(drop=True)
