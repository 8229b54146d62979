"""Every page rendered in Chinese (AppTest, ?lang=zh) shows no untranslated English phrase outside
source titles, URLs and proper names: text that comes from the data as the sources write it
(names, titles, organizations, source titles, publishers) is allowed, everything else must be
Chinese. A run of three or more English words fails the test, with the page and the text."""

from __future__ import annotations

import json
import re

import pytest
from conftest import REPO
from streamlit.testing.v1 import AppTest

from dashboard.dataset import load_clean
from dashboard.i18n import set_language
from dashboard.ui.layout import PAGES

ENGLISH_RUN = re.compile(r"[A-Za-z][A-Za-z'’.\-]*(?:[ ,:;()/&]+[A-Za-z][A-Za-z'’.\-]*){2,}")
MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~<])")
LANGUAGE_CODES = re.compile(r"[(（](?:[a-z]{2,3})(?:[,，、] ?[a-z]{2,3})*[)）]")  # ISO 639 codes beside a source
URL = re.compile(r"https?://\S+|\]\([^)]*\)|\S+\.(?:csv|json|zip|png|svg|md|xlsx|geojson)\b")
# Names of things that stay in their own language (standards, licences, products, file formats).
PROPER = [
    "Natural Earth",
    "UN M49",
    "CC BY 4.0",
    "Okabe–Ito",
    "Okabe-Ito",
    "Frictionless Data Package",
    "Frictionless",
    "GS(2023)2767",
    "world-geo-json-zh",
    "ISO 3166-1",
    "OpenStreetMap",
]
PLOTLY_TEXT_KEYS = {"text", "title", "name", "ticktext", "hovertemplate", "legendgrouptitle"}


@pytest.fixture(scope="module")
def data_strings() -> list[str]:
    """Every text cell of the clean tables (data as the sources write it), longest first."""
    ds = load_clean(REPO / "data")
    values: set[str] = set()
    for name in (
        "sources",
        "people",
        "participation",
        "entities",
        "organizations",
        "editions",
        "topics",
        "outcomes",
        "conflicts",
        "reported_figures",
        "side_events",
    ):
        frame = getattr(ds, name, None)
        if frame is None:
            continue
        for col in frame.columns:
            if frame[col].dtype == object or str(frame[col].dtype).startswith("str"):
                for v in frame[col].dropna().astype(str):
                    values.update(x.strip() for x in v.split("|") if len(x.strip()) > 3)
    # publishers' names as reference labels show them (proper names; Chinese where the record gives one)
    from dashboard.citations import publisher

    values.update(publisher(ds, sid, lang="en") for sid in ds.sources.id)
    # the project's own notes on people, with source ids replaced by reference labels, as the tables show them
    from dashboard.citations import readable_text
    from dashboard.i18n import language

    with language("zh"):
        for col in ("note", "verification"):
            values.update(readable_text(ds, v, lang="zh") for v in ds.people[col].dropna().astype(str) if v)
        values.update(publisher(ds, sid, lang="zh") for sid in ds.sources.id)
    return sorted(values, key=len, reverse=True)


def plotly_strings(node, key: str = "") -> list[str]:
    out: list[str] = []
    if isinstance(node, dict):
        for k, v in node.items():
            out += plotly_strings(v, k)
    elif isinstance(node, list):
        for v in node:
            out += plotly_strings(v, key)
    elif isinstance(node, str) and key in PLOTLY_TEXT_KEYS:
        out.append(node)
    return out


def visible_texts(at: AppTest) -> list[str]:
    texts: list[str] = []
    for kind in (
        "title",
        "header",
        "subheader",
        "markdown",
        "caption",
        "info",
        "warning",
        "error",
        "success",
        "exception",
    ):
        texts += [str(e.value) for e in getattr(at, kind)]
    for m in at.metric:
        texts += [m.label, str(m.value), str(m.proto.help or ""), str(m.proto.body or "")]
    for w in list(at.selectbox) + list(at.multiselect) + list(at.radio):
        texts.append(w.label)
        texts += [str(o) for o in w.options]
    for w in list(at.button) + list(at.checkbox) + list(at.toggle) + list(at.expander) + list(at.tabs):
        texts.append(str(getattr(w, "label", "")))
    for b in at.get("download_button"):
        texts.append(b.proto.label)
    for link in at.get("page_link"):
        texts.append(link.proto.label)
    for d in at.dataframe:
        texts += [str(c) for c in d.value.columns]
        texts += [str(v) for v in d.value.astype(str).to_numpy().ravel()[:2000]]
    for chart in at.get("plotly_chart"):
        texts += plotly_strings(json.loads(chart.proto.spec))
    for el in at.get("text_input") + at.get("file_uploader"):
        texts.append(str(getattr(el, "label", "")))
    return texts


def english_phrases(texts: list[str], allowed: list[str]) -> list[str]:
    found = []
    for text in texts:
        clean = MD_ESCAPE.sub(r"\1", text)
        for value in allowed:
            if value in clean:
                clean = clean.replace(value, " ")
        clean = LANGUAGE_CODES.sub(" ", URL.sub(" ", clean))
        for name in PROPER:
            clean = clean.replace(name, " ")
        clean = re.sub(r"<[^>]+>|\\", " ", clean)
        found += [m.group(0) for m in ENGLISH_RUN.finditer(clean)]
    return found


@pytest.fixture(autouse=True)
def _chinese_in_the_test_thread():
    """AppTest formats widget values with the widget's format_func in the test's own thread: give
    that thread the page's language too."""
    set_language("zh")
    yield
    set_language("en")


def open_in_chinese(path: str, query: dict | None = None) -> AppTest:
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=90)
    at.query_params["lang"] = "zh"
    at.run()
    at.switch_page(path)
    at.query_params["lang"] = "zh"
    for k, v in (query or {}).items():
        at.query_params[k] = v
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


CASES = [(p.path, None) for p in PAGES] + [
    ("pages/7_Press.py", {"mode": "compare"}),
    ("pages/5_Map.py", {"view": "two"}),
    ("pages/5_Map.py", {"view": "regions"}),
]


@pytest.mark.parametrize("path, query", CASES, ids=[f"{p.split('/')[-1]}-{q}" for p, q in CASES])
def test_page_in_chinese_has_no_english_phrase(path, query, data_strings, monkeypatch):
    monkeypatch.delenv("DASHBOARD_DATA_DIR", raising=False)
    at = open_in_chinese(path, query)
    phrases = english_phrases(visible_texts(at), data_strings)
    assert not phrases, f"{path} {query}: {len(phrases)} English phrase(s): {phrases[:20]}"


def test_import_page_in_chinese_after_an_upload(data_strings, monkeypatch):
    monkeypatch.delenv("DASHBOARD_DATA_DIR", raising=False)
    at = open_in_chinese("pages/8_Import.py")
    corpus = REPO / "tests" / "fixtures" / "registrations"
    at.file_uploader(key="registration_upload").upload(
        "unknown_country.csv", (corpus / "unknown_country.csv").read_bytes(), "text/csv"
    ).run()
    phrases = english_phrases(visible_texts(at), data_strings)
    assert not phrases, f"import page after upload: {phrases[:20]}"


@pytest.mark.parametrize("path", ["pages/1_Year_over_year.py", "pages/6_Sources.py"])
def test_term_lists_use_the_full_width_colon(path):
    """'- **术语**：释义' in Chinese, as Chinese text writes it, not an ASCII colon after the bold term."""
    at = open_in_chinese(path)
    lists = [m.value for m in at.markdown if m.value.startswith("- **")]
    assert lists, "the page shows its term list"
    for block in lists:
        for line in block.splitlines():
            if line.startswith("- **") and "**" in line[4:]:
                assert "**: " not in line and "：" in line, line
