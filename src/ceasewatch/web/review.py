"""Dashboard pages of a writable server: login and logout, the review of a
claim beside its evidence, the review queue, and the forms of the incident
page (verdict override, merge, split, request for information, answer).

Every form carries the session's CSRF token (`csrf`), which
`api.auth.require_role` checks; the login form, which has no session yet,
carries a token that must equal its HttpOnly, SameSite=Strict cookie.
Failed logins are rate limited (`ceasewatch.accounts`).
"""

from __future__ import annotations

import hmac
import json
import secrets
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from ..accounts import SESSION_TTL_S, login
from ..api.allegations import record_answer, record_merge, record_request, record_split
from ..api.auth import LOGIN_COOKIE, SESSION_COOKIE, cookie_header, read_form, require_role
from ..api.deps import get_store, in_store_thread
from ..api.review import claim_review_view, record_field_reviews, record_override, review_queue
from ..errors import AuthError, CeasewatchError, InputError, NotAvailable
from ..model import DECISIONS, VERDICTS, User
from ..store.base import Repository
from .pages import SECURITY_HEADERS, templates

__all__ = ["router"]

router = APIRouter(include_in_schema=False)
_LIST_FIELDS = {"weapons", "regions", "places", "targets"}


def _account(request: Request) -> dict[str, Any] | None:
    """The logged-in user and the session's CSRF token, for the templates."""
    user = getattr(request.state, "user", None)
    if user is None:
        return None
    return {"name": user.name, "role": user.role, "analyst": user.can("analyst"),
            "csrf": getattr(request.state, "csrf", None) or ""}


templates.env.globals["account"] = _account


def _page(request: Request, name: str, twin: str | None, status: int = 200, **context: Any) -> HTMLResponse:
    return templates.TemplateResponse(request, name, {"twin": twin, **context}, status_code=status,
                                      headers={**SECURITY_HEADERS, "Cache-Control": "no-store"})


def _safe_next(target: str | None) -> str:
    """Only a path on this site (never //host or a scheme): no open redirect."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    parts = urlsplit(target)
    return target if not parts.scheme and not parts.netloc else "/"


def _secure(request: Request) -> bool:
    return request.url.scheme == "https"


def _login_form(request: Request, *, error: dict[str, Any] | None = None, status: int = 200,
                next_url: str = "/") -> HTMLResponse:
    token = secrets.token_urlsafe(24)
    resp = _page(request, "login.html", None, status, login_csrf=token, error=error, next_url=_safe_next(next_url),
                 read_only=request.app.state.read_only)
    resp.headers.append("set-cookie", cookie_header(LOGIN_COOKIE, token, max_age=1800, secure=_secure(request)))
    return resp


@router.get("/login", response_class=HTMLResponse)
async def login_page(request: Request, next: str = "/") -> HTMLResponse:  # noqa: A002 (the query's name)
    return _login_form(request, next_url=next[:500])


@router.post("/login")
async def login_submit(request: Request, store: Repository = Depends(get_store)) -> Response:
    if request.app.state.read_only:
        raise NotAvailable("this server is read-only and public: there is nothing to log in to",
                           hint="accounts are for `ceasewatch serve --writable`")
    form = await read_form(request)
    sent, cookie = form.get("csrf", ""), request.cookies.get(LOGIN_COOKIE, "")
    next_url = _safe_next(form.get("next"))
    if not sent or not hmac.compare_digest(sent.encode(), cookie.encode()):
        return _login_form(request, error={"message": "the form expired; try again"}, status=403, next_url=next_url)
    client = request.client.host if request.client else "unknown"
    try:
        user = await in_store_thread(request, login, store, form.get("name", "")[:100],
                                     form.get("password", "")[:2000], client=client)
    except AuthError as exc:
        return _login_form(request, error=exc.to_dict(), status=exc.status, next_url=next_url)
    sid, _csrf = await in_store_thread(request, store.create_session, user.name, ttl_s=SESSION_TTL_S)  # type: ignore[attr-defined]
    resp = RedirectResponse(next_url, status_code=303, headers={"Cache-Control": "no-store"})
    resp.headers.append("set-cookie", cookie_header(SESSION_COOKIE, sid, max_age=SESSION_TTL_S, secure=_secure(request)))
    resp.headers.append("set-cookie", cookie_header(LOGIN_COOKIE, "", max_age=0, secure=_secure(request)))
    return resp


@router.post("/logout")
async def logout(request: Request, store: Repository = Depends(get_store),
                 user: User = Depends(require_role("viewer"))) -> Response:
    sid = getattr(request.state, "sid", None)
    if sid:
        await in_store_thread(request, store.end_session, sid)  # type: ignore[attr-defined]
    resp = RedirectResponse("/login", status_code=303)
    resp.headers.append("set-cookie", cookie_header(SESSION_COOKIE, "", max_age=0, secure=_secure(request)))
    return resp


@router.get("/claims/{claim_id}/review", response_class=HTMLResponse)
async def claim_review_page(request: Request, claim_id: str, store: Repository = Depends(get_store)) -> HTMLResponse:
    view = await in_store_thread(request, claim_review_view, store, claim_id[:200])
    return _page(request, "review_claim.html", f"/api/claims/{claim_id}/review", view=view, DECISIONS=DECISIONS,
                 LIST_FIELDS=_LIST_FIELDS, as_json=lambda v: json.dumps(v, ensure_ascii=False))


def _decisions(form: dict[str, str]) -> list[dict[str, Any]]:
    """The form's `decision.FIELD` / `value.FIELD` pairs; values as JSON for
    lists and objects, text for the rest ("" is none)."""
    out = []
    for key, decision in form.items():
        if not key.startswith("decision.") or not decision:
            continue
        field = key.split(".", 1)[1]
        raw = form.get(f"value.{field}", "").strip()
        value: Any = raw or None
        if decision == "correct" and raw and (field in _LIST_FIELDS or field == "claimant"):
            try:
                value = json.loads(raw)
            except json.JSONDecodeError:
                raise InputError(f"{field}: the corrected value is not JSON", location=f"value.{field}",
                                 hint='write it as shown, e.g. ["energy.power"]') from None
        elif decision == "correct" and field in ("killed", "injured") and raw:
            value = int(raw) if raw.isdigit() else raw
        out.append({"field": field, "decision": decision, "value": value})
    return out


@router.post("/claims/{claim_id}/review")
async def claim_review_submit(request: Request, claim_id: str, store: Repository = Depends(get_store),
                              user: User = Depends(require_role("analyst"))) -> Response:
    form = await read_form(request)
    try:  # a mistake in the form shows the page again with the error beside the fields
        decisions = _decisions(form)
        if not decisions:
            raise InputError("choose confirm, correct or reject for at least one field", location="decision")
        await in_store_thread(request, record_field_reviews, store, claim_id[:200], decisions, reviewer=user.name,
                              reason=form.get("reason", "")[:2000])
    except CeasewatchError as exc:
        view = await in_store_thread(request, claim_review_view, store, claim_id[:200])
        return _page(request, "review_claim.html", None, exc.status, view=view, DECISIONS=DECISIONS,
                     LIST_FIELDS=_LIST_FIELDS, error=exc.to_dict(), as_json=lambda v: json.dumps(v, ensure_ascii=False))
    return RedirectResponse(f"/claims/{claim_id}/review", status_code=303)


@router.get("/review", response_class=HTMLResponse)
async def queue_page(request: Request, store: Repository = Depends(get_store)) -> HTMLResponse:
    items = await in_store_thread(request, review_queue, store)
    return _page(request, "review_queue.html", "/api/review/queue", items=items)


@router.post("/verdicts/{assessment_id}/override")
async def override_submit(request: Request, assessment_id: str, store: Repository = Depends(get_store),
                          user: User = Depends(require_role("analyst"))) -> Response:
    form = await read_form(request)
    verdict, reason = form.get("verdict", ""), form.get("reason", "")[:2000]
    if verdict not in VERDICTS:
        raise InputError(f"no verdict {verdict[:40]!r}", location="verdict", hint="one of " + ", ".join(VERDICTS))
    o = await in_store_thread(request, record_override, store, assessment_id[:200], verdict, reason,
                              reviewer=user.name)
    return RedirectResponse(f"/incidents/{o.incident_id}", status_code=303)


@router.post("/incidents/merge")
async def merge_submit(request: Request, store: Repository = Depends(get_store),
                       user: User = Depends(require_role("analyst"))) -> Response:
    form = await read_form(request)
    ids = [form.get("incident_id", ""), *form.get("other", "").replace(",", " ").split()][:20]
    d = await in_store_thread(request, record_merge, store, [i[:200] for i in ids if i], reviewer=user.name,
                              reason=form.get("reason", "")[:2000])
    merged = await in_store_thread(request, _incident_of, store, d.claim_ids[0])
    return RedirectResponse(f"/incidents/{merged}" if merged else "/incidents", status_code=303)


@router.post("/incidents/{incident_id}/split")
async def split_submit(request: Request, incident_id: str, store: Repository = Depends(get_store),
                       user: User = Depends(require_role("analyst"))) -> Response:
    form = await read_form(request)  # size, type and NUL checks; the reason
    # a claim per ticked box: a repeated name, which read_form's dict keeps once
    claims = [v[:200] for k, v in parse_qsl((await request.body()).decode("utf-8"), max_num_fields=200) if k == "claim"]
    d = await in_store_thread(request, record_split, store, incident_id[:200], claims, reviewer=user.name,
                              reason=form.get("reason", "")[:2000])
    left = await in_store_thread(request, _incident_of, store, d.claim_ids[0])
    return RedirectResponse(f"/incidents/{left}" if left else "/incidents", status_code=303)


def _incident_of(store: Repository, claim_id: str) -> str | None:
    ids = getattr(store, "incident_ids", None)
    return ids([claim_id]).get(claim_id) if callable(ids) else None


@router.post("/verdicts/{assessment_id}/request")
async def request_submit(request: Request, assessment_id: str, store: Repository = Depends(get_store),
                         user: User = Depends(require_role("analyst"))) -> Response:
    form = await read_form(request)
    r = await in_store_thread(request, record_request, store, assessment_id[:200], form.get("question", "")[:5000],
                              reviewer=user.name)
    return RedirectResponse(f"/incidents/{r.incident_id}#workflow", status_code=303)


@router.post("/requests/{request_id}/answer")
async def answer_submit(request: Request, request_id: str, store: Repository = Depends(get_store),
                        user: User = Depends(require_role("analyst"))) -> Response:
    form = await read_form(request)
    claim = await in_store_thread(
        request, record_answer, store, request_id[:200], text=form.get("text", ""),
        publisher=form.get("publisher", "")[:200], claimant=form.get("claimant", "")[:200],
        stance=form.get("stance", ""), quote=form.get("quote", ""), reviewer=user.name)
    inc = await in_store_thread(request, _incident_of, store, claim.id)
    return RedirectResponse(f"/incidents/{inc}#workflow" if inc else "/incidents", status_code=303)
