"""The reference tables: complete, consistent, with the deliberate naming choices."""

import pandas as pd
import pytest

from dashboard.errors import DataError
from dashboard.reference import load_entities, load_organizations


@pytest.fixture(scope="module")
def entities() -> pd.DataFrame:
    return load_entities()


def test_every_iso_country_plus_kosovo(entities):
    assert len(entities) == 250  # 249 ISO 3166-1 entries + Kosovo
    assert entities.code.is_unique
    assert {"XKX", "HKG", "MAC", "TWN", "CHN", "SGP", "TUV"} <= set(entities.code)


def test_naming_of_sars_and_taiwan(entities):
    e = entities.set_index("code")
    assert (e.loc["HKG", "name_en"], e.loc["HKG", "name_zh"], e.loc["HKG", "entity_type"]) == (
        "Hong Kong SAR, China",
        "中国香港",
        "special_administrative_region",
    )
    assert (e.loc["MAC", "name_en"], e.loc["MAC", "name_zh"]) == ("Macao SAR, China", "中国澳门")
    assert (e.loc["TWN", "name_en"], e.loc["TWN", "name_zh"]) == ("Taiwan, China", "中国台湾")
    assert e.loc["KOR", "name_en"] == "Republic of Korea"


def test_regions_and_map_flags(entities):
    e = entities.set_index("code")
    assert (e.loc["SLB", "region"], e.loc["SLB", "sub_region"]) == ("Oceania", "Melanesia")
    assert (e.loc["PER", "region"], e.loc["PER", "sub_region"]) == ("Americas", "South America")
    assert e.loc["SGP", "ne50m_drawn"] and e.loc["HKG", "ne50m_drawn"] and e.loc["BHR", "ne50m_drawn"]
    assert not e.loc["TUV", "ne50m_drawn"] and not e.loc["XKX", "ne50m_drawn"]
    assert (entities.region != "").all()


def test_organizations_have_known_kinds_and_hq(entities):
    o = load_organizations(entity_codes=set(entities.code))
    assert {"IOM", "UNHCR", "UNODC", "INTERPOL", "ASEAN", "LMLECC"} <= set(o.code)
    assert not set(o.code) & set(entities.code)


def test_broken_reference_names_file_and_row(tmp_path):
    ref = tmp_path / "data" / "reference"
    ref.mkdir(parents=True)
    (ref / "organizations.csv").write_text(
        "code,acronym,name_en,name_zh,aliases,kind,family,hq_country,note\nIOM,IOM,IOM,国际移民组织,,agency,un_system,CHE,\n",
        encoding="utf-8",
    )
    with pytest.raises(DataError) as exc:
        load_organizations(tmp_path / "data")
    msg = str(exc.value)
    assert "data/reference/organizations.csv, record row 2 (IOM), field 'kind'" in msg
