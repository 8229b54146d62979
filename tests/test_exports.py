"""CSV exports: byte for byte, formulas neutralised in text cells only."""

import pandas as pd

from dashboard.exports import neutralize, to_csv_bytes


def test_csv_bytes_exact_with_formula_cells():
    df = pd.DataFrame(
        {
            "name": ['=HYPERLINK("http://x")', "+1", "-2", "@SUM(A1)", "\tTab", "\rCR", "Plain", "中国"],
            "value": [1, -2, 3, 4, 5, 6, 7, 8],
        }
    )
    expected = (
        "\ufeffname,value\r\n"
        '"\'=HYPERLINK(""http://x"")",1\r\n'
        "'+1,-2\r\n"
        "'-2,3\r\n"
        "'@SUM(A1),4\r\n"
        "'\tTab,5\r\n"
        '"\'\rCR",6\r\n'
        "Plain,7\r\n"
        "中国,8\r\n"
    ).encode("utf-8")
    assert to_csv_bytes(df) == expected


def test_numbers_are_left_alone():
    assert neutralize(-5) == -5
    assert neutralize("-5") == "'-5"
