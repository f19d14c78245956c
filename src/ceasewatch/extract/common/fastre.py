"""Regular expressions that skip ahead to where a match can start.

Most rule patterns are long case-insensitive alternations of words behind a
`\\b` ("\\b(?:said|reported|wrote|...)\\b"). Python's `re` cannot compute a
start-character prefix for such patterns, so a search tries every branch at
every position of the text. `gated()` works out which characters a match can
begin with and puts them in front as a lookahead (`(?=[swrSWR...])`): the
engine then rejects most positions with one class test. The match semantics
are unchanged -- the lookahead only restates what the pattern already
requires of its first consumed character -- and a pattern whose first
character cannot be bounded (it starts with `\\w`, `.` or can match empty)
is compiled as it is. `tests/test_extract_fastre.py` checks equality of
matches against the ungated pattern on real text.
"""

from __future__ import annotations

import re
from re import _constants as C  # the parser's opcodes; stable across 3.11-3.13
from re import _parser
from typing import Any

__all__ = ["gated", "original_of", "first_chars", "factored", "split_alternatives", "dispatched"]

_MAX_CLASS = 120  # a wider first-character class filters too little to pay for itself
_ZERO_WIDTH = {C.AT, C.ASSERT, C.ASSERT_NOT}


class _Unbounded(Exception):
    """The first character of a match can be (almost) anything."""


def _chars_of_in(items: list, ci: bool) -> set[str]:
    out: set[str] = set()
    for op, av in items:
        if op is C.LITERAL:
            out.add(chr(av))
        elif op is C.RANGE:
            lo, hi = av
            if hi - lo > _MAX_CLASS:
                raise _Unbounded
            out.update(chr(c) for c in range(lo, hi + 1))
        elif op is C.CATEGORY and av is C.CATEGORY_DIGIT:
            out.update("0123456789")
        else:  # NEGATE, \w, \s, ...: no useful bound
            raise _Unbounded
    return _with_case(out, ci)


def _with_case(chars: set[str], ci: bool) -> set[str]:
    if not ci:
        return chars
    return chars | {c.lower() for c in chars} | {c.upper() for c in chars}


def _first(seq: list, ci: bool) -> tuple[set[str], bool]:
    """(characters a match of `seq` can start with, whether `seq` can match empty)."""
    out: set[str] = set()
    for op, av in seq:
        if op in _ZERO_WIDTH:
            continue  # \b, ^, lookarounds consume nothing: the next item decides
        if op is C.LITERAL:
            return out | _with_case({chr(av)}, ci), False
        if op is C.IN:
            return out | _chars_of_in(av, ci), False
        if op is C.BRANCH:
            nullable = False
            for alt in av[1]:
                chars, empty = _first(list(alt), ci)
                out |= chars
                nullable = nullable or empty
            if not nullable:
                return out, False
            continue
        if op is C.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            inner_ci = (ci or bool(add_flags & C.SRE_FLAG_IGNORECASE)) and not del_flags & C.SRE_FLAG_IGNORECASE
            chars, empty = _first(list(sub), inner_ci)
            out |= chars
            if not empty:
                return out, False
            continue
        if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            lo, _hi, sub = av
            chars, empty = _first(list(sub), ci)
            out |= chars
            if lo > 0 and not empty:
                return out, False
            continue
        if op is C.ATOMIC_GROUP:
            chars, empty = _first(list(av), ci)
            out |= chars
            if not empty:
                return out, False
            continue
        raise _Unbounded  # ANY, NOT_LITERAL, GROUPREF, conditionals ...
    return out, True


def first_chars(pattern: str, flags: int = 0) -> set[str] | None:
    """The characters any match of `pattern` starts with, or None when unbounded."""
    return _first_chars_of(_parser.parse(pattern, flags))


def _first_chars_of(parsed: Any) -> set[str] | None:
    try:
        chars, empty = _first(list(parsed), bool(parsed.state.flags & re.IGNORECASE))
    except _Unbounded:
        return None
    if empty or not chars or len(chars) > _MAX_CLASS:
        return None
    return chars


def _engine_has_prefix(parsed: Any) -> bool:
    """True where `re` already skips ahead on its own: a case-sensitive pattern that starts
    with a literal or a class, or an anchored start."""
    if not parsed:
        return True
    op, av = parsed[0]
    if op is C.AT and av in (C.AT_BEGINNING, C.AT_BEGINNING_STRING):
        return True
    if parsed.state.flags & re.IGNORECASE:
        return False
    if op is C.BRANCH:  # a prefix set only when every branch opens with a literal or a class
        return all(alt and alt[0][0] in (C.LITERAL, C.IN) for alt in av[1])
    return op in (C.LITERAL, C.IN)


_WORD_GROUP = re.compile(r"(\\b|\(\?<!\\w\))?\(\?:(.*)\)(\\b)?", re.S)


def _split_word_group(pattern: str, flags: int) -> tuple[str, set[str] | None]:
    """"\\b(?:said|says|told|...)\\b" with its many words grouped by first letter (see `dispatched`),
    and the characters the result can start with (None when left as it was)."""
    top = split_alternatives(pattern)
    if len(top) >= 6:  # "night|yesterday|today|..." at the top level
        return _dispatch(top, flags)
    m = _WORD_GROUP.fullmatch(pattern)
    bars = _top_level_bars(m.group(2)) if m is not None else None
    if m is None or bars is None:  # "(?:a)|(?:b)" is not one group
        return pattern, None
    alternatives = _split_at(m.group(2), bars)
    if len(alternatives) < 6:
        return pattern, None
    inner, chars = _dispatch(alternatives, flags)
    return (m.group(1) or "") + "(?:" + inner + ")" + (m.group(3) or ""), chars


def gated(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, with a first-character lookahead when one can be bounded
    and the engine has no prefix of its own, and a long word list split by first letter.
    For module-level (or cached) patterns: each call is remembered for `original_of`."""
    split, chars = _split_word_group(pattern, flags) if not flags & re.VERBOSE else (pattern, None)
    compiled = _gated(split, flags, chars)
    _ORIGINALS[id(compiled)] = (pattern, flags)
    return compiled


_ORIGINALS: dict[int, tuple[str, int]] = {}


def original_of(compiled: re.Pattern[str]) -> tuple[str, int] | None:
    """The (pattern, flags) `gated` was given for `compiled`: what its matches must equal."""
    return _ORIGINALS.get(id(compiled))


def _gated(pattern: str, flags: int, chars: set[str] | None = None) -> re.Pattern[str]:
    """`chars`, when known (a split word list: the union of its words' first characters), spares
    parsing a pattern that can run to tens of thousands of characters; such a pattern opens with
    lookaheads, so the engine has no prefix of its own."""
    if chars is None:
        parsed = _parser.parse(pattern, flags)  # once, for both questions
        chars = _first_chars_of(parsed)
        own_prefix = _engine_has_prefix(parsed)
    else:
        own_prefix = False
        if len(chars) > _MAX_CLASS:
            chars = None
    if chars is None or len({c.lower() for c in chars}) < 2 or own_prefix:
        return re.compile(pattern, flags)
    cls = "".join(re.escape(c) for c in sorted(chars))
    tail = "\n)" if flags & re.VERBOSE else ")"  # a trailing comment must not swallow the bracket
    try:
        # The class is matched case-sensitively on purpose: it already holds both cases where needed.
        return re.compile(f"(?-i:(?=[{cls}]))(?:{pattern}{tail}", flags)
    except re.error:  # e.g. global inline flags, which must stay first
        return re.compile(pattern, flags)


def factored(alternatives: list[str]) -> str:
    """`"|".join(alternatives)` with alternatives that begin with the same letter or digit
    grouped under it ("k(?:h-101|alibr|inzhal)|s(?:hahed|...)"), for a case-insensitive
    pattern. The engine tries branches one by one, so a flat list of two hundred model names
    costs two hundred tests per position; grouped, it costs one per first character. Order
    inside a group is kept, so at any position the same alternative wins as before."""
    if not all(a[:1].isalnum() for a in alternatives):
        return "|".join(alternatives)  # an alternative starting with a class or group: keep it flat
    groups: dict[str, list[str]] = {}
    for a in alternatives:
        groups.setdefault(a[0].lower(), []).append(a[1:])
    return "|".join(f"{first}(?:{'|'.join(rests)})" if len(rests) > 1 else first + rests[0]
                    for first, rests in groups.items())


def _top_level_bars(pattern: str) -> list[int] | None:
    """Positions of the "|" outside any group or class; None when a bracket closes one it did not
    open (the text is not one balanced piece)."""
    bars: list[int] = []
    depth, i, in_class = 0, 0, False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            if pattern.startswith("[]", i) or pattern.startswith("[^]", i):
                i += 2 if pattern[i + 1] == "]" else 3  # a literal "]" first in the class
                continue
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth < 0:
                return None
        elif ch == "|" and depth == 0:
            bars.append(i)
        i += 1
    return bars if depth == 0 else None


def split_alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of `pattern` ("a|(b|c)|d" -> ["a", "(b|c)", "d"])."""
    return _split_at(pattern, _top_level_bars(pattern) or [])


def _split_at(pattern: str, bars: list[int]) -> list[str]:
    cuts = [-1, *bars, len(pattern)]
    return [pattern[a + 1 : b] for a, b in zip(cuts, cuts[1:], strict=False)]


def dispatched(alternatives: list[str], flags: int = 0) -> str:
    """One alternation of `alternatives` split by first character: "(?=[hH])(?:hospitals?|hotels?)|
    (?=[cC])(?:clinics?|...)". At a position the engine tries only the branches that can start
    there, in their original order, so it finds the same matches as the flat alternation."""
    return _dispatch(alternatives, flags)[0]


def _dispatch(alternatives: list[str], flags: int) -> tuple[str, set[str] | None]:
    """`dispatched`, and the characters it can start with (None when left flat)."""
    firsts = [first_chars(a, flags) for a in alternatives]
    if any(f is None for f in firsts):
        return "|".join(alternatives), None
    ci = bool(flags & re.IGNORECASE)
    keys = sorted({c.lower() if ci else c for f in firsts for c in f})  # type: ignore[union-attr]
    groups = []
    for key in keys:
        members = [a for a, f in zip(alternatives, firsts, strict=True)
                   if key in f or (ci and (key.upper() in f or key.lower() in f))]  # type: ignore[operator]
        cls = re.escape(key) + (re.escape(key.upper()) if ci and key.upper() != key else "")
        groups.append(f"(?-i:(?=[{cls}]))(?:{'|'.join(members)})")
    return "|".join(groups), set().union(*firsts)  # type: ignore[arg-type]
