"""Write data/reference/groupings.csv, grouping_sources.csv and grouping_members.csv.

Run once and review the diff: ``python tools/make_groupings.py``. The build validates the three
files (every membership row cites a source and has dates) and copies them into data/clean.

Where the facts come from (see data/reference/GROUPINGS.md for which were checked how):
- UN M49's LDC, LLDC and SIDS lists: read from the UNSD M49 overview file kept in
  data/reference/un_m49/ (origin in its ORIGIN.md), never typed by hand. Dates: the same sets
  appear in every republication of that file from 2017-11-03 to 2026-05-15 (datasets/country-codes
  history), so membership is recorded as documented by 2017-11-03 (``from_basis`` = listed_by);
  São Tomé and Príncipe left the LDC list on 13 December 2024 (UN DESA).
- The African Union's 55 members: the 54 African UN member states in entities.csv plus the
  Sahrawi Arab Democratic Republic (recorded under ESH), as au.int lists them.
- CELAC's 33 members: the UN member states of Latin America and the Caribbean in entities.csv.
- Every other grouping: its members typed below with the dates the official pages give.
"""

from __future__ import annotations

import csv
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
REF = REPO / "data" / "reference"
M49 = REF / "un_m49" / "UNSD-m49-overview.csv"

# id, url, title, publisher, publisher_zh, language, checked, note
SOURCES = [
    (
        "asean-members",
        "https://asean.org/member-states/",
        "ASEAN Member States",
        "ASEAN Secretariat",
        "东盟秘书处",
        "en",
        "search",
        "Timor-Leste's admission on 26 October 2025 (47th ASEAN Summit) confirmed in stored news pages "
        "quoting ASEAN's statement; founding and accession years as on asean.org.",
    ),
    (
        "sco-members",
        "https://eng.sectsco.org/",
        "Shanghai Cooperation Organisation: member states",
        "SCO Secretariat",
        "上海合作组织秘书处",
        "en",
        "search",
        "Iran full member 4 July 2023, Belarus 4 July 2024 (Astana summit), India and Pakistan 9 June 2017: "
        "confirmed in stored news pages. Observers and dialogue partners not entered.",
    ),
    (
        "brics-members",
        "https://brics.br/en/about-the-brics",
        "About BRICS (Brazil's 2025 BRICS chairship)",
        "BRICS Brasil 2025",
        "",
        "en",
        "search",
        "Egypt, Ethiopia, Iran and the UAE members from 1 January 2024 and Saudi Arabia invited (Johannesburg, "
        "August 2023): stored news pages. Saudi Arabia's own acceptance is not confirmed by a Saudi source: "
        "recorded as invited, not as a member. Indonesia from 6 January 2025. Partner countries not entered.",
    ),
    (
        "c-ca-members",
        "http://www.china-centralasia.org/",
        "China–Central Asia Secretariat",
        "China–Central Asia Secretariat",
        "中国—中亚机制秘书处",
        "zh",
        "search",
        "The six states of the mechanism (initiated 2020, secretariat launched in Xi'an on 30 March 2024) "
        "confirmed in stored news pages (Xinhua). The secretariat's URL was not confirmed.",
    ),
    (
        "lmc-members",
        "http://www.lmcchina.org/",
        "Lancang-Mekong Cooperation",
        "Lancang-Mekong Cooperation China Secretariat",
        "澜湄合作中国秘书处",
        "zh",
        "not_checked",
        "Six members since the first leaders' meeting (Sanya, 23 March 2016).",
    ),
    (
        "pif-members",
        "https://forumsec.org/",
        "Pacific Islands Forum: member countries",
        "Pacific Islands Forum Secretariat",
        "太平洋岛国论坛秘书处",
        "en",
        "search",
        "18 members; Kiribati, which left in July 2022, formally rejoined at the Special Leaders' Retreat in "
        "February 2023 (stored news pages). Accession dates not transcribed: membership recorded as "
        "documented by 24 February 2023.",
    ),
    (
        "au-members",
        "https://au.int/en/member_states/countryprofiles2",
        "African Union: member states",
        "African Union",
        "非洲联盟",
        "en",
        "not_checked",
        "55 member states: the 54 African UN member states and the Sahrawi Arab Democratic Republic. Morocco "
        "rejoined on 30 January 2017. Suspensions are not modelled.",
    ),
    (
        "las-members",
        "http://www.lasportal.org/",
        "League of Arab States: member states",
        "League of Arab States",
        "阿拉伯国家联盟",
        "ar",
        "not_checked",
        "22 member states. Syria's suspension (2011–2023) is not modelled. Accession years not transcribed: "
        "membership recorded as documented by 2023-05-07 (Syria's return).",
    ),
    (
        "celac-members",
        "https://celacinternational.org/",
        "Community of Latin American and Caribbean States: member states",
        "CELAC",
        "",
        "es",
        "not_checked",
        "33 member states since the founding summit (Caracas, 3 December 2011). CELAC has no permanent "
        "secretariat; the URL is a public information site, not confirmed as official.",
    ),
    (
        "eu-members",
        "https://european-union.europa.eu/principles-countries-history/eu-countries_en",
        "EU countries",
        "European Union",
        "欧洲联盟",
        "en",
        "not_checked",
        "27 member states with their accession dates; the United Kingdom was a member until 31 January 2020.",
    ),
    (
        "g20-members",
        "https://g20.org/about-the-g20/",
        "About the G20",
        "G20",
        "二十国集团",
        "en",
        "not_checked",
        "19 countries, the European Union and (from 9 September 2023) the African Union; only the 19 "
        "countries are rows here (the two unions are organizations, not states).",
    ),
    (
        "un-m49",
        "https://unstats.un.org/unsd/methodology/m49/overview/",
        "Standard country or area codes for statistical use (M49): overview",
        "United Nations Statistics Division",
        "联合国统计司",
        "en",
        "file",
        "Read from data/reference/un_m49/UNSD-m49-overview.csv (origin in ORIGIN.md), never typed.",
    ),
    (
        "un-desa-stp-ldc",
        "https://policy.desa.un.org/themes/cdp-news-and-events/news/sao-tome-and-principe-graduated-from-ldc-status",
        "Sao Tome and Principe graduated from LDC status",
        "UN DESA, Committee for Development Policy",
        "联合国经济和社会事务部",
        "en",
        "search",
        "São Tomé and Príncipe left the LDC category on 13 December 2024 (44 LDCs remain).",
    ),
]

# code, name_en, name_zh, kind, source_id, note
GROUPINGS = [
    ("ASEAN", "ASEAN", "东盟", "regional_organization", "asean-members", ""),
    ("SCO", "Shanghai Cooperation Organisation", "上海合作组织", "regional_organization", "sco-members", ""),
    ("BRICS", "BRICS", "金砖国家", "cooperation_mechanism", "brics-members", ""),
    ("C_CA", "China–Central Asia", "中国—中亚机制", "cooperation_mechanism", "c-ca-members", ""),
    ("LMC", "Lancang-Mekong Cooperation", "澜湄合作", "cooperation_mechanism", "lmc-members", ""),
    ("PIF", "Pacific Islands Forum", "太平洋岛国论坛", "regional_organization", "pif-members", ""),
    ("AU", "African Union", "非洲联盟", "regional_organization", "au-members", ""),
    ("LAS", "League of Arab States", "阿拉伯国家联盟", "regional_organization", "las-members", ""),
    ("CELAC", "CELAC", "拉美和加勒比国家共同体", "regional_organization", "celac-members", ""),
    ("EU", "European Union", "欧洲联盟", "regional_organization", "eu-members", ""),
    ("G20", "G20", "二十国集团", "cooperation_mechanism", "g20-members", "Members that are states only."),
    ("LDC", "Least developed countries", "最不发达国家", "un_list", "un-m49", "UN M49 LDC list."),
    ("LLDC", "Landlocked developing countries", "内陆发展中国家", "un_list", "un-m49", "UN M49 LLDC list."),
    ("SIDS", "Small island developing States", "小岛屿发展中国家", "un_list", "un-m49", "UN M49 SIDS list."),
]


def rows(grouping: str, codes: str, start: str, source: str, basis: str = "accession", **kw) -> list[dict]:
    return [
        {
            "grouping": grouping,
            "code": c,
            "role": kw.get("role", "member"),
            "from": start,
            "from_basis": basis,
            "to": kw.get("to", ""),
            "source_ids": source,
            "note": kw.get("note", ""),
        }
        for c in codes.split()
    ]


def members(entities: list[dict]) -> list[dict]:
    out: list[dict] = []
    # ASEAN: founding 8 Aug 1967; Brunei 7 Jan 1984; Viet Nam 28 Jul 1995; Laos, Myanmar 23 Jul 1997;
    # Cambodia 30 Apr 1999; Timor-Leste 26 Oct 2025.
    out += rows("ASEAN", "IDN MYS PHL SGP THA", "1967-08-08", "asean-members")
    out += rows("ASEAN", "BRN", "1984-01-07", "asean-members")
    out += rows("ASEAN", "VNM", "1995-07-28", "asean-members")
    out += rows("ASEAN", "LAO MMR", "1997-07-23", "asean-members")
    out += rows("ASEAN", "KHM", "1999-04-30", "asean-members")
    out += rows("ASEAN", "TLS", "2025-10-26", "asean-members")
    # SCO: founded 15 Jun 2001; India, Pakistan 9 Jun 2017; Iran 4 Jul 2023; Belarus 4 Jul 2024.
    out += rows("SCO", "CHN KAZ KGZ RUS TJK UZB", "2001-06-15", "sco-members")
    out += rows("SCO", "IND PAK", "2017-06-09", "sco-members")
    out += rows("SCO", "IRN", "2023-07-04", "sco-members")
    out += rows("SCO", "BLR", "2024-07-04", "sco-members")
    # BRICS: first BRIC summit 16 Jun 2009; South Africa documented as a member by the Sanya summit
    # (14 Apr 2011); four new members 1 Jan 2024; Indonesia 6 Jan 2025; Saudi Arabia invited.
    out += rows("BRICS", "BRA CHN IND RUS", "2009-06-16", "brics-members")
    out += rows("BRICS", "ZAF", "2011-04-14", "brics-members", basis="listed_by")
    out += rows("BRICS", "ARE EGY ETH IRN", "2024-01-01", "brics-members")
    out += rows("BRICS", "IDN", "2025-01-06", "brics-members")
    out += rows(
        "BRICS",
        "SAU",
        "2024-01-01",
        "brics-members",
        role="invited",
        note="Invited in August 2023 to join from 1 January 2024; no Saudi source confirms acceptance.",
    )
    out += rows("C_CA", "CHN KAZ KGZ TJK TKM UZB", "2020-07-16", "c-ca-members")
    out += rows("LMC", "CHN KHM LAO MMR THA VNM", "2016-03-23", "lmc-members")
    out += rows(
        "PIF",
        "AUS COK FJI FSM KIR MHL NCL NIU NRU NZL PLW PNG PYF SLB TON TUV VUT WSM",
        "2023-02-24",
        "pif-members",
        basis="listed_by",
    )
    africa = sorted(e["code"] for e in entities if e["entity_type"] == "sovereign_state" and e["region"] == "Africa")
    assert len(africa) == 54, len(africa)
    out += rows("AU", " ".join(c for c in africa if c != "MAR"), "2002-07-09", "au-members", basis="listed_by")
    out += rows("AU", "MAR", "2017-01-30", "au-members")
    out += rows(
        "AU",
        "ESH",
        "2002-07-09",
        "au-members",
        basis="listed_by",
        note="The Sahrawi Arab Democratic Republic, as the African Union lists it; recorded under the code of "
        "Western Sahara.",
    )
    out += rows(
        "LAS",
        "ARE BHR COM DJI DZA EGY IRQ JOR KWT LBN LBY MAR MRT OMN PSE QAT SAU SDN SOM SYR TUN YEM",
        "2023-05-07",
        "las-members",
        basis="listed_by",
    )
    lac = sorted(
        e["code"]
        for e in entities
        if e["entity_type"] == "sovereign_state" and e["region"] == "Americas" and e["code"] not in ("USA", "CAN")
    )
    assert len(lac) == 33, len(lac)
    out += rows("CELAC", " ".join(lac), "2011-12-03", "celac-members")
    for codes, start in (
        ("BEL DEU FRA ITA LUX NLD", "1958-01-01"),
        ("DNK IRL", "1973-01-01"),
        ("GRC", "1981-01-01"),
        ("ESP PRT", "1986-01-01"),
        ("AUT FIN SWE", "1995-01-01"),
        ("CYP CZE EST HUN LTU LVA MLT POL SVK SVN", "2004-05-01"),
        ("BGR ROU", "2007-01-01"),
        ("HRV", "2013-07-01"),
    ):
        out += rows("EU", codes, start, "eu-members")
    out += rows("EU", "GBR", "1973-01-01", "eu-members", to="2020-01-31")
    out += rows(
        "G20",
        "ARG AUS BRA CAN CHN DEU FRA GBR IDN IND ITA JPN KOR MEX RUS SAU TUR USA ZAF",
        "1999-12-16",
        "g20-members",
        basis="listed_by",
    )
    out += m49_rows()
    return out


def m49_rows() -> list[dict]:
    with M49.open(encoding="utf-8-sig", newline="") as fh:
        table = list(csv.DictReader(fh))
    cols = {
        "LDC": "Least Developed Countries (LDC)",
        "LLDC": "Land Locked Developing Countries (LLDC)",
        "SIDS": "Small Island Developing States (SIDS)",
    }
    out = []
    for grouping, col in cols.items():
        codes = sorted(r["ISO-alpha3 Code"] for r in table if r[col].strip().lower() == "x")
        for code in codes:
            graduated = grouping == "LDC" and code == "STP"
            out += rows(
                grouping,
                code,
                "2017-11-03",
                "un-m49" if not graduated else "un-m49|un-desa-stp-ldc",
                basis="listed_by",
                to="2024-12-12" if graduated else "",
                note="Graduated from the LDC category on 13 December 2024." if graduated else "",
            )
    return out


def write(path: Path, fieldnames: list[str], records: list[dict]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=fieldnames, lineterminator="\n")
        w.writeheader()
        w.writerows(records)


def main() -> None:
    with (REF / "entities.csv").open(encoding="utf-8", newline="") as fh:
        entities = list(csv.DictReader(fh))
    src_cols = ["id", "url", "title", "publisher", "publisher_zh", "language", "checked", "note"]
    write(REF / "grouping_sources.csv", src_cols, [dict(zip(src_cols, s)) for s in SOURCES])
    g_cols = ["code", "name_en", "name_zh", "kind", "source_id", "note"]
    write(REF / "groupings.csv", g_cols, [dict(zip(g_cols, g)) for g in GROUPINGS])
    m = sorted(members(entities), key=lambda r: (r["grouping"], r["code"], r["from"]))
    write(
        REF / "grouping_members.csv", ["grouping", "code", "role", "from", "from_basis", "to", "source_ids", "note"], m
    )
    print(f"{len(SOURCES)} sources, {len(GROUPINGS)} groupings, {len(m)} membership rows")


if __name__ == "__main__":
    main()
