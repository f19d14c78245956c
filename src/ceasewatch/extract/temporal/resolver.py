"""Time expressions -> monitoring days, in one place.

The reference is the document's publication time in the target country's
local time (Kyiv time is used for the reference day; the two capitals
differ by at most an hour). A document without a publication time takes
the date of its dateline ("KYIV, March 19 (Reuters) -"), else the first full
date in its text; with none of these, relative expressions stay unresolved
and the claim is reported undated with that reason.

The monitoring-day rule of the spec lives in `monitoring_day`: an attack at
night is dated by the morning it ends; one that began in the evening of a
day and ran overnight ("since the evening of 13 March", "from 18:00 on
10 February") by the next day; a day-time strike by its own day. A year
missing from a date is the one that puts the date closest before the
reference (news reports what has happened).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from ..mentions.base import TimeMention

__all__ = ["Reference", "Resolved", "reference_for", "resolve", "monitoring_day", "LOCAL"]

LOCAL = ZoneInfo("Europe/Kyiv")
_ZONES = {"мск": "Europe/Moscow", "msk": "Europe/Moscow", "moscow time": "Europe/Moscow",
          "по московскому времени": "Europe/Moscow", "по москве": "Europe/Moscow",
          "за московським часом": "Europe/Moscow", "gmt": "UTC", "utc": "UTC", "kyiv time": "Europe/Kyiv",
          "київським часом": "Europe/Kyiv", "за київським часом": "Europe/Kyiv",
          "по киевскому времени": "Europe/Kyiv", "cet": "Europe/Berlin", "eet": "Europe/Kyiv",
          "eest": "Europe/Kyiv"}


@dataclass(frozen=True)
class Reference:
    day: date | None  # the reference day (publication day, local time)
    hour: int | None  # local hour of publication, when known
    source: str  # "published", "dateline", "text" or "none"


@dataclass(frozen=True)
class Resolved:
    date: date | None
    kind: str  # the mention's kind
    basis: str  # explicit, night, weekday, relative, publication, multi
    rule: str  # times.yaml entry that read the expression
    start: int
    end: int


def reference_for(published: datetime | None, dateline_times: list[TimeMention],
                  text_times: list[TimeMention], opening_clock: TimeMention | None = None) -> Reference:
    """The day and hour relative words are read against. `opening_clock` is a clock time heading the text
    ("☀️ 08:15. Зведення за минулу добу"): the hour the post was written, earlier than a page's time stamp."""
    if published is not None:
        local = published.astimezone(LOCAL) if published.tzinfo else published
        # "KYIV, July 9: ..." on a page stamped the next day: the story's own date line is its day
        for t in dateline_times:
            if t.kind == "day" and t.day and t.month:
                day = _date(t.year or local.year, t.month, t.day)
                if day is not None and 1 <= (local.date() - day).days <= 3:
                    return Reference(day, None, "dateline")
        hour = local.hour
        if opening_clock is not None and opening_clock.hour is not None and opening_clock.hour < hour:
            hour = opening_clock.hour
        return Reference(local.date(), hour, "published")
    for source, times in (("dateline", dateline_times), ("text", text_times)):
        for t in times:
            if t.kind == "day" and t.day and t.month and (t.year or source == "dateline"):
                year = t.year or date.today().year
                try:
                    return Reference(date(year, t.month, t.day), None, source)
                except ValueError:
                    continue
    return Reference(None, None, "none")


def _date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _dated(t: TimeMention, ref: Reference, day: int | None = None, month: int | None = None) -> date | None:
    d, m = day or t.day, month or t.month
    if not d or not m:
        return None
    if t.year:
        return _date(t.year, m, d)
    if ref.day is None:
        return None
    # the year that puts the date on or shortly before the reference day
    for year in (ref.day.year, ref.day.year - 1, ref.day.year + 1):
        candidate = _date(year, m, d)
        if candidate is not None and ref.day - timedelta(days=300) <= candidate <= ref.day + timedelta(days=2):
            return candidate
    return _date(ref.day.year, m, d)


def _weekday(weekday: int, ref: Reference) -> date | None:
    if ref.day is None:
        return None
    back = (ref.day.weekday() - weekday) % 7
    return ref.day - timedelta(days=back)


def monitoring_day(day: date | None, kind: str) -> date | None:
    """The spec's monitoring day for an event that `kind` describes on `day`:
    a night that starts on a day is dated by the next one."""
    if day is None:
        return None
    return day + timedelta(days=1) if kind == "night_start" else day


def resolve(t: TimeMention, ref: Reference) -> Resolved:
    """The monitoring day an expression gives (None for periods, clock times
    alone, or what the reference cannot anchor)."""
    basis = "explicit"
    day: date | None = None
    if t.kind == "night":
        basis = "night"
        if t.day2:
            day = _dated(t, ref, day=t.day2, month=t.month2 or t.month)
        elif t.day:
            day = _dated(t, ref)
        elif t.weekday is not None:
            day, basis = _weekday(t.weekday, ref), "weekday"
    elif t.kind == "night_start":
        basis = "night"
        if t.day:
            day = monitoring_day(_dated(t, ref), "night_start")
        elif t.weekday is not None:
            day = monitoring_day(_weekday(t.weekday, ref), "night_start")
            basis = "weekday"
            if day is not None and ref.day is not None and day > ref.day:
                day = ref.day  # "Saturday night" told on Sunday morning
    elif t.kind in ("day", "evening"):
        if t.day:
            day = _dated(t, ref)
        elif t.weekday is not None:
            day, basis = _weekday(t.weekday, ref), "weekday"
    elif t.kind == "weekday" and t.weekday is not None:
        day, basis = _weekday(t.weekday, ref), "weekday"
    elif t.kind == "relative" and t.offset is not None and ref.day is not None:
        day, basis = ref.day + timedelta(days=t.offset), "relative"
    elif t.kind == "overnight" and ref.day is not None:
        day, basis = ref.day, "night"
    elif t.kind == "past_day" and ref.day is not None:
        # "за минулу добу", "over the past 24 hours": a morning summary covers the day before
        basis = "past_day"
        day = ref.day - timedelta(days=1) if ref.hour is None or ref.hour <= 12 else ref.day
    elif t.kind in ("multi", "past_day"):
        basis = "multi"
    elif t.kind in ("time", "stamp"):
        basis = t.kind
    return Resolved(day, t.kind, basis, t.rule, t.start, t.end)


def shift_for_zone(day: date, t: TimeMention) -> date:
    """A clock time in another zone that falls on the next or previous local day."""
    if t.hour is None or t.tz is None or t.tz not in _ZONES:
        return day
    stamp = datetime(day.year, day.month, day.day, min(t.hour, 23), t.minute or 0, tzinfo=ZoneInfo(_ZONES[t.tz]))
    return stamp.astimezone(LOCAL).date()
