"""Language is a parameter of the core, never ambient state: the core reads no current language,
compares no language code with a literal outside the one locale-rules module, and passes ``lang``
to every translation call. (The UI is the only place that asks for the page's language.)"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SRC = REPO / "src" / "dashboard"
CORE = sorted(p for p in SRC.rglob("*.py") if "ui" not in p.relative_to(SRC).parts[:1])
AMBIENT_ALLOWED = {SRC / "i18n.py"}
LANGUAGE_LITERAL = re.compile(r"""[=!]=\s*["'](?:zh|en|fr)["']|["'](?:zh|en|fr)["']\s*[=!]=""")


def _rel(p: Path) -> str:
    return p.relative_to(REPO).as_posix()


def test_core_never_reads_the_current_language():
    offenders = [_rel(p) for p in CORE if p != SRC / "i18n.py" and "get_language(" in p.read_text(encoding="utf-8")]
    assert not offenders, f"get_language() outside src/dashboard/ui and i18n.py: {offenders}"


def _lang_defaults_to_the_run(path) -> list[str]:
    """Functions whose ``lang`` parameter defaults to None (the run's language, through t())."""
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            args = node.args
            positional = args.posonlyargs + args.args
            pairs = list(zip(positional[len(positional) - len(args.defaults) :], args.defaults))
            pairs += [(a, d) for a, d in zip(args.kwonlyargs, args.kw_defaults) if d is not None]
            for arg, default in pairs:
                if arg.arg == "lang" and isinstance(default, ast.Constant) and default.value is None:
                    out.append(f"{path.name}:{node.lineno} {node.name}")
    return out


def test_core_never_falls_back_to_the_run_language():
    """No core function reads the run's language through ``resolve_language`` or a ``lang=None`` default
    (the registration reader did until issue 22: its messages now take the caller's ``lang``)."""
    calls = [_rel(p) for p in CORE if p != SRC / "i18n.py" and "resolve_language(" in p.read_text(encoding="utf-8")]
    assert not calls, f"resolve_language() in the core: {calls}"
    # citations.strongest: None means no reader at all (no language cited first), it translates nothing
    no_reader = {"citations.py strongest", "citations.py main_source_url"}
    defaults = [
        c
        for p in CORE
        if p != SRC / "i18n.py"
        for c in _lang_defaults_to_the_run(p)
        if f"{c.split(':')[0]} {c.split(' ')[-1]}" not in no_reader
    ]
    assert not defaults, "lang defaults to None (the run's language) in:\n" + "\n".join(defaults)


def test_the_default_check_can_fail(tmp_path):
    f = tmp_path / "m.py"
    f.write_text("def a(x, lang=None):\n    pass\ndef b(x, *, lang: str):\n    pass\n")
    assert [c.split(" ")[-1] for c in _lang_defaults_to_the_run(f)] == ["a"]


def test_no_language_literal_comparison_outside_locale_rules():
    offenders = []
    for p in sorted(SRC.rglob("*.py")):
        if p == SRC / "locale_rules.py":
            continue
        for i, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
            if LANGUAGE_LITERAL.search(line):
                offenders.append(f"{_rel(p)}:{i}: {line.strip()}")
    assert not offenders, "compare language codes in dashboard.locale_rules only:\n" + "\n".join(offenders)


def _calls_without_lang(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("t", "tn"):
            if not any(k.arg == "lang" for k in node.keywords):
                out.append(f"{_rel(path)}:{node.lineno}")
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "translate_marked":
            if len(node.args) < 2 and not any(k.arg == "lang" for k in node.keywords):
                out.append(f"{_rel(path)}:{node.lineno}")
    return out


def test_core_passes_lang_to_every_translation():
    offenders = [c for p in CORE if p not in AMBIENT_ALLOWED for c in _calls_without_lang(p)]
    assert not offenders, "t()/tn()/translate_marked() without lang= in the core:\n" + "\n".join(offenders)


@pytest.mark.parametrize(
    "text, found",
    [('if lang == "zh":', True), ("x = 'zh' != lang", True), ('lang = "zh"', False), ('{"zh": rules}', False)],
)
def test_the_literal_check_can_fail(text, found):
    assert bool(LANGUAGE_LITERAL.search(text)) is found


def test_supported_languages_come_from_the_catalogues(tmp_path, monkeypatch):
    from dashboard import i18n

    for lang in ("zh", "fr"):
        (tmp_path / lang / "LC_MESSAGES").mkdir(parents=True)
        (tmp_path / lang / "LC_MESSAGES" / "messages.po").write_text("", encoding="utf-8")
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)
    i18n.supported_languages.cache_clear()
    try:
        assert i18n.supported_languages() == ("en", "fr", "zh")
        assert i18n.match_language("fr-CA") == "fr"
        assert i18n.match_language("zh_Hans_CN") == "zh"
        assert i18n.match_language("de-DE") == "en"
        assert i18n.match_language("") == "en"
    finally:
        i18n.supported_languages.cache_clear()


def test_a_download_callback_outside_the_page_gets_the_language_it_was_given(dataset):
    """A download button's data callback runs outside the page's run (the run's language is then the
    default): the press kit is built in the language passed to it."""
    import datetime as dt
    import io
    import zipfile

    from dashboard import packaging
    from dashboard.i18n import set_language

    set_language("en")
    z = packaging.press_kit_zip(
        dataset, [2025], dt.date(2026, 11, 27), "abc", render=lambda fig, fmt, date: b"", lang="zh"
    )
    readme = zipfile.ZipFile(io.BytesIO(z)).read("新闻素材包-2025/README.md").decode()
    assert "新闻素材包" in readme and "Press kit" not in readme
