"""Ukrainian extractor rules added to generalise beyond the dev corpus:
totals read as launched, a bare clock time, the capital, city districts,
hromadas, settlement heads before odd-tagged names, quoted facility names,
damage participles, command posts' impersonal strikes and owner genitives.
Hand-written sentences; a fake geocoder answers the place lookups."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from ceasewatch.extract.slavic.uk import UkrainianExtractor
from ceasewatch.model import Claim, Document
from geocoder_tables import table_geocoder

KYIV = timezone(timedelta(hours=2))

GEO = table_geocoder(
    {
        "Київ": ("Kyiv", "settlement", "UA-30", 0.98),
        "Москва": ("Moscow", "settlement", "RU-MOW", 1.0),
        "голосіїв": ("Holosiiv", "settlement", "UA-32", 0.8),  # a same-named village elsewhere
        "нікополь": ("Nikopol", "settlement", "UA-12", 0.95),
        "Кочетове": ("Kochetove", "settlement", "RU-BEL", 0.9),
        "Лиски": ("Liski", "settlement", "RU-VOR", 0.95),
        "Курській області": ("Kursk Oblast", "region", "RU-KRS", 0.95),
        "Київщину": ("Kyiv Oblast", "region", "UA-32", 0.95),
    },
    lon=30.0,
)


@pytest.fixture(scope="module")
def uk() -> UkrainianExtractor:
    return UkrainianExtractor(geocoder=GEO)


def _one(uk: UkrainianExtractor, text: str, published: datetime, publisher: str) -> Claim:
    claims = uk.extract(Document.create(text, publisher=publisher, published=published, language="uk"))
    assert len(claims) == 1, [c.key for c in claims]
    return claims[0]


def test_extract_uk_recorded_total_is_launched(uk: UkrainianExtractor) -> None:
    text = "У ніч на 4 березня ворог завдав удару. Загалом зафіксовано 12 крилатих ракет і 60 ударних БпЛА."
    claim = _one(uk, text, datetime(2025, 3, 4, 9, 0, tzinfo=KYIV), "Повітряні сили ЗСУ")
    launched = {w.category: w.launched for w in claim.weapons if w.launched is not None}
    assert launched == {"cruise_missile": 12, "drone": 60}


@pytest.mark.parametrize(
    ("hour", "day"),
    [(23, "2025-03-04"), (7, "2025-03-04")],  # 23:40 the same evening; 07:00 the next morning
)
def test_extract_uk_bare_clock_time_dates_the_post(uk: UkrainianExtractor, hour: int, day: str) -> None:
    text = "Близько 22:15 ворог атакував Київщину ударними дронами."
    published = datetime(2025, 3, 4, hour, 40, tzinfo=KYIV) + (timedelta(days=1) if hour < 22 else timedelta())
    claim = _one(uk, text, published, "Київська ОВА")
    assert str(claim.date) == day


def test_extract_uk_clock_time_yields_to_a_stated_date(uk: UkrainianExtractor) -> None:
    text = "У ніч на 2 березня ворог атакував Київщину дронами. О 03:20 пролунали вибухи."
    claim = _one(uk, text, datetime(2025, 3, 3, 10, 0, tzinfo=KYIV), "Київська ОВА")
    assert str(claim.date) == "2025-03-02"


def test_extract_uk_capital_and_its_city_districts(uk: UkrainianExtractor) -> None:
    text = "Вночі ворог атакував столицю дронами. Уламки впали в Голосіївському районі, пошкоджено авто."
    claim = _one(uk, text, datetime(2025, 3, 4, 7, 0, tzinfo=KYIV), "Київська міська військова адміністрація")
    assert [p.name for p in claim.places] == ["Kyiv"]
    assert claim.regions == ("UA-30",)


def test_extract_uk_hromada_is_its_town(uk: UkrainianExtractor) -> None:
    text = "Вдень ворог обстріляв з артилерії Нікопольську громаду. Пошкоджено приватний будинок."
    claim = _one(uk, text, datetime(2025, 3, 4, 18, 0, tzinfo=KYIV), "Дніпропетровська ОВА")
    assert [p.name for p in claim.places] == ["Nikopol"]


def test_extract_uk_settlement_head_accepts_an_odd_tagged_name(uk: UkrainianExtractor) -> None:
    # "Кочетове" is tagged as a surname; after "селі" it is a village
    text = "Сили оборони уразили склад боєприпасів у селі Кочетове Курській області."
    claim = _one(uk, text, datetime(2025, 3, 4, 12, 0, tzinfo=KYIV), "Суспільне")
    assert (claim.attacker, claim.target_country) == ("UA", "RU")
    assert "Kochetove" in [p.name for p in claim.places]


def test_extract_uk_quoted_facility_named_after_its_town(uk: UkrainianExtractor) -> None:
    text = "В ніч на 5 березня уражено нафтобазу «Лиски» та станцію «Азот»."
    claim = _one(uk, text, datetime(2025, 3, 5, 11, 0, tzinfo=KYIV), "Генеральний штаб ЗСУ")
    assert claim.key[2:4] == ("UA", "RU")  # a command's impersonal "уражено" is its own strike
    assert [p.name for p in claim.places] == ["Liski"]
    assert claim.targets == ("energy.oil_gas",)


def test_extract_uk_owner_genitive_is_not_the_attacker(uk: UkrainianExtractor) -> None:
    text = "Уражено об'єкт промисловості рф у Курській області. Зафіксовано пожежу."
    claim = _one(uk, text, datetime(2025, 3, 5, 11, 0, tzinfo=KYIV), "Генштаб ЗСУ")
    assert (claim.attacker, claim.target_country) == ("UA", "RU")
    assert claim.targets == ("industry",) and claim.regions == ("RU-KRS",)


def test_extract_uk_damage_participles_and_everyday_targets(uk: UkrainianExtractor) -> None:
    text = "Внаслідок ворожої атаки на Київщину понищені газопровід та легковий автомобіль."
    claim = _one(uk, text, datetime(2025, 3, 5, 11, 0, tzinfo=KYIV), "Київська ОВА")
    assert {t.split(".")[0] for t in claim.targets} == {"energy", "civilian"}


def test_extract_uk_command_strike_at_home_is_not_its_own(uk: UkrainianExtractor) -> None:
    # the impersonal "завдано удару" of a command post is its own strike only when the place is abroad
    text = "Завдано удару по Київщину, пошкоджено будинок."
    claim = _one(uk, text, datetime(2025, 3, 5, 11, 0, tzinfo=KYIV), "Генштаб ЗСУ")
    assert claim.target_country == "UA" and claim.attacker != "UA"
