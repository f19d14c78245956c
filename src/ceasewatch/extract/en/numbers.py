"""English numbers as reports write them: "538", "1,000", "twenty-three",
"five hundred", "a dozen" — and whether the figure is exact.

A count is only a count when it is exact (spec section 2): "more than 20",
"about 50", "dozens" give `exact=False` and the extractor records nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..common.fastre import gated

__all__ = ["NumberMention", "find_numbers", "parse_number", "NUMBER_PATTERN"]

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1000}
_WORD = r"(?:" + "|".join(sorted([*_UNITS, *_TENS], key=len, reverse=True)) + r")"
_WORD_NUMBER = (
    rf"(?:{_WORD}(?:[\s-]+{_WORD})?(?:\s+(?:hundred|thousand)(?:\s+(?:and\s+)?{_WORD}(?:[\s-]+{_WORD})?)?)?"
    r"|a\s+(?:hundred|thousand)|a\s+dozen|dozens|hundreds|scores|several|a\s+few|many)"
)
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)"
NUMBER_PATTERN = rf"(?:-?{_DIGITS}|{_WORD_NUMBER})"
_VAGUE_BEFORE = gated(
    r"(?:more\s+than|over|at\s+least|about|around|nearly|almost|up\s+to|some|roughly|approximately|"
    r"at\s+most|fewer\s+than|less\s+than|under|close\s+to|estimated|an\s+estimated|as\s+many\s+as|"
    r"tens\s+of|more\s+then)\s+$",
    re.IGNORECASE,
)
_VAGUE_WORDS = {"a dozen", "dozens", "hundreds", "scores", "several", "a few", "many"}
_NUMBER_RE = gated(rf"(?<![\w.,/:-])({NUMBER_PATTERN})(?![\w/:%]|,\d|\.\d|-\w)", re.IGNORECASE)


@dataclass(frozen=True)
class NumberMention:
    start: int
    end: int
    value: int | None  # None for vague quantities
    exact: bool


def parse_number(text: str) -> int | None:
    """Integer value of an exact English number, None when vague or unreadable."""
    raw = " ".join(text.lower().replace("-", " ").split())
    if not raw or raw in _VAGUE_WORDS:
        return None
    digits = raw.replace(",", "").replace(" ", "")
    if digits.isdigit():
        return int(digits)
    if raw.startswith("a "):
        raw = "one " + raw[2:]
    total, current = 0, 0
    for word in raw.split():
        if word == "and":
            continue
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word in _SCALES:
            current = max(current, 1) * _SCALES[word]
            if word == "thousand":
                total, current = total + current, 0
        else:
            return None
    return total + current


def find_numbers(text: str, start: int = 0, end: int | None = None) -> list[NumberMention]:
    """Numbers in `text[start:end]`; negative figures and absurd sizes come
    back as not exact so they never become counts."""
    stop = len(text) if end is None else end
    found: list[NumberMention] = []
    for m in _NUMBER_RE.finditer(text, start, stop):
        raw = m.group(1)
        if raw.startswith("-"):
            found.append(NumberMention(m.start(1), m.end(1), None, False))
            continue
        value = parse_number(raw)
        window = text[max(0, m.start(1) - 30) : m.start(1)]
        exact = value is not None and not _VAGUE_BEFORE.search(window)
        found.append(NumberMention(m.start(1), m.end(1), value if exact else None, exact))
    return found
