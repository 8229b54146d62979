"""Provenance per claim (issue 23): with an organizer's registration list loaded, every participant,
figure and sentence says where it comes from, and the summaries cite the list as a numbered reference
of its own exactly where it adds something, public sources exactly where they support the claim.

The fixture: the synthetic dataset (tests/fixtures/synthetic, 2098 and 2099) and a list for 2099,
``tests/fixtures/provenance/名单_B.csv``, read and validated as the Import page does. Known answers:

* 2099's public sources name Brazil, China, Maldives, Singapore and Tuvalu, and the IOM and ICMPD;
* the list names China, Brazil and the IOM (also in public sources) and Kenya, Peru, Japan and the
  UNHCR (only in the list);
* 2098's public sources name China, Singapore and Kenya, so Kenya is named for both editions only
  with the list.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import FIXTURES

from dashboard import citations, keycharts, provenance, summary
from dashboard import registrations as R
from dashboard.describe import describe
from dashboard.harmonize import AliasIndex
from dashboard.tables import TABLES

LIST_FILE = FIXTURES / "provenance" / "名单_B.csv"
GOLDEN = FIXTURES / "summaries" / "no_list.json"
LOADED = "2026-12-06"
SID = "upload_2099"

PUBLIC = {"BRA", "CHN", "MDV", "SGP", "TUV"}
BOTH = {"BRA", "CHN"}
LIST_ONLY = {"JPN", "KEN", "PER"}
ORGS_PUBLIC, ORGS_LIST_ONLY = {"IOM", "ICMPD"}, {"UNHCR"}


def _table(ds, path: Path = LIST_FILE):
    report = R.validate(
        R.read_file(path.read_bytes(), path.name), path.name, AliasIndex(ds.entities, ds.organizations), ds.edition_ids
    )
    assert not report.issues
    return R.anonymise(report.table)


def _merged(ds, table, file_name: str = LIST_FILE.name):
    frames = {n: getattr(ds, n) for n in TABLES}
    return replace(ds, **R.merge_into(frames, table, R.source_record(SID, file_name, 2099, LOADED, True)))


@pytest.fixture(scope="module")
def merged(fixture_ds):
    return _merged(fixture_ds, _table(fixture_ds))


def _names(ds, codes, lang: str) -> dict[str, str]:
    from dashboard import names

    e = ds.entities.drop_duplicates("code").set_index("code")
    o = ds.organizations.drop_duplicates("code").set_index("code")
    out = {}
    for c in codes:
        row = e.loc[c] if c in e.index else o.loc[c]
        out[c] = names.entity_form({"name_en": row.name_en, "name_zh": row.name_zh}, lang)
    return out


def _claims(text: str) -> list[tuple[str, set[int]]]:
    """Each stretch of text up to a reference mark, with the numbers it cites."""
    return [
        (m.group(1), {int(n) for n in re.findall(r"\d+", m.group(2))})
        for m in re.finditer(r"(.*?)((?:\[\d+\])+)", text, flags=re.S)
    ]


# --- where each participant comes from ------------------------------------------------------------


def test_origins_split_public_list_and_both(merged):
    o = provenance.origins(merged, (2099,)).set_index("code")
    assert set(o.index) == PUBLIC | LIST_ONLY
    assert set(o[o.origin == provenance.BOTH].index) == BOTH
    assert set(o[o.origin == provenance.LIST].index) == LIST_ONLY
    assert set(o[o.origin == provenance.PUBLIC].index) == PUBLIC - BOTH
    assert (o.loc[sorted(LIST_ONLY), "list_source_ids"] == SID).all()
    assert (o.loc[sorted(LIST_ONLY), "public_source_ids"] == "").all()
    n = provenance.counts(merged, 2099)
    assert (n.identified, n.public, n.list_only) == (8, 5, 3)
    orgs = provenance.named(merged, 2099, "international_organization")
    assert set(orgs.public) == ORGS_PUBLIC and set(orgs.list_only) == ORGS_LIST_ONLY
    assert provenance.named(merged, 2098).list_only == ()  # the list is for 2099 only


def test_without_a_list_everything_is_public(fixture_ds):
    assert set(provenance.origins(fixture_ds).origin) == {provenance.PUBLIC}
    assert not provenance.list_adds(fixture_ds, fixture_ds.edition_ids)
    assert citations.list_credit(fixture_ds, fixture_ds.edition_ids, lang="zh") == ""


# --- the list as a reference of its own -----------------------------------------------------------


def test_the_list_is_labelled_with_edition_file_and_date(merged):
    en = citations.label(merged, SID, lang="en")
    zh = citations.label(merged, SID, lang="zh")
    assert en == "Organizer's registration list (2099, file: 名单_B.csv, loaded 6 Dec 2026)"
    assert zh == "主办方报名名单（2099年，文件：名单_B.csv，导入于2026年12月6日）"
    assert "名单名单" not in zh
    assert not re.search(r"[A-Za-z]{2,}", zh.replace("csv", ""))  # no English words in the Chinese label


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_edition_summary_cites_exactly_what_supports_each_claim(merged, lang):
    s = summary.edition_summary(merged, 2099, lang)
    order = s.refs.order
    assert SID in order, "the list adds participants: it is a numbered reference"
    list_ref = order.index(SID) + 1
    public_refs = {i + 1 for i, sid in enumerate(order) if sid != SID}
    names = _names(merged, PUBLIC | LIST_ONLY | ORGS_PUBLIC | ORGS_LIST_ONLY, lang)
    only = {names[c] for c in LIST_ONLY | ORGS_LIST_ONLY}
    public = {names[c] for c in PUBLIC | ORGS_PUBLIC}
    seen_only, seen_public = set(), set()
    for text, refs in _claims("\n".join(s.paragraphs)):
        has_only = {n for n in only if n in text}
        has_public = {n for n in public if n in text and not any(n in o and n != o for o in only)}
        if has_only:  # a claim naming what only the list says cites the list, and nothing else
            assert refs == {list_ref}, (text, refs)
            assert not has_public, text  # list-only participants are never mixed with public ones
            seen_only |= has_only
        else:  # every other claim cites public sources only
            assert list_ref not in refs, (text, refs)
            assert refs <= public_refs
            seen_public |= has_public
    assert seen_only == only and seen_public == public
    md = summary.to_markdown(merged, s, lang)
    assert f"{list_ref}. {citations.label(merged, SID, lang=lang)}" in md
    assert "file:///" not in md  # a file the user supplied has no address


def test_coverage_wording_counts_both_origins(merged):
    en = " ".join(summary.edition_summary(merged, 2099, "en").paragraphs)
    assert (
        "Public sources and the organizer's list identify 8 of the 60 countries and regions: 5 in public sources ("
        in en
    )
    assert "and 3 only in the organizer's list (Japan, Kenya, and Peru) [2]." in en
    zh = "".join(summary.edition_summary(merged, 2099, "zh").paragraphs)
    assert "60个国家和地区中，公开来源和主办方报名名单共列明8个，其中见于公开来源的5个：" in zh
    assert "仅见于主办方报名名单的3个：秘鲁、肯尼亚和日本[2]；其余52个未见于所查公开来源和主办方报名名单。" in zh
    assert "仅见于主办方报名名单的1个：联合国难民署[2]" in zh


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_comparison_cites_the_list_only_for_what_rests_on_it(merged, lang):
    s = summary.comparison_summary(merged, 2098, 2099, lang)
    list_ref = s.refs.order.index(SID) + 1
    names = _names(merged, {"KEN", "CHN", "SGP"}, lang)
    claims = _claims("\n".join(s.paragraphs))
    kenya = [refs for text, refs in claims if names["KEN"] in text]
    # Kenya: named for 2098 by the public source, for 2099 only by the list: both cited, nothing else
    assert kenya == [{1, list_ref}]
    both_public = [refs for text, refs in claims if names["CHN"] in text and names["SGP"] in text]
    assert both_public == [{1}]
    assert sum(list_ref in refs for _, refs in claims) == 1


def test_a_list_that_adds_nothing_changes_nothing(fixture_ds, tmp_path):
    """A list of participants the public sources already name adds nothing: it is not cited and the
    summaries and the map's texts read exactly as without it."""
    path = tmp_path / "名单_A.csv"
    path.write_text("届次,国家/地区或国际组织\n2099年,中国\n2099年,巴西\n2099年,国际移民组织\n", encoding="utf-8")
    merged = _merged(fixture_ds, _table(fixture_ds, path), path.name)
    for lang in ("en", "zh"):
        for e in fixture_ds.edition_ids:
            assert summary.to_markdown(merged, summary.edition_summary(merged, e, lang), lang) == summary.to_markdown(
                fixture_ds, summary.edition_summary(fixture_ds, e, lang), lang
            )
        a = keycharts.world_map(merged, 2099, lang=lang).figure.layout.annotations
        b = keycharts.world_map(fixture_ds, 2099, lang=lang).figure.layout.annotations
        assert [x.text for x in a] == [x.text for x in b]


def test_summaries_without_a_list_are_unchanged(fixture_ds):
    """The summaries of a dataset without a list, byte for byte as before issue 23 (the golden file
    was written by the code before the change; after an intended change of the summaries, rewrite it
    with ``python tests/fixtures/summaries/make_no_list.py``)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_no_list", GOLDEN.parent / "make_no_list.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.render(fixture_ds) == json.loads(GOLDEN.read_text(encoding="utf-8"))


# --- every view says what it shows ----------------------------------------------------------------


def _texts(fig) -> str:
    """Title, subtitle and source line of a figure, tags dropped and lines joined again: wrapped
    English lines broke at a space, Chinese ones anywhere (compare with :func:`_flat`)."""
    parts = [fig.layout.title.text or ""] + [a.text or "" for a in fig.layout.annotations]
    return _flat(" ".join(re.sub(r"<[^>]+>", " ", p) for p in parts))


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_map_subtitle_and_source_line_follow_a_loaded_list(fixture_ds, merged, lang):
    before = _texts(keycharts.world_map(fixture_ds, 2099, lang=lang).figure)
    chart = keycharts.world_map(merged, 2099, lang=lang)
    after = _texts(chart.figure)
    label = citations.label(merged, SID, lang=lang)
    if lang == "en":
        assert _flat("Identified participants only; public sources name part of the participants.") in before
        assert _flat("public sources name part of the participants") not in after
        assert _flat("public sources and the organizer's list (3 only in the list)") in after
        assert (
            _flat("Source: public sources cited per participant and the organizers' list (2099, file: 名单_B.csv,")
            in after
        )
        assert "named for 2099 in public sources and the organizer's list" in describe(chart, lang)
        assert "; 3 only in the list." in describe(chart, lang)
    else:
        assert "仅显示公开来源列明的参会方" in before
        assert "仅显示公开来源列明的参会方" not in after
        assert "仅显示公开来源和主办方报名名单列明的参会方（其中3个仅见于名单）" in after
        # the source line quotes the file: the list's name and the file's never run together
        assert "主办方报名名单（2099年，文件：名单_B.csv，导入于" in after
        assert "其中3个仅见于名单" in describe(chart, lang)
    assert _flat(label.split("(")[-1].split("（")[-1]) in after  # the list's details, as in its label
    assert "名单名单" not in after and "名单名单" not in before
    # the hover of a list-only participant cites the list by its label, a public one its sources
    hover = chart.data.set_index("code")
    assert hover.loc["KEN", "sources"] == label
    assert label not in hover.loc["SGP", "sources"]
    assert chart.list_only == 3


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_no_doubled_words_in_labels_built_from_a_file_name(merged, lang):
    """A file named like the label's last word ('名单_B.csv' after '主办方报名名单') stays apart from it."""
    texts = [
        citations.label(merged, SID, lang=lang),
        citations.cited_labels(merged, SID, lang=lang),
        _texts(keycharts.world_map(merged, 2099, lang=lang).figure),
        _texts(keycharts.world_map(merged, 2098, 2099, lang=lang).figure),
        _texts(keycharts.coverage(merged, merged.edition_ids, "countries_and_regions", lang=lang).figure),
        *summary.edition_summary(merged, 2099, lang).paragraphs,
        summary.to_markdown(merged, summary.edition_summary(merged, 2099, lang), lang),
    ]
    for text in texts:
        assert "名单名单" not in text and "list list" not in text, text


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_coverage_chart_says_the_list_adds_identified_participants(fixture_ds, merged, lang):
    before = keycharts.coverage(fixture_ds, fixture_ds.edition_ids, "countries_and_regions", lang=lang)
    after = keycharts.coverage(merged, merged.edition_ids, "countries_and_regions", lang=lang)
    assert after.list_only == 3 and before.list_only == 0
    words = {"en": "organizer's list", "zh": "主办方报名名单"}[lang]
    assert words not in _texts(before.figure) and words not in describe(before, lang)
    assert _flat(words) in _texts(after.figure) and words in describe(after, lang)
    assert "）（" not in _texts(after.figure) and ")(" not in _texts(after.figure)  # no doubled brackets


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_brief_lists_the_list_by_its_label_without_an_address(merged, lang):
    """The A4 brief numbers the list like the summary, named by its label (no file:/// link)."""
    pypdf = pytest.importorskip("pypdf", reason="pypdf (requirements-dev.txt) extracts the PDF's text")
    import datetime as dt
    import io

    from test_brief import tiny_png

    from dashboard import brief

    content, _ = brief.brief_content(merged, [2099], lang, dt.date(2026, 12, 6), "abc123")
    entry = next(s for s in content["sources"] if "名单_B.csv" in s["label"])
    assert entry == {"label": citations.label(merged, SID, lang=lang), "url": ""}
    pdf = brief.build_brief(merged, [2099], lang, dt.date(2026, 12, 6), "abc123", render=tiny_png)
    text = _flat("\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages))
    assert _flat(citations.label(merged, SID, lang=lang)) in text and "file:///" not in text


def test_table_rows_cite_their_own_sources(merged):
    """A table of participants: a list-only row cites the list (by its label, no link to a file), a
    row both name cites both, a public row its public sources only."""
    from dashboard import metrics

    tab = citations.reader_sources(merged, metrics.participants_table(merged, [2099]), lang="zh").set_index("code")
    label = citations.label(merged, SID, lang="zh")
    assert tab.loc["KEN", "sources"] == label and tab.loc["KEN", "sources_link"] == ""
    assert label in tab.loc["CHN", "sources"] and tab.loc["CHN", "sources_link"].startswith("http://127.0.0.1/")
    assert label not in tab.loc["SGP", "sources"]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_complete_list_is_cited_for_the_claim_that_it_names_all(fixture_ds, lang):
    """A declared list consistent with 2099's totals (60 countries and regions, 7 organizations, about
    280 attendees) is the complete list: "the list names all 60" cites the list, and only the list."""
    import pandas as pd

    countries = sorted(set(fixture_ds.entities.code) - {"TWN"})[:60]
    orgs = list(fixture_ds.organizations.code[:7])
    rows = [("country_or_region", c) for c in countries] + [("international_organization", o) for o in orgs]
    rows += [rows[0]] * (280 - len(rows))
    table = pd.DataFrame(
        {
            "row": range(2, len(rows) + 2),
            "edition": 2099,
            "full_name": "",
            "organization": "",
            "written_name": [c for _, c in rows],
            "participant_type": [p for p, _ in rows],
            "code": [c for _, c in rows],
            "delegation": "",
            "role": "delegate",
            "mode": "in_person",
        }
    )
    frames = {n: getattr(fixture_ds, n) for n in TABLES}
    source = R.source_record(SID, "complete.csv", 2099, LOADED, True)
    merged = replace(fixture_ds, **R.merge_into(frames, table, source, declared_complete=True))
    assert bool(merged.editions.set_index("edition").loc[2099, "participant_list_complete"])
    s = summary.edition_summary(merged, 2099, lang)
    list_ref = s.refs.order.index(SID) + 1
    claim = next(refs for text, refs in _claims("\n".join(s.paragraphs)) if "names all" in text or "列出全部" in text)
    assert claim == {list_ref}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_region_chart_credits_the_list_and_names_the_remainder(fixture_ds, merged, lang):
    before = _texts(keycharts.regions(fixture_ds, [2099], lang=lang).figure)
    chart = keycharts.regions(merged, [2099], lang=lang)
    after = _texts(chart.figure)
    words = {"en": "organizers'list(2099,file:名单_B.csv", "zh": "主办方报名名单（2099年，文件：名单_B.csv"}[lang]
    assert words not in before and words in after
    remainder = {
        "en": "Named neither in public sources nor in the organizer's list",
        "zh": "公开来源和主办方报名名单均未列明",
    }
    assert remainder[lang] in set(chart.data.iloc[:, 1])
