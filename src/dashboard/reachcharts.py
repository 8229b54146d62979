"""The Reach page's charts, each with exactly the data it draws (no Streamlit): plotly figures
built from :mod:`dashboard.reach`, in the language passed as ``lang``."""

from __future__ import annotations

import unicodedata

import pandas as pd
import plotly.graph_objects as go

from . import maplayout, names, reach
from .dataset import Dataset
from .figures import (
    MUTED,
    SOURCE_CHARS,
    SUBTITLE_CHARS,
    TITLE_CHARS,
    edition_colors,
    frame,
    grouped_bars,
    wrap_label,
)
from .formatting import format_year, join_clauses
from .i18n import t
from .keycharts import Chart
from .memo import per_dataset
from .textwidth import text_px
from .vocab import HEAD_LEVELS, MEMBERSHIP_ROLES, ORGANIZATION_FAMILIES, REACH_STATUS

# One colour per level of a delegation's head (Okabe–Ito, most senior darkest); none named: pale.
# The Reach map's outlines (Okabe–Ito): a grouping's members, and its observers, partners and associate members.
MEMBER_OUTLINE, ASSOCIATE_OUTLINE = "#D55E00", "#CC79A7"
LEVEL_COLORS = {
    "minister": "#0072B2",
    "vice_minister": "#3A93CF",
    "head_of_institution": "#56B4E9",
    "senior_official": "#009E73",
    "official": "#E69F00",
    "not_derivable": "#999999",
    "no_person_named": MUTED,
}
assert set(LEVEL_COLORS) == set(HEAD_LEVELS.codes), "a level of HEAD_LEVELS has no colour"


def _cols(ch: str) -> int:
    """Display columns of a character: CJK and full-width forms take two."""
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def fold(text: str, width: int) -> str:
    """``text`` with <br> where a line would pass ``width`` display columns. Latin text is left to
    :func:`dashboard.figures.wrap` (it breaks at spaces); Chinese has no spaces, so it is broken here,
    by width, before a character (never before closing punctuation)."""
    lines = []
    for part in str(text).split("<br>"):
        if not any(_cols(c) == 2 for c in part):
            lines.append(part)
            continue
        line, cols = "", 0
        for ch in part:
            if cols + _cols(ch) > width and line and ch not in "，。；：、）》”":
                lines.append(line)
                line, cols = "", 0
            line += ch
            cols += _cols(ch)
        lines.append(line)
    return "<br>".join(lines)


def tick(text: str) -> str:
    """A category label wrapped for the axis, Chinese by width."""
    return wrap_label(text)  # by display width, Chinese too (dashboard.textwidth), lines of about equal width


def margin_for(labels) -> int:
    """Left margin (px) that holds wrapped labels, Chinese characters counted at their width."""
    widest = max(
        (sum(13 if _cols(c) == 2 else 7.2 for c in line) for lab in labels for line in lab.split("<br>")), default=30
    )
    return int(min(20 + widest, 170))


def words_room(words) -> int:
    """Right margin (px) for the words after the longest bar ('2 of 10'): the x range leaves a fifth
    of the plot after it (about 30 px on a 390 px phone), the margin holds the rest of the longest
    words, so a longer translation is not cut at the figure's edge."""
    widest = max((text_px(w, 13) for w in words), default=0)
    return max(16, int(widest) - 26)


def framed(fig, title: str, subtitle: str, source: str, height: int, **kw):
    """:func:`dashboard.figures.frame` with Chinese title, subtitle and source folded by width."""
    return frame(
        fig, fold(title, TITLE_CHARS), fold(subtitle, SUBTITLE_CHARS), fold(source, SOURCE_CHARS), height, **kw
    )


def fit_labels(fig: go.Figure, labels) -> go.Figure:
    """Widen the left margin of a :func:`dashboard.figures.grouped_bars` chart to its (folded) labels,
    moving the source line with it."""
    left = margin_for(labels)
    fig.update_layout(margin=dict(l=left))
    fig.layout.annotations[-1].xshift = -(left - 8)
    return fig


def legend_room(fig: go.Figure, rows: int) -> go.Figure:
    """Room for a legend that wraps onto ``rows`` rows on a phone (frame() leaves one): the plot keeps
    its height, the source line moves down below the legend."""
    extra = 24 * max(rows - 1, 0)  # a legend row is about 22 px; 2 px more each keeps the source line clear
    m, height = fig.layout.margin, fig.layout.height
    plot_px = height - m.t - m.b
    source = fig.layout.annotations[-1]
    source.y = source.y - extra / plot_px
    fig.update_layout(height=height + extra, margin=dict(b=m.b + extra))
    return fig


def _source(lang: str) -> str:
    return t(
        "Source: groupings' official membership lists (see below); participants: public sources cited per "
        "participant; totals from the chair's statements",
        lang=lang,
    )


def _totals(ds: Dataset, editions: list[int], lang: str) -> str:
    """'2024: 10 of 57 identified; 2025: 13 of 51 identified' (the editions' reported totals)."""
    return join_clauses(
        (
            t(
                "{e}: {n} of {total} countries and regions identified",
                e=ed,
                n=len(reach.statuses(ds, ed)),
                total=reach.reported_total(ds, ed, lang) or "?",
                lang=lang,
            )
            for ed in editions
        ),
        lang=lang,
    )


@per_dataset  # the figure object is reused, so is its text rewrapped per width (ui.charts.fitted)
def grouping_bars(ds: Dataset, editions: list[int], groupings: list[str], lang: str) -> Chart:
    """Per grouping and edition: members identified (the edition's colour) and members not
    identified (pale, never hidden), labelled '2 of 10'."""
    m = reach.grouping_matrix(ds, editions, groupings, lang)
    colors = edition_colors(ds.edition_ids)
    fig = go.Figure()
    cats = [tick(n) for n in dict.fromkeys(m.grouping_name)]
    all_words = [t("{n} of {m}", n=r.found, m=r.members, lang=lang) for r in m.itertuples()]
    for ed in reversed(editions):
        sub = m[m.edition == ed]
        ys = [tick(n) for n in sub.grouping_name]
        words = [t("{n} of {m}", n=r.found, m=r.members, lang=lang) for r in sub.itertuples()]
        fig.add_bar(
            y=ys,
            x=list(sub.found),
            orientation="h",
            name=format_year(ed, lang=lang),
            offsetgroup=str(ed),
            marker=dict(color=colors[ed]),
            customdata=words,
            hovertemplate=f"{ed} · %{{y}}: %{{customdata}}<extra></extra>",
        )
        # the members not identified: the same colour, pale, stacked after the identified ones; the
        # words ("2 of 10") at the end of the whole bar
        fig.add_bar(
            y=ys,
            x=list(sub.not_found),
            orientation="h",
            offsetgroup=str(ed),
            base=list(sub.found),
            marker=dict(color=colors[ed], opacity=0.22),
            text=words,
            textposition="outside",
            cliponaxis=False,
            textangle=0,
            showlegend=False,
            hovertemplate=f"{ed} · %{{y}}: %{{x}} " + t("not identified", lang=lang) + "<extra></extra>",
        )
    fig.add_bar(  # a legend entry for the pale part, in no edition's colour
        y=[None], x=[None], orientation="h", name=t("Not identified", lang=lang), marker=dict(color=MUTED)
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
    fig = framed(
        fig,
        t("Members of each grouping identified, by edition", lang=lang),
        _totals(ds, editions, lang)
        + " · "
        + t("membership on each edition's first day; pale: members not identified", lang=lang),
        _source(lang),
        height=170 + 22 * len(cats) * max(len(editions), 1),
        margin_left=margin_for(cats),
        margin_right=words_room(all_words),
    )
    legend_room(fig, rows=3)  # three entries take a row each on a phone (English: "Not identified", 2024, 2025)
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


@per_dataset
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
    labels = {n: tick(n) for n in first.grouping_name}
    colors = edition_colors(ds.edition_ids)
    fig = grouped_bars(
        df,
        "cat",
        labels,
        editions,
        {e: format_year(e, lang=lang) for e in editions},
        {e: colors[e] for e in editions},
        fold(t("Share of identified participants against share of the world's states", lang=lang), TITLE_CHARS),
        fold(
            t(
                "Bars: members' share of the countries and regions identified (%); ◆: share of the UN's 193 "
                "member states (%)",
                lang=lang,
            ),
            SUBTITLE_CHARS,
        ),
        fold(_source(lang), SOURCE_CHARS),
    )
    fit_labels(fig, labels.values())
    latest = s[s.edition == editions[-1]]
    fig.add_scatter(
        y=[labels[n] for n in latest.grouping_name],
        x=[round(100 * v) for v in latest.share_of_un_members],
        mode="markers",
        marker=dict(symbol="diamond", size=11, color="#333333"),
        name=t("UN member states", lang=lang),
        hovertemplate="%{y}: %{x}%<extra>" + world + "</extra>",
    )
    top = max([100 * v for v in s.share_of_identified] + [100 * v for v in s.share_of_un_members] + [1])
    fig.update_xaxes(range=[0, top * 1.18 + 1])
    legend_room(fig, rows=3)
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


@per_dataset
def delegation_levels(ds: Dataset, editions: list[int], lang: str) -> Chart:
    """Delegations by region and edition, stacked by the level of their head."""
    d = reach.delegation_levels(ds, editions, lang)
    d = d.assign(cat=[tick(f"{r.region_label} · {format_year(r.edition, lang=lang)}") for r in d.itertuples()])
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
    h = reach.head_levels(ds)
    if (h[h.edition.isin(editions)].basis == "list").any():  # an organizer's list gives heads
        subtitle = t(
            "Countries and regions identified; the head of delegation in the organizer's list, else the most "
            "senior person the sources name (levels derived from titles)",
            lang=lang,
        )
        source = t("Source: the organizer's list; public sources cited per person", lang=lang)
    else:
        subtitle = t(
            "Countries and regions identified; level of the most senior person the sources name for each "
            "(derived from titles)",
            lang=lang,
        )
        source = t("Source: public sources cited per person", lang=lang)
    fig = framed(
        fig,
        t("Level of each delegation's head, by region and edition", lang=lang),
        subtitle,
        source,
        height=200 + 26 * len(cats),
        margin_left=margin_for(cats),
    )
    legend_room(fig, rows=5)  # five levels take a row each on a phone
    data = pd.DataFrame(
        {
            t("Edition", lang=lang): d.edition,
            t("Region", lang=lang): d.region_label,
            t("Level of the head", lang=lang): d.level_label,
            t("Delegations", lang=lang): d.delegations,
        }
    )
    return Chart("reach-delegation-levels", fig, data)


@per_dataset
def organization_families(ds: Dataset, editions: list[int], lang: str) -> Chart:
    f = reach.organizations_by_family(ds, editions, lang)
    colors = edition_colors(ds.edition_ids)
    labels = {c: tick(ORGANIZATION_FAMILIES.label(c, lang)) for c in ORGANIZATION_FAMILIES.codes}
    fig = grouped_bars(
        f,
        "family",
        labels,
        editions,
        {e: format_year(e, lang=lang) for e in editions},
        {e: colors[e] for e in editions},
        fold(t("International organizations identified, by family", lang=lang), TITLE_CHARS),
        fold(
            t("Named in public sources; the sources report more organizations than they name", lang=lang),
            SUBTITLE_CHARS,
        ),
        fold(t("Source: public sources cited per organization", lang=lang), SOURCE_CHARS),
    )
    fit_labels(fig, labels.values())
    fig.update_xaxes(dtick=1)
    data = pd.DataFrame(
        {
            t("Edition", lang=lang): f.edition,
            t("Family", lang=lang): f.family_label,
            t("Organizations identified", lang=lang): f["count"],
            t("Names", lang=lang): f.organizations,
        }
    )
    return Chart("reach-organization-families", fig, data)


@per_dataset
def reach_map(ds: Dataset, edition: int, grouping: str, worldview: str, lang: str) -> Chart:
    """The participants' map of ``edition`` (:func:`dashboard.keycharts.world_map`, in the chosen
    worldview) with the members of ``grouping`` on the edition's first day outlined, and its observers,
    partners and associate members outlined in a second colour (a legend entry of their own: never
    counted as members)."""
    from . import keycharts

    base = keycharts.world_map(ds, edition, worldview=worldview, lang=lang)
    fig = go.Figure(base.figure)  # a copy: the key chart is memoised and shared
    day = reach.edition_day(ds, edition)
    members = sorted(reach.members_on(ds, grouping, day))
    associates = sorted(reach.members_on(ds, grouping, day, reach.ASSOCIATE_ROLES) - set(members))
    g = reach.grouping_name(ds, grouping, lang)
    outlines = [(members, MEMBER_OUTLINE, 1.6, t("Members of {g}", g=g, lang=lang))]
    if associates:
        label = t("Observers, partners and associate members of {g}", g=g, lang=lang)
        outlines.append((associates, ASSOCIATE_OUTLINE, 1.4, label))
    for codes, color, width, name in outlines:
        fig.add_choropleth(
            locations=codes,
            z=[1] * len(codes),
            locationmode="ISO-3",
            colorscale=[[0, "rgba(0,0,0,0)"], [1, "rgba(0,0,0,0)"]],
            showscale=False,
            marker_line_color=color,
            marker_line_width=width,
            hoverinfo="skip",
            name=maplayout.legend_label(name),
        )
    ents = ds.entities.set_index("code")
    status = reach.statuses(ds, edition)
    roles = {c: r for r in reach.ASSOCIATE_ROLES for c in reach.members_on(ds, grouping, day, (r,))}
    codes = members + associates
    data = pd.DataFrame(
        {
            t("Country", lang=lang): [names.entity_form(ents.loc[c], lang) for c in codes],
            t("Code", lang=lang): codes,
            t("Membership", lang=lang): [MEMBERSHIP_ROLES.label(roles.get(c, "member"), lang) for c in codes],
            t("Status", lang=lang): [
                REACH_STATUS.label(status.get(c) or reach.status(ds, edition, c), lang) for c in codes
            ],
        }
    )
    return Chart(f"reach-map-{grouping.lower()}-{edition}", fig, data)
