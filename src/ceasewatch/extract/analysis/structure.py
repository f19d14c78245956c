"""Marks on blocks: what part of a report each paragraph is.

The patterns live in `lexicon/data/<lang>/structure.yaml` (regular
expressions matched at the start of a block's folded text, or anywhere for
captions). Marks:

- `headline`: the first line when it reads as a title (short, no final
  full stop) or equals the document's title;
- `dateline`: furniture at the start of the first body block ("KYIV, March
  19 (Reuters) -", "МОСКВА, 23 сентября. /ТАСС/."); its span is recorded in
  `Analysis.furniture` so that no place or speaker is read from it;
- `byline`, `caption`, `teaser` (links to other stories), `earlier`
  (references to earlier news: "Ранее ...", "Нагадаємо, ..."), `hashtags`,
  `source` ("Source: ...") and `signature` (a name alone on the last line
  of a post, which tells who is speaking).
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from ..lexicon import table

if TYPE_CHECKING:
    from .document import Analysis

__all__ = ["mark_blocks", "BLOCK_MARKS", "NO_CLAIM_MARKS"]

BLOCK_MARKS = ("headline", "dateline", "byline", "caption", "teaser", "earlier", "hashtags", "source", "signature")
# Blocks that never carry a claim of their own.
NO_CLAIM_MARKS = frozenset({"byline", "caption", "teaser", "earlier", "hashtags", "source", "signature"})

_MARK_AT_START = ("dateline", "byline", "teaser", "earlier", "source")
_MARK_ANYWHERE = ("caption",)


@cache
def _patterns(lang: str) -> dict[str, re.Pattern[str]]:
    structure = table(lang, "structure")
    common = table("common", "structure")
    compiled: dict[str, re.Pattern[str]] = {}
    for mark in (*_MARK_AT_START, *_MARK_ANYWHERE):
        sources = [p for t in (structure, common) if mark in t for p in t[mark].patterns]
        if sources:
            compiled[mark] = re.compile("|".join(f"(?:{p})" for p in sources), re.MULTILINE)
    return compiled


_HASHTAG_LINE = re.compile(r"^(?:\s*#[\w-]+\s*)+$")
_NAME_LINE = re.compile(r"^[A-ZА-ЯЁІЇЄҐ][\w'.-]+(?:\s+[A-ZА-ЯЁІЇЄҐ][\w'.-]+){1,2}\.?$")


def mark_blocks(a: Analysis) -> None:
    if not a.blocks:
        return
    patterns = _patterns(a.lang)
    norm = a.view.norm
    for block in a.blocks:
        chunk = norm[block.char_start : block.char_end]
        for mark in _MARK_AT_START:
            pattern = patterns.get(mark)
            m = pattern.match(chunk) if pattern else None
            if m is None:
                continue
            if mark == "dateline":
                # only the first body block carries a dateline, after a headline and short title lines at most
                earlier = a.blocks[: block.i]
                if block.i > 3 or any(a.view.norm[b.char_start:b.char_end].rstrip().endswith((".", "!", "?")) or
                                      b.char_end - b.char_start > 160 for b in earlier[1:]):
                    continue
                a.furniture.append((block.char_start, block.char_start + m.end(), "dateline"))
            block.marks.add(mark)
        caption = patterns.get("caption")
        if caption and caption.search(chunk):
            block.marks.add("caption")
        if _HASHTAG_LINE.match(chunk.strip()):
            block.marks.add("hashtags")
    _mark_headline(a)
    _mark_signature(a)
    _mark_date_lines(a)


def _mark_headline(a: Analysis) -> None:
    first = a.blocks[0]
    if len(a.blocks) < 2 or "dateline" in first.marks:
        return
    text = a.view.norm[first.char_start : first.char_end].strip()
    title = (a.doc.title or "").strip()
    n_tokens = sum(a.sentences[s].end - a.sentences[s].start for s in first.sentences)
    single_line = "\n" not in text
    reads_as_title = single_line and n_tokens <= 35 and not text.endswith((".", ":", ";"))
    if (title and text == title) or reads_as_title:
        first.marks.add("headline")


_DATE_LINE = re.compile(r"^(?:[A-Za-zА-Яа-яІіЇїЄєҐґ]{2,12}\.?,?\s+)?[0-9]{1,2}[ .](?:[A-Za-zА-Яа-яІіЇїЄєҐґ]{3,12}\.?|[0-9]{2})"
                        r"[ .][0-9]{4},?(?:\s+[0-9]{1,2}[:.][0-9]{2})?(?:\s+[A-Z]{2,5})?\s*$")


def _mark_date_lines(a: Analysis) -> None:
    """"Thu 19 Jun 2025 18.40 BST", "19.03.2025, 09:15": a page's date line, not a strike date."""
    for block in a.blocks[:6]:
        text = a.view.norm[block.char_start : block.char_end].strip()
        if len(text) <= 40 and _DATE_LINE.match(text):
            block.marks.add("dateline")
            a.furniture.append((block.char_start, block.char_end, "date_line"))


def _mark_signature(a: Analysis) -> None:
    for block in a.blocks[-2:]:
        if block.i == 0:
            continue
        text = a.view.norm[block.char_start : block.char_end].strip()
        if len(text) <= 60 and "\n" not in text and _NAME_LINE.match(text):
            block.marks.add("signature")
