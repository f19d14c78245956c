"""English date phrases -> `DayExpr` (resolved by common.dates).

Recognised, best first within a clause: "on the night of 13 to 14 March",
"night of Dec. 28-29", "from 23:00 on 23 August to 07:00 on 24 August",
"overnight into Tuesday", "on the night of 15 January" (the night into the
15th, as Air Force bulletins word it), explicit dates ("22 February 2025",
"March 14"), "yesterday", "overnight"/"last night"/"this morning", weekdays.
"(from 19:00 on 21 February)" only says when an attack began and is
ignored. Phrases covering several days ("since 18 March", "this month",
"during the truce") make the date unknown (`MULTI_DAY`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..common.dates import DayExpr
from ..common.fastre import gated

__all__ = ["DateMention", "find_dates", "MULTI_DAY", "UNDATED", "MONTHS", "WEEKDAYS", "DATELINE"]

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}

_MON = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<year>(?:19|20)\d\d))?"
_WD = r"(?:" + "|".join(WEEKDAYS) + r")"
_TIME = r"\d{1,2}[:.]\d\d"

MULTI_DAY = gated(
    r"\b(?:(?<!largest\s)(?<!biggest\s)(?<!heaviest\s)since\s+(?:the\s+)?(?:(?:" + _DAY + r"|" + _MON + r"|" + _WD + r"|\d{4})(?!\w)|the\s+truce|"
    r"the\s+ceasefire)|so\s+far\s+this|"
    r"(?:during|over|throughout|for)\s+the\s+(?:[\w-]+\s+){0,2}?(?:truce|ceasefire|moratorium)|"
    r"since\s+(?:it|the\s+(?:truce|ceasefire|moratorium))\s+(?:began|started|took\s+effect|came\s+into\s+force)|over\s+the\s+(?:past|last)\s+(?:\w+\s+)?(?:days|weeks?|months?)|"
    r"in\s+(?:the\s+)?(?:past|last)\s+(?:\w+\s+)?(?:days|weeks?|months?)|in\s+total\s+since|this\s+week|last\s+week|"
    r"(?:during|over|throughout|in)\s+the\s+(?:past\s+|last\s+)?(?:week|month|weekend)\b|the\s+past\s+(?:week|month)|"
    r"(?:this|last|past)\s+month\b|(?:weekly|monthly)\s+(?:total|tally|figures?|summary)|"
    r"since\s+(?:the\s+)?(?:start|beginning|outbreak|onset)\s+of|since\s+(?:the\s+)?(?:full-scale\s+)?invasion|"
    r"since\s+(?:the\s+)?(?:war|autumn|spring|summer|winter)\b|"
    r"(?<!night\s)between\s+(?:" + _MON + r"\s+)?" + _DAY + r"(?:\s+" + _MON + r")?\s+and\s+(?:" + _MON + r"\s+)?" + _DAY + r"\b|"
    r"(?<!night\s)(?<!overnight\s)from\s+(?:" + _MON + r"\s+)?" + _DAY + r"(?:\s+" + _MON + r")?\s+(?:to|until|through)\s+(?:" + _MON + r"\s+)?"
    + _DAY + r"(?!\s*[:.]\d)\b(?!\s+(?:at|from)\b)|"
    r"in\s+recent\s+(?:days|weeks|months)|(?:for|in)\s+(?:several|many|two|three)\s+(?:days|weeks|months)|"
    r"per\s+(?:day|night)|every\s+(?:day|night)|each\s+night|"
    r"in\s+" + _MON + r"(?![\w\d]|\s*\d{1,2}\b))",
    re.IGNORECASE,
)

# The text says it cannot date the strike: "without saying when", "it is not known when".
UNDATED = gated(
    r"\b(?:without\s+(?:saying|specifying|giving|disclosing|indicating)\s+(?:when|the\s+date)|"
    r"(?:did|does|do)\s+not\s+(?:say|specify|disclose|indicate|give)\s+(?:when|the\s+date)|"
    r"(?:it\s+)?(?:is|was|remains)\s+(?:not|un)\s*(?:known|clear)\s+when|unclear\s+when|"
    r"(?:date|timing)\s+(?:of\s+the\s+(?:strike|attack)\s+)?(?:was|is|were)\s+not\s+(?:given|specified|disclosed)|"
    r"at\s+an\s+(?:unspecified|unknown|undisclosed)\s+(?:time|date)|on\s+an\s+(?:unspecified|unknown)\s+date)\b",
    re.IGNORECASE,
)

# "KYIV, March 14 (Meridian) - ", "April 7 (Meridian) - ", "KYIV, Ukraine (AP) — ": who filed where and
# when, not when anything happened.
DATELINE = gated(
    r"^(?:(?:[A-Z][A-Z .'/-]+,\s+)?(?i:" + _MON + r")\s+\d{1,2}\s+\([^)]{1,60}\)|"
    r"[A-Z][A-Za-z'/-]+(?:[ .][A-Z][A-Za-z'/-]+)*(?:,\s+[A-Z][\w.]+(?:\s+[A-Z][\w.]+)?)?\s+\([^)]{1,40}\))\s*[-–—]+\s+",
    re.MULTILINE,
)

_PATTERNS: list[tuple[str, int, re.Pattern[str]]] = [
    # (kind, priority, pattern); higher priority wins within a clause.
    ("start_only", 0, gated(r"\(\s*(?:from|since|starting)\s+(?:" + _TIME + r"\s+)?(?:on\s+)?[^)]{0,40}\)", re.I)),
    ("night_range", 5, gated(
        r"(?:night\s+(?:of|from)|overnight\s+(?:on|of|from)?)\s+(?:(?P<m1>" + _MON + r")\s+)?(?P<d1>" + _DAY + r")(?:\s+(?P<m1b>" + _MON + r"))?"
        r"\s*(?:-|–|to|into|and|/)\s*(?:(?P<m2a>" + _MON + r")\s+)?(?P<d2>" + _DAY + r")(?:\s+(?P<m2>" + _MON + r"))?"
        + _YEAR, re.I)),
    ("time_range", 5, gated(
        r"from\s+" + _TIME + r"\s+(?:\w+\s+time\s+)?on\s+(?P<d1>" + _DAY + r")\s+(?P<m1>" + _MON + r")\s+"
        r"(?:to|until|till)\s+(?:" + _TIME + r"\s+)?(?:\w+\s+time\s+)?(?:on\s+)?(?P<d2>" + _DAY + r")\s+(?P<m2>"
        + _MON + r")" + _YEAR, re.I)),
    ("night_to_weekday", 4, gated(r"(?:overnight|night)\s+(?:in)?to\s+(?P<wd>" + _WD + r")", re.I)),
    ("weekday", 4, gated(r"overnight\s+on\s+(?P<wd>" + _WD + r")", re.I)),
    # "Thursday's missile attack": the day of the attack itself, whatever day the report is about.
    ("weekday", 4, gated(r"\b(?P<wd>" + _WD + r")['’]s(?=\s+(?:[\w-]+\s+){0,4}?(?:attacks?|strikes?|shelling|"
                              r"bombardment|raids?|assault|barrage|explosions?)\b)", re.I)),
    ("numeric", 3, gated(r"(?<![\d.])(?P<d1>[0-3]?\d)\.(?P<m1>[01]?\d)\.(?P<year>(?:19|20)\d\d)(?![\d.])")),
    ("night_single", 4, gated(
        r"night\s+of\s+(?:(?P<m1>" + _MON + r")\s+(?P<d1a>" + _DAY + r")|(?P<d1>" + _DAY + r")\s+(?P<m1b>"
        + _MON + r"))" + _YEAR, re.I)),
    ("date", 3, gated(r"(?<![\d:])(?P<d1>" + _DAY + r")\s+(?P<m1>" + _MON + r")(?!\w)" + _YEAR, re.I)),
    ("date", 3, gated(r"(?<!\w)(?P<m1>" + _MON + r")\s+(?P<d1>" + _DAY + r")(?![\d:])" + _YEAR, re.I)),
    # "over the past day" in a morning roundup: the day before, as with "yesterday"
    ("yesterday", 2, gated(r"\byesterday\b|\b(?:over|in|during)\s+the\s+(?:past|last)\s+(?:day|24\s+hours)\b", re.I)),
    ("overnight", 2, gated(
        r"\b(?:overnight|last\s+night|tonight|during\s+the\s+(?:past\s+)?night|(?:the\s+)?past\s+night|"
        r"this\s+night|in\s+the\s+night|night-time|early\s+hours|this\s+morning|today|in\s+the\s+morning)\b",
        re.I)),
    ("weekday", 1, gated(r"\b(?:on\s+|last\s+|early\s+)?(?P<wd>" + _WD + r")\b", re.I)),
]
_SPEECH_BEFORE = gated(
    r"(?:said|says|reported|announced|told\s+\w+|wrote|added|stated|(?:accused|blamed)\s+[\w'’]+|"
    # "the death toll ... rose to 12 on Friday": the day of the update, not of the strike
    r"(?:rose|climbed|increased|grew|reached)\s+to\s+[\w,]+)\s+(?:on\s+)?"
    r"(?:the\s+(?:morning|afternoon|evening)\s+of\s+)?$", re.I)  # "reported on the morning of March 2"


# "On Wednesday morning, authorities had reported five dead": the day of a report, not a strike.
_SPEECH_AFTER = gated(
    r"(?:\s+(?:morning|afternoon|evening|night))?,?\s+(?:[\w'’-]+\s+){0,4}?(?:had\s+|have\s+|has\s+)?"
    r"(?:said|reported|announced|stated|wrote|told|confirmed|updated)\b(?!\s*,)", re.I)  # "On Friday, it said, a drone"


# ... only when the day opens the clause: "a bomb hit the city on Friday evening, the governor said" is the strike's.
_LEADING = gated(r"\s*(?:(?:late|early)\s+)?(?:on|by|in|at)?\s*", re.I)


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    expr: DayExpr | None  # None: an attack start time, not a day
    priority: int


def _month(text: str | None) -> int | None:
    return MONTHS.get(text.lower().rstrip(".")) if text else None


def _day(text: str | None) -> int | None:
    return int(re.sub(r"\D", "", text)) if text else None


def _expr(kind: str, m: re.Match[str]) -> DayExpr | None:
    g = m.groupdict()
    year = int(g["year"]) if g.get("year") else None
    if kind == "start_only":
        return None
    if kind in ("night_range", "time_range"):
        m2 = _month(g.get("m2") or g.get("m2a")) or _month(g.get("m1") or g.get("m1b"))
        return DayExpr("night", day=_day(g["d1"]), end_day=_day(g["d2"]), month=m2, year=year)
    if kind == "night_single":
        return DayExpr("date", day=_day(g.get("d1") or g.get("d1a")), month=_month(g.get("m1") or g.get("m1b")),
                       year=year)
    if kind == "date":
        return DayExpr("date", day=_day(g["d1"]), month=_month(g["m1"]), year=year)
    if kind == "numeric":  # 14.03.2025, day first as in Ukrainian and Russian usage
        month = int(g["m1"])
        return DayExpr("date", day=_day(g["d1"]), month=month, year=year) if 1 <= month <= 12 else None
    if kind in ("weekday", "night_to_weekday"):
        return DayExpr(kind, weekday=WEEKDAYS[g["wd"].lower()])
    return DayExpr(kind)


# Substrings every date pattern needs one of ("day" is in every weekday, "yesterday" and "today";
# "sep" in "september"): plain substring tests are much cheaper than one regex over the clause.
_DATE_KEYS = ("day", "night", "morning", "evening", "hours", "(", "jan", "feb", "mar", "apr", "may", "jun", "jul",
              "aug", "sep", "oct", "nov", "dec")
_DIGIT_SEPARATOR = re.compile(r"\d[.:]\d")


def _may_hold_a_date(text: str, start: int, stop: int) -> bool:
    """False only when no date pattern can match in `text[start:stop]`: a cheap pre-test
    (tests/test_extract_en_count_rules.py checks it never hides a date on the dev corpus)."""
    low = text[start:stop].lower()
    return any(key in low for key in _DATE_KEYS) or _DIGIT_SEPARATOR.search(low) is not None


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[DateMention]:
    """Date phrases in `text[start:end]`, non-overlapping, longest/most
    specific first; a weekday right after a speech verb ("said on Monday")
    gets the lowest priority, since it dates the statement, not the strike."""
    stop = len(text) if end is None else end
    if not _may_hold_a_date(text, start, stop):
        return []
    taken: list[tuple[int, int]] = []
    found: list[DateMention] = []
    for kind, priority, rx in _PATTERNS:
        for m in rx.finditer(text, start, stop):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            expr = _expr(kind, m)
            if expr is not None and expr.kind == "date" and (expr.day is None or not 1 <= expr.day <= 31):
                continue
            prio = priority
            if kind in ("weekday", "date") and (_SPEECH_BEFORE.search(text[max(0, m.start() - 45) : m.start()])
                                                or _SPEECH_AFTER.match(text, m.end(), stop)
                                                and _LEADING.fullmatch(text, start, m.start())):
                prio = 0
            elif kind == "overnight" and m.group(0).lower() == "today" and _SPEECH_BEFORE.search(
                    text[max(0, m.start() - 25) : m.start()]):
                prio = 0  # "Grossi said today": the day of the statement
            taken.append((m.start(), m.end()))
            found.append(DateMention(m.start(), m.end(), expr, prio))
    return sorted(found, key=lambda d: d.start)
