"""The Reach page's map (issue 18, map polish): a grouping's members outlined, and its observers, partners
and associate members outlined in a second colour with their own legend entry, never as members."""

from __future__ import annotations

from dashboard import reach, reachcharts


def outlines(fig) -> dict[str, tuple[list[str], str]]:
    return {
        tr.name: (list(tr.locations), tr.marker.line.color)
        for tr in fig.data
        if tr.type == "choropleth" and tr.hoverinfo == "skip" and tr.name and tr.name != "inset"
    }


def test_observers_outlined_apart_from_members(fixture_ds):
    chart = reachcharts.reach_map(fixture_ds, 2099, "ASEAN", "cn", "en")
    got = outlines(chart.figure)
    members = sorted(reach.members_on(fixture_ds, "ASEAN", reach.edition_day(fixture_ds, 2099)))
    assert got["Members of ASEAN"] == (members, reachcharts.MEMBER_OUTLINE)
    # Papua New Guinea: an ASEAN observer in the fixture's reference tables, not a member
    assert got["Observers, partners and associate members of ASEAN"] == (["PNG"], reachcharts.ASSOCIATE_OUTLINE)
    assert "PNG" not in members and reachcharts.ASSOCIATE_OUTLINE != reachcharts.MEMBER_OUTLINE
    row = chart.data[chart.data["Code"] == "PNG"].iloc[0]
    assert row["Membership"] == "Observer"
    assert set(chart.data[chart.data["Code"] != "PNG"]["Membership"]) == {"Member"}
    zh = outlines(reachcharts.reach_map(fixture_ds, 2099, "ASEAN", "cn", "zh").figure)
    assert any(name.endswith("观察员、伙伴国和联系成员") for name in zh), list(zh)


def test_a_grouping_without_observers_has_one_outline(fixture_ds):
    chart = reachcharts.reach_map(fixture_ds, 2099, "AU", "ne", "en")
    assert list(outlines(chart.figure)) == ["Members of African Union"]
    assert set(chart.data["Membership"]) == {"Member"}
