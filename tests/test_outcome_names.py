"""Outcomes and side events in the reader's language (dashboard.names): a Chinese source's wording in
Chinese, else this project's wording flagged for marking, else as the sources write them; never the
English in the Chinese view where a Chinese form exists. Fixture rows with known answers."""

from __future__ import annotations

import pandas as pd
import pytest
from pydantic import ValidationError

from dashboard.names import outcome_item, side_event_name
from dashboard.schema import Outcome, SideEvent

SOURCED = {"item": "Joint declaration", "item_zh": "联合宣言", "item_zh_project": "", "zh_source_id": "zh_src"}
PROJECT = {
    "item": "Chair's statement (dated 1 Sept 2099)",
    "item_zh": "",
    "item_zh_project": "主席声明（2099年9月1日）",
}
BARE = {"item": "Final communiqué", "item_zh": float("nan"), "item_zh_project": None}


@pytest.mark.parametrize(
    ("row", "lang", "expected"),
    [
        (SOURCED, "zh", ("联合宣言", False)),
        (SOURCED, "en", ("Joint declaration", False)),
        (PROJECT, "zh", ("主席声明（2099年9月1日）", True)),
        (PROJECT, "en", ("Chair's statement (dated 1 Sept 2099)", False)),
        (BARE, "zh", ("Final communiqué", False)),
    ],
)
def test_outcome_in_the_readers_language(row, lang, expected):
    assert outcome_item(row, lang) == expected
    assert outcome_item(pd.Series(row), lang) == expected


def test_side_event_name_in_the_readers_language():
    row = {"name": "Regional Seminar", "name_zh": "区域研讨会"}
    assert side_event_name(row, "zh") == "区域研讨会"
    assert side_event_name(row, "en") == "Regional Seminar"
    assert side_event_name({"name": "Regional Seminar", "name_zh": ""}, "zh") == "Regional Seminar"


def test_a_chinese_form_cites_its_source():
    with pytest.raises(ValidationError, match="item_zh and zh_source_id"):
        Outcome(item="x", source_ids=["a"], item_zh="宣言")
    with pytest.raises(ValidationError, match="item_zh_project is given although"):
        Outcome(item="x", source_ids=["a"], item_zh="宣言", zh_source_id="a", item_zh_project="宣言")
    with pytest.raises(ValidationError, match="name_zh and zh_source_id"):
        SideEvent(name="x", date="2099-09-01", city="c", attendees_as_written="a", source_ids=["a"], name_zh="会")
    assert Outcome(item="x", source_ids=["a"], item_zh_project="宣言").item_zh_project == "宣言"


def test_people_csv_in_chinese_is_the_table_as_shown(dataset):
    """The Speakers page's CSV in Chinese: the columns as the page shows them, in Chinese (no
    'name_as_written', 'role' codes…); in English the data package's columns."""
    from dashboard.ui.speakers import _people_csv

    key = (tuple(dataset.edition_ids), (), ())
    zh = _people_csv(dataset, key, "zh")
    en = _people_csv(dataset, key, "en")
    assert not any(c.isascii() and c.isalpha() for col in zh.columns for c in col), list(zh.columns)
    assert {"edition", "role", "name_as_written"} <= set(en.columns)
    assert set(zh.iloc[:, 0]) <= set(dataset.edition_ids)
    assert len(zh) == len(en)
