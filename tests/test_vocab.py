"""One vocabulary module: codes, labels, parsing of old links, and every consumer derives from it."""

from __future__ import annotations

from dashboard import schema, tables, vocab
from dashboard.i18n import set_language


def test_codes_are_unique_and_ordered():
    for v in vocab.ALL:
        assert len(set(v.codes)) == len(v.codes), v.name
        assert all(v.english(c) for c in v.codes), v.name


def test_schema_and_tables_derive_from_vocabulary():
    assert schema.ROLES == vocab.ROLES.codes
    assert schema.MODES == vocab.MODES.codes
    assert schema.QUALIFIERS == vocab.QUALIFIERS.codes
    assert set(schema.HOW_KNOWN) <= set(vocab.HOW_KNOWN.codes)
    people = {f["name"]: f for f in tables.TABLES["people"]["fields"]}
    assert tuple(people["role"]["constraints"]["enum"]) == vocab.ROLES.codes
    assert tuple(people["seniority"]["constraints"]["enum"]) == vocab.SENIORITY.codes


def test_parse_accepts_codes_english_labels_and_nothing_else():
    assert vocab.REGIONS.parse("142") == "142"
    assert vocab.REGIONS.parse("Asia") == "142"
    assert vocab.REGIONS.parse("asia") == "142"
    assert vocab.REGIONS.parse("Atlantis") is None
    assert vocab.SUB_REGIONS.parse("South-eastern Asia") == "035"


def test_labels_follow_the_language():
    assert vocab.ROLES.label("keynote", lang="en") == "Keynote"
    set_language("en")  # the run's language does not matter: the language is a parameter
    assert vocab.ROLES.label("keynote", lang="zh") != "Keynote"
    assert vocab.region_label("Europe", lang="zh") == "欧洲"
    assert vocab.ROLES.label("unknown_code", lang="en") == "unknown_code"
