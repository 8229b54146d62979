"""The press summary written in Chinese, in the style of Chinese official news (新华社、国家移民管理局),
not English sentences translated word by word; worded per the native editor's house style
(/work/shared/notes/zh-style-guide.md, rules 1-2, 5, 9-11, 15 and rows 39-52).

Same facts (:mod:`.facts`), qualifiers, conflicts, coverage caveats and numbered references as
every other renderer; the change between editions worded by :func:`dashboard.comparison.change_sentence`.
What differs is the sentence shapes: date first, title before name (公安部副部长、国家移民管理局局长王志忠;
所罗门群岛……常务秘书Riley Mesepitu, a title this project translated marked as such), figures with
their Chinese qualifiers and measure words ("约300人", "240余人", "51个国家和地区"), lists joined once
(…国家和地区及…国际组织, never 和…和), names in pinyin order with 中国 and 中国香港 first
(:func:`dashboard.formatting.sort_names`), no English acronyms, and Chinese-language originals
cited first (:class:`.model.Refs` with the language). Names of people, titles and themes come as
Chinese-language sources give them (:mod:`dashboard.names`); a name no Chinese source gives stays as
the sources write it, never transliterated.

These templates are Chinese by design: they are the Chinese counterpart of the English templates,
the way Babel's CLDR patterns are per language. Everything else on screen goes through the catalogue.
"""

from __future__ import annotations

from .. import citations, comparison, names
from ..dataset import Dataset
from ..formatting import (
    format_date_range,
    format_edition_ordinal,
    format_figure_count,
    format_figure_noun,
    format_list,
    sort_names,
)
from ..locale_rules import short_place
from .facts import ComparisonFacts, EditionFacts
from .model import Refs, Summary
from .reach import reach_facts, reach_sentence

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
PROJECT_TITLE_NOTE = "（职务为本项目译写）"


def _ordinal(n: int, lang: str) -> str:
    return format_edition_ordinal(n, lang=lang)


def _list(items: list[str], lang: str) -> str:
    return format_list([i for i in items if i], lang=lang)


def _sorted_list(items, lang: str) -> str:
    return _list(sort_names([i for i in items if i], lang=lang), lang)


def _source_phrase(ds: Dataset, edition: int, source_id: str, lang: str) -> str:
    """'本届分论坛主席声明' for the edition's own chair's statement, else the publisher."""
    eds = ds.editions.set_index("edition")
    if source_id == eds.loc[edition, "preferred_source_id"]:
        return "本届分论坛主席声明"
    if source_id in set(eds.preferred_source_id):
        return "分论坛主席声明"
    return citations.publisher(ds, source_id, lang=lang)


def _get(r: dict, key: str) -> str:
    v = r.get(key)
    return "" if v is None or (isinstance(v, float) and v != v) else str(v).strip()


def _person(r: dict, lang: str) -> str:
    """Title before name (rules 1-2): '公安部副部长、国家移民管理局局长王志忠' where a Chinese source gives
    the title; this project's translation of a title no Chinese source gives, marked
    ('所罗门群岛……常务秘书Riley Mesepitu（职务为本项目译写）'); the name alone when neither exists (no
    English title in Chinese copy)."""
    name = names.person_name(r, lang)
    sourced = _get(r, f"title_{lang}")
    if sourced:
        return f"{names.person_title(r, lang)}{name}"
    project = _get(r, f"title_{lang}_project")
    if project:
        return f"{project}{name}{PROJECT_TITLE_NOTE}"
    return name


def _name_sources(group, lang: str) -> tuple[str, ...]:
    """The Chinese-language sources of the Chinese names and titles shown (cited for how the name is
    written, never as evidence of attendance)."""
    ids = [_get(r, f"{lang}_source_id") for r in group.people if _get(r, f"name_{lang}") or _get(r, f"title_{lang}")]
    return tuple(i for i in ids if i)


def _headline(ds: Dataset, f: EditionFacts, refs: Refs, lang: str) -> str:
    if not f.figures:
        return "所查来源均未报道参会规模。"
    fig = {x.metric: format_figure_noun(x.value, x.qualifier, x.metric, lang=lang) for x in f.figures}
    sources = f.figure_sources
    if len(sources) == 1 and {"attendees", "countries_and_regions", "international_organizations"} <= set(fig):
        return (
            f"据{_source_phrase(ds, f.edition, sources[0], lang)}，来自{fig['countries_and_regions']}及"
            f"{fig['international_organizations']}的{fig['attendees']}参会"
            f"{refs.cite(sources[0], claim=citations.FIGURES)}。"
        )
    parts = [
        f"据{_source_phrase(ds, f.edition, x.source_id, lang)}，{LABELS.get(x.metric, x.metric)}为{fig[x.metric]}"
        f"{refs.cite(x.source_id, claim=citations.FIGURES)}"
        for x in f.figures
    ]
    return "；".join(parts) + "。"


def _conflicts(ds: Dataset, f: EditionFacts, refs: Refs, lang: str) -> list[str]:
    """'另有来源称约240人[3]；本摘要以本届分论坛主席声明为准（240余人）。' (row 41)."""
    out = []
    for c in f.conflicts:
        other = format_figure_noun(c.value, c.qualifier, c.metric, lang=lang)
        ref = refs.cite(c.source_ids, claim=citations.FIGURES)
        if c.preferred is not None:
            p = c.preferred
            out.append(
                f"另有来源称{other}{ref}；本摘要以{_source_phrase(ds, f.edition, p.source_id, lang)}为准"
                f"（{format_figure_noun(p.value, p.qualifier, c.metric, lang=lang)}）。"
            )
        else:
            out.append(f"另有来源称{other}{ref}。")
    return out


def _remainder(reported: int | None, qualifier: str | None, identified: int, lang: str) -> str:
    """'其余38个' when the reported total is exact, '其余' otherwise (a remainder of a qualified total
    would be a made-up number)."""
    if reported is not None and (qualifier or "exact") == "exact" and reported > identified:
        return f"其余{format_figure_count(reported - identified, 'exact', 'countries_and_regions', lang=lang)}"
    return "其余"


LIST = "主办方报名名单"
NOT_FOUND = "未见于所查公开来源"
NOT_FOUND_WITH_LIST = "未见于所查公开来源和主办方报名名单"


def _by_origin(public: str, n_public: str, public_ref: str, listed: str, n_listed: str, list_ref: str) -> str:
    """'其中见于公开来源的13个：……[1][2]；仅见于主办方报名名单的14个：……[3]': participants split by where
    they come from, each part citing only the sources that name it."""
    parts = []
    if public:
        parts.append(f"见于公开来源的{n_public}：{public}{public_ref}")
    if listed:
        parts.append(f"仅见于{LIST}的{n_listed}：{listed}{list_ref}")
    return "其中" + "；".join(parts)


def _coverage(f: EditionFacts, refs: Refs, lang: str) -> str:
    """'51个国家和地区中，见于公开来源的有13个：……；其余38个未见于所查公开来源。' (row 42); with an organizer's
    list that adds participants: '51个国家和地区中，公开来源和主办方报名名单共列明27个，其中见于公开来源的13个：
    ……[1]；仅见于主办方报名名单的14个：……[3]；其余24个未见于所查公开来源和主办方报名名单。'"""
    c = f.coverage
    if c.complete:
        listed = _sorted_list((names.entity_form(p, lang) for p in c.participants), lang)
        return f"{LIST}列出全部{c.identified}个国家和地区：{listed}{refs.cite(*(c.lists or c.source_ids))}。"
    n = format_figure_count(c.identified, "exact", "countries_and_regions", lang=lang)
    total = (
        format_figure_noun(c.reported, c.reported_qualifier, "countries_and_regions", lang=lang)
        if c.reported is not None
        else None
    )
    rest = _remainder(c.reported, c.reported_qualifier, c.identified, lang)
    if c.list_only:
        parts = _by_origin(
            _sorted_list((names.entity_form(p, lang) for p in c.public), lang),
            format_figure_count(len(c.public), "exact", "countries_and_regions", lang=lang),
            refs.cite(*c.source_ids),
            _sorted_list((names.entity_form(p, lang) for p in c.list_only), lang),
            format_figure_count(len(c.list_only), "exact", "countries_and_regions", lang=lang),
            refs.cite(*c.list_source_ids),
        )
        if total:
            return f"{total}中，公开来源和{LIST}共列明{n}，{parts}；{rest}{NOT_FOUND_WITH_LIST}。"
        return f"公开来源和{LIST}共列明国家和地区{n}，{parts}。"
    listed = _sorted_list((names.entity_form(p, lang) for p in c.public), lang)
    ref = refs.cite(*c.source_ids)
    if total:
        return f"{total}中，见于公开来源的有{n}：{listed}{ref}；{rest}{NOT_FOUND}。"
    return f"见于公开来源的国家和地区有{n}：{listed}{ref}。"


def _as_listed(rows) -> list[dict]:
    """Organizations in the order the official source lists them (metrics.organization_order)."""
    return sorted(rows, key=lambda r: r.get("listed_order", 0))


def _organizations(f: EditionFacts, refs: Refs, lang: str) -> str:
    """'5个国际组织中，见于公开来源的有3个：国际移民组织、联合国难民署和联合国毒品和犯罪问题办公室[…]；
    其余2个未见于所查公开来源。' (row 43: no English acronyms in Chinese copy; row 46: in the order the
    official source lists them)."""
    o = f.organizations
    if o is None:
        return ""
    # in the order the official source lists them (house style rule 5; metrics.organization_order)
    n = format_figure_count(o.identified, "exact", "international_organizations", lang=lang)
    if o.list_only:
        parts = _by_origin(
            _list([names.entity_form(r, lang) for r in _as_listed(o.organizations)], lang),
            format_figure_count(len(o.organizations), "exact", "international_organizations", lang=lang),
            refs.cite(*o.source_ids),
            _list([names.entity_form(r, lang) for r in _as_listed(o.list_only)], lang),
            format_figure_count(len(o.list_only), "exact", "international_organizations", lang=lang),
            refs.cite(*o.list_source_ids),
        )
        if o.unidentified:
            total = format_figure_noun(o.reported, o.reported_qualifier, "international_organizations", lang=lang)
            rest = _remainder(o.reported, o.reported_qualifier, o.identified, lang)
            return f"{total}中，公开来源和{LIST}共列明{n}，{parts}；{rest}{NOT_FOUND_WITH_LIST}。"
        return f"公开来源和{LIST}共列明国际组织{n}，{parts}。"
    listed = _list([names.entity_form(r, lang) for r in _as_listed(o.organizations)], lang)
    ref = refs.cite(*o.source_ids)
    if o.unidentified:
        total = format_figure_noun(o.reported, o.reported_qualifier, "international_organizations", lang=lang)
        rest = _remainder(o.reported, o.reported_qualifier, o.identified, lang)
        return f"{total}中，见于公开来源的有{n}：{listed}{ref}；{rest}{NOT_FOUND}。"
    return f"见于公开来源的国际组织有{listed}{ref}。"


def _speakers(ds: Dataset, f: EditionFacts, refs: Refs, lang: str) -> str:
    if not f.speakers:
        return ""
    parts = []
    for g in f.speakers:
        people = _list([_person(r, lang) for r in g.people], lang)
        # the Chinese sources of the names first, then the evidence that they spoke
        ref = refs.cite_groups(
            (_name_sources(g, lang), citations.NAME_OR_TITLE), (g.source_ids, citations.PARTICIPATION)
        )
        parts.append(f"{people}{ROLE_VERBS[g.role]}{ref}")
    if f.plenary is not None:
        represents = {names.represents_form(x, lang) for x in f.plenary.represents}
        eds = ds.editions.set_index("edition")
        by = (
            "据本届分论坛主席声明"
            if eds.loc[f.edition, "preferred_source_id"] in f.plenary.source_ids
            else "据所查公开来源"
        )
        parts.append(
            f"{by}，在全体会议上发言的嘉宾包括来自{_sorted_list(represents, lang)}的"
            f"{f.plenary.count}位代表（所列并非全部）{refs.cite(*f.plenary.source_ids)}"
        )
    return "；".join(parts) + "。"


def render_edition(ds: Dataset, f: EditionFacts, lang: str) -> Summary:
    """The summary of one edition from its facts, in ``lang``."""
    refs = Refs(ds, lang)
    e = f.row
    name = names.edition_name(e, lang) if e.get(f"name_{lang}") else ""
    name = name or f"全球公共安全合作论坛（连云港）{_ordinal(f.number, lang)}移民管理合作分论坛"
    place = f"{names.edition_province(e, lang)}{names.edition_city(e, lang)}"
    host = names.edition_host(e, lang)
    # the Chinese sources of the official name, city and province shown, with the chair's statement
    local = [e.get(f"{k}_{lang}_source_id") for k in ("name", "city", "province", "host")]
    intro = (
        f"{format_date_range(f.start_date, f.end_date, lang=lang)}，{name}在{place}举行"
        f"{refs.cite(f.preferred_source_id, f.host_source_ids, *[x for x in local if x])}。"
    )
    if host:
        intro += f"分论坛由{host}主办。"
    theme = names.theme(ds, f.edition, lang)
    if theme:
        intro += f"本届分论坛主题为“{theme}”{refs.cite(names.theme_source_id(ds, f.edition, lang) or f.preferred_source_id)}。"
    figures = "".join([_headline(ds, f, refs, lang)] + _conflicts(ds, f, refs, lang))
    who = "".join(x for x in [_coverage(f, refs, lang), _organizations(f, refs, lang)] if x)
    who += reach_sentence(ds, reach_facts(ds, f.edition), refs, lang)
    paragraphs = [intro, figures, who]
    speakers = _speakers(ds, f, refs, lang)
    if speakers:
        paragraphs.append(speakers)
    city = short_place(names.edition_city(e, lang), lang)
    title = f"{f.edition}年{_ordinal(f.number, lang)}移民管理合作分论坛（{city}）"
    return Summary(title, paragraphs, refs)


def _versus(f: ComparisonFacts) -> str:
    """'较上届' for consecutive editions, '较2024年' otherwise (row 47, rule 11)."""
    return "较上届" if f.later_number - f.earlier_number == 1 else f"较{f.earlier}年"


def render_comparison(ds: Dataset, f: ComparisonFacts, lang: str) -> Summary:
    """The summary of two editions from their facts, in ``lang``."""
    refs = Refs(ds, lang)
    a, b = f.earlier_row, f.later_row
    sentences = [
        f"{_ordinal(f.earlier_number, lang)}分论坛于{format_date_range(a['start_date'], a['end_date'], lang=lang)}在"
        f"{names.edition_province(a, lang)}{names.edition_city(a, lang)}举行，{_ordinal(f.later_number, lang)}分论坛于"
        f"{format_date_range(b['start_date'], b['end_date'], lang=lang)}在"
        f"{names.edition_province(b, lang)}{names.edition_city(b, lang)}举行"
        f"{refs.cite(a['preferred_source_id'], b['preferred_source_id'])}。"
    ]
    for ch in f.changes:
        c, metric = ch.comparison, ch.metric
        ea, lb = c.earlier, c.later
        va = format_figure_count(ea.value, ea.qualifier, metric, lang=lang)
        vb = format_figure_count(lb.value, lb.qualifier, metric, lang=lang)
        ref = refs.cite(*ea.source_ids, *lb.source_ids, claim=citations.FIGURES)
        change = comparison.change_sentence(c, lang, metric)
        line = f"{LABELS.get(metric, metric)}：{f.earlier}年{va}，{f.later}年{vb}{ref}，{_versus(f)}{change}"
        if c.kind == comparison.APPROXIMATE:
            line += "（所据数字为概数，增减为近似值）"
        elif c.kind == comparison.BOUNDED:
            line += "（所据数字含上限或下限，增减为区间估计）"
        sentences.append(line + "。")
        for year, st_ in ((f.earlier, ea), (f.later, lb)):
            for value, qualifier, ids in st_.others:
                sentences.append(
                    f"另有来源称{year}年为{format_figure_count(value, qualifier, metric, lang=lang)}"
                    f"{refs.cite(*ids, claim=citations.FIGURES)}。"
                )
    ref = refs.cite(*f.both_source_ids)
    listed = _sorted_list((names.entity_form(r, lang) for r in f.both), lang)
    n = format_figure_count(len(f.both), "exact", "countries_and_regions", lang=lang)
    if f.complete:
        overlap = f"两届分论坛均参加的国家和地区有{n}：{listed}{ref}。"
    else:
        overlap = (
            f"两届分论坛的公开来源均列明的国家和地区有{n}：{listed}{ref}。"
            "由于公开来源仅列明每届部分参会方，无法据此判断哪些国家和地区只参加了其中一届。"
        )
    if f.both_with_list:  # named for both editions only with an organizer's list for one of them
        m = format_figure_count(len(f.both_with_list), "exact", "countries_and_regions", lang=lang)
        overlap += (
            f"计入{LIST}，两届均列明的国家和地区另有{m}："
            f"{_sorted_list((names.entity_form(r, lang) for r in f.both_with_list), lang)}"
            f"{refs.cite(*f.both_with_list_source_ids)}。"
        )
    title = f"{f.earlier}年与{f.later}年移民管理合作分论坛对比"
    return Summary(title, ["".join(sentences), overlap], refs)
