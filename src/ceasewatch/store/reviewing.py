"""A person's decisions in the store (mixed into `SqlRepository`): field
reviews of claims, verdict overrides, incident merges and splits, and
allegations put to the accused party with their answers. Append-only: a later decision on
the same field (verdict) applies over an earlier one, and both stay.

Each decision and its audit event are written in one transaction, so a
process killed in the middle of a batch leaves whole decisions, each with
its event, and a chain that verifies. The event's `before` is the value in
force before the decision (the machine's, or an earlier person's), `after`
the decision.
"""

from __future__ import annotations

import json
import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, insert, or_, select, update

from ..errors import InputError, NotFound
from ..model import (
    DECISIONS,
    REVIEW_FIELDS,
    VERDICTS,
    FieldReview,
    IncidentDecision,
    InformationRequest,
    VerdictOverride,
)
from . import audit
from . import review_schema as rs
from . import schema as s

__all__ = ["ReviewStore"]


def _dt(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def _field_review(row: Any) -> FieldReview:
    return FieldReview(
        id=row.id, claim_id=row.claim_id, field=row.field, decision=row.decision,
        machine=json.loads(row.machine) if row.machine is not None else None,
        value=json.loads(row.value) if row.value is not None else None,
        reviewer=row.reviewer, reason=row.reason, created=_dt(row.created), claim_key=row.claim_key or "",
    )


def _override(row: Any) -> VerdictOverride:
    return VerdictOverride(id=row.id, incident_id=row.incident_id, agreement=row.agreement, version=row.version,
                           verdict=row.verdict, reason=row.reason, reviewer=row.reviewer, created=_dt(row.created))


class ReviewStore:
    """Mixed into SqlRepository, which provides `_write`, `_read`, `get_claim`."""

    _write: Any
    _read: Any

    def add_field_reviews(self, reviews: Sequence[FieldReview], *, reason: str = "") -> None:
        """Store the decisions on one claim's fields in one transaction,
        with one audit event per decision."""
        for r in reviews:
            if r.field not in REVIEW_FIELDS or r.decision not in DECISIONS:
                raise InputError(f"bad decision {r.decision!r} on {r.field!r}", location="field",
                                 hint="fields: " + ", ".join(REVIEW_FIELDS) + "; decisions: " + ", ".join(DECISIONS))
        if not reviews:
            return
        with self._write() as conn:
            for r in reviews:
                self._append_field_review(conn, r)

    def _append_field_review(self, conn: Connection, r: FieldReview) -> None:
        t = rs.field_reviews.c
        last = conn.execute(select(rs.field_reviews).where(t.claim_id == r.claim_id, t.field == r.field)
                            .order_by(t.seq.desc()).limit(1)).first()
        before = ({"value": json.loads(last.value) if last.value else None, "decision": last.decision,
                   "by": last.reviewer} if last else {"value": r.machine, "decision": None, "by": "machine"})
        created = (r.created or datetime.now(UTC)).isoformat()
        conn.execute(insert(rs.field_reviews).values(
            id=r.id, claim_id=r.claim_id, field=r.field, decision=r.decision,
            machine=json.dumps(r.machine, ensure_ascii=False), value=json.dumps(r.value, ensure_ascii=False),
            reviewer=r.reviewer, reason=r.reason, created=created, seq=time.time_ns(), claim_key=r.claim_key or None,
        ))
        audit.append(conn, actor=r.reviewer, action=f"claim.{r.decision}", subject=f"claim:{r.claim_id}#{r.field}",
                     before=before, after={"value": r.value, "decision": r.decision, "machine": r.machine},
                     reason=r.reason)

    def list_field_reviews(self, claim_id: str, claim_key: str | None = None) -> list[FieldReview]:
        """The decisions on a claim, or on the same claim (`claim_key`) as another extractor made it."""
        t = rs.field_reviews.c
        which = t.claim_id == claim_id if not claim_key else or_(t.claim_id == claim_id, t.claim_key == claim_key)
        with self._read() as conn:
            rows = conn.execute(select(rs.field_reviews).where(which).order_by(t.seq, t.id))
            return [_field_review(r) for r in rows]

    def field_reviews_by_claim(self, claim_ids: Iterable[str] | None = None) -> dict[str, list[FieldReview]]:
        """claim id -> its decisions in the order they were made, and (for
        every reviewed claim, without `claim_ids`) claim key -> the same, so
        a claim re-made by another extractor version finds them."""
        t = rs.field_reviews.c
        stmt = select(rs.field_reviews).order_by(t.seq, t.id)
        if claim_ids is not None:
            stmt = stmt.where(t.claim_id.in_(list(claim_ids)))
        out: dict[str, list[FieldReview]] = defaultdict(list)
        with self._read() as conn:
            for row in conn.execute(stmt):
                review = _field_review(row)
                out[row.claim_id].append(review)
                if claim_ids is None and review.claim_key:
                    out[review.claim_key].append(review)
        return dict(out)

    def add_verdict_override(self, o: VerdictOverride, *, before: dict[str, Any] | None = None) -> None:
        """Store a person's verdict with its audit event (`before`: the
        verdict it replaces, as shown to the person)."""
        if o.verdict not in VERDICTS or not o.reason.strip():
            raise InputError("an override needs a verdict and a written reason", location="reason",
                             hint="verdicts: " + ", ".join(VERDICTS))
        with self._write() as conn:
            conn.execute(insert(rs.verdict_overrides).values(
                id=o.id, incident_id=o.incident_id, agreement=o.agreement, version=o.version, verdict=o.verdict,
                reason=o.reason, reviewer=o.reviewer, created=(o.created or datetime.now(UTC)).isoformat(),
                seq=time.time_ns(),
            ))
            audit.append(conn, actor=o.reviewer, action="verdict.override",
                         subject=f"verdict:{o.incident_id}/{o.agreement}/{o.version or ''}",
                         before=before, after={"verdict": o.verdict}, reason=o.reason)

    def verdict_overrides_by_key(self) -> dict[tuple[str, str, str | None], VerdictOverride]:
        """(incident, agreement, version) -> the latest override."""
        t = rs.verdict_overrides.c
        out: dict[tuple[str, str, str | None], VerdictOverride] = {}
        with self._read() as conn:
            for row in conn.execute(select(rs.verdict_overrides).order_by(t.seq, t.id)):
                out[(row.incident_id, row.agreement, row.version)] = _override(row)
        return out

    def claim_records(self, claim_ids: Iterable[str]) -> dict[str, Any]:
        """claim id -> stored JSON record, for the claims of `claim_ids` still stored (audit export)."""
        c = s.claims.c
        ids = list(dict.fromkeys(claim_ids))
        out: dict[str, Any] = {}
        with self._read() as conn:
            for start in range(0, len(ids), 500):
                for row in conn.execute(select(c.id, c.record).where(c.id.in_(ids[start:start + 500]))):
                    out[row.id] = row.record
        return out

    # -- incidents merged and split, allegations put to the accused -----------
    def add_incident_decision(self, d: IncidentDecision, *, before: list[str] | None = None) -> None:
        """Store a merge or split with its audit event (`before`: the incident ids it changes)."""
        if d.kind not in ("merge", "split") or not d.claim_ids or not d.reason.strip():
            raise InputError("a merge or split names claims and gives a written reason", location="reason")
        with self._write() as conn:
            conn.execute(insert(rs.incident_decisions).values(
                id=d.id, kind=d.kind, claim_ids=json.dumps(list(d.claim_ids)), reviewer=d.reviewer, reason=d.reason,
                created=(d.created or datetime.now(UTC)).isoformat(), seq=time.time_ns()))
            audit.append(conn, actor=d.reviewer, action=f"incident.{d.kind}",
                         subject="claims:" + ",".join(d.claim_ids), before={"incidents": before or []},
                         after={"kind": d.kind, "claims": list(d.claim_ids)}, reason=d.reason)

    def incident_decisions(self) -> list[IncidentDecision]:
        t = rs.incident_decisions.c
        with self._read() as conn:
            return [IncidentDecision(id=r.id, kind=r.kind, claim_ids=tuple(json.loads(r.claim_ids)), reviewer=r.reviewer,
                                     reason=r.reason, created=_dt(r.created))
                    for r in conn.execute(select(rs.incident_decisions).order_by(t.seq, t.id))]

    def add_information_request(self, req: InformationRequest) -> None:
        with self._write() as conn:
            conn.execute(insert(rs.information_requests).values(
                id=req.id, incident_id=req.incident_id, agreement=req.agreement, version=req.version,
                party=req.party, question=req.question, requested_by=req.requested_by,
                created=(req.created or datetime.now(UTC)).isoformat(), claim_ids=json.dumps(list(req.claim_ids)),
                seq=time.time_ns()))
            audit.append(conn, actor=req.requested_by, action="allegation.request",
                         subject=f"verdict:{req.incident_id}/{req.agreement}/{req.version or ''}",
                         after={"party": req.party, "question": req.question, "request": req.id})

    def answer_information_request(self, request_id: str, *, doc_id: str, claim_id: str, answered_by: str,
                                   reason: str = "") -> None:
        """Mark a request answered by a stored document and claim, with its event."""
        t = rs.information_requests.c
        with self._write() as conn:
            row = conn.execute(select(rs.information_requests).where(t.id == request_id)).first()
            if row is None:
                raise NotFound(f"no request {request_id!r}", source=request_id, hint="see the incident page")
            if row.answered:
                raise InputError(f"request {request_id} is answered already", location="request",
                                 hint="record a further statement as a new request")
            now = datetime.now(UTC).isoformat()
            conn.execute(update(rs.information_requests).where(t.id == request_id).values(
                answer_doc_id=doc_id, answer_claim_id=claim_id, answered_by=answered_by, answered=now))
            audit.append(conn, actor=answered_by, action="allegation.answer",
                         subject=f"claim:{claim_id}", before={"request": request_id, "answered": None},
                         after={"request": request_id, "document": doc_id, "claim": claim_id,
                                "incident": row.incident_id}, reason=reason)

    def information_requests(self) -> list[InformationRequest]:
        """Every request, in the order made (a mission has tens, not millions)."""
        t = rs.information_requests.c
        stmt = select(rs.information_requests).order_by(t.seq, t.id)
        with self._read() as conn:
            return [InformationRequest(
                id=r.id, incident_id=r.incident_id, agreement=r.agreement, version=r.version, party=r.party,
                question=r.question, requested_by=r.requested_by, created=_dt(r.created),
                answer_doc_id=r.answer_doc_id, answer_claim_id=r.answer_claim_id, answered_by=r.answered_by,
                answered=_dt(r.answered), claim_ids=tuple(json.loads(r.claim_ids))) for r in conn.execute(stmt)]
