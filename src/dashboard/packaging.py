"""Downloadable bundles: the press kit and the whole clean data package, as ZIP bytes.

ZIP entries get a fixed timestamp so the same content gives the same bytes. Every CSV goes
through :func:`dashboard.exports.to_csv_bytes` (formula-safe).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from . import keycharts, summary
from .chartdata import COLUMNS as CHART_COLUMNS
from .dataset import Dataset
from .describe import describe
from .exports import to_csv_bytes
from .i18n import N_, t, translate_marked
from .locale_rules import rules
from .paths import clean_dir
from .worldview import DEFAULT, source_text
from .worldview import label as source_label

FIXED_TIME = (2020, 1, 1, 0, 0, 0)


def _zip(files: dict[str, bytes], keep_order: bool = False) -> bytes:
    """ZIP bytes of ``files``: in name order, or, with ``keep_order``, in the given order (the press
    kit lists its summary first)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for name in files if keep_order else sorted(files):
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, files[name])
    return buf.getvalue()


def data_version(base: Path | None = None) -> str:
    """A short content hash of data/clean: cite it to say exactly which data a figure came from."""
    h = hashlib.sha256()
    folder = clean_dir(base)
    for p in sorted(x for x in folder.rglob("*") if x.is_file()):
        h.update(p.relative_to(folder).as_posix().encode())
        h.update(p.read_bytes())
    return h.hexdigest()[:10]


def data_package_zip(base: Path | None = None) -> bytes:
    """Every file of data/clean, datapackage.json included, as they are on disk."""
    folder = clean_dir(base)
    return _zip(
        {
            f"migration-subforum-data/{p.relative_to(folder).as_posix()}": p.read_bytes()
            for p in sorted(folder.rglob("*"))
            if p.is_file()
        }
    )


def citation(version: str, date: dt.date, *, lang: str) -> str:
    return t(
        "Migration Sub-Forum participation dashboard: participation in the Sub-Forum on Migration Management "
        "Cooperation, Global Public Security Cooperation Forum (Lianyungang). Data version {v}, accessed "
        "{d}. Compiled from public sources (CC BY 4.0).",
        v=version,
        d=date.isoformat(),
        lang=lang,
    )


@dataclass(frozen=True)
class KeyChart:
    """One chart of the press kit: its key (internal), the title a reader sees (picker, README), the
    readable file name (translated, no spaces: '国家和地区列明数与报道数-2025.png') and how it is built
    for some editions."""

    key: str
    title: str  # marked with N_, translated where shown
    stem: str  # marked with N_, translated in file names
    build: Callable[..., keycharts.Chart]


def _map(ds: Dataset, editions: list[int], worldview: str, lang: str) -> keycharts.Chart:
    later = editions[1] if len(editions) > 1 else None
    return keycharts.world_map(ds, editions[0], later, worldview=worldview, lang=lang)


# The press kit's charts, defined once: the Press page's picker, the kit's files and README follow it.
PRESS_CHARTS: tuple[KeyChart, ...] = (
    KeyChart(
        "coverage-countries-and-regions",
        N_("Countries and regions: named in public sources vs reported"),
        N_("countries-and-regions-named-vs-reported"),
        lambda ds, eds, wv, lang: keycharts.coverage(ds, eds, "countries_and_regions", lang=lang),
    ),
    KeyChart(
        "coverage-international-organizations",
        N_("International organizations: named in public sources vs reported"),
        N_("international-organizations-named-vs-reported"),
        lambda ds, eds, wv, lang: keycharts.coverage(ds, eds, "international_organizations", lang=lang),
    ),
    KeyChart(
        "countries-by-region",
        N_("Identified countries and regions by UN M49 region"),
        N_("countries-and-regions-by-region"),
        lambda ds, eds, wv, lang: keycharts.regions(ds, eds, "region", lang=lang),
    ),
    KeyChart(
        "speakers-by-role",
        N_("People mentioned in the sources, by role"),
        N_("people-mentioned-by-role"),
        lambda ds, eds, wv, lang: keycharts.roles(ds, eds, lang=lang),
    ),
    KeyChart("map", N_("Map of identified participants"), N_("map-of-identified-participants"), _map),
)
_BY_KEY = {c.key: c for c in PRESS_CHARTS}
KEY_CHARTS = tuple(_BY_KEY)


def key_chart_title(name: str, *, lang: str) -> str:
    return translate_marked(_BY_KEY[name].title, lang)


# Names of the files a download gives, marked for translation (no spaces in any language).
SUMMARY_FILE = N_("summary")
PRESS_KIT_FILE = N_("press-kit")
CHART_FILE = N_("chart")


def file_name(stem: str, *, lang: str) -> str:
    """A translated file-name stem without spaces ('press-kit' / '新闻素材包')."""
    return translate_marked(stem, lang).replace(" ", "-")


def file_stem(chart_name: str, editions: list[int], *, lang: str) -> str:
    """'countries-and-regions-by-region-2024-2025' / '按洲列明的国家和地区-2024-2025': a file name a reader
    recognises, in the reader's language, without spaces (no internal id)."""
    key = chart_name if chart_name in _BY_KEY else next((k for k in _BY_KEY if chart_name.startswith(k)), "")
    stem = _BY_KEY[key].stem if key else CHART_FILE
    return f"{file_name(stem, lang=lang)}-{'-'.join(map(str, editions))}"


def press_kit_name(editions: list[int], *, lang: str) -> str:
    """'press-kit-2024-2025' / '新闻素材包-2024-2025' (the ZIP and its folder)."""
    return f"{file_name(PRESS_KIT_FILE, lang=lang)}-{'-'.join(map(str, editions))}"


def summary_file_name(editions: list[int], *, lang: str) -> str:
    """'summary-2025.md' / '摘要-2025.md' (the press page's Markdown download)."""
    return f"{file_name(SUMMARY_FILE, lang=lang)}-{'-'.join(map(str, editions))}.md"


def reader_sources_frame(ds: Dataset, order: list[str], *, lang: str) -> pd.DataFrame:
    """Every source as a reader sees it: the summary's references first (numbered), then the others;
    label, publisher, title, date, language, kind, what it can support and the address. No internal
    id, file path or excerpt location."""
    from . import citations

    numbered = {sid: i + 1 for i, sid in enumerate(order)}
    src = ds.sources.assign(reference=ds.sources.id.map(numbered))
    src = pd.concat([src[src.reference.notna()].sort_values("reference"), src[src.reference.isna()]])
    from .locale_rules import series, written_language_name
    from .vocab import SOURCE_KINDS, SOURCE_SUPPORTS

    def supports(v: object) -> str:
        codes = [x for x in str(v or "").split("|") if x in SOURCE_SUPPORTS]
        return series((SOURCE_SUPPORTS.label(x, lang=lang) for x in codes), lang)

    local_publisher = src.get(f"publisher_{lang}")
    publishers = (
        src.publisher
        if local_publisher is None
        else local_publisher.fillna("").where(local_publisher.fillna("") != "", src.publisher)
    )
    # column names: the data package's names in English (as before), translated in other languages
    return pd.DataFrame(
        {
            t("reference", lang=lang): src.reference.astype("Int64"),
            t("label", lang=lang): src.id.map(citations.labels(ds, lang=lang)),
            t("publisher", lang=lang): publishers,
            # the title as the source gives it, in its own language; where the record has no title but
            # this project's description of the page ('(rewrite of …)'), the description in ``lang``
            t("title", lang=lang): [
                local if title.startswith("(") and isinstance(local, str) and local else title
                for title, local in zip(src.title.astype(str), src.get(f"short_title_{lang}", src.title))
            ],
            t("published", lang=lang): src.published,
            t("language", lang=lang): src.language.map(
                lambda c: written_language_name(citations.language_name(c, lang=lang), lang)
            ),
            t("kind", lang=lang): src.kind.map(lambda k: SOURCE_KINDS.label(k, lang=lang) if k in SOURCE_KINDS else k),
            t("can_support", lang=lang): src.supports.fillna("").map(supports),
            t("url", lang=lang): src.url,
        }
    )


def key_chart(ds: Dataset, editions: list[int], name: str, worldview: str = DEFAULT, *, lang: str) -> keycharts.Chart:
    """One of the press kit's charts, built alone (the press page previews one at a time)."""
    return _BY_KEY[name].build(ds, editions, worldview, lang)


# Column names of the kit's data CSVs, for languages that read them in words (locale_rules.readable_codes):
# the charts' column names (dashboard.chartdata, defined once) and the kit's own columns.
DATA_COLUMNS = {
    **CHART_COLUMNS,
    "name_shown": N_("name"),
    "sub_region_label": N_("sub-region"),
    "status_label": N_("status"),
    "area_km2": N_("area (km²)"),
    "rep_lon": N_("longitude"),
    "rep_lat": N_("latitude"),
    "worldview": N_("map"),
}
# Columns left out of the worded copy: other languages' forms, codes a label stands for, drawing flags.
_CODED_ONLY = ("name_en", "name_zh", "name_beside", "sub_region", "status", "drawable", "shape", "marker")


def readable_data(ds: Dataset, data: pd.DataFrame, *, lang: str) -> pd.DataFrame:
    """A chart's data for readers: source ids replaced by readable labels (see
    :func:`dashboard.citations.reader_sources`); in a language that reads data in words (Chinese),
    coded values as labels and the columns named in that language."""
    from . import citations
    from .vocab import METRICS, QUALIFIERS, ROLES, region_label

    out = citations.reader_sources(ds, data, lang=lang)
    if not rules(lang).readable_codes:
        return out
    out = out.drop(columns=[c for c in _CODED_ONLY if c in out.columns])
    coded = {
        "metric": lambda v: METRICS.label(v, lang=lang),
        "reported_qualifier": lambda v: QUALIFIERS.label(v, lang=lang),
        "role": lambda v: ROLES.label(v, lang=lang),
        "region": lambda v: region_label(v, lang),
        "worldview": lambda v: source_label(v, lang=lang),
    }
    for col, label in coded.items():
        if col in out.columns:
            out[col] = out[col].map(lambda v, f=label: f(v) if isinstance(v, str) and v else v)
    for col in out.columns:
        if out[col].dtype == bool:
            out[col] = out[col].map(lambda v: t("yes", lang=lang) if v else t("no", lang=lang))
    return out.rename(columns={c: translate_marked(DATA_COLUMNS[c], lang) for c in out.columns if c in DATA_COLUMNS})


def key_charts(ds: Dataset, editions: list[int], worldview: str = DEFAULT, *, lang: str) -> list[keycharts.Chart]:
    return [c.build(ds, editions, worldview, lang) for c in PRESS_CHARTS]


def press_summary(ds: Dataset, editions: list[int], lang: str) -> summary.Summary:
    if len(editions) == 1:
        return summary.edition_summary(ds, editions[0], lang)
    return summary.comparison_summary(ds, editions[0], editions[1], lang)


def press_kit_zip(
    ds: Dataset,
    editions: list[int],
    date: dt.date,
    version: str,
    render=None,
    worldview: str = DEFAULT,
    *,
    lang: str,
) -> bytes:
    """summary.md, the key charts as PNG and SVG, the CSV behind each, sources.csv and a README, in
    ``lang`` (passed explicitly: a download button's callback does not run in the page's language).
    ``render(fig, fmt, date) -> bytes`` is the image renderer (kaleido by default)."""
    if render is None:
        from functools import partial

        from .static_export import figure_bytes

        render = partial(figure_bytes, lang=lang)
    s = press_summary(ds, editions, lang)
    companions = rules(lang).companion_summaries  # a Chinese kit carries the English summary too
    colon = rules(lang).colon
    if companions:
        # the reader's summary first (the kit keeps this order), then the companions
        files: dict[str, bytes] = {f"summary.{lang}.md": summary.to_markdown(ds, s, lang, date).encode("utf-8")}
        for other in companions:
            files[f"summary.{other}.md"] = summary.to_markdown(
                ds, press_summary(ds, editions, other), other, date
            ).encode("utf-8")
        summary_files = "- " + rules(lang).series_separator.join(f"`{name}`" for name in files) + colon
    else:
        files = {"summary.md": summary.to_markdown(ds, s, lang, date).encode("utf-8")}
        summary_files = "- `summary.md`" + colon
    charts = key_charts(ds, editions, worldview, lang=lang)
    stems = [file_stem(c.key, editions, lang=lang) for c in PRESS_CHARTS]
    for c, stem in zip(charts, stems):
        files[f"charts/{stem}.png"] = render(c.figure, "png", date)
        files[f"charts/{stem}.svg"] = render(c.figure, "svg", date)
        files[f"charts/{stem}.md"] = (describe(c, lang) + "\n").encode("utf-8")
        files[f"data/{stem}.csv"] = to_csv_bytes(readable_data(ds, c.data, lang=lang))
    files["sources.csv"] = to_csv_bytes(reader_sources_frame(ds, s.refs.order, lang=lang))
    readme = [
        f"# {t('Press kit', lang=lang)}{colon}{s.title}",
        "",
        t(
            "Generated {d} from the Migration Sub-Forum participation dashboard (data version {v}).",
            d=date.isoformat(),
            v=version,
            lang=lang,
        ),
        "",
        summary_files + t("factual summary; numbers in brackets refer to the numbered sources at its end", lang=lang),
        "- `charts/`" + colon + t("the key charts as PNG and SVG, with title, source line and date inside", lang=lang),
        "- `charts/*.md`" + colon + t("what each chart shows, in words (its text alternative)", lang=lang),
        "- `data/`" + colon + t("exactly the data each chart draws (CSV)", lang=lang),
        "- `sources.csv`" + colon + t("every source (the summary's references first, numbered)", lang=lang),
        "",
        t(
            "Public sources name only part of the participants; reported totals and identified participants are "
            "shown side by side. Where sources disagree the edition's preferred source (its chair's statement) "
            "is used and the other values are given.",
            lang=lang,
        ),
        "",
        t("How to cite", lang=lang) + colon + citation(version, date, lang=lang),
        "",
        t("Licence: data compilation CC BY 4.0.", lang=lang) + " " + source_text(worldview, lang=lang),
        "",
        t("Charts", lang=lang) + colon.strip(),
        *[f"- {key_chart_title(pc.key, lang=lang)}{colon}{describe(c, lang)}" for pc, c in zip(PRESS_CHARTS, charts)],
        "",
    ]
    readme_bytes = "\n".join(readme).encode("utf-8")
    # order inside the kit: the summaries, the README, then charts, data and sources
    ordered = {k: files[k] for k in files if k.startswith("summary")}
    ordered["README.md"] = readme_bytes
    ordered.update({k: v for k, v in files.items() if k not in ordered})
    folder = press_kit_name(editions, lang=lang)
    return _zip({f"{folder}/{k}": v for k, v in ordered.items()}, keep_order=True)
