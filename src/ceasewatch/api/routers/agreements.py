"""/api/agreements: the agreements verdicts are made against, with counts."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Path, Request
from fastapi.responses import Response

from ..deps import in_store_thread
from ..envelope import ok
from ..params import FilterParams, filter_params
from ..queries import SummaryCache
from ..views import agreement_view, agreements_summarised

router = APIRouter(prefix="/api/agreements", tags=["agreements"])


@router.get("", summary="All loaded agreements with their verdict counts")
async def list_agreements(request: Request, filters: FilterParams = Depends(filter_params)) -> Response:
    cache: SummaryCache = request.app.state.summaries

    def answer() -> Response:
        items = agreements_summarised(cache, filters.flt)
        return ok(items, count=len(items), filters=filters.raw)

    return await in_store_thread(request, answer)


@router.get("/{agreement_id}", summary="One agreement: window, scope, verdict counts, reciprocity (page twin)")
async def get_agreement(
    request: Request,
    agreement_id: str = Path(..., max_length=100),
    filters: FilterParams = Depends(filter_params),
) -> Response:
    cache: SummaryCache = request.app.state.summaries
    return await in_store_thread(
        request, lambda: ok(agreement_view(cache, agreement_id, filters.flt), filters=filters.raw)
    )
