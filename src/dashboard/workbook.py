"""Excel workbooks for downloads (the Reach page's invitation worksheet).

openpyxl is heavy to import: pages never import this module at load time, only inside a download
button's callback (pyproject.toml's import-linter contract lists that one lazy import).
"""

from __future__ import annotations

import io

import pandas as pd

from .exports import neutralize, safe_frame


def to_xlsx_bytes(table: pd.DataFrame, title: str, note: str, sheet: str = "Sheet1") -> bytes:
    """``table`` as an Excel workbook: a title row, a note row, then the table (headers as given),
    text cells formula-safe (a leading apostrophe, as in the CSV exports)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = sheet[:31]
    ws.append([neutralize(title)])
    ws["A1"].font = Font(bold=True, size=13)
    ws.append([neutralize(note)])
    ws.append([])
    ws.append([neutralize(str(c)) for c in table.columns])
    for cell in ws[4]:
        cell.font = Font(bold=True)
    for row in safe_frame(table).itertuples(index=False):
        ws.append([None if pd.isna(v) else v for v in row])
    for i, col in enumerate(table.columns, start=1):
        width = max([len(str(col))] + [len(str(v)) for v in table.iloc[:, i - 1]]) + 2
        ws.column_dimensions[ws.cell(row=4, column=i).column_letter].width = min(max(width, 8), 48)
    ws.freeze_panes = "A5"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
