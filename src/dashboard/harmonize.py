"""Map any written name of a country, region or organization to its code.

Sources write names in many ways: "Republic of Korea", "Korea, Rep.", "韩国",
"安哥拉共和國" (traditional characters), "Hong Kong SAR (as member of the PRC
delegation)". Matching is exact on a normalised form of the aliases in the
reference tables, never fuzzy: a fuzzy match is how pycountry turns "Republic of
Korea" into North Korea. Fuzzy matching (rapidfuzz) is used only to *suggest*
the closest names in the error message for an unknown name.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import opencc
import pandas as pd
from rapidfuzz import fuzz, process

ENTITY = "country_or_region"
ORGANIZATION = "international_organization"

_CJK = re.compile(r"[\u3400-\u9fff]")
_PAREN = re.compile(r"^(?P<outer>.*?)\s*[(（](?P<inner>[^()（）]*)[)）]\s*$")


@lru_cache(maxsize=1)
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def to_simplified(text: str | None) -> str:
    """Chinese text in simplified characters (OpenCC t2s); text without Chinese is returned as is.
    The build stores Chinese forms as their source writes them and this simplified form beside."""
    if not text:
        return ""
    return _t2s().convert(text) if _CJK.search(text) else text


def normalize(name: str) -> str:
    """A comparison key: NFKC, traditional→simplified Chinese, no accents, case-folded,
    apostrophes unified, whitespace collapsed, a leading "the" dropped."""
    s = unicodedata.normalize("NFKC", str(name)).strip()
    if _CJK.search(s):
        s = _t2s().convert(s)
    s = s.replace("’", "'").replace("‘", "'").replace("`", "'")
    s = "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch))
    s = unicodedata.normalize("NFC", s).casefold()
    s = re.sub(r"[\s\u3000]+", " ", s).strip(" .,;:")
    s = re.sub(r"^the ", "", s)
    return s


def candidates(name: str) -> list[str]:
    """The name itself, and for "Outer (inner)" both parts: "Angola (安哥拉)", "IOM (International …)"."""
    out = [name]
    m = _PAREN.match(name.strip())
    if m:
        out += [m.group("outer"), m.group("inner")]
    return [c for c in out if c and c.strip()]


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
    """Normalised alias → code, built once from the reference tables."""

    def __init__(self, entities: pd.DataFrame, organizations: pd.DataFrame) -> None:
        self._index: dict[str, set[Match]] = {}
        self._label: dict[Match, str] = {}
        for kind, df in ((ENTITY, entities), (ORGANIZATION, organizations)):
            for row in df.itertuples(index=False):
                m = Match(kind, row.code)
                self._label[m] = f"{row.name_en} ({row.code})"
                names = [row.code, row.name_en, row.name_zh] + [a for a in row.aliases.split("|") if a]
                if kind == ORGANIZATION:
                    names.append(row.acronym)
                for n in names:
                    self._index.setdefault(normalize(n), set()).add(m)
        self._keys = list(self._index)

    def ambiguous_aliases(self) -> dict[str, list[str]]:
        """Aliases that point at more than one code (the reference tables should have none)."""
        return {k: sorted(self._label[m] for m in v) for k, v in self._index.items() if len(v) > 1}

    def choices(self) -> dict[str, Match]:
        """Every country, region and organization by its label ('Brazil (BRA)'), for pick lists."""
        return {label: m for m, label in sorted(self._label.items(), key=lambda kv: kv[1])}

    def label(self, match: Match) -> str:
        return self._label[match]

    def suggest(self, name: str, kinds: tuple[str, ...] = (ENTITY, ORGANIZATION), limit: int = 3) -> list[str]:
        hits = process.extract(normalize(name), self._keys, scorer=fuzz.WRatio, limit=limit * 4)
        out: list[str] = []
        for key, _score, _ in hits:
            for m in sorted(self._index[key], key=lambda m: m.code):
                lab = self._label[m]
                if m.kind in kinds and lab not in out:
                    out.append(lab)
        return out[:limit]

    def resolve(self, name: str, kinds: tuple[str, ...] = (ENTITY, ORGANIZATION)) -> Match:
        found: set[Match] = set()
        for cand in candidates(name):
            found |= {m for m in self._index.get(normalize(cand), set()) if m.kind in kinds}
        if len(found) == 1:
            return next(iter(found))
        if len(found) > 1:
            raise UnknownName(name, sorted(self._label[m] for m in found), reason="ambiguous")
        raise UnknownName(name, self.suggest(name, kinds))
