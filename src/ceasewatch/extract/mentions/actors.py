"""Actors: who can speak or attack, with their side, from each language's
`actors.yaml` (institutions, officials, heads of state, outlets, third
parties, forces, "the enemy", defenders, nationality adjectives).

The longest phrase wins where entries overlap ("Russia's defence ministry"
over "Russia"). A regional office whose side is not in the phrase
("the governor", "ОВА") gets it later from the region named beside it.
"""

from __future__ import annotations

from ..analysis.document import Analysis
from ..lexicon import table
from .base import ActorMention
from .lexical import phrase_hits

__all__ = ["find_actors"]


def find_actors(a: Analysis) -> list[ActorMention]:
    actors = table(a.lang, "actors")
    hits = phrase_hits(a, "actors")
    hits.sort(key=lambda h: (-(h.end - h.start), h.start))
    taken: set[int] = set()
    out: list[ActorMention] = []
    for h in hits:
        start, end = h.start, h.end
        if end <= start or any(k in taken for k in range(start, end)):
            continue
        taken.update(range(start, end))
        entry = actors[h.key]
        out.append(ActorMention(
            a.tokens[start].start, a.tokens[end - 1].end, start, end,
            key=h.key, side=entry.get("side"), kind=str(entry.get("kind")), name=str(entry.get("name") or h.key),
            speaker=bool(entry.get("speaker", True)), occupied_side=entry.get("occupied_side"),
        ))
    out.sort(key=lambda m: m.start)
    return out
