"""Mentions read straight from a lexicon table: cues (what a sentence
reports: launches, interceptions, hits, casualties, speech, denial ...) and
targets (what was struck, by spec code).

Within one entry the longest phrase wins and phrases do not overlap; phrases
of different entries may overlap ("hit" is both an attack and a measure),
since each rule asks for the group it needs. Targets do not overlap at all:
"oil depot" is `energy.oil_gas`, not also `military` for "depot".
"""

from __future__ import annotations

from ..analysis.document import Analysis
from ..lexicon import table, word_set
from ..lexicon.phrases import PhraseHit, matcher_for
from .base import CueMention, TargetMention

__all__ = ["find_cues", "find_targets", "phrase_hits"]


_TABLES = ("actors", "cues", "numbers", "targets", "weapons")


def phrase_hits(a: Analysis, name: str) -> list[PhraseHit]:
    """The lexicon phrases of table `name` found in the document; one pass of
    one trie over the tokens finds those of every table, once per document."""
    cached = a.__dict__.get("_phrase_hits")
    if cached is None:
        cached = {t: [] for t in _TABLES}
        for hit in matcher_for(a.lang, _TABLES).match(a.tokens):
            cached[hit.table].append(hit)
        a.__dict__["_phrase_hits"] = cached
    return cached[name]


def _longest(hits: list[PhraseHit], per_key: bool) -> list[tuple[str, int, int]]:
    spans = sorted(((h.key, h.start, h.end) for h in hits), key=lambda s: (-(s[2] - s[1]), s[1]))
    taken: dict[str, set[int]] = {}
    out = []
    for key, start, end in spans:
        if end <= start:
            continue
        used = taken.setdefault(key if per_key else "", set())
        if any(k in used for k in range(start, end)):
            continue
        used.update(range(start, end))
        out.append((key, start, end))
    out.sort(key=lambda s: s[1])
    return out


def find_cues(a: Analysis) -> list[CueMention]:
    cues = table(a.lang, "cues")
    hits = phrase_hits(a, "cues")
    vague = word_set(a.lang, "numbers", "vague_before")
    out = []
    for key, start, end in _longest(hits, per_key=True):
        if end - start > 1 and a.tokens[end - 1].lower in vague and end < len(a.tokens) \
                and a.tokens[end].text[:1].isdigit():
            # "launched over 900 glide bombs": "over" belongs to the figure, it is no launch site
            continue
        out.append(CueMention(a.tokens[start].start, a.tokens[end - 1].end, start, end, group=key,
                              attrs=dict(cues[key].attrs)))
    return out


def find_targets(a: Analysis) -> list[TargetMention]:
    targets = table(a.lang, "targets")
    hits = phrase_hits(a, "targets")
    return [TargetMention(a.tokens[start].start, a.tokens[end - 1].end, start, end, code=str(targets[key].get("code")))
            for key, start, end in _longest(hits, per_key=False)]
