"""Generate data/reference/entities.csv once, from well-kept libraries.

Run by hand when the reference needs refreshing (never at app run time):

    pip install -r requirements-dev.txt
    python tools/make_entities.py

Why a generated-then-reviewed table instead of calling a library at run time:
- pycountry's fuzzy search maps "Hong Kong SAR" to China and "Republic of Korea"
  to North Korea; country_converter 1.3.2 crashes on construction under pandas 3.
  A committed table with explicit aliases is deterministic and reviewable.
- Names of Hong Kong SAR, Macao SAR and Taiwan follow the forum's (Chinese
  official) usage, which no library gives: see NAME_OVERRIDES.

Inputs: pycountry (ISO 3166-1 codes, English names, Chinese names through its
gettext catalogues), the data file shipped inside country_converter (UN M49
region and sub-region; read directly with pandas, the converter class is never
constructed), the vendored Natural Earth 50m file (is the entity drawn?).
The hand-written parts below (overrides, extra aliases) are the reviewed part.
"""

from __future__ import annotations

import csv
import gettext
import importlib.resources
import json
from pathlib import Path

import opencc
import pandas as pd
import pycountry

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "data" / "reference" / "entities.csv"
NE50 = ROOT / "data" / "reference" / "natural_earth" / "countries-50m.json"
# The official Chinese short and full names with their source on every row (tools/make_official_names.py).
OFFICIAL = ROOT / "data" / "reference" / "official_names_zh.csv"

# Deliberate naming choices (reviewed by hand). The forum is hosted by China's NIA;
# its documents say "Hong Kong Special Administrative Region (HKSAR) of China".
NAME_OVERRIDES = {
    "HKG": ("Hong Kong SAR, China", "中国香港", "special_administrative_region"),
    "MAC": ("Macao SAR, China", "中国澳门", "special_administrative_region"),
    "TWN": ("Taiwan, China", "中国台湾", "region"),
    "XKX": ("Kosovo", "科索沃", "region"),
    "PSE": ("Palestine", "巴勒斯坦", "sovereign_state"),
    "VAT": ("Holy See", "梵蒂冈", "sovereign_state"),
    # The official form used by the forum's documents ("Republic of Korea"), not pycountry's common name.
    "KOR": ("Republic of Korea", "韩国", "sovereign_state"),
    "PRK": ("Democratic People's Republic of Korea", "朝鲜", "sovereign_state"),
}

# Aliases left out on purpose: ambiguous next to "People's Republic of China" in this
# forum's context; an input using them fails with suggestions instead of a silent mapping.
DROPPED_ALIASES = {"Republic of China", "中华民国", "中華民國"}

# Common Chinese short forms where the ISO catalogue gives the long form.
ZH_SHORT = {
    "KOR": "韩国",
    "PRK": "朝鲜",
    "IRN": "伊朗",
    "LAO": "老挝",
    "SYR": "叙利亚",
    "BOL": "玻利维亚",
    "VEN": "委内瑞拉",
    "MDA": "摩尔多瓦",
    "FSM": "密克罗尼西亚联邦",
    "VNM": "越南",
    "RUS": "俄罗斯",
    "TZA": "坦桑尼亚",
    "USA": "美国",
    "GBR": "英国",
    "COD": "刚果（金）",
    "COG": "刚果（布）",
    "CIV": "科特迪瓦",
    "TUR": "土耳其",
    "CZE": "捷克",
    "MKD": "北马其顿",
    "SWZ": "斯威士兰",
    "BRN": "文莱",
    "KHM": "柬埔寨",  # the iso-codes zh_CN catalogue has a typo (柬埔塞)
}

# Names as China's Ministry of Foreign Affairs and the standard place-name lists write them, where the
# ISO catalogue has a Taiwan-style, dated or non-standard form (docs: /work/shared/notes/zh-style-guide.md,
# rows 25-30). Running-text short forms for SAU, BIH and DOM (沙特, 波黑, 多米尼加); 中非共和国 stays
# long (中非 would read as Middle Africa). The catalogue's form stays an alias, so matching still works.
ZH_MFA = {
    "MNG": "蒙古国",
    "BGD": "孟加拉国",
    "KGZ": "吉尔吉斯斯坦",
    "GTM": "危地马拉",
    "PYF": "法属波利尼西亚",
    "FLK": "马尔维纳斯群岛（福克兰群岛）",
    "CCK": "科科斯（基林）群岛",
    "IMN": "马恩岛",
    "SHN": "圣赫勒拿",
    "SGS": "南乔治亚岛和南桑威奇群岛",
    "HMD": "赫德岛和麦克唐纳群岛",
    "ATF": "法属南部领地",
    "PCN": "皮特凯恩群岛",
    "SAU": "沙特",
    "BIH": "波黑",
    "DOM": "多米尼加",
}

# Extra aliases: statistical spellings (World Bank, UN), older or local names.
EXTRA_ALIASES = {
    "KOR": ["Republic of Korea", "Korea, Rep.", "South Korea", "Korea (Republic of)", "ROK", "南韩"],
    "PRK": ["Democratic People's Republic of Korea", "Korea, Dem. People's Rep.", "North Korea", "DPRK"],
    "LAO": ["Lao PDR", "Laos", "Lao People's Democratic Republic"],
    "IRN": ["Iran (Islamic Republic of)", "Iran, Islamic Rep.", "Iran", "Islamic Republic of Iran"],
    "HKG": [
        "Hong Kong SAR",
        "Hong Kong SAR, China",
        "China, Hong Kong SAR",
        "Hong Kong, China",
        "HKSAR",
        "Hong Kong Special Administrative Region",
        "Hong Kong",
        "香港",
        "香港特别行政区",
        "中国香港特别行政区",
    ],
    "MAC": [
        "Macao SAR",
        "Macau SAR",
        "Macao SAR, China",
        "China, Macao SAR",
        "Macau",
        "Macao",
        "MSAR",
        "澳门",
        "澳门特别行政区",
        "中国澳门特别行政区",
    ],
    "TWN": ["Taiwan", "Taiwan, China", "Taiwan Province of China", "Chinese Taipei", "台湾", "中国台湾省"],
    "CHN": [
        "China",
        "People's Republic of China",
        "PRC",
        "P.R. China",
        "China, People's Republic of",
        "中国",
        "中华人民共和国",
    ],
    "TUR": ["Türkiye", "Turkiye", "Turkey", "Republic of Türkiye", "土耳其"],
    "CIV": ["Côte d'Ivoire", "Cote d'Ivoire", "Ivory Coast"],
    "RUS": ["Russia", "Russian Federation"],
    "USA": ["United States", "United States of America", "USA", "US", "U.S.", "the United States"],
    "GBR": ["United Kingdom", "UK", "Great Britain", "Britain"],
    "VNM": ["Vietnam", "Viet Nam"],
    "TZA": ["Tanzania", "United Republic of Tanzania"],
    "BOL": ["Bolivia (Plurinational State of)", "Bolivia"],
    "VEN": ["Venezuela (Bolivarian Republic of)", "Venezuela, RB", "Venezuela"],
    "SYR": ["Syria", "Syrian Arab Republic"],
    "MDA": ["Moldova", "Republic of Moldova"],
    "FSM": ["Micronesia (Federated States of)", "Micronesia, Fed. Sts."],
    "EGY": ["Egypt, Arab Rep."],
    "YEM": ["Yemen, Rep."],
    "GMB": ["Gambia, The", "The Gambia"],
    "BHS": ["Bahamas, The", "The Bahamas"],
    "COD": ["Congo, Dem. Rep.", "DR Congo", "DRC", "Democratic Republic of the Congo"],
    "COG": ["Congo, Rep.", "Republic of the Congo", "Congo-Brazzaville"],
    "KGZ": ["Kyrgyz Republic", "Kyrgyzstan"],
    "SVK": ["Slovak Republic", "Slovakia"],
    "CZE": ["Czechia", "Czech Republic"],
    "MKD": ["North Macedonia", "Macedonia"],
    "SWZ": ["Eswatini", "Swaziland"],
    "CPV": ["Cabo Verde", "Cape Verde"],
    "MMR": ["Myanmar", "Burma"],
    "BRN": ["Brunei", "Brunei Darussalam"],
    "TLS": ["Timor-Leste", "East Timor"],
    "PSE": ["Palestine", "State of Palestine", "West Bank and Gaza"],
    "VAT": ["Holy See", "Vatican", "Vatican City"],
    "SAU": ["KSA", "Kingdom of Saudi Arabia"],
    "LCA": ["St. Lucia"],
    "KNA": ["St. Kitts and Nevis"],
    "VCT": ["St. Vincent and the Grenadines"],
    "SLB": ["Solomon Islands", "the Solomon Islands"],
    "XKX": ["Kosovo", "Kosovo (under UNSCR 1244)"],
    "NLD": ["Netherlands", "The Netherlands", "Holland"],
    "ARE": ["UAE", "United Arab Emirates"],
}

# Official, short and statistical variants that refusals showed (the public-name test in
# tests/fixtures/names/ and the bad-input campaign of issue 13). Each names exactly one entity;
# Taiwan, Hong Kong and Macao forms that mention China are those entities, never China itself.
# Left out on purpose (refused, with suggestions): "Micronesia" (also a UN sub-region), "St. Martin"
# (the island is shared with Sint Maarten), "Republic of China".
MORE_ALIASES = {
    "COD": [
        "Congo (Kinshasa)",
        "Congo - Kinshasa",
        "Congo-Kinshasa",
        "Congo (Democratic Republic of the)",
        "Congo, Democratic Republic of the",
        "Congo, The Democratic Republic of the",
        "Democratic Republic of Congo",
        "D.R. Congo",
        "DR of the Congo",
        "刚果（金夏沙）",
        "刚果金",
        "刚果民主共和国",
    ],
    "COG": [
        "Congo (Brazzaville)",
        "Congo - Brazzaville",
        "Congo (Republic of the)",
        "Congo, Republic of the",
        "Republic of Congo",
        "刚果（布拉萨）",
        "刚果布",
        "刚果共和国",
    ],
    "KOR": ["Korea, South", "Korea (South)", "South Korea (Republic of Korea)"],
    "PRK": ["Korea, North", "Korea (North)"],
    "VIR": [
        "Virgin Islands (U.S.)",
        "U.S. Virgin Islands",
        "US Virgin Islands",
        "United States Virgin Islands",
        "Virgin Islands, U.S.",
    ],
    "VGB": ["Virgin Islands (British)", "British Virgin Islands", "Virgin Islands, British"],
    "HKG": [
        "Hong Kong SAR China",
        "Hong Kong SAR (China)",
        "Hong Kong, SAR (China)",
        "Hong Kong (China)",
        "Hong Kong Special Administrative Region of China",
        "Hong Kong Special Administrative Region (China)",
        "China, Hong Kong Special Administrative Region",
        "Hong Kong, China SAR",
    ],
    "MAC": [
        "Macao SAR China",
        "Macau SAR China",
        "Macao SAR (China)",
        "Macao (China)",
        "Macau, China",
        "Macao, China",
        "Macao Special Administrative Region",
        "Macao Special Administrative Region (China)",
        "Macao Special Administrative Region of China",
        "China, Macao Special Administrative Region",
    ],
    "TWN": ["Taiwan Province (China)", "Taiwan (Province of China)", "Taiwan (China)", "Taiwan, Province of China"],
    "GNB": ["Guinea (Bissau)", "Guinea Bissau"],
    "FRO": ["Faeroe Islands", "Faroes"],
    "PSE": ["Palestinian Territories", "Occupied Palestinian Territory", "巴勒斯坦领土", "巴勒斯坦自治区"],
    "PCN": ["Pitcairn Islands", "皮特凯恩群岛", "皮特肯群岛"],
    "BES": ["Caribbean Netherlands", "荷属加勒比区"],
    "HMD": ["Heard and McDonald Islands", "赫德岛和麦克唐纳群岛", "赫德岛及麦唐纳群岛"],
    "SGS": ["South Georgia and South Sandwich Islands", "南乔治亚和南桑威奇群岛", "南乔治亚与南三明治群岛"],
    "VCT": ["Saint Vincent and Grenadines", "圣文森及格瑞那丁"],
    "UMI": ["U.S. Outlying Islands", "US Minor Outlying Islands"],
    "MNP": ["北马利安纳群岛"],
    "KGZ": ["吉尔吉斯斯坦"],
    "TCA": ["土克斯及开科斯群岛"],
    "SPM": ["圣皮埃尔和密克隆群岛", "圣皮埃与密克隆群岛"],
    "SHN": ["圣赫勒拿", "圣赫勒拿岛"],
    "TZA": ["坦尚尼亚"],
    "BGD": ["孟加拉国", "孟加拉"],
    "AIA": ["安奎拉"],
    "LAO": ["寮国"],
    "BVT": ["布韦岛"],
    "SJM": ["挪威属斯瓦巴及尖棉"],
    "PYF": ["法属波利尼西亚"],
    "ATF": ["法属南部属地"],
    "BIH": ["波士尼亚与赫塞哥维纳"],
    "AUS": ["澳洲"],
    "WLF": ["瓦利斯群岛和富图那群岛"],
    "CCK": ["科科斯（基林）群岛", "科克斯（基灵）群岛"],
    "NIU": ["纽埃岛"],
    "STP": ["圣多美普林西比"],
    "ABW": ["荷属阿鲁巴"],
    "MSR": ["蒙哲腊"],
    "MYT": ["马约特岛"],
    "IMN": ["马恩岛"],
    # the forms the MFA names (ZH_MFA) replaced: still matched
    "MNG": ["蒙古"],
    "SAU": ["沙特阿拉伯"],
    "FLK": ["福克兰群岛（马尔维纳斯）", "马尔维纳斯群岛"],
    "DOM": ["多米尼加共和国"],
}

# The short forms Chinese offices write in their own lists (issue 19), as the Ministry of Foreign
# Affairs' country pages and its usage write them (fmprc.gov.cn, 国家和组织 pages; usage seen 2026-12):
# 蒙古国 is the official short name (not 蒙古), 沙特/波黑/特多/巴新/圣普 are the abbreviations used in
# MFA texts, 教廷 the Holy See; 香港特区/澳门特区 and 台湾地区 are always Hong Kong, Macao and Taiwan,
# never China. Left out on purpose: 中非 (also "Central Africa" and "China-Africa"), 俄 (one character).
MFA_SHORT_NAMES = {
    "MNG": ["蒙古国"],
    "SAU": ["沙特"],
    "BIH": ["波黑"],
    "VAT": ["教廷"],
    "HKG": ["香港特区", "中国香港特区", "香港特区政府"],
    "MAC": ["澳门特区", "中国澳门特区", "澳门特区政府"],
    "TWN": ["台湾地区", "中国台湾地区"],
    "DOM": ["多米尼加"],
    "TTO": ["特多"],
    "PNG": ["巴新"],
    "STP": ["圣普"],
    "COD": ["民主刚果"],
    "FSM": ["密联邦"],
    "SWZ": ["埃斯瓦蒂尼", "埃斯瓦蒂尼王国"],
    "BRN": ["文莱达鲁萨兰国"],
    "LBY": ["利比亚国"],
    "AUS": ["澳大利亚联邦"],
    "BOL": ["多民族玻利维亚国"],
}
for _code, _names in MFA_SHORT_NAMES.items():
    MORE_ALIASES[_code] = MORE_ALIASES.get(_code, []) + _names

M49_REGION = {
    "America": "Americas",
    "Africa": "Africa",
    "Asia": "Asia",
    "Europe": "Europe",
    "Oceania": "Oceania",
    "Antarctica": "Antarctica",
}
M49_SUBREGION_FIX = {  # the UN splits the Americas into Latin America and the Caribbean / Northern America
}


def _zh_catalogue(lang: str) -> gettext.NullTranslations:
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])


def official_aliases() -> dict[str, list[str]]:
    """Each code's official Chinese short and full names, in simplified characters as the source writes
    them and in traditional characters (OpenCC s2t and s2hk: the same names, character by character)."""
    if not OFFICIAL.exists():
        return {}
    s2t, s2hk = opencc.OpenCC("s2t"), opencc.OpenCC("s2hk")
    out: dict[str, list[str]] = {}
    for row in csv.DictReader(OFFICIAL.open(encoding="utf-8")):
        for name in (row["short_zh"], row["full_zh"]):
            if name:
                out.setdefault(row["code"], []).extend([name, s2t.convert(name), s2hk.convert(name)])
    return out


def main() -> None:
    official_zh = official_aliases()
    cc_path = importlib.resources.files("country_converter") / "country_data.tsv"
    cc = pd.read_csv(cc_path, sep="\t", keep_default_na=False, dtype=str).set_index("ISO3")
    ne = json.loads(NE50.read_text(encoding="utf-8"))
    ne_ids = {g.get("id") for g in ne["objects"]["countries"]["geometries"] if g.get("id")}
    zh_cn, zh_tw, zh_hk = (_zh_catalogue(x) for x in ("zh_CN", "zh_TW", "zh_HK"))
    t2s = opencc.OpenCC("t2s")

    countries = list(pycountry.countries)
    rows = []
    for c in countries + ["XKX"]:
        if c == "XKX":
            code, iso2, num, name, official, common = "XKX", "XK", "", "Kosovo", "", ""
        else:
            code, iso2, num = c.alpha_3, c.alpha_2, c.numeric
            name, official, common = c.name, getattr(c, "official_name", ""), getattr(c, "common_name", "")
        info = cc.loc[code] if code in cc.index else None
        region = M49_REGION.get(info["continent"], "") if info is not None else ""
        sub_region = info["UNregion"] if info is not None else ""
        sovereign = bool(info is not None and info["UNmember"])
        entity_type = "sovereign_state" if sovereign else "territory"
        name_en = common or (info["name_short"] if info is not None and code != "XKX" else name)
        name_zh = (
            ZH_MFA.get(code) or ZH_SHORT.get(code) or (t2s.convert(zh_cn.gettext(name)) if code != "XKX" else "科索沃")
        )
        if code in NAME_OVERRIDES:
            name_en, name_zh, entity_type = NAME_OVERRIDES[code]
        aliases: list[str] = []
        for a in [
            name,
            official,
            common,
            info["name_short"] if info is not None else "",
            info["name_official"] if info is not None else "",
        ]:
            aliases.append(a)
        if code != "XKX":
            for cat in (zh_cn, zh_tw, zh_hk):
                for a in (name, official):
                    if a:
                        tr = cat.gettext(a)
                        if tr != a:
                            aliases.append(tr)
                            aliases.append(t2s.convert(tr))
        aliases += EXTRA_ALIASES.get(code, []) + MORE_ALIASES.get(code, []) + official_zh.get(code, [])
        seen, clean = {name_en.casefold(), name_zh}, []
        for a in aliases:
            a = (a or "").strip()
            if a and a.casefold() not in seen and "|" not in a and a not in DROPPED_ALIASES:
                seen.add(a.casefold())
                clean.append(a)
        rows.append(
            {
                "code": code,
                "iso2": iso2,
                "iso_numeric": num,
                "name_en": name_en,
                "name_zh": name_zh,
                "aliases": "|".join(sorted(clean)),
                "entity_type": entity_type,
                "region": region,
                "sub_region": sub_region,
                "ne50m_drawn": "true" if num and num in ne_ids else "false",
            }
        )
    rows.sort(key=lambda r: r["code"])
    with OUT.open("w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    print(f"wrote {len(rows)} entities to {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
