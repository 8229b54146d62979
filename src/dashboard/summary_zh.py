"""The press summary written in Chinese, in the style of Chinese official news (新华社、国家移民管理局),
not English sentences translated word by word.

Same facts, qualifiers, conflicts, coverage caveats and numbered references as the English
summary (:mod:`dashboard.summary`): the figures come from the same metrics, the references from the
same :class:`~dashboard.summary.Refs` (at most the three strongest sources per claim), the change
between editions from the same comparison rule. What differs is the sentence shapes: date first,
title before name (公安部副部长、国家移民管理局局长许甘露), figures with their Chinese qualifiers and
measure words ("约300人", "240余人", "51个国家和地区"), names of people, titles and themes as
Chinese-language sources give them (:mod:`dashboard.names`), else as the sources write them.

These templates are Chinese by design; they are the Chinese counterpart of the English templates,
the way Babel's CLDR patterns are per language. Everything else on screen goes through the catalogue.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from . import citations, comparison, metrics, names
from .dataset import Dataset
from .formatting import format_figure_noun, format_number

ZH = "zh"
ROLE_VERBS = {
    "opening_speech": "致开幕辞",
    "welcome_speech": "致欢迎辞",
    "keynote": "作主旨演讲",
    "video_address": "视频致辞",
}
NUMERALS = "零一二三四五六七八九十"


def _ordinal(n: int) -> str:
    return "首届" if n == 1 else f"第{NUMERALS[n] if n <= 10 else n}届"


def _date_range(start: str, end: str) -> str:
    from babel.dates import format_interval

    a, b = dt.date.fromisoformat(str(start)[:10]), dt.date.fromisoformat(str(end)[:10])
    if a == b:
        from babel.dates import format_date

        return format_date(a, "long", locale="zh_Hans_CN")
    return format_interval(a, b, "yMMMd", locale="zh_Hans_CN")


def _list(items: list[str]) -> str:
    from babel.lists import format_list

    items = [i for i in items if i]
    return format_list(items, locale="zh_Hans_CN") if items else ""


def _noun(value, qualifier, metric: str) -> str:
    from .i18n import get_language, set_language

    before = get_language()
    set_language(ZH)
    try:
        return format_figure_noun(value, qualifier, metric)
    finally:
        set_language(before)


def _source_phrase(ds: Dataset, edition: int, source_id: str) -> str:
    """'本届分论坛主席声明' for the edition's own chair's statement, else the publisher as written."""
    eds = ds.editions.set_index("edition")
    if source_id == eds.loc[edition, "preferred_source_id"]:
        return "本届分论坛主席声明"
    if source_id in set(eds.preferred_source_id):
        return "分论坛主席声明"
    return citations.publisher(ds, source_id)


def _person(r) -> str:
    """'公安部副部长、国家移民管理局局长许甘露' when a Chinese source gives name and title; otherwise the
    name (and title) as the sources write them: 'Amy Pope（国际移民组织总干事）'."""
    name = names.person_name(r, ZH)
    title = names.person_title(r, ZH)
    zh_title = bool(getattr(r, "title_zh", "") if not isinstance(r, pd.Series) else r.get("title_zh", ""))
    zh_name = bool(getattr(r, "name_zh", "") if not isinstance(r, pd.Series) else r.get("name_zh", ""))
    if zh_name and zh_title:
        return f"{title}{name}"
    if zh_title:
        return f"{title}{name}"
    return f"{name}（{title}）" if title else name


def _headline(ds: Dataset, edition: int, refs) -> str:
    h = metrics.headline(ds)
    h = h[(h.edition == edition) & (h.basis == "reported")].set_index("metric")
    if h.empty:
        return "已查到的来源均未报道参会规模。"
    fig = {m: _noun(h.loc[m, "value"], h.loc[m, "qualifier"], m) for m in h.index}
    sources = list(dict.fromkeys(h.source_id))
    if len(sources) == 1 and {"attendees", "countries_and_regions", "international_organizations"} <= set(fig):
        return (
            f"据{_source_phrase(ds, edition, sources[0])}，来自{fig['countries_and_regions']}和"
            f"{fig['international_organizations']}的{fig['attendees']}参加分论坛"
            f"{refs.cite(sources[0], claim=citations.FIGURES)}。"
        )
    parts = [
        f"据{_source_phrase(ds, edition, h.loc[m, 'source_id'])}，{_label(m)}为{v}"
        f"{refs.cite(h.loc[m, 'source_id'], claim=citations.FIGURES)}"
        for m, v in fig.items()
    ]
    return "；".join(parts) + "。"


def _label(metric: str) -> str:
    return {
        "attendees": "参会人数",
        "countries_and_regions": "参会国家和地区",
        "international_organizations": "参会国际组织",
    }.get(metric, metric)


def _conflicts(ds: Dataset, edition: int, refs) -> list[str]:
    out = []
    conf = metrics.figure_conflicts(ds, edition)
    for metric, grp in conf.groupby("metric", sort=False):
        pref = grp[grp.is_preferred]
        for r in grp[~grp.is_preferred].itertuples():
            other = _noun(r.value, r.qualifier, metric)
            ref = refs.cite(r.source_ids, claim=citations.FIGURES)
            if len(pref):
                p = pref.iloc[0]
                from .summary import _preferred_source

                chosen = _preferred_source(ds, edition, metric, p.source_ids)
                out.append(
                    f"另有来源报道为{other}{ref}，本文采用{_source_phrase(ds, edition, chosen)}"
                    f"的数字（{_noun(p.value, p.qualifier, metric)}）。"
                )
            else:
                out.append(f"另有来源报道为{other}{ref}。")
    return out


def _coverage(ds: Dataset, edition: int, refs) -> str:
    cov = metrics.coverage(ds).set_index(["edition", "metric"])
    tab = metrics.participants_table(ds, [edition])
    c = cov.loc[(edition, "countries_and_regions")]
    listed = _list(sorted(tab.name_zh, key=lambda n: n))
    src = sorted({s for v in tab.source_ids for s in v.split("|")})
    ref = refs.cite(*src)
    if c.list_complete:
        return f"主办方报名名单列出全部{c.identified}个国家和地区：{listed}{ref}。"
    credit = citations.list_credit(ds, [edition])
    who = f"公开来源和主办方名单（{credit}）" if credit else "公开来源"
    if c.reported is not None and c.reported == c.reported:
        total = _noun(c.reported, c.reported_qualifier, "countries_and_regions")
        return (
            f"在{total}中，{who}点名了{c.identified}个：{listed}{ref}；"
            f"其余{'参会方' if c.identified else ''}未见于已查到的公开来源。"
        )
    return f"{who}点名了{c.identified}个国家和地区：{listed}{ref}。"


def _organizations(ds: Dataset, edition: int, refs) -> str:
    cov = metrics.coverage(ds).set_index(["edition", "metric"]).loc[(edition, "international_organizations")]
    orgs, src = metrics.named_organizations(ds, edition)
    if orgs.empty:
        return ""
    listed = _list([f"{r.name_zh}（{r.acronym}）" if r.acronym else r.name_zh for r in orgs.itertuples()])
    ref = refs.cite(*src)
    if cov.unidentified:
        total = _noun(cov.reported, cov.reported_qualifier, "international_organizations")
        return f"{total}中，公开来源点名了{int(cov.identified)}个：{listed}{ref}，其余未见于已查到的来源。"
    return f"公开来源点名的国际组织为{listed}{ref}。"


def _speakers(ds: Dataset, edition: int, refs) -> str:
    all_sp = metrics.speakers(ds, [edition])
    sp = all_sp[(all_sp["name"] != "") & (all_sp.role != "other")]
    if sp.empty:
        return ""
    parts = []
    for role, verb in ROLE_VERBS.items():
        who = sp[sp.role == role]
        if len(who):
            people = _list([_person(r) for r in who.itertuples()])
            parts.append(f"{people}{verb}{refs.cite(*sorted({s for v in who.source_ids for s in v.split('|')}))}")
    plenary = all_sp[all_sp.role == "plenary_speech"]
    if len(plenary):
        countries = _list(sorted(set(plenary.represents_zh.dropna()) - {""}))
        ref = refs.cite(*sorted({s for v in plenary.source_ids for s in v.split("|")}))
        parts.append(f"据来源所列，{len(plenary)}位嘉宾在全体会议上发言，分别来自{countries}{ref}")
    return "；".join(parts) + "。"


def edition_summary(ds: Dataset, edition: int, refs_cls):
    """The Chinese summary of one edition (a :class:`dashboard.summary.Summary`)."""
    from .summary import Summary

    refs = refs_cls(ds)
    e = ds.editions.set_index("edition").loc[edition]
    name = names.edition_name(e, ZH) or f"全球公共安全合作论坛（连云港）{_ordinal(int(e.number))}移民管理合作分论坛"
    place = f"{names.edition_province(e, ZH)}{names.edition_city(e, ZH)}"
    host = names.edition_host(e, ZH)
    intro = (
        f"{_date_range(e.start_date, e.end_date)}，{name}在{place}举行"
        f"{refs.cite(e.preferred_source_id, e.host_source_ids)}。"
    )
    if host:
        intro += f"分论坛由{host}主办。"
    theme = names.theme(ds, edition, ZH)
    if theme:
        intro += (
            f"本届分论坛主题为“{theme}”{refs.cite(names.theme_source_id(ds, edition, ZH) or e.preferred_source_id)}。"
        )
    figures = "".join([_headline(ds, edition, refs)] + _conflicts(ds, edition, refs))
    who = "".join(x for x in [_coverage(ds, edition, refs), _organizations(ds, edition, refs)] if x)
    paragraphs = [intro, figures, who]
    speakers = _speakers(ds, edition, refs)
    if speakers:
        paragraphs.append(speakers)
    title = f"{_ordinal(int(e.number))}移民管理合作分论坛（{names.edition_city(e, ZH)}，{edition}年）"
    return Summary(title, paragraphs, refs)


def _change_zh(c: comparison.Comparison, metric: str) -> str:
    """'减少6个' style change in Chinese, from the same comparison result as the English text."""
    n = format_number(abs(c.delta)) + ("人" if metric == "attendees" else "个")
    pct = f"{abs(c.ratio) * 100:.0f}%" if c.ratio is not None else ""
    if c.delta == 0:
        return "持平" if c.kind == comparison.EXACT else "大致持平"
    word = "增加" if c.delta > 0 else "减少"
    if c.kind == comparison.EXACT:
        return f"{word}{n}（{'+' if c.delta > 0 else '−'}{pct}）"
    if c.kind == comparison.APPROXIMATE:
        return f"约{word}{n}（约{'+' if c.delta > 0 else '−'}{pct}）"
    at_least = (c.bound == "at_least") == (c.delta > 0)
    return f"{'至少' if at_least else '至多'}{word}{n}"


def comparison_summary(ds: Dataset, earlier: int, later: int, refs_cls):
    from .summary import Summary

    refs = refs_cls(ds)
    eds = ds.editions.set_index("edition")
    a, b = eds.loc[earlier], eds.loc[later]
    sentences = [
        f"{_ordinal(int(a.number))}分论坛于{_date_range(a.start_date, a.end_date)}在"
        f"{names.edition_city(a, ZH)}举行，{_ordinal(int(b.number))}分论坛于"
        f"{_date_range(b.start_date, b.end_date)}在{names.edition_city(b, ZH)}举行"
        f"{refs.cite(a.preferred_source_id, b.preferred_source_id)}。"
    ]
    for metric in ("attendees", "countries_and_regions", "international_organizations"):
        cmp_ = metrics.compare(ds, earlier, later, metric)
        if not cmp_.has_change:
            continue
        ea, lb = cmp_.earlier, cmp_.later
        va, vb = _noun(ea.value, ea.qualifier, metric), _noun(lb.value, lb.qualifier, metric)
        ref = refs.cite(*ea.source_ids, *lb.source_ids, claim=citations.FIGURES)
        line = f"{_label(metric)}：{earlier}年{va}，{later}年{vb}{ref}，{_change_zh(cmp_, metric)}"
        if cmp_.kind == comparison.APPROXIMATE:
            line += "；因数字为约数，变化仅为近似值"
        elif cmp_.kind == comparison.BOUNDED:
            line += "；因数字为下限或上限，变化为区间估计"
        sentences.append(line + "。")
        for year, st_ in ((earlier, ea), (later, lb)):
            for value, qualifier, ids in st_.others:
                sentences.append(
                    f"另有来源报道{year}年为{_noun(value, qualifier, metric)}"
                    f"{refs.cite(*ids, claim=citations.FIGURES)}。"
                )
    o = metrics.overlap(ds, earlier, later, "country_or_region")
    both = o[o.status == "both"]
    p = ds.participation
    src = p[p.edition.isin([earlier, later]) & p.code.isin(both.code) & (p.participant_type == "country_or_region")]
    ref = refs.cite(*sorted({s for v in src.source_ids for s in v.split("|")}))
    listed = _list(list(both.name_zh))
    if bool(o.complete.any()):
        overlap = f"{len(both)}个国家和地区参加了两届分论坛：{listed}{ref}。"
    else:
        overlap = (
            f"两届分论坛的公开来源均点名了{len(both)}个国家和地区：{listed}{ref}。"
            "由于公开来源仅点名了每届部分参会方，无法据此判断哪些国家和地区只参加了其中一届。"
        )
    title = f"移民管理合作分论坛：{earlier}年与{later}年"
    return Summary(title, ["".join(sentences), overlap], refs)
