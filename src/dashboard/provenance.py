"""Where each identified participant comes from: public sources, an organizer's registration list, or
both — so that every view and sentence cites the list for what it adds and public sources only for
what they support.

A participation row cites either public sources (``how_known`` named_as_present, a delegation in a
parallel session…) or an organizer's list (``how_known = registration_list``, added by the Import
page or ``python -m dashboard.ingest``). Per edition and participant this module says which:

* ``public``: named in public sources only;
* ``list``:   named only in an organizer's list (what the list adds);
* ``both``:   named in public sources and in a list (the list adds nothing the sources do not say).

Without any list every participant is ``public`` and every function here returns what the public
sources alone give, so views that use it are unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .dataset import Dataset
from .memo import per_dataset

PUBLIC, LIST, BOTH = "public", "list", "both"
ORIGINS = (PUBLIC, LIST, BOTH)
LIST_HOW_KNOWN = "registration_list"
# the coverage metrics (dashboard.metrics.coverage) and the kind of participant each counts
TYPE_OF_METRIC = {
    "countries_and_regions": "country_or_region",
    "international_organizations": "international_organization",
}


def _ids(values) -> list[str]:
    return sorted({i for v in values for i in str(v).split("|") if i and i != "nan"})


@per_dataset
def origins(ds: Dataset, editions: tuple[int, ...] | None = None, participant_type: str = "country_or_region"):
    """One row per edition × identified participant: ``origin`` (public, list, both), the public
    sources that name it (``public_source_ids``) and the lists that name it (``list_source_ids``),
    each '|'-joined."""
    p = ds.participation[ds.participation.participant_type == participant_type]
    if editions is not None:
        p = p[p.edition.isin(list(editions))]
    rows = []
    for (ed, code), g in p.groupby(["edition", "code"], sort=True):
        is_list = g.how_known == LIST_HOW_KNOWN
        public = _ids(g[~is_list].source_ids)
        lists = _ids(g[is_list].source_ids)
        origin = BOTH if public and lists else LIST if lists else PUBLIC
        rows.append(
            {
                "edition": int(ed),
                "code": code,
                "origin": origin,
                "public_source_ids": "|".join(public),
                "list_source_ids": "|".join(lists),
            }
        )
    cols = ["edition", "code", "origin", "public_source_ids", "list_source_ids"]
    return pd.DataFrame(rows, columns=cols)


@dataclass(frozen=True)
class Named:
    """The participants of one kind identified for an edition, by where they come from: those public
    sources name (perhaps a list too) with the public sources that name them, and those only an
    organizer's list names, with the lists."""

    public: tuple[str, ...]  # codes
    public_source_ids: tuple[str, ...]
    list_only: tuple[str, ...]  # codes
    list_source_ids: tuple[str, ...]

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(sorted(self.public + self.list_only))

    @property
    def has_list(self) -> bool:
        """Whether a list adds any participant (only then is it cited)."""
        return bool(self.list_only)


def named(ds: Dataset, edition: int, participant_type: str = "country_or_region") -> Named:
    """:class:`Named` for one edition and kind of participant."""
    return _named(ds, int(edition), participant_type)


@per_dataset
def _named(ds: Dataset, edition: int, participant_type: str) -> Named:
    o = origins(ds, (edition,), participant_type)
    pub = o[o.origin != LIST]
    only = o[o.origin == LIST]
    return Named(
        tuple(pub.code),
        tuple(_ids(pub.public_source_ids)),
        tuple(only.code),
        tuple(_ids(only.list_source_ids)),
    )


@dataclass(frozen=True)
class Counts:
    """How many participants of a kind an edition has identified, and from where."""

    identified: int
    public: int  # named in public sources (a list may name them too)
    list_only: int  # named only in an organizer's list


def counts(ds: Dataset, edition: int, participant_type: str = "country_or_region") -> Counts:
    """How many participants of a kind (``country_or_region`` or a coverage metric's name) an edition
    has identified, and from where."""
    n = named(ds, edition, TYPE_OF_METRIC.get(participant_type, participant_type))
    return Counts(len(n.public) + len(n.list_only), len(n.public), len(n.list_only))


def list_ids(ds: Dataset, edition: int) -> tuple[str, ...]:
    """The organizers' lists that name participants of an edition (whether or not they add any)."""
    o = origins(ds, (int(edition),), "country_or_region")
    o2 = origins(ds, (int(edition),), "international_organization")
    return tuple(_ids(list(o.list_source_ids) + list(o2.list_source_ids)))


def adding_lists(ds: Dataset, editions) -> set[str]:
    """The organizers' lists that add a participant to these editions (of either kind)."""
    return {
        sid
        for e in editions
        for kind in ("country_or_region", "international_organization")
        for sid in named(ds, int(e), kind).list_source_ids
    }


def origin_of(how_known: str) -> str:
    """public, list or both, from a '|'-joined set of ``how_known`` values (a map's or table's row)."""
    ways = {w for w in str(how_known).split("|") if w}
    if LIST_HOW_KNOWN not in ways:
        return PUBLIC
    return BOTH if ways - {LIST_HOW_KNOWN} else LIST


def list_adds(ds: Dataset, editions) -> bool:
    """Whether an organizer's list names a participant of these editions that no public source names:
    only then do views say that they show list data."""
    return any(
        named(ds, int(e), kind).has_list
        for e in editions
        for kind in ("country_or_region", "international_organization")
    )


def both_editions(ds: Dataset, earlier: int, later: int, participant_type: str = "country_or_region"):
    """Participants identified in both editions, split in two: those public sources name for both
    (with those public sources), and those named for both only with an organizer's list for at least
    one of them (with, per edition, the public sources where they name it, else the list)."""
    o = origins(ds, (earlier, later), participant_type).set_index(["edition", "code"])
    codes = sorted(set(o.loc[earlier].index) & set(o.loc[later].index)) if len(o) else []
    public, public_ids, with_list, with_list_ids = [], set(), [], set()
    for code in codes:
        rows = [o.loc[(ed, code)] for ed in (earlier, later)]
        if all(r.origin != LIST for r in rows):
            public.append(code)
            public_ids.update(i for r in rows for i in r.public_source_ids.split("|") if i)
        else:
            with_list.append(code)
            for r in rows:
                ids = r.public_source_ids if r.origin != LIST else r.list_source_ids
                with_list_ids.update(i for i in ids.split("|") if i)
    return Named(tuple(public), tuple(sorted(public_ids)), tuple(with_list), tuple(sorted(with_list_ids)))


__all__ = [
    "BOTH",
    "LIST",
    "ORIGINS",
    "PUBLIC",
    "TYPE_OF_METRIC",
    "Counts",
    "Named",
    "both_editions",
    "counts",
    "adding_lists",
    "list_adds",
    "origin_of",
    "list_ids",
    "named",
    "origins",
]
