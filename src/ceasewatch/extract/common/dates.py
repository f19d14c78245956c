"""Monitoring-day resolution (spec section 3), independent of language.

A backend parses a date phrase into a `DayExpr`; `resolve_monitoring_day`
turns it into the calendar day in the target country's local time:

    DayExpr("overnight")                  the night that ended on the publication morning
    DayExpr("night", day=13, end_day=14, month=3)   "night of 13 to 14 March" -> 14 March
    DayExpr("date", day=7, month=11)      year from the publication time
    DayExpr("today") / DayExpr("yesterday")
    DayExpr("weekday", weekday=1)         the last Tuesday on or before publication
    DayExpr("night_to_weekday", weekday=1)  "overnight into Tuesday" -> that Tuesday
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

__all__ = ["DayExpr", "TIME_ZONES", "local_time", "resolve_monitoring_day", "DAY_KINDS"]

TIME_ZONES: dict[str, str] = {"UA": "Europe/Kyiv", "RU": "Europe/Moscow"}
DAY_KINDS = ("date", "night", "overnight", "today", "yesterday", "weekday", "night_to_weekday")

# A year-less date more than this many days after publication is read as last year's.
_FUTURE_SLACK_DAYS = 31


@dataclass(frozen=True)
class DayExpr:
    kind: str  # one of DAY_KINDS
    day: int | None = None  # "date": the day; "night": the first day of "night of D1 to D2"
    month: int | None = None  # month of `day` ("date") or of `end_day` ("night")
    year: int | None = None
    end_day: int | None = None  # "night": D2
    weekday: int | None = None  # Monday=0


def local_time(published: datetime, country: str | None) -> datetime:
    """`published` in the country's zone (Kyiv when the country is unknown).
    A naive datetime is taken as already local."""
    if published.tzinfo is None:
        return published
    return published.astimezone(ZoneInfo(TIME_ZONES.get(country or "UA", "Europe/Kyiv")))


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _with_year(day: int, month: int, year: int | None, ref: date) -> date | None:
    if year is not None:
        return _safe_date(year, month, day)
    found = _safe_date(ref.year, month, day)
    if found is not None and (found - ref).days > _FUTURE_SLACK_DAYS:
        found = _safe_date(ref.year - 1, month, day)
    return found


def resolve_monitoring_day(expr: DayExpr, published: datetime | None, target_country: str | None) -> date | None:
    """The spec's monitoring day for `expr`, or None when it cannot be dated
    (relative words without a publication time, impossible dates)."""
    ref = local_time(published, target_country).date() if published else None
    kind = expr.kind
    if kind == "date":
        if expr.day is None or expr.month is None:
            return None
        if expr.year is None and ref is None:
            return None
        return _with_year(expr.day, expr.month, expr.year, ref or date(expr.year or 1, 1, 1))
    if kind == "night":
        end_day = expr.end_day if expr.end_day is not None else (expr.day + 1 if expr.day else None)
        if end_day is None or expr.month is None:
            return None
        if expr.year is None and ref is None:
            return None
        found = _with_year(end_day, expr.month, expr.year, ref or date(expr.year or 1, 1, 1))
        if found is None and expr.end_day is None and expr.day is not None:
            # "night of 31 March" with no end day: the next morning.
            start = _with_year(expr.day, expr.month, expr.year, ref or date(expr.year or 1, 1, 1))
            return start + timedelta(days=1) if start else None
        return found
    if ref is None:
        return None
    if kind in ("overnight", "today"):
        return ref
    if kind == "yesterday":
        return ref - timedelta(days=1)
    if kind in ("weekday", "night_to_weekday") and expr.weekday is not None:
        back = (ref.weekday() - expr.weekday) % 7
        return ref - timedelta(days=back)
    return None
