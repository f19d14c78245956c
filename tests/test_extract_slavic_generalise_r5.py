"""Ukrainian/Russian extractor rules of round 5, each a class of wording:
overnight clock windows, denials of the other side's report, hedges inside
a target's description, home strikes in a document with a denial, towns in
-ск read as adjectives, coordinated "and no damage", background sentences
(habitual, future, described damage), Telegram feed stamps, hromadas that
only locate a village, inflected numerals read as other words, lowercase
model names, elided missile heads, subset counts, uncrewed boats, actors
that are not speakers, served sides, negated strikes, an oblast office's
bare "область", casualties after "N people received injuries". Hand-written
sentences; a fake geocoder answers the place lookups."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from ceasewatch.extract.slavic.ru import RussianExtractor
from ceasewatch.extract.slavic.uk import UkrainianExtractor
from ceasewatch.model import Claim, Document
from geocoder_tables import table_geocoder

MSK = timezone(timedelta(hours=3))
KYIV = timezone(timedelta(hours=3))

GEO = table_geocoder(
    {
        "Острогожске": ("Ostrogozhsk", "settlement", "RU-VOR"),
        "Павловском": ("Pavlovsk", "settlement", "RU-VOR"),
        "Брянской области": ("Bryansk Oblast", "region", "RU-BRY"),
        "Курской области": ("Kursk Oblast", "region", "RU-KRS"),
        "Воронежской области": ("Voronezh Oblast", "region", "RU-VOR"),
        "Лисками": ("Liski", "settlement", "RU-VOR"),
        "Харькове": ("Kharkiv", "settlement", "UA-63"),
        "Ізюму": ("Izium", "settlement", "UA-63"),
        "Балаклію": ("Balakliia", "settlement", "UA-63"),
        "Прудянка": ("Prudianka", "settlement", "UA-63"),
        "дергачів": ("Derhachi", "settlement", "UA-63"),
        "Краматорську": ("Kramatorsk", "settlement", "UA-14"),
        "Суми": ("Sumy", "settlement", "UA-59"),
        "Сумах": ("Sumy", "settlement", "UA-59"),
        "Брянській області": ("Bryansk Oblast", "region", "RU-BRY"),
        "Київській області": ("Kyiv Oblast", "region", "UA-32"),
        "Полтавська область": ("Poltava Oblast", "region", "UA-53"),
        "Шостці": ("Shostka", "settlement", "UA-59"),
        "Горловку": ("Horlivka", "settlement", "UA-14"),
        "Каменске-Шахтинском": ("Kamensk-Shakhtinsky", "settlement", "RU-ROS"),
    },
    lon=36.0,
)


@pytest.fixture(scope="module")
def ru() -> RussianExtractor:
    return RussianExtractor(geocoder=GEO)


@pytest.fixture(scope="module")
def uk() -> UkrainianExtractor:
    return UkrainianExtractor(geocoder=GEO)


def _claims(ex: RussianExtractor | UkrainianExtractor, text: str, published: datetime, publisher: str) -> list[Claim]:
    lang = "ru" if isinstance(ex, RussianExtractor) else "uk"
    return ex.extract(Document.create(text, publisher=publisher, published=published, language=lang))


def _counts(claim: Claim, measure: str) -> dict[str, int]:
    return {w.category: getattr(w, measure) for w in claim.weapons if getattr(w, measure) is not None}


# -- dates ---------------------------------------------------------------------


def test_overnight_clock_window_is_dated_by_its_morning(ru: RussianExtractor) -> None:
    text = ("В период с 21.00 мск 9 марта до 06.00 мск 10 марта дежурными средствами ПВО уничтожены "
            "17 украинских беспилотных летательных аппаратов над территорией Брянской области.")
    claims = _claims(ru, text, datetime(2025, 3, 10, 8, 0, tzinfo=MSK), "Министерство обороны России")
    assert [c.date for c in claims] == [date(2025, 3, 10)]
    assert _counts(claims[0], "intercepted") == {"drone": 17}


def test_feed_stamp_alone_on_its_line_starts_a_new_post(uk: UkrainianExtractor) -> None:
    text = ("09:10\nВчора ввечері ворог ударив по Ізюму, пошкоджено склад.\n\n"
            "16:45\nОкупанти атакували Балаклію ударним дроном, пошкоджено магазин.")
    claims = _claims(uk, text, datetime(2025, 5, 6, 17, 0, tzinfo=KYIV), "Харківська ОВА")
    by_day = {c.date: {p.name for p in c.places} for c in claims}
    assert by_day == {date(2025, 5, 5): {"Izium"}, date(2025, 5, 6): {"Balakliia"}}


# -- direction and stance -------------------------------------------------------


def test_denying_the_other_sides_report_denies_its_strike(ru: RussianExtractor) -> None:
    # no place at home in the sentence: only whose report is denied tells the direction
    text = "В Минобороны России назвали сообщения украинской стороны о поражении аэродрома ложными."
    claims = _claims(ru, text, datetime(2025, 6, 2, 12, 0, tzinfo=MSK), "Интерфакс")
    assert [(c.stance, c.attacker, c.target_country) for c in claims] == [("denied", "UA", "RU")]


def test_hedge_in_a_targets_description_is_no_denial(uk: UkrainianExtractor) -> None:
    text = ("У Міноборони РФ заявили, що вночі завдали удару по складах у Сумах, "
            "які нібито використовувала українська армія.")
    claims = _claims(uk, text, datetime(2025, 6, 2, 12, 0, tzinfo=KYIV), "Укрінформ")
    assert [(c.claimant.party, c.stance, c.attacker, c.target_country) for c in claims] == [("RU", "asserted", "RU", "UA")]


def test_home_interceptions_stay_home_in_a_document_with_a_denial(ru: RussianExtractor) -> None:
    text = ("Минобороны России опровергло удар по рынку в Харькове.\n\n"
            "Губернатор Воронежской области сообщил, что над Лисками уничтожены три беспилотника ВСУ.")
    claims = _claims(ru, text, datetime(2025, 6, 2, 12, 0, tzinfo=MSK), "РБК")
    home = [c for c in claims if c.stance == "asserted"]
    assert [(c.attacker, c.target_country) for c in home] == [("UA", "RU")]
    assert {p.name for p in home[0].places} == {"Liski"}


def test_an_acting_force_is_not_the_speaker(ru: RussianExtractor) -> None:
    text = "Вооруженные силы Украины днем обстреляли Горловку из артиллерии, сообщил глава города."
    claims = _claims(ru, text, datetime(2025, 6, 2, 18, 0, tzinfo=MSK), "РИА Новости")
    assert [(c.claimant.party, c.attacker) for c in claims] == [("RU", "UA")]


def test_force_after_dlya_is_served_not_striking(uk: UkrainianExtractor) -> None:
    text = "Уражено нафтобазу в Брянській області, з якої постачали пальне для армії рф."
    claims = _claims(uk, text, datetime(2025, 6, 2, 12, 0, tzinfo=KYIV), "Генеральний штаб ЗСУ")
    assert [(c.attacker, c.target_country) for c in claims] == [("UA", "RU")]


def test_a_strike_said_not_made_directs_nothing(ru: RussianExtractor) -> None:
    text = "В Минобороны России заявили, что все дроны были сбиты на подлете и ущерба складам не нанесено."
    claims = _claims(ru, text, datetime(2025, 6, 2, 9, 0, tzinfo=MSK), "Интерфакс")
    assert [(c.attacker, c.target_country) for c in claims] == [("UA", "RU")]


def test_energy_company_speaks_for_ukraine(uk: UkrainianExtractor) -> None:
    text = "Уночі ворог атакував об'єкти газовидобування на Полтавщині."
    claims = _claims(uk, text, datetime(2025, 6, 2, 9, 0, tzinfo=KYIV), "Укргазвидобування")
    assert [c.claimant.party for c in claims] == ["UA"]
    assert "energy.oil_gas" in claims[0].targets


# -- sentences that report no strike --------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "Нефтебаза в Туапсе уже несколько раз становилась целью атак украинских дронов."),
        ("uk", "Порт Ізмаїла регулярно потрапляє під удари російських дронів."),
        ("uk", "Склади в Одесі вже зазнавали ударів російських ракет."),
        ("uk", "Через удари графіки відключень завтра застосовуватимуть у Київській області."),
        ("uk", "Уряд збільшив виплати на відновлення будинків, пошкоджених обстрілами."),
    ],
)
def test_background_future_and_described_damage_give_no_claim(
    uk: UkrainianExtractor, ru: RussianExtractor, lang: str, text: str
) -> None:
    ex = ru if lang == "ru" else uk
    publisher = "ТАСС" if lang == "ru" else "Суспільне"
    assert _claims(ex, text, datetime(2025, 6, 2, 12, 0, tzinfo=MSK), publisher) == []


# -- places -------------------------------------------------------------------------


def test_town_in_sk_read_as_adjective_after_a_preposition(ru: RussianExtractor) -> None:
    text = "Ночью над Павловском силами ПВО сбиты два беспилотника."
    claims = _claims(ru, text, datetime(2025, 6, 2, 9, 0, tzinfo=MSK), "Губернатор Воронежской области")
    assert {p.name for p in claims[0].places} == {"Pavlovsk"}


def test_hromada_after_a_village_only_locates_it(uk: UkrainianExtractor) -> None:
    text = "Уламки дрона впали в селі Прудянка Дергачівської громади, пошкоджено будинок."
    claims = _claims(uk, text, datetime(2025, 6, 2, 12, 0, tzinfo=KYIV), "Харківська ОВА")
    assert {p.name for p in claims[0].places} == {"Prudianka"}


def test_bare_oblast_in_an_oblast_post_is_its_region(uk: UkrainianExtractor) -> None:
    text = "Протягом ночі сили ППО знешкодили над областю сім ворожих дронів."
    claims = _claims(uk, text, datetime(2025, 6, 2, 8, 0, tzinfo=KYIV), "Полтавська ОВА")
    assert list(claims[0].regions) == ["UA-53"]


# -- counts and weapons -------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "publisher", "measure", "expected"),
    [
        pytest.param("uk", "Росіяни вдарили по Краматорську трьома керованими авіабомбами.", "Донецька ОВА",
                     "launched", {"guided_bomb": 3}, id="strike verb vdaryty measures launched"),
        pytest.param("uk", "Зафіксовано влучання трьох ракет та п'яти ударних БпЛА.", "Повітряні сили ЗСУ",
                     "hit", {"missile": 3, "drone": 5}, id="numeral first read as another word"),
        pytest.param("uk", "Сьогодні вночі ворог атакував Суми вісьмома шахедами, сім із них збили.", "Сумська ОВА",
                     "launched", {"drone": 8}, id="lowercase model name is a weapon"),
        pytest.param("uk", "Протиповітряною обороною збито дві крилаті і три балістичні ракети.", "Повітряні сили ЗСУ",
                     "intercepted", {"cruise_missile": 2, "ballistic_missile": 3}, id="elided missile head is shared"),
        pytest.param("ru", "За ночь сбиты 30 украинских беспилотников, из них пятнадцать – над Брянской областью.",
                     "Министерство обороны России", "intercepted", {"drone": 30}, id="subset after the total adds nothing"),
        pytest.param("ru", "Ночью силами Черноморского флота уничтожены четыре безэкипажных катера ВСУ.",
                     "Министерство обороны России", "intercepted", {"other": 4}, id="uncrewed boats are other weapons"),
        pytest.param("ru", "Минобороны сообщило об уничтожении 23 украинских беспилотников над Курской областью.",
                     "Министерство обороны России", "intercepted", {"drone": 23},
                     id="destruction noun measures intercepted"),
    ],
)
def test_counts_and_weapons(request: pytest.FixtureRequest, lang: str, text: str, publisher: str, measure: str,
                            expected: dict[str, int]) -> None:
    extractor = request.getfixturevalue(lang)
    claims = _claims(extractor, text, datetime(2025, 6, 2, 9, 0, tzinfo=KYIV if lang == "uk" else MSK), publisher)
    assert _counts(claims[0], measure) == expected


# -- casualties ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "publisher", "field", "value"),
    [
        pytest.param("ru", "Ночью над Павловском уничтожены два беспилотника. Погибших и повреждений нет.",
                     "Губернатор Воронежской области", "killed", 0, id="coordinated noun before net still gives zero"),
        pytest.param("ru", "В Каменске-Шахтинском обломки упали на склад, три человека получили ранения.",
                     "Губернатор Ростовской области", "injured", 3, id="people who received injuries"),
        pytest.param("ru", "Вчера вечером в Каменске-Шахтинском упали обломки дрона. Четверо местных жителей получили ранения.",
                     "Губернатор Ростовской области", "injured", 4, id="adjective between number and people"),
        pytest.param("ru", "В Каменске-Шахтинском обломки дрона упали во двор. Осколочные ранения получил пожилой мужчина.",
                     "Губернатор Ростовской области", "injured", 1, id="person after the injury and its verb"),
        pytest.param("uk", "Уночі ворожий дрон влучив у підприємство в Шостці. Водій вантажівки отримав баротравму.",
                     "Сумська ОВА", "injured", 1, id="barotrauma is an injury"),
    ],
)
def test_casualties(request: pytest.FixtureRequest, lang: str, text: str, publisher: str, field: str,
                    value: int) -> None:
    extractor = request.getfixturevalue(lang)
    claims = _claims(extractor, text, datetime(2025, 6, 2, 8, 0, tzinfo=KYIV if lang == "uk" else MSK), publisher)
    assert getattr(claims[0], field) == value


def test_nightly_attack_adjective_dates_the_night(ru: RussianExtractor) -> None:
    text = "В Харькове в результате ночной атаки пострадали пять человек."
    claims = _claims(ru, text, datetime(2025, 6, 2, 13, 0, tzinfo=MSK), "Медуза")
    assert [c.date for c in claims] == [date(2025, 6, 2)]


def test_ammunition_depot_abbreviation_is_military(uk: UkrainianExtractor) -> None:
    text = "Уночі Сили оборони уразили склад БК у Брянській області."
    claims = _claims(uk, text, datetime(2025, 6, 2, 12, 0, tzinfo=KYIV), "Генеральний штаб ЗСУ")
    assert list(claims[0].targets) == ["military"]


def test_first_name_after_an_office_is_no_place(ru: RussianExtractor) -> None:
    text = "Вечером ВСУ атаковали Горловку, погибли двое. Об этом сообщил глава города Иван Приходько."
    geo = table_geocoder({"Горловку": ("Horlivka", "settlement", "UA-14"), "Иван": ("Ivanivka", "settlement", "UA-63")},
                         lon=38.0)
    claims = _claims(RussianExtractor(geocoder=geo), text, datetime(2025, 6, 2, 12, 0, tzinfo=MSK), "Интерфакс")
    assert [(c.claimant.party, c.target_country) for c in claims] == [("RU", "RU")]
    assert {p.name for p in claims[0].places} == {"Horlivka"}


def test_troop_location_is_a_military_target_in_translation(uk: UkrainianExtractor) -> None:
    text = ("Уранці росіяни вдарили ракетою по Шостці. За даними Міноборони РФ, удару було завдано "
            "по місцю зосередження українських військових.")
    claims = _claims(uk, text, datetime(2025, 6, 2, 12, 0, tzinfo=KYIV), "Українська правда")
    ru_claims = [c for c in claims if c.claimant.party == "RU"]
    assert [(c.claimant.name, c.attacker, list(c.targets)) for c in ru_claims] == [("Міноборони РФ", "RU", ["military"])]


def test_coordinated_target_adjectives_share_the_head(uk: UkrainianExtractor) -> None:
    text = "Уночі ворог атакував Суми, пошкоджено об'єкти енергетичної та транспортної інфраструктури."
    claims = _claims(uk, text, datetime(2025, 6, 2, 9, 0, tzinfo=KYIV), "Сумська ОВА")
    assert set(claims[0].targets) == {"energy", "transport"}


def test_denial_of_the_other_sides_destruction_claim(uk: UkrainianExtractor) -> None:
    text = "У Повітряних силах ЗСУ спростували заяви Міноборони РФ про знищення українського ЗРК на Полтавщині."
    claims = _claims(uk, text, datetime(2025, 6, 2, 12, 0, tzinfo=KYIV), "Укрінформ")
    assert [(c.claimant.party, c.stance, c.attacker, c.target_country) for c in claims] == [("UA", "denied", "RU", "UA")]


def test_evening_to_morning_of_weekdays_is_one_night(ru: RussianExtractor) -> None:
    text = "С вечера пятницы до утра субботы над Павловском уничтожены 11 беспилотников."
    claims = _claims(ru, text, datetime(2025, 6, 2, 12, 0, tzinfo=MSK), "Губернатор Воронежской области")
    assert [c.date for c in claims] == [date(2025, 5, 31)]  # 2 June 2025 is a Monday


def test_one_sided_model_names_the_attacker(uk: UkrainianExtractor) -> None:
    text = "Протягом ночі над Сумами збито 9 шахедів."
    claims = _claims(uk, text, datetime(2025, 6, 2, 8, 0, tzinfo=KYIV), "Сумська ОВА")
    assert [(c.attacker, c.target_country) for c in claims] == [("RU", "UA")]


def test_total_in_units_inside_an_aside(uk: UkrainianExtractor) -> None:
    text = "Уночі ворог атакував ударними БпЛА типу «Гербера» (загалом 37 одиниць). Збито 30 дронів."
    claims = _claims(uk, text, datetime(2025, 6, 2, 8, 0, tzinfo=KYIV), "Повітряні сили ЗСУ")
    assert _counts(claims[0], "launched") == {"drone": 37}
