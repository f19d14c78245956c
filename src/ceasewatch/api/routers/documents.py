"""/api/documents: stored reports, and one report with its evidence spans."""

from __future__ import annotations

from dataclasses import replace

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import Response

from ...store.base import Repository
from ..deps import fetch_page, get_store, in_store_thread, listing
from ..envelope import ok
from ..params import FilterParams, Paging, filter_params, paging_params
from ..serialize import document_json
from ..views import document_view

router = APIRouter(prefix="/api/documents", tags=["documents"])


@router.get(
    "",
    summary="List documents (without text); dates filter the publication day, the other filters the "
    "document's claims",
)
async def list_documents(
    request: Request,
    language: str | None = Query(None, description="ISO 639-1 code, e.g. en, uk, ru", max_length=10),
    filters: FilterParams = Depends(filter_params),
    paging: Paging = Depends(paging_params),
    store: Repository = Depends(get_store),
) -> Response:
    shown = replace(filters, raw={**filters.raw, "language": language}) if language else filters

    def answer() -> Response:
        page = fetch_page(store.list_documents, paging=paging, language=language or None, flt=filters.flt)
        # the next page's link and meta.filters keep the language
        return listing(request, page, lambda d: document_json(d, with_text=False), paging=paging, filters=shown)

    return await in_store_thread(request, answer)


@router.get("/{ref}", summary="One document with its claims and evidence segments (the document page's twin)")
async def get_document(
    request: Request, ref: str = Path(..., max_length=200), store: Repository = Depends(get_store)
) -> Response:
    return await in_store_thread(request, lambda: ok(document_view(store, ref)))
