"""Downloadable bundles: the press kit and the whole clean data package, as ZIP bytes.

ZIP entries get a fixed timestamp so the same content gives the same bytes. Every CSV goes
through :func:`dashboard.exports.to_csv_bytes` (formula-safe).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import zipfile
from pathlib import Path

import pandas as pd

from . import keycharts, summary
from .dataset import Dataset
from .describe import describe
from .exports import to_csv_bytes
from .i18n import N_, get_language, language, t, translate_marked
from .paths import clean_dir
from .worldview import DEFAULT, source_text

FIXED_TIME = (2020, 1, 1, 0, 0, 0)


def _zip(files: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for name in sorted(files):
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


def citation(version: str, date: dt.date) -> str:
    return t(
        "Migration Sub-Forum participation dashboard: participation in the Sub-Forum on Migration Management "
        "Cooperation, Global Public Security Cooperation Forum (Lianyungang). Data version {v}, accessed "
        "{d}. Compiled from public sources (CC BY 4.0).",
        v=version,
        d=date.isoformat(),
    )


KEY_CHARTS = (
    "coverage-countries-and-regions",
    "coverage-international-organizations",
    "countries-by-region",
    "speakers-by-role",
    "map",
)
# What a reader sees for each key chart (picker, file names, README); the keys above stay internal.
KEY_CHART_TITLES = {
    "coverage-countries-and-regions": N_("Countries and regions: named in public sources vs reported"),
    "coverage-international-organizations": N_("International organizations: named in public sources vs reported"),
    "countries-by-region": N_("Identified countries and regions by UN M49 region"),
    "speakers-by-role": N_("People mentioned in the sources, by role"),
    "map": N_("Map of identified participants"),
}
FILE_STEMS = {  # readable English file names inside the press kit and for single downloads
    "coverage-countries-and-regions": "countries and regions named vs reported",
    "coverage-international-organizations": "international organizations named vs reported",
    "countries-by-region": "countries and regions by region",
    "speakers-by-role": "people mentioned by role",
    "map": "map of identified participants",
}


def key_chart_title(name: str) -> str:
    return translate_marked(KEY_CHART_TITLES[name])


def file_stem(chart_name: str, editions: list[int]) -> str:
    """'countries and regions by region 2024-2025': a file name a reader recognises (no internal id)."""
    key = chart_name if chart_name in FILE_STEMS else next((k for k in FILE_STEMS if chart_name.startswith(k)), "")
    stem = FILE_STEMS.get(key, "chart")
    return f"{stem} {'-'.join(map(str, editions))}"


def reader_sources_frame(ds: Dataset, order: list[str]) -> pd.DataFrame:
    """Every source as a reader sees it: the summary's references first (numbered), then the others;
    label, publisher, title, date, language, kind, what it can support and the address. No internal
    id, file path or excerpt location."""
    from . import citations

    numbered = {sid: i + 1 for i, sid in enumerate(order)}
    src = ds.sources.assign(reference=ds.sources.id.map(numbered))
    src = pd.concat([src[src.reference.notna()].sort_values("reference"), src[src.reference.isna()]])
    return pd.DataFrame(
        {
            "reference": src.reference.astype("Int64"),
            "label": src.id.map(citations.labels(ds)),
            "publisher": src.publisher,
            "title": src.title,
            "published": src.published,
            "language": src.language.map(citations.language_name),
            "kind": src.kind,
            "can_support": src.supports.fillna("").str.replace("|", ", "),
            "url": src.url,
        }
    )


def key_chart(ds: Dataset, editions: list[int], name: str, worldview: str = DEFAULT) -> keycharts.Chart:
    """One of the press kit's charts, built alone (the press page previews one at a time)."""
    later = editions[1] if len(editions) > 1 else None
    builders = {
        "coverage-countries-and-regions": lambda: keycharts.coverage(ds, editions, "countries_and_regions"),
        "coverage-international-organizations": lambda: keycharts.coverage(ds, editions, "international_organizations"),
        "countries-by-region": lambda: keycharts.regions(ds, editions, "region"),
        "speakers-by-role": lambda: keycharts.roles(ds, editions),
        "map": lambda: keycharts.world_map(ds, editions[0], later, worldview=worldview),
    }
    return builders[name]()


def readable_data(ds: Dataset, data: pd.DataFrame) -> pd.DataFrame:
    """A chart's data for readers: source ids replaced by readable labels (see
    :func:`dashboard.citations.reader_sources`)."""
    from . import citations

    return citations.reader_sources(ds, data)


def key_charts(ds: Dataset, editions: list[int], worldview: str = DEFAULT) -> list[keycharts.Chart]:
    return [key_chart(ds, editions, name, worldview) for name in KEY_CHARTS]


def press_summary(ds: Dataset, editions: list[int]) -> summary.Summary:
    if len(editions) == 1:
        return summary.edition_summary(ds, editions[0])
    return summary.comparison_summary(ds, editions[0], editions[1])


def press_kit_zip(
    ds: Dataset, editions: list[int], date: dt.date, version: str, render=None, worldview: str = DEFAULT
) -> bytes:
    """summary.md, the key charts as PNG and SVG, the CSV behind each, sources.csv and a README.
    ``render(fig, fmt, date) -> bytes`` is the image renderer (kaleido by default)."""
    if render is None:
        from .static_export import figure_bytes as render
    s = press_summary(ds, editions)
    tag = "-".join(map(str, editions))
    if get_language() == "zh":  # the Chinese kit carries the English summary too
        with language("en"):
            english = summary.to_markdown(ds, press_summary(ds, editions), date)
        files: dict[str, bytes] = {
            "summary.zh.md": summary.to_markdown(ds, s, date).encode("utf-8"),
            "summary.en.md": english.encode("utf-8"),
        }
        summary_files = "- `summary.zh.md`, `summary.en.md`: "
    else:
        files = {"summary.md": summary.to_markdown(ds, s, date).encode("utf-8")}
        summary_files = "- `summary.md`: "
    charts = key_charts(ds, editions, worldview)
    stems = [file_stem(k, editions) for k in KEY_CHARTS]
    lang = get_language()
    for c, stem in zip(charts, stems):
        files[f"charts/{stem}.png"] = render(c.figure, "png", date)
        files[f"charts/{stem}.svg"] = render(c.figure, "svg", date)
        files[f"charts/{stem}.md"] = (describe(c, lang) + "\n").encode("utf-8")
        files[f"data/{stem}.csv"] = to_csv_bytes(readable_data(ds, c.data))
    files["sources.csv"] = to_csv_bytes(reader_sources_frame(ds, s.refs.order))
    readme = [
        f"# {t('Press kit')}: {s.title}",
        "",
        t(
            "Generated {d} from the Migration Sub-Forum participation dashboard (data version {v}).",
            d=date.isoformat(),
            v=version,
        ),
        "",
        summary_files + t("factual summary; numbers in brackets refer to the numbered sources at its end"),
        "- `charts/`: " + t("the key charts as PNG and SVG, with title, source line and date inside"),
        "- `charts/*.md`: " + t("what each chart shows, in words (its text alternative)"),
        "- `data/`: " + t("exactly the data each chart draws (CSV)"),
        "- `sources.csv`: " + t("every source (the summary's references first, numbered)"),
        "",
        t(
            "Public sources name only part of the participants; reported totals and identified participants are "
            "shown side by side. Where sources disagree the edition's preferred source (its chair's statement) "
            "is used and the other values are given."
        ),
        "",
        t("How to cite") + ": " + citation(version, date),
        "",
        t("Licence: data compilation CC BY 4.0.") + " " + source_text(worldview),
        "",
        t("Charts") + ":",
        *[f"- {key_chart_title(k)}: {describe(c, lang)}" for k, c in zip(KEY_CHARTS, charts)],
        "",
    ]
    files["README.md"] = "\n".join(readme).encode("utf-8")
    return _zip({f"press-kit-{tag}/{k}": v for k, v in files.items()})
