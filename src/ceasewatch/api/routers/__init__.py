"""One APIRouter per resource (FastAPI's bigger-applications layout)."""

from __future__ import annotations

from . import admin, agreements, claims, documents, geo, incidents, meta, reports, review, verdicts, views

ROUTERS = (
    meta.router,
    documents.router,
    review.router,
    claims.router,
    incidents.router,
    verdicts.router,
    agreements.router,
    reports.router,
    geo.router,
    views.router,
    admin.router,
)

__all__ = ["ROUTERS"]
