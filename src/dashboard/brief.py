"""The A4 brief: one edition or a comparison of two, as a PDF a reporter can print, attach or
forward, in Chinese or English.

Typeset with Typst (the ``typst`` package: the compiler itself, in-process, no TeX, no browser).
The layout is the template ``brief.typ`` beside this module; the content is plain data: this
module writes it as ``data.json`` into a temporary folder with the chart images, and the template
reads it with Typst's ``json()``. No data text is ever spliced into Typst markup, so a name with
``#``, ``$``, ``*``, ``_``, ``@`` or ``[`` is printed as written and can never run as code.

Fonts are embedded (Typst subsets and embeds every font it uses): Noto Sans CJK SC where
fontconfig finds it (Debian's ``fonts-noto-cjk``), else the system's CJK font on Windows
(Microsoft YaHei) and macOS (PingFang SC); the folders holding them are found at run time and
given to Typst as ``font_paths``. Text stays text: selectable and searchable.

Content: names, dates and venue; headline figures with their qualifiers and every value another
source gives; the comparison under the one comparison rule (:mod:`dashboard.comparison`); the map
(China's standard map unless another worldview is asked for); two key charts with their
descriptions (:mod:`dashboard.describe`); key speakers; outcomes; the press summary with numbered
sources; data version, date and licence.

``python -m dashboard.brief --edition 2025 --lang zh -o brief.pdf`` or ``--compare 2024 2025``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from . import citations, comparison, describe, keycharts, locale_rules, metrics, names, packaging, summary
from .dataset import Dataset
from .formatting import format_date, format_date_range, format_figure_noun, format_year
from .i18n import LANGUAGES, t, tn
from .vocab import METRICS, ROLES
from .worldview import DEFAULT, source_text

TEMPLATE = Path(__file__).with_name("brief.typ")
# Fonts tried in this order (Typst falls back along the list glyph by glyph). Chinese text is set in
# the CJK font throughout (full-width quotation marks and punctuation); other languages set Latin text
# in a Latin sans (Liberation Sans is Chromium's font on Debian; Arial, Helvetica elsewhere) and
# Chinese names in the CJK font.
CJK_FAMILIES = ("Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "Noto Sans SC")
LATIN_FAMILIES = ("Noto Sans", "Liberation Sans", "Arial", "Helvetica")
FONT_FAMILIES = {"zh": (*CJK_FAMILIES, *LATIN_FAMILIES)}  # per language; others: Latin first
CJK_FONT_DIRS = {  # where the system CJK fonts live outside fontconfig (Windows, macOS)
    "win32": [Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"],
    "darwin": [Path("/System/Library/Fonts"), Path("/Library/Fonts"), Path.home() / "Library" / "Fonts"],
}
CHARTS = ("countries-by-region", "speakers-by-role")  # the key charts printed beside the map
SPEAKER_ROLES = ("opening_speech", "welcome_speech", "keynote", "video_address")
MAX_PLENARY = 4  # plenary speakers named in a one-edition brief; the rest are counted (two pages)
# Image widths in CSS pixels: a bar chart printed half a page wide is drawn narrower than on screen, so
# its text stays legible in print; the map keeps the screen's width.
MAP_WIDTH, CHART_WIDTH = 1000, 640
Renderer = Callable[..., bytes]  # (figure, fmt, date) -> image bytes (static_export.figure_bytes)


class BriefError(RuntimeError):
    """The brief could not be typeset (the message says why)."""


# --- text: one adapter over the summary API ---------------------------------------------------


def press_summary(ds: Dataset, editions: list[int], lang: str) -> summary.Summary:
    """The press summary in ``lang``. The ONE place the brief calls the summary module: when it takes
    ``lang`` itself (edition_summary(ds, edition, lang)), only this function changes."""
    return packaging.press_summary(ds, editions, lang)


# --- fonts -------------------------------------------------------------------------------------


def font_paths() -> list[str]:
    """Folders holding a CJK font, found now: fontconfig's answer for each family (Linux, and macOS
    with fontconfig), else the system font folders of Windows and macOS."""
    found: list[str] = []
    if shutil.which("fc-list"):
        for family in (*CJK_FAMILIES, *LATIN_FAMILIES):
            try:
                out = subprocess.run(
                    ["fc-list", f":family={family}", "file"], capture_output=True, text=True, timeout=10
                ).stdout
            except (OSError, subprocess.SubprocessError):
                continue
            for line in out.splitlines():
                folder = str(Path(line.split(":")[0].strip()).parent)
                if line.strip() and folder not in found:
                    found.append(folder)
    for folder in CJK_FONT_DIRS.get(sys.platform, []):
        if folder.is_dir() and str(folder) not in found:
            found.append(str(folder))
    return found


# --- content -------------------------------------------------------------------------------------


def _refs_text(refs: summary.Refs, *source_ids: str, claim: str = citations.FIGURES) -> str:
    return refs.cite(*source_ids, claim=claim)


def _facts(ds: Dataset, editions: list[int], lang: str, refs: summary.Refs) -> list[list[str]]:
    rows = []
    for e in editions:
        row = names.edition_row(ds, e)
        venue = t(
            "{city}, {province}",
            lang=lang,
            city=names.edition_city(row, lang),
            province=names.edition_province(row, lang),
        )
        rows.append(
            [
                t("{year} edition", lang=lang, year=e),
                format_date_range(row.start_date, row.end_date, lang=lang),
                venue,
                names.edition_host(row, lang),
                _refs_text(refs, row.preferred_source_id, claim=citations.PARTICIPATION),
            ]
        )
    return rows


def _figure_cell(s: comparison.Stated, metric: str, refs: summary.Refs, lang: str) -> str:
    """'51 countries and regions (another source: 50) [1][3]': the figure with every other value."""
    if s.basis == comparison.NAMED:
        text = comparison.figure_text(s, lang)
    else:
        text = format_figure_noun(s.value, s.qualifier, metric, lang=lang)
        if s.others:
            others = "; ".join(format_figure_noun(v, q, metric, lang=lang) for v, q, _ in s.others)
            text = (
                t("{figure} (another source: {others})", lang=lang, figure=text, others=others)
                if len(s.others) == 1
                else t("{figure} (other sources: {others})", lang=lang, figure=text, others=others)
            )
    ids = [*s.source_ids, *(i for _v, _q, ids in s.others for i in ids)]
    return f"{text} {refs.cite(*ids, claim=citations.FIGURES)}".strip() if ids else text


def _figures(ds: Dataset, editions: list[int], lang: str, refs: summary.Refs) -> dict:
    """One edition: figure per metric. Two: both figures, the change and its basis under the one
    comparison rule (counts of names never get a change)."""
    head = [t("Figure", lang=lang), *(format_year(e, lang=lang) for e in editions)]
    rows = []
    if len(editions) == 1:
        for metric in (*metrics.HEADLINE_METRICS, "named_speakers"):
            cell = _figure_cell(metrics.stated(ds, editions[0], metric), metric, refs, lang)
            rows.append([METRICS.label(metric, lang), cell])
        return {"head": head, "rows": rows}
    a, b = editions
    head += [t("Change", lang=lang), t("Basis", lang=lang)]
    for r in metrics.compare_headline(ds, a, b).itertuples():
        c = r.comparison
        rows.append(
            [
                METRICS.label(r.metric, lang),
                _figure_cell(c.earlier, r.metric, refs, lang),
                _figure_cell(c.later, r.metric, refs, lang),
                comparison.change_text(c, lang) or "—",
                _basis(c, lang),
            ]
        )
    return {"head": head, "rows": rows}


def _basis(c: comparison.Comparison, lang: str) -> str:
    if c.kind == comparison.SOURCE_COUNT:
        return t("named in sources, not reported totals: no change given", lang=lang)
    if c.kind == comparison.EXACT:
        return t("reported; exact figures", lang=lang)
    if c.kind == comparison.NOT_COMPARABLE:
        return t("not reported for both editions", lang=lang)
    if c.kind == comparison.BOUNDED:
        return t('reported; a figure is a bound ("more than", "nearly")', lang=lang)
    return t("reported; approximate (a figure is qualified)", lang=lang)


def _speakers(ds: Dataset, editions: list[int], lang: str, refs: summary.Refs) -> list[list[str]]:
    """Named people of the opening, welcome, keynote and video roles, then the plenary speakers by
    name (one edition: the first MAX_PLENARY; a comparison: counted only, to keep to two pages)."""
    rows = []
    sp = metrics.speakers(ds, editions)
    sp = sp[sp["name"] != ""]
    order = (*SPEAKER_ROLES, "plenary_speech")
    limit = MAX_PLENARY if len(editions) == 1 else 0
    for e in editions:
        mine = sp[(sp.edition == e) & sp.role.isin(order)]
        mine = mine.assign(_o=mine.role.map(order.index)).sort_values(["_o", "person_id"], kind="stable")
        plenary = mine[mine.role == "plenary_speech"]
        for r in mine.itertuples():
            if r.role == "plenary_speech" and r.Index not in plenary.index[:limit]:
                continue
            who = names.person_title(r, lang)
            org = names.person_organization(r, lang)
            # the organization only when the title does not already say where ("… of Peru")
            if org and " of " not in who and org.split(" (")[0].casefold() not in who.casefold():
                who = t("{title}, {organization}", lang=lang, title=who, organization=org) if who else org
            rows.append(
                [
                    str(e),
                    names.person_name(r, lang),
                    who,
                    ROLES.label(r.role, lang),
                    refs.cite(r.source_ids, claim=citations.PARTICIPATION),
                ]
            )
        rest = plenary.iloc[limit:]
        if len(rest):
            text = (
                tn("{n} more plenary speaker", "{n} more plenary speakers", len(rest), lang=lang)
                if limit
                else tn("{n} plenary speaker", "{n} plenary speakers", len(rest), lang=lang)
            )
            ids = sorted({i for v in rest.source_ids for i in v.split("|")})
            rows.append([str(e), text, "", ROLES.label("plenary_speech", lang), refs.cite(*ids)])
    return rows


def _outcomes(ds: Dataset, editions: list[int], lang: str, refs: summary.Refs) -> list[list[str]]:
    """The sub-forum's outcomes as the sources record them (transcribed, not translated): in Chinese as a
    Chinese source words them, else in this project's words marked as such (dashboard.names)."""
    o = ds.outcomes[ds.outcomes.edition.isin(editions) & (ds.outcomes.scope == "sub_forum")]
    rows = []
    for r in o.itertuples():
        text, project = names.outcome_item(r, lang)
        if project:
            text = t("{title} (this project's translation)", title=text, lang=lang)
        rows.append([str(r.edition), text, refs.cite(r.source_ids, claim=citations.CONTEXT)])
    return rows


def _sources(ds: Dataset, refs: summary.Refs, lang: str) -> list[dict]:
    # an organizer's list is the user's file: its label names it, it has no address
    return [
        {
            "label": citations.label(ds, sid, lang=lang),
            "url": "" if citations.is_organizer_list(ds, sid) else citations.url(ds, sid),
        }
        for sid in refs.order
    ]


def brief_content(
    ds: Dataset,
    editions: list[int],
    lang: str,
    date: dt.date,
    version: str,
    worldview: str = DEFAULT,
) -> tuple[dict, list[keycharts.Chart]]:
    """Everything the brief prints, as plain JSON-ready data, and the charts to draw (map first).
    Numbered references continue the summary's numbering."""
    if lang not in LANGUAGES:
        raise BriefError(f"unknown language {lang!r}: use one of {', '.join(LANGUAGES)}")
    unknown = [e for e in editions if e not in ds.edition_ids]
    if unknown or len(editions) not in (1, 2):
        raise BriefError(f"unknown edition {unknown[0]}" if unknown else "give one edition or two to compare")
    s = press_summary(ds, editions, lang)
    refs = s.refs
    later = editions[1] if len(editions) > 1 else None
    charts = [keycharts.world_map(ds, editions[0], later, worldview=worldview, lang=lang)]
    charts += [packaging.key_chart(ds, editions, name, worldview, lang=lang) for name in CHARTS]
    content = {
        "lang": lang,
        "region": locale_rules.rules(lang).typst_region,
        "fonts": list(FONT_FAMILIES.get(lang, (*LATIN_FAMILIES, *CJK_FAMILIES))),
        "kicker": t("Migration Sub-Forum participation dashboard · brief", lang=lang),
        "title": s.title,
        "forum": t(
            "Global Public Security Cooperation Forum (Lianyungang) · Sub-Forum on Migration Management Cooperation",
            lang=lang,
        ),
        "names": [names.edition_name(names.edition_row(ds, e), lang) for e in editions],
        "facts_head": [
            t("Edition", lang=lang),
            t("Dates", lang=lang),
            t("Venue", lang=lang),
            t("Host", lang=lang),
            t("Source", lang=lang),
        ],
        "facts": _facts(ds, editions, lang, refs),
        "figures_title": t("Headline figures", lang=lang)
        if len(editions) == 1
        else t("Headline figures compared", lang=lang),
        "figures": _figures(ds, editions, lang, refs),
        "figures_note": t(
            "Figures as the sources report them, with their qualifiers; where sources disagree every value "
            "is given and the chair's statement's is used. Public sources name only part of the "
            "participants.",
            lang=lang,
        ),
        "summary_title": t("Summary", lang=lang),
        "summary": list(s.paragraphs),
        "charts_title": t("Map and charts", lang=lang),
        "speakers_title": t("Key speakers", lang=lang),
        "speakers_head": [
            t("Edition", lang=lang),
            t("Name", lang=lang),
            t("Title", lang=lang),
            t("Role", lang=lang),
            t("Source", lang=lang),
        ],
        "speakers": _speakers(ds, editions, lang, refs),
        "outcomes_title": t("Outcomes (as the sources record them)", lang=lang),
        "outcomes": _outcomes(ds, editions, lang, refs),
        "sources_title": t("Sources", lang=lang),
        "footer": t(
            "Data version {v}, generated {d}. Data compilation licensed CC BY 4.0. {boundaries}",
            lang=lang,
            v=version,
            d=format_date(date, lang=lang),
            boundaries=source_text(worldview, lang=lang),
        ),
        "cite": t("How to cite", lang=lang) + ": " + packaging.citation(version, date, lang=lang),
    }
    content["sources"] = _sources(ds, refs, lang)  # last: every reference above is numbered by now
    content["charts"] = [
        {"file": f"chart{i}.png", "description": describe.describe(c, lang), "wide": i == 0}
        for i, c in enumerate(charts)
    ]
    return content, charts


def typeset(content: dict, images: dict[str, bytes], date: dt.date | None = None) -> bytes:
    """The PDF bytes of ``content`` (see :func:`brief_content`) with ``images`` (file name -> PNG)."""
    import typst  # only when a brief is made

    with tempfile.TemporaryDirectory(prefix="brief-") as tmp:
        root = Path(tmp)
        (root / "brief.typ").write_bytes(TEMPLATE.read_bytes())
        for name, data in images.items():
            (root / name).write_bytes(data)
        content = {**content, "charts": [c for c in content["charts"] if c["file"] in images]}
        (root / "data.json").write_text(json.dumps(content, ensure_ascii=False), encoding="utf-8")
        stamp = dt.datetime.combine(date or dt.date.today(), dt.time(), tzinfo=dt.UTC)
        try:
            return typst.compile(
                str(root / "brief.typ"),
                root=str(root),
                font_paths=font_paths(),
                format="pdf",
                timestamp=stamp,
            )
        except typst.TypstError as exc:  # a template or data problem: say what Typst said
            raise BriefError(f"the brief could not be typeset: {exc}") from exc


def build_brief(
    ds: Dataset,
    editions: list[int],
    lang: str,
    date: dt.date | None = None,
    version: str | None = None,
    worldview: str = DEFAULT,
    render: Renderer | None = None,
    images: bool = True,
) -> bytes:
    """The brief as PDF bytes. ``render(fig, fmt, date)`` draws the charts (kaleido by default);
    ``images=False`` leaves the map and charts out (no browser needed)."""
    date = date or dt.date.today()
    version = version or packaging.data_version()
    content, charts = brief_content(ds, editions, lang, date, version, worldview)
    pictures: dict[str, bytes] = {}
    if images:
        if render is None:
            from functools import partial

            from .static_export import figure_bytes

            render = partial(figure_bytes, lang=lang)  # the export stamp inside each image is in this language
        for spec, chart in zip(content["charts"], charts):
            width = MAP_WIDTH if spec["wide"] else CHART_WIDTH
            pictures[spec["file"]] = render(chart.figure, "png", date, width=width)
    return typeset(content, pictures, date)


def file_name(editions: list[int], lang: str) -> str:
    return f"brief-{'-'.join(map(str, editions))}-{lang}.pdf"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dashboard.brief", description="Make the A4 brief (PDF).")
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--edition", type=int, help="one edition, e.g. 2025")
    which.add_argument("--compare", type=int, nargs=2, metavar=("EARLIER", "LATER"), help="two editions")
    parser.add_argument("--lang", choices=sorted(LANGUAGES), default="en")
    parser.add_argument("--worldview", choices=("cn", "ne"), default=DEFAULT, help="map: cn (default) or ne")
    parser.add_argument("--no-images", action="store_true", help="leave out the map and charts (no Chromium)")
    parser.add_argument("-o", "--output", type=Path, help="PDF file (default: brief-<editions>-<lang>.pdf)")
    args = parser.parse_args(argv)
    from .dataset import load_clean
    from .static_export import browser_available

    editions = [args.edition] if args.edition else list(args.compare)
    images = not args.no_images
    if images and not browser_available():
        print("No Chrome or Chromium found: the brief is made without the map and charts.", file=sys.stderr)
        images = False
    out = args.output or Path(file_name(editions, args.lang))
    try:
        pdf = build_brief(load_clean(), editions, args.lang, worldview=args.worldview, images=images)
    except BriefError as exc:
        print(f"dashboard.brief: {exc}", file=sys.stderr)
        return 1
    tmp = out.with_name(out.name + ".part")
    tmp.write_bytes(pdf)
    tmp.replace(out)  # all or nothing: a failed run leaves no half-written PDF
    print(f"{out} ({len(pdf) // 1024} KB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
