"""Sections of the Press page: summary to copy, chart images, the press-kit ZIP.
Images and the ZIP are built only when a download is asked for."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from .. import citations, listwords, packaging, summary
from ..dataset import Dataset
from ..describe import describe
from ..formatting import md_escape
from ..i18n import get_language, t
from ..static_export import browser_available as _browser_available
from ..static_export import figure_bytes
from .charts import PLOTLY_CONFIG
from .chrome import plotly_locale
from .components import edition_picker, two_edition_pickers
from .layout import data_version
from .mapview import current_worldview, map_chart, map_config
from .state import url_selectbox

MODES = ("one", "compare")


@st.cache_resource(ttl=60, show_spinner=False)
def browser_available() -> bool:
    """Whether kaleido finds a Chromium: looked up on PATH once a minute, not three times per run."""
    return _browser_available()


def _mode_label(mode: str) -> str:
    return t("One edition") if mode == "one" else t("Compare two editions")


def pick(ds: Dataset) -> list[int]:
    eds = ds.edition_ids
    c1, c2, c3 = st.columns(3)
    with c1:
        mode = url_selectbox(t("Summary of"), list(MODES), "mode", "one", format_func=_mode_label)
    if mode == "compare" and len(eds) > 1:
        return list(two_edition_pickers(ds, (c2, c3)))
    with c2:
        return [edition_picker(ds)]


def summary_section(ds: Dataset, editions: list[int]) -> str:
    lang = get_language()
    s = packaging.press_summary(ds, editions, lang=lang)
    md = summary.to_markdown(ds, s, lang, dt.date.today())
    st.markdown(f"#### {md_escape(s.title)}")
    for p in s.paragraphs:
        st.markdown(md_escape(p))
    st.markdown(
        "\n".join(
            # an organizer's list is the user's file: named by its label, with no link
            f"{i}. {md_escape(citations.label(ds, sid, lang=lang))}"
            if citations.is_organizer_list(ds, sid)
            else f"{i}. [{md_escape(citations.label(ds, sid, lang=lang))}]({citations.url(ds, sid)})"
            for i, sid in enumerate(s.refs.order, 1)
        )
    )
    # Sent only when opened: a code block loads the browser's syntax highlighter, which a fresh tab
    # would otherwise fetch and run before the page's chart (see README, Performance).
    copy = st.expander(t("Markdown to copy"), key="summary-markdown", on_change="rerun")
    if copy.open:
        copy.code(md, language="markdown", wrap_lines=True)
    st.download_button(
        t("Download summary (Markdown)"),
        data=md.encode("utf-8"),
        file_name=packaging.summary_file_name(editions, lang=lang),
        mime="text/markdown",
        key="summary-md",
        on_click="ignore",
        icon=":material/description:",
    )
    return md


def charts_section(ds: Dataset, editions: list[int]) -> None:
    lang = get_language()
    if not browser_available():
        st.info(
            t(
                "Image export needs Chrome or Chromium on this computer (Debian/Ubuntu: apt-get install "
                "chromium). Every chart can still be saved from its toolbar."
            )
        )
        return
    choice = st.selectbox(
        t("Chart"),
        packaging.KEY_CHARTS,
        key="export_chart",
        format_func=lambda name: (
            listwords.press_chart_title(ds, name, editions, lang=lang) or packaging.key_chart_title(name, lang=lang)
        ),
    )
    code = current_worldview()
    chart = packaging.key_chart(ds, editions, choice, code, lang=lang)
    if choice == "map":
        map_chart(chart.figure, "export-preview", map_config(code))
    else:
        st.plotly_chart(chart.figure, key="export-preview", config={**PLOTLY_CONFIG, **plotly_locale(get_language())})
    st.caption(md_escape(describe(chart, lang)))
    today = dt.date.today()
    c1, c2 = st.columns(2)
    for col, fmt in zip((c1, c2), ("png", "svg")):
        with col:
            st.download_button(
                t("Download {fmt}", fmt=fmt.upper()),
                data=lambda fig=chart.figure, f=fmt: figure_bytes(fig, f, today, lang=lang),
                file_name=f"{packaging.file_stem(chart.name, editions, lang=lang)}.{fmt}",
                mime="image/png" if fmt == "png" else "image/svg+xml",
                key=f"export-{fmt}",
                on_click="ignore",
                icon=":material/image:",
            )


def press_kit_section(ds: Dataset, editions: list[int]) -> None:
    lang = get_language()
    if not browser_available():
        return
    code = current_worldview()
    version = data_version()
    st.download_button(
        t("Download the press kit (ZIP)"),
        data=lambda: packaging.press_kit_zip(ds, editions, dt.date.today(), version, worldview=code, lang=lang),
        file_name=f"{packaging.press_kit_name(editions, lang=lang)}.zip",
        mime="application/zip",
        key="press-kit",
        on_click="ignore",
        type="primary",
        icon=":material/folder_zip:",
    )
    st.caption(
        t(
            "The summary (Markdown), the key charts as PNG and SVG (title, source and date inside), the data "
            "behind each chart (CSV), the list of sources and a README. Built when you click (a few seconds)."
        )
    )


def brief_section(ds: Dataset, editions: list[int]) -> None:
    """The A4 brief (PDF) of the editions chosen above, in the page's language; built on click."""
    lang = get_language()  # a download callback runs outside this script run: pass the language on
    code = current_worldview()
    version = data_version()
    images = browser_available()

    def pdf() -> bytes:
        from .. import brief  # typst is loaded only when a brief is asked for

        return brief.build_brief(ds, editions, lang, dt.date.today(), version, worldview=code, images=images)

    st.download_button(
        t("Download the brief (PDF, A4)"),
        data=pdf,
        file_name=f"brief-{'-'.join(map(str, editions))}-{lang}.pdf",
        mime="application/pdf",
        key="brief-pdf",
        on_click="ignore",
        type="primary",
        icon=":material/picture_as_pdf:",
    )
    st.caption(
        t(
            "One or two A4 pages to print or forward: dates and venue, headline figures with every value "
            "the sources give, the map and two key charts with their descriptions, key speakers, outcomes "
            "and the numbered sources. Built when you click (a few seconds)."
        )
        if images
        else t(
            "One or two A4 pages to print or forward. Without Chrome or Chromium on this computer the "
            "brief has no map and charts."
        )
    )
