"""Keys the gazetteer builds its index from and reads queries with."""

from __future__ import annotations

import pytest

from ceasewatch.geocode.build import transliterate_uk
from ceasewatch.geocode.normalize import lemma_keys, script_language, skeleton, surface_key, tokens


def test_geocode_surface_key_unifies_case_punctuation_and_leading_words() -> None:
    assert surface_key("  The  Sea of Azov ") == "sea of azov"
    assert surface_key("над Брянской областью") == "брянской областью"
    assert surface_key("Kharkiv’s") == "kharkiv"
    assert surface_key("Дніпропетровська обл.") == "дніпропетровська обл"
    assert surface_key("Ivano–Frankivsk") == "ivano-frankivsk"
    assert surface_key("Ёлкино") == "елкино"
    # A lone function word is kept: it may be the whole name.
    assert tokens("в") == ["в"]


@pytest.mark.parametrize(
    "spellings",
    [
        ("Kharkiv", "Харків", "Kharkiw"),
        ("Krasnopillia", "Krasnopillya", "Краснопілля"),
        ("Bilhorod-Dnistrovskyi", "Білгород-Дністровський", "Bilhorod-Dnistrovskyy"),
        ("Zaporizhzhia", "Zaporizhzhya", "Запоріжжя"),
        ("Kharkov", "Харьков"),
        ("Mykolaiv", "Миколаїв", "Mykolayiv"),
    ],
)
def test_geocode_skeleton_merges_romanisations(spellings) -> None:
    assert len({skeleton(s) for s in spellings}) == 1, [skeleton(s) for s in spellings]


def test_geocode_skeleton_keeps_different_names_apart() -> None:
    assert skeleton("Sumy") != skeleton("Summy Creek")
    assert skeleton("Kursk") != skeleton("Kurchatov")
    assert skeleton("Kharkiv") != skeleton("Kherson")


def test_geocode_script_language() -> None:
    assert script_language("Kharkiv") == "en"
    assert script_language("Харківщина") == "uk"
    assert script_language("над Крымом") == "ru"
    assert script_language("Брянской областью") is None  # no letter only one alphabet has
    assert script_language("Суджа") is None
    assert script_language("Суджа", "ru") == "ru"


def test_geocode_lemma_keys_reduce_case_forms() -> None:
    assert "харківський область" in lemma_keys("Харківській області", "uk")
    assert "брянский область" in lemma_keys("над Брянской областью", "ru")
    assert "сумщина" in lemma_keys("Сумщину")
    assert lemma_keys("Kharkiv") == []


def test_geocode_transliterate_uk_follows_the_national_system() -> None:
    assert transliterate_uk("Краснопілля") == "Krasnopillia"
    assert transliterate_uk("Згурівка") == "Zghurivka"
    assert transliterate_uk("Яготин") == "Yahotyn"
    assert transliterate_uk("Їжакевич") == "Yizhakevych"
    assert transliterate_uk("Білгород-Дністровський") == "Bilhorod-Dnistrovskyi"
    assert transliterate_uk("Щербухи") == "Shcherbukhy"


def test_geocode_nominative_guesses_rewrite_endings() -> None:
    from ceasewatch.geocode.normalize import nominative_guesses

    assert "харківська область" in nominative_guesses(("харківській", "області"))
    assert "суми" in nominative_guesses(("сумах",))
    assert "брянск" in nominative_guesses(("брянском",))
    assert "сумщина" in nominative_guesses(("сумщину",))
    assert "краснодарський край" in nominative_guesses(("краснодарського", "краю"))
    assert nominative_guesses(("kharkiv",)) == []
