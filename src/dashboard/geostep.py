"""The geometry step of the build: geopandas prepares every worldview's shapes, once.

``python -m dashboard.geostep`` (also run by ``python -m dashboard.build``) writes into
``static/geo/`` (served to the browser at ``/app/static/geo/``):

- ``<worldview>/world_<res>m.json``: the base-map topojson plotly.js draws base countries, land
  and the participants' shapes from (one geometry for everything a map draws);
- ``<worldview>/regions.geojson``: UN M49 sub-regions dissolved from the same shapes;
- ``<worldview>/lines.geojson``: lines drawn over the base map (China's standard map: the South China
  Sea's dashed line, as the centre lines of its ten dashes; none in Natural Earth's view);
- ``points.csv``: area and representative point of every shape, per worldview;
- ``inputs.json``: the sha256 of every input (reference geometry files, the entity columns the
  geometry uses, the worldviews, the code of this step).

The step is skipped when the inputs' hash equals the one in ``inputs.json`` (as owid/etl skips
unchanged steps): a build that does not touch geometry never imports geopandas. The data build
copies the products into ``data/clean/geo/`` so the data package stays complete.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

import pandas as pd

from . import worldview
from .paths import REPO_ROOT, data_dir, reference_dir
from .reference import load_entities

OUT = worldview.SERVED_DIR
STAMP = "inputs.json"
REFERENCE_FILES = ("natural_earth/countries-50m.json", "world_geo_json_zh/world.zh.json")
CODE_FILES = ("geo.py", "geostep.py", "worldview.py")
ENTITY_COLUMNS = ["code", "iso_numeric", "sub_region"]


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def inputs(base: Path | None = None) -> dict[str, str]:
    """sha256 of everything the geometry depends on."""
    ref = reference_dir(base)
    out = {f"data/reference/{name}": _sha((ref / name).read_bytes()) for name in REFERENCE_FILES}
    ents = load_entities(base)[ENTITY_COLUMNS].sort_values("code")
    out["data/reference/entities.csv[code, iso_numeric, sub_region]"] = _sha(
        ents.to_csv(index=False, lineterminator="\n").encode("utf-8")
    )
    here = Path(__file__).parent
    for name in CODE_FILES:
        out[f"src/dashboard/{name}"] = _sha((here / name).read_bytes())
    out["worldviews"] = _sha(json.dumps(worldview.RESOLUTION, sort_keys=True).encode())
    return out


def digest(parts: dict[str, str]) -> str:
    return _sha(json.dumps(parts, sort_keys=True).encode())


def product_names() -> list[str]:
    names = ["points.csv"]
    for wv in worldview.WORLDVIEWS:
        names += [f"{wv}/{worldview.topojson_name(wv)}", f"{wv}/regions.geojson", f"{wv}/lines.geojson"]
    return names


def _json(obj) -> bytes:
    return (json.dumps(obj, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n").encode("utf-8")


def compute(base: Path | None = None) -> dict[str, bytes]:
    """Run geopandas over every worldview; the products as bytes (nothing written)."""
    from . import geo  # geopandas: imported only when the step really runs

    entities = load_entities(base)
    ne = geo.natural_earth(entities, base)
    files: dict[str, bytes] = {}
    pts = []
    for wv in worldview.WORLDVIEWS:
        d = geo.derive(wv, entities, base, ne)
        pts.append(d["points"])
        files[f"{wv}/{worldview.topojson_name(wv)}"] = _json(d["topojson"])
        files[f"{wv}/regions.geojson"] = _json(d["regions"])
        files[f"{wv}/lines.geojson"] = _json(d["lines"])
    points = pd.concat(pts, ignore_index=True)
    points["own_shape"] = points["own_shape"].map({True: "true", False: "false"})
    files["points.csv"] = points.to_csv(index=False, lineterminator="\n").encode("utf-8")
    return files


def stamp_of(folder: Path) -> dict:
    try:
        return json.loads((folder / STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def up_to_date(folder: Path, parts: dict[str, str]) -> bool:
    s = stamp_of(folder)
    return s.get("sha256") == digest(parts) and all((folder / n).is_file() for n in product_names())


def write(files: dict[str, bytes], parts: dict[str, str], folder: Path = OUT) -> None:
    """All products plus the stamp into a temporary sibling folder, then swapped in."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f"{folder.name}.tmp-", dir=folder.parent))
    tmp.chmod(0o755)
    try:
        for name, data in {**files, STAMP: _json({"sha256": digest(parts), "inputs": parts})}.items():
            (tmp / name).parent.mkdir(parents=True, exist_ok=True)
            (tmp / name).write_bytes(data)
        old = folder.with_name(f"{folder.name}.old-{os.getpid()}")
        if folder.exists():
            os.replace(folder, old)
        os.replace(tmp, folder)
        shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def products(
    base: Path | None = None, folder: Path = OUT, write_ok: bool | None = None, force: bool = False
) -> tuple[dict[str, bytes], bool]:
    """(products, ran): read from ``folder`` when its stamp matches the inputs, else computed (and
    written there when ``write_ok``; by default only for the repository's own data folder, so a
    test's or benchmark's copy never rewrites the served geometry)."""
    parts = inputs(base)
    if not force and up_to_date(folder, parts):
        return {n: (folder / n).read_bytes() for n in product_names()}, False
    files = compute(base)
    if write_ok is None:
        write_ok = Path(base or data_dir()).resolve() == (REPO_ROOT / "data").resolve()
    if write_ok:
        write(files, parts, folder)
    return files, True


def points_frame(files: dict[str, bytes]) -> pd.DataFrame:
    return pd.read_csv(
        io.BytesIO(files["points.csv"]), dtype={"worldview": str, "code": str, "own_shape": str}, keep_default_na=False
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dashboard.geostep", description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="recompute even if the inputs are unchanged")
    parser.add_argument("--check", action="store_true", help="fail if static/geo is out of date; write nothing")
    args = parser.parse_args(argv)
    parts = inputs()
    if args.check:
        ok = up_to_date(OUT, parts)
        print(
            "static/geo is up to date." if ok else "static/geo is out of date. Run: python -m dashboard.geostep",
            file=sys.stdout if ok else sys.stderr,
        )
        return 0 if ok else 1
    _, ran = products(force=args.force, write_ok=True)
    print(
        f"Geometry {'written to' if ran else 'unchanged (inputs hash matches), skipped:'} {OUT.relative_to(REPO_ROOT)}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
