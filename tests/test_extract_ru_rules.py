"""Russian rule extractor on small hand-written bulletins and posts (a fake
geocoder answers place lookups, so these tests check the rules)."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from ceasewatch.extract import get_extractor
from ceasewatch.extract.slavic.dates import find_dates, resolve
from ceasewatch.extract.slavic.morph import analyzer_for
from ceasewatch.extract.slavic.numbers import number_at
from ceasewatch.extract.slavic.ru import RussianExtractor
from ceasewatch.model import Claim, Document
from geocoder_tables import table_geocoder

MSK = timezone(timedelta(hours=3))

GEO = table_geocoder(
    {
        "Белгородской области": ("Belgorod Oblast", "region", "RU-BEL"),
        "Брянской области": ("Bryansk Oblast", "region", "RU-BRY"),
        "Запорожской области": ("Zaporizhzhia Oblast", "region", "UA-23"),
        "Республики Крым": ("Autonomous Republic of Crimea", "region", "UA-43"),
        "Чёрного моря": ("Black Sea", "sea", "SEA-BLACK"),
        "Таганрог": ("Taganrog", "settlement", "RU-ROS"),
        "Краматорске": ("Kramatorsk", "settlement", "UA-14"),
        "Краматорска": ("Kramatorsk", "settlement", "UA-14"),
        "Доброполья": ("Dobropillia", "settlement", "UA-14"),
        "Белгороде": ("Belgorod", "settlement", "RU-BEL"),
    },
    lon=37.0,
)


@pytest.fixture(scope="module")
def ru() -> RussianExtractor:
    return RussianExtractor(geocoder=GEO)


def _doc(text: str, published: datetime, publisher: str = "Министерство обороны России") -> Document:
    return Document.create(text, publisher=publisher, published=published, language="ru")


def _check_evidence(claim: Claim, text: str) -> None:
    assert claim.evidence
    for ev in claim.evidence:
        assert 0 <= ev.start < ev.end <= len(text)


def _quote(claim: Claim, text: str, field: str) -> list[str]:
    return [text[e.start : e.end] for e in claim.evidence if e.field == field]


@pytest.mark.parametrize(
    ("phrase", "value"),
    [("пятидесяти семи", 57), ("тремя", 3), ("двое", 2), ("сорока", 40), ("двухсот двенадцати", 212), ("2 015", 2015), ("67 тысяч 110", 67110)],
)
def test_extract_ru_number_words(phrase: str, value: int) -> None:
    toks = analyzer_for("ru").tokens(phrase + " беспилотников")
    found = number_at(toks, 0)
    assert found is not None and found.value == value


def test_extract_ru_date_phrases() -> None:
    text = "За прошедшую ночь сбиты. В ночь на 19 марта. В ночь на воскресенье. Вчера вечером. 24.08.2024 года."
    toks = analyzer_for("ru").tokens(text)
    pub = datetime(2025, 3, 18, 9, 0, tzinfo=MSK)  # a Tuesday
    mentions = find_dates(toks)
    assert text[mentions[0].start : mentions[0].end] == "За прошедшую ночь"
    assert [resolve(m, pub, "RU") for m in mentions] == [
        date(2025, 3, 18), date(2025, 3, 19), date(2025, 3, 16), date(2025, 3, 17), date(2024, 8, 24)
    ]


MOD_BULLETIN = """В течение прошедшей ночи дежурными средствами ПВО перехвачены и уничтожены 30 украинских беспилотных летательных аппаратов самолётного типа:

10 – над территорией Белгородской области,
6 – над территорией Брянской области,
5 – над территорией Республики Крым,
3 – над территорией Запорожской области,
5 – над акваторией Чёрного моря."""


def test_extract_ru_mod_breakdown_warns_and_keeps_occupied_regions_ukrainian(ru: RussianExtractor) -> None:
    (claim,) = ru.extract(_doc(MOD_BULLETIN, datetime(2025, 6, 22, 7, 20, tzinfo=MSK)))
    assert claim.key == ("RU", "asserted", "UA", "RU", "2025-06-22")
    assert claim.weapons[0].category == "drone" and claim.weapons[0].intercepted == 30
    # Crimea and Zaporizhzhia keep their Ukrainian codes whatever the claimant calls them
    assert claim.regions == ("RU-BEL", "RU-BRY", "UA-43", "UA-23", "SEA-BLACK")
    # 10 + 6 + 5 + 3 + 5 = 29, not the stated 30: recorded, not silently chosen
    assert len(claim.warnings) == 1 and "29" in claim.warnings[0] and "30" in claim.warnings[0]
    assert _quote(claim, MOD_BULLETIN, "weapons.0.intercepted") == ["30"]
    assert _quote(claim, MOD_BULLETIN, "attacker") == ["украинских"]
    _check_evidence(claim, MOD_BULLETIN)


def test_extract_ru_breakdown_that_adds_up_has_no_warning(ru: RussianExtractor) -> None:
    text = MOD_BULLETIN.replace("перехвачены и уничтожены 30", "перехвачены и уничтожены 29")
    (claim,) = ru.extract(_doc(text, datetime(2025, 6, 22, 7, 20, tzinfo=MSK)))
    assert claim.weapons[0].intercepted == 29 and claim.warnings == ()


def test_extract_ru_governor_parts_of_a_whole(ru: RussianExtractor) -> None:
    text = (
        "В ночь на 3 сентября Таганрог был атакован тремя беспилотниками ВСУ.\n\n"
        "Два из трёх сбиты силами противовоздушной обороны. Третий попал в здание на территории "
        "промышленного предприятия, возникло возгорание. Пострадали двое сотрудников.\n\nЮрий Слюсарь"
    )
    (claim,) = ru.extract(_doc(text, datetime(2025, 9, 3, 8, 45, tzinfo=MSK), "Губернатор Ростовской области"))
    assert claim.key == ("RU", "asserted", "UA", "RU", "2025-09-03")
    w = claim.weapons[0]
    assert (w.category, w.launched, w.intercepted, w.hit) == ("drone", 3, 2, 1)
    assert claim.targets == ("industry",) and claim.injured == 2
    assert [p.name for p in claim.places] == ["Taganrog"] and claim.regions == ("RU-ROS",)
    assert _quote(claim, text, "claimant") == ["Юрий Слюсарь"]
    _check_evidence(claim, text)


def test_extract_ru_retaliation_clause_is_not_a_ukrainian_strike(ru: RussianExtractor) -> None:
    text = (
        "В ночь на 30 октября в ответ на террористические атаки киевского режима на гражданские объекты "
        "на территории России Вооружённые силы Российской Федерации нанесли массированный удар "
        "гиперзвуковыми ракетами «Кинжал» по объектам энергетики Украины. Все назначенные объекты поражены."
    )
    (claim,) = ru.extract(_doc(text, datetime(2025, 10, 30, 13, 5, tzinfo=MSK)))
    assert claim.key == ("RU", "asserted", "RU", "UA", "2025-10-30")
    assert claim.weapons[0].category == "ballistic_missile" and claim.weapons[0].model == "Kinzhal"
    assert claim.targets == ("energy",)


def test_extract_ru_denial_and_counter_accusation(ru: RussianExtractor) -> None:
    text = (
        "Все заявления представителей режима Киева о якобы нанесённом Россией ракетном ударе по "
        "железнодорожному вокзалу в Краматорске являются провокацией.\n\n"
        "Российские вооружённые силы 8 апреля не планировали и не выполняли никаких огневых задач в Краматорске.\n\n"
        "По имеющимся данным, удар по вокзалу был нанесён украинским дивизионом «Точка-У» из района "
        "Доброполья, в 45 км от Краматорска."
    )
    claims = {c.stance: c for c in ru.extract(_doc(text, datetime(2022, 4, 8, 16, 30, tzinfo=MSK)))}
    assert claims["denied"].key == ("RU", "denied", "RU", "UA", "2022-04-08")
    assert claims["asserted"].key == ("RU", "asserted", "UA", "UA", "2022-04-08")
    assert claims["asserted"].weapons[0].category == "ballistic_missile"
    for c in claims.values():
        assert c.regions == ("UA-14",) and c.targets == ("transport.rail",)
        # the launch site is not where the strike happened
        assert "Dobropillia" not in [p.name for p in c.places]


def test_extract_ru_unattributed_attack_has_no_attacker_and_zero_casualties(ru: RussianExtractor) -> None:
    text = (
        "Сегодня ночью в Белгороде обломки БПЛА упали на два многоквартирных дома. "
        "Погибла женщина 46 лет. В соседнем доме повреждены окна, без пострадавших."
    )
    (claim,) = ru.extract(_doc(text, datetime(2024, 9, 10, 8, 30, tzinfo=MSK), "Губернатор Белгородской области"))
    assert claim.key == ("RU", "asserted", None, "RU", "2024-09-10")
    assert claim.killed == 1 and claim.injured == 0
    assert claim.targets == ("civilian.residential",)


def test_extract_ru_registered() -> None:
    extractor = get_extractor("ceasewatch.extract.ru_rules.v1")
    assert extractor.name == "ceasewatch.extract.ru_rules.v1" and extractor.languages == ("ru",)


def test_extract_ru_time_window_is_the_publication_day_and_clock_times_are_not_dates(ru: RussianExtractor) -> None:
    text = ("В период с 20:00 до 23:00 мск дежурными средствами ПВО перехвачены и уничтожены "
            "23 украинских беспилотных летательных аппарата над территорией Брянской области.")
    (claim,) = ru.extract(_doc(text, datetime(2025, 5, 9, 23, 30, tzinfo=MSK)))
    assert claim.key == ("RU", "asserted", "UA", "RU", "2025-05-09")
    assert claim.weapons[0].intercepted == 23 and claim.regions == ("RU-BRY",)
    # "9.10" is a clock time here, not 9 October
    toks = analyzer_for("ru").tokens("с 9.10 до 9.30 мск")
    assert [(m.kind, m.expr.kind) for m in find_dates(toks)] == [("relative", "today")]
    # ... it only dates the post's own day, and only when nothing else does
    assert [m.kind for m in find_dates(analyzer_for("ru").tokens("удар в 9.10 мск"))] == ["clock"]


def test_extract_ru_inline_breakdown_after_a_colon(ru: RussianExtractor) -> None:
    text = ("За прошедшую ночь дежурными средствами ПВО перехвачены и уничтожены 16 украинских беспилотных "
            "летательных аппаратов: 12 – над территорией Брянской области, 3 – над территорией Белгородской "
            "области, 1 – над территорией Запорожской области.")
    (claim,) = ru.extract(_doc(text, datetime(2025, 5, 15, 7, 0, tzinfo=MSK)))
    assert claim.weapons[0].intercepted == 16 and claim.warnings == ()
    assert claim.regions == ("RU-BRY", "RU-BEL", "UA-23")
    bad = ru.extract(_doc(text.replace("уничтожены 16", "уничтожены 17"), datetime(2025, 5, 15, 7, 0, tzinfo=MSK)))
    assert bad[0].weapons[0].intercepted == 17 and "16" in bad[0].warnings[0]


def test_extract_ru_war_long_tallies_are_not_counts_and_multi_day_figures_have_no_date(ru: RussianExtractor) -> None:
    text = (
        "В течение суток средствами противовоздушной обороны сбиты 183 беспилотных летательных аппарата.\n\n"
        "Всего с начала проведения специальной военной операции уничтожены 67 тысяч 110 беспилотных "
        "летательных аппаратов."
    )
    (claim,) = ru.extract(_doc(text, datetime(2025, 5, 15, 14, 0, tzinfo=MSK)))
    assert claim.date == date(2025, 5, 15) and claim.weapons[0].intercepted == 183
    since = "С 18 марта над Брянской области сбиты 120 беспилотников ВСУ."
    (multi_day,) = ru.extract(_doc(since, datetime(2025, 3, 30, 14, 0, tzinfo=MSK)))
    assert multi_day.date is None and multi_day.weapons[0].intercepted == 120
