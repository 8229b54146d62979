"""Validation of raw rows: every row checked, every name resolved (or refused), one report.

Cells are cleaned first (NFKC, invisible characters removed, no-break spaces turned into spaces);
the marks organizers put in an empty cell ("-", "—", "/", "无", "N/A") are empty. Role and mode words
are compared after folding traditional Chinese to simplified (團長 = 团长). Editions are read in the
forms organizers write them (2025, "2025年", "第二届", "第2届", "2025 Lianyungang"); a list without
an edition column takes the edition chosen on upload. Titles (职务) give the seniority, by the same
rules as the sources' titles. Names are resolved once per distinct written name; suggestions for
unknown names are computed in one batch, for at most ``MAX_SUGGESTED_NAMES`` distinct names (the
report counts the rest).
"""

from __future__ import annotations

import re

import pandas as pd

from ..cleaning import seniority
from ..harmonize import AliasIndex, Match, to_simplified
from ..i18n import DEFAULT_LANGUAGE, t
from ..text import clean_text
from . import common as C
from .common import COLUMNS, MODES, ROLES, TITLE_COLUMNS, VALIDATED_COLUMNS, Report, RowIssue, either, series

ROLE_ALIASES = {
    "delegate": [
        "delegate",
        "participant",
        "representative",
        "member",
        "delegation member",
        "member of delegation",
        "代表",
        "参会代表",
        "团员",
        "成员",
        "代表团成员",
        "与会代表",
    ],
    "head_of_delegation": ["head of delegation", "head_of_delegation", "团长", "代表团团长"],
    "deputy_head_of_delegation": [
        "deputy head of delegation",
        "deputy_head_of_delegation",
        "deputy head",
        "副团长",
        "代表团副团长",
    ],
    "speaker": ["speaker", "panelist", "panellist", "发言人", "发言嘉宾", "演讲嘉宾", "主旨发言人"],
    "moderator": ["moderator", "chair", "主持人"],
    "observer": ["observer", "观察员"],
    "guest": ["guest", "invited guest", "嘉宾", "特邀嘉宾"],
    "liaison_officer": ["liaison officer", "liaison_officer", "liaison", "联络官", "联络员"],
    "accompanying": ["accompanying", "accompanying member", "attache", "attaché", "随员", "随行人员"],
    "staff": ["staff", "organizer", "organiser", "工作人员", "会务"],
    "other": ["other", "其他"],
    "not_stated": ["not_stated", "role not stated"],
}
MODE_ALIASES = {
    "in_person": [
        "in person",
        "in_person",
        "onsite",
        "on-site",
        "on site",
        "现场",
        "线下",
        "现场参会",
        "线下参会",
        "出席",
    ],
    "video": [
        "video",
        "online",
        "remote",
        "virtual",
        "视频",
        "线上",
        "视频连线",
        "线上参会",
        "视频参会",
        "网络",
        "远程",
    ],
}
FORMULA_START = ("=", "+", "-", "@")
# What follows "+", "-" or "@" in a formula: a function call, a cell reference or an arithmetic
# expression. "-" alone, "—", "- see note", "+86 10 1234 5678" are not formulas.
_FORMULA_BODY = re.compile(
    r"[A-Za-z_][A-Za-z0-9_.]*\s*\(|\$?[A-Za-z]{1,3}\$?\d+|[A-Za-z_]\w*!|\d[\d.]*\s*[-+*/^&=<>]\s*[\w(]"
)
# Marks organizers put in a cell that has nothing to say.
EMPTY_MARKS = frozenset(
    {"-", "--", "—", "——", "–", "/", "\\", "无", "暂无", "n/a", "na", "none", "nil", "不适用", "空"}
)
# What a spreadsheet shows for a formula whose result is an error.
SPREADSHEET_ERRORS = frozenset(
    {"#REF!", "#N/A", "#VALUE!", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!"}
)
MARKUP = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>|javascript:|on\w+\s*=", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_NUMBER = re.compile(r"[+-]?\d+(\.\d+)?")
_ZH_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_ORDINAL = re.compile(r"第\s*([0-9一二两三四五六七八九十〇零]+)\s*届")
_ORDINAL_EN = re.compile(r"(\d+)\s*(?:st|nd|rd|th)\b", re.IGNORECASE)
_ORDINAL_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7}
_YEAR = re.compile(r"(?<!\d)((?:19|20|21)\d\d)(?!\d)")


def _norm(s: object) -> str:
    return re.sub(r"[\s_]+", " ", to_simplified(clean_text(s)).casefold())


_ROLE_LOOKUP = {_norm(w): key for key, words in ROLE_ALIASES.items() for w in words}
_MODE_LOOKUP = {_norm(w): key for key, words in MODE_ALIASES.items() for w in words}


def _text(v: object) -> str:
    if v is None or (isinstance(v, float) and v != v):
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    s = clean_text(v)
    return "" if s.casefold() in EMPTY_MARKS else s


def is_formula(v: str) -> bool:
    """A cell that a spreadsheet would run as a formula: "=…", or "+", "-", "@" followed by a function
    call, a cell reference or arithmetic. A number ("-3"), a dash for an empty cell, a phone number
    are not."""
    if not v.startswith(FORMULA_START) or _NUMBER.fullmatch(v):
        return False
    body = v[1:].lstrip()
    if v.startswith("="):
        return bool(body)
    return bool(_FORMULA_BODY.match(body))


def _checked(v: str, lang: str = DEFAULT_LANGUAGE) -> tuple[str, str]:
    """(text, problem): formulas, markup, control characters and spreadsheet errors are refused
    whatever the column."""
    if is_formula(v):
        return v, t("looks like a spreadsheet formula; write the value itself", lang=lang)
    if _CONTROL.search(v):
        return v, t("contains control characters (such as NUL); retype the value", lang=lang)
    if v in SPREADSHEET_ERRORS:
        return v, t(
            "the spreadsheet shows an error ({value}) here; correct the formula or type the value", lang=lang, value=v
        )
    if "<" in v or ":" in v or "=" in v:
        if MARKUP.search(v):
            return v, t("contains HTML or script markup; plain text only", lang=lang)
    return v, ""


def _zh_number(s: str) -> int | None:
    if s.isdigit():
        return int(s)
    if "十" in s:
        tens, _, ones = s.partition("十")
        return (_ZH_DIGITS.get(tens, 0) if tens else 1) * 10 + (_ZH_DIGITS.get(ones, 0) if ones else 0)
    if len(s) == 1 and s in _ZH_DIGITS:
        return _ZH_DIGITS[s]
    return None


def parse_edition(value: str, numbers: dict[int, int]) -> int | None:
    """The edition (year) a cell names: a year anywhere in it ("2025", "2025年", "2025 Lianyungang",
    "2025.0"), or the edition's number ("第二届", "第2届", "2nd", "second"); None otherwise.
    ``numbers`` maps an edition's number to its year."""
    v = value.strip()
    m = re.fullmatch(r"(\d{4})(\.0+)?", v)
    if m:
        return int(m.group(1))
    years = set(_YEAR.findall(v))
    if len(years) == 1:
        return int(years.pop())
    if years:
        return None
    m = _ORDINAL.search(v) or _ORDINAL_EN.search(v)
    n = _zh_number(m.group(1)) if m else _ORDINAL_WORDS.get(v.casefold().split(" ")[0])
    return numbers.get(n) if n is not None else None


def validate(
    df: pd.DataFrame,
    name: str,
    index: AliasIndex,
    editions: list[int],
    resolutions: dict[str, Match] | None = None,
    *,
    edition: int | None = None,
    numbers: dict[int, int] | None = None,
    lang: str = DEFAULT_LANGUAGE,
) -> Report:
    """Check every row; resolve country/organization names (``resolutions`` maps an unknown written
    name to the match the user chose). Returns normalised rows and every issue found.

    ``editions`` are the editions the data knows, in the order they were held; ``numbers`` maps an
    edition's number to its year (default: the order of ``editions``). ``edition`` is the edition
    chosen on upload: rows with an empty edition cell (or a list without that column) belong to it.
    Messages are in ``lang`` (default: the current language)."""
    resolutions = resolutions or {}
    numbers = numbers or {i: e for i, e in enumerate(editions, start=1)}
    headers: dict[str, str] = dict(df.attrs.get("headers", {}))
    sheets = df["sheet"].astype(str).tolist() if "sheet" in df.columns else [""] * len(df)
    issues: list[RowIssue] = []
    pending: list[tuple[int, str, str]] = []  # (position in issues, written name, reason) awaiting suggestions
    out = []
    seen: dict[tuple, int] = {}
    resolved: dict[str, tuple[Match | None, str, list[str]]] = {}
    texts: dict[object, tuple[str, str]] = {}  # cell value → (cleaned text, problem); values repeat

    def text(v: object) -> tuple[str, str]:
        try:
            return texts[v]
        except KeyError:
            texts[v] = out_ = _checked(_text(v), lang)
            return out_
        except TypeError:  # unhashable
            return _checked(_text(v), lang)

    choices: dict[tuple[str, int], str | None] = {}

    def choice(value: str, lookup: dict[str, str]) -> str | None:
        key = (value, id(lookup))
        if key not in choices:
            choices[key] = lookup.get(_norm(value))
        return choices[key]

    def issue(row: int, sheet: str, column: str, message: str, **kw) -> RowIssue:
        return RowIssue(row, column, message, header=headers.get(column, ""), sheet=sheet, **kw)

    known_editions = series(editions, lang)
    columns = [df[c].astype(object).tolist() if c in df.columns else [None] * len(df) for c in COLUMNS]
    for row, sheet, *cells in zip(df["row"].astype(int).tolist(), sheets, *columns):
        checked = [text(v) for v in cells]
        values = {c: v for c, (v, _) in zip(COLUMNS, checked)}
        problems = [(c, v, p) for c, (v, p) in zip(COLUMNS, checked) if p]
        if problems:
            issues.extend(issue(row, sheet, c, p, value=v) for c, v, p in problems)
            continue
        if not values["edition"]:
            if edition is None:
                issues.append(
                    issue(row, sheet, "edition", t("missing edition (choose the edition of the list)", lang=lang))
                )
                continue
            year = edition
        else:
            year = parse_edition(values["edition"], numbers)
            if year is None:
                issues.append(
                    issue(
                        row,
                        sheet,
                        "edition",
                        t(
                            "{value} is not an edition the data knows (known: {known})",
                            lang=lang,
                            value=repr(values["edition"]),
                            known=known_editions,
                        ),
                        value=values["edition"],
                    )
                )
                continue
        if year not in editions:
            issues.append(
                issue(
                    row,
                    sheet,
                    "edition",
                    t(
                        "edition {edition} is not in the data (known: {known})",
                        lang=lang,
                        edition=year,
                        known=known_editions,
                    ),
                    value=values["edition"],
                )
            )
            continue
        role = choice(values["role"], _ROLE_LOOKUP) if values["role"] else "not_stated"
        if role is None:
            issues.append(
                issue(
                    row,
                    sheet,
                    "role",
                    t("{value} is not a known role", lang=lang, value=repr(values["role"])),
                    suggestions=ROLES,
                    value=values["role"],
                )
            )
            continue
        mode = choice(values["mode"], _MODE_LOOKUP) if values["mode"] else "in_person"
        if mode is None:
            issues.append(
                issue(
                    row,
                    sheet,
                    "mode",
                    t("{value} is not a known mode", lang=lang, value=repr(values["mode"])),
                    suggestions=MODES,
                    value=values["mode"],
                )
            )
            continue
        written = values["country_or_organization"]
        if not written:
            issues.append(
                issue(row, sheet, "country_or_organization", t("missing country/region or organization", lang=lang))
            )
            continue
        if written in resolutions:
            code, ptype = resolutions[written].code, resolutions[written].kind
        else:
            if written not in resolved:
                resolved[written] = index.match(written)
            match, reason, readings = resolved[written]
            if match is None:
                if reason == "ambiguous":
                    issues.append(
                        issue(
                            row,
                            sheet,
                            "country_or_organization",
                            t(
                                "ambiguous name {name}: it can be read as {readings}; write the full name",
                                lang=lang,
                                name=repr(written),
                                readings=either(readings, lang),
                            ),
                            suggestions=tuple(readings),
                            value=written,
                            reason="ambiguous",
                        )
                    )
                else:
                    pending.append((len(issues), written, reason))
                    issues.append(
                        issue(
                            row,
                            sheet,
                            "country_or_organization",
                            t("unknown name {name}", lang=lang, name=repr(written)),
                            value=written,
                            reason="unknown",
                        )
                    )
                continue
            code, ptype = match.code, match.kind
        key = (year, _norm(values["full_name"]), _norm(values["organization"]), code) if values["full_name"] else None
        if key is not None and key in seen:
            issues.append(
                issue(
                    row,
                    sheet,
                    "full_name",
                    t(
                        "duplicate of row {row} (same name, organization and country/organization)",
                        lang=lang,
                        row=seen[key],
                    ),
                    value=values["full_name"],
                )
            )
            continue
        if key is not None:
            seen[key] = row
        out.append(
            {
                "row": row,
                "edition": year,
                "full_name": values["full_name"],
                "organization": values["organization"],
                "written_name": written,
                "participant_type": ptype,
                "code": code,
                "delegation": values["delegation"],
                "role": role,
                "mode": mode,
                "title": values["title"],
                "seniority": seniority(values["title"]) if values["title"] else "",
            }
        )
    unknown = list(dict.fromkeys(w for _, w, _ in pending))
    suggested = index.suggest_many(unknown[: C.MAX_SUGGESTED_NAMES]) if unknown else {}
    for pos, written, _reason in pending:
        if written in suggested:
            old = issues[pos]
            issues[pos] = RowIssue(
                old.row,
                old.column,
                old.message,
                suggestions=suggested[written],
                value=written,
                reason=old.reason,
                header=old.header,
                sheet=old.sheet,
            )
    cols = ["row", *VALIDATED_COLUMNS, *TITLE_COLUMNS]
    return Report(
        name,
        pd.DataFrame(out, columns=cols),
        issues,
        unsuggested=max(0, len(unknown) - C.MAX_SUGGESTED_NAMES),
        notes=list(df.attrs.get("notes", [])),
    )
