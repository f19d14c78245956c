"""Places: names the offline gazetteer knows, found as chunks of capitalised
words and resolved through the `Geocoder` interface (never by reading
gazetteer files here).

A chunk may take a following region, district, sea or facility word
("Sumy region", "Сумській області", "Black Sea", "Kursk nuclear power
plant"); a list of names sharing one plural region word ("Kharkiv, Sumy and
Poltava regions", "Київській, Чернігівській та Донецькій областях") gives
each name that word. Chunks inside page furniture (datelines), speaker
phrases and person names (after a title, or known people) are skipped.
A same-name settlement is resolved again with the region named in the same
sentence as a hint ("Krasnopillia, Sumy region").

What a place is to the claim (struck, interception area, launch site,
destination) is decided later, by the frame rules.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from typing import Any

from ..analysis.document import Analysis, Sentence
from ..analysis.tokens import Token
from ..lexicon import table
from .base import ActorMention, PlaceMention

__all__ = ["find_places", "PlaceFinder"]


class _Phrases:
    """Phrases of one places.yaml entry, indexed by the forms their first word can take."""

    def __init__(self, phrases: list[tuple[str, ...]]) -> None:
        self.by_first: dict[str, list[tuple[str, ...]]] = {}
        for phrase in sorted(phrases, key=len, reverse=True):
            for form in _expand(phrase[0]):
                self.by_first.setdefault(form, []).append(phrase)

    def __iter__(self):  # type: ignore[no-untyped-def]
        return (p for ps in self.by_first.values() for p in ps)


@cache
def _words(lang: str) -> dict[str, _Phrases]:
    """Entry -> its phrases as tuples of lower-case forms ("=" and "!" marks dropped)."""
    return {entry.key: _Phrases([tuple(w.lstrip("=!").lower() for w in p.split()) for p in entry.phrases])
            for entry in table(lang, "places")}


_NONE = _Phrases([])


def _match_at(tokens: list[Token], i: int, end: int, phrases: _Phrases) -> int:
    """Length in tokens of the longest phrase starting at i (0 if none);
    each word matches a token's norm or its lower case."""
    if i >= end:
        return 0
    tok = tokens[i]
    candidates = phrases.by_first.get(tok.norm, []) + phrases.by_first.get(tok.lower, [])
    best = 0
    for phrase in candidates:
        n = len(phrase)
        if n > best and i + n <= end and all(_same(tokens[i + k], w) for k, w in enumerate(phrase)):
            best = n
    return best


def _same(tok: Token, word: str) -> bool:
    if tok.norm == word or tok.lower == word:
        return True
    # English plurals and the "(s)" suffix groups of the data files
    return "(" in word and tok.lower in _expand(word)


@cache
def _expand(word: str) -> frozenset[str]:
    from ..lexicon.phrases import expand_forms, split_alternatives

    return frozenset(f for alt in split_alternatives(word) for f in expand_forms(alt))


def _personal_name(tok: Token, loose: bool = False) -> bool:
    """pymorphy3 marks first names and patronymics (Name, Patr; NameAlt where a first name is one reading of
    several); `loose` also takes a word one of whose readings is a person ("Володимир", PersonAlt), for use
    only right before a known official's name."""
    grammemes = set(tok.tags.replace(" ", ",").split(","))
    wanted = {"Name", "Patr", "NameAlt"} | ({"PersonAlt"} if loose else set())
    return bool(grammemes & wanted) and "Geox" not in grammemes


def _surname_like(tok: Token) -> bool:
    """The word after a first name: a noun that is no place or adjective ("Кіріші Ленінградської" is a town)."""
    grammemes = set(tok.tags.replace(" ", ",").split(","))
    return "NOUN" in grammemes and not grammemes & {"Geox", "ADJF"} and len(tok.text) > 2


_FUNCTION_TAGS = frozenset({"PREP", "CONJ", "PRCL", "NPRO", "INTJ"})


def _function_word(tok: Token) -> bool:
    """"Без постраждалих", "Тим часом": a preposition, conjunction or pronoun that starts a sentence is no name."""
    return tok.tags.split(",", 1)[0].split(" ", 1)[0] in _FUNCTION_TAGS


def _capitalised(tok: Token) -> bool:
    """A capitalised word that can start a name; "Moscow-installed", "Kyiv-based" are adjectives."""
    first = tok.text[:1]
    if "-" in tok.text and tok.text.rsplit("-", 1)[1][:1].islower() and "-on-" not in tok.text \
            and "-на-" not in tok.text:
        return False
    return first.isupper() and any(ch.isalpha() for ch in tok.text)


class PlaceFinder:
    def __init__(self, a: Analysis, geocoder: Any, actors: list[ActorMention]) -> None:
        self.a = a
        self.geocoder = geocoder
        self.words = _words(a.lang)
        self.stop = frozenset(w[0] for w in self.words.get("stop", _NONE))
        self.masked: set[int] = set()
        self.seen: list[str] = []  # regions named so far in the document, for same-name settlements
        for actor in actors:
            # "Kyiv" or "Russia" standing for a government is also a place; other actors are not
            if actor.kind not in ("government", "nationality"):
                self.masked.update(range(actor.tok_start, actor.tok_end))
        for start, end, _ in a.furniture:
            ts, te = a.token_span(start, end)
            self.masked.update(range(ts, te))

    def find(self) -> list[PlaceMention]:
        out: list[PlaceMention] = []
        for s in self.a.sentences:
            found = self._sentence(s)
            out.extend(found)
            self.seen.extend(p.region for p in found if p.kind == "region" and p.region)
        return out

    def _chunks(self, s: Sentence) -> list[tuple[int, int]]:
        tokens = self.a.tokens
        chunks: list[tuple[int, int]] = []
        i = s.start
        titles = self.words.get("titles", _NONE)
        while i < s.end:
            tok = tokens[i]
            if i in self.masked or not _capitalised(tok) or tok.norm in self.stop or tok.lower in self.stop \
                    or _function_word(tok):
                i += 1
                continue
            j = i + 1
            while j < s.end and j not in self.masked and (
                (_capitalised(tokens[j]) and tokens[j].norm not in self.stop and tokens[j].lower not in self.stop)
                or (tokens[j].text == "-" and not tok.space and j + 1 < s.end and _capitalised(tokens[j + 1]))
            ):
                j += 1
            # "Slavyansk-na-Kubani", "Rostov-on-Don", "Ростов-на-Дону" split by the tokenizer
            while (j + 3 <= s.end and tokens[j].text == "-" and tokens[j + 1].lower in ("na", "on", "на", "над")
                   and j + 3 < s.end and tokens[j + 2].text == "-" and _capitalised(tokens[j + 3])):
                j += 4
            # "Sea of Azov", "Republic of Crimea", "Rostov on Don"
            if (j + 1 < s.end and tokens[j].lower in ("of", "on") and tokens[j - 1].lower in ("sea", "republic", "rostov")
                    and _capitalised(tokens[j + 1])):
                j += 2
            # "the Dnipro river": water, not the city
            if _match_at(tokens, j, s.end, self.words.get("water_after", _NONE)):
                i = j
                continue
            # "Moscow's war": a capital standing for its state; "Kyiv's Solomianskyi district" stays a place
            if j + 1 < s.end and tokens[j].text == "'s" and not _capitalised(tokens[j + 1]) and not _match_at(
                    tokens, j + 1, s.end, self.words.get("possessive_parts", _NONE)):
                i = j
                continue
            # "Сергій Попко", "Вячеслав Гладков": a first name or patronymic is no place
            # ("Володимир Ткаченко": the surname a known official, masked as an actor)
            if ((j - i >= 2 and _personal_name(tokens[i]) and _surname_like(tokens[i + 1]))
                    or (j == i + 1 and j < s.end and j in self.masked and _personal_name(tokens[i], loose=True))) \
                    and not self._region_word_at(j, s.end) and not self._introduced(i):
                i = j
                continue
            # a person after a title ("Governor Vyacheslav Gladkov") is no place
            if i > 0 and _match_at(tokens, i - 1, i, titles) and j - i >= 1 and not self._region_word_at(j, s.end):
                i = j
                continue
            chunks.append((i, j))
            i = j
        return chunks

    def _plural(self, start: int, end: int) -> bool:
        """A region or district word in the plural ("regions", "областях", "районов")."""
        tok = self.a.tokens[start]
        if self.a.lang == "en":
            return tok.lower.endswith("s")
        return "plur" in tok.tags

    def _region_word_at(self, j: int, end: int) -> int:
        return _match_at(self.a.tokens, j, end, self.words.get("region_words", _NONE))

    def _sentence(self, s: Sentence) -> list[PlaceMention]:
        tokens = self.a.tokens
        chunks = self._chunks(s)
        if not chunks:
            return []
        # a shared region word after a list: "Kharkiv, Sumy and Poltava regions"
        suffix: dict[int, tuple[str, int]] = {}
        connectors = self.words.get("connectors", _NONE)
        group: list[int] = []
        for ci, (_cs, ce) in enumerate(chunks):
            group.append(ci)
            nxt = chunks[ci + 1] if ci + 1 < len(chunks) else None
            gap_ok = nxt is not None and self._only_connectors(ce, nxt[0], connectors)
            if gap_ok:
                continue
            for kind in ("region_words", "district_words", "sea_words", "facility_words"):
                n = _match_at(tokens, ce, s.end, self.words.get(kind, _NONE))
                if n:
                    # the canonical singular ("regions", "областях" -> "region", "область") for the lookup
                    canonical = table(self.a.lang, "places")[kind].get("canonical") if kind == "region_words" else None
                    word = str(canonical) if canonical else " ".join(t.text for t in tokens[ce : ce + n])
                    # "Kharkiv, Sumy and Poltava regions" share the word; "Izium, Kharkiv region" does not
                    shared = kind in ("region_words", "district_words") and (
                        len(group) == 1 or self._plural(ce, ce + n))
                    for g in group if shared else group[-1:]:
                        suffix[g] = (kind + ":" + word, ce + n if g == group[-1] else chunks[g][1])
                    break
            group = []
        found: list[PlaceMention] = []
        for ci, (cs, ce) in enumerate(chunks):
            name = self.a.view.norm[tokens[cs].start : tokens[ce - 1].end]
            kind_word = suffix.get(ci)
            mention = None
            if kind_word:
                kind, word = kind_word[0].split(":", 1)
                end_tok = kind_word[1]
                kinds = {"region_words": ("region",), "district_words": None, "sea_words": ("sea",),
                         "facility_words": ("site",)}[kind]
                mention = self._lookup(f"{name} {word}", cs, end_tok, kinds)
                if mention is None and kind in ("region_words", "district_words") and ce - cs > 1:
                    # "у Морозівську Ростовської області", "in Kamianka Zaporizhzhia region": a settlement, then
                    # the region it lies in; "в селе Разумное Белгородского округа": a district named after its
                    # region's centre, so the region of that name
                    area = word if kind == "region_words" else str(
                        table(self.a.lang, "places")["region_words"].get("canonical") or "region")
                    region = self._lookup(f"{tokens[ce - 1].text} {area}", ce - 1, end_tok, ("region",))
                    if region is not None:
                        head = self.a.view.norm[tokens[cs].start:tokens[ce - 2].end]
                        town = self._lookup(head, cs, ce - 1, ("settlement",), region_hint=region.region, floor=0.3)
                        if town is not None and town.region == region.region:
                            found.append(town)
                        if kind == "region_words":
                            found.append(region)  # a district's region is only a hint for its settlement
                        if kind == "region_words" or (town is not None and town.region == region.region):
                            continue
                if mention is None and kind == "facility_words":
                    mention = self._lookup(name, cs, ce, None)
                if mention is None and kind == "district_words":
                    mention = self._lookup(name, cs, ce, ("settlement",))
                if mention is not None and kind == "district_words":
                    mention = replace(mention, district=True)
            else:
                introduced = self._introduced(cs)
                mention = self._lookup(name, cs, ce, ("settlement",) if introduced else None,
                                       floor=0.3 if introduced else 0.5)
                if mention is None and ce - cs > 1:
                    # "Разумное Белгородского округа", "Kharkiv Regional Military": the first word alone,
                    # with the rest as the region it lies in
                    tail = self._lookup(self.a.view.norm[tokens[cs + 1].start:tokens[ce - 1].end], cs + 1, ce, None)
                    hint = tail.region if tail is not None else None
                    # with a tail that names no place ("Oleg Sinegubov", "Serhiy Popko"), only a name spelt as the
                    # gazetteer has it, not a near spelling
                    mention = self._lookup(tokens[cs].text, cs, cs + 1, ("settlement",) if introduced else None,
                                           region_hint=hint, floor=0.3 if (introduced or hint) else (
                                               0.5 if tokens[cs + 1].text == "-" else 0.9))
            if mention is not None:
                found.append(mention)
        return self._rehint(found)

    def _only_connectors(self, start: int, end: int, connectors: _Phrases) -> bool:
        i = start
        if i >= end:
            return False
        while i < end:
            n = _match_at(self.a.tokens, i, end, connectors)
            if not n:
                return False
            i += n
        return True

    def _introduced(self, cs: int) -> bool:
        """A name right after "village", "селе", "м.": a settlement, even a small one."""
        words = self.words.get("settlement_words", _NONE)
        for n in (1, 2, 3):
            if cs - n >= 0 and _match_at(self.a.tokens, cs - n, cs, words) == n:
                return True
        return False

    def _lookup(self, text: str, ts: int, te: int, kinds: tuple[str, ...] | None,
                region_hint: str | None = None, floor: float = 0.5) -> PlaceMention | None:
        candidates = self.geocoder.lookup(text, lang=self.a.lang, kinds=kinds, region_hint=region_hint)
        if not candidates or candidates[0].score < floor:
            return None
        c = candidates[0]
        tokens = self.a.tokens
        return PlaceMention(tokens[ts].start, tokens[te - 1].end, ts, te, name=self.a.text[tokens[ts].start:tokens[te - 1].end],
                            kind=c.kind, region=c.region, country=c.country, lat=c.lat, lon=c.lon,
                            canonical=c.name, score=c.score)

    def _rehint(self, found: list[PlaceMention]) -> list[PlaceMention]:
        out = []
        for p in found:
            regions = [q.region for q in found if q is not p and q.region and q.kind in ("region", "settlement")]
            if not regions and p.kind == "settlement" and p.score < 0.95 and self.seen:
                # "in the settlement of Belaya" in a story about Kursk Oblast
                regions = [max(set(self.seen), key=self.seen.count)]
            if not regions:
                out.append(p)
                continue
            if p.kind == "settlement" and p.region not in regions and (p.score < 0.95 or p.district):
                tokens = self.a.tokens
                text = self.a.view.norm[tokens[p.tok_start].start : tokens[p.tok_end - 1].end]
                better = self._lookup(text, p.tok_start, p.tok_end, ("settlement",), region_hint=regions[0])
                if better is not None and better.region in regions:
                    p = replace(better, district=p.district)
                elif p.district:
                    continue  # "Kamensky district" of Rostov region is not Kamenskiy of Saratov region
            out.append(p)
        return out


def find_places(a: Analysis, geocoder: Any, actors: list[ActorMention]) -> list[PlaceMention]:
    return PlaceFinder(a, geocoder, actors).find()
