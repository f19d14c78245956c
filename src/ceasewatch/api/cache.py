"""`ResponseCache`: answers of GET /api/... kept until the data changes.

Everything the API serves is computed from the store, and the store changes
only when something writes to it (ingest, extract, assess, a review). Every
write transaction bumps the store's "data" generation (`store_state`, in
the same transaction; store/sql.py), so an answer computed at generation G
is right for as long as the generation is G, whichever process writes. Each
request reads the generation (one primary-key lookup on the store threads)
and is answered from the cache when the same request (path, query string,
gzip or not) was answered at that generation.

- Only 200 answers of GET /api/... are kept (not /api itself, whose row
  counts are cheap to get wrong and rarely asked, nor the OpenAPI pages).
- Bounded: `Settings.response_cache_mb` in all (0 turns the cache off);
  an answer over an eighth of it is sent but not kept; least recently used
  answers go first.
- Streamed answers (CSV, GeoJSON downloads) are kept as they pass, when
  they end within the bound.
- Every kept answer carries an ETag; a request with a matching
  If-None-Match gets 304 without a body.
- `X-Ceasewatch-Cache: hit|miss` says which it was.
- Stores without `generation()` (the in-memory fake) are never cached.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

__all__ = ["ResponseCache", "CACHE_HEADER"]

CACHE_HEADER = b"x-ceasewatch-cache"
_NOT_CACHED = ("/api/docs", "/api/openapi.json", "/api/redoc")


@dataclass
class _Entry:
    generation: int
    status: int
    headers: list[tuple[bytes, bytes]]
    body: bytes
    etag: bytes


class ResponseCache:
    """Pure ASGI middleware; one per app (per worker process)."""

    def __init__(self, app: Any, *, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max(0, max_bytes)
        self.max_entry = self.max_bytes // 8
        self.entries: OrderedDict[tuple[str, bytes, bool], _Entry] = OrderedDict()
        self.size = 0
        self.hits = 0
        self.misses = 0

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        path = scope.get("path", "")
        if (
            self.max_bytes == 0
            or scope["type"] != "http"
            or scope.get("method") != "GET"
            or not path.startswith("/api/")
            or path.startswith(_NOT_CACHED)
        ):
            await self.app(scope, receive, send)
            return
        state = scope["app"].state
        generation = getattr(state.store, "generation", None)
        if not callable(generation):
            await self.app(scope, receive, send)
            return
        current = await state.store_threads.run(generation, "data")
        headers = {k.lower(): v for k, v in scope.get("headers", [])}
        key = (path, scope.get("query_string", b""), b"gzip" in headers.get(b"accept-encoding", b""))
        entry = self.entries.get(key)
        if entry is not None and entry.generation == current:
            self.entries.move_to_end(key)
            self.hits += 1
            await self._replay(entry, headers.get(b"if-none-match"), send)
            return
        self.misses += 1
        await self._fill(key, current, scope, receive, send)

    async def _replay(self, entry: _Entry, if_none_match: bytes | None, send: Any) -> None:
        if if_none_match is not None and entry.etag in (t.strip() for t in if_none_match.split(b",")):
            await send({"type": "http.response.start", "status": 304,
                        "headers": [(b"etag", entry.etag), (CACHE_HEADER, b"hit")]})
            await send({"type": "http.response.body", "body": b""})
            return
        await send({"type": "http.response.start", "status": entry.status,
                    "headers": [*entry.headers, (CACHE_HEADER, b"hit")]})
        await send({"type": "http.response.body", "body": entry.body})

    async def _fill(self, key: tuple[str, bytes, bool], generation: int, scope: dict[str, Any], receive: Any,
                    send: Any) -> None:
        start: dict[str, Any] | None = None
        parts: list[bytes] = []
        size = 0
        keep = True

        async def capture(message: dict[str, Any]) -> None:
            nonlocal start, size, keep
            if message["type"] == "http.response.start":
                start = message
                keep = message["status"] == 200
                headers = [*message.get("headers", []), (CACHE_HEADER, b"miss")]
                await send({**message, "headers": headers})
                return
            if message["type"] == "http.response.body" and keep:
                body = message.get("body", b"")
                size += len(body)
                if size > self.max_entry:
                    keep = False
                    parts.clear()
                else:
                    parts.append(body)
                if not message.get("more_body", False) and keep and start is not None:
                    self._store(key, generation, start, b"".join(parts))
            await send(message)

        await self.app(scope, receive, capture)

    def _store(self, key: tuple[str, bytes, bool], generation: int, start: dict[str, Any], body: bytes) -> None:
        etag = b'"' + hashlib.blake2b(body, digest_size=12).hexdigest().encode("ascii") + b'"'
        headers = [(k, v) for k, v in start.get("headers", []) if k.lower() not in (b"etag", CACHE_HEADER)]
        headers = [(k, v) for k, v in headers if k.lower() != b"content-length"]
        headers += [(b"content-length", str(len(body)).encode("ascii")), (b"etag", etag)]
        old = self.entries.pop(key, None)
        if old is not None:
            self.size -= len(old.body)
        self.entries[key] = _Entry(generation, start["status"], headers, body, etag)
        self.size += len(body)
        while self.size > self.max_bytes and self.entries:
            _, dropped = self.entries.popitem(last=False)
            self.size -= len(dropped.body)
