"""Split an English report into blocks (paragraphs), sentences and clauses,
keeping code-point offsets into the original text.

Blocks: blank-line paragraphs; a line that continues a list ("...UAVs:",
"12 over Bryansk Region,") stays in the block of the line before. The
headline, photo captions and datelines are marked so the extractor can skip
them; "BACKGROUND:" blocks are marked as the publisher's own voice.
Sentences: a regex splitter that knows wire-copy abbreviations (U.S., Dec.,
No.). Clauses: split at ";", "while", "whereas" and ", and said", because one
sentence often reports both sides ("..., while a Russian attack on Kyiv ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..common.fastre import gated
from .dates import DATELINE

__all__ = ["Block", "Sentence", "Clause", "segment", "AFTER_EVENT"]

_ABBREV = gated(
    r"(?:\b(?:U\.S|U\.N|U\.K|E\.U|No|Nos|St|Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Capt|Sgt|Gov|Sen|Rep|Jan|Feb|Mar|Apr|Jun|"
    r"Jul|Aug|Sep|Sept|Oct|Nov|Dec|approx|vs|etc|incl|km|p\.m|a\.m|i\.e|e\.g)|\b[A-Z])$"
)
# A sentence ends at . ! ? (after closing quotes and footnote marks like "[5]").
_SENT_END = gated(r"[.!?]+[\"”’')\]]*(?:\[\d{1,3}\])*(?=\s+[\"“‘(\[]?[A-Z0-9\-–•])|[.!?]+[\"”’')\]]*(?:\[\d{1,3}\])*$")
# ", hours after ...": an aside about another event, its own clause (and dated only relative to the lead)
AFTER_EVENT = r"(?:hours|days|a\s+day|minutes|shortly|soon|weeks)\s+after\b"
_CLAUSE_SPLIT = gated(
    r";\s*|,?\s+while\s+|,\s+whereas\s+|,?\s+and\s+(?=(?:said|says|added|reported|suggested|noted|claimed|insisted|"
    r"warned|stressed|argued|accused|denied|called|urged|described)\b)|,\s+but\s+(?=\w+\s+said)|"
    # ", and on Thursday morning the Air Force reported that ...": a second statement, a second clause
    # ", hours after Russian glide bombs killed three in Kharkiv": another event, told in passing
    r",\s+(?=" + AFTER_EVENT + r")|"
    # ", in what would be the third attack on the base since ...": a comment on the event, not the event
    r",\s+(?=in\s+what\s+(?:would|was|is|appeared|seemed|could|may|might)\b)|"
    r",\s+and\s+(?=(?:[\w'’-]+\s+){1,8}?(?:said|says|reported|reports|stated|wrote|announced)\s+(?:that\s+)?"
    r"(?:a|an|the|\d|[A-Z]))",
    re.IGNORECASE,
)
MAX_CLAUSE_CHARS = 1200
_LIST_ITEM = gated(r"^\s*(?:[-•*–]\s+|\d+\s+(?:over|in|near|above)\b)", re.IGNORECASE)
# "18 UAVs over the territory of Bryansk region,": a list item that starts with its count.
_COUNT_ITEM = gated(r"^\s*\d[\d,]*\s+(?:[\w-]+\s+){0,3}?(?:over|in|near|above|on|off)\b", re.IGNORECASE)
_CAPTION = gated(r"^\s*(?:PHOTO|PICTURE|IMAGE|VIDEO)(?:\s+CAPTION)?\s*:|^\s*\((?:photo|video)", re.IGNORECASE)
# "BACKGROUND:", also inside leftover markup: "<p><strong>Background:</strong> ..."
_BACKGROUND = gated(r"^\s*(?:<[^>]{1,40}>\s*)*(?:BACKGROUND|CONTEXT|FACTBOX)\s*(?::\s*(?:</[^>]{1,20}>)?|(?:</[^>]{1,20}>)\s*:)",
                         re.IGNORECASE)


@dataclass
class Clause:
    start: int
    end: int


@dataclass
class Sentence:
    start: int
    end: int
    clauses: list[Clause] = field(default_factory=list)


@dataclass
class Block:
    start: int
    end: int
    kind: str = "body"  # body, headline, caption, background
    sentences: list[Sentence] = field(default_factory=list)


def _lines(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _blocks(text: str) -> list[Block]:
    blocks: list[Block] = []
    current: Block | None = None
    prev_line = ""
    after_blank = False
    for start, end in _lines(text):
        line = text[start:end]
        if not line.strip():
            after_blank = current is not None or after_blank
            current = None
            continue
        # A list header's items may follow after a blank line ("...41 UAVs:\n\n18 UAVs over ...,").
        opener = prev_line.rstrip().endswith((":", ",", ";"))
        item = bool(_LIST_ITEM.match(line)) or bool(_COUNT_ITEM.match(line))
        joined = blocks[-1] if blocks and (current is not None or (after_blank and opener and item)) else None
        continues = joined is not None and (opener or bool(_LIST_ITEM.match(line)))
        if continues and joined is not None:
            joined.end = end
            current = joined
        else:
            current = Block(start, end)
            blocks.append(current)
        prev_line = line
        after_blank = False
    return blocks


def _sentences(text: str, start: int, end: int) -> list[Sentence]:
    out: list[Sentence] = []
    # Lines inside a block (list items) are sentences of their own.
    for ls, le in _lines(text[start:end]):
        ls, le = ls + start, le + start
        pos = ls
        for m in _SENT_END.finditer(text, ls, le):
            if _ABBREV.search(text[max(ls, m.start() - 6) : m.start()]) and m.group(0).startswith("."):
                continue
            if m.end() > pos and text[pos : m.end()].strip():
                out.append(Sentence(pos, m.end()))
            pos = m.end()
        if text[pos:le].strip():
            out.append(Sentence(pos, le))
    for sent in out:
        while sent.start < sent.end and text[sent.start].isspace():
            sent.start += 1
    return out


def _clauses(text: str, sent: Sentence) -> list[Clause]:
    out: list[Clause] = []
    pos = sent.start
    for m in _CLAUSE_SPLIT.finditer(text, sent.start, sent.end):
        if m.start() > pos:
            out.extend(_bounded(text, pos, m.start()))
        pos = m.end()
    if sent.end > pos:
        out.extend(_bounded(text, pos, sent.end))
    return out


def _bounded(text: str, start: int, end: int) -> list[Clause]:
    """A clause longer than any real sentence (run-on junk, a word repeated a
    million times) is cut at spaces, so clause-level rules stay cheap."""
    out: list[Clause] = []
    while end - start > MAX_CLAUSE_CHARS:
        cut = text.rfind(" ", start + MAX_CLAUSE_CHARS // 2, start + MAX_CLAUSE_CHARS)
        cut = cut if cut > start else start + MAX_CLAUSE_CHARS
        out.append(Clause(start, cut))
        start = cut
    out.append(Clause(start, end))
    return out


def segment(text: str) -> list[Block]:
    """Blocks with sentences and clauses; offsets index `text`."""
    blocks = _blocks(text)
    leading = True  # title, standfirst, byline and time lines before the first sentence of the story
    for i, block in enumerate(blocks):
        first = text[block.start : block.end]
        if leading and len(blocks) > 1 and "\n" not in first.strip() and len(first) < 200 and not re.sub(
                r"<[^>]*>", "", first).rstrip().endswith((".", ":", "!", "?", '"', "”", "»")):
            block.kind = "headline"
            continue
        leading = False
        first_line = text[block.start : block.end]
        if _CAPTION.match(first_line):
            block.kind = "caption"
        elif _BACKGROUND.match(first_line):
            block.kind = "background"
        elif (
            i == 0
            and len(blocks) > 1
            and "\n" not in first_line
            and len(first_line) < 200
            and not re.sub(r"<[^>]*>", "", first_line).rstrip().endswith((".", ":", "!"))  # "...</p>" ends a sentence
        ):
            block.kind = "headline"
        body_start = block.start
        m = DATELINE.match(text, block.start, block.end)
        if m:
            body_start = m.end()
        m = _BACKGROUND.match(text, block.start, block.end)
        if m:
            body_start = m.end()
        block.sentences = _sentences(text, body_start, block.end)
        for sent in block.sentences:
            sent.clauses = _clauses(text, sent)
    return blocks
