"""Map any written name of a country, region or organization to its code — or refuse.

Sources write names in many ways: "Republic of Korea", "Korea, Rep.", "韩国",
"安哥拉共和國" (traditional characters), "Hong Kong SAR (as member of the PRC
delegation)". Matching is exact on a normalised form of the aliases in the
reference tables, never fuzzy: a fuzzy match is how pycountry turns "Republic of
Korea" into North Korea. A wrong match is worse than a refusal, so:

- A qualified name ("X (Y)", "X, Y", "Y: X") matches only as a whole, through an alias.
  The one exception is "X (Y)" where both halves name the *same* thing ("伊朗伊斯蘭共和國
  (Iran)", "International Organization for Migration (IOM)"), or where the part in
  brackets is an explanatory note ("Hong Kong SAR (as member of the PRC delegation)").
  "Congo (Kinshasa)" is never the Congo, "Virgin Islands (U.S.)" never the United States.
- A short code that is both a country's ISO code and an organization's acronym ("AU":
  Australia or the African Union) is refused with both readings suggested.

Fuzzy matching (rapidfuzz) is used only to *suggest* the closest names for an unknown name:
in batches (one vectorised pass over every distinct unknown name), cached per alias table.
opencc and rapidfuzz are imported on first use, so importing this module is cheap.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from .text import clean_text

ENTITY = "country_or_region"
ORGANIZATION = "international_organization"

_CJK = re.compile(r"[\u3400-\u9fff]")
_PAREN = re.compile(r"^(?P<outer>.*?)\s*[(（](?P<inner>[^()（）]*)[)）]\s*$")
# Words that make the part in brackets a note about the participant, not another name.
_NOTE = re.compile(
    r"\b(as|member|members|delegation|delegations|session|sessions|behalf|representing|represented|"
    r"presented|participated|attended|via|video|online|observer|views)\b|代表团|成员|身份",
    re.IGNORECASE,
)
_SPACES = re.compile(r"[\s\u3000]+")
# Brackets organizers type around a note or a short form: （金） (金) 【金】 [金] 〔金〕 all read as (金).
_BRACKETS = str.maketrans(
    {
        "（": "(",
        "）": ")",
        "【": "(",
        "】": ")",
        "[": "(",
        "]": ")",
        "〔": "(",
        "〕": ")",
        "［": "(",
        "］": ")",
        "〖": "(",
        "〗": ")",
    }
)
_SPACE_AT_BRACKET = re.compile(r"\s*([()])\s*")
_SPACE_IN_CJK = re.compile(r"(?<=[\u3400-\u9fff])\s+(?=[\u3400-\u9fff])")
# A bracket that says whose delegation the participant came with: a note, never another name
# ("Hong Kong SAR (as member of the PRC delegation)", "(作为中国代表团成员)").
_MEMBERSHIP = re.compile(
    r"^\s*(as\s+)?(an?\s+)?(member|members|part)\s+of\b|^\s*作为.*成员|^\s*随.*代表团", re.IGNORECASE
)
# Words of a note, taken out of a bracket before asking whether what is left names something else.
_NOTE_WORDS = re.compile(
    r"\b(the|a|an|of|as|by|on|in|for|member|members|delegation|delegations|delegate|delegates|session|sessions|"
    r"behalf|representing|represented|representative|presented|participated|attended|via|video|online|"
    r"observer|observers|views|team|group|party)\b|代表团|代表|成员|身份|团组|观察员",
    re.IGNORECASE,
)
_AMPERSAND = re.compile(r"\s*&\s*")
_SAINT = re.compile(r"\bst\.?\s+")
SUGGEST_CHUNK = 512  # queries per cdist call: bounds the score matrix (512 × keys bytes)


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str | None) -> str:
    """Chinese text in simplified characters (OpenCC t2s); text without Chinese is returned as is.
    The build stores Chinese forms as their source writes them and this simplified form beside."""
    if not text:
        return ""
    return _t2s().convert(text) if _CJK.search(text) else text


def normalize(name: str) -> str:
    """A comparison key: NFKC, invisible characters removed, traditional→simplified Chinese, no
    accents, case-folded, apostrophes unified, whitespace collapsed, a leading "the" dropped, "&" read
    as "and", "St." as "Saint"."""
    s = to_simplified(clean_text(name)).translate(_BRACKETS)
    s = s.replace("’", "'").replace("‘", "'").replace("`", "'")
    if "(" in s or ")" in s:
        s = _SPACE_AT_BRACKET.sub(r"\1", s)  # "刚果 (金)" = "刚果(金)", "Congo ( Kinshasa )" = "Congo(Kinshasa)"
    if not s.isascii() and " " in s:
        s = _SPACE_IN_CJK.sub("", s)  # "中　国" (padded with ideographic spaces) = "中国"
    if not s.isascii():  # accents off (ASCII has none: the common case, kept fast)
        s = "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch))
        s = unicodedata.normalize("NFC", s)
    s = _SPACES.sub(" ", s.casefold()).strip(" .,;:")
    if s.startswith("the "):
        s = s[4:]
    if "&" in s:
        s = _AMPERSAND.sub(" and ", s)  # "Trinidad & Tobago"
    if "st" in s:
        s = _SAINT.sub("saint ", s)  # "St. Lucia", "St Helena"
    return s


def split_qualified(name: str) -> tuple[str, str] | None:
    """("Outer", "inner") for "Outer (inner)", else None."""
    m = _PAREN.match(clean_text(name).translate(_BRACKETS))
    if m and m.group("outer").strip() and m.group("inner").strip():
        return m.group("outer"), m.group("inner")
    return None


def is_note(text: str) -> bool:
    """Is this bracketed text an explanatory note ("as member of the PRC delegation")?"""
    return len(text.split()) >= 3 and bool(_NOTE.search(text))


@dataclass(frozen=True)
class Match:
    kind: str  # ENTITY or ORGANIZATION
    code: str


class UnknownName(LookupError):
    def __init__(self, name: str, suggestions: list[str], reason: str = "unknown") -> None:
        self.name, self.suggestions, self.reason = name, suggestions, reason
        hint = f"; closest: {', '.join(suggestions)}" if suggestions else ""
        super().__init__(f"{reason} name {name!r}{hint}")


class AliasIndex:
    """Normalised alias → code, built once from the reference tables; suggestions cached here."""

    def __init__(self, entities: pd.DataFrame, organizations: pd.DataFrame) -> None:
        self._index: dict[str, set[Match]] = {}
        self._label: dict[Match, str] = {}
        self._iso2: dict[str, Match] = {}
        org_names: dict[str, Match] = {}
        for kind, df in ((ENTITY, entities), (ORGANIZATION, organizations)):
            for row in df.itertuples(index=False):
                m = Match(kind, row.code)
                self._label[m] = f"{row.name_en} ({row.code})"
                names = [row.code, row.name_en, row.name_zh] + [a for a in row.aliases.split("|") if a]
                if kind == ORGANIZATION:
                    names.append(row.acronym)
                    for n in names:
                        org_names[normalize(n)] = m
                elif getattr(row, "iso2", ""):
                    self._iso2[normalize(row.iso2)] = m
                for n in names:
                    self._index.setdefault(normalize(n), set()).add(m)
        # Short codes with two readings: a country's ISO code that is also an organization's name
        # ("AU": Australia / African Union). Never matched; both readings suggested.
        self._clash: dict[str, set[Match]] = {}
        for key, org in org_names.items():
            ent = {m for m in self._index.get(key, set()) if m.kind == ENTITY}
            if key in self._iso2:
                ent.add(self._iso2[key])
            if ent and len(key) <= 3:
                self._clash[key] = ent | {org}
        self._keys = list(self._index)
        self._keys_by_kinds: dict[tuple[str, ...], list[str]] = {}
        self._suggestions: dict[tuple[str, tuple[str, ...]], tuple[str, ...]] = {}

    def ambiguous_aliases(self) -> dict[str, list[str]]:
        """Aliases that point at more than one code (the reference tables should have none)."""
        return {k: sorted(self._label[m] for m in v) for k, v in self._index.items() if len(v) > 1}

    def short_code_clashes(self) -> dict[str, list[str]]:
        """Short codes that read as a country or as an organization; refused, never matched."""
        return {k: sorted(self._label[m] for m in v) for k, v in self._clash.items()}

    def choices(self) -> dict[str, Match]:
        """Every country, region and organization by its label ('Brazil (BRA)'), for pick lists."""
        return {label: m for m, label in sorted(self._label.items(), key=lambda kv: kv[1])}

    def label(self, match: Match) -> str:
        return self._label[match]

    # --- suggestions (fuzzy, never a match) ---

    def _keys_for(self, kinds: tuple[str, ...]) -> list[str]:
        if kinds not in self._keys_by_kinds:
            self._keys_by_kinds[kinds] = [k for k in self._keys if any(m.kind in kinds for m in self._index[k])]
        return self._keys_by_kinds[kinds]

    def suggest_many(
        self, names: Iterable[str], kinds: tuple[str, ...] = (ENTITY, ORGANIZATION), limit: int = 3
    ) -> dict[str, tuple[str, ...]]:
        """Suggestions for each distinct name, computed once per name and alias table: one
        vectorised rapidfuzz ``cdist`` over the names not seen before, in bounded chunks."""
        import numpy as np
        from rapidfuzz import fuzz, process

        names = list(dict.fromkeys(names))
        todo = [n for n in names if (n, kinds) not in self._suggestions]
        keys = self._keys_for(kinds)
        for start in range(0, len(todo), SUGGEST_CHUNK):
            chunk = todo[start : start + SUGGEST_CHUNK]
            queries = [normalize(n) for n in chunk]
            scores = process.cdist(queries, keys, scorer=fuzz.WRatio, dtype=np.uint8, workers=1)
            width = min(limit * 4, len(keys))
            top = np.argpartition(-scores.astype(np.int16), width - 1, axis=1)[:, :width]
            for i, name in enumerate(chunk):
                order = sorted(top[i], key=lambda j: (-int(scores[i, j]), j))
                out: list[str] = []
                for j in order:
                    if scores[i, j] == 0:
                        break
                    for m in sorted(self._index[keys[j]], key=lambda m: m.code):
                        lab = self._label[m]
                        if m.kind in kinds and lab not in out:
                            out.append(lab)
                key = normalize(name)
                if key in self._iso2 and self._iso2[key].kind in kinds:  # "PE": a two-letter code for Peru
                    out.insert(0, self._label[self._iso2[key]])
                    out = list(dict.fromkeys(out))
                self._suggestions[(name, kinds)] = tuple(out[:limit])
        return {n: self._suggestions[(n, kinds)] for n in names}

    def suggest(self, name: str, kinds: tuple[str, ...] = (ENTITY, ORGANIZATION), limit: int = 3) -> list[str]:
        return list(self.suggest_many([name], kinds, limit)[name])

    # --- matching ---

    def _exact(self, key: str, kinds: tuple[str, ...]) -> set[Match]:
        return {m for m in self._index.get(key, set()) if m.kind in kinds}

    def match(self, name: str, kinds: tuple[str, ...] = (ENTITY, ORGANIZATION)) -> tuple[Match | None, str, list[str]]:
        """(match, "", []) or (None, reason, readings) without computing suggestions: reason is
        "unknown" or "ambiguous", readings the labels of the competing codes when ambiguous."""
        key = normalize(name)
        if key in self._clash:
            readings = sorted(self._label[m] for m in self._clash[key] if m.kind in kinds)
            if len(readings) > 1:
                return None, "ambiguous", readings
        found = self._exact(key, kinds)
        if not found and any(b in name for b in "(（[【〔［〖"):
            parts = split_qualified(clean_text(name))
            if parts:
                outer, inner = (self._exact(normalize(p), kinds) for p in parts)
                if len(outer) == 1 and outer == inner:  # both halves name the same thing
                    found = outer
                elif len(outer) == 1 and inner:  # "China (Hong Kong SAR)": two names, never a guess
                    return None, "ambiguous", sorted(self._label[m] for m in outer | inner)
                elif len(outer) == 1:
                    other = self._named_in_note(parts[0], parts[1], kinds) - outer
                    if other:  # "Sudan (South Sudan delegation)": the bracket names someone else
                        return None, "ambiguous", sorted(self._label[m] for m in outer | other)
                    rest = _NOTE_WORDS.sub(" ", parts[1]).strip(" ,;:-")
                    if _MEMBERSHIP.search(parts[1]) or is_note(parts[1]) or not rest:
                        found = outer
        if len(found) == 1:
            return next(iter(found)), "", []
        if len(found) > 1:
            return None, "ambiguous", sorted(self._label[m] for m in found)
        return None, "unknown", []

    def _named_in_note(self, outer: str, inner: str, kinds: tuple[str, ...]) -> set[Match]:
        """What a bracketed remark names besides the outer name: the remark without its note words as a
        name, any run of its words (or, in Chinese, any part of it) that is a name, and the remark read
        together with the outer name ("Democratic Republic" + "Congo" = the DR Congo). A remark that
        says whose delegation the participant came with ("as member of the PRC delegation") names no
        one else."""
        if _MEMBERSHIP.search(inner):
            return set()
        rest = _SPACES.sub(" ", _NOTE_WORDS.sub(" ", inner)).strip(" ,;:-")
        if not rest:
            return set()
        found: set[Match] = set()
        candidates = [rest, f"{rest} {outer}", f"{rest} of {outer}", f"{rest} of the {outer}", f"{outer} {rest}"]
        candidates += [f"{outer}, {rest}", f"{rest}{outer}", f"{outer}{rest}"]
        words = rest.split()
        for n in range(1, len(words) + 1):
            for i in range(len(words) - n + 1):
                gram = " ".join(words[i : i + n])
                if len(gram) > 3:  # never a three-letter code read inside a remark ("and", "per")
                    candidates.append(gram)
        for c in candidates:
            found |= self._exact(normalize(c), kinds)
        key = normalize(rest)
        if _CJK.search(key):
            for alias in self._cjk_keys():
                if alias in key:
                    found |= self._exact(alias, kinds)
        return found

    def _cjk_keys(self) -> list[str]:
        if not hasattr(self, "_cjk_cache"):
            self._cjk_cache = [k for k in self._keys if _CJK.search(k) and len(k) >= 2]
        return self._cjk_cache

    def resolve(self, name: str, kinds: tuple[str, ...] = (ENTITY, ORGANIZATION)) -> Match:
        m, reason, readings = self.match(name, kinds)
        if m is not None:
            return m
        raise UnknownName(name, readings if reason == "ambiguous" else self.suggest(name, kinds), reason=reason)
