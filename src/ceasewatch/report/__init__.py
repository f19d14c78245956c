"""report stage: the daily monitoring report (HTML, PDF, Markdown, JSON).

    daily_report(store, date, fmt="html")  -> str (html, md, text), bytes (pdf) or dict (json)
    build_daily(store, date)               -> DailyReport (the data only)
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import InputError
from .daily import DailyReport, build_daily, report_json

if TYPE_CHECKING:
    from ..assess import Agreement
    from ..store.base import Repository

__all__ = ["FORMATS", "DailyReport", "build_daily", "daily_report", "report_json"]

# "text" is the Markdown rendering, which reads as plain text.
FORMATS: tuple[str, ...] = ("html", "pdf", "md", "text", "json")


def daily_report(
    store: Repository,
    day: date,
    fmt: str = "html",
    *,
    agreements: list[Agreement] | None = None,
    assets_dir: str | Path | None = None,
) -> str | bytes | dict[str, Any]:
    """The daily report for `day`: HTML, Markdown or text as str, PDF as
    bytes, JSON as a dict. Markdown writes its chart images into
    `assets_dir` when given."""
    if fmt not in FORMATS:
        raise InputError(f"unknown report format {fmt!r}", location="--format",
                         hint="use " + ", ".join(FORMATS))
    report = build_daily(store, day, agreements=agreements)
    if fmt == "json":
        return report_json(report)
    from . import render  # matplotlib and jinja2 load only when a report is drawn

    if fmt in ("md", "text"):
        return render.render_markdown(report, Path(assets_dir) if assets_dir else None)
    html = render.render_html(report)
    return html if fmt == "html" else render.render_pdf(html)
