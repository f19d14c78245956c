"""Numbers as reports write them (mentions/numbers.py): digits, thousands
groups, words in every language and inflection, scale words, vague figures
and quantifiers; measures, years and times are no counts."""

from __future__ import annotations

import pytest

from ceasewatch.extract.analysis.document import analyze
from ceasewatch.extract.mentions import find_mentions
from ceasewatch.extract.mentions.numbers import find_numbers
from ceasewatch.geocode import default_geocoder
from ceasewatch.model import Document


def _numbers(text: str, lang: str) -> list[tuple[str, int | None]]:
    a = analyze(Document(id="t", text=text, language=lang))
    return [(text[n.start:n.end], n.value) for n in find_numbers(a)]


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("en", "Air defence shot down 1,046 drones and 12 missiles.", [("1,046", 1046), ("12", 12)]),
    ("en", "twenty-nine decoys, forty-five drones and two hundred and ten shells",
     [("twenty-nine", 29), ("forty-five", 45), ("two hundred and ten", 210)]),
    ("en", "one uncrewed boat and twelve drones", [("one", 1), ("twelve", 12)]),
    ("uk", "збили сорок п'ять дронів і дванадцять ракет", [("сорок п'ять", 45), ("дванадцять", 12)]),
    ("uk", "п'ятьма ракетами та трьома дронами", [("п'ятьма", 5), ("трьома", 3)]),
    ("uk", "2 тис. снарядів, 1 200 дронів", [("2 тис", 2000), ("1 200", 1200)]),
    ("ru", "сбиты двадцать три беспилотника и три ракеты", [("двадцать три", 23), ("три", 3)]),
    ("ru", "уничтожены восемью дронами", [("восемью", 8)]),
])
def test_numbers_digits_and_words(lang: str, text: str, expected: list[tuple[str, int]]) -> None:
    assert _numbers(text, lang) == expected


def test_numbers_unicode_digits_are_read_through_the_fold() -> None:
    text = "Сбито \uff11\uff12 дронов и \u0663 ракеты"
    assert _numbers(text, "ru") == [("\uff11\uff12", 12), ("\u0663", 3)]


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "In 2024 the plant lost 3 percent of output within 15 km at 10:30."),
    ("uk", "У 2024 році за 15 км о 10:30 втрачено 3 відсотків."),
    ("ru", "В 2024 году в 15 км от города 3 процентов."),
])
def test_numbers_years_measures_and_times_are_not_counts(lang: str, text: str) -> None:
    assert _numbers(text, lang) == []


def test_numbers_vague_figures_have_no_value() -> None:
    a = analyze(Document(id="t", text="more than 20 rockets and dozens of drones", language="en"))
    found = [(a.text[n.start:n.end], n.value, n.vague) for n in find_numbers(a)]
    assert found == [("20", None, True), ("dozens", None, True)]
    assert _numbers("понад 20 БпЛА, близько 150 дронів", "uk") == [("20", None), ("150", None)]
    assert _numbers("около 150 дронов", "ru") == [("150", None)]


def test_numbers_quantifiers() -> None:
    a = analyze(Document(id="t", text="all of them were downed and none of the missiles hit; both drones fell",
                         language="en"))
    found = [(a.text[n.start:n.end], n.value, n.quantifier) for n in find_numbers(a)]
    assert found == [("all", None, "all"), ("none", 0, "none"), ("both", 2, "both")]
    ru = analyze(Document(id="t", text="все они были сбиты", language="ru"))
    assert [(n.value, n.quantifier) for n in find_numbers(ru)] == [(None, "all")]


def test_numbers_inside_a_time_expression_count_nothing() -> None:
    a = analyze(Document(id="t", text="On the night of 13 to 14 March 40 drones attacked.", language="en"))
    m = find_mentions(a, default_geocoder())
    assert [(a.text[n.start:n.end], n.value) for n in m.numbers] == [("40", 40)]


def test_numbers_words_flag_and_offsets() -> None:
    text = "Russia launched twelve drones"
    a = analyze(Document(id="t", text=text, language="en"))
    (n,) = find_numbers(a)
    assert (n.value, n.words, text[n.start:n.end]) == (12, True, "twelve")
    assert [t.text for t in a.tokens[n.tok_start:n.tok_end]] == ["twelve"]


def test_numbers_a_figure_after_a_number_sign_is_no_count() -> None:
    assert _numbers("Укриття № 5 та #6, 3 дрони", "uk") == [("3", 3)]


def test_numbers_a_figure_after_no_is_no_count() -> None:
    assert _numbers("Shelter No. 5 was hit by 3 drones.", "en") == [("3", 3)]
