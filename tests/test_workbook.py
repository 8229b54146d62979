"""The Excel workbook of the tables: every sheet opens in openpyxl, headers in the language asked
for, header row frozen, widths set, formulas neutralised, and no page loads openpyxl."""

from __future__ import annotations

import dataclasses
import io
import subprocess
import sys

import openpyxl
import pytest

from dashboard import workbook
from dashboard.paths import REPO_ROOT


def load(data: bytes):
    return openpyxl.load_workbook(io.BytesIO(data))


@pytest.mark.parametrize(
    ("lang", "headers"),
    [
        ("zh", {"届次", "来源", "国家或地区"}),
        ("en", {"Edition", "Sources", "Country or region"}),
    ],
)
def test_every_sheet_opens_with_headers_in_the_language(dataset, lang, headers):
    wb = load(workbook.workbook_bytes(dataset, lang, "note line"))
    tables = workbook.tables(dataset, lang)
    assert wb.sheetnames == [workbook.t("About", lang=lang)] + [name for name, _ in tables]
    seen = set()
    for (name, df), ws in zip(tables, wb.worksheets[1:]):
        first = [c.value for c in ws[1]]
        assert first == [str(c) for c in df.columns], name
        assert ws.freeze_panes == "A2", name
        assert ws.max_row == len(df) + 1, name
        assert all(ws.column_dimensions[chr(65 + i)].width >= workbook.MIN_WIDTH for i in range(len(first)))
        seen |= set(first)
    assert headers <= seen
    if lang == "zh":  # no English header in the Chinese workbook
        import re

        assert not [h for h in seen if re.search(r"[A-Za-z]{3,}", h)]
    assert wb.worksheets[0]["A2"].value == "note line"


def test_formulas_are_neutralised(dataset):
    """A publisher or name starting with =, +, - or @ is text in the workbook, never a formula."""
    sources = dataset.sources.copy()
    sources.loc[sources.index[0], "publisher"] = '=HYPERLINK("http://x","click")'
    sources.loc[sources.index[1], "title"] = "+1+1"
    people = dataset.people.copy()
    people.loc[people.index[0], "name"] = "@SUM(A1)"
    ds = dataclasses.replace(dataset, sources=sources, people=people)
    wb = load(workbook.workbook_bytes(ds, "en"))
    values = []
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
                values.append(cell.value)
    assert '\'=HYPERLINK("http://x","click")' in values
    assert "'+1+1" in values and "'@SUM(A1)" in values


def test_column_widths_count_wide_characters_double():
    assert workbook.display_width("中国") == 4
    assert workbook.display_width("China") == 5


def test_sheet_names_are_valid_and_unique():
    used: set[str] = set()
    a = workbook._sheet_name("Sources: a/b [x]" + "y" * 40, used)
    b = workbook._sheet_name("Sources: a/b [x]" + "y" * 40, used)
    assert len(a) <= 31 and len(b) <= 31 and a != b
    assert not set(a) & set("[]:*?/\\")


def test_no_page_loads_openpyxl():
    """The workbook download imports openpyxl only when clicked (import-linter ignores that one lazy
    import; this proves it stays lazy)."""
    code = (
        "import sys; import dashboard.ui.downloads, dashboard.ui.press, dashboard.ui.sources; "
        "print('openpyxl' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO_ROOT, check=True)
    assert out.stdout.strip() == "False"
