"""Tokens for every language: spaCy's tokenizer over the folded text, with a
`norm` that the lexicon matches (the pymorphy3 lemma for Ukrainian and
Russian words, the lower case otherwise).

Lemmas are cached per surface form: news text repeats a few thousand words.
Where pymorphy3's likeliest reading is the wrong word for this domain
("п'яти" read as "п'ята", a heel), `lexicon/data/<lang>/lemmas.yaml`
overrides it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..lexicon import table

__all__ = ["Token", "blank", "tokenize", "Lemmatizer", "lemmatizer"]

_CYRILLIC = re.compile(r"[а-яёіїєґА-ЯЁІЇЄҐ]")
_ASCII_DIGITS = re.compile(r"[0-9]+")


@dataclass(slots=True)
class Token:
    """One token of the folded text. `start`/`end` are character offsets
    into `Document.text`; `norm` is what lexicon phrases compare."""

    i: int
    start: int
    end: int
    text: str
    lower: str
    norm: str
    space: str  # the whitespace after the token, as written (folded)
    tags: str = ""  # pymorphy3 grammemes of the likeliest reading, "" for other words

    @property
    def is_title(self) -> bool:
        return self.text[:1].isupper()

    @property
    def is_upper(self) -> bool:
        return self.text.isupper() and len(self.text) > 1

    @property
    def is_digits(self) -> bool:
        """ASCII digits only ("²" and "❺" are not numbers here)."""
        return _ASCII_DIGITS.fullmatch(self.text) is not None

    @property
    def is_alpha(self) -> bool:
        return self.text.isalpha()

    @property
    def newline_after(self) -> bool:
        return "\n" in self.space

    @property
    def paragraph_after(self) -> bool:
        return self.space.count("\n") >= 2


@cache
def blank(lang: str) -> Any:
    """A blank spaCy pipeline (tokenizer only) for `lang`."""
    import spacy
    from spacy.util import compile_infix_regex, compile_prefix_regex

    nlp = spacy.blank(lang if lang in ("en", "uk", "ru") else "en")
    # "збито/подавлено", "Kh-101/Kh-555": a slash between words splits them (not "14/15").
    infixes = [*nlp.Defaults.infixes, r"(?<=[^\W\d])/(?=\w)", r"(?<=\w)/(?=[^\W\d])"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    # "(Reuters) -Ukraine's military said": a dash glued to the first word of a wire story is no part of it
    prefixes = [*nlp.Defaults.prefixes, r"[-\u2013\u2014](?=[^\W\d_])"]
    nlp.tokenizer.prefix_search = compile_prefix_regex(prefixes).search
    return nlp


class Lemmatizer:
    """pymorphy3 lemmas and tags for one language, cached per form."""

    def __init__(self, lang: str) -> None:
        import pymorphy3

        self.lang = lang
        self._morph = pymorphy3.MorphAnalyzer(lang=lang)
        self._cache: dict[str, tuple[str, str]] = {}
        overrides = table(lang, "lemmas")
        self._overrides = {form.lower(): e.key for e in overrides for form in e.phrases}

    def __call__(self, lower: str) -> tuple[str, str]:
        hit = self._cache.get(lower)
        if hit is not None:
            return hit
        forced = self._overrides.get(lower)
        try:
            parses = self._morph.parse(lower)
        except (KeyError, ValueError):
            # a character unicodedata has no name for (Tangut, private use): pymorphy3 cannot shape it
            result = (forced or lower, "")
        else:
            parse = parses[0]
            tags = str(parse.tag)
            if "Name" not in tags and any("Name" in p.tag for p in parses[1:4]):
                tags += ",NameAlt"  # "Владимир": the first name one reading of several
            elif "inan" in tags and any("anim" in p.tag for p in parses[1:4]):
                tags += ",PersonAlt"  # "Володимир": the town first, a person too
            result = (forced, tags) if forced is not None else (parse.normal_form.replace("ё", "е"), tags)
        if len(self._cache) > 200_000:
            self._cache.clear()
        self._cache[lower] = result
        return result


@cache
def lemmatizer(lang: str) -> Lemmatizer | None:
    return Lemmatizer(lang) if lang in ("uk", "ru") else None


def tokenize(norm_text: str, lang: str) -> tuple[Any, list[Token], list[int]]:
    """spaCy `Doc` of the folded text, the project's tokens (whitespace runs
    dropped) and the map from spaCy token index to token index (one more
    entry than the doc has tokens, for exclusive ends)."""
    sdoc = blank(lang).make_doc(norm_text)
    lemma = lemmatizer(lang)
    tokens: list[Token] = []
    spmap: list[int] = []
    for t in sdoc:
        text = t.text
        spmap.append(len(tokens))
        if text.isspace():  # spaCy keeps runs of extra whitespace as tokens
            if tokens:
                tokens[-1].space += text + t.whitespace_
            t.norm_ = text
            continue
        lower = text.lower()
        norm, tags = lower, ""
        # Acronyms ("БПЛА", "РСЗО", "БпЛА") are not inflected words: pymorphy would guess a verb.
        if lemma is not None and _CYRILLIC.search(text) and sum(c.isupper() for c in text) < 2:
            norm, tags = lemma(lower.replace("ё", "е"))
        # Norms go back into the spaCy doc so that its Matcher compares lemmas.
        t.norm_ = norm
        tokens.append(Token(len(tokens), t.idx, t.idx + len(text), text, lower, norm, t.whitespace_, tags))
    spmap.append(len(tokens))
    return sdoc, tokens, spmap
