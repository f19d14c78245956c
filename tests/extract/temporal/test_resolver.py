"""The temporal resolver (temporal/resolver.py): time expressions against one
reference day per document -> the spec's monitoring day (section 3: a night
is dated by the morning it ends; relative words count from publication)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from ceasewatch.extract.analysis.document import analyze
from ceasewatch.extract.mentions.base import TimeMention
from ceasewatch.extract.mentions.times import find_times
from ceasewatch.extract.temporal import Reference, monitoring_day, reference_for, resolve
from ceasewatch.extract.temporal.resolver import shift_for_zone
from ceasewatch.model import Document

# Wednesday 19 March 2025, 09:00 in Kyiv
WEDNESDAY = Reference(date(2025, 3, 19), 9, "published")


def _time(text: str, lang: str = "en") -> TimeMention:
    (t,) = find_times(analyze(Document(id="t", text=text, language=lang)))
    return t


def _day(text: str, ref: Reference = WEDNESDAY, lang: str = "en") -> date | None:
    return resolve(_time(text, lang), ref).date


@pytest.mark.parametrize(("lang", "text", "expected", "basis"), [
    # a night is dated by the morning it ends
    ("en", "On the night of 18 to 19 March drones attacked.", date(2025, 3, 19), "night"),
    ("uk", "У ніч на 19 березня ворог атакував.", date(2025, 3, 19), "night"),
    ("ru", "В ночь на 19 марта беспилотники атаковали.", date(2025, 3, 19), "night"),
    # "overnight" and "last night" in a morning report: the night that ended this morning
    ("en", "Drones attacked overnight.", date(2025, 3, 19), "night"),
    ("en", "Drones attacked last night.", date(2025, 3, 19), "night"),
    ("ru", "За прошедшую ночь сбиты 12 дронов.", date(2025, 3, 19), "night"),
    # an attack that began on an evening is dated by the next day
    ("en", "Since 7 p.m. on Tuesday Russia launched 145 drones.", date(2025, 3, 19), "weekday"),
    ("uk", "З 18:00 18 березня ворог атакував.", date(2025, 3, 19), "night"),
    # an evening or a day on its own is its own day
    ("en", "On the evening of 18 March drones hit Sumy.", date(2025, 3, 18), "explicit"),
    ("en", "On Monday drones hit Sumy.", date(2025, 3, 17), "weekday"),
    ("uk", "У понеділок дрони атакували Суми.", date(2025, 3, 17), "weekday"),
    ("en", "Yesterday drones hit Sumy.", date(2025, 3, 18), "relative"),
    ("ru", "Позавчера беспилотники атаковали Курск.", date(2025, 3, 17), "relative"),
    ("en", "On 12 March 2025 drones hit Sumy.", date(2025, 3, 12), "explicit"),
])
def test_resolver_monitoring_days(lang: str, text: str, expected: date, basis: str) -> None:
    resolved = resolve(_time(text, lang), WEDNESDAY)
    assert (resolved.date, resolved.basis) == (expected, basis)


def test_resolver_weekday_is_the_latest_such_day_up_to_the_reference() -> None:
    assert _day("On Wednesday drones hit Sumy.") == date(2025, 3, 19)
    assert _day("On Thursday drones hit Sumy.") == date(2025, 3, 13)


def test_resolver_a_weekday_night_told_the_next_morning() -> None:
    sunday = Reference(date(2025, 3, 23), 8, "published")
    # "on Saturday night" ends on Sunday morning
    assert _day("On Saturday night drones hit Sumy.", sunday) == date(2025, 3, 23)
    # told on the Saturday itself, the night has not ended yet: never later than the reference
    saturday = Reference(date(2025, 3, 22), 23, "published")
    assert _day("On Saturday night drones hit Sumy.", saturday) == date(2025, 3, 22)


def test_resolver_a_date_without_a_year_is_the_closest_before_the_reference() -> None:
    january = Reference(date(2025, 1, 5), 10, "published")
    assert _day("On 30 December drones hit Sumy.", january) == date(2024, 12, 30)
    assert _day("On 3 January drones hit Sumy.", january) == date(2025, 1, 3)


def test_resolver_past_day_summary_depends_on_the_hour_of_publication() -> None:
    morning = Reference(date(2025, 3, 19), 8, "published")
    evening = Reference(date(2025, 3, 19), 20, "published")
    assert _day("Over the past 24 hours 40 drones were downed.", morning) == date(2025, 3, 18)
    assert _day("Over the past 24 hours 40 drones were downed.", evening) == date(2025, 3, 19)


def test_resolver_without_a_reference_relative_words_stay_undated() -> None:
    nothing = Reference(None, None, "none")
    assert _day("Drones attacked overnight.", nothing) is None
    assert _day("Yesterday drones hit Sumy.", nothing) is None
    assert _day("On 12 March 2025 drones hit Sumy.", nothing) == date(2025, 3, 12)


def test_resolver_clock_times_alone_give_no_day() -> None:
    resolved = resolve(_time("at 21:40 Moscow time"), WEDNESDAY)
    assert (resolved.date, resolved.basis) == (None, "time")


def test_reference_from_publication_in_kyiv_time() -> None:
    # 23:30 UTC on 18 March is 01:30 on 19 March in Kyiv
    late = datetime(2025, 3, 18, 23, 30, tzinfo=UTC)
    assert reference_for(late, [], []) == Reference(date(2025, 3, 19), 1, "published")
    # a naive time is taken as local
    assert reference_for(datetime(2025, 3, 18, 23, 30), [], []) == Reference(date(2025, 3, 18), 23, "published")


def test_reference_from_the_dateline_then_the_text() -> None:
    dateline = [_time("MOSCOW, March 19 - text")]
    in_text = [_time("On 12 March 2025 drones hit Sumy.")]
    assert reference_for(None, dateline, in_text).source == "dateline"
    ref = reference_for(None, [], in_text)
    assert (ref.day, ref.source) == (date(2025, 3, 12), "text")
    # a date without a year in the text is no reference
    assert reference_for(None, [], [_time("On 12 March drones hit Sumy.")]) == Reference(None, None, "none")


def test_monitoring_day_rule() -> None:
    assert monitoring_day(date(2025, 3, 18), "night_start") == date(2025, 3, 19)
    assert monitoring_day(date(2025, 3, 18), "night") == date(2025, 3, 18)
    assert monitoring_day(None, "night_start") is None


def test_shift_for_zone_moves_a_clock_time_to_the_local_day() -> None:
    # 00:30 Moscow time on 19 March is 23:30 on 18 March in Kyiv
    t = _time("at 00:30 мск", "ru")
    assert shift_for_zone(date(2025, 3, 19), t) == date(2025, 3, 18)
    assert shift_for_zone(date(2025, 3, 19), _time("at 12:30 Moscow time")) == date(2025, 3, 19)
