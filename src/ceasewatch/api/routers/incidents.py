"""/api/incidents: linked claims about one night's strikes on one country."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Path, Request
from fastapi.responses import Response

from ...store.base import Repository
from ..deps import download, fetch_page, get_store, in_store_thread, listing
from ..envelope import ok
from ..params import FilterParams, Paging, filter_params, format_param, paging_params
from ..queries import all_incidents
from ..serialize import incident_json
from ..views import incident_view

router = APIRouter(prefix="/api/incidents", tags=["incidents"])


@router.get("", summary="List incidents; ?format=csv|geojson downloads the whole filtered view", response_model=None)
async def list_incidents(
    request: Request,
    filters: FilterParams = Depends(filter_params),
    paging: Paging = Depends(paging_params),
    fmt: str = Depends(format_param),
    store: Repository = Depends(get_store),
) -> Response:
    flt = filters.flt  # claimant filters keep the incidents linking such a claim
    if fmt != "json":
        return download(request, "incidents", fmt, lambda: all_incidents(store, flt))

    def answer() -> Response:
        page = fetch_page(store.list_incidents, flt, paging=paging)
        return listing(request, page, incident_json, paging=paging, filters=filters)

    return await in_store_thread(request, answer)


@router.get("/{incident_id}", summary="One incident, both sides' claims side by side (the incident page's twin)")
async def get_incident(
    request: Request, incident_id: str = Path(..., max_length=200), store: Repository = Depends(get_store)
) -> Response:
    return await in_store_thread(request, lambda: ok(incident_view(store, incident_id)))
