"""Regions, seas and settlements named in the text, resolved by the
project geocoder (`ceasewatch.geocode`); this module only finds the phrases.

Phrases tried:
- region heads with their adjectives, coordinated ones expanded: "у
  Київській, Чернігівській та Донецькій областях" -> three lookups of
  "київська область", ...; "над территорией Республики Крым";
- seas: "над акваторией Чёрного моря", "над Азовським морем";
- capitalised names ("Сумщині", "Подмосковье", "Тернополю", "в селе
  Разумное"); a sentence-initial word only when it is a headline on its own
  or the subject of an attack ("Белгород подвергся ..."), so ordinary
  capitalised words never reach the gazetteer;
- town adjectives before a facility or district ("Сизранський НПЗ",
  "Домодедовском округе", "Ізмаїльський район") -> the town.
Launch sites, quotes, parentheses and destinations ("потяг до Києва") are
skipped, and so are a closing signature and a news dateline. A same-named
place takes the reading in the document's own regions (those it names, and
the publisher's: "Харківська ОВА"); inflected compounds ("в
Каменске-Шахтинском") are retried in the nominative; the region in an
office's title ("губернатор Курской области") is marked as such.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ...geocode.base import Candidate
from .morph import Analyzer, Tok
from .scan import Scan

__all__ = ["GeoFact", "find_geo"]

_ACCEPT = 0.5
_ALTERNATIVE = 0.25  # a weaker reading of a name, kept in case the document's regions favour it
# offices whose region is theirs, not a struck one: "губернатор Курской области", "глава администрации"
_TITLES = {
    "губернатор", "глава", "голова", "начальник", "мэр", "врио", "администрация", "адміністрація",
    "правительство", "уряд", "оперштаб", "штаб", "власти", "влада", "аппарат",
}
_FROM = {"з", "із", "зі", "с", "со", "из"}  # launch sites; "в 45 км от X" is a distance
# a capital after these is the government speaking or ruling, not a struck city
_VOICE = {
    "режим", "заявление", "заява", "утверждение", "твердження", "версия", "версія", "позиция", "позиція",
    "обвинение", "звинувачення", "ответ", "відповідь", "требование", "вимога",
}
# street heads: the name after them is a street's, not a settlement's
_STREETS = {
    "улица", "ул", "проспект", "пр-т", "переулок", "пер", "бульвар", "шоссе", "площадь", "набережная", "проезд",
    "вулиця", "вул", "провулок", "площа", "набережна", "узвіз", "шосе", "майдан",
}
# "атакував столицю": the capital of the struck side (kept only where it fits the claim's target)
_CAPITAL_WORDS = {"столиця", "столица"}
_LINK_WORDS = {"на", "над", "под"}  # "Ростов-на-Дону", "Славянск-на-Кубани"
_AT = {"у", "в", "во", "під", "под", "біля", "возле", "поблизу", "над"}  # prepositions of place
_INHABITED = {"населений", "населенный"}
_CAPITALS = (("Київ", "UA"), ("Москва", "RU"))
# a quoted facility name that is its town's name: "станцію «Унеча»", "аэродром «Бельбек»"
_NAMED_FACILITIES = {
    "станція", "станция", "підстанція", "подстанция", "аеродром", "аэродром", "нафтобаза", "нефтебаза",
    "нпз", "порт", "термінал", "терминал",
}


@dataclass
class GeoFact:
    kind: str  # "region" or "place"
    region: str | None
    span: tuple[int, int]
    sentence: int
    token: int
    name: str = ""
    lat: float | None = None
    lon: float | None = None
    district: bool = False  # a district read as its centre town
    capital_of: str | None = None  # "столицю": the capital of this side, if the claim's target is it
    guessed: bool = False  # a town read from an adjective ("Білопільська громада"): weak evidence
    title: bool = False  # the region of an office ("губернатор Курской области"): not itself struck
    alternatives: tuple[Candidate, ...] = ()  # other readings of an ambiguous name


def _best(cands: list[Candidate], kinds: tuple[str, ...], floor: float = _ACCEPT) -> Candidate | None:
    for c in cands:
        if c.kind in kinds and c.score >= floor:
            return c
    return None


class _Finder:
    def __init__(self, sc: Scan, geocoder: Any, analyzer: Analyzer, weapon_tokens: set[int]) -> None:
        self.sc, self.geo, self.an = sc, geocoder, analyzer
        self.weapon_tokens = weapon_tokens
        self.lang = sc.lex.lang
        self.out: list[GeoFact] = []
        self.used: set[int] = set()
        self.last: list[Candidate] = []  # the other readings of the last lookup
        lex = sc.lex
        # capitalised words of the strike vocabulary ("Сил оборони", "Ракети") are never places
        self.vocabulary = (
            set(lex.weapons) | set(lex.targets) | set(lex.measures) | lex.own_force_heads | lex.person_nouns
            | lex.enemy_words | lex.region_heads | lex.sea_heads | lex.damage_cues | lex.killed | lex.injured
        )

    def candidates(self, text: str, kinds: tuple[str, ...]) -> list[Candidate]:
        try:
            return list(self.geo.lookup(text, lang=self.lang, kinds=kinds, limit=5))
        except TypeError:  # a geocoder without the `kinds` filter
            return list(self.geo.lookup(text, lang=self.lang, limit=5))

    def lookup(self, text: str, kinds: tuple[str, ...], floor: float = _ACCEPT) -> Candidate | None:
        cands = self.candidates(text, kinds)
        best = _best(cands, kinds, floor)
        if best is None and "-" in text:
            # "Каменске-Шахтинском", "Славянске-на-Кубани": the parts before "на" put back in the nominative
            nominative = self._nominative_compound(text)
            if nominative != text.lower():
                cands = self.candidates(nominative, kinds)
                best = _best(cands, kinds, floor)
        self.last = [c for c in cands if c.kind == "settlement" and c.score >= _ALTERNATIVE and c is not best]
        return best

    def _nominative_compound(self, text: str) -> str:
        parts = text.lower().split("-")
        out = []
        gender = None  # "Каменку-Днепровскую" -> "каменка-днепровская": the adjective agrees with the noun
        for n, part in enumerate(parts):
            if part in ("на", "над", "под"):
                out.extend(parts[n:])
                break
            toks = self.an.tokens(part)
            if len(toks) != 1:
                out.append(part)
                continue
            tok = toks[0]
            if tok.has("ADJF") and gender is not None:
                out.append(self.an.inflect(part, {gender, "nomn", "sing"}) or tok.lemma)
                continue
            if gender is None and tok.has("NOUN"):
                gender = next((g for g in ("femn", "masc", "neut") if g in tok.tag), None)
            out.append(tok.lemma)
        return "-".join(out)

    def add(
        self, cand: Candidate, toks: list[Tok], i: int, j: int, district: bool = False,
        alternatives: tuple[Candidate, ...] = (), guessed: bool = False,
    ) -> None:
        kind = "place" if cand.kind in ("settlement", "site") else "region"
        self.out.append(
            GeoFact(kind, cand.region, (toks[i].start, toks[j - 1].end), self.sc.sent_of[i], i,
                    name=cand.name, lat=cand.lat, lon=cand.lon,
                    district=district, guessed=guessed, alternatives=alternatives)
        )
        self.used.update(range(i, j))

    def skip(self, i: int) -> bool:
        return self.sc.excluded(i) or i in self.used or i in self.sc.signature

    def regions(self) -> None:
        toks, lex = self.sc.toks, self.sc.lex
        for h, head in enumerate(toks):
            if self.skip(h) or head.lemma not in lex.region_heads | lex.sea_heads:
                continue
            lemma = "область" if head.lemma == "обл" else head.lemma
            # "Республики Крым", "АР Крим", "акваторией Чёрного моря": the name follows
            if lemma in ("республика", "республіка", "ар", "акваторія", "акватория"):
                k = h + 1
                while k < len(toks) and (toks[k].is_title or toks[k].has("ADJF")) and k < h + 4:
                    k += 1
                if k > h + 1:
                    cand = self.lookup(self.sc.text[head.start : toks[k - 1].end], ("region", "sea"))
                    if cand is None and lemma.startswith("аквато") and k < len(toks):
                        cand = self.lookup(self.sc.text[toks[h + 1].start : toks[k].end], ("sea",))
                        k += 1
                    if cand is not None:
                        self.add(cand, toks, h, k)
                continue
            # adjectives before the head, coordinated: "Київській, Сумській та Івано-Франківській областях"
            units: list[tuple[int, int]] = []  # token ranges, last adjective first
            k = h - 1
            while k >= 0 and not self.skip(k):
                if toks[k].has("ADJF"):
                    a = k
                    # "Івано" "-" "Франківській": glued prefix parts belong to the adjective
                    while a >= 2 and toks[a - 1].text == "-" and toks[a - 1].start == toks[a - 2].end and toks[a].start == toks[a - 1].end:
                        a -= 2
                    units.append((a, k + 1))
                    k = a - 1
                    continue
                if not (toks[k].lower in lex.and_words and units):
                    break
                k -= 1
            kinds = ("sea",) if lemma in lex.sea_heads else ("region",)
            first = units[-1][0] if units else h
            if first > 0 and toks[first - 1].lower in _FROM:
                self.used.add(h)  # "ракети Іскандер-М з Курської області": a launch site
                continue
            title = first > 0 and ({toks[first - 1].lemma} | toks[first - 1].lemmas) & _TITLES
            for n, (a, b) in enumerate(reversed(units)):
                if len(units) == 1:
                    phrase = self.sc.text[toks[a].start : head.end]
                else:
                    phrase = self._adjective_phrase(toks, a, b, lemma)
                cand = self.lookup(phrase, kinds)
                if cand is not None:
                    last = n == len(units) - 1
                    self.add(cand, toks, a, h + 1 if last else b)
                    self.out[-1].title = bool(title)
            self.used.add(h)

    def _adjective_phrase(self, toks: list[Tok], a: int, b: int, lemma: str) -> str:
        """"Івано-Франківській" + "областях" -> "івано-франківська область"."""
        gender = {"край": "masc", "море": "neut", "округ": "masc"}.get(lemma, "femn")
        last = toks[b - 1]
        form = self.an.inflect(last.text, {gender, "nomn", "sing"}) or last.lemma
        prefix = self.sc.text[toks[a].start : last.start].lower()
        return f"{prefix}{form} {lemma}"

    def names(self) -> None:
        toks, lex = self.sc.toks, self.sc.lex
        for sent in self.sc.sentences:
            i = sent.start_i
            while i < sent.end_i:
                j = i + 1
                # "Усть-Луга", "Приморсько-Ахтарськ": one name however the parts are tagged
                while (
                    j + 1 < sent.end_i and toks[j].text == "-" and toks[j].start == toks[j - 1].end
                    and toks[j + 1].start == toks[j].end and (toks[j + 1].is_title or toks[j + 1].lower in _LINK_WORDS)
                ):
                    j += 2
                if j > i + 1 and toks[j - 1].lower in _LINK_WORDS:
                    j -= 2  # "Ростов-на" without its river: stop before the link word
                pair = self._two_word_name(i, sent.end_i) if j == i + 1 and self._candidate(i, j, tags=False) else None
                # "в поселке Климово", "у місті Кіріші", "аэродром Энгельс": the head says it is a place,
                # whatever the dictionary guessed (surname, short adjective)
                # any reading counts: "селі" is also read as "сель"
                after_head = i > 0 and bool(({toks[i - 1].lemma} | toks[i - 1].lemmas) & lex.settlement_heads)
                # "населеного пункту Валуйки", "н.п. Козача Лопань"
                after_head = after_head or (i > 1 and toks[i - 1].lemma == "пункт" and toks[i - 2].lemma in _INHABITED)
                after_head = after_head or (i > 0 and toks[i - 1].lower.rstrip(".") in ("н.п", "нп"))
                after_head = after_head or (i > 1 and toks[i - 1].text == "." and toks[i - 2].lower in ("н.п", "нп"))
                named = after_head or (i > 0 and toks[i - 1].lemma in lex.facility_heads - lex.district_heads)
                if pair is not None:
                    j = pair
                    if pair == i + 2 and toks[i].has("ADJF") and toks[i + 1].lemma in lex.facility_heads:
                        self._town_adjective(i)  # "Бурштынской ТЭС": the abbreviation is no part of a name
                elif self._candidate(i, j, tags=not named, any_pos=named):
                    text = self.sc.text[toks[i].start : toks[j - 1].end]
                    if toks[i].has("ADJF") and j == i + 1 and not after_head and not self._lone_adjective(i, sent.end_i):
                        self._town_adjective(i)
                    elif i > sent.start_i or after_head or self._initial_ok(i, sent.end_i):
                        cand = self.lookup(text, ("settlement", "region", "sea"), floor=0.3 if after_head else _ACCEPT)
                        if cand is None and j == i + 1 and toks[i].lemma != toks[i].lower and toks[i].has("NOUN"):
                            # "в Энгельсе", "под Белгородом": an inflected name the gazetteer scores low, by its lemma
                            cand = self.lookup(toks[i].lemma.capitalize(), ("settlement",))
                        if cand is not None:
                            # "Білгород-Дністровським районом": a district named after its town
                            district = toks[j - 1].has("ADJF") and j < sent.end_i and toks[j].lemma in lex.district_heads
                            self.add(cand, toks, i, j, district=district, alternatives=tuple(self.last))
                i = j

    def _lone_adjective(self, i: int, hi: int) -> bool:
        """"над Борисоглебском уничтожены", "в Железногорском": a town in -ск read first as an
        adjective, after a preposition of place and qualifying no noun after it."""
        toks = self.sc.toks
        if i == 0 or toks[i - 1].lower not in _AT or len(toks[i].lemmas) < 2:
            return False
        lex = self.sc.lex
        heads = lex.district_heads | lex.facility_heads | lex.region_heads | lex.settlement_heads
        # "у Зарічному районі", "над Одеським та Білгород-Дністровським районами": a district's adjective
        for k in range(i + 1, min(hi, i + 6)):
            if ({toks[k].lemma} | toks[k].lemmas) & heads:
                return False
            if not (toks[k].has("ADJF") or toks[k].lower in lex.and_words or toks[k].text == "-" or toks[k].is_title):
                break
        nxt = toks[i + 1] if i + 1 < hi else None
        if nxt is None or not (nxt.has("NOUN") or nxt.has("ADJF")) or nxt.is_title:
            return True
        # "над Павловском силами ПВО": a noun it does not agree with is no noun it qualifies
        grams = ("nomn", "gent", "datv", "accs", "ablt", "loct", "sing", "plur")
        mine = {g for g in grams if toks[i].has(g)}
        theirs = {g for g in grams if nxt.has(g)}
        return len(mine & theirs) < 2

    def _two_word_name(self, i: int, hi: int) -> int | None:
        """"у Білій Церкві", "в Старом Осколе": two capitalised words, one name."""
        toks = self.sc.toks
        if i + 1 >= hi or not toks[i + 1].is_title or toks[i + 1].tag == "" or self.skip(i + 1):
            return None
        if i > 0 and toks[i - 1].lemma in self.sc.lex.destination_preps:
            return None
        cand = self.lookup(self.sc.text[toks[i].start : toks[i + 1].end], ("settlement",))
        if cand is None:
            return None
        self.add(cand, toks, i, i + 2, alternatives=tuple(self.last))
        return i + 2

    def _candidate(self, i: int, j: int, *, tags: bool = True, any_pos: bool = False) -> bool:
        """Could tokens [i, j) be a place name at all? (`tags=False`: ignore
        person-name tags, for two-word names like "Біла Церква"; `any_pos`:
        any part of speech, after a settlement head)"""
        toks, lex = self.sc.toks, self.sc.lex
        tok = toks[i]
        if any(self.skip(k) or k in self.sc.quoted for k in range(i, j)) or not tok.is_title or tok.tag == "":
            return False
        if i > 0 and (toks[i - 1].lemma in lex.destination_preps or toks[i - 1].lower in _FROM):
            return False  # "потяг до Києва", "з Курська": not where the strike happened
        if i > 0 and (toks[i - 1].has("Name") or toks[i - 1].lemma in _VOICE):
            return False  # a surname after a first name; "режима Киева", "заявление Киева": a government
        if j == i + 1 and tok.has("Name") and j < len(toks) and toks[j].is_title and toks[j].has("Surn"):
            return False  # "глава города Иван Приходько": a first name before a surname is a person
        if i > 0 and (toks[i - 1].lemma in _STREETS or toks[i - 1].lower.rstrip(".") in _STREETS):
            return False  # "на улице Губкина", "по проспекту Победы": a street named after someone or somewhere
        if j == i + 1 and (tok.lemma in self.vocabulary or not (any_pos or tok.has("NOUN") or tok.has("ADJF") or tok.has("UNKN"))):
            return False  # strike vocabulary, prepositions, verbs: never place names
        if any(k in self.weapon_tokens for k in range(i, j)):
            return False
        # "у Києві" is first read as the name "Кий": after a preposition of place a name is a town;
        # so is a name joined to a place just found ("Саратов и Энгельс")
        located = i > 0 and toks[i - 1].lower in _AT or (
            i > 1 and toks[i - 1].lower in lex.and_words and (i - 2) in self.used
            and bool(self.out) and self.out[-1].kind == "place")
        # "атаковали дронами Балашов": the object of an attack is a place, whatever the dictionary's surname
        located = located or i > 0 and (toks[i - 1].lemma in lex.attack_verbs or (i - 1) in self.weapon_tokens)
        if tags and j == i + 1 and (tok.has("Name") or tok.has("Surn") or tok.has("Patr")) and not located:
            return False
        return True

    def capitals(self) -> None:
        """"ворог атакував столицю": one candidate per side, the claim keeps the one that fits."""
        toks = self.sc.toks
        for i, tok in enumerate(toks):
            if tok.lemma not in _CAPITAL_WORDS or self.skip(i):
                continue
            lex = self.sc.lex
            sides = {"UA", "RU"}
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            if nxt is not None and nxt.lemma in lex.ua_words | lex.ru_words:
                sides = {"UA"} if nxt.lemma in lex.ua_words else {"RU"}  # "столицу Украины"
            elif nxt is not None and nxt.has("gent") and nxt.has("NOUN"):
                continue  # "столиця Бурятії", "столицы региона": another capital
            for name, party in _CAPITALS:
                if party not in sides:
                    continue
                cand = self.lookup(name, ("settlement",))
                if cand is not None:
                    self.add(cand, toks, i, i + 1)
                    self.out[-1].capital_of = party

    def quoted_facilities(self) -> None:
        toks = self.sc.toks
        for i in range(1, len(toks) - 2):
            if toks[i].text != "«" or toks[i + 2].text != "»" or toks[i - 1].lemma not in _NAMED_FACILITIES:
                continue
            k = i + 1
            if self.skip(k) or not toks[k].is_title or k in self.weapon_tokens:
                continue
            cand = self.lookup(toks[k].text, ("settlement",), floor=0.9)
            if cand is not None:
                self.add(cand, toks, k, k + 1)

    def _initial_ok(self, i: int, end: int) -> bool:
        toks, lex = self.sc.toks, self.sc.lex
        tok = toks[i]
        if tok.has("Geox") or end - i <= 2:  # "Тернопіль." on its own line
            return True
        attack = lex.attack_verbs | {"подвергнуться", "зазнати", "быть", "бути"}
        return any(toks[k].lemma in attack for k in range(i + 1, min(end, i + 4)))

    def _town_adjective(self, i: int) -> None:
        """"Сизранський нафтопереробний завод" -> Сизрань (when a facility or district follows)."""
        toks, lex = self.sc.toks, self.sc.lex
        k = i + 1
        while k < len(toks) and k < i + 6 and toks[k].lemma not in lex.facility_heads and (
                toks[k].has("ADJF") or toks[k].is_title or toks[k].lower in lex.and_words):
            k += 1
        if k >= len(toks) or toks[k].lemma not in lex.facility_heads:
            return
        district = toks[k].lemma in lex.district_heads
        stem = toks[i].lemma
        for suffix in ("ьський", "ський", "цький", "зький", "ский", "цкий", "ской"):
            if stem.endswith(suffix):
                stem = stem[: -len(suffix)]
                break
        else:
            return
        # "Марганецька громада" -> Марганець, "Білопільська" -> Білопілля, "Белопольский" -> Белополье,
        # "Новоодеська" -> Нова Одеса is out of reach
        guesses = [stem, stem + "ь", stem + "о", stem + "е", stem + "ск", stem + "а", stem + "і", stem + "ць", stem + "ка"]
        if stem.rstrip("ь").endswith("л"):
            guesses += [stem.rstrip("ь") + "ля", stem.rstrip("ь") + "ье"]
        if toks[i].lemma.endswith("зький"):
            guesses.append(stem + "жжя")  # "Запорізький" -> Запоріжжя
        found: list[Candidate] = []
        for guess in guesses:
            cand = self.lookup(guess, ("settlement",)) if len(guess) > 3 else None
            if cand is not None:
                found.append(cand)
        # "селище Слатине Дергачівської громади": a district in the genitive right after a place
        # only says where that place lies
        locating = (i - 1) in self.used and bool(self.out) and self.out[-1].kind == "place" and toks[k].has("gent")
        if found:
            # a hromada is the town with its villages; a raion may be a city district
            self.add(found[0], toks, i, i + 1, district=district and (toks[k].lemma != "громада" or locating),
                     alternatives=tuple(found[1:]), guessed=toks[k].lemma in lex.district_heads)

    def own_region(self, code: str) -> None:
        """"сили ППО збили над областю 11 безпілотників", "по области": a bare oblast or region word
        in an oblast office's post is the office's own region."""
        toks = self.sc.toks
        for i, tok in enumerate(toks):
            # (regions() marks every head used, found or not: only exclusions count here)
            if self.sc.excluded(i) or tok.lemma not in ("область", "регіон", "регион", "край") or i == 0:
                continue
            if toks[i - 1].lower not in _AT | {"по", "на"}:
                continue  # an adjective before it names another region; "області" alone may be a title
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            if nxt is not None and (nxt.has("ADJF") or nxt.is_title or nxt.has("gent") and nxt.has("NOUN")):
                continue  # "в области Курской", "по регіону країни": named or another one
            self.out.append(GeoFact("region", code, (tok.start, tok.end), self.sc.sent_of[i], i, name=code))
            self.used.add(i)

    def publisher_regions(self, publisher: str) -> set[str]:
        """"Сумська обласна військова адміністрація", "Губернатор Белгородской области",
        "Одеська ОВА": the region the publisher answers for."""
        toks = self.an.tokens(publisher)
        found: set[str] = set()
        for a, b in zip(toks, toks[1:], strict=False):
            if not a.has("ADJF") or b.lower not in _OFFICE_REGION:
                continue
            krai = b.lower.startswith("кра")
            form = self.an.inflect(a.text, {"masc" if krai else "femn", "nomn", "sing"}) or a.lemma
            cand = self.lookup(f"{form} {'край' if krai else 'область'}", ("region",))
            if cand is not None and cand.region:
                found.add(cand.region)
        return found


# words after a region adjective in a publisher's name: "Сумська ОВА", "Краснодарского края"
_OFFICE_REGION = {
    "обласна", "обласний", "областная", "областной", "область", "области", "області", "ова", "ода", "мва",
    "край", "края", "краю", "краевой", "крайова",
}


def _prefer_context(facts: list[GeoFact], context: set[str]) -> list[GeoFact]:
    """Ambiguous names take the reading in the document's own regions
    ("Золочів" of a Kharkiv post is the Kharkiv one); a town guessed from a
    district or community adjective that lies outside them is dropped."""
    def ambiguous(g: GeoFact) -> bool:
        return g.guessed or any(a.region != g.region for a in g.alternatives)

    anchors = set(context) | {g.region for g in facts if g.region and not g.title and not ambiguous(g)}
    if not anchors:
        return facts
    out = []
    for g in facts:
        if g.kind == "place" and g.region not in anchors:
            alt = next((a for a in g.alternatives if a.region in anchors), None)
            if alt is not None:
                g.name, g.lat, g.lon, g.region = alt.name, alt.lat, alt.lon, alt.region
            elif g.guessed:
                continue
        out.append(g)
    return out


def find_geo(
    sc: Scan, geocoder: Any, analyzer: Analyzer, weapon_tokens: set[int] | None = None, publisher: str = "",
) -> list[GeoFact]:
    """Region and place facts in token order (`weapon_tokens`: model names such
    as "Х-101" or "Нептун" that must not be read as places; `publisher`: its
    region, if it names one, helps choose between same-named places)."""
    finder = _Finder(sc, geocoder, analyzer, weapon_tokens or set())
    finder.regions()
    finder.names()
    finder.capitals()
    finder.quoted_facilities()
    context = finder.publisher_regions(publisher) if publisher else set()
    if len(context) == 1:
        finder.own_region(next(iter(context)))
    return sorted(_prefer_context(finder.out, context), key=lambda g: g.token)
