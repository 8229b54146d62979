"""Numbers keep their qualifiers; Markdown from data is escaped."""

import pytest

from dashboard.formatting import format_figure, format_figure_short, format_percent, format_signed, md_escape
from dashboard.i18n import set_language, t


@pytest.mark.parametrize("value, qualifier, expected", [
    (300, "about", "about 300"), (240, "more_than", "more than 240"), (51, "exact", "51"),
    (2000, "nearly", "nearly 2,000"), (240, "approximately", "approximately 240"), (None, None, "—"),
])
def test_format_figure(value, qualifier, expected):
    assert format_figure(value, qualifier) == expected


def test_short_forms():
    assert format_figure_short(240, "more_than") == ">240"
    assert format_figure_short(300, "about") == "≈300"


def test_signed_and_percent():
    assert (format_signed(-60), format_signed(5), format_signed(0)) == ("−60", "+5", "±0")
    assert format_percent(-0.2) == "−20%"


def test_markdown_escaped():
    assert md_escape("[x](http://evil)") == r"\[x\]\(http://evil\)"


def test_translation_falls_back_to_english():
    set_language("zh")
    try:
        assert t("Attendees") == "与会人数"
        assert t("Some string without translation") == "Some string without translation"
    finally:
        set_language("en")
    assert t("{n} of {total}", n=1, total=2) == "1 of 2"
    assert set_language("xx") == "en"
