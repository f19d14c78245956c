"""Who speaks: the publisher's own voice, "This was stated by X", quotes that open a
paragraph, and the side, region and city of each speaker (a mixin of `EnglishExtractor`)."""

from __future__ import annotations

import re
from typing import Any

from ...model import Document
from .attribution import Speaker, canonical_name, find_speakers, is_pronoun, party_of
from .geo import CITY_REGIONS, find_geo
from .reading import (
    _CANON_PARTY,
    _CITY_SPEAKER,
    _INSTITUTION,
    _MEDIA,
    _REGIONAL_SPEAKER,
    _SOURCE_LINE,
    _STATED_BY,
    _BlockState,
    _DocState,
    _speaker_key,
    _Voice,
)
from .segment import Block

_GOVERNOR_OF_STEM = re.compile(r"\b([A-Z][\w'’-]+)\s+(?:[Rr]egional\s+)?(?:[Gg]overnor|[Hh]ead)\b")


_OUTLET_WORD = re.compile(r"\b(?:channel|outlet|newspaper|news\s+site|website|blogger|broadcaster)\b", re.I)
_INSTITUTION_WORDS = ("ministry", "administration", "staff", "force", "office", "service", "headquarters", "command")


class VoiceRules:
    """Voices rules of `EnglishExtractor`; they read and write the `_DocState` passed in."""

    _last_strength: float
    _weak_day: bool
    geocoder: Any

    def _publisher_voice(self, doc: Document) -> _Voice | None:
        if not doc.publisher:
            return None
        party = party_of(doc.publisher)
        # (a parenthetical describes the publisher -- "Conflict Assessment Institute (a daily update)" -- it
        # does not make a think tank an outlet)
        media = _MEDIA.search(re.sub(r"\([^)]*\)", " ", doc.publisher)) is not None
        if party is None and not media:  # "Kyiv Daily Monitor" is an outlet, not the city's authorities
            geo = find_geo(doc.publisher, 0, len(doc.publisher), geocoder=self.geocoder)
            countries = {g.country for g in geo if g.country in ("UA", "RU")}
            party = countries.pop() if len(countries) == 1 else None
        if party is None or media:
            return None  # an outlet's own voice is no side's account
        name = re.sub(r"\s*\((?:English|translation|Telegram)[^)]*\)", "", doc.publisher).strip()
        voice = _Voice(canonical_name(name, party) if party in ("UA", "RU") else name, party, None)
        if _REGIONAL_SPEAKER.search(name):
            # "Mayor of Kharkiv": a local source's posts are about its own city and region
            geo = find_geo(name, 0, len(name), geocoder=self.geocoder)
            if geo and geo[0].country == party:
                voice.region = geo[0].region
                if _CITY_SPEAKER.search(name) and geo[0].kind == "settlement":
                    voice.settlement = geo[0]
        return voice

    def _stated_by(self, state: _DocState, bstate: _BlockState, block: Block, following: Block | None
                   ) -> _Voice | None:
        """"In October, Russia launched 2,023 drones ... This was stated by Air Force spokesman
        Yurii Ihnat": an attribution that follows what it attributes."""
        text = state.text
        sentences = block.sentences[1:] + (following.sentences[:1] if following is not None else [])
        for sent in sentences:
            m = _STATED_BY.match(text, sent.start, sent.end) or _SOURCE_LINE.match(text, sent.start, sent.end)
            if m:
                phrase = m.group(1)
                start = m.start(1)
                return self._voice(state, bstate, Speaker(phrase, start, start + len(phrase), m.start()), block)
        return None

    def _quote_speaker(self, state: _DocState, bstate: _BlockState, block: Block) -> _Voice | None:
        """The speaker of a paragraph that opens with a quotation and names its speaker
        only where the quotation closes, several sentences on."""
        text = state.text
        if not block.sentences or text[block.sentences[0].start] not in "\"“«„":
            return None
        for sent in block.sentences[1:]:
            for sp in find_speakers(text, sent.start, sent.end):
                if re.search(r"[,.!?]?[\"”»“]\s*$", text[max(sent.start, min(sp.start, sp.verb_start) - 12) : min(
                        sp.start, sp.verb_start)]):
                    return self._voice(state, bstate, sp, block)
                return None
        return None

    def _voice(self, state: _DocState, bstate: _BlockState, speaker: Speaker | None, block: Block) -> _Voice | None:
        if speaker is None:
            if bstate.speaker is not None:
                return bstate.speaker
            if block.kind == "background":
                return _Voice(state.doc.publisher or "publisher", "OTHER", None)
            return state.source_voice or state.publisher_voice
        phrase = speaker.phrase
        if is_pronoun(phrase):
            prior = bstate.speaker or state.last_speaker
            own = state.publisher_voice
            if prior is None and own is not None and (
                    not phrase.lower().startswith("the ") or phrase.split()[-1].lower() in own.name.lower()):
                # "it said" in a ministry's own post, "the governor said" in the governor's channel -- but
                # "the regional governor said" in a wire story is not the wire service
                prior = own
            # "the Air Force" after the president spoke is the Air Force, not him again.
            institution = _INSTITUTION.search(phrase) is not None and prior is not None and (
                canonical_name(phrase, prior.party) != prior.name)
            # "the Mission" after a speaker of no known side is the Mission, not that speaker again
            named_side = prior is not None and prior.party is None and party_of(phrase) is not None
            if prior is not None and not institution and not named_side:
                return _Voice(prior.name, prior.party, (speaker.start, speaker.end), prior.region)
        party = party_of(phrase)
        region = None
        settlement = None
        if _REGIONAL_SPEAKER.search(phrase) or party is None:
            geo = find_geo(state.text, speaker.start, speaker.end, geocoder=self.geocoder)
            if geo and geo[-1].kind == "settlement" and geo[-1].end == speaker.end and not _REGIONAL_SPEAKER.search(phrase):
                geo = geo[:-1]  # "Gusev said": the governor's surname, not the town of Gusev
            stem = None if geo else _GOVERNOR_OF_STEM.search(phrase)
            if stem is not None:
                # "Rostov Governor Yury Slyusar": a bare stem before the title names the region
                geo = find_geo(stem.group(1) + " region", 0, len(stem.group(1)) + 7, geocoder=self.geocoder)
            if geo:
                region = geo[0].region
                if party is None and geo[0].country in ("UA", "RU"):
                    party = geo[0].country
                if _CITY_SPEAKER.search(phrase) and geo[0].kind == "settlement" and geo[0].region not in CITY_REGIONS:
                    settlement = geo[0]
        lowered = phrase.lower()
        if party is None and (_MEDIA.search(phrase) or _OUTLET_WORD.search(phrase)) and not any(
                w in lowered for w in (*_INSTITUTION_WORDS, "press secretary", "spokes")):
            party = "OTHER"  # "The Telegram channel Astra reported": an outlet quoted in a story is a third party
        name = canonical_name(phrase, party)
        if party is None and name in _CANON_PARTY:
            party = _CANON_PARTY[name]  # "the defence ministry" with no side named is Russia's, as in the canon
        voice = _Voice(name, party, (speaker.start, speaker.end), region, settlement)
        key = _speaker_key(voice)
        known = state.known_voices.get(key or "")
        if party is None and known is not None:
            # "Kim wrote" after "the head of the Mykolaiv administration, Vitaliy Kim, said": the same source
            return _Voice(known.name, known.party, voice.span, known.region, known.settlement)
        prev = bstate.speaker or state.last_speaker
        if party is None and prev is not None and prev.party in ("UA", "RU") and any(
                w in phrase.lower() and w in prev.name.lower() for w in _INSTITUTION_WORDS):
            # "Ukraine's Foreign Ministry rejected ... ministry spokesman Heorhii Tykhyi said": the same institution
            voice.party, voice.region = prev.party, voice.region or prev.region
        own = state.publisher_voice
        if party is None and own is not None and own.party in ("UA", "RU") and len(phrase.split()) == 1 \
                and phrase[:1].isupper():
            # "..., Gusev said" in the Voronezh governor's own channel: the channel's side and region
            voice.party, voice.region = own.party, voice.region or own.region
        if party is not None and key:
            state.known_voices.setdefault(key, voice)
        return voice
