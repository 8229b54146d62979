"""Press summaries: factual paragraphs generated from the clean data.

Every figure keeps its qualifier ("about 300", "more than 240") and every claim carries a
numbered source reference. Only what the data supports is said: no "dropped out" or "new"
from partial participant lists, no difference computed from a "more than" figure, conflicts
between sources mentioned with both sources.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from . import citations, comparison, metrics, summary_zh
from .dataset import Dataset
from .formatting import format_date, format_figure
from .i18n import get_language, t
from .memo import per_dataset
from .vocab import METRIC_NOUNS


@dataclass
class Refs:
    """Numbered references in order of first use. Each claim cites at most three sources, the
    strongest that support it (:func:`dashboard.citations.strongest`): never a name-or-title-only
    source as evidence of participation, mirrors only when nothing else supports the claim."""

    ds: Dataset
    order: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        # the editions' official originals (chair's statements) come first within their tier
        self.prefer = tuple(self.ds.editions.preferred_source_id)

    def cite(self, *source_ids: str, claim: str = citations.PARTICIPATION) -> str:
        """'[1][3]': numbers for the strongest sources among these ids (each an id or a '|'-joined
        list), new ones numbered in order of strength."""
        best = citations.strongest(self.ds, source_ids, claim, prefer=self.prefer)
        nums = []
        for s in best:
            if s not in self.order:
                self.order.append(s)
            nums.append(self.order.index(s) + 1)
        return "".join(f"[{n}]" for n in sorted(set(nums)))


@dataclass
class Summary:
    title: str
    paragraphs: list[str]
    refs: Refs


def _date_range(start: str, end: str) -> str:
    a, b = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
    if a.month == b.month:
        return f"{a.day}–{b.day} {b:%B %Y}"
    return f"{a.day} {a:%B} – {b.day} {b:%B %Y}"


def _list(names: list[str]) -> str:
    """'A, B and C'; with semicolons when a name holds a comma ('Hong Kong SAR, China')."""
    if len(names) <= 1:
        return "".join(names)
    sep = "; " if any("," in n for n in names) else ", "
    return sep.join(names[:-1]) + " and " + names[-1]


def _count(n: int) -> str:
    """Numbers up to ten in words (house style for counts in running text)."""
    words = [
        t("zero"),
        t("one"),
        t("two"),
        t("three"),
        t("four"),
        t("five"),
        t("six"),
        t("seven"),
        t("eight"),
        t("nine"),
        t("ten"),
    ]
    return words[n] if 0 <= n < len(words) else str(n)


def _ordinal(n: int) -> str:
    words = {
        1: t("first"),
        2: t("second"),
        3: t("third"),
        4: t("fourth"),
        5: t("fifth"),
        6: t("sixth"),
        7: t("seventh"),
        8: t("eighth"),
        9: t("ninth"),
        10: t("tenth"),
    }
    return words.get(n) or t("{n}th", n=n)


def _source_name(ds: Dataset, source_id: str) -> str:
    """'the National Immigration Administration of China's “Chair's statement, 2025”' — whichever source
    supplied the figure."""
    r = ds.sources.set_index("id").loc[source_id]
    short = r.short_title if isinstance(r.short_title, str) and r.short_title else r.title
    return t("{publisher}, \u201c{title}\u201d", publisher=citations.publisher(ds, source_id), title=short)


def _preferred_source(ds: Dataset, edition: int, metric: str, fallback: str) -> str:
    h = metrics.headline(ds)
    h = h[(h.edition == edition) & (h.metric == metric)]
    return h.source_id.iloc[0] if len(h) and h.source_id.iloc[0] else fallback.split("|")[0]


def _headline_sentence(ds: Dataset, edition: int, refs: Refs) -> str:
    h = metrics.headline(ds)
    h = h[(h.edition == edition) & (h.basis == "reported")].set_index("metric")
    if h.empty:
        return t("No source found reports how many took part.")
    fig = {m: format_figure(h.loc[m, "value"], h.loc[m, "qualifier"]) for m in h.index}
    sources = list(dict.fromkeys(h.source_id))
    if len(sources) == 1:
        ref = refs.cite(sources[0], claim=citations.FIGURES)
        who = _source_name(ds, sources[0])
        if {"attendees", "countries_and_regions", "international_organizations"} <= set(fig):
            return t(
                "According to {source}, {a} attendees took part, from {c} countries and regions and {o} "
                "international organizations {ref}.",
                source=who,
                a=fig["attendees"],
                c=fig["countries_and_regions"],
                o=fig["international_organizations"],
                ref=ref,
            )
        parts = ", ".join(f"{v} {METRIC_NOUNS.label(m)}" for m, v in fig.items())
        return t("According to {source}: {parts} {ref}.", source=who, parts=parts, ref=ref)
    parts = "; ".join(
        t(
            "{figure} {noun} according to {source} {ref}",
            figure=v,
            noun=METRIC_NOUNS.label(m),
            source=_source_name(ds, h.loc[m, "source_id"]),
            ref=refs.cite(h.loc[m, "source_id"], claim=citations.FIGURES),
        )
        for m, v in fig.items()
    )
    return _capitalize(parts) + "."


def _conflict_sentences(ds: Dataset, edition: int, refs: Refs) -> list[str]:
    out = []
    conf = metrics.figure_conflicts(ds, edition)
    for metric, grp in conf.groupby("metric", sort=False):
        pref = grp[grp.is_preferred]
        others = grp[~grp.is_preferred]
        for r in others.itertuples():
            if len(pref):
                p = pref.iloc[0]
                out.append(
                    t(
                        "Other sources give {value} {noun} {ref}; this summary uses {pref} from {source}.",
                        value=format_figure(r.value, r.qualifier),
                        noun=METRIC_NOUNS.label(metric),
                        ref=refs.cite(r.source_ids, claim=citations.FIGURES),
                        pref=format_figure(p.value, p.qualifier),
                        source=_source_name(ds, _preferred_source(ds, edition, metric, p.source_ids)),
                    )
                )
            else:
                out.append(
                    t(
                        "Other sources give {value} {noun} {ref}.",
                        value=format_figure(r.value, r.qualifier),
                        noun=METRIC_NOUNS.label(metric),
                        ref=refs.cite(r.source_ids, claim=citations.FIGURES),
                    )
                )
    return out


def _coverage_sentence(ds: Dataset, edition: int, refs: Refs) -> str:
    cov = metrics.coverage(ds).set_index(["edition", "metric"])
    tab = metrics.participants_table(ds, [edition])
    c = cov.loc[(edition, "countries_and_regions")]
    names = sorted(tab.name_en)
    src = sorted({s for v in tab.source_ids for s in v.split("|")})
    if c.list_complete:
        return t(
            "The organizers' list names all {n} countries and regions: {names} {ref}.",
            n=c.identified,
            names=_list(names),
            ref=refs.cite(*src),
        )
    total = format_figure(c.reported, c.reported_qualifier) if c.reported is not None else None
    credit = citations.list_credit(ds, [edition])
    if credit:  # a list that is not the complete list: it adds the participants it names
        head = (
            t(
                "Public sources and the organizers' list {lists} name {n} of the {total} countries and regions",
                lists=credit,
                n=c.identified,
                total=total,
            )
            if total
            else t(
                "Public sources and the organizers' list {lists} name {n} countries and regions",
                lists=credit,
                n=c.identified,
            )
        )
    else:
        head = (
            t("Public sources name {n} of the {total} countries and regions", n=c.identified, total=total)
            if total
            else t("Public sources name {n} countries and regions", n=c.identified)
        )
    return f"{head}: {_list(names)} {refs.cite(*src)}."


def _organizations_sentence(ds: Dataset, edition: int, refs: Refs) -> str:
    cov = metrics.coverage(ds).set_index(["edition", "metric"]).loc[(edition, "international_organizations")]
    orgs, src = metrics.named_organizations(ds, edition)
    if orgs.empty:
        return ""
    names = [f"{r.name_en} ({r.acronym})" if r.acronym else r.name_en for r in orgs.itertuples()]
    if cov.unidentified:
        return t(
            "{n} of the {total} international organizations are named: {names} {ref}; the others are not "
            "named in the sources found.",
            n=_capitalize(_count(int(cov.identified))),
            total=format_figure(cov.reported, cov.reported_qualifier),
            names=_list(names),
            ref=refs.cite(*src),
        )
    return t("The international organizations named are {names} {ref}.", names=_list(names), ref=refs.cite(*src))


def _speakers_sentence(ds: Dataset, edition: int, refs: Refs) -> str:
    all_sp = metrics.speakers(ds, [edition])
    sp = all_sp[(all_sp["name"] != "") & (all_sp.role != "other")]
    if sp.empty:
        return ""
    parts = []
    role_words = {
        "opening_speech": t("gave the opening speech"),
        "welcome_speech": t("gave a welcome speech"),
        "keynote": t("delivered a keynote speech"),
        "video_address": t("spoke by video"),
    }
    for role, words in role_words.items():
        who = sp[sp.role == role]
        if len(who):
            people = [f"{r.name} ({_title(r.title, r.organization)})" for r in who.itertuples()]
            parts.append(
                t(
                    "{people} {words} {ref}",
                    people=_list(people),
                    words=words,
                    ref=refs.cite(*sorted({s for v in who.source_ids for s in v.split("|")})),
                )
            )
    plenary = all_sp[all_sp.role == "plenary_speech"]
    if len(plenary):
        countries = sorted(set(plenary.represents_en.dropna()))
        parts.append(
            t(
                "{n} plenary speakers are listed in the sources, from {countries} {ref}",
                n=_count(len(plenary)),
                countries=_list(countries),
                ref=refs.cite(*sorted({s for v in plenary.source_ids for s in v.split("|")})),
            )
        )
    return _capitalize("; ".join(parts)) + "."


def _title(title: str, organization: str) -> str:
    """'Director General, International Organization for Migration (IOM)' when the title alone
    does not say where."""
    if organization and " of " not in title and organization.split(" (")[0].casefold() not in title.casefold():
        return f"{title}, {organization}"
    return title


def _capitalize(s: str) -> str:
    return s[:1].upper() + s[1:]


@per_dataset
def edition_summary(ds: Dataset, edition: int) -> Summary:
    if get_language() == "zh":  # its own sentence templates, not a word-by-word translation
        return summary_zh.edition_summary(ds, edition, Refs)
    refs = Refs(ds)
    e = ds.editions.set_index("edition").loc[edition]
    pref = e.preferred_source_id
    intro = t(
        "The {ordinal} Sub-Forum on Migration Management Cooperation of the Global Public Security Cooperation "
        "Forum (Lianyungang) was held in {city}, {province}, {country}, on {dates}, hosted by the {host} {ref}.",
        ordinal=_ordinal(int(e.number)),
        city=e.city_en,
        province=e.province_en,
        country=e.country,
        dates=_date_range(e.start_date, e.end_date),
        host=e.host_en,
        ref=refs.cite(pref, e.host_source_ids),
    )
    if e.theme_en:
        intro += " " + t("Its theme was \u201c{theme}\u201d {ref}.", theme=e.theme_en, ref=refs.cite(pref))
    figures = " ".join([_headline_sentence(ds, edition, refs)] + _conflict_sentences(ds, edition, refs))
    who = " ".join(x for x in [_coverage_sentence(ds, edition, refs), _organizations_sentence(ds, edition, refs)] if x)
    paragraphs = [intro, figures, who]
    speakers = _speakers_sentence(ds, edition, refs)
    if speakers:
        paragraphs.append(speakers)
    title = t(
        "The {ordinal} Sub-Forum on Migration Management Cooperation ({city}, {year})",
        ordinal=_ordinal(int(e.number)),
        city=e.city_en,
        year=edition,
    )
    return Summary(title, paragraphs, refs)


@per_dataset
def comparison_summary(ds: Dataset, earlier: int, later: int) -> Summary:
    if get_language() == "zh":
        return summary_zh.comparison_summary(ds, earlier, later, Refs)
    refs = Refs(ds)
    eds = ds.editions.set_index("edition")
    a, b = eds.loc[earlier], eds.loc[later]
    sentences = [
        t(
            "The {oa} sub-forum was held in {ca} on {da}; the {ob}, in {cb} on {db} {ref}.",
            oa=_ordinal(int(a.number)),
            ca=a.city_en,
            da=_date_range(a.start_date, a.end_date),
            ob=_ordinal(int(b.number)),
            cb=b.city_en,
            db=_date_range(b.start_date, b.end_date),
            ref=refs.cite(a.preferred_source_id, b.preferred_source_id),
        )
    ]
    for metric in ("attendees", "countries_and_regions", "international_organizations"):
        cmp_ = metrics.compare(ds, earlier, later, metric)
        if not cmp_.has_change:
            continue
        ea, lb = cmp_.earlier, cmp_.later
        va, vb = format_figure(ea.value, ea.qualifier), format_figure(lb.value, lb.qualifier)
        noun = _capitalize(METRIC_NOUNS.label(metric))
        ref = refs.cite(*ea.source_ids, *lb.source_ids, claim=citations.FIGURES)
        change = comparison.change_sentence(cmp_)
        if cmp_.kind == comparison.EXACT:
            sentences.append(
                t(
                    "{Noun}: {va} in {ya}, {vb} in {yb} ({delta}) {ref}.",
                    Noun=noun,
                    va=va,
                    ya=earlier,
                    vb=vb,
                    yb=later,
                    delta=change,
                    ref=ref,
                )
            )
        elif cmp_.kind == comparison.APPROXIMATE:
            sentences.append(
                t(
                    "{Noun}: {va} in {ya}, {vb} in {yb} {ref}: {delta}, an approximate change because "
                    "the figures are qualified.",
                    Noun=noun,
                    va=va,
                    ya=earlier,
                    vb=vb,
                    yb=later,
                    delta=change,
                    ref=ref,
                )
            )
        else:
            sentences.append(
                t(
                    "{Noun}: {va} in {ya}, {vb} in {yb} {ref}: {delta}, as a figure is a bound.",
                    Noun=noun,
                    va=va,
                    ya=earlier,
                    vb=vb,
                    yb=later,
                    delta=change,
                    ref=ref,
                )
            )
        for year, st_ in ((earlier, ea), (later, lb)):
            for value, qualifier, ids in st_.others:
                sentences.append(
                    t(
                        "For {year}, other sources give {value} {noun} {ref}.",
                        year=year,
                        value=format_figure(value, qualifier),
                        noun=METRIC_NOUNS.label(metric),
                        ref=refs.cite(*ids, claim=citations.FIGURES),
                    )
                )
    o = metrics.overlap(ds, earlier, later, "country_or_region")
    both = o[o.status == "both"]
    p = ds.participation
    src = p[p.edition.isin([earlier, later]) & p.code.isin(both.code) & (p.participant_type == "country_or_region")]
    ref = refs.cite(*sorted({s for v in src.source_ids for s in v.split("|")}))
    names = _list(list(both.name_en))
    if bool(o.complete.any()):
        overlap = t(
            "{n} countries and regions took part in both editions: {names} {ref}.",
            n=_capitalize(_count(len(both))),
            names=names,
            ref=ref,
        )
    else:
        overlap = t(
            "In the sources of both editions, {n} countries and regions are named: {names} {ref}. Public "
            "sources name only part of the participants of each edition, so they do not show which "
            "countries and regions took part in only one of them.",
            n=_count(len(both)),
            names=names,
            ref=ref,
        )
    title = t("The Sub-Forum on Migration Management Cooperation, {a} and {b}", a=earlier, b=later)
    return Summary(title, [" ".join(sentences), overlap], refs)


def to_markdown(ds: Dataset, s: Summary, generated: dt.date | None = None) -> str:
    src = ds.sources.set_index("id")
    lines = [f"# {s.title}", ""]
    for p in s.paragraphs:
        lines += [p, ""]
    lines += [f"## {t('Sources')}", ""]
    for i, sid in enumerate(s.refs.order, 1):
        lines.append(f"{i}. {citations.label(ds, sid)}. <{src.loc[sid, 'url']}>")
    if generated:
        lines += [
            "",
            t(
                "Generated by the Migration Sub-Forum participation dashboard on {date}. Figures as reported "
                "by the sources; public sources name only part of the participants.",
                date=format_date(generated),
            ),
        ]
    else:
        lines += [
            "",
            t(
                "Generated by the Migration Sub-Forum participation dashboard. Figures as reported by the "
                "sources; public sources name only part of the participants."
            ),
        ]
    return "\n".join(lines) + "\n"
