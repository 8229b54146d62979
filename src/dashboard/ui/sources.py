"""Sections of the Sources-and-methodology page."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from .. import metrics, packaging, worldview
from ..dataset import Dataset
from ..formatting import format_figure
from ..i18n import t
from ..paths import data_dir
from .charts import download_csv
from .components import METRIC_LABELS, source_links
from .layout import data_version

DEFINITIONS = [
    ("Reported", "a total a source states (\"more than 240 attendees\", \"51 countries and regions\"), shown with "
                 "its qualifier."),
    ("Identified / named", "a country, region, organization or person that a public source names as taking part. "
                           "Public sources name only part of the participants, so identified counts are lower "
                           "than reported totals; the remainder is shown, never hidden."),
    ("Preferred value", "where sources disagree, the value of the edition's official chair's statement (the "
                        "host's own document). All other values are kept and shown."),
    ("Complete list", "an organizer's registration list loaded for an edition. Only then do comparisons use "
                      "firm words such as 'new' or 'returning'."),
    ("Parent conference and side events", "figures of the Global Public Security Cooperation Forum as a whole, "
                                           "and events held beside the sub-forum, are context only and never "
                                           "counted as sub-forum participation."),
]


def definitions() -> None:
    st.markdown("\n".join(f"- **{t(term)}**: {t(text)}" for term, text in DEFINITIONS))


def coverage_table(ds: Dataset) -> None:
    cov = metrics.coverage(ds)
    view = pd.DataFrame({
        t("Edition"): cov.edition.astype(str), t("What"): cov.metric.map(lambda m: t(METRIC_LABELS[m])),
        t("Reported"): [format_figure(v, q) for v, q in zip(cov.reported, cov.reported_qualifier)],
        t("Identified"): cov.identified,
        t("Share identified"): [f"{s * 100:.0f}%" if s == s and s is not None else "—" for s in cov.share_identified],
        t("Complete list"): cov.list_complete.map({True: t("yes"), False: t("no")}),
    })
    st.dataframe(view, hide_index=True)
    download_csv(cov, "coverage")


def conflicts(ds: Dataset) -> None:
    fc = metrics.figure_conflicts(ds)
    if len(fc):
        st.markdown(f"**{t('Headline figures on which sources disagree')}**")
        for r in fc.itertuples():
            pref = t(" — preferred: official chair's statement") if r.is_preferred else ""
            st.markdown(t("- {year}, {metric}: **{value}**{pref} — {sources}", year=r.edition,
                          metric=t(METRIC_LABELS[r.metric]).lower(), value=format_figure(r.value, r.qualifier),
                          pref=pref, sources=source_links(ds, r.source_ids)))
    st.markdown(f"**{t('All recorded conflicts')}**")
    view = ds.conflicts.assign(edition=ds.conflicts.edition.astype(str))
    st.dataframe(view, hide_index=True)
    download_csv(ds.conflicts, "conflicts")


def sources_table(ds: Dataset) -> None:
    usage = metrics.source_usage(ds)
    view = pd.DataFrame({
        t("Publisher"): usage.publisher, t("Title"): usage.title, t("Language"): usage.language,
        t("Kind"): usage.kind, t("Published"): usage.published.replace("", "—"), t("Editions"): usage.editions,
        t("Records citing it"): usage.n_records, t("Figures"): usage.n_reported_figures,
        t("Participants"): usage.n_participation, t("People"): usage.n_people, t("Link"): usage.url, "id": usage.id,
    })
    st.dataframe(view, hide_index=True, column_config={t("Link"): st.column_config.LinkColumn(
        t("Link"), display_text=t("open"))})
    download_csv(usage, "sources")


def licence_and_citation(ds: Dataset) -> None:
    version = data_version()
    code, _ = worldview.from_param(st.query_params.get(worldview.PARAM))
    st.markdown(t("- **Data**: compiled by this project from the public sources listed above, CC BY 4.0; the facts "
                  "belong to their sources.\n- **Maps** (this view: {label}): China's standard map by default, "
                  "GS(2023)2767 as published in world-geo-json-zh 2.1.5 (Unlicense; Natural Earth 1:50m adjusted: "
                  "Taiwan part of China, Zangnan and Aksai Chin in China, South China Sea islands and the ten-dash "
                  "line), with Natural Earth 1:50m coastlines of Taiwan, Hong Kong and Macao. The other setting "
                  "(`?worldview=ne`, or DASHBOARD_WORLDVIEW=ne) draws Natural Earth 1:50m's de facto boundaries "
                  "(public domain, via world-atlas 2.0.2). Every map and exported image names the one it used."
                  "\n- **Names**: Hong Kong SAR, China; Macao SAR, China; Taiwan, China — the usage of the host's "
                  "documents.", label=worldview.label(code)))
    st.markdown(f"**{t('How to cite')}**")
    st.code(packaging.citation(version, dt.date.today()), language=None, wrap_lines=True)


def data_package_download() -> None:
    st.download_button(t("Download the whole data package (ZIP, with datapackage.json)"),
                       data=lambda: packaging.data_package_zip(data_dir()),
                       file_name="migration-subforum-data.zip", mime="application/zip", key="datapackage-zip",
                       on_click="ignore", icon=":material/folder_zip:")
    st.caption(t("Tables in tidy CSV with a Frictionless Data Package descriptor (fields, types, keys, sources, "
                 "licence). Open it with pandas, R, Excel or `frictionless validate`."))


def source_note(ds: Dataset) -> str:
    return t("Sources: {n} public pages in {k} languages; see the table above.", n=len(ds.sources),
             k=ds.sources.language.nunique())

