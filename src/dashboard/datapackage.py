"""The Frictionless Data Package descriptor of ``data/clean`` (datapackage.json).

Generated from :data:`dashboard.tables.TABLES`; no timestamps, so the same input
gives byte-identical output.
"""

from __future__ import annotations

import json

from .tables import GEO_FILES, TABLES

LICENSES = [
    {
        "name": "CC-BY-4.0",
        "path": "https://creativecommons.org/licenses/by/4.0/",
        "title": "Creative Commons Attribution 4.0 (this compilation); the facts belong to their sources, "
        "cited on every row",
    }
]


def descriptor(sources: list[dict]) -> dict:
    resources = []
    for name, spec in TABLES.items():
        schema = {"fields": spec["fields"], "primaryKey": spec["primaryKey"], "missingValues": [""]}
        if spec.get("foreignKeys"):
            schema["foreignKeys"] = spec["foreignKeys"]
        resources.append(
            {
                "name": name,
                "path": f"{name}.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "description": spec["description"],
                "schema": schema,
            }
        )
    for path, description in GEO_FILES.items():
        topo = not path.endswith(".geojson")
        resources.append(
            {
                "name": path.removeprefix("geo/").replace("/", "_").replace(".", "_"),
                "path": path,
                "profile": "data-resource",
                "format": "topojson" if topo else "geojson",
                "mediatype": "application/json" if topo else "application/geo+json",
                "encoding": "utf-8",
                "description": description,
            }
        )
    return {
        "profile": "data-package",
        "name": "migration-subforum-participation",
        "title": "Participation in the Sub-Forum on Migration Management Cooperation, "
        "Global Public Security Cooperation Forum (Lianyungang)",
        "description": "Reported figures, identified participants (countries and regions, international "
        "organizations) and named speakers of each edition, every row citing its sources. "
        "Public sources name only part of the participants; see coverage on the dashboard.",
        "licenses": LICENSES,
        "sources": [{"title": s["title"], "path": s["url"]} for s in sources],
        "resources": resources,
    }


def dumps(desc: dict) -> str:
    return json.dumps(desc, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
