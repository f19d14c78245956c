"""A sentence as the frame rules see it: its mentions, and per token which
mention or cue covers it, so rules test "what lies between" cheaply."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..analysis.document import Analysis, Sentence
from ..analysis.tokens import Token
from ..mentions import CueMention, SentenceMentions

__all__ = ["SentenceView", "MEASURE_GROUPS", "PUNCT_BREAK"]

MEASURE_GROUPS = ("launch", "intercept", "lost", "hit")
PUNCT_BREAK = frozenset({",", ";", ":", "(", ")", ".", "!", "?", "—"})


@dataclass
class SentenceView:
    a: Analysis
    s: Sentence
    m: SentenceMentions
    cue_at: dict[int, set[str]] = field(default_factory=dict)
    actor_at: dict[int, str] = field(default_factory=dict)  # token -> actor kind
    number_at: set[int] = field(default_factory=set)
    weapon_at: set[int] = field(default_factory=set)
    place_at: set[int] = field(default_factory=set)

    @classmethod
    def of(cls, a: Analysis, s: Sentence, m: SentenceMentions) -> SentenceView:
        view = cls(a, s, m)
        for c in m.cues:
            for k in range(c.tok_start, c.tok_end):
                view.cue_at.setdefault(k, set()).add(c.group)
        for x in m.actors:
            for k in range(x.tok_start, x.tok_end):
                view.actor_at[k] = x.kind
        for n in m.numbers:
            view.number_at.update(range(n.tok_start, n.tok_end))
        for w in m.weapons:
            view.weapon_at.update(range(w.tok_start, w.tok_end))
        for p in m.places:
            view.place_at.update(range(p.tok_start, p.tok_end))
        return view

    @property
    def tokens(self) -> list[Token]:
        return self.a.tokens

    def text(self, start: int, end: int) -> str:
        return self.a.text[start:end]

    def groups(self, k: int) -> set[str]:
        return self.cue_at.get(k, set())

    def cues(self, *groups: str) -> list[CueMention]:
        return [c for c in self.m.cues if c.group in groups]

    def has_break(self, start: int, end: int, allow: frozenset[str] = frozenset()) -> bool:
        return any(self.a.tokens[k].text in PUNCT_BREAK - allow for k in range(start, end))
