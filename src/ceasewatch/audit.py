"""The audit trail seen from the library: what commands record (imports,
re-extraction, changed agreement texts) and the signed-off export bundle.
The chain itself (append, verify) is `store/audit.py`; decisions made in the
dashboard are written with their events by the store (store/reviewing.py).

`ceasewatch audit export` writes a bundle as JSONL:

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

import getpass
import hashlib
import json
from datetime import UTC, datetime
from typing import IO, Any

__all__ = ["local_actor", "record_run", "record_agreement_changes", "touched", "export_bundle"]


def local_actor() -> str:
    """Who the audit trail names for a command run on this machine: cli:<login name>."""
    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):
        return "cli:unknown"


def record_run(store: Any, action: str, subject: str, after: dict[str, Any], *, actor: str | None = None) -> None:
    """Record an import or a re-extraction in the audit trail (stores without one: nothing)."""
    record = getattr(store, "record_event", None)
    if callable(record):
        record(actor=actor or local_actor(), action=action, subject=subject[:500], after=after)


def record_agreement_changes(store: Any, agreements: list[Any], *, actor: str | None = None) -> None:
    """An `agreement.change` event for every agreement whose text differs from
    the one the last assess used (added, changed or removed)."""
    from .store.audit import canonical
    from .store.codec import to_jsonable

    if not callable(getattr(store, "record_event", None)):
        return
    now = {a.id: hashlib.sha256(canonical(to_jsonable(a)).encode()).hexdigest()[:16] for a in agreements}
    last: dict[str, str] = {}
    for event in store.audit_events():
        if event.action == "agreement.change":
            after = json.loads(event.after)
            last.update(after.get("fingerprints", {}))
            for gone in after.get("removed", []):
                last.pop(gone, None)
    changed = {k: v for k, v in now.items() if last.get(k) != v}
    removed = sorted(set(last) - set(now))
    if changed or removed:
        store.record_event(actor=actor or local_actor(), action="agreement.change",
                           subject="agreements:" + ",".join(sorted(changed) + removed)[:400],
                           before={"fingerprints": {k: last.get(k) for k in sorted(changed) + removed}},
                           after={"fingerprints": changed, "removed": removed})


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
    from .api.queries import all_assessments
    from .api.serialize import assessment_json

    _count, problem = store.verify_audit()
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
    return header
