"""Marks on blocks (analysis/structure.py, lexicon/data/*/structure.yaml):
headline, dateline, byline, caption, teaser, earlier news, hashtags, source
line and signature; datelines are also page furniture with a span."""

from __future__ import annotations

import pytest

from ceasewatch.extract.analysis.document import Analysis, analyze
from ceasewatch.extract.analysis.structure import NO_CLAIM_MARKS
from ceasewatch.model import Document

WIRE = (
    "Drones hit Kharkiv overnight\n\n"
    "KHARKIV, Ukraine (Test Wire) - Russia launched 40 drones at the city. Officials said 30 were shot down.\n\n"
    "By Olena Kovalenko and John Doe\n\n"
    "A firefighter at the site. REUTERS/Jane Roe\n\n"
    "Read also: Drones over Odesa\n\n"
    "Earlier, the Air Force reported strikes on Lviv.\n\n"
    "Source: Ukrainian Air Force\n\n"
    "#Kharkiv #drones"
)


def _analyze(text: str, lang: str = "en", title: str | None = None) -> Analysis:
    return analyze(Document(id="t", text=text, language=lang, title=title))


def test_structure_marks_every_kind_of_block_of_a_wire_story() -> None:
    a = _analyze(WIRE)
    assert [sorted(b.marks) for b in a.blocks] == [
        ["headline"], ["dateline"], ["byline"], ["caption"], ["teaser"], ["earlier"], ["source"], ["hashtags"]]
    # the body sentence after the dateline is in the dateline's block: the mark is on the block
    assert a.marks(a.sentences[2]) == {"dateline"}


def test_structure_dateline_span_is_furniture() -> None:
    a = _analyze(WIRE)
    assert len(a.furniture) == 1
    start, end, kind = a.furniture[0]
    assert kind == "dateline" and a.text[start:end] == "KHARKIV, Ukraine (Test Wire) - "


@pytest.mark.parametrize(("text", "lang", "prefix"), [
    ("MOSCOW, March 19. /TASS/. The ministry said 12 drones were destroyed.", "en", "MOSCOW, March 19. /TASS/. "),
    ("Kyiv, March 19 (Reuters) - Russia launched drones.", "en", "Kyiv, March 19 (Reuters) - "),
    ("KYIV, July 9: Russia launched drones.", "en", "KYIV, July 9: "),
    ("МОСКВА, 23 сентября. /ТАСС/. Силы ПВО уничтожили 12 беспилотников.", "ru", "МОСКВА, 23 сентября. /ТАСС/. "),
])
def test_structure_wire_datelines(text: str, lang: str, prefix: str) -> None:
    a = _analyze(text, lang)
    assert "dateline" in a.blocks[0].marks
    start, end, kind = a.furniture[0]
    assert (start, kind) == (0, "dateline") and a.text[start:end] == prefix


def test_structure_only_the_first_body_block_has_a_dateline() -> None:
    a = _analyze("Headline without a stop\n\nFirst paragraph here.\n\nKYIV, Ukraine (Test Wire) - not a dateline here.")
    assert [sorted(b.marks) for b in a.blocks] == [["headline"], [], []]
    assert a.furniture == []


def test_structure_a_dateline_after_a_headline_and_a_title_line() -> None:
    a = _analyze("Monthly update, March 2025\n\nUN Monitoring Mission\n\nKYIV, 10 April 2025 - At least 164 civilians "
                 "were killed in March.")
    assert "dateline" in a.blocks[2].marks


def test_structure_a_page_date_line_is_furniture() -> None:
    a = _analyze("Thu 19 Jun 2025 18.40 BST\n\nRussia launched drones at Sumy.")
    assert "dateline" in a.blocks[0].marks
    assert a.furniture == [(0, 25, "date_line")]


def test_structure_headline_is_a_short_first_line_without_a_full_stop() -> None:
    assert "headline" in _analyze("Drones hit Kharkiv\n\nRussia launched 40 drones.").blocks[0].marks
    # a first paragraph that ends like prose is no headline
    assert _analyze("Russia launched 40 drones.\n\nThe Air Force said so.").blocks[0].marks == set()
    # unless it is the document's title
    titled = _analyze("Russia launched 40 drones.\n\nThe Air Force said so.", title="Russia launched 40 drones.")
    assert titled.blocks[0].marks == {"headline"}
    # a single block is the story, not its headline
    assert _analyze("Drones hit Kharkiv").blocks[0].marks == set()


@pytest.mark.parametrize(("text", "lang", "mark"), [
    ("Джерело: Повітряні сили ЗСУ", "uk", "source"),
    ("Источник: Минобороны России", "ru", "source"),
    ("Нагадаємо, раніше ворог атакував Одесу.", "uk", "earlier"),
    ("Напомним, ранее беспилотники атаковали Курск.", "ru", "earlier"),
    ("As previously reported, the enemy attacked Odesa.", "en", "earlier"),
    ("Фото: Сумська ОВА", "uk", "caption"),
])
def test_structure_marks_in_each_language(text: str, lang: str, mark: str) -> None:
    a = _analyze("Перший абзац тексту.\n\n" + text if lang != "en" else "First paragraph here.\n\n" + text, lang)
    assert mark in a.blocks[-1].marks


def test_structure_signature_is_a_name_alone_on_the_last_line() -> None:
    a = _analyze("Ночью беспилотники атаковали Белгород. Пострадавших нет.\n\nВячеслав Гладков", "ru")
    assert a.blocks[-1].marks == {"signature"}
    # a sentence on the last line is not a signature
    b = _analyze("Ночью беспилотники атаковали Белгород.\n\nПострадавших нет.", "ru")
    assert b.blocks[-1].marks == set()


def test_structure_marks_that_never_carry_a_claim() -> None:
    assert NO_CLAIM_MARKS == {"byline", "caption", "teaser", "earlier", "hashtags", "source", "signature"}
    assert "headline" not in NO_CLAIM_MARKS and "dateline" not in NO_CLAIM_MARKS
