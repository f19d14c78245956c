"""What each place is to a strike: struck or intercepted over (kept), or a
launch site, a destination, where the wounded were treated, where power went
out, the speaker's own office (left out).

A cue governs the places that follow it in a list ("from the directions of
Kursk, Oryol and Millerovo"): everything up to the next verb, figure or
weapon belongs to it.
"""

from __future__ import annotations

from ..mentions import PlaceMention
from .model import Fact
from .rules import Example, register
from .view import SentenceView

__all__ = ["place_roles", "read_places"]

STRUCK = register("place.struck", "a place where weapons struck, fell, or were shot down",
                  Example("Russian drones hit an apartment block in Kharkiv overnight, the mayor said.", "en",
                          {"regions": ["UA-63"], "places": [{"name": "Kharkiv"}]}))
LAUNCH = register("place.launch_site", "a launch site or launch direction is never a place or region of the claim",
                  Example("The enemy attacked with 40 drones launched from Kursk and Millerovo, the air force said.", "en",
                          {"regions": []}))
ACTIVE = register("place.air_defence_active", "'air defence was working in X': X is where the attack went",
                  Example("Overnight Russian drones attacked Ukraine. Air defence was working in the Sumy region, "
                          "the air force said.", "en", {"regions": ["UA-59"]}))

_LOCATIVE = frozenset({"in", "at", "on", "near", "over", "в", "у", "на", "над", "під", "под", "біля", "около", "во"})
_GOVERNING = {"launch_site": "launch", "toward": "toward", "treated": "treated", "outage": "outage"}
_STOP_GROUPS = frozenset({"attack", "intercept", "hit", "lost", "launch", "damage", "killed", "injured", "over",
                          "speech", "air_defence_active"})


def place_roles(v: SentenceView, speakers: list[tuple[int, int]]) -> dict[int, str]:
    """Role of each place mention of the sentence, by id()."""
    roles: dict[int, str] = {}
    places = sorted(v.m.places, key=lambda p: p.tok_start)
    metonyms = [x for x in v.m.actors if x.kind == "government" and _acts(v, x)]
    modified = {x.tok_start for x in v.m.actors if x.kind in ("forces", "enemy")}
    for p in places:
        if any(x.tok_start <= p.tok_start < x.tok_end for x in metonyms):
            roles[id(p)] = "speaker"  # "Moscow said", "Kyiv denies": a capital standing for its government
            continue
        if v.a.lang == "en" and p.tok_end in modified and p.kind in ("settlement", "country") and not (
                p.tok_start > v.s.start and v.tokens[p.tok_start - 1].lower in _LOCATIVE):
            # "Kiev terrorists", "Kyiv regime": a name that says whose, not where (English word order only: "по
            # посёлку Суземка противник выпустил" is where)
            roles[id(p)] = "speaker"
            continue
        if p.kind == "country":
            roles[id(p)] = "country"
        elif any(s <= p.tok_start and p.tok_end <= e + 4 for s, e in speakers) or any(
                s == p.tok_end for s, e in speakers):
            roles[id(p)] = "speaker"
    for cue in v.m.cues:
        role = _GOVERNING.get(cue.group)
        if role is None:
            continue
        k = cue.tok_end
        for p in places:
            if p.tok_start < k:
                continue
            if _interrupted(v, k, p.tok_start):
                break
            roles.setdefault(id(p), role)
            k = p.tok_end
    for p in places:
        roles.setdefault(id(p), "struck")
    return roles


_ACCUSE = frozenset({"accused", "accuses", "accuse", "accusing", "blamed", "blames", "blame", "blaming", "звинуватити", "звинувачувати",
                     "обвинить", "обвинять"})
_ACTS = frozenset({"speech", "attack", "launch", "denial", "intercept"})


def _acts(v: SentenceView, x) -> bool:  # type: ignore[no-untyped-def]
    """The actor speaks or acts: a verb right after it, or "by" right before it."""
    after = any(v.groups(k) & _ACTS for k in range(x.tok_end, min(v.s.end, x.tok_end + 2)))
    # "accused Kyiv of", "обвинили Киев": the accused government
    before = x.tok_start > v.s.start and (v.tokens[x.tok_start - 1].lower in ("by", "from")
                                          or v.tokens[x.tok_start - 1].norm in _ACCUSE)
    return after or before


def _interrupted(v: SentenceView, start: int, end: int) -> bool:
    if end - start > 8:
        return True
    for k in range(start, end):
        if k in v.number_at or k in v.weapon_at or v.groups(k) & _STOP_GROUPS:
            return True
        if v.tokens[k].text in (";", "."):  # "Chauda (Crimea), Kursk": brackets stay inside a list
            return True
    return False


def read_places(v: SentenceView, roles: dict[int, str]) -> tuple[list[Fact], list[Fact]]:
    """(regions, places) the claim gets from this sentence."""
    regions: list[Fact] = []
    places: list[Fact] = []
    rule = ACTIVE if v.cues("air_defence_active") else STRUCK
    outage_only = bool(v.cues("outage")) and not v.cues("attack", "intercept", "hit", "damage", "launch")
    for p in v.m.places:
        role = roles.get(id(p), "struck")
        if role != "struck" or outage_only:
            continue
        if p.region:
            regions.append(Fact(p.region, p.start, p.end, rule))
        if p.kind in ("settlement", "site") and not p.district:
            places.append(Fact(p, p.start, p.end, rule))
    return regions, places


def launch_places(v: SentenceView, roles: dict[int, str]) -> list[PlaceMention]:
    return [p for p in v.m.places if roles.get(id(p)) == "launch"]
