"""The official Chinese short and full names (data/reference/official_names_zh.csv): every row says
where it comes from, every name matches its own code only — in simplified and traditional characters —
and Hong Kong, Macao and Taiwan are never China. The build refuses the reference data otherwise."""

from __future__ import annotations

import csv

import pytest

from dashboard.errors import DataError
from dashboard.official_names import load_official_names
from dashboard.reference import load_entities
from dashboard.registrations import reading
from dashboard.registrations.validation import validate


@pytest.mark.parametrize(
    "written, code",
    [
        ("刚果民主共和国", "COD"),
        ("剛果民主共和國", "COD"),  # traditional characters
        ("刚果共和国", "COG"),
        ("大不列颠及北爱尔兰联合王国", "GBR"),
        ("大不列顛及北愛爾蘭聯合王國", "GBR"),
        ("阿拉伯叙利亚共和国", "SYR"),
        ("乌拉圭东岸共和国", "URY"),
        ("多民族玻利维亚国", "BOL"),
        ("多米尼克国", "DMA"),  # Dominica
        ("多米尼加共和国", "DOM"),  # the Dominican Republic: never the other one
        ("圣赫勒拿岛", "SHN"),
        ("北马里亚纳群岛联邦", "MNP"),
        ("蒙古国", "MNG"),
    ],
)
def test_official_full_and_short_names_match_their_own_code(index, written, code):
    match, reason, _ = index.match(written)
    assert match is not None and match.code == code, (written, reason)


@pytest.mark.parametrize(
    "written, code",
    [
        ("中国香港", "HKG"),
        ("中华人民共和国香港特别行政区", "HKG"),  # the legal full name: the region, never China
        ("中華人民共和國澳門特別行政區", "MAC"),
        ("中國香港特別行政區", "HKG"),
        ("香港特区", "HKG"),
        ("中国澳门特别行政区", "MAC"),
        ("中國澳門", "MAC"),
        ("中国台湾", "TWN"),
        ("台灣地區", "TWN"),
    ],
)
def test_hong_kong_macao_and_taiwan_are_never_china(index, written, code):
    match, _, _ = index.match(written)
    assert match is not None and match.code == code


def test_no_name_of_hong_kong_macao_or_taiwan_is_an_alias_of_china(dataset):
    china = dataset.entities.set_index("code").loc["CHN"]
    names = [china.name_zh, china.name_en, *china.aliases.split("|")]
    assert not [
        n
        for n in names
        if any(w in n for w in ("香港", "澳门", "澳門", "台湾", "臺灣", "台灣", "Hong Kong", "Maca", "Taiwan"))
    ]


def test_a_bracket_naming_the_administering_state_is_not_matched(index):
    """The source writes 圣赫勒拿岛（英国）: the bracket names another country, so the written form is refused
    with both readings, never matched to either."""
    match, reason, readings = index.match("圣赫勒拿岛（英国）")
    assert match is None and reason == "ambiguous" and any("SHN" in r for r in readings)


def test_every_row_is_sourced_and_the_names_are_left_out_rather_than_guessed():
    rows = list(csv.DictReader(open("data/reference/official_names_zh.csv", encoding="utf-8")))
    by_code = {r["code"]: r for r in rows}
    for row in rows:
        # the ministry's list, except the two special administrative regions (their Basic Laws)
        if row["code"] in ("HKG", "MAC"):
            assert "基本法" in row["publisher"] and row["full_zh"].startswith("中华人民共和国")
        else:
            assert row["source_url"].startswith("https://www.mfa.gov.cn/") and "外交部" in row["publisher"]
        assert row["publisher"] and row["language"] == "zh-Hans" and row["list_date"] and row["retrieved"]
    assert by_code["GBR"]["full_zh"] == "大不列颠及北爱尔兰联合王国" and by_code["GBR"]["short_zh"] == "英国"
    assert by_code["COD"]["short_zh"] == "刚果（金）" and by_code["COD"]["full_zh"] == "刚果民主共和国"
    assert by_code["CAF"]["short_zh"] == ""  # 中非 also reads as Central Africa: left out, full name kept
    assert "TWN" not in by_code and "XKX" not in by_code  # no source row: nothing invented


def test_a_list_with_full_names_imports_with_the_right_codes(index):
    text = "国家/地区,姓名\n大不列颠及北爱尔兰联合王国,甲\n刚果民主共和国,乙\n剛果共和國,丙\n中国香港特别行政区,丁\n"
    df = reading.read_file(text.encode("utf-8"), "名单.csv")
    report = validate(df, "名单.csv", index, [2024, 2025], edition=2025)
    assert not report.issues
    assert report.table.code.tolist() == ["GBR", "COD", "COG", "HKG"]


def _write(data_copy, edit):
    path = data_copy / "reference" / "official_names_zh.csv"
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    fields = list(rows[0])
    edit(rows)
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=fields, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


def test_the_build_refuses_a_name_without_a_source(data_copy):
    def edit(rows):
        next(r for r in rows if r["code"] == "GBR")["source_url"] = ""

    _write(data_copy, edit)
    with pytest.raises(DataError) as info:
        load_official_names(data_copy, load_entities(data_copy))
    assert "official_names_zh.csv, record row" in str(info.value) and "(GBR), field 'source_url'" in str(info.value)


def test_the_build_refuses_hong_kong_as_a_name_of_china(data_copy):
    def edit(rows):
        next(r for r in rows if r["code"] == "CHN")["full_zh"] = "中华人民共和国香港特别行政区"

    _write(data_copy, edit)
    with pytest.raises(DataError, match="never China"):
        load_official_names(data_copy, load_entities(data_copy))


def test_the_build_refuses_a_name_that_would_match_another_code(data_copy):
    def edit(rows):
        next(r for r in rows if r["code"] == "COG")["full_zh"] = "刚果民主共和国"

    _write(data_copy, edit)
    with pytest.raises(DataError) as info:
        load_official_names(data_copy, load_entities(data_copy))
    assert "would also match COD" in str(info.value) and "is not an alias of COG" in str(info.value)


def test_the_build_runs_the_check(data_copy):
    from dashboard.build import build

    def edit(rows):
        next(r for r in rows if r["code"] == "MNG")["publisher"] = ""

    _write(data_copy, edit)
    with pytest.raises(DataError, match=r"\(MNG\), field 'publisher'"):
        build(data_copy)
