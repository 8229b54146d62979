"""The one comparison rule: exact, approximate, bounded ("more than"), counts of names, conflicts."""

from __future__ import annotations

import pytest

from dashboard import comparison as cmp
from dashboard import metrics
from dashboard.comparison import Stated, compare_figures


def test_exact_figures_give_an_exact_change():
    c = compare_figures(Stated(57, "exact"), Stated(51, "exact"))
    assert (c.kind, c.delta, round(c.ratio, 4)) == ("exact", -6, round(-6 / 57, 4))
    assert cmp.change_parts(c, lang="en") == ("−6", "−11%")
    assert cmp.change_sentence(c, lang="en") == "6 fewer"
    assert cmp.basis_text(c, lang="en") == "57 → 51: −6 (−11%)"


def test_a_qualified_figure_makes_the_change_approximate_with_its_basis_stated():
    c = compare_figures(Stated(300, "about"), Stated(240, "more_than"))
    assert (c.kind, c.delta, c.ratio) == ("approximate", -60, -0.2)
    assert c.is_approximate
    assert cmp.change_parts(c, lang="en") == ("about −60", "about −20%")
    assert cmp.basis_text(c, lang="en") == (
        "about 300 → more than 240: about −60 (about −20%), approximate because a figure is qualified"
    )
    assert cmp.change_sentence(c, lang="en") == "about 60 fewer (−20%)"


@pytest.mark.parametrize(
    "earlier, later, bound, parts",
    [
        (Stated(200, "exact"), Stated(240, "more_than"), "at_least", ("at least +40", "at least +20%")),
        (Stated(300, "nearly"), Stated(320, "exact"), "at_least", ("at least +20", "at least +7%")),
        (Stated(300, "more_than"), Stated(240, "exact"), "at_most", ("at most −60", "at most −20%")),
        (Stated(300, "exact"), Stated(240, "nearly"), "at_most", ("at most −60", "at most −20%")),
    ],
)
def test_lower_and_upper_bounds_give_a_bounded_change(earlier, later, bound, parts):
    c = compare_figures(earlier, later)
    assert (c.kind, c.bound) == ("bounded", bound)
    assert cmp.change_parts(c, lang="en") == parts


def test_bounds_pointing_both_ways_are_only_approximate():
    c = compare_figures(Stated(300, "more_than"), Stated(240, "more_than"))
    assert c.kind == "approximate" and c.bound is None


def test_counts_of_what_sources_name_never_get_a_change():
    c = compare_figures(Stated(8, "exact", cmp.NAMED), Stated(13, "exact", cmp.NAMED))
    assert c.kind == "source_count" and c.delta is None and c.ratio is None and not c.has_change
    assert (
        cmp.change_parts(c, lang="en") == ("—", "—")
        and cmp.change_text(c, lang="en") == ""
        and cmp.change_sentence(c, lang="en") == ""
    )
    text = cmp.basis_text(c, lang="en")
    assert "8 named in sources → 13 named in sources" in text and "no change" in text
    assert "%" not in text and "+" not in text


def test_a_missing_figure_is_not_comparable():
    c = compare_figures(Stated(None, None, cmp.NOT_REPORTED), Stated(51))
    assert c.kind == "not_comparable" and not c.has_change


def test_conflicting_values_travel_with_the_figure():
    later = Stated(51, "exact", cmp.REPORTED, ("chair",), ((50, "exact", ("news",)),))
    c = compare_figures(Stated(57), later)
    assert c.conflicts
    assert cmp.figure_with_others(later, lang="en") == "51 (another source: 50)"
    assert cmp.basis_text(c, lang="en") == "57 → 51 (another source: 50): −6 (−11%)"


def test_wording_goes_through_the_catalogue():
    """The Chinese catalogue words the same rule the way Chinese sources write approximations."""
    from dashboard import i18n

    i18n.set_language("en")  # the run's language does not matter: the language is a parameter
    c = compare_figures(Stated(300, "about"), Stated(240, "more_than"))
    # house style rule 11: the change in words, 约 before the number (was '约−60', '约−20%')
    assert cmp.change_parts(c, lang="zh") == ("减少约60", "降幅约20%")
    people = compare_figures(Stated(300, "about", metric="attendees"), Stated(240, "more_than", metric="attendees"))
    assert cmp.change_parts(people, lang="zh") == ("减少约60人", "降幅约20%")
    assert cmp.change_text(people, lang="zh") == "减少约60人，降幅约20%"
    assert cmp.change_parts(people, lang="en") == ("about −60", "about −20%")


def test_real_data_every_view_uses_the_same_rule(dataset):
    h = metrics.headline(dataset)
    sp = h[(h.edition == 2025) & (h.metric == "named_speakers")].iloc[0]
    assert sp.change is None or sp.change != sp.change  # no change for a count of names
    assert sp.change_kind == "source_count"
    table = metrics.compare_headline(dataset, 2024, 2025).set_index("metric")
    assert table.loc["named_speakers", "change_kind"] == "source_count"
    assert table.loc["attendees", "change_kind"] == "approximate"
    c = metrics.compare(dataset, 2024, 2025, "countries_and_regions")
    assert c.later.others == ((50, "exact", c.later.others[0][2]),)
    assert "nia_en_2025_news" in c.later.others[0][2]
