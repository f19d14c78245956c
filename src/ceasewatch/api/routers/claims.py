"""/api/claims: filtered claims; CSV and GeoJSON downloads of any view."""

from __future__ import annotations

from datetime import UTC, datetime

from fastapi import APIRouter, Body, Depends, Path, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field

from ...model import Review, User, content_hash
from ...store.base import Repository
from ..auth import require_role
from ..deps import download, download_text, fetch_page, get_store, in_store_thread, listing
from ..envelope import ok
from ..params import FilterParams, Paging, filter_params, format_param, paging_params
from ..queries import incident_for_claim
from ..serialize import claim_json, claim_records_csv_stream

router = APIRouter(prefix="/api/claims", tags=["claims"])


@router.get("", summary="List claims; ?format=csv|geojson downloads the whole filtered view", response_model=None)
async def list_claims(
    request: Request,
    filters: FilterParams = Depends(filter_params),
    paging: Paging = Depends(paging_params),
    fmt: str = Depends(format_param),
    store: Repository = Depends(get_store),
) -> Response:
    records = getattr(store, "iter_claim_records", None)
    if fmt == "csv" and callable(records):  # straight from the stored records, no Claim objects
        return download_text(request, "claims", "csv", lambda: claim_records_csv_stream(records(filters.flt)))
    if fmt != "json":
        return download(request, "claims", fmt, lambda: store.iter_claims(filters.flt))

    def answer() -> Response:
        page = fetch_page(store.list_claims, filters.flt, paging=paging)
        return listing(request, page, claim_json, paging=paging, filters=filters)

    return await in_store_thread(request, answer)


@router.get("/{claim_id}", summary="One claim with its incident and reviews")
async def get_claim(
    request: Request, claim_id: str = Path(..., max_length=200), store: Repository = Depends(get_store)
) -> Response:
    return await in_store_thread(request, _claim_page, store, claim_id)


def _claim_page(store: Repository, claim_id: str) -> Response:
    claim = store.get_claim(claim_id)
    incident = incident_for_claim(store, claim)
    data = claim_json(claim)
    data["incident_id"] = incident.id if incident else None
    data["reviews"] = [
        {"id": r.id, "reviewer": r.reviewer, "status": r.status, "note": r.note,
         "created": r.created.isoformat() if r.created else None}
        for r in store.list_reviews(claim.id)
    ]
    return ok(data)


class ReviewIn(BaseModel):
    # Kept for older clients; the review is recorded under the account that sends it.
    reviewer: str | None = Field(None, max_length=100, pattern=r"^[^\x00]*$")
    status: str = Field(..., pattern="^(accepted|rejected|corrected)$")
    note: str = Field("", max_length=5000, pattern=r"^[^\x00]*$")


@router.post(
    "/{claim_id}/reviews",
    status_code=201,
    summary="Add a review of the whole claim (analyst; writable servers only)",
)
async def add_review(
    request: Request,
    claim_id: str = Path(..., max_length=200),
    body: ReviewIn = Body(...),
    store: Repository = Depends(get_store),
    user: User = Depends(require_role("analyst")),
) -> Response:
    return await in_store_thread(request, _add_review, store, claim_id, body, user.name)


def _add_review(store: Repository, claim_id: str, body: ReviewIn, reviewer: str) -> Response:
    claim = store.get_claim(claim_id)
    created = datetime.now(UTC)
    review = Review(
        id=content_hash(claim.id, reviewer, created.isoformat(), prefix="rev_"),
        claim_id=claim.id,
        reviewer=reviewer,
        status=body.status,
        note=body.note,
        created=created,
    )
    store.add_review(review)
    resp = ok({"id": review.id, "claim_id": claim.id, "status": review.status})
    resp.status_code = 201
    return resp
