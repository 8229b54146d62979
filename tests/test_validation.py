"""A corpus of broken raw files: each gives an error naming file, record and field, and the
build writes nothing (data/clean keeps its bytes)."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES, add_synthetic_edition

from dashboard import build
from dashboard.errors import DataError

CORPUS = sorted((FIXTURES / "broken_raw").glob("*.yaml"))


def _digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _expectation(path: Path) -> tuple[str, str, str]:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# expect: "), f"{path.name} has no '# expect:' header"
    record, field, message = (part.strip() for part in first[len("# expect: ") :].split("|"))
    return record, field, message


def test_corpus_is_not_empty():
    assert len(CORPUS) >= 10


@pytest.mark.parametrize("case", CORPUS, ids=lambda p: p.stem)
def test_broken_file_is_reported_and_nothing_is_written(case, data_copy, capsys):
    add_synthetic_edition(data_copy)
    shutil.copy(case, data_copy / "raw" / "editions" / "2099.yaml")
    before = _digest(data_copy / "clean")

    rc = build.main(["--data-dir", str(data_copy)])

    err = capsys.readouterr().err
    record, field, message = _expectation(case)
    assert rc == 1
    assert "data/raw/editions/2099.yaml" in err
    line = next((ln for ln in err.splitlines() if message in ln), None)
    assert line is not None, f"expected {message!r} in:\n{err}"
    assert f"record {record}" in line
    if field:
        assert f"field '{field}'" in line
    assert _digest(data_copy / "clean") == before
    assert not list(data_copy.glob("clean.tmp-*"))


def test_all_problems_are_reported_at_once(data_copy):
    add_synthetic_edition(data_copy)
    path = data_copy / "raw" / "editions" / "2099.yaml"
    text = (
        path.read_text(encoding="utf-8")
        .replace("value: 280", "value: lots")
        .replace("role: plenary_speech", "role: singing")
    )
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as exc:
        build.build(data_copy)
    fields = {i.field for i in exc.value.issues}
    assert {"value", "role"} <= fields


def test_unknown_source_in_sources_registry_is_caught(data_copy):
    src = data_copy / "raw" / "sources.yaml"
    src.write_text(
        src.read_text(encoding="utf-8").replace("language: zh\n", "language: chinese!\n", 1), encoding="utf-8"
    )
    with pytest.raises(DataError) as exc:
        build.build(data_copy)
    assert any(i.file == "data/raw/sources.yaml" and i.field == "language" for i in exc.value.issues)


@pytest.mark.parametrize(
    "old, new",
    [
        (
            "  supports: [name_or_title]\n",
            "  supports: [name_or_title, participation]\n",
        ),  # name-only cannot prove presence
        ("  supports: [participation, figures]\n", "  supports: [participation, rumours]\n"),
        ("  supports: [participation, figures]\n", ""),  # every source must say what it supports
    ],
)
def test_what_a_source_supports_is_validated(data_copy, old, new):
    src = data_copy / "raw" / "sources.yaml"
    text = src.read_text(encoding="utf-8")
    assert old in text
    src.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DataError) as exc:
        build.build(data_copy)
    assert any(i.file == "data/raw/sources.yaml" and "supports" in i.field for i in exc.value.issues)


def test_supports_is_carried_into_the_clean_sources_and_the_datapackage(dataset):
    import json

    from dashboard.paths import REPO_ROOT

    s = dataset.sources.set_index("id")
    assert set(s.loc["nia_en_2025_chair", "supports"].split("|")) == {"participation", "figures"}
    assert s.loc["pidcsec_2024_name_ref", "supports"] == "name_or_title"
    dp = json.loads((REPO_ROOT / "data" / "clean" / "datapackage.json").read_text())
    fields = {f["name"] for r in dp["resources"] if r["name"] == "sources" for f in r["schema"]["fields"]}
    assert {"supports", "short_title"} <= fields


def test_failed_write_leaves_clean_untouched(data_copy, monkeypatch):
    before = _digest(data_copy / "clean")
    files = build.build(data_copy)
    files["zz_extra.csv"] = object()  # not bytes: the write fails part-way
    with pytest.raises(TypeError):
        build.write_atomically(files, data_copy / "clean")
    assert _digest(data_copy / "clean") == before
    assert not list(data_copy.glob("clean.tmp-*"))


@pytest.mark.parametrize(
    "replacement, message",
    [
        ("\n  zh_source_id: nia_en_2024_chair", "of a Chinese form is in language 'en', not 'zh'"),
        ("\n  zh_source_id: no_such_source", "unknown source id 'no_such_source'"),
    ],
)
def test_chinese_form_must_cite_a_known_chinese_source(data_copy, replacement, message):
    """A Chinese name or title cites a Chinese-language source in data/raw/sources.yaml."""
    path = data_copy / "raw" / "editions" / "2024.yaml"
    text = path.read_text(encoding="utf-8")
    person = "\n  zh_source_id: shangliankeji_zh_2024_chair"  # the first person's (Xu Ganlu)
    assert person in text
    path.write_text(text.replace(person, replacement, 1), encoding="utf-8")
    with pytest.raises(DataError) as exc:
        build.build(data_copy)
    hits = [i for i in exc.value.issues if i.field == "zh_source_id" and message in i.message]
    assert hits and hits[0].record.startswith("people #1 (Xu Ganlu)"), exc.value.issues


@pytest.mark.parametrize(
    "old, new, field",
    [
        ("  subkind: news\n", "  subkind: blog\n", "subkind"),  # not a kind of source in the vocabulary
        ("  subkind: news\n", "  subkind: official\n", ""),  # an official subkind under kind news
    ],
)
def test_the_kind_of_a_source_is_validated(data_copy, old, new, field):
    src = data_copy / "raw" / "sources.yaml"
    text = src.read_text(encoding="utf-8")
    assert old in text
    src.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DataError) as exc:
        build.build(data_copy)
    assert any(i.file == "data/raw/sources.yaml" and field in i.field for i in exc.value.issues)


def test_a_kind_of_source_without_a_citation_tier_is_refused(data_copy, monkeypatch):
    """A new kind added to the vocabulary must get a tier in citations.TIER: the build says so, it
    never ranks the kind last in silence."""
    from dashboard import citations, vocab

    labels = {**vocab.SOURCE_SUBKINDS.labels, "podcast": "Podcast"}
    monkeypatch.setattr(citations, "SOURCE_SUBKINDS", vocab.Vocab("source_subkind", labels))
    with pytest.raises(DataError) as exc:
        build.build(data_copy)
    assert any(i.field == "podcast" and "tier" in i.message for i in exc.value.issues)
    assert citations.untiered_kinds() == ["podcast"]


def test_every_kind_of_source_has_a_tier_and_an_organizers_list_ranks_first(dataset):
    from dashboard import citations, vocab

    assert citations.untiered_kinds() == []
    assert set(vocab.SUBKIND_OF) == set(vocab.SOURCE_SUBKINDS.codes)
    assert set(vocab.SUBKIND_OF.values()) <= set(vocab.SOURCE_KINDS.codes)
    assert "organizer_list" in vocab.SOURCE_KINDS and "organizer_list" not in vocab.RAW_SOURCE_KINDS
    assert citations.TIER["registration_list"] == min(citations.TIER.values())
