"""Filling one claim from one clause: weapons and counts (lists, "N more", references
back to named kinds), regions and places, targets and casualties (a mixin of
`EnglishExtractor`)."""

from __future__ import annotations

import re
from typing import Any

from ...model import Place
from ..common.builder import ClaimDraft
from .counts import CountMention, WeaponPhrase
from .geo import CITY_REGIONS, GeoMention
from .lexicon import (
    MEASURE_VERBS,
)
from .reading import (
    _BACK_REF,
    _MORE_AFTER,
    _MORE_BEFORE,
    _NATIONWIDE,
    _PLACE_LABEL,
    _STRUCK,
    _THE_CITY,
    _THE_REGION,
    _BlockState,
    _DocState,
    _line_start,
    _Voice,
)
from .segment import Clause


class FillRules:
    """Filling rules of `EnglishExtractor`; they read and write the `_DocState` passed in."""

    _last_strength: float
    _weak_day: bool
    geocoder: Any

    def _fill(
        self,
        state: _DocState,
        bstate: _BlockState,
        draft: ClaimDraft,
        clause: Clause,
        phrases: list[WeaponPhrase],
        counts: list[CountMention],
        geo: list[GeoMention],
        targets: list[Any],
        casualties: list[Any],
        voice: _Voice | None,
    ) -> None:
        text = state.text
        for p in phrases:
            for model, span in zip(p.models, p.model_spans, strict=False):
                draft.add_weapon(p.category, model, span)
            if not p.models:
                draft.add_weapon(p.category, None, (p.start, p.end))
        for c in counts:
            if c.part:
                head = bstate.list_head
                if head is not None and head.phrase is not None and head.measure is not None and (
                    ":" in text[head.end : c.start] or bstate.list_measure
                ):
                    category, measure = head.phrase.category, head.measure
                elif bstate.list_phrase is not None and bstate.list_measure is not None:
                    category, measure = bstate.list_phrase.category, bstate.list_measure
                elif (colon := text.rfind(":", clause.start, c.start)) >= 0 and (
                        inline := self._inline_list_head(text, clause.start, colon, phrases)) is not None:
                    # "destroyed Ukrainian UAVs: nineteen over Bryansk Region, 11 over Kursk Region, ...": no total
                    category, measure = inline
                else:
                    # "29 drones were destroyed over Crimea and 6 over the Black Sea": more of the same
                    lead = next((x for x in reversed(counts) if x.end <= c.start and x.phrase is not None
                                 and x.measure is not None and not x.part), None)
                    between = text[lead.end : c.start] if lead is not None else ""
                    # ... but "84 UAVs, of which 34 over Moscow Region" / "including 21 over ..." is a share
                    sibling = re.search(r"\b(?:over|above|in|near|off)\b", between) is not None and not re.search(
                        r"\b(?:including|of\s+which|of\s+them|among\s+them|incl)\b", between, re.I)
                    if sibling and lead is not None and lead.phrase is not None and lead.measure is not None:
                        draft.add_count(lead.phrase.category, lead.measure, c.value, (c.start, c.end), additive=True)
                    continue
                region = next((g for g in geo if c.end <= g.start < (c.part_end or clause.end)), None)
                label = region.region if region and region.region else f"part@{c.start}"
                draft.add_count(category, measure, c.value, (c.start, c.end), part=label)
                continue
            counted = {id(x.phrase) for x in counts if x.phrase is not None}
            earlier = [p for p in phrases if p.end <= c.start and id(p) in counted] or [
                p for p in phrases if p.end <= c.start
            ]
            phrase = c.phrase or ((earlier[-1] if earlier else bstate.last_phrase) if c.refers_back else None)
            if phrase is None:
                continue
            measure = c.measure or bstate.list_measure
            if measure is None:
                bstate.last_phrase = phrase
                continue
            value = c.value
            if value < 0:  # "all of them" (-1): as many as were launched; "all but two" (-3): two fewer
                slot = draft.weapons.get(phrase.category)
                launched = slot.counts.get("launched") if slot else None
                if launched is None or not launched.stated:
                    continue
                value = max(n for n, _ in launched.stated) + value + 1
                if value < 0:
                    continue
            more = _MORE_AFTER.match(text, c.end) or _MORE_BEFORE.search(text, max(0, c.start - 16), c.start)
            category = self._referred_category(text, draft, phrase)
            # "16 Kh-101 cruise missiles ...; eight Kalibr cruise missiles": other models of one category add up.
            counted = state.counted_models.setdefault((id(draft), category, measure), set())
            other_model = bool(c.phrase is not None and c.phrase.models and counted and "" not in counted
                               and not counted & set(c.phrase.models))
            # ("" marks a count without a model: "38 cruise missiles: 36 Kh-101 and 2 Iskander-K" is a breakdown)
            counted.update(c.phrase.models if c.phrase is not None and c.phrase.models else [""])
            # "Bilopillia community: an air strike with 3 KABs ... Khotin community: ... 2 KABs": place by place
            labelled = _PLACE_LABEL.match(text, _line_start(text, c.start), c.start) is not None
            slot_key = (id(draft), category, measure)
            if not labelled:
                state.unlabelled_slots.add(slot_key)
            elif slot_key in state.unlabelled_slots:
                labelled = False  # "73 munitions were fired ... Gora-Podol: 17 munitions": a part of the total
            draft.add_count(category, measure, value, (c.start, c.end),
                            additive=more is not None or other_model or labelled or c.extra)
            if c.phrase is not None:
                bstate.last_phrase = c.phrase
                if measure in ("intercepted", "launched"):
                    bstate.list_head = c
        if phrases and not counts:
            bstate.last_phrase = phrases[-1]
        if not any(g.kind == "settlement" for g in geo) and state.last_settlement is not None:
            m = _THE_CITY.search(text, clause.start, clause.end)
            last = state.last_settlement
            if m and last.country == draft.target_country:
                # "Overnight, the city was attacked": the city the report last named.
                draft.add_place(Place(last.name, last.lat, last.lon, last.region, "settlement"), (m.start(), m.end()))
        if not any(g.region for g in geo) and state.last_region is not None and \
                state.last_region[:2] == (draft.target_country or "")[:2]:
            m = _THE_REGION.search(text, clause.start, clause.end)
            if m:  # "Russia fired two Iskander-M missiles at the region": the region the report last named
                draft.add_region(state.last_region, (m.start(), m.end()))
        for g in geo:
            if g.region:
                state.named_regions.add(g.region)
                state.last_region = g.region
            if g.kind == "settlement":
                state.last_settlement = g
            if g.kind == "settlement" and g.region in CITY_REGIONS and state.publisher_voice is not None:
                # Official tallies list "Kyiv" beside oblasts: the city-region, not a place report.
                draft.add_region(g.region, (g.start, g.end))
                continue
            if g.kind in ("settlement", "site"):
                draft.add_place(Place(g.name, g.lat, g.lon, g.region, g.kind), (g.start, g.end))
            elif g.region:
                draft.add_region(g.region, (g.start, g.end))
        if not geo and voice is not None and voice.region and voice.span is not None and voice.region[:2] in (
            draft.target_country or "",
        ):
            draft.add_region(voice.region, voice.span)
        town = voice.settlement if voice is not None else None
        if (town is not None and town.country == draft.target_country
                and not any(g.kind in ("settlement", "site") for g in geo)
                and (targets or casualties or any(c.measure == "hit" for c in counts))):
            # The city's own administration reporting damage: the damage is in that city.
            draft.add_place(Place(town.name, town.lat, town.lon, town.region, "settlement"), (town.start, town.end))
        for t in targets:
            draft.add_target(t.code, (t.start, t.end))
        if not targets and not geo and _STRUCK.search(text, clause.start, clause.end):
            self._refer_back(state, draft, clause)
        towns = [g.name for g in geo if g.kind in ("settlement", "site")]
        if towns:
            bstate.place = towns[0]
        # A country-wide figure ("an attack on Ukraine killed five people, four of them near Lviv") is no
        # one place's share.
        local = _NATIONWIDE.search(text, clause.start, clause.end) is None
        # the place a figure belongs to: the town named, the paragraph's town, else the region it is about
        regions = [g.region for g in geo if g.kind == "region" and g.region]
        where = towns[0] if towns else bstate.place or (regions[0] if regions else None) or (
            voice.region if voice is not None else None)
        for cas in casualties:
            draft.set_casualty(cas.kind, cas.value, (cas.start, cas.end), place=where if local else None)

    def _refer_back(self, state: _DocState, draft: ClaimDraft, clause: Clause) -> None:
        """"the terminal was hit by drones of the SBU" after another source named "the port's
        oil terminal" in Tuapse: the same target, in the same place."""
        found = self._antecedent(state, clause.start, clause.end, exclude=draft)
        if found is None or found[0].target_country != draft.target_country:
            return
        other, (code, span) = found
        draft.add_target(code, span)
        for place, pspan in other.places:
            draft.add_place(place, pspan)
            if place.region:
                draft.add_region(place.region, pspan)

    @staticmethod
    def _referred_category(text: str, draft: ClaimDraft, phrase: WeaponPhrase) -> str:
        """"all four missiles" after "four Kh-101 cruise missiles": the generic word points
        back to the one kind of missile the claim already has."""
        if phrase.category != "missile" or phrase.models:
            return phrase.category
        if not _BACK_REF.search(text, max(0, phrase.start - 30), phrase.start):
            return phrase.category
        generic = draft.weapons.get("missile")
        if generic is not None and generic.counts:
            return phrase.category  # "78 missiles ... 59 of the missiles": the generic total is the referent
        # (a kind named without a count still counts: "struck Dnipro with ballistic missiles. ... one of the two")
        kinds = [k for k in ("cruise_missile", "ballistic_missile") if k in draft.weapons]
        return kinds[0] if len(kinds) == 1 else phrase.category

    @staticmethod
    def _inline_list_head(text: str, start: int, colon: int, phrases: list[WeaponPhrase]) -> tuple[str, str] | None:
        """The weapon and measure a mid-sentence colon list counts: "intercepted and destroyed
        Ukrainian fixed-wing UAVs: nineteen over ..." gives ("drone", "intercepted")."""
        before = [p for p in phrases if start <= p.start and p.end <= colon]
        if not before:
            return None
        verbs = [(m.start(), measure) for measure, rx in MEASURE_VERBS for m in rx.finditer(text, start, before[-1].start)]
        if not verbs:
            return None
        first = min(verbs)  # "intercepted and destroyed": the first verb; "detected and destroyed": see counts
        chosen = max(verbs) if first[1] == "launched" else first
        return before[-1].category, chosen[1]
