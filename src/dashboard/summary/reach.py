"""The press summary's reach sentence: how many members of each grouping an edition's complete
organizer's list counts — stated only where the numbers are firm.

Firm means the project's completeness rule (:mod:`dashboard.registrations.merge`): the edition has
a complete organizer's list. Public sources name only part of the participants, so without such a
list "2 of the 10 ASEAN members were identified" says how much the sources name, not who came: the
summary then says nothing about groupings (the Reach page shows the identified counts, worded as
such). One fact builder and one sentence, worded through the catalogue in every language.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import reach
from ..dataset import Dataset
from ..formatting import format_date, format_list
from ..i18n import t
from .model import Refs, source_ids


@dataclass(frozen=True)
class GroupingCount:
    grouping: str  # code
    found: int  # members in the complete list
    members: int  # members on the edition's first day


@dataclass(frozen=True)
class ReachFacts:
    edition: int
    day: str  # the edition's first day: memberships are taken on it
    counts: tuple[GroupingCount, ...]  # groupings with at least one member in the list, in table order
    source_ids: tuple[str, ...]  # the organizer's lists


def reach_facts(ds: Dataset, edition: int) -> ReachFacts | None:
    """The firm reach facts of an edition, or None when its numbers are not firm (no complete list)
    or no grouping has a member in the list."""
    if not reach.is_complete(ds, edition):
        return None
    m = reach.grouping_matrix(ds, [edition], list(ds.groupings.code), "en")
    counts = tuple(GroupingCount(r.grouping, int(r.found), int(r.members)) for r in m.itertuples() if r.found > 0)
    if not counts:
        return None
    p = ds.participation
    lists = p[(p.edition == edition) & (p.how_known == "registration_list")]
    return ReachFacts(edition, reach.edition_day(ds, edition), counts, tuple(source_ids(lists.source_ids)))


def reach_sentence(ds: Dataset, facts: ReachFacts | None, refs: Refs, lang: str) -> str:
    """'Of the members of each grouping on 17 September 2025, the organizer's complete list counts
    6 of the 10 of ASEAN, … [3].' — or '' when the numbers are not firm."""
    if facts is None:
        return ""
    items = [
        t("{n} of the {m} of {g}", n=c.found, m=c.members, g=reach.grouping_name(ds, c.grouping, lang), lang=lang)
        for c in facts.counts
    ]
    return t(
        "Of the members of each grouping on {day}, the organizer's complete list counts {items} {ref}.",
        day=format_date(facts.day, lang=lang),
        items=format_list(items, lang=lang),
        ref=refs.cite(*facts.source_ids),
        lang=lang,
    )
