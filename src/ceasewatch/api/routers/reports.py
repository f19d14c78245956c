"""/api/reports: the assess stage's daily report, served as data or text."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import Response

from ...errors import InputError, NotAvailable
from ...store.base import Repository
from ..deps import get_store, in_store_thread
from ..envelope import ok
from ..serialize import jsonable

router = APIRouter(prefix="/api/reports", tags=["reports"])

_MEDIA = {
    "md": "text/markdown; charset=utf-8",
    "html": "text/html; charset=utf-8",
    "text": "text/plain; charset=utf-8",
    "pdf": "application/pdf",
}


def _daily_report_fn() -> Any:
    try:
        from ...report import daily_report  # type: ignore[attr-defined]
    except ImportError:
        try:
            from ...assess import daily_report  # type: ignore[attr-defined]
        except ImportError:
            raise NotAvailable(
                "daily reports are not available in this version of ceasewatch",
                hint="they arrive with the report stage (ceasewatch.report.daily_report)",
            ) from None
    return daily_report


@router.get("/daily/{day}", summary="The daily report for one monitoring day", response_model=None)
async def daily(
    request: Request,
    day: str = Path(..., description="YYYY-MM-DD", max_length=40),
    format: str = Query("json", description="json, md, html, text or pdf"),
    store: Repository = Depends(get_store),
) -> Response:
    try:
        when = date.fromisoformat(day)
    except ValueError:
        raise InputError(f"invalid date {day!r}", location="path.day", hint="dates are YYYY-MM-DD") from None
    if format not in ("json", *_MEDIA):
        raise InputError(f"invalid format {format!r}", location="query.format", hint="use json, md, html, text or pdf")

    def answer() -> Response:
        report = _daily_report_fn()(store, when, format)
        if format == "json":
            return ok(jsonable(report), date=when.isoformat())
        body = report if isinstance(report, bytes) else str(report)
        headers = {"Content-Disposition": f'attachment; filename="ceasewatch-{when}.pdf"'} if format == "pdf" else None
        return Response(body, media_type=_MEDIA[format], headers=headers)

    return await in_store_thread(request, answer)
