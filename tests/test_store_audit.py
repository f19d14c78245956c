"""The audit trail on SQLite and PostgreSQL: every review, override and
account change is a chained event written with it; `verify` names the
first edited, inserted or deleted event; a SIGKILL in the middle of a batch
of review writes leaves whole decisions, each with its event, and a chain
that verifies."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from datetime import date

import pytest
from sqlalchemy import delete, func, select, update

from ceasewatch.assess import run
from ceasewatch.model import Claim, Claimant, Document, Evidence, FieldReview, VerdictOverride, WeaponCount
from ceasewatch.store import open_store
from ceasewatch.store import review_schema as rs
from ceasewatch.store.audit import event_hash

TEXT = "The President of Ukraine said Russia struck the Sumy power plant overnight. The Air Force said the same."


def _fill(store) -> tuple[Claim, Claim]:
    doc = Document.create(TEXT, publisher="wire", language="en")
    store.add_documents([doc])
    misread = Claim(doc.id, Claimant("Putin", "RU"), attacker="RU", target_country="UA", date=date(2025, 3, 19),
                    regions=("UA-59",), targets=("energy.power",), weapons=(WeaponCount("drone", launched=5),),
                    evidence=(Evidence("claimant", 4, 26), Evidence("targets.0", 53, 63)), extractor="t.v1",
                    attribution="named", dating="explicit")
    air = Claim(doc.id, Claimant("Air Force", "UA"), attacker="RU", target_country="UA", date=date(2025, 3, 19),
                regions=("UA-59",), targets=("energy.power",), weapons=(WeaponCount("drone", launched=5),),
                evidence=(Evidence("claimant", 78, 87), Evidence("stance", 88, 92)), extractor="t.v1",
                attribution="named", dating="explicit")
    store.replace_claims(doc.id, "t.v1", [misread, air])
    return misread, air


def _review(claim: Claim, i: int, value: object = None, decision: str = "confirm") -> FieldReview:
    spec = claim.to_spec()
    return FieldReview(f"frv_{i}", claim.id, "claimant", decision, spec["claimant"],
                       value if decision == "correct" else spec["claimant"], "ann", reason=f"r{i}")


def test_store_review_corrects_verdict_and_chain_verifies(store) -> None:
    misread, air = _fill(store)
    store.add_user("ann", "analyst", "hash", actor="cli:root")
    summary = run(store)
    assert summary.verdicts.get("corroborated") == 1  # the misread "Putin (RU)" admission
    fix = _review(misread, 1, {"name": "Zelensky", "party": "UA"}, "correct")
    store.add_field_reviews([fix])
    assert store.list_field_reviews(misread.id)[0].value == {"name": "Zelensky", "party": "UA"}
    summary = run(store)
    assert "corroborated" not in summary.verdicts and summary.verdicts.get("alleged") == 1
    verdict = next(a for a in store.list_assessments(limit=100).items if a.verdict == "alleged")
    assert f"{misread.id}:claimant" in verdict.confirmed
    # Re-extraction yields the same claim: the person's decision still applies.
    store.replace_claims(misread.doc_id, "t.v1", [misread, air])
    assert "corroborated" not in run(store).verdicts
    # An override with its reason
    o = VerdictOverride("ovr_1", verdict.incident_id, verdict.agreement, verdict.version, "no_violation",
                        "debris of an intercepted drone", "ann")
    store.add_verdict_override(o, before={"verdict": verdict.verdict})
    run(store)
    row = next(a for a in store.list_assessments(limit=100).items if a.id == verdict.id)
    assert (row.verdict, row.rule, row.provisional) == ("no_violation", "review.override", "alleged")
    events = list(store.audit_events())
    assert [e.action for e in events] == ["user.add", "claim.correct", "verdict.override"]
    assert events[1].subject == f"claim:{misread.id}#claimant" and events[1].actor == "ann"
    assert '"by":"machine"' in events[1].before and "Zelensky" in events[1].after
    assert store.verify_audit() == (3, None)


def _tamper(store, stmt) -> None:
    with store._engine.begin() as conn:
        conn.execute(stmt)


@pytest.mark.parametrize("how", ["edited", "deleted", "deleted_last", "inserted", "inserted_rehashed"])
def test_store_audit_verify_names_the_first_broken_event(store, how: str) -> None:
    for i in range(5):
        store.record_event(actor="ann", action="ingest", subject=f"import:{i}", after={"added": i})
    assert store.verify_audit() == (5, None)
    t = rs.audit_events
    if how == "edited":
        _tamper(store, update(t).where(t.c.seq == 3).values(reason="nothing happened"))
        expect = (3, "edited")
    elif how == "deleted":
        _tamper(store, delete(t).where(t.c.seq == 2))
        expect = (2, "deleted")
    elif how == "deleted_last":
        _tamper(store, delete(t).where(t.c.seq == 5))
        expect = (5, "deleted")
    else:
        with store._engine.begin() as conn:
            rows = conn.execute(select(t).where(t.c.seq >= 3).order_by(t.c.seq.desc())).mappings().all()
            for row in rows:  # make room at 3, keeping every stored hash
                conn.execute(update(t).where(t.c.seq == row["seq"]).values(seq=row["seq"] + 1))
            fake = dict(rows[-1]) | {"seq": 3, "reason": "backdated", "actor": "mallory"}
            if how == "inserted_rehashed":  # a well-formed event chained onto event 2
                fake["hash"] = event_hash(fake["prev_hash"], 3, fake["time"], "mallory", fake["action"],
                                          fake["subject"], fake["before"], fake["after"], "backdated")
            conn.execute(t.insert().values(fake))
        expect = (3, "edited" if how == "inserted" else "inserted")
    _, problem = store.verify_audit()
    assert problem is not None and (problem.seq, problem.kind) == expect, problem


def test_store_accounts_tokens_sessions(store) -> None:
    store.add_user("vic", "viewer", "h1", actor="cli:root")
    token_id, secret = store.create_token("vic", "script", actor="cli:root")
    assert store.token_user(secret).name == "vic" and store.token_user(secret + "x") is None
    with store._engine.begin() as conn:  # only the hash is kept
        assert secret not in str(conn.execute(select(rs.api_tokens)).all())
    sid, csrf = store.create_session("vic", ttl_s=60)
    assert store.session(sid)[0].name == "vic" and store.session(sid)[1] == csrf
    store.revoke_token(token_id, actor="cli:root")
    assert store.token_user(secret) is None
    token2, secret2 = store.create_token("vic", "second", actor="cli:root")
    store.disable_user("vic", actor="cli:root", reason="left")
    assert store.session(sid) is None and store.token_user(secret2) is None and store.active_user_count() == 0
    actions = [e.action for e in store.audit_events()]
    assert actions == ["user.add", "token.create", "token.revoke", "token.create", "user.disable"]
    assert store.verify_audit()[1] is None


_WRITER = """
import sys
from ceasewatch.store import open_store
from ceasewatch.model import FieldReview
url, claim_id = sys.argv[1], sys.argv[2]
store = open_store(url)
i = 0
while True:
    batch = [FieldReview(f"frv_{i}_{k}", claim_id, f, "confirm", None, None, "ann", reason="batch")
             for k, f in enumerate(("claimant", "date", "targets"))]
    store.add_field_reviews(batch)
    i += 1
    if i == 20:
        print("ready", flush=True)
"""


def test_store_sigkill_during_review_writes_leaves_a_verifying_chain(store_url: str) -> None:
    with open_store(store_url) as store:
        misread, _ = _fill(store)
    proc = subprocess.Popen([sys.executable, "-c", _WRITER, store_url, misread.id], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
        time.sleep(0.3)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    with open_store(store_url) as store:
        count, problem = store.verify_audit()
        with store._engine.connect() as conn:
            reviews = conn.execute(select(func.count()).select_from(rs.field_reviews)).scalar_one()
        assert problem is None and count >= 60
        assert reviews == count and count % 3 == 0  # whole batches, each decision with its event


def test_report_daily_says_what_a_person_confirmed(store) -> None:
    from ceasewatch.report.daily import build_daily, report_json

    misread, air = _fill(store)
    before = report_json(build_daily(store, date(2025, 3, 19)))
    assert any(f["verdict"] == "corroborated" for v in before["violations"] for f in v["findings"])
    store.add_field_reviews([_review(misread, 1, {"name": "Zelensky", "party": "UA"}, "correct"),
                             _review(air, 2)])
    after = report_json(build_daily(store, date(2025, 3, 19)))
    findings = [f for v in after["violations"] for f in v["findings"]]
    assert findings and {f["verdict"] for f in findings} == {"alleged"}
    assert {f"{misread.id}:claimant", f"{air.id}:claimant"} <= set(findings[0]["confirmed"])
    cards = [c for v in after["violations"] for c in v["sides"]["UA"]]
    assert {c["claimant"] for c in cards} == {"Zelensky", "Air Force"} and all(c["confirmed"] == ["claimant"]
                                                                               for c in cards)


def test_store_decisions_follow_the_claim_to_a_new_extractor_version(store) -> None:
    from dataclasses import replace

    from ceasewatch.api.review import claim_review_view, record_field_reviews

    misread, air = _fill(store)
    record_field_reviews(store, misread.id, [{"field": "claimant", "decision": "correct",
                                              "value": {"name": "Zelensky", "party": "UA"}}], reviewer="ann")
    # Re-extraction by a new extractor version: the same claims (document and key), new ids.
    newer = [replace(c, extractor="t.v2") for c in (misread, air)]
    store.replace_claims(misread.doc_id, "t.v1", [])
    store.replace_claims(misread.doc_id, "t.v2", newer)
    assert newer[0].id != misread.id and newer[0].key_id == misread.key_id
    summary = run(store)
    assert "corroborated" not in summary.verdicts and summary.verdicts.get("alleged") == 1
    view = claim_review_view(store, newer[0].id)
    claimant = next(f for f in view["fields"] if f["field"] == "claimant")
    assert claimant["human"]["value"] == {"name": "Zelensky", "party": "UA"} and claimant["machine"]["name"] == "Putin"


def test_store_audit_concurrent_writers_keep_one_chain(store) -> None:
    from concurrent.futures import ThreadPoolExecutor

    def write(worker: int) -> None:
        for i in range(15):
            store.record_event(actor=f"w{worker}", action="claim.confirm", subject=f"claim:c{worker}_{i}")

    with ThreadPoolExecutor(4) as pool:
        list(pool.map(write, range(4)))
    assert store.verify_audit() == (60, None)
