"""Numbers as reports write them, in digits or words, in any inflection.

Digits: "538", "1,200", "1 200" (a thousands group after a space), "2 тис."
(a figure times a scale word). Words: the values of
`lexicon/data/<lang>/numbers.yaml` by lemma, summed in compounds that go
from larger parts to smaller ("сорок п'ять", "two hundred and ten") and
multiplied by scale words. A figure after a vague marker ("more than",
"понад", "около") or a vague word ("dozens") has no value: the spec counts
only exact figures. "all", "none", "both" are quantifiers that count
relative to the weapons just named.

Only ASCII digits count as digits (the text view has already folded other
decimal digits to ASCII); years, times, dates and percentages are not
figures.
"""

from __future__ import annotations

import re
from functools import cache

from ..analysis.document import Analysis
from ..analysis.tokens import Token
from ..lexicon import table, word_set
from .base import NumberMention
from .lexical import phrase_hits

__all__ = ["find_numbers"]

_DIGITS = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+")
_HYPHEN_WORDS = re.compile(r"[a-z]+(?:-[a-z]+)+")
# Units after a figure that make it a measure, not a count of things.
_UNIT_AFTER_DASH = frozenset({"day", "week", "month", "year", "hour", "minute", "storey", "story", "floor", "km",
                              "kilometre", "kilometer", "mile", "metre", "meter", "ton", "tonne", "kg", "kilogram"})
_NOT_COUNT_AFTER = frozenset({
    "%", "percent", "per", "km", "kilometres", "kilometers", "miles", "metres", "meters", "m", "kg", "tonnes", "tons",
    "hours", "hour", "minutes", "minute", "h", "mw", "kw", "gw", "years", "year", "year-old", "days", "weeks",
    "км", "кілометрів", "километров", "метрів", "метров", "м", "кг", "тонн", "год", "годин", "часов", "хвилин",
    "минут", "мвт", "років", "лет", "роки", "года", "відсотків", "процентов", "грн", "рублей", "долларов",
    "доларів", "гривень", "р", "г", "рр", "гг", "мск",
})


@cache
def _tables(lang: str) -> tuple[dict[str, int], dict[str, int]]:
    numbers = table(lang, "numbers")
    words = {str(k).lower(): int(v) for k, v in (numbers["words"].get("values") or {}).items()} if "words" in numbers else {}
    scales = {str(k).lower(): int(v) for k, v in (numbers["scales"].get("values") or {}).items()} if "scales" in numbers else {}
    return words, scales


def _word_value(tok: Token, words: dict[str, int]) -> int | None:
    value = words.get(tok.norm)
    if value is None:
        value = words.get(tok.lower)
    return value


def _hyphen_value(text: str, words: dict[str, int]) -> int | None:
    """"twenty-nine" kept as one token."""
    parts = text.lower().split("-")
    values = [words.get(p) for p in parts]
    if any(v is None for v in values) or len(values) != 2 or values[0] is None or values[0] < 20:
        return None
    return sum(v for v in values if v is not None)


def _lowest_unit(value: int) -> int:
    if value == 0:
        return 10**9
    unit = 1
    while value % (unit * 10) == 0:
        unit *= 10
    return unit


def find_numbers(a: Analysis) -> list[NumberMention]:
    words, scales = _tables(a.lang)
    tokens = a.tokens
    marks = _marks(a)
    found: list[NumberMention] = []
    i = 0
    n = len(tokens)
    while i < n:
        tok = tokens[i]
        if i in marks.get("vague_words", ()) or i in marks.get("both", ()):
            i += 1  # read as a vague quantity or a quantifier below
            continue
        start = i
        value: int | None = None
        is_words = False
        if _DIGITS.fullmatch(tok.text):
            value = int(tok.text.replace(",", ""))
            j = i + 1
            # "1 200": a group of three digits after one space continues the figure
            while (j < n and len(tokens[j].text) == 3 and tokens[j].text.isascii() and tokens[j].text.isdigit()
                   and tokens[j - 1].space == " " and value < 1000 and len(tokens[j - 1].text) <= 3):
                value = value * 1000 + int(tokens[j].text)
                j += 1
            if j < n and (tokens[j].norm in scales or tokens[j].lower.rstrip(".") in scales):
                value *= scales.get(tokens[j].norm) or scales[tokens[j].lower.rstrip(".")]
                j += 1
            end = j
        else:
            first = _word_value(tok, words)
            if first is None and _HYPHEN_WORDS.fullmatch(tok.lower):
                first = _hyphen_value(tok.text, words)
            if first is None:
                i += 1
                continue
            is_words = True
            total, current = 0, first
            j = i + 1
            while j < n:
                nxt = tokens[j]
                if nxt.norm in scales:
                    current = max(current, 1) * scales[nxt.norm]
                    if scales[nxt.norm] >= 1000:
                        total, current = total + current, 0
                    j += 1
                    continue
                if nxt.lower in ("and", "-") and j + 1 < n and _word_value(tokens[j + 1], words) is not None:
                    j += 1
                    continue
                part = _word_value(nxt, words)
                if part is None and _HYPHEN_WORDS.fullmatch(nxt.lower):
                    part = _hyphen_value(nxt.text, words)
                if part is None or part >= _lowest_unit(current) or part == 0:
                    break
                current += part
                j += 1
            value = total + current
            end = j
        if _not_a_count(tokens, start, end, value, a.lang):
            i = end
            continue
        vague = start in marks.get("vague_before", ()) and not _risen_to(tokens, start, a.lang)
        found.append(NumberMention(tokens[start].start, tokens[end - 1].end, start, end,
                                   None if vague else value, vague=vague, words=is_words))
        i = end
    quantities = _quantities(a, marks)
    # "ни одна": the figure inside a quantifier is the quantifier's word, not a count of its own
    found = [n for n in found if not any(q.tok_start <= n.tok_start and n.tok_end <= q.tok_end for q in quantities)]
    found.extend(quantities)
    found.sort(key=lambda m: m.start)
    return found


def _risen_to(tokens: list, start: int, lang: str) -> bool:  # type: ignore[type-arg]
    """"зросла до 27", "rose to 27": "to" after a verb of rising gives the new figure, not an upper bound."""
    if start < 2 or tokens[start - 1].lower not in ("to", "до"):
        return False
    words = word_set(lang, "casualties", "total")
    return tokens[start - 2].lower in words or tokens[start - 2].norm in words


def _not_a_count(tokens: list[Token], start: int, end: int, value: int | None, lang: str = "en") -> bool:
    if value is None:
        return True
    # "a man aged 41", "чоловік віком 41 рік": an age
    if start > 0 and (tokens[start - 1].lower in word_set(lang, "numbers", "age_before") or tokens[start - 1].norm in word_set(lang, "numbers", "age_before")):
        return True
    after = tokens[end].lower.rstrip(".") if end < len(tokens) else ""
    if after in _NOT_COUNT_AFTER:
        return True
    # a year ("in 2024", "2025 року"), unless it is followed by a weapon noun (checked later, rarely true)
    if 1900 <= value <= 2100 and end - start == 1 and "," not in tokens[start].text:
        return True
    # "30-day ceasefire", "a 5-storey building", "25-year-old": a measure, not a count
    if end + 1 < len(tokens) and tokens[end].text == "-" and tokens[end + 1].lower.rstrip("s") in _UNIT_AFTER_DASH:
        return True
    before = tokens[start - 1].text if start > 0 else ""
    # "No. 5", "№ 5", "#5": a number that names, not counts ("No" and "." are two tokens)
    sign = before in ("#", "№", "No.", "no.", "Nr.") or (
        before == "." and start > 1 and tokens[start - 2].text in ("No", "no", "Nr", "nr"))
    return sign or (end < len(tokens) and tokens[end].text in ("%", "-й", "-го"))


def _marks(a: Analysis) -> dict[str, set[int]]:
    """Token positions that make a figure vague (the token right after a
    vague marker), and vague words and quantifiers found by the lexicon."""
    hits = phrase_hits(a, "numbers")
    marks: dict[str, set[int]] = {}
    for h in hits:
        start, end = h.start, h.end
        if h.key == "vague_before":
            marks.setdefault("vague_before", set()).add(end)
        elif h.key in ("vague_words", "all", "none", "both"):
            marks.setdefault(h.key, set()).update(range(start, end))
            marks.setdefault(f"{h.key}@", set()).add(start * 10_000 + end)
    return marks


def _quantities(a: Analysis, marks: dict[str, set[int]]) -> list[NumberMention]:
    out: list[NumberMention] = []
    for key in ("vague_words", "all", "none", "both"):
        spans = sorted(marks.get(f"{key}@", ()))
        last_end = -1
        for code in spans:
            start, end = divmod(code, 10_000)
            if start < last_end:
                continue
            last_end = end
            tokens = a.tokens
            if key == "vague_words":
                out.append(NumberMention(tokens[start].start, tokens[end - 1].end, start, end, None, vague=True,
                                         words=True))
            else:
                out.append(NumberMention(tokens[start].start, tokens[end - 1].end, start, end,
                                         2 if key == "both" else (0 if key == "none" else None),
                                         words=True, quantifier=key))
    return out
