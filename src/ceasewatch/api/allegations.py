"""Incidents merged and split by a person, and the allegation workflow.

The allegation workflow follows the practice of the 2016 Syria cessation of
hostilities: an alleged violation is put to the accused party as a request
for information; its answer is recorded as a document (the party's words,
stored like any report) and a claim of that party with evidence quoting
them, so the next assessment weighs it like any other claim (a denial
disputes the allegation, an admission can corroborate it). The incident
page then shows allegation, request, answer and finding in order.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from ..assess import VIOLATION_VERDICTS
from ..assess.reviewed import apply_reviews
from ..errors import InputError, NotFound
from ..model import (
    Assessment,
    Claim,
    Claimant,
    Document,
    Evidence,
    Incident,
    IncidentDecision,
    InformationRequest,
    content_hash,
)
from ..store.base import Repository
from .review import find_assessment, reassess

__all__ = ["ANSWER_EXTRACTOR", "record_merge", "record_split", "record_request", "record_answer", "workflow"]

# The versioned name on claims a person recorded from a party's answer.
ANSWER_EXTRACTOR = "ceasewatch.review.answer.v1"
MAX_ANSWER = 20_000


def _decision(store: Repository, kind: str, claim_ids: list[str], before: list[str], reviewer: str,
              reason: str) -> IncidentDecision:
    if not reason.strip():
        raise InputError(f"a {kind} needs a written reason", location="reason")
    now = datetime.now(UTC)
    d = IncidentDecision(id=content_hash(kind, *claim_ids, now.isoformat(), prefix="idc_"), kind=kind,
                         claim_ids=tuple(claim_ids), reviewer=reviewer, reason=reason.strip(), created=now)
    store.add_incident_decision(d, before=before)  # type: ignore[attr-defined]
    reassess(store)
    return d


def record_merge(store: Repository, incident_ids: list[str], *, reviewer: str, reason: str) -> IncidentDecision:
    """The incidents are one event: their claims are linked together from now on."""
    ids = list(dict.fromkeys(incident_ids))
    if len(ids) < 2:
        raise InputError("a merge needs two incidents or more", location="incident_ids")
    found = [store.get_incident(i) for i in ids]
    claims = sorted({c for inc in found for c in inc.claim_ids})
    return _decision(store, "merge", claims, ids, reviewer, reason)


def record_split(store: Repository, incident_id: str, claim_ids: list[str], *, reviewer: str,
                 reason: str) -> IncidentDecision:
    """These claims are another event: they leave the incident for one of their own."""
    inc = store.get_incident(incident_id)
    leaving = [c for c in dict.fromkeys(claim_ids) if c in inc.claim_ids]
    if not leaving or len(leaving) == len(inc.claim_ids):
        raise InputError("a split takes some, not all, of the incident's claims", location="claim_ids",
                         hint="tick the claims that describe another event")
    return _decision(store, "split", leaving, [incident_id], reviewer, reason)


def record_request(store: Repository, assessment_id: str, question: str, *, reviewer: str) -> InformationRequest:
    """Put an alleged violation to the accused party."""
    a = find_assessment(store, assessment_id)
    if a.verdict not in (*VIOLATION_VERDICTS, "needs_review") or not a.violator:
        raise InputError(f"the verdict is {a.verdict}: only an alleged violation by a named party is put to it",
                         location="assessment")
    if not question.strip():
        raise InputError("write the question put to the party", location="question")
    now = datetime.now(UTC)
    req = InformationRequest(id=content_hash(a.id, now.isoformat(), prefix="rfi_"), incident_id=a.incident_id,
                             agreement=a.agreement, version=a.version, party=a.violator, question=question.strip(),
                             requested_by=reviewer, created=now,
                             claim_ids=store.get_incident(a.incident_id).claim_ids)
    store.add_information_request(req)  # type: ignore[attr-defined]
    return req


def record_answer(store: Repository, request_id: str, *, text: str, publisher: str, claimant: str, stance: str,
                  quote: str = "", reviewer: str) -> Claim:
    """Store the party's answer as a document and its claim (evidence: `quote`,
    else the whole answer), mark the request answered, re-assess."""
    requests = {r.id: r for r in store.information_requests()}  # type: ignore[attr-defined]
    req = requests.get(request_id)
    if req is None:
        raise NotFound(f"no request {request_id!r}", source=request_id, hint="see the incident page")
    text = text.strip()
    if not text or len(text) > MAX_ANSWER:
        raise InputError(f"the answer needs 1 to {MAX_ANSWER:,} characters", location="text")
    if stance not in ("asserted", "denied"):
        raise InputError("stance is asserted (the party confirms the strike) or denied", location="stance")
    if not claimant.strip() or not publisher.strip():
        raise InputError("name who answered (claimant) and where it was published (publisher)", location="claimant")
    quote = quote.strip() or text
    start = text.find(quote)
    if start < 0:
        raise InputError("the quote is not in the answer's text", location="quote",
                         hint="copy the words from the answer exactly")
    inc: Incident = store.get_incident(req.incident_id)
    now = datetime.now(UTC)
    doc = Document.create(text, publisher=publisher.strip()[:200], published=now, source_kind="text",
                          source_id=f"answer-{req.id}", title=f"Answer of {req.party} to request {req.id}",
                          meta={"request": req.id, "recorded_by": reviewer})
    span = (start, start + len(quote))
    claim = Claim(doc_id=doc.id, claimant=Claimant(claimant.strip()[:200], req.party), stance=stance,
                  attacker=inc.attacker, target_country=inc.target_country, date=inc.date,
                  regions=inc.regions, targets=inc.targets,
                  evidence=(Evidence("claimant", *span, rule="review.answer"), Evidence("stance", *span,
                                                                                         rule="review.answer")),
                  extractor=ANSWER_EXTRACTOR, attribution="publisher", dating="explicit")
    store.add_documents([doc])
    store.replace_claims(doc.id, ANSWER_EXTRACTOR, [claim])
    store.answer_information_request(req.id, doc_id=doc.id, claim_id=claim.id,  # type: ignore[attr-defined]
                                     answered_by=reviewer)
    reassess(store)
    return claim


def workflow(store: Repository, inc: Incident, assessments: list[Assessment]) -> list[dict[str, Any]]:
    """Allegation, request, answer and finding of an incident, in order."""
    getter = getattr(store, "information_requests", None)
    mine = set(inc.claim_ids)  # a request follows its claims into the incident they are in now
    requests = [r for r in getter() if mine & {*r.claim_ids, r.answer_claim_id}] if callable(getter) else []
    if not requests and not any(a.verdict in (*VIOLATION_VERDICTS, "needs_review") for a in assessments):
        return []
    steps: list[dict[str, Any]] = []
    for cid in inc.claim_ids:
        try:
            c = store.get_claim(cid)
            published = store.get_document(c.doc_id).published
        except NotFound:
            continue
        reviews = getattr(store, "list_field_reviews", None)
        c = apply_reviews(c, reviews(cid, c.key_id))[0] if callable(reviews) else c  # as a person confirmed it
        if c is None:
            continue
        if published is not None and published.tzinfo is None:
            published = published.replace(tzinfo=UTC)  # a source without an offset: taken as UTC for the order
        if c.stance == "asserted" and c.extractor != ANSWER_EXTRACTOR and c.claimant.party != inc.attacker:
            steps.append({"step": "allegation", "time": published, "who": f"{c.claimant.name} ({c.claimant.party})",
                          "text": f"alleges a strike by {inc.attacker or 'an unnamed attacker'}", "claim_id": cid})
    for r in requests:
        steps.append({"step": "request", "time": r.created, "who": r.requested_by, "request_id": r.id,
                      "text": f"asked {r.party} ({r.agreement} {r.version or ''}): {r.question}"})
        if r.answered:
            steps.append({"step": "answer", "time": r.answered, "who": r.answered_by, "request_id": r.id,
                          "text": f"{r.party} answered", "claim_id": r.answer_claim_id, "doc_id": r.answer_doc_id})
    steps.sort(key=lambda s: (s["time"] is None, s["time"] or datetime.min.replace(tzinfo=UTC)))
    for a in assessments:
        if a.verdict in (*VIOLATION_VERDICTS, "needs_review") or a.provisional or any(
                r.agreement == a.agreement and r.version == a.version for r in requests):
            steps.append({"step": "finding", "time": None, "who": a.ruleset if not a.override else a.override[0],
                          "text": f"{a.agreement} {a.version or ''}: {a.verdict} ({a.rule})", "assessment_id": a.id})
    for s in steps:
        s["time"] = s["time"].isoformat() if s["time"] else None
    return [s | {"open": s["step"] == "request" and not any(
        x["step"] == "answer" and x.get("request_id") == s["request_id"] for x in steps)} for s in steps]
