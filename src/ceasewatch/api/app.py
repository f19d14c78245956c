"""`create_app(store, settings=...)`: the FastAPI application.

The store is passed in (library first): the CLI opens it from settings,
tests pass a temporary SQLite store or the in-memory fake. The dashboard
pages from `ceasewatch.web` are mounted on the same app, so every page and
its API twin read through the same view functions.
"""

from __future__ import annotations

import gc
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from .. import __version__
from ..config import Settings, load_settings
from ..geocode.base import Geocoder
from ..store.base import Repository
from .auth import AuthGate
from .cache import ResponseCache
from .deps import StoreThreads
from .envelope import ERROR_RESPONSES, document_error_envelope, install_error_handlers
from .guard import RequestGuard, parse_hosts
from .queries import SummaryCache
from .routers import ROUTERS

__all__ = [
    "create_app", "app_from_environment", "SERVE_WRITABLE_ENV", "SERVE_SAMPLE_ENV", "SWAGGER_UI_DIR", "SWAGGER_UI_URL",
]

# How `ceasewatch serve --workers N` tells each worker process what to serve
# (the database and the other settings travel as CEASEWATCH_* variables).
SERVE_WRITABLE_ENV = "CEASEWATCH_SERVE_WRITABLE"
SERVE_SAMPLE_ENV = "CEASEWATCH_SERVE_SAMPLE"

DESCRIPTION = """Strike claims from ceasefire reports, the incidents they were
linked into and their verdicts against agreements.

Every success is `{"ok": true, "data": ..., "meta": {...}}`; every error is
`{"ok": false, "status": N, "error": {"code", "message", "hint", "source",
"location"}}`. Listings page with `meta.next_cursor` (pass it back as
`cursor`); `?format=csv` or `?format=geojson` downloads the whole filtered view.
"""

# Swagger UI (swagger-ui-dist from npm, web/static/vendor/README.md), served by
# the app itself so /api/docs works without a network. The dashboard's /static
# mount serves the folder; an app without the dashboard mounts it alone.
SWAGGER_UI_DIR = Path(__file__).resolve().parent.parent / "web" / "static" / "vendor" / "swagger-ui"
SWAGGER_UI_URL = "/static/vendor/swagger-ui"


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    # What exists at startup (routes, SQLAlchemy metadata, gazetteer tables)
    # lives as long as the server: keep it out of the garbage collector's
    # full passes. A whole-history timeline at 1M claims keeps ~25,000
    # objects alive while it builds its answer, which set off a full
    # collection every few requests, each rescanning the ~100,000 startup
    # objects (~65 ms on the benchmark machine: the p95 of /api/timeline and
    # /api/map). Unfrozen at shutdown, so a process that starts many apps
    # (the tests) can still collect the old ones.
    await app.state.store_threads.run(_warm_up)
    gc.collect()
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _warm_up() -> None:
    """Load what request validation reads (the agreement ids) before the
    first request, off the event loop."""
    from ..errors import CeasewatchError
    from .views import load_agreement_records

    try:
        load_agreement_records()
    except CeasewatchError:  # not available or broken: the agreement pages say so
        pass


def create_app(
    store: Repository,
    *,
    settings: Settings | None = None,
    read_only: bool = True,
    dashboard: bool = True,
    geocoder: Geocoder | None = None,
    allowed_hosts: Iterable[str] | None = None,
) -> FastAPI:
    """The API (and, unless `dashboard=False`, the dashboard) over `store`.
    `geocoder` answers /api/geocode; default: `geocode.default_geocoder()`.
    `allowed_hosts`: host names the Host header may name (default
    `Settings.allowed_hosts`: 127.0.0.1, localhost, ::1); see api/guard.py."""
    app = FastAPI(
        title="ceasewatch",
        version=__version__,
        description=DESCRIPTION,
        openapi_url="/api/openapi.json",
        docs_url=None,  # served below from the vendored Swagger UI, not a CDN
        redoc_url=None,
        lifespan=_lifespan,
    )
    app.state.store = store
    app.state.settings = settings or load_settings()
    app.state.read_only = read_only
    app.state.geocoder = geocoder
    # Store work runs on a bounded pool of threads (api/deps.py), and the
    # agreement summaries are kept until assess writes again.
    app.state.store_threads = StoreThreads(app.state.settings.store_threads)
    app.state.summaries = SummaryCache(store)
    # Region polygons are ~1 MB of JSON, the whole-history timeline 1.5 MB.
    # Level 1 (nginx's default), not Starlette's 9: 8 ms instead of 95 ms for
    # that timeline, for 197 KB sent instead of 130 KB.
    app.add_middleware(GZipMiddleware, minimum_size=2000, compresslevel=1)
    # Outside gzip, so a kept answer is kept compressed (api/cache.py).
    app.add_middleware(ResponseCache, max_bytes=int(app.state.settings.response_cache_mb * 1024 * 1024))
    # Outside the cache: on a writable server nobody gets a kept answer without an account (api/auth.py).
    app.add_middleware(AuthGate)
    # Outermost: refuses other hosts, cross-site writes and NUL bytes before
    # anything runs, and adds the security headers to every response.
    hosts = parse_hosts(allowed_hosts if allowed_hosts is not None else app.state.settings.allowed_hosts)
    app.add_middleware(RequestGuard, allowed_hosts=hosts)
    install_error_handlers(app)
    for router in ROUTERS:
        app.include_router(router, responses=ERROR_RESPONSES)
    document_error_envelope(app)
    install_docs(app, mount_assets=not dashboard)
    if dashboard:
        from ..web import mount_dashboard

        mount_dashboard(app)
    return app


def install_docs(app: FastAPI, *, mount_assets: bool) -> None:
    """`/api/docs`: Swagger UI over `/api/openapi.json`, its script and
    stylesheet from `SWAGGER_UI_URL` (this app), no favicon request, no
    online validator. `mount_assets` serves `SWAGGER_UI_DIR` there (for an
    app whose dashboard, and so its /static mount, is off)."""
    if not (SWAGGER_UI_DIR / "swagger-ui-bundle.js").is_file():
        from ..errors import NotAvailable

        raise NotAvailable(
            f"Swagger UI is missing from {SWAGGER_UI_DIR}",
            source=str(SWAGGER_UI_DIR),
            hint="reinstall ceasewatch (`pip install -e .`): the package ships swagger-ui-bundle.js and "
            "swagger-ui.css in web/static/vendor/swagger-ui/",
        )
    if mount_assets:
        app.mount(SWAGGER_UI_URL, StaticFiles(directory=str(SWAGGER_UI_DIR)), name="swagger-ui")
    openapi_url = app.openapi_url or "/api/openapi.json"

    @app.get("/api/docs", include_in_schema=False)
    async def swagger_ui() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=openapi_url,
            title=f"{app.title} API",
            swagger_js_url=f"{SWAGGER_UI_URL}/swagger-ui-bundle.js",
            swagger_css_url=f"{SWAGGER_UI_URL}/swagger-ui.css",
            swagger_favicon_url="data:,",
            swagger_ui_parameters={"validatorUrl": None},
        )


def app_from_environment() -> FastAPI:
    """The app of one worker process of `ceasewatch serve --workers N`
    (uvicorn's factory): settings from the environment (CEASEWATCH_*), the
    store opened here, one per process, with Settings.store_threads pooled
    connections."""
    import os

    settings = load_settings()
    if os.environ.get(SERVE_SAMPLE_ENV) == "1":
        from .sample import sample_store

        store: Repository = sample_store()
    else:
        from ..store import open_store

        store = open_store(settings.db, pool_size=settings.store_threads)
    return create_app(store, settings=settings, read_only=os.environ.get(SERVE_WRITABLE_ENV) != "1")
