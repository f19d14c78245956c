"""Places (mentions/places.py) resolved through the offline gazetteer: region
words, lists sharing one region word, seas and sites, settlements; datelines,
people and speakers are no places."""

from __future__ import annotations

import pytest

from ceasewatch.extract.analysis.document import analyze
from ceasewatch.extract.mentions import find_mentions
from ceasewatch.geocode import default_geocoder
from ceasewatch.model import Document


def _places(text: str, lang: str) -> list[tuple[str, str, str | None]]:
    a = analyze(Document(id="t", text=text, language=lang))
    return [(text[p.start:p.end], p.kind, p.region) for p in find_mentions(a, default_geocoder()).places]


def test_places_region_word_after_a_name() -> None:
    assert _places("Russia struck Izium in Kharkiv region overnight.", "en") == [
        ("Russia", "country", None), ("Izium", "settlement", "UA-63"), ("Kharkiv region", "region", "UA-63")]


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("en", "Drones were shot down over the Kharkiv, Sumy and Poltava regions.",
     [("Kharkiv", "UA-63"), ("Sumy", "UA-59"), ("Poltava regions", "UA-53")]),
    ("uk", "Збито дрони над Київською, Чернігівською та Донецькою областями.",
     [("Київською", "UA-32"), ("Чернігівською", "UA-74"), ("Донецькою областями", "UA-14")]),
    ("ru", "Беспилотники сбиты над Курской, Орловской и Брянской областями.",
     [("Курской", "RU-KRS"), ("Орловской", "RU-ORL"), ("Брянской областями", "RU-BRY")]),
])
def test_places_list_sharing_one_region_word(lang: str, text: str, expected: list[tuple[str, str]]) -> None:
    found = _places(text, lang)
    assert [(name, region) for name, _, region in found] == expected
    assert {kind for _, kind, _ in found} == {"region"}


def test_places_seas_and_sites() -> None:
    assert _places("Drones were downed over the Black Sea and the Sea of Azov.", "en") == [
        ("Black Sea", "sea", "SEA-BLACK"), ("Sea of Azov", "sea", "SEA-AZOV")]
    assert _places("Drones targeted the Kursk nuclear power plant.", "en") == [
        ("Kursk nuclear power plant", "site", "RU-KRS")]


def test_places_settlements_in_slavic_cases() -> None:
    assert _places("Ворог атакував Нікополь і Херсон.", "uk") == [
        ("Нікополь", "settlement", "UA-12"), ("Херсон", "settlement", "UA-65")]
    assert _places("Губернатор сообщил об атаке на Белгород и Шебекино.", "ru") == [
        ("Белгород", "settlement", "RU-BEL"), ("Шебекино", "settlement", "RU-BEL")]


def test_places_a_dateline_is_not_a_place() -> None:
    found = _places("KHARKIV, Ukraine (Test Wire) - Russia struck Izium overnight.", "en")
    assert "KHARKIV" not in [name for name, _, _ in found]
    assert ("Izium", "settlement", "UA-63") in found


def test_places_a_first_name_before_a_surname_is_not_a_place() -> None:
    # "Владимир" alone is the city of Vladimir; before a surname it is a first name
    assert _places("Владимир Петренко сообщил об ударе по Белгороду.", "ru") == [
        ("Белгороду", "settlement", "RU-BEL")]
    assert _places("Удар по городу Владимир.", "ru") == [("Владимир", "settlement", "RU-VLA")]


def test_places_a_person_after_a_title_is_not_a_place() -> None:
    found = _places("Governor Vyacheslav Gladkov said a drone hit Shebekino.", "en")
    assert found == [("Shebekino", "settlement", "RU-BEL")]


def test_places_capital_standing_for_its_state_is_not_a_place() -> None:
    # "Moscow's demands" is the government; "Kyiv's Solomianskyi district" is a place
    assert _places("Moscow's demands were rejected.", "en") == []


def test_places_water_after_a_name_is_not_the_city() -> None:
    assert [name for name, _, _ in _places("Boats crossed the Dnipro river near Kherson.", "en")] == ["Kherson"]


def test_places_same_name_settlement_takes_the_region_named_beside_it() -> None:
    # there is more than one Krasnopillia (Sumy, Ternopil, Dnipropetrovsk, Donetsk regions)
    found = _places("A drone hit a hospital in Krasnopillia in Sumy region.", "en")
    assert found == [("Krasnopillia", "settlement", "UA-59"), ("Sumy region", "region", "UA-59")]


def test_places_a_settlement_then_its_region_after_a_comma() -> None:
    found = _places("A drone hit a house in Izium, Kharkiv region.", "en")
    assert found == [("Izium", "settlement", "UA-63"), ("Kharkiv region", "region", "UA-63")]


def test_places_a_first_name_before_a_known_official_is_not_a_place() -> None:
    # "Ткаченко" is in actors.yaml; "Володимир" then resolves to Volodymyr (Volyn region, UA-07)
    assert _places("Володимир Ткаченко повідомив про атаку на Суми.", "uk") == [("Суми", "settlement", "UA-59")]


def test_places_a_target_word_in_capitals_is_not_a_place() -> None:
    # "ТЕС" (a thermal power plant) is also the name of a village in Tatarstan
    assert _places("Від початку жовтня це вже шоста атака на ТЕС компанії.", "uk") == []
    assert ("Стрию", "settlement", "UA-46") in _places("Уражено ТЕС поблизу Стрию.", "uk")


def test_places_a_settlement_then_the_region_it_lies_in() -> None:
    # "у Морозівську Ростовської області": the region is read even where the pair is no region's name
    assert ("Ростовської області", "region", "RU-ROS") in _places(
        "Дрони атакували аеродром у Морозівську Ростовської області.", "uk")


def test_places_a_function_word_or_a_first_name_is_not_a_place() -> None:
    # "Без" and "Тим" open sentences ("Без постраждалих", "Тим часом"); "Oleg" is only near the spelling of Oleh
    assert _places("Без постраждалих. Тим часом ворог атакував Суми.", "uk") == [("Суми", "settlement", "UA-59")]
    assert [name for name, _, _ in _places("Oleg Sinegubov said drones hit Kharkiv.", "en")] == ["Kharkiv"]


def test_places_a_settlement_of_a_district_named_after_its_region() -> None:
    # "в селе Разумное Белгородского округа": the village, found with the region the district is named after
    assert ("Разумное", "settlement", "RU-BEL") in _places(
        "Вечером в селе Разумное Белгородского округа дрон атаковал автомобиль.", "ru")
