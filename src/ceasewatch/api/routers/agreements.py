"""/api/agreements: the agreements verdicts are made against, with counts."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Path
from fastapi.responses import Response

from ...store.base import Repository
from ..deps import get_store
from ..envelope import ok
from ..params import FilterParams, filter_params
from ..queries import agreement_summary
from ..views import agreement_view, agreements_list

router = APIRouter(prefix="/api/agreements", tags=["agreements"])


@router.get("", summary="All loaded agreements with their verdict counts")
def list_agreements(
    filters: FilterParams = Depends(filter_params), store: Repository = Depends(get_store)
) -> Response:
    items = agreements_list()
    for item in items:
        item["summary"] = agreement_summary(store, str(item["id"]), filters.flt)
    return ok(items, count=len(items), filters=filters.raw)


@router.get("/{agreement_id}", summary="One agreement: window, scope, verdict counts, reciprocity (page twin)")
def get_agreement(
    agreement_id: str = Path(..., max_length=100),
    filters: FilterParams = Depends(filter_params),
    store: Repository = Depends(get_store),
) -> Response:
    return ok(agreement_view(store, agreement_id, filters.flt), filters=filters.raw)
