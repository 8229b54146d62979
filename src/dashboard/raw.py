"""Load and check the raw files: ``data/raw/sources.yaml``, ``data/raw/editions/<year>.yaml``,
``data/raw/conflicts.yaml``.

Every problem found is collected with its file, record and field, so one run of
the build reports all of them at once; nothing downstream runs on bad input.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from . import schema
from .errors import DataError, DataIssue
from .harmonize import ENTITY, ORGANIZATION, AliasIndex, UnknownName
from .paths import raw_dir, rel

# The *_zh fields of the raw data hold forms a Chinese-language source gives: their source must be
# in this language (a data rule of the schema, not an interface language).
CHINESE_FORMS_LANGUAGE = "zh"


@dataclass
class EditionRaw:
    file: str
    edition: schema.Edition
    sections: dict[str, list[BaseModel]]
    context: dict[str, list[BaseModel]]


@dataclass
class RawData:
    sources: list[schema.Source]
    editions: dict[int, EditionRaw]
    conflicts: list[schema.Conflict]
    files: list[str] = field(default_factory=list)


class _Loader(yaml.SafeLoader):
    """SafeLoader that leaves dates as text: PyYAML's own date parsing crashes with a bare
    ValueError on '2030-13-45'; the schema parses dates and reports the record and field."""


_Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def read_yaml(path: Path, base: Path | None) -> Any:
    name = rel(path, base)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise DataError.single(name, "", "", "file not found") from exc
    except UnicodeDecodeError as exc:
        raise DataError.single(name, "", "", f"not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    try:
        return yaml.load(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise DataError.single(name, where, "", f"not valid YAML: {exc.problem}") from exc
    except yaml.YAMLError as exc:
        raise DataError.single(name, "", "", f"not valid YAML: {exc}") from exc


def _label(section: str, i: int, rec: Any) -> str:
    hint = ""
    if isinstance(rec, dict):
        for key in ("id", "name", "name_as_written", "represents", "metric", "item", "text"):
            if rec.get(key):
                hint = str(rec[key])[:60]
                break
        if section == "reported_figures" and isinstance(rec, dict):
            hint = f"{rec.get('metric')}, {rec.get('source_id')}"
    return f"{section} #{i + 1}" + (f" ({hint})" if hint else "")


def _validate(model: type[BaseModel], rec: Any, file: str, label: str, issues: list[DataIssue]) -> BaseModel | None:
    if not isinstance(rec, dict):
        issues.append(DataIssue(file, label, "", f"expected a mapping of fields, found {type(rec).__name__}"))
        return None
    try:
        return model.model_validate(rec)
    except ValidationError as exc:
        for err in exc.errors():
            loc = ".".join(str(x) for x in err["loc"]) or "(record)"
            value = err.get("input")
            shown = f" (found {value!r})" if err["type"] != "missing" and not isinstance(value, dict) else ""
            issues.append(DataIssue(file, label, loc, f"{err['msg']}{shown}"))
        return None


def _validate_list(
    model: type[BaseModel], records: Any, file: str, section: str, issues: list[DataIssue]
) -> list[BaseModel]:
    if records is None:
        return []
    if not isinstance(records, list):
        issues.append(DataIssue(file, section, "", f"expected a list, found {type(records).__name__}"))
        return []
    out = []
    for i, rec in enumerate(records):
        m = _validate(model, rec, file, _label(section, i, rec), issues)
        if m is not None:
            out.append(m)
    return out


def _duplicates(items: list[BaseModel], key, file: str, section: str, issues: list[DataIssue]) -> None:
    seen: dict[Any, int] = {}
    for i, item in enumerate(items):
        k = key(item)
        if k is None:
            continue
        if k in seen:
            issues.append(
                DataIssue(
                    file, f"{section} #{i + 1}", "", f"duplicate of {section} #{seen[k] + 1} ({', '.join(map(str, k))})"
                )
            )
        else:
            seen[k] = i


def load_raw(base: Path | None = None) -> RawData:
    """Read and schema-check every raw file; raise :class:`DataError` listing all problems."""
    root = raw_dir(base)
    issues: list[DataIssue] = []
    files: list[str] = []

    src_file = root / "sources.yaml"
    files.append(rel(src_file, base))
    sources = _validate_list(schema.Source, read_yaml(src_file, base), rel(src_file, base), "sources", issues)
    _duplicates(sources, lambda s: (s.id,), rel(src_file, base), "sources", issues)

    editions: dict[int, EditionRaw] = {}
    edition_files = sorted((root / "editions").glob("*.yaml"))
    if not edition_files:
        issues.append(DataIssue(rel(root / "editions", base), "", "", "no edition files (<year>.yaml)"))
    for path in edition_files:
        name = rel(path, base)
        files.append(name)
        doc = read_yaml(path, base)
        if not isinstance(doc, dict) or "edition" not in doc:
            issues.append(DataIssue(name, "", "edition", "the file must be a mapping with an 'edition' section"))
            continue
        unknown = set(doc) - {"edition", "parent_conference", *schema.EDITION_SECTIONS}
        for key in sorted(unknown):
            issues.append(DataIssue(name, key, "", "unknown section"))
        ed = _validate(schema.Edition, doc["edition"], name, "edition", issues)
        sections = {s: _validate_list(m, doc.get(s), name, s, issues) for s, m in schema.EDITION_SECTIONS.items()}
        ctx_doc = doc.get("parent_conference") or {}
        ctx = (
            {
                s: _validate_list(m, ctx_doc.get(s), name, f"parent_conference.{s}", issues)
                for s, m in schema.CONTEXT_SECTIONS.items()
            }
            if isinstance(ctx_doc, dict)
            else {}
        )
        _duplicates(sections["reported_figures"], lambda f: (f.metric, f.source_id), name, "reported_figures", issues)
        _duplicates(sections["people"], lambda p: (p.name, p.represents) if p.name else None, name, "people", issues)
        _duplicates(
            sections["participants"],
            lambda p: (p.name_as_written, p.how_known, tuple(p.source_ids)),
            name,
            "participants",
            issues,
        )
        if ed is None:
            continue
        if path.stem != str(ed.year):
            issues.append(DataIssue(name, "edition", "year", f"file name says {path.stem}, the record says {ed.year}"))
        if ed.year in editions:
            issues.append(DataIssue(name, "edition", "year", f"edition {ed.year} is also in {editions[ed.year].file}"))
            continue
        editions[ed.year] = EditionRaw(name, ed, sections, ctx)
    numbers = [e.edition.number for e in editions.values()]
    for e in editions.values():
        if numbers.count(e.edition.number) > 1:
            issues.append(DataIssue(e.file, "edition", "number", f"edition number {e.edition.number} is used twice"))

    conf_file = root / "conflicts.yaml"
    conflicts: list[schema.Conflict] = []
    if conf_file.exists():
        files.append(rel(conf_file, base))
        conflicts = _validate_list(
            schema.Conflict, read_yaml(conf_file, base), rel(conf_file, base), "conflicts", issues
        )
        _duplicates(conflicts, lambda c: (c.id,), rel(conf_file, base), "conflicts", issues)

    if issues:
        raise DataError(issues)
    return RawData(sources, editions, conflicts, files)


def check_references(raw: RawData, index: AliasIndex) -> None:
    """Every source id exists (and every source of a Chinese form is in Chinese); every country,
    region and organization name resolves."""
    ids = {s.id for s in raw.sources}
    language = {s.id: s.language for s in raw.sources}
    issues: list[DataIssue] = []

    def need(file: str, label: str, fieldname: str, sid: str) -> None:
        if sid not in ids:
            issues.append(
                DataIssue(file, label, fieldname, f"unknown source id {sid!r} (not in data/raw/sources.yaml)")
            )

    def need_chinese(file: str, label: str, fieldname: str, sid: str | None) -> None:
        """The source of a Chinese form: a known source written in Chinese."""
        if sid is None:
            return
        need(file, label, fieldname, sid)
        if sid in language and language[sid] != CHINESE_FORMS_LANGUAGE:
            issues.append(
                DataIssue(
                    file,
                    label,
                    fieldname,
                    f"source {sid!r} of a Chinese form is in language {language[sid]!r}, not {CHINESE_FORMS_LANGUAGE!r}",
                )
            )

    def resolve(file: str, label: str, fieldname: str, name: str, kinds: tuple[str, ...]) -> None:
        try:
            index.resolve(name, kinds)
        except UnknownName as exc:
            issues.append(DataIssue(file, label, fieldname, str(exc)))

    for er in raw.editions.values():
        f, ed = er.file, er.edition
        for sid in ed.host_source_ids + ed.described_as_first_source_ids + [ed.preferred_source_id]:
            need(f, "edition", "source ids", sid)
        for fieldname in ("name_zh_source_id", "city_zh_source_id", "province_zh_source_id", "host_zh_source_id"):
            need_chinese(f, "edition", fieldname, getattr(ed, fieldname))
        for section, recs in list(er.sections.items()) + [(f"parent_conference.{k}", v) for k, v in er.context.items()]:
            for i, rec in enumerate(recs):
                label = _label(section, i, rec.model_dump())
                for sid in getattr(rec, "source_ids", None) or [getattr(rec, "source_id", None)]:
                    need(f, label, "source_ids" if hasattr(rec, "source_ids") else "source_id", sid)
                if hasattr(rec, "zh_source_id"):  # people, outcomes, side events: a Chinese form's source
                    need_chinese(f, label, "zh_source_id", rec.zh_source_id)
                if section == "people":
                    resolve(f, label, "represents", rec.represents, (ENTITY, ORGANIZATION))
                if section == "participants":
                    kind = ENTITY if rec.kind == "country_or_region" else ORGANIZATION
                    resolve(f, label, "name_as_written", rec.name_as_written, (kind,))
    for i, c in enumerate(raw.conflicts):
        for sid in c.source_ids:
            need("data/raw/conflicts.yaml", f"conflicts #{i + 1} ({c.id})", "source_ids", sid)
        if c.edition not in raw.editions and c.scope == "sub_forum":
            issues.append(
                DataIssue(
                    "data/raw/conflicts.yaml",
                    f"conflicts #{i + 1} ({c.id})",
                    "edition",
                    f"no edition {c.edition} in data/raw/editions/",
                )
            )
    if issues:
        raise DataError(issues)
