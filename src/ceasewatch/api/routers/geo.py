"""/api/geocode and /api/regions: gazetteer lookups and admin-1 polygons."""

from __future__ import annotations

import gzip
import hashlib
import json
from functools import lru_cache
from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from ...errors import NotAvailable
from ...store.base import Repository
from ..deps import get_store, in_store_thread
from ..envelope import ok
from ..params import FilterParams, filter_params
from ..queries import region_counts
from ..serialize import jsonable

router = APIRouter(prefix="/api", tags=["geo"])

_KINDS = ("region", "settlement", "site", "sea", "country")


def _geocode_module() -> Any:
    try:
        from ... import geocode
    except ImportError as exc:  # pragma: no cover - the package always exists
        raise NotAvailable("geocoder missing", hint=str(exc)) from None
    return geocode


def _geocoder(request: Request) -> Any:
    """The app's geocoder (create_app(geocoder=...)), else the default one,
    built on first use (loading the gazetteer index takes a moment)."""
    if request.app.state.geocoder is None:
        fn = getattr(_geocode_module(), "default_geocoder", None)
        if fn is None:
            raise NotAvailable("the geocoder is not available in this version", hint="it arrives with the geocode stage")
        request.app.state.geocoder = fn()
    return request.app.state.geocoder


@lru_cache(maxsize=1)
def regions_feature_collection() -> dict[str, Any]:
    """Admin-1 polygons of UA and RU from the geocode stage (cached: the map
    asks for them on every load)."""
    fn = getattr(_geocode_module(), "regions_geojson", None)
    if fn is None:
        raise NotAvailable("region polygons are not available in this version", hint="they arrive with the geocode stage")
    return jsonable(fn())


@router.get("/geocode", summary="Look a place name up in the offline gazetteer")
async def geocode(
    request: Request,
    q: str = Query(..., min_length=1, max_length=200, description="Place name as written"),
    lang: str | None = Query(None, max_length=10, description="en, uk or ru"),
    country: str | None = Query(None, pattern="^(UA|RU)$", description="Country hint"),
    kind: str | None = Query(None, description="Only this kind: " + ", ".join(_KINDS)),
    limit: int = Query(5, ge=1, le=50),
) -> Response:
    kinds = None
    if kind:
        if kind not in _KINDS:
            from ...errors import InputError

            raise InputError(f"invalid kind {kind!r}", location="query.kind", hint="use one of: " + ", ".join(_KINDS))
        kinds = (kind,)

    def answer() -> Response:
        geocoder = _geocoder(request)  # the first call loads the gazetteer: off the event loop
        found = geocoder.lookup(q, lang=lang, country_hint=country, kinds=kinds, limit=limit)
        return ok([jsonable(c) for c in found], query=q, geocoder=getattr(geocoder, "name", None))

    return await in_store_thread(request, answer)


@lru_cache(maxsize=1)
def _regions_encoded() -> tuple[bytes, bytes]:
    """The polygons as JSON once and gzipped once: they change only with the package, so no request (and no
    write to the store) encodes them again."""
    body = json.dumps(regions_feature_collection(), separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    return body, gzip.compress(body, compresslevel=9, mtime=0)


def _etag(body: bytes) -> str:
    # the same tag api/cache.py gives a kept answer, so either may answer an If-None-Match
    return '"' + hashlib.blake2b(body, digest_size=12).hexdigest() + '"'


@router.get("/regions", summary="Admin-1 polygons of Ukraine and Russia (GeoJSON, properties.iso)")
async def regions(request: Request) -> Response:
    body, zipped = await in_store_thread(request, _regions_encoded)
    chosen, extra = (zipped, {"Content-Encoding": "gzip"}) if "gzip" in request.headers.get("accept-encoding", "") \
        else (body, {})
    headers = {"ETag": _etag(chosen), "Cache-Control": "public, max-age=86400", "Vary": "Accept-Encoding"}
    if headers["ETag"] in [t.strip() for t in request.headers.get("if-none-match", "").split(",")]:
        return Response(status_code=304, headers=headers)
    return Response(chosen, media_type="application/json", headers={**headers, **extra})


@router.get("/regions/stats", summary="Claim counts per region and claimant party (the choropleth)")
async def region_stats(
    request: Request, filters: FilterParams = Depends(filter_params), store: Repository = Depends(get_store)
) -> Response:
    def answer() -> Response:
        counts, complete = region_counts(store, filters.flt)
        return ok(counts, filters=filters.raw, complete=complete)

    return await in_store_thread(request, answer)
