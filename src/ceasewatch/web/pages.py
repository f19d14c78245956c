"""Dashboard routes: each page renders the dict its API twin returns."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Depends, FastAPI, Query, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from ..api.deps import fetch_page, get_store, in_store_thread
from ..api.guard import SECURITY_HEADERS as GUARD_HEADERS
from ..api.params import FilterParams, Paging, encode_cursor, filter_params, paging_params
from ..api.serialize import document_json, incident_json
from ..api.views import agreement_view, agreements_summarised, document_view, incident_view
from ..errors import NotAvailable
from ..model import PARTIES, TARGET_CODES, VERDICTS
from ..store.base import Repository

__all__ = ["mount_dashboard", "render_error", "router", "web_url", "SECURITY_HEADERS"]

HERE = Path(__file__).parent
templates = Jinja2Templates(directory=str(HERE / "templates"))
templates.env.autoescape = True  # every template, whatever its extension: source text is data
router = APIRouter(include_in_schema=False)


@lru_cache(maxsize=512)
def region_label(code: str | None) -> str:
    """"Sumy Oblast (UA-59)" when the geocode stage knows the name."""
    if not code:
        return ""
    try:
        from ..geocode import region_name  # type: ignore[attr-defined]

        name = region_name(code)
    except Exception:  # the name is decoration; the code alone is still right
        name = None
    return f"{name} ({code})" if name else code


def web_url(url: str | None) -> str | None:
    """Only http(s) links from source metadata: escaping stops markup, not a
    `javascript:` URL in an href."""
    if url and url.strip().lower().startswith(("http://", "https://")):
        return url.strip()
    return None


templates.env.globals.update(region_label=region_label, PARTIES=PARTIES, TARGET_CODES=TARGET_CODES, VERDICTS=VERDICTS)
templates.env.filters["web_url"] = web_url

# Defence in depth behind autoescaping (the same headers api/guard.py adds
# to every other response).
SECURITY_HEADERS = GUARD_HEADERS


def _page(request: Request, name: str, twin: str, **context: Any) -> HTMLResponse:
    return templates.TemplateResponse(request, name, {"twin": twin, **context}, headers=SECURITY_HEADERS)


def render_error(request: Request, body: dict[str, Any]) -> Response:
    """The error envelope as a page (same fields, same status)."""
    return templates.TemplateResponse(
        request, "error.html", {"body": body, "error": body["error"], "twin": None}, status_code=body["status"],
        headers=SECURITY_HEADERS,
    )


@router.get("/", response_class=HTMLResponse)
async def map_page(request: Request, filters: FilterParams = Depends(filter_params)) -> HTMLResponse:
    return await in_store_thread(
        request, _page, request, "map.html", "/api/map?" + filters.query_string(), filters=filters.raw
    )


@router.get("/timeline", response_class=HTMLResponse)
async def timeline_page(request: Request, filters: FilterParams = Depends(filter_params)) -> HTMLResponse:
    return await in_store_thread(
        request, _page, request, "timeline.html", "/api/timeline?" + filters.query_string(), filters=filters.raw
    )


@router.get("/agreements", response_class=HTMLResponse)
async def agreements_page(request: Request) -> HTMLResponse:
    def answer() -> HTMLResponse:
        try:
            # with each agreement's verdict counts, as /api/agreements gives them (they were left empty)
            items, missing = agreements_summarised(request.app.state.summaries), None
        except NotAvailable as exc:
            items, missing = [], exc.to_dict()
        return _page(request, "agreements.html", "/api/agreements", agreements=items, missing=missing)

    return await in_store_thread(request, answer)


@router.get("/agreements/{agreement_id}", response_class=HTMLResponse)
async def agreement_page(
    request: Request, agreement_id: str, filters: FilterParams = Depends(filter_params),
) -> HTMLResponse:
    def answer() -> HTMLResponse:
        view = agreement_view(request.app.state.summaries, agreement_id, filters.flt)
        return _page(request, "agreement.html", f"/api/agreements/{agreement_id}", view=view, filters=filters.raw)

    return await in_store_thread(request, answer)


@router.get("/incidents", response_class=HTMLResponse)
async def incidents_page(
    request: Request,
    filters: FilterParams = Depends(filter_params),
    paging: Paging = Depends(paging_params),
    store: Repository = Depends(get_store),
) -> HTMLResponse:
    # the page shows the total, so it asks for the count on the first page
    paging = replace(paging, count=paging.cursor is None)

    def answer() -> HTMLResponse:
        page = fetch_page(store.list_incidents, filters.flt, paging=paging)
        nxt = encode_cursor(page.next_cursor)
        return _page(
            request, "incidents.html", "/api/incidents?" + filters.query_string(),
            incidents=[incident_json(i) for i in page.items], total=page.total, filters=filters.raw,
            next_query=filters.query_string(cursor=nxt, limit=paging.limit) if nxt else None,
        )

    return await in_store_thread(request, answer)


@router.get("/incidents/{incident_id}", response_class=HTMLResponse)
async def incident_page(request: Request, incident_id: str, store: Repository = Depends(get_store)) -> HTMLResponse:
    return await in_store_thread(
        request, lambda: _page(request, "incident.html", f"/api/incidents/{incident_id}",
                               view=incident_view(store, incident_id))
    )


@router.get("/documents", response_class=HTMLResponse)
async def documents_page(
    request: Request,
    language: str | None = Query(None, max_length=10),
    paging: Paging = Depends(paging_params),
    store: Repository = Depends(get_store),
) -> HTMLResponse:
    paging = replace(paging, count=paging.cursor is None)

    def answer() -> HTMLResponse:
        page = fetch_page(store.list_documents, paging=paging, language=language or None)
        nxt = encode_cursor(page.next_cursor)
        return _page(
            request, "documents.html", "/api/documents",
            documents=[document_json(d, with_text=False) for d in page.items], total=page.total,
            next_query=f"cursor={nxt}&limit={paging.limit}" if nxt else None,
        )

    return await in_store_thread(request, answer)


@router.get("/documents/{ref}", response_class=HTMLResponse)
async def document_page(request: Request, ref: str, store: Repository = Depends(get_store)) -> HTMLResponse:
    return await in_store_thread(
        request, lambda: _page(request, "document.html", f"/api/documents/{ref}", view=document_view(store, ref))
    )


def mount_dashboard(app: FastAPI) -> None:
    from .review import router as review_router

    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.include_router(router)
    app.include_router(review_router)
