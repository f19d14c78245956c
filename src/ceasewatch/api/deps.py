"""What the routers share: the store and settings of the app, one way to
run store work, and one way to answer a listing in JSON (a page), CSV or
GeoJSON (the whole view).

Routes are `async def`: validation and routing stay on the event loop, and
everything that touches the store (which is synchronous: SQLAlchemy,
sqlite3, psycopg) runs through `in_store_thread` on a bounded pool of
threads (`Settings.store_threads`, the size of the store's connection
pool). With FastAPI's default of a sync route per thread, 50 clients ran in
40 threads that queued on 15 pooled connections (which were closed and
reopened beyond the 5 kept): the issue's 4 requests/s and 40 s p95.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import AsyncIterator, Callable, Iterable, Iterator
from typing import Any, TypeVar

import anyio
from fastapi import Request
from fastapi.responses import JSONResponse, StreamingResponse

from ..config import Settings
from ..errors import NotAvailable
from ..store.base import Page, Repository
from .envelope import FastJSONResponse, success
from .params import FilterParams, Paging, encode_cursor
from .serialize import csv_stream, geojson_stream

__all__ = [
    "get_store",
    "get_settings",
    "listing",
    "download",
    "require_writable",
    "fetch_page",
    "in_store_thread",
    "StoreThreads",
    "download_text",
]

T = TypeVar("T")


class StoreThreads:
    """The bounded pool store work runs on (an anyio capacity limiter: at
    most `size` threads at once, the others wait their turn in order)."""

    def __init__(self, size: int) -> None:
        self.size = max(1, size)
        self._limiter: anyio.CapacityLimiter | None = None

    @property
    def limiter(self) -> anyio.CapacityLimiter:
        # made on first use, inside the server's event loop
        if self._limiter is None:
            self._limiter = anyio.CapacityLimiter(self.size)
        return self._limiter

    async def run(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
        return await anyio.to_thread.run_sync(functools.partial(fn, *args, **kwargs), limiter=self.limiter)

    async def iterate(self, items: Callable[[], Iterable[T]]) -> AsyncIterator[T]:
        """An async iterator over a sync one (made by `items()` in a store
        thread); each `next()` runs in a store thread too."""
        done = object()
        iterator: Iterator[T] = await self.run(lambda: iter(items()))
        while True:
            item = await self.run(next, iterator, done)
            if item is done:
                return
            yield item  # type: ignore[misc]


async def in_store_thread(request: Request, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
    """`fn(*args, **kwargs)` on the app's store threads."""
    return await request.app.state.store_threads.run(fn, *args, **kwargs)


async def get_store(request: Request) -> Repository:
    return request.app.state.store


async def get_settings(request: Request) -> Settings:
    return request.app.state.settings


async def require_writable(request: Request) -> None:
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


def download_text(request: Request, kind: str, fmt: str, chunks: Callable[[], Iterable[str]]) -> StreamingResponse:
    """A download whose text chunks `chunks()` makes (on the store threads)."""
    threads: StoreThreads = request.app.state.store_threads
    media = "text/csv; charset=utf-8" if fmt == "csv" else "application/geo+json"
    return StreamingResponse(
        threads.iterate(chunks),
        media_type=media,
        headers={"Content-Disposition": f'attachment; filename="{kind}.{fmt}"'},
    )


def download(request: Request, kind: str, fmt: str, records: Callable[[], Iterable[Any]]) -> StreamingResponse:
    """The whole filtered view as a CSV or GeoJSON download, streamed: the
    store is read a page at a time and rows are written in chunks of 500, each
    step on the store threads, so a download of a million claims holds one
    page in memory and never more than one store thread."""
    threads: StoreThreads = request.app.state.store_threads
    if fmt == "csv":
        return StreamingResponse(
            threads.iterate(lambda: csv_stream(kind, records())),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{kind}.csv"'},
        )
    return StreamingResponse(
        threads.iterate(lambda: geojson_stream(kind, records())),
        media_type="application/geo+json",
        headers={"Content-Disposition": f'attachment; filename="{kind}.geojson"'},
    )
