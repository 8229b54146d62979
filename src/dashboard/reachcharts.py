"""The Reach page's charts, each with exactly the data it draws (no Streamlit): plotly figures
built from :mod:`dashboard.reach`, in the language passed as ``lang``."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from . import reach
from .dataset import Dataset
from .figures import MUTED, edition_colors, frame, grouped_bars, label_margin, wrap_label
from .formatting import join_clauses
from .i18n import language, t
from .keycharts import Chart
from .vocab import HEAD_LEVELS, ORGANIZATION_FAMILIES

# One colour per level of a delegation's head (Okabe–Ito, most senior darkest); none named: pale.
LEVEL_COLORS = dict(zip(HEAD_LEVELS.codes, ["#0072B2", "#56B4E9", "#009E73", "#E69F00", "#999999", MUTED]))


def _source(lang: str) -> str:
    return t(
        "Source: groupings' official membership lists (see below); participants: public sources cited per "
        "participant; totals from the chair's statements",
        lang=lang,
    )


def _totals(ds: Dataset, editions: list[int], lang: str) -> str:
    """'2024: 10 of 57 identified; 2025: 13 of 51 identified' (the editions' reported totals)."""
    with language(lang):
        return join_clauses(
            t(
                "{e}: {n} of {total} countries and regions identified",
                e=ed,
                n=len(reach.statuses(ds, ed)),
                total=reach.reported_total(ds, ed, lang) or "?",
                lang=lang,
            )
            for ed in editions
        )


def grouping_bars(ds: Dataset, editions: list[int], groupings: list[str], lang: str) -> Chart:
    """Per grouping and edition: members identified (the edition's colour) and members not
    identified (pale, never hidden), labelled '2 of 10'."""
    m = reach.grouping_matrix(ds, editions, groupings, lang)
    colors = edition_colors(ds.edition_ids)
    fig = go.Figure()
    cats = [wrap_label(n) for n in dict.fromkeys(m.grouping_name)]
    for ed in reversed(editions):
        sub = m[m.edition == ed]
        ys = [wrap_label(n) for n in sub.grouping_name]
        fig.add_bar(
            y=ys,
            x=list(sub.found),
            orientation="h",
            name=str(ed),
            offsetgroup=str(ed),
            marker=dict(color=colors[ed]),
            text=[t("{n} of {m}", n=r.found, m=r.members, lang=lang) for r in sub.itertuples()],
            textposition="outside",
            cliponaxis=False,
            textangle=0,
            hovertemplate=f"{ed} · %{{y}}: %{{text}}<extra></extra>",
        )
        fig.add_bar(
            y=ys,
            x=list(sub.not_found),
            orientation="h",
            name=t("{e}: not identified", e=ed, lang=lang),
            offsetgroup=str(ed),
            base=list(sub.found),
            marker=dict(color=colors[ed], opacity=0.22),
            showlegend=ed == editions[-1],
            legendgroup="rest",
            hovertemplate=f"{ed} · %{{y}}: %{{x}} " + t("not identified", lang=lang) + "<extra></extra>",
        )
    fig.update_layout(
        barmode="group",
        bargap=0.25,
        legend_traceorder="reversed",
        yaxis=dict(type="category", categoryorder="array", categoryarray=cats[::-1], automargin=False, title=None),
        xaxis=dict(title=None, rangemode="tozero"),
    )
    top = int((m.found + m.not_found).max()) if len(m) else 1
    fig.update_xaxes(range=[0, top * 1.25 + 1])
    fig = frame(
        fig,
        t("Members of each grouping identified, by edition", lang=lang),
        _totals(ds, editions, lang)
        + " · "
        + t("membership on each edition's first day; pale: members not identified", lang=lang),
        _source(lang),
        height=170 + 22 * len(cats) * max(len(editions), 1),
        margin_left=label_margin(cats),
        margin_right=16,
    )
    data = pd.DataFrame(
        {
            t("Grouping", lang=lang): m.grouping_name,
            t("Edition", lang=lang): m.edition,
            t("Membership on", lang=lang): m.membership_date,
            t("Members", lang=lang): m.members,
            t("Identified", lang=lang): m.found,
            t("Not identified", lang=lang): m.not_found,
            t("In words", lang=lang): m.label,
            t("Countries and regions identified in the edition", lang=lang): m.identified_all,
            t("Reported total of the edition", lang=lang): m.reported_total,
        }
    )
    return Chart("reach-groupings", fig, data)


def shares(ds: Dataset, editions: list[int], groupings: list[str], lang: str) -> Chart:
    """A grouping's share of the identified countries and regions against its share of the UN's
    member states, per edition."""
    s = reach.share_vs_world(ds, editions, groupings, lang)
    world = t("Share of the UN's 193 member states", lang=lang)
    rows = []
    for r in s.itertuples():
        rows.append({"cat": r.grouping_name, "edition": r.edition, "count": round(100 * r.share_of_identified)})
    df = pd.DataFrame(rows)
    first = s.drop_duplicates("grouping")
    labels = {n: n for n in first.grouping_name}
    colors = edition_colors(ds.edition_ids)
    fig = grouped_bars(
        df,
        "cat",
        labels,
        editions,
        {e: t("{e}: share of identified (%)", e=e, lang=lang) for e in editions},
        {e: colors[e] for e in editions},
        t("Share of identified participants against share of the world's states", lang=lang),
        t(
            "Bars: members' share of the countries and regions identified (%); ◆: share of the UN's 193 member "
            "states (%)",
            lang=lang,
        ),
        _source(lang),
    )
    latest = s[s.edition == editions[-1]]
    fig.add_scatter(
        y=[wrap_label(n) for n in latest.grouping_name],
        x=[round(100 * v) for v in latest.share_of_un_members],
        mode="markers",
        marker=dict(symbol="diamond", size=11, color="#333333"),
        name=world,
        hovertemplate="%{y}: %{x}%<extra></extra>",
    )
    top = max([100 * v for v in s.share_of_identified] + [100 * v for v in s.share_of_un_members] + [1])
    fig.update_xaxes(range=[0, top * 1.18 + 1])
    data = pd.DataFrame(
        {
            t("Grouping", lang=lang): s.grouping_name,
            t("Edition", lang=lang): s.edition,
            t("Members identified", lang=lang): s.found,
            t("Countries and regions identified", lang=lang): s.identified_all,
            t("Share of identified (%)", lang=lang): (100 * s.share_of_identified).round(1),
            t("Members among UN member states", lang=lang): s.un_members_in_grouping,
            world + " (%)": (100 * s.share_of_un_members).round(1),
        }
    )
    return Chart("reach-shares", fig, data)


def delegation_levels(ds: Dataset, editions: list[int], lang: str) -> Chart:
    """Delegations by region and edition, stacked by the level of their head."""
    d = reach.delegation_levels(ds, editions, lang)
    d = d.assign(cat=[f"{r.region_label} · {r.edition}" for r in d.itertuples()])
    cats = list(dict.fromkeys(d.sort_values(["region", "edition"]).cat))
    fig = go.Figure()
    for level in HEAD_LEVELS.codes:
        sub = d[d.level == level].set_index("cat")
        if sub.empty:
            continue
        xs = [int(sub.loc[c, "delegations"]) if c in sub.index else 0 for c in cats]
        fig.add_bar(
            y=cats,
            x=xs,
            orientation="h",
            name=HEAD_LEVELS.label(level, lang),
            marker=dict(color=LEVEL_COLORS[level]),
            hovertemplate="%{y}: %{x}<extra>" + HEAD_LEVELS.label(level, lang) + "</extra>",
        )
    fig.update_layout(
        barmode="stack",
        yaxis=dict(type="category", categoryorder="array", categoryarray=cats[::-1], automargin=False, title=None),
        xaxis=dict(title=None, rangemode="tozero", dtick=1),
    )
    fig = frame(
        fig,
        t("Level of each delegation's head, by region and edition", lang=lang),
        t(
            "Countries and regions identified; level of the most senior person the sources name for each "
            "(derived from titles)",
            lang=lang,
        ),
        t("Source: public sources cited per person", lang=lang),
        height=200 + 26 * len(cats),
        margin_left=label_margin(cats),
    )
    data = pd.DataFrame(
        {
            t("Edition", lang=lang): d.edition,
            t("Region", lang=lang): d.region_label,
            t("Level of the head", lang=lang): d.level_label,
            t("Delegations", lang=lang): d.delegations,
        }
    )
    return Chart("reach-delegation-levels", fig, data)


def organization_families(ds: Dataset, editions: list[int], lang: str) -> Chart:
    f = reach.organizations_by_family(ds, editions, lang)
    colors = edition_colors(ds.edition_ids)
    labels = {c: ORGANIZATION_FAMILIES.label(c, lang) for c in ORGANIZATION_FAMILIES.codes}
    fig = grouped_bars(
        f,
        "family",
        labels,
        editions,
        {e: str(e) for e in editions},
        {e: colors[e] for e in editions},
        t("International organizations identified, by family", lang=lang),
        t("Named in public sources; the sources report more organizations than they name", lang=lang),
        t("Source: public sources cited per organization", lang=lang),
    )
    data = pd.DataFrame(
        {
            t("Edition", lang=lang): f.edition,
            t("Family", lang=lang): f.family_label,
            t("Organizations identified", lang=lang): f["count"],
            t("Names", lang=lang): f.organizations,
        }
    )
    return Chart("reach-organization-families", fig, data)
