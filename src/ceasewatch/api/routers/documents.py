"""/api/documents: stored reports, and one report with its evidence spans."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import Response

from ...store.base import Repository
from ..deps import fetch_page, get_store, listing
from ..envelope import ok
from ..params import Paging, paging_params
from ..serialize import document_json
from ..views import document_view

router = APIRouter(prefix="/api/documents", tags=["documents"])


@router.get("", summary="List documents (without text)")
def list_documents(
    request: Request,
    language: str | None = Query(None, description="ISO 639-1 code, e.g. en, uk, ru", max_length=10),
    paging: Paging = Depends(paging_params),
    store: Repository = Depends(get_store),
) -> Response:
    page = fetch_page(store.list_documents, paging=paging, language=language or None)
    return listing(request, page, lambda d: document_json(d, with_text=False), paging=paging)


@router.get("/{ref}", summary="One document with its claims and evidence segments (the document page's twin)")
def get_document(
    ref: str = Path(..., max_length=200), store: Repository = Depends(get_store)
) -> Response:
    return ok(document_view(store, ref))
