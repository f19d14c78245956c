"""Split a document's text at evidence offsets, server-side.

The text is cut at every span boundary into segments; each segment lists the
evidence spans covering it, so overlapping spans (a place inside a longer
count phrase) stay visible. Templates escape each segment on its own, which
is how an article containing ``<script>`` shows as text while the evidence
is still wrapped in ``<mark>``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..model import Claim

__all__ = ["Mark", "Segment", "segments", "evidence_marks"]


@dataclass(frozen=True)
class Mark:
    claim_id: str
    field: str
    start: int
    end: int
    party: str


@dataclass
class Segment:
    start: int
    end: int
    text: str
    marks: list[Mark] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "marks": [{"claim_id": m.claim_id, "field": m.field, "party": m.party} for m in self.marks],
        }


def evidence_marks(claims: Iterable[Claim], text_length: int) -> tuple[list[Mark], list[Mark]]:
    """(usable marks, marks whose offsets fall outside the text)."""
    good: list[Mark] = []
    bad: list[Mark] = []
    for c in claims:
        for e in c.evidence:
            mark = Mark(c.id, e.field, e.start, e.end, c.claimant.party)
            ok = 0 <= e.start < e.end <= text_length
            (good if ok else bad).append(mark)
    return good, bad


def segments(text: str, marks: Iterable[Mark]) -> list[Segment]:
    """Consecutive segments covering the whole text, in order."""
    marks = list(marks)
    cuts = {0, len(text)}
    for m in marks:
        cuts.update((m.start, m.end))
    bounds = sorted(c for c in cuts if 0 <= c <= len(text))
    out: list[Segment] = []
    for start, end in zip(bounds, bounds[1:], strict=False):
        covering = [m for m in marks if m.start <= start and end <= m.end]
        out.append(Segment(start, end, text[start:end], covering))
    return out
