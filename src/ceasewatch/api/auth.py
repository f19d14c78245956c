"""Who is asking: accounts on a writable server.

The default server is read-only and public: nothing here runs, nobody logs
in, and every write answers 501. A writable server (`serve --writable`,
`create_app(read_only=False)`) is the mission's workspace:

- `AuthGate` (ASGI, between the request guard and the response cache, so a
  kept answer is never served to someone not logged in) resolves the user
  of every request from an API token (`Authorization: Bearer cwt_…`) or the
  session cookie, and refuses anyone else: 401 for the API, a redirect to
  /login for pages. Only /login, /static and the API's schema are open.
- `require_role(role)` guards each write route: an account of that role
  (viewer < analyst < admin), and for a session (a browser) the CSRF token
  of the session, as the `X-CSRF-Token` header or the `csrf` form field.
  Token clients send no cookies, so they need no CSRF token.
- Session cookies are HttpOnly, SameSite=Strict, Secure over https; the
  session id is stored only hashed (store/accounts.py).
- A write's body is read whole up to `MAX_WRITE_BODY` before anything
  parses it; a larger one is refused with 413.
"""

from __future__ import annotations

import hmac
import json
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import parse_qsl, quote

from fastapi import Request

from ..errors import AuthError, DocumentTooLarge, Forbidden, InputError
from ..model import User
from .deps import require_writable
from .envelope import error_body
from .guard import SECURITY_HEADERS

__all__ = [
    "SESSION_COOKIE", "LOGIN_COOKIE", "AuthGate", "require_role", "current_user", "read_form", "cookie_header",
    "PUBLIC_PREFIXES", "MAX_FORM_BYTES",
]

SESSION_COOKIE = "cw_session"
LOGIN_COOKIE = "cw_login"  # double-submit CSRF token of the login form (no session yet)
# The API's schema and its docs page describe routes, not data.
PUBLIC_PREFIXES = ("/login", "/static/", "/api/openapi.json", "/api/docs")
MAX_FORM_BYTES = 64 * 1024
MAX_WRITE_BODY = 1024 * 1024  # every write of a writable server; the largest, an answer, is 20,000 characters


def cookie_header(name: str, value: str, *, max_age: int, secure: bool) -> str:
    flags = f"; Max-Age={max_age}; Path=/; HttpOnly; SameSite=Strict" + ("; Secure" if secure else "")
    return f"{name}={value}{flags}"


def _cookies(headers: dict[bytes, bytes]) -> dict[str, str]:
    out: dict[str, str] = {}
    for part in headers.get(b"cookie", b"").decode("latin-1").split(";"):
        name, _, value = part.strip().partition("=")
        if name and name not in out:
            out[name] = value
    return out


class AuthGate:
    """Pure ASGI middleware; does nothing on a read-only app."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["app"].state.read_only:
            await self.app(scope, receive, send)
            return
        if scope.get("method") in ("POST", "PUT", "PATCH", "DELETE"):
            receive = await _bounded_body(scope, receive, send)
            if receive is None:
                return
        state = scope.setdefault("state", {})
        state.update(user=None, auth=None, csrf=None)
        headers = {k.lower(): v for k, v in scope.get("headers", [])}
        fastapi_app = scope["app"]
        store, threads = fastapi_app.state.store, fastapi_app.state.store_threads
        auth = headers.get(b"authorization", b"").decode("latin-1")
        sid = _cookies(headers).get(SESSION_COOKIE, "")
        try:
            if auth.lower().startswith("bearer "):
                from ..accounts import user_for_token

                state.update(user=await threads.run(user_for_token, store, auth[7:].strip()), auth="token")
            elif sid and len(sid) <= 200:
                found = await threads.run(store.session, sid)
                if found is not None:
                    state.update(user=found[0], auth="session", csrf=found[1], sid=sid)
        except AuthError as exc:
            await _send_json(send, error_body(exc))
            return
        path = scope.get("path", "")
        if state["user"] is None and not path.startswith(PUBLIC_PREFIXES):
            if scope.get("method") == "GET" and not path.startswith("/api"):
                target = path + ("?" + scope["query_string"].decode("latin-1") if scope.get("query_string") else "")
                await _send(send, 303, b"", [(b"location", f"/login?next={quote(target, safe='')}".encode())])
                return
            err = AuthError("log in first: this server accepts writes, so every page needs an account",
                            location="header.authorization",
                            hint="send `Authorization: Bearer TOKEN` (`ceasewatch tokens create`) or log in at /login")
            await _send_json(send, error_body(err))
            return
        await self.app(scope, receive, send)


async def _bounded_body(scope: dict[str, Any], receive: Any, send: Any) -> Any:
    """Read a write's body whole, up to MAX_WRITE_BODY (413 beyond, before
    anything parses it), and hand it on; None when refused."""
    chunks: list[bytes] = []
    size, more = 0, True
    while more:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunks.append(message.get("body", b""))
        size += len(chunks[-1])
        more = message.get("more_body", False)
        if size > MAX_WRITE_BODY:
            err = DocumentTooLarge(f"a request body over {MAX_WRITE_BODY // 1024} KiB is refused", location="body",
                                   source=scope.get("path"), hint="reviews, overrides and answers are small")
            await _send_json(send, error_body(err))
            return None
    body, sent = b"".join(chunks), False

    async def replay() -> dict[str, Any]:
        nonlocal sent
        if sent:
            return await receive()
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return replay


async def _send(send: Any, status: int, body: bytes, headers: list[tuple[bytes, bytes]]) -> None:
    headers = headers + [(b"content-length", str(len(body)).encode()), (b"cache-control", b"no-store"),
                         *((k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in SECURITY_HEADERS.items())]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


async def _send_json(send: Any, body: dict[str, Any]) -> None:
    await _send(send, body["status"], json.dumps(body).encode(), [(b"content-type", b"application/json")])


def current_user(request: Request) -> User | None:
    return getattr(request.state, "user", None)


async def read_form(request: Request) -> dict[str, str]:
    """An urlencoded form body, bounded (the last value of a repeated name wins)."""
    if request.headers.get("content-type", "").split(";")[0].strip() != "application/x-www-form-urlencoded":
        raise InputError("expected a form (application/x-www-form-urlencoded)", location="header.content-type")
    body = await request.body()
    if len(body) > MAX_FORM_BYTES:
        raise DocumentTooLarge(f"a form of {len(body):,} bytes is over {MAX_FORM_BYTES:,}", location="body")
    try:
        pairs = parse_qsl(body.decode("utf-8"), keep_blank_values=True, strict_parsing=False, max_num_fields=200)
    except (UnicodeDecodeError, ValueError) as exc:
        raise InputError(f"the form does not parse: {exc}", location="body") from None
    if any("\x00" in k or "\x00" in v for k, v in pairs):
        raise InputError("the form contains a NUL character", location="body")
    return dict(pairs)


def require_role(role: str) -> Callable[[Request], Awaitable[User]]:
    """A dependency: the request's user, who must have `role`; a browser
    session must also send its CSRF token."""

    async def dependency(request: Request) -> User:
        await require_writable(request)
        user = current_user(request)
        if user is None:
            raise AuthError("log in first", hint="send an API token or log in at /login")
        if not user.can(role):
            raise Forbidden(f"{user.name} has the role {user.role}; this needs {role}",
                            hint="ask an admin for an account with that role (`ceasewatch users add`)")
        if request.state.auth == "session" and request.method not in ("GET", "HEAD"):
            sent = request.headers.get("x-csrf-token")
            if sent is None and request.headers.get("content-type", "").startswith("application/x-www-form"):
                sent = (await read_form(request)).get("csrf")
            if not sent or not hmac.compare_digest(sent.encode(), (request.state.csrf or "").encode()):
                raise Forbidden("the form's CSRF token is missing or wrong", location="csrf",
                                hint="reload the page and submit the form again")
        return user

    return dependency
