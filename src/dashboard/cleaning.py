"""Cleaning rules that turn transcribed facts into tidy rows.

Each rule is a small pure function so it can be tested and explained on the
methodology page: how seniority is derived from a title, which reported value
is preferred, how person ids are made.
"""

from __future__ import annotations

import re
import unicodedata

import pandas as pd

# Ordered: the first pattern that matches the *head* of the title (the words before
# " of ", "," or "(") decides. "Assistant Superintendent" must be tested before
# "Superintendent"; "Chief Ministerial Advisor of the Minister" is an advisor, not a minister.
_SENIORITY_RULES: list[tuple[str, str]] = [
    (r"\bassistant superintendent\b|\bofficer\b|\binspector\b", "official"),
    # Chinese protocol tells 部级 from 副部级: a vice or deputy minister is not a minister.
    (r"\b(vice|deputy)[ -]minister\b", "vice_minister"),
    (r"\bminister\b|\bstate councilor\b|\bhigh commissioner\b", "minister"),
    (r"\bunder-?secretary\b|\badvis[eo]r\b|\bassistant\b|\bdeputy director\b|\bcounsellor\b", "senior_official"),
    (
        r"\bdirector(-| )general\b|\bdirector\b|\bhead\b|\bcommissioner\b|\bsuperintendent\b|\bmayor\b|"
        r"\bpermanent secretary\b|\bpresident\b|\bchief\b|\bsecretary-general\b",
        "head_of_institution",
    ),
]


# Chinese titles (organizers' lists write 职务 in Chinese): the same levels, decided on the rank
# word the title ends with (Chinese puts the unit first: 国家移民管理局副局长, 外交部领事司司长).
# Ordered like the English rules: the first pattern that matches the title's end decides; deputies of a
# head of institution ("副局长", "副司长") are senior officials; Chinese protocol tells 部级 from 副部级,
# so a vice-minister (副部长, 部长助理) is not a minister.
_SENIORITY_RULES_ZH: list[tuple[str, str]] = [
    (r"(科长|科员|警官|警员|干事|专员|官员|(?<![副总])秘书|随员|联络官|警督|警司)$", "official"),
    (r"(副部长|副部長|部长助理|副大臣)$", "vice_minister"),
    (r"(部长|部長|大臣|国务委员|國務委員|高级专员|副?总理)$", "minister"),
    (r"(副(司|局|署|厅|处)长|副主任|副总监|副秘书长?|处长|参赞|顾问|助理)$", "senior_official"),
    (r"(司长|局长|署长|厅长|主任|总监|总长|秘书长|总干事|主席|总裁|院长|市长|总警监|大使)$", "head_of_institution"),
]
# A head of a unit below an institution (division, section, unit, desk, branch office) is a senior official,
# as its Chinese counterpart 处长/科长's superior is; "Head of the Immigration Department" stays a head.
_HEAD_OF_UNIT = re.compile(r"^\s*(deputy |acting )?head of (the )?(division|section|unit|desk|branch)\b")
_CJK_TITLE = re.compile(r"[\u3400-\u9fff]")


def title_head(title: str) -> str:
    """The rank words of a title: 'Director General of the Immigration Agency' -> 'director general'."""
    head = re.split(r"\s+of\s+|,|\(|;", title.strip(), maxsplit=1)[0]
    return head.casefold().strip()


def seniority(title: str | None) -> str:
    """Seniority level derived from an English title; 'not_derivable' when no rule applies.

    Chinese-only titles carry an English rendering in parentheses in the raw data;
    that rendering is used when the title itself has no Latin words.
    """
    text = title or ""
    zh = re.split(r"[(（]", text, maxsplit=1)[0].strip()
    if _CJK_TITLE.search(zh) and not re.search(r"[A-Za-z]", zh):
        # a Chinese title: its own rules first (a raw title may also carry an English rendering in
        # brackets, used when the Chinese rank word is not one of the rules')
        for part in re.split(r"[,，、;；/]|兼", zh):
            for pattern, level in _SENIORITY_RULES_ZH:
                if re.search(pattern, part.strip()):
                    return level
    if not re.search(r"[A-Za-z]", text.split("(")[0]) and "(" in text:
        text = text.split("(", 1)[1]
    if not re.search(r"[A-Za-z]", text):
        return next((level for pattern, level in _SENIORITY_RULES_ZH if re.search(pattern, text)), "not_derivable")
    # "Head of Division" is a 处长, not a head of institution: the unit a head leads decides first
    if _HEAD_OF_UNIT.search(text.casefold()):
        return "senior_official"
    head = title_head(text)
    for pattern, level in _SENIORITY_RULES:
        if re.search(pattern, head):
            return level
    return "not_derivable"


def slug(text: str) -> str:
    s = unicodedata.normalize("NFKD", text)
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", s.casefold()).strip("-")


def mark_preferred(figures: pd.DataFrame, preferred_source: dict[int, str], source_kind: dict[str, str]) -> pd.Series:
    """One preferred row per (edition, scope, metric).

    Rule, in order: the edition's preferred source (its official chair's statement);
    else the first row, in file order, from an official source; else the first row.
    All other values stay in the table: conflicts are shown, never dropped.
    """
    preferred = pd.Series(False, index=figures.index)
    for (edition, scope, _metric), grp in figures.groupby(["edition", "scope", "metric"], sort=False):
        chosen = None
        if scope == "sub_forum":
            hit = grp[grp["source_id"] == preferred_source.get(edition)]
            if len(hit):
                chosen = hit.index[0]
        if chosen is None:
            official = grp[grp["source_id"].map(source_kind) == "official"]
            chosen = official.index[0] if len(official) else grp.index[0]
        preferred[chosen] = True
    return preferred
