"""What a summary is made of, shared by every renderer: the numbered references and the result."""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import citations
from ..dataset import Dataset


@dataclass
class Refs:
    """Numbered references in order of first use. Each claim cites at most three sources, the
    strongest that support it (:func:`dashboard.citations.strongest`): never a name-or-title-only
    source as evidence of participation, mirrors only when nothing else supports the claim."""

    ds: Dataset
    lang: str | None = None  # the reader's language: Chinese readers get Chinese originals first
    order: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        # the editions' official originals (chair's statements) come first within their tier
        self.prefer = tuple(self.ds.editions.preferred_source_id)

    def cite(self, *source_ids: str, claim: str = citations.PARTICIPATION) -> str:
        """'[1][3]': numbers for the strongest sources among these ids (each an id or a '|'-joined
        list), new ones numbered in order of strength."""
        return self.cite_groups((source_ids, claim))

    def cite_groups(self, *groups: tuple[tuple[str, ...], str]) -> str:
        """One reference mark for several claims at once ((ids, claim) each; the first group's new
        sources numbered first): '[1][6][7]', never '[6][2][7]'."""
        nums = []
        for source_ids, claim in groups:
            nums += self._numbers(source_ids, claim)
        return "".join(f"[{n}]" for n in sorted(set(nums)))

    def _numbers(self, source_ids, claim: str) -> list[int]:
        best = citations.strongest(self.ds, source_ids, claim, prefer=self.prefer, lang=self.lang)
        nums = []
        for s in best:
            if s not in self.order:
                self.order.append(s)
            nums.append(self.order.index(s) + 1)
        return nums


@dataclass
class Summary:
    """A title, paragraphs of running text with '[n]' references, and the references in order."""

    title: str
    paragraphs: list[str]
    refs: Refs


def source_ids(values) -> list[str]:
    """Sorted distinct ids from '|'-joined id lists."""
    return sorted({s for v in values for s in str(v).split("|") if s})
