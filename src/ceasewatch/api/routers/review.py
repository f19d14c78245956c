"""Review: a claim's fields beside their evidence, field decisions, verdict
overrides and the queue of verdicts waiting for a person. Writes need an
analyst (and a writable server); reads are the same as every other page."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Body, Depends, Path, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field

from ...model import DECISIONS, REVIEW_FIELDS, VERDICTS, User
from ...store.base import Repository
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
