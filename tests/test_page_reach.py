"""The Reach page in AppTest: the ASEAN question answered on the public data in both languages, the
URL state, the downloads, and the page following complete organizer's lists loaded in the session
(firm words, a shrinking invitation list)."""

from __future__ import annotations

import pandas as pd
import pytest
from conftest import REPO
from streamlit.testing.v1 import AppTest

from dashboard.dataset import load_clean
from dashboard.i18n import set_language
from dashboard.registrations import source_record

PAGE = "pages/9_Reach.py"


@pytest.fixture(autouse=True)
def _repo_data(monkeypatch):
    monkeypatch.delenv("DASHBOARD_DATA_DIR", raising=False)
    yield
    set_language("en")


def open_reach(query: dict | None = None, lang: str = "en", lists: dict | None = None) -> AppTest:
    set_language(lang)  # AppTest formats widget values in the test's thread
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=90)
    at.query_params["lang"] = lang
    if lists:
        at.session_state["registration_lists"] = lists
    at.run()
    at.switch_page(PAGE)
    at.query_params["lang"] = lang
    for k, v in (query or {}).items():
        at.query_params[k] = v
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    return at


def markdown(at) -> str:
    """The page's markdown with Markdown escapes removed."""
    return "\n".join(m.value for m in at.markdown).replace("\\", "")


def captions(at) -> str:
    return "\n".join(c.value for c in at.caption)


def test_asean_question_answered_on_public_data_in_english():
    at = open_reach()
    text = markdown(at)
    # membership on the edition's own date (Timor-Leste joined after the second edition: 10 members)
    assert (
        "- **2025**: 1 of the 10 members of ASEAN (membership on September 17, 2025) are identified in public" in text
    )
    assert "the sources report 51 countries and regions in all, 13 of them identified" in text
    assert "Membership list: [ASEAN Secretariat](https://asean.org/member-states/)" in captions(at)
    for word in ("absent", "did not attend", "New in", "did not return"):
        assert word not in text
    labels = [b.proto.label for b in at.get("download_button")]
    assert "Download Excel workbook" in labels and labels.count("Download CSV") >= 7
    # observers (Papua New Guinea, Timor-Leste before it joined) beside the members, never counted
    assert "**Observers, partners and associate members of ASEAN (not counted as members)**" in text
    assert "    - Observers, partners and associate members on that day (never counted as members): " in text
    caps = captions(at)
    assert (
        "Membership list: [ASEAN Secretariat](https://asean.org/member-states/) (confirmed in stored public pages)."
        in caps
    )
    assert "How each membership list was checked" in [e.label for e in at.expander]
    assert "Observer and partner statuses and their dates: [Agence France-Presse](" in caps


def test_asean_question_answered_in_chinese():
    at = open_reach(lang="zh")
    text = markdown(at)
    assert "- **2025年**：东盟的10个成员（按2025年9月17日的成员构成）中，1个见于公开来源" in text
    assert "成员名单来源：[东盟秘书处](https://asean.org/member-states/)（已据所存公开网页核实）。" in captions(at)
    assert "**东盟观察员、伙伴国和联系成员（不计入成员）**" in text
    assert "观察员、伙伴国等身份及其日期的来源：[法新社](" in captions(at)
    assert "下载Excel工作簿" in [b.proto.label for b in at.get("download_button")]


def test_grouping_and_worksheet_scope_from_the_url():
    at = open_reach({"grouping": "BRICS", "invite": "grouping:SCO", "editions": "2025"})
    text = markdown(at)
    # Indonesia joined BRICS on 6 Jan 2025; Saudi Arabia (invited) is not counted
    assert "- **2025**: 3 of the 10 members of BRICS" in text and "**2024**" not in text.split("Every grouping")[0]
    assert any("Members of Shanghai Cooperation Organisation:" in c.value for c in at.caption)


def _complete_list(edition: int, codes: list[str], orgs: list[str], rows: int) -> pd.DataFrame:
    """A synthetic organizer's list: one head of delegation per country or organization, then
    delegates until ``rows`` attendees."""
    out = []
    for code in codes:
        out.append((code, "country_or_region", "head_of_delegation"))
    for code in orgs:
        out.append((code, "international_organization", "head_of_delegation"))
    while len(out) < rows:
        out.append((codes[len(out) % len(codes)], "country_or_region", "delegate"))
    return pd.DataFrame(
        [
            {
                "edition": edition,
                "full_name": "",
                "organization": "",
                "written_name": code,
                "participant_type": ptype,
                "code": code,
                "delegation": code,
                "role": role,
                "mode": "in_person",
            }
            for code, ptype, role in out
        ]
    )


def test_page_follows_complete_organizer_lists_in_the_session():
    ds = load_clean(REPO / "data")
    un = sorted(
        ds.entities[(ds.entities.entity_type == "sovereign_state") & ~ds.entities.code.isin(["VAT", "PSE"])].code
    )
    first = ["CHN", *[c for c in un if c != "CHN"][:56]]  # 57 countries
    second = ["CHN", "LAO", "THA", *[c for c in un if c not in ("CHN", "LAO", "THA")][40:88]]  # 51
    orgs = list(ds.organizations.code[:6])
    lists = {
        2024: (
            _complete_list(2024, first, orgs, 300),
            source_record("upload_2024", "a.xlsx", 2024, "2026-01-01", True),
            True,
        ),
        2025: (
            _complete_list(2025, second, orgs[:5], 250),
            source_record("upload_2025", "b.xlsx", 2025, "2026-01-01", True),
            True,
        ),
    }
    at = open_reach(lists=lists)
    text = markdown(at)
    assert "in the organizer's complete list" in text
    assert "**Took part in both**" in text and "**New in 2025**" in text and "**Only in 2024 (did not return)**" in text
    public = set(ds.participation[ds.participation.participant_type == "country_or_region"].code)
    found = (set(first) | set(second) | public) & set(un)
    expected = len(un) - len(found)
    assert any(
        c.value.startswith(f"All UN member states: {expected} states not in the organizers' complete lists")
        for c in at.caption
    )
    # the same worksheet for one edition only is longer: a second list shrinks it
    one = open_reach({"editions": "2024"}, lists=lists)
    found_one = (set(first) | set(ds.participation[ds.participation.edition == 2024].code)) & set(un)
    assert any(
        c.value.startswith(f"All UN member states: {len(un) - len(found_one)} states not in") for c in one.caption
    )
    assert len(un) - len(found_one) > expected
    # every delegation of the lists has a head (团长): its level comes from the list
    assert any(
        c.value.startswith(
            "Each delegation's level is its head's: from the organizer's list where one is loaded (the head of "
            f"delegation and his or her title) for {len(first) + len(second)} delegations"
        )
        for c in at.caption
    )


def test_outcomes_and_side_events_in_chinese_without_english():
    """The outcomes list in Chinese: a Chinese source's wording, or this project's marked as such; no
    English outcome or side-event name (issue 18)."""
    at = open_reach(lang="zh")
    text = markdown(at)
    outcomes = text[text.index("**2024年**") :]
    assert "Chair's Statement" not in outcomes and "commitments" not in outcomes and "Side event" not in outcomes
    assert "中方倡议：共同践行真正的多边主义" in outcomes
    assert "（本项目译写）" in outcomes  # the 2025 chair's statement: no Chinese source words it
    assert "区域移民治理政策研讨会" in outcomes
