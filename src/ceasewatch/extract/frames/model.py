"""What one sentence says about a strike, before claims are merged.

A `Frame` holds the values the rules read in one sentence (or list item),
each with the span of words that supports it and the id of the rule that
read it. `normalize` later merges frames with the same key into claims.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..attribution import Voice

__all__ = ["Fact", "CountFact", "Frame"]


@dataclass(frozen=True)
class Fact:
    value: Any
    start: int
    end: int
    rule: str


@dataclass(frozen=True)
class CountFact:
    category: str
    model: str | None
    measure: str  # launched, intercepted, lost, hit
    value: int | None
    start: int  # the figure's words
    end: int
    rule: str
    scope: str | None = None  # a region code when the figure is one part of a per-region breakdown
    total: bool = False  # the text calls it a total
    additive: bool = False  # "another 27": one more part on top of what was given
    weapon_start: int = 0  # the weapon's words
    weapon_end: int = 0


@dataclass
class Frame:
    sentence: int
    voice: Voice
    stance: Fact
    attacker: Fact | None = None
    target: Fact | None = None
    date: date | None = None
    date_fact: Fact | None = None  # span of the time expression; value = basis
    undated_reason: str | None = None
    counts: list[CountFact] = field(default_factory=list)
    weapons: list[Fact] = field(default_factory=list)  # (category, model) named without a figure
    regions: list[Fact] = field(default_factory=list)
    places: list[Fact] = field(default_factory=list)  # value: PlaceMention
    targets: list[Fact] = field(default_factory=list)
    killed: list[Fact] = field(default_factory=list)  # value: (n, scope) where scope is "total" or a place
    injured: list[Fact] = field(default_factory=list)
    time: Any = None  # datetime of the strike when a clock time is stated
    # a guess at (attacker, target) kept for when the same speaker's reports around it name no sides
    fallback_direction: tuple[Fact, Fact] | None = None

    @property
    def key(self) -> tuple[str | None, str, str | None, str | None, date | None]:
        return (self.voice.party, self.stance.value, self.attacker.value if self.attacker else None,
                self.target.value if self.target else None, self.date)

    def has_facts(self) -> bool:
        return bool(self.counts or self.weapons or self.regions or self.places or self.targets or self.killed
                    or self.injured)
