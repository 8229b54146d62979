"""Name harmonisation: every written form to one code; unknown names are errors with suggestions."""

import pytest

from dashboard.harmonize import ENTITY, ORGANIZATION, AliasIndex, UnknownName, normalize
from dashboard.reference import load_entities, load_organizations


@pytest.fixture(scope="module")
def index() -> AliasIndex:
    e = load_entities()
    return AliasIndex(e, load_organizations(entity_codes=set(e.code)))


@pytest.mark.parametrize("name, code", [
    # Hong Kong and Macao are not China (pycountry's fuzzy search says they are)
    ("Hong Kong SAR", "HKG"), ("Hong Kong SAR, China", "HKG"), ("China, Hong Kong SAR", "HKG"),
    ("中国香港", "HKG"), ("香港特別行政區", "HKG"), ("HKSAR", "HKG"),
    ("Macao SAR", "MAC"), ("Macau", "MAC"), ("中国澳门", "MAC"), ("Macao SAR, China", "MAC"),
    # Republic of Korea is South Korea (pycountry's fuzzy search says North)
    ("Republic of Korea", "KOR"), ("Korea, Rep.", "KOR"), ("South Korea", "KOR"), ("韩国", "KOR"), ("大韓民國", "KOR"),
    ("Democratic People's Republic of Korea", "PRK"), ("Korea, Dem. People's Rep.", "PRK"),
    ("Türkiye", "TUR"), ("Turkiye", "TUR"), ("Turkey", "TUR"), ("土耳其", "TUR"),
    ("Lao PDR", "LAO"), ("Laos", "LAO"), ("Lao People's Democratic Republic", "LAO"), ("老挝", "LAO"),
    ("Côte d'Ivoire", "CIV"), ("Cote d'Ivoire", "CIV"), ("Côte d’Ivoire", "CIV"), ("Ivory Coast", "CIV"),
    ("Iran (Islamic Republic of)", "IRN"), ("Iran, Islamic Rep.", "IRN"), ("伊朗伊斯蘭共和國 (Iran)", "IRN"),
    ("安哥拉共和國", "AGO"), ("柬埔寨王國 (Cambodia)", "KHM"), ("厄瓜多爾共和國", "ECU"),
    ("the Solomon Islands", "SLB"), ("所罗门群岛", "SLB"), ("the United States", "USA"), ("美国", "USA"),
    ("Russian Federation", "RUS"), ("俄罗斯", "RUS"), ("Taiwan", "TWN"), ("中国台湾", "TWN"),
    ("Kosovo", "XKX"), ("Viet Nam", "VNM"), ("KSA", "SAU"), ("Tanzania", "TZA"),
    ("Hong Kong SAR (入境处 as member of the PRC delegation)", "HKG"),
])
def test_country_and_region_names(index, name, code):
    assert index.resolve(name, (ENTITY,)).code == code


@pytest.mark.parametrize("name, code", [
    ("IOM", "IOM"), ("International Organization for Migration (IOM)", "IOM"), ("国际移民组织", "IOM"),
    ("Office of the UN High Commissioner for Refugees (UNHCR)", "UNHCR"), ("联合国难民署", "UNHCR"),
    ("UN Office on Drugs and Crime (UNODC)", "UNODC"), ("International Criminal Police Organization (INTERPOL)",
                                                         "INTERPOL"),
    ("ASEAN Secretariat", "ASEAN"),
    ("Lancang-Mekong Integrated Law Enforcement and Security Cooperation Center (LMLECC)", "LMLECC"),
    ("澜湄综合执法安全合作中心", "LMLECC"),
])
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
