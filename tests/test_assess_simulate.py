"""Reciprocity counts, run() over a store, and simulating a draft text
against an existing version on hand-made claims."""

from __future__ import annotations

from datetime import date

from ceasewatch.api.memory_store import MemoryRepository
from ceasewatch.assess import assess_incidents, load_agreements, parse_agreement, reciprocity, run, simulate
from ceasewatch.link import link_claims
from ceasewatch.model import Claim, Claimant, Document

UAF = Claimant("Ukrainian Air Force", "UA")
UGS = Claimant("General Staff of Ukraine", "UA")
AGREEMENTS = {a.id: a for a in load_agreements()}


def strike(day: str, region: str, targets: tuple[str, ...], *, claimant: Claimant = UAF, attacker: str = "RU",
           target: str = "UA", doc: str = "d") -> Claim:
    return Claim(doc_id=f"{doc}-{day}-{region}", claimant=claimant, attacker=attacker, target_country=target,
                 date=date.fromisoformat(day), regions=(region,), targets=targets, extractor="test.v1")


CLAIMS = [
    strike("2025-03-20", "UA-51", ("energy.power",)),
    strike("2025-03-20", "UA-63", ("civilian.residential",)),
    strike("2025-03-21", "UA-18", ("energy.oil_gas",)),
    strike("2025-03-21", "RU-KRS", ("energy.oil_gas",), claimant=UGS, attacker="UA", target="RU"),
    strike("2025-03-22", "UA-48", ("transport.rail",)),
]


def test_assess_reciprocity_counts_per_party_per_day() -> None:
    incidents = link_claims(CLAIMS)
    rows = assess_incidents(incidents, {c.id: c for c in CLAIMS}, [AGREEMENTS["energy-moratorium-2025"]])
    table = {(r.version, r.date.isoformat(), r.party): (r.alleged, r.corroborated, r.disputed)
             for r in reciprocity(rows, incidents)}
    assert table == {
        ("RU", "2025-03-20", "RU"): (1, 0, 0),
        ("RU", "2025-03-21", "RU"): (1, 0, 0),
        # v2: Ukraine's admission with no Russian report beside it is alleged, not corroborated.
        ("RU", "2025-03-21", "UA"): (1, 0, 0),
    }


def test_assess_simulate_draft_against_version() -> None:
    # A mediator's draft: the moratorium widened to railways, from 20 March.
    draft = parse_agreement({
        "id": "draft-energy-rail", "name": "energy and rail", "status": "draft", "parties": ["RU", "UA"],
        "window": {"start": "2025-03-20T00:00", "timezone": "Europe/Kyiv"},
        "scope": {"acts": ["strike"], "targets": ["energy", "transport.rail"]},
    }, source="draft.yaml")
    result = simulate(CLAIMS, draft, date_from=date(2025, 3, 20), date_to=date(2025, 3, 22),
                      baseline=AGREEMENTS["energy-moratorium-2025"], baseline_version="RU")
    assert result.draft == "draft-energy-rail" and result.baseline == "energy-moratorium-2025:RU"
    assert result.incidents == 5
    assert result.draft_verdicts["alleged"] == 4 and result.baseline_verdicts["alleged"] == 3
    [change] = result.changes
    assert (change.date, change.draft_verdict, change.baseline_verdict) == (date(2025, 3, 22), "alleged",
                                                                            "outside_scope")
    assert change.regions == ("UA-48",)
    per_day = {(r.date.isoformat(), r.party): (r.draft, r.baseline) for r in result.rows}
    assert per_day[("2025-03-22", "RU")] == (1, 0) and per_day[("2025-03-21", "UA")] == (1, 1)
    # The proposed Jeddah ceasefire never entered into force; simulated, it would have covered everything.
    jeddah = simulate(CLAIMS, AGREEMENTS["jeddah-30-day-2025"], date_from=date(2025, 3, 20), date_to=date(2025, 3, 22))
    assert jeddah.draft_verdicts["alleged"] + jeddah.draft_verdicts["corroborated"] == 5
    assert jeddah.to_dict()["draft_verdicts"].get("corroborated", 0) == 0  # v2: the unmatched admission is alleged


def test_assess_run_writes_incidents_and_assessments() -> None:
    store = MemoryRepository()
    docs = {c.doc_id: Document(id=c.doc_id, text="x") for c in CLAIMS}
    store.add_documents(docs.values())
    for c in CLAIMS:
        store.replace_claims(c.doc_id, c.extractor, [c])
    summary = run(store)
    assert summary.incidents == 5 and summary.claims == 5
    assert summary.assessments == 5 * sum(len(a.versions) for a in AGREEMENTS.values())
    assert len(store.list_incidents(limit=100).items) == 5
    assert len(store.list_assessments(limit=1000).items) == summary.assessments
    assert summary.findings[0]["date"] == date(2025, 3, 21)
    assert summary.verdicts["not_in_force"] > 0 and "alleged" in summary.verdicts
