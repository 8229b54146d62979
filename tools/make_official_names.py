"""Generate data/reference/official_names_zh.csv: the official Chinese short and full names of every
country and region a public source gives, with the source on every row.

Run by hand when the reference needs refreshing (never at app run time), then regenerate the entities:

    python tools/make_official_names.py && python tools/make_entities.py

Source: the vendored ``data/reference/world_geo_json_zh/world.zh.json`` (npm @surbowl/world-geo-json-zh
2.1.5, The Unlicense; sha256 checked below), whose ``name`` and ``full_name`` properties are the
Chinese short and full names that its README attributes to the Ministry of Foreign Affairs of the
PRC, 国家（地区）列表 (https://www.mfa.gov.cn/web/gjhdq_676201/gj_676203/), next to the UN's list of
member states. The MFA's own pages cannot be fetched from this machine; this is the only public,
machine-readable copy of the ministry's names found (searched: package registries, GitHub, stored
pages). Every row says so: ``source_url`` is the ministry's list, ``via`` the compilation.

Nothing is invented here: a code the source does not name gets no row (the count is printed), and
the reviewed exceptions below are left out with their reason.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GEO = ROOT / "data" / "reference" / "world_geo_json_zh" / "world.zh.json"
GEO_SHA256 = "763e5af050a343852ca4140f144ac433fa44751ac4d883051a306a229a22c90c"
ENTITIES = ROOT / "data" / "reference" / "entities.csv"
OUT = ROOT / "data" / "reference" / "official_names_zh.csv"

SOURCE = {
    "source_url": "https://www.mfa.gov.cn/web/gjhdq_676201/gj_676203/",
    "publisher": "中华人民共和国外交部 (Ministry of Foreign Affairs of the PRC), 国家和组织 — 国家（地区）列表",
    "via": "npm @surbowl/world-geo-json-zh 2.1.5 (https://github.com/Surbowl/world-geo-json-zh), "
    "properties name and full_name; file sha256 " + GEO_SHA256[:16] + "…",
    "language": "zh-Hans",
    # the compilation's release (npm registry's publication time of 2.1.5) and when it was read here
    "list_date": "2026-01-15",
    "retrieved": "2026-12-06",
}

# Names of the source left out on purpose (each a name that reads as something else, so matching it
# would be a guess): the short name only, the full name stays.
SKIP_SHORT = {
    "CAF": "中非 also reads as Central Africa and as China–Africa",
    "FSM": "密克罗尼西亚 is also a UN M49 sub-region (Micronesia)",
}
# Features of the source that are not the entity their code says (Australia's Ashmore and Cartier
# Islands carry AUS) or have no ISO code (-99: Somaliland, Northern Cyprus, Siachen Glacier).
SKIP_FEATURE_NAMES = {"阿什莫尔和卡捷群岛"}
# Where the source's form is not the ministry's current one, a note says so (the name still names
# that one entity, so it stays as an alias).
NOTES = {
    "SWZ": "斯威士兰 is the name before the country's 2018 renaming; the ministry now writes 埃斯瓦蒂尼（王国）",
}
# The two special administrative regions are not in the ministry's list of countries: their legal full
# names are in their Basic Laws (article 10: the regional emblem bears the name; the laws' titles),
# adopted by the National People's Congress. Read in the stored copies of the laws' text named in ``via``.
BASIC_LAWS = [
    {
        "code": "HKG",
        "short_zh": "",
        "full_zh": "中华人民共和国香港特别行政区",
        "remark": "",
        "source_url": "https://www.shdbkk.com/html_3/falu/22936/list/1.html",
        "publisher": "全国人民代表大会 (National People's Congress): 《中华人民共和国香港特别行政区基本法》"
        "(adopted 1990-04-04), title and article 10",
        "via": "the law's text as stored at the source_url (a copy of the law, not the NPC's own site)",
        "language": "zh-Hans",
        "list_date": "1990-04-04",
        "retrieved": "2026-12-06",
        "note": "legal full name of the region; never China",
    },
    {
        "code": "MAC",
        "short_zh": "",
        "full_zh": "中华人民共和国澳门特别行政区",
        "remark": "",
        "source_url": "http://www.lknet.ac.cn/d/zgly/8ae73bc44e49b22628d02e0e2dbb9e77.html",
        "publisher": "全国人民代表大会 (National People's Congress): 《中华人民共和国澳门特别行政区基本法》"
        "(adopted 1993-03-31), title and article 10",
        "via": "article 10's wording as quoted in 《澳门特别行政区区旗与区徽》, 内蒙古林业 1999年12期 (stored abstract)",
        "language": "zh-Hans",
        "list_date": "1993-03-31",
        "retrieved": "2026-12-06",
        "note": "legal full name of the region; never China",
    },
]
# "圣赫勒拿岛（英国）": the bracket names the administering state; kept apart as ``remark`` so that
# the alias is the name itself (a bracket naming another country makes a written name ambiguous).
_REMARK = re.compile(r"^(?P<name>.+?)（(?P<remark>[^（）]+)）$")
_STATES = {"英国", "美国", "法国", "荷兰", "丹麦", "芬兰", "澳大利亚", "新西兰", "挪威"}


def main() -> None:
    data = GEO.read_bytes()
    if hashlib.sha256(data).hexdigest() != GEO_SHA256:
        raise SystemExit(f"{GEO.relative_to(ROOT)} is not the vendored 2.1.5 file (sha256 differs)")
    codes = [r["code"] for r in csv.DictReader(ENTITIES.open(encoding="utf-8"))]
    rows, seen = [], set()
    for feature in json.loads(data)["features"]:
        p = feature["properties"]
        code, short, full = p.get("iso_a3"), (p.get("name") or "").strip(), (p.get("full_name") or "").strip()
        if code not in codes or short in SKIP_FEATURE_NAMES or code in seen:
            continue
        seen.add(code)
        remark = ""
        m = _REMARK.match(full)
        if m and m.group("remark") in _STATES:
            full, remark = m.group("name"), m.group("remark")
        rows.append(
            {
                "code": code,
                "short_zh": "" if code in SKIP_SHORT else short,
                "full_zh": full,
                "remark": remark,
                **SOURCE,
                "note": NOTES.get(code, "")
                or (f"short name left out: {SKIP_SHORT[code]}" if code in SKIP_SHORT else ""),
            }
        )
    for row in BASIC_LAWS:
        if row["code"] in codes and row["code"] not in seen:
            seen.add(row["code"])
            rows.append(row)
    rows.sort(key=lambda r: r["code"])
    with OUT.open("w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    missing = sorted(set(codes) - seen)
    print(f"wrote {len(rows)} of {len(codes)} entities to {OUT.relative_to(ROOT)}; no source for {len(missing)}:")
    print(" ".join(missing))


if __name__ == "__main__":
    main()
