"""The monitoring day of a clause: its own date words, the paragraph's and the report's
frame, the speaker's last day, and claims dated only by their statement (a mixin of
`EnglishExtractor`)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from ...model import Claim, merge_claims
from ..common.dates import local_time, resolve_monitoring_day
from .dates import MULTI_DAY, UNDATED, DateMention, find_dates
from .reading import _CONTAINER, _PREVIOUS, _BlockState, _DocState
from .segment import Block

_NIGHT_WORD = re.compile(r"\b(?:night|overnight|nocturnal)\b", re.I)


def _night_named(text: str, mention: DateMention) -> bool:
    """True for a named night ("the night of June 9 to 10", "overnight on June 10"), false for
    a named day of a daytime attack ("Yesterday, 2 December, at about 14:00")."""
    if mention.expr is None or mention.expr.kind not in ("night", "date"):
        return False
    if mention.expr.kind == "night":
        return True
    return _NIGHT_WORD.search(text, max(0, mention.start - 20), mention.end + 20) is not None


class DatingRules:
    """Dating rules of `EnglishExtractor`; they read and write the `_DocState` passed in."""

    _last_strength: float
    _weak_day: bool
    geocoder: Any

    def _day(
        self,
        state: _DocState,
        bstate: _BlockState,
        block: Block,
        cs: int,
        ce: int,
        target: str | None,
        strike: bool,
        speaker: str | None = None,
        *,
        update: bool = False,
        habit: bool = False,
    ) -> tuple[date | None, tuple[int, int] | None]:
        text = state.text
        if habit:
            return None, None  # a pattern of strikes has no one day
        multi = MULTI_DAY.search(text, cs, ce) or UNDATED.search(text, cs, ce)
        mentions = [d for d in find_dates(text, cs, ce) if d.expr is not None]
        if update and multi is None and (bstate.day or state.default_day) is not None:
            mentions = []
        elif update and multi is None and state.history and state.history[-1][0].day is not None:
            # "Filashkin said on Monday night that ... killing three. By Tuesday afternoon the toll had risen to
            # four": the strike just told, whatever day the update came
            return state.history[-1][0].day, None
        prev = _PREVIOUS.search(text, cs, ce)
        if prev is not None and multi is None and not any(d.priority >= 3 for d in mentions):
            # "said Sunday that a drone had struck the market the previous evening": a day before the
            # statement (or the report); "the previous night" ends on the statement's morning.
            stated = [d for d in mentions if d.priority == 0]
            published = state.doc.published
            base = (resolve_monitoring_day(stated[-1].expr, published, target) if stated and stated[-1].expr
                    else local_time(published, target).date() if published else None)
            if base is not None:
                back = 0 if (prev.group("w") or prev.group("w2") or "").lower() == "night" else 1
                return base - timedelta(days=back), (prev.start(), prev.end())
        if multi is not None and any(d.priority >= 2 and d.end <= multi.start() and "," in text[d.end : multi.start()]
                                     for d in mentions):
            multi = None  # "hit gas facilities overnight, ..., the 15th attack since October": dated by the first
        if multi is not None and _CONTAINER.fullmatch(multi.group(0)) and any(d.priority >= 1 for d in mentions):
            multi = None  # "affected this week, when four drones were shot down early on Wednesday"
        chosen: tuple[DateMention | None, bool] | None = None
        if multi is not None:
            chosen = (None, True)
        elif mentions:
            top = max(d.priority for d in mentions)
            chosen = ([d for d in mentions if d.priority == top][-1], False)
            self._weak_day = top == 0  # only the statement's own day: a later, dated account may fix it
        if chosen is not None and strike and not (chosen[0] is not None and chosen[0].priority == 0):
            # (a statement's own day -- "authorities had reported on Wednesday" -- dates only its clause)
            bstate.day = chosen
            if speaker is not None:
                state.speaker_days[speaker] = chosen
            if state.default_day is None and block.kind != "background":
                state.default_day = chosen  # a weekly summary's later paragraphs are weekly too
        if chosen is not None and chosen[0] is not None and chosen[0].priority == 2 and len(mentions) == 1:
            # A bare "overnight" after the report named the night ("overnight on June 9 to 10") is that
            # night, not the one before the (possibly much later) publication time.
            named = next((d for d in (bstate.day, state.default_day)
                          if d is not None and d[0] is not None and d[0].priority >= 3), None)
            if named is not None and named[0].expr is not None and _night_named(text, named[0]) \
                    and chosen[0].expr is not None and chosen[0].expr.kind == "overnight":
                chosen = named
        if chosen is None:
            chosen = bstate.day
        if chosen is None and block.kind == "background":
            return None, None
        if chosen is None and speaker is not None:
            chosen = state.speaker_days.get(speaker)  # the governor's next paragraph: the same day
        if chosen is None:
            chosen = state.default_day
        published = state.doc.published
        if chosen is None:
            return (local_time(published, target).date() if published else None), None
        mention, is_multi = chosen
        if is_multi or mention is None or mention.expr is None:
            return None, None
        stated = [d for d in mentions if d.priority == 0 and d.expr is not None]
        if mention in mentions and mention.expr.kind == "overnight" and stated:
            # "said on Tuesday morning that ... had destroyed 104 drones overnight": the night that
            # ended on the morning of the statement, not the night before publication.
            return resolve_monitoring_day(stated[-1].expr, published, target), (mention.start, mention.end)
        return resolve_monitoring_day(mention.expr, published, target), (mention.start, mention.end)

    @staticmethod
    def _redate_weak(state: _DocState, claims: list[Claim]) -> list[Claim]:
        """"Authorities accused Kyiv on Friday of a drone strike ..." and, further down, "a
        drone had struck a minibus on Thursday morning": a claim dated only by the day of the
        statement joins the one account of the same side and direction that dates the strike."""
        weak_keys = {(d.party, d.stance, d.attacker, d.target_country, d.day.isoformat() if d.day else None)
                     for d in state.weak_drafts.values()}
        if not weak_keys:
            return claims
        out: list[Claim] = []
        moved: dict[tuple[Any, ...], list[Claim]] = {}
        for c in claims:
            k = c.key
            if k in weak_keys:
                strong = [o for o in claims if o.key[:4] == k[:4] and o.key not in weak_keys and o.date is not None]
                if len(strong) == 1:
                    moved.setdefault(strong[0].key, []).append(
                        replace(c, date=strong[0].date, evidence=tuple(e for e in c.evidence if e.field != "date")))
                    continue
                if not strong:
                    # "The ministry said on Thursday that its forces had struck a building in Kryvyi Rih",
                    # the only claim of its side: the strike the report dates first in the same direction.
                    first = next((o for o in claims if o.key[2:4] == k[2:4] and o.key not in weak_keys
                                  and o.date is not None), None)
                    if first is not None and first.date != c.date:
                        c = replace(c, date=first.date, evidence=tuple(e for e in c.evidence if e.field != "date"))
                        if any(o.key == c.key for o in claims):
                            moved.setdefault(c.key, []).append(c)
                            continue
            out.append(c)
        return [merge_claims([c, *moved[c.key]]) if c.key in moved else c for c in out]
