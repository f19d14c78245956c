"""What the English extractor keeps while it reads a report, and the clause-level cue
patterns its rules share: the document and paragraph state (voices, days, directions,
lists), the markup mask that keeps offsets exact, and source keys."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

from ...model import Document
from ..common.builder import ClaimBuilder, ClaimDraft
from ..common.dates import TIME_ZONES
from ..common.fastre import gated
from .counts import CountMention, WeaponPhrase
from .dates import DateMention
from .geo import GeoMention
from .segment import AFTER_EVENT

# Longer texts are cut here: reports are a few KB, and rules are linear anyway.
MAX_CHARS = 200_000

_MODAL = gated(
    r"\b(?:would|will|could(?!\s+not\b|n['’]t)|might|may\s+have|plans?\s+to|planning|preparing|pretext|threaten\w*|vow(?:ed|s)|"
    r"promis\w+|ready\s+to|going\s+to|intends?|unless|retaliation|warned|(?:meant|intended|designed)\s+to)\b",
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

_NAME_HEADING = re.compile(r"\W{0,6}[A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+){0,2}\.\s*")
_THE_REGION = gated(r"\b(?:the|this)\s+(?:region|oblast|province)\b(?!\s+of|['’]s)", re.I)
_THE_CITY = gated(r"\b(?:the|this)\s+(?:city|town)\b(?!\s+of)", re.I)

_LIST_CUE = gated(r":\s*$|\b(?:drones?|UAVs?|missiles?|bombs?)\b", re.I)

_REGIONAL_SPEAKER = gated(r"\b(?:governor|regional|region|oblast|mayor|administration|headquarters|city)\b",
                               re.I)

# An actor phrase followed by an interception of weapons is the defender, not the attacker.
_DEFENDS = gated(
    r"\s+(?:(?:reportedly|have|has|had|also|successfully)\s+)*(?:shot\s+down|downed|intercepted|repelled|repulsed|"
    r"destroyed|neutrali[sz]ed)\s+(?:[\w,\"“”-]+\s+){0,5}?(?:drones?|UAVs?|missiles?|rockets?|bombs?|(?:drone\s+)?attacks?|"
    r"Shaheds?|Gerans?|projectiles|Kh-\d+\w*|Kalibrs?|Iskanders?|Kinzhals?|cruise|ballistic|(?:air\s+)?targets)\b",
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

# ("agency" alone is no outlet: the International Atomic Energy Agency is a third party that reports)
_MEDIA = gated(r"\b(?:news|wire|press|world\s+service|reuters|AP|AFP|associated\s+press|agence\s+france-presse|BBC|CNN|"
               r"al\s+jazeera|bloomberg|guardian|dpa|(?:news|press|information|photo)\s+agency|times|post|herald|media|"
               r"tv|monitor|daily|independent|journal|gazette|tribune|review|observer|radio|online|pravda|truth|insider|"
               r"dispatch|chronicle|courier|bulletin)\b", re.I)

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

_NEGATED_CUE = gated(r"\bair[\s-]raid\s+(?:alarms?|alerts?|sirens?|warnings?)\b|"  # an alert is no strike
                     r"\bno\s+(?:[\w-]+\s+){0,2}?(?:damage|hits?|strikes?|attacks?|explosions?|fires?|debris)\b|"
                     r"\b(?:not|never)\s+(?:been\s+)?(?:damaged|hit|struck|attacked|affected|shelled|targeted|"
                     r"bombed)\b|"
                     # "did not report any attacks on the capital", "made no mention of strikes"
                     r"\b(?:did|does|has|had)\s+not\s+(?:report|mention|record|confirm)\s+(?:any\s+)?(?:[\w-]+\s+)?"
                     r"(?:attacks?|strikes?|damage|hits?|casualties|explosions?)\b", re.I)
# "taken to hospital", "treated in a local hospital": where the wounded went, not what was struck
_TREATED_AT = gated(r"\b(?:taken|rushed|brought|evacuated|transported|admitted|treated)\s+(?:to|in|at)\s+(?:a\s+|the\s+)?"
                    r"(?:[\w-]+\s+)?$", re.I)
_INFORMED_BY = gated(r"\b(?:informed|told|notified|alerted)\s+by\s+$", re.I)
_HURT = gated(r"\b(?:died|hurt|wounds|burns|concussion|suffered|sustained|(?:baro)?trauma)\b", re.I)

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

# "Source: General Staff of the Armed Forces of Ukraine": the line that names whose account a
# report retells (the lead above it and the "Quote:"/"Details:" paragraphs below).
_SOURCE_LINE = gated(r"(?:<[^>]{1,40}>\s*)*Sources?:\s+([A-Z][^\n.;:\"“”<]{2,100}?)\s*(?:[.;<]|$)", re.M)
_STATED_BY = gated(
    r"(?:<[^>]{1,40}>\s*)*(?:This|That|It|These\s+figures|The\s+figures)\s+(?:was|were)\s+(?:stated|said|reported|"
    r"announced|written|confirmed|published)\s+by\s+(?:the\s+)?([A-Z][^,.;:()\"“”<]{2,80}?)(?=\s*(?:[,.;(<]|during|on|in|at|$))"
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
    r"(?:strikes|attacks|shelling|bombardment)\b|"
    r"\b(?:has|have|had)\s+in\s+the\s+past\b|\bin\s+the\s+past\s+(?:accused|struck|attacked|targeted)\b", re.I
)  # ("Russia has in the past accused Ukraine of attacking the Kursk plant": background)

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

@lru_cache(maxsize=4096)  # asked for every earlier claim each time a clause looks back through the report
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
    source_voice: _Voice | None = None  # named by a "Source: X" line
    named_regions: set[str] = field(default_factory=set)  # regions of the report's places so far
    last_region: str | None = None  # the region of the report's latest place, for "the region"
    unlabelled_slots: set[tuple[int, str, str]] = field(default_factory=set)  # (draft, category, measure) totals
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
