"""The matching view of a text: same length, same offsets, folded characters.

Every fold maps one code point to one, so rules read `TextView.norm` while
evidence quotes `Document.text` at the same offsets."""

from __future__ import annotations

import pytest

from ceasewatch.extract.analysis.document import analyze
from ceasewatch.extract.analysis.textview import TextView, fold, fold_char
from ceasewatch.model import Document

SAMPLES = [
    "<p>Drones hit Odesa&nbsp;overnight&mdash;officials said.</p>",
    "Об\u2019єкт «енергетики» \u2014 12 дронів\u00a0вночі",
    "Сбито \uff13 дрона и \u0663 ракеты",
    "The depot burned.[4] Footage showed smoke.[12,13] Next",
    "A\r\nB\tC\u2026 D\u200bE",
    "&#8212; &#x2014; &bogus; &amp; <br/>x",
]


@pytest.mark.parametrize("text", SAMPLES)
def test_textview_fold_keeps_length(text: str) -> None:
    assert len(fold(text)) == len(text)
    view = TextView.of(text)
    assert view.text == text and len(view.norm) == len(text)


def test_textview_typographic_variants_fold_to_one_character() -> None:
    assert fold("Об\u2019єкт «енергетики» \u2014 12\u00a0дронів") == "Об'єкт \"енергетики\" - 12 дронів"
    assert fold_char("\u2013") == "-" and fold_char("\u00ab") == '"' and fold_char("\u202f") == " "
    assert fold_char("\u2026") == "."  # an ellipsis is one character, so one full stop


def test_textview_unicode_digits_fold_to_ascii() -> None:
    assert fold("Сбито \uff13 дрона и \u0663 ракеты") == "Сбито 3 дрона и 3 ракеты"
    # superscripts and circled figures are not decimal digits: they stay as written
    assert fold("x\u00b2 and \u277a") == "x\u00b2 and \u277a"


def test_textview_html_tags_and_entities_become_blanks() -> None:
    text = "<p>Drones hit Odesa&nbsp;overnight&mdash;officials said.</p>"
    norm = fold(text)
    assert norm == "\n  Drones hit Odesa      overnight-      officials said.\n   "
    # the words keep their offsets
    start = text.index("Odesa")
    assert norm[start:start + 5] == "Odesa"
    # numeric entities become their folded character; unknown names stay as written
    assert fold("&#8212;|&#x2014;|&bogus;|&amp;") == "-      |-       |&bogus;|&    "


def test_textview_footnote_marks_after_a_sentence_become_blanks() -> None:
    text = "The depot burned.[4] Footage showed smoke.[12,13] Next"
    assert fold(text) == "The depot burned.    Footage showed smoke.        Next"
    # a bracketed figure inside a sentence is no footnote mark
    assert fold("a list [4] of items") == "a list [4] of items"


def test_textview_line_breaks_and_invisible_characters() -> None:
    # "\r\n" is one line break (a blank and a newline), a lone "\r" a newline, a tab a blank
    assert fold("A\r\nB\rC\tD") == "A \nB\nC D"
    assert fold("D\u200bE\u00adF") == "D E F"


def test_textview_token_offsets_point_into_the_original_text() -> None:
    text = "<b>Air Force:</b> \uff11\uff12 drones shot down over Kyiv&nbsp;region.[3] Next day."
    a = analyze(Document(id="t", text=text, language="en"))
    words = [t.text for t in a.tokens]
    assert words[:5] == ["Air", "Force", ":", "12", "drones"]
    for tok in a.tokens:
        # the token's text is the folded view; the original keeps its own characters at the same place
        assert a.view.norm[tok.start:tok.end] == tok.text
        assert len(a.text[tok.start:tok.end]) == len(tok.text)
    twelve = a.tokens[3]
    assert a.text[twelve.start:twelve.end] == "\uff11\uff12" and twelve.is_digits
    region = next(t for t in a.tokens if t.text == "region")
    assert a.text[region.start:region.end] == "region"
    assert "[3]" not in words and "3" not in words
