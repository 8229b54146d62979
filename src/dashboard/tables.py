"""The clean tables: their columns, types and keys, in one place.

The build writes exactly these columns in this order, ``datapackage.json`` is
generated from this spec (Frictionless Data Package v1), and the app's loader
reads types from it. One spec, three uses, no drift.
"""

from __future__ import annotations

from . import vocab

# Enums of the clean tables, from the one vocabulary module.
QUALIFIERS = vocab.QUALIFIERS.codes
ROLES = vocab.ROLES.codes
MODES = vocab.MODES.codes
SOURCE_KINDS = vocab.SOURCE_KINDS.codes
SOURCE_SUBKINDS = vocab.SOURCE_SUBKINDS.codes
SENIORITY = vocab.SENIORITY.codes
HOW_KNOWN_CLEAN = vocab.HOW_KNOWN.codes
PARTICIPANT_TYPES = vocab.PARTICIPANT_TYPES.codes
SCOPES = ("sub_forum", "parent_conference")
ENTITY_TYPES = vocab.ENTITY_TYPES.codes
REGION_NAMES = tuple(vocab.REGIONS.labels.values())
SUB_REGION_NAMES = tuple(vocab.SUB_REGIONS.labels.values())


def f(name: str, type_: str, description: str, enum: tuple[str, ...] | None = None, required: bool = False) -> dict:
    field = {"name": name, "type": type_, "description": description}
    constraints = {}
    if enum:
        constraints["enum"] = list(enum)
    if required:
        constraints["required"] = True
    if constraints:
        field["constraints"] = constraints
    return field


LIST = "Several values separated by '|'."
# The clean editions table: every column is the field of the same name in the raw edition files
# (data/raw/editions/<year>.yaml), in this order, except these, which the build derives. The raw
# files' schema (dashboard.schema.Edition) is generated from these columns: an edition column is
# defined here once (name, type, whether required, description).
DERIVED_EDITION_COLUMNS = ("edition", "theme_en", "theme_en_source_id", "theme_zh", "theme_zh_source_id")

TABLES: dict[str, dict] = {
    "editions": {
        "description": "One row per edition of the sub-forum.",
        "fields": [
            f("edition", "integer", "Edition id: the year it was held.", required=True),
            f("number", "integer", "1 for the first sub-forum, 2 for the second, …", required=True),
            f("name_en", "string", "Official English name.", required=True),
            f("name_zh", "string", "Official Chinese name.", required=True),
            f("start_date", "date", "First day.", required=True),
            f("end_date", "date", "Last day.", required=True),
            f("city_en", "string", "City (English).", required=True),
            f("city_zh", "string", "City (Chinese).", required=True),
            f("province_en", "string", "Province (English).", required=True),
            f("province_zh", "string", "Province (Chinese); empty when no Chinese source of this edition gives it."),
            f("country", "string", "Host country.", required=True),
            f("city_lat", "number", "City latitude (WGS84), for the map's venue marker.", required=True),
            f("city_lon", "number", "City longitude (WGS84).", required=True),
            f("venue", "string", "Venue name; empty when no source gives it."),
            f("host_en", "string", "Host (English).", required=True),
            f("host_zh", "string", "Host (Chinese).", required=True),
            f("host_source_ids", "string", "Sources for the host. " + LIST, required=True),
            f("name_zh_source_id", "string", "Chinese-language source that writes name_zh; empty when none does."),
            f("city_zh_source_id", "string", "Chinese-language source that writes city_zh; empty when none does."),
            f(
                "province_zh_source_id",
                "string",
                "Chinese-language source that writes province_zh; empty when none does.",
            ),
            f(
                "host_zh_source_id",
                "string",
                "Chinese-language source that writes host_zh; empty when no Chinese source of this edition does.",
            ),
            f("theme_en", "string", "Theme (English) as given by the preferred source, else the first English source."),
            f("theme_en_source_id", "string", "Source of theme_en."),
            f(
                "theme_zh",
                "string",
                "Theme (Chinese, simplified characters) as given by the preferred source, else "
                "the first Chinese source; converted from traditional characters (OpenCC t2s) where that source "
                "writes them.",
            ),
            f("theme_zh_source_id", "string", "Source of theme_zh (a Chinese-language source)."),
            f(
                "preferred_source_id",
                "string",
                "Source whose figures are preferred when sources disagree (the official chair's statement).",
                required=True,
            ),
            f(
                "participant_list_complete",
                "boolean",
                "True when a complete participant list (an organizer's "
                "registration list) is loaded; public sources name only part of the participants.",
                required=True,
            ),
            f("not_found", "string", "What the sources searched do not say. " + LIST),
        ],
        "primaryKey": ["edition"],
        "foreignKeys": [
            {"fields": [col], "reference": {"resource": "sources", "fields": ["id"]}}
            for col in (
                "preferred_source_id",
                "name_zh_source_id",
                "city_zh_source_id",
                "province_zh_source_id",
                "host_zh_source_id",
                "theme_en_source_id",
                "theme_zh_source_id",
            )
        ],
    },
    "sources": {
        "description": "Every public page (or organizer's file) a record comes from.",
        "fields": [
            f("id", "string", "Source id, cited by every other table.", required=True),
            f("url", "string", "Address of the page."),
            f("title", "string", "Title of the page."),
            f("publisher", "string", "Publisher."),
            f("publisher_zh", "string", "The publisher's own Chinese name, where known (Chinese interface)."),
            f("language", "string", "Language (ISO 639-1)."),
            f("kind", "string", "Coarse kind of source.", SOURCE_KINDS),
            f("subkind", "string", "Finer kind of source (its citation tier follows from it).", SOURCE_SUBKINDS),
            f("short_title", "string", "Short English description, used in reference labels."),
            f("short_title_zh", "string", "The same description in Chinese (this project's wording)."),
            f(
                "supports",
                "string",
                "What the source can be cited for: participation, figures, name_or_title "
                "(only how a person's name or title is written, never evidence of participation), context. " + LIST,
            ),
            f("published", "string", "Publication date as given (YYYY, YYYY-MM or YYYY-MM-DD); empty if none."),
            f("published_note", "string", "What the date is (date of statement, dateline, page date)."),
            f("accessed", "string", "When the page was read; empty where the fact sheet does not record it."),
            f("excerpt", "string", "Verbatim excerpt relied on (path under shared/sources/)."),
            f("notes", "string", "Caveats."),
        ],
        "primaryKey": ["id"],
    },
    "reported_figures": {
        "description": "Figures as the sources report them; conflicting values are all kept, one preferred "
        "per edition, scope and metric.",
        "fields": [
            f("edition", "integer", "Edition id.", required=True),
            f("scope", "string", "sub_forum, or parent_conference (context only).", SCOPES),
            f("metric", "string", "What is counted.", required=True),
            f("value", "integer", "The number as written."),
            f("qualifier", "string", "How exact the source says it is.", QUALIFIERS),
            f("as_written", "string", "The words of the source."),
            f("source_id", "string", "Source.", required=True),
            f(
                "is_preferred",
                "boolean",
                "The value shown by default: the preferred (official chair's statement) "
                "source's, else the first official source's.",
            ),
            f("note", "string", "Caveats."),
        ],
        "primaryKey": ["edition", "scope", "metric", "source_id"],
        "foreignKeys": [
            {"fields": ["edition"], "reference": {"resource": "editions", "fields": ["edition"]}},
            {"fields": ["source_id"], "reference": {"resource": "sources", "fields": ["id"]}},
        ],
    },
    "participation": {
        "description": "Identified participants: edition × country/region or organization × how it is known. "
        "Public sources name only part of the participants.",
        "fields": [
            f("edition", "integer", "Edition id.", required=True),
            f("participant_type", "string", "Country/region or international organization.", PARTICIPANT_TYPES),
            f("code", "string", "ISO 3166-1 alpha-3 (XKX for Kosovo) or organization code.", required=True),
            f(
                "how_known",
                "string",
                "named_as_present: a source names it among those present; speaker: a person "
                "of it spoke; person_named: a person of it is named in another role; "
                "delegation_in_parallel_session; registration_list: an organizer's list.",
                HOW_KNOWN_CLEAN,
            ),
            f("names_as_written", "string", "Names as the sources write them. " + LIST),
            f("source_ids", "string", "Sources. " + LIST, required=True),
            f(
                "listed_order",
                "integer",
                "Position in the list of the edition's official source (chair's statement, else the host's "
                "news release), 1 first; empty where none lists it. Organizations are shown in this order in Chinese.",
            ),
            f(
                "head_level",
                "string",
                "registration_list rows only: the seniority of the delegation's head as the organizer's list "
                "gives it (the head of delegation's title; else the most senior title); empty elsewhere.",
                SENIORITY,
            ),
        ],
        "primaryKey": ["edition", "participant_type", "code", "how_known"],
        "foreignKeys": [{"fields": ["edition"], "reference": {"resource": "editions", "fields": ["edition"]}}],
    },
    "people": {
        "description": "Named (and some unnamed) people, with title, organization, role and mode.",
        "fields": [
            f("edition", "integer", "Edition id.", required=True),
            f("scope", "string", "sub_forum, or parent_conference (context only).", SCOPES),
            f("person_id", "string", "Stable id within the data.", required=True),
            f("name", "string", "Name in Latin script; empty when the source does not give it."),
            f("name_as_written", "string", "Name as written in non-Latin sources."),
            f("name_unofficial", "boolean", "True when the Latin form is this project's rendering, not a source's."),
            f(
                "name_zh",
                "string",
                "Chinese name as the Chinese-language source zh_source_id gives it, in simplified "
                "characters; empty when no Chinese source gives the name (never transliterated by this project).",
            ),
            f(
                "name_zh_as_written",
                "string",
                "The Chinese name exactly as the source writes it, when it writes "
                "traditional characters (name_zh is then OpenCC's t2s conversion); empty otherwise.",
            ),
            f("title", "string", "Title as written."),
            f(
                "title_zh",
                "string",
                "Chinese title as the source zh_source_id gives it, in simplified characters with full-width "
                "punctuation, or the house style's form of that title (title_zh_display in the raw data: the "
                "official title, short country names); empty when no Chinese source gives it.",
            ),
            f(
                "title_zh_as_written",
                "string",
                "The Chinese title exactly as the source writes it, when that differs from title_zh (traditional "
                "characters, ASCII punctuation, the house style's form); empty otherwise.",
            ),
            f(
                "title_zh_project",
                "string",
                "This project's Chinese translation of the title (本项目译写), only where no Chinese source gives "
                "one (title_zh empty); to be shown marked as the project's translation. Empty otherwise.",
            ),
            f("organization", "string", "Organization."),
            f(
                "organization_zh",
                "string",
                "Organization in Chinese as the source zh_source_id writes it, in "
                "simplified characters; empty when no Chinese source gives it. "
                "Several organizations separated by '、' (' / ' in organization_zh_as_written).",
            ),
            f(
                "organization_zh_as_written",
                "string",
                "The Chinese organization exactly as the source writes it, when that differs from "
                "organization_zh (traditional characters, ASCII punctuation, ' / '); empty otherwise.",
            ),
            f(
                "participant_type",
                "string",
                "Whom the person represents: country/region or organization.",
                PARTICIPANT_TYPES + ("",),
            ),
            f("code", "string", "Code of the country/region or organization represented."),
            f("role", "string", "Role, from a fixed taxonomy.", ROLES),
            f("role_as_written", "string", "Role as the source describes it."),
            f("mode", "string", "In person, by video, or not stated.", MODES),
            f("mode_as_written", "string", "Mode as the source describes it."),
            f("seniority", "string", "Derived from the title by rules (dashboard.cleaning.seniority).", SENIORITY),
            f("source_ids", "string", "Sources. " + LIST, required=True),
            f(
                "zh_source_id",
                "string",
                "Chinese-language source of name_zh, title_zh and organization_zh; empty when there are none.",
            ),
            f("verification", "string", "How the record was checked (fact sheet)."),
            f("note", "string", "Caveats."),
            f("note_zh", "string", "The same caveats in Chinese (this project's words, written in both languages)."),
        ],
        "primaryKey": ["person_id"],
        "foreignKeys": [
            {"fields": ["edition"], "reference": {"resource": "editions", "fields": ["edition"]}},
            {"fields": ["zh_source_id"], "reference": {"resource": "sources", "fields": ["id"]}},
        ],
    },
    "topics": {
        "description": "Themes, guiding concepts, discussion topics and panels, per source and language.",
        "fields": [
            f("edition", "integer", "Edition id.", required=True),
            f("scope", "string", "sub_forum or parent_conference.", SCOPES),
            f("kind", "string", "theme, concept, topic or panel.", vocab.TOPIC_KINDS.codes),
            f("text", "string", "Text as written."),
            f(
                "text_simplified",
                "string",
                "For a Chinese source: the text in simplified characters (OpenCC t2s "
                "at build time where the source writes traditional characters); empty for other languages.",
            ),
            f("language", "string", "Language of the source."),
            f("source_id", "string", "Source.", required=True),
            f("note", "string", "Caveats."),
        ],
        "primaryKey": ["edition", "scope", "kind", "source_id", "text"],
        "foreignKeys": [{"fields": ["source_id"], "reference": {"resource": "sources", "fields": ["id"]}}],
    },
    "outcomes": {
        "description": "Documents and commitments that came out of each edition.",
        "fields": [
            f("edition", "integer", "Edition id.", required=True),
            f("scope", "string", "sub_forum or parent_conference.", SCOPES),
            f("item", "string", "Outcome as written."),
            f(
                "item_zh",
                "string",
                "The outcome as the Chinese-language source zh_source_id words it; empty when none does.",
            ),
            f(
                "item_zh_project",
                "string",
                "This project's Chinese wording where no Chinese source words the outcome (shown marked as such).",
            ),
            f("zh_source_id", "string", "Chinese-language source that words item_zh; empty when none does."),
            f("source_ids", "string", "Sources. " + LIST, required=True),
        ],
        "primaryKey": ["edition", "scope", "item"],
    },
    "side_events": {
        "description": "Events held beside the sub-forum. Never counted as sub-forum participation.",
        "fields": [
            f("edition", "integer", "Edition (year) it accompanied.", required=True),
            f("name", "string", "Name."),
            f(
                "name_zh",
                "string",
                "The name as the Chinese-language source zh_source_id writes it; empty when none does.",
            ),
            f("zh_source_id", "string", "Chinese-language source that writes name_zh; empty when none does."),
            f("date", "date", "Date."),
            f("city", "string", "City."),
            f("theme", "string", "Theme."),
            f("attendees_as_written", "string", "Attendees as listed by the sources."),
            f("source_ids", "string", "Sources. " + LIST, required=True),
            f("note", "string", "Caveats."),
        ],
        "primaryKey": ["edition", "name"],
    },
    "conflicts": {
        "description": "Where sources disagree, and which value is preferred.",
        "fields": [
            f("id", "string", "Conflict id (C1, C2, …).", required=True),
            f("edition", "integer", "Edition (year)."),
            f(
                "scope",
                "string",
                "sub_forum, parent_conference or side_event.",
                ("sub_forum", "parent_conference", "side_event"),
            ),
            f("issue", "string", "What the sources disagree on."),
            f("detail", "string", "Who says what."),
            f(
                "issue_zh",
                "string",
                "The issue in Chinese (this project's note; quotations as the sources write them).",
            ),
            f("detail_zh", "string", "Who says what, in Chinese (this project's note)."),
            f("source_ids", "string", "Sources involved. " + LIST, required=True),
        ],
        "primaryKey": ["id"],
    },
    "entities": {
        "description": "Reference: ISO 3166-1 countries and territories plus Kosovo, with English and Chinese "
        "names, aliases, UN M49 region and whether Natural Earth 50m draws them.",
        "fields": [
            f("code", "string", "ISO 3166-1 alpha-3 (XKX for Kosovo).", required=True),
            f("iso2", "string", "ISO 3166-1 alpha-2."),
            f("iso_numeric", "string", "ISO 3166-1 numeric (3 digits); the map's join key."),
            f("name_en", "string", "English name used by the dashboard."),
            f("name_zh", "string", "Chinese name used by the dashboard."),
            f("aliases", "string", "Other spellings recognised on input. " + LIST),
            f("entity_type", "string", "Kind of entity.", ENTITY_TYPES),
            f("region", "string", "UN M49 region (English name).", REGION_NAMES),
            f("sub_region", "string", "UN M49 sub-region (English name).", SUB_REGION_NAMES),
            f("ne50m_drawn", "boolean", "True when Natural Earth 1:50m has a shape for it."),
        ],
        "primaryKey": ["code"],
    },
    "country_points": {
        "description": "Map geometry derived by the build's geometry step with geopandas, per worldview (cn: "
        "China's standard map via world-geo-json-zh 2.1.5; ne: Natural Earth 1:50m de facto): area "
        "in an equal-area projection and a representative point (inside the shape) per drawable "
        "country or region. Shapes are in geo/<worldview>/world_<res>m.json (TopoJSON) and "
        "geo/<worldview>/regions.geojson.",
        "fields": [
            f(
                "worldview",
                "string",
                "Which map: cn (China's standard map) or ne (Natural Earth de facto).",
                ("cn", "ne"),
                required=True,
            ),
            f("code", "string", "ISO 3166-1 alpha-3.", required=True),
            f("area_km2", "number", "Area in km² (Equal Earth projection; antimeridian-safe)."),
            f("rep_lon", "number", "Longitude of a point inside the shape (WGS84), for markers."),
            f("rep_lat", "number", "Latitude of that point."),
            f(
                "own_shape",
                "boolean",
                "False when the map draws it inside another shape, as a marker only "
                "(Taiwan, China in the cn worldview).",
            ),
        ],
        "primaryKey": ["worldview", "code"],
        "foreignKeys": [{"fields": ["code"], "reference": {"resource": "entities", "fields": ["code"]}}],
    },
    "organizations": {
        "description": "Reference: international organizations and multilateral mechanisms.",
        "fields": [
            f("code", "string", "Organization code.", required=True),
            f("acronym", "string", "Usual acronym."),
            f("name_en", "string", "English name."),
            f("name_zh", "string", "Chinese name."),
            f("aliases", "string", "Other spellings recognised on input. " + LIST),
            f("kind", "string", "Kind of organization.", vocab.ORGANIZATION_KINDS.codes),
            f(
                "family",
                "string",
                "Family it is grouped in on the Reach page (UN system, regional organizations, "
                "law-enforcement cooperation, migration dialogues, other).",
                vocab.ORGANIZATION_FAMILIES.codes,
            ),
            f("hq_country", "string", "Country of the headquarters or seat (ISO alpha-3)."),
            f("note", "string", "Notes."),
        ],
        "primaryKey": ["code"],
    },
    "grouping_sources": {
        "description": "Reference: the official pages (or files) the memberships of groupings of states come "
        "from; `checked` says how this project confirmed them (see data/reference/GROUPINGS.md).",
        "fields": [
            f("id", "string", "Source id, cited by groupings and grouping_members.", required=True),
            f("url", "string", "Address of the official membership page or document."),
            f("title", "string", "Title."),
            f("publisher", "string", "Publisher."),
            f("publisher_zh", "string", "The publisher's Chinese name, where known."),
            f("language", "string", "Language (ISO 639-1)."),
            f(
                "checked",
                "string",
                "search: facts confirmed in stored public pages; file: read from a kept file; "
                "not_checked: entered from well-established public knowledge, not confirmed here.",
                vocab.MEMBERSHIP_CHECKED.codes,
            ),
            f("note", "string", "What the source says and what was confirmed."),
        ],
        "primaryKey": ["id"],
    },
    "groupings": {
        "description": "Reference: groupings of states (regional organizations, cooperation mechanisms, UN "
        "country lists) with English and Chinese names.",
        "fields": [
            f("code", "string", "Grouping code (used in URLs).", required=True),
            f("name_en", "string", "English name."),
            f("name_zh", "string", "Chinese name."),
            f("kind", "string", "Kind of grouping.", vocab.GROUPING_KINDS.codes),
            f("source_id", "string", "Source of the membership list.", required=True),
            f("note", "string", "Notes."),
        ],
        "primaryKey": ["code"],
        "foreignKeys": [{"fields": ["source_id"], "reference": {"resource": "grouping_sources", "fields": ["id"]}}],
    },
    "grouping_members": {
        "description": "Reference: which state belongs to which grouping, in which role, from and to which date "
        "(each edition is compared with the membership on its own dates).",
        "fields": [
            f("grouping", "string", "Grouping code.", required=True),
            f("code", "string", "ISO 3166-1 alpha-3 of the state.", required=True),
            f(
                "role",
                "string",
                "member; observer, partner, associate_member (shown beside the members, never counted as members); invited (membership not confirmed, never counted).",
                vocab.MEMBERSHIP_ROLES.codes,
            ),
            f("from", "date", "From this date (see from_basis).", required=True),
            f(
                "from_basis",
                "string",
                "accession: the date it joined (or the grouping was founded); listed_by: a member by "
                "this date at the latest (the accession date is not transcribed).",
                vocab.MEMBERSHIP_BASIS.codes,
            ),
            f("to", "date", "Last day of membership; empty while it lasts."),
            f("source_ids", "string", "Sources. " + LIST, required=True),
            f("note", "string", "Notes."),
        ],
        "primaryKey": ["grouping", "code", "from"],
        "foreignKeys": [
            {"fields": ["grouping"], "reference": {"resource": "groupings", "fields": ["code"]}},
            {"fields": ["code"], "reference": {"resource": "entities", "fields": ["code"]}},
        ],
    },
}


def columns(table: str) -> list[str]:
    return [fl["name"] for fl in TABLES[table]["fields"]]


# Non-tabular files of the package (GeoJSON written by the build next to the tables).
GEO_FILES = {
    "geo/cn/world_50m.json": "Base map, China's standard map (GS(2023)2767) as published in world-geo-json-zh 2.1.5 "
    "(Unlicense), with Natural Earth 1:50m coastlines of Taiwan, Hong Kong and Macao merged "
    "into China; Hong Kong SAR and Macao SAR also as their own features. TopoJSON, objects "
    "`countries` (id: ISO alpha-3) and `land`; simplified 0.03°.",
    "geo/cn/regions.geojson": "UN M49 sub-regions dissolved from the cn shapes (simplified 0.2°); property "
    "`sub_region`.",
    "geo/cn/lines.geojson": "Lines drawn over the cn base map: the South China Sea's dashed line, the centre "
    "lines of world-geo-json-zh's ten dash polygons (taken out of China's shape); property `kind`.",
    "geo/ne/world_110m.json": "Base map, Natural Earth 1:50m de facto view (public domain), TopoJSON, objects "
    "`countries` (id: ISO alpha-3) and `land`; simplified 0.05°.",
    "geo/ne/regions.geojson": "UN M49 sub-regions dissolved from the ne shapes (simplified 0.2°); property "
    "`sub_region`.",
    "geo/ne/lines.geojson": "Lines drawn over the ne base map: none (an empty FeatureCollection).",
}
