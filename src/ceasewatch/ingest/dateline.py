"""The publication time a plain text states at its top, for inputs that give
none in metadata.

Reports pasted into a `.txt` file usually keep their date line: "30.08.2024
10:45", "Thu 19 Jun 2025 18.40 BST", "KYIV, November 19, 2025", "19 березня
2025 року, 09:12", "19 марта 2025, 10:05". Only the first lines are read, and
only a full date with a year counts (a bare "Dec 29" could be any year). The
time is taken as Kyiv time unless the line names UTC/GMT, so the day a
reader sees in the text is the day the document is stored under. The result
is recorded in the document's meta (`published_from: text`) so nobody takes
it for publisher metadata.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

__all__ = ["published_from_text"]

_KYIV = ZoneInfo("Europe/Kyiv")
_HEAD_CHARS = 400  # a date line further down is a date in the story, not the page's

# Month names by their stem: English, Ukrainian (nominative and genitive), Russian.
_MONTHS: dict[str, int] = {}
for _n, _stems in enumerate(
    (
        ("jan", "січ", "январ", "янв"),
        ("feb", "лют", "феврал", "фев"),
        ("mar", "берез", "март", "мар"),
        ("apr", "квіт", "апрел", "апр"),
        ("may", "трав", "мая", "май"),
        ("jun", "черв", "июн"),
        ("jul", "лип", "июл"),
        ("aug", "серп", "август", "авг"),
        ("sep", "верес", "сентябр", "сен"),
        ("oct", "жовт", "октябр", "окт"),
        ("nov", "листопад", "ноябр", "ноя"),
        ("dec", "груд", "декабр", "дек"),
    ),
    start=1,
):
    for _stem in _stems:
        _MONTHS[_stem] = _n

_MONTH_WORD = r"(?P<mon>[A-Za-zА-Яа-яІіЇїЄєҐґ]{3,10})\.?"
_TIME = r"(?:[,\s|]+(?:at\s+)?(?P<h>[0-2]?[0-9])[:.](?P<mi>[0-5][0-9])(?:\s*(?P<ap>[apAP]\.?[mM]\.?))?)?"
_ZONE = r"(?:\s*(?P<tz>GMT|UTC|BST|CET|CEST|EET|EEST|MSK|МСК))?"
_PATTERNS = (
    # 30.08.2024 10:45
    re.compile(r"(?<![0-9])(?P<d>[0-3]?[0-9])\.(?P<m>[01]?[0-9])\.(?P<y>20[0-9]{2})" + _TIME + _ZONE),
    # 2024-08-30 10:45
    re.compile(r"(?<![0-9])(?P<y>20[0-9]{2})-(?P<m>[01][0-9])-(?P<d>[0-3][0-9])(?:[T\s]+(?P<h>[0-2][0-9]):(?P<mi>[0-5][0-9]))?"
               + _ZONE),
    # 19 June 2025, 18:40 / 19 березня 2025 року, 09:12 / Thu 19 Jun 2025 18.40 BST
    re.compile(r"(?<![0-9])(?P<d>[0-3]?[0-9])\s+" + _MONTH_WORD + r"\s+(?P<y>20[0-9]{2})(?:\s*(?:року|р\.|года|г\.))?"
               + _TIME + _ZONE),
    # November 19, 2025 8:50 PM
    re.compile(_MONTH_WORD + r"\s+(?P<d>[0-3]?[0-9]),?\s+(?P<y>20[0-9]{2})" + _TIME + _ZONE),
)
_ZONES = {"GMT": UTC, "UTC": UTC, "BST": timezone(timedelta(hours=1)),
          "CET": timezone(timedelta(hours=1)), "CEST": timezone(timedelta(hours=2)),
          "EET": timezone(timedelta(hours=2)), "EEST": timezone(timedelta(hours=3)),
          "MSK": timezone(timedelta(hours=3)), "МСК": timezone(timedelta(hours=3))}


def _month(word: str) -> int | None:
    lower = word.lower()
    for stem in sorted(_MONTHS, key=len, reverse=True):
        if lower.startswith(stem):
            return _MONTHS[stem]
    return None


def published_from_text(text: str) -> datetime | None:
    """The first full date (with a year) in the first lines of `text`, as an aware datetime; None if none."""
    head = text[:_HEAD_CHARS]
    found: list[tuple[int, datetime]] = []
    for pattern in _PATTERNS:
        for m in pattern.finditer(head):
            g = m.groupdict()
            month = int(g["m"]) if g.get("m") else _month(g.get("mon") or "")
            if month is None:
                continue
            hour, minute = int(g.get("h") or 0), int(g.get("mi") or 0)
            ap = (g.get("ap") or "").replace(".", "").lower()
            if ap == "pm" and hour < 12:
                hour += 12
            elif ap == "am" and hour == 12:
                hour = 0
            zone = _ZONES.get((g.get("tz") or "").upper(), _KYIV)
            try:
                when = datetime(int(g["y"]), month, int(g["d"]), hour, minute, tzinfo=zone)
            except ValueError:
                continue
            found.append((m.start(), when))
            break
    if not found:
        return None
    return min(found, key=lambda f: f[0])[1]
