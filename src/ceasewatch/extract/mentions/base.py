"""Typed mentions: spans of the document that later layers reason about.

Every mention keeps character offsets into `Document.text` (like a spaCy
`Span` into its `Doc`) and token offsets into `Analysis.tokens`, plus the
typed value its recogniser read. Recognisers live beside this module, one
per kind; `mentions.find_mentions` runs them all.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "Mention", "NumberMention", "WeaponMention", "PlaceMention", "ActorMention", "TargetMention", "CueMention",
    "TimeMention",
]


@dataclass(frozen=True, slots=True)
class Mention:
    start: int  # character offsets into Document.text
    end: int
    tok_start: int  # token offsets into Analysis.tokens (end exclusive)
    tok_end: int


@dataclass(frozen=True, slots=True)
class NumberMention(Mention):
    value: int | None  # None when vague ("dozens", "more than 20") or a quantifier
    vague: bool = False
    words: bool = False  # written in words
    quantifier: str | None = None  # "all", "none", "both" (value 2) where the figure is a quantifier


@dataclass(frozen=True, slots=True)
class WeaponMention(Mention):
    category: str  # spec weapon category
    model: str | None = None  # catalogue model ("Shahed-136") or None for a generic noun
    used_by: str | None = None  # the only side that fires this model, if any
    generic: bool = True  # a generic noun ("drones") rather than a model name


@dataclass(frozen=True, slots=True)
class PlaceMention(Mention):
    name: str  # as written
    kind: str  # region, settlement, site, sea, country
    region: str | None  # ISO 3166-2 or SEA-*
    country: str | None
    lat: float | None = None
    lon: float | None = None
    canonical: str = ""  # the gazetteer's name
    score: float = 1.0
    district: bool = False  # named as a district or community: its region counts, not a place


@dataclass(frozen=True, slots=True)
class ActorMention(Mention):
    key: str  # lexicon entry
    side: str | None  # UA, RU, OTHER, or None when the side comes from a region or context
    kind: str  # official, person, head_of_state, outlet, third_party, forces, enemy, people, own_forces
    name: str  # display name for claimant.name
    speaker: bool = True  # can be the source of a statement
    region: str | None = None  # the region a governor or administration speaks for
    occupied_side: str | None = None  # the side of this office in a region Russia occupies in part


@dataclass(frozen=True, slots=True)
class TargetMention(Mention):
    code: str  # spec target code


@dataclass(frozen=True, slots=True)
class CueMention(Mention):
    group: str  # table entry key: "intercept", "speech", "denial", ...
    attrs: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class TimeMention(Mention):
    kind: str  # night, day, evening, morning, range, relative, time, multi
    rule: str  # the times.yaml entry that read it
    day: int | None = None
    month: int | None = None
    year: int | None = None
    day2: int | None = None  # second day of "13 to 14 March", "14/15 March"
    month2: int | None = None
    weekday: int | None = None  # 0 = Monday
    offset: int | None = None  # days relative to publication ("yesterday" = -1)
    hour: int | None = None
    minute: int | None = None
    tz: str | None = None  # "msk", "kyiv", "utc", "gmt" when stated
