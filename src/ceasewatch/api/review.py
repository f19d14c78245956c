"""What review pages and their API twins show, and what a review does.

- `claim_review_view`: a claim beside its highlighted evidence, each
  reviewable field with the machine's value, the person's decision and
  value (who, when, why), and how the claimant and date were established.
- `review_queue`: the `needs_review` verdicts, ordered by the agreement
  they touch and the incident's date, each with the doubtful values.
- `record_field_reviews` / `record_override`: store a person's decisions
  (with their audit events) and re-assess, so the verdicts follow at once.

Re-assessment runs `assess.run` over the whole store, as `ceasewatch
assess` does: about a second for a mission's few thousand claims
(docs/benchmarks.md); a store of a million claims should review on a copy
and run `assess` itself.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from ..assess.confidence import claim_confidence
from ..assess.reviewed import apply_reviews, check_value, machine_value
from ..errors import InputError, NotFound
from ..model import DECISIONS, REVIEW_FIELDS, VERDICTS, Claim, FieldReview, VerdictOverride, content_hash
from ..store.base import ClaimFilter, Repository
from . import queries
from .highlight import Mark, segments
from .serialize import assessment_json, claim_json

__all__ = ["claim_review_view", "reviewed_claim_json", "review_queue", "record_field_reviews", "record_override",
           "reassess", "find_assessment"]


def _supports_reviews(store: Repository) -> bool:
    return callable(getattr(store, "list_field_reviews", None))


def reviewed_claim_json(store: Repository, claim: Claim) -> dict[str, Any]:
    """The claim's JSON with the person's values applied, and which fields a
    person confirmed (`review.confirmed_by`, with who) or rejected."""
    reviews = store.list_field_reviews(claim.id, claim.key_id) if _supports_reviews(store) else []  # type: ignore[attr-defined]
    out, confirmed = apply_reviews(claim, reviews)
    data = claim_json(out or claim)
    data["id"] = claim.id  # the machine claim's id stays the claim's name
    latest = {r.field: r for r in reviews}
    data["review"] = {
        **claim_confidence(claim, confirmed),
        "dropped": out is None,
        "confirmed_by": {f: {"by": latest[f].reviewer, "decision": latest[f].decision} for f in sorted(confirmed)},
        "rejected": sorted(f for f, r in latest.items() if r.decision == "reject"),
    }
    return data


def claim_review_view(store: Repository, claim_id: str) -> dict[str, Any]:
    claim = store.get_claim(claim_id)
    reviews = store.list_field_reviews(claim.id, claim.key_id) if _supports_reviews(store) else []  # type: ignore[attr-defined]
    reviewed, confirmed = apply_reviews(claim, reviews)
    try:
        doc = store.get_document(claim.doc_id)
    except NotFound:
        doc = None
    text = doc.text if doc else ""
    marks = [Mark(claim.id, e.field, e.start, e.end, claim.claimant.party)
             for e in claim.evidence if 0 <= e.start < e.end <= len(text)]
    fields = []
    for name in REVIEW_FIELDS:
        mine = [r for r in reviews if r.field == name]
        last = mine[-1] if mine else None
        fields.append({
            "field": name,
            "machine": machine_value(claim, name),
            "human": None if last is None else {
                "decision": last.decision, "value": last.value, "reviewer": last.reviewer, "reason": last.reason,
                "created": last.created.isoformat() if last.created else None},
            "history": len(mine),
            "evidence": [{"start": e.start, "end": e.end, "text": text[e.start:e.end], "rule": e.rule}
                         for e in claim.evidence if (e.field == name or e.field.startswith(name + "."))
                         and 0 <= e.start < e.end <= len(text)],
        })
    incident = queries.incident_for_claim(store, claim)
    verdicts = []
    if incident is not None:
        day = ClaimFilter(date_from=incident.date, date_to=incident.date) if incident.date else None
        verdicts = [assessment_json(a) for a in queries.all_assessments(store, day) if a.incident_id == incident.id]
    return {
        "claim": claim_json(claim),
        "reviewed": claim_json(reviewed) if reviewed is not None else None,
        "confidence": claim_confidence(claim, confirmed),
        "fields": fields,
        "document": None if doc is None else {"id": doc.id, "ref": doc.ref, "publisher": doc.publisher,
                                              "published": doc.published.isoformat() if doc.published else None,
                                              "title": doc.title},
        "segments": [s.to_json() for s in segments(text, marks)] if doc else [],
        "incident_id": incident.id if incident else None,
        "verdicts": verdicts,
        "decisions": list(DECISIONS),
    }


def review_queue(store: Repository, *, limit: int = 500) -> list[dict[str, Any]]:
    """The needs_review verdicts, by agreement, then the incident's date (oldest first), then version."""
    items = []
    dates: dict[str, Any] = {}
    for a in queries.all_assessments(store, ClaimFilter(verdict="needs_review")):
        if a.incident_id not in dates:
            try:
                dates[a.incident_id] = store.get_incident(a.incident_id).date
            except NotFound:
                dates[a.incident_id] = None
        items.append((a, dates[a.incident_id]))
    items.sort(key=lambda x: (x[0].agreement, x[1] is None, x[1] or datetime.min.date(), x[0].version or ""))
    return [{**assessment_json(a), "date": d.isoformat() if d else None} for a, d in items[:limit]]


def reassess(store: Repository) -> dict[str, Any]:
    from ..assess import run

    summary = run(store)
    return {"incidents": summary.incidents, "assessments": summary.assessments, "verdicts": summary.verdicts}


def record_field_reviews(store: Repository, claim_id: str, decisions: list[dict[str, Any]], *, reviewer: str,
                         reason: str = "") -> list[FieldReview]:
    """Check and store a person's decisions on fields of one claim (one
    transaction, one audit event each), then re-assess."""
    if not _supports_reviews(store):
        raise InputError("this store keeps no field reviews", hint="serve a SQLite or PostgreSQL database")
    claim = store.get_claim(claim_id)
    now = datetime.now(UTC)
    out = []
    for i, d in enumerate(decisions):
        field, decision = d.get("field"), d.get("decision")
        if field not in REVIEW_FIELDS or decision not in DECISIONS:
            raise InputError(f"decision {i}: field must be one of {', '.join(REVIEW_FIELDS)} and decision one of "
                             f"{', '.join(DECISIONS)}", location=f"decisions.{i}")
        machine = machine_value(claim, field)
        value = check_value(field, d.get("value")) if decision == "correct" else (
            machine if decision == "confirm" else None)
        why = str(d.get("reason") or reason)
        out.append(FieldReview(
            id=content_hash(claim.id, field, reviewer, now.isoformat(), str(i), prefix="frv_"), claim_id=claim.id,
            field=field, decision=decision, machine=machine, value=value, reviewer=reviewer, reason=why, created=now,
            claim_key=claim.key_id,
        ))
    store.add_field_reviews(out)  # type: ignore[attr-defined]
    reassess(store)
    return out


def find_assessment(store: Repository, assessment_id: str) -> Any:
    for a in queries.all_assessments(store, None):
        if a.id == assessment_id:
            return a
    raise NotFound(f"no verdict {assessment_id!r}", source=assessment_id, hint="list them at /api/verdicts")


def record_override(store: Repository, assessment_id: str, verdict: str, reason: str, *, reviewer: str) -> Any:
    """A person's verdict in place of the rules' one, with the written reason; then re-assess."""
    if verdict not in VERDICTS:
        raise InputError(f"no verdict {verdict!r}", location="verdict", hint="one of " + ", ".join(VERDICTS))
    if not reason.strip():
        raise InputError("an override needs a written reason", location="reason", hint="say why the rules are wrong")
    a = find_assessment(store, assessment_id)
    now = datetime.now(UTC)
    o = VerdictOverride(id=content_hash(a.id, reviewer, now.isoformat(), prefix="ovr_"), incident_id=a.incident_id,
                        agreement=a.agreement, version=a.version, verdict=verdict, reason=reason.strip(),
                        reviewer=reviewer, created=now)
    store.add_verdict_override(o, before={"verdict": a.verdict, "rule": a.rule})  # type: ignore[attr-defined]
    reassess(store)
    return o
