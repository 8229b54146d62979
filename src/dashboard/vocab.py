"""Every domain vocabulary, defined once: ordered codes with English labels (translated through
the catalogue where they are shown).

The raw schema's allowed values, the clean tables' enums, the filters, the charts, the map and
the summaries all derive from these. Codes go into files and URLs; labels only onto the screen.
Deliberately light (no pandas, no pydantic): every page imports it.
"""

from __future__ import annotations

from dataclasses import dataclass

from .i18n import N_, translate_marked


@dataclass(frozen=True)
class Vocab:
    """An ordered vocabulary: ``codes`` in display order, an English label per code, and
    optionally other spellings that old links or files used (``aliases``)."""

    name: str
    labels: dict[str, str]
    aliases: dict[str, str] | None = None

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(self.labels)

    def __contains__(self, code: object) -> bool:
        return code in self.labels

    def __iter__(self):
        return iter(self.labels)

    def __len__(self) -> int:
        return len(self.labels)

    def label(self, code: str, lang: str) -> str:
        """The translated label of ``code`` (the code itself when it is not in the vocabulary)."""
        english = self.labels.get(code)
        return translate_marked(english, lang) if english is not None else str(code)

    def english(self, code: str) -> str:
        return self.labels.get(code, str(code))

    def parse(self, value: str) -> str | None:
        """A code from a code, an English label or a known alias (old links); None if unknown."""
        if value in self.labels:
            return value
        by_label = {v.casefold(): k for k, v in self.labels.items()}
        key = str(value).strip().casefold()
        if key in by_label:
            return by_label[key]
        return (self.aliases or {}).get(value)


QUALIFIERS = Vocab(
    "qualifier",
    {
        "exact": N_("exactly"),
        "about": N_("about"),
        "approximately": N_("approximately"),
        "more_than": N_("more than"),
        "nearly": N_("nearly"),
    },
)

# Headline metrics a source can report, plus the one derived from the people the sources name.
REPORTED_METRICS = ("attendees", "countries_and_regions", "international_organizations")
METRICS = Vocab(
    "metric",
    {
        "attendees": N_("Attendees"),
        "countries_and_regions": N_("Countries and regions"),
        "international_organizations": N_("International organizations"),
        "named_speakers": N_("Named speakers"),
    },
)
# The same metrics as a noun phrase inside a sentence ("51 countries and regions").
METRIC_NOUNS = Vocab(
    "metric_noun",
    {
        "attendees": N_("attendees"),
        "countries_and_regions": N_("countries and regions"),
        "international_organizations": N_("international organizations"),
        "named_speakers": N_("named speakers"),
    },
)

ROLES = Vocab(
    "role",
    {
        "opening_speech": N_("Opening speech"),
        "welcome_speech": N_("Welcome speech"),
        "keynote": N_("Keynote"),
        "video_address": N_("Video address"),
        "plenary_speech": N_("Plenary speech"),
        "parallel_session": N_("Parallel-session contribution"),
        "other": N_("Other"),
    },
)
SPEAKING_ROLES = ROLES.codes[:-1]
# Lower-case forms used inside a sentence (map hover text, summaries).
ROLE_WORDS = Vocab(
    "role_word",
    {
        "opening_speech": N_("opening speech"),
        "welcome_speech": N_("welcome speech"),
        "keynote": N_("keynote"),
        "video_address": N_("video address"),
        "plenary_speech": N_("plenary speech"),
        "parallel_session": N_("parallel session"),
        "other": N_("other role"),
    },
)

MODES = Vocab(
    "mode",
    {
        "in_person": N_("In person"),
        "video": N_("By video"),
        "not_stated": N_("Not stated"),
    },
)

SENIORITY = Vocab(
    "seniority",
    {
        "minister": N_("Minister or equivalent"),
        "vice_minister": N_("Vice-minister or equivalent"),
        "head_of_institution": N_("Head of institution"),
        "senior_official": N_("Senior official"),
        "official": N_("Official"),
        "not_derivable": N_("Not derivable from the title"),
    },
)

# How a participant is known to have taken part. The raw files use the first group; the build
# derives "speaker" and "person_named" from the people the sources name.
HOW_KNOWN = Vocab(
    "how_known",
    {
        "named_as_present": N_("named as present"),
        "speaker": N_("a speaker of it is named"),
        "person_named": N_("a person of it is named"),
        "delegation_in_parallel_session": N_("delegation in a parallel session"),
        "registration_list": N_("organizer's registration list"),
    },
)
HOW_KNOWN_RAW = ("named_as_present", "delegation_in_parallel_session", "registration_list")

ENTITY_TYPES = Vocab(
    "entity_type",
    {
        "sovereign_state": N_("Sovereign state"),
        "special_administrative_region": N_("Special administrative region"),
        "region": N_("Region"),
        "territory": N_("Territory"),
    },
)

ORGANIZATION_KINDS = Vocab(
    "organization_kind",
    {
        "un_agency": N_("UN agency"),
        "intergovernmental_organization": N_("Intergovernmental organization"),
        "regional_organization": N_("Regional organization"),
        "law_enforcement_cooperation_mechanism": N_("Law-enforcement cooperation mechanism"),
        "multilateral_mechanism": N_("Multilateral mechanism"),
    },
)

PARTICIPANT_TYPES = Vocab(
    "participant_type",
    {
        "country_or_region": N_("Country or region"),
        "international_organization": N_("International organization"),
    },
)

TOPIC_KINDS = Vocab(
    "topic_kind",
    {
        "theme": N_("Theme"),
        "concept": N_("Concept"),
        "topic": N_("Topic"),
        "panel": N_("Panel"),
    },
)

SOURCE_KINDS = Vocab(
    "source_kind",
    {
        "official": N_("Official source"),
        "news": N_("News report"),
        "mirror": N_("Mirror (republished copy)"),
        "other": N_("Other"),
        # added by the build or the Import page for a list the organizers supplied, never in sources.yaml
        "organizer_list": N_("Organizers' list"),
    },
)
# The finer kinds of source (``subkind`` in sources.yaml), each within one kind and with its citation
# tier (SOURCE_KIND_RULES below): a new kind of source is added here only (label, kind, tier); the
# build refuses a kind that has no rule.
SOURCE_SUBKINDS = Vocab(
    "source_subkind",
    {
        "official": N_("The host's official page"),
        "foreign_government": N_("Another government's official page"),
        "news": N_("News report"),
        "press_release": N_("Press release"),
        "secondary_rewrite": N_("Rewrite of another report"),
        "aggregator": N_("Aggregator"),
        "low_reliability": N_("Page of low reliability"),
        "name_reference": N_("Reference for a name or title"),
        "other": N_("Other"),
        "mirror": N_("Mirror (republished copy)"),
        "registration_list": N_("Organizers' registration list"),
    },
)
# subkind -> (the kind it belongs to, its citation tier: lower is stronger). The host's own pages and
# the organizers' lists first, then other governments' official pages, then news, then other pages
# (press releases, rewrites, aggregators); mirrors last (cited only when nothing else supports a claim).
SOURCE_KIND_RULES: dict[str, tuple[str, int]] = {
    "official": ("official", 0),
    "registration_list": ("organizer_list", 0),
    "foreign_government": ("official", 1),
    "news": ("news", 2),
    "press_release": ("other", 3),
    "secondary_rewrite": ("other", 4),
    "aggregator": ("other", 4),
    "low_reliability": ("other", 4),
    "name_reference": ("other", 4),
    "other": ("other", 4),
    "mirror": ("mirror", 9),
}
SUBKIND_OF = {code: kind for code, (kind, _tier) in SOURCE_KIND_RULES.items()}
# Kinds a transcribed source (data/raw/sources.yaml) may have: organizers' lists come only from files.
RAW_SOURCE_KINDS = tuple(k for k in SOURCE_KINDS.codes if k != "organizer_list")

# What a source can be cited for. name_or_title: only how a person's name or title is written (never
# evidence that anyone took part); context: background only (side events, previews, paid content).
SOURCE_SUPPORTS = Vocab(
    "source_support",
    {
        "participation": N_("participation"),
        "figures": N_("figures"),
        "name_or_title": N_("a person's name or title only"),
        "context": N_("context only"),
    },
)

SCOPES = Vocab(
    "scope",
    {
        "sub_forum": N_("Sub-forum"),
        "parent_conference": N_("Parent conference"),
        "side_event": N_("Side event"),
    },
)

# Status of an identified participant across two editions' public sources.
OVERLAP = Vocab(
    "overlap",
    {
        "both": N_("Named in both"),
        "only_earlier": N_("Named only in the earlier edition's sources"),
        "only_later": N_("Named only in the later edition's sources"),
    },
)

# Roles and attendance modes in an organizers' registration list (one row per attendee).
REGISTRATION_ROLES = Vocab(
    "registration_role",
    {
        "delegate": N_("Delegate"),
        "head_of_delegation": N_("Head of delegation"),
        "deputy_head_of_delegation": N_("Deputy head of delegation"),
        "speaker": N_("Speaker"),
        "moderator": N_("Moderator"),
        "observer": N_("Observer"),
        "guest": N_("Guest"),
        "liaison_officer": N_("Liaison officer"),
        "accompanying": N_("Accompanying member"),
        "staff": N_("Staff"),
        "other": N_("Other"),
        "not_stated": N_("Role not stated"),
    },
)
REGISTRATION_MODES = Vocab("registration_mode", {"in_person": N_("In person"), "video": N_("By video")})
# The columns of an organizer's list, as the Import page and the ingest command name them to the user
# (the headers a file may use for each are in registrations/reading.py: HEADER_ALIASES).
REGISTRATION_COLUMNS = Vocab(
    "registration_column",
    {
        "edition": N_("Edition"),
        "full_name": N_("Full name"),
        "title": N_("Title (position)"),
        "organization": N_("Organization (unit)"),
        "country_or_organization": N_("Country/region or international organization"),
        "delegation": N_("Delegation"),
        "role": N_("Participation role"),
        "mode": N_("Mode of attendance"),
    },
)

# UN M49 regions and sub-regions: codes as in the standard (strings, zero-padded); the English
# names are the ones data/reference/entities.csv carries. URLs hold the codes.
REGIONS = Vocab(
    "region",
    {
        "002": N_("Africa"),
        "019": N_("Americas"),
        "142": N_("Asia"),
        "150": N_("Europe"),
        "009": N_("Oceania"),
        "010": N_("Antarctica"),
    },
)
SUB_REGIONS = Vocab(
    "sub_region",
    {
        "015": N_("Northern Africa"),
        "014": N_("Eastern Africa"),
        "017": N_("Middle Africa"),
        "018": N_("Southern Africa"),
        "011": N_("Western Africa"),
        "029": N_("Caribbean"),
        "013": N_("Central America"),
        "005": N_("South America"),
        "021": N_("Northern America"),
        "143": N_("Central Asia"),
        "030": N_("Eastern Asia"),
        "035": N_("South-eastern Asia"),
        "034": N_("Southern Asia"),
        "145": N_("Western Asia"),
        "151": N_("Eastern Europe"),
        "154": N_("Northern Europe"),
        "039": N_("Southern Europe"),
        "155": N_("Western Europe"),
        "053": N_("Australia and New Zealand"),
        "054": N_("Melanesia"),
        "057": N_("Micronesia"),
        "061": N_("Polynesia"),
        "010": N_("Antarctica"),
    },
)
# Families of international organizations (the Reach page groups them so): organizations.csv's `family`.
ORGANIZATION_FAMILIES = Vocab(
    "organization_family",
    {
        "un_system": N_("UN system"),
        "regional_organization": N_("Regional organizations"),
        "law_enforcement": N_("Law-enforcement cooperation"),
        "migration_dialogue": N_("Migration dialogues and processes"),
        "other_intergovernmental": N_("Other intergovernmental organizations"),
    },
)

# Groupings of states (data/reference/groupings.csv) and how a state belongs to one.
GROUPING_KINDS = Vocab(
    "grouping_kind",
    {
        "regional_organization": N_("Regional organization"),
        "cooperation_mechanism": N_("Cooperation mechanism"),
        "un_list": N_("UN country list"),
    },
)
MEMBERSHIP_ROLES = Vocab(
    "membership_role",
    {
        "member": N_("Member"),
        "observer": N_("Observer"),
        "partner": N_("Partner"),
        "associate_member": N_("Associate member"),
        "invited": N_("Invited, membership not confirmed"),
    },
)
# accession: `from` is the date it joined (or the grouping was founded); listed_by: membership is
# documented by that date, the accession date (earlier) is not transcribed.
MEMBERSHIP_BASIS = Vocab(
    "membership_basis",
    {"accession": N_("date of accession"), "listed_by": N_("member by this date at the latest")},
)
# How this project confirmed a grouping's membership source (grouping_sources.checked).
MEMBERSHIP_CHECKED = Vocab(
    "membership_checked",
    {
        "search": N_("confirmed in stored public pages"),
        "file": N_("read from the publisher's own file"),
        "not_checked": N_("not confirmed here: entered from well-established public knowledge"),
    },
)
# Level of a delegation's head: the most senior person the sources (or lists) name for it.
HEAD_LEVELS = Vocab(
    "head_level",
    {
        **SENIORITY.labels,
        "no_person_named": N_("No person of it named"),
    },
)
# How the Reach page words a state of a grouping in an edition.
REACH_STATUS = Vocab(
    "reach_status",
    {
        "identified": N_("Identified in public sources"),
        "listed": N_("In the organizer's list"),
        "not_identified": N_("Not identified in public sources"),
        # an organizer's list is loaded but not complete: neither it nor the sources name the state
        "not_found": N_("Not identified in public sources or the organizer's list"),
        "not_listed": N_("Not in the organizer's complete list"),
    },
)

# The group an international organization is shown in where a chart groups by region.
ORGANIZATION_GROUP = N_("International organization")


def region_label(name_or_code: str, lang: str) -> str:
    """Translated label of a region or sub-region given by its English name or its code."""
    for vocab in (REGIONS, SUB_REGIONS):
        code = vocab.parse(name_or_code)
        if code is not None:
            return vocab.label(code, lang)
    if name_or_code == ORGANIZATION_GROUP:
        return translate_marked(ORGANIZATION_GROUP, lang)
    return str(name_or_code)


ALL: tuple[Vocab, ...] = (
    QUALIFIERS,
    METRICS,
    METRIC_NOUNS,
    ROLES,
    ROLE_WORDS,
    MODES,
    SENIORITY,
    HOW_KNOWN,
    ENTITY_TYPES,
    ORGANIZATION_KINDS,
    ORGANIZATION_FAMILIES,
    GROUPING_KINDS,
    MEMBERSHIP_ROLES,
    MEMBERSHIP_BASIS,
    MEMBERSHIP_CHECKED,
    REACH_STATUS,
    HEAD_LEVELS,
    PARTICIPANT_TYPES,
    TOPIC_KINDS,
    SOURCE_KINDS,
    SOURCE_SUBKINDS,
    SOURCE_SUPPORTS,
    SCOPES,
    OVERLAP,
    REGISTRATION_ROLES,
    REGISTRATION_MODES,
    REGISTRATION_COLUMNS,
    REGIONS,
    SUB_REGIONS,
)
