"""Regions, places and seas named in an English clause, resolved through
the project geocoder (`ceasewatch.geocode`), never by reading gazetteer
files here.

Recognised: region lists ("Kharkiv, Sumy and Poltava regions"), single
regions ("the Kyiv region", "Krasnodar Territory", "Republic of Crimea"),
seas, named sites ("Kursk nuclear power plant") and capitalised names that
the geocoder knows as settlements in Ukraine or Russia. Launch sites ("from
the directions of Kursk"), capitals standing for governments ("Kyiv
said") and words inside a speaker phrase are left out by the caller's
`excluded` spans and `LAUNCH_CONTEXT`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..common.fastre import gated
from .lexicon import DEFENCE_SYSTEM_AFTER, LAUNCH_CONTEXT, LAUNCH_RESET, METONYMY

__all__ = ["GeoMention", "find_geo", "is_launch_site", "OCCUPIED", "CITY_REGIONS"]

# Occupied Ukrainian regions keep UA codes but say nothing about which side was hit.
OCCUPIED = frozenset({"UA-43", "UA-40", "UA-14", "UA-09", "UA-23", "UA-65"})
# Cities that are regions of their own: "Kyiv city" is the region, "Kupiansk city" the town.
CITY_REGIONS = frozenset({"UA-30", "UA-40", "RU-MOW", "RU-SPE", "RU-SEV"})

_NAME = r"[A-Z][\w'’.-]*[\w](?:\s+[A-Z][\w'’-]*[\w])?"
_REGION_WORD = r"(?:regions?|oblasts?|Regions?|Oblasts?|provinces?|territories|krais)"
_REGION_LIST = gated(
    r"(?:the\s+)?(?P<names>" + _NAME + r"(?:\s*,\s*" + _NAME + r")*(?:\s*,?\s+(?:and|or)\s+" + _NAME + r"))\s+"
    + _REGION_WORD + r"\b"
)
_REGION_NAMED = (r"(?:the\s+)?(?:" + _NAME + r")\s+(?:region|Region|oblast|Oblast|Krai|krai|Territory|territory|Republic|"
                 r"province|People's\s+Republic)\b|\b(?:the\s+)?Republic\s+of\s+" + _NAME)
_SEAS_CRIMEA = r"\b(?:the\s+)?(?:Black|Azov|Caspian|Baltic)\s+Sea\b|\bSea\s+of\s+Azov\b|\bCrimea\b|\bCrimean\s+peninsula\b"
_REGION_ONE = gated(_REGION_NAMED + "|" + _SEAS_CRIMEA)
_SEA_OR_CRIMEA = gated(_SEAS_CRIMEA)
# Every region-word pattern above needs one of these letters in the clause; most clauses have
# none, and the name-then-keyword patterns are slow to fail at every capitalised word.
_ANY_REGION_WORD = gated(r"region|oblast|krai|territor|province|republic", re.I)
_INCLUDING = gated(r"\bregions?\b[^.;]{0,40}?\bincluding\s+(?P<names>" + _NAME + r"(?:\s*,\s*" + _NAME
                        + r")*(?:\s*,?\s+and\s+" + _NAME + r")?)")
_SITE_TAIL = gated(
    r"\s+(?:nuclear\s+power\s+plant|NPP|hydroelectric\s+power\s+plant|hydro(?:electric)?\s+power\s+station|"
    r"HPP|thermal\s+power\s+plant|TPP|CHP|power\s+plant|power\s+station|oil\s+refinery|refinery|oil\s+terminal|"
    r"oil\s+depot|airfield|air\s+base|airbase|port|dam)\b",
    re.I,
)
_CAPS = gated(r"\b[A-Z][\w'’-]*[\w](?:\s+[A-Z][\w'’-]*[\w])*")
_SKIP_WORDS = frozenset(
    "the a an in on at of and but as by for from with after before during overnight last this that these those "
    "it its he she they we our their his her there here when where while according russia ukraine russian "
    "ukrainian moscow's kyiv's president prime minister foreign defence defense ministry air force general staff "
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august "
    "september october november december telegram background photo caption mayor governor head regional "
    "military administration emergency ministry's national state security service navy army forces "
    "european eu u.s. un nato west western trump putin zelenskiy zelensky shahed geran kalibr kinzhal iskander "
    "iskander-m iskander-k north south east west northern southern eastern western central".split()
)
_TITLE_BEFORE = gated(
    r"(?:President|Minister|Mayor|mayor|governor|Governor|spokesman|spokeswoman|head|Head|Gen\.|General|Mr\.|"
    r"Ms\.|Mrs\.|Lt\.|Col\.|commander|chief|Chief|envoy|Secretary|Patriarch|adviser|aide)\s+$"
)
_SEA_MODIFIER = gated(r"\s+(?:port|Fleet|fleet|coast|ports|city|resort|Shipping|shipping)\b")
_NEAR = gated(r"\bnear\s+(?:the\s+)?$", re.I)
_INTERCEPTED = gated(r"\b(?:shot\s+down|intercepted|downed|destroyed)\b", re.I)
_LOCATOR_GAP = gated(r"\s+(?:in|near|outside)\s+(?:the\s+)?(?:(?:city|town|village)\s+of\s+)?")
_TIME_AFTER = gated(r"\s+time\b")
_RIVER_AFTER = gated(r"\s+(?:river|River|reservoir|Reservoir|lake|Lake|estuary|Estuary|lagoon|Lagoon|spit|Spit|bay|Bay)\b")  # water, not the town
_TOWARDS = gated(r"\b(?:towards?|heading\s+for|in\s+the\s+direction\s+of|flying\s+to|en\s+route\s+to|turn\s+to|"
                      r"(?:on\s+the\s+)?approach(?:es)?\s+to|"
                      # "after Ukrainian forces crossed into Russia's Kursk region": a ground incursion
                      r"(?:crossed|advanced|pushed|broke|incursion)\s+into|"
                      # "passengers boarding a bus to Dnipro": where a vehicle was going, not where anything fell
                      r"(?:bus|buses|train|trains|flight|flights|ferry|convoy|road|highway|motorway)\s+(?:to|for)|"
                      # "taken to hospital in Mykolaiv": where the wounded were treated
                      r"(?:taken|rushed|brought|evacuated|transported|admitted)\s+to\s+(?:a\s+|the\s+)?"
                      r"(?:[\w-]+\s+)?hospital\s+in)\s+"
                      r"(?:the\s+)?(?:(?:Russia|Ukraine)['’]s\s+)?$", re.I)
_CITY_AFTER = gated(r"\s+city\b")
_UNIT_AFTER = gated(r"\s+(?:operational[\s-]+strategic\s+)?(?:group(?:ing)?|brigade|battalion|regiment|division|"
                         r"corps|army|fleet|flotilla)\b", re.I)
_AXIS_AFTER = gated(r"(?:(?:\s*,\s*|\s+(?:and|or)\s+)[A-Z][\w'’-]+)*\s+(?:directions?|axis|axes|sectors?)\b")
_TRAILING_REGION = gated(r"\s*,\s+(?:the\s+)?([A-Z][\w'’-]+)\s+(?:region|Region|oblast|Oblast)\b")
_ADJECTIVAL = gated(r"(?:s[ck]yi|s[ck]iy|s[ck]ij|s[ck]y|nyi|niy|ny|ovy|evy)$", re.I)
_PLACE_INTRO = gated(r"\b(?:town|city|village|settlement|hamlet|community|urban-type\s+settlement)\s+of\s+$", re.I)
_NAMED_FACILITY = re.compile(r"\s+(?:[a-z][\w-]*\s+){0,3}(?:plant|refinery|factory|works|depot|terminal|station|"
                             r"enterprise|airfield|air\s+base)\s+(?:in|near|at|outside)\s+(?:the\s+(?:town|city|village|"
                             r"settlement)\s+of\s+)?(?=[A-Z])")
_POSSESSIVE_S = re.compile(r"['’]s$")
_COUNTRY_POSSESSIVE = gated(r"(?:Russia|Ukraine)['’]s\s+")
# "80 km (50 miles) south of Kyiv", "north-east of Sumy" (but "the south of Odesa" is inside it)
_OUTSIDE_OF = gated(r"(?<!the\s)\b(?:north|south|east|west)(?:-?(?:east|west))?\s+of\s+$", re.I)
# "... in the nearby town of Yuzhnoukrainsk": where something is, whatever "from" came before.
_LOCATED_IN = gated(r"\b(?:in|at|near)\s+the\s+(?:[\w-]+\s+)?(?:town|city|village|settlement)\s+of\s+$", re.I)
_CAPITAL_POSSESSIVE = gated(r"([A-Z][\w-]+)['’]s")
# The region around a city that is a region of its own.
_SURROUNDING = {"UA-30": "UA-32", "RU-MOW": "RU-MOS", "RU-SPE": "RU-LEN", "UA-40": "UA-43"}
_CITY_PART = gated(r"\s+(?:[A-Z][\w'’-]+\s+|(?:northern|southern|eastern|western|central)\s+)?(?:district|neighbou?rhood|"
                        r"outskirts|suburbs?|centre|center|residential\s+area)\b")
_DISTRICT_AFTER = gated(r"\s+(?:district|raion|rayon|municipal\s+district|urban\s+district)\b",
                             re.I)
# Rivers that share a name with a settlement; "on the Volga", "across the Dnipro" name the river.
_RIVERS = frozenset({"volga", "dnipro", "dnieper", "don", "desna", "oskil", "seym", "seim", "sula", "psel", "vorskla",
                     "kuban", "dniester", "southern buh", "inhulets", "samara", "ural", "oka", "kama", "neva",
                     "siverskyi donets", "seversky donets", "donets", "sozh", "pripyat", "ros", "ingul"})
# ... unless a facility or another name follows ("near the Samara refinery").
_RIVER_END = gated(r"\s*(?:[,.;:)]|$)|\s+(?!(?:refiner\w*|plant|port|station|depot|airfield|air\s+base|region|oblast|"
                        r"district|city|terminal|HPP|TPP|NPP|CHP|[A-Z]\w*\s+(?:region|oblast))\b)")
_RIVER_BEFORE = gated(r"\b(?:on|along|across|over|into|of|near|from|beyond|behind)\s+the\s+$", re.I)

_THE_CAPITAL = gated(r"\b(?:the|its|Ukraine's|Russia's)\s+capital(?:'s)?\b", re.I)


@dataclass(frozen=True)
class GeoMention:
    start: int
    end: int
    kind: str  # region, settlement, site, sea
    name: str
    region: str | None
    country: str | None
    lat: float | None = None
    lon: float | None = None


@lru_cache(maxsize=1)
def _default_geocoder() -> Any:
    from ...geocode import default_geocoder

    return default_geocoder()


def is_launch_site(text: str, clause_start: int, pos: int) -> bool:
    """True when the name at `pos` follows "from ..."/"launched from" with no
    strike or interception word in between."""
    window_start = max(clause_start, pos - 200)
    last = None
    for m in LAUNCH_CONTEXT.finditer(text, window_start, pos):
        last = m
    if last is None:
        return False
    return not LAUNCH_RESET.search(text, last.end(), pos)


def _names(group: str) -> list[str]:
    return [n.strip() for n in re.split(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+", group) if n.strip()]


def _best(geo: Any, query: str, kinds: tuple[str, ...], region_hint: str | None = None, floor: float = 0.75,
          exact_region: str | None = None, context: frozenset[str] = frozenset()) -> Any:
    try:
        cands = geo.lookup(query, lang="en", kinds=kinds, limit=3)
    except Exception:  # a broken gazetteer must not stop extraction; the caller sees fewer places
        return None
    near = [c for c in cands if c.kind == "settlement" and c.score >= 0.3 and (
        c.region == exact_region or c.region in context)]
    if near and cands[0] not in near and cands[0].kind == "settlement":
        # One of several same-named settlements (or spellings) is in the region the text names next to
        # it or has already named: that one, even when a namesake elsewhere spells closer.
        cands = near
    for c in cands:
        if c.score < floor and c not in near:
            continue
        if region_hint and c.kind == "settlement" and c.country and c.country != region_hint[:2]:
            continue  # "Zhuravlevka" in a Belgorod governor's post is not the Vinnytsia village
        if c.kind == "sea" or c.country in ("UA", "RU"):
            return c
    return None


def _mention(start: int, end: int, c: Any) -> GeoMention:
    return GeoMention(start, end, c.kind, c.name, c.region, c.country, c.lat, c.lon)


def find_geo(
    text: str,
    start: int,
    end: int,
    *,
    excluded: list[tuple[int, int]] = (),  # type: ignore[assignment]
    capital_country: str | None = None,
    geocoder: Any = None,
    region_hint: str | None = None,
    context_regions: frozenset[str] = frozenset(),
) -> list[GeoMention]:
    """Geographic mentions of `text[start:end]` that are not launch sites."""
    geo = geocoder or _default_geocoder()
    taken: list[tuple[int, int]] = list(excluded)
    for m in METONYMY.finditer(text, start, end):
        taken.append((m.start(), m.end()))
    out: list[GeoMention] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    def add(s: int, e: int, c: Any) -> None:
        if c is None or is_launch_site(text, start, s) and not _LOCATED_IN.search(text, max(start, s - 40), s):
            return
        if _RIVER_AFTER.match(text, e) or _TIME_AFTER.match(text, e) or _TOWARDS.search(text, max(start, s - 30), s):
            return  # "over the Dnipro river", "flying towards Moscow"
        if c.kind in ("settlement", "site") and _OUTSIDE_OF.search(text, max(start, s - 40), s):
            return  # "Bila Tserkva, a city about 80 km south of Kyiv": Kyiv only locates it
        if _AXIS_AFTER.match(text, e) or _UNIT_AFTER.match(text, e) or DEFENCE_SYSTEM_AFTER.match(text, e, end):
            return  # "in the Pokrovsk and Kramatorsk directions", "the Khortytsia group of forces": not places
        if c.kind == "sea" and _SEA_MODIFIER.match(text, e):
            return  # "Black Sea port of Novorossiysk", "Black Sea Fleet": not where anything happened
        if c.kind in ("settlement", "site") and _NEAR.search(text, max(start, s - 6), s) and not _INTERCEPTED.search(
            text, start, end
        ) and c.region in _SURROUNDING:
            # "a railway station near Kyiv": outside the capital, in the region around it
            out.append(GeoMention(s, e, "region", c.name, _SURROUNDING[c.region], c.country))
            return
        if c.kind == "settlement" and (_DISTRICT_AFTER.match(text, e) or _RIVER_BEFORE.search(text, max(start, s - 12), s)
                                       and c.name.lower() in _RIVERS and _RIVER_END.match(text, e)):
            if _DISTRICT_AFTER.match(text, e) and not _ADJECTIVAL.search(text[s:e]):
                # "Mykolaiv district": the district around the town, in the town's region, not the town.
                # ("Shevchenkivskyi district" is a city's borough: its namesake village elsewhere is no clue.)
                out.append(GeoMention(s, e, "region", c.name, c.region, c.country))
            return  # "on the Volga": the river, not the town of Volga
        if c.kind == "settlement" and _CITY_AFTER.match(text, e) and c.region in CITY_REGIONS:
            out.append(GeoMention(s, e, "region", c.name, c.region, c.country))  # "Kyiv city": the region
            return
        out.append(_mention(s, e, c))

    region_words = _ANY_REGION_WORD.search(text, start, end) is not None
    for rx in (_REGION_LIST, _INCLUDING) if region_words else ():
        for m in rx.finditer(text, start, end):
            if not free(m.start(), m.end()):
                continue
            names_start = m.start("names")
            cursor = names_start
            for name in _names(m.group("names")):
                pos = text.find(name, cursor, m.end())
                cursor = pos + len(name)
                add(pos, pos + len(name), _best(geo, name + " region", ("region",)))
            taken.append((m.start(), m.end()))
    for m in (_REGION_ONE if region_words else _SEA_OR_CRIMEA).finditer(text, start, end):
        if free(m.start(), m.end()):
            # "Russia's Voronezh region": the country's possessive is not part of the region's name
            own = _COUNTRY_POSSESSIVE.match(text, m.start(), m.end())
            s0 = own.end() if own else m.start()
            add(s0, m.end(), _best(geo, text[s0 : m.end()], ("region", "sea")))
            taken.append((m.start(), m.end()))
    for m in _CAPS.finditer(text, start, end):
        s, e = m.start(), m.end()
        lead = next((b for a, b in taken if a <= s < b < e), None)
        if lead is not None:
            # "Ukraine's Khmelnytskyi Nuclear Power Plant": the possessive is taken, the name is not.
            nxt = re.compile(r"\s*([A-Z])").match(text, lead, e)
            if nxt is None:
                continue
            s = nxt.start(1)
        if not free(s, e):
            continue
        words = text[s:e].split()
        own = _CAPITAL_POSSESSIVE.match(text, s, e)
        if own and _CITY_PART.match(text, own.end(), end):
            # "Kyiv's Sviatoshynskyi district", "Moscow's southern outskirts": the city, not its government.
            add(s, s + len(own.group(1)), _best(geo, own.group(1), ("settlement",)))
            taken.append((s, e))
            continue
        while words and _POSSESSIVE_S.sub("", words[0].lower()).strip("'’") in _SKIP_WORDS:
            s = text.find(words[1], s + len(words[0])) if len(words) > 1 else e
            words = words[1:]
        while words and words[-1].lower().strip("'’") in _SKIP_WORDS:
            e = text.rfind(words[-1], s, e)
            e = len(text[:e].rstrip()) if e > s else s
            words = words[:-1]
        if not words or e <= s or _TITLE_BEFORE.search(text[max(start, s - 20) : s]):
            continue
        name = text[s:e]
        if name.lower() in _SKIP_WORDS or name.endswith("'s") and name[:-2].lower() in _SKIP_WORDS:
            continue
        tail = _SITE_TAIL.match(text, e, end)
        cand = None
        if tail:
            cand = _best(geo, text[s : tail.end()], ("site",))
            if cand is not None:
                e = tail.end()
        if cand is None:
            clean = _POSSESSIVE_S.sub("", name)
            # "the town of Graivoron": the words say it is a place, so a spelling variant will do.
            placey = _PLACE_INTRO.search(text, max(start, s - 30), s) is not None
            # "Kostiantynivka, Donetsk region": the region named right after picks among same-named villages
            trailing = _TRAILING_REGION.match(text, e, end)
            named = _best(geo, trailing.group(1) + " region", ("region",)) if trailing else None
            cand = _best(geo, clean, ("settlement", "site", "region", "sea"), region_hint, 0.69 if placey else 0.75,
                         exact_region=named.region if named is not None else None, context=context_regions)
            if cand is not None and cand.kind == "region" and len(clean.split()) == 1 and clean not in ("Crimea",):
                cand = None  # bare stems ("Kursk") name cities, or launch directions
        if cand is not None:
            add(s, e, cand)
        taken.append((s, e))
    if capital_country in ("UA", "RU"):
        for m in _THE_CAPITAL.finditer(text, start, end):
            if free(m.start(), m.end()):
                add(m.start(), m.end(), _best(geo, "Kyiv" if capital_country == "UA" else "Moscow", ("settlement",)))
    out.sort(key=lambda g: g.start)
    kept: list[GeoMention] = []
    for i, g in enumerate(out):
        prev = kept[-1] if kept else None
        if (prev is not None and prev.kind == "site" and g.kind == "settlement"
                and _LOCATOR_GAP.fullmatch(text[prev.end : g.start])):
            continue
        named = _NAMED_FACILITY.match(text, g.end, end)
        if g.kind == "settlement" and named is not None and any(
                o.kind == "settlement" and o.start == named.end() for o in out[i + 1 :]):
            continue  # "the Tambov gunpowder plant in the town of Kotovsk": the plant's name, not where it is
        kept.append(g)
    return kept
