"""The offline gazetteer: "what is this span?" -> scored `Candidate`s.

Lookup order for one query (see normalize.py for the keys):

1. split off a trailing region ("Краснопілля, Сумська область",
   "Krasnopillia (Sumy region)", "с. Краснопілля Сумської області"): it
   becomes the region hint for the rest;
2. exact surface key, then lemmatised keys (Ukrainian/Russian inflection),
   then the transliteration skeleton, stopping at the first step that hits;
3. generic words decide the kind: "region/область/край" keeps regions,
   "sea/море" keeps seas, "city/село/м." prefers settlements;
4. scoring: match quality x context (region hint, country hint) x the square
   root of the candidate's share of population among same-named places. A
   name that is also a country or a common word never scores >= 0.5 as a
   settlement, so callers that accept one candidate >= 0.5 are not misled.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from functools import lru_cache

from .base import Candidate
from .build import IndexData
from .names import REGION_WORDS, SEA_WORDS, SETTLEMENT_WORDS
from .normalize import (
    _MORPH,
    has_cyrillic,
    lemma_keys_of_words,
    nominative_guesses,
    script_language,
    skeleton,
    tokens,
)

__all__ = ["Gazetteer"]

_Q_SURFACE, _Q_LEMMA, _Q_SKELETON = 1.0, 0.95, 0.7
_WEAK_REGION = 0.5  # a bare stem such as "Kursk" read as the region
_HINT_MISMATCH = 0.15
_COUNTRY_MISMATCH = 0.4
_SHADOWED = 0.45  # a settlement whose name is also a country, a strong region or a sea
_COMMON_WORD = 0.4
_PERSON_NAME = 0.45  # "Воробьёв", "Олег": a person's name reached only by inflection or fuzzing
_MAX_CANDIDATES = 25  # callers ask for a handful; the rest is noise

# English words (and transliterated Russian ones) that are also names of
# small places, or that a careless span may hold: never a confident settlement.
_COMMON_EN = frozenset(
    """a an the and or of in on at by to for as is it its be was were are has had have not no yes all any
    one two three first last this that these those with from into over under after before during while
    mir pobeda victory peace hope may march front north south east west central new old red green white
    black blue star sea river lake bay port field forest energy power plant station school hospital city
    town village region oblast border line zero air force forces army navy defence defense ministry staff
    general governor president mayor head chief official officials spokesman drone drones missile missiles
    attack attacks strike strikes night morning evening today yesterday monday tuesday wednesday thursday
    friday saturday sunday ukraine russia novyi novy nova stary staryi zarya zarechnyi lenina sovetskiy
    ivan oleh maksym olga pavlo petro mykola vasyl serhii sergei andriy andrei oleksandr aleksandr""".split()
)
_COMMON_CYRILLIC = frozenset(
    """мир перемога победа слава зоря заря дружба прогрес прогресс степ степь поле лиман гай яр балка
    нове новое нова новая старе старое жовтневе октябрьское червоне красное""".split()
)
_CONJUNCTION = re.compile(r"\s+(?:and|і|й|та|и)\s+|\s*&\s*", re.IGNORECASE)
# Plural generic words of a coordinated list, as the singular each conjunct takes.
_PLURAL_GENERIC = {
    "regions": "region", "oblasts": "oblast", "provinces": "province", "областях": "область",
    "областей": "область", "областям": "область", "областями": "область", "області": "область",
    "области": "область", "краях": "край", "країв": "край", "краям": "край",
}  # fmt: skip
_SPLITTERS = re.compile(
    r"\s*[,;()]\s*|\s+(?:in|near|of the|у|в|во)\s+(?=\S+\s+(?:region|oblast|область|области|області|краю|край|krai))"
)


def _unpack(postings: Iterable[int]) -> list[tuple[int, int]]:
    """(entry id, flags): flag 1 weak alias, flag 2 alternate name. An entry
    reached by several aliases keeps the strongest reading."""
    merged: dict[int, int] = {}
    for p in postings:
        merged[p >> 2] = merged.get(p >> 2, 3) & (p & 3)
    return list(merged.items())


class Gazetteer:
    """Geocoder over a compiled `IndexData`; see the module docstring."""

    def __init__(self, data: IndexData, *, shapes_factory=None) -> None:
        self.name = data.version
        self._data = data
        self._shapes = None
        self._shapes_factory = shapes_factory
        self._region_entries = {e[2]: i for i, e in enumerate(data.entries) if e[1] in ("region", "sea")}
        # Claims repeat the same few hundred names: memoise whole lookups.
        self._cached = lru_cache(maxsize=50_000)(self._lookup)

    # -- public API ---------------------------------------------------------
    def lookup(
        self,
        text: str,
        *,
        lang: str | None = None,
        region_hint: str | None = None,
        country_hint: str | None = None,
        kinds: tuple[str, ...] | None = None,
        limit: int = 5,
    ) -> list[Candidate]:
        """Candidates for `text`, best first (see the module docstring)."""
        if not text or not text.strip():
            return []
        found = self._cached(text, lang, region_hint, country_hint, tuple(kinds) if kinds else None)
        return list(found[: max(limit, 0)])

    def clear_cache(self) -> None:
        self._cached.cache_clear()

    def region_of_point(self, lat: float, lon: float) -> str | None:
        if self._shapes is None:
            from .shapes import RegionShapes

            self._shapes = (self._shapes_factory or RegionShapes)()
        return self._shapes.region_of_point(lat, lon)

    # -- internals ----------------------------------------------------------
    def _lookup(
        self,
        text: str,
        lang: str | None,
        region_hint: str | None,
        country_hint: str | None,
        kinds: tuple[str, ...] | None,
    ) -> tuple[Candidate, ...]:
        parts = [p for p in _SPLITTERS.split(text) if p and p.strip()]
        if not parts:
            return ()
        listed = self._coordinated(text, lang, kinds)
        if listed:
            return listed
        name = parts[0]
        for extra in parts[1:]:
            hint = self._context_hint(extra, lang)
            if hint and hint.kind == "region" and region_hint is None:
                region_hint = hint.region
            elif hint and hint.kind == "country" and country_hint is None:
                country_hint = hint.country
        words = tokens(name)
        if not words or sum(ch.isalpha() for ch in "".join(words)) < 3:
            return ()  # "As", "Ю": too short to name a place
        whole = self._resolve(words, lang, region_hint, country_hint, kinds)
        if not whole and (kinds is None or "region" in kinds):
            whole = self._region_of_capital(words, lang)
        if whole and whole[0].score >= 0.5:
            return tuple(whole)  # "Nizhny Novgorod region" is one name, not "Nizhny" in Novgorod region
        if region_hint is None and (kinds is None or "region" not in kinds):
            head, hint = self._split_trailing_region(words, lang)
            if hint:
                found = self._resolve(head, lang, hint, country_hint, kinds)
                if found:
                    return tuple(found)
        return tuple(whole)

    def _region_of_capital(self, words: list[str], lang: str | None) -> list[Candidate]:
        """A region named after its main city, as people often write it
        ("Lutsk oblast", "Kropyvnytskyi region"): that city's region, scored lower."""
        generic = [w for w in words if w in REGION_WORDS]
        rest = [w for w in words if w not in REGION_WORDS]
        if not generic or not rest:
            return []
        town = self._resolve(rest, lang, None, None, ("settlement",))
        if not town or town[0].score < 0.5 or town[0].region not in self._region_entries:
            return []
        entry = self._data.entries[self._region_entries[town[0].region]]
        return [self._candidate(entry, 0.6 * town[0].score)]

    def _coordinated(
        self, name: str, lang: str | None, kinds: tuple[str, ...] | None
    ) -> tuple[Candidate, ...]:
        """Lists such as "Kursk and Belgorod regions" or "в Курской и
        Белгородской областях": one region candidate per conjunct, in the order
        written, when every conjunct resolves; the shared generic word is lent
        to the others."""
        pieces = _CONJUNCTION.split(name)
        if len(pieces) < 2 or (kinds and "region" not in kinds):
            return ()
        # "Sumy, Kharkiv and Odesa regions": commas separate too, once a
        # conjunction shows the span is a list.
        pieces = [p for piece in pieces for p in piece.split(",")]
        last = tokens(pieces[-1])
        if not last or last[-1] not in REGION_WORDS:
            return ()
        generic = [_PLURAL_GENERIC.get(last[-1], last[-1])]
        found: list[Candidate] = []
        for piece in pieces:
            words = tokens(piece)
            if not words:
                return ()
            if words[-1] in REGION_WORDS:
                words = words[:-1]
            best = self._resolve(words + generic, lang, None, None, ("region",))
            if not best or best[0].score < 0.5:
                return ()
            found.append(best[0])
        return tuple(dict.fromkeys(found))

    def _context_hint(self, text: str, lang: str | None) -> Candidate | None:
        found = self._resolve(tokens(text), lang, None, None, ("region", "country"))
        return found[0] if found and found[0].score >= 0.5 else None

    def _split_trailing_region(self, words: list[str], lang: str | None) -> tuple[list[str], str | None]:
        """A region written after the name is its hint:
        "краснопілля сумської області" -> (["краснопілля"], "UA-59")."""
        if len(words) < 2 or not any(w in REGION_WORDS for w in words[1:]):
            return words, None
        for cut in range(1, len(words) - 1):
            tail = self._resolve(words[cut:], lang, None, None, ("region",))
            if tail and tail[0].score >= 0.5:
                head = words[:cut]
                while len(head) > 1 and head[-1] in ("in", "у", "в", "во", "of"):
                    head = head[:-1]
                return head, tail[0].region
        return words, None

    def _postings(self, words: list[str], lang: str | None) -> tuple[list[tuple[int, int]], float]:
        data = self._data
        key = " ".join(words)
        stripped = [w for w in words if w not in SETTLEMENT_WORDS and w not in ("of",)] or words
        for k in dict.fromkeys((key, " ".join(stripped))):
            hits = data.surface.get(k)
            if hits:
                return _unpack(hits), _Q_SURFACE
        if has_cyrillic(key):
            for variant in dict.fromkeys((tuple(words), tuple(stripped))):
                # every guess that names a place: "Черноморском" is Chornomorsk's instrumental or
                # Chornomorske's locative, and only the region around it can tell
                guessed: list[tuple[int, int]] = []
                for guess in nominative_guesses(variant):
                    hits = data.surface.get(guess)
                    if hits:
                        guessed += [h for h in _unpack(hits) if h not in guessed]
                if guessed:
                    return guessed, _Q_LEMMA
            language = script_language(key, lang)
            for variant in dict.fromkeys((tuple(words), tuple(stripped))):
                # Every reading of the words, not just the first: "Києві" is
                # first the name "Кий", then the city.
                hits = ()
                for lkey in lemma_keys_of_words(variant, language):
                    hits += data.lemma.get(lkey, ()) + data.surface.get(lkey, ())
                if hits:
                    return _unpack(hits), _Q_LEMMA
        skel = skeleton(" ".join(stripped))
        if len(skel) >= 3 and skel in data.skel:
            return _unpack(data.skel[skel]), _Q_SKELETON
        return [], 0.0

    def _resolve(
        self,
        words: list[str],
        lang: str | None,
        region_hint: str | None,
        country_hint: str | None,
        kinds: tuple[str, ...] | None,
    ) -> list[Candidate]:
        if not words:
            return []
        postings, quality = self._postings(words, lang)
        if not postings:
            return []
        entries = self._data.entries
        wanted = kinds
        if wanted is None:
            if any(w in REGION_WORDS for w in words):
                wanted = ("region",)
            elif any(w in SEA_WORDS for w in words):
                wanted = ("sea",)
        picked = [(i, flags) for i, flags in postings if wanted is None or entries[i][1] in wanted]
        if not picked and kinds is None:
            picked = postings  # the generic word misled us ("Azov" region?): keep all readings
        if not picked:
            return []
        region_hint = region_hint.upper() if region_hint else None
        country_hint = country_hint.upper() if country_hint else None
        shadowing = {
            entries[i][1]
            for i, flags in picked
            if not flags & 1 and entries[i][1] in ("country", "sea", "site")
        }
        if any(entries[i][1] == "region" and not flags & 1 for i, flags in picked):
            shadowing.add("region")
        # Small places named after common words ("Мир", "Победа"): never confident.
        has_settlement = any(entries[i][1] == "settlement" for i, _ in picked)
        common = len(words) == 1 and has_settlement and self._is_common_word(words[0], lang)
        listed_common = common and (words[0] in _COMMON_EN or words[0] in _COMMON_CYRILLIC)
        person = (
            quality < _Q_SURFACE
            and len(words) == 1
            and has_settlement
            and self._is_person_name(words[0], lang)
        )

        rows = []  # (entry, flags, context factor, settlement weight)
        total = 0.0
        for i, flags in picked:
            e = entries[i]
            c = 1.0
            if region_hint and e[2] != region_hint and e[1] in ("settlement", "site", "region"):
                c = _HINT_MISMATCH if e[1] != "region" else 0.6
            if country_hint and e[3] and e[3] != country_hint:
                c *= _COUNTRY_MISMATCH
            weight = 0.0
            if e[1] == "settlement":
                # A place whose main name is the query outweighs one that merely
                # lists it among alternates (GeoNames gives Belgorod "Bilhorod-Dnistrovskyi").
                weight = math.sqrt(e[7] + 50) * c * (0.1 if flags & 2 else 1.0)
                total += weight
            rows.append((i, e, flags, c, weight))
        total = total or 1.0
        best: dict[tuple, tuple[float, int]] = {}
        for i, e, flags, c, weight in rows:
            score = quality * c
            if e[1] == "settlement":
                score *= math.sqrt(weight / total)
                if shadowing:
                    score *= _SHADOWED
                if common and (listed_common or e[7] < 20_000):
                    score *= _COMMON_WORD
                if person:
                    score *= _PERSON_NAME
                if e[4] is None:
                    score *= 0.9  # known only to its oblast
            elif flags & 1:
                score *= _WEAK_REGION
            # Same-named villages of one oblast without coordinates are one reading.
            ident = (e[1], e[2], e[6] or e[0])
            if ident not in best or best[ident][0] < score:
                best[ident] = (score, i)
        ranked = sorted(
            best.values(), key=lambda si: (-si[0], entries[si[1]][1] != "settlement", entries[si[1]][0])
        )
        return [self._candidate(entries[i], score) for score, i in ranked[:_MAX_CANDIDATES]]

    def _candidate(self, e: tuple, score: float) -> Candidate:
        return Candidate(
            name=e[0],
            kind=e[1],
            region=e[2],
            country=e[3],
            lat=e[4],
            lon=e[5],
            score=round(min(score, 1.0), 4),
            geonames_id=e[6],
            precision=e[8],
            source=self.name,
        )

    @staticmethod
    @lru_cache(maxsize=50_000)
    def _is_person_name(word: str, lang: str | None) -> bool:
        """A Cyrillic word whose dictionary reading is a first name, surname
        or patronymic and not a place."""
        # Only the Russian dictionary marks places (Geox) apart from people.
        if not has_cyrillic(word) or script_language(word, lang) == "uk":
            return False
        for parse in _MORPH.analyser("ru").parse(word)[:2]:
            grammemes = parse.tag.grammemes
            if "Geox" in grammemes:
                return False
            if parse.is_known and {"Name", "Surn", "Patr"} & grammemes:
                return True
        return False

    @staticmethod
    @lru_cache(maxsize=50_000)
    def _is_common_word(word: str, lang: str | None) -> bool:
        if word in _COMMON_EN:
            return True
        if not has_cyrillic(word):
            return False
        if word in _COMMON_CYRILLIC:
            return True
        if script_language(word, lang) == "uk":
            return False  # the Ukrainian dictionary does not mark place names (no Geox)
        parse = _MORPH.analyser("ru").parse(word)[0]
        grammemes = parse.tag.grammemes
        # A dictionary word that is not a proper name: "мир", "победа", "слава".
        return bool(
            parse.is_known
            and not ({"Geox", "Name", "Surn", "Patr", "Orgn", "Abbr"} & grammemes)
            and parse.tag.POS in ("NOUN", "ADJF", "ADVB", "VERB", "INFN", "CONJ", "PREP")
        )
