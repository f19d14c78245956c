"""When a claimed strike can have happened, as an interval in UTC.

Claims carry a monitoring day, not a time (spec section 3), so an agreement
that starts at 18:00 needs more than the date. In order of precision:

1. `Claim.time`, a stated, timezone-aware time of the strike: a one-minute
   interval at that moment.
2. The monitoring day: the spec dates an overnight attack by the morning it
   ends, and Ukraine's Air Force counts a night from 18:00 the day before,
   so a claim dated D covers [D-1 18:00, D+1 00:00) in the target
   country's time zone (Kyiv for UA, Moscow for RU).
3. Publication caps that interval: a strike reported at 12:00 happened
   before 12:00.

`Window.relation` then says inside, outside or partial; partial means the
day straddles an edge of the agreement and the text gives no hour.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from ..model import Claim

__all__ = ["MONITORING_ZONES", "NIGHT_STARTS", "ClaimTime", "claim_time", "day_bounds"]

MONITORING_ZONES: dict[str, str] = {"UA": "Europe/Kyiv", "RU": "Europe/Moscow"}
NIGHT_STARTS = time(18, 0)
_STATED_SPAN = timedelta(minutes=1)


@dataclass(frozen=True)
class ClaimTime:
    start: datetime  # UTC
    end: datetime  # UTC, exclusive
    basis: str  # "stated time", "monitoring day", "monitoring day, before publication"


@lru_cache(maxsize=8192)
def day_bounds(day: date, country: str | None) -> tuple[datetime, datetime]:
    """[previous evening 18:00, next midnight) of a monitoring day, in UTC."""
    zone = ZoneInfo(MONITORING_ZONES.get(country or "", "Europe/Kyiv"))
    lo = datetime.combine(day - timedelta(days=1), NIGHT_STARTS, zone).astimezone(UTC)
    hi = datetime.combine(day + timedelta(days=1), time(0), zone).astimezone(UTC)
    return lo, hi


@lru_cache(maxsize=8192)
def _day_time(day: date, country: str | None) -> ClaimTime:
    # Shared per (day, country): a million claims need a few thousand objects.
    lo, hi = day_bounds(day, country)
    return ClaimTime(lo, hi, "monitoring day")


def claim_time(claim: Claim, published: datetime | None = None) -> ClaimTime | None:
    """The interval the claimed strike falls in; None for an undated claim."""
    if claim.time is not None and claim.time.tzinfo is not None:
        start = claim.time.astimezone(UTC)
        return ClaimTime(start, start + _STATED_SPAN, "stated time")
    if claim.date is None:
        return None
    lo, hi = day_bounds(claim.date, claim.target_country)
    if published is not None and published.tzinfo is not None:
        pub = published.astimezone(UTC)
        if lo < pub < hi:
            return ClaimTime(lo, pub, "monitoring day, before publication")
    return _day_time(claim.date, claim.target_country)
