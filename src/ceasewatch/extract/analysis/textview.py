"""A matching view of a document's text, of exactly the same length.

Rules match against `TextView.norm`, where typographic variants are folded to
one character each (curly apostrophes to "'", dashes to "-", guillemets to
'"', no-break spaces to " ") and Unicode decimal digits ("３", "٣") to ASCII.
Every fold maps one code point to one code point, so an offset into the view
is an offset into `Document.text`, and evidence quotes the original words.

Only ASCII digits are digits afterwards: number rules use `[0-9]`, never
`\\d` or `str.isdigit()`, which also accept "²" or "❺".
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["TextView", "fold_char", "fold"]

_FOLDS = {
    **dict.fromkeys("\u2018\u2019\u02bc\u02b9\u0060\u00b4\u2032\u02bb", "'"),
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2043\ufe58\ufe63\uff0d", "-"),
    **dict.fromkeys("\u00ab\u00bb\u201c\u201d\u201e\u201f\u2033\u00a8\uff02", '"'),
    **dict.fromkeys("\u00a0\u2007\u2009\u200a\u202f\u2002\u2003\u2004\u2005\u2006\u2008\u205f\u3000", " "),
    # Invisible characters cannot be removed (offsets would move): they become spaces.
    **dict.fromkeys("\u00ad\u200b\u200c\u200d\u2060\ufeff", " "),
    "\u2026": ".",
    "\r": "\n",  # a lone carriage return ends a line; "\r\n" is handled in `fold`
    "\u2028": "\n",
    "\u2029": "\n",
    "\t": " ",
}


@lru_cache(maxsize=4096)
def fold_char(ch: str) -> str:
    """The matching form of one character (always one character)."""
    folded = _FOLDS.get(ch)
    if folded is not None:
        return folded
    if ch.isascii():
        return ch
    decimal = unicodedata.decimal(ch, None)
    if decimal is not None:
        return str(decimal)
    if unicodedata.category(ch) in ("Zs", "Cc") and ch != "\n":
        return " "
    return ch


def fold(text: str) -> str:
    """`text` with every character folded; same length as `text`."""
    if "\r\n" in text:
        text = text.replace("\r\n", " \n")  # one line break, not a paragraph break
    if not (text.isascii() and "\r" not in text and "\t" not in text and "`" not in text):
        text = "".join(map(fold_char, text))
    if "<" in text or "&" in text:
        text = _fold_markup(text)
    if "[" in text:
        # "...at the facility.[4] Geolocated footage": a footnote mark after a sentence is no part of it
        text = _FOOTNOTE.sub(lambda m: " " * len(m.group(0)), text)
    return text


_FOOTNOTE = re.compile(r"(?<=[.!?\"'”»)])\[[0-9]{1,3}(?:[,–-][0-9]{1,3})*\]")


# Markup left in a plain text (pasted HTML): tags become blanks (a block tag a line break), entities their
# character followed by blanks, so that offsets still point at the original characters.
_BLOCK_TAG = re.compile(r"</?(?:p|div|br|h[1-6]|li|ul|ol|tr|td|th|table|section|article|blockquote|header|footer)\b[^<>]{0,300}>",
                        re.IGNORECASE)
_TAG = re.compile(r"</?[a-zA-Z!][^<>]{0,300}>")
_ENTITY = re.compile(r"&(#[0-9]{1,6}|#x[0-9a-fA-F]{1,5}|[a-zA-Z]{2,8});")
_ENTITIES = {"laquo": '"', "raquo": '"', "quot": '"', "ldquo": '"', "rdquo": '"', "bdquo": '"', "ndash": "-",
             "mdash": "-", "minus": "-", "nbsp": " ", "amp": "&", "apos": "'", "rsquo": "'", "lsquo": "'",
             "hellip": ".", "lt": "<", "gt": ">"}


def _fold_markup(text: str) -> str:
    text = _BLOCK_TAG.sub(lambda m: "\n" + " " * (len(m.group(0)) - 1), text)
    text = _TAG.sub(lambda m: " " * len(m.group(0)), text)

    def entity(m: re.Match[str]) -> str:
        name = m.group(1)
        if name.startswith("#"):
            try:
                ch = chr(int(name[2:], 16) if name[1:2] in "xX" else int(name[1:]))
            except (ValueError, OverflowError):
                return m.group(0)
            ch = fold_char(ch) if len(ch) == 1 else " "
        else:
            ch = _ENTITIES.get(name.lower(), "")
            if not ch:
                return m.group(0)
        return ch + " " * (len(m.group(0)) - 1)

    return _ENTITY.sub(entity, text)


@dataclass(frozen=True)
class TextView:
    """The original text and its folded twin (same length, same offsets)."""

    text: str
    norm: str

    @classmethod
    def of(cls, text: str) -> TextView:
        return cls(text, fold(text))

    def quote(self, start: int, end: int) -> str:
        return self.text[start:end]
