"""Actors (mentions/actors.py): who can speak or attack, with side, kind and
display name from each language's actors.yaml; the longest phrase wins."""

from __future__ import annotations

import pytest

from ceasewatch.extract.analysis.document import analyze
from ceasewatch.extract.mentions.actors import find_actors
from ceasewatch.model import Document


def _actors(text: str, lang: str) -> list[tuple[str, str, str | None, str]]:
    a = analyze(Document(id="t", text=text, language=lang))
    return [(text[x.start:x.end], x.key, x.side, x.kind) for x in find_actors(a)]


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("en", "Russia's defence ministry said", [("Russia's defence ministry", "ru_mod", "RU", "official")]),
    ("en", "Ukraine's Air Force said", [("Ukraine's Air Force", "ua_air_force", "UA", "official")]),
    ("en", "President Zelensky said", [("Zelensky", "ua_president", "UA", "head_of_state")]),
    ("en", "Vladimir Putin said", [("Vladimir Putin", "ru_president", "RU", "head_of_state")]),
    ("en", "Reuters reported", [("Reuters", "outlet", "OTHER", "outlet")]),
    ("en", "the ISW assessed", [("ISW", "third_party", "OTHER", "third_party")]),
    ("uk", "Міноборони РФ заявило", [("Міноборони РФ", "ru_mod", "RU", "official")]),
    ("uk", "повідомили Повітряні сили ЗСУ", [("Повітряні сили ЗСУ", "ua_air_force", "UA", "official")]),
    ("uk", "Генштаб ЗСУ повідомив", [("Генштаб ЗСУ", "ua_general_staff", "UA", "official")]),
    ("ru", "Минобороны России сообщило", [("Минобороны России", "ru_mod", "RU", "official")]),
    ("ru", "сообщил Зеленский", [("Зеленский", "ua_president", "UA", "head_of_state")]),
    ("ru", "сообщает ТАСС", [("ТАСС", "outlet", "OTHER", "outlet")]),
])
def test_actors_side_and_kind(lang: str, text: str, expected: list[tuple[str, str, str | None, str]]) -> None:
    assert _actors(text, lang) == expected


def test_actors_longest_phrase_wins() -> None:
    # "Russia's defence ministry" is one actor, not "Russia's" plus "defence ministry"
    assert [k for _, k, _, _ in _actors("Russia's defence ministry said", "en")] == ["ru_mod"]
    # on its own, "the defence ministry" has no side: it comes from context later
    assert _actors("the defence ministry said", "en") == [("defence ministry", "ministry", None, "official")]


def test_actors_regional_offices_take_their_side_later() -> None:
    assert _actors("the governor said", "en") == [("governor", "governor", None, "regional")]
    a = analyze(Document(id="t", text="губернатор Запорожской области", language="ru"))
    (governor,) = [x for x in find_actors(a) if x.key == "governor"]
    # in a region Russia occupies in part, a "губернатор" is the Russian-installed one
    assert governor.side is None and governor.occupied_side == "RU"


def test_actors_enemy_and_forces_are_not_speakers() -> None:
    a = analyze(Document(id="t", text="противник атаковал, ВСУ ответили", language="ru"))
    found = {x.key: (x.side, x.speaker) for x in find_actors(a)}
    assert found["enemy"] == (None, False)
    assert found["ua_forces"] == ("UA", False)


def test_actors_display_names_follow_the_language() -> None:
    a = analyze(Document(id="t", text="Минобороны России", language="ru"))
    assert [x.name for x in find_actors(a)] == ["Министерство обороны России"]
    b = analyze(Document(id="t", text="Russia's Defence Ministry", language="en"))
    assert [x.name for x in find_actors(b)] == ["Russian Ministry of Defence"]
