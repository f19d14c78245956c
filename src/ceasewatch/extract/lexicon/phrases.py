"""The phrase syntax of lexicon files, compiled into a token trie.

A phrase is tokens separated by spaces; each token is a set of forms joined
by `|`, compared with the token's `norm` (its lemma in Ukrainian and
Russian, its lower case in English):

| written        | matches                                         |
|----------------|-------------------------------------------------|
| `збити`        | any form whose lemma is "збити"                 |
| `shot|downed`  | either word                                      |
| `drone(s)`     | "drone", "drones" (a suffix group; `(a|b)` too)   |
| `hit(s|ting)?` | "hit", "hits", "hitting" (`?` after a group: it may be left out) |
| `=сили`        | the lower-cased surface form only                 |
| `!KAB`         | exactly this spelling (case-sensitive)            |
| `#num`         | a number written in ASCII digits                  |
| `*`            | any one token                                     |
| `word?`        | an optional token (also `*?`, `#num?`)            |

`matcher_for(lang, tables)` builds one trie over every entry of the named
tables; `match(tokens)` reports each match as (table, entry key, token span).
A trie walked once per token is much faster here than spaCy's `Matcher`,
whose cost grows with the number of patterns (thousands of phrases).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from ...errors import ConfigError
from . import table

__all__ = ["expand_forms", "compile_phrase", "PhraseHit", "PhraseMatcher", "matcher_for"]

_SUFFIX = re.compile(r"\(([^()]*)\)")


def expand_forms(word: str) -> list[str]:
    """"drone(s)" -> ["drone", "drones"]; "strik(e|es|ing)" -> three forms."""
    parts = _SUFFIX.split(word)
    if len(parts) == 1:
        return [word]
    pieces: list[list[str]] = []
    for i, part in enumerate(parts):
        if i % 2 == 0:
            pieces.append([part])
        else:
            options = part.split("|")
            pieces.append(options if len(options) > 1 else ["", options[0]])
    return ["".join(p) for p in itertools.product(*pieces)]


Spec = tuple[str, frozenset[str]]  # (attribute, forms); attribute in norm, lower, orth, num, any


def split_alternatives(token: str) -> list[str]:
    """"injur(ed|ing)|wound(ed)" -> ["injur(ed|ing)", "wound(ed)"]: bars inside a suffix group stay."""
    out, depth, current = [], 0, []
    for ch in token:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        if ch == "|" and depth == 0:
            out.append("".join(current))
            current = []
        else:
            current.append(ch)
    out.append("".join(current))
    return out


def _spec(token: str, phrase: str) -> tuple[Spec, bool]:
    if token.endswith(")?"):
        # "attack(s|ed|ing)?": the suffix group is optional, not the word
        head, _, group = token[:-2].rpartition("(")
        token = f"{head}(|{group})"
    optional = token.endswith("?") and len(token) > 1
    if optional:
        token = token[:-1]
    if token == "*":
        return ("any", frozenset()), optional
    if token == "#num":
        return ("num", frozenset()), optional
    if token.startswith("="):
        return ("lower", frozenset(f for alt in split_alternatives(token[1:]) for f in expand_forms(alt.lower()))), optional
    if token.startswith("!"):
        return ("orth", frozenset(f for alt in split_alternatives(token[1:]) for f in expand_forms(alt))), optional
    forms = [f for alt in split_alternatives(token) for f in expand_forms(alt.lower())]
    if not all(forms):
        raise ConfigError(f"empty form in phrase {phrase!r}", hint="check the `|` and `( )` groups")
    return ("norm", frozenset(forms)), optional


def _pieces(tokens: list[str]) -> list[list[str]]:
    """A possessive variant's tokens with their hyphenated words split: every combination."""
    out: list[list[str]] = [[]]
    for t in tokens:
        out = [o + v for o in out for v in _hyphen_split(t)]
    return out


def _possessive_split(token: str) -> list[list[str]]:
    """"ukraine's|ukrainian" -> [["ukraine", "'s"], ["ukrainian"]]: spaCy splits the English
    possessive off its word, so a phrase written with one must match two tokens."""
    optional = "?" if token.endswith("?") and len(token) > 1 else ""
    body = token[:-1] if optional else token
    if "'s" not in body or body.startswith(("=", "!")):
        return [[token]]
    plain = [alt for alt in split_alternatives(body) if not alt.endswith("'s")]
    owned = [alt[:-2] for alt in split_alternatives(body) if alt.endswith("'s")]
    out = [["|".join(owned) + optional, "'s" + optional]]
    if plain:
        out.append(["|".join(plain) + optional])
    return out


_HYPHEN = re.compile(r"(?<=[^\W_])-(?=[^\W\d_])")


def _hyphen_split(token: str) -> list[list[str]]:
    """"fixed-wing", "russian-installed|moscow-installed": the tokenizer splits a hyphen between letters
    off as a token of its own ("S-300" and "Kh-101" stay whole), so the phrase must too."""
    optional = "?" if token.endswith("?") and len(token) > 1 and not token.endswith(")?") else ""
    body = token[:-1] if optional else token
    marker = body[0] if body[:1] in ("=", "!") else ""
    body = body[len(marker):]
    if not _HYPHEN.search(body) or "(" in body:
        return [[token]]
    plain: list[str] = []
    out: list[list[str]] = []
    for alt in split_alternatives(body):
        parts = [p for p in _HYPHEN.split(alt)]
        if len(parts) == 1:
            plain.append(alt)
            continue
        variant: list[str] = []
        for i, part in enumerate(parts):
            if i:
                variant.append("-" + optional)
            variant.append(marker + part + optional)
        out.append(variant)
    if plain:
        out.append([marker + "|".join(plain) + optional])
    return out


def compile_phrase(phrase: str) -> list[list[Spec]]:
    """Every token sequence a phrase stands for (optional tokens in or out,
    English possessives as two tokens)."""
    tokens = phrase.split()
    if not tokens:
        raise ConfigError("empty phrase in a lexicon file", hint="remove the empty entry")
    variants: list[list[Spec]] = [[]]
    for token in tokens:
        grown: list[list[Spec]] = []
        for piece in (p for whole in _possessive_split(token) for p in _pieces(whole)):
            specs = [_spec(t, phrase) for t in piece]
            options: list[list[Spec]] = [[]]
            for spec, optional in specs:
                options = [o + [spec] for o in options] + (options if optional else [])
            grown.extend(v + o for v in variants for o in options)
        variants = grown
    return [v for v in variants if v]


@dataclass(frozen=True, slots=True)
class PhraseHit:
    table: str
    key: str
    start: int  # token index
    end: int  # token index, exclusive


class _Node:
    __slots__ = ("norm", "lower", "orth", "num", "any", "labels")

    def __init__(self) -> None:
        self.norm: dict[str, _Node] = {}
        self.lower: dict[str, _Node] = {}
        self.orth: dict[str, _Node] = {}
        self.num: _Node | None = None
        self.any: _Node | None = None
        self.labels: list[tuple[str, str]] = []

    def child(self, attr: str, form: str | None) -> _Node:
        if attr in ("num", "any"):
            node = getattr(self, attr)
            if node is None:
                node = _Node()
                setattr(self, attr, node)
            return node
        table_ = getattr(self, attr)
        node = table_.get(form)
        if node is None:
            node = table_[form] = _Node()
        return node


_NUMBER = re.compile(r"[0-9][0-9,]*")


class PhraseMatcher:
    """A token trie over the phrases of several tables of one language: one
    pass over a document's tokens finds every phrase of every entry."""

    def __init__(self, lang: str, tables: Iterable[str]) -> None:
        self.lang = lang
        self._root = _Node()
        for name in tables:
            for entry in table(lang, name):
                for phrase in entry.phrases:
                    for variant in compile_phrase(phrase):
                        self._add(variant, (name, entry.key))

    def _add(self, variant: list[Spec], label: tuple[str, str]) -> None:
        nodes = [self._root]
        for attr, forms in variant:
            nxt: list[_Node] = []
            for node in nodes:
                if attr in ("num", "any"):
                    nxt.append(node.child(attr, None))
                else:
                    nxt.extend(node.child(attr, f) for f in forms)
            nodes = nxt
        for node in nodes:
            if label not in node.labels:
                node.labels.append(label)

    def match(self, tokens: list[Any]) -> list[PhraseHit]:
        """Every phrase found in the token list (tokens with `norm`, `lower`, `text`)."""
        hits: list[PhraseHit] = []
        n = len(tokens)
        root = self._root
        for i in range(n):
            frontier = [root]
            j = i
            while frontier and j < n:
                tok = tokens[j]
                nxt: list[_Node] = []
                for node in frontier:
                    for child in (node.norm.get(tok.norm), node.lower.get(tok.lower), node.orth.get(tok.text)):
                        if child is not None:
                            nxt.append(child)
                    # a word written as the text has it also matches where the lemmatiser reads the token as
                    # another word ("Синегубов" -> "синегуб", a surname read as a possessive)
                    if tok.lower != tok.norm:
                        child = node.norm.get(tok.lower)
                        if child is not None:
                            nxt.append(child)
                    if node.num is not None and _NUMBER.fullmatch(tok.text):
                        nxt.append(node.num)
                    if node.any is not None:
                        nxt.append(node.any)
                j += 1
                for node in nxt:
                    for t, key in node.labels:
                        hits.append(PhraseHit(t, key, i, j))
                frontier = nxt
        hits.sort(key=lambda h: (h.start, -h.end))
        return hits

    def __call__(self, sdoc: Any) -> list[PhraseHit]:
        raise TypeError("PhraseMatcher takes the analysis tokens: use .match(analysis.tokens)")


@cache
def matcher_for(lang: str, tables: tuple[str, ...]) -> PhraseMatcher:
    return PhraseMatcher(lang, tables)
