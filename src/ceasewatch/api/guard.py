"""`RequestGuard`: what every request passes before routing, and what every
response carries, whatever the route (API, dashboard, static files, errors).

- Host allow-list: the `Host` header must name an allowed host
  (`Settings.allowed_hosts`, 127.0.0.1, localhost and ::1 by default), so
  a page on another site that makes its own name resolve to 127.0.0.1
  (DNS rebinding) cannot read or write through the visitor's browser.
- Cross-site writes: a POST/PUT/PATCH/DELETE whose `Origin` header names
  another host is refused (a browser always sends Origin on those).
- NUL bytes in the path or the query string are refused before any store
  sees them: PostgreSQL cannot hold NUL in text and answered 500.
- Security headers on every response (CSP, X-Content-Type-Options,
  Referrer-Policy, X-Frame-Options), unless the response set its own.

Refusals are the API's error envelope with status 400 (403 for a
cross-site write).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

from ..errors import InputError
from .envelope import EnvelopeError, error_body

__all__ = ["RequestGuard", "SECURITY_HEADERS", "DOCS_CSP", "parse_hosts", "host_of", "is_loopback_host"]

# Scripts only from our own /static (the templates have no inline script);
# inline styles are allowed because Leaflet and the reciprocity bars set them.
SECURITY_HEADERS: dict[str, str] = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    # same-origin, not no-referrer: under no-referrer Chromium sends `Origin: null` with the
    # dashboard's own form posts, which the cross-site check must refuse. Other sites still get nothing.
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}
# /api/docs is FastAPI's Swagger UI page: one inline script; its files come from
# this server (api/app.py, the vendored swagger-ui-dist), never another host.
DOCS_CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)
_UNSAFE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}


def parse_hosts(value: str | Iterable[str]) -> frozenset[str]:
    """Host names from a comma-separated setting or a list; lower case,
    IPv6 addresses without brackets."""
    items = value.split(",") if isinstance(value, str) else list(value)
    return frozenset(h.strip().lower().strip("[]") for h in items if h.strip())


def host_of(header: str) -> str:
    """The host name of a Host header or an authority: "127.0.0.1:8000" ->
    "127.0.0.1", "[::1]:8000" -> "::1"."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:].split("]", 1)[0]
    if header.count(":") == 1:
        return header.split(":", 1)[0]
    return header


def is_loopback_host(host: str) -> bool:
    """True for localhost and loopback addresses (127.0.0.0/8, ::1)."""
    import ipaddress

    name = host.strip().lower().strip("[]")
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


class RequestGuard:
    """Pure ASGI middleware (no body buffering, streaming responses pass
    through untouched)."""

    def __init__(self, app: Any, *, allowed_hosts: Iterable[str]) -> None:
        self.app = app
        self.allowed = parse_hosts(allowed_hosts)

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        refusal = self._refusal(scope)
        if refusal is not None:
            await self._refuse(scope, send, refusal)
            return
        docs = scope.get("path", "").startswith("/api/docs")

        async def send_with_headers(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {k.lower() for k, _ in headers}
                for name, value in SECURITY_HEADERS.items():
                    key = name.lower().encode("latin-1")
                    if key not in present:
                        if docs and name == "Content-Security-Policy":
                            value = DOCS_CSP
                        headers.append((key, value.encode("latin-1")))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)

    def _refusal(self, scope: dict[str, Any]) -> InputError | None:
        headers = {k.lower(): v for k, v in scope.get("headers", [])}
        raw_host = headers.get(b"host", b"").decode("latin-1")
        host = host_of(raw_host)
        if host not in self.allowed:
            return InputError(
                f"host {raw_host[:100]!r} is not served here",
                source=scope.get("path"),
                location="header.host",
                hint="open the dashboard as http://127.0.0.1:PORT/ or http://localhost:PORT/; to serve other "
                "names set CEASEWATCH_ALLOWED_HOSTS (or `allowed_hosts` in the config file)",
            )
        if scope.get("method") in _UNSAFE_METHODS and b"origin" in headers:
            origin = headers[b"origin"].decode("latin-1")
            netloc = urlsplit(origin).netloc if "://" in origin else origin
            if origin == "null" or host_of(netloc) not in self.allowed:
                return EnvelopeError(
                    f"a write from the page of {origin[:100]!r} is refused",
                    status=403,
                    source=scope.get("path"),
                    location="header.origin",
                    hint="writes are accepted only from the dashboard's own pages or from clients without "
                    "an Origin header (scripts, curl)",
                )
        raw_path = scope.get("raw_path") or b""
        if "\x00" in scope.get("path", "") or b"%00" in raw_path or b"\x00" in raw_path:
            return InputError(
                "the path contains a NUL character",
                source=scope.get("path", "").replace("\x00", "\\x00")[:200],
                location="path",
                hint="remove %00 from the address",
            )
        query = scope.get("query_string") or b""
        if b"%00" in query or b"\x00" in query:
            name = _first_nul_parameter(query)
            return InputError(
                "a query parameter contains a NUL character",
                source=scope.get("path"),
                location=f"query.{name}" if name else "query",
                hint="remove %00 from the parameter",
            )
        return None

    async def _refuse(self, scope: dict[str, Any], send: Any, err: InputError) -> None:
        body = error_body(err)
        data = json.dumps(body).encode("utf-8")
        headers = [
            (b"content-type", b"application/json"),
            (b"content-length", str(len(data)).encode("ascii")),
            *((k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in SECURITY_HEADERS.items()),
        ]
        await send({"type": "http.response.start", "status": body["status"], "headers": headers})
        await send({"type": "http.response.body", "body": data})


def _first_nul_parameter(query: bytes) -> str | None:
    for part in query.split(b"&"):
        name, _, value = part.partition(b"=")
        if b"%00" in value or b"\x00" in value or b"%00" in name:
            text = name.decode("latin-1", "replace").replace("%00", "")[:40]
            return text or None
    return None
