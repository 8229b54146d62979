"""Validation of raw rows: every row checked, every name resolved (or refused), one report.

Cells are cleaned first (NFKC, invisible characters removed, no-break spaces turned into spaces).
Role and mode words are compared after folding traditional Chinese to simplified (團長 = 团长).
Names are resolved once per distinct written name; suggestions for unknown names are computed
in one batch, for at most ``MAX_SUGGESTED_NAMES`` distinct names (the report counts the rest).
"""

from __future__ import annotations

import re

import pandas as pd

from ..harmonize import AliasIndex, Match, to_simplified
from ..i18n import t
from ..text import clean_text
from . import common as C
from .common import COLUMNS, MODES, ROLES, VALIDATED_COLUMNS, Report, RowIssue, either, series

ROLE_ALIASES = {
    "delegate": ["delegate", "participant", "representative", "代表", "参会代表"],
    "head_of_delegation": ["head of delegation", "head_of_delegation", "团长", "代表团团长"],
    "speaker": ["speaker", "panelist", "panellist", "发言人", "发言嘉宾", "演讲嘉宾"],
    "moderator": ["moderator", "chair", "主持人"],
    "observer": ["observer", "观察员"],
    "staff": ["staff", "organizer", "organiser", "工作人员", "会务"],
    "other": ["other", "其他"],
}
MODE_ALIASES = {
    "in_person": ["in person", "in_person", "onsite", "on-site", "现场", "线下"],
    "video": ["video", "online", "remote", "virtual", "视频", "线上"],
}
FORMULA_START = ("=", "+", "-", "@")
MARKUP = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>|javascript:|on\w+\s*=", re.IGNORECASE)
_NUMBER = re.compile(r"[+-]?\d+(\.\d+)?")


def _norm(s: object) -> str:
    return re.sub(r"[\s_]+", " ", to_simplified(clean_text(s)).casefold())


_ROLE_LOOKUP = {_norm(w): key for key, words in ROLE_ALIASES.items() for w in words}
_MODE_LOOKUP = {_norm(w): key for key, words in MODE_ALIASES.items() for w in words}


def _text(v: object) -> str:
    if v is None or (isinstance(v, float) and v != v):
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return clean_text(v)


def _checked(v: str) -> tuple[str, str]:
    """(text, problem): formulas and markup are refused whatever the column."""
    if v.startswith(FORMULA_START) and not _NUMBER.fullmatch(v):
        return v, t("looks like a spreadsheet formula; write the value itself")
    if "<" in v or ":" in v or "=" in v:
        if MARKUP.search(v):
            return v, t("contains HTML or script markup; plain text only")
    return v, ""


def validate(
    df: pd.DataFrame, name: str, index: AliasIndex, editions: list[int], resolutions: dict[str, Match] | None = None
) -> Report:
    """Check every row; resolve country/organization names (``resolutions`` maps an unknown written
    name to the match the user chose). Returns normalised rows and every issue found."""
    resolutions = resolutions or {}
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
            texts[v] = out_ = _checked(_text(v))
            return out_
        except TypeError:  # unhashable
            return _checked(_text(v))

    choices: dict[tuple[str, int], str | None] = {}

    def choice(value: str, lookup: dict[str, str]) -> str | None:
        key = (value, id(lookup))
        if key not in choices:
            choices[key] = lookup.get(_norm(value))
        return choices[key]

    columns = [df[c].astype(object).tolist() if c in df.columns else [None] * len(df) for c in COLUMNS]
    for row, *cells in zip(df["row"].astype(int).tolist(), *columns):
        checked = [text(v) for v in cells]
        values = {c: v for c, (v, _) in zip(COLUMNS, checked)}
        problems = [(c, v, p) for c, (v, p) in zip(COLUMNS, checked) if p]
        if problems:
            issues.extend(RowIssue(row, c, p, value=v) for c, v, p in problems)
            continue
        if not values["edition"]:
            issues.append(RowIssue(row, "edition", t("missing edition (the year of the sub-forum)")))
            continue
        m = re.fullmatch(r"(\d{4})(\.0+)?", values["edition"])
        if not m:
            issues.append(
                RowIssue(
                    row, "edition", t("{value} is not a year", value=repr(values["edition"])), value=values["edition"]
                )
            )
            continue
        edition = int(m.group(1))
        if edition not in editions:
            issues.append(
                RowIssue(
                    row,
                    "edition",
                    t("edition {edition} is not in the data (known: {known})", edition=edition, known=series(editions)),
                    value=values["edition"],
                )
            )
            continue
        role = choice(values["role"], _ROLE_LOOKUP) if values["role"] else None
        if role is None:
            message = (
                t("{value} is not a known role", value=repr(values["role"])) if values["role"] else t("missing role")
            )
            issues.append(RowIssue(row, "role", message, suggestions=ROLES, value=values["role"]))
            continue
        mode = choice(values["mode"], _MODE_LOOKUP) if values["mode"] else "in_person"
        if mode is None:
            issues.append(
                RowIssue(
                    row,
                    "mode",
                    t("{value} is not a known mode", value=repr(values["mode"])),
                    suggestions=MODES,
                    value=values["mode"],
                )
            )
            continue
        written = values["country_or_organization"]
        if not written:
            issues.append(RowIssue(row, "country_or_organization", t("missing country/region or organization")))
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
                        RowIssue(
                            row,
                            "country_or_organization",
                            t(
                                "ambiguous name {name}: it can be read as {readings}; write the full name",
                                name=repr(written),
                                readings=either(readings),
                            ),
                            suggestions=tuple(readings),
                            value=written,
                            reason="ambiguous",
                        )
                    )
                else:
                    pending.append((len(issues), written, reason))
                    issues.append(
                        RowIssue(
                            row,
                            "country_or_organization",
                            t("unknown name {name}", name=repr(written)),
                            value=written,
                            reason="unknown",
                        )
                    )
                continue
            code, ptype = match.code, match.kind
        key = (
            (edition, _norm(values["full_name"]), _norm(values["organization"]), code) if values["full_name"] else None
        )
        if key is not None and key in seen:
            issues.append(
                RowIssue(
                    row,
                    "full_name",
                    t("duplicate of row {row} (same name, organization and country/organization)", row=seen[key]),
                    value=values["full_name"],
                )
            )
            continue
        if key is not None:
            seen[key] = row
        out.append(
            {
                "row": row,
                "edition": edition,
                "full_name": values["full_name"],
                "organization": values["organization"],
                "written_name": written,
                "participant_type": ptype,
                "code": code,
                "delegation": values["delegation"],
                "role": role,
                "mode": mode,
            }
        )
    unknown = list(dict.fromkeys(w for _, w, _ in pending))
    suggested = index.suggest_many(unknown[: C.MAX_SUGGESTED_NAMES]) if unknown else {}
    for pos, written, _reason in pending:
        if written in suggested:
            old = issues[pos]
            issues[pos] = RowIssue(
                old.row, old.column, old.message, suggestions=suggested[written], value=written, reason=old.reason
            )
    cols = ["row", *VALIDATED_COLUMNS]
    return Report(
        name, pd.DataFrame(out, columns=cols), issues, unsuggested=max(0, len(unknown) - C.MAX_SUGGESTED_NAMES)
    )
