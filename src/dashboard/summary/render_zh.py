"""The press summary written in Chinese, in the style of Chinese official news (新华社、国家移民管理局),
not English sentences translated word by word.

Same facts (:mod:`.facts`), qualifiers, conflicts, coverage caveats and numbered references as
every other renderer; the change between editions worded by :func:`dashboard.comparison.change_sentence`.
What differs is the sentence shapes: date first, title before name (公安部副部长、国家移民管理局局长许甘露),
figures with their Chinese qualifiers and measure words ("约300人", "240余人", "51个国家和地区"), names of
people, titles and themes as Chinese-language sources give them (:mod:`dashboard.names`), else as the
sources write them.

These templates are Chinese by design: they are the Chinese counterpart of the English templates,
the way Babel's CLDR patterns are per language. Everything else on screen goes through the catalogue.
"""

from __future__ import annotations

from .. import citations, comparison, names
from ..dataset import Dataset
from ..formatting import format_date_range, format_figure_noun, format_list
from .facts import ComparisonFacts, EditionFacts
from .model import Refs, Summary

ROLE_VERBS = {
    "opening_speech": "致开幕辞",
    "welcome_speech": "致欢迎辞",
    "keynote": "作主旨演讲",
    "video_address": "视频致辞",
}
LABELS = {
    "attendees": "参会人数",
    "countries_and_regions": "参会国家和地区",
    "international_organizations": "参会国际组织",
}
NUMERALS = "零一二三四五六七八九十"


def _ordinal(n: int) -> str:
    return "首届" if n == 1 else f"第{NUMERALS[n] if n <= 10 else n}届"


def _list(items: list[str], lang: str) -> str:
    return format_list([i for i in items if i], lang=lang)


def _source_phrase(ds: Dataset, edition: int, source_id: str, lang: str) -> str:
    """'本届分论坛主席声明' for the edition's own chair's statement, else the publisher as written."""
    eds = ds.editions.set_index("edition")
    if source_id == eds.loc[edition, "preferred_source_id"]:
        return "本届分论坛主席声明"
    if source_id in set(eds.preferred_source_id):
        return "分论坛主席声明"
    return citations.publisher(ds, source_id, lang=lang)


def _person(r: dict, lang: str) -> str:
    """'公安部副部长、国家移民管理局局长许甘露' when a Chinese source gives the title; otherwise the
    name (and title) as the sources write them: 'Amy Pope（国际移民组织总干事）'."""
    name = names.person_name(r, lang)
    title = names.person_title(r, lang)
    if r.get(f"title_{lang}"):
        return f"{title}{name}"
    return f"{name}（{title}）" if title else name


def _headline(ds: Dataset, f: EditionFacts, refs: Refs, lang: str) -> str:
    if not f.figures:
        return "已查到的来源均未报道参会规模。"
    fig = {x.metric: format_figure_noun(x.value, x.qualifier, x.metric, lang=lang) for x in f.figures}
    sources = f.figure_sources
    if len(sources) == 1 and {"attendees", "countries_and_regions", "international_organizations"} <= set(fig):
        return (
            f"据{_source_phrase(ds, f.edition, sources[0], lang)}，来自{fig['countries_and_regions']}和"
            f"{fig['international_organizations']}的{fig['attendees']}参加分论坛"
            f"{refs.cite(sources[0], claim=citations.FIGURES)}。"
        )
    parts = [
        f"据{_source_phrase(ds, f.edition, x.source_id, lang)}，{LABELS.get(x.metric, x.metric)}为{fig[x.metric]}"
        f"{refs.cite(x.source_id, claim=citations.FIGURES)}"
        for x in f.figures
    ]
    return "；".join(parts) + "。"


def _conflicts(ds: Dataset, f: EditionFacts, refs: Refs, lang: str) -> list[str]:
    out = []
    for c in f.conflicts:
        other = format_figure_noun(c.value, c.qualifier, c.metric, lang=lang)
        ref = refs.cite(c.source_ids, claim=citations.FIGURES)
        if c.preferred is not None:
            p = c.preferred
            out.append(
                f"另有来源报道为{other}{ref}，本文采用{_source_phrase(ds, f.edition, p.source_id, lang)}"
                f"的数字（{format_figure_noun(p.value, p.qualifier, c.metric, lang=lang)}）。"
            )
        else:
            out.append(f"另有来源报道为{other}{ref}。")
    return out


def _coverage(f: EditionFacts, refs: Refs, lang: str) -> str:
    c = f.coverage
    listed = _list(sorted(names.entity_form(p, lang) for p in c.participants), lang)
    ref = refs.cite(*c.source_ids)
    if c.complete:
        return f"主办方报名名单列出全部{c.identified}个国家和地区：{listed}{ref}。"
    credit = citations.format_list_credit(c.organizer_lists, lang=lang)
    who = f"公开来源和主办方名单（{credit}）" if credit else "公开来源"
    if c.reported is not None:
        total = format_figure_noun(c.reported, c.reported_qualifier, "countries_and_regions", lang=lang)
        return (
            f"在{total}中，{who}点名了{c.identified}个：{listed}{ref}；"
            f"其余{'参会方' if c.identified else ''}未见于已查到的公开来源。"
        )
    return f"{who}点名了{c.identified}个国家和地区：{listed}{ref}。"


def _organizations(f: EditionFacts, refs: Refs, lang: str) -> str:
    o = f.organizations
    if o is None:
        return ""
    listed = _list(
        [
            f"{names.entity_form(r, lang)}（{r['acronym']}）" if r["acronym"] else names.entity_form(r, lang)
            for r in o.organizations
        ],
        lang,
    )
    ref = refs.cite(*o.source_ids)
    if o.unidentified:
        total = format_figure_noun(o.reported, o.reported_qualifier, "international_organizations", lang=lang)
        return f"{total}中，公开来源点名了{o.identified}个：{listed}{ref}，其余未见于已查到的来源。"
    return f"公开来源点名的国际组织为{listed}{ref}。"


def _speakers(f: EditionFacts, refs: Refs, lang: str) -> str:
    if not f.speakers:
        return ""
    parts = []
    for g in f.speakers:
        people = _list([_person(r, lang) for r in g.people], lang)
        parts.append(f"{people}{ROLE_VERBS[g.role]}{refs.cite(*g.source_ids)}")
    if f.plenary is not None:
        represents = sorted({r for r in (x.get(f"represents_{lang}") for x in f.plenary.represents) if r})
        parts.append(
            f"据来源所列，{f.plenary.count}位嘉宾在全体会议上发言，分别来自{_list(represents, lang)}"
            f"{refs.cite(*f.plenary.source_ids)}"
        )
    return "；".join(parts) + "。"


def edition(ds: Dataset, f: EditionFacts, lang: str) -> Summary:
    refs = Refs(ds)
    e = f.row
    name = names.edition_name(e, lang) if e.get(f"name_{lang}") else ""
    name = name or f"全球公共安全合作论坛（连云港）{_ordinal(f.number)}移民管理合作分论坛"
    place = f"{names.edition_province(e, lang)}{names.edition_city(e, lang)}"
    host = names.edition_host(e, lang)
    intro = (
        f"{format_date_range(f.start_date, f.end_date, lang=lang)}，{name}在{place}举行"
        f"{refs.cite(f.preferred_source_id, f.host_source_ids)}。"
    )
    if host:
        intro += f"分论坛由{host}主办。"
    theme = names.theme(ds, f.edition, lang)
    if theme:
        intro += f"本届分论坛主题为“{theme}”{refs.cite(names.theme_source_id(ds, f.edition, lang) or f.preferred_source_id)}。"
    figures = "".join([_headline(ds, f, refs, lang)] + _conflicts(ds, f, refs, lang))
    who = "".join(x for x in [_coverage(f, refs, lang), _organizations(f, refs, lang)] if x)
    paragraphs = [intro, figures, who]
    speakers = _speakers(f, refs, lang)
    if speakers:
        paragraphs.append(speakers)
    title = f"{_ordinal(f.number)}移民管理合作分论坛（{names.edition_city(e, lang)}，{f.edition}年）"
    return Summary(title, paragraphs, refs)


def comparison_(ds: Dataset, f: ComparisonFacts, lang: str) -> Summary:
    refs = Refs(ds)
    a, b = f.earlier_row, f.later_row
    sentences = [
        f"{_ordinal(f.earlier_number)}分论坛于{format_date_range(a['start_date'], a['end_date'], lang=lang)}在"
        f"{names.edition_city(a, lang)}举行，{_ordinal(f.later_number)}分论坛于"
        f"{format_date_range(b['start_date'], b['end_date'], lang=lang)}在{names.edition_city(b, lang)}举行"
        f"{refs.cite(a['preferred_source_id'], b['preferred_source_id'])}。"
    ]
    for ch in f.changes:
        c, metric = ch.comparison, ch.metric
        ea, lb = c.earlier, c.later
        va = format_figure_noun(ea.value, ea.qualifier, metric, lang=lang)
        vb = format_figure_noun(lb.value, lb.qualifier, metric, lang=lang)
        ref = refs.cite(*ea.source_ids, *lb.source_ids, claim=citations.FIGURES)
        line = (
            f"{LABELS.get(metric, metric)}：{f.earlier}年{va}，{f.later}年{vb}{ref}，"
            f"{comparison.change_sentence(c, lang, metric)}"
        )
        if c.kind == comparison.APPROXIMATE:
            line += "；因数字为约数，变化仅为近似值"
        elif c.kind == comparison.BOUNDED:
            line += "；因数字为下限或上限，变化为区间估计"
        sentences.append(line + "。")
        for year, st_ in ((f.earlier, ea), (f.later, lb)):
            for value, qualifier, ids in st_.others:
                sentences.append(
                    f"另有来源报道{year}年为{format_figure_noun(value, qualifier, metric, lang=lang)}"
                    f"{refs.cite(*ids, claim=citations.FIGURES)}。"
                )
    ref = refs.cite(*f.both_source_ids)
    listed = _list([names.entity_form(r, lang) for r in f.both], lang)
    n = len(f.both)
    if f.complete:
        overlap = f"{n}个国家和地区参加了两届分论坛：{listed}{ref}。"
    else:
        overlap = (
            f"两届分论坛的公开来源均点名了{n}个国家和地区：{listed}{ref}。"
            "由于公开来源仅点名了每届部分参会方，无法据此判断哪些国家和地区只参加了其中一届。"
        )
    title = f"移民管理合作分论坛：{f.earlier}年与{f.later}年"
    return Summary(title, ["".join(sentences), overlap], refs)
