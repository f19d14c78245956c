"""Russian extractor rules added to generalise beyond the dev corpus:
denials of the other side's strike, MoD summaries mixing own strikes with
interceptions, owner genitives, settlement heads before odd-tagged names,
city districts, the capital, and everyday wordings ("подавлены средствами
РЭБ", "над акваторией Азовского моря", "повреждены линии электропередачи").
Hand-written sentences; a fake geocoder answers the place lookups."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from ceasewatch.extract.slavic.ru import RussianExtractor
from ceasewatch.geocode.base import Candidate
from ceasewatch.geocode.fake import StaticGeocoder
from ceasewatch.model import Document
from geocoder_tables import table_geocoder

MSK = timezone(timedelta(hours=3))

GEO = table_geocoder(
    {
        "Морозовск": ("Morozovsk", "settlement", "RU-ROS"),
        "Киева": ("Kyiv", "settlement", "UA-30"),
        "Киев": ("Kyiv", "settlement", "UA-30"),
        "Киеве": ("Kyiv", "settlement", "UA-30"),
        "Андреевка": ("Andriivka", "settlement", "UA-59"),
        "Сызрань": ("Syzran", "settlement", "RU-SAM"),
        "Крыму": ("Autonomous Republic of Crimea", "region", "UA-43"),
        "Київ": ("Kyiv", "settlement", "UA-30"),
        "Москва": ("Moscow", "settlement", "RU-MOW"),
        "Малиново": ("Malinovo", "settlement", "RU-BRY"),
        "Курск": ("Kursk", "settlement", "RU-KRS"),
        "ленинск": ("Leninsk", "settlement", "RU-VGG"),
        "брянская область": ("Bryansk Oblast", "region", "RU-BRY"),
        "Брянской области": ("Bryansk Oblast", "region", "RU-BRY"),
        "Ростовской области": ("Rostov Oblast", "region", "RU-ROS"),
        "Азовского моря": ("Sea of Azov", "sea", "SEA-AZOV"),
    },
    lon=40.0,
)


@pytest.fixture(scope="module")
def ru() -> RussianExtractor:
    return RussianExtractor(geocoder=GEO)


def _claims(ru: RussianExtractor, text: str, published: datetime, publisher: str):
    return ru.extract(Document.create(text, publisher=publisher, published=published, language="ru"))


def test_extract_ru_denial_of_the_other_sides_strike(ru: RussianExtractor) -> None:
    text = (
        "В Минобороны России опровергли заявление Киева об ударе по аэродрому Морозовск.\n\n"
        "В ночь на четверг, по версии украинской стороны, дроны поразили самолеты на аэродроме. "
        "В ведомстве назвали эти сведения ложными. «Ни один самолет не был поврежден», — говорится в сообщении."
    )
    claims = _claims(ru, text, datetime(2025, 4, 10, 12, 0, tzinfo=MSK), "РИА Новости")
    denied = [c for c in claims if c.stance == "denied"]
    assert len(denied) == 1
    assert (denied[0].attacker, denied[0].target_country) == ("UA", "RU")
    assert [p.name for p in denied[0].places] == ["Morozovsk"]
    assert all(p.name != "Kyiv" for c in claims for p in c.places)  # "заявление Киева" is a government
    assert not [c for c in claims if c.target_country == "UA"]


def test_extract_ru_mod_summary_separates_own_strikes_from_interceptions(ru: RussianExtractor) -> None:
    text = (
        "За неделю нанесено шесть групповых ударов, поражены объекты энергетики Украины и аэродромы.\n\n"
        "Средствами ПВО сбиты 8 управляемых авиабомб и 300 беспилотных летательных аппаратов."
    )
    claims = _claims(ru, text, datetime(2025, 4, 12, 15, 0, tzinfo=MSK), "Министерство обороны Российской Федерации")
    by_dir = {(c.attacker, c.target_country): c for c in claims}
    assert set(by_dir) == {("RU", "UA"), ("UA", "RU")}
    assert set(by_dir[("RU", "UA")].targets) == {"energy", "military"}
    assert not by_dir[("RU", "UA")].weapons or all(w.intercepted is None for w in by_dir[("RU", "UA")].weapons)
    assert {w.category: w.intercepted for w in by_dir[("UA", "RU")].weapons} == {"guided_bomb": 8, "drone": 300}
    assert by_dir[("UA", "RU")].targets == ()


def test_extract_ru_governor_interception_leaves_attacker_unsaid(ru: RussianExtractor) -> None:
    text = "Сегодня ночью над Брянской областью подавлены средствами РЭБ 5 беспилотников."
    (claim,) = _claims(ru, text, datetime(2025, 4, 12, 8, 0, tzinfo=MSK), "Губернатор Брянской области")
    # electronic warfare "suppresses": spec section 1 counts that as lost, not intercepted
    assert claim.attacker is None and claim.weapons[0].lost == 5


def test_extract_ru_settlement_head_accepts_an_odd_tagged_name(ru: RussianExtractor) -> None:
    # "Малиново" is tagged as a short adjective
    text = "Сегодня ночью ВСУ атаковали беспилотником поселок. В поселке Малиново повреждены линии электропередачи."
    (claim,) = _claims(ru, text, datetime(2025, 4, 12, 8, 0, tzinfo=MSK), "Губернатор Брянской области")
    assert [p.name for p in claim.places] == ["Malinovo"]
    assert claim.targets == ("energy.power",) and claim.attacker == "UA"


def test_extract_ru_city_district_of_another_region_is_dropped(ru: RussianExtractor) -> None:
    text = "Сегодня ночью Курск подвергся атаке беспилотников. В Ленинском районе поврежден жилой дом."
    (claim,) = _claims(ru, text, datetime(2025, 4, 12, 8, 0, tzinfo=MSK), "Губернатор Курской области")
    assert [p.name for p in claim.places] == ["Kursk"]


def test_extract_ru_capital_is_the_struck_sides(ru: RussianExtractor) -> None:
    text = "Сегодня ночью беспилотники ВСУ пытались атаковать столицу. Сбиты 7 БПЛА."
    (claim,) = _claims(ru, text, datetime(2025, 4, 12, 8, 0, tzinfo=MSK), "Мэр Москвы")
    assert [p.name for p in claim.places] == ["Moscow"] and claim.regions == ("RU-MOW",)


def test_extract_ru_one_per_line_list_and_a_sea(ru: RussianExtractor) -> None:
    text = (
        "В ночь на 12 апреля дежурными средствами ПВО перехвачены и уничтожены 20 украинских БПЛА:\n"
        "12 БПЛА — над территорией Брянской области,\n"
        "8 БПЛА — над акваторией Азовского моря."
    )
    (claim,) = _claims(ru, text, datetime(2025, 4, 12, 8, 0, tzinfo=MSK), "Министерство обороны Российской Федерации")
    assert claim.regions == ("RU-BRY", "SEA-AZOV")
    assert claim.weapons[0].intercepted == 20


@pytest.mark.parametrize(
    ("sentence", "killed", "injured"),
    [("Погибших и пострадавших среди мирных жителей нет.", 0, 0), ("Пострадавших не выявлено.", None, 0)],
)
def test_extract_ru_zero_casualty_wordings(ru: RussianExtractor, sentence: str, killed, injured) -> None:
    text = "Сегодня ночью ВСУ атаковали беспилотником Курск, поврежден частный дом. " + sentence
    (claim,) = _claims(ru, text, datetime(2025, 4, 12, 8, 0, tzinfo=MSK), "Губернатор Курской области")
    assert (claim.killed, claim.injured) == (killed, injured)


def test_extract_ru_all_of_them_measures_the_launch_before(ru: RussianExtractor) -> None:
    text = "Вчера ВСУ выпустили по Брянской области четыре ракеты. Все они были сбиты средствами ПВО."
    (claim,) = _claims(ru, text, datetime(2025, 4, 12, 9, 0, tzinfo=MSK), "Губернатор Брянской области")
    (missile,) = claim.weapons
    assert (missile.launched, missile.intercepted) == (4, 4)


# -- issue 5 follow-up: rules found with the Ukrainian/Russian probe set ----------------------------
# New sentences, one or two per rule.


def _cand(name: str, kind: str, region: str, lat: float = 50.0, lon: float = 40.0) -> Candidate:
    return Candidate(name, kind, region, None if region.startswith("SEA") else region[:2], lat=lat, lon=lon, score=0.95)


GEO_NEWS = StaticGeocoder(
    {
        "ВОРОНЕЖ": [_cand("Voronezh", "settlement", "RU-VOR", 51.7, 39.2)],
        "Россошь": [_cand("Rossosh", "settlement", "RU-VOR", 50.2, 39.6)],
        "ростов-на-дону": [_cand("Rostov-on-Don", "settlement", "RU-ROS", 47.2, 39.7)],
        "каменск-шахтинский": [_cand("Kamensk-Shakhtinsky", "settlement", "RU-ROS", 48.3, 40.3)],
        "Белгородской области": [_cand("Belgorod Oblast", "region", "RU-BEL")],
        "Малиново": [_cand("Malinovo", "settlement", "RU-BRY", 52.5, 33.0)],
        "Курск": [_cand("Kursk", "settlement", "RU-KRS", 51.7, 36.2)],
        "Брянской области": [_cand("Bryansk Oblast", "region", "RU-BRY")],
        "Азовского моря": [_cand("Sea of Azov", "sea", "SEA-AZOV")],
        "Киеве": [_cand("Kyiv", "settlement", "UA-30", 50.45, 30.5)],
    }
)


@pytest.fixture(scope="module")
def ru_news() -> RussianExtractor:
    return RussianExtractor(geocoder=GEO_NEWS)


def test_extract_ru_dateline_is_neither_place_nor_day(ru_news: RussianExtractor) -> None:
    text = "ВОРОНЕЖ, 12 мая. /ТАСС/. Ночью беспилотник ВСУ атаковал Россошь, поврежден жилой дом."
    (claim,) = _claims(ru_news, text, datetime(2025, 5, 13, 10, 0, tzinfo=MSK), "ТАСС")
    assert str(claim.date) == "2025-05-13" and [p.name for p in claim.places] == ["Rossosh"]


def test_extract_ru_past_day_and_eve(ru: RussianExtractor) -> None:
    text = "За прошедшие сутки ВСУ обстреляли поселок, поврежден дом. Накануне вечером сбиты 3 беспилотника."
    (claim,) = _claims(ru, text, datetime(2025, 5, 13, 9, 0, tzinfo=MSK), "Губернатор Брянской области")
    assert str(claim.date) == "2025-05-12"


def test_extract_ru_week_summary_has_no_date(ru: RussianExtractor) -> None:
    text = "В течение недели средствами ПВО сбиты 7 управляемых авиабомб.\n\nТакже перехвачены 210 беспилотников."
    (claim,) = _claims(ru, text, datetime(2025, 5, 16, 15, 0, tzinfo=MSK), "Министерство обороны Российской Федерации")
    assert claim.date is None
    assert {w.category: w.intercepted for w in claim.weapons} == {"guided_bomb": 7, "drone": 210}


def test_extract_ru_dropped_bombs_are_launched(ru: RussianExtractor) -> None:
    text = "Вчера противник сбросил на поселок две авиабомбы, повреждены дома."
    (claim,) = _claims(ru, text, datetime(2025, 5, 13, 9, 0, tzinfo=MSK), "Губернатор Брянской области")
    assert [(w.category, w.launched) for w in claim.weapons] == [("guided_bomb", 2)]


def test_extract_ru_one_more_after_a_region_list(ru: RussianExtractor) -> None:
    text = (
        "В ночь на 12 мая дежурными средствами ПВО перехвачены и уничтожены 9 украинских БПЛА:\n"
        "5 – над территорией Брянской области,\n"
        "4 – над акваторией Азовского моря.\n"
        "Кроме того, утром над территорией Брянской области уничтожены еще два БПЛА."
    )
    (claim,) = _claims(ru, text, datetime(2025, 5, 12, 11, 0, tzinfo=MSK), "Министерство обороны Российской Федерации")
    assert claim.weapons[0].intercepted == 11 and not claim.warnings


def test_extract_ru_birth_year_is_no_count(ru: RussianExtractor) -> None:
    text = "Вчера ВСУ атаковали дроном автомобиль. Пострадал мужчина 1980 г.р., никто больше не пострадал."
    (claim,) = _claims(ru, text, datetime(2025, 5, 13, 9, 0, tzinfo=MSK), "Губернатор Брянской области")
    assert claim.injured == 1


def test_extract_ru_warehouse_and_assembly_sites(ru: RussianExtractor) -> None:
    text = "Вчера поврежден склад на территории промышленного предприятия. Поражены места сборки беспилотников."
    claims = _claims(ru, text, datetime(2025, 5, 13, 9, 0, tzinfo=MSK), "Губернатор Брянской области")
    assert {t for c in claims for t in c.targets} == {"industry"}
    text = "За неделю нанесены удары по объектам газовой инфраструктуры и местам сборки дронов."
    (claim,) = _claims(ru, text, datetime(2025, 5, 16, 15, 0, tzinfo=MSK), "Министерство обороны Российской Федерации")
    assert set(claim.targets) == {"energy.oil_gas", "industry"}


def test_extract_ru_inflected_compound_town_names(ru_news: RussianExtractor) -> None:
    text = "Ночью в Ростове-на-Дону и Каменске-Шахтинском обломки беспилотников повредили дома."
    (claim,) = _claims(ru_news, text, datetime(2025, 5, 13, 9, 0, tzinfo=MSK), "Губернатор Ростовской области")
    assert [p.name for p in claim.places] == ["Rostov-on-Don", "Kamensk-Shakhtinsky"]


def test_extract_ru_office_region_only_when_nothing_else(ru_news: RussianExtractor) -> None:
    text = "Губернатор Белгородской области Иван Петров сообщил, что ночью беспилотник ВСУ повредил дом в селе Малиново."
    (claim,) = _claims(ru_news, text, datetime(2025, 5, 13, 9, 0, tzinfo=MSK), "ТАСС")
    assert claim.regions == ("RU-BRY",)
    text = "Губернатор Белгородской области сообщил, что ночью ВСУ атаковали беспилотниками два села, повреждены дома."
    (claim,) = _claims(ru_news, text, datetime(2025, 5, 13, 9, 0, tzinfo=MSK), "ТАСС")
    assert claim.regions == ("RU-BEL",)


def test_extract_ru_own_ministry_strike_on_an_enemy_unit(ru: RussianExtractor) -> None:
    text = (
        "Российские войска не наносили удар по рынку, заявили в Минобороны РФ. "
        "При этом в ведомстве сообщили, что вчера поражен склад боеприпасов бригады ВСУ."
    )
    claims = _claims(ru, text, datetime(2025, 5, 13, 15, 0, tzinfo=MSK), "Интерфакс")
    asserted = [c for c in claims if c.stance == "asserted"]
    assert [(c.attacker, c.target_country, c.targets) for c in asserted] == [("RU", "UA", ("military",))]


def test_extract_ru_other_sides_figures_told_over_two_sentences(ru: RussianExtractor) -> None:
    text = (
        "В Воздушных силах ВСУ заявили, что ночью Россия выпустила 50 беспилотников. По их данным, сбиты 40 дронов. "
        "Украинская сторона также сообщила о повреждении подстанции."
    )
    (claim,) = _claims(ru, text, datetime(2025, 5, 13, 12, 0, tzinfo=MSK), "РИА Новости")
    assert (claim.claimant.party, claim.attacker, claim.target_country) == ("UA", "RU", "UA")
    assert (claim.weapons[0].launched, claim.weapons[0].intercepted) == (50, 40)
    assert claim.targets == ("energy.power",)


def test_extract_ru_headline_only_adds_to_the_body(ru_news: RussianExtractor) -> None:
    text = (
        "Минобороны сообщило об ударах по складам ВСУ\n\n"
        "В ночь на 13 мая беспилотники ВСУ атаковали Курск, поврежден жилой дом."
    )
    claims = _claims(ru_news, text, datetime(2025, 5, 13, 12, 0, tzinfo=MSK), "ТАСС")
    assert [(c.attacker, c.target_country) for c in claims] == [("UA", "RU")]


def test_extract_ru_heard_explosions_and_rejected_reports(ru_news: RussianExtractor) -> None:
    assert _claims(ru_news, "Ранее в Курске были слышны взрывы.", datetime(2025, 5, 13, 12, 0, tzinfo=MSK), "ТАСС") == []
    text = "Минобороны РФ отвергло сообщения об ударе по больнице в Киеве в понедельник."
    (claim,) = _claims(ru_news, text, datetime(2025, 5, 13, 12, 0, tzinfo=MSK), "ТАСС")
    assert (claim.stance, claim.attacker, claim.target_country) == ("denied", "RU", "UA")


# --- round 2: lists without a figure in the intro, mortar rounds, "all four", grown figures, terms ---

GEO_RU2 = table_geocoder(
    {
        "Курской области": ("Kursk Oblast", "region", "RU-KRS"),
        "Брянской области": ("Bryansk Oblast", "region", "RU-BRY"),
        "Белгородской области": ("Belgorod Oblast", "region", "RU-BEL"),
        "Климово": ("Klimovo", "settlement", "RU-BRY"),
        "Белгород": ("Belgorod", "settlement", "RU-BEL"),
        "Белгороде": ("Belgorod", "settlement", "RU-BEL"),
        "Шебекино": ("Shebekino", "settlement", "RU-BEL"),
        "Москва": ("Moscow", "settlement", "RU-MOW"),
    },
    lon=36.0,
)


@pytest.fixture(scope="module")
def ru2() -> RussianExtractor:
    return RussianExtractor(geocoder=GEO_RU2)


def _by_type(claim) -> dict[str, tuple[int | None, int | None, int | None, int | None]]:
    return {w.category: (w.launched, w.intercepted, w.lost, w.hit) for w in claim.weapons}


def test_extract_ru_list_under_an_intro_without_a_figure(ru2: RussianExtractor) -> None:
    text = (
        "Минувшей ночью средствами ПВО уничтожены украинские беспилотники:\n"
        "11 — над территорией Курской области,\n"
        "7 — над территорией Брянской области,\n"
        "2 — над территорией Белгородской области."
    )
    (claim,) = _claims(ru2, text, datetime(2025, 6, 2, 8, 0, tzinfo=MSK), "Министерство обороны России")
    assert _by_type(claim) == {"drone": (None, 20, None, None)}
    assert set(claim.regions) == {"RU-KRS", "RU-BRY", "RU-BEL"}


def test_extract_ru_mortar_rounds_and_all_four_missiles(ru2: RussianExtractor) -> None:
    text = (
        "Вчера ВСУ выпустили по селу Климово двенадцать мин. "
        "Сегодня ночью противник атаковал Белгород ракетами ATACMS. Все четыре ракеты сбиты силами ПВО."
    )
    claims = _claims(ru2, text, datetime(2025, 6, 2, 9, 0, tzinfo=MSK), "Губернатор Брянской области")
    by_day = {str(c.date): c for c in claims}
    assert _by_type(by_day["2025-06-01"])["artillery"][0] == 12
    assert _by_type(by_day["2025-06-02"]) == {"ballistic_missile": (4, 4, None, None)}


def test_extract_ru_grown_casualty_figure_and_towns_add_up(ru2: RussianExtractor) -> None:
    text = (
        "Противник атаковал Шебекино дронами, ранены два человека.\n\n"
        "В Белгороде беспилотник ударил по автомобилю, погиб мужчина. "
        "Число пострадавших в Шебекино выросло до пяти."
    )
    (claim,) = _claims(ru2, text, datetime(2025, 6, 2, 18, 0, tzinfo=MSK), "Губернатор Белгородской области")
    assert (claim.killed, claim.injured) == (1, 5)


def test_extract_ru_failed_interception_is_zero(ru2: RussianExtractor) -> None:
    text = "Сегодня противник выпустил по Белгороду две баллистические ракеты. Перехватить ракеты не удалось."
    (claim,) = _claims(ru2, text, datetime(2025, 6, 2, 18, 0, tzinfo=MSK), "Губернатор Белгородской области")
    assert _by_type(claim)["ballistic_missile"][:2] == (2, 0)


def test_extract_ru_list_of_facilities_not_to_strike_is_no_claim(ru2: RussianExtractor) -> None:
    text = (
        "Москва опубликовала перечень объектов энергетики, удары по которым стороны не должны наносить. "
        "В перечень вошли подстанции и нефтебазы."
    )
    assert _claims(ru2, text, datetime(2025, 6, 2, 18, 0, tzinfo=MSK), "Вестник") == []


# -- round 3: dates of reports and day parts, quoted sources, ground combat --------------------


def test_extract_ru_bare_evening_keeps_the_weekday_of_its_paragraph(ru: RussianExtractor) -> None:
    text = (
        "Во вторник при атаке украинского беспилотника на Курск ранены двое жителей. "
        "Вечером число погибших выросло до двух."
    )
    claims = _claims(ru, text, datetime(2025, 5, 8, 20, 0, tzinfo=MSK), "Губернатор Курской области")
    assert [(c.date, c.killed) for c in claims] == [(datetime(2025, 5, 6).date(), 2)]


def test_extract_ru_statement_made_yesterday_dates_its_strike(ru: RussianExtractor) -> None:
    text = (
        "В ночь на пятницу над территорией Ростовской области сбиты пять украинских БПЛА.\n\n"
        "Губернатор Брянской области накануне вечером сообщил, что ВСУ обстреляли из минометов село Малиново."
    )
    claims = _claims(ru, text, datetime(2025, 5, 9, 9, 0, tzinfo=MSK), "ТАСС")
    by_day = {c.date: c for c in claims}
    assert [p.name for p in by_day[datetime(2025, 5, 8).date()].places] == ["Malinovo"]
    assert list(by_day[datetime(2025, 5, 9).date()].regions) == ["RU-ROS"]


def test_extract_ru_side_in_an_institution_name_is_no_attacker(ru: RussianExtractor) -> None:
    text = (
        "Воздушные силы ВСУ заявили, что за ночь сбиты 20 ракет.\n\n"
        "Губернатор Ростовской области сообщил, что силы ПВО уничтожили над областью четыре беспилотника."
    )
    claims = _claims(ru, text, datetime(2025, 5, 9, 9, 0, tzinfo=MSK), "ТАСС")
    home = [c for c in claims if c.claimant.party == "RU"]
    assert len(home) == 1 and home[0].attacker is None and list(home[0].regions) == ["RU-ROS"]


def test_extract_ru_according_to_and_impersonal_report_keep_the_source(ru: RussianExtractor) -> None:
    text = (
        "Минобороны России заявило о групповом ударе по объектам энергетики Украины. "
        "По данным украинской стороны, сбиты 12 дронов. Сообщается о повреждении подстанции в Киеве."
    )
    claims = _claims(ru, text, datetime(2025, 5, 9, 9, 0, tzinfo=MSK), "РИА Новости")
    ua = [c for c in claims if c.claimant.party == "UA"]
    assert len(ua) == 1 and ua[0].target_country == "UA"
    assert [(w.category, w.intercepted) for w in ua[0].weapons] == [("drone", 12)]
    assert [p.name for p in ua[0].places] == ["Kyiv"]


def test_extract_ru_liberated_settlement_is_no_strike_place(ru: RussianExtractor) -> None:
    text = (
        "Подразделения группировки войск «Север» освободили населенный пункт Андреевка. "
        "Средствами ПВО сбиты пять беспилотников."
    )
    claims = _claims(ru, text, datetime(2025, 5, 9, 9, 0, tzinfo=MSK), "Министерство обороны России")
    assert claims and all(not c.places and not c.regions for c in claims)


def test_extract_ru_talks_in_the_imperfective_make_no_claim(ru: RussianExtractor) -> None:
    text = "Весной стороны уже договаривались о паузе в ударах по объектам энергетики, сообщил источник."
    assert _claims(ru, text, datetime(2025, 5, 9, 9, 0, tzinfo=MSK), "Коммерсантъ") == []


def test_extract_ru_general_staff_reporting_a_hit_as_a_noun(ru: RussianExtractor) -> None:
    text = "Генштаб ВСУ заявил о поражении нефтебазы в Курске."
    claims = _claims(ru, text, datetime(2025, 5, 9, 9, 0, tzinfo=MSK), "ТАСС")
    ua = [c for c in claims if c.claimant.party == "UA"]
    assert [(c.attacker, c.target_country) for c in ua] == [("UA", "RU")]
    assert "energy.oil_gas" in ua[0].targets


def test_extract_ru_launch_sources_after_a_launch_participle(ru: RussianExtractor) -> None:
    from ceasewatch.extract.slavic.scan import scan

    text = (
        "Воздушные силы ВСУ заявили, что ночью Россия выпустила 40 дронов, запущенных из района Курска, "
        "с мыса Чауда в Крыму, а также повреждена подстанция в Киеве."
    )
    toks = ru.analyzer.tokens(text)
    sc = scan(toks, text, ru.lexicon)
    marked = {toks[i].text for i in sc.direction}  # launch sites: no region or place of the strike
    assert {"Курска", "Чауда", "Крыму"} <= marked
    assert "Киеве" not in marked and "подстанция" not in marked


def test_extract_ru_town_adjective_before_a_capitalised_abbreviation(ru: RussianExtractor) -> None:
    text = "Ночью украинские беспилотники атаковали Сызранскую ТЭЦ, возник пожар."
    claims = _claims(ru, text, datetime(2025, 5, 9, 9, 0, tzinfo=MSK), "Губернатор Самарской области")
    assert [p.name for c in claims for p in c.places] == ["Syzran"]
    assert "energy.power" in claims[0].targets
