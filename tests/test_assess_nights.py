"""`assess.run_days` writes for some days exactly what a full `run` writes,
also when an agreement's release clause ties a window's days together: a
violation on one night frees the other side on every later night."""

from __future__ import annotations

from datetime import date

from ceasewatch.assess import days_to_reassess, parse_agreement, run, run_days
from ceasewatch.model import Claim, Claimant, Document, Evidence, WeaponCount

UAF = Claimant("Ukrainian Air Force", "UA")
UGS = Claimant("General Staff of Ukraine", "UA")
RMOD = Claimant("Russian Ministry of Defence", "RU")
DRAFT = parse_agreement({
    "id": "bilateral-release", "name": "test truce", "status": "bilateral", "parties": ["RU", "UA"],
    "declared_by": ["RU", "UA"], "accepted_by": ["RU", "UA"],
    "window": {"start": "2025-04-01T00:00", "end": "2025-04-10T00:00", "timezone": "Europe/Kyiv"},
    "scope": {"acts": ["hostilities"]},
    "conditions": [{"kind": "release_on_violation", "text": "a violation frees the other side", "basis": "alleged"}],
}, source="test")


def _add(store, n: int, claimant: Claimant, day: str, *, attacker: str, target: str, region: str) -> None:
    text = f"report {n}: a strike on {region}."
    doc = Document.create(text, publisher=claimant.name, language="en")
    store.add_documents([doc])
    claim = Claim(doc_id=doc.id, claimant=claimant, attacker=attacker, target_country=target,
                  date=date.fromisoformat(day), regions=(region,), targets=("military",),
                  weapons=(WeaponCount("drone", launched=5),), extractor="tests.nights.v1",
                  evidence=(Evidence("targets.0", 0, 6),))
    store.replace_claims(doc.id, claim.extractor, [claim])


def _verdicts(store) -> set[tuple[str, str, str | None, str]]:
    incidents = {i.id: i for i in store.list_incidents(limit=1000).items}
    return {(str(incidents[a.incident_id].date), a.verdict, a.violator, a.rule)
            for a in store.list_assessments(limit=1000).items}


def test_assess_run_days_follows_a_release_clause_across_nights(store) -> None:
    # Russia strikes on 5 April; at first nothing else is known: alleged.
    _add(store, 1, UAF, "2025-04-05", attacker="RU", target="UA", region="UA-63")
    run_days(store, days_to_reassess(store, [date(2025, 4, 5)], [DRAFT]), [DRAFT])
    assert {v[1] for v in _verdicts(store)} == {"alleged"}
    # Then a report of a Ukrainian strike on 2 April arrives: from 3 April Russia is freed.
    _add(store, 2, RMOD, "2025-04-02", attacker="UA", target="RU", region="RU-BEL")
    days = days_to_reassess(store, [date(2025, 4, 2)], [DRAFT])
    assert days == {date(2025, 4, 2), date(2025, 4, 5)}  # the window's other night comes along
    run_days(store, days, [DRAFT])
    incremental = _verdicts(store)
    assert incremental == {("2025-04-02", "alleged", "UA", "evidence.one_side"),
                           ("2025-04-05", "not_in_force", None, "condition.released_by_violation")}
    run(store, agreements=[DRAFT])
    assert _verdicts(store) == incremental  # what the full run writes


def test_assess_days_to_reassess_without_release_clauses_is_the_days(store) -> None:
    _add(store, 1, UAF, "2025-04-05", attacker="RU", target="UA", region="UA-63")
    _add(store, 2, UAF, "2025-04-06", attacker="RU", target="UA", region="UA-63")
    plain = parse_agreement({"id": "plain", "name": "plain", "status": "bilateral", "parties": ["RU", "UA"],
                             "declared_by": ["RU", "UA"], "accepted_by": ["RU", "UA"],
                             "window": {"start": "2025-04-01T00:00", "end": "2025-04-10T00:00",
                                        "timezone": "Europe/Kyiv"},
                             "scope": {"acts": ["hostilities"]}}, source="test")
    assert days_to_reassess(store, [date(2025, 4, 5)], [plain]) == {date(2025, 4, 5)}
