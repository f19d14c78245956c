"""Ukrainian extractor rules added to generalise beyond the dev corpus:
totals read as launched, a bare clock time, the capital, city districts,
hromadas, settlement heads before odd-tagged names, quoted facility names,
damage participles, command posts' impersonal strikes and owner genitives.
Hand-written sentences; a fake geocoder answers the place lookups."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from ceasewatch.extract.slavic.uk import UkrainianExtractor
from ceasewatch.geocode.base import Candidate
from ceasewatch.geocode.fake import StaticGeocoder
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


# -- issue 5 follow-up: rules found with the Ukrainian/Russian probe set ----------------------------
# New sentences, one or two per rule; the geocoder below answers with several readings where the rule
# is about choosing between them.

KYIV_SUMMER = timezone(timedelta(hours=3))


def _cand(name: str, kind: str, region: str, score: float, lat: float = 50.0, lon: float = 30.0) -> Candidate:
    return Candidate(name, kind, region, None if region.startswith("SEA") else region[:2], lat=lat, lon=lon, score=score)


GEO_CONTEXT = StaticGeocoder(
    {
        # a Lviv-region village outranks the Kharkiv-region one of the same name
        "Золочів": [_cand("Zolochiv", "settlement", "UA-46", 0.75, 49.8, 24.9),
                    _cand("Zolochiv", "settlement", "UA-63", 0.58, 50.3, 36.0)],
        "харківська область": [_cand("Kharkiv Oblast", "region", "UA-63", 0.95)],
        "сумська область": [_cand("Sumy Oblast", "region", "UA-59", 0.95)],
        "Суми": [_cand("Sumy", "settlement", "UA-59", 1.0, 50.9, 34.8)],
        "степанівка": [_cand("Stepanivka", "settlement", "UA-65", 0.9, 46.7, 32.9)],
        "Володимир": [_cand("Volodymyr", "settlement", "UA-07", 0.9, 50.8, 24.3)],
        "Київщину": [_cand("Kyiv Oblast", "region", "UA-32", 0.95)],
        "Кочетове": [_cand("Kochetove", "settlement", "RU-BEL", 0.9, 50.6, 36.9)],
        "Курській області": [_cand("Kursk Oblast", "region", "RU-KRS", 0.95)],
        "Києві": [_cand("Kyiv", "settlement", "UA-30", 0.95, 50.45, 30.5)],
        "Київ": [_cand("Kyiv", "settlement", "UA-30", 1.0, 50.45, 30.5)],
        "білопілля": [_cand("Bilopillia", "settlement", "UA-59", 0.9, 51.15, 34.3)],
    }
)


@pytest.fixture(scope="module")
def uk_ctx() -> UkrainianExtractor:
    return UkrainianExtractor(geocoder=GEO_CONTEXT)


def _all(uk: UkrainianExtractor, text: str, published: datetime, publisher: str) -> list[Claim]:
    return uk.extract(Document.create(text, publisher=publisher, published=published, language="uk"))


def test_extract_uk_past_day_summary_then_a_post_time_stamp(uk: UkrainianExtractor) -> None:
    # "за минулу добу" is the day before; a later post's own "14:05." stamp starts the publication day
    text = (
        "Наслідки обстрілів за минулу добу. Пошкоджено приватний будинок і лінію електропередачі.\n\n"
        "⚡️ 14:05. Ворог атакував громаду дроном, пошкоджено автомобіль."
    )
    claims = _all(uk, text, datetime(2025, 5, 10, 19, 0, tzinfo=KYIV_SUMMER), "Сумська ОВА")
    by_day = {str(c.date): {t.split(".")[0] for t in c.targets} for c in claims}
    assert by_day == {"2025-05-09": {"civilian", "energy"}, "2025-05-10": {"civilian"}}


def test_extract_uk_weekly_figures_have_no_date(uk: UkrainianExtractor) -> None:
    text = "За тиждень ворог випустив по Україні 140 ракет і 900 ударних дронів. У ніч на четвер дрон влучив у школу."
    claims = _all(uk, text, datetime(2025, 5, 10, 19, 0, tzinfo=KYIV_SUMMER), "Офіс Президента")
    weekly = next(c for c in claims if c.date is None)
    assert {w.category: w.launched for w in weekly.weapons} == {"missile": 140, "drone": 900}
    assert [str(c.date) for c in claims if c.date is not None] == ["2025-05-08"]


@pytest.mark.parametrize(
    ("sentence", "day"),
    [
        ("Напередодні ввечері ворог обстріляв село з артилерії, пошкоджено будинок.", "2025-05-09"),
        ("Увечері у четвер окупанти вдарили по селищу, пошкоджено школу.", "2025-05-08"),
    ],
)
def test_extract_uk_eve_and_a_time_of_day_before_a_weekday(uk: UkrainianExtractor, sentence: str, day: str) -> None:
    claim = _one(uk, sentence, datetime(2025, 5, 10, 9, 0, tzinfo=KYIV_SUMMER), "Полтавська ОВА")
    assert str(claim.date) == day


def test_extract_uk_date_of_a_statement_is_not_the_strike_day(uk: UkrainianExtractor) -> None:
    text = (
        "У неділю ворог атакував громаду дронами. "
        "«Пошкоджено три приватні будинки», – написав Петро Іваненко у Telegram у понеділок вранці."
    )
    claim = _one(uk, text, datetime(2025, 5, 12, 10, 0, tzinfo=KYIV_SUMMER), "Полтавська ОВА")
    assert str(claim.date) == "2025-05-11" and claim.targets == ("civilian.residential",)


def test_extract_uk_strike_with_bombs_counts_them_but_not_strikes(uk: UkrainianExtractor) -> None:
    bombs = _one(uk, "Окупанти завдали удару по місту трьома керованими авіабомбами.",
                 datetime(2025, 5, 10, 19, 0, tzinfo=KYIV_SUMMER), "Полтавська ОВА")
    assert [(w.category, w.launched) for w in bombs.weapons] == [("guided_bomb", 3)]
    strikes = _one(uk, "Ворог завдав двох ракетних ударів по селищу, пошкоджено будинок.",
                   datetime(2025, 5, 10, 19, 0, tzinfo=KYIV_SUMMER), "Полтавська ОВА")
    assert [(w.category, w.launched) for w in strikes.weapons] == [("missile", None)]


def test_extract_uk_one_more_adds_only_to_its_own_measure(uk: UkrainianExtractor) -> None:
    text = "Вночі збито 20 ворожих дронів. Ще 4 дрони локаційно втрачено, ще 2 збито над морем."
    claim = _one(uk, text, datetime(2025, 5, 10, 9, 0, tzinfo=KYIV_SUMMER), "Повітряні сили ЗСУ")
    (drone,) = claim.weapons
    assert (drone.intercepted, drone.lost) == (22, 4)


def test_extract_uk_community_lines_add_up(uk: UkrainianExtractor) -> None:
    text = (
        "Наслідки обстрілів області за минулу добу:\n"
        "🔸 Перша громада: ворог скинув 2 КАБи, пошкоджено будинок.\n"
        "🔸 Друга громада: скинуто чотири КАБи, пошкоджено школу."
    )
    claim = _one(uk, text, datetime(2025, 5, 10, 9, 0, tzinfo=KYIV_SUMMER), "Сумська ОВА")
    assert [(w.category, w.launched) for w in claim.weapons] == [("guided_bomb", 6)]


def test_extract_uk_birth_year_and_unhurt_are_not_counts(uk: UkrainianExtractor) -> None:
    text = "Вчора ворог атакував село дроном. Поранено жінку 1975 р.н., водій не постраждав. Пізніше помер чоловік."
    claim = _one(uk, text, datetime(2025, 5, 10, 9, 0, tzinfo=KYIV_SUMMER), "Сумська ОВА")
    assert (claim.killed, claim.injured) == (1, 1)


@pytest.mark.parametrize(
    ("sentence", "targets"),
    [
        ("Вночі уламки дрона пошкодили будівлю залізничного вокзалу.", ("transport.rail",)),
        ("Вночі вибуховою хвилею посічено вікна автовокзалу.", ("transport",)),
        ("Вночі дрон пошкодив адміністративну будівлю.", ("civilian",)),
    ],
)
def test_extract_uk_a_building_is_the_target_named_after_it(uk: UkrainianExtractor, sentence: str, targets) -> None:
    claim = _one(uk, sentence, datetime(2025, 5, 10, 9, 0, tzinfo=KYIV_SUMMER), "Сумська ОВА")
    assert claim.targets == targets


def test_extract_uk_same_named_place_in_the_publishers_region(uk_ctx: UkrainianExtractor) -> None:
    text = "Вночі ворог атакував Золочів дронами, пошкоджено будинок."
    claim = _one(uk_ctx, text, datetime(2025, 5, 10, 9, 0, tzinfo=KYIV_SUMMER), "Харківська ОВА")
    assert [(p.name, p.region) for p in claim.places] == [("Zolochiv", "UA-63")]


def test_extract_uk_community_guess_outside_the_documents_regions_is_dropped(uk_ctx: UkrainianExtractor) -> None:
    text = "Вдень ворог обстріляв Степанівську громаду та Суми, пошкоджено будинки."
    claim = _one(uk_ctx, text, datetime(2025, 5, 10, 19, 0, tzinfo=KYIV_SUMMER), "Сумська ОВА")
    assert [p.name for p in claim.places] == ["Sumy"]
    # a community adjective in "-пільська" names a town in "-пілля"
    claim = _one(uk_ctx, "Вдень ворог обстріляв Білопільську громаду, пошкоджено будинок.",
                 datetime(2025, 5, 10, 19, 0, tzinfo=KYIV_SUMMER), "Сумська ОВА")
    assert [p.name for p in claim.places] == ["Bilopillia"]


def test_extract_uk_signature_and_inhabited_locality(uk_ctx: UkrainianExtractor) -> None:
    text = "Вночі ворог атакував Київщину дронами, пошкоджено будинки.\n\nВолодимир Петренко"
    claim = _one(uk_ctx, text, datetime(2025, 5, 10, 9, 0, tzinfo=KYIV_SUMMER), "Київська ОВА")
    assert claim.places == () and claim.regions == ("UA-32",)
    text = "Уражено склад пального поблизу населеного пункту Кочетове."
    claim = _one(uk_ctx, text, datetime(2025, 5, 10, 13, 0, tzinfo=KYIV_SUMMER), "Генштаб ЗСУ")
    assert [p.name for p in claim.places] == ["Kochetove"] and claim.key[2:4] == ("UA", "RU")


def test_extract_uk_force_owning_the_target_is_not_the_attacker(uk_ctx: UkrainianExtractor) -> None:
    text = "Уражено пункт управління 3-ї дивізії рф у Курській області."
    claim = _one(uk_ctx, text, datetime(2025, 5, 10, 13, 0, tzinfo=KYIV_SUMMER), "Генштаб ЗСУ")
    assert (claim.attacker, claim.target_country, claim.regions) == ("UA", "RU", ("RU-KRS",))


def test_extract_uk_quoted_ministry_strike_is_its_sides_own(uk_ctx: UkrainianExtractor) -> None:
    # a long «...» is the ministry's speech: the city inside it counts
    text = "Міноборони РФ заявило: «Вчора завдано удару по підприємству, яке збирало дрони у Києві»."
    (claim,) = _all(uk_ctx, text, datetime(2025, 5, 10, 13, 0, tzinfo=KYIV_SUMMER), "Суспільне")
    assert (claim.claimant.party, claim.attacker, claim.target_country) == ("RU", "RU", "UA")
    assert [p.name for p in claim.places] == ["Kyiv"] and claim.targets == ("industry",)


def test_extract_uk_outlet_citing_itself_speaks_as_other(uk_ctx: UkrainianExtractor) -> None:
    text = (
        "Вночі ворог атакував Київщину дронами, пошкоджено будинки.\n\n"
        "Як повідомляв Укрінформ, 3 травня ворог також атакував Київ дронами."
    )
    claims = _all(uk_ctx, text, datetime(2025, 5, 10, 9, 0, tzinfo=KYIV_SUMMER), "Укрінформ")
    assert {(c.claimant.party, str(c.date)) for c in claims} == {("UA", "2025-05-10"), ("OTHER", "2025-05-03")}


def test_extract_uk_truce_terms_are_not_strikes(uk: UkrainianExtractor) -> None:
    text = (
        "Сторони обговорили припинення ударів по енергетиці на 30 днів. "
        "Україна готова не атакувати НПЗ, якщо росія зупинить удари по електростанціях."
    )
    assert _all(uk, text, datetime(2025, 5, 10, 19, 0, tzinfo=KYIV_SUMMER), "Суспільне") == []


# --- round 2: lists, "all"/"both", totals, per-town casualties, dates, cumulative statements ---

GEO2 = table_geocoder(
    {
        "Полтавщину": ("Poltava Oblast", "region", "UA-53"),
        "Каспійського моря": ("Caspian Sea", "sea", "SEA-CASPIAN"),
        "Чорного моря": ("Black Sea", "sea", "SEA-BLACK"),
        "Лозова": ("Lozova", "settlement", "UA-63"),
        "Вовчанськ": ("Vovchansk", "settlement", "UA-63"),
        "Балаклія": ("Balakliia", "settlement", "UA-63"),
        "Ізюм": ("Izium", "settlement", "UA-63"),
        "Сумах": ("Sumy", "settlement", "UA-59"),
        "Сум": ("Sumy", "settlement", "UA-59"),
        "Суми": ("Sumy", "settlement", "UA-59"),
        "Конотопі": ("Konotop", "settlement", "UA-59"),
        "Харківщини": ("Kharkiv Oblast", "region", "UA-63"),
    },
    lon=35.0,
)


@pytest.fixture(scope="module")
def uk2() -> UkrainianExtractor:
    return UkrainianExtractor(geocoder=GEO2)


def _weapons(claim: Claim) -> dict[str, tuple[int | None, int | None, int | None, int | None]]:
    return {w.category: (w.launched, w.intercepted, w.lost, w.hit) for w in claim.weapons}


def test_extract_uk_emoji_bullets_under_a_colon_are_list_items(uk2: UkrainianExtractor) -> None:
    text = (
        "У ніч на 5 травня ворог атакував 40 засобами повітряного нападу:\n"
        "▪️ 6 крилатими ракетами Калібр з акваторії Чорного моря;\n"
        "▪️ 34 ударними БпЛА.\n"
        "Збито 20 БпЛА над Полтавщину. Знищено усі крилаті ракети."
    )
    claim = _one(uk2, text, datetime(2025, 5, 5, 9, 0, tzinfo=KYIV_SUMMER), "Повітряні сили ЗСУ")
    weapons = _weapons(claim)
    assert weapons["cruise_missile"][:2] == (6, 6) and weapons["drone"][:2] == (34, 20)
    # the sea the missiles came from is a launch area, not a struck region
    assert "SEA-BLACK" not in claim.regions


def test_extract_uk_all_of_a_type_and_both_failed(uk2: UkrainianExtractor) -> None:
    text = (
        "Уночі ворог випустив 3 крилаті ракети та 2 балістичні ракети. "
        "Сили ППО знешкодили всі крилаті ракети. "
        "Балістичні ракети збити не вдалося: обидві влучили в Лозова."
    )
    claim = _one(uk2, text, datetime(2025, 5, 5, 9, 0, tzinfo=KYIV_SUMMER), "Харківська ОВА")
    weapons = _weapons(claim)
    assert weapons["cruise_missile"][:2] == (3, 3)
    assert weapons["ballistic_missile"] == (2, 0, None, 2)


def test_extract_uk_day_total_holds_the_extra_bomb(uk2: UkrainianExtractor) -> None:
    text = (
        "Лозова. Окупанти скинули чотири КАБи на місто.\n\n"
        "Ізюм. Ворог скинув ще одну авіабомбу.\n\n"
        "Загалом за сьогодні окупанти випустили 5 КАБів по Харківщини."
    )
    claim = _one(uk2, text, datetime(2025, 5, 5, 20, 0, tzinfo=KYIV_SUMMER), "Харківська ОВА")
    assert _weapons(claim)["guided_bomb"][0] == 5


def test_extract_uk_casualties_of_different_towns_add_up(uk2: UkrainianExtractor) -> None:
    text = (
        "Вовчанськ. Внаслідок удару дрона поранено трьох людей.\n\n"
        "Балаклія. Ворог обстріляв місто, поранено 64-річного чоловіка.\n\n"
        "Ізюм. Загинула жінка, поранено двох людей."
    )
    claim = _one(uk2, text, datetime(2025, 5, 5, 20, 0, tzinfo=KYIV_SUMMER), "Харківська ОВА")
    assert (claim.killed, claim.injured) == (1, 6)


def test_extract_uk_yesterdays_strike_and_a_grown_figure(uk2: UkrainianExtractor) -> None:
    text = (
        "Кількість постраждалих від учорашньої атаки на Суми зросла до 15. "
        "Нагадаємо, близько 16:30 ворог вдарив по місту ракетою.\n\n"
        "Уночі ворог атакував Конотопі дронами, пошкоджено будинок."
    )
    claims = _all(uk2, text, datetime(2025, 5, 6, 8, 0, tzinfo=KYIV_SUMMER), "Сумська ОВА")
    by_day = {str(c.date): c for c in claims}
    assert set(by_day) == {"2025-05-05", "2025-05-06"}
    assert by_day["2025-05-05"].injured == 15 and [p.name for p in by_day["2025-05-05"].places] == ["Sumy"]
    assert [p.name for p in by_day["2025-05-06"].places] == ["Konotop"]


def test_extract_uk_since_a_season_or_month_is_undated(uk2: UkrainianExtractor) -> None:
    text = (
        "Сьогодні вранці ворог атакував нашу ТЕС дронами. "
        "Від початку зими це вже п'ята атака на ТЕС компанії. "
        "З лютого 2024 року наші підстанції атакували понад 100 разів."
    )
    claims = _all(uk2, text, datetime(2025, 1, 20, 12, 0, tzinfo=KYIV), "Центренерго")
    assert {str(c.date) for c in claims} == {"2025-01-20", "None"}
    undated = next(c for c in claims if c.date is None)
    assert undated.targets == ("energy.power",) and not undated.weapons


def test_extract_uk_coordinated_targets_are_two(uk2: UkrainianExtractor) -> None:
    text = "Уночі ворог атакував Лозова дронами. Пошкоджено адміністративну будівлю та об'єкт промислової інфраструктури."
    claim = _one(uk2, text, datetime(2025, 5, 5, 9, 0, tzinfo=KYIV_SUMMER), "Харківська ОВА")
    assert set(claim.targets) == {"civilian", "industry"}
