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
from ceasewatch.model import Document
from geocoder_tables import table_geocoder

MSK = timezone(timedelta(hours=3))

GEO = table_geocoder(
    {
        "Морозовск": ("Morozovsk", "settlement", "RU-ROS"),
        "Киева": ("Kyiv", "settlement", "UA-30"),
        "Киев": ("Kyiv", "settlement", "UA-30"),
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
