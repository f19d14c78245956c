"""What the routers share: the store and settings of the app, and one way
to answer a listing in JSON (a page), CSV or GeoJSON (the whole view)."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable
from typing import Any

from fastapi import Request
from fastapi.responses import JSONResponse, StreamingResponse

from ..config import Settings
from ..errors import NotAvailable
from ..store.base import Page, Repository
from .envelope import FastJSONResponse, success
from .params import FilterParams, Paging, encode_cursor
from .serialize import csv_stream, geojson_stream

__all__ = ["get_store", "get_settings", "listing", "download", "require_writable", "fetch_page"]


def get_store(request: Request) -> Repository:
    return request.app.state.store


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


def require_writable(request: Request) -> None:
    if request.app.state.read_only:
        raise NotAvailable(
            "this server is read-only",
            hint="start it with writes enabled (create_app(..., read_only=False) / `ceasewatch serve --writable`)",
        )


def fetch_page(lister: Callable[..., Page[Any]], *args: Any, paging: Paging, **kwargs: Any) -> Page[Any]:
    """Call a store listing; later pages skip the COUNT behind meta.total
    when the store can (its `count=` keyword; the protocol does not require it)."""
    if _accepts_count(lister):
        kwargs["count"] = paging.count
    return lister(*args, cursor=paging.cursor, limit=paging.limit, **kwargs)


def _accepts_count(lister: Callable[..., Any]) -> bool:
    func = getattr(lister, "__func__", lister)
    cached = _COUNT_SUPPORT.get(func)
    if cached is None:
        try:
            cached = "count" in inspect.signature(lister).parameters
        except (TypeError, ValueError):
            cached = False
        _COUNT_SUPPORT[func] = cached
    return cached


_COUNT_SUPPORT: dict[Any, bool] = {}


def listing(
    request: Request,
    page: Page[Any],
    to_json: Callable[[Any], dict[str, Any]],
    *,
    paging: Paging,
    filters: FilterParams | None = None,
) -> JSONResponse:
    """A page in the success envelope, with a ready-made link to the next."""
    nxt = encode_cursor(page.next_cursor)
    next_link = None
    if nxt:
        query = filters.query_string(cursor=nxt, limit=paging.limit) if filters else f"cursor={nxt}&limit={paging.limit}"
        next_link = f"{request.url.path}?{query}"
    body = success(
        [to_json(x) for x in page.items],
        next_cursor=nxt,
        limit=paging.limit,
        total=page.total,
        count=len(page.items),
        filters=filters.raw if filters else {},
    )
    body["links"] = {"next": next_link}
    return FastJSONResponse(body)


def download(kind: str, fmt: str, records: Iterable[Any]) -> StreamingResponse:
    """The whole filtered view as a CSV or GeoJSON download."""
    if fmt == "csv":
        return StreamingResponse(
            csv_stream(kind, records),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{kind}.csv"'},
        )
    return StreamingResponse(
        geojson_stream(kind, records),
        media_type="application/geo+json",
        headers={"Content-Disposition": f'attachment; filename="{kind}.geojson"'},
    )
