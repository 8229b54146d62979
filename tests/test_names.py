"""Chinese names from the data, never invented: the accessors of dashboard.names, and that every
Chinese form (people, editions, topics) cites a Chinese-language source whose text has that form."""

from __future__ import annotations

import os
import re
from collections import namedtuple
from pathlib import Path

import pandas as pd
import pytest
import yaml
from conftest import REPO
from streamlit.testing.v1 import AppTest

from dashboard import names
from dashboard.harmonize import to_simplified
from dashboard.i18n import set_language, t
from dashboard.zhpunct import zh_punctuation

# The read-only fact sheet beside the clone (DASHBOARD_SHARED_SOURCES points elsewhere, e.g. from a
# worktree), and the excerpts of the sources this project added itself (data/raw/source_texts/).
SHARED = Path(os.environ.get("DASHBOARD_SHARED_SOURCES") or REPO.parent / "shared" / "sources")
OWN = REPO / "data" / "raw"
# The shangliankeji mirror prints the pinyin of some characters after them: 會(huì), 達(dá). The data
# copies the characters without that pinyin (see the comment at the top of data/raw/editions/*.yaml).
_PINYIN = re.compile(r"(?<=[\u3400-\u9fff])\([a-z\u00c0-\u024f]+\)")


@pytest.fixture(autouse=True)
def _english_after():
    yield
    set_language("en")


# --- accessors ---------------------------------------------------------------------------------

PERSON = {
    "name": "Xu Ganlu",
    "name_zh": "许甘露",
    "title": "Vice Minister",
    "title_zh": "公安部副部长",
    "organization": "NIA",
    "organization_zh": "",
}


def test_person_accessors_choose_chinese_only_when_the_data_has_it():
    assert names.person_name(PERSON, "zh") == "许甘露"
    assert names.person_name(PERSON, "en") == "Xu Ganlu"
    assert names.person_title(PERSON, "zh") == "公安部副部长"
    assert names.person_title(PERSON, "en") == "Vice Minister"
    assert names.person_organization(PERSON, "zh") == "NIA"  # no Chinese form: as the source writes it


def test_person_accessors_fall_back_to_the_sources_form_never_a_transliteration():
    row = {"name": "Wang Zhizhong", "name_zh": float("nan"), "title": "Vice Minister", "title_zh": None}
    assert names.person_name(row, "zh") == "Wang Zhizhong"
    assert names.person_title(row, "zh") == "Vice Minister"
    assert names.person_name({"name": "", "name_zh": ""}, "zh") == ""  # unnamed: the caller says so


def test_accessors_take_series_named_tuples_and_an_explicit_language():
    Row = namedtuple("Row", PERSON)
    assert names.person_name(Row(**PERSON), "zh") == "许甘露"
    assert names.person_name(pd.Series(PERSON), "zh") == "许甘露"
    set_language("zh")  # the run's language does not matter: the language is a parameter
    assert names.person_name(PERSON, lang="en") == "Xu Ganlu"
    set_language("en")
    assert names.person_name(PERSON, lang="zh") == "许甘露"


def test_edition_names_city_host_and_theme(dataset):
    row = dataset.editions.set_index("edition").loc[2024]
    # the source writes ASCII brackets; shown with full-width ones (dashboard.zhpunct)
    assert names.edition_name(row, "zh") == "全球公共安全合作论坛（连云港）2024年大会移民管理合作分论坛"
    assert names.edition_name(row, "en").startswith("Sub-Forum on Migration Management Cooperation")
    assert names.edition_city(row, "zh") == "苏州市" and names.edition_city(row, "en") == "Suzhou"
    assert names.edition_host(row, "zh") == "国家移民管理局"
    assert names.edition_province(row, "zh") == "江苏省" and names.edition_province(row, "en") == "Jiangsu Province"
    # the 2024 chair's statement mirror writes the theme in traditional characters; shown simplified
    assert names.theme(dataset, 2024, "zh") == "变革环境下，移民治理的发展与创新"
    assert names.theme_source_id(dataset, 2024, "zh") == "shangliankeji_zh_2024_chair"
    assert names.theme(dataset, 2025, "zh") == "合作共赢，共同应对新形势下国际移民治理风险挑战"
    assert names.theme(dataset, 2025, "en").startswith("Promoting Mutually Beneficial Cooperation")


def test_topic_texts_in_chinese_when_a_chinese_source_states_them(dataset):
    assert names.topic_texts(dataset, 2025, "concept", "zh") == ["合作促安全，安全保发展"]
    assert names.topic_texts(dataset, 2025, "panel", "zh") == [
        "优化移民管理服务，保障有序安全便利流动",
        "全球化背景下，共同防范口岸安全风险、促进人员顺畅通关",
    ]
    assert len(names.topic_texts(dataset, 2025, "panel", "en")) == 2
    # no Chinese source names the 2024 discussion topics: the English wording stays
    assert names.topic_texts(dataset, 2024, "topic", "zh") == names.topic_texts(dataset, 2024, "topic", "en")


def test_entity_names_from_the_reference_tables(dataset):
    assert names.entity_name(dataset, "CHN", "zh") == "中国"
    assert names.entity_name(dataset, "CHN", "en") == "China"
    org = dataset.organizations.iloc[0]
    assert names.entity_name(dataset, org.code, "zh") == org.name_zh
    assert names.entity_name(dataset, "NOPE", "zh") == "NOPE"


def test_people_with_chinese_forms_from_the_sources(dataset):
    p = dataset.people.set_index("person_id")
    assert p.loc["2024-xu-ganlu", "name_zh"] == "许甘露"
    assert p.loc["2024-xu-ganlu", "name_zh_as_written"] == "許甘露"  # as the mirror writes it
    assert p.loc["2025-benson-kwok-joon-fung", "name_zh"] == "郭俊峰"
    assert p.loc["2025-filippo-grandi", "name_zh"] == "格兰迪"
    # a Chinese report of a press conference gives his name and title (a name_or_title source)
    assert p.loc["2025-wang-zhizhong", "name_zh"] == "王志忠"
    assert p.loc["2025-wang-zhizhong", "zh_source_id"] == "eeo_zh_2025_wang_zhizhong"
    assert names.person_name(p.loc["2025-wang-zhizhong"], "zh") == "王志忠"
    # the house style's title, with the source's wording kept beside it
    assert p.loc["2024-xu-ganlu", "title_zh"] == "公安部副部长、国家移民管理局局长"
    assert p.loc["2024-xu-ganlu", "title_zh_as_written"] == "中華人民共和國公安部副部長、國家移民管理局局長"
    assert p.loc["2024-xu-ganlu", "organization_zh"] == "公安部、国家移民管理局"
    assert p.loc["2025-harry-kuma", "name_zh"] == "哈里·库马"  # a Chinese report of 2024 names him
    # no Chinese source gives these names: left empty, shown as the sources write them
    for pid in ("2025-nergui-uuganbayar", "2024-riley-mesepitu"):
        assert p.loc[pid, "name_zh"] == "" and p.loc[pid, "zh_source_id"] == ""
    assert names.person_name(p.loc["2024-riley-mesepitu"], "zh") == "Riley Mesepitu"


# --- every Chinese form cites a Chinese source that has it ---------------------------------------


def _forms(dataset) -> list[tuple[str, str, str, str]]:
    """(where, display form, form as the source writes it, source id) of every Chinese form in the
    clean data. The display form is simplified, with full-width punctuation (dashboard.zhpunct)."""
    out = []
    for r in dataset.people.itertuples():
        for col in ("name_zh", "title_zh", "organization_zh"):
            value = getattr(r, col)
            if value:
                written = getattr(r, f"{col}_as_written") or value
                out.append((f"people {r.person_id} {col}", value, written, r.zh_source_id))
    for r in dataset.editions.itertuples():
        for col in ("name_zh", "city_zh", "province_zh", "host_zh", "theme_zh"):
            sid = getattr(r, f"{col}_source_id")
            if sid:
                out.append((f"editions {r.edition} {col}", getattr(r, col), "", sid))
    for r in dataset.topics[dataset.topics.language == "zh"].itertuples():
        out.append((f"topics {r.edition} {r.scope} {r.kind}", r.text_simplified, r.text, r.source_id))
    return out


def _house_style_titles() -> set[str]:
    """The titles the raw data gives in the house style (title_zh_display) beside the source's wording."""
    out = set()
    for path in sorted((OWN / "editions").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        people = data.get("people", []) + (data.get("parent_conference") or {}).get("people", [])
        out |= {p["title_zh_display"] for p in people if p.get("title_zh_display")}
    return out


def _display(text: str) -> str:
    return zh_punctuation(to_simplified(text))


def test_every_chinese_form_has_a_chinese_source(dataset):
    forms = _forms(dataset)
    assert len(forms) > 40
    language = dict(zip(dataset.sources.id, dataset.sources.language))
    for where, simple, _, sid in forms:
        assert sid, f"{where}: no source"
        assert language.get(sid) == "zh", f"{where}: source {sid!r} is not a Chinese-language source"
        assert simple == to_simplified(simple), f"{where}: {simple!r} is not in simplified characters"
    for r in dataset.people.itertuples():
        if r.zh_source_id:
            assert r.zh_source_id in r.source_ids.split("|"), f"{r.person_id}: zh source not among its sources"
        else:
            assert not (r.name_zh or r.title_zh or r.organization_zh), r.person_id
    eds = dataset.editions.set_index("edition")
    for year in (2024, 2025):  # the real editions: the Chinese official name and city cite a source
        assert eds.loc[year, "name_zh_source_id"] and eds.loc[year, "city_zh_source_id"]


def _stored_text(excerpt: str | None) -> Path | None:
    """A source's stored excerpt: this project's own (data/raw/source_texts/) first, then the fact sheet's."""
    for base in (OWN, SHARED):
        if excerpt and (base / excerpt).is_file():
            return base / excerpt
    return None


def test_every_chinese_form_is_in_its_sources_text(dataset):
    """Each form as written is in its source's stored text, verbatim; the display form is that text
    simplified with full-width punctuation, or a title in the house style declared beside the source's."""
    excerpts = dict(zip(dataset.sources.id, dataset.sources.excerpt))
    house = _house_style_titles()
    checked, missing = 0, []
    for where, shown, written, sid in _forms(dataset):
        path = _stored_text(excerpts.get(sid))
        if path is None:
            missing.append(where)
            continue
        text = _PINYIN.sub("", path.read_text(encoding="utf-8"))
        for part in (written or shown).split(" / "):
            if written:
                assert part in text, f"{where}: {part!r} is not in {path.name}"
            assert _display(part) in _display(text), f"{where}: {part!r} is not in {path.name} (simplified)"
        if written and shown != _display(written):
            assert shown in house, f"{where}: {shown!r} is neither the source's form nor a declared house style"
        checked += 1
    assert checked
    if missing and SHARED.is_dir():
        pytest.fail(f"no stored text for {missing}")
    if missing:
        pytest.skip(f"the fact sheet's stored texts ({SHARED}) are not beside this clone: {len(missing)} not checked")


def test_the_project_keeps_the_excerpts_of_the_sources_it_added(dataset):
    own = dataset.sources[dataset.sources.excerpt.fillna("").map(lambda e: bool(e) and (OWN / e).is_file())]
    assert "eeo_zh_2025_wang_zhizhong" in set(own.id)
    for r in own.itertuples():
        assert (OWN / r.excerpt).read_text(encoding="utf-8").startswith(r.url), r.id


# --- wired into the pages ---------------------------------------------------------------------


def test_speakers_page_shows_chinese_names_and_titles_in_chinese(monkeypatch):
    monkeypatch.delenv("DASHBOARD_DATA_DIR", raising=False)
    # AppTest calls a select box's format_func (edition_label) in the test's thread too, where the
    # language of the run is not set: set it here as well.
    set_language("zh")
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=60)
    at.query_params["lang"] = "zh"
    at.run()
    at.switch_page("pages/4_Speakers.py")
    at.query_params["lang"] = "zh"
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    people = at.dataframe[-1].value
    name, title = people[t("Name", lang="zh")], people[t("Title", lang="zh")]
    assert {"许甘露", "郭俊峰", "艾米·珀普", "王志忠"} <= set(name)
    assert "Nergui Uuganbayar" in set(name)  # no Chinese source names him: not transliterated
    assert "公安部副部长、国家移民管理局局长" in set(title)  # the house style: no 中华人民共和国 before our own bodies
    assert "中国" in set(people[t("Represents", lang="zh")])


def test_edition_label_names_the_city_in_chinese(dataset):
    from dashboard.ui.components import edition_label

    set_language("zh")
    assert "苏州" in edition_label(dataset, 2024) and "连云港" in edition_label(dataset, 2025)
    set_language("en")
    assert "Suzhou" in edition_label(dataset, 2024)


def test_outcomes_and_side_events_in_chinese_are_their_sources_words(dataset):
    """An outcome's or side event's Chinese form cites a Chinese source among its sources, and every
    phrase of it (between Chinese punctuation, lead-in included) is in that source's stored text."""
    excerpts = dict(zip(dataset.sources.id, dataset.sources.excerpt))
    language = dict(zip(dataset.sources.id, dataset.sources.language))
    rows = [("outcome", r.item, r.item_zh, r.zh_source_id, r.source_ids) for r in dataset.outcomes.itertuples()]
    rows += [("side event", r.name, r.name_zh, r.zh_source_id, r.source_ids) for r in dataset.side_events.itertuples()]
    checked = 0
    for kind, what, zh, sid, sids in rows:
        if not (isinstance(zh, str) and zh):
            continue
        assert language.get(sid) == "zh" and sid in sids.split("|"), f"{kind} {what!r}: source {sid!r}"
        path = _stored_text(excerpts.get(sid))
        if path is None:
            continue
        text = _display(_PINYIN.sub("", path.read_text(encoding="utf-8")))
        for phrase in filter(None, re.split(r"[：；，、（）]", zh)):
            assert phrase in text, f"{kind} {what!r}: {phrase!r} is not in {path.name}"
        checked += 1
    assert checked or not SHARED.is_dir()
