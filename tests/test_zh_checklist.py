"""A native reader's checklist (issue 18, "Done when"): each defect of the Chinese data and catalogue
quoted in the issue or in the house style (/work/shared/notes/zh-style-guide.md, rows given per test)
is a test. Every test here failed on main 304ffb5 and passes once the data and catalogue are fixed.

Scope: data (raw → clean tables, reference tables) and the Chinese catalogue's msgstr. Rendering
(summaries, charts, maps) is checked by their own tests."""

from __future__ import annotations

import re

import pytest
from babel.messages.pofile import read_po
from conftest import REPO

from dashboard import names
from dashboard.cleaning import seniority
from dashboard.harmonize import AliasIndex
from dashboard.vocab import SENIORITY

PO = REPO / "locale" / "zh" / "LC_MESSAGES" / "messages.po"
CJK = "\u3400-\u9fff"
# ASCII punctuation touching a Chinese character: "论坛(连云港)", "合作共赢,共同", "大会:打造", "甲; 乙"
ASCII_IN_CHINESE = re.compile(rf"[{CJK}]\s*[(),;:]|[(]\s*[{CJK}]")


@pytest.fixture(scope="module")
def catalogue() -> dict[str, str]:
    with PO.open("rb") as fh:
        cat = read_po(fh, locale="zh")
    out = {}
    for m in cat:
        if m.id:
            msgid = m.id if isinstance(m.id, str) else m.id[0]
            out[msgid] = m.string if isinstance(m.string, str) else m.string[0]
    return out


def _people(dataset):
    return dataset.people.set_index("person_id")


# --- people and titles (issue 18 "English data in Chinese pages"; rows 1, 34-38) -----------------


def test_the_2025_keynote_speaker_is_wang_zhizhong_in_chinese(dataset):
    keynote = dataset.people[(dataset.people.edition == 2025) & (dataset.people.role == "keynote")].iloc[0]
    assert names.person_name(keynote, "zh") == "王志忠"
    assert names.person_title(keynote, "zh") == "公安部副部长、国家移民管理局局长"
    assert names.person_name(keynote, "en") == "Wang Zhizhong"


def test_our_own_bodies_take_no_prc_prefix_in_titles(dataset):
    titles = set(dataset.people.title_zh)
    assert "公安部副部长、国家移民管理局局长" in titles
    assert not [x for x in titles if x.startswith("中华人民共和国公安部")]
    # the source's wording is kept beside the house style's
    xu = _people(dataset).loc["2024-xu-ganlu"]
    assert xu.title_zh_as_written == "中華人民共和國公安部副部長、國家移民管理局局長"


def test_hong_kong_director_of_immigration_title(dataset):
    assert _people(dataset).loc["2025-benson-kwok-joon-fung", "title_zh"] == "香港特区政府入境事务处处长"


def test_unhcr_head_has_the_official_title(dataset):
    assert _people(dataset).loc["2025-filippo-grandi", "title_zh"] == "联合国难民事务高级专员"


@pytest.mark.parametrize("long_form", ["柬埔寨王国", "伊朗伊斯兰共和国", "安哥拉共和国", "厄瓜多尔共和国"])
def test_foreign_titles_use_short_country_names(dataset, long_form):
    assert not [x for x in dataset.people.title_zh if x.startswith(long_form)]


def test_several_bodies_are_joined_with_the_enumeration_comma(dataset):
    assert _people(dataset).loc["2024-xu-ganlu", "organization_zh"] == "公安部、国家移民管理局"
    assert not [x for x in dataset.people.organization_zh if " / " in x]


# --- seniority: Chinese protocol grades (issue 18 "部长级 given to vice-ministers"; rows 4, 8) ----


def test_vice_ministers_are_not_ministers():
    assert seniority("Vice Minister of Public Security of the People's Republic of China") == "vice_minister"
    assert seniority("Deputy Minister of Interior") == "vice_minister"
    assert seniority("公安部副部长、国家移民管理局局长") == "vice_minister"  # a title in Chinese only
    # ministers, and an adviser of one, stay as they were
    assert seniority("Minister of Ministry for Commerce, Industry, Labour and Immigration") == "minister"
    assert seniority("国务委员、公安部部长") == "minister"
    assert seniority("Chief Ministerial Advisor of the Minister of Interior of Hungary") == "senior_official"


def test_seniority_labels_are_chinese_protocol_grades(dataset):
    assert SENIORITY.label("minister", "zh") == "部级"
    assert SENIORITY.label("vice_minister", "zh") == "副部级"
    assert SENIORITY.english("vice_minister") == "Vice-minister or equivalent"
    p = _people(dataset)
    assert p.loc["2024-xu-ganlu", "seniority"] == "vice_minister"
    assert p.loc["2025-wang-zhizhong", "seniority"] == "vice_minister"


# --- countries, regions, organizations (rows 25-33) ---------------------------------------------

# code, the MFA's name, a former form in the table (still matched as an alias) or None
MFA_NAMES = [
    ("MNG", "蒙古国", "蒙古"),
    ("BGD", "孟加拉国", "孟加拉"),
    ("KGZ", "吉尔吉斯斯坦", "吉尔吉斯坦"),
    ("GTM", "危地马拉", "瓜地马拉"),
    ("PYF", "法属波利尼西亚", "法属玻利尼西亚"),
    ("FLK", "马尔维纳斯群岛（福克兰群岛）", "福克兰群岛 (马尔维纳斯)"),
    ("CCK", "科科斯（基林）群岛", "科科斯 (基林) 群岛"),
    ("IMN", "马恩岛", "曼岛"),
    ("SHN", "圣赫勒拿", "圣赫勒拿-阿森松-特里斯坦-达库尼亚"),
    ("SGS", "南乔治亚岛和南桑威奇群岛", "南乔治亚和南桑德韦奇群岛"),
    ("HMD", "赫德岛和麦克唐纳群岛", "赫德岛与麦克唐纳群岛"),
    ("ATF", "法属南部领地", "法属南半球领地"),
    ("PCN", "皮特凯恩群岛", "皮特凯恩"),
    ("SAU", "沙特", "沙特阿拉伯"),
    ("BIH", "波黑", "波斯尼亚和黑塞哥维那"),
    ("DOM", "多米尼加", "多米尼加共和国"),
]


@pytest.mark.parametrize("code, name, former", MFA_NAMES)
def test_entity_chinese_names_are_the_mfa_forms(dataset, code, name, former):
    assert names.entity_name(dataset, code, "zh") == name
    assert AliasIndex(dataset.entities, dataset.organizations).resolve(former).code == code


def test_running_text_short_forms_keep_the_central_african_republic_long(dataset):
    assert names.entity_name(dataset, "SAU", "zh") == "沙特"
    assert names.entity_name(dataset, "CAF", "zh") == "中非共和国"  # 中非 would read as Middle Africa


def test_organizations_have_their_official_chinese_names(dataset):
    assert names.entity_name(dataset, "ASEAN", "zh") == "东南亚国家联盟秘书处"
    assert names.entity_name(dataset, "LMLECC", "zh") == "澜沧江—湄公河综合执法安全合作中心"
    index = AliasIndex(dataset.entities, dataset.organizations)
    assert index.resolve("联合国难民事务高级专员公署").code == "UNHCR"
    assert index.resolve("东盟秘书处").code == "ASEAN"


# --- editions, topics, sources, conflicts (rows 17-19, 24, 40, 73-74, 80; issue 18) -------------


def test_edition_cities_are_official_place_names(dataset):
    eds = dataset.editions.set_index("edition")
    assert names.edition_city(eds.loc[2024], "zh") == "苏州市"
    assert names.edition_city(eds.loc[2025], "zh") == "连云港市"


def test_edition_names_and_themes_use_full_width_brackets_and_commas(dataset):
    eds = dataset.editions.set_index("edition")
    assert names.edition_name(eds.loc[2025], "zh") == "全球公共安全合作论坛（连云港）2025年大会移民管理合作分论坛"
    assert names.theme(dataset, 2024, "zh") == "变革环境下，移民治理的发展与创新"
    assert names.topic_texts(dataset, 2025, "theme", "zh", scope="parent_conference") == [
        "共塑全球公共安全：团结行动，应对多元威胁"
    ]
    tp = dataset.topics[(dataset.topics.edition == 2025) & (dataset.topics.kind == "concept")]
    assert "合作促安全,安全保发展" in set(tp.text)  # the source's ASCII comma, kept as written


def test_no_ascii_punctuation_inside_chinese_data_fields(dataset):
    fields = {
        "editions": ("name_zh", "city_zh", "province_zh", "host_zh", "theme_zh"),
        "people": ("name_zh", "title_zh", "organization_zh"),
        "conflicts": ("issue_zh", "detail_zh"),
        "sources": ("publisher_zh", "short_title_zh"),
        "entities": ("name_zh",),
        "organizations": ("name_zh",),
    }
    bad = []
    for table, cols in fields.items():
        frame = getattr(dataset, table)
        for col in cols:
            bad += [(table, col, v) for v in frame[col].fillna("").astype(str) if ASCII_IN_CHINESE.search(v)]
    zh = dataset.topics[dataset.topics.language == "zh"]
    bad += [("topics", "text_simplified", v) for v in zh.text_simplified if ASCII_IN_CHINESE.search(v)]
    assert not bad


def test_english_project_notes_are_not_in_topic_texts(dataset):
    assert not [x for x in dataset.topics.text if "cut off" in x]


def test_every_publisher_has_a_chinese_name(dataset):
    missing = dataset.sources[dataset.sources.publisher_zh.fillna("").str.strip() == ""]
    assert missing.empty, list(missing.id)
    pub = dataset.sources.set_index("id").publisher_zh
    assert pub["shangliankeji_zh_2024_chair"] == "国家移民管理局（第三方转载）"
    assert pub["tass_ru_2025"] == "塔斯社"


def test_short_titles_say_what_the_source_is(dataset):
    short = dataset.sources.set_index("id").short_title_zh
    assert not [x for x in short if "点名" in x]
    assert short["xinhua_de_2024"].startswith("新华社")
    seminars = {short[s] for s in short.index if "regional" in s}
    assert all("区域移民治理政策研讨会" in x for x in seminars)


def test_conflict_notes_in_chinese(dataset):
    c = dataset.conflicts.set_index("id")
    assert not [x for x in c.issue_zh if "：" in x]  # shown as {issue}：{detail}: one colon
    assert c.loc["C1", "issue_zh"] == "国家和地区数（51个与50个）"
    assert "蒙古国" in c.loc["C4", "detail_zh"] and "蒙古；" not in c.loc["C4", "detail_zh"]
    assert "..." not in c.loc["C7", "detail_zh"] and "……" in c.loc["C7", "detail_zh"]
    assert not [x for x in c.issue_zh if "整体" in x]


# --- the catalogue (rows 3-12, 53, 55-72, 75-79 and the glossary) -------------------------------


@pytest.mark.parametrize(
    "word",
    [
        "点名",
        "发言人",
        "实际控制线",
        "线下",
        "部长级",
        "职级",
        "平行分会",
        "较早一届",
        "较晚一届",
        "区域组织",
        "镜像",
        "会址",
        "论坛整体",
        "UN M49",
        "大会发言",
        "已确认",
        "限定词",
        "角色",
    ],
)
def test_no_msgstr_uses_a_word_the_style_guide_retires(catalogue, word):
    assert not [(k, v) for k, v in catalogue.items() if word in v]


@pytest.mark.parametrize(
    "msgid, msgstr",
    [
        ("Speaker", "发言嘉宾"),
        ("Named speakers", "具名发言嘉宾"),
        ("Identified / named", "列明"),
        ("Minister or equivalent", "部级"),
        ("Vice-minister or equivalent", "副部级"),
        ("Seniority", "职务层级"),
        ("Plenary speech", "全体会议发言"),
        ("In person", "现场出席"),
        ("By video", "视频出席"),
        ("Head of delegation", "代表团团长"),
        ("Role", "发言类型"),
        ("Name", "姓名"),
        ("Publisher", "发布机构"),
        ("Document title", "标题"),
        ("Mirror (republished copy)", "第三方转载"),
        ("Change", "增减"),
        ("Relative change", "增减幅度"),
        ("Earlier edition", "前一届"),
        ("Later edition", "后一届"),
        ("Regional organization", "地区组织"),
        ("Middle Africa", "中部非洲"),
        ("Eastern Africa", "东部非洲"),
        ("Western Africa", "西部非洲"),
        ("Northern Africa", "北部非洲"),
        ("Region (UN M49)", "大洲（联合国M49）"),
        ("Parent conference", "论坛大会"),
        ("Panel", "专题研讨"),
        ("Theme: *{theme}*", "主题：“{theme}”"),
        ("**{figure}**, as reported by {source}", "**{figure}**（据{source}）"),
        ("Venue {y}: {city}", "{y}年举办地：{city}"),
        ("(+{n} more on the Sources page)", "（另有{n}个来源，详见“来源与方法”页）"),
        ("{e}: {n}, of whom {k} named speaker", "{e}年：{n}人，其中具名发言嘉宾{k}人"),
        ("{change} vs {prev} ({prev_value})", "较上届（{prev}年：{prev_value}）{change}"),
    ],
)
def test_catalogue_terms(catalogue, msgid, msgstr):
    assert catalogue[msgid] == msgstr


def test_chart_source_lines_begin_with_data_source(catalogue):
    lines = {k: v for k, v in catalogue.items() if k.startswith("Source: ")}
    assert len(lines) >= 9
    assert all(v.startswith("数据来源：") for v in lines.values()), lines


def test_edition_label_writes_the_year_with_nian(catalogue):
    assert catalogue["{year} · {city} ({ordinal})"].startswith("{year}年")


# --- titles no Chinese source gives: the project's translation, marked (house style rule 2; row 2) --


def test_a_title_no_chinese_source_gives_is_translated_by_the_project_never_the_name(dataset):
    riley = _people(dataset).loc["2024-riley-mesepitu"]
    assert riley.title_zh_project == "所罗门群岛商业、工业、劳动与移民部常务秘书"
    assert riley.title_zh == "" and riley.zh_source_id == ""  # not presented as a source's wording
    assert names.person_name(riley, "zh") == "Riley Mesepitu"  # names are never transliterated
    named = dataset.people[(dataset.people.scope == "sub_forum") & (dataset.people.name != "")]
    untranslated = named[(named.title_zh == "") & (named.title_zh_project == "")]
    assert untranslated.empty, list(untranslated.person_id)


def test_a_project_translation_cannot_stand_beside_a_sourced_title():
    from pydantic import ValidationError

    from dashboard.schema import Person

    base = dict(name="A B", title="Minister", organization="X", represents="China", role="keynote")
    base |= dict(role_as_written="keynote", mode="in_person", source_ids=["s"])
    assert Person(**base, title_zh_project="部长").title_zh_project == "部长"
    with pytest.raises(ValidationError):
        Person(**base, title_zh="部长", zh_source_id="z", title_zh_project="部长")


def test_a_foreign_speaker_a_chinese_source_names_is_named_in_chinese(dataset):
    kuma = _people(dataset).loc["2025-harry-kuma"]
    assert names.person_name(kuma, "zh") == "哈里·库马"
    assert names.person_title(kuma, "zh") == "所罗门群岛商业、工业、劳动与移民部部长"
    assert kuma.zh_source_id == "dzwww_zh_2024_harry_kuma"


# =================================================================================================
# Code side (issue 18 items 1, 4, 5, 8; branch zhcode): each test below quotes a defect of the
# issue's "Why" and fails on the code before it (e1cbeba + the data fixes above).
# =================================================================================================


def test_the_chinese_press_kit_is_chinese_not_english(dataset):
    """'The Chinese press-kit ZIP is entirely English (summary.md begins "# The second Sub-Forum…")'."""
    import datetime as dt
    import io
    import zipfile

    from dashboard import packaging
    from dashboard.i18n import set_language

    set_language("en")  # a download callback runs outside the page's language
    z = packaging.press_kit_zip(
        dataset, [2025], dt.date(2026, 11, 27), "0a1b2c3d4e", render=lambda f, x, d: b"", lang="zh"
    )
    names = zipfile.ZipFile(io.BytesIO(z)).namelist()
    first = zipfile.ZipFile(io.BytesIO(z)).read(names[0]).decode()
    assert names[0].endswith("summary.zh.md") and first.startswith("# 2025年第二届")
    assert names[1].endswith("summary.en.md")
    assert not [n for n in names if " " in n], "file names with spaces"


def test_single_chart_downloads_in_chinese_have_chinese_names_without_spaces():
    """'English file names with spaces' for single PNG/SVG downloads in Chinese."""
    from dashboard import packaging

    name = packaging.file_stem("countries-by-region", [2025], lang="zh")
    assert name == "按洲列明的国家和地区-2025" and " " not in name


@pytest.mark.parametrize(
    "value, qualifier, metric, expected",
    [
        (300, "about", "attendees", "约300人"),
        (240, "more_than", "attendees", "240余人"),
        (51, "exact", "countries_and_regions", "51个"),
    ],
)
def test_tiles_write_qualifiers_as_chinese_sources_do(value, qualifier, metric, expected):
    """'Tiles show "≈300" and ">240" (sources write 约300人, 240余人)'."""
    from dashboard.formatting import format_figure_short

    shown = format_figure_short(value, qualifier, metric, lang="zh")
    assert shown == expected and "≈" not in shown and ">" not in shown
    assert format_figure_short(300, "about", "attendees", lang="en") == "≈300"  # English unchanged


def test_edition_labels_use_chinese_ordinals(dataset):
    """'"2025 · 连云港（第2届）" (第二届)'; the first edition is 首届 (rule 10)."""
    from dashboard.formatting import format_edition_label

    assert format_edition_label(2025, "连云港市", 2, lang="zh") == "2025年·连云港（第二届）"
    assert format_edition_label(2024, "苏州市", 1, lang="zh") == "2024年·苏州（首届）"
    assert format_edition_label(2025, "Lianyungang", 2, lang="en") == "2025 · Lianyungang (edition 2)"


def _zh_summaries(dataset):
    from dashboard import summary

    return [
        summary.edition_summary(dataset, 2024, "zh"),
        summary.edition_summary(dataset, 2025, "zh"),
        summary.comparison_summary(dataset, 2024, 2025, "zh"),
    ]


def test_lists_are_joined_once_never_he_and_he(dataset):
    """'"来自51个国家和地区和5个国际组织的240余人" (和…和)' (rows 15, 39)."""
    text = "".join(_zh_summaries(dataset)[1].paragraphs)
    assert "来自51个国家和地区及5个国际组织的240余人参会" in text
    assert "国家和地区和" not in text


def test_no_ascii_separators_inside_chinese_text(dataset):
    """'ASCII "; " inside Chinese text' (row 20: citations.cited_labels, list_credit, summaries)."""
    from dashboard import citations, summary

    ascii_sep = re.compile(rf"[{CJK}）》”][;,]\s|[;,]\s[{CJK}（《“]")
    for s in _zh_summaries(dataset):
        md = summary.to_markdown(dataset, s, "zh")
        assert not ascii_sep.search(md), ascii_sep.search(md)
    ids = "|".join(dataset.sources.id)
    assert "; " not in citations.cited_labels(dataset, ids, "participation", lang="zh")
    assert "；" in citations.cited_labels(dataset, ids, "participation", lang="zh")
    credit = citations.format_list_credit([("甲.csv", "2026-11-28"), ("乙.csv", "")], lang="zh")
    assert "; " not in credit and "；" in credit


def test_country_lists_in_pinyin_order_with_china_first(dataset):
    """'country lists in code-point order (中国、中国香港、俄罗斯、匈牙利、印度尼西亚、古巴…)' (rows 5, 45)."""
    text = "".join(_zh_summaries(dataset)[1].paragraphs)
    assert (
        "中国、中国香港、秘鲁、俄罗斯、古巴、韩国、美国、蒙古国、尼日利亚、沙特、所罗门群岛、匈牙利和印度尼西亚" in text
    )
    assert "中国、中国香港、俄罗斯、匈牙利" not in text


def test_vice_ministers_show_as_fu_bu_ji_on_the_speakers_page():
    """'seniority "部长级" given to vice-ministers (Chinese protocol: 副部级)': the Speakers page in Chinese."""
    from streamlit.testing.v1 import AppTest

    from dashboard.i18n import set_language

    set_language("zh")
    try:
        at = AppTest.from_file(str(REPO / "app.py"), default_timeout=90)
        at.query_params["lang"] = "zh"
        at.run()
        at.switch_page("pages/4_Speakers.py")
        at.query_params["lang"] = "zh"
        at.query_params["role"] = "keynote"
        at.run()
        table = next(d.value for d in at.dataframe if "职务层级" in d.value.columns)
        wang = table[table["姓名"] == "王志忠"]
        assert list(wang["职务层级"]) == ["副部级"]
        assert "部长级" not in set(table["职务层级"])
    finally:
        set_language("en")


def test_chinese_summaries_cite_a_chinese_original_first(dataset):
    """'Chinese summaries cite English originals first (the NIA's English chair's statement as [1]);
    the keynote is cited to a German rewrite site.'"""
    from dashboard import citations

    s2025 = _zh_summaries(dataset)[1]
    assert dataset.sources.set_index("id").loc[s2025.refs.order[0], "language"] == "zh"
    text = "".join(s2025.paragraphs)
    keynote = re.search(r"王志忠作主旨演讲((?:\[\d+\])+)", text).group(1)
    cited = [s2025.refs.order[int(n) - 1] for n in re.findall(r"\d+", keynote)]
    assert cited[0] != "globalstudyhub_de_2025"  # an original first, never a rewrite site
    assert "eeo_zh_2025_wang_zhizhong" in cited  # the Chinese source of his name and title
    # English readers keep the English-first order
    assert citations.strongest(dataset, "thepaper_2025_subforum|nia_en_2025_chair", "participation")[0] == (
        "nia_en_2025_chair"
    )


def test_the_chinese_summaries_have_no_latin_word_outside_the_allowlist(dataset):
    """Item 8: the Chinese summaries pass the strict check (names no Chinese source gives, URLs)."""
    from zh_strict import data_allowed, latin_in_context

    from dashboard import summary

    allowed = data_allowed(dataset)
    for s in _zh_summaries(dataset):
        md = summary.to_markdown(dataset, s, "zh")
        assert not latin_in_context(md.splitlines(), allowed), latin_in_context(md.splitlines(), allowed)


def _chinese_page(page: str):
    """``page`` rendered in Chinese through the frame (app.py), as a reader with ?lang=zh sees it."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=60)
    at.query_params["lang"] = "zh"
    at.run()
    at.switch_page(page)
    at.query_params["lang"] = "zh"
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def test_the_sources_table_names_publishers_in_chinese(monkeypatch):
    """Issue 18: 'Publishers such as "third-party mirror of an NIA page"' on the Chinese Sources page."""
    from dashboard.i18n import set_language

    monkeypatch.delenv("DASHBOARD_DATA_DIR", raising=False)
    set_language("zh")
    try:
        at = _chinese_page("pages/6_Sources.py")
        table = next(d.value for d in at.dataframe if "发布机构" in d.value.columns)
        publishers = set(table["发布机构"])
        assert {"国家移民管理局", "国家移民管理局（第三方转载）", "塔斯社"} <= publishers
        assert not [p for p in publishers if "mirror" in p or "National Immigration" in p]
    finally:
        set_language("en")


def test_the_speakers_table_shows_project_translated_titles_marked(monkeypatch):
    """Issue 18: 'Riley Mesepitu（Permanent Secretary of…）': an English title in the Chinese table."""
    from dashboard.i18n import set_language

    monkeypatch.delenv("DASHBOARD_DATA_DIR", raising=False)
    set_language("zh")
    try:
        at = _chinese_page("pages/4_Speakers.py")
        people = at.dataframe[-1].value.set_index("姓名")
        assert people.loc["Riley Mesepitu", "职务"] == "所罗门群岛商业、工业、劳动与移民部常务秘书（本项目译写）"
        assert people.loc["王志忠", "职务"] == "公安部副部长、国家移民管理局局长"  # a source's title: not marked
        assert not [x for x in people["职务"] if x.startswith(("Permanent", "Director", "Minister", "Chief"))]
    finally:
        set_language("en")


# --- tiles, tables, charts and headings (issue 18 item 4; house style rules 8, 11, 12, row 72) -------------
# On the synthetic editions (tests/fixtures/synthetic): attendees 200 (2098) and about 280 (2099).

ITALICS = re.compile(r"(?<![*\w])[*_](?![*_\s])[^*_\n]+(?<![*_\s])[*_](?![*\w])")


def _page(path: str, lang: str, data, query: dict | None = None):
    import os

    from streamlit.testing.v1 import AppTest

    from dashboard.i18n import set_language

    old = os.environ.get("DASHBOARD_DATA_DIR")
    os.environ["DASHBOARD_DATA_DIR"] = str(data)
    set_language(lang)
    try:
        at = AppTest.from_file(str(REPO / "app.py"), default_timeout=90)
        at.query_params["lang"] = lang
        at.run()
        at.switch_page(path)
        at.query_params["lang"] = lang
        for k, v in (query or {}).items():
            at.query_params[k] = v
        at.run()
        assert not at.exception, [e.message for e in at.exception]
        return at
    finally:
        set_language("en")
        if old is None:
            os.environ.pop("DASHBOARD_DATA_DIR", None)
        else:
            os.environ["DASHBOARD_DATA_DIR"] = old


@pytest.fixture(scope="module")
def overview_zh(fixture_data):
    return _page("pages/0_Overview.py", "zh", fixture_data, {"edition": "2099"})


@pytest.fixture(scope="module")
def overview_en(fixture_data):
    return _page("pages/0_Overview.py", "en", fixture_data, {"edition": "2099"})


def test_counts_of_people_carry_人_in_the_tile_caption(overview_zh, overview_en):
    """Issue 18 item 4 / rule 8: '240余' without 人 under the attendees tile; 约300人, 240余人."""
    captions = [str(c.value) for c in overview_zh.caption]
    assert any(c.startswith("**约280人**") for c in captions), captions
    assert not [c for c in captions if c.startswith("**约280**")]
    assert any(str(c.value).startswith("**about 280**, as reported by") for c in overview_en.caption)


def test_the_tile_change_is_in_words_with_约_before_the_number(overview_zh, overview_en):
    """Rule 11: '较上届…减少约60人', not '约−60'; the earlier figure with its unit (2098年：200人)."""
    deltas = {m.label: str(m.proto.delta) for m in overview_zh.metric}
    assert deltas["参会人数"] == "较上届（2098年：200人）增加约80人"
    assert not [d for d in deltas.values() if "约+" in d or "约−" in d or "+" in d or "−" in d]
    assert {m.label: str(m.proto.delta) for m in overview_en.metric}["Attendees"] == "about +80 vs 2098 (200)"


def test_figures_beside_their_label_carry_their_measure_word():
    """The Import page's comparison table and its shortfall line show '240余人' (format_figure_unit)."""
    from dashboard.formatting import format_figure_unit

    assert format_figure_unit(240, "more_than", "attendees", lang="zh") == "240余人"
    assert format_figure_unit(300, "about", "attendees", lang="zh") == "约300人"
    assert format_figure_unit(57, "exact", "countries_and_regions", lang="zh") == "57个"
    assert format_figure_unit(240, "more_than", "attendees", lang="en") == "more than 240"
    assert format_figure_unit(57, "exact", "countries_and_regions", lang="en") == "57"


def test_coverage_chart_labels_take_年_and_the_measure_word(fixture_ds):
    """Row 72: '2024年：报道数57个', not '2024 · 报道数57'."""
    from dashboard import keycharts

    def labels(lang):  # a label wraps onto two lines (<br>) where it is wider than the bar
        fig = keycharts.coverage(fixture_ds, [2098, 2099], "countries_and_regions", lang=lang).figure
        joiner = "" if lang == "zh" else " "
        return {" ".join(str(y).replace("<br>", joiner).split()) for tr in fig.data for y in tr.y}

    assert {"2098年：报道数40个", "2099年：报道数60个"} <= labels("zh"), labels("zh")
    assert {"2098 · reported 40", "2099 · reported 60"} <= labels("en"), labels("en")


def test_counts_of_countries_and_organizations_carry_their_measure_word(catalogue):
    """Row 72: the Overview's coverage lines and the region charts' sentences give counts with their
    measure word ('报道数51个，公开来源列明13个'), never a bare figure ('报道数51，公开来源列明13').
    (Their figures come without a unit: formatting.format_figure.)"""
    sentences = [
        "{n} of {total} {what} named in public sources.",
        "{n} of {total} {what} identified: {p} in public sources, {l} only in the organizer's list {lists}.",
        "{e}: {n} of {total} named",
    ]
    bare = re.compile(r"(报道数|列明)\{(total|n)\}(?!个)")
    found = {k: catalogue[k] for k in sentences if bare.search(catalogue[k])}
    assert not found, found


def test_no_italics_in_the_chinese_catalogue(catalogue):
    """Rule 12: no italics in Chinese ('*{label}*（{n}个）' on the Year-over-year page)."""
    found = {k: v for k, v in catalogue.items() if v and ITALICS.search(v.replace("**", ""))}
    assert not found, found


def test_year_over_year_headings_are_not_italic_in_chinese(fixture_data):
    """Rule 12: the Year-over-year page's sub-headings (主题, 核心理念, overlap columns) are not italic;
    English keeps its italics."""
    query = {"a": "2098", "b": "2099"}
    zh = [str(m.value) for m in _page("pages/1_Year_over_year.py", "zh", fixture_data, query).markdown]
    italic = [m for m in zh if ITALICS.search(m.replace("**", ""))]
    assert not italic, italic
    assert any(m.startswith("**主题**") for m in zh), zh
    en = [str(m.value) for m in _page("pages/1_Year_over_year.py", "en", fixture_data, query).markdown]
    assert any(m.startswith("*Theme*") for m in en)


def test_edition_chips_keep_bracketed_units_together():
    """A chip '2025年·连云港（第二届）' wraps as '2025年·连云港' / '（第二届）', never '（第二' / '届）':
    the chips break at punctuation and spaces only (word-break: keep-all)."""
    from dashboard.ui.fit import TEXT_FIT_CSS

    chip_rule = TEXT_FIT_CSS.split('[data-testid="stMultiSelectTagsContainer"] span{', 1)[1].split("}", 1)[0]
    assert "word-break:keep-all" in chip_rule


@pytest.mark.parametrize(
    ("metric", "expected"),
    [
        ("attendees", "减少6人，下降11%"),
        ("named_speakers", "减少6人，下降11%"),
        ("countries_and_regions", "减少6个，下降11%"),
        ("international_organizations", "减少6个，下降11%"),
        (None, "减少6，下降11%"),  # unknown: no measure word rather than a wrong one
        ("share_identified", "减少6，下降11%"),  # a metric with no measure word
    ],
)
def test_the_running_text_change_takes_the_metrics_measure_word(metric, expected):
    """Issue 18: '较上届…' ended in 个 whatever the metric (None and unknown metrics included)."""
    from dashboard.comparison import Stated, change_parts, change_sentence, compare_figures

    c = compare_figures(Stated(57, "exact", metric=metric), Stated(51, "exact", metric=metric))
    assert change_sentence(c, "zh", metric) == expected
    assert change_parts(c, "zh")[0] == expected.split("，")[0]
    assert change_sentence(c, "en", metric) == "6 fewer"


def test_edition_years_as_headers_take_年_in_chinese(fixture_data, fixture_ds):
    """Issue 18 (row 53): the Year-over-year table and its CSV, the organizations matrix's CSV and the
    charts' legends head an edition's column '2099年' in Chinese, as the Reach page's tables do;
    English keeps '2099'."""
    from dashboard import keycharts
    from dashboard.formatting import format_year

    assert (format_year(2099, lang="zh"), format_year(2099, lang="en")) == ("2099年", "2099")
    query = {"a": "2098", "b": "2099"}
    zh = _page("pages/1_Year_over_year.py", "zh", fixture_data, query).dataframe[0].value.columns
    assert list(zh[1:3]) == ["2098年", "2099年"], list(zh)
    en = _page("pages/1_Year_over_year.py", "en", fixture_data, query).dataframe[0].value.columns
    assert list(en[1:3]) == ["2098", "2099"], list(en)
    matrix = keycharts.organizations_matrix(fixture_ds, [2098, 2099], lang="zh").data
    assert {"2098年", "2099年"} <= set(matrix.columns), list(matrix.columns)
    roles = keycharts.roles(fixture_ds, [2098, 2099], lang="zh").figure
    assert {tr.name for tr in roles.data if tr.name} >= {"2098年", "2099年"}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_notes_readers_see_name_sources_not_file_paths_or_ids(dataset, lang):
    """Issue 18: the Speakers page's English notes showed 'shared/sources/seed_chair_statement_2025_en.txt'
    and '*_name_ref'; a reader sees the source's publisher and title (the ids become labels)."""
    from dashboard import citations

    notes = [
        citations.readable_text(dataset, names.note(r, lang), lang=lang)
        for frame in (
            dataset.people,
            dataset.reported_figures,
            dataset.topics,
            dataset.side_events,
            dataset.organizations,
        )
        for _, r in frame.iterrows()
    ]
    internal = re.compile(r"\w+/\w+\.(txt|ya?ml|csv|md)\b|\b\w+\.txt\b|_name_ref\b|\b[a-z]+_[a-z]+_20\d\d_\w+\b")
    found = [n for n in notes if internal.search(n)]
    assert not found, found[:5]
    chair = [n for n in notes if "2025" in n and ("Chair's statement" in n or "主席声明" in n)]
    assert chair, "the chair's statement is named in the notes"


def test_chart_data_in_the_chinese_view_is_in_chinese():
    """Issue 18 ("exports and downloads included"): a chart's table view and CSV in Chinese had the data
    package's English columns and codes (edition,role,count / keynote / Asia / True); English keeps them."""
    import pandas as pd

    from dashboard.chartdata import in_words

    data = pd.DataFrame(
        {
            "edition": [2099],
            "role": ["keynote"],
            "region": ["Asia"],
            "count": [3],
            "identified": [True],
            "name_zh": ["甲"],
        }
    )
    zh = in_words(data, "zh")
    assert list(zh.columns) == ["届次", "发言类型", "洲", "数量", "列明", "中文名称"]
    assert zh.iloc[0].tolist() == [2099, "主旨演讲", "亚洲", 3, "是", "甲"]
    assert in_words(data, "en").equals(data)


def test_the_sources_page_lists_every_source_of_a_conflict_itself(monkeypatch):
    """The Sources page does not send its reader to itself ('另有4个来源，详见“来源与方法”页'): it lists
    every source of a conflicting figure."""
    from dashboard.i18n import set_language

    monkeypatch.delenv("DASHBOARD_DATA_DIR", raising=False)
    set_language("zh")
    try:
        at = _chinese_page("pages/6_Sources.py")
        text = "\n".join(m.value for m in at.markdown)
        assert "来源不一致" in text or "各来源" in text or "采用值" in text
        assert "详见“来源与方法”页" not in text
    finally:
        set_language("en")
