"""Tokens with lemmas for Ukrainian and Russian.

spaCy's blank `uk`/`ru` pipelines give the tokenisation (and character
offsets into the untouched text); pymorphy3 gives lemmas and grammatical tags.
Lemmas are what the rule matchers compare, so "області", "областях",
"область" all match one entry. One `MorphAnalyzer` is built per language and
per process; lemmas are cached per surface form because news text repeats
the same few hundred words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

__all__ = ["Tok", "Analyzer", "analyzer_for"]

_CYRILLIC = re.compile(r"[А-Яа-яЁёІіЇїЄєҐґ]")
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "`": "'", "‘": "'"})


@dataclass(frozen=True, slots=True)
class Tok:
    """One token: surface text, lower-cased form, lemma, grammatical tag
    (pymorphy's, as a string; "" for non-Cyrillic tokens) and offsets."""

    i: int
    text: str
    lower: str
    lemma: str
    tag: str
    start: int
    end: int
    space_after: bool
    lemmas: frozenset[str]  # every lemma pymorphy offers: ambiguous forms match any

    @property
    def is_digit(self) -> bool:
        # ASCII only: str.isdigit() also accepts "²" and "❺", which int() refuses
        return self.text.isascii() and self.text.isdigit()

    @property
    def is_title(self) -> bool:
        return self.text[:1].isupper()

    def has(self, *grammemes: str) -> bool:
        return all(g in self.tag for g in grammemes)


class Analyzer:
    """Tokeniser + lemmatiser for one language ("uk" or "ru")."""

    def __init__(self, lang: str) -> None:
        import pymorphy3
        import spacy

        if lang not in ("uk", "ru"):
            raise ValueError(f"unsupported language {lang!r}")
        self.lang = lang
        self._nlp = spacy.blank(lang)
        self._morph: Any = pymorphy3.MorphAnalyzer(lang=lang)
        self._cache: dict[str, tuple[str, str, frozenset[str]]] = {}

    def _analyse(self, word: str) -> tuple[str, str, frozenset[str]]:
        hit = self._cache.get(word)
        if hit is not None:
            return hit
        lower = word.lower().translate(_APOSTROPHES)
        try:
            # pymorphy3 raises ValueError on letters unicodedata has no name
            # for (Tangut, some CJK); such a word is not Ukrainian or Russian
            parses = self._morph.parse(lower) if _CYRILLIC.search(lower) else []
        except ValueError:
            parses = []
        if not parses:
            result = (lower, "", frozenset((lower,)))
        else:
            best = parses[0]
            lemmas = frozenset(p.normal_form.replace("ё", "е") for p in parses[:6])
            result = (best.normal_form.replace("ё", "е"), str(best.tag), lemmas)
        if len(self._cache) < 200_000:  # bounded: odd inputs cannot grow it forever
            self._cache[word] = result
        return result

    def tokens(self, text: str) -> list[Tok]:
        """Tokens of `text` with offsets into it (code points)."""
        out: list[Tok] = []
        for t in self._nlp.make_doc(text):
            if t.is_space:
                continue
            lemma, tag, lemmas = self._analyse(t.text)
            out.append(
                Tok(
                    i=len(out),
                    text=t.text,
                    lower=t.text.lower().translate(_APOSTROPHES),
                    lemma=lemma,
                    tag=tag,
                    start=t.idx,
                    end=t.idx + len(t.text),
                    space_after=bool(t.whitespace_),
                    lemmas=lemmas,
                )
            )
        return out

    def inflect(self, word: str, grammemes: set[str]) -> str | None:
        """`word` put into the given form (e.g. {"femn", "nomn", "sing"}), or None."""
        for parse in self._morph.parse(word.lower()):
            if "ADJF" in parse.tag or "NOUN" in parse.tag:
                # the Ukrainian dictionary does not mark number on adjectives: retry without it
                for wanted in (grammemes, grammemes - {"sing"}):
                    form = parse.inflect(set(wanted))
                    if form is not None:
                        return str(form.word)
        return None


@lru_cache(maxsize=2)
def analyzer_for(lang: str) -> Analyzer:
    """The process-wide analyser of a language (built on first use)."""
    return Analyzer(lang)
