"""The press summary in sentences shaped like English news copy, every template a catalogue message:
this renderer serves English and any language whose catalogue translates its messages (a language
whose sentences need another shape has its own renderer, like :mod:`.render_zh`).

Only what the facts support is said: no "dropped out" or "new" from partial participant lists, no
difference computed from a "more than" figure, conflicts mentioned with both sources.
"""

from __future__ import annotations

from .. import citations, comparison, names
from ..dataset import Dataset
from ..formatting import format_date_range, format_figure, format_list, join_clauses
from ..i18n import t, tn
from ..vocab import METRIC_NOUNS
from .facts import ComparisonFacts, EditionFacts
from .model import Refs, Summary
from .reach import reach_facts, reach_sentence


def _count(n: int, lang: str) -> str:
    """Numbers up to ten in words (house style for counts in running text)."""
    words = [
        t("zero", lang=lang),
        t("one", lang=lang),
        t("two", lang=lang),
        t("three", lang=lang),
        t("four", lang=lang),
        t("five", lang=lang),
        t("six", lang=lang),
        t("seven", lang=lang),
        t("eight", lang=lang),
        t("nine", lang=lang),
        t("ten", lang=lang),
    ]
    return words[n] if 0 <= n < len(words) else str(n)


def _ordinal(n: int, lang: str) -> str:
    words = {
        1: t("first", lang=lang),
        2: t("second", lang=lang),
        3: t("third", lang=lang),
        4: t("fourth", lang=lang),
        5: t("fifth", lang=lang),
        6: t("sixth", lang=lang),
        7: t("seventh", lang=lang),
        8: t("eighth", lang=lang),
        9: t("ninth", lang=lang),
        10: t("tenth", lang=lang),
    }
    return words.get(n) or t("{n}th", lang=lang, n=n)


def _capitalize(s: str) -> str:
    return s[:1].upper() + s[1:]


def _source_name(ds: Dataset, source_id: str, lang: str) -> str:
    """'the National Immigration Administration of China's “Chair's statement, 2025”' — whichever source
    supplied the figure."""
    r = ds.sources.set_index("id").loc[source_id]
    short = r.short_title if isinstance(r.short_title, str) and r.short_title else r.title
    return t(
        "{publisher}, \u201c{title}\u201d",
        lang=lang,
        publisher=citations.publisher(ds, source_id, lang=lang),
        title=short,
    )


def _title(title: str, organization: str) -> str:
    """'Director General, International Organization for Migration (IOM)' when the title alone
    does not say where."""
    if organization and " of " not in title and organization.split(" (")[0].casefold() not in title.casefold():
        return f"{title}, {organization}"
    return title


def _headline(ds: Dataset, f: EditionFacts, refs: Refs, lang: str) -> str:
    if not f.figures:
        return t("No source found reports how many took part.", lang=lang)
    fig = {x.metric: format_figure(x.value, x.qualifier, lang=lang) for x in f.figures}
    sources = f.figure_sources
    if len(sources) == 1:
        ref = refs.cite(sources[0], claim=citations.FIGURES)
        who = _source_name(ds, sources[0], lang)
        if {"attendees", "countries_and_regions", "international_organizations"} <= set(fig):
            return t(
                "According to {source}, {a} attendees took part, from {c} countries and regions and {o} "
                "international organizations {ref}.",
                lang=lang,
                source=who,
                a=fig["attendees"],
                c=fig["countries_and_regions"],
                o=fig["international_organizations"],
                ref=ref,
            )
        parts = ", ".join(f"{v} {METRIC_NOUNS.label(m, lang=lang)}" for m, v in fig.items())
        return t("According to {source}: {parts} {ref}.", lang=lang, source=who, parts=parts, ref=ref)
    parts = join_clauses(
        (
            t(
                "{figure} {noun} according to {source} {ref}",
                lang=lang,
                figure=format_figure(x.value, x.qualifier, lang=lang),
                noun=METRIC_NOUNS.label(x.metric, lang=lang),
                source=_source_name(ds, x.source_id, lang),
                ref=refs.cite(x.source_id, claim=citations.FIGURES),
            )
            for x in f.figures
        ),
        lang=lang,
    )
    return _capitalize(parts) + "."


def _conflicts(ds: Dataset, f: EditionFacts, refs: Refs, lang: str) -> list[str]:
    out = []
    for c in f.conflicts:
        noun = METRIC_NOUNS.label(c.metric, lang=lang)
        ref = refs.cite(c.source_ids, claim=citations.FIGURES)
        if c.preferred is not None:
            out.append(
                t(
                    "Other sources give {value} {noun} {ref}; this summary uses {pref} from {source}.",
                    lang=lang,
                    value=format_figure(c.value, c.qualifier, lang=lang),
                    noun=noun,
                    ref=ref,
                    pref=format_figure(c.preferred.value, c.preferred.qualifier, lang=lang),
                    source=_source_name(ds, c.preferred.source_id, lang),
                )
            )
        else:
            out.append(
                t(
                    "Other sources give {value} {noun} {ref}.",
                    lang=lang,
                    value=format_figure(c.value, c.qualifier, lang=lang),
                    noun=noun,
                    ref=ref,
                )
            )
    return out


def _by_origin(public: list[str], public_ref: str, listed: list[str], list_ref: str, lang: str) -> str:
    """'13 in public sources (A, B, and C) [1][2] and 14 only in the list (D and E) [3]': participants
    split by where they come from, each part citing only the sources that name it."""
    parts = []
    if public:
        parts.append(
            t(
                "{n} in public sources ({names}) {ref}",
                lang=lang,
                n=len(public),
                names=format_list(public, lang=lang),
                ref=public_ref,
            )
        )
    if listed:
        parts.append(
            t(
                "{n} only in the organizer's list ({names}) {ref}",
                lang=lang,
                n=len(listed),
                names=format_list(listed, lang=lang),
                ref=list_ref,
            )
        )
    return format_list(parts, lang=lang)


def _coverage(ds: Dataset, f: EditionFacts, refs: Refs, lang: str) -> str:
    c = f.coverage
    n = c.identified
    if c.complete:
        listed = format_list(sorted(names.entity_form(p, lang) for p in c.participants), lang=lang)
        return tn(
            "The organizers' list names the {n} country or region: {names} {ref}.",
            "The organizers' list names all {n} countries and regions: {names} {ref}.",
            n,
            lang=lang,
            names=listed,
            ref=refs.cite(*(c.lists or c.source_ids)),
        )
    total = format_figure(c.reported, c.reported_qualifier, lang=lang) if c.reported is not None else None
    if c.list_only:  # an organizer's list adds participants: each part cites only what names it
        parts = _by_origin(
            sorted(names.entity_form(p, lang) for p in c.public),
            refs.cite(*c.source_ids),
            sorted(names.entity_form(p, lang) for p in c.list_only),
            refs.cite(*c.list_source_ids),
            lang,
        )
        if total:
            return t(
                "Public sources and the organizer's list identify {n} of the {total} countries and regions: {parts}.",
                lang=lang,
                n=n,
                total=total,
                parts=parts,
            )
        return tn(
            "Public sources and the organizer's list identify {n} country or region: {parts}.",
            "Public sources and the organizer's list identify {n} countries and regions: {parts}.",
            n,
            lang=lang,
            parts=parts,
        )
    listed = format_list(sorted(names.entity_form(p, lang) for p in c.public), lang=lang)
    ref = refs.cite(*c.source_ids)
    head = (
        t("Public sources name {n} of the {total} countries and regions", lang=lang, n=n, total=total)
        if total
        else tn(
            "Public sources name {n} country or region",
            "Public sources name {n} countries and regions",
            n,
            lang=lang,
        )
    )
    return f"{head}: {listed} {ref}."


def _org_names(rows, lang: str) -> list[str]:
    return [
        f"{names.entity_form(r, lang)} ({r['acronym']})" if r["acronym"] else names.entity_form(r, lang) for r in rows
    ]


def _organizations(f: EditionFacts, refs: Refs, lang: str) -> str:
    o = f.organizations
    if o is None:
        return ""
    if o.list_only:  # an organizer's list adds organizations: each part cites only what names it
        parts = _by_origin(
            _org_names(o.organizations, lang),
            refs.cite(*o.source_ids),
            _org_names(o.list_only, lang),
            refs.cite(*o.list_source_ids),
            lang,
        )
        if o.unidentified:
            return t(
                "Public sources and the organizer's list identify {n} of the {total} international organizations: "
                "{parts}; the others are named neither in the sources found nor in the list.",
                lang=lang,
                n=o.identified,
                total=format_figure(o.reported, o.reported_qualifier, lang=lang),
                parts=parts,
            )
        return t(
            "The international organizations identified are {parts}.",
            lang=lang,
            parts=parts,
        )
    listed = format_list(_org_names(o.organizations, lang), lang=lang)
    ref = refs.cite(*o.source_ids)
    if o.unidentified:
        return tn(
            "{n} of the {total} international organizations is named: {names} {ref}; the others are not "
            "named in the sources found.",
            "{n} of the {total} international organizations are named: {names} {ref}; the others are not "
            "named in the sources found.",
            o.identified,
            lang=lang,
            n=_capitalize(_count(o.identified, lang)),
            total=format_figure(o.reported, o.reported_qualifier, lang=lang),
            names=listed,
            ref=ref,
        )
    return t("The international organizations named are {names} {ref}.", lang=lang, names=listed, ref=ref)


def _role_words(role: str, lang: str) -> str:
    return {
        "opening_speech": t("gave the opening speech", lang=lang),
        "welcome_speech": t("gave a welcome speech", lang=lang),
        "keynote": t("delivered a keynote speech", lang=lang),
        "video_address": t("spoke by video", lang=lang),
    }[role]


def _speakers(f: EditionFacts, refs: Refs, lang: str) -> str:
    if not f.speakers:
        return ""
    parts = []
    for g in f.speakers:
        people = [
            f"{names.person_name(r, lang)} ({_title(names.person_title(r, lang), names.person_organization(r, lang))})"
            for r in g.people
        ]
        parts.append(
            t(
                "{people} {words} {ref}",
                lang=lang,
                people=format_list(people, lang=lang),
                words=_role_words(g.role, lang),
                ref=refs.cite(*g.source_ids),
            )
        )
    if f.plenary is not None:
        represents = sorted({r for r in (names.represents_form(x, lang) for x in f.plenary.represents) if r})
        parts.append(
            tn(
                "{n} plenary speaker is listed in the sources, from {countries} {ref}",
                "{n} plenary speakers are listed in the sources, from {countries} {ref}",
                f.plenary.count,
                lang=lang,
                n=_count(f.plenary.count, lang),
                countries=format_list(represents, lang=lang),
                ref=refs.cite(*f.plenary.source_ids),
            )
        )
    return _capitalize(join_clauses(parts, lang=lang)) + "."


def render_edition(ds: Dataset, f: EditionFacts, lang: str) -> Summary:
    """The summary of one edition from its facts, in ``lang``."""
    refs = Refs(ds, lang)
    e = f.row
    intro = t(
        "The {ordinal} Sub-Forum on Migration Management Cooperation of the Global Public Security Cooperation "
        "Forum (Lianyungang) was held in {city}, {province}, {country}, on {dates}, hosted by the {host} {ref}.",
        lang=lang,
        ordinal=_ordinal(f.number, lang),
        city=names.edition_city(e, lang),
        province=names.edition_province(e, lang),
        country=e["country"],
        dates=format_date_range(f.start_date, f.end_date, lang=lang),
        host=names.edition_host(e, lang),
        ref=refs.cite(f.preferred_source_id, f.host_source_ids),
    )
    theme = names.theme(ds, f.edition, lang)
    if theme:
        intro += " " + t(
            "Its theme was \u201c{theme}\u201d {ref}.", lang=lang, theme=theme, ref=refs.cite(f.preferred_source_id)
        )
    figures = " ".join([_headline(ds, f, refs, lang)] + _conflicts(ds, f, refs, lang))
    who = " ".join(x for x in [_coverage(ds, f, refs, lang), _organizations(f, refs, lang)] if x)
    who = " ".join(x for x in [who, reach_sentence(ds, reach_facts(ds, f.edition), refs, lang)] if x)
    paragraphs = [intro, figures, who]
    speakers = _speakers(f, refs, lang)
    if speakers:
        paragraphs.append(speakers)
    title = t(
        "The {ordinal} Sub-Forum on Migration Management Cooperation ({city}, {year})",
        lang=lang,
        ordinal=_ordinal(f.number, lang),
        city=names.edition_city(e, lang),
        year=f.edition,
    )
    return Summary(title, paragraphs, refs)


def render_comparison(ds: Dataset, f: ComparisonFacts, lang: str) -> Summary:
    """The summary of two editions from their facts, in ``lang``."""
    refs = Refs(ds, lang)
    a, b = f.earlier_row, f.later_row
    sentences = [
        t(
            "The {oa} sub-forum was held in {ca} on {da}; the {ob}, in {cb} on {db} {ref}.",
            lang=lang,
            oa=_ordinal(f.earlier_number, lang),
            ca=names.edition_city(a, lang),
            da=format_date_range(a["start_date"], a["end_date"], lang=lang),
            ob=_ordinal(f.later_number, lang),
            cb=names.edition_city(b, lang),
            db=format_date_range(b["start_date"], b["end_date"], lang=lang),
            ref=refs.cite(a["preferred_source_id"], b["preferred_source_id"]),
        )
    ]
    for ch in f.changes:
        c, metric = ch.comparison, ch.metric
        ea, lb = c.earlier, c.later
        fields = dict(
            Noun=_capitalize(METRIC_NOUNS.label(metric, lang=lang)),
            va=format_figure(ea.value, ea.qualifier, lang=lang),
            ya=f.earlier,
            vb=format_figure(lb.value, lb.qualifier, lang=lang),
            yb=f.later,
            delta=comparison.change_sentence(c, lang, metric),
            ref=refs.cite(*ea.source_ids, *lb.source_ids, claim=citations.FIGURES),
        )
        if c.kind == comparison.EXACT:
            sentences.append(t("{Noun}: {va} in {ya}, {vb} in {yb} ({delta}) {ref}.", lang=lang, **fields))
        elif c.kind == comparison.APPROXIMATE:
            sentences.append(
                t(
                    "{Noun}: {va} in {ya}, {vb} in {yb} {ref}: {delta}, an approximate change because "
                    "the figures are qualified.",
                    lang=lang,
                    **fields,
                )
            )
        else:
            sentences.append(
                t("{Noun}: {va} in {ya}, {vb} in {yb} {ref}: {delta}, as a figure is a bound.", lang=lang, **fields)
            )
        for year, st_ in ((f.earlier, ea), (f.later, lb)):
            for value, qualifier, ids in st_.others:
                sentences.append(
                    t(
                        "For {year}, other sources give {value} {noun} {ref}.",
                        lang=lang,
                        year=year,
                        value=format_figure(value, qualifier, lang=lang),
                        noun=METRIC_NOUNS.label(metric, lang=lang),
                        ref=refs.cite(*ids, claim=citations.FIGURES),
                    )
                )
    ref = refs.cite(*f.both_source_ids)
    listed = format_list([names.entity_form(r, lang) for r in f.both], lang=lang)
    n = len(f.both)
    if f.complete:
        overlap = tn(
            "{n} country or region took part in both editions: {names} {ref}.",
            "{n} countries and regions took part in both editions: {names} {ref}.",
            n,
            lang=lang,
            n=_capitalize(_count(n, lang)),
            names=listed,
            ref=ref,
        )
    else:
        overlap = tn(
            "In the sources of both editions, {n} country or region is named: {names} {ref}. Public "
            "sources name only part of the participants of each edition, so they do not show which "
            "countries and regions took part in only one of them.",
            "In the sources of both editions, {n} countries and regions are named: {names} {ref}. Public "
            "sources name only part of the participants of each edition, so they do not show which "
            "countries and regions took part in only one of them.",
            n,
            lang=lang,
            n=_count(n, lang),
            names=listed,
            ref=ref,
        )
    if f.both_with_list:  # named for both editions only with an organizer's list for one of them
        m = len(f.both_with_list)
        overlap += " " + tn(
            "With the organizer's list, {n} more country or region is named for both editions: {names} {ref}.",
            "With the organizer's list, {n} more countries and regions are named for both editions: {names} {ref}.",
            m,
            lang=lang,
            n=_count(m, lang),
            names=format_list([names.entity_form(r, lang) for r in f.both_with_list], lang=lang),
            ref=refs.cite(*f.both_with_list_source_ids),
        )
    title = t("The Sub-Forum on Migration Management Cooperation, {a} and {b}", lang=lang, a=f.earlier, b=f.later)
    return Summary(title, [" ".join(sentences), overlap], refs)
