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
from .dataset import Dataset
from .describe import describe
from .exports import to_csv_bytes
from .i18n import N_, t, translate_marked
from .locale_rules import rules
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
    readable English file name inside the kit, and how it is built for some editions."""

    key: str
    title: str  # marked with N_, translated where shown
    stem: str
    build: Callable[..., keycharts.Chart]


def _map(ds: Dataset, editions: list[int], worldview: str, lang: str) -> keycharts.Chart:
    later = editions[1] if len(editions) > 1 else None
    return keycharts.world_map(ds, editions[0], later, worldview=worldview, lang=lang)


# The press kit's charts, defined once: the Press page's picker, the kit's files and README follow it.
PRESS_CHARTS: tuple[KeyChart, ...] = (
    KeyChart(
        "coverage-countries-and-regions",
        N_("Countries and regions: named in public sources vs reported"),
        "countries and regions named vs reported",
        lambda ds, eds, wv, lang: keycharts.coverage(ds, eds, "countries_and_regions", lang=lang),
    ),
    KeyChart(
        "coverage-international-organizations",
        N_("International organizations: named in public sources vs reported"),
        "international organizations named vs reported",
        lambda ds, eds, wv, lang: keycharts.coverage(ds, eds, "international_organizations", lang=lang),
    ),
    KeyChart(
        "countries-by-region",
        N_("Identified countries and regions by UN M49 region"),
        "countries and regions by region",
        lambda ds, eds, wv, lang: keycharts.regions(ds, eds, "region", lang=lang),
    ),
    KeyChart(
        "speakers-by-role",
        N_("People mentioned in the sources, by role"),
        "people mentioned by role",
        lambda ds, eds, wv, lang: keycharts.roles(ds, eds, lang=lang),
    ),
    KeyChart("map", N_("Map of identified participants"), "map of identified participants", _map),
)
_BY_KEY = {c.key: c for c in PRESS_CHARTS}
KEY_CHARTS = tuple(_BY_KEY)


def key_chart_title(name: str, *, lang: str) -> str:
    return translate_marked(_BY_KEY[name].title, lang)


def file_stem(chart_name: str, editions: list[int]) -> str:
    """'countries and regions by region 2024-2025': a file name a reader recognises (no internal id)."""
    key = chart_name if chart_name in _BY_KEY else next((k for k in _BY_KEY if chart_name.startswith(k)), "")
    stem = _BY_KEY[key].stem if key else "chart"
    return f"{stem} {'-'.join(map(str, editions))}"


def reader_sources_frame(ds: Dataset, order: list[str], *, lang: str) -> pd.DataFrame:
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
            "label": src.id.map(citations.labels(ds, lang=lang)),
            "publisher": src.publisher,
            "title": src.title,
            "published": src.published,
            "language": src.language.map(lambda c: citations.language_name(c, lang=lang)),
            "kind": src.kind,
            "can_support": src.supports.fillna("").str.replace("|", ", "),
            "url": src.url,
        }
    )


def key_chart(ds: Dataset, editions: list[int], name: str, worldview: str = DEFAULT, *, lang: str) -> keycharts.Chart:
    """One of the press kit's charts, built alone (the press page previews one at a time)."""
    return _BY_KEY[name].build(ds, editions, worldview, lang)


def readable_data(ds: Dataset, data: pd.DataFrame, *, lang: str) -> pd.DataFrame:
    """A chart's data for readers: source ids replaced by readable labels (see
    :func:`dashboard.citations.reader_sources`)."""
    from . import citations

    return citations.reader_sources(ds, data, lang=lang)


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
    tag = "-".join(map(str, editions))
    companions = rules(lang).companion_summaries  # a Chinese kit carries the English summary too
    if companions:
        files: dict[str, bytes] = {f"summary.{lang}.md": summary.to_markdown(ds, s, lang, date).encode("utf-8")}
        for other in companions:
            files[f"summary.{other}.md"] = summary.to_markdown(
                ds, press_summary(ds, editions, other), other, date
            ).encode("utf-8")
        summary_files = "- " + ", ".join(f"`{name}`" for name in files) + ": "
    else:
        files = {"summary.md": summary.to_markdown(ds, s, lang, date).encode("utf-8")}
        summary_files = "- `summary.md`: "
    charts = key_charts(ds, editions, worldview, lang=lang)
    stems = [file_stem(c.key, editions) for c in PRESS_CHARTS]
    for c, stem in zip(charts, stems):
        files[f"charts/{stem}.png"] = render(c.figure, "png", date)
        files[f"charts/{stem}.svg"] = render(c.figure, "svg", date)
        files[f"charts/{stem}.md"] = (describe(c, lang) + "\n").encode("utf-8")
        files[f"data/{stem}.csv"] = to_csv_bytes(readable_data(ds, c.data, lang=lang))
    files["sources.csv"] = to_csv_bytes(reader_sources_frame(ds, s.refs.order, lang=lang))
    readme = [
        f"# {t('Press kit', lang=lang)}: {s.title}",
        "",
        t(
            "Generated {d} from the Migration Sub-Forum participation dashboard (data version {v}).",
            d=date.isoformat(),
            v=version,
            lang=lang,
        ),
        "",
        summary_files + t("factual summary; numbers in brackets refer to the numbered sources at its end", lang=lang),
        "- `charts/`: " + t("the key charts as PNG and SVG, with title, source line and date inside", lang=lang),
        "- `charts/*.md`: " + t("what each chart shows, in words (its text alternative)", lang=lang),
        "- `data/`: " + t("exactly the data each chart draws (CSV)", lang=lang),
        "- `sources.csv`: " + t("every source (the summary's references first, numbered)", lang=lang),
        "",
        t(
            "Public sources name only part of the participants; reported totals and identified participants are "
            "shown side by side. Where sources disagree the edition's preferred source (its chair's statement) "
            "is used and the other values are given.",
            lang=lang,
        ),
        "",
        t("How to cite", lang=lang) + ": " + citation(version, date, lang=lang),
        "",
        t("Licence: data compilation CC BY 4.0.", lang=lang) + " " + source_text(worldview, lang=lang),
        "",
        t("Charts", lang=lang) + ":",
        *[f"- {key_chart_title(pc.key, lang=lang)}: {describe(c, lang)}" for pc, c in zip(PRESS_CHARTS, charts)],
        "",
    ]
    files["README.md"] = "\n".join(readme).encode("utf-8")
    return _zip({f"press-kit-{tag}/{k}": v for k, v in files.items()})
