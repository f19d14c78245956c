"""The English rule-based extractor: reports in English -> strike claims.

Registered as ``ceasewatch.extract.en_rules.v1``. For every clause of the
body it reads who speaks (attribution, continued through a paragraph),
which side attacks which (actor words, "the enemy", interceptions reported
by a side, regions' countries, or the paragraph's previous clause), the
monitoring day, weapons with counts, regions and places (through the
geocoder), targets and casualties, and files them into one claim per key
with `common.ClaimBuilder`. Clauses about talks, promises and threats give
nothing. Every value keeps the span of the words that support it.

This module reads blocks and clauses; the rule families live beside it as
mixins of `EnglishExtractor`: `voices` (who speaks), `direction` (who
attacks whom), `dating` (the monitoring day) and `filling` (weapons,
counts, places, targets, casualties), over the state kept in `reading`.
"""

from __future__ import annotations

import copy
import re
from dataclasses import replace
from typing import Any

from ...errors import ExtractionError
from ...model import Claim, Document, merge_claims
from ..common.builder import ClaimBuilder, ClaimDraft
from ..common.targets import find_targets
from .attribution import Speaker, find_speakers
from .counts import find_casualties, find_counts, find_phrases
from .dates import MULTI_DAY, find_dates
from .dating import DatingRules
from .direction import DirectionRules
from .filling import FillRules
from .geo import OCCUPIED, find_geo, is_launch_site
from .lexicon import (
    ACTOR_RU,
    ACTOR_UA,
    DENIAL_CUE,
    STRIKE_CUE,
)
from .numbers import find_numbers
from .parse import parsed_speakers, unresolved_verbs
from .reading import (
    _AFTER_EVENT,
    _BLANKET,
    _DAMAGE,
    _HABITUAL,
    _HURT,
    _INFORMED_BY,
    _INTERCEPT_WORDS,
    _LIST_CUE,
    _LIST_LAUNCH,
    _METONYM,
    _MODAL,
    _NAME_HEADING,
    _NEGATED_CUE,
    _NO_COMMENT,
    _OTHER,
    _OUTAGE,
    _POLICY,
    _RECIPROCAL,
    _REGIONAL_SPEAKER,
    _REPEATEDLY,
    _SAID_START,
    _SOURCE_LINE,
    _STRUCK,
    _TALKS,
    _TREATED_AT,
    _UPDATE,
    HABIT_VERB,
    MAX_CHARS,
    _BlockState,
    _DocState,
    _mask_markup,
    _source_key,
    _speaker_key,
    _stated_time,
    _Voice,
)
from .segment import Block, Clause, segment
from .voices import VoiceRules

__all__ = ["EnglishExtractor", "EnglishParserExtractor", "EXTRACTOR_NAME", "PARSER_EXTRACTOR_NAME"]

EXTRACTOR_NAME = "ceasewatch.extract.en_rules.v1"

PARSER_EXTRACTOR_NAME = "ceasewatch.extract.en_rules_parser.v1"


class EnglishExtractor(VoiceRules, DirectionRules, DatingRules, FillRules):
    """Rule-based English extractor (see module docstring)."""

    name = EXTRACTOR_NAME
    languages = ("en",)

    # spaCy's parser for speakers the rules miss (extract/en/parse.py); off here: rules only.
    use_parser = False

    def __init__(self, geocoder: Any = None) -> None:
        self._geocoder = geocoder
        self._last_strength = 0.0
        self._weak_day = False

    @property
    def geocoder(self) -> Any:
        if self._geocoder is None:
            from ...geocode import default_geocoder

            self._geocoder = default_geocoder()
        return self._geocoder

    # -- public API -------------------------------------------------------------------
    def extract(self, doc: Document) -> list[Claim]:
        """Claims in `doc` (doc_id=doc.id, extractor=self.name), evidence for every value."""
        # The rules keep scratch values on the instance (`_last_strength`, `_weak_day`) while they
        # read; a shallow copy per document keeps one shared extractor safe across threads.
        self.geocoder  # noqa: B018 -- load the shared geocoder once, before copying
        reader = copy.copy(self)
        try:
            return reader._extract(doc)
        except RecursionError as exc:  # pathological input; everything else is a bug to surface
            raise ExtractionError(
                f"extraction failed: {exc}", source=doc.ref, hint="report this document as a bug"
            ) from exc

    # -- document level ---------------------------------------------------------------
    def _extract(self, doc: Document) -> list[Claim]:
        text = _mask_markup(doc.text[:MAX_CHARS])
        state = _DocState(doc, text, ClaimBuilder(doc.id, self.name), self._publisher_voice(doc))
        blocks = segment(text)
        for i, block in enumerate(blocks):
            if block.kind == "headline" and state.last_settlement is None:
                # "Missile strike on Kryvyi Rih dormitory": the city a later "the city" means.
                named = find_geo(text, block.start, block.end, geocoder=self.geocoder)
                regions = {g.region for g in named if g.region}
                state.named_regions.update(regions)
                if len(regions) == 1:
                    state.last_region = next(iter(regions))
                towns = {g.name: g for g in named if g.kind == "settlement"}
                if len(towns) == 1:
                    state.last_settlement = next(iter(towns.values()))
            if block.kind in ("headline", "caption"):
                continue
            self._read_block(state, block, blocks[i + 1] if i + 1 < len(blocks) else None)
        for draft in state.builder.drafts():
            draft.drop_generic_total("missile", ("cruise_missile", "ballistic_missile"))
            draft.split_neutralised()
        return self._blame_third_party(state, self._redate_weak(state, state.builder.build()))

    @staticmethod
    def _blame_third_party(state: _DocState, claims: list[Claim]) -> list[Claim]:
        """A third party's claims that name no attacker take the one attacker that same party
        names elsewhere in the report ("... caused by attacks of the Russian armed forces")."""
        out: list[Claim] = []
        for c in claims:
            if c.claimant.party == "OTHER" and c.attacker is None and c.stance == "asserted":
                blamed = state.third_party_blame.get(_source_key(c.claimant.name) or "")
                if blamed is None:  # one third party under two names ("the Mission", its full title)
                    everyone = set().union(*state.third_party_blame.values()) if state.third_party_blame else set()
                    blamed = everyone if len(everyone) == 1 else set()
                if len(blamed) == 1:
                    attacker = next(iter(blamed))
                    if c.target_country in (None, _OTHER[attacker]):
                        c = replace(c, attacker=attacker, target_country=_OTHER[attacker])
            out.append(c)
        by_key: dict[tuple[Any, ...], list[Claim]] = {}
        for c in out:
            by_key.setdefault(c.key, []).append(c)
        return [merge_claims(group) if len(group) > 1 else group[0] for group in by_key.values()]

    # -- block and clause level -------------------------------------------------------
    def _read_block(self, state: _DocState, block: Block, following: Block | None = None) -> None:
        bstate = _BlockState()
        text = state.text
        source = _SOURCE_LINE.match(text, block.start, block.end)
        if source is not None:
            phrase = source.group(1)
            state.source_voice = self._voice(state, bstate, Speaker(phrase, source.start(1), source.end(1),
                                                                    source.start()), block)
            return
        quoted = self._quote_speaker(state, bstate, block) or self._stated_by(state, bstate, block, following)
        if block.sentences and _NAME_HEADING.fullmatch(text, block.sentences[0].start, block.sentences[0].end):
            # "Belgorod. In the city a drone struck the roof of a shopping centre": a bulletin paragraph
            # headed by the place it is about.
            towns = [g for g in find_geo(text, block.sentences[0].start, block.sentences[0].end,
                                         geocoder=self.geocoder, context_regions=frozenset(state.named_regions))
                     if g.kind == "settlement"]
            if towns:
                state.last_settlement = towns[0]
        for sent in block.sentences:
            speakers = find_speakers(text, sent.start, sent.end)
            if quoted is not None and bstate.speaker is None and not speakers:
                # '"More than 60 drones and eight missiles. ... overloaded," Zelenskiy said': the quote's
                # opening sentences belong to the speaker named after it closes.
                bstate.speaker = quoted
            if self.use_parser and STRIKE_CUE.search(text, sent.start, sent.end):
                verbs = unresolved_verbs(text, sent.start, sent.end, speakers)
                if verbs:
                    speakers = sorted(speakers + parsed_speakers(text, sent.start, sent.end, verbs),
                                      key=lambda sp: sp.start)
            for ci, clause in enumerate(sent.clauses):
                own = [sp for sp in speakers if clause.start <= sp.verb_start < clause.end]
                later = [sp for c in sent.clauses[ci + 1 :] for sp in speakers if c.start <= sp.verb_start < c.end]
                # "The IAEA said it had been informed by Rosatom that ...": the source informed speaks
                informed = [sp for sp in own if _INFORMED_BY.search(text, max(0, sp.start - 20), sp.start)]
                speaker = (informed or own)[0] if own else (later[0] if later else None)
                earlier = [sp for c in sent.clauses[:ci] for sp in speakers if c.start <= sp.verb_start < c.end]
                if speaker is None and earlier and _SAID_START.match(text, clause.start):
                    voice = self._voice(state, bstate, earlier[-1], block)  # "X denied ... and said ..."
                elif speaker is None and earlier and ";" not in text[sent.clauses[ci - 1].end : clause.start + 1] and (
                        earlier[-1].verb_start - sent.start > (clause.start - sent.start) // 2):
                    # "..., Russian officials said, while a Russian attack on Kyiv killed six": not theirs
                    # (but "According to the Air Force, ... 16 Kh-101 ...; eight Kalibr ..." and "According
                    # to him, ... destroyed 1,185, while another 738 were lost" still are).
                    voice = state.publisher_voice
                else:
                    voice = self._voice(state, bstate, speaker, block)
                self._read_clause(state, bstate, block, clause, voice, speakers)
                if speaker is not None and voice is not None:
                    bstate.speaker = voice
                    state.last_speaker = voice

    def _read_clause(
        self,
        state: _DocState,
        bstate: _BlockState,
        block: Block,
        clause: Clause,
        voice: _Voice | None,
        speakers: list[Speaker],
    ) -> None:
        text = state.text
        cs, ce = clause.start, clause.end
        body = text[cs:ce]
        if _MODAL.search(body) or _RECIPROCAL.search(body) or _NO_COMMENT.search(body) or _POLICY.search(body):
            return
        outage = _OUTAGE.search(body)
        if outage is not None and not _DAMAGE.search(body):
            comma = body.rfind(",", 0, outage.start())  # ", leaving two villages without electricity"
            head = body[: comma if comma > 0 else outage.start()]
            if not (STRIKE_CUE.search(head) and any(t.code.startswith("energy") for t in find_targets(head, lang="en"))):
                return  # where power was cut is a consequence, not where strikes landed
            # "had attacked a power line near Glushkovo, leaving villages without electricity": the strike
            # is read, the consequence after it is not
            ce = cs + len(head)
            body = text[cs:ce]
        strike = STRIKE_CUE.search(body) is not None
        if strike and _NEGATED_CUE.search(body):
            # "no damage to the plant was reported": a strike word that says nothing was struck
            negated = [m.span() for m in _NEGATED_CUE.finditer(body)]
            strike = any(not any(a <= m.start() < b for a, b in negated) for m in STRIKE_CUE.finditer(body))
        denial = DENIAL_CUE.search(body)
        numbers = find_numbers(text, cs, ce)
        # Most clauses of a news story are about something else: skip them cheaply.
        if not (strike or denial or numbers or _LIST_CUE.search(body) or _HURT.search(body)):
            return
        excluded = [(sp.start, sp.end) for sp in speakers if cs <= sp.start < ce]
        metonyms = [(sp.start, sp.end) for sp in speakers if cs <= sp.start < ce and _METONYM.fullmatch(sp.phrase)]
        phrases = find_phrases(text, cs, ce)
        casualties = find_casualties(text, cs, ce, numbers)
        cas_spans = {(c.start, c.end) for c in casualties}
        counts = [c for c in find_counts(text, cs, ce, phrases, numbers) if (c.start, c.end) not in cas_spans]
        if not (strike or denial or counts or casualties or body.rstrip().endswith(":")):
            if phrases:
                bstate.last_phrase = phrases[-1]
                if block.kind == "body" and state.default_day is None and not _MODAL.search(body):
                    # "The missile came in just after 7pm on Wednesday": no claim, but the report's
                    # event and its day, for the accounts that follow without a date of their own.
                    self._day(state, bstate, block, cs, ce, None, True)
            return
        # "Gusev said": a speaker's surname that is also a town's name is no place ("the Kharkiv governor" is)
        surnames = {sp.end for sp in speakers if cs <= sp.start < ce and not _REGIONAL_SPEAKER.search(sp.phrase)}
        geo = [
            g if all(g.end <= a or g.start >= b for a, b in excluded) else replace(g, kind="region")
            for g in find_geo(text, cs, ce, geocoder=self.geocoder, context_regions=frozenset(
                state.named_regions | ({voice.region} if voice is not None and voice.region else set())),
                              region_hint=voice.region if voice is not None else None,
                              capital_country=self._capital_country(state, bstate, voice))
            if not (g.kind == "settlement" and g.end in surnames)
        ]
        geo = [g for g in geo if (g.kind != "region" or g.region) and not any(a <= g.start < b for a, b in metonyms)]
        if voice is not None and voice.party is None and _REGIONAL_SPEAKER.search(voice.name):
            # "... in Russia's Voronezh region early Wednesday, the regional governor said": a governor or
            # mayor named by title only speaks for the side whose ground the clause is about.
            sides = {g.country for g in geo if g.country in ("UA", "RU") and g.region not in OCCUPIED}
            if len(sides) == 1:
                voice.party = sides.pop()
                voice.region = voice.region or next(g.region for g in geo if g.country == voice.party)
        if state.doc.publisher:
            # "told Harbour Street Press": the publisher's name is not a target.
            pub = re.compile(re.escape(state.doc.publisher), re.I)
            excluded = excluded + [(m.start(), m.end()) for m in pub.finditer(text, cs, ce)]
        targets = [
            t for t in find_targets(text, lang="en", start=cs, end=ce)
            if not is_launch_site(text, cs, t.start)
            and not _TREATED_AT.search(text, max(cs, t.start - 30), t.start)
            and all(t.end <= a or t.start >= b for a, b in excluded)
            and all(t.end <= p.start or t.start >= p.end for p in phrases)
        ] if strike else []
        if body.rstrip().endswith(":"):
            # A list header ("... with 452 air attack assets:", "air defence neutralised ...:") gives
            # the measure of list items that have no verb of their own.
            header = [c for c in counts if c.measure and not c.part]
            launch = [m.end() for m in _LIST_LAUNCH.finditer(body)]
            intercept = [m.end() for m in _INTERCEPT_WORDS.finditer(body)]
            if header:
                bstate.list_measure = header[-1].measure
            elif launch or intercept:
                # the verb nearest the colon: "... launched 300 drones; air defence shot down/suppressed:"
                bstate.list_measure = "launched" if max(launch, default=-1) > max(intercept, default=-1) else "intercepted"
            bstate.list_phrase = phrases[-1] if phrases else None
        if bstate.list_measure:
            for c in counts:
                if (c.measure is None or c.tally) and c.phrase is not None and not c.part:
                    c.measure = bstate.list_measure  # a list item under "... with 452 air attack assets:"
        in_list = bstate.list_head is not None or bstate.list_measure is not None or bstate.list_phrase is not None or any(
            c.phrase is not None and c.measure is not None for c in counts)
        measured = [c for c in counts if c.measure or (c.part and in_list)]  # "four regions in 2022" lists nothing
        talks_m = _TALKS.search(body)
        talks = talks_m is not None
        if talks_m is not None:
            # "Ukraine had attacked Russian energy infrastructure 14 times since March 18, the day the
            # moratorium was agreed": a finished strike before the comma; the talks word only dates it.
            head = body[: talks_m.start()]
            cut = head.rfind(",")
            if cut > 0 and STRIKE_CUE.search(head[:cut]) and (ACTOR_RU.search(head[:cut]) or ACTOR_UA.search(head[:cut])) \
                    and any(t.start < cs + cut for t in targets):
                talks = False
        has_content = bool(measured or casualties or targets or (strike and (geo or phrases)))
        if talks and not (measured or casualties):
            has_content = False
        habit = HABIT_VERB.search(body) is not None and _REPEATEDLY.search(body) is not None
        if _HABITUAL.search(body) and not (measured or casualties or find_dates(text, cs, ce) or habit):
            has_content = False  # "despite repeated attacks on its ports": background, no one night's claim
        # A bare denial answers an accusation about strikes, not a proposal or a vote.
        bare_denial = bool(denial) and voice is not None and (strike or bool(state.history)) and not (
            talks and not strike) and not _HABITUAL.search(body)  # "has in the past accused ..., allegations Kyiv denies"
        if not has_content and not bare_denial:
            if phrases:
                bstate.last_phrase = phrases[-1]
            if strike and voice is not None and voice.party == "OTHER":
                # "Nearly all casualties were caused by attacks of the Russian armed forces": who the third
                # party blames, for its claims that name no attacker themselves.
                named, span = self._direction(text, cs, ce, voice, [], [], excluded, _BlockState())
                if span is not None and self._last_strength >= 2.5 and named is not None:
                    state.third_party_blame.setdefault(_speaker_key(voice) or "", set()).add(named[0])
            if strike and block.kind == "body" and not talks:
                # "Russian attacks killed civilians in five oblasts over the past day, authorities reported",
                # "Since the invasion, our plants have come under attack 180 times": no claim of its own, but
                # the frame for the sentences (and, first in a report, the paragraphs) that follow.
                self._day(state, bstate, block, cs, ce, None, strike)
            return
        party = voice.party if voice is not None else None
        stance = "asserted"
        direction: tuple[str, str] | None
        inherited: ClaimDraft | None = None
        direction, dir_span = self._direction(
            text, cs, ce, voice, geo, counts, excluded, bstate, state.last_direction, denial=bool(denial),
            own_last=self._own_last_direction(state, voice), phrases=phrases,
        )
        strength = self._last_strength  # where the struck ground is the only cue, no attacker is named
        if denial:
            # A denial names what it denies ("Russian troops had not targeted the hospital") or
            # answers the other side's latest claim ("Ukraine denied the accusation").
            strong = dir_span is not None and self._last_strength >= 2.5
            inherited = self._accusation(state, party, direction if strong else None)
            if strong and MULTI_DAY.search(text, cs, ce) and _BLANKET.search(text, cs, ce):
                inherited = None  # "had not struck any facility since 18 March": not one night's answer
            if not strong and inherited is not None and party is not None and party == inherited.target_country:
                # "Terekhov rejected the claim" of a military target: the struck side disputes what was hit,
                # not that the strike happened -- no denial.
                inherited = None
            if strong:
                stance = "denied"
            elif inherited is not None:
                stance = "denied"
                direction = (inherited.attacker, inherited.target_country)  # type: ignore[assignment]
                dir_span = None
            elif not has_content:
                return  # "dismissed the proposal": denies nothing this report has claimed
        if dir_span is None and stance == "asserted":
            direction = self._referred_direction(state, text, targets) or direction
            if not geo and not targets and _STRUCK.search(body):
                found = self._antecedent(state, cs, ce)
                if found is not None:
                    direction = (found[0].attacker, found[0].target_country)  # type: ignore[assignment]
        if direction is None and party != "OTHER":
            return
        # a third party may name no side at all ("a guided bomb struck a market in Kostiantynivka")
        attacker, target = direction if direction is not None else (None, None)
        if party == "OTHER" and (dir_span is None or strength < 2.0) and stance == "asserted":
            # "the U.N. mission said ... a direct hit on the hospital": no attacker named -- unless the
            # same third party named one earlier ("attacks by Russian armed forces killed ...").
            attacker = self._own_earlier_attacker(state, voice)
            # ... and the struck side is where it landed; occupied ground names no side.
            sides = {g.country for g in geo if g.country in ("UA", "RU") and g.region not in OCCUPIED}
            if attacker is not None:
                target = _OTHER[attacker]
            elif geo:
                target = sides.pop() if len(sides) == 1 else None
            else:  # "a direct hit on the hospital": the struck side of the report's hospital
                target = self._referred_target(state, text, targets)
        undated_frame = habit or MULTI_DAY.search(text, cs, ce) is not None
        if party is None and voice is None and undated_frame and not bstate.speaker and state.doc.publisher:
            party = "OTHER"  # "Since the autumn, Russia has repeatedly struck gas sites": the outlet's own view
        if party is None:
            party = target  # a report with no side of its own: the struck side's account
        if party not in ("UA", "RU", "OTHER"):
            return
        # The monitoring day.
        if stance == "denied" and inherited is not None:
            day, day_span = inherited.day, None
            weak = id(inherited) in state.weak_drafts
        else:
            self._weak_day = False
            # "By Wednesday afternoon, the toll had climbed to nine": an update of the strike already dated
            spoken = [(sp.start, sp.end) for sp in speakers]
            update = bool(casualties) and _UPDATE.search(body) is not None and not (measured or targets or phrases or any(
                all(g.end <= a or g.start >= b for a, b in spoken) for g in geo))
            day, day_span = self._day(state, bstate, block, cs, ce, target, strike,
                                      _speaker_key(voice), update=update, habit=habit)
            weak = self._weak_day or _AFTER_EVENT.match(text, cs) is not None  # dated only relative to the lead
        name = voice.name if voice is not None else (state.doc.publisher or "publisher")
        draft = state.builder.draft(party, stance, attacker, target, day, name, voice.span if voice else None)
        if weak and id(draft) not in state.strong_drafts:
            state.weak_drafts[id(draft)] = draft
        elif not weak:
            state.strong_drafts.add(id(draft))
            state.weak_drafts.pop(id(draft), None)
        if stance == "denied" and denial is not None:
            draft.note("stance", (cs + denial.start(), cs + denial.end()))
        if party == "OTHER" and attacker is not None and dir_span is not None and strength >= 2.5:
            state.third_party_blame.setdefault(_speaker_key(voice) or "", set()).add(attacker)
        if dir_span is not None and attacker is not None:
            draft.note("attacker", dir_span)
        if dir_span is not None and target is not None:
            draft.note("target_country", dir_span)
        if day_span is not None:
            draft.note("date", day_span)
        state.history.append((draft, stance))
        if draft.time is None and day is not None:
            draft.time = _stated_time(text, cs, ce, day, target)
        self._fill(state, bstate, draft, clause, phrases, counts, geo, targets, casualties, voice)
        if stance == "denied" and inherited is not None:
            if not geo:
                for code in inherited.regions:
                    draft.add_region(code[0], code[1])
                for place, span in inherited.places:
                    draft.add_place(place, span)
            if not targets:
                for code, span in inherited.targets:
                    draft.add_target(code, span)
        bstate.direction = direction
        state.last_direction = direction



class EnglishParserExtractor(EnglishExtractor):
    """The rules plus spaCy's dependency parse for reporting verbs whose subject the rules
    cannot find. A registered variant with its own name, so its claims never pass for
    the rules-only extractor's; compare both with `ceasewatch eval --extractor`."""

    name = PARSER_EXTRACTOR_NAME
    use_parser = True
