"""The translation layer: every message in the code has a Chinese translation, no fuzzy or obsolete
entry, placeholders kept; no translation key is built at run time; plurals and fallback work."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from dashboard import i18n, vocab
from dashboard.i18n import set_language, t, tn
from devtools.catalogue import catalogue_problems, catalogues, extracted_messages

REPO = Path(__file__).resolve().parents[1]
CODE = [REPO / "app.py", *sorted((REPO / "pages").glob("*.py")), *sorted((REPO / "src").rglob("*.py"))]


@pytest.fixture(autouse=True)
def _english_after():
    yield
    set_language("en")


def test_chinese_catalogue_exists():
    assert "zh" in catalogues()


def test_catalogues_complete_and_up_to_date():
    problems = catalogue_problems()
    assert not problems, f"{len(problems)} catalogue problem(s), first: " + "\n".join(problems[:15])


def test_no_translation_key_built_at_run_time():
    """t()/tn()/N_() take string literals only: a key built from data could never be extracted."""
    bad = []
    for path in CODE:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("t", "tn", "N_"):
                n = 2 if node.func.id == "tn" else 1
                args = node.args[:n]
                if len(args) < n or not all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in args):
                    bad.append(f"{path.relative_to(REPO)}:{node.lineno}: {ast.unparse(node)[:90]}")
    assert not bad, "\n".join(bad)


def test_every_literal_key_is_extracted():
    """pybabel does not see calls inside f-strings: such a message would never be translated."""
    extracted = {k if isinstance(k, str) else k[0] for k in extracted_messages()}
    missed = []
    for path in CODE:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ("t", "tn", "N_")
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and node.args[0].value not in extracted
            ):
                missed.append(f"{path.relative_to(REPO)}:{node.lineno}: {node.args[0].value[:60]}")
    assert not missed, "\n".join(missed)


def test_translate_marked_only_in_the_vocabulary_and_frame():
    users = {p.relative_to(REPO).as_posix() for p in CODE if "translate_marked(" in p.read_text(encoding="utf-8")}
    assert users <= {
        "src/dashboard/i18n.py",
        "src/dashboard/vocab.py",
        "src/dashboard/ui/layout.py",
        "src/dashboard/packaging.py",
        "src/dashboard/chartdata.py",  # the charts' data columns, like the press kit's
    }


def test_every_vocabulary_label_is_extracted():
    extracted = extracted_messages()
    for v in vocab.ALL:
        for code in v:
            assert v.english(code) in extracted, (v.name, code)


def test_fallback_placeholders_and_unknown_language():
    set_language("zh")
    assert t("Some string without translation") == "Some string without translation"
    set_language("en")
    assert t("{n} of {total}", n=1, total=2) == "1 of 2"
    assert set_language("xx") == "en"


def test_plurals_english_and_chinese():
    assert tn("{n} source", "{n} sources", 1) == "1 source"
    assert tn("{n} source", "{n} sources", 3) == "3 sources"


def test_chinese_vocabulary_labels():
    assert vocab.REGIONS.label("142", lang="zh") == "亚洲"
    assert vocab.METRICS.label("countries_and_regions", lang="zh") == "国家和地区"
    assert vocab.ENTITY_TYPES.label("special_administrative_region", lang="zh") == "特别行政区"


def test_catalogue_is_read_once_per_process():
    i18n._catalogue.cache_clear()
    set_language("zh")
    t("Overview")
    t("Map")
    assert i18n._catalogue.cache_info().misses == 1
