"""/api/verdicts: assessments of incidents against agreements."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from ...errors import NotFound
from ...model import Assessment, Incident, Place
from ...store.base import Repository
from ..deps import download, fetch_page, get_store, in_store_thread, listing
from ..params import FilterParams, Paging, filter_params, format_param, paging_params
from ..queries import all_assessments
from ..serialize import assessment_json

router = APIRouter(prefix="/api/verdicts", tags=["verdicts"])


class _Located:
    """An assessment with its incident's places, for the GeoJSON download."""

    def __init__(self, a: Assessment, places: tuple[Place, ...]) -> None:
        self.assessment = a
        self.places = places


def with_incident_places(store: Repository, items: Iterator[Assessment]) -> Iterator[Any]:
    cache: dict[str, Incident | None] = {}
    for a in items:
        if a.incident_id not in cache:
            try:
                cache[a.incident_id] = store.get_incident(a.incident_id)
            except NotFound:
                cache[a.incident_id] = None
        inc = cache[a.incident_id]
        yield _Located(a, inc.places if inc else ())


@router.get("", summary="List verdicts; ?format=csv|geojson downloads the whole filtered view", response_model=None)
async def list_verdicts(
    request: Request,
    filters: FilterParams = Depends(filter_params),
    paging: Paging = Depends(paging_params),
    fmt: str = Depends(format_param),
    store: Repository = Depends(get_store),
) -> Response:
    if fmt == "csv":
        return download(request, "verdicts", fmt, lambda: all_assessments(store, filters.flt))
    if fmt == "geojson":
        return download(request, "verdicts", fmt,
                        lambda: with_incident_places(store, all_assessments(store, filters.flt)))

    def answer() -> Response:
        page = fetch_page(store.list_assessments, filters.flt, paging=paging)
        return listing(request, page, assessment_json, paging=paging, filters=filters)

    return await in_store_thread(request, answer)
