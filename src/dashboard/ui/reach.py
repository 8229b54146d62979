"""Sections of the Reach page: groupings, continuity, delegation levels, organizations by family,
the invitation worksheet, outcomes and side events. The numbers come from :mod:`dashboard.reach`;
this module only lays them out, in the page's language."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from .. import citations, listwords, locale_rules, names, reach, reachcharts
from ..dataset import Dataset
from ..exports import to_csv_bytes
from ..formatting import format_date, format_figure_unit, format_list, format_year, md_escape
from ..i18n import get_language, t
from ..vocab import MEMBERSHIP_CHECKED, REGIONS
from .charts import chart_block, download_csv
from .common import preferred_source_md
from .components import source_links
from .state import url_selectbox

DEFAULT_GROUPING = "ASEAN"
OUTCOME_CLAIMS = (citations.FIGURES, citations.PARTICIPATION, citations.CONTEXT)
SIDE_EVENT_CLAIMS = (citations.CONTEXT, citations.FIGURES, citations.PARTICIPATION)


def grouping_source_md(ds: Dataset, code: str, lang: str) -> str:
    """'[ASEAN Secretariat](https://asean.org/member-states/)': where a grouping's membership comes from."""
    g = ds.groupings.set_index("code")
    return _source_link(ds, g.at[code, "source_id"], lang)


def _source_link(ds: Dataset, source_id: str, lang: str) -> str:
    s = ds.grouping_sources.set_index("id").loc[source_id]
    pub = names.entity_form({"name_en": s.publisher, "name_zh": s.publisher_zh}, lang)
    return f"[{md_escape(pub)}]({s.url})"


def grouping_checked(ds: Dataset, code: str, lang: str) -> str:
    """How this project confirmed the grouping's membership list ('confirmed in stored public pages')."""
    g = ds.groupings.set_index("code")
    checked = ds.grouping_sources.set_index("id").at[g.at[code, "source_id"], "checked"]
    return MEMBERSHIP_CHECKED.label(checked, lang)


def pick_grouping(ds: Dataset, lang: str) -> str:
    codes = list(ds.groupings.code)
    default = DEFAULT_GROUPING if DEFAULT_GROUPING in codes else codes[0]
    return url_selectbox(
        t("Grouping"), codes, "grouping", default, format_func=lambda c: reach.grouping_name(ds, c, lang)
    )


def answer(ds: Dataset, grouping: str, editions: list[int], lang: str) -> None:
    """One sentence per edition: members identified of the membership on the edition's dates, the
    edition's reported total, and the membership list's source."""
    m = reach.grouping_matrix(ds, editions, [grouping], lang)
    name = reach.grouping_name(ds, grouping, lang)
    lines = []
    for r in m.itertuples():
        day = format_date(r.membership_date, lang=lang)
        if r.complete_list:
            text = t(
                "- **{e}**: {n} of the {m} members of {g} (membership on {day}) are in the organizer's complete "
                "list; the list counts {total} countries and regions.",
                e=r.edition,
                n=r.found,
                m=r.members,
                g=name,
                day=day,
                total=r.reported_total or r.identified_all,
                lang=lang,
            )
        else:
            text = t(
                "- **{e}**: {n} of the {m} members of {g} (membership on {day}) are identified in public "
                "sources; the sources report {total} countries and regions in all, {k} of them identified.",
                e=r.edition,
                n=r.found,
                m=r.members,
                g=name,
                day=day,
                total=r.reported_total or "?",
                k=r.identified_all,
                lang=lang,
            )
        if r.associates:  # a sub-item: beside the members, never in their count
            text += "\n    - " + t(
                "Observers, partners and associate members on that day (never counted as members): {a}, {k} of "
                "them identified.",
                a=r.associates,
                k=r.associates_found,
                lang=lang,
            )
        lines.append(text)
    st.markdown("\n".join(lines))
    st.caption(
        t(
            "Membership list: {source} ({checked}).",
            source=grouping_source_md(ds, grouping, lang),
            checked=grouping_checked(ds, grouping, lang),
            lang=lang,
        )
    )


def membership_sources(ds: Dataset, lang: str) -> None:
    """Every grouping's membership list: publisher, address, and how this project checked it."""
    g = ds.groupings
    src = ds.grouping_sources.set_index("id")
    view = pd.DataFrame(
        {
            t("Grouping", lang=lang): [reach.grouping_name(ds, c, lang) for c in g.code],
            t("Publisher", lang=lang): [
                names.entity_form({"name_en": src.at[i, "publisher"], "name_zh": src.at[i, "publisher_zh"]}, lang)
                for i in g.source_id
            ],
            t("How it was checked", lang=lang): [
                MEMBERSHIP_CHECKED.label(src.at[i, "checked"], lang) for i in g.source_id
            ],
            t("Link", lang=lang): [src.at[i, "url"] for i in g.source_id],
        }
    )
    with st.expander(t("How each membership list was checked", lang=lang)):
        st.dataframe(
            view,
            hide_index=True,
            column_config={
                t("Link", lang=lang): st.column_config.LinkColumn(
                    t("Link", lang=lang), display_text=t("open", lang=lang)
                )
            },
        )
        st.caption(
            t(
                "Confirmed in stored public pages: news reports quoting the organization, or a stored copy of its "
                "own page; the address given was not always opened. Observers and partners cite their own pages "
                "(under their table).",
                lang=lang,
            )
        )


def matrix(ds: Dataset, editions: list[int], lang: str) -> None:
    """Grouping × edition: '2 of 10 identified' per cell, the edition's totals in its header."""
    groupings = list(ds.groupings.code)
    m = reach.grouping_matrix(ds, editions, groupings, lang)
    headers = {}
    for ed in editions:
        first = m[m.edition == ed].iloc[0]
        headers[ed] = t(
            "{e} ({k} of {total} countries and regions identified)",
            e=ed,
            k=first.identified_all,
            total=first.reported_total or "?",
            lang=lang,
        )
    view = pd.DataFrame({t("Grouping", lang=lang): list(dict.fromkeys(m.grouping_name))})
    for ed in editions:
        view[headers[ed]] = list(m[m.edition == ed].label)
    st.dataframe(view, hide_index=True)
    download_csv(view, "reach-matrix")
    chart = reachcharts.grouping_bars(ds, editions, groupings, lang)
    chart_block(chart.figure, chart.data, chart.name, preferred_source_md(ds, editions))


def members_map(ds: Dataset, grouping: str, editions: list[int], lang: str) -> None:
    """The latest chosen edition's participants on the map, the grouping's members outlined."""
    from . import mapview

    edition = editions[-1]
    code = mapview.current_worldview()
    chart = reachcharts.reach_map(ds, edition, grouping, code, lang)
    day = reach.edition_day(ds, edition)
    others = reach.members_on(ds, grouping, day, reach.ASSOCIATE_ROLES) - reach.members_on(ds, grouping, day)
    st.caption(
        t(
            "Outlined: the members of {g} on {day} ({e} edition) and, in a second colour, its observers, "
            "partners and associate members (not counted as members).",
            g=reach.grouping_name(ds, grouping, lang),
            day=format_date(day, lang=lang),
            e=edition,
            lang=lang,
        )
        if others
        else t(
            "Outlined: the members of {g} on {day} ({e} edition).",
            g=reach.grouping_name(ds, grouping, lang),
            day=format_date(day, lang=lang),
            e=edition,
            lang=lang,
        )
    )
    mapview.map_block(
        chart.figure, chart.data, chart.name, preferred_source_md(ds, [edition]), mapview.map_config(code)
    )


def members(ds: Dataset, grouping: str, editions: list[int], lang: str) -> None:
    tab = reach.member_statuses(ds, grouping, editions, lang)
    view = pd.DataFrame(
        {
            t("Country", lang=lang): [names.entity_form(r, lang) for r in tab.itertuples()],
            t("Code", lang=lang): tab.code,
            t("Region", lang=lang): tab.region,
            **{t("{e} edition", e=ed, lang=lang): tab[ed] for ed in editions},
        }
    )
    st.dataframe(view, hide_index=True)
    download_csv(view, f"reach-members-{grouping.lower()}")
    associates(ds, grouping, editions, lang)


def associates(ds: Dataset, grouping: str, editions: list[int], lang: str) -> None:
    """Observers, partners and associate members: their own table, never counted as members."""
    tab = reach.associate_statuses(ds, grouping, editions, lang)
    if tab.empty:
        return
    st.markdown(
        "**"
        + t(
            "Observers, partners and associate members of {g} (not counted as members)",
            g=reach.grouping_name(ds, grouping, lang),
            lang=lang,
        )
        + "**"
    )
    view = pd.DataFrame(
        {
            t("Country or region", lang=lang): [names.entity_form(r, lang) for r in tab.itertuples()],
            t("Code", lang=lang): tab.code,
            t("Region", lang=lang): tab.region,
            **{t("{e} edition", e=ed, lang=lang): tab[ed] for ed in editions},
        }
    )
    st.dataframe(view, hide_index=True)
    download_csv(view, f"reach-observers-partners-{grouping.lower()}")
    ids = list(dict.fromkeys(x for ids in tab.source_ids for x in ids.split("|") if x))
    links = format_list([_source_link(ds, i, lang) for i in ids], lang=lang)
    st.caption(t("Observer and partner statuses and their dates: {sources}", sources=links, lang=lang))


def shares(ds: Dataset, editions: list[int], lang: str) -> None:
    chart = reachcharts.shares(ds, editions, list(ds.groupings.code), lang)
    chart_block(chart.figure, chart.data, chart.name, preferred_source_md(ds, editions))


def continuity(ds: Dataset, editions: list[int], lang: str) -> None:
    if len(editions) < 2:
        st.info(t("Choose at least two editions to compare who came back.", lang=lang))
        return
    earlier, later = editions[-2], editions[-1]
    tab = reach.continuity(ds, earlier, later, lang)
    counts = tab.groupby("status_label", sort=False).size()
    st.markdown(
        "\n".join(
            t(
                "- **{term}**: {text}",
                term=md_escape(k),
                text=format_figure_unit(v, "exact", "countries_and_regions", lang=lang),
                lang=lang,
            )
            for k, v in counts.items()
        )
    )
    if not (len(tab) and bool(tab.complete.iloc[0])):
        st.caption(
            t(
                "Public sources name only part of the participants: 'named in one edition's sources' is not "
                "'did not come'. Firm words (returning, new) need a complete organizer's list for both editions.",
                lang=lang,
            )
        )
    view = pd.DataFrame(
        {
            t("Country or region", lang=lang): [names.entity_form(r, lang) for r in tab.itertuples()],
            t("Code", lang=lang): tab.code,
            t("Region", lang=lang): tab.region,
            t("Status", lang=lang): tab.status_label,
            t("Level of the delegation's head, {e}", e=earlier, lang=lang): tab[f"head_{earlier}"],
            t("Level of the delegation's head, {e}", e=later, lang=lang): tab[f"head_{later}"],
        }
    )
    st.dataframe(view, hide_index=True)
    download_csv(view, f"reach-continuity-{earlier}-{later}")


def levels(ds: Dataset, editions: list[int], lang: str) -> None:
    chart = reachcharts.delegation_levels(ds, editions, lang)
    h = reach.head_levels(ds)
    h = h[h.edition.isin(editions)]
    st.caption(
        t(
            "Each delegation's level is its head's: from the organizer's list where one is loaded (the head of "
            "delegation and his or her title) for {n} delegations, from titles in public sources for {m}; "
            "{k} with no person named.",
            n=int((h.basis == "list").sum()),
            m=int((h.basis == "sources").sum()),
            k=int((h.basis == "").sum()),
            lang=lang,
        )
    )
    chart_block(chart.figure, chart.data, chart.name, preferred_source_md(ds, editions))


def organizations(ds: Dataset, editions: list[int], lang: str) -> None:
    chart = reachcharts.organization_families(ds, editions, lang)
    chart_block(chart.figure, chart.data, chart.name, preferred_source_md(ds, editions))


def _scope_label(ds: Dataset, scope: str, lang: str) -> str:
    kind, _, code = scope.partition(":")
    if kind == "region":
        return t("UN member states in {region}", region=REGIONS.label(code, lang), lang=lang)
    if kind == "grouping":
        return t("Members of {g}", g=reach.grouping_name(ds, code, lang), lang=lang)
    return t("All UN member states", lang=lang)


def invitation_worksheet(ds: Dataset, editions: list[int], lang: str) -> None:
    present = set(ds.entities.region)
    scopes = (
        ["un"]
        + [f"region:{c}" for c in REGIONS.codes if REGIONS.english(c) in present]
        + [f"grouping:{c}" for c in ds.groupings.code]
    )
    scope = url_selectbox(
        t("States to list", lang=lang), scopes, "invite", "un", format_func=lambda s: _scope_label(ds, s, lang)
    )
    kind, _, code = scope.partition(":")
    today = dt.date.today()
    inv = reach.invitation_list(ds, kind, code, editions, today)
    table = reach.worksheet(ds, inv, editions, lang)
    complete = all(reach.is_complete(ds, e) for e in editions)
    eds = format_list([format_year(e, lang=lang) for e in editions], lang=lang)
    day = format_date(today, lang=lang)
    what = (
        t("not in the organizers' complete lists of {eds}", eds=eds, lang=lang)
        if complete
        else t(
            "not identified in public sources or the organizer's list for {eds} (neither names every participant)",
            eds=eds,
            lang=lang,
        )
        if listwords.adds(ds, editions)
        else t(
            "not identified in public sources for {eds} (the sources name only part of the participants)",
            eds=eds,
            lang=lang,
        )
    )
    note = t(
        "{scope}: {n} states {what}; groupings' membership as of {day}.",
        scope=_scope_label(ds, scope, lang),
        n=len(table),
        what=what,
        day=day,
        lang=lang,
    )
    st.caption(note)
    # on screen, the reader's language only (a Chinese reader sees 中文名称); the worksheet downloads
    # keep both names, which an invitation needs
    shown = table
    if locale_rules.rules(lang).name_beside is None:
        shown = table.drop(columns=[t("English name", lang=lang)], errors="ignore")
    st.dataframe(shown, hide_index=True)
    name = f"invitation-list-{scope.replace(':', '-').lower()}"
    title = t("Invitation worksheet", lang=lang)
    col1, col2 = st.columns(2)
    with col1:
        st.download_button(
            t("Download CSV", lang=lang),
            data=lambda: to_csv_bytes(table),
            file_name=f"{name}.csv",
            mime="text/csv",
            key=f"csv-{name}",
            on_click="ignore",
            icon=":material/download:",
        )
    with col2:

        def xlsx() -> bytes:
            from ..workbook import to_xlsx_bytes  # openpyxl only when the workbook is asked for

            return to_xlsx_bytes(table, title, note, sheet=title)

        st.download_button(
            t("Download Excel workbook", lang=lang),
            data=xlsx,
            file_name=f"{name}.xlsx",
            mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            key=f"xlsx-{name}",
            on_click="ignore",
            icon=":material/table_view:",
        )


def _cited(ds: Dataset, source_ids: str, claims: tuple[str, ...]) -> str:
    """Links to a row's strongest sources for the first of ``claims`` any of them supports (an outcome
    or a side event is reported by whichever source the fact sheet cites)."""
    for claim in claims:
        links = source_links(ds, source_ids, claim=claim)
        if links:
            return links
    return ""


def _outcome(r, lang: str) -> str:
    """An outcome as a source in the reader's language words it, else this project's wording marked as
    such, else as the sources write it (dashboard.names)."""
    text, project = names.outcome_item(r, lang)
    return t("{title} (this project's translation)", title=text, lang=lang) if project else text


def outcomes(ds: Dataset, editions: list[int], lang: str) -> None:
    """The sub-forum's outcomes and the side events, as the sources write them, with their sources."""
    out = reach.outcomes(ds, editions)
    side = reach.side_events(ds, editions)
    for ed in editions:
        st.markdown(f"**{format_year(ed, lang=lang)}**")
        items = out[out.edition == ed]
        if items.empty:
            st.caption(t("No outcome recorded in the sources for this edition.", lang=lang))
        lines = [
            f"- {md_escape(_outcome(r, lang))} — {_cited(ds, r.source_ids, OUTCOME_CLAIMS)}" for r in items.itertuples()
        ]
        for r in side[side.edition == ed].itertuples():
            day = format_date(r.date, lang=lang)
            lines.append(
                "- "
                + t("Side event, {day}: {name}", day=day, name=md_escape(names.side_event_name(r, lang)), lang=lang)
                + " — "
                + _cited(ds, r.source_ids, SIDE_EVENT_CLAIMS)
            )
        if lines:
            st.markdown("\n".join(lines))
    st.caption(
        t(
            "Outcomes and side events as the sources write them. Side events were held beside the sub-forum: "
            "who attended them is never counted as sub-forum participation.",
            lang=lang,
        )
    )


def page_caption(ds: Dataset, editions: list[int]) -> str:
    """The page's subtitle: public sources, and the organizer's list when one adds participants."""
    return listwords.reach_caption(ds, editions, lang=get_language())
