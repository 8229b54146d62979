"""The facts a press summary states, computed once for every language, as plain data.

Every figure keeps its qualifier; conflicts keep every source's value and the preferred one;
coverage says how many of the reported participants the sources name; comparisons come from the
one comparison rule (:mod:`dashboard.comparison`, through :func:`dashboard.metrics.compare`).
Nothing here is worded: a renderer per language (``render_en``, ``render_zh``) writes the
sentences and numbers the references.

With an organizer's registration list loaded, participants are split by where they come from
(:mod:`dashboard.provenance`): those public sources name, cited to those public sources, and those
only the list names, cited to the list — a list is cited for what it adds, never for what public
sources already support. Without a list the facts are those of the public sources alone.

Names are kept with all their language forms (``name_en``, ``name_zh``…) and picked by the renderer
through :mod:`dashboard.names`.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import comparison, metrics, provenance
from ..dataset import Dataset
from ..memo import per_dataset
from .model import source_ids

HEADLINE = ("attendees", "countries_and_regions", "international_organizations")
# The roles a summary names people for, in the order it names them.
SPEAKING_ROLES = ("opening_speech", "welcome_speech", "keynote", "video_address")


def _value(v):
    return None if v is None or v != v else int(v)


@dataclass(frozen=True)
class Figure:
    """A reported figure: metric, value, qualifier ('about', 'more_than'…), the source that gives it."""

    metric: str
    value: int | None
    qualifier: str | None
    source_id: str


@dataclass(frozen=True)
class Conflict:
    """Another source's value for a figure, and the value the summary uses (None when no source is
    preferred)."""

    metric: str
    value: int | None
    qualifier: str | None
    source_ids: str
    preferred: Figure | None


@dataclass(frozen=True)
class Coverage:
    """Countries and regions: how many are identified, of how many reported, and which — those public
    sources name (``public``, cited to ``source_ids``) and those only an organizer's list names
    (``list_only``, cited to ``list_source_ids``)."""

    complete: bool
    identified: int
    reported: int | None
    reported_qualifier: str | None
    public: tuple[dict, ...]  # code, name_en, name_zh
    source_ids: tuple[str, ...]  # the public sources that name them
    list_only: tuple[dict, ...] = ()
    list_source_ids: tuple[str, ...] = ()
    lists: tuple[str, ...] = ()  # every organizer's list of the edition (cited when it is the complete list)

    @property
    def participants(self) -> tuple[dict, ...]:
        return self.public + self.list_only


@dataclass(frozen=True)
class Organizations:
    identified: int
    reported: int | None
    reported_qualifier: str | None
    unidentified: int
    organizations: tuple[dict, ...]  # name_en, name_zh, acronym, listed_order: named in public sources
    source_ids: tuple[str, ...]
    list_only: tuple[dict, ...] = ()  # named only in an organizer's list
    list_source_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class SpeakerGroup:
    """The named people of one speaking role (rows with name, title, organization and their
    language forms)."""

    role: str
    people: tuple[dict, ...]
    source_ids: tuple[str, ...]


@dataclass(frozen=True)
class Plenary:
    count: int
    represents: tuple[dict, ...]  # represents_en, represents_zh of each plenary speaker
    source_ids: tuple[str, ...]


@dataclass(frozen=True)
class EditionFacts:
    edition: int
    number: int
    row: dict  # the edition's row: city_en, city_zh, province_*, country, host_*, theme_*, dates
    start_date: str
    end_date: str
    preferred_source_id: str
    host_source_ids: str
    figures: tuple[Figure, ...]  # reported headline figures (preferred values)
    conflicts: tuple[Conflict, ...]
    coverage: Coverage
    organizations: Organizations | None
    speakers: tuple[SpeakerGroup, ...]
    plenary: Plenary | None

    @property
    def figure_sources(self) -> list[str]:
        return list(dict.fromkeys(f.source_id for f in self.figures))


@dataclass(frozen=True)
class Change:
    """A headline figure of two editions under the comparison rule (only those that have a change)."""

    metric: str
    comparison: comparison.Comparison


@dataclass(frozen=True)
class ComparisonFacts:
    earlier: int
    later: int
    earlier_number: int
    later_number: int
    earlier_row: dict
    later_row: dict
    changes: tuple[Change, ...]
    both: tuple[dict, ...]  # countries and regions public sources name for both editions: code, name_en, name_zh
    complete: bool  # both editions have complete lists: firm words allowed
    both_source_ids: tuple[str, ...]
    # named for both editions only with an organizer's list for at least one of them, and the sources
    # that name them (per edition: the public ones where they do, else the list)
    both_with_list: tuple[dict, ...] = ()
    both_with_list_source_ids: tuple[str, ...] = ()


def _row(r) -> dict:
    return {k: (None if (v is None or (isinstance(v, float) and v != v)) else v) for k, v in dict(r).items()}


def preferred_source(ds: Dataset, edition: int, metric: str, fallback: str) -> str:
    """The source of the headline figure the summary uses for ``metric`` ('|'-joined fallback: its first)."""
    h = metrics.headline(ds)
    h = h[(h.edition == edition) & (h.metric == metric)]
    return h.source_id.iloc[0] if len(h) and h.source_id.iloc[0] else fallback.split("|")[0]


def _figures(ds: Dataset, edition: int) -> tuple[Figure, ...]:
    h = metrics.headline(ds)
    h = h[(h.edition == edition) & (h.basis == "reported")]
    return tuple(Figure(r.metric, _value(r.value), r.qualifier, r.source_id) for r in h.itertuples())


def _conflicts(ds: Dataset, edition: int) -> tuple[Conflict, ...]:
    out = []
    conf = metrics.figure_conflicts(ds, edition)
    for metric, grp in conf.groupby("metric", sort=False):
        pref = grp[grp.is_preferred]
        chosen = None
        if len(pref):
            p = pref.iloc[0]
            chosen = Figure(metric, _value(p.value), p.qualifier, preferred_source(ds, edition, metric, p.source_ids))
        for r in grp[~grp.is_preferred].itertuples():
            out.append(Conflict(metric, _value(r.value), r.qualifier, r.source_ids, chosen))
    return tuple(out)


def _entity_rows(ds: Dataset, codes) -> tuple[dict, ...]:
    names = metrics.participant_names(ds).drop_duplicates("code").set_index("code")
    return tuple({"code": c, "name_en": names.name_en.get(c), "name_zh": names.name_zh.get(c)} for c in codes)


def _by_name(rows: tuple[dict, ...]) -> tuple[dict, ...]:
    return tuple(sorted(rows, key=lambda r: str(r["name_en"])))


def _coverage(ds: Dataset, edition: int) -> Coverage:
    c = metrics.coverage(ds).set_index(["edition", "metric"]).loc[(edition, "countries_and_regions")]
    named = provenance.named(ds, edition)
    return Coverage(
        complete=bool(c.list_complete),
        identified=int(c.identified),
        reported=_value(c.reported),
        reported_qualifier=c.reported_qualifier if _value(c.reported) is not None else None,
        public=_entity_rows(ds, named.public),
        source_ids=named.public_source_ids,
        list_only=_entity_rows(ds, named.list_only),
        list_source_ids=named.list_source_ids,
        lists=provenance.list_ids(ds, edition),
    )


def _organizations(ds: Dataset, edition: int) -> Organizations | None:
    cov = metrics.coverage(ds).set_index(["edition", "metric"]).loc[(edition, "international_organizations")]
    orgs, _src = metrics.named_organizations(ds, edition)
    if orgs.empty:
        return None
    named = provenance.named(ds, edition, "international_organization")

    def rows(codes) -> tuple[dict, ...]:
        o = orgs.set_index("code")
        return tuple(
            {
                "name_en": o.name_en[c],
                "name_zh": o.name_zh[c],
                "acronym": o.acronym[c],
                "listed_order": o.listed_order[c],
            }
            for c in orgs.code
            if c in codes
        )

    return Organizations(
        identified=int(cov.identified),
        reported=_value(cov.reported),
        reported_qualifier=cov.reported_qualifier,
        unidentified=int(_value(cov.unidentified) or 0),
        organizations=rows(set(named.public)),
        source_ids=named.public_source_ids,
        list_only=rows(set(named.list_only)),
        list_source_ids=named.list_source_ids,
    )


def _speakers(ds: Dataset, edition: int) -> tuple[tuple[SpeakerGroup, ...], Plenary | None]:
    all_sp = metrics.speakers(ds, [edition])
    sp = all_sp[(all_sp["name"] != "") & (all_sp.role != "other")]
    groups = []
    if not sp.empty:
        for role in SPEAKING_ROLES:
            who = sp[sp.role == role]
            if len(who):
                groups.append(
                    SpeakerGroup(role, tuple(_row(r) for _, r in who.iterrows()), tuple(source_ids(who.source_ids)))
                )
    plenary = all_sp[all_sp.role == "plenary_speech"]
    plen = None
    if len(plenary) and not sp.empty:
        plen = Plenary(
            len(plenary),
            tuple({"represents_en": r.represents_en, "represents_zh": r.represents_zh} for r in plenary.itertuples()),
            tuple(source_ids(plenary.source_ids)),
        )
    return tuple(groups), plen


@per_dataset
def edition_facts(ds: Dataset, edition: int) -> EditionFacts:
    """Everything one edition's summary states."""
    e = ds.editions.set_index("edition").loc[edition]
    groups, plenary = _speakers(ds, edition)
    return EditionFacts(
        edition=int(edition),
        number=int(e.number),
        row=_row(e),
        start_date=str(e.start_date),
        end_date=str(e.end_date),
        preferred_source_id=e.preferred_source_id,
        host_source_ids=e.host_source_ids,
        figures=_figures(ds, edition),
        conflicts=_conflicts(ds, edition),
        coverage=_coverage(ds, edition),
        organizations=_organizations(ds, edition),
        speakers=groups,
        plenary=plenary,
    )


@per_dataset
def comparison_facts(ds: Dataset, earlier: int, later: int) -> ComparisonFacts:
    """Everything the summary of two editions states."""
    eds = ds.editions.set_index("edition")
    a, b = eds.loc[earlier], eds.loc[later]
    changes = []
    for metric in HEADLINE:
        c = metrics.compare(ds, earlier, later, metric)
        if c.has_change:
            changes.append(Change(metric, c))
    o = metrics.overlap(ds, earlier, later, "country_or_region")
    both = provenance.both_editions(ds, earlier, later)
    if bool(o.complete.any()):  # complete lists: every participant of both, cited to all its sources
        p = ds.participation
        codes = set(both.codes)
        src = p[p.edition.isin([earlier, later]) & p.code.isin(codes) & (p.participant_type == "country_or_region")]
        public, public_ids, with_list, with_list_ids = both.codes, tuple(source_ids(src.source_ids)), (), ()
    else:
        public, public_ids = both.public, both.public_source_ids
        with_list, with_list_ids = both.list_only, both.list_source_ids
    return ComparisonFacts(
        earlier=int(earlier),
        later=int(later),
        earlier_number=int(a.number),
        later_number=int(b.number),
        earlier_row=_row(a),
        later_row=_row(b),
        changes=tuple(changes),
        both=_by_name(_entity_rows(ds, public)),
        complete=bool(o.complete.any()),
        both_source_ids=public_ids,
        both_with_list=_by_name(_entity_rows(ds, with_list)),
        both_with_list_source_ids=with_list_ids,
    )
