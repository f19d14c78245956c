"""Verdicts on hand-made claims: every verdict, both moratorium versions, the
Easter truce's 18:00 Moscow edge, conditional entry into force, release."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta, timezone

import pytest

from ceasewatch.assess import assess_incidents, evaluate, load_agreements, parse_agreement
from ceasewatch.assess.rules import IncidentView
from ceasewatch.link import link_claims
from ceasewatch.model import Claim, Claimant, Evidence, Place, WeaponCount

MSK = timezone(timedelta(hours=3))
UAF = Claimant("Ukrainian Air Force", "UA")
UGS = Claimant("General Staff of Ukraine", "UA")
RMOD = Claimant("Russian Ministry of Defence", "RU")
IAEA = Claimant("IAEA", "OTHER")
AGREEMENTS = {a.id: a for a in load_agreements()}


def claim(claimant: Claimant, day: str, *, doc: str = "d1", attacker: str = "RU", target: str = "UA",
          stance: str = "asserted", regions: tuple[str, ...] = ("UA-51",), targets: tuple[str, ...] = (),
          places: tuple[Place, ...] = (), time: datetime | None = None, weapons=None) -> Claim:
    return Claim(
        doc_id=doc, claimant=claimant, stance=stance, attacker=attacker, target_country=target,
        date=date.fromisoformat(day), regions=regions, targets=targets, places=places, time=time,
        weapons=weapons if weapons is not None else (WeaponCount("drone", launched=10),),
        evidence=(Evidence("targets.0", 0, 5),) if targets else (), extractor="test.v1",
    )


def verdicts(claims: list[Claim], agreement_id: str, published=None) -> dict[str | None, tuple[str, str]]:
    """version -> (verdict, rule) for claims that form exactly one incident."""
    incidents = link_claims(claims)
    assert len(incidents) == 1, incidents
    rows = assess_incidents(incidents, {c.id: c for c in claims}, [AGREEMENTS[agreement_id]], published=published)
    return {a.version: (a.verdict, a.rule) for a in rows}


def test_assess_alleged_one_side() -> None:
    got = verdicts([claim(UAF, "2025-03-28", targets=("energy.power",))], "energy-moratorium-2025")
    assert got == {"RU": ("alleged", "evidence.one_side"), "UA": ("alleged", "evidence.one_side")}


def test_assess_moratorium_party_versions_differ_in_time() -> None:
    # 21 March: inside Russia's version (from 18 March), before Ukraine's (from 25 March).
    early = verdicts([claim(UAF, "2025-03-21", targets=("energy.oil_gas",))], "energy-moratorium-2025")
    assert early["RU"][0] == "alleged" and early["UA"] == ("not_in_force", "time.outside_window")
    # 20 April: Russia said the period ended on 17 April; Ukraine's version named no end.
    late = verdicts([claim(UAF, "2025-04-20", targets=("energy",))], "energy-moratorium-2025")
    assert late["RU"] == ("not_in_force", "time.outside_window") and late["UA"][0] == "alleged"
    # 25 March has no hour: its night straddles the start of Ukraine's version.
    edge = verdicts([claim(UAF, "2025-03-25", targets=("energy.power",))], "energy-moratorium-2025")
    assert edge["UA"] == ("alleged", "evidence.one_side+time.partial")


def test_assess_outside_scope_targets_and_unstated() -> None:
    homes = verdicts([claim(UAF, "2025-03-28", targets=("civilian.residential",))], "energy-moratorium-2025")
    assert homes["RU"] == ("outside_scope", "scope.targets")
    bare = verdicts([claim(UAF, "2025-03-28")], "energy-moratorium-2025")
    assert bare["RU"] == ("outside_scope", "scope.targets_unstated")
    kharkiv_port = verdicts([claim(UAF, "2025-04-02", regions=("UA-63",), targets=("transport.port",))],
                            "black-sea-2025")
    assert kharkiv_port["UA"] == ("outside_scope", "scope.areas")


def test_assess_black_sea_polygon_and_conditional_entry() -> None:
    at_sea = Place("grain carrier", lat=43.5, lon=31.5)
    c = claim(UAF, "2025-04-02", regions=(), places=(at_sea,), targets=("shipping",))
    got = verdicts([c], "black-sea-2025")
    # Russia's version waits for sanctions relief that never came; Ukraine's applies.
    assert got["RU"] == ("not_in_force", "condition.entry_into_force")
    assert got["UA"] == ("alleged", "evidence.one_side")
    raw = {
        "id": "black-sea-met", "name": "met", "status": "bilateral", "parties": ["RU", "UA"],
        "window": {"start": "2025-03-25T00:00", "timezone": "Europe/Moscow"},
        "scope": {"acts": ["use_of_force"], "targets": ["shipping"], "areas": {"regions": ["SEA-BLACK"]}},
        "conditions": [{"kind": "entry_into_force", "text": "sanctions lifted", "met_on": date(2025, 4, 1)}],
    }
    met = parse_agreement(raw, source="test")
    at_sea_region = replace(c, regions=("SEA-BLACK",), places=())
    incidents = link_claims([at_sea_region])
    view = IncidentView.build(incidents[0], {at_sea_region.id: at_sea_region})
    assert evaluate(view, met, met.versions[0]).verdict == "alleged"
    before = replace(at_sea_region, date=date(2025, 3, 30))
    view = IncidentView.build(link_claims([before])[0], {before.id: before})
    assert evaluate(view, met, met.versions[0]).rule == "condition.entry_into_force"


def test_assess_corroborated_needs_an_admission_matched_by_the_other_side() -> None:
    # Ukraine's General Staff says it struck a Russian refinery; Russia's MoD reports the same night.
    admit = claim(UGS, "2025-03-28", attacker="UA", target="RU", regions=("RU-SAR",), targets=("energy.oil_gas",))
    victim = claim(RMOD, "2025-03-28", doc="d2", attacker="UA", target="RU", regions=("RU-SAR",),
                   targets=("energy.oil_gas",))
    assert verdicts([admit, victim], "energy-moratorium-2025")["UA"] == ("corroborated", "evidence.admission")
    # v2: an admission with no claim of the other side to set beside it is one side's word.
    assert verdicts([admit], "energy-moratorium-2025")["RU"] == ("alleged", "evidence.admission_unmatched")
    # v2: an independent source supports, but only the attacker's own side corroborates.
    npp = claim(IAEA, "2025-03-28", doc="d3", regions=("UA-51",), targets=("energy.power",))
    ua = claim(UAF, "2025-03-28", regions=("UA-51",), targets=("energy.power",))
    assert verdicts([ua, npp], "energy-moratorium-2025")["RU"] == ("alleged", "evidence.third_party")
    assert verdicts([npp], "energy-moratorium-2025")["RU"][0] == "alleged"


def test_assess_disputed_denial_counter_claim_and_contradiction() -> None:
    ua = claim(UAF, "2025-03-28", targets=("energy.power",))
    denial = claim(RMOD, "2025-03-28", doc="d2", stance="denied", regions=(), targets=("energy",))
    assert verdicts([ua, denial], "energy-moratorium-2025")["RU"] == ("disputed", "evidence.denied")
    counter = claim(RMOD, "2025-03-28", doc="d2", attacker="UA", regions=("UA-51",), targets=("energy.power",))
    assert verdicts([ua, counter], "energy-moratorium-2025")["RU"] == ("disputed", "evidence.counter_claim")
    own = claim(RMOD, "2025-03-28", doc="d2", regions=("UA-51",), targets=("military",))
    assert verdicts([ua, own], "energy-moratorium-2025")["RU"] == ("disputed", "evidence.contradicted_scope")


def test_assess_no_violation_denial_only_and_zero_launched() -> None:
    denial = claim(RMOD, "2025-03-28", stance="denied", targets=("energy",))
    assert verdicts([denial], "energy-moratorium-2025")["RU"] == ("no_violation", "evidence.denial_only")
    quiet = claim(UAF, "2025-04-20", regions=(), weapons=(WeaponCount("drone", launched=0),))
    assert verdicts([quiet], "easter-truce-2025")[None] == ("no_violation", "evidence.no_strike")


def test_assess_not_in_force_status_and_binding() -> None:
    strike = claim(UAF, "2025-03-20", targets=("civilian.residential",))
    assert verdicts([strike], "jeddah-30-day-2025")[None] == ("not_in_force", "status.proposed")
    ua_strike = claim(RMOD, "2025-04-20", attacker="UA", target="RU", regions=("RU-KRS",))
    # Easter truce was Russia's unilateral declaration: it does not bind Ukraine.
    assert verdicts([ua_strike], "easter-truce-2025")[None] == ("not_in_force", "party.not_bound")


@pytest.mark.parametrize(
    ("hour", "minute", "verdict"),
    [(17, 59, "not_in_force"), (18, 1, "alleged")],
)
def test_assess_easter_truce_starts_at_1800_moscow(hour: int, minute: int, verdict: str) -> None:
    at = datetime(2025, 4, 19, hour, minute, tzinfo=MSK)
    got = verdicts([claim(UAF, "2025-04-19", regions=("UA-18",), time=at)], "easter-truce-2025")
    assert got[None][0] == verdict


def test_assess_easter_truce_end_edge_and_kyiv_offset() -> None:
    last = datetime(2025, 4, 20, 23, 59, tzinfo=MSK)
    after = datetime(2025, 4, 21, 0, 1, tzinfo=MSK)
    assert verdicts([claim(UAF, "2025-04-20", time=last)], "easter-truce-2025")[None][0] == "alleged"
    assert verdicts([claim(UAF, "2025-04-21", time=after)], "easter-truce-2025")[None][0] == "not_in_force"
    # The same instant written in Kyiv time (UTC+3 in April) decides the same way.
    kyiv = timezone(timedelta(hours=3), "EEST")
    early = datetime(2025, 4, 19, 17, 59, tzinfo=kyiv)
    assert verdicts([claim(UAF, "2025-04-19", time=early)], "easter-truce-2025")[None][0] == "not_in_force"


def test_assess_publication_time_bounds_an_hourless_claim() -> None:
    c = claim(UAF, "2025-04-19", regions=("UA-18",))
    assert verdicts([c], "easter-truce-2025")[None][1].endswith("+time.partial")
    noon = {"d1": datetime(2025, 4, 19, 12, 0, tzinfo=MSK)}
    assert verdicts([c], "easter-truce-2025", published=noon)[None] == ("not_in_force", "time.outside_window")
    # The whole night of 19-20 April falls inside the truce.
    assert verdicts([claim(UAF, "2025-04-20")], "easter-truce-2025")[None] == ("alleged", "evidence.one_side")


def test_assess_release_on_violation_frees_the_other_side() -> None:
    draft = parse_agreement({
        "id": "draft-release", "name": "draft", "status": "draft", "parties": ["RU", "UA"],
        "scope": {"acts": ["hostilities"]},
        "conditions": [{"kind": "release_on_violation", "text": "a violation frees the other side",
                        "basis": "corroborated"}],
    }, source="test")
    # Ukraine's admission, matched by Russia's report of the same strike (both quoted: targets carry evidence).
    ua_admits = claim(UGS, "2025-04-01", attacker="UA", target="RU", regions=("RU-BEL",), targets=("military",))
    ru_reports = claim(RMOD, "2025-04-01", doc="d4", attacker="UA", target="RU", regions=("RU-BEL",),
                       targets=("military",))
    ru_later = claim(UAF, "2025-04-03", doc="d2", regions=("UA-63",))
    ru_same_day = claim(UAF, "2025-04-01", doc="d3", regions=("UA-63",))
    claims = [ua_admits, ru_reports, ru_later, ru_same_day]
    rows = assess_incidents(link_claims(claims), {c.id: c for c in claims}, [draft], assume_in_force=True)
    by_day = {(a.violator, a.rule) for a in rows}
    assert ("UA", "evidence.admission") in by_day
    assert (None, "condition.released_by_violation") in by_day  # RU on 3 April
    assert ("RU", "evidence.one_side") in by_day  # RU on 1 April, before the release


def test_assess_rows_carry_evidence_claimants_and_names() -> None:
    ua = claim(UAF, "2025-03-28", targets=("energy.power",))
    denial = claim(RMOD, "2025-03-28", doc="d2", stance="denied", regions=(), targets=("energy",))
    rows = assess_incidents(link_claims([ua, denial]), {c.id: c for c in (ua, denial)},
                            [AGREEMENTS["energy-moratorium-2025"]])
    row = next(a for a in rows if a.version == "RU")
    assert row.ruleset == "ceasewatch.assess.rules.v2" and row.violator == "RU"
    assert set(row.claim_ids) == {ua.id, denial.id}
    assert {c.party for c in row.claimants} == {"UA", "RU"}
    assert row.evidence and all(cid in row.claim_ids for cid, _ in row.evidence)
    assert "deny" in row.reason
    assert len({a.id for a in rows}) == len(rows)


def test_assess_stated_time_travels_in_the_spec_shape() -> None:
    at = datetime(2025, 4, 19, 18, 1, tzinfo=MSK)
    c = claim(UAF, "2025-04-19", time=at)
    data = c.to_spec()
    assert data["time"] == "2025-04-19T18:01:00+03:00"
    assert Claim.from_spec(data, extractor="test.v1").time == at
    assert "time" not in claim(UAF, "2025-04-19").to_spec()
