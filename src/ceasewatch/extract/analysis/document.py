"""Document analysis: the first layer of the engine.

`analyze(doc)` turns a `Document` into an `Analysis`: the folded text view,
tokens with lemmas, sentences, and blocks (paragraphs) marked with the role
they play in a report: headline, dateline, byline, caption, teaser or
reference to earlier news, hashtags, signature, body. Later layers read
these marks to decide which sentences can carry a claim at all.

Sentences are cut at terminal punctuation followed by a capital, digit,
quote or bullet (not after an abbreviation or an initial), and at line
breaks unless the line is soft-wrapped prose. A line ending in ":" followed
by list lines makes the list items children of that line (`Sentence.head`),
so "the enemy attacked with 503 means:" governs "- 458 drones ...".
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any

from ...model import Document
from ..lexicon import table
from .structure import mark_blocks
from .textview import TextView
from .tokens import Token, tokenize

__all__ = ["Sentence", "Block", "Analysis", "analyze"]

_TERMINAL = {".", "!", "?", "..", "..."}
_BULLET = re.compile(r"^(?:[-*•●▪►✅❗️⚡🔹🔸🔺🔻➡️—–]|[0-9]{1,2}[.)](?![0-9]))")
_OPENERS = {'"', "(", "[", "-", "*", "•"}


@dataclass
class Sentence:
    i: int
    start: int  # first token index
    end: int  # token index, exclusive
    block: int
    char_start: int
    char_end: int
    line_start: bool  # begins a line
    head: int | None = None  # the sentence whose ":" introduces this list item
    is_item: bool = False
    clause_of: int | None = None  # for the later clauses of a split sentence, its first clause
    joint: str = ""  # the words that opened this clause (";", ", while")
    quote: int | None = None  # the quotation (index into Analysis.quotes) this sentence lies in, wholly or partly


@dataclass
class Block:
    i: int
    sentences: list[int]
    char_start: int
    char_end: int
    marks: set[str] = field(default_factory=set)


@dataclass
class Analysis:
    doc: Document
    lang: str
    view: TextView
    sdoc: Any
    tokens: list[Token]
    spmap: list[int]
    sentences: list[Sentence]
    blocks: list[Block]
    # (start, end) character spans of the dateline, byline and similar page furniture
    furniture: list[tuple[int, int, str]] = field(default_factory=list)
    # quotations: (first sentence, last sentence) of each quoted passage
    quotes: list[tuple[int, int]] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.view.text

    def sent_tokens(self, s: Sentence) -> list[Token]:
        return self.tokens[s.start : s.end]

    def token_span(self, start: int, end: int) -> tuple[int, int]:
        """Token offsets covering the characters [start, end)."""
        starts = self._starts()
        first = max(0, bisect.bisect_right(starts, start) - 1)
        if first < len(self.tokens) and self.tokens[first].end <= start:
            first += 1
        last = bisect.bisect_left(starts, end)
        return first, max(first + 1, last)

    def _starts(self) -> list[int]:
        cached = self.__dict__.get("_tok_starts")
        if cached is None:
            cached = [t.start for t in self.tokens]
            self.__dict__["_tok_starts"] = cached
        return cached

    def sentence_of(self, token_i: int) -> Sentence:
        lo, hi = 0, len(self.sentences) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.sentences[mid].start <= token_i:
                lo = mid
            else:
                hi = mid - 1
        return self.sentences[lo]

    def block_of(self, s: Sentence) -> Block:
        return self.blocks[s.block]

    def marks(self, s: Sentence) -> set[str]:
        return self.blocks[s.block].marks


def _abbreviations(lang: str) -> frozenset[str]:
    entry = table(lang, "structure").entries.get("abbreviations")
    return frozenset(p.lower() for p in entry.phrases) if entry else frozenset()


def _ends_sentence(tokens: list[Token], i: int, abbrev: frozenset[str]) -> bool:
    t = tokens[i]
    if i + 1 >= len(tokens):
        return True
    nxt = tokens[i + 1]
    if t.paragraph_after:
        return True
    if t.newline_after:
        # Soft-wrapped prose: the line stops mid-sentence and the next one goes on in lower case.
        line_end = t.text in _TERMINAL or t.text in (":", ";", '"', ")")
        return line_end or not nxt.text[:1].islower()
    if not t.space:
        return False
    text = t.text
    terminal = text in _TERMINAL or (text.endswith(".") and len(text) > 1 and text[:-1].lower() not in abbrev
                                     and not re.fullmatch(r"(?:[A-Za-zА-Яа-яІіЇїЄєҐґ]\.)+", text))
    if text == '"' and i > 0 and tokens[i - 1].text in _TERMINAL:
        terminal = True
    if text == ")" and i > 0 and tokens[i - 1].text in _TERMINAL:
        terminal = True
    if not terminal:
        return False
    if text == "." and i > 0:
        prev = tokens[i - 1]
        if prev.lower in abbrev or (len(prev.text) == 1 and prev.text.isupper()):
            return False
        # "1. 10 Shahed drones": a list number at the start of a line
        if prev.is_digits and len(prev.text) <= 2 and (i - 1 == 0 or tokens[i - 2].newline_after
                                                       or tokens[i - 2].paragraph_after):
            return False
    first = nxt.text[:1]
    return first.isupper() or first.isdigit() or nxt.text in _OPENERS or not first.isalnum()


def _split(tokens: list[Token], lang: str, text: str) -> tuple[list[Sentence], list[Block]]:
    abbrev = _abbreviations(lang)
    sentences: list[Sentence] = []
    blocks: list[Block] = []
    has_blank_lines = "\n\n" in text.strip() or "\n \n" in text
    start = 0
    block_i = 0
    line_start = True
    breaks = _clause_breaks(lang)
    for i, t in enumerate(tokens):
        if not _ends_sentence(tokens, i, abbrev):
            continue
        first = len(sentences)
        joint = ""
        for cut, next_joint in _clause_cuts(tokens, start, i + 1, breaks):
            sentences.append(Sentence(len(sentences), start, cut, block_i, tokens[start].start, tokens[cut - 1].end,
                                      line_start if len(sentences) == first else False,
                                      clause_of=None if len(sentences) == first else first, joint=joint))
            start, joint = cut, next_joint
        sentences.append(Sentence(len(sentences), start, i + 1, block_i, tokens[start].start, t.end,
                                  line_start if len(sentences) == first else False,
                                  clause_of=None if len(sentences) == first else first, joint=joint))
        line_start = t.newline_after
        new_block = t.paragraph_after or (t.newline_after and not has_blank_lines)
        if new_block or i + 1 == len(tokens):
            block_i += 1
        start = i + 1
    by_block: dict[int, list[int]] = {}
    for s in sentences:
        by_block.setdefault(s.block, []).append(s.i)
    for _b, ids in sorted(by_block.items()):
        first, last = sentences[ids[0]], sentences[ids[-1]]
        blocks.append(Block(len(blocks), ids, first.char_start, last.char_end))
        for sid in ids:
            sentences[sid].block = len(blocks) - 1
    _link_lists(tokens, sentences)
    return sentences, blocks


def _clause_breaks(lang: str) -> tuple[tuple[str, ...], ...]:
    entry = table(lang, "structure").entries.get("clause_breaks")
    if not entry:
        return ()
    return tuple(tuple(p.lower().replace(",", " , ").replace(";", " ; ").split()) for p in entry.phrases)


def _clause_cuts(tokens: list[Token], start: int, end: int,
                 breaks: tuple[tuple[str, ...], ...]) -> list[tuple[int, str]]:
    """Token positions where a sentence splits into clauses ("..., while ..."):
    after the comma or semicolon that opens a clause-break phrase, with that phrase."""
    cuts: list[tuple[int, str]] = []
    firsts = {p[0] for p in breaks}
    for k in range(start + 3, end - 3):
        if tokens[k].lower not in firsts:
            continue
        for phrase in breaks:
            n = len(phrase)
            if k + n <= end and all(tokens[k + j].lower == w for j, w in enumerate(phrase)):
                cuts.append((k + 1 if phrase[0] in (",", ";") else k, " ".join(phrase)))
                break
    return cuts


def _link_lists(tokens: list[Token], sentences: list[Sentence]) -> None:
    """List items (lines after a line ending in ':') point at their head. An
    item starts with a bullet or a figure, or is a short line right below."""
    head: int | None = None
    after_blank = False
    for s in sentences:
        first = tokens[s.start]
        last = tokens[s.end - 1]
        bullet = bool(_BULLET.match(first.text)) or first.is_digits
        if head is not None and s.line_start and (bullet or (not after_blank and s.end - s.start <= 40)):
            s.head = head
            s.is_item = True
        elif s.line_start:
            head = None
        if last.text == ":" and last.newline_after:
            head = s.i if not s.is_item else s.head
        after_blank = last.paragraph_after


def analyze(doc: Document, lang: str | None = None) -> Analysis:
    language = (lang or doc.language or "en").lower()
    if language not in ("en", "uk", "ru"):
        language = "en"
    view = TextView.of(doc.text)
    sdoc, tokens, spmap = tokenize(view.norm, language)
    sentences, blocks = _split(tokens, language, view.norm) if tokens else ([], [])
    analysis = Analysis(doc, language, view, sdoc, tokens, spmap, sentences, blocks)
    mark_blocks(analysis)
    _mark_quotes(analysis)
    return analysis


def _mark_quotes(a: Analysis) -> None:
    """Quoted passages that run over several sentences ("... It hit a school," the governor said.)."""
    open_at: int | None = None
    for s in a.sentences:
        marks = [t for t in a.tokens[s.start:s.end] if t.text == '"']
        for _ in marks:
            if open_at is None:
                open_at = s.i
            else:
                if s.i > open_at:
                    a.quotes.append((open_at, s.i))
                    for k in range(open_at, s.i + 1):
                        a.sentences[k].quote = len(a.quotes) - 1
                open_at = None
        if open_at is not None and a.sentences[open_at].block != s.block and s.i > open_at + 6:
            open_at = None  # an unbalanced mark: give up on it
