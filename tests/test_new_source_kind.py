"""Issue 22's review change "a new kind of source": it touches the vocabulary only.

The test copies the code (``src/dashboard``) and the data, adds one kind of source to the copy's
vocabulary (its label, the kind it belongs to and its citation tier, in ``vocab.py`` and nowhere
else), gives one transcribed source that kind, and runs the build and the citation order on the
copy in a fresh interpreter: the build accepts it, the data package lists it, the source is ranked
by the new kind's tier and labelled by the vocabulary. And no module but the vocabulary names a kind
of source by its code (so nothing else would need the new one)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import textwrap

from conftest import REPO, copy_data

NEW_KIND = "wire_service"
SOURCE = "people_en_xinhua_2024"  # a news report (subkind: news, tier 2)

SCRIPT = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path
    from dashboard import build, citations, vocab
    from dashboard.dataset import load_clean
    from dashboard.paths import clean_dir

    data = Path(sys.argv[1])
    build.write_atomically(build.build(data), clean_dir(data))
    ds = load_clean(data)
    row = ds.sources.set_index("id").loc[sys.argv[2]]
    package = json.loads((clean_dir(data) / "datapackage.json").read_text())
    sources = next(r for r in package["resources"] if r["name"] == "sources")
    enum = next(f for f in sources["schema"]["fields"] if f["name"] == "subkind")["constraints"]["enum"]
    print(json.dumps({
        "subkind": row.subkind,
        "tier": citations.tier(row),
        "label": vocab.SOURCE_SUBKINDS.label(row.subkind, lang="en"),
        "in_package": row.subkind in enum,
        "untiered": citations.untiered_kinds(),
    }))
    """
)


def _add_kind_to_the_vocabulary(vocab_py) -> None:
    text = vocab_py.read_text(encoding="utf-8")
    label = '        "news": N_("News report"),\n        "press_release"'
    rule = '    "news": ("news", 2),\n'
    assert text.count(label) == 1 and text.count(rule) == 1
    text = text.replace(
        label, f'        "news": N_("News report"),\n        "{NEW_KIND}": N_("Wire service"),\n        "press_release"'
    )
    text = text.replace(rule, rule + f'    "{NEW_KIND}": ("news", 1),\n')
    vocab_py.write_text(text, encoding="utf-8")


def test_a_new_kind_of_source_is_a_change_to_the_vocabulary_only(tmp_path):
    code = tmp_path / "code"
    shutil.copytree(
        REPO / "src" / "dashboard", code / "src" / "dashboard", ignore=shutil.ignore_patterns("__pycache__")
    )
    _add_kind_to_the_vocabulary(code / "src" / "dashboard" / "vocab.py")
    data = copy_data(tmp_path / "data_parent", with_clean=False)
    sources = data / "raw" / "sources.yaml"
    text = sources.read_text(encoding="utf-8")
    block = text[text.index(f"- id: {SOURCE}\n") :]
    block = block[: block.index("\n- id:") + 1]
    assert "  subkind: news\n" in block
    sources.write_text(text.replace(block, block.replace("  subkind: news\n", f"  subkind: {NEW_KIND}\n")), "utf-8")

    env = {"PYTHONPATH": str(code / "src"), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(data), SOURCE], env=env, capture_output=True, text=True, timeout=300
    )
    assert out.returncode == 0, out.stderr[-3000:]
    import json

    got = json.loads(out.stdout.strip().splitlines()[-1])
    assert got == {"subkind": NEW_KIND, "tier": 1, "label": "Wire service", "in_package": True, "untiered": []}


def test_no_module_but_the_vocabulary_names_a_kind_of_source():
    """Every code of vocab.SOURCE_SUBKINDS appears as a string literal in vocab.py only (the
    organizers' list, added by the build and the Import page, is the one kind code writes itself)."""
    from dashboard import vocab

    written_by_code = {"registration_list"}
    others = [p for p in sorted((REPO / "src" / "dashboard").rglob("*.py")) if p.name != "vocab.py"]
    offenders = []
    for code in set(vocab.SOURCE_SUBKINDS.codes) - written_by_code - set(vocab.SOURCE_KINDS.codes):
        literal = re.compile(rf"""["']{re.escape(code)}["']""")
        offenders += [f"{p.relative_to(REPO)}: {code}" for p in others if literal.search(p.read_text("utf-8"))]
    assert not offenders, offenders
