"""`ceasewatch audit export`: a signed-off bundle of the audit trail, as JSONL.

    {"kind": "bundle", "created", "signed_off_by", "events", "head", "verified", "problem"}
    {"kind": "event", "seq", "time", "actor", "action", "subject", "before", "after", "reason",
     "prev_hash", "hash"}                                  one per event, in order
    {"kind": "claim", "id", "record", "reviews"}           every claim an event touched, as stored now,
                                                           with the decisions on its fields
    {"kind": "verdict", ...}                               every verdict on a touched incident or citing a
                                                           touched claim, as stored now (api shape)
    {"kind": "seal", "lines", "sha256"}                    SHA-256 of every line above

The header carries the chain's head hash and the result of verifying it at
export time: a reader re-hashes the events (store/audit.py `event_hash`),
checks the head, and checks the seal over the lines.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from typing import IO, Any

__all__ = ["export_bundle", "touched"]


def touched(subjects: list[str]) -> tuple[set[str], set[str]]:
    """(claim ids, incident ids) named by event subjects ("claim:clm_x#field", "claims:clm_a,clm_b",
    "verdict:inc_y/agr/ver")."""
    claims, incidents = set(), set()
    for subject in subjects:
        kind, _, rest = subject.partition(":")
        if kind == "claim":
            claims.add(rest.split("#", 1)[0])
        elif kind == "claims":
            claims.update(c for c in rest.split(",") if c)
        elif kind == "verdict":
            incidents.add(rest.split("/", 1)[0])
    return claims, incidents


def export_bundle(store: Any, out: IO[str], *, signed_off_by: str) -> dict[str, Any]:
    """Write the bundle to `out`; returns its header."""
    from ..api.queries import all_assessments
    from ..api.serialize import assessment_json

    count, problem = store.verify_audit()
    events = list(store.audit_events())
    claims, incidents = touched([e.subject for e in events])
    header = {
        "kind": "bundle", "created": datetime.now(UTC).isoformat(), "signed_off_by": signed_off_by,
        "events": len(events), "head": events[-1].hash if events else None, "verified": problem is None,
        "problem": None if problem is None else {"seq": problem.seq, "kind": problem.kind, "message": problem.message},
    }
    digest = hashlib.sha256()
    lines = 0

    def write(obj: dict[str, Any]) -> None:
        nonlocal lines
        line = json.dumps(obj, ensure_ascii=False, sort_keys=True, default=str) + "\n"
        digest.update(line.encode("utf-8"))
        out.write(line)
        lines += 1

    write(header)
    for e in events:
        write({"kind": "event", **e.to_json()})
    records = store.claim_records(sorted(claims))
    reviews = store.field_reviews_by_claim(sorted(claims))
    for cid in sorted(claims):
        write({"kind": "claim", "id": cid, "record": records.get(cid),
               "reviews": [{"id": r.id, "field": r.field, "decision": r.decision, "machine": r.machine,
                            "value": r.value, "reviewer": r.reviewer, "reason": r.reason,
                            "created": r.created.isoformat() if r.created else None} for r in reviews.get(cid, [])]})
    if claims or incidents:
        for a in all_assessments(store):
            if a.incident_id in incidents or claims.intersection(a.claim_ids):
                write({"kind": "verdict", **assessment_json(a)})
    out.write(json.dumps({"kind": "seal", "lines": lines, "sha256": digest.hexdigest()}) + "\n")
    del count
    return header
