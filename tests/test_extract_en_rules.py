"""English extraction on small hand-written reports with known answers."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from ceasewatch.extract import get_extractor
from ceasewatch.extract.en import EXTRACTOR_NAME, EnglishExtractor
from ceasewatch.model import Claim, Document

KYIV_MORNING = datetime.fromisoformat("2025-03-14T09:10:00+02:00")


@pytest.fixture(scope="module")
def extractor() -> EnglishExtractor:
    return get_extractor(EXTRACTOR_NAME)


def _doc(text: str, publisher: str = "Test Wire", published: datetime = KYIV_MORNING) -> Document:
    return Document.create(text, publisher=publisher, published=published, language="en")


def _one(claims: list[Claim], party: str, attacker: str | None = None) -> Claim:
    found = [c for c in claims if c.claimant.party == party and (attacker is None or c.attacker == attacker)]
    assert len(found) == 1, [c.key for c in claims]
    return found[0]


def _check_evidence(doc: Document, claims: list[Claim]) -> None:
    for claim in claims:
        assert claim.doc_id == doc.id and claim.extractor == EXTRACTOR_NAME
        for ev in claim.evidence:
            assert 0 <= ev.start < ev.end <= len(doc.text), ev
            assert doc.text[ev.start : ev.end].strip(), ev


def test_registered_and_protocol(extractor: EnglishExtractor) -> None:
    assert extractor.name == EXTRACTOR_NAME and extractor.languages == ("en",)


def test_air_force_bulletin(extractor: EnglishExtractor) -> None:
    text = (
        "On the night of 13 to 14 March (from 19:00 on 13 March), the enemy attacked with 27 Shahed-type "
        "attack UAVs from the directions of Kursk and Millerovo.\n\n"
        "As of 09:00, 16 drones were shot down over Sumy and Kharkiv regions. Nine imitator drones were lost "
        "locationally.\n\nA hospital in Zolochiv was damaged; one person was injured."
    )
    doc = _doc(text, publisher="Ukrainian Air Force")
    claims = extractor.extract(doc)
    _check_evidence(doc, claims)
    claim = _one(claims, "UA")
    assert claim.key == ("UA", "asserted", "RU", "UA", "2025-03-14")
    drone = claim.weapons[0]
    assert (drone.category, drone.launched, drone.intercepted, drone.lost) == ("drone", 27, 16, 9)
    assert text[claim.evidence_for("weapons.0.launched")[0].start :].startswith("27")
    assert set(claim.regions) >= {"UA-59", "UA-63"}
    assert "RU-KRS" not in claim.regions  # launch directions are not targets
    assert "civilian.medical" in claim.targets and claim.injured == 1


def test_news_with_both_sides_and_word_numbers(extractor: EnglishExtractor) -> None:
    text = (
        "Drones hit Kyiv\n\n"
        "KYIV, March 14 (Test Wire) - Ukraine's Air Force said Russia launched 120 drones and three ballistic "
        "missiles overnight. Air defences shot down 101 of the drones, it said, while two of the missiles were "
        "intercepted.\n\n"
        "Russia's Defence Ministry said its air defence units had destroyed 40 Ukrainian drones over the Bryansk "
        "and Kursk regions overnight."
    )
    doc = _doc(text)
    claims = extractor.extract(doc)
    _check_evidence(doc, claims)
    ua = _one(claims, "UA")
    weapons = {w.category: w for w in ua.weapons}
    assert weapons["drone"].launched == 120 and weapons["drone"].intercepted == 101
    assert weapons["ballistic_missile"].launched == 3
    ru = _one(claims, "RU")
    assert ru.key == ("RU", "asserted", "UA", "RU", "2025-03-14")
    assert ru.weapons[0].intercepted == 40 and set(ru.regions) == {"RU-BRY", "RU-KRS"}


def test_breakdown_is_summed_when_no_total(extractor: EnglishExtractor) -> None:
    text = (
        "Overnight, on-duty air defence systems intercepted and destroyed Ukrainian fixed-wing UAVs:\n"
        "12 over the territory of Bryansk Region,\n"
        "6 over the territory of Kursk Region."
    )
    doc = _doc(text, publisher="Russian Ministry of Defence", published=datetime.fromisoformat(
        "2025-08-24T07:35:00+03:00"))
    claim = _one(extractor.extract(doc), "RU")
    assert claim.weapons[0].intercepted == 18
    assert claim.regions == ("RU-BRY", "RU-KRS") and claim.date == date(2025, 8, 24)


def test_accusation_and_denial(extractor: EnglishExtractor) -> None:
    text = (
        "MOSCOW, Dec 29 (Test Wire) - Russia accused Ukraine on Monday of attacking a state residence in the "
        "Novgorod region with 91 drones overnight, saying all of them had been destroyed by air defences.\n\n"
        "Ukraine denied the accusation."
    )
    doc = _doc(text, published=datetime.fromisoformat("2025-12-29T19:30:00+00:00"))
    claims = extractor.extract(doc)
    _check_evidence(doc, claims)
    ru = _one(claims, "RU")
    assert ru.key == ("RU", "asserted", "UA", "RU", "2025-12-29") and "RU-NGR" in ru.regions
    ua = _one(claims, "UA")
    assert ua.key == ("UA", "denied", "UA", "RU", "2025-12-29") and ua.evidence_for("stance")


def test_talks_and_promises_give_no_claim(extractor: EnglishExtractor) -> None:
    text = (
        "Delegations met in Istanbul on Monday and agreed to a prisoner exchange, but no ceasefire.\n\n"
        "Officials said Russia would stop strikes on energy facilities for 30 days if Kyiv did the same."
    )
    assert extractor.extract(_doc(text)) == []


def test_vague_and_explicit_zero_counts(extractor: EnglishExtractor) -> None:
    text = (
        "Ukraine's Air Force said Russia launched more than 100 drones and 4 missiles overnight. "
        "None of the missiles was intercepted. No one was killed."
    )
    claim = _one(extractor.extract(_doc(text)), "UA")
    weapons = {w.category: w for w in claim.weapons}
    assert weapons["drone"].launched is None
    assert weapons["missile"].launched == 4 and weapons["missile"].intercepted == 0
    assert claim.killed == 0


def test_yesterday_and_background(extractor: EnglishExtractor) -> None:
    text = (
        "Yesterday, Russian forces struck a port in Odesa with two Iskander-M missiles, the regional governor "
        "said.\n\nBACKGROUND: Russia has repeatedly hit grain terminals in the ports of Izmail and Reni."
    )
    claims = extractor.extract(_doc(text))
    ua = _one(claims, "UA")
    assert ua.date == date(2025, 3, 13) and ua.weapons[0].launched == 2
    other = _one(claims, "OTHER")
    assert other.date is None and other.attacker == "RU"


def test_denial_with_its_own_direction(extractor: EnglishExtractor) -> None:
    text = (
        "Ukraine's General Staff said on Saturday its drones had struck the Saratov oil refinery overnight.\n\n"
        "The Kremlin denied that Russian troops had targeted a hospital in Sumy."
    )
    claims = extractor.extract(_doc(text, published=datetime.fromisoformat("2025-05-17T12:00:00+03:00")))
    ua = _one(claims, "UA")
    assert ua.key == ("UA", "asserted", "UA", "RU", "2025-05-17") and "energy.oil_gas" in ua.targets
    ru = _one(claims, "RU")
    assert ru.key == ("RU", "denied", "RU", "UA", "2025-05-17")
    assert "civilian.medical" in ru.targets and "UA-59" in ru.regions


def test_share_out_of_whole_and_paragraph_speaker(extractor: EnglishExtractor) -> None:
    text = (
        "Air defences shot down two out of three missiles aimed at Odesa, regional governor Oleh Kiper said. "
        "A port warehouse was damaged and four people were injured."
    )
    claim = _one(extractor.extract(_doc(text)), "UA")
    missile = claim.weapons[0]
    assert (missile.launched, missile.intercepted) == (3, 2)
    assert claim.injured == 4 and "UA-51" in claim.regions


def test_share_of_total_multi_day_and_regional_hint(extractor: EnglishExtractor) -> None:
    text = (
        "Ukraine's air force said it downed 71 of 90 drones launched by Russia overnight, while 12 were lost to "
        "electronic countermeasures.\n\n"
        "President Zelenskiy said Russia had launched 300 drones at Ukraine over the past week.\n\n"
        "Belgorod governor Vyacheslav Gladkov said Ukrainian shelling killed two civilians in the village of "
        "Zhuravlevka on Wednesday."
    )
    claims = extractor.extract(_doc(text, published=datetime.fromisoformat("2025-06-05T10:00:00+03:00")))
    night = [c for c in claims if c.key == ("UA", "asserted", "RU", "UA", "2025-06-05")]
    assert len(night) == 1
    drone = night[0].weapons[0]
    assert (drone.launched, drone.intercepted, drone.lost) == (90, 71, 12)
    week = [c for c in claims if c.claimant.party == "UA" and c.date is None]
    assert week and week[0].weapons[0].launched == 300
    ru = _one(claims, "RU")
    assert ru.key == ("RU", "asserted", "UA", "RU", "2025-06-04") and ru.killed == 2
    assert ru.regions == ("RU-BEL",)  # not a same-named village in Ukraine


def test_stated_clock_time(extractor: EnglishExtractor) -> None:
    text = "At 00:26 tonight, one combat drone of the Ukrainian armed forces was shot down near the Kursk nuclear " \
           "power plant. It damaged an auxiliary transformer."
    doc = _doc(text, publisher="Kursk NPP press service",
               published=datetime.fromisoformat("2025-08-24T10:00:00+03:00"))
    claim = _one(extractor.extract(doc), "RU")
    assert claim.key == ("RU", "asserted", "UA", "RU", "2025-08-24")
    assert claim.weapons[0].intercepted == 1 and "energy.power" in claim.targets
    assert claim.time is not None and claim.time.isoformat() == "2025-08-24T00:26:00+03:00"
    assert "RU-KRS" in claim.regions


def test_numeric_date_and_overnight_on_weekday(extractor: EnglishExtractor) -> None:
    wednesday = datetime.fromisoformat("2025-05-14T09:00:00+03:00")
    text = "Overnight on Tuesday, the enemy attacked Sumy with 12 Shahed drones; 9 were shot down."
    claim = _one(extractor.extract(_doc(text, publisher="Ukrainian Air Force", published=wednesday)), "UA")
    assert claim.date == date(2025, 5, 13) and claim.weapons[0].intercepted == 9
    text = "On 11.05.2025 the enemy struck Kharkiv with 3 guided aerial bombs, damaging a school."
    claim = _one(extractor.extract(_doc(text, publisher="Ukrainian Air Force", published=wednesday)), "UA")
    assert claim.date == date(2025, 5, 11) and claim.weapons[0].category == "guided_bomb"
    assert "civilian.education" in claim.targets and "UA-63" in claim.regions


def test_mod_bulletin_with_parenthesised_breakdown(extractor: EnglishExtractor) -> None:
    text = (
        "Over the past night, duty air defence assets intercepted and destroyed 118 Ukrainian unmanned aerial "
        "vehicles of the aircraft type over the territories of the Kursk Region (43), the Bryansk Region (32), "
        "the Belgorod Region (20), the Oryol Region (11) and the Republic of Crimea (12).\n\n"
        "In the course of the day, the Russian Armed Forces delivered a group strike with high-precision "
        "long-range weapons and attack drones against facilities of Ukraine's gas production and military "
        "airfields. All assigned targets were engaged."
    )
    doc = _doc(text, publisher="Russian Ministry of Defence",
               published=datetime.fromisoformat("2025-06-20T09:00:00+03:00"))
    claims = extractor.extract(doc)
    _check_evidence(doc, claims)
    defence = _one(claims, "RU", attacker="UA")
    assert defence.target_country == "RU" and defence.weapons[0].intercepted == 118
    assert set(defence.regions) == {"RU-KRS", "RU-BRY", "RU-BEL", "RU-ORL", "UA-43"}
    strike = _one(claims, "RU", attacker="RU")
    assert strike.target_country == "UA" and {"energy.oil_gas", "military"} <= set(strike.targets)


def test_governor_post_with_one_wounded(extractor: EnglishExtractor) -> None:
    text = (
        "Sumy region. Last night the enemy attacked the Shostka community with drones. An infrastructure "
        "facility was damaged.\n\nIn the morning, a KAB hit the outskirts of Sumy. A 62-year-old man was "
        "wounded and several private houses were damaged.\n\nStay in shelters during alerts!"
    )
    doc = _doc(text, publisher="Sumy Regional Military Administration",
               published=datetime.fromisoformat("2025-06-20T09:00:00+03:00"))
    claim = _one(extractor.extract(doc), "UA")
    assert claim.key == ("UA", "asserted", "RU", "UA", "2025-06-20")
    assert claim.injured == 1 and "UA-59" in claim.regions
    assert {w.category for w in claim.weapons} == {"drone", "guided_bomb"}
    assert {p.name for p in claim.places} >= {"Shostka", "Sumy"}


def test_truce_long_figures_have_no_day(extractor: EnglishExtractor) -> None:
    text = (
        "Ukraine's military said on Monday that Russian forces had violated the Easter ceasefire 2,935 times "
        "since it began on Saturday evening, including 1,882 shelling incidents.\n\n"
        "Russia's Defence Ministry said Russian air defences had shot down 210 Ukrainian drones over the "
        "30-hour truce."
    )
    claims = extractor.extract(_doc(text, published=datetime.fromisoformat("2025-04-21T15:00:00+03:00")))
    assert [c.key for c in claims] == [("RU", "asserted", "UA", "RU", None)]  # violations are not weapon counts
    assert claims[0].weapons[0].intercepted == 210
