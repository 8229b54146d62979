"""Every view says what it shows (issue 23, item 2): once an organizer's list adds participants,
captions, legends, overlap labels and chart sentences credit public sources and the organizer's list;
without a list they are unchanged.

Fixture: the synthetic dataset (2098, 2099) and ``tests/fixtures/provenance/名单_B.csv``, a list for
2099 that adds Japan, Kenya, Peru and the UNHCR (see tests/test_provenance.py)."""

from __future__ import annotations

import json
import re

import pytest
from conftest import REPO
from streamlit.testing.v1 import AppTest
from test_provenance import LIST_FILE, LOADED, SID, _merged, _table

from dashboard import keycharts, listwords, mapdata, metrics
from dashboard import registrations as R
from dashboard.describe import describe
from dashboard.i18n import set_language

# --- the core: wording with and without a list ---------------------------------------------------

WITH = {"en": "organizer's", "zh": "主办方报名名单"}


@pytest.fixture(scope="module")
def merged(fixture_ds):
    return _merged(fixture_ds, _table(fixture_ds))


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text.replace("<br>", ""))


def _legend(fig) -> set[str]:
    return {_flat(tr.name) for tr in fig.data if tr.name}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_map_legend_credits_the_list_only_when_it_adds(fixture_ds, merged, lang):
    before = set(mapdata.map_participants(fixture_ds, 2099, lang=lang).status_label)
    after = set(mapdata.map_participants(merged, 2099, lang=lang).status_label)
    assert before == {{"en": "Identified in 2099 sources", "zh": "2099年来源列明"}[lang]}
    assert after == {
        {
            "en": "Identified in 2099 public sources and the organizer's list",
            "zh": "2099年公开来源和主办方报名名单列明",
        }[lang]
    }
    legend = _legend(keycharts.world_map(merged, 2099, lang=lang).figure)
    assert {_flat(x) for x in after} <= legend  # the legend is wrapped to the map's width
    assert not {_flat(x) for x in before} & legend


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_overlap_labels_credit_the_list(fixture_ds, merged, lang):
    before = set(metrics.overlap_labelled(fixture_ds, 2098, 2099, "country_or_region", lang=lang).status_label)
    after = set(metrics.overlap_labelled(merged, 2098, 2099, "country_or_region", lang=lang).status_label)
    assert before == set(metrics.overlap_labels(2098, 2099, False, lang=lang).values()) & before
    assert all(WITH[lang] in x for x in after) and not any(WITH[lang] in x for x in before)
    # the map of two editions draws the same labels as its legend
    legend = _legend(keycharts.world_map(merged, 2098, 2099, lang=lang).figure)
    assert {_flat(x) for x in after} & legend


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_region_chart_sentence_credits_the_list(fixture_ds, merged, lang):
    before = describe(keycharts.regions(fixture_ds, [2099], lang=lang), lang)
    after = describe(keycharts.regions(merged, [2099], lang=lang), lang)
    assert WITH[lang] not in before and WITH[lang] in after
    only = {"en": "(3 only in the list)", "zh": "（其中3个仅见于名单）"}[lang]
    assert only in after
    neither = {
        "en": "named neither in public sources nor in the organizer's list",
        "zh": "公开来源和主办方报名名单均未列明",
    }
    assert neither[lang] in after and neither[lang] not in before
    assert "名单名单" not in after


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_captions_change_only_with_a_list_that_adds(fixture_ds, merged, lang):
    for fn in (
        lambda ds: listwords.overview_caption(ds, lang=lang),
        lambda ds: listwords.countries_caption(ds, [2099], lang=lang),
        lambda ds: listwords.reach_caption(ds, [2099], lang=lang),
        lambda ds: listwords.overlap_note(ds, 2098, 2099, lang=lang),
        lambda ds: listwords.press_chart_title(ds, "coverage-countries-and-regions", [2099], lang=lang) or "",
    ):
        assert WITH[lang] not in fn(fixture_ds) and WITH[lang] in fn(merged)
    assert listwords.table_note(fixture_ds, [2099], lang=lang) == ""
    label = {"en": "(2099, file: 名单_B.csv, loaded", "zh": "（2099年，文件：名单_B.csv，导入于"}[lang]
    assert label in listwords.table_note(merged, [2099], lang=lang)
    # a list for 2099 changes nothing said about 2098 alone
    assert listwords.countries_caption(merged, [2098], lang=lang) == listwords.countries_caption(
        fixture_ds, [2098], lang=lang
    )


# --- the pages, with the fixture list loaded into the session --------------------------------------


@pytest.fixture(autouse=True)
def _english_after():
    yield
    set_language("en")


def _page(fixture_data, monkeypatch, path: str, lang: str, with_list: bool, query: dict | None = None) -> AppTest:
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(fixture_data))
    from dashboard.dataset import load_clean
    from dashboard.harmonize import AliasIndex

    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=90)
    at.query_params["lang"] = lang
    if with_list:
        ds = load_clean(fixture_data)
        report = R.validate(
            R.read_file(LIST_FILE.read_bytes(), LIST_FILE.name),
            LIST_FILE.name,
            AliasIndex(ds.entities, ds.organizations),
            ds.edition_ids,
        )
        source = R.source_record(SID, LIST_FILE.name, 2099, LOADED, True)
        at.session_state["registration_lists"] = {2099: (R.anonymise(report.table), source, False)}
    at.run()
    at.switch_page(path)
    at.query_params["lang"] = lang
    for k, v in (query or {}).items():
        at.query_params[k] = v
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def _seen(at: AppTest) -> str:
    parts = [e.value for kind in ("markdown", "caption", "info", "success", "warning") for e in getattr(at, kind)]
    parts += [str(o) for sb in at.selectbox for o in sb.options]
    for c in at.get("plotly_chart"):
        parts.append(re.sub(r"</?b>|<br>", " ", json.dumps(json.loads(c.proto.spec), ensure_ascii=False)))
    return " ".join(" ".join(parts).replace("\\", "").split())


# (page, query, what it says with the list, the public-sources-only wording that must go)
PAGES = {
    "en": [
        (
            "pages/0_Overview.py",
            {},
            "as public sources and the organizer's registration list report it",
            "each edition, as public sources report it",
        ),
        (
            "pages/2_Countries_and_regions.py",
            {"editions": "2099"},
            "is named in public sources and the organizer's list; the rest",
            "is named in public sources; the rest",
        ),
        (
            "pages/2_Countries_and_regions.py",
            {"editions": "2099"},
            "Includes the participants the organizer's registration list (2099, file: 名单_B.csv",
            "not named in public sources",
        ),
        (
            "pages/5_Map.py",
            {},
            "Identified in 2099 public sources and the organizer's list",
            "Identified in 2099 sources",
        ),
        (
            "pages/3_Organizations.py",
            {"editions": "2099"},
            "international organizations named neither in public sources nor in the organizer's list",
            "international organizations not named in public sources",
        ),
        (
            "pages/9_Reach.py",
            {"editions": "2099"},
            "Public sources and the organizer's list name only part of the participants",
            "Public sources name only part of the participants:",
        ),
        (
            "pages/9_Reach.py",
            {"editions": "2099"},
            "not identified in public sources or the organizer's list for 2099",
            "not identified in public sources for 2099",
        ),
        (
            "pages/1_Year_over_year.py",
            {"a": "2098", "b": "2099"},
            "Named for 2098 and 2099 (public sources and the organizer's list)",
            "Named in 2098 and 2099 sources",
        ),
        (
            "pages/7_Press.py",
            {},
            "Countries and regions: named in public sources and the organizer's list vs reported",
            "Countries and regions: named in public sources vs reported",
        ),
    ],
    "zh": [
        ("pages/0_Overview.py", {}, "公开来源和主办方报名名单所载历届参会情况", "· 公开来源所载历届参会情况"),
        (
            "pages/2_Countries_and_regions.py",
            {"editions": "2099"},
            "公开来源和主办方报名名单仅列明部分参会国家和地区",
            "公开来源仅列明部分参会国家和地区",
        ),
        (
            "pages/2_Countries_and_regions.py",
            {"editions": "2099"},
            "本表含主办方报名名单（2099年，文件：名单_B.csv",
            "未见于公开来源",
        ),
        ("pages/5_Map.py", {}, "2099年公开来源和主办方报名名单列明", "2099年来源列明"),
        (
            "pages/3_Organizations.py",
            {"editions": "2099"},
            "个公开来源和主办方报名名单均未列明",
            "个未见于公开来源",
        ),
        (
            "pages/9_Reach.py",
            {"editions": "2099"},
            "公开来源和主办方报名名单仅列明部分参会方",
            "公开来源仅列明部分参会方：",
        ),
        (
            "pages/9_Reach.py",
            {"editions": "2099"},
            "未见于2099年所查公开来源和主办方报名名单（二者均未列明全部参会方）",
            "未见于2099年所查公开来源（公开来源仅列明部分参会方）",
        ),
        (
            "pages/1_Year_over_year.py",
            {"a": "2098", "b": "2099"},
            "2098年和2099年均列明（公开来源和主办方报名名单）",
            "2098年和2099年来源均列明",
        ),
        (
            "pages/7_Press.py",
            {},
            "国家和地区：公开来源和主办方报名名单列明数与报道数",
            "国家和地区：公开来源列明数与报道数",
        ),
    ],
}
CASES = [(lang, *case) for lang, cases in PAGES.items() for case in cases]


@pytest.mark.parametrize(("lang", "path", "query", "new", "old"), CASES, ids=[f"{c[0]}-{c[1][6:-3]}" for c in CASES])
def test_pages_say_they_show_the_list(fixture_data, monkeypatch, lang, path, query, new, old):
    if path.endswith("Press.py"):
        from dashboard.static_export import browser_available

        if not browser_available():
            pytest.skip("the Press page's chart picker needs Chromium (installed by .ci/run)")
    without = _seen(_page(fixture_data, monkeypatch, path, lang, False, query))
    with_list = _seen(_page(fixture_data, monkeypatch, path, lang, True, query))
    assert new in with_list, with_list[:3000]
    assert old not in with_list
    assert new not in without  # without a list nothing changes
    assert old in without
    assert "名单名单" not in with_list


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_organizations_workbook_header_says_it_includes_the_list(fixture_ds, merged, lang):
    from dashboard import workbook

    before = list(workbook.organizations_table(fixture_ds, lang))
    after = workbook.organizations_table(merged, lang)
    head = {"en": "Named in 2099 public sources or the organizer's list", "zh": "见于2099年公开来源或主办方报名名单"}[
        lang
    ]
    assert head in after.columns and head not in before
    old = {"en": "Named in 2098 sources", "zh": "见于2098年来源"}[lang]
    assert old in before and old in after.columns  # the list is for 2099 only
    yes = {"en": "yes", "zh": "是"}[lang]
    unhcr = {"en": "UNHCR", "zh": "UNHCR"}[lang]
    row = after[after.iloc[:, 1] == unhcr]
    assert len(row) == 1 and row[head].iloc[0] == yes  # the organization only the list names


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_region_view_of_the_map_says_it_includes_the_list(fixture_ds, merged, lang):
    from dashboard.describe import describe_region_shares

    texts = []
    for ds in (fixture_ds, merged):
        frame = mapdata.map_participants(ds, 2099, lang=lang)
        shares = mapdata.region_shares(frame, lang=lang)
        texts.append(describe_region_shares(shares, 2099, lang, int((frame.origin == "list").sum())))
    before, after = texts
    assert WITH[lang] not in before and WITH[lang] in after
    assert {"en": "(3 only in the list)", "zh": "（其中3个仅见于名单；"}[lang] in after
