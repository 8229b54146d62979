"""Reach metrics on a small synthetic dataset with known answers: two editions (2030, 2031), one
grouping whose membership changes between them (Timor-Leste joins, Myanmar leaves), organizer's
lists that are complete (firm words) or not (honest words); the build's refusal of a membership
row without source or dates; the invitation workbook."""

from __future__ import annotations

import dataclasses
import io
import shutil

import pandas as pd
import pytest
from conftest import REPO

from dashboard import reach
from dashboard.dataset import load_clean
from dashboard.errors import DataError
from dashboard.reference import load_groupings


@pytest.fixture(scope="module")
def real():
    return load_clean(REPO / "data")


def _participation(rows):
    return pd.DataFrame(
        [
            {
                "edition": ed,
                "participant_type": ptype,
                "code": code,
                "how_known": how,
                "names_as_written": code,
                "source_ids": "s1",
            }
            for ed, ptype, code, how in rows
        ]
    ).astype({"edition": "Int64"})


def _person(pid, ed, code, seniority):
    return {
        "edition": ed,
        "scope": "sub_forum",
        "person_id": pid,
        "participant_type": "country_or_region",
        "code": code,
        "seniority": seniority,
        "role": "plenary_speech",
        "name": pid,
    }


def make(real, complete: bool):
    editions = pd.DataFrame(
        {
            "edition": pd.array([2030, 2031], dtype="Int64"),
            "number": pd.array([1, 2], dtype="Int64"),
            "start_date": ["2030-05-01", "2031-05-01"],
            "preferred_source_id": ["s1", "s1"],
            "participant_list_complete": [complete, complete],
        }
    ).reindex(columns=real.editions.columns)
    editions["participant_list_complete"] = [complete, complete]
    how = "registration_list" if complete else "named_as_present"
    participation = _participation(
        [
            (2030, "country_or_region", "CHN", how),
            (2030, "country_or_region", "KHM", how),
            (2030, "international_organization", "IOM", how),
            (2031, "country_or_region", "CHN", how),
            (2031, "country_or_region", "LAO", how),
            (2031, "country_or_region", "TLS", how),
        ]
    )
    people = pd.DataFrame(
        [
            _person("a", 2030, "CHN", "minister"),
            _person("b", 2030, "CHN", "official"),
            _person("c", 2030, "KHM", "official"),
            _person("d", 2031, "CHN", "head_of_institution"),
            _person("e", 2031, "LAO", "senior_official"),
        ]
    ).reindex(columns=real.people.columns)
    people["edition"] = people.edition.astype("Int64")
    figures = pd.DataFrame(
        [
            {
                "edition": ed,
                "scope": "sub_forum",
                "metric": "countries_and_regions",
                "value": v,
                "qualifier": "exact",
                "as_written": str(v),
                "source_id": "s1",
                "is_preferred": True,
                "note": "",
            }
            for ed, v in ((2030, 2), (2031, 3))
        ]
    ).astype({"edition": "Int64", "value": "Int64"})
    groupings = pd.DataFrame(
        [
            {
                "code": "TG",
                "name_en": "Test group",
                "name_zh": "测试集团",
                "kind": "regional_organization",
                "source_id": "g1",
            }
        ]
    ).reindex(columns=real.groupings.columns, fill_value="")
    members = pd.DataFrame(
        [
            ("TG", c, "member", f, "accession", to, "g1", "")
            for c, f, to in (
                ("CHN", "2000-01-01", ""),
                ("KHM", "2000-01-01", ""),
                ("LAO", "2000-01-01", ""),
                ("THA", "2000-01-01", ""),
                ("MMR", "2000-01-01", "2030-12-31"),
                ("TLS", "2031-01-01", ""),
            )
        ]
        + [("TG", "SAU", "invited", "2000-01-01", "accession", "", "g1", "")],
        columns=real.grouping_members.columns,
    )
    sources = pd.DataFrame(
        [
            {
                "id": "g1",
                "url": "https://example.org/members",
                "publisher": "Test secretariat",
                "publisher_zh": "测试秘书处",
            }
        ]
    ).reindex(columns=real.grouping_sources.columns, fill_value="")
    return dataclasses.replace(
        real,
        editions=editions,
        participation=participation,
        people=people,
        reported_figures=figures,
        groupings=groupings,
        grouping_members=members,
        grouping_sources=sources,
    )


@pytest.fixture(scope="module")
def complete(real):
    return make(real, complete=True)


@pytest.fixture(scope="module")
def partial(real):
    return make(real, complete=False)


def test_membership_follows_each_editions_dates(complete):
    assert reach.members_on(complete, "TG", "2030-05-01") == {"CHN", "KHM", "LAO", "THA", "MMR"}
    assert reach.members_on(complete, "TG", "2031-05-01") == {"CHN", "KHM", "LAO", "THA", "TLS"}
    assert reach.members_on(complete, "TG", "2030-12-31") >= {"MMR"}  # the last day still counts
    assert "SAU" not in reach.members_on(complete, "TG", "2031-05-01")  # invited is not a member
    assert "SAU" in reach.members_on(complete, "TG", "2031-05-01", roles=("invited",))


def test_matrix_counts_and_words_with_complete_lists(complete):
    m = reach.grouping_matrix(complete, [2030, 2031], ["TG"], "en").set_index("edition")
    assert m.loc[2030, ["members", "found", "not_found"]].tolist() == [5, 2, 3]
    assert m.loc[2031, ["members", "found", "not_found"]].tolist() == [5, 3, 2]
    assert m.loc[2030, "label"] == "2 of 5 in the organizer's list"
    assert m.loc[2031, "reported_total"] == "3"
    assert m.loc[2030, "membership_date"] == "2030-05-01"


def test_matrix_words_without_complete_lists(partial):
    m = reach.grouping_matrix(partial, [2030], ["TG"], "en")
    assert m.label.tolist() == ["2 of 5 identified"]
    zh = reach.grouping_matrix(partial, [2030], ["TG"], "zh")
    assert zh.label.tolist() == ["5个中列明2个"] and zh.grouping_name.tolist() == ["测试集团"]


def test_member_statuses(complete, partial):
    t = reach.member_statuses(complete, "TG", [2030, 2031], "en").set_index("code")
    assert t.loc["KHM", "status_2030"] == "listed" and t.loc["KHM", "status_2031"] == "not_listed"
    assert t.loc["TLS", "status_2030"] == "not_member" and t.loc["TLS", 2030].startswith("not a member on")
    assert t.loc["MMR", "status_2031"] == "not_member"
    p = reach.member_statuses(partial, "TG", [2030], "en").set_index("code")
    assert p.loc["THA", 2030] == "Not identified in public sources"  # never 'absent'


def test_continuity_names_returning_and_new_with_heads_levels(complete):
    c = reach.continuity(complete, 2030, 2031, "en").set_index("code")
    assert c.loc["CHN", "status_label"] == "Took part in both"
    assert c.loc["KHM", "status_label"] == "Only in 2030 (did not return)"
    assert c.loc["LAO", "status_label"] == "New in 2031"
    assert c.loc["TLS", "status_label"] == "New in 2031"
    assert c.loc["CHN", "head_2030"] == "Minister or equivalent"  # the most senior of two people
    assert c.loc["CHN", "head_2031"] == "Head of institution"
    assert c.loc["TLS", "head_2031"] == "No person of it named"
    assert c.loc["KHM", "head_2031"] == ""  # not there in 2031: no level


def test_continuity_is_honest_without_complete_lists(partial):
    c = reach.continuity(partial, 2030, 2031, "en").set_index("code")
    assert c.loc["KHM", "status_label"] == "Named in 2030 sources, not named in 2031 sources"
    assert not any("New in" in s or "did not return" in s for s in c.status_label)


def test_delegation_levels_by_region(complete):
    d = reach.delegation_levels(complete, [2030, 2031], "en")

    def asia(ed):
        sub = d[(d.edition == ed) & (d.region == "Asia")]
        return dict(zip(sub.level.astype(str), sub.delegations))

    assert asia(2030) == {"minister": 1, "official": 1}
    assert asia(2031) == {"head_of_institution": 1, "senior_official": 1, "no_person_named": 1}


def test_invitation_list_shrinks_as_editions_add_participants(complete):
    one = reach.invitation_list(complete, "grouping", "TG", [2030], "2031-06-01")
    assert set(one.code) == {"LAO", "THA", "TLS"}
    assert set(one.status_2030) == {"not_listed"}
    both = reach.invitation_list(complete, "grouping", "TG", [2030, 2031], "2031-06-01")
    assert both.code.tolist() == ["THA"]
    un = reach.invitation_list(complete, "un", "", [2030, 2031], "2031-06-01")
    assert len(un) == 193 - 4 and "PSE" not in set(un.code) and "VAT" not in set(un.code)
    asia = reach.invitation_list(complete, "region", "142", [2030, 2031], "2031-06-01")
    assert {"CHN", "KHM", "LAO", "TLS"}.isdisjoint(asia.code) and "THA" in set(asia.code)


def test_worksheet_headers_in_the_interface_language(complete):
    inv = reach.invitation_list(complete, "grouping", "TG", [2030], "2031-06-01")
    zh = reach.worksheet(complete, inv, [2030], "zh")
    assert list(zh.columns) == ["中文名称", "英文名称", "代码", "地区", "次区域", "2030年"]
    assert set(zh["2030年"]) == {"未列于主办方完整参会名单"}
    en = reach.worksheet(complete, inv, [2030], "en")
    assert list(en.columns)[:2] == ["Chinese name", "English name"]


def test_shares_against_the_worlds_states(complete):
    s = reach.share_vs_world(complete, [2030], ["TG"], "en").iloc[0]
    assert s.share_of_identified == 1.0  # both countries identified in 2030 are members
    assert s.un_members == 193 and s.un_members_in_grouping == 5
    assert s.share_of_un_members == pytest.approx(5 / 193)


def test_organizations_by_family(complete):
    f = reach.organizations_by_family(complete, [2030, 2031], "zh").set_index(["edition", "family"])
    assert f.loc[(2030, "un_system"), "count"] == 1
    assert f.loc[(2030, "un_system"), "organizations"] == "国际移民组织"
    assert f.loc[(2031, "un_system"), "count"] == 0


def test_workbook_is_formula_safe_with_the_given_headers():
    from openpyxl import load_workbook

    from dashboard.workbook import to_xlsx_bytes

    table = pd.DataFrame({"中文名称": ["=HYPERLINK(1)", "泰国"], "代码": ["X", "THA"]})
    wb = load_workbook(io.BytesIO(to_xlsx_bytes(table, "邀请工作表", "注", sheet="邀请工作表")))
    ws = wb["邀请工作表"]
    assert ws["A1"].value == "邀请工作表"
    assert [c.value for c in ws[4]] == ["中文名称", "代码"]
    assert ws["A5"].value == "'=HYPERLINK(1)" and ws["B6"].value == "THA"


def test_real_groupings_carry_dates_that_matter(real):
    """The facts the issue names: Timor-Leste in ASEAN only after 26 Oct 2025; Indonesia in BRICS from
    6 Jan 2025; Saudi Arabia invited, never counted as a member."""
    assert "TLS" not in reach.members_on(real, "ASEAN", "2025-09-17")
    assert "TLS" in reach.members_on(real, "ASEAN", "2025-10-26")
    assert "IDN" not in reach.members_on(real, "BRICS", "2024-09-09")
    assert "IDN" in reach.members_on(real, "BRICS", "2025-09-17")
    assert "SAU" not in reach.members_on(real, "BRICS", "2025-09-17")
    assert "BLR" in reach.members_on(real, "SCO", "2024-09-09")
    assert "STP" in reach.members_on(real, "LDC", "2024-09-09")
    assert "STP" not in reach.members_on(real, "LDC", "2025-09-17")


@pytest.mark.parametrize(
    "column, value, message",
    [("source_ids", "", "a source is required"), ("from", "", "a date (YYYY-MM-DD) is required")],
)
def test_build_refuses_a_membership_row_without_source_or_dates(tmp_path, column, value, message):
    ref = tmp_path / "data" / "reference"
    shutil.copytree(REPO / "data" / "reference", ref, ignore=shutil.ignore_patterns("natural_earth", "world_geo*"))
    path = ref / "grouping_members.csv"
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    df.loc[0, column] = value
    df.to_csv(path, index=False)
    with pytest.raises(DataError) as exc:
        load_groupings(tmp_path / "data")
    msg = str(exc.value)
    assert "data/reference/grouping_members.csv" in msg and "row 2" in msg and column in msg and message in msg
