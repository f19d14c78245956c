"""Claim normalisation (normalize/claims.py), on frames built by hand: one
claim per key, wholes against breakdowns, casualty zeros beside figures,
target families against the specific kinds, outlet summaries joining a
side's claim."""

from __future__ import annotations

from datetime import date
from typing import Any

from ceasewatch.extract.attribution import Voice
from ceasewatch.extract.frames.model import CountFact, Fact, Frame
from ceasewatch.extract.mentions.base import PlaceMention
from ceasewatch.extract.normalize import to_claims
from ceasewatch.model import Claim, Document

TEXT = ("Air Force: 57 drones were downed, 35 over Kursk region and 13 over Oryol region; 45 launched, "
        "then 40 launched; another 27 drones; 6 missiles: 4 cruise missiles and 2 ballistic missiles. "
        "Two people were killed in Izium and three injured in Kharkiv; four injured in total; nobody was hurt. "
        "Energy facilities, a substation, transport, the railway, civilian objects and a hospital were hit. "
        "Meridian Wire. Ministry.")
DOC = Document.create(TEXT, language="en", publisher="Meridian Wire")
DAY = date(2025, 3, 19)


def _at(words: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(words, start + 1)
    return start, start + len(words)


def _fact(value: Any, words: str, rule: str = "test.fact") -> Fact:
    return Fact(value, *_at(words), rule)


def _voice(party: str, name: str = "Ukrainian Air Force", basis: str = "named", words: str = "Air Force") -> Voice:
    start, end = _at(words)
    return Voice(name, party, "official", basis, "test.voice", start, end)


def _count(category: str, measure: str, value: int, words: str, *, scope: str | None = None,
           additive: bool = False, nth: int = 0) -> CountFact:
    start, end = _at(words, nth)
    return CountFact(category, None, measure, value, start, end, f"test.count.{value}", scope=scope,
                     additive=additive)


def _frame(voice: Voice | None = None, attacker: str | None = "RU", target: str | None = "UA",
           day: date | None = DAY, **facts: Any) -> Frame:
    voice = voice or _voice("UA")
    return Frame(0, voice, Fact("asserted", 0, 0, "test.stance"),
                 attacker=Fact(attacker, *_at("Air Force"), "test.attacker") if attacker else None,
                 target=Fact(target, *_at("Air Force"), "test.target") if target else None,
                 date=day, date_fact=Fact("night", *_at("Air Force"), "test.date") if day else None,
                 undated_reason=None if day else "no date in the text", **facts)


def _claims(*frames: Frame) -> list[Claim]:
    return to_claims(DOC, list(frames), "test.extractor.v1")


def _weapons(claim: Claim) -> list[tuple[str, int | None, int | None]]:
    return [(w.category, w.launched, w.intercepted) for w in claim.weapons]


def test_normalize_one_claim_per_key_in_order_of_appearance() -> None:
    ua, ru = _voice("UA"), _voice("RU", "Russian Ministry of Defence", words="Ministry")
    claims = _claims(
        _frame(ua, regions=[_fact("UA-63", "Kharkiv")]),
        _frame(ru, attacker="UA", target="RU", regions=[_fact("RU-KRS", "Kursk")]),
        _frame(ua, regions=[_fact("UA-63", "Izium")]),  # same key as the first: merged
        _frame(ua, day=date(2025, 3, 18)),  # another day: another claim, even without facts
    )
    assert [c.key for c in claims] == [("UA", "asserted", "RU", "UA", "2025-03-19"),
                                       ("RU", "asserted", "UA", "RU", "2025-03-19"),
                                       ("UA", "asserted", "RU", "UA", "2025-03-18")]
    assert claims[0].regions == ("UA-63",)
    assert claims[0].extractor == "test.extractor.v1" and claims[0].doc_id == DOC.id


def test_normalize_claimant_is_the_first_named_voice() -> None:
    inherited = _voice("UA", "Continued", basis="inherited")
    named = _voice("UA", "Ukrainian Air Force", words="Air Force")
    (claim,) = _claims(_frame(inherited), _frame(named))
    assert claim.claimant.name == "Ukrainian Air Force" and claim.attribution == "named"
    (evidence,) = [e for e in claim.evidence if e.field == "claimant"]
    assert TEXT[evidence.start:evidence.end] == "Air Force"


def test_normalize_a_whole_wins_over_its_breakdown() -> None:
    (claim,) = _claims(_frame(counts=[
        _count("drone", "intercepted", 57, "57"),
        _count("drone", "intercepted", 35, "35", scope="RU-KRS"),
        _count("drone", "intercepted", 13, "13", scope="RU-ORL"),
    ]))
    assert _weapons(claim) == [("drone", None, 57)]
    (evidence,) = [e for e in claim.evidence if e.field == "weapons.0.intercepted"]
    assert (TEXT[evidence.start:evidence.end], evidence.rule) == ("57", "test.count.57")


def test_normalize_a_breakdown_adds_up_where_no_whole_is_given() -> None:
    (claim,) = _claims(_frame(counts=[
        _count("drone", "intercepted", 35, "35", scope="RU-KRS"),
        _count("drone", "intercepted", 13, "13", scope="RU-ORL"),
        _count("drone", "intercepted", 12, "13", scope="RU-ORL"),  # a smaller repeat of one part counts once
    ]))
    assert _weapons(claim) == [("drone", None, 48)]
    evidence = [e for e in claim.evidence if e.field == "weapons.0.intercepted"]
    assert [(TEXT[e.start:e.end], e.rule) for e in evidence] == [("35", "normalize.breakdown_sum"),
                                                                  ("13", "normalize.breakdown_sum")]


def test_normalize_the_largest_whole_and_additive_parts() -> None:
    (claim,) = _claims(_frame(counts=[_count("drone", "launched", 45, "45"), _count("drone", "launched", 40, "40")]))
    assert _weapons(claim) == [("drone", 45, None)]
    (claim,) = _claims(_frame(counts=[_count("drone", "launched", 40, "40"),
                                      _count("drone", "launched", 27, "27", additive=True)]))
    assert _weapons(claim) == [("drone", 67, None)]


def test_normalize_a_missile_total_the_types_add_up_to_is_dropped() -> None:
    (claim,) = _claims(_frame(counts=[
        _count("missile", "launched", 6, "6"),
        _count("cruise_missile", "launched", 4, "4 cruise"),
        _count("ballistic_missile", "launched", 2, "2 ballistic"),
    ]))
    assert _weapons(claim) == [("cruise_missile", 4, None), ("ballistic_missile", 2, None)]
    fields = {e.field: TEXT[e.start:e.end] for e in claim.evidence if e.field.startswith("weapons.")}
    assert fields == {"weapons.0.launched": "4 cruise", "weapons.1.launched": "2 ballistic"}
    # when they do not add up, the total stays an entry of its own
    (claim,) = _claims(_frame(counts=[_count("missile", "launched", 6, "6"),
                                      _count("cruise_missile", "launched", 4, "4 cruise")]))
    assert [w.category for w in claim.weapons] == ["cruise_missile", "missile"]


def test_normalize_casualty_zeros_give_way_to_figures() -> None:
    # "nobody was hurt" at one site beside three injured elsewhere: the zero is about that site
    (claim,) = _claims(_frame(killed=[_fact((0, "zero"), "nobody was hurt")],
                              injured=[_fact((3, "Kharkiv"), "three"), _fact((0, "zero"), "nobody was hurt")]))
    assert (claim.killed, claim.injured) == (None, 3)
    # with no figure at all, the explicit zero is the claim's value
    (claim,) = _claims(_frame(killed=[_fact((0, "zero"), "nobody was hurt")],
                              injured=[_fact((0, "zero"), "nobody was hurt")]))
    assert (claim.killed, claim.injured) == (0, 0)


def test_normalize_casualties_by_place_add_up_and_the_larger_total_wins() -> None:
    by_place = [_fact((1, "Izium"), "Two"), _fact((3, "Kharkiv"), "three")]
    (claim,) = _claims(_frame(injured=by_place))
    assert claim.injured == 4
    (claim,) = _claims(_frame(injured=[*by_place, _fact((2, "total"), "four")]))
    assert claim.injured == 4  # the places' sum is larger than the stated total
    (claim,) = _claims(_frame(injured=[*by_place, _fact((6, "total"), "four")]))
    assert claim.injured == 6
    (evidence,) = [e for e in claim.evidence if e.field == "injured"]
    assert TEXT[evidence.start:evidence.end] == "four"


def test_normalize_target_families_give_way_to_specific_kinds() -> None:
    (claim,) = _claims(_frame(targets=[
        _fact("energy", "Energy facilities"), _fact("energy.power", "substation"),
        _fact("transport", "transport"), _fact("transport.rail", "railway"),
        _fact("civilian", "civilian objects"), _fact("civilian.medical", "hospital"),
    ]))
    # only the energy and transport families give way; "civilian" stays beside "civilian.medical"
    assert claim.targets == ("energy.power", "transport.rail", "civilian", "civilian.medical")
    fields = {e.field: TEXT[e.start:e.end] for e in claim.evidence if e.field.startswith("targets.")}
    assert fields == {"targets.0": "substation", "targets.1": "railway", "targets.2": "civilian objects",
                      "targets.3": "hospital"}
    (claim,) = _claims(_frame(targets=[_fact("energy", "Energy facilities")]))
    assert claim.targets == ("energy",)


def test_normalize_places_are_united_by_their_gazetteer_name() -> None:
    def place(words: str, canonical: str) -> Fact:
        start, end = _at(words)
        mention = PlaceMention(start, end, 0, 1, name=words, kind="settlement", region="UA-63", country="UA",
                               lat=49.2, lon=37.3, canonical=canonical)
        return Fact(mention, start, end, "test.place")

    (claim,) = _claims(_frame(places=[place("Izium", "Izyum"), place("Kharkiv", "Kharkiv")]),
                       _frame(places=[place("Izium", "Izyum")]))
    assert [(p.name, p.region, p.precision) for p in claim.places] == [
        ("Izium", "UA-63", "settlement"), ("Kharkiv", "UA-63", "settlement")]


def test_normalize_an_outlet_summary_joins_the_claim_of_the_side_attacked() -> None:
    outlet = _voice("OTHER", "Meridian Wire", basis="outlet", words="Meridian Wire")
    claims = _claims(_frame(outlet, regions=[_fact("UA-63", "Kharkiv")]),
                     _frame(_voice("UA"), counts=[_count("drone", "launched", 45, "45")]))
    assert [(c.claimant.party, c.regions, _weapons(c)) for c in claims] == [
        ("UA", ("UA-63",), [("drone", 45, None)])]


def test_normalize_a_claim_with_no_side_and_no_fact_is_dropped() -> None:
    assert _claims(_frame(attacker=None, target=None)) == []
    # one side known is enough, even with nothing else to check
    (kept,) = _claims(_frame(attacker=None, target="UA"))
    assert (kept.attacker, kept.target_country) == (None, "UA")
    (kept,) = _claims(_frame(attacker=None, target="UA", regions=[_fact("UA-63", "Kharkiv")]))
    assert kept.regions == ("UA-63",)


def test_normalize_an_undated_claim_says_why() -> None:
    (claim,) = _claims(_frame(day=None, regions=[_fact("UA-63", "Kharkiv")]))
    assert claim.date is None and claim.warnings == ("undated: no date in the text",)


def test_normalize_every_evidence_span_lies_in_the_text() -> None:
    (claim,) = _claims(_frame(counts=[_count("drone", "launched", 45, "45")],
                              targets=[_fact("energy.power", "substation")],
                              injured=[_fact((3, "Kharkiv"), "three")]))
    assert claim.evidence
    for e in claim.evidence:
        assert 0 <= e.start < e.end <= len(TEXT), e
