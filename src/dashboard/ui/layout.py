"""The frame every page runs in: one ``PAGES`` list, set-up once, then ``st.navigation``.

``app.py`` calls :func:`run_frame`: page config, language, the dataset, the sidebar with
translated links that carry the shared URL state, then the page the URL names. Page bodies
live in ``pages/`` and start with ``ds = page_dataset()``.

One Streamlit detail shapes this module: a server that has a ``pages/`` folder starts in the
legacy multipage mode until the first ``st.navigation`` call, so the very first deep link after
a server start (``/Map``) runs ``pages/5_Map.py`` without ``app.py``. :func:`page_dataset`
notices that and runs the frame there; each page's ``url_path`` equals the name the legacy mode
derives from its file name, so the frame resolves the same page with the same URL state. The
browser tests open every page by deep link on a freshly started server.
"""

from __future__ import annotations

import os
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from ..dataset import Dataset, load_clean
from ..errors import DataError
from ..formatting import format_list, format_year
from ..i18n import N_, languages, match_language, set_language, t, translate_marked
from ..paths import clean_dir, data_dir
from ..tables import TABLES
from . import preload, viewport
from .chrome import hide_untranslated_controls
from .fit import CAPTION_CSS, TEXT_FIT_CSS
from .state import url_selectbox

ICON = Path(__file__).parent / "assets" / "icon.png"


@dataclass(frozen=True)
class PageSpec:
    """One page: its file (relative to the repository root), title (msgid), icon, the URL path
    (stable: old links keep working) and the query parameters that hold its state."""

    path: str
    title: str
    icon: str
    url_path: str
    params: tuple[str, ...] = ()
    summary: str = ""


PAGES: tuple[PageSpec, ...] = (
    PageSpec("pages/0_Overview.py", N_("Overview"), ":material/dashboard:", "Overview", ("edition", "lang")),
    PageSpec(
        "pages/1_Year_over_year.py", N_("Year over year"), ":material/compare_arrows:", "Year_over_year", ("a", "b")
    ),
    PageSpec(
        "pages/2_Countries_and_regions.py",
        N_("Countries and regions"),
        ":material/public:",
        "Countries_and_regions",
        ("editions", "region", "etype"),
    ),
    PageSpec(
        "pages/3_Organizations.py",
        N_("International organizations"),
        ":material/account_balance:",
        "Organizations",
        ("editions",),
    ),
    PageSpec(
        "pages/4_Speakers.py",
        N_("Speakers and roles"),
        ":material/record_voice_over:",
        "Speakers",
        ("editions", "region", "role"),
    ),
    PageSpec("pages/5_Map.py", N_("Map"), ":material/map:", "Map", ("view", "edition", "a", "b", "lines", "worldview")),
    PageSpec("pages/9_Reach.py", N_("Reach"), ":material/groups:", "Reach", ("editions", "grouping", "invite")),
    PageSpec("pages/6_Sources.py", N_("Sources and methodology"), ":material/menu_book:", "Sources"),
    PageSpec("pages/7_Press.py", N_("Press kit"), ":material/newspaper:", "Press", ("mode", "edition", "a", "b")),
    PageSpec("pages/8_Import.py", N_("Import a registration list"), ":material/upload_file:", "Import"),
)
# Query parameters shared by every page; each page may add its own.
SHARED_PARAMS = ("lang", "edition", "worldview")

# The dataset of the current script run, set by the frame, read by the page body.
_dataset_of_run: ContextVar[Dataset | None] = ContextVar("dashboard_dataset", default=None)


@st.cache_resource(show_spinner=False, max_entries=4)
def _dataset(data_folder: str, stamp: float) -> Dataset:
    """One parsed copy of data/clean per process, shared read-only by all sessions (the core
    never mutates it). Keyed by the folder and by ``stamp`` (the newest mtime in data/clean),
    so a rebuild shows up without a restart."""
    return load_clean(Path(data_folder))


@st.cache_resource(show_spinner=False, max_entries=4)
def _data_version(data_folder: str, stamp: float) -> str:
    from .. import packaging

    return packaging.data_version(Path(data_folder))


def data_version() -> str:
    """Content hash of data/clean, computed once per build of it (not on every rerun)."""
    base = data_dir()
    return _data_version(str(base), _clean_stamp(clean_dir(base)))


def _clean_stamp(folder: Path) -> float:
    return max((p.stat().st_mtime_ns for p in folder.glob("*")), default=0) / 1e9


def browser_language() -> str:
    """The browser's language when a catalogue exists for it (Chinese for 'zh-CN'), English otherwise."""
    try:
        locale = st.context.locale or ""
    except Exception:
        locale = ""
    return match_language(locale)


def run_frame() -> None:
    """Set-up once for every page, then run the page the URL names."""
    default_lang = browser_language()
    lang = set_language(st.query_params.get("lang") or default_lang)
    # No icon on st.Page: a page icon becomes the favicon, which the browser would fetch from an
    # external font host; the sidebar links carry the icons (drawn from Streamlit's bundled font).
    pages = [
        st.Page(p.path, title=translate_marked(p.title), url_path=p.url_path, default=i == 0)
        for i, p in enumerate(PAGES)
    ]
    page = st.navigation(pages, position="hidden")
    st.set_page_config(
        page_title=page.title + " · " + t("Migration Sub-Forum dashboard"), page_icon=str(ICON), layout="wide"
    )
    try:
        base = data_dir()
        ds = _dataset(str(base), _clean_stamp(clean_dir(base)))
    except DataError as exc:
        st.error(t("The dashboard's data could not be loaded.") + "\n\n" + str(exc))
        st.stop()
    ds = with_session_lists(ds)
    _sidebar(lang, default_lang, pages)
    hide_untranslated_controls(lang)
    viewport.probe()  # the content column's width, so charts wrap their titles for it
    if viewport.must_wait():  # a first visit: draw the page once the browser has reported its width
        if not os.environ.get("DASHBOARD_NO_PRELOAD"):
            preload.plotly_library(page.url_path)  # meanwhile the browser loads plotly.js (ui.preload)
        st.stop()
    token = _dataset_of_run.set(ds)
    try:
        page.run()
    finally:
        _dataset_of_run.reset(token)


def page_dataset() -> Dataset:
    """The dataset for the page body. Where the frame has not run (a server's very first deep
    link, see the module docstring, and every AppTest run, which starts in that mode too), switch
    the legacy mode off and run the frame here: it runs this page inside it, then the frameless
    run stops before drawing anything."""
    ds = _dataset_of_run.get()
    if ds is not None:
        return ds
    from streamlit.runtime.pages_manager import PagesManager

    PagesManager.uses_pages_directory = False
    run_frame()  # runs this very page again, inside the frame
    st.stop()  # and ends the frameless run
    raise AssertionError("unreachable")  # st.stop() raises


def with_session_lists(ds: Dataset) -> Dataset:
    """The dataset plus the registration lists this session imported (never written to disk).
    The merged copy is kept per session, so pages do not redo the merge on every rerun."""
    lists = st.session_state.get("registration_lists", {})
    if not lists:
        return ds
    key = (id(ds), tuple(sorted((e, src["id"], len(tab), declared) for e, (tab, src, declared) in lists.items())))
    cached = st.session_state.get("_merged_dataset")
    if cached and cached[0] == key:
        return cached[1]
    from ..registrations import merge_into  # only when a list was imported in this session

    frames = {name: getattr(ds, name) for name in TABLES}
    for table, source, declared in lists.values():
        frames = merge_into(frames, table, source, declared_complete=declared)
    merged = Dataset(**frames)
    st.session_state["_merged_dataset"] = (key, merged)
    return merged


def shared_query_params(**overrides: str) -> dict[str, str]:
    params = {k: st.query_params[k] for k in SHARED_PARAMS if k in st.query_params}
    params.update({k: v for k, v in overrides.items() if v is not None})
    return params


def _sidebar(lang: str, default_lang: str, pages: list) -> None:
    with st.sidebar:
        st.markdown("**" + t("Migration Sub-Forum") + "**  \n" + t("Participation dashboard"))
        with st.container(key="nav-links"):  # its key: the early stylesheet sizes the links' placeholders
            for page, spec in zip(pages, PAGES):
                st.page_link(page, label=page.title, icon=spec.icon, query_params=shared_query_params())
        st.divider()
        names = languages()  # the pseudo-locale too when a developer switched it on
        url_selectbox(t("Language"), list(names), "lang", default_lang, format_func=names.get)
        lists = st.session_state.get("registration_lists", {})
        if lists:
            st.info(
                t(
                    "Registration lists loaded in this browser session only (a reload drops them): {eds}",
                    eds=format_list((format_year(e, lang=lang) for e in sorted(lists)), lang=lang),
                )
            )
        st.caption(
            t(
                "Figures come from public sources and the organizer's registration list loaded in this session, "
                "each cited; public sources name only part of the participants."
            )
            if lists
            else t("Figures come from public sources, each cited; public sources name only part of the participants.")
        )
        # Captions drawn solid in a dark grey (ui.fit.CAPTION_CSS; Streamlit fades them below WCAG AA).
        st.html(CAPTION_CSS + TEXT_FIT_CSS)  # and labels that wrap instead of being cut (ui.fit)


def footer(source_line: str) -> None:
    """Source and licence line at the bottom of every page."""
    st.divider()
    st.caption(source_line)
    st.caption(
        t(
            "Data: compiled from public sources, CC BY 4.0 for this compilation; every row cites its "
            "sources. Map boundaries: as stated on each map."
        )
    )
