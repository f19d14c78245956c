"""API twins of the dashboard pages that are not a single resource: the map
and the timeline. (Documents, incidents and agreements are their own twins.)"""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from ...store.base import Repository
from ..deps import get_store, in_store_thread
from ..envelope import ok
from ..params import FilterParams, filter_params
from ..views import map_view, timeline_view, verdict_timeline_view

router = APIRouter(prefix="/api", tags=["views"])


@router.get("/map", summary="Claim markers and per-region counts (the map page's twin)")
async def map_data(
    request: Request, filters: FilterParams = Depends(filter_params), store: Repository = Depends(get_store)
) -> Response:
    return await in_store_thread(request, lambda: ok(map_view(store, filters.flt), filters=filters.raw))


@router.get("/timeline", summary="Claimed launched/intercepted/lost/hit per party per day (the timeline page's twin)")
async def timeline(
    request: Request, filters: FilterParams = Depends(filter_params), store: Repository = Depends(get_store)
) -> Response:
    return await in_store_thread(request, lambda: ok(timeline_view(store, filters.flt), filters=filters.raw))


@router.get("/timeline/verdicts", summary="Verdicts per day and alleged violator (the timeline page's second chart)")
async def verdict_timeline(
    request: Request, filters: FilterParams = Depends(filter_params), store: Repository = Depends(get_store)
) -> Response:
    return await in_store_thread(
        request, lambda: ok(verdict_timeline_view(store, filters.flt), filters=filters.raw)
    )
