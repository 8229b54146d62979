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
- Observers, partners and associate members (never counted as members): typed below with the stored
  pages that confirm them (``observers_and_partners``).
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
        "confirmed in stored news pages. Observers and dialogue partners: see their own sources.",
    ),
    (
        "brics-members",
        "https://brics.br/en/about-the-brics",
        "About BRICS (Brazil's 2025 BRICS chairship)",
        "BRICS Brasil 2025",
        "2025年金砖国家主席国巴西",
        "en",
        "search",
        "Egypt, Ethiopia, Iran and the UAE members from 1 January 2024 and Saudi Arabia invited (Johannesburg, "
        "August 2023): stored news pages. Saudi Arabia's own acceptance is not confirmed by a Saudi source: "
        "recorded as invited, not as a member. Indonesia from 6 January 2025. Partner countries: see their own "
        "sources.",
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
        "search",
        "Six members since the first leaders' meeting (Sanya, 23 March 2016). Confirmed: the six countries and "
        "the date in Xinhua's report of the first LMC Leaders' Meeting (China Daily, 23 March 2016, "
        "europe.chinadaily.com.cn/world/2016-03/23/content_24045829.htm). The lmcchina.org URL was not opened.",
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
        "search",
        "55 member states: the 54 African UN member states and the Sahrawi Arab Democratic Republic. Morocco "
        "rejoined on 30 January 2017. Suspensions are not modelled. Confirmed: 55 member states, and Morocco "
        "admitted by the Assembly's 28th ordinary session (January 2017, Assembly/AU/Dec.639(XXVIII)) with its "
        "instrument deposited on 31 January 2017, on the AU's own member-states page (amo.au.int/en/member-states, "
        "stored copy). The names are derived from entities.csv, not re-read; the au.int URL was not opened.",
    ),
    (
        "las-members",
        "http://www.lasportal.org/",
        "League of Arab States: member states",
        "League of Arab States",
        "阿拉伯国家联盟",
        "ar",
        "search",
        "22 member states. Syria's suspension (2011–2023) is not modelled. Accession years not transcribed: "
        "membership recorded as documented by 2023-05-07 (Syria's return). Confirmed: 22 member states and "
        "Syria's readmission by the Council of foreign ministers in Cairo on 7 May 2023 (AP and Sputnik reports "
        "of 7 May 2023, stored copies). The 22 names were not re-read from an official page; the lasportal.org "
        "URL was not opened.",
    ),
    (
        "celac-members",
        "https://celacinternational.org/",
        "Community of Latin American and Caribbean States: member states",
        "CELAC",
        "拉美和加勒比国家共同体",
        "es",
        "search",
        "33 member states since the founding summit (Caracas, 3 December 2011). CELAC has no permanent "
        "secretariat; the URL is a public information site, not confirmed as official. Confirmed: 'CELAC, which "
        "consists of 33 sovereign States', founded at the Caracas summit of 2–3 December 2011, in UN document "
        "A/66/647 (letter of Venezuela's Permanent Representative, 14 December 2011; stored copy). The names are "
        "derived from entities.csv (the UN member states of Latin America and the Caribbean), not re-read.",
    ),
    (
        "eu-members",
        "https://european-union.europa.eu/principles-countries-history/eu-countries_en",
        "EU countries",
        "European Union",
        "欧洲联盟",
        "en",
        "search",
        "27 member states with their accession dates; the United Kingdom was a member until 31 January 2020. "
        "Confirmed: every country and date of entry against the stored copy of the EU's own page "
        "(europa.eu/european-union/about-eu/countries_en: 'Year of entry', 'United Kingdom (left on 31 January "
        "2020)').",
    ),
    (
        "g20-members",
        "https://g20.org/about-the-g20/",
        "About the G20",
        "G20",
        "二十国集团",
        "en",
        "search",
        "19 countries, the European Union and (from 9 September 2023) the African Union; only the 19 "
        "countries are rows here (the two unions are organizations, not states). Confirmed: the 19 countries "
        "by name (Mint, 7 September 2023) and the African Union's admission at the New Delhi summit on "
        "9 September 2023 (stored news pages). The g20.org URL was not opened.",
    ),
    (
        "asean-png-observer",
        "https://www.asia-pacific-solidarity.net/news/2002-02-28/myanmar-objects-east-timor-bid-asean-observer-status.html",
        "Myanmar objects to East Timor bid for ASEAN observer status",
        "Agence France-Presse",
        "法新社",
        "en",
        "search",
        "28 February 2002: 'Observer status, now enjoyed by Papua New Guinea'. Papua New Guinea's earlier date "
        "of admission as observer is not transcribed.",
    ),
    (
        "asean-tls-observer",
        "https://www.nationthailand.com/world/asean/40021992",
        "East Timor granted observer status by Asean; path to full membership open",
        "The Nation (Thailand)",
        "泰国《民族报》",
        "en",
        "search",
        "The ASEAN leaders' statement of 11 November 2022 (Phnom Penh) admits Timor-Leste in principle and grants "
        "it observer status; it became a member on 26 October 2025.",
    ),
    (
        "sco-partners-2022",
        "https://newsghana.com.gh/egypt-and-qatar-granted-status-of-sco-dialogue-partner/",
        "Egypt and Qatar granted status of SCO dialogue partner",
        "News Ghana",
        "加纳新闻网",
        "en",
        "search",
        "Memoranda granting Egypt and Qatar dialogue-partner status signed on 14 September 2022 (Tashkent); "
        "observers then Afghanistan, Belarus, Iran and Mongolia; dialogue partners Armenia, Azerbaijan, "
        "Cambodia, Nepal, Sri Lanka and Turkey.",
    ),
    (
        "sco-partners-2023-05",
        "https://www.financialexpress.com/business/defence-sco-adds-kuwait-uae-myanmar-and-maldives-as-dialogue-partners-3076846/",
        "SCO adds Kuwait, UAE, Myanmar and Maldives as dialogue partners",
        "Financial Express",
        "印度《金融快报》",
        "en",
        "search",
        "Four memoranda signed at the end of the Council of Foreign Ministers in Goa (4–5 May 2023).",
    ),
    (
        "sco-partners-2023-07",
        "https://sputnikglobe.com/20230704/growing-across-eurasia-which-countries-want-to-join-sco-1111665310.html",
        "Growing across Eurasia: which countries want to join SCO",
        "Sputnik",
        "卫星通讯社",
        "en",
        "search",
        "4 July 2023: twelve dialogue partners named, Saudi Arabia and Bahrain among them.",
    ),
    (
        "sco-partners-2025",
        "https://tass.com/world/2010381",
        "With admission of Laos as partner SCO grows to 27 like-minded countries — Chinese MFA",
        "TASS",
        "塔斯社",
        "en",
        "search",
        "Tianjin summit, 1 September 2025 (Wang Yi): observer states and dialogue partners unified into one "
        "category, 'SCO partners'; Laos admitted as a partner. Before: 2 observers (Afghanistan, Mongolia) and 14 "
        "dialogue partners. Other reports of the same day say Laos was granted dialogue-partner status, its "
        "memorandum to be signed later.",
    ),
    (
        "brics-partners-2025",
        "https://www.independent.co.ug/uganda-8-other-countries-to-become-brics-partners-from-today/",
        "Uganda, 8 other countries to become BRICS partners from today",
        "The Independent (Uganda), from TASS",
        "乌干达《独立报》（转发塔斯社稿）",
        "en",
        "search",
        "The Russian Foreign Ministry: Belarus, Bolivia, Cuba, Indonesia, Kazakhstan, Malaysia, Thailand, Uganda "
        "and Uzbekistan BRICS partner states from 1 January 2025 (Indonesia became a member on 6 January 2025).",
    ),
    (
        "brics-partner-nga",
        "https://sputnikglobe.com/20250118/nigeria-joining-brics-as-partner-country-1121453222.html",
        "Nigeria joining BRICS as partner country",
        "Sputnik",
        "卫星通讯社",
        "en",
        "search",
        "Brazil's Foreign Ministry, 17 January 2025: 'the official accession of Nigeria as a partner country'.",
    ),
    (
        "brics-partner-vnm",
        "https://nigeria.news-pravda.com/nigeria/2025/06/14/2219.html",
        "Vietnam becomes BRICS partner country",
        "TASS",
        "塔斯社",
        "en",
        "search",
        "TASS, 14 June 2025, quoting Brazil's Foreign Ministry: Vietnam the tenth partner country. The exact day "
        "of Brazil's statement is not transcribed: recorded as a partner by 14 June 2025.",
    ),
    (
        "pif-associate-tkl",
        "https://www.tokelau.org.nz/Bulletin/August+2014+pre-SIDS/Tokelau+becomes+Associate+Member+of+Pacific+Islands+Forum.html",
        "Tokelau becomes Associate Member of Pacific Islands Forum",
        "Government of Tokelau",
        "托克劳政府",
        "en",
        "search",
        "Tokelau accepted as an associate member in 2014 (observer since 2005); the Forum Fisheries Agency's "
        "release of 7 August 2014 is quoted. Not re-confirmed for 2024–2025.",
    ),
    (
        "pif-associate-gum-asm",
        "https://samoanews.com/local-news/us-territories-get-voice-pacific-islands-forum",
        "US territories get a 'voice' in the Pacific Islands Forum",
        "Samoa News",
        "《萨摩亚新闻报》",
        "en",
        "search",
        "Guam and American Samoa raised from observers to associate members by the 53rd Leaders' Meeting "
        "(Nuku'alofa, Tonga, 26–30 August 2024).",
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
    out += observers_and_partners()
    out += m49_rows()
    return out


def observers_and_partners() -> list[dict]:
    """Observers, partners and associate members: never counted as members; shown beside them.
    Only statuses whose dates a stored page confirms are entered (see GROUPINGS.md for what was left out)."""
    out: list[dict] = []
    # ASEAN: Papua New Guinea an observer (documented by 28 Feb 2002); Timor-Leste an observer from the
    # leaders' statement of 11 Nov 2022 until the day before its admission (26 Oct 2025).
    out += rows("ASEAN", "PNG", "2002-02-28", "asean-png-observer", basis="listed_by", role="observer")
    out += rows("ASEAN", "TLS", "2022-11-11", "asean-tls-observer", role="observer", to="2025-10-25")
    # SCO: observers and dialogue partners until the Tianjin summit, which unified both into "SCO partners"
    # (1 Sep 2025) and admitted Laos. Dialogue partners are recorded as partners throughout.
    tianjin = "The Tianjin summit (1 September 2025) made observers and dialogue partners 'SCO partners'."
    for code in ("AFG", "MNG"):
        out += rows("SCO", code, "2022-09-14", "sco-partners-2022", basis="listed_by", role="observer", to="2025-08-31")
        out += rows("SCO", code, "2025-09-01", "sco-partners-2025", role="partner", note=tianjin)
    out += rows(
        "SCO",
        "ARM AZE KHM LKA NPL TUR",
        "2022-09-14",
        "sco-partners-2022|sco-partners-2025",
        basis="listed_by",
        role="partner",
        note="Dialogue partner. " + tianjin,
    )
    out += rows(
        "SCO",
        "EGY QAT",
        "2022-09-14",
        "sco-partners-2022|sco-partners-2025",
        role="partner",
        note="Dialogue partner (memorandum signed 14 September 2022). " + tianjin,
    )
    out += rows(
        "SCO",
        "ARE KWT MDV MMR",
        "2023-05-05",
        "sco-partners-2023-05|sco-partners-2025",
        role="partner",
        note="Dialogue partner (memorandum signed at the Goa foreign ministers' meeting, 4–5 May 2023). " + tianjin,
    )
    out += rows(
        "SCO",
        "BHR SAU",
        "2023-07-04",
        "sco-partners-2023-07|sco-partners-2025",
        basis="listed_by",
        role="partner",
        note="Dialogue partner. " + tianjin,
    )
    out += rows("SCO", "LAO", "2025-09-01", "sco-partners-2025", role="partner", note="Admitted at the Tianjin summit.")
    # BRICS partner countries (a category created at the Kazan summit, October 2024).
    out += rows("BRICS", "BLR BOL CUB KAZ MYS THA UGA UZB", "2025-01-01", "brics-partners-2025", role="partner")
    out += rows("BRICS", "NGA", "2025-01-17", "brics-partner-nga", role="partner")
    out += rows("BRICS", "VNM", "2025-06-14", "brics-partner-vnm", basis="listed_by", role="partner")
    # Pacific Islands Forum associate members (territories; not counted as members).
    out += rows("PIF", "TKL", "2014-08-07", "pif-associate-tkl", basis="listed_by", role="associate_member")
    out += rows("PIF", "ASM GUM", "2024-08-30", "pif-associate-gum-asm", basis="listed_by", role="associate_member")
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
