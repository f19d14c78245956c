"""Russian extractor rules of round 4 (classes of wording, not sentences):
who speaks in a news round-up (local offices, short names, paragraphs, "Об
этом сообщил"), whose attacker a voice names, truce accusations and truce
periods, day ranges, denials of reported damage, beneficiaries ("в интересах
ВСУ"), owners ("склад боеприпасов ВСУ"), outlets' own voice (OTHER) and relays of the source their paragraph
quotes, multi-sentence headlines, part counts
("15 из них"), implied single items, repelled attacks, compound target
nouns, street names, inflected compound names, district headings and live
posts. Hand-written sentences; a fake geocoder answers the place lookups."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from ceasewatch.extract.slavic.ru import RussianExtractor
from ceasewatch.model import Document
from geocoder_tables import table_geocoder

MSK = timezone(timedelta(hours=3))

GEO = table_geocoder(
    {
        "Харькова": ("Kharkiv", "settlement", "UA-63"),
        "Харькове": ("Kharkiv", "settlement", "UA-63"),
        "Сумской области": ("Sumy Oblast", "region", "UA-59"),
        "Саратовской области": ("Saratov Oblast", "region", "RU-SAR"),
        "Курской области": ("Kursk Oblast", "region", "RU-KRS"),
        "Брянской области": ("Bryansk Oblast", "region", "RU-BRY"),
        "Брянскую область": ("Bryansk Oblast", "region", "RU-BRY"),
        "Белгородской области": ("Belgorod Oblast", "region", "RU-BEL"),
        "Херсонской области": ("Kherson Oblast", "region", "UA-65"),
        "Орловской области": ("Oryol Oblast", "region", "RU-ORL"),
        "Тамбовской области": ("Tambov Oblast", "region", "RU-TAM"),
        "Воронежской области": ("Voronezh Oblast", "region", "RU-VOR"),
        "Ливнах": ("Livny", "settlement", "RU-ORL"),
        "Энгельсе": ("Engels", "settlement", "RU-SAR", 0.4),
        "Энгельс": ("Engels", "settlement", "RU-SAR"),
        "Балашов": ("Balashov", "settlement", "RU-SAR"),
        "Новой Каховке": ("Nova Kakhovka", "settlement", "UA-65"),
        "Николаевку-Вторую": ("Mykolaivka", "settlement", "RU-BEL", 0.2),
        "николаевка-вторая": ("Mykolaivka", "settlement", "RU-BEL"),
        "Мичуринск": ("Michurinsk", "settlement", "RU-TAM"),
        "Курчатова": ("Kurchatov", "settlement", "RU-KRS"),
        "Лиски": ("Liski", "settlement", "RU-VOR"),
        "Стрелецкое": ("Streletskoye", "settlement", "RU-BEL"),
        "Белгородский": ("Belgorod", "settlement", "RU-BEL"),
        "белгород": ("Belgorod", "settlement", "RU-BEL"),
    },
    lon=37.0,
)


@pytest.fixture(scope="module")
def ru() -> RussianExtractor:
    return RussianExtractor(geocoder=GEO)


def _claims(ru: RussianExtractor, text: str, published: datetime, publisher: str):
    return ru.extract(Document.create(text, publisher=publisher, published=published, language="ru"))


def _by_key(claims):
    return {(c.claimant.party, c.stance, c.attacker, c.target_country): c for c in claims}


def test_ru_local_office_takes_the_side_of_its_place(ru: RussianExtractor) -> None:
    # a media round-up: the mayor of a Ukrainian city speaks for Ukraine, not for the Russian-language outlet
    text = (
        "Мэр Харькова Игорь Терехов сообщил, что ночью российские дроны атаковали город. "
        "В Харькове повреждены две многоэтажки, ранены пять человек."
    )
    (claim,) = _claims(ru, text, datetime(2025, 7, 2, 10, 0, tzinfo=MSK), "Интерфакс")
    assert (claim.claimant.party, claim.attacker, claim.target_country) == ("UA", "RU", "UA")
    assert claim.injured == 5 and claim.regions == ("UA-63",)


def test_ru_occupation_head_speaks_for_russia(ru: RussianExtractor) -> None:
    text = "Глава Херсонской области Владимир Сальдо заявил, что вчера ВСУ обстреляли подстанцию в Новой Каховке."
    (claim,) = _claims(ru, text, datetime(2025, 7, 3, 10, 0, tzinfo=MSK), "РИА Новости")
    assert (claim.claimant.party, claim.attacker, claim.target_country) == ("RU", "UA", "RU")
    assert claim.date.isoformat() == "2025-07-02" and "energy.power" in claim.targets


def test_ru_the_military_and_a_short_name_reuse_the_institution_named_before(ru: RussianExtractor) -> None:
    text = (
        "Генштаб ВСУ заявил, что в ночь на пятницу был поражен нефтеперерабатывающий завод в Саратовской области. "
        "По данным Генштаба, также поражен аэродром.\n\n"
        "Украинские военные сообщили, что в пятницу сбиты 14 российских беспилотников."
    )
    claims = _claims(ru, text, datetime(2025, 7, 4, 12, 0, tzinfo=MSK), "Коммерсантъ")
    by_key = _by_key(claims)
    own = by_key[("UA", "asserted", "UA", "RU")]
    assert set(own.targets) == {"energy.oil_gas", "military"}  # the airfield stays the General Staff's
    defended = by_key[("UA", "asserted", "RU", "UA")]
    assert defended.weapons[0].intercepted == 14
    assert all(c.claimant.party == "UA" for c in claims)


def test_ru_news_paragraph_goes_on_in_the_quoted_voice(ru: RussianExtractor) -> None:
    text = (
        "В Сумской области ночью атакован объект энергетики, сообщила украинская сторона. "
        "Без света остались 20 тысяч абонентов. Погибли два человека."
    )
    (claim,) = _claims(ru, text, datetime(2025, 7, 5, 10, 0, tzinfo=MSK), "РБК")
    assert claim.claimant.party == "UA" and claim.killed == 2


def test_ru_about_this_attributes_the_sentence_before(ru: RussianExtractor) -> None:
    text = (
        "ЛИПЕЦК, 6 июля. /ТАСС/. Беспилотники атаковали Ливны, повреждены частные дома. Об этом сообщили "
        "в оперативном штабе Орловской области.\n\n"
        "Минобороны РФ сообщило, что за ночь над Брянской областью украинские беспилотники были уничтожены."
    )
    claims = _claims(ru, text, datetime(2025, 7, 6, 10, 0, tzinfo=MSK), "ТАСС")
    # the Orel headquarters names no attacker; the ministry's "украинские беспилотники" are not theirs
    hq = [c for c in claims if "RU-ORL" in c.regions]
    assert len(hq) == 1 and hq[0].attacker is None


def test_ru_each_voice_of_a_roundup_names_its_own_attacker(ru: RussianExtractor) -> None:
    text = (
        "Губернатор Воронежской области Александр Гусев сообщил, что вчера над Лиски сбиты 6 дронов.\n\n"
        "Губернатор Курской области Александр Хинштейн сообщил, что вчера ВСУ обстреляли окрестности Курчатова."
    )
    claims = _claims(ru, text, datetime(2025, 7, 7, 9, 0, tzinfo=MSK), "Интерфакс")
    by_region = {c.regions[0]: c for c in claims}
    assert by_region["RU-VOR"].attacker is None
    assert by_region["RU-KRS"].attacker == "UA"


def test_ru_strike_reported_during_a_truce_is_an_accusation(ru: RussianExtractor) -> None:
    text = (
        "В ходе пасхального перемирия украинские военные атаковали 48 беспилотниками Брянской области "
        "приграничные сёла, заявили в Минобороны России."
    )
    (claim,) = _claims(ru, text, datetime(2025, 4, 21, 12, 0, tzinfo=MSK), "Министерство обороны России")
    assert (claim.attacker, claim.target_country, claim.date) == ("UA", "RU", None)
    assert claim.weapons[0].launched == 48


def test_ru_a_truce_talk_stays_quiet(ru: RussianExtractor) -> None:
    text = "Стороны обсудят продление перемирия, удары беспилотниками по энергетике должны прекратиться."
    assert _claims(ru, text, datetime(2025, 4, 21, 12, 0, tzinfo=MSK), "Коммерсантъ") == []


def test_ru_a_range_of_days_is_dated_null(ru: RussianExtractor) -> None:
    text = "С 20:00 3 мая до 06:00 5 мая над Белгородской областью сбиты 31 украинский беспилотник."
    (claim,) = _claims(ru, text, datetime(2025, 5, 5, 12, 0, tzinfo=MSK), "Министерство обороны России")
    assert claim.date is None and claim.weapons[0].intercepted == 31


def test_ru_denial_of_reported_damage_is_a_denied_hit(ru: RussianExtractor) -> None:
    text = "В администрации Энгельс заявили, что сведения о пожаре на нефтебазе не подтвердились."
    claims = _claims(ru, text, datetime(2025, 7, 8, 12, 0, tzinfo=MSK), "Губернатор Саратовской области")
    assert [(c.stance, c.attacker, c.target_country) for c in claims] == [("denied", "UA", "RU")]
    assert claims[0].targets == ("energy.oil_gas",)


def test_ru_beneficiary_and_owner_are_not_the_attacker(ru: RussianExtractor) -> None:
    text = (
        "Сегодня ночью нанесен групповой удар по складам горючего, обслуживающим ВСУ, "
        "и по аэродрому, который используется в интересах украинской армии. Поражен склад боеприпасов ВСУ."
    )
    claims = _claims(ru, text, datetime(2025, 7, 9, 14, 0, tzinfo=MSK), "Министерство обороны России")
    assert [(c.attacker, c.target_country) for c in claims] == [("RU", "UA")]
    assert "military" in claims[0].targets


def test_ru_multi_sentence_headline_only_adds_to_its_region(ru: RussianExtractor) -> None:
    text = (
        "Дроны атаковали Тамбовскую область. В Брянской области погиб мужчина\n\n"
        "Над Мичуринск ночью сбиты четыре беспилотника, сообщил губернатор Тамбовской области."
    )
    (claim,) = _claims(ru, text, datetime(2025, 7, 10, 9, 0, tzinfo=MSK), "Лента.ру")
    assert claim.killed is None and "RU-BRY" not in claim.regions


def test_ru_part_count_before_of_them(ru: RussianExtractor) -> None:
    text = "Этой ночью противник запустил 40 ударных беспилотников, 33 из них уничтожены средствами ПВО."
    (claim,) = _claims(ru, text, datetime(2025, 7, 11, 8, 0, tzinfo=MSK), "Губернатор Курской области")
    assert (claim.weapons[0].launched, claim.weapons[0].intercepted) == (40, 33)


def test_ru_unnumbered_single_item_in_a_counted_list(ru: RussianExtractor) -> None:
    text = "За сутки средствами ПВО сбиты 3 управляемые авиабомбы, баллистическая ракета «Точка-У» и 95 беспилотников."
    (claim,) = _claims(ru, text, datetime(2025, 7, 12, 15, 0, tzinfo=MSK), "Министерство обороны России")
    assert {w.category: w.intercepted for w in claim.weapons} == {"guided_bomb": 3, "ballistic_missile": 1, "drone": 95}


def test_ru_repelled_attack_counts_as_downed(ru: RussianExtractor) -> None:
    text = "Сегодня ночью ПВО отразила атаку еще трех беспилотников над Курской областью."
    (claim,) = _claims(ru, text, datetime(2025, 7, 13, 3, 0, tzinfo=MSK), "Губернатор Курской области")
    assert claim.weapons[0].intercepted == 3 and claim.weapons[0].launched is None


def test_ru_compound_nouns_and_wider_vocabulary(ru: RussianExtractor) -> None:
    when = datetime(2025, 7, 14, 8, 0, tzinfo=MSK)
    text = "Сегодня ночью в результате атаки дронов ВСУ повреждены автозавод, котельная и два домовладения."
    (claim,) = _claims(ru, text, when, "Губернатор Брянской области")
    assert set(claim.targets) == {"industry", "energy", "civilian.residential"}
    # the first stem of a compound names the sector: an oil depot, not a plain warehouse
    (claim,) = _claims(ru, "Сегодня ночью дрон ВСУ поразил нефтесклад.", when, "Губернатор Брянской области")
    assert claim.targets == ("energy.oil_gas",)


def test_ru_port_infrastructure_is_the_port(ru: RussianExtractor) -> None:
    text = "Сегодня ночью российские дроны повредили объекты портовой инфраструктуры, сообщила украинская сторона."
    (claim,) = _claims(ru, text, datetime(2025, 7, 14, 9, 0, tzinfo=MSK), "РБК")
    assert claim.targets == ("transport.port",)


def test_ru_place_words_streets_inflection_and_districts(ru: RussianExtractor) -> None:
    text = (
        "Сегодня ночью ВСУ атаковали дронами Балашов и Энгельс. В Энгельсе на улице Лиски повреждены "
        "гаражи.\n\nБелгородский район. Дрон атаковал село Стрелецкое, повреждена линия электропередачи. "
        "Ещё один беспилотник упал на Николаевку-Вторую."
    )
    (claim,) = _claims(ru, text, datetime(2025, 7, 15, 8, 0, tzinfo=MSK), "Губернатор Саратовской области")
    names = {p.name for p in claim.places}
    # "Лиски" here is a street; the district heading only locates Стрелецкое
    assert names == {"Balashov", "Engels", "Streletskoye", "Mykolaivka"}


def test_ru_a_live_post_is_dated_by_its_publication(ru: RussianExtractor) -> None:
    text = "Продолжается отражение атаки беспилотников на Курскую область. Сбиты 5 БПЛА, пострадавших нет."
    (claim,) = _claims(ru, text, datetime(2025, 7, 16, 2, 30, tzinfo=MSK), "Губернатор Курской области")
    assert claim.date.isoformat() == "2025-07-16"
    assert _claims(ru, "Над Курской областью сбиты 5 БПЛА.", datetime(2025, 7, 16, 2, 30, tzinfo=MSK),
                   "Губернатор Курской области")[0].date is None


def test_ru_quoted_speakers_own_name_is_no_actor(ru: RussianExtractor) -> None:
    text = (
        "Воздушные силы ВСУ сообщили, что в ночь на четверг Россия атаковала Украину 70 дронами. "
        "Сбиты 52 из них."
    )
    (claim,) = _claims(ru, text, datetime(2025, 7, 17, 10, 0, tzinfo=MSK), "Лента.ру")
    assert (claim.claimant.party, claim.attacker, claim.target_country) == ("UA", "RU", "UA")
    assert (claim.weapons[0].launched, claim.weapons[0].intercepted) == (70, 52)


def test_ru_short_office_abbreviation_matches_whole_words_only(ru: RussianExtractor) -> None:
    text = "Сегодня ночью над Брянской областью сбиты 9 украинских беспилотников, сообщили в Минобороны России."
    (claim,) = _claims(ru, text, datetime(2025, 7, 18, 9, 0, tzinfo=MSK), "Новая газета")
    assert claim.claimant.party == "RU" and claim.attacker == "UA"


def test_ru_dropped_munitions_and_medical_vehicles(ru: RussianExtractor) -> None:
    text = (
        "Сегодня противник сбросил с квадрокоптера две гранаты на территорию фермы у Курчатова, "
        "а дрон ВСУ ударил по машине скорой помощи. Ранен врач, повреждено предприятие."
    )
    (claim,) = _claims(ru, text, datetime(2025, 7, 19, 18, 0, tzinfo=MSK), "Губернатор Курской области")
    assert {"civilian.medical", "industry"} <= set(claim.targets) and claim.injured == 1


def test_ru_vague_casualty_figure_is_no_count(ru: RussianExtractor) -> None:
    text = "Сегодня ночью дроны ВСУ атаковали Курчатова окраины, ранены более десяти человек, погибли двое."
    (claim,) = _claims(ru, text, datetime(2025, 7, 20, 9, 0, tzinfo=MSK), "Губернатор Курской области")
    assert (claim.killed, claim.injured) == (2, None)


def test_ru_air_force_without_country_and_russians_as_actor(ru: RussianExtractor) -> None:
    text = "По данным Воздушных сил, в ночь на понедельник россияне запустили 12 ракет и 300 дронов."
    (claim,) = _claims(ru, text, datetime(2025, 7, 21, 10, 0, tzinfo=MSK), "Лента.ру")
    assert (claim.claimant.party, claim.attacker, claim.target_country) == ("UA", "RU", "UA")
    assert {w.category: w.launched for w in claim.weapons} == {"missile": 12, "drone": 300}


def test_ru_coordinated_counts_share_the_verb_before_them(ru: RussianExtractor) -> None:
    text = "Воздушные силы ВСУ сообщили, что Россия выпустила 64 дрона и 5 ракет, сбиты 50 дронов и 3 ракеты."
    (claim,) = _claims(ru, text, datetime(2025, 7, 22, 10, 0, tzinfo=MSK), "Лента.ру")
    got = {w.category: (w.launched, w.intercepted) for w in claim.weapons}
    assert got == {"drone": (64, 50), "missile": (5, 3)}


def test_ru_a_source_naming_no_attacker_takes_the_outlets_framing(ru: RussianExtractor) -> None:
    text = (
        "ВОРОНЕЖ, 23 июля. /ТАСС/. Украинские дроны ночью атаковали Воронежскую область.\n\n"
        "Как сообщил губернатор Воронежской области Александр Гусев, над Лиски сбиты 8 беспилотников."
    )
    claims = _claims(ru, text, datetime(2025, 7, 23, 9, 0, tzinfo=MSK), "ТАСС")
    governor = [c for c in claims if c.claimant.party == "RU"]
    assert len(governor) == 1 and governor[0].attacker == "UA" and governor[0].weapons[0].intercepted == 8
    # the lede in the outlet's own words is the outlet's claim (spec: media in their own voice)
    assert {c.claimant.party for c in claims} == {"RU", "OTHER"}


def test_ru_outlet_relays_the_source_of_its_paragraph(ru: RussianExtractor) -> None:
    text = (
        "Российские войска ночью ударили по Харькову дронами. Об атаке сообщил мэр Харькова Игорь Терехов, "
        "ранены три человека.\n\nТем временем в Брянской области, по словам губернатора, сбиты 4 дрона."
    )
    claims = _claims(ru, text, datetime(2025, 7, 24, 9, 0, tzinfo=MSK), "Медуза")
    ua = [c for c in claims if c.claimant.party == "UA"]
    assert len(ua) == 1 and (ua[0].attacker, ua[0].target_country, ua[0].injured) == ("RU", "UA", 3)
    assert not [c for c in claims if c.target_country == "UA" and c.claimant.party != "UA"]


def test_ru_strike_verbs_and_the_capital_as_actor(ru: RussianExtractor) -> None:
    text = "Киев в ночь на 25 июля атаковал Брянскую область, сообщили в Минобороны РФ. Дрон врезался в жилой дом."
    (claim,) = _claims(ru, text, datetime(2025, 7, 25, 9, 0, tzinfo=MSK), "Лента.ру")
    assert (claim.attacker, claim.target_country) == ("UA", "RU")
    assert claim.targets == ("civilian.residential",) and claim.regions == ("RU-BRY",)


def test_ru_local_authorities_take_the_side_of_the_place_before(ru: RussianExtractor) -> None:
    text = (
        "Вчера украинские дроны атаковали подстанцию в Новой Каховке. Местные власти сообщили о пожаре, "
        "пострадавших нет."
    )
    claims = _claims(ru, text, datetime(2025, 7, 26, 9, 0, tzinfo=MSK), "Медуза")
    # Russian-installed authorities of occupied Kherson region: a Russian claim of a Ukrainian strike
    assert [(c.claimant.party, c.attacker, c.target_country) for c in claims] == [("RU", "UA", "RU")]
    assert claims[0].injured == 0 and "energy.power" in claims[0].targets
