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
from .exports import to_csv_bytes
from .i18n import t
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
    return _zip({f"migration-subforum-data/{p.relative_to(folder).as_posix()}": p.read_bytes()
                 for p in sorted(folder.rglob("*")) if p.is_file()})


def citation(version: str, date: dt.date) -> str:
    return t("Migration Sub-Forum participation dashboard: participation in the Sub-Forum on Migration Management "
             "Cooperation, Global Public Security Cooperation Forum (Lianyungang). Data version {v}, accessed "
             "{d}. Compiled from public sources (CC BY 4.0).", v=version, d=date.isoformat())


KEY_CHARTS = ("coverage-countries-and-regions", "coverage-international-organizations", "countries-by-region",
              "speakers-by-role", "map")


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


def key_charts(ds: Dataset, editions: list[int], worldview: str = DEFAULT) -> list[keycharts.Chart]:
    return [key_chart(ds, editions, name, worldview) for name in KEY_CHARTS]


def press_summary(ds: Dataset, editions: list[int]) -> summary.Summary:
    if len(editions) == 1:
        return summary.edition_summary(ds, editions[0])
    return summary.comparison_summary(ds, editions[0], editions[1])


def press_kit_zip(ds: Dataset, editions: list[int], date: dt.date, version: str, render=None,
                  worldview: str = DEFAULT) -> bytes:
    """summary.md, the key charts as PNG and SVG, the CSV behind each, sources.csv and a README.
    ``render(fig, fmt, date) -> bytes`` is the image renderer (kaleido by default)."""
    if render is None:
        from .static_export import figure_bytes as render
    s = press_summary(ds, editions)
    tag = "-".join(map(str, editions))
    files: dict[str, bytes] = {"summary.md": summary.to_markdown(ds, s, date).encode("utf-8")}
    charts = key_charts(ds, editions, worldview)
    for c in charts:
        files[f"charts/{c.name}.png"] = render(c.figure, "png", date)
        files[f"charts/{c.name}.svg"] = render(c.figure, "svg", date)
        files[f"data/{c.name}.csv"] = to_csv_bytes(c.data)
    cited = ds.sources[ds.sources.id.isin(s.refs.order)]
    order = {sid: i + 1 for i, sid in enumerate(s.refs.order)}
    cited = cited.assign(reference=cited.id.map(order)).sort_values("reference")
    files["sources.csv"] = to_csv_bytes(pd.concat([cited, ds.sources[~ds.sources.id.isin(s.refs.order)]]))
    readme = [
        f"# {t('Press kit')}: {s.title}", "",
        t("Generated {d} from the Migration Sub-Forum participation dashboard (data version {v}).",
          d=date.isoformat(), v=version), "",
        "- `summary.md`: " + t("factual summary; numbers in brackets refer to the numbered sources at its end"),
        "- `charts/*.png`, `charts/*.svg`: " + t("the key charts, with title, source line and date inside"),
        "- `data/*.csv`: " + t("exactly the data each chart draws"),
        "- `sources.csv`: " + t("every source (the summary's references first, numbered)"), "",
        t("Public sources name only part of the participants; reported totals and identified participants are "
          "shown side by side. Where sources disagree the official chair's statement is preferred."), "",
        t("How to cite") + ": " + citation(version, date), "",
        t("Licence: data compilation CC BY 4.0.") + " " + source_text(worldview), "",
        t("Charts") + ": " + ", ".join(c.name for c in charts), "",
    ]
    files["README.md"] = "\n".join(readme).encode("utf-8")
    return _zip({f"press-kit-{tag}/{k}": v for k, v in files.items()})
