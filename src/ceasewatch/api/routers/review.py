"""Review: a claim's fields beside their evidence, field decisions, verdict
overrides, the queue of verdicts waiting for a person, incident merges and
splits, and allegations put to the accused party with their answers. Writes need an
analyst (and a writable server); reads are the same as every other page."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Body, Depends, Path, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field

from ...model import DECISIONS, REVIEW_FIELDS, VERDICTS, User
from ...store.base import Repository
from ..allegations import MAX_ANSWER, record_answer, record_merge, record_request, record_split
from ..auth import require_role
from ..deps import get_store, in_store_thread
from ..envelope import ok
from ..review import claim_review_view, record_field_reviews, record_override, review_queue

router = APIRouter(tags=["review"])
_NO_NUL = r"^[^\x00]*$"


class DecisionIn(BaseModel):
    field: Literal[REVIEW_FIELDS]  # type: ignore[valid-type]
    decision: Literal[DECISIONS]  # type: ignore[valid-type]
    value: Any = None  # for `correct`: the value in the claim JSON's shape, checked per field
    reason: str = Field("", max_length=2000, pattern=_NO_NUL)


class FieldReviewsIn(BaseModel):
    decisions: list[DecisionIn] = Field(..., min_length=1, max_length=len(REVIEW_FIELDS))
    reason: str = Field("", max_length=2000, pattern=_NO_NUL)


class OverrideIn(BaseModel):
    verdict: Literal[VERDICTS]  # type: ignore[valid-type]
    reason: str = Field(..., min_length=3, max_length=2000, pattern=_NO_NUL)


@router.get("/api/claims/{claim_id}/review", summary="A claim's fields: machine value, person's decision, evidence")
async def get_claim_review(
    request: Request, claim_id: str = Path(..., max_length=200), store: Repository = Depends(get_store)
) -> Response:
    return ok(await in_store_thread(request, claim_review_view, store, claim_id))


@router.post("/api/claims/{claim_id}/review", status_code=201,
             summary="Confirm, correct or reject fields of a claim (analyst); verdicts are re-assessed")
async def post_claim_review(
    request: Request,
    claim_id: str = Path(..., max_length=200),
    body: FieldReviewsIn = Body(...),
    store: Repository = Depends(get_store),
    user: User = Depends(require_role("analyst")),
) -> Response:
    decisions = [d.model_dump() for d in body.decisions]

    def work() -> dict[str, Any]:
        done = record_field_reviews(store, claim_id, decisions, reviewer=user.name, reason=body.reason)
        return {"recorded": [r.id for r in done], **claim_review_view(store, claim_id)}

    resp = ok(await in_store_thread(request, work))
    resp.status_code = 201
    return resp


@router.post("/api/verdicts/{assessment_id}/override", status_code=201,
             summary="Replace a verdict with a person's, with a written reason (analyst)")
async def post_override(
    request: Request,
    assessment_id: str = Path(..., max_length=200),
    body: OverrideIn = Body(...),
    store: Repository = Depends(get_store),
    user: User = Depends(require_role("analyst")),
) -> Response:
    o = await in_store_thread(request, record_override, store, assessment_id, body.verdict, body.reason,
                              reviewer=user.name)
    resp = ok({"id": o.id, "incident_id": o.incident_id, "agreement": o.agreement, "version": o.version,
               "verdict": o.verdict, "reason": o.reason, "reviewer": o.reviewer})
    resp.status_code = 201
    return resp


@router.get("/api/review/queue", summary="Verdicts waiting for a person, by agreement and date")
async def get_queue(
    request: Request, limit: int = Query(500, ge=1, le=5000), store: Repository = Depends(get_store)
) -> Response:
    items = await in_store_thread(request, review_queue, store, limit=limit)
    return ok(items, count=len(items))


class MergeIn(BaseModel):
    incident_ids: list[str] = Field(..., min_length=2, max_length=20)
    reason: str = Field(..., min_length=3, max_length=2000, pattern=_NO_NUL)


class SplitIn(BaseModel):
    claim_ids: list[str] = Field(..., min_length=1, max_length=200)
    reason: str = Field(..., min_length=3, max_length=2000, pattern=_NO_NUL)


class RequestIn(BaseModel):
    question: str = Field(..., min_length=3, max_length=5000, pattern=_NO_NUL)


class AnswerIn(BaseModel):
    text: str = Field(..., min_length=1, max_length=MAX_ANSWER, pattern=_NO_NUL)
    publisher: str = Field(..., min_length=1, max_length=200, pattern=_NO_NUL)
    claimant: str = Field(..., min_length=1, max_length=200, pattern=_NO_NUL)
    stance: Literal["asserted", "denied"]
    quote: str = Field("", max_length=MAX_ANSWER, pattern=_NO_NUL)


def _created(data: dict[str, Any]) -> Response:
    resp = ok(data)
    resp.status_code = 201
    return resp


@router.post("/api/incidents/merge", status_code=201, summary="Merge incidents into one event (analyst)")
async def post_merge(request: Request, body: MergeIn = Body(...), store: Repository = Depends(get_store),
                     user: User = Depends(require_role("analyst"))) -> Response:
    d = await in_store_thread(request, record_merge, store, body.incident_ids, reviewer=user.name, reason=body.reason)
    return _created({"id": d.id, "kind": d.kind, "claim_ids": list(d.claim_ids)})


@router.post("/api/incidents/{incident_id}/split", status_code=201,
             summary="Take claims out of an incident into one of their own (analyst)")
async def post_split(request: Request, incident_id: str = Path(..., max_length=200), body: SplitIn = Body(...),
                     store: Repository = Depends(get_store), user: User = Depends(require_role("analyst"))) -> Response:
    d = await in_store_thread(request, record_split, store, incident_id, body.claim_ids, reviewer=user.name,
                              reason=body.reason)
    return _created({"id": d.id, "kind": d.kind, "claim_ids": list(d.claim_ids)})


@router.post("/api/verdicts/{assessment_id}/request", status_code=201,
             summary="Put an alleged violation to the accused party as a request for information (analyst)")
async def post_request(request: Request, assessment_id: str = Path(..., max_length=200), body: RequestIn = Body(...),
                       store: Repository = Depends(get_store), user: User = Depends(require_role("analyst"))) -> Response:
    r = await in_store_thread(request, record_request, store, assessment_id, body.question, reviewer=user.name)
    return _created({"id": r.id, "incident_id": r.incident_id, "party": r.party, "question": r.question})


@router.post("/api/requests/{request_id}/answer", status_code=201,
             summary="Record the accused party's answer as a document and a claim (analyst)")
async def post_answer(request: Request, request_id: str = Path(..., max_length=200), body: AnswerIn = Body(...),
                      store: Repository = Depends(get_store), user: User = Depends(require_role("analyst"))) -> Response:
    claim = await in_store_thread(request, record_answer, store, request_id, text=body.text, publisher=body.publisher,
                                  claimant=body.claimant, stance=body.stance, quote=body.quote, reviewer=user.name)
    return _created({"claim_id": claim.id, "doc_id": claim.doc_id, "stance": claim.stance})
