"""Name harmonisation: every written form to one code; unknown names are errors with suggestions."""

from pathlib import Path

import pandas as pd
import pytest

from dashboard.harmonize import ENTITY, ORGANIZATION, AliasIndex, UnknownName, normalize
from dashboard.reference import load_entities, load_organizations


@pytest.fixture(scope="module")
def index() -> AliasIndex:
    e = load_entities()
    return AliasIndex(e, load_organizations(entity_codes=set(e.code)))


@pytest.mark.parametrize(
    "name, code",
    [
        # Hong Kong and Macao are not China (pycountry's fuzzy search says they are)
        ("Hong Kong SAR", "HKG"),
        ("Hong Kong SAR, China", "HKG"),
        ("China, Hong Kong SAR", "HKG"),
        ("中国香港", "HKG"),
        ("香港特別行政區", "HKG"),
        ("HKSAR", "HKG"),
        ("Macao SAR", "MAC"),
        ("Macau", "MAC"),
        ("中国澳门", "MAC"),
        ("Macao SAR, China", "MAC"),
        # Republic of Korea is South Korea (pycountry's fuzzy search says North)
        ("Republic of Korea", "KOR"),
        ("Korea, Rep.", "KOR"),
        ("South Korea", "KOR"),
        ("韩国", "KOR"),
        ("大韓民國", "KOR"),
        ("Democratic People's Republic of Korea", "PRK"),
        ("Korea, Dem. People's Rep.", "PRK"),
        ("Türkiye", "TUR"),
        ("Turkiye", "TUR"),
        ("Turkey", "TUR"),
        ("土耳其", "TUR"),
        ("Lao PDR", "LAO"),
        ("Laos", "LAO"),
        ("Lao People's Democratic Republic", "LAO"),
        ("老挝", "LAO"),
        ("Côte d'Ivoire", "CIV"),
        ("Cote d'Ivoire", "CIV"),
        ("Côte d’Ivoire", "CIV"),
        ("Ivory Coast", "CIV"),
        ("Iran (Islamic Republic of)", "IRN"),
        ("Iran, Islamic Rep.", "IRN"),
        ("伊朗伊斯蘭共和國 (Iran)", "IRN"),
        ("安哥拉共和國", "AGO"),
        ("柬埔寨王國 (Cambodia)", "KHM"),
        ("厄瓜多爾共和國", "ECU"),
        ("the Solomon Islands", "SLB"),
        ("所罗门群岛", "SLB"),
        ("the United States", "USA"),
        ("美国", "USA"),
        ("Russian Federation", "RUS"),
        ("俄罗斯", "RUS"),
        ("Taiwan", "TWN"),
        ("中国台湾", "TWN"),
        ("Kosovo", "XKX"),
        ("Viet Nam", "VNM"),
        ("KSA", "SAU"),
        ("Tanzania", "TZA"),
        ("Hong Kong SAR (入境处 as member of the PRC delegation)", "HKG"),
    ],
)
def test_country_and_region_names(index, name, code):
    assert index.resolve(name, (ENTITY,)).code == code


@pytest.mark.parametrize(
    "name, code",
    [
        ("IOM", "IOM"),
        ("International Organization for Migration (IOM)", "IOM"),
        ("国际移民组织", "IOM"),
        ("Office of the UN High Commissioner for Refugees (UNHCR)", "UNHCR"),
        ("联合国难民署", "UNHCR"),
        ("UN Office on Drugs and Crime (UNODC)", "UNODC"),
        ("International Criminal Police Organization (INTERPOL)", "INTERPOL"),
        ("ASEAN Secretariat", "ASEAN"),
        ("Lancang-Mekong Integrated Law Enforcement and Security Cooperation Center (LMLECC)", "LMLECC"),
        ("澜湄综合执法安全合作中心", "LMLECC"),
    ],
)
def test_organization_names(index, name, code):
    assert index.resolve(name, (ORGANIZATION,)).code == code


def test_unknown_name_is_an_error_with_suggestions(index):
    with pytest.raises(UnknownName) as exc:
        index.resolve("Solomon Islnds")
    assert exc.value.suggestions[0] == "Solomon Islands (SLB)"
    assert "Solomon Islnds" in str(exc.value)


def test_ambiguous_short_name_is_not_guessed(index):
    """'Korea' alone could be either; it must fail with both as suggestions, never pick one."""
    with pytest.raises(UnknownName) as exc:
        index.resolve("Korea")
    assert {"Republic of Korea (KOR)", "Democratic People's Republic of Korea (PRK)"} <= set(exc.value.suggestions)


def test_kinds_are_respected(index):
    with pytest.raises(UnknownName):
        index.resolve("IOM", (ENTITY,))


def test_reference_tables_have_no_ambiguous_alias(index):
    assert index.ambiguous_aliases() == {}


def test_normalize_folds_case_accents_and_script():
    assert normalize("  The Côte D’Ivoire ") == normalize("cote d'ivoire")
    assert normalize("香港特別行政區") == normalize("香港特别行政区")


# --- never a wrong match ---


@pytest.mark.parametrize(
    "name, code",
    [
        # the bad-input campaign of issue 13: each used to come back as the wrong country
        ("Congo (Kinshasa)", "COD"),
        ("Congo (Democratic Republic of the)", "COD"),
        ("Congo (Brazzaville)", "COG"),
        ("Virgin Islands (U.S.)", "VIR"),
        ("Taiwan Province (China)", "TWN"),
        ("Hong Kong, SAR (China)", "HKG"),
        ("Macao Special Administrative Region (China)", "MAC"),
        ("Guinea (Bissau)", "GNB"),
        ("Korea, South", "KOR"),
        ("Korea, North", "PRK"),
        ("U.S. Virgin Islands", "VIR"),
        ("Trinidad & Tobago", "TTO"),
        ("St. Lucia", "LCA"),
        ("Myanmar (Burma)", "MMR"),  # both halves name the same country
        ("Hong\u00a0Kong\u200b SAR", "HKG"),  # no-break and zero-width spaces
    ],
)
def test_statistical_and_official_variants(index, name, code):
    assert index.resolve(name).code == code


@pytest.mark.parametrize(
    "name",
    ["Peru (Lima)", "Foo (Peru)", "China: Hong Kong", "Chad, Lake", "Congo (Ruanda)"],
)
def test_qualified_names_match_whole_or_not_at_all(index, name):
    """Half of a qualified name is never taken for the whole: refused with suggestions instead."""
    with pytest.raises(UnknownName) as exc:
        index.resolve(name)
    assert exc.value.reason == "unknown"


@pytest.mark.parametrize(
    "name, readings",
    [
        ("Faeroe Islands (Denmark)", {"FRO", "DNK"}),
        ("Taiwan (Japan)", {"TWN", "JPN"}),
        ("Hong Kong (United Kingdom)", {"HKG", "GBR"}),
        # issue 19: a bracket that names someone else is not a note (these were CHN, COG, SDN, WSM)
        ("China (Hong Kong SAR delegation)", {"CHN", "HKG"}),
        ("Congo (Democratic Republic delegation)", {"COG", "COD"}),
        ("Sudan (South Sudan delegation)", {"SDN", "SSD"}),
        ("Samoa (American Samoa delegation)", {"WSM", "ASM"}),
        ("中国（香港特区代表团）", {"CHN", "HKG"}),
        ("China [Macao SAR delegation]", {"CHN", "MAC"}),
    ],
)
def test_a_bracket_naming_another_entity_is_refused_with_both_readings(index, name, readings):
    with pytest.raises(UnknownName) as exc:
        index.resolve(name)
    assert exc.value.reason == "ambiguous"
    assert {s.rsplit("(", 1)[1].rstrip(")") for s in exc.value.suggestions} == readings


@pytest.mark.parametrize(
    "name, code",
    [
        ("Hong Kong SAR (as member of the PRC delegation)", "HKG"),  # whose delegation: a note
        ("Macao SAR (as a member of the Chinese delegation)", "MAC"),
        ("Peru (delegation)", "PER"),
        ("Peru (online session)", "PER"),
        ("香港特区（作为中国代表团成员）", "HKG"),
        # organizers' forms (issue 19): MFA short names, bracket and spacing variants
        ("蒙古国", "MNG"),
        ("沙特", "SAU"),
        ("波黑", "BIH"),
        ("教廷", "VAT"),
        ("香港特区", "HKG"),
        ("澳门特区", "MAC"),
        ("台湾地区", "TWN"),
        ("刚果 (金)", "COD"),
        ("刚果（金）", "COD"),
        ("刚果[金]", "COD"),
        ("刚果【金】", "COD"),
        ("刚果 （布）", "COG"),
        ("\u3000蒙古国\u3000", "MNG"),
        ("沙\u3000特", "SAU"),
    ],
)
def test_organizers_forms_and_notes_resolve(index, name, code):
    assert index.resolve(name).code == code


def test_ambiguous_short_code_is_refused_with_both_readings(index):
    assert index.short_code_clashes() == {"au": ["African Union (AU)", "Australia (AUS)"]}
    with pytest.raises(UnknownName) as exc:
        index.resolve("AU")
    assert exc.value.reason == "ambiguous"
    assert exc.value.suggestions == ["African Union (AU)", "Australia (AUS)"]
    assert index.resolve("African Union").code == "AU" and index.resolve("Australia").code == "AUS"


def test_two_letter_iso_code_is_suggested_not_matched(index):
    with pytest.raises(UnknownName) as exc:
        index.resolve("PE")
    assert exc.value.suggestions[0] == "Peru (PER)"


PUBLIC_NAMES = Path(__file__).parent / "fixtures" / "names" / "public_names.csv"


def test_public_names_zero_wrong_and_at_least_95_percent_resolved(index):
    """Country names as pycountry, country_converter and CLDR (babel) write them — see
    tests/fixtures/names/make_public_names.py for the origin of every row."""
    df = pd.read_csv(PUBLIC_NAMES, dtype=str, keep_default_na=False)
    assert len(df) > 900 and set(df.origin.str.split().str[0]) == {"pycountry", "country_converter", "babel"}
    wrong, refused = [], []
    for r in df.itertuples():
        m, _reason, _ = index.match(r.name)
        if m is None:
            refused.append(r.name)
        elif m.code != r.code:
            wrong.append((r.name, r.code, m.code))
    rate = 1 - len(refused) / len(df)
    print(f"\npublic names: {len(df)}, wrong {len(wrong)}, resolved {rate:.1%}, refused: {refused}")
    assert wrong == []
    assert rate >= 0.95


def test_suggestions_are_batched_and_cached(index):
    names = [f"Nowhereland {i}" for i in range(50)] + ["Solomon Islnds"]
    out = index.suggest_many(names)
    assert out["Solomon Islnds"][0] == "Solomon Islands (SLB)"
    assert all(len(v) <= 3 for v in out.values())
    assert index.suggest_many(["Solomon Islnds"]) == {"Solomon Islnds": out["Solomon Islnds"]}  # from the cache
    assert ("Solomon Islnds", (ENTITY, ORGANIZATION)) in index._suggestions
