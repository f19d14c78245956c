"""Incidents merged and split by an analyst, and the allegation workflow:
an alleged violation put to the accused party, its answer recorded as a
document and a claim that the next assessment weighs, and the incident page
showing allegation, request, answer and finding in order. On SQLite and
PostgreSQL, every step audited."""

from __future__ import annotations

from datetime import UTC, date, datetime

from fastapi.testclient import TestClient

from ceasewatch.accounts import add_user
from ceasewatch.api import create_app
from ceasewatch.assess import run
from ceasewatch.config import Settings
from ceasewatch.link import apply_incident_decisions, link_claims
from ceasewatch.model import Claim, Claimant, Document, Evidence, IncidentDecision

TEXT = "Russia struck a power station in Sumy region overnight, the Air Force said."


def _claims() -> tuple[list[Document], list[Claim]]:
    docs, claims = [], []
    for n, region in ((1, "UA-59"), (2, "UA-63")):
        doc = Document.create(TEXT + f" ({n})", publisher="Air Force", language="en",
                              published=datetime(2025, 3, 28, 8, n, tzinfo=UTC))
        docs.append(doc)
        claims.append(Claim(doc.id, Claimant(f"Air Force {n}", "UA"), attacker="RU", target_country="UA",
                            date=date(2025, 3, 28), regions=(region,), targets=("energy.power",),
                            evidence=(Evidence("claimant", 60, 69), Evidence("targets.0", 16, 29)), extractor="t.v1"))
    return docs, claims


def test_link_person_merges_and_splits_apply_in_order() -> None:
    _, claims = _claims()
    by_id = {c.id: c for c in claims}
    incidents = link_claims(claims)
    assert len(incidents) == 2
    merge = IncidentDecision("d1", "merge", (claims[0].id, claims[1].id), "ann", "one salvo")
    [merged] = apply_incident_decisions(incidents, by_id, [merge])
    assert set(merged.claim_ids) == set(by_id) and set(merged.regions) == {"UA-59", "UA-63"}
    split = IncidentDecision("d2", "split", (claims[1].id,), "ann", "two salvos after all")
    again = apply_incident_decisions(incidents, by_id, [merge, split])
    assert sorted(len(i.claim_ids) for i in again) == [1, 1]
    assert sorted(i.id for i in again) == sorted(i.id for i in incidents)  # ids follow the claims
    gone = IncidentDecision("d3", "merge", ("clm_gone", claims[0].id), "ann", "claim re-extracted")
    assert apply_incident_decisions(incidents, by_id, [gone]) == incidents


def test_api_merge_split_request_answer_workflow(store) -> None:
    docs, claims = _claims()
    store.add_documents(docs)
    for d, c in zip(docs, claims, strict=True):
        store.replace_claims(d.id, "t.v1", [c])
    add_user(store, "ann", "analyst", "a long enough password", actor="test")
    token = store.create_token("ann", "t", actor="test")[1]
    run(store)
    client = TestClient(create_app(store, settings=Settings(db="sqlite://"), read_only=False),
                        base_url="http://127.0.0.1", headers={"authorization": f"Bearer {token}"})
    ids = [i.id for i in store.list_incidents(limit=10).items]
    assert len(ids) == 2
    merged = client.post("/api/incidents/merge", json={"incident_ids": ids, "reason": "one salvo, two regions"})
    assert merged.status_code == 201, merged.text
    [one] = store.list_incidents(limit=10).items
    assert len(one.claim_ids) == 2
    assert client.post(f"/api/incidents/{one.id}/split", json={"claim_ids": list(one.claim_ids),
                                                               "reason": "all of them"}).status_code == 400
    split = client.post(f"/api/incidents/{one.id}/split", json={"claim_ids": [claims[1].id], "reason": "two salvos"})
    assert split.status_code == 201 and len(store.list_incidents(limit=10).items) == 2

    inc = store.get_incident(store.incident_ids([claims[0].id])[claims[0].id])
    verdicts = client.get(f"/api/incidents/{inc.id}").json()["data"]
    ru = next(a for a in verdicts["assessments"] if a["agreement"] == "energy-moratorium-2025" and a["version"] == "RU")
    assert ru["verdict"] == "alleged"
    req = client.post(f"/api/verdicts/{ru['id']}/request", json={"question": "Did your forces strike Sumy on 28 March?"})
    assert req.status_code == 201 and req.json()["data"]["party"] == "RU"
    bad = client.post(f"/api/requests/{req.json()['data']['id']}/answer",
                      json={"text": "We did not.", "publisher": "MoD", "claimant": "MoD", "stance": "denied",
                            "quote": "words not there"})
    assert bad.status_code == 400 and bad.json()["error"]["location"] == "quote"
    answer = client.post(f"/api/requests/{req.json()['data']['id']}/answer", json={
        "text": "The Ministry of Defence states that no strike was made on energy facilities in Sumy region.",
        "publisher": "Russian Ministry of Defence", "claimant": "Russian Ministry of Defence", "stance": "denied",
        "quote": "no strike was made on energy facilities"})
    assert answer.status_code == 201, answer.text
    view = client.get(f"/api/incidents/{store.incident_ids([claims[0].id])[claims[0].id]}").json()["data"]
    ru = next(a for a in view["assessments"] if a["agreement"] == "energy-moratorium-2025" and a["version"] == "RU")
    assert (ru["verdict"], ru["rule"]) == ("disputed", "evidence.denied")
    steps = [s["step"] for s in view["workflow"]]
    assert steps[:3] == ["allegation", "request", "answer"] and "finding" in steps[3:]
    assert any("disputed" in s["text"] for s in view["workflow"] if s["step"] == "finding")
    answer_claim = store.get_claim(answer.json()["data"]["claim_id"])
    doc = store.get_document(answer_claim.doc_id)
    assert doc.text[answer_claim.evidence[0].start:answer_claim.evidence[0].end] == \
        "no strike was made on energy facilities"
    actions = [e.action for e in store.audit_events()]
    assert actions[-4:] == ["incident.merge", "incident.split", "allegation.request", "allegation.answer"]
    assert store.verify_audit()[1] is None


def test_api_review_queue_by_agreement_and_date(store) -> None:
    """needs_review verdicts, by the agreement they touch, then the night (oldest first)."""
    docs, claims = [], []
    for n, day in enumerate(("2025-04-20", "2025-03-28", "2025-04-02")):
        doc = Document.create(f"Russia struck a power station overnight ({n}).", publisher="Air Force",
                              published=datetime(2025, 4, 25, tzinfo=UTC))
        docs.append(doc)
        claims.append(Claim(doc.id, Claimant("Air Force", "UA"), attacker="RU", target_country="UA",
                            date=date.fromisoformat(day), regions=("UA-59",), targets=("energy.power",),
                            evidence=(Evidence("claimant", 0, 6),), extractor="t.v1", attribution="inherited"))
    store.add_documents(docs)
    for d, c in zip(docs, claims, strict=True):
        store.replace_claims(d.id, "t.v1", [c])
    add_user(store, "vic", "viewer", "a long enough password", actor="test")
    token = store.create_token("vic", "t", actor="test")[1]
    run(store)
    client = TestClient(create_app(store, settings=Settings(db="sqlite://"), read_only=False),
                        base_url="http://127.0.0.1", headers={"authorization": f"Bearer {token}"})
    queue = client.get("/api/review/queue").json()["data"]
    keys = [(q["agreement"], q["date"], q["version"] or "") for q in queue]
    assert keys == sorted(keys) and len({q["agreement"] for q in queue}) >= 2
    assert ("energy-moratorium-2025", "2025-03-28", "RU") in keys
    assert all(q["verdict"] == "needs_review" and q["provisional"] and "inferred from context" in q["doubts"][0]
               for q in queue)
    page = client.get("/review")
    assert page.status_code == 200 and page.text.count("<tr data-verdict=") == len(queue)
