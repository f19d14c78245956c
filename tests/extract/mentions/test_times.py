"""Time expressions (mentions/times.py), read by the rules of each
language's times.yaml; the longest match wins where rules overlap. What
they mean as monitoring days is the resolver's business
(tests/extract/temporal/test_resolver.py)."""

from __future__ import annotations

from typing import Any

import pytest

from ceasewatch.extract.analysis.document import analyze
from ceasewatch.extract.mentions.times import find_times
from ceasewatch.model import Document

_FIELDS = ("kind", "rule", "day", "month", "year", "day2", "weekday", "offset", "hour", "minute", "tz")


def _times(text: str, lang: str) -> list[dict[str, Any]]:
    a = analyze(Document(id="t", text=text, language=lang))
    out = []
    for t in find_times(a):
        fields = {k: getattr(t, k) for k in _FIELDS if getattr(t, k) is not None}
        out.append({"text": text[t.start:t.end], **fields})
    return out


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("en", "On the night of 13 to 14 March drones", {"text": "On the night of 13 to 14 March", "kind": "night",
                                                     "rule": "night_range", "day": 13, "month": 3, "day2": 14}),
    ("en", "Drones attacked overnight.", {"text": "overnight", "kind": "overnight", "rule": "overnight"}),
    ("en", "It happened on Tuesday.", {"text": "on Tuesday", "kind": "weekday", "rule": "weekday", "weekday": 1}),
    ("en", "It happened yesterday.", {"text": "yesterday", "kind": "relative", "rule": "relative", "offset": -1}),
    ("en", "on 12 March 2025 it", {"text": "12 March 2025", "kind": "day", "rule": "date", "day": 12, "month": 3,
                                   "year": 2025}),
    ("en", "since 7 p.m. on Tuesday", {"text": "since 7 p.m. on Tuesday", "kind": "night_start",
                                       "rule": "night_start", "weekday": 1, "hour": 19, "minute": 0}),
    ("en", "at 21:40 Moscow time", {"text": "at 21:40 Moscow time", "kind": "time", "rule": "time", "hour": 21,
                                    "minute": 40, "tz": "moscow time"}),
    ("en", "over the past 24 hours", {"text": "over the past 24 hours", "kind": "past_day", "rule": "past_day"}),
    ("uk", "У ніч на 14 березня ворог", {"text": "У ніч на 14 березня", "kind": "night", "rule": "night_into",
                                          "day": 14, "month": 3}),
    ("uk", "з 18:00 9 лютого ворог", {"text": "з 18:00 9 лютого", "kind": "night_start", "rule": "night_start",
                                      "day": 9, "month": 2, "hour": 18, "minute": 0}),
    ("uk", "минулої доби", {"text": "минулої доби", "kind": "past_day", "rule": "past_day"}),
    ("ru", "В ночь на 14 марта", {"text": "В ночь на 14 марта", "kind": "night", "rule": "night_into", "day": 14,
                                   "month": 3}),
    ("ru", "за прошедшую ночь", {"text": "за прошедшую ночь", "kind": "overnight", "rule": "overnight"}),
    ("ru", "позавчера", {"text": "позавчера", "kind": "relative", "rule": "relative", "offset": -2}),
    ("ru", "в 21:40 мск", {"text": "в 21:40 мск", "kind": "time", "rule": "time", "hour": 21, "minute": 40,
                           "tz": "мск"}),
    # the start of a truce is the start of a period, not the day of the strikes counted since
    ("en", "40 times since it came into force on 2 October", {"text": "since it came into force on 2 October",
                                                              "kind": "multi", "rule": "multi"}),
    ("en", "488 times since the truce took effect", {"text": "since the truce took effect", "kind": "multi",
                                                     "rule": "multi"}),
    ("uk", "з моменту оголошення перемир'я", {"text": "з моменту оголошення", "kind": "multi", "rule": "multi"}),
    ("ru", "с момента вступления в силу", {"text": "с момента вступления", "kind": "multi", "rule": "multi"}),
])
def test_times_rules(lang: str, text: str, expected: dict[str, Any]) -> None:
    assert _times(text, lang) == [expected]


def test_times_longest_match_wins() -> None:
    # one night, not a night and the date "14 March" inside it
    assert [t["text"] for t in _times("On the night of 13 to 14 March and on 15 March", "en")] == [
        "On the night of 13 to 14 March", "15 March"]


def test_times_impossible_dates_are_dropped() -> None:
    assert _times("on 32 March", "en") == []


def test_times_sentences_without_a_time_word_are_not_scanned() -> None:
    assert _times("Russia launched 40 drones at Kharkiv.", "en") == []
