"""Time expressions, read by the rules of each language's `times.yaml`.

Each rule is a set of regular-expression templates with placeholders for
days, months, years, weekdays and clock times; the recogniser fills them
from the month and weekday tables of the same file, runs every rule over
the folded text and keeps the longest match where rules overlap (so "on the
night of 13 to 14 March" is one night, not a date). What a mention means for
a claim (which monitoring day) is the resolver's business
(`extract.temporal`), not this module's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..analysis.document import Analysis
from ..lexicon import table
from .base import TimeMention

__all__ = ["find_times", "TimeRule"]

_DAY = r"(?P<{name}>[0-3]?[0-9])(?:-?(?:st|nd|rd|th|го|е|ого|ї|а))?"
_YEAR = r"(?P<year>(?:19|20)[0-9]{{2}})"
_TZ = (r"(?:\s*(?P<{tz}>мск|msk|moscow time|kyiv time|local time|gmt|utc|eet|eest|cet|"
       r"за київським часом|київським часом|за московським часом|по московскому времени|по москве|по киевскому времени))?")
_CLOCK = (r"(?:(?P<{h}>[0-2]?[0-9])[:.](?P<{m}>[0-5][0-9])(?:\s*(?P<{ap}>a\.?m\.?|p\.?m\.?))?"
          r"|(?P<{h}x>1[0-2]|0?[1-9])\s*(?P<{ap}x>a\.m\.|p\.m\.|am\b|pm\b))" + _TZ)


@dataclass(frozen=True)
class TimeRule:
    key: str
    kind: str
    patterns: tuple[re.Pattern[str], ...]


@cache
def _names(lang: str, key: str) -> dict[int, re.Pattern[str]]:
    values = table(lang, "times")[key].get("values") or {}
    return {int(k): re.compile(f"(?:{v})$", re.IGNORECASE) for k, v in values.items()}


def _alternation(lang: str, key: str) -> str:
    values = table(lang, "times")[key].get("values") or {}
    return "|".join(f"(?:{v})" for v in values.values())


def _expand(template: str, lang: str) -> str:
    months = _alternation(lang, "months")
    weekdays = _alternation(lang, "weekdays")
    # an optional blank may be several: markup folded to blanks ("29&ndash;30") keeps its length
    out = template.replace(" ?", r"\s*")
    replacements = {
        "{D2}": _DAY.format(name="day2"),
        "{D}": _DAY.format(name="day"),
        "{M2}": f"(?P<month2>{months})",
        "{M}": f"(?P<month>{months})",
        "{MM}": r"(?P<mm>0?[1-9]|1[0-2])",
        "{Y}": _YEAR.format(),
        "{W2}": f"(?P<weekday2>{weekdays})",
        "{W}": f"(?P<weekday>{weekdays})",
        "{T2}": _CLOCK.format(h="hour2", m="minute2", ap="ampm2", tz="tz2"),
        "{T}": _CLOCK.format(h="hour", m="minute", ap="ampm", tz="tz"),
    }
    for key, value in replacements.items():
        out = out.replace(key, value)
    return r"(?<![\w])(?:" + out + r")(?![\w])"


_GROUP = re.compile(r"\(\?P<(\w+)>")


@cache
def rules(lang: str) -> tuple[TimeRule, ...]:
    """One regular expression per rule: its templates as alternatives, each
    alternative's groups suffixed with its number (`day__2`) so that names
    stay unique; `_groups` strips the suffixes again."""
    out = []
    for entry in table(lang, "times"):
        if entry.key in ("months", "weekdays", "triggers", "superlatives") or not entry.patterns:
            continue
        alternatives = [_GROUP.sub(lambda g, i=i: f"(?P<{g.group(1)}__{i}>", _expand(p, lang))
                        for i, p in enumerate(entry.patterns)]
        combined = re.compile("|".join(f"(?:{alt})" for alt in alternatives), re.IGNORECASE)
        out.append(TimeRule(entry.key, str(entry.get("kind")), (combined,)))
    return tuple(out)


def _groups(m: re.Match[str]) -> dict[str, str | None]:
    out: dict[str, str | None] = {}
    for name, value in m.groupdict().items():
        if value is not None:
            out[name.split("__", 1)[0]] = value
    return out


def _lookup(names: dict[int, re.Pattern[str]], text: str | None) -> int | None:
    if not text:
        return None
    for value, pattern in names.items():
        if pattern.match(text):
            return value
    return None


def _mention(a: Analysis, m: re.Match[str], rule: TimeRule, lang: str) -> TimeMention | None:
    g = _groups(m)
    months, weekdays = _names(lang, "months"), _names(lang, "weekdays")
    day = int(g["day"]) if g.get("day") else None
    day2 = int(g["day2"]) if g.get("day2") else None
    month = _lookup(months, g.get("month")) or (int(g["mm"]) if g.get("mm") else None)
    month2 = _lookup(months, g.get("month2"))
    if (day is not None and not 1 <= day <= 31) or (day2 is not None and not 1 <= day2 <= 31):
        return None
    weekday = _lookup(weekdays, g.get("weekday"))
    weekday2 = _lookup(weekdays, g.get("weekday2"))
    if weekday2 is not None:  # a night from one weekday into the next: dated by the second
        weekday = weekday2
    hour = g.get("hour") or g.get("hourx")
    minute = g.get("minute")
    ampm = (g.get("ampm") or g.get("ampmx") or "").lower()
    h = int(hour) if hour else None
    if h is not None:
        if ampm.startswith("p") and h < 12:
            h += 12
        elif ampm.startswith("a") and h == 12:
            h = 0
        if h > 24:
            return None
    offset = None
    if g.get("yesterday"):
        offset = -1
    elif g.get("today"):
        offset = 0
    elif g.get("before_yesterday"):
        offset = -2
    tz = (g.get("tz") or "").lower() or None
    start, end = m.start(), m.end()
    ts, te = a.token_span(start, end)
    return TimeMention(start, end, ts, te, kind=rule.kind, rule=rule.key, day=day, month=month,
                       year=int(g["year"]) if g.get("year") else None, day2=day2, month2=month2, weekday=weekday,
                       offset=offset, hour=h, minute=int(minute) if minute else (0 if h is not None else None), tz=tz)


@cache
def _trigger(lang: str) -> re.Pattern[str]:
    """What every time expression contains: a month, a weekday, a clock time or date in digits, or a time word."""
    words = [re.escape(w) for w in table(lang, "times")["triggers"].phrases] if "triggers" in table(lang, "times") else []
    parts = [_alternation(lang, "months"), _alternation(lang, "weekdays"), r"[0-9][:./][0-9]", *words]
    return re.compile("|".join(f"(?:{p})" for p in parts), re.IGNORECASE)


def _spans(a: Analysis) -> list[tuple[int, int]]:
    """Character spans worth scanning: the sentences with a trigger, merged (a paragraph break ends a span)."""
    trigger = _trigger(a.lang)
    text = a.view.norm
    spans: list[tuple[int, int]] = []
    for s in a.sentences:
        if trigger.search(text, s.char_start, s.char_end):
            if spans and s.char_start - spans[-1][1] <= 2:
                spans[-1] = (spans[-1][0], s.char_end)
            else:
                spans.append((s.char_start, s.char_end))
    return spans


def find_times(a: Analysis) -> list[TimeMention]:
    found: list[tuple[int, int, int, TimeMention]] = []
    text = a.view.norm
    spans = _spans(a)
    for order, rule in enumerate(rules(a.lang)):
        for pattern in rule.patterns:
            # at a given start the first template that matches wins: rules list their longer templates first
            for m in (m for lo, hi in spans for m in pattern.finditer(text, lo, hi)):
                if m.end() == m.start():
                    continue
                mention = _mention(a, m, rule, a.lang)
                if mention is not None:
                    found.append((m.start(), -(m.end() - m.start()), order, mention))
    found.sort()
    kept: list[TimeMention] = []
    for _, _, _, mention in found:
        if any(mention.start < k.end and k.start < mention.end for k in kept):
            continue
        kept.append(mention)
    kept.sort(key=lambda t: t.start)
    return kept
