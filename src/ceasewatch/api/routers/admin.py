"""/api/users and /api/tokens: accounts and API tokens, for admins (the same
as `ceasewatch users` and `ceasewatch tokens`; every change is an audit
event named after the admin)."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Body, Depends, Path, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field

from ...accounts import add_user
from ...model import ROLES, User
from ...store.base import Repository
from ..auth import require_role
from ..deps import get_store, in_store_thread
from ..envelope import ok

router = APIRouter(tags=["admin"])
_admin = require_role("admin")
_NO_NUL = r"^[^\x00]*$"


class UserIn(BaseModel):
    name: str = Field(..., min_length=1, max_length=64, pattern=_NO_NUL)
    role: Literal[ROLES]  # type: ignore[valid-type]
    password: str = Field(..., min_length=1, max_length=1024, pattern=_NO_NUL)


class ReasonIn(BaseModel):
    reason: str = Field("", max_length=2000, pattern=_NO_NUL)


class TokenIn(BaseModel):
    user: str = Field(..., min_length=1, max_length=64, pattern=_NO_NUL)
    label: str = Field("", max_length=200, pattern=_NO_NUL)


def _user_json(u: User) -> dict[str, object]:
    return {"name": u.name, "role": u.role, "disabled": u.disabled, "created": u.created.isoformat() if u.created else None}


@router.get("/api/users", summary="Accounts (admin)")
async def list_users(request: Request, store: Repository = Depends(get_store), me: User = Depends(_admin)) -> Response:
    users = await in_store_thread(request, store.list_users)  # type: ignore[attr-defined]
    return ok([_user_json(u) for u in users])


@router.post("/api/users", status_code=201, summary="Add an account (admin)")
async def post_user(request: Request, body: UserIn = Body(...), store: Repository = Depends(get_store),
                    me: User = Depends(_admin)) -> Response:
    user = await in_store_thread(request, add_user, store, body.name, body.role, body.password, actor=me.name)
    resp = ok(_user_json(user))
    resp.status_code = 201
    return resp


@router.post("/api/users/{name}/disable", summary="Disable an account: its sessions end, its tokens are revoked (admin)")
async def disable_user(request: Request, name: str = Path(..., max_length=64), body: ReasonIn = Body(ReasonIn()),
                       store: Repository = Depends(get_store), me: User = Depends(_admin)) -> Response:
    await in_store_thread(request, store.disable_user, name, actor=me.name, reason=body.reason)  # type: ignore[attr-defined]
    return ok({"name": name, "disabled": True})


@router.get("/api/tokens", summary="API tokens, never their secrets (admin)")
async def list_tokens(request: Request, store: Repository = Depends(get_store), me: User = Depends(_admin)) -> Response:
    return ok(await in_store_thread(request, store.list_tokens))  # type: ignore[attr-defined]


@router.post("/api/tokens", status_code=201, summary="Create an API token; the secret is in this answer only (admin)")
async def post_token(request: Request, body: TokenIn = Body(...), store: Repository = Depends(get_store),
                     me: User = Depends(_admin)) -> Response:
    token_id, secret = await in_store_thread(request, store.create_token, body.user, body.label,  # type: ignore[attr-defined]
                                             actor=me.name)
    resp = ok({"id": token_id, "user": body.user, "label": body.label, "secret": secret})
    resp.status_code = 201
    resp.headers["Cache-Control"] = "no-store"
    return resp


@router.post("/api/tokens/{token_id}/revoke", summary="Revoke an API token (admin)")
async def revoke_token(request: Request, token_id: str = Path(..., max_length=100), body: ReasonIn = Body(ReasonIn()),
                       store: Repository = Depends(get_store), me: User = Depends(_admin)) -> Response:
    await in_store_thread(request, store.revoke_token, token_id, actor=me.name, reason=body.reason)  # type: ignore[attr-defined]
    return ok({"id": token_id, "revoked": True})
