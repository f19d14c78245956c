"""Ukrainian and Russian date phrases -> the monitoring day (spec section 3).

Phrases become the shared `extract.common.DayExpr` and are resolved by
`extract.common.resolve_monitoring_day`, exactly like English ones.
Recognised: "у ніч на 7 листопада" / "в ночь на 19 марта" (the morning the
night ends), "7 листопада", "вечером 7 ноября", "24.08.2025", "сьогодні
вночі" / "сегодня ночью" / "за прошедшую ночь" (the night that ended on the
publication day), "вчора" / "вчера", weekdays ("у ніч на вівторок", "в
понедельник"). Relative phrases resolve against the publication time in the
target country's local time. "(з 18:30 7 листопада)" only says when the
attack began, so it is marked `since` and does not start a new day.
"минулої доби" / "за прошедшие сутки" is the day before publication
(`period`); "цього тижня" / "в течение недели" covers several days (`span`,
dated null); "накануне" / "напередодні" is yesterday; a clock time opening a
line ("‼️ 13:52. Харків.") stamps a post, like "близько 13:40".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from ..common.dates import DayExpr, local_time, resolve_monitoring_day
from .morph import Tok

if TYPE_CHECKING:
    from .scan import Scan

__all__ = ["DateMention", "find_dates", "live_report", "resolve", "month_of", "report_bounds", "same_day_part", "TRUCE"]

_MONTHS = {
    # Ukrainian lemmas / genitive forms
    "січень": 1, "лютий": 2, "березень": 3, "квітень": 4, "травень": 5, "червень": 6,
    "липень": 7, "серпень": 8, "вересень": 9, "жовтень": 10, "листопад": 11, "грудень": 12,
    "січня": 1, "лютого": 2, "березня": 3, "квітня": 4, "травня": 5, "червня": 6,
    "липня": 7, "серпня": 8, "вересня": 9, "жовтня": 10, "листопада": 11, "грудня": 12,
    # Russian
    "январь": 1, "февраль": 2, "март": 3, "апрель": 4, "май": 5, "июнь": 6, "июль": 7,
    "август": 8, "сентябрь": 9, "октябрь": 10, "ноябрь": 11, "декабрь": 12,
    "января": 1, "февраля": 2, "марта": 3, "апреля": 4, "мая": 5, "июня": 6, "июля": 7,
    "августа": 8, "сентября": 9, "октября": 10, "ноября": 11, "декабря": 12,
    # abbreviations of news datelines and tables ("13 дек", "5 лист.")
    "янв": 1, "фев": 2, "мар": 3, "апр": 4, "июн": 6, "июл": 7, "авг": 8, "сен": 9, "сент": 9,
    "окт": 10, "ноя": 11, "нояб": 11, "дек": 12, "січ": 1, "лют": 2, "бер": 3, "квіт": 4, "трав": 5,
    "черв": 6, "лип": 7, "серп": 8, "вер": 9, "жовт": 10, "лист": 11, "груд": 12,
}
_WEEKDAYS = {
    "понеділок": 0, "вівторок": 1, "середа": 2, "четвер": 3, "п'ятниця": 4, "субота": 5, "неділя": 6,
    "понедельник": 0, "вторник": 1, "среда": 2, "четверг": 3, "пятница": 4, "суббота": 5,
    "воскресенье": 6, "воскресение": 6, "неділю": 6, "п'ятницю": 4, "суботу": 5, "середу": 2,
    "среду": 2, "пятницу": 4, "субботу": 5,
}
_NIGHT = {"ніч", "ночь", "вночі", "ночью", "уночі", "ночі"}
_TODAY = {"сьогодні", "сегодня", "нині"}
_YESTERDAY = {"вчора", "вчера", "учора"}
_EVE = {"накануне", "напередодні"}  # "the day before": yesterday, unless a preposition ("накануне переговоров")
# "минулої доби", "за прошедшие сутки", "за останню добу": the reporting day before publication
_LAST_STEMS = ("минул", "прошедш", "минувш", "прошл", "останн", "последн")
_SEVERAL_DAYS = {"тиждень", "неделя", "місяць", "месяц"}
_THIS = {"цей", "це", "этот", "ця", "эта"}
_DAY_BEFORE = {"позавчора", "позавчера"}
_NIGHTLY = {"ночной", "нічний"}
_STRIKES = {"атака", "удар", "обстрел", "обстріл", "напад", "нападение"}
_YESTERDAYS = {"учорашній", "вчорашній", "вчерашний"}
_PERIODS = {"осінь", "зима", "весна", "літо", "рік", "місяць", "тиждень",
            "осень", "лето", "год", "месяц", "неделя"}
_PAST = {"минулий", "прошедший", "минуть", "пройти", "цей", "этот", "минулої", "прошлый", "минулого"}
_DURING = {"течение", "протягом", "упродовж", "продовж", "за"}
_MORNING = {"вранці", "зранку", "утром", "уранці", "вдень", "днем", "днём"}
_EVENING = {"ввечері", "увечері", "вечером", "вечір", "вечер"}
_PREP_SINCE = {"з", "із", "від", "с", "от"}
_NUMERIC = re.compile(r"^(\d{1,2})\.(\d{1,2})(?:\.(\d{2,4}))?$")
_TIME = re.compile(r"^\d{1,2}[:.]\d{2}$")
_AT_CLOCK = {"близько", "около", "о", "об", "приблизно", "примерно", "орієнтовно", "ориентировочно", "в", "у", "во"}


@dataclass(frozen=True)
class DateMention:
    """A date phrase at text[start:end] read as `expr` (minus `back` days:
    "позавчора"). kind is "night_of", "day", "relative", "weekday", "since"
    (start of an attack), "cumulative" ("з 1 січня": a figure for several
    days, dated null), "running_total" ("с начала специальной военной
    операции": tallies since 2022, no strike report at all) or "weak" ("за минулу добу":
    dates only when nothing else does). `time` is "HH:MM" of a "з 18:30 7
    листопада" start."""

    start: int
    end: int
    start_i: int
    end_i: int
    expr: DayExpr | None
    kind: str  # also "period" ("минулої доби") and "span" ("цього тижня": several days)
    back: int = 0
    time: str | None = None
    stamp: bool = False  # a post's own time stamp opening its line: a new post begins


def resolve(mention: DateMention | None, published: datetime | None, country: str | None) -> date | None:
    """The monitoring day of a mention in the target country's local time."""
    if mention is None or mention.expr is None:
        return None
    day = resolve_monitoring_day(mention.expr, published, country)
    back = mention.back
    # "ввечері" in a post before 17:00 is the evening before
    if mention.kind == "evening" and published is not None and local_time(published, country).hour < 17:
        back += 1
    if mention.kind == "clock" and mention.time and published is not None:
        hour, minute = (int(x) for x in mention.time.replace(".", ":").split(":"))
        now = local_time(published, country)
        if (hour, minute) > (now.hour, now.minute):
            back += 1
    return day - timedelta(days=back) if day and back else day


def _day_month(toks: list[Tok], i: int) -> tuple[DayExpr, int] | None:
    """"7 листопада [2025 року]" or "24.08.2025" at token i: (expression, end index)."""
    tok = toks[i]
    m = _NUMERIC.match(tok.text)
    nxt = toks[i + 1].lower if i + 1 < len(toks) else ""
    prev = toks[i - 1].lower if i > 0 else ""
    if m and (nxt in ("мск", "до", "год", "години", "часов", "часа") or prev == "до"):
        return None  # "с 9.10 до 9.30 мск": clock times, not dates
    if m:
        day, month, year = int(m.group(1)), int(m.group(2)), m.group(3)
        if not (1 <= month <= 12 and 1 <= day <= 31):
            return None
        y = (int(year) + (2000 if len(year) == 2 else 0)) if year else None
        return DayExpr("date", day=day, month=month, year=y), i + 1
    if not (tok.is_digit and 1 <= int(tok.text) <= 31 and i + 1 < len(toks)):
        return None
    month_tok = toks[i + 1]
    month = _MONTHS.get(month_tok.lower) or _MONTHS.get(month_tok.lemma)
    if month is None:
        return None
    end = i + 2
    year = None
    if end < len(toks) and toks[end].is_digit and len(toks[end].text) == 4:
        year = int(toks[end].text)
        end += 1
        if end < len(toks) and toks[end].lemma in ("рік", "год", "р", "г"):
            end += 1
    return DayExpr("date", day=int(tok.text), month=month, year=year), end


def _clock_at(toks: list[Tok], j: int) -> tuple[int | None, int]:
    """An optional "20.00 [мск]" at j: (its hour or None, index after it)."""
    if not (j < len(toks) and _TIME.match(toks[j].text)):
        return None, j
    hour = int(re.split(r"[:.]", toks[j].text)[0])
    j += 1
    # bulletins add the time zone: "с 20.00 мск 3 ноября", "(за київським часом)"
    if j < len(toks) and toks[j].lower in ("мск", "msk"):
        j += 1
    return hour, j


def _day_range(toks: list[Tok], i: int) -> tuple[int, DayExpr | None] | None:
    """"с [18.00] 6 [января] до|по [00.00] 8 января" at i whose two days
    differ: (end index, the night it covers or None for several days)."""
    start_hour, j = _clock_at(toks, i + 1)
    if not (j < len(toks) and toks[j].is_digit and 1 <= int(toks[j].text) <= 31):
        return None
    first_day, first_month = int(toks[j].text), None
    j += 1
    if j < len(toks) and month_of(toks[j]) is not None:
        first_month = month_of(toks[j])
        j += 1
    if not (j < len(toks) and toks[j].lower in ("до", "по")):
        return None
    end_hour, j = _clock_at(toks, j + 1)
    dm = _day_month(toks, j) if j < len(toks) else None
    if dm is None:
        return None
    last = dm[0]
    if last.day == first_day and (first_month is None or first_month == last.month):
        return None
    # an evening-to-morning window over two adjacent days is one night, dated by its morning
    if start_hour is not None and end_hour is not None and start_hour >= 15 and end_hour <= 12 and (
        last.day == first_day + 1 and first_month in (None, last.month) or last.day == 1 and first_day >= 28
    ):
        return dm[1], DayExpr("night", end_day=last.day, month=last.month, year=last.year)
    return dm[1], None


_EVENING_WORDS = {"вечер", "вечір"}
_MORNING_WORDS = {"утро", "ранок"}


def _weekday_night(toks: list[Tok], i: int) -> tuple[int, int] | None:
    """"с вечера субботы до утра воскресенья" at i: (end index, the morning's weekday)."""
    if i + 5 >= len(toks) or not ({toks[i + 1].lemma} | toks[i + 1].lemmas) & _EVENING_WORDS \
            or _weekday_of(toks[i + 2]) is None:
        return None
    if toks[i + 3].lower not in ("до", "по") or not ({toks[i + 4].lemma} | toks[i + 4].lemmas) & _MORNING_WORDS:
        return None
    first, last = _weekday_of(toks[i + 2]), _weekday_of(toks[i + 5])
    if first is None or last is None or (first + 1) % 7 != last:
        return None
    return i + 6, last


TRUCE = {"перемирие", "перемир'я", "мораторий", "мораторій"}
_TRUCE_TIME = {"время", "час", "период", "період", "ход", "хід", "срок", "термін", "сутки", "доба", "действие", "дія"}
_TRUCE_PREP = {"за", "в", "во", "у", "під", "протягом", "течение", "впродовж", "продовж"}


def _truce_period(toks: list[Tok], i: int) -> int | None:
    """End of "за время [объявленного Россией] перемирия" whose time word is at i."""
    if toks[i].lemma not in _TRUCE_TIME or i == 0:
        return None
    # "за первые сутки перемирия": an adjective may stand between
    prep = i - 2 if i > 1 and toks[i - 1].has("ADJF") else i - 1
    if toks[prep].lower not in _TRUCE_PREP:
        return None
    for k in range(i + 1, min(len(toks), i + 6)):
        if toks[k].lemma in TRUCE or toks[k].lemmas & TRUCE:
            return k + 1
        if toks[k].text in (".", ",", ";", ":"):
            return None
    return None


def month_of(tok: Tok) -> int | None:
    """The month a word names ("листопада", "дек"), or None."""
    return _MONTHS.get(tok.lower) or _MONTHS.get(tok.lemma)


def _weekday_of(tok: Tok) -> int | None:
    for form in (tok.lower, tok.lemma, *sorted(tok.lemmas)):
        if form in _WEEKDAYS:
            return _WEEKDAYS[form]
    return None


def _line_initial(toks: list[Tok], i: int, text: str | None) -> bool:
    """Token i opens its line, after nothing but emoji or bullets."""
    if text is None:
        return False
    k = i - 1
    while k >= 0 and "\n" not in text[toks[k].end : toks[k + 1].start]:
        if any(ch.isalnum() for ch in toks[k].text):
            return False
        k -= 1
    return True


def _last(tok: Tok) -> bool:
    return tok.lower.startswith(_LAST_STEMS)


def find_dates(toks: list[Tok], text: str | None = None) -> list[DateMention]:
    """Date phrases in token order (`text`: the document, to see line starts)."""
    found: list[DateMention] = []
    i = 0
    while i < len(toks):
        tok = toks[i]
        low, lemma = tok.lower, tok.lemma
        # "‼️ 13:52. Харків.": a post's own time stamp, read like "близько 13:52"
        # "14:20" alone on its line in a Telegram feed: the next post's stamp
        alone = text is not None and i + 1 < len(toks) and "\n" in text[tok.end : toks[i + 1].start]
        if _TIME.match(tok.text) and _line_initial(toks, i, text) and (
            i + 1 >= len(toks) or toks[i + 1].text in (".", ":", "|", "-", "–", "—") or alone
        ):
            found.append(_mention(toks, i, i + 1, DayExpr("today"), "clock", time=tok.text, stamp=True))
            i += 1
            continue
        # "цього тижня", "за неделю", "в течение месяца": a figure for several days, dated null
        if lemma in _SEVERAL_DAYS and i > 0 and (
            toks[i - 1].lemma in _DURING | _THIS or _last(toks[i - 1])
        ):
            start_i = i - 1
            if start_i > 0 and toks[start_i - 1].lemma in _DURING | {"на", "в", "у"}:
                start_i -= 1
            found.append(_mention(toks, start_i, i + 1, None, "span"))
            i += 1
            continue
        # "накануне вечером", "напередодні": the day before publication
        if low in _EVE and not (i + 1 < len(toks) and toks[i + 1].has("NOUN") and toks[i + 1].has("gent")):
            end = i + 1
            if end < len(toks) and toks[end].lower in _NIGHT | _MORNING | _EVENING:
                end += 1
            found.append(_mention(toks, i, end, DayExpr("yesterday"), "relative"))
            i = end
            continue
        # "у ніч на 7 листопада", "в ночь на вторник", "в ніч з 6 на 7 листопада"
        if low in ("ніч", "ночь") and i + 1 < len(toks):
            j = i + 1
            if toks[j].lower in ("з", "с") and j + 2 < len(toks) and toks[j + 1].is_digit:
                j += 2  # "з 6 на 7 листопада": skip the evening day
            # "у ніч на 7 листопада", and the news' "у ніч проти 15 травня"
            if j < len(toks) and toks[j].lower in ("на", "проти") and j + 1 < len(toks):
                dm = _day_month(toks, j + 1)
                start_i = i - 1 if i > 0 and toks[i - 1].lower in ("у", "в") else i
                if dm is not None:
                    expr = DayExpr("night", end_day=dm[0].day, month=dm[0].month, year=dm[0].year)
                    found.append(_mention(toks, start_i, dm[1], expr, "night_of"))
                    i = dm[1]
                    continue
                wd = _weekday_of(toks[j + 1])
                if wd is not None:
                    found.append(_mention(toks, start_i, j + 2, DayExpr("night_to_weekday", weekday=wd), "night_of"))
                    i = j + 2
                    continue
        # "с 18.00 6 января до 00.00 8 января", "з 3 по 9 березня": several days, dated null;
        # "с 20.00 3 ноября до 07.00 4 ноября": one night
        # "с вечера субботы до утра воскресенья", "з вечора п'ятниці до ранку суботи": one night
        night = _weekday_night(toks, i) if low in _PREP_SINCE else None
        if night is not None:
            found.append(_mention(toks, i, night[0], DayExpr("night_to_weekday", weekday=night[1]), "night_of"))
            i = night[0]
            continue
        window = _day_range(toks, i) if low in _PREP_SINCE else None
        if window is not None:
            found.append(_mention(toks, i, window[0], window[1], "span" if window[1] is None else "night_of"))
            i = window[0]
            continue
        # "за время перемирия", "в период энергетического моратория": a truce lasts several days
        truce_end = _truce_period(toks, i)
        if truce_end is not None:
            found.append(_mention(toks, i - 2 if toks[i - 1].has("ADJF") else i - 1, truce_end, None, "span"))
            i = truce_end
            continue
        dm = _day_month(toks, i)
        if dm is not None:
            before = toks[i - 1] if i > 0 else None
            # "(з 18:30 7 листопада)": when the attack began, not a new day
            time = before.text if before is not None and _TIME.match(before.text) else None
            since = time is not None or (before is not None and before.lower in _PREP_SINCE)
            # "с 18 марта", "з 1 січня" without a clock time: a figure for several days
            kind = "since" if time is not None else "cumulative" if since else "day"
            found.append(_mention(toks, i, dm[1], None if kind == "cumulative" else dm[0], kind, time=time))
            i = dm[1]
            continue
        # "с начала специальной военной операции", "з початку повномасштабного вторгнення"
        if lemma in ("начало", "початок") and i > 0 and toks[i - 1].lower in _PREP_SINCE:
            # "від початку осені", "с начала месяца": several days of one season, dated null;
            # the war's start ("з початку вторгнення", "с начала СВО") is a war-long tally
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            period = nxt is not None and (nxt.lemma in _PERIODS | TRUCE or month_of(nxt) is not None)
            found.append(_mention(toks, i - 1, i + 1, None, "cumulative" if period else "running_total"))
            i += 1
            continue
        # "з березня 2024 року", "с марта": since a month, several days
        if low in _PREP_SINCE and i + 1 < len(toks) and month_of(toks[i + 1]) is not None \
                and toks[i + 1].has("gent") and not toks[i + 1].is_digit:
            end = i + 2
            if end < len(toks) and toks[end].is_digit and len(toks[end].text) == 4:
                end += 1
                if end < len(toks) and toks[end].lemma in ("рік", "рок", "год", "р", "г"):
                    end += 1
            found.append(_mention(toks, i, end, None, "cumulative"))
            i = end
            continue
        wd = _weekday_of(tok)
        if wd is not None and i > 0 and toks[i - 1].lower in ("у", "в", "во"):
            # "у середу вранці", "в четверг вечером": the time of day belongs to that weekday
            end = i + 2 if i + 1 < len(toks) and toks[i + 1].lower in _NIGHT | _MORNING | _EVENING else i + 1
            found.append(_mention(toks, i - 1, end, DayExpr("weekday", weekday=wd), "weekday"))
            i = end
            continue
        # "в результате ночной атаки", "нічного удару": the night that ended on the publication day
        if lemma in _NIGHTLY and i + 1 < len(toks) and (toks[i + 1].lemma in _STRIKES or (
                i + 2 < len(toks) and toks[i + 1].has("ADJF") and toks[i + 2].lemma in _STRIKES)):
            found.append(_mention(toks, i, i + 1, DayExpr("overnight"), "relative"))
            i += 1
            continue
        # "учорашнього ракетного удару", "вчерашней атаки": yesterday's strike named by an adjective
        if lemma in _YESTERDAYS and tok.has("ADJF"):
            found.append(_mention(toks, i, i + 1, DayExpr("yesterday"), "relative"))
            i += 1
            continue
        if low in _YESTERDAY or low in _DAY_BEFORE:
            back = 0 if low in _YESTERDAY else 1
            end = i + 1
            if end < len(toks) and (toks[end].lower in _NIGHT | _MORNING | _EVENING or toks[end].lemma in ("вечір", "вечер", "ранок", "утро", "день")):
                end += 1
            found.append(_mention(toks, i, end, DayExpr("yesterday"), "relative", back=back))
            i = end
            continue
        if low in _TODAY or low in _NIGHT or (lemma in ("ніч", "ночь") and i > 0 and toks[i - 1].lemma in _PAST):
            start_i = i - 1 if i > 0 and toks[i - 1].lemma in _PAST | _DURING else i
            if start_i > 0 and toks[start_i - 1].lemma in _DURING | {"в"}:
                start_i -= 1
            end = i + 1
            if end < len(toks) and toks[end].lower in _NIGHT | _MORNING | _EVENING:
                end += 1
            kind = "today" if low in _TODAY and not (end > i + 1 and toks[i + 1].lower in _NIGHT) else "overnight"
            found.append(_mention(toks, start_i, end, DayExpr(kind), "relative"))
            i = end
            continue
        # "протягом дня", "в течение дня": the publication day
        if lemma == "день" and i > 0 and toks[i - 1].lemma in _DURING - {"за"}:
            found.append(_mention(toks, i - 1, i + 1, DayExpr("today"), "relative"))
            i += 1
            continue
        # "вранці", "утром": the publication day; "ввечері" the evening before a morning post
        # "вечером 7 ноября", "увечері у вівторок", "утром в четверг": the date or weekday decides
        nxt_digit = i + 1 < len(toks) and toks[i + 1].is_digit
        nxt_weekday = i + 2 < len(toks) and toks[i + 1].lower in ("у", "в", "во") and _weekday_of(toks[i + 2]) is not None
        if (low in _MORNING or low in _EVENING) and not nxt_digit and not nxt_weekday:
            found.append(_mention(toks, i, i + 1, DayExpr("today"), "evening" if low in _EVENING else "relative"))
            i += 1
            continue
        # "с 20:00 до 23:00 мск": a time window of the publication day
        if low in ("з", "с") and i + 3 < len(toks) and _TIME.match(toks[i + 1].text) and toks[i + 2].lower == "до" \
                and _TIME.match(toks[i + 3].text):
            found.append(_mention(toks, i, i + 4, DayExpr("today"), "relative"))
            i += 4
            continue
        # "Близько 05:00 ворог атакував", "около 23:40": a clock time alone dates the publication
        # day, or the day before when that hour had not yet come at publication
        if _TIME.match(tok.text) and i > 0 and toks[i - 1].lower in _AT_CLOCK and not (
            i + 1 < len(toks) and (toks[i + 1].is_digit or toks[i + 1].lower == "до")
        ):
            found.append(_mention(toks, i - 1, i + 1, DayExpr("today"), "clock", time=tok.text))
            i += 1
            continue
        # "за минулу добу", "минулої доби": the day before publication; "в течение суток" the
        # reporting day, weakest hint
        if lemma in ("доба", "сутки") and i > 0 and _last(toks[i - 1]):
            start_i = i - 2 if i > 1 and toks[i - 2].lemma in _DURING else i - 1
            found.append(_mention(toks, start_i, i + 1, DayExpr("yesterday"), "period"))
        elif lemma in ("доба", "сутки") and i > 0 and toks[i - 1].lemma in _PAST | _DURING:
            found.append(_mention(toks, i - 1, i + 1, DayExpr("today"), "weak"))
        i += 1
    return found


# "Продолжается отражение атаки", "Атака триває", "ПВО отражает атаку": a post written while it happens
_ONGOING = {"продолжаться", "продолжать", "отражать", "тривати", "продовжуватися", "продовжувати", "відбивати"}


def live_report(toks: list[Tok]) -> DateMention | None:
    """A present-tense "the attack goes on" in a text that names no day: the
    strike is happening on the day of publication."""
    for i, tok in enumerate(toks):
        if tok.lemma in _ONGOING and tok.has("VERB") and tok.has("pres"):
            return _mention(toks, i, i + 1, DayExpr("today"), "relative")
    return None


def _mention(
    toks: list[Tok], start_i: int, end_i: int, expr: DayExpr | None, kind: str, *, back: int = 0,
    time: str | None = None, stamp: bool = False,
) -> DateMention:
    return DateMention(toks[start_i].start, toks[end_i - 1].end, start_i, end_i, expr, kind, back, time, stamp)


_PARTS_OF_DAY = {"вечером", "ввечері", "увечері", "утром", "вранці", "зранку", "днем", "днём", "вдень"}


def same_day_part(sc: Scan, m: DateMention, current: DateMention | None, paragraph_of: list[int]) -> bool:
    """"В понедельник ... погибли двое. Вечером скончался ...": a bare part of
    the day after a weekday or a date in the same paragraph is that day's, not
    the publication day's."""
    if current is None or current.kind not in ("weekday", "day") or m.end_i - m.start_i != 1:
        return False
    if sc.toks[m.start_i].lower not in _PARTS_OF_DAY:
        return False
    return paragraph_of[sc.sent_of[m.start_i]] == paragraph_of[sc.sent_of[current.start_i]]


def report_bounds(
    sc: Scan, said: list[DateMention], per: list[DateMention | None], published: datetime | None, country: str
) -> None:
    """"Богомаз накануне вечером сообщил, что ВСУ ударили ...": what was
    reported on a day cannot have happened later, so a statement's day earlier
    than the one its sentence inherits dates the sentence."""
    for m in said:
        s = sc.sent_of[m.start_i]
        here, inherited = resolve(m, published, country), per[s]
        if inherited is not None and sc.sent_of[inherited.start_i] == s:
            continue  # the sentence dates its strike itself
        there = resolve(inherited, published, country)
        if here is not None and there is not None and here < there:
            per[s] = m
