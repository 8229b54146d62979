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
    order: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        # the editions' official originals (chair's statements) come first within their tier
        self.prefer = tuple(self.ds.editions.preferred_source_id)

    def cite(self, *source_ids: str, claim: str = citations.PARTICIPATION) -> str:
        """'[1][3]': numbers for the strongest sources among these ids (each an id or a '|'-joined
        list), new ones numbered in order of strength."""
        best = citations.strongest(self.ds, source_ids, claim, prefer=self.prefer)
        nums = []
        for s in best:
            if s not in self.order:
                self.order.append(s)
            nums.append(self.order.index(s) + 1)
        return "".join(f"[{n}]" for n in sorted(set(nums)))


@dataclass
class Summary:
    """A title, paragraphs of running text with '[n]' references, and the references in order."""

    title: str
    paragraphs: list[str]
    refs: Refs


def source_ids(values) -> list[str]:
    """Sorted distinct ids from '|'-joined id lists."""
    return sorted({s for v in values for s in str(v).split("|") if s})
