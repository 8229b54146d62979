"""Exports: CSV bytes that are safe to open in a spreadsheet.

Spreadsheets execute a cell that starts with ``=``, ``+``, ``-``, ``@``, tab or
carriage return as a formula (CSV injection, OWASP). Text cells starting with
one of those get a leading apostrophe; numbers are left alone. Streamlit's
built-in dataframe download does not do this, so every CSV the app offers is
built here.
"""

from __future__ import annotations

import pandas as pd

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


def neutralize(value: object) -> object:
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_frame(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            out[col] = out[col].map(neutralize)
    return out


def to_csv_bytes(df: pd.DataFrame) -> bytes:
    """RFC 4180 CSV: UTF-8 with BOM (so Excel reads Chinese names), CRLF line ends (which also makes
    pandas quote any cell holding a bare CR or LF), formulas neutralised."""
    return safe_frame(df).to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")
