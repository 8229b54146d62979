"""The XLSX reader against a reference reader (openpyxl, full mode, cached values) on workbooks written
by several writers — openpyxl, xlsxwriter, pandas through both — with strings (Chinese, accents, line
breaks), numbers, booleans, dates formatted as dates or as years, formulas with saved results, merged
ranges and a hidden sheet: the same values, or a documented difference (merged ranges are filled with
their top-left value; a date shows as the spreadsheet shows it: ISO date, or the year for a year
format; hidden sheets are not read)."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pandas as pd
import pytest
import xlsxwriter

from dashboard.registrations import xlsx as X

ROWS = [
    ["国家/地区", "姓名", "职务", "人数", "比例", "出席", "届次"],
    ["蒙古国", "巴特", "局长", 3, 0.25, True, dt.datetime(2025, 9, 17)],
    ["Côte d'Ivoire", "Kouassi\nJean", "Directeur général", -2, 1.5e-3, False, dt.datetime(2024, 9, 9)],
    ["刚果（金）", "", "处长", 0, 12345678.875, True, dt.datetime(2025, 1, 1)],
]


def by_openpyxl(buf: io.BytesIO) -> io.BytesIO:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "名单"
    for r in ROWS:
        ws.append(r)
    for row in range(2, 5):
        ws.cell(row, 7).number_format = "yyyy" if row < 4 else "yyyy-mm-dd"
    ws.merge_cells("F3:F4")  # openpyxl drops F4's value: the range shows F3's
    hidden = wb.create_sheet("隐藏")
    hidden.append(["x"])
    hidden.sheet_state = "hidden"
    wb.save(buf)
    return buf


def by_xlsxwriter(buf: io.BytesIO) -> io.BytesIO:
    wb = xlsxwriter.Workbook(buf, {"in_memory": True})
    ws = wb.add_worksheet("名单")
    year = wb.add_format({"num_format": 'yyyy"年"'})
    day = wb.add_format({"num_format": "yyyy-mm-dd"})
    for r, row in enumerate(ROWS):
        for c, v in enumerate(row):
            if isinstance(v, dt.datetime):
                ws.write_datetime(r, c, v, year if r < 3 else day)
            elif v == "":
                continue
            else:
                ws.write(r, c, v)
    ws.write_formula(4, 0, '="沙"&"特"', None, "沙特")  # a formula with its saved result, as Excel saves it
    ws.write_formula(4, 3, "=1+2", None, 3)
    ws.merge_range("B5:C5", "合并", None)
    hidden = wb.add_worksheet("隐藏")
    hidden.write(0, 0, "x")
    hidden.hide()
    wb.close()
    return buf


def by_pandas(engine: str):
    def write(buf: io.BytesIO) -> io.BytesIO:
        df = pd.DataFrame(ROWS[1:], columns=ROWS[0])
        with pd.ExcelWriter(buf, engine=engine, date_format="yyyy-mm-dd", datetime_format="yyyy-mm-dd") as w:
            df.to_excel(w, sheet_name="名单", index=False)
        return buf

    return write


def reference(data: bytes) -> dict[str, list[list[object]]]:
    """openpyxl's view (cached values), with what our reader documents differently applied: merged
    ranges filled, dates as shown by their format, hidden sheets left out, trailing empties trimmed."""
    wb = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    out = {}
    for ws in wb.worksheets:
        if ws.sheet_state != "visible":
            continue
        grid = [[c.value for c in row] for row in ws.iter_rows()]
        for rng in ws.merged_cells.ranges:
            top = grid[rng.min_row - 1][rng.min_col - 1]
            for r in range(rng.min_row, min(rng.max_row, len(grid)) + 1):
                for c in range(rng.min_col, rng.max_col + 1):
                    grid[r - 1][c - 1] = top
        for r, row in enumerate(ws.iter_rows()):
            for c, cell in enumerate(row):
                v = grid[r][c]
                if isinstance(v, dt.datetime):
                    fmt = cell.number_format.lower()
                    grid[r][c] = v.year if X.format_kind(fmt) == "year" else v.date().isoformat()
        rows = []
        for row in grid:
            while row and row[-1] in (None, ""):
                row = row[:-1]
            rows.append([None if v == "" else v for v in row])
        while rows and not rows[-1]:
            rows.pop()
        out[ws.title] = rows
    return out


@pytest.mark.parametrize(
    "writer",
    [by_openpyxl, by_xlsxwriter, by_pandas("openpyxl"), by_pandas("xlsxwriter")],
    ids=["openpyxl", "xlsxwriter", "pandas-openpyxl", "pandas-xlsxwriter"],
)
def test_same_values_as_the_reference_reader(writer):
    data = writer(io.BytesIO()).getvalue()
    ours = X.sheet_values(data, "w.xlsx")
    ours = {k: [[None if v == "" else v for v in row] for row in rows] for k, rows in ours.items()}
    assert ours == reference(data)
    assert "隐藏" not in ours  # hidden sheets are not read
    first = ours["名单"]
    assert first[1][0] == "蒙古国" and first[2][1] == "Kouassi\nJean"
    if writer in (by_openpyxl, by_xlsxwriter):
        assert first[1][6] == 2025  # a date formatted as a year reads as the year, not 45917
        assert first[3][6] == "2025-01-01"
    if writer is by_xlsxwriter:
        assert first[4][:4] == ["沙特", "合并", "合并", 3]  # formulas as their saved results; a merged range filled
