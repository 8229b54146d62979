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


def test_an_incomplete_list_changes_the_words_for_a_state_not_found(real):
    """With an organizer's list that is not complete, a state neither it nor the sources name is 'not
    identified in public sources or the list', never 'absent' and never 'public sources' only."""
    ds = make(real, complete=False)
    p = ds.participation.copy()
    p.loc[(p.edition == 2030) & (p.code == "KHM"), "how_known"] = "registration_list"
    ds = dataclasses.replace(ds, participation=p)
    en = reach.member_statuses(ds, "TG", [2030, 2031], "en").set_index("code")
    zh = reach.member_statuses(ds, "TG", [2030, 2031], "zh").set_index("code")
    assert en.loc["KHM", "status_2030"] == "listed"
    assert en.loc["THA", "status_2030"] == "not_found"
    assert en.loc["THA", 2030] == "Not identified in public sources or the organizer's list"
    assert zh.loc["THA", 2030] == "公开来源和主办方报名名单均未列明"
    assert en.loc["THA", "status_2031"] == "not_identified"  # 2031 has no list


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
    assert list(zh.columns) == ["中文名称", "英文名称", "代码", "大洲", "次区域", "2030年"]
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


# --- observers, partners and associate members: beside the members, never counted ---------------


@pytest.fixture(scope="module")
def with_partners(partial):
    """The partial dataset with an observer that becomes a partner (Mongolia), a partner from 2031
    (Viet Nam), and Viet Nam identified in 2031."""
    extra = pd.DataFrame(
        [
            ("TG", "MNG", "observer", "2000-01-01", "accession", "2030-12-31", "g1", ""),
            ("TG", "MNG", "partner", "2031-01-01", "accession", "", "g1", ""),
            ("TG", "VNM", "partner", "2031-01-01", "accession", "", "g1", ""),
        ],
        columns=partial.grouping_members.columns,
    )
    part = pd.concat(
        [partial.participation, _participation([(2031, "country_or_region", "VNM", "named_as_present")])],
        ignore_index=True,
    )
    return dataclasses.replace(
        partial, grouping_members=pd.concat([partial.grouping_members, extra], ignore_index=True), participation=part
    )


def test_observers_and_partners_are_never_counted_as_members(with_partners, partial):
    m = reach.grouping_matrix(with_partners, [2030, 2031], ["TG"], "en").set_index("edition")
    base = reach.grouping_matrix(partial, [2030, 2031], ["TG"], "en").set_index("edition")
    assert m[["members", "found"]].equals(base[["members", "found"]])  # members unchanged
    assert m.loc[2030, ["associates", "associates_found"]].tolist() == [1, 0]
    assert m.loc[2031, ["associates", "associates_found"]].tolist() == [2, 1]  # Viet Nam identified
    assert "VNM" not in reach.members_on(with_partners, "TG", "2031-05-01")
    inv = reach.invitation_list(with_partners, "grouping", "TG", [2031], "2031-06-01")
    assert "VNM" not in set(inv.code) and "MNG" not in set(inv.code)  # the worksheet lists members only


def test_associate_statuses_per_edition_in_both_languages(with_partners):
    a = reach.associate_statuses(with_partners, "TG", [2030, 2031], "en").set_index("code")
    assert list(a.index) == ["MNG", "VNM"]
    assert a.loc["MNG", "role_2030"] == "observer" and a.loc["MNG", "role_2031"] == "partner"
    assert a.loc["MNG", 2030] == "Observer: Not identified in public sources"
    assert a.loc["VNM", 2031] == "Partner: Identified in public sources"
    assert a.loc["VNM", "role_2030"] == "" and a.loc["VNM", 2030].startswith("no such status on")
    assert a.loc["VNM", "source_ids"] == "g1"
    zh = reach.associate_statuses(with_partners, "TG", [2031], "zh").set_index("code")
    assert zh.loc["VNM", 2031] == "伙伴国：见于公开来源" and zh.loc["MNG", "name_zh"] == "蒙古国"
    assert reach.associate_statuses(with_partners, "TG", [2030], "en").index.tolist() == [0]  # MNG only


def test_real_observers_and_partners_follow_their_dates(real):
    """ASEAN: Timor-Leste an observer on the second edition's dates, a member only from 26 Oct 2025;
    BRICS partners only from 2025; SCO observers became 'SCO partners' on 1 Sep 2025 with Laos."""
    obs = ("observer", "partner", "associate_member")
    assert reach.members_on(real, "ASEAN", "2025-09-17", obs) == {"PNG", "TLS"}
    assert reach.members_on(real, "ASEAN", "2025-10-26", obs) == {"PNG"}
    assert reach.members_on(real, "BRICS", "2024-09-09", obs) == set()
    assert {"NGA", "VNM", "THA", "MYS"} <= reach.members_on(real, "BRICS", "2025-09-17", obs)
    assert "IDN" not in reach.members_on(real, "BRICS", "2025-09-17", obs)  # a member, not a partner
    assert "AFG" in reach.members_on(real, "SCO", "2024-09-09", ("observer",))
    assert "AFG" in reach.members_on(real, "SCO", "2025-09-17", ("partner",))
    assert "LAO" in reach.members_on(real, "SCO", "2025-09-17", obs)
    assert "LAO" not in reach.members_on(real, "SCO", "2024-09-09", obs)
    assert {"GUM", "ASM"} <= reach.members_on(real, "PIF", "2025-09-17", obs)
    assert not {"GUM", "ASM"} & reach.members_on(real, "PIF", "2024-08-29", obs)


def test_every_grouping_source_says_how_it_was_checked(real):
    s = real.grouping_sources
    assert set(s.checked) <= {"search", "file", "not_checked"}
    assert (s.note.str.len() > 0).all()
    used = set(real.groupings.source_id) | {x for ids in real.grouping_members.source_ids for x in ids.split("|")}
    assert used <= set(s.id)


# --- the level of a delegation's head from an organizer's list -----------------------------------


def _fixture_list(ds):
    from dashboard import registrations as R
    from dashboard.harmonize import AliasIndex

    path = REPO / "tests" / "fixtures" / "reach" / "complete_list_2031.csv"
    report = R.validate(
        R.read_file(path.read_bytes(), path.name, lang="en"),
        path.name,
        AliasIndex(ds.entities, ds.organizations),
        [2030, 2031],
        lang="en",
    )
    assert report.ok, [str(i) for i in report.issues]
    return report.table


def _with_list(ds, table, complete=True):
    from dashboard.registrations import merge_into, source_record

    frames = {f.name: getattr(ds, f.name) for f in dataclasses.fields(ds)}
    frames = merge_into(frames, table, source_record("upload_2031", "list.csv", 2031, "2031-06-01", True), complete)
    return dataclasses.replace(ds, **frames)


def test_heads_levels_follow_the_organizers_list(partial):
    from dashboard.registrations.merge import head_levels as list_heads

    table = _fixture_list(partial)
    assert list_heads(table) == {
        (2031, "country_or_region", "CHN"): "vice_minister",  # the head's, not the minister delegate's
        (2031, "country_or_region", "TLS"): "senior_official",  # no head: the most senior title
        (2031, "country_or_region", "THA"): "not_derivable",  # a head without a title
        (2031, "international_organization", "IOM"): "head_of_institution",
    }
    ds = _with_list(partial, table)
    assert reach.is_complete(ds, 2031)
    h = reach.head_levels(ds)
    h = h[h.edition == 2031].set_index("code")
    assert h.loc["CHN", ["level", "basis"]].tolist() == ["vice_minister", "list"]  # sources said head_of_institution
    assert h.loc["LAO", ["level", "basis"]].tolist() == ["senior_official", "sources"]  # the list gives none
    assert h.loc["TLS", ["level", "basis"]].tolist() == ["senior_official", "list"]
    assert h.loc["THA", ["level", "basis"]].tolist() == ["not_derivable", "list"]
    assert h.loc["KHM", ["level", "basis"]].tolist() == ["no_person_named", ""]
    # 2030 has no list: the sources' levels as before
    h30 = reach.head_levels(ds)
    assert h30[(h30.edition == 2030) & (h30.code == "CHN")].basis.tolist() == ["sources"]


def test_delegation_levels_and_continuity_follow_the_list(complete):
    ds = _with_list(complete, _fixture_list(complete))
    d = reach.delegation_levels(ds, [2031], "en")
    asia = d[d.region == "Asia"]
    assert dict(zip(asia.level.astype(str), asia.delegations)) == {
        "vice_minister": 1,  # China
        "senior_official": 2,  # Laos (sources), Timor-Leste (list)
        "not_derivable": 1,  # Thailand
        "no_person_named": 1,  # Cambodia
    }
    from dashboard import reachcharts

    listed = reachcharts.delegation_levels(ds, [2031], "en").figure.to_json()
    assert "delegation in the organizer's list" in listed and "Source: the organizer's list" in listed
    public = reachcharts.delegation_levels(complete, [2031], "en").figure.to_json()
    assert "organizer's list" not in public and "most senior person the sources name" in public
    c = reach.continuity(ds, 2030, 2031, "zh").set_index("code")
    assert c.loc["CHN", "status_label"] == "两届均参会"
    assert c.loc["CHN", "head_2031"] == "副部级" and c.loc["THA", "head_2031"] == "无法从职务判断"


# --- the press summary's reach sentence: only where the numbers are firm -------------------------


def test_summary_reach_sentence_only_with_a_complete_list(partial):
    from dashboard.summary.model import Refs
    from dashboard.summary.reach import reach_facts, reach_sentence

    assert reach_facts(partial, 2031) is None  # identified counts are not firm: no sentence
    assert reach_sentence(partial, None, Refs(partial, "en"), "en") == ""
    ds = _with_list(partial, _fixture_list(partial))
    f = reach_facts(ds, 2031)
    assert [(c.grouping, c.found, c.members) for c in f.counts] == [("TG", 5, 5)]
    assert f.day == "2031-05-01" and f.source_ids == ("upload_2031",)
    assert reach_facts(ds, 2030) is None  # 2030 still has no complete list
    en = reach_sentence(ds, f, Refs(ds, "en"), "en")
    assert (
        en
        == "Of the members of each grouping on May 1, 2031, the organizer's complete list counts 5 of the 5 of Test group [1]."
    )
    zh = reach_sentence(ds, f, Refs(ds, "zh"), "zh")
    assert zh == "按2031年5月1日的成员构成，主办方完整参会名单列有测试集团5个成员中的5个[1]。"


def test_press_summary_carries_the_reach_sentence_with_a_complete_list(real):
    """On the public data no reach sentence; with a complete list for 2025 the summary (both
    languages) states the ASEAN count among the members on 17 September 2025."""
    from dashboard.registrations import merge_into, source_record
    from dashboard.summary import edition_summary

    assert "grouping" not in " ".join(edition_summary(real, 2025, "en").paragraphs)
    un = sorted(
        real.entities[(real.entities.entity_type == "sovereign_state") & ~real.entities.code.isin(["VAT", "PSE"])].code
    )
    asean = reach.members_on(real, "ASEAN", "2025-09-17")
    codes = ["CHN", "LAO", "THA", "KHM", *[c for c in un if c not in asean and c != "CHN"][:50]]
    orgs = list(real.organizations.code[:6])
    rows = [(c, "country_or_region") for c in codes] + [(o, "international_organization") for o in orgs]
    rows += [(codes[i % len(codes)], "country_or_region") for i in range(300 - len(rows))]
    table = pd.DataFrame(
        [
            {
                "edition": 2025,
                "full_name": "",
                "organization": "",
                "written_name": c,
                "participant_type": t,
                "code": c,
                "delegation": c,
                "role": "delegate",
                "mode": "in_person",
            }
            for c, t in rows
        ]
    )
    frames = {f.name: getattr(real, f.name) for f in dataclasses.fields(real)}
    ds = dataclasses.replace(
        real, **merge_into(frames, table, source_record("up", "b.xlsx", 2025, "2026-01-01", True), True)
    )
    assert reach.is_complete(ds, 2025)
    public = set(real.participation[real.participation.edition == 2025].code)
    n = len(({"LAO", "THA", "KHM"} | public) & asean)
    en = " ".join(edition_summary(ds, 2025, "en").paragraphs)
    assert "Of the members of each grouping on September 17, 2025, the organizer's complete list counts " in en
    assert f"{n} of the 10 of ASEAN" in en
    zh = "".join(edition_summary(ds, 2025, "zh").paragraphs)
    assert f"东盟10个成员中的{n}个" in zh and "按2025年9月17日的成员构成" in zh


def test_a_list_without_titles_still_marks_its_heads():
    from dashboard.registrations.merge import head_levels as list_heads
    from dashboard.registrations.merge import participation_rows

    table = pd.DataFrame(
        {
            "edition": [2031, 2031, 2031],
            "participant_type": ["country_or_region"] * 3,
            "code": ["CHN", "CHN", "LAO"],
            "written_name": ["中国", "中国", "老挝"],
            "role": ["head_of_delegation", "delegate", "delegate"],
        }
    )
    assert list_heads(table) == {(2031, "country_or_region", "CHN"): "not_derivable"}
    rows = participation_rows(table, "up").set_index("code")
    assert rows.loc["CHN", "head_level"] == "not_derivable" and rows.loc["LAO", "head_level"] == ""


def test_an_ingested_list_gives_the_heads_levels_after_the_build(data_copy, tmp_path, capsys):
    """The same rule through ``python -m dashboard.ingest`` and the build: the stored list keeps
    its titles, the build writes participation.head_level, the Reach page's levels follow it."""
    from dashboard import ingest

    path = tmp_path / "名单.csv"
    path.write_text(
        "届次,国家/地区,姓名,职务,身份\n2025,老挝,甲,公安部副部长,团长\n2025,老挝,乙,公安部部长,团员\n2025,蒙古国,丙,处长,\n",
        encoding="utf-8",
    )
    rc = ingest.main([str(path), "--edition", "2025", "--data-dir", str(data_copy)])
    assert rc == 0, capsys.readouterr().err
    ds = load_clean(data_copy)
    p = ds.participation
    listed = p[(p.how_known == "registration_list") & (p.edition == 2025)].set_index("code")
    assert listed.loc["LAO", "head_level"] == "vice_minister" and listed.loc["MNG", "head_level"] == "senior_official"
    h = reach.head_levels(ds)
    h = h[h.edition == 2025].set_index("code")
    assert h.loc["LAO", ["level", "basis"]].tolist() == ["vice_minister", "list"]
    assert h.loc["MNG", ["level", "basis"]].tolist() == ["senior_official", "list"]
