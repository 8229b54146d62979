"""What a view says it shows, once an organizer's registration list adds participants (issue 23).

Legends, captions and chart labels that say "named in public sources" are true only while no list
adds a participant. Each function here returns the public-sources wording when no list adds anything
to the editions concerned (so views without a list are unchanged), and otherwise wording that credits
public sources and the organizer's list (:func:`dashboard.provenance.list_adds`)."""

from __future__ import annotations

from collections.abc import Iterable

from . import citations, provenance
from .dataset import Dataset
from .i18n import t


def adds(ds: Dataset, editions: Iterable[int]) -> bool:
    """Whether an organizer's list adds a participant to these editions."""
    return provenance.list_adds(ds, [int(e) for e in editions if e is not None])


def identified_label(ds: Dataset, year: int, *, lang: str) -> str:
    """The map legend of one edition's identified participants."""
    if adds(ds, [year]):
        return t("Identified in {y} public sources and the organizer's list", y=year, lang=lang)
    return t("Identified in {y} sources", y=year, lang=lang)


def overlap_labels_with_list(earlier: int, later: int, *, lang: str) -> dict[str, str]:
    """Two editions compared when a list adds participants to one of them (incomplete lists)."""
    return {
        "both": t("Named for {a} and {b} (public sources and the organizer's list)", lang=lang, a=earlier, b=later),
        "only_earlier": t(
            "Named for {a}, not for {b} (public sources and the organizer's list)", lang=lang, a=earlier, b=later
        ),
        "only_later": t(
            "Named for {b}, not for {a} (public sources and the organizer's list)", lang=lang, a=earlier, b=later
        ),
    }


def overview_caption(ds: Dataset, *, lang: str) -> str:
    """The Overview's subtitle."""
    if adds(ds, ds.edition_ids):
        return t(
            "Global Public Security Cooperation Forum (Lianyungang) · who took part in each edition, as public "
            "sources and the organizer's registration list report it",
            lang=lang,
        )
    return t(
        "Global Public Security Cooperation Forum (Lianyungang) · who took part in each edition, "
        "as public sources report it",
        lang=lang,
    )


def countries_caption(ds: Dataset, editions: Iterable[int], *, lang: str) -> str:
    """The Countries and regions page's subtitle."""
    if adds(ds, editions):
        return t(
            "Only part of the participating countries and regions is named in public sources and the "
            "organizer's list; the rest is shown as its own pale bar, never hidden.",
            lang=lang,
        )
    return t(
        "Only part of the participating countries and regions is named in public sources; the rest is "
        "shown as its own pale bar, never hidden.",
        lang=lang,
    )


def reach_caption(ds: Dataset, editions: Iterable[int], *, lang: str) -> str:
    """The Reach page's subtitle."""
    if adds(ds, editions):
        return t(
            "Public sources and the organizer's list name only part of the participants: a state not "
            "identified in them may still have taken part. Each edition is compared with each grouping's "
            "membership on the edition's own dates.",
            lang=lang,
        )
    return t(
        "Public sources name only part of the participants: a state not identified in them may still have "
        "taken part. Each edition is compared with each grouping's membership on the edition's own dates.",
        lang=lang,
    )


def press_chart_title(ds: Dataset, name: str, editions: Iterable[int], *, lang: str) -> str | None:
    """The picker label of a Press chart that counts identified participants when a list adds some,
    else None (the chart's own title stands)."""
    if not name.startswith("coverage-") or not adds(ds, editions):
        return None
    if name == "coverage-countries-and-regions":
        return t("Countries and regions: named in public sources and the organizer's list vs reported", lang=lang)
    if name == "coverage-international-organizations":
        return t("International organizations: named in public sources and the organizer's list vs reported", lang=lang)
    return None


def table_note(ds: Dataset, editions: Iterable[int], *, lang: str) -> str:
    """A note under a table of identified participants: '' without a list that adds any, else that
    the table includes the list's participants (each row's sources say which)."""
    if not adds(ds, editions):
        return ""
    return t(
        "Includes the participants the organizer's registration list {lists} adds; each row's sources say "
        "whether public sources, the list or both name it.",
        lists=citations.list_credit(ds, editions, lang=lang),
        lang=lang,
    )


def overlap_note(ds: Dataset, earlier: int, later: int, *, lang: str) -> str:
    """The caption of a two-edition comparison while neither list is complete."""
    if adds(ds, (earlier, later)):
        return t(
            "Neither list is complete: a participant missing from one edition's public sources and "
            "organizer's list may still have attended, so this only compares what they name.",
            lang=lang,
        )
    return t(
        "Neither list is complete: a participant missing from one edition's sources may still "
        "have attended, so this only compares what the sources name.",
        lang=lang,
    )
