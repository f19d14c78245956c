"""The layered engine end to end (extract/engine.py): its registered name,
evidence that quotes the document, and whole-claim behaviour on short texts
written for these tests. Known engine bugs are pinned as strict xfails: each
turns into a failure once fixed, so the marker is removed with the fix."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from ceasewatch.extract import get_extractor
from ceasewatch.extract.engine import ENGINE_NAME, LayeredExtractor
from ceasewatch.model import Claim, Document

DATA = Path(__file__).parent / "data"
PUBLISHED = datetime.fromisoformat("2025-01-08T10:00:00+02:00")
CORPUS = sorted(p.with_suffix("") for p in DATA.glob("*/*.txt"))


def _extract(text: str, lang: str, publisher: str = "Test Wire") -> list[Claim]:
    doc = Document.create(text, language=lang, published=PUBLISHED, publisher=publisher)
    return get_extractor(ENGINE_NAME).extract(doc)


def _only(text: str, lang: str = "en") -> Claim:
    (claim,) = _extract(text, lang)
    return claim


def _weapons(claim: Claim) -> list[tuple[Any, ...]]:
    return [(w.category, w.launched, w.intercepted, w.lost, w.hit) for w in claim.weapons]


def test_engine_is_registered_for_three_languages() -> None:
    engine = get_extractor(ENGINE_NAME)
    assert isinstance(engine, LayeredExtractor)
    assert engine.name == "ceasewatch.extract.engine.v2" and engine.languages == ("en", "uk", "ru")


def test_engine_empty_and_strikeless_texts_give_no_claim() -> None:
    assert _extract("", "en") == []
    assert _extract("The talks in Riyadh ended without a statement.", "en") == []
    assert _extract("Переговори завершилися без заяви.", "uk") == []


@pytest.mark.parametrize("base", CORPUS, ids=[p.name for p in CORPUS])
def test_engine_evidence_quotes_the_document(base: Path) -> None:
    meta = json.loads(base.with_suffix(".json").read_text(encoding="utf-8"))
    text = base.with_suffix(".txt").read_text(encoding="utf-8")
    doc = Document.create(text, language=meta["language"], published=datetime.fromisoformat(meta["published"]),
                          publisher=meta["publisher"])
    claims = get_extractor(ENGINE_NAME).extract(doc)
    assert claims, "every test document reports at least one strike"
    for claim in claims:
        assert claim.extractor == ENGINE_NAME and claim.doc_id == doc.id
        for e in claim.evidence:
            quote = text[e.start:e.end]
            assert 0 <= e.start < e.end <= len(text) and quote.strip(), e
            assert e.rule, f"{e.field} has no rule"
            head, *rest = e.field.split(".")
            if head in ("weapons", "regions", "places", "targets"):
                assert int(rest[0]) < len(getattr(claim, head)), e
            if head == "weapons" and rest[1] in ("launched", "intercepted", "lost", "hit") \
                    and quote.replace(",", "").isdigit() and e.rule != "normalize.breakdown_sum":
                # a single figure's evidence is that figure
                assert int(quote.replace(",", "")) == claim.weapons[int(rest[0])].count(rest[1]), e


def test_engine_a_morning_air_force_report() -> None:
    claim = _only("Overnight Russia launched 40 Shahed drones and two Iskander-M ballistic missiles at Ukraine, "
                  "the Air Force said. Air defence shot down 30 drones over the Kharkiv and Sumy regions.")
    assert (claim.claimant.party, claim.attacker, claim.target_country, str(claim.date)) == (
        "UA", "RU", "UA", "2025-01-08")
    assert _weapons(claim) == [("drone", 40, 30, None, None), ("ballistic_missile", 2, None, None, None)]
    assert claim.regions == ("UA-63", "UA-59")


def test_engine_a_missile_class_named_in_words() -> None:
    claim = _only("Overnight Russia fired four Kh-59 guided missiles at Odesa, the Air Force said.")
    assert _weapons(claim) == [("missile", 4, None, None, None)]


def test_engine_the_same_report_in_three_languages() -> None:
    texts = {
        "en": "Russia's Defence Ministry said air defences destroyed 20 Ukrainian drones overnight: "
              "12 over the Kursk region, 5 over the Oryol region and 3 over the Sea of Azov.",
        "uk": "Міноборони РФ заявило, що вночі сили ППО знищили 20 українських дронів: 12 над Курською "
              "областю, 5 над Орловською областю і 3 над Азовським морем.",
        "ru": "Минобороны России сообщило, что ночью сбиты 20 украинских беспилотников: 12 над Курской "
              "областью, 5 над Орловской областью и 3 над Азовским морем.",
    }
    for lang, text in texts.items():
        claim = _only(text, lang)
        assert (claim.claimant.party, claim.attacker, claim.target_country) == ("RU", "UA", "RU"), lang
        assert _weapons(claim) == [("drone", None, 20, None, None)], lang
        assert set(claim.regions) == {"RU-KRS", "RU-ORL", "SEA-AZOV"}, lang


# -- known bugs, each with the smallest text that shows it -------------------------------------------------


def test_engine_an_age_is_not_a_casualty_count() -> None:
    claim = _only("Russian drones struck Kharkiv overnight, the regional governor said. A man aged 41 was injured.")
    assert claim.injured == 1


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The Air Force said air defence shot down 30 of 40 drones overnight."),
    ("uk", "Повітряні сили: вночі збито 30 з 40 дронів."),
    ("ru", "Ночью сбиты 30 из 40 дронов, сообщили Воздушные силы Украины."),
], ids=["en", "uk", "ru"])
def test_engine_n_of_m_shot_down(lang: str, text: str) -> None:
    assert _weapons(_only(text, lang)) == [("drone", 40, 30, None, None)]


@pytest.mark.parametrize(("lang", "text", "region"), [
    ("uk", "Вночі російський дрон атакував лікарню в Краснопіллі на Сумщині, повідомила ОВА.", "UA-59"),
    ("ru", "Ночью украинский беспилотник атаковал больницу в Белгороде, сообщил губернатор.", "RU-BEL"),
], ids=["uk", "ru"])
def test_engine_a_struck_hospital_in_a_town(lang: str, text: str, region: str) -> None:
    claim = _only(text, lang)
    assert "civilian.medical" in claim.targets and region in claim.regions and claim.places


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Russia's Defence Ministry said 12 Ukrainian drones were destroyed over the Kursk region, 5 over the "
           "Oryol region and 3 over the Sea of Azov, 20 in all."),
    ("uk", "Міноборони РФ заявило, що вночі над Курською областю збито 12 українських дронів, над Орловською - 5, "
           "над Азовським морем - 3, усього 20."),
    ("ru", "Минобороны России сообщило, что ночью над Курской областью сбиты 12 украинских беспилотников, над "
           "Орловской - 5, над Азовским морем - 3, всего 20."),
], ids=["en", "uk", "ru"])
def test_engine_a_breakdown_before_its_total(lang: str, text: str) -> None:
    assert _weapons(_only(text, lang)) == [("drone", None, 20, None, None)]


def test_engine_a_relative_clause_between_speaker_and_verb() -> None:
    claim = _only("Russia's Defence Ministry, which Putin ordered to stop targeting Ukraine's energy sites, said "
                  "its air defences had destroyed 20 Ukrainian drones overnight - 12 over the Kursk region, "
                  "5 over the Oryol region and 3 over the Sea of Azov.")
    assert _weapons(claim) == [("drone", None, 20, None, None)]
    assert claim.targets == ()


def test_engine_talks_give_no_claim() -> None:
    assert _extract("He did not endorse the 30-day ceasefire that Ukraine had accepted at talks with U.S. officials "
                    "in Saudi Arabia last week, and the Kremlin said aid for Kyiv must stop.", "en") == []


def test_engine_an_office_heading_a_line_speaks_for_its_side() -> None:
    claims = _extract("Ukrzaliznytsia says Russian drones struck railway power facilities in the Dnipropetrovsk "
                      "region.\n\nKrasnodar region emergency headquarters in Russia: a fire broke out at the oil "
                      "depot in Kavkazskaya after debris from a Ukrainian drone fell on the site.", "en")
    assert {(c.claimant.party, c.attacker) for c in claims} == {("UA", "RU"), ("RU", "UA")}


def test_engine_russian_none_of_them_was_shot_down() -> None:
    claim = _only("Ночью противник атаковал тремя баллистическими ракетами, сообщили Воздушные силы. "
                  "Ни одна из баллистических ракет не была сбита.", "ru")
    assert _weapons(claim) == [("ballistic_missile", 3, 0, None, None)]


@pytest.mark.parametrize(("lang", "publisher", "text"), [
    ("en", "General Staff of the Armed Forces of Ukraine",
     "Overnight long-range drones struck a storage site for Shahed attack drones at an airfield in Russia's "
     "Rostov region."),
    ("uk", "Генеральний штаб ЗСУ",
     "Вночі далекобійні дрони уразили місце зберігання ударних БпЛА типу Shahed на аеродромі в Ростовській "
     "області."),
    ("ru", "Генеральный штаб ВСУ",
     "Ночью дальнобойные дроны поразили место хранения ударных БпЛА типа Shahed на аэродроме в Ростовской "
     "области."),
], ids=["en", "uk", "ru"])
def test_engine_weapons_stored_at_the_target_are_not_the_attackers(lang: str, publisher: str, text: str) -> None:
    (claim,) = _extract(text, lang, publisher)
    assert (claim.claimant.party, claim.attacker, claim.target_country) == ("UA", "UA", "RU")
