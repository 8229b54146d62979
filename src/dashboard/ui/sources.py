"""Sections of the Sources-and-methodology page."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from .. import citations, locale_rules, metrics, names, packaging, worldview
from ..dataset import Dataset
from ..formatting import format_figure_unit, join_clauses
from ..i18n import get_language, t
from ..locale_rules import series
from ..paths import data_dir
from ..vocab import METRICS, SCOPES, SOURCE_KINDS, SOURCE_SUPPORTS
from .charts import download_csv
from .components import source_links
from .layout import data_version


def _definitions() -> list[tuple[str, str]]:
    return [
        (
            t("Reported"),
            t(
                'a total a source states ("more than 240 attendees", "51 countries and regions"), '
                "shown with its qualifier."
            ),
        ),
        (
            t("Identified / named"),
            t(
                "a country, region, organization or person that a public source names as "
                "taking part. Public sources name only part of the participants, so identified "
                "counts are lower than reported totals; the remainder is shown, never hidden."
            ),
        ),
        (
            t("Preferred value"),
            t(
                "where sources disagree, the value of the edition's official chair's statement "
                "(the host's own document). All other values are kept and shown."
            ),
        ),
        (
            t("Complete list"),
            t(
                "an organizer's registration list loaded for an edition. Only then do comparisons "
                "use firm words such as 'new' or 'returning'."
            ),
        ),
        (
            t("Parent conference and side events"),
            t(
                "figures of the Global Public Security Cooperation Forum as a "
                "whole, and events held beside the sub-forum, are context only "
                "and never counted as sub-forum participation."
            ),
        ),
    ]


def definitions() -> None:
    st.markdown("\n".join(t("- **{term}**: {text}", term=term, text=text) for term, text in _definitions()))


def coverage_table(ds: Dataset) -> None:
    lang = get_language()
    cov = metrics.coverage(ds)
    view = pd.DataFrame(
        {
            t("Edition"): cov.edition.astype(str),
            t("What"): cov.metric.map(lambda c: METRICS.label(c, lang=lang)),
            t("Reported"): [
                format_figure_unit(v, q, m, lang=lang)
                for v, q, m in zip(cov.reported, cov.reported_qualifier, cov.metric)
            ],
            t("Identified"): cov.identified,
            t("Share identified"): [
                f"{s * 100:.0f}%" if s == s and s is not None else "—" for s in cov.share_identified
            ],
            t("Complete list"): cov.list_complete.map({True: t("yes"), False: t("no")}),
        }
    )
    st.dataframe(view, hide_index=True)
    download_csv(view, "coverage")


def conflicts(ds: Dataset) -> None:
    lang = get_language()
    fc = metrics.figure_conflicts(ds)
    if len(fc):
        st.markdown("**" + t("Headline figures on which sources disagree") + "**")
        for r in fc.itertuples():
            pref = t(" — preferred: official chair's statement") if r.is_preferred else ""
            st.markdown(
                t(
                    "- {year}, {metric}: **{value}**{pref} — {sources}",
                    year=r.edition,
                    metric=METRICS.label(r.metric, lang=lang).lower(),
                    value=format_figure_unit(r.value, r.qualifier, r.metric, lang=lang),
                    pref=pref,
                    sources=source_links(ds, r.source_ids, every=True),
                )
            )
    st.markdown("**" + t("All recorded conflicts") + "**")
    labels = citations.labels(ds, lang=lang)
    view = pd.DataFrame(
        {
            t("Conflict"): ds.conflicts.id,
            t("Edition"): ds.conflicts.edition.astype(str),
            t("Scope"): ds.conflicts.scope.map(lambda c: SCOPES.label(c, lang=lang)),
            t("Issue"): [
                citations.readable_text(ds, names.conflict_issue(r, lang=lang), lang=lang)
                for r in ds.conflicts.itertuples()
            ],
            t("Detail"): [
                citations.readable_text(ds, names.conflict_detail(r, lang=lang), lang=lang)
                for r in ds.conflicts.itertuples()
            ],
            t("Sources"): ds.conflicts.source_ids.map(
                lambda ids: join_clauses((labels.get(i, "") for i in ids.split("|")), lang=lang)
            ),
        }
    )
    st.dataframe(view, hide_index=True)
    download_csv(view, "conflicts")


def sources_table(ds: Dataset) -> None:
    """The full list of sources, each with its readable label and what it can support."""
    lang = get_language()
    usage = metrics.source_usage(ds)
    labels = citations.labels(ds, lang=lang)
    supports = usage.supports.fillna("").map(
        lambda v: series((SOURCE_SUPPORTS.label(x, lang=lang) for x in v.split("|") if x in SOURCE_SUPPORTS), lang)
    )
    view = pd.DataFrame(
        {
            t("Reference"): usage.id.map(labels),
            t("Publisher"): usage.id.map(lambda i: citations.publisher(ds, i, lang=lang)),
            # a title as the source gives it (its own language); this project's description of a page
            # that has none ('(rewrite of …)') in the reader's language
            t("Document title"): [citations.display_title(ds, i, lang=lang) for i in usage.id],
            t("Language"): usage.language.map(
                lambda c: locale_rules.written_language_name(citations.language_name(c, lang=lang), lang)
            ),
            t("Kind"): usage.kind.map(lambda c: SOURCE_KINDS.label(c, lang=lang)),
            t("Can support"): supports,
            t("Published"): usage.published.fillna("").replace("", "—"),
            t("Editions"): usage.editions,
            t("Records citing it"): usage.n_records,
            t("Figures"): usage.n_reported_figures,
            t("Participants"): usage.n_participation,
            t("People"): usage.n_people,
            t("Link"): usage.url,
        }
    )
    st.dataframe(
        view, hide_index=True, column_config={t("Link"): st.column_config.LinkColumn(t("Link"), display_text=t("open"))}
    )
    st.caption(
        t(
            'A source that supports "a person\'s name or title only" confirms how a name or title is written; '
            "it is never cited as evidence that anyone took part. Summaries and tables cite at most the "
            "three strongest sources of a claim (official originals first, mirrors only when nothing else "
            "exists); this table lists them all."
        )
    )
    download_csv(view, "sources")


def licence_and_citation(ds: Dataset) -> None:
    lang = get_language()
    version = data_version()
    code, _ = worldview.from_param(st.query_params.get(worldview.PARAM))
    st.markdown(
        t(
            "- **Data**: compiled by this project from the public sources listed above, CC BY 4.0; the facts "
            "belong to their sources.\n- **Maps** (this view: {label}): by default based on China's standard map "
            "GS(2023)2767, as published in world-geo-json-zh 2.1.5 (Unlicense; Natural Earth 1:50m adjusted: "
            "Taiwan part of China, Zangnan and Aksai Chin in China, South China Sea islands and the ten-dash "
            "line), with Natural Earth 1:50m coastlines of Taiwan, Hong Kong and Macao. The other setting "
            "(`?worldview=ne`, or DASHBOARD_WORLDVIEW=ne) draws Natural Earth 1:50m's de facto boundaries "
            "(public domain, via world-atlas 2.0.2). Every map and exported image names the one it used."
            "\n- **Names**: Hong Kong SAR, China; Macao SAR, China; Taiwan, China — the usage of the host's "
            "documents.",
            label=worldview.label(code, lang=lang),
        )
    )
    st.markdown(f"**{t('How to cite')}**")
    st.code(packaging.citation(version, dt.date.today(), lang=lang), language=None, wrap_lines=True)


def data_package_download() -> None:
    st.download_button(
        t("Download the whole data package (ZIP, with datapackage.json)"),
        data=lambda: packaging.data_package_zip(data_dir()),
        file_name="migration-subforum-data.zip",
        mime="application/zip",
        key="datapackage-zip",
        on_click="ignore",
        icon=":material/folder_zip:",
    )
    st.caption(
        t(
            "Tables in tidy CSV with a Frictionless Data Package descriptor (fields, types, keys, sources, "
            "licence). Open it with pandas, R, Excel or `frictionless validate`."
        )
    )


def source_note(ds: Dataset) -> str:
    return t(
        "Sources: {n} public pages in {k} languages; see the table above.",
        n=len(ds.sources),
        k=ds.sources.language.nunique(),
    )
