"""Weapons (mentions/weapons.py): catalogue models in any script and
spelling, generic nouns by lemma, and a model merged with the noun beside
it ("Iskander-M ballistic missiles", "БпЛА типу Shahed")."""

from __future__ import annotations

import pytest

from ceasewatch.extract.analysis.document import analyze
from ceasewatch.extract.mentions import find_mentions
from ceasewatch.extract.mentions.weapons import find_weapons, model_by_name
from ceasewatch.geocode import default_geocoder
from ceasewatch.model import Document


def _weapons(text: str, lang: str) -> list[tuple[str, str, str | None]]:
    a = analyze(Document(id="t", text=text, language=lang))
    return [(text[w.start:w.end], w.category, w.model) for w in find_weapons(a)]


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("en", "two Iskander-M ballistic missiles", [("Iskander-M ballistic missiles", "ballistic_missile", "Iskander-M")]),
    ("en", "40 Shahed attack drones", [("Shahed attack drones", "drone", "Shahed")]),
    ("en", "4 S-300 missiles", [("S-300 missiles", "missile", "S-300")]),
    ("uk", "20 ударними БпЛА типу Shahed", [("ударними БпЛА типу Shahed", "drone", "Shahed")]),
    ("ru", "ракетами Искандер-М", [("ракетами", "missile", None), ("Искандер-М", "ballistic_missile", "Iskander-M")]),
])
def test_weapons_model_and_noun_merge(lang: str, text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert _weapons(text, lang) == expected


def test_weapons_a_missile_class_named_in_words_wins_over_the_catalogue() -> None:
    # Kh-59 is a cruise missile in the catalogue; "guided missiles" names the class the text gives
    assert model_by_name("Kh-59").category == "cruise_missile"
    assert _weapons("Russia fired Kh-59 guided missiles", "en") == [("Kh-59 guided missiles", "missile", "Kh-59")]
    assert _weapons("Russia fired two Kh-59 missiles", "en") == [("Kh-59 missiles", "cruise_missile", "Kh-59")]


@pytest.mark.parametrize(("lang", "text", "model", "category"), [
    ("en", "Kh 101", "Kh-101", "cruise_missile"),
    ("uk", "Х-101", "Kh-101", "cruise_missile"),
    ("ru", "Кинжал", "Kinzhal", "ballistic_missile"),
    ("uk", "Шахеди", "Shahed", "drone"),
    ("en", "Kalibrs", "Kalibr", "cruise_missile"),
    ("en", "KAB", "KAB", "guided_bomb"),
])
def test_weapons_catalogue_spellings(lang: str, text: str, model: str, category: str) -> None:
    assert _weapons(text, lang) == [(text, category, model)]


def test_weapons_exact_case_models_are_not_ordinary_words() -> None:
    assert _weapons("he took a cab home", "en") == []


@pytest.mark.parametrize(("lang", "text", "category"), [
    ("en", "ten fixed-wing drones", "drone"),
    ("en", "five uncrewed boats", "other"),
    ("en", "dropped 20 guided aerial bombs", "guided_bomb"),
    ("en", "15 artillery shells", "artillery"),
    ("uk", "крилаті ракети", "cruise_missile"),
    ("ru", "беспилотники самолетного типа", "drone"),
])
def test_weapons_generic_nouns(lang: str, text: str, category: str) -> None:
    found = _weapons(text, lang)
    assert [(c, m) for _, c, m in found] == [(category, None)]


def test_weapons_longest_generic_phrase_wins() -> None:
    # "sea drones" are `other`, not a drone and a second noun
    assert _weapons("three sea drones", "en") == [("sea drones", "other", None)]


def test_weapons_inside_an_actor_name_are_no_weapons() -> None:
    text = "The anti-aircraft missile troops shot down 5 drones."
    a = analyze(Document(id="t", text=text, language="en"))
    m = find_mentions(a, default_geocoder())
    assert [(text[w.start:w.end], w.category) for w in m.weapons] == [("drones", "drone")]


def test_weapons_used_by_from_the_catalogue() -> None:
    a = analyze(Document(id="t", text="Neptune and Shahed", language="en"))
    assert [(w.model, w.used_by, w.generic) for w in find_weapons(a)] == [
        ("Neptune", "UA", False), ("Shahed", "RU", False)]
