"""The strict check of the Chinese view (issue 18 item 8): no Latin-script word outside the one
reviewed allowlist, tests/zh_allowlist.yaml (URLs, file names, product and standard names, units,
citation titles in their own language, names no Chinese source gives; every entry says why).

Unlike the older check it replaced, it does not skip capitalised words or anything found in the data:
an English title, publisher, region or organization name shown in Chinese is a finding."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import yaml

ALLOWLIST = Path(__file__).with_name("zh_allowlist.yaml")
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")
MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~<])")
HTML_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
QUOTED = re.compile(r"“([^”]*)”|（([^）]*)）")


@cache
def allowlist() -> dict:
    data = yaml.safe_load(ALLOWLIST.read_text(encoding="utf-8"))
    for section in ("patterns", "terms", "whole_texts", "data"):
        for entry in data.get(section) or []:
            assert str(entry.get("why", "")).strip(), f"{ALLOWLIST.name}: entry without a reason: {entry}"
    return data


def data_allowed(ds, uploaded: list[str] = ()) -> list[str]:
    """The strings the allowlist's data classes cover, for this dataset (longest first)."""
    classes = {e["class"] for e in allowlist().get("data") or []}
    out: set[str] = set()
    if "person_names_without_chinese_form" in classes:
        p = ds.people
        out |= {n for n in p.loc[p.name_zh.fillna("") == "", "name"].dropna().astype(str) if n}
    if "source_titles" in classes:
        out |= {t for t in ds.sources.title.dropna().astype(str) if t and not t.startswith("(")}
    if "conflict_quoted_wording" in classes:
        for col in ("detail_zh", "issue_zh"):
            for text in ds.conflicts[col].dropna().astype(str) if col in ds.conflicts else []:
                out |= {q for pair in QUOTED.findall(text) for q in pair if q and LATIN_WORD.search(q)}
    if "names_as_written" in classes:
        out |= {n for n in ds.people.name_as_written.dropna().astype(str) if n}
    if "topics_without_chinese_source" in classes:
        tp = ds.topics
        zh = tp[tp.language == "zh"]
        local = set(zip(zh.edition, zh.scope, zh.kind))
        no_local = [(e, s, k) not in local for e, s, k in zip(tp.edition, tp.scope, tp.kind)]
        english = tp[(tp.language == "en").to_numpy() & no_local]
        out |= {x for x in english.text.dropna().astype(str) if x}
    if "outcomes_as_written" in classes:
        out |= {x for x in ds.outcomes.item.dropna().astype(str) if x}
        out |= {x for x in ds.side_events.name.dropna().astype(str) if x}
    if "uploaded_file_values" in classes:
        out |= {u for u in uploaded if u}
    return sorted(out, key=len, reverse=True)


def _cleaned(text: str, allowed_data, al) -> str:
    """``text`` with everything the allowlist allows blanked out."""
    s = HTML_TAG.sub(" ", MD_ESCAPE.sub(r"\1", str(text)))
    s = s.replace("&nbsp;", " ").replace("&amp;", "&")
    for rx in al["_patterns"]:
        s = rx.sub(" ", s)
    for term in al["_terms"]:
        s = term.sub(" ", s)
    rx = _data_pattern(tuple(allowed_data))
    return rx.sub(" ", s) if rx is not None else s


@cache
def _data_pattern(values: tuple[str, ...]):
    """One pattern for the allowed data strings, longest first, matched as whole words (an allowed
    'A' must not hide the A of 'ASEAN')."""
    if not values:
        return None
    alternation = "|".join(re.escape(v) for v in sorted(set(values), key=len, reverse=True))
    return re.compile(rf"(?<![A-Za-z])(?:{alternation})(?![A-Za-z])")


def _compiled() -> dict:
    al = dict(allowlist())
    al["_patterns"] = [re.compile(e["regex"]) for e in al.get("patterns") or []]
    # whole words only: the term 'R' (the statistics software) must not hide the R of 'Riley'
    al["_terms"] = [
        re.compile(rf"(?<![A-Za-z]){re.escape(x)}(?![A-Za-z])")
        for x in sorted((str(e["text"]) for e in al.get("terms") or []), key=len, reverse=True)
    ]
    al["_whole"] = {str(e["text"]) for e in al.get("whole_texts") or [] if "text" in e}
    al["_whole_rx"] = [re.compile(e["regex"]) for e in al.get("whole_texts") or [] if "regex" in e]
    return al


def _whole(text, al) -> bool:
    s = str(text).strip()
    return s in al["_whole"] or any(rx.fullmatch(s) for rx in al["_whole_rx"])


def latin_words(texts, allowed_data: list[str] = ()) -> list[str]:
    """Every Latin-script word left in ``texts`` once the allowlist's patterns, terms and data are
    taken out (Markdown escapes and HTML tags removed first)."""
    al = _compiled()
    found = []
    for text in texts:
        if _whole(text, al):
            continue
        found += [m.group(0) for m in LATIN_WORD.finditer(_cleaned(text, allowed_data, al))]
    return found


def latin_in_context(texts, allowed_data: list[str] = (), width: int = 30) -> list[str]:
    """The offending words with the text around them, as left after the allowlist (for a readable
    failure)."""
    al = _compiled()
    out = []
    for text in texts:
        if _whole(text, al):
            continue
        s = _cleaned(text, allowed_data, al)
        words = list(LATIN_WORD.finditer(s))
        if words:
            i = words[0].start()
            out.append(f"{[w.group(0) for w in words[:6]]} in …{s[max(0, i - width) : i + width]}…")
    return out
