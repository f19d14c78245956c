"""Ukrainian rule extractor on small hand-written posts (a fake geocoder
answers the place lookups, so these tests check the rules, not the gazetteer)."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from ceasewatch.extract import extract_document, get_extractor
from ceasewatch.extract.slavic.dates import find_dates, resolve
from ceasewatch.extract.slavic.morph import analyzer_for
from ceasewatch.extract.slavic.numbers import number_at
from ceasewatch.extract.slavic.uk import UkrainianExtractor
from ceasewatch.model import Claim, Document
from geocoder_tables import table_geocoder

KYIV = timezone(timedelta(hours=2))

GEO = table_geocoder(
    {
        "харківська область": ("Kharkiv Oblast", "region", "UA-63"),
        "дніпропетровська область": ("Dnipropetrovsk Oblast", "region", "UA-12"),
        "івано-франківська область": ("Ivano-Frankivsk Oblast", "region", "UA-26"),
        "Сумській області": ("Sumy Oblast", "region", "UA-59"),
        "Київщині": ("Kyiv Oblast", "region", "UA-32"),
        "Курськ": ("Kursk", "settlement", "RU-KRS"),
        "Орел": ("Oryol", "settlement", "RU-ORL"),
        "Шостки": ("Shostka", "settlement", "UA-59"),
        "Києва": ("Kyiv", "settlement", "UA-30"),
        "сизрань": ("Syzran", "settlement", "RU-SAM"),
        "Самарській області": ("Samara Oblast", "region", "RU-SAM"),
    },
    lon=30.0,
)


@pytest.fixture(scope="module")
def uk() -> UkrainianExtractor:
    return UkrainianExtractor(geocoder=GEO)


def _doc(text: str, published: datetime, publisher: str = "Повітряні сили ЗСУ") -> Document:
    return Document.create(text, publisher=publisher, published=published, language="uk")


def _check_evidence(claim: Claim, text: str) -> None:
    assert claim.evidence, "every claim carries evidence"
    for ev in claim.evidence:
        assert 0 <= ev.start < ev.end <= len(text)
        assert text[ev.start : ev.end].strip() == text[ev.start : ev.end]


def _quote(claim: Claim, text: str, field: str) -> list[str]:
    return [text[e.start : e.end] for e in claim.evidence if e.field == field]


@pytest.mark.parametrize(
    ("phrase", "value"),
    [("двох", 2), ("трьома", 3), ("п'ятдесяти семи", 57), ("сто двадцять п'ять", 125), ("1 200", 1200), ("двоє", 2)],
)
def test_extract_uk_number_words(phrase: str, value: int) -> None:
    toks = analyzer_for("uk").tokens(phrase + " дронів")
    found = number_at(toks, 0)
    assert found is not None and found.value == value
    assert phrase.startswith(toks[found.end_i - 1].text) or phrase.endswith(toks[found.end_i - 1].text)


def test_extract_uk_date_phrases_resolve_against_publication() -> None:
    text = "У ніч на 7 листопада (з 18:30 6 листопада) противник атакував. Вчора ввечері. У ніч на вівторок."
    toks = analyzer_for("uk").tokens(text)
    pub = datetime(2025, 11, 7, 9, 0, tzinfo=KYIV)  # a Friday
    mentions = find_dates(toks)
    assert [m.kind for m in mentions] == ["night_of", "since", "relative", "night_of"]
    assert text[mentions[0].start : mentions[0].end] == "У ніч на 7 листопада"
    assert [resolve(m, pub, "UA") for m in mentions] == [
        date(2025, 11, 7), date(2025, 11, 6), date(2025, 11, 6), date(2025, 11, 4)
    ]


AF_POST = """У ніч на 25 грудня (з 18:00 24 грудня) противник атакував 184 засобами повітряного нападу: 78 ракетами та 106 ударними БпЛА типу Shahed з напрямків Курськ, Орел.

Протиповітряною обороною збито 59 крилатих ракет Х-101/Х-555; 18 крилатих ракет «Калібр»; 54 ударних БпЛА типу Shahed. Локаційно втрачено 52 ворожі БпЛА-імітатори.

Внаслідок ворожого удару пошкоджено об'єкти енергетики у Харківській, Дніпропетровській та Івано-Франківській областях."""


def test_extract_uk_air_force_tally(uk: UkrainianExtractor) -> None:
    doc = _doc(AF_POST, datetime(2024, 12, 25, 11, 0, tzinfo=KYIV))
    (claim,) = uk.extract(doc)
    assert claim.key == ("UA", "asserted", "RU", "UA", "2024-12-25")
    assert claim.doc_id == doc.id and claim.extractor == "ceasewatch.extract.uk_rules.v1"
    by_cat = {w.category: w for w in claim.weapons}
    assert by_cat["drone"].launched == 106 and by_cat["drone"].intercepted == 54 and by_cat["drone"].lost == 52
    assert by_cat["missile"].launched == 78
    # one trigger ("збито"), one enumeration: 59 + 18 cruise missiles
    assert by_cat["cruise_missile"].intercepted == 77
    # launch directions are not struck regions
    assert claim.regions == ("UA-63", "UA-12", "UA-26")
    assert "energy" in claim.targets
    assert claim.warnings == ()  # 78 + 106 == 184
    assert claim.time == datetime(2024, 12, 24, 18, 0, tzinfo=KYIV)
    _check_evidence(claim, AF_POST)
    assert _quote(claim, AF_POST, "date") == ["У ніч на 25 грудня"]
    assert _quote(claim, AF_POST, "attacker") == ["противник"]
    assert "Івано-Франківській областях" in _quote(claim, AF_POST, "regions.2")[0]


def test_extract_uk_total_that_does_not_add_up_warns(uk: UkrainianExtractor) -> None:
    text = "Вночі противник атакував 100 засобами повітряного нападу: 60 ракетами та 30 ударними БпЛА."
    (claim,) = uk.extract(_doc(text, datetime(2025, 3, 1, 9, 0, tzinfo=KYIV)))
    assert {w.category: w.launched for w in claim.weapons} == {"missile": 60, "drone": 30}
    assert any("90" in w and "100" in w for w in claim.warnings)


def test_extract_uk_oblast_post_two_days_and_casualties(uk: UkrainianExtractor) -> None:
    text = (
        "Вчора вранці ворог завдав удару ударними БпЛА по залізничному вокзалу Шостки. "
        "Загинула одна людина, травмовано 30, серед них троє дітей. Постраждалим надано допомогу.\n\n"
        "У ніч на 5 жовтня противник атакував громаду ударними дронами. Пошкоджено об'єкт енергетичної "
        "інфраструктури. Обійшлося без загиблих і поранених."
    )
    claims = uk.extract(_doc(text, datetime(2025, 10, 5, 9, 10, tzinfo=KYIV), "Сумська ОВА"))
    by_day = {c.date: c for c in claims}
    assert set(by_day) == {date(2025, 10, 4), date(2025, 10, 5)}
    first, second = by_day[date(2025, 10, 4)], by_day[date(2025, 10, 5)]
    assert (first.killed, first.injured) == (1, 30)
    assert first.targets == ("transport.rail",)
    assert [p.name for p in first.places] == ["Shostka"]
    assert (second.killed, second.injured) == (0, 0)
    assert second.targets == ("energy",)
    for c in claims:
        _check_evidence(c, text)
        assert c.attacker == "RU" and c.target_country == "UA"
    assert _quote(first, text, "injured") == ["30"]


def test_extract_uk_own_strike_is_ukraine_on_russia(uk: UkrainianExtractor) -> None:
    text = (
        "У ніч на 24 серпня підрозділи Сил безпілотних систем та інші складові Сил оборони України уразили "
        "низку об'єктів на території РФ. Зокрема, уражено Сизранський нафтопереробний завод у Самарській області. "
        "Підприємство забезпечує паливом російську армію. У районі цілі зафіксовано пожежу."
    )
    (claim,) = uk.extract(_doc(text, datetime(2025, 8, 24, 14, 0, tzinfo=KYIV), "Генеральний штаб ЗСУ"))
    assert claim.key == ("UA", "asserted", "UA", "RU", "2025-08-24")
    assert claim.regions == ("RU-SAM",)
    assert [p.name for p in claim.places] == ["Syzran"]
    assert claim.targets == ("energy.oil_gas",)
    _check_evidence(claim, text)


def test_extract_uk_quoted_russian_mod_gets_its_own_claimant(uk: UkrainianExtractor) -> None:
    text = "Міноборони РФ заявило, що вночі над Сумській області збито 12 українських безпілотників."
    (claim,) = uk.extract(_doc(text, datetime(2025, 6, 1, 10, 0, tzinfo=KYIV), "Українська правда"))
    assert claim.claimant.party == "RU" and claim.claimant.name == "Міноборони РФ"
    assert (claim.attacker, claim.target_country) == ("UA", "RU")
    assert claim.weapons[0].intercepted == 12


def test_extract_uk_vague_counts_and_other_units_are_not_counts(uk: UkrainianExtractor) -> None:
    text = (
        "Вночі над Київщині сили ППО збили понад 20 ворожих дронів. "
        "Зафіксовано влучання ударних БпЛА на 13 локаціях. Ворог 17 разів обстріляв громаду."
    )
    (claim,) = uk.extract(_doc(text, datetime(2025, 3, 11, 9, 0, tzinfo=KYIV), "Київська ОВА"))
    assert all(w.count(m) is None for w in claim.weapons for m in ("launched", "intercepted", "lost", "hit"))
    assert claim.regions == ("UA-32",)


def test_extract_uk_no_claim_from_talks_or_empty_text(uk: UkrainianExtractor) -> None:
    pub = datetime(2025, 3, 11, 9, 0, tzinfo=KYIV)
    assert uk.extract(_doc("", pub)) == []
    talks = "Сторони домовилися про мораторій на удари по енергетиці на 30 днів."
    assert uk.extract(_doc(talks, pub, "Офіс Президента")) == []


def test_extract_uk_registered_and_selected_by_language() -> None:
    extractor = get_extractor("ceasewatch.extract.uk_rules.v1")
    assert extractor.name == "ceasewatch.extract.uk_rules.v1" and extractor.languages == ("uk",)
    doc = Document.create("Вночі ворог атакував Шостки трьома ударними БпЛА.", language="uk",
                          published=datetime(2025, 1, 2, 8, 0, tzinfo=KYIV))
    claims = extract_document(doc, extractor="ceasewatch.extract.uk_rules.v1")
    assert claims and claims[0].extractor == "ceasewatch.extract.uk_rules.v1"
    assert claims[0].weapons[0].launched == 3


def test_extract_uk_launch_site_region_and_received_injuries(uk: UkrainianExtractor) -> None:
    text = (
        "Вранці ворог застосував 4 балістичні ракети Іскандер-М з Курської області по Сумській області. "
        "Загинула 1 людина, ще 7 отримали поранення. Пошкоджено багатоповерхівку."
    )
    (claim,) = uk.extract(_doc(text, datetime(2025, 3, 3, 12, 0, tzinfo=KYIV), "Сумська ОВА"))
    assert claim.date == date(2025, 3, 3)
    assert claim.weapons[0].category == "ballistic_missile" and claim.weapons[0].launched == 4
    assert claim.regions == ("UA-59",)  # the launch region is not a struck region
    assert (claim.killed, claim.injured) == (1, 7)


def test_extract_uk_evening_before_a_morning_post() -> None:
    toks = analyzer_for("uk").tokens("Ввечері ворог атакував місто.")
    (mention,) = find_dates(toks)
    assert resolve(mention, datetime(2025, 3, 3, 8, 0, tzinfo=KYIV), "UA") == date(2025, 3, 2)
    assert resolve(mention, datetime(2025, 3, 3, 21, 0, tzinfo=KYIV), "UA") == date(2025, 3, 3)


def test_extract_uk_whole_then_bare_parts(uk: UkrainianExtractor) -> None:
    text = "Вночі ворог атакував Сумській області. З 46 ворожих БпЛА збито 41, ще 5 – локаційно втрачені."
    (claim,) = uk.extract(_doc(text, datetime(2025, 5, 15, 9, 0, tzinfo=KYIV), "Сумська ОВА"))
    w = claim.weapons[0]
    assert (w.launched, w.intercepted, w.lost) == (46, 41, 5)
    assert _quote(claim, text, "weapons.0.lost") == ["5"]


def test_extract_uk_numbers_of_other_things_next_to_a_trigger_are_not_counts(uk: UkrainianExtractor) -> None:
    text = "Сьогодні вночі ракети влучили у дві дев'ятиповерхові житлові будинки. Зафіксовано 3 влучання."
    (claim,) = uk.extract(_doc(text, datetime(2025, 11, 19, 16, 0, tzinfo=KYIV), "Тернопільська ОВА"))
    assert claim.weapons[0].category == "missile"
    assert all(w.count(m) is None for w in claim.weapons for m in ("launched", "intercepted", "lost", "hit"))
    assert claim.targets == ("civilian.residential",)


def test_extract_uk_single_victim_and_most_specific_target(uk: UkrainianExtractor) -> None:
    text = "Вночі ворог атакував Шостки. Пошкоджено об'єкти енергетичної інфраструктури. Загинула жінка, поранено ще трьох людей."
    (claim,) = uk.extract(_doc(text, datetime(2025, 6, 2, 9, 0, tzinfo=KYIV), "Сумська ОВА"))
    assert (claim.killed, claim.injured) == (1, 3)
    assert claim.targets == ("energy",)
    assert _quote(claim, text, "killed") == ["жінка"]


def test_extract_uk_own_forces_repelling_an_attack_are_not_striking(uk: UkrainianExtractor) -> None:
    text = "Вночі Сили оборони України відбили атаку ворожих БпЛА на Київщині: збито 20 дронів."
    (claim,) = uk.extract(_doc(text, datetime(2025, 6, 2, 9, 0, tzinfo=KYIV), "Київська ОВА"))
    assert claim.key == ("UA", "asserted", "RU", "UA", "2025-06-02")
    assert claim.weapons[0].intercepted == 20 and claim.regions == ("UA-32",)


@pytest.mark.parametrize(
    ("sentence", "killed", "injured"),
    [
        ("Загиблих та постраждалих немає.", 0, 0),
        ("Постраждалих серед працівників немає.", None, 0),
        ("Обійшлося без загиблих.", 0, None),
    ],
)
def test_extract_uk_zero_casualties_evidence_holds_the_negation(
    uk: UkrainianExtractor, sentence: str, killed: int | None, injured: int | None
) -> None:
    text = "У ніч на 5 жовтня ворог атакував Київщині ударними БпЛА. Пошкоджено житловий будинок. " + sentence
    claims = uk.extract(_doc(text, datetime(2025, 10, 5, 9, 10, tzinfo=KYIV), "Київська ОВА"))
    assert len(claims) == 1
    claim = claims[0]
    assert (claim.killed, claim.injured) == (killed, injured)
    for field in ("killed", "injured"):
        for quoted in _quote(claim, text, field):
            assert any(neg in quoted.lower() for neg in ("немає", "без")), quoted
