"""/api and /api/codes: what this server holds and the codes filters accept."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from ... import __version__
from ...model import PARTIES, STANCES, TARGET_CODES, VERDICTS, WEAPON_CATEGORIES
from ...store.base import Repository
from ..deps import get_store, in_store_thread
from ..envelope import ok
from ..params import known_region_codes

router = APIRouter(prefix="/api", tags=["meta"])


@router.get("", summary="Server and store information")
async def info(request: Request, store: Repository = Depends(get_store)) -> Response:
    def answer() -> Response:
        return ok(
            {
                "version": __version__,
                "read_only": request.app.state.read_only,
                "store": {"url": store.url, "dialect": store.dialect, **store.info()},
                "openapi": "/api/openapi.json",
                "docs": "/api/docs",
            }
        )

    return await in_store_thread(request, answer)


@router.get("/codes", summary="Codes the filters accept")
async def codes() -> Response:
    return ok(
        {
            "parties": list(PARTIES),
            "stances": list(STANCES),
            "targets": list(TARGET_CODES),
            "verdicts": list(VERDICTS),
            "weapon_categories": list(WEAPON_CATEGORIES),
            "regions": sorted(known_region_codes()),
        }
    )
