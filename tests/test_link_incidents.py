"""Linking hand-made claims into incidents: count events, not reports."""

from __future__ import annotations

from datetime import date

import pytest

import ceasewatch.plugins  # noqa: F401
from ceasewatch.assess import assess_incidents, load_agreements
from ceasewatch.link import LINKER_NAME, NightOverlapLinker, link_claims
from ceasewatch.model import Claim, Claimant, Place
from ceasewatch.registry import linkers

UAF = Claimant("Ukrainian Air Force", "UA")
GOV = Claimant("Odesa regional administration", "UA")
UGS = Claimant("General Staff of Ukraine", "UA")
RMOD = Claimant("Russian Ministry of Defence", "RU")


def claim(claimant: Claimant, day: str | None, *, doc: str, attacker: str | None = "RU", target: str | None = "UA",
          stance: str = "asserted", regions=(), places=(), targets=()) -> Claim:
    return Claim(doc_id=doc, claimant=claimant, stance=stance, attacker=attacker, target_country=target,
                 date=date.fromisoformat(day) if day else None, regions=tuple(regions), places=tuple(places),
                 targets=tuple(targets), extractor="test.v1")


def test_link_reports_of_one_night_are_one_incident() -> None:
    national = claim(UAF, "2025-03-28", doc="a", regions=["UA-51", "UA-63", "UA-18"])
    oblast = claim(GOV, "2025-03-28", doc="b", regions=["UA-51"], places=[Place("Odesa", 46.48, 30.73)],
                   targets=["energy.power"])
    city = claim(GOV, "2025-03-28", doc="c", places=[Place("odesa")], targets=["civilian.residential"])
    [incident] = link_claims([national, oblast, city])
    assert set(incident.claim_ids) == {national.id, oblast.id, city.id}
    assert incident.linker == LINKER_NAME and incident.attacker == "RU" and incident.target_country == "UA"
    assert incident.regions == ("UA-18", "UA-51", "UA-63")
    assert incident.targets == ("civilian.residential", "energy.power")


def test_link_separate_places_days_and_countries_stay_apart() -> None:
    odesa = claim(GOV, "2025-03-28", doc="a", regions=["UA-51"])
    kharkiv = claim(GOV, "2025-03-28", doc="b", regions=["UA-63"])
    next_day = claim(GOV, "2025-03-29", doc="c", regions=["UA-51"])
    russia = claim(RMOD, "2025-03-28", doc="d", attacker="UA", target="RU", regions=["UA-51"])
    incidents = link_claims([odesa, kharkiv, next_day, russia])
    assert len(incidents) == 4
    assert sorted(len(i.claim_ids) for i in incidents) == [1, 1, 1, 1]


def test_link_targets_join_unlocated_claims_but_not_two_towns() -> None:
    town_a = claim(GOV, "2025-03-28", doc="a", regions=["UA-51"], targets=["energy.power"])
    town_b = claim(GOV, "2025-03-28", doc="b", regions=["UA-63"], targets=["energy.oil_gas"])
    vague = claim(UAF, "2025-03-28", doc="c", targets=["energy"])
    incidents = link_claims([town_a, town_b, vague])
    assert len(incidents) == 2
    joined = next(i for i in incidents if vague.id in i.claim_ids)
    assert town_a.id in joined.claim_ids  # first located claim with an energy target


def test_link_denial_and_counter_claim_join_the_accusation() -> None:
    # Russia says Ukrainian drones hit the Sudzha gas station; Ukraine denies it
    # and says Russia shelled it itself. One incident, three claims, disputed.
    accusation = claim(RMOD, "2025-03-21", doc="a", attacker="UA", target="RU", regions=["RU-KRS"],
                       places=[Place("Sudzha")], targets=["energy.oil_gas"])
    denial = claim(UGS, "2025-03-21", doc="b", attacker="UA", target="RU", stance="denied",
                   places=[Place("Sudzha")])
    counter = claim(UGS, "2025-03-21", doc="b", attacker="RU", target="RU", places=[Place("SUDZHA")])
    [incident] = link_claims([accusation, denial, counter])
    assert incident.attacker == "UA" and len(incident.claim_ids) == 3
    by_id = {c.id: c for c in (accusation, denial, counter)}
    moratorium = [a for a in load_agreements() if a.id == "energy-moratorium-2025"]
    [ru_version, _] = assess_incidents([incident], by_id, moratorium)
    assert (ru_version.verdict, ru_version.rule, ru_version.violator) == ("disputed", "evidence.denied", "UA")


def test_link_bare_claim_joins_the_largest_group_and_duplicates_count_once() -> None:
    big = [claim(GOV, "2025-03-28", doc=f"d{i}", regions=["UA-51"]) for i in range(3)]
    small = claim(GOV, "2025-03-28", doc="s", regions=["UA-63"])
    bare = claim(RMOD, "2025-03-28", doc="x", stance="denied")
    incidents = link_claims([*big, small, bare, big[0]])
    assert len(incidents) == 2
    largest = max(incidents, key=lambda i: len(i.claim_ids))
    assert bare.id in largest.claim_ids and len(largest.claim_ids) == 4


def test_link_undated_claims_are_set_aside_and_attacker_inferred() -> None:
    undated = claim(UAF, None, doc="a", regions=["UA-51"])
    no_country = claim(RMOD, "2025-03-28", doc="b", attacker="UA", target=None, regions=["RU-BEL"])
    incidents, left = NightOverlapLinker().link([undated, no_country])
    assert left == [undated]
    assert [(i.target_country, i.attacker) for i in incidents] == [("RU", "UA")]


def test_link_ids_are_stable_and_registered() -> None:
    claims = [claim(GOV, "2025-03-28", doc="a", regions=["UA-51"]), claim(UAF, "2025-03-28", doc="b")]
    assert [i.id for i in link_claims(claims)] == [i.id for i in link_claims(list(reversed(claims)))]
    assert LINKER_NAME in linkers.names()


def test_link_accepts_precomputed_ids() -> None:
    claims = [claim(GOV, "2025-03-28", doc="a", regions=["UA-51"]), claim(UAF, "2025-03-28", doc="b")]
    with_ids, _ = NightOverlapLinker().link(claims, ids=[c.id for c in claims])
    assert with_ids == link_claims(claims)
    with pytest.raises(ValueError, match="one to one"):
        NightOverlapLinker().link(claims, ids=["only-one"])
