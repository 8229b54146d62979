"""Citations as an editor wants them: what each source can support, which sources a claim cites,
and a readable, unique label per source.

* Each source record says what it can support (``supports`` in ``data/raw/sources.yaml``):
  ``participation``, ``figures``, ``name_or_title`` (only how a person's name or title is written)
  or ``context``. A source is cited only for a claim it supports: a name-or-title source is never
  evidence that a country or person took part.
* A claim cites at most :data:`MAX_REFERENCES` sources, the strongest first: the official original
  (the edition's preferred source, the chair's statement, first), then other official pages, then
  independent reports, then other pages; mirrors only when nothing else supports the claim, and
  then labelled as mirrors. The full list stays on the Sources page.
* Labels: publisher, short title, date, language ("National Immigration Administration of China,
  “Chair's statement, 2025”, 14 Oct 2025, English"): unique, and no id, path or file name.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import pandas as pd

from . import locale_rules, provenance
from .dataset import Dataset
from .i18n import babel_locale, t
from .memo import per_dataset
from .vocab import SOURCE_KIND_RULES, SOURCE_SUBKINDS

MAX_REFERENCES = 3
PARTICIPATION, FIGURES, NAME_OR_TITLE, CONTEXT = "participation", "figures", "name_or_title", "context"
# Strength of each kind of source (lower is stronger), defined with the kinds in the vocabulary
# (vocab.SOURCE_KIND_RULES). A kind in the vocabulary without a tier is refused by the build
# (:func:`untiered_kinds`), never silently ranked last.
TIER = {code: tier for code, (_kind, tier) in SOURCE_KIND_RULES.items()}
MIRROR_TIER = TIER["mirror"]


def untiered_kinds() -> list[str]:
    """Kinds of source in the vocabulary that have no citation tier (the build refuses them)."""
    return [k for k in SOURCE_SUBKINDS.codes if k not in TIER]


def _ids(source_ids: str | Iterable[str]) -> list[str]:
    parts = source_ids.split("|") if isinstance(source_ids, str) else [p for s in source_ids for p in str(s).split("|")]
    return list(dict.fromkeys(p for p in parts if p and p != "nan"))


def supports(row) -> set[str]:
    """What a source record can support. Organizers' lists (added at run time) support participation
    and figures."""
    val = getattr(row, "supports", None)
    if isinstance(val, str) and val:
        return set(val.split("|"))
    if getattr(row, "kind", "") == "organizer_list":
        return {PARTICIPATION, FIGURES}
    return set()


def tier(row) -> int:
    """The citation tier of a source record, by its kind (``subkind``)."""
    return TIER[row.subkind]


def _table(ds: Dataset) -> pd.DataFrame:
    return ds.sources.set_index("id")


@per_dataset
def _records(ds: Dataset) -> dict:
    """id -> source record (a named tuple): citations are looked up per row of every table on every
    rerun, and a dict lookup costs microseconds where a pandas ``.loc`` costs tens of them."""
    return {r.id: r for r in ds.sources.itertuples(index=False)}


# Between equally strong sources, one in this language comes first (a ranking rule of the citations,
# the same in every interface language, so every language cites the same sources).
TIE_BREAK_LANGUAGE = "en"


# Tiers up to this one are originals: the host's and other governments' own pages, organizers'
# lists, news. Above it: press releases, rewrites and aggregators (never cited ahead of an original).
ORIGINAL_TIER = 2


@per_dataset
def strongest(
    ds: Dataset,
    source_ids: str | Iterable[str],
    claim: str = PARTICIPATION,
    prefer: Iterable[str] = (),
    limit: int | None = MAX_REFERENCES,
    lang: str | None = None,
) -> list[str]:
    """The sources to cite for ``claim``, strongest first, at most ``limit``: only sources that
    support the claim; mirrors only when nothing else does. ``prefer``: ids ranked first within
    their tier (the edition's chair's statement).

    ``lang``, the reader's language: where its rules name a language cited first
    (:mod:`dashboard.locale_rules`, Chinese), an original in that language that supports the claim
    comes first, then the other originals in their usual order, then press releases, rewrites and
    aggregators, which never go ahead of an original in any language."""
    src = _records(ds)
    prefer = list(prefer)
    first = locale_rules.rules(lang).cite_first_language if lang else None
    rows = []
    for i, sid in enumerate(_ids(source_ids)):
        r = src.get(sid)
        if r is None:
            continue
        if claim not in supports(r):
            continue
        published = r.published if isinstance(r.published, str) else ""
        first_language = 0 if r.language == TIE_BREAK_LANGUAGE else 1
        strength = tier(r)
        group = 0
        if first is not None:
            group = (0 if r.language == first else 1) if strength <= ORIGINAL_TIER else 2
        rows.append((group, strength, 0 if sid in prefer else 1, first_language, published or "9999", i, sid))
    rows.sort()
    if any(r[1] != MIRROR_TIER for r in rows):
        rows = [r for r in rows if r[1] != MIRROR_TIER]
    ids = [r[-1] for r in rows]
    return ids[:limit] if limit else ids


def _date(published, lang: str) -> str:
    if not isinstance(published, str) or not published:
        return t("undated", lang=lang)
    from babel.dates import format_date

    parts = published.split("-")
    try:
        if len(parts) == 3:  # '14 Oct 2025' / '2025年10月14日' (CLDR's medium date for the language)
            return format_date(
                dt.date.fromisoformat(published),
                locale_rules.rules(lang).citation_day,
                locale=babel_locale(lang),
            )
        if len(parts) == 2:  # 'Oct 2025' / '2025年10月'
            return format_date(
                dt.date(int(parts[0]), int(parts[1]), 1),
                locale_rules.rules(lang).citation_month,
                locale=babel_locale(lang),
            )
    except ValueError:
        pass
    return published


def publisher(ds: Dataset, source_id: str, *, lang: str) -> str:
    """The publisher's name without the notes the fact sheet keeps in brackets: 'National Immigration
    Administration of China', 'Xinhua'."""
    return _publisher(_records(ds)[source_id], lang)


def _publisher(r, lang: str) -> str:
    """The publisher's own name in ``lang`` where the record gives one (``publisher_zh``: 国家移民管理局,
    新华社)."""
    local = getattr(r, f"publisher_{lang}", None)
    if isinstance(local, str) and local:
        return local
    name = str(r.publisher).split(" (")[0].split(", third-party mirror")[0].strip()
    return name or str(r.publisher)


def language_name(code: str, *, lang: str) -> str:
    """The language's name in the interface language, from CLDR through Babel ('English' / '英语')."""
    from babel import Locale

    return Locale.parse(babel_locale(lang)).languages.get(code, code)


def _label(r, lang: str, edition: int | None = None) -> str:
    if r.kind == "organizer_list":  # a file the user supplied: no publisher, title or language to show
        return list_label(list_file(r), edition, r.accessed, lang=lang)
    short = r.short_title if isinstance(getattr(r, "short_title", None), str) and r.short_title else str(r.title)
    local = getattr(r, f"short_title_{lang}", None)
    if isinstance(local, str) and local:
        short = local
    label = t(
        "{publisher}, \u201c{title}\u201d, {date}, {language}",
        lang=lang,
        publisher=_publisher(r, lang),
        title=short,
        date=_date(r.published, lang),
        language=locale_rules.written_language_name(language_name(r.language, lang=lang), lang),
    )
    if r.kind == "mirror":
        marked = t("{label} (mirror copy)", lang=lang, label=label)
        mark = marked.replace(label, "").strip()
        if mark not in label:  # the publisher's name may already say so: '国家移民管理局（第三方转载）'
            label = marked
    return label


@per_dataset
def labels(ds: Dataset, *, lang: str) -> dict[str, str]:
    """id -> readable label, unique across the registry (a repeat gets the page's own title added)."""
    editions = list_editions(ds)
    out = {sid: _label(r, lang, editions.get(sid)) for sid, r in _table(ds).iterrows()}
    seen: dict[str, list[str]] = {}
    for sid, lab in out.items():
        seen.setdefault(lab, []).append(sid)
    src = _table(ds)
    for lab, ids in seen.items():
        if len(ids) > 1:
            for sid in ids:
                out[sid] = f"{lab} \u2014 {src.loc[sid, 'title']}"
    return out


def label(ds: Dataset, source_id: str, *, lang: str) -> str:
    return labels(ds, lang=lang).get(source_id, "")


def display_title(ds: Dataset, source_id: str, *, lang: str) -> str:
    """A source's title as it gives it (in its own language); where the record holds this project's
    description of a page without a title ('(rewrite of the 2025 chair's statement)'), the short
    title in ``lang`` when the record has one."""
    r = _records(ds)[source_id]
    title = str(r.title)
    local = getattr(r, f"short_title_{lang}", None)
    if title.startswith("(") and isinstance(local, str) and local:
        return local
    return title


def source_language(ds: Dataset, source_id: str) -> str:
    """The language code of a source ('en', 'zh'…)."""
    return str(_records(ds)[source_id].language)


def url(ds: Dataset, source_id: str) -> str:
    return str(_records(ds)[source_id].url)


@per_dataset
def main_source_url(ds: Dataset, source_ids: str, claim: str = PARTICIPATION, lang: str | None = None) -> str:
    """The link to show as a row's 'main source': its strongest source for the claim (for a reader
    of ``lang``), never a name-or-title-only source nor an organizer's list (a file the user
    supplied, with no address); '' when no other source supports the claim."""
    # an organizer's list is the user's own file: its label names it, there is no address to open
    best = [s for s in strongest(ds, source_ids, claim, limit=None, lang=lang) if not is_organizer_list(ds, s)]
    return url(ds, best[0]) if best else ""


@per_dataset
def cited_labels(ds: Dataset, source_ids: str, claim: str = PARTICIPATION, *, lang: str) -> str:
    """'label; label; label (+2 more on the Sources page)' / '甲；乙；丙（……）': the strongest sources of a
    row for the claim in the reader's order, the others counted."""
    from .formatting import join_clauses

    best = strongest(ds, source_ids, claim, limit=None, lang=lang)
    text = join_clauses((label(ds, s, lang=lang) for s in best[:MAX_REFERENCES]), lang=lang)
    rest = len(best) - MAX_REFERENCES
    if rest > 0:
        text += " " + t("(+{n} more on the Sources page)", lang=lang, n=rest)
    return text


@per_dataset
def _id_pattern(ds: Dataset, lang: str):
    import re

    labs = labels(ds, lang=lang)
    return re.compile(r"\b(" + "|".join(re.escape(i) for i in sorted(labs, key=len, reverse=True)) + r")\b")


def readable_text(ds: Dataset, text: object, *, lang: str) -> str:
    """Free text (a note, a conflict's detail) with every source id in it replaced by the source's
    label: notes were written for maintainers and cite sources by id."""
    s = "" if text is None or (isinstance(text, float) and text != text) else str(text)
    labs = labels(ds, lang=lang)
    if not s or not labs or not any(i in s for i in labs):
        return s
    return _id_pattern(ds, lang).sub(lambda m: labs[m.group(1)], s)


def reader_sources(ds: Dataset, frame: pd.DataFrame, claim: str = PARTICIPATION, *, lang: str) -> pd.DataFrame:
    """A copy of ``frame`` fit for readers: every column of source ids replaced by the readable labels
    of its strongest sources (and a column with the main source's address); internal ids dropped."""
    out = frame.copy()
    for col in [c for c in out.columns if c == "source_id" or c.endswith("source_id") or c.endswith("source_ids")]:
        name = col.replace("source_ids", "sources").replace("source_id", "source")
        claim_here = FIGURES if ("reported" in col or "metric" in out.columns) else claim
        vals = out[col].fillna("").astype(str)
        out[name] = [cited_labels(ds, v, claim_here, lang=lang) if v else "" for v in vals]
        out[name + "_link"] = [main_source_url(ds, v, claim_here, lang) if v else "" for v in vals]
        out = out.drop(columns=[col])
    for col in [c for c in ("note", "detail", "issue", "notes") if c in out.columns]:
        out[col] = out[col].map(lambda v: readable_text(ds, v, lang=lang))
    return out.drop(columns=[c for c in ("person_id", "excerpt", "id") if c in out.columns])


# --- organizers' registration lists ------------------------------------------------------------------
#
# A list the user supplied (Import page, or ``python -m dashboard.ingest``) is a source of its own: its
# label says what it is, for which edition, which file and when it was loaded, with the file name set
# apart ("file: 名单_B.xlsx") so that a name ending in the same word as the label never reads as one word
# ("主办方报名名单名单_B.xlsx").


def list_file(r) -> str:
    """The file name of an organizer's list record, as the user supplied it."""
    return str(r.url).removeprefix("file:///") if isinstance(r.url, str) and r.url else str(r.id)


@per_dataset
def list_editions(ds: Dataset) -> dict[str, int]:
    """id of each organizer's list -> the edition whose participants it names."""
    p = ds.participation
    p = p[p.how_known == "registration_list"]
    out: dict[str, int] = {}
    for ed, ids in zip(p.edition, p.source_ids):
        for sid in _ids(ids):
            out.setdefault(sid, int(ed))
    return out


def _list_details(file: str, edition: int | None, loaded, lang: str) -> str:
    date = _date(loaded, lang) if isinstance(loaded, str) and loaded else ""
    if edition is not None and date:
        return t("{edition}, file: {file}, loaded {date}", lang=lang, edition=edition, file=file, date=date)
    if edition is not None:
        return t("{edition}, file: {file}", lang=lang, edition=edition, file=file)
    if date:
        return t("file: {file}, loaded {date}", lang=lang, file=file, date=date)
    return t("file: {file}", lang=lang, file=file)


def list_label(file: str, edition: int | None, loaded, *, lang: str) -> str:
    """ "Organizer's registration list, 2025 (file: 名单_B.xlsx, loaded 6 Dec 2026)" /
    "主办方报名名单（2025年，文件：名单_B.xlsx，导入于2026年12月6日）": a list cited as a source."""
    return t(
        "Organizer's registration list {details}",
        lang=lang,
        details=t("({details})", lang=lang, details=_list_details(file, edition, loaded, lang)),
    )


def is_organizer_list(ds: Dataset, source_id: str) -> bool:
    r = _records(ds).get(source_id)
    return r is not None and r.kind == "organizer_list"


def organizer_lists(ds: Dataset, editions: Iterable[int]) -> list[tuple[str, str, int]]:
    """(file name, date loaded, edition) of each organizers' list that adds participants to these
    editions (names one that no public source names), in the order of the editions: the file as the
    user supplied it, the date it was added. A list that adds nothing is not credited."""
    return _organizer_lists(ds, tuple(editions))


@per_dataset
def _organizer_lists(ds: Dataset, editions: tuple[int, ...]) -> list[tuple[str, str, int]]:
    p = ds.participation
    p = p[p.edition.isin(list(editions)) & (p.how_known == "registration_list")].sort_values("edition")
    src = _records(ds)
    of = list_editions(ds)
    adding = provenance.adding_lists(ds, editions)  # a list is credited only for what it adds
    out = []
    for sid in [i for i in _ids(p.source_ids) if i in adding]:
        r = src.get(sid)
        if r is not None and r.kind == "organizer_list":
            out.append((list_file(r), r.accessed if isinstance(r.accessed, str) else "", of.get(sid)))
    return out


def list_credit(ds: Dataset, editions: Iterable[int], *, lang: str) -> str:
    """'(2025, file: registration.csv, loaded 28 Nov 2026)' / '（2025年，文件：registration.csv，导入于2026年11月28日）'
    for the organizers' lists of these editions (one bracket, clauses between lists), '' when none:
    it follows the words "the organizers' list" / "主办方报名名单" in a label. The file name is the
    user's: escape it where it is rendered."""
    return format_list_credit(organizer_lists(ds, editions), lang=lang)


def format_list_credit(lists: Iterable[tuple], *, lang: str) -> str:
    """The credit for (file name, date loaded[, edition]) tuples (see :func:`list_credit`)."""
    from .formatting import join_clauses

    parts = [_list_details(x[0], x[2] if len(x) > 2 else None, x[1], lang) for x in lists]
    return t("({details})", lang=lang, details=join_clauses(parts, lang=lang)) if parts else ""
