"""The English rule-based extractor: reports in English -> strike claims.

Registered as ``ceasewatch.extract.en_rules.v1``. For every clause of the
body it reads who speaks (attribution, continued through a paragraph),
which side attacks which (actor words, "the enemy", interceptions reported
by a side, regions' countries, or the paragraph's previous clause), the
monitoring day, weapons with counts, regions and places (through the
geocoder), targets and casualties, and files them into one claim per key
with `common.ClaimBuilder`. Clauses about talks, promises and threats give
nothing. Every value keeps the span of the words that support it.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from ...errors import ExtractionError
from ...model import Claim, Document, Place, merge_claims
from ..common.builder import ClaimBuilder, ClaimDraft
from ..common.dates import TIME_ZONES, local_time, resolve_monitoring_day
from ..common.fastre import gated
from ..common.targets import find_targets
from .attribution import Speaker, canonical_name, find_speakers, is_pronoun, party_of
from .counts import CountMention, WeaponPhrase, find_casualties, find_counts, find_phrases
from .dates import MULTI_DAY, UNDATED, DateMention, find_dates
from .geo import CITY_REGIONS, OCCUPIED, GeoMention, find_geo, is_launch_site
from .lexicon import (
    ACCUSE,
    ACTOR_RU,
    ACTOR_UA,
    DEFENDER,
    DENIAL_CUE,
    ENEMY,
    MEASURE_VERBS,
    OWN_FORCES,
    STRIKE_CUE,
    TARGET_RU,
    TARGET_UA,
)
from .numbers import find_numbers
from .parse import parsed_speakers, unresolved_verbs
from .segment import AFTER_EVENT, Block, Clause, segment

__all__ = ["EnglishExtractor", "EXTRACTOR_NAME"]

EXTRACTOR_NAME = "ceasewatch.extract.en_rules.v1"
# Longer texts are cut here: reports are a few KB, and rules are linear anyway.
MAX_CHARS = 200_000

_MODAL = gated(
    r"\b(?:would|will|could(?!\s+not\b|n['’]t)|might|may\s+have|plans?\s+to|planning|preparing|pretext|threaten\w*|vow(?:ed|s)|"
    r"promis\w+|ready\s+to|going\s+to|intends?|unless|retaliation|warned)\b",
    re.I,
)
_TALKS = gated(
    r"\b(?:ceasefire|truce|talks|negotiat\w+|memorandum|sanctions|agreement|moratorium|proposal|summit|"
    r"elections?|prisoners?|swap|exchange|refrain\w*\s+from|"
    r"(?:halt|pause|suspension|stop(?:ping)?)\s+(?:(?:to|of|on|in)\s+)?(?:the\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:strikes|attacks|hostilities)|stop(?:ping)?\s+(?:hitting|striking|attacking|shelling|firing)|"
    r"compl(?:y|ying|ied|iance)\s+with|not\s+to\s+(?:strike|attack|hit|target))\b",
    re.I,
)
_INTERCEPT_WORDS = gated(
    r"\b(?:shot\s+down|intercepted|destroyed|downed|repelled|air\s+defen[cs]es?|thwarted)\b", re.I
)
_LIST_LAUNCH = gated(
    r"\b(?:launched|launching|used|using|attacked|attacking|fired|detected|tracked|strike|attack|with)\b"
    r"(?!\s+(?:assets|means|weapons|drones|UAVs|vehicles|aircraft|helicopters))", re.I
)
_OUTAGE = gated(
    r"\b(?:outages?|power\s+cuts?|blackouts?|shutdowns?|schedules|de-energi[sz]ed|without\s+(?:power|electricity|"
    r"heating|water)|lost\s+power|rationing)\b", re.I
)
_DAMAGE = gated(r"\b(?:hit|struck|damaged|destroyed|shot\s+down|intercepted|killed|injured|recorded)\b", re.I)
_SAID_START = gated(r"\s*(?:said|says|added|adding|reported|stated|claimed)\b", re.I)
_THE_CITY = gated(r"\b(?:the|this)\s+(?:city|town)\b(?!\s+of)", re.I)
_LIST_CUE = gated(r":\s*$|\b(?:drones?|UAVs?|missiles?|bombs?)\b", re.I)
_REGIONAL_SPEAKER = gated(r"\b(?:governor|regional|region|oblast|mayor|administration|headquarters|city)\b",
                               re.I)
# An actor phrase followed by an interception of weapons is the defender, not the attacker.
_DEFENDS = gated(
    r"\s+(?:(?:reportedly|have|has|had|also|successfully)\s+)*(?:shot\s+down|downed|intercepted|repelled|repulsed|"
    r"destroyed|neutrali[sz]ed)\s+(?:[\w,\"“”-]+\s+){0,5}?(?:drones?|UAVs?|missiles?|rockets?|bombs?|(?:drone\s+)?attacks?|"
    r"Shaheds?|Gerans?|projectiles)\b",
    re.I,
)
# Periods that contain a day rather than span a count: a named day inside them dates the strike.
_CONTAINER = gated(r"(?:this|last)\s+(?:week|month)|(?:during|in|over)\s+the\s+(?:past\s+|last\s+)?(?:week|month|weekend)",
                        re.I)
_PREVIOUS = gated(r"\bthe\s+(?:previous|preceding)\s+(?P<w>evening|night|day|afternoon|morning)\b|"
                       r"\bthe\s+(?P<w2>night|day|evening)\s+before\b(?!\s+(?:last|the|that|yesterday))", re.I)
_ACTION_AFTER = gated(r"(?:['’]s)?\s+(?:[\w-]+\s+)?(?:attacks?|strikes?|shelling|drones?|missiles?|UAVs?|aggression|"
                           r"aviation|artillery|fire)\b", re.I)
_MORE_AFTER = gated(r"\s+(?:more|additional|further|other)\b", re.I)
_MORE_BEFORE = gated(r"\b(?:another|a\s+further|an\s+additional|further)\s+$", re.I)
_MEDIA = gated(r"\b(?:news|wire|press|agency|times|post|herald|media|tv|monitor|daily|independent|journal|gazette|"
                    r"tribune|review|observer|radio|online|pravda|truth|insider|dispatch|chronicle|courier|bulletin)\b",
                    re.I)
# Strikes told as a pattern with a subject and a verb: "Russia has repeatedly struck gas production
# sites", "Kharkiv has been hit repeatedly by glide bombs" -- a claim with no single day.
HABIT_VERB = gated(
    r"\b(?:has|have|had)\s+(?:been\s+)?(?:(?:repeatedly|regularly|frequently|routinely|constantly|systematically|"
    r"again\s+and\s+again)\s+)?(?:struck|hit|attacked|targeted|shelled|bombed)\b(?:\s+(?:repeatedly|regularly|"
    r"frequently|again\s+and\s+again))?|\b(?:is|are)\s+(?:regularly|frequently|routinely|constantly|repeatedly)\s+"
    r"(?:struck|hit|attacked|targeted|shelled)\b",
    re.I,
)
_REPEATEDLY = gated(r"\b(?:repeatedly|regularly|frequently|routinely|constantly|systematically|again\s+and\s+again)\b",
                         re.I)
_AFTER_EVENT = gated(r"\s*" + AFTER_EVENT, re.I)
_NATIONWIDE = gated(r"\b(?:Ukraine|Russia|across\s+the\s+country|nationwide|countrywide|in\s+total|overall|in\s+all|altogether|"
                         r"of\s+them|several\s+regions|regions)\b", re.I)
_HURT = gated(r"\b(?:died|hurt|wounds|burns|concussion)\b", re.I)
_UPDATE = gated(r"\b(?:toll|rose|risen|climbed|increased|grew|updated|now\s+stands|number\s+of|so\s+far|"
                     r"later|in\s+all|in\s+total|latest)\b", re.I)
# A bulletin line headed by its place: "Bilopillia community:", "Nikopol district:", "🔸 Graivoron district."
_PLACE_LABEL = gated(r"\W{0,6}[A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+){0,3}\s+(?i:community|hromada|district|raion|"
                          r"municipality)\s*[:.]")


def _line_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


_CANON_PARTY = {"Russian Ministry of Defence": "RU", "Ukrainian Air Force": "UA", "Ukrainian General Staff": "UA"}
_OWNED_BY = gated(r"\b(?:of|where|which|whom|against|on)\s+(?:the\s+)?$", re.I)
_WEAPON_WORD = gated(r"\b(?:drones?|UAVs?|missiles?|rockets?|bombs?|Shaheds?|Gerans?|projectiles|munitions)\b", re.I)
_STRUCK = gated(r"\b(?:hit|struck|attacked|targeted|damaged|destroyed|set\s+(?:on\s+)?fire|ablaze)\b", re.I)
# "He declined to comment on the overnight attack": says nothing about it.
_POLICY = gated(r"\b(?:lift\w*|eas\w+)\s+(?:the\s+)?restrictions\b|\bpermission\s+to\s+(?:strike|use)\b", re.I)
_NO_COMMENT = gated(r"\b(?:declined|refused|did\s+not|would\s+not)\s+(?:to\s+)?comment\b", re.I)
_AIR_DEFENCE = gated(r"anti-aircraft|air[\s-]defen[cs]e|interceptor|surface-to-air", re.I)
_STATED_BY = gated(
    r"(?:<[^>]{1,40}>\s*)*(?:This|That|It|These\s+figures|The\s+figures)\s+(?:was|were)\s+(?:stated|said|reported|"
    r"announced|written|confirmed|published)\s+by\s+([A-Z][^,.;:()\"“”<]{2,80}?)(?=\s*(?:[,.;(<]|during|on|in|at|$))"
)
_BACK_REF = gated(r"\b(?:the|these|those|both|all|each)(?:\s+of\s+the)?\s+(?:[\w-]+\s+)?$", re.I)
_CITY_SPEAKER = gated(r"\b(?:mayor|city|town|village|municipal\w*|hromada|community)\b", re.I)
_OTHER = {"UA": "RU", "RU": "UA"}
# "Russia and Ukraine accused each other of ...": mutual blame names no direction, so no claim.
_RECIPROCAL = gated(
    r"\b(?:each\s+other|one\s+another|mutual(?:ly)?|trad(?:e|ed|ing)\s+(?:accusations|blame|charges))\b", re.I
)
# Strikes as a habit rather than an event: "despite repeated attacks", "continued Russian strikes".
_HABITUAL = gated(
    r"\b(?:continued|continuing|ongoing|repeated|persistent|regular|constant)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:strikes|attacks|shelling|bombardment)\b", re.I
)
# Action nouns: an actor phrase naming what the side did, not a side being acted on.
_ACTION = gated(r"\b(?:strikes?|attacks?|aggression|shelling|drones?|missiles?|air\s+raids?|artillery|fire|shells|"
                     r"bombs?|aviation|troops|forces)\b", re.I)
# Institutions that speak under their own name even when written like an anaphor ("the Air Force").
_INSTITUTION = gated(r"\b(?:air\s+force|general\s+staff|defen[cs]e\s+ministry|ministry\s+of\s+defen[cs]e)\b", re.I)
# A blanket denial ("not struck any ...", "no strikes at all") answers no single accusation.
_BLANKET = gated(r"\b(?:any|no\s+(?:strikes?|attacks?)|at\s+all)\b", re.I)
# A capital or a country as the whole speaker ("Kyiv said", "Moscow, however, said") is its
# government, not a place where anything happened.
_METONYM = gated(r"(?:the\s+)?(?:Kyiv|Kiev|Moscow|Ukraine|Russia)", re.I)


_CLOCK = gated(
    r"\bat\s+(?:about\s+|around\s+|approximately\s+)?(?P<h>[01]?\d|2[0-3])[:.](?P<m>[0-5]\d)"
    r"(?:\s+(?P<zone>Moscow|Kyiv|Kiev|local)\s+time)?",
    re.I,
)


def _stated_time(text: str, cs: int, ce: int, day: date, target: str | None) -> datetime | None:
    """"at 00:26", "at about 19:00 Moscow time": the strike's clock time on its day, in
    the named zone or the target country's (assess needs it for truce edges)."""
    m = _CLOCK.search(text, cs, ce)
    if m is None:
        return None
    zone = (m.group("zone") or "").lower()
    tz = "Europe/Moscow" if zone == "moscow" else "Europe/Kyiv" if zone in ("kyiv", "kiev") else (
        TIME_ZONES.get(target or "UA", "Europe/Kyiv"))
    return datetime(day.year, day.month, day.day, int(m.group("h")), int(m.group("m")), tzinfo=ZoneInfo(tz))


_TAG = gated(r"<[^<>\n]{0,300}>")
_ENTITY = gated(r"&(?:#\d{1,6}|#x[0-9a-fA-F]{1,5}|[A-Za-z]{2,8});")


def _mask_markup(text: str) -> str:
    """HTML left in a report, blanked to equal length so every offset still points
    into the stored text: tags become spaces, "&ndash;" becomes "–" and padding."""
    if "<" not in text and "&" not in text:
        return text
    text = _TAG.sub(lambda m: " " * len(m.group(0)), text)

    def entity(m: re.Match[str]) -> str:
        char = html.unescape(m.group(0))
        return (char if len(char) == 1 else " ") + " " * (len(m.group(0)) - 1)

    return _ENTITY.sub(entity, text)


def _speaker_key(voice: _Voice | None) -> str | None:
    return _source_key(voice.name) if voice is not None else None


def _source_key(name: str) -> str | None:
    """A source's identity across paragraphs: "Kherson regional governor Oleksandr Prokudin"
    and later "Prokudin" share their last word."""
    words = re.findall(r"[A-Za-z][\w'’-]+", re.sub(r"\s*\([^)]*\)", "", name))
    return words[-1].lower() if words else None


def _other(party: str | None) -> str | None:
    return _OTHER.get(party or "")


@dataclass
class _Voice:
    name: str
    party: str | None  # None: a speaker with no side of its own ("officials", "the mayor")
    span: tuple[int, int] | None
    region: str | None = None  # a regional official's region
    settlement: GeoMention | None = None  # a city official's city ("the Kupiansk city administration")


@dataclass
class _BlockState:
    speaker: _Voice | None = None
    direction: tuple[str, str] | None = None
    day: tuple[DateMention | None, bool] | None = None  # (mention, multi-day)
    last_phrase: WeaponPhrase | None = None
    list_head: CountMention | None = None
    list_measure: str | None = None
    list_phrase: WeaponPhrase | None = None  # "destroyed Ukrainian UAVs:" -- a list with no total
    place: str | None = None  # the settlement the paragraph is about, for casualties told place by place


@dataclass
class _DocState:
    doc: Document
    text: str
    builder: ClaimBuilder
    publisher_voice: _Voice | None
    last_speaker: _Voice | None = None
    default_day: tuple[DateMention | None, bool] | None = None
    last_direction: tuple[str, str] | None = None
    last_settlement: GeoMention | None = None
    history: list[tuple[ClaimDraft, str]] = field(default_factory=list)  # (draft, stance) in reading order
    weak_drafts: dict[int, ClaimDraft] = field(default_factory=dict)  # dated only by a statement's day
    counted_models: dict[tuple[int, str, str], set[str]] = field(default_factory=dict)  # models counted per slot
    third_party_blame: dict[str, set[str]] = field(default_factory=dict)  # attackers each third party named
    known_voices: dict[str, _Voice] = field(default_factory=dict)  # sources with a side, by their last word
    strong_drafts: set[int] = field(default_factory=set)
    speaker_days: dict[str, tuple[DateMention | None, bool]] = field(default_factory=dict)  # last day each source gave


class EnglishExtractor:
    """Rule-based English extractor (see module docstring)."""

    name = EXTRACTOR_NAME
    languages = ("en",)

    def __init__(self, geocoder: Any = None, *, use_parser: bool = False) -> None:
        self._geocoder = geocoder
        self._last_strength = 0.0
        self._weak_day = False
        # spaCy's parser for speakers the rules miss (extract/en/parse.py); off: rules only.
        self.use_parser = use_parser

    @property
    def geocoder(self) -> Any:
        if self._geocoder is None:
            from ...geocode import default_geocoder

            self._geocoder = default_geocoder()
        return self._geocoder

    # -- public API -------------------------------------------------------------------
    def extract(self, doc: Document) -> list[Claim]:
        """Claims in `doc` (doc_id=doc.id, extractor=self.name), evidence for every value."""
        try:
            return self._extract(doc)
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
            out.append(c)
        return [merge_claims([c, *moved[c.key]]) if c.key in moved else c for c in out]

    def _publisher_voice(self, doc: Document) -> _Voice | None:
        if not doc.publisher:
            return None
        party = party_of(doc.publisher)
        media = _MEDIA.search(doc.publisher) is not None
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

    # -- block and clause level -------------------------------------------------------
    def _read_block(self, state: _DocState, block: Block, following: Block | None = None) -> None:
        bstate = _BlockState()
        text = state.text
        quoted = self._quote_speaker(state, bstate, block) or self._stated_by(state, bstate, block, following)
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
                speaker = own[0] if own else (later[0] if later else None)
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

    def _stated_by(self, state: _DocState, bstate: _BlockState, block: Block, following: Block | None
                   ) -> _Voice | None:
        """"In October, Russia launched 2,023 drones ... This was stated by Air Force spokesman
        Yurii Ihnat": an attribution that follows what it attributes."""
        text = state.text
        sentences = block.sentences[1:] + (following.sentences[:1] if following is not None else [])
        for sent in sentences:
            m = _STATED_BY.match(text, sent.start, sent.end)
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
            return state.publisher_voice
        phrase = speaker.phrase
        if is_pronoun(phrase):
            prior = bstate.speaker or state.last_speaker or state.publisher_voice
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
            if geo:
                region = geo[0].region
                if party is None and geo[0].country in ("UA", "RU"):
                    party = geo[0].country
                if _CITY_SPEAKER.search(phrase) and geo[0].kind == "settlement" and geo[0].region not in CITY_REGIONS:
                    settlement = geo[0]
        name = canonical_name(phrase, party)
        if party is None and name in _CANON_PARTY:
            party = _CANON_PARTY[name]  # "the defence ministry" with no side named is Russia's, as in the canon
        voice = _Voice(name, party, (speaker.start, speaker.end), region, settlement)
        key = _speaker_key(voice)
        known = state.known_voices.get(key or "")
        if party is None and known is not None:
            # "Kim wrote" after "the head of the Mykolaiv administration, Vitaliy Kim, said": the same source
            return _Voice(known.name, known.party, voice.span, known.region, known.settlement)
        if party is not None and key:
            state.known_voices.setdefault(key, voice)
        return voice

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
        if _OUTAGE.search(body) and not _DAMAGE.search(body):
            return  # where power was cut is a consequence, not where strikes landed
        strike = STRIKE_CUE.search(body) is not None
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
            return
        geo = [
            g if all(g.end <= a or g.start >= b for a, b in excluded) else replace(g, kind="region")
            for g in find_geo(text, cs, ce, geocoder=self.geocoder,
                              region_hint=voice.region if voice is not None else None,
                              capital_country=self._capital_country(state, bstate, voice))
        ]
        geo = [g for g in geo if (g.kind != "region" or g.region) and not any(a <= g.start < b for a, b in metonyms)]
        if state.doc.publisher:
            # "told Harbour Street Press": the publisher's name is not a target.
            pub = re.compile(re.escape(state.doc.publisher), re.I)
            excluded = excluded + [(m.start(), m.end()) for m in pub.finditer(text, cs, ce)]
        targets = [
            t for t in find_targets(text, lang="en", start=cs, end=ce)
            if not is_launch_site(text, cs, t.start)
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
        bare_denial = bool(denial) and voice is not None and (strike or bool(state.history)) and not (talks and not strike)
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
            text, cs, ce, voice, geo, counts, excluded, bstate, state.last_direction, denial=bool(denial)
        )
        strength = self._last_strength  # where the struck ground is the only cue, no attacker is named
        if denial:
            # A denial names what it denies ("Russian troops had not targeted the hospital") or
            # answers the other side's latest claim ("Ukraine denied the accusation").
            strong = dir_span is not None and self._last_strength >= 2.5
            inherited = self._accusation(state, party, direction if strong else None)
            if strong and MULTI_DAY.search(text, cs, ce) and _BLANKET.search(text, cs, ce):
                inherited = None  # "had not struck any facility since 18 March": not one night's answer
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

    @staticmethod
    def _referred_draft(state: _DocState, text: str, targets: list[Any], *, with_attacker: bool) -> ClaimDraft | None:
        """The latest earlier claim that a definite target ("the refinery") points back to:
        one naming the same target code (and an attacker, when `with_attacker`)."""
        for t in targets:
            if not re.search(r"\bthe\s+$", text[max(0, t.start - 5) : t.start], re.I):
                continue
            for draft, _stance in reversed(state.history):
                if (draft.attacker or not with_attacker) and any(code == t.code for code, _ in draft.targets):
                    return draft
        return None

    @classmethod
    def _referred_direction(cls, state: _DocState, text: str, targets: list[Any]) -> tuple[str, str] | None:
        """"the refinery had been targeted deliberately" with no side named: the definite
        article points back to the target an earlier claim of the report was about."""
        draft = cls._referred_draft(state, text, targets, with_attacker=True)
        return (draft.attacker, draft.target_country) if draft is not None else None  # type: ignore[return-value]

    @staticmethod
    def _own_earlier_attacker(state: _DocState, voice: _Voice | None) -> str | None:
        key = _speaker_key(voice)
        for draft, stance in reversed(state.history):
            if stance == "asserted" and draft.party == "OTHER" and draft.attacker and key is not None and (
                    key == _source_key(draft.claimant_name)):
                return draft.attacker
        return None

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

    @staticmethod
    def _antecedent(state: _DocState, cs: int, ce: int, exclude: ClaimDraft | None = None
                    ) -> tuple[ClaimDraft, tuple[str, tuple[int, int]]] | None:
        """The earlier claim and target that "the terminal" / "the depot" in this clause
        points back to: a target of that claim whose last word is the same noun."""
        text = state.text
        for m in re.finditer(r"\bthe\s+(?:[\w-]+\s+)?([a-z]{4,})\b", text[cs:ce]):
            noun = m.group(1).lower().rstrip("s")
            for other, stance in reversed(state.history):
                if other is exclude or stance != "asserted" or not other.attacker:
                    continue
                hit = next(((code, span) for code, span in other.targets
                            if text[span[0] : span[1]].lower().split()[-1].rstrip("s") == noun), None)
                if hit is not None:
                    return other, hit
        return None

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
        kinds = [k for k in ("cruise_missile", "ballistic_missile") if k in draft.weapons and draft.weapons[k].counts]
        return kinds[0] if len(kinds) == 1 else phrase.category

    @classmethod
    def _referred_target(cls, state: _DocState, text: str, targets: list[Any]) -> str | None:
        """The struck side of the earlier claim a definite target points back to, unless
        that claim's ground is all occupied (then no side is presented)."""
        draft = cls._referred_draft(state, text, targets, with_attacker=False)
        if draft is None:
            return None
        regions = [code for code, _ in draft.regions]
        return None if regions and all(r in OCCUPIED for r in regions) else draft.target_country

    def _capital_country(self, state: _DocState, bstate: _BlockState, voice: _Voice | None) -> str | None:
        """Whose capital "the capital" is: the struck side of the paragraph or report so far."""
        direction = bstate.direction or state.last_direction
        if direction is not None:
            return direction[1]
        return voice.party if voice is not None and voice.party in ("UA", "RU") else None

    def _accusation(
        self, state: _DocState, party: str | None, direction: tuple[str, str] | None = None
    ) -> ClaimDraft | None:
        for draft, stance in reversed(state.history):
            if stance == "asserted" and draft.party != party and draft.attacker:
                if direction is None or (draft.attacker, draft.target_country) == direction:
                    return draft
        return None

    def _direction(
        self,
        text: str,
        cs: int,
        ce: int,
        voice: _Voice | None,
        geo: list[GeoMention],
        counts: list[CountMention],
        excluded: list[tuple[int, int]],
        bstate: _BlockState,
        doc_direction: tuple[str, str] | None = None,
        *,
        denial: bool = False,
    ) -> tuple[tuple[str, str] | None, tuple[int, int] | None]:
        """(attacker, target_country) with the span of the strongest cue; the
        cue's weight is left in `self._last_strength`. In a denial, "accusing
        Moscow of ..." is a counter-accusation and does not count."""
        self._last_strength = 0.0
        votes = {"UA": 0.0, "RU": 0.0}  # votes for the attacker
        best: tuple[float, tuple[int, int]] | None = None
        party = voice.party if voice is not None else None

        def vote(side: str | None, weight: float, span: tuple[int, int] | None) -> None:
            nonlocal best
            if side not in votes:
                return
            votes[side] += weight
            if span is not None and (best is None or weight > best[0]):
                best = (weight, span)

        def free(m: re.Match[str]) -> bool:
            return all(m.end() <= a or m.start() >= b for a, b in excluded)

        defended = []
        for m in DEFENDER.finditer(text, cs, ce):
            if not free(m):
                continue  # "the Ukrainian Air Force reported": the speaker, not a defence in action
            side = "UA" if m.group("side").lower().startswith("ukrain") else "RU"
            vote(_other(side), 2.0, (m.start(), m.end()))
            defended.append((m.start(), m.end()))
        for m in ACCUSE.finditer(text, cs, ce) if not denial else ():
            who = (m.group("who") or m.group("who2") or "").lower()
            vote("UA" if who.startswith(("ukrain", "kyiv", "the kyiv")) else "RU", 3.0, (m.start(), m.end()))
        for rx, side in ((ACTOR_RU, "RU"), (ACTOR_UA, "UA")):
            for m in rx.finditer(text, cs, ce):
                if free(m) and all(m.end() <= a or m.start() >= b for a, b in defended):
                    # "fuel to the Russian army", "against Ukrainian troops": the side is not acting;
                    # but "lists of Russian strikes", "result of the Russian aggression" still act.
                    before = text[max(cs, m.start() - 16) : m.start()]
                    passive = re.search(r"\b(?:to|for|against|of|on|at|supply|supplies|supplying|where|which|whom)"
                                        r"\s+(?:the\s+)?$", before, re.I)
                    agentive = passive is not None and passive.group(0).lower().startswith("of") and (
                        _ACTION.search(m.group(0)) or re.search(r"\b(?:strikes?|attacks?|drones?|missiles?|units?)\s+of\s+"
                                                                r"(?:the\s+)?$", text[max(cs, m.start() - 30) : m.start()], re.I)
                    )
                    if passive and not agentive:
                        continue
                    if _AIR_DEFENCE.search(m.group(0)):
                        continue  # "a Ukrainian anti-aircraft missile": a defender's interceptor, not an attack
                    if passive and _STRUCK.search(text, max(cs, m.start() - 60), m.start()):
                        continue  # "struck a deployment point of units of the Ukrainian armed forces": the target
                    if _DEFENDS.match(text, m.end(), ce):
                        # "Ukrainian forces downed 61 drones", "Russian forces repelled a Ukrainian drone attack"
                        vote(_other(side), 2.0, (m.start(), m.end()))
                        defended.append((m.start(), m.end()))
                        continue
                    vote(side, 3.0, (m.start(), m.end()))
        if party in ("UA", "RU"):
            for m in ENEMY.finditer(text, cs, ce):
                owned = _OWNED_BY.search(text, max(cs, m.start() - 12), m.start()) or text.startswith(("'s", "’s"), m.end())
                if owned and not _ACTION_AFTER.match(text, m.end()):
                    # "military infrastructure of the aggressor", "the enemy's launchers": the struck side
                    vote(party, 1.5, (m.start(), m.end()))
                    continue
                vote(_other(party), 2.0, (m.start(), m.end()))
            for m in OWN_FORCES.finditer(text, cs, ce):
                if free(m) and not _INTERCEPT_WORDS.search(m.group(0)):
                    vote(party, 2.5, (m.start(), m.end()))
            if any(c.measure in ("intercepted", "lost") for c in counts) or (
                    _INTERCEPT_WORDS.search(text, cs, ce) and _WEAPON_WORD.search(text, cs, ce)):
                # "A launcher and a radar station were destroyed" is a strike, not an interception.
                m2 = _INTERCEPT_WORDS.search(text, cs, ce)
                vote(_other(party), 1.5, (m2.start(), m2.end()) if m2 else None)  # no word to point at: no evidence
        for m in TARGET_UA.finditer(text, cs, ce):
            if free(m) and not is_launch_site(text, cs, m.start()):
                vote("RU", 1.5, (m.start(), m.end()))
        for m in TARGET_RU.finditer(text, cs, ce):
            if free(m) and not is_launch_site(text, cs, m.start()):  # "jets flying over Russia's ..."
                vote("UA", 1.5, (m.start(), m.end()))
        seen: set[str] = set()
        for g in geo:
            if g.country in ("UA", "RU") and g.region not in OCCUPIED and g.country not in seen:
                seen.add(g.country)
                vote(_other(g.country), 1.0, (g.start, g.end))
        if votes["UA"] != votes["RU"]:
            attacker = "UA" if votes["UA"] > votes["RU"] else "RU"
            self._last_strength = best[0] if best else 0.0
            return (attacker, _OTHER[attacker]), best[1] if best else None
        if bstate.direction is not None:
            return bstate.direction, None
        if party in ("UA", "RU"):
            return (_OTHER[party], party), None
        return doc_direction, None

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
            if named is not None and named[0].expr is not None and named[0].expr.kind in ("night", "date") \
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
        return resolve_monitoring_day(mention.expr, published, target), (mention.start, mention.end)

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
            if value == -1:  # "all of them": as many as were launched
                slot = draft.weapons.get(phrase.category)
                launched = slot.counts.get("launched") if slot else None
                if launched is None or not launched.stated:
                    continue
                value = max(n for n, _ in launched.stated)
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
            draft.add_count(category, measure, value, (c.start, c.end),
                            additive=more is not None or other_model or labelled)
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
        for g in geo:
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
