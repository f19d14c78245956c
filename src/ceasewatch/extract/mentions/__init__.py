"""The mention layer: typed spans found by data-driven recognisers.

`find_mentions(analysis, geocoder)` runs every recogniser once per document
and files the results per sentence (`Mentions.in_sentence`), so that the
frame rules read a sentence's numbers, weapons, places, actors, targets,
cues and time expressions without scanning text again.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any

from ..analysis.document import Analysis, Sentence
from .actors import find_actors
from .base import (
    ActorMention,
    CueMention,
    Mention,
    NumberMention,
    PlaceMention,
    TargetMention,
    TimeMention,
    WeaponMention,
)
from .lexical import find_cues, find_targets
from .numbers import find_numbers
from .places import find_places
from .times import find_times
from .weapons import find_weapons

__all__ = [
    "Mentions", "SentenceMentions", "find_mentions", "Mention", "NumberMention", "WeaponMention", "PlaceMention",
    "ActorMention", "TargetMention", "CueMention", "TimeMention",
]


@dataclass
class SentenceMentions:
    numbers: list[NumberMention] = field(default_factory=list)
    weapons: list[WeaponMention] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    actors: list[ActorMention] = field(default_factory=list)
    targets: list[TargetMention] = field(default_factory=list)
    cues: list[CueMention] = field(default_factory=list)
    times: list[TimeMention] = field(default_factory=list)

    def cue(self, *groups: str) -> list[CueMention]:
        return [c for c in self.cues if c.group in groups]

    def has(self, *groups: str) -> bool:
        return any(c.group in groups for c in self.cues)


@dataclass
class Mentions:
    numbers: list[NumberMention]
    weapons: list[WeaponMention]
    places: list[PlaceMention]
    actors: list[ActorMention]
    targets: list[TargetMention]
    cues: list[CueMention]
    times: list[TimeMention]
    by_sentence: list[SentenceMentions]

    def in_sentence(self, s: Sentence) -> SentenceMentions:
        return self.by_sentence[s.i]


def _file(a: Analysis, items: list[Any], slot: str, by_sentence: list[SentenceMentions]) -> None:
    starts = [s.start for s in a.sentences]
    for m in items:
        i = bisect.bisect_right(starts, m.tok_start) - 1
        if 0 <= i < len(by_sentence):
            getattr(by_sentence[i], slot).append(m)


def find_mentions(a: Analysis, geocoder: Any) -> Mentions:
    actors = find_actors(a)
    # Words inside an actor's name are not weapons, cues or targets of their own
    # ("anti-aircraft missile troops", "mobile fire groups").
    named_spans = [(x.tok_start, x.tok_end) for x in actors if x.kind not in ("nationality", "enemy", "own")]
    named = _Cover(named_spans)
    cues = find_cues(a)
    cue_spans = [(c.tok_start, c.tok_end) for c in cues]
    times = find_times(a)
    time_spans = _Cover([(t.tok_start, t.tok_end) for t in times])
    weapons = [w for w in find_weapons(a) if not _covered(w, named)]
    targets = [t for t in find_targets(a) if not _covered(t, named)]
    # "a storage site for Shahed drones", "місце зберігання БпЛА типу Shahed": weapons a target holds or
    # makes are part of what was struck, not what struck it
    weapons = [w for w in weapons if not _held_by_target(a, w, targets)]
    weapon_spans = _Cover([(w.tok_start, w.tok_end) for w in weapons])
    # "taken to hospital", "госпіталізовано до лікарні": where the wounded went is not what was struck
    treated = [(c.tok_start, c.tok_end + 3) for c in cues if c.group == "treated"]
    mentions = Mentions(
        # a figure inside a time expression ("3 сентября", "the night of 13 to 14 March") counts nothing
        numbers=[n for n in find_numbers(a) if not _covered(n, time_spans)],
        weapons=weapons,
        # "ТЕС", "НПЗ" spelled in capitals: a target word is no settlement of that name
        places=[p for p in find_places(a, geocoder, actors) if not _covered(p, time_spans)
                and not (p.kind == "settlement" and any((t.tok_start, t.tok_end) == (p.tok_start, p.tok_end)
                                                       for t in targets))],
        actors=actors,
        # "unmanned aerial vehicles": a word of a weapon's name is no target
        targets=[t for t in targets if not _covered(t, weapon_spans)
                 and not any(lo <= t.tok_start < hi for lo, hi in treated)],
        # a cue inside a longer cue of another kind is that cue's word ("intercepted" in
        # "could not be intercepted"); inside an actor's name it is no cue at all
        # "multiple launch rocket system": a word of a weapon's name is no cue either
        cues=[c for c in cues if (c.group in ("speech", "according") or not _inside(c, cue_spans))
              and not _covered(c, named) and not _covered(c, weapon_spans)],
        times=times,
        by_sentence=[SentenceMentions() for _ in a.sentences],
    )
    for slot in ("numbers", "weapons", "places", "actors", "targets", "cues", "times"):
        _file(a, getattr(mentions, slot), slot, mentions.by_sentence)
    return mentions


_HOLDING = frozenset({"for", "of", "the", "with", "для", "з", "із", "с", "со"})


def _held_by_target(a: Analysis, w: Any, targets: list[Any]) -> bool:
    """A weapon right after a target word, joined by "for"/"of" or none (a genitive): what the target holds."""
    for t in targets:
        if 0 <= w.tok_start - t.tok_end <= 3 and all(
                a.tokens[k].lower in _HOLDING or "ADJF" in a.tokens[k].tags for k in range(t.tok_end, w.tok_start)):
            return True
    return False


def _inside(m: Mention, spans: list[tuple[int, int]]) -> bool:
    return any(s <= m.tok_start and m.tok_end <= e and (m.tok_start, m.tok_end) != (s, e) for s, e in spans)


def _covered(m: Mention, spans: list[tuple[int, int]] | _Cover) -> bool:
    if isinstance(spans, _Cover):
        return spans.covers(m.tok_start, m.tok_end)
    return any(s <= m.tok_start and m.tok_end <= e for s, e in spans)


class _Cover:
    """Spans of tokens, asked many times whether one of them covers a stretch: the furthest end of the
    spans starting at or before each token (one pass to build, one lookup to ask)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        size = max((s for s, _ in spans), default=-1) + 1
        reach = [-1] * size
        for s, e in spans:
            if e > reach[s]:
                reach[s] = e
        for i in range(1, size):
            if reach[i - 1] > reach[i]:
                reach[i] = reach[i - 1]
        self._reach = reach

    def covers(self, start: int, end: int) -> bool:
        if not self._reach:
            return False
        return self._reach[min(start, len(self._reach) - 1)] >= end
