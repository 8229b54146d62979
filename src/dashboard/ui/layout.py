"""Shared page set-up: every page (``app.py`` and ``pages/*.py``) calls :func:`page_setup` first.

Classic ``pages/`` multipage mode is used on purpose: a browser opening a deep
link (``/Year_over_year?edition=2025``) on a freshly started server runs that
page file directly, so the set-up must live in the page's own first call, not
in ``app.py``. The file-name navigation is hidden (``client.showSidebarNavigation``)
and replaced by translated links that carry the shared URL state along.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from .. import packaging
from ..dataset import Dataset, load_clean
from ..registrations import merge_into
from ..tables import TABLES
from ..errors import DataError
from ..paths import clean_dir, data_dir
from ..i18n import DEFAULT_LANGUAGE, LANGUAGES, set_language, t
from .state import url_selectbox

ICON = Path(__file__).parent / "assets" / "icon.png"

# (script path relative to the repository root, label msgid, Material icon)
PAGES: list[tuple[str, str, str]] = [
    ("app.py", "Overview", ":material/dashboard:"),
    ("pages/1_Year_over_year.py", "Year over year", ":material/compare_arrows:"),
    ("pages/2_Countries_and_regions.py", "Countries and regions", ":material/public:"),
    ("pages/3_Organizations.py", "International organizations", ":material/account_balance:"),
    ("pages/4_Speakers.py", "Speakers and roles", ":material/record_voice_over:"),
    ("pages/5_Map.py", "Map", ":material/map:"),
    ("pages/6_Sources.py", "Sources and methodology", ":material/menu_book:"),
    ("pages/7_Press.py", "Press kit", ":material/newspaper:"),
    ("pages/8_Import.py", "Import a registration list", ":material/upload_file:"),
]
# Query parameters shared by every page; each page may add its own.
SHARED_PARAMS = ("lang", "edition")


@st.cache_resource(show_spinner=False, max_entries=4)
def _dataset(data_folder: str, stamp: float) -> Dataset:
    """One parsed copy of data/clean per process, shared read-only by all sessions (the core
    never mutates it). Keyed by the folder and by ``stamp`` (the newest mtime in data/clean),
    so a rebuild shows up without a restart."""
    return load_clean(Path(data_folder))


@st.cache_resource(show_spinner=False, max_entries=4)
def _data_version(data_folder: str, stamp: float) -> str:
    return packaging.data_version(Path(data_folder))


def data_version() -> str:
    """Content hash of data/clean, computed once per build of it (not on every rerun)."""
    base = data_dir()
    return _data_version(str(base), _clean_stamp(clean_dir(base)))


def _clean_stamp(folder: Path) -> float:
    return max((p.stat().st_mtime_ns for p in folder.glob("*")), default=0) / 1e9


def page_setup(title_msgid: str) -> Dataset:
    """Page config, language, sidebar navigation and the dataset; stops the page with a clear
    message when the data cannot be loaded."""
    st.set_page_config(page_title=f"{t(title_msgid)} · {t('Migration Sub-Forum dashboard')}",
                       page_icon=str(ICON), layout="wide")
    lang = set_language(st.query_params.get("lang"))
    try:
        base = data_dir()
        ds = _dataset(str(base), _clean_stamp(clean_dir(base)))
    except DataError as exc:
        st.error(t("The dashboard's data could not be loaded.") + "\n\n" + str(exc))
        st.stop()
    ds = with_session_lists(ds)
    _sidebar(lang)
    return ds


def with_session_lists(ds: Dataset) -> Dataset:
    """The dataset plus the registration lists this session imported (never written to disk).
    The merged copy is kept per session, so pages do not redo the merge on every rerun."""
    lists = st.session_state.get("registration_lists", {})
    if not lists:
        return ds
    key = (id(ds), tuple(sorted((e, src["id"], len(tab)) for e, (tab, src) in lists.items())))
    cached = st.session_state.get("_merged_dataset")
    if cached and cached[0] == key:
        return cached[1]
    frames = {name: getattr(ds, name) for name in TABLES}
    for table, source in lists.values():
        frames = merge_into(frames, table, source)
    merged = Dataset(**frames)
    st.session_state["_merged_dataset"] = (key, merged)
    return merged


def shared_query_params(**overrides: str) -> dict[str, str]:
    params = {k: st.query_params[k] for k in SHARED_PARAMS if k in st.query_params}
    params.update({k: v for k, v in overrides.items() if v is not None})
    return params


def _sidebar(lang: str) -> None:
    with st.sidebar:
        st.markdown(f"**{t('Migration Sub-Forum')}**  \n{t('Participation dashboard')}")
        for path, label, icon in PAGES:
            st.page_link(path, label=t(label), icon=icon, query_params=shared_query_params())
        st.divider()
        url_selectbox(t("Language"), list(LANGUAGES), "lang", DEFAULT_LANGUAGE, format_func=LANGUAGES.get)
        lists = st.session_state.get("registration_lists", {})
        if lists:
            st.info(t("Registration lists loaded in this session: {eds}", eds=", ".join(map(str, sorted(lists)))))
        st.caption(t("Figures come from public sources, each cited; public sources name only part "
                     "of the participants."))


def footer(source_line: str) -> None:
    """Source and licence line at the bottom of every page."""
    st.divider()
    st.caption(source_line)
    st.caption(t("Data: compiled from public sources, CC BY 4.0 for this compilation; every row cites its "
                 "sources. Map boundaries: as stated on each map."))
