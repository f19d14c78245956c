"""Attribution by reported speech.

For each sentence the layer looks for a speech construction: a speech verb
or noun with its speaker beside it ("the Air Force said", "said the
ministry", "сообщили в Минобороны", "написав Федоров"), a source phrase
("according to", "за даними", "по данным") or a speaker heading a line
("Zelensky: ..."). The speaker's side comes from the actors data; an office
with no side in its name (a governor, "the ministry") takes it from the
region named beside it, then from the last speaker of the same kind, then
from what it reports (a side that shoots down the other's drones).

Sentences without their own speaker continue the last one: a list item its
head, a sentence the speaker of its paragraph, a paragraph the speaker of
the paragraphs before it. A document starts with the voice of its
publisher when the publisher is an official body (an Air Force channel, a
governor's post, a ministry site), or of its signature line; otherwise the
outlet speaks in its own voice (party OTHER), and only where nobody else is
named.

Each voice records how it was established (`basis`): `named` (a speaker in
the sentence), `inherited` (continued from before), `publisher` (the
publisher is the official body) or `outlet` (the publisher's own voice).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

from ...model import Document
from ..analysis.document import Analysis, Sentence, analyze
from ..analysis.structure import NO_CLAIM_MARKS
from ..lexicon import table, word_set
from ..mentions import ActorMention, Mentions, PlaceMention, SentenceMentions
from ..mentions.actors import find_actors

__all__ = ["Voice", "Voices", "attribute", "publisher_voice"]

SPEAKER_KINDS = frozenset({"official", "regional", "government", "head_of_state", "person", "outlet", "third_party",
                           "witness", "evidence"})
# Speakers whose side must come from elsewhere when their entry has none.
_PRONOUNS = frozenset({"he", "she", "it", "they", "він", "вона", "вони", "он", "она", "они", "там", "тамо", "there"})
_WINDOW = 8
_HEADING_FILLERS = frozenset({"in", "of", "the", "'s", "у", "в", "на", "з", "із"})
_PREPOSITIONS = frozenset({"in", "of", "at", "from", "for", "on", "with", "у", "в", "з", "із", "при", "из", "от", "на"})
_ACCUSE = frozenset({"accused", "accuses", "accuse", "blamed", "blames", "звинуватити", "звинувачувати", "обвинить",
                     "обвинять"})
_RANK = {"official": 0, "regional": 0, "head_of_state": 1, "person": 1, "third_party": 2, "outlet": 3, "witness": 3, "evidence": 3,
         "government": 4}


@dataclass(frozen=True)
class Voice:
    name: str
    party: str | None  # UA, RU, OTHER, or None until resolved
    kind: str
    basis: str  # named, inherited, publisher, outlet
    rule: str
    start: int | None = None  # evidence: the speaker's words
    end: int | None = None
    key: str | None = None  # actors.yaml entry
    guessed: bool = False  # the side was taken from context ("the ministry said"); what it reports may decide

    @property
    def is_outlet_voice(self) -> bool:
        return self.basis == "outlet"


@dataclass
class Voices:
    own: list[Voice | None]  # the voice named in each sentence, if any
    effective: list[Voice]  # the voice each sentence speaks with
    default: Voice


def _opposite(side: str | None) -> str | None:
    return {"UA": "RU", "RU": "UA"}.get(side or "")


def _place_side(place: PlaceMention) -> str | None:
    return place.country if place.country in ("UA", "RU") else None


_OCCUPIED = frozenset({"UA-43", "UA-40", "UA-14", "UA-09", "UA-23", "UA-65"})


def _side_from_places(actor: ActorMention, sm: SentenceMentions) -> str | None:
    """A governor's or an administration's side: the country of the region named beside it. For a
    region Russia occupies in part, the office decides: a "governor" there (as Russian and Ukrainian
    texts use the word) is Russian-installed; English "governor" stays undecided."""
    near = [p for p in sm.places if p.kind in ("region", "settlement")
            and (0 <= p.tok_start - actor.tok_end <= 4 or 0 <= actor.tok_start - p.tok_end <= 3)]
    for p in near:
        side = _place_side(p)
        if side and p.region in _OCCUPIED:
            return actor.occupied_side
        if side:
            return side
    return None


def _unknown_person(a: Analysis, s: Sentence, cue_start: int, cue_end: int) -> Voice | None:
    """"... says Natalya, who lives nearby", "Iryna said": someone the data does not know, speaking for
    themselves (a witness, party OTHER), not for the last official named."""
    people = {p.lower() for p in table(a.lang, "casualties")["people"].phrases} \
        if "people" in table(a.lang, "casualties") else set()
    for k in (cue_end, cue_start - 1):
        if s.start <= k < s.end:
            tok = a.tokens[k]
            if not (tok.is_title and tok.is_alpha and k != s.start and tok.lower not in _PRONOUNS):
                continue
            # only a private person described as one: "Natalya, who lives nearby", "Iryna, a 35-year-old resident"
            around = a.tokens[k + 1 : min(s.end, k + 8)]
            if any(t.norm in people or t.lower in people or t.lower in ("who", "resident", "local", "year-old")
                   or t.lower.endswith("-year-old") for t in around):
                return Voice(tok.text, "OTHER", "witness", "named", "attribution.unknown_person", tok.start, tok.end)
    return None


# "a source in the SBU", "джерело в українських спецслужбах", "источник в Минобороны России"
_AFFILIATION_LINKS = frozenset({"for", "of", "at", "in", "the", "a", "an", "в", "у", "во", "при", "з", "із", "из"})


def _side_from_affiliation(a: Analysis, actor: ActorMention, sm: SentenceMentions) -> str | None:
    """"a spokesman for Ukraine's southern defence forces", "представитель Минобороны России": the side
    of the body named right after the office."""
    for x in sm.actors:
        if x is actor or x.side not in ("UA", "RU"):
            continue
        if 0 <= x.tok_start - actor.tok_end <= 3 and all(
                a.tokens[k].lower in _AFFILIATION_LINKS for k in range(actor.tok_end, x.tok_start)):
            return x.side
    return None


def _side_of_context(a: Analysis, m: Mentions, s: Sentence) -> str | None:
    """The country of the places named in the sentence, else its paragraph, else the document."""
    scopes = ([s], [a.sentences[i] for i in a.blocks[s.block].sentences], a.sentences)
    for depth, scope in enumerate(scopes):
        sides = [p.country for x in scope for p in m.in_sentence(x).places
                 if p.country in ("UA", "RU") and p.kind in ("region", "settlement", "site")
                 and p.region not in ("UA-43", "UA-40", "UA-14", "UA-09", "UA-23", "UA-65")]
        if len(set(sides)) == 1:
            return sides[0]
        if depth == 2 and sides:
            # the document's main country: the side most of its places lie in
            ua, ru = sides.count("UA"), sides.count("RU")
            if ua != ru:
                return "UA" if ua > ru else "RU"
    return None


def _speaker_at(sm: SentenceMentions, a: Analysis, cue_start: int, cue_end: int, lang: str,
                told: bool) -> tuple[ActorMention | None, str]:
    speakers = [x for x in sm.actors if x.speaker and x.kind in SPEAKER_KINDS]
    before = [x for x in speakers if cue_start - _WINDOW <= x.tok_end <= cue_start and
              not _broken(a, x.tok_end, cue_start)]
    # "The UN mission in Ukraine said": a name inside a prepositional phrase is not the subject
    if len(before) > 1:
        subjects = [x for x in before if not (x.tok_start > 0 and a.tokens[x.tok_start - 1].lower in _PREPOSITIONS)]
        before = subjects or before
    # after the verb, a capital or a country is what is spoken about ("accused Kyiv", "adding that the Kyiv
    # region"), and after "accuse" the object is the accused
    accusing = a.tokens[cue_start].norm in _ACCUSE
    # "сообщил в телеграм-канале", "said on Telegram": where it was said, not who said it
    after = [] if accusing else [x for x in speakers if cue_end <= x.tok_start <= cue_end + 6
                                 and not _broken(a, cue_end, x.tok_start)
                                 and not any(a.tokens[k].lower in _COMPLEMENTIZERS for k in range(cue_end, x.tok_start))
                                 and not (x.kind == "government" and _is_place(sm, x))
                                 and not (x.kind == "outlet" and x.tok_start > 0
                                          and a.tokens[x.tok_start - 1].lower in _PREPOSITIONS)]
    if not before:
        # "Russia's Defence Ministry, which Putin ordered ..., said": a subject before a parenthesis
        s = a.sentence_of(cue_start)
        first = [x for x in speakers if x.tok_start <= s.start + 3 and x.tok_end < cue_start
                 and a.tokens[x.tok_end].text == ","]
        if first:
            before = first[:1]
    best_before = max(before, key=lambda x: x.tok_end, default=None)
    best_after = min(after, key=lambda x: x.tok_start, default=None)
    if told:  # "a source told Reuters": who is told is not who speaks
        return best_before, "attribution.speech_before"
    if best_before and best_after and best_before.kind == "outlet" and best_after.kind != "outlet" \
            and _anaphor_at(a, a.sentence_of(cue_start), range(best_after.tok_start, best_after.tok_end)) is not None:
        # "Про це РБК-Україна повідомило джерело": the source told the outlet
        return best_after, "attribution.speech_after"
    if best_before and best_after:
        gap_before = cue_start - best_before.tok_end
        gap_after = best_after.tok_start - cue_end
        if lang == "en" and gap_before <= 3:
            return best_before, "attribution.speech_before"
        return (best_before, "attribution.speech_before") if gap_before <= gap_after else (
            best_after, "attribution.speech_after")
    if best_before:
        return best_before, "attribution.speech_before"
    if best_after:
        return best_after, "attribution.speech_after"
    return None, ""


# "claimed that Russia launched": who follows "that" is what was said, not who said it
_COMPLEMENTIZERS = frozenset({"that", "что", "чтобы", "що", "щоб"})


def _title_words_touching(a: Analysis, start: int, end: int, actor: ActorMention) -> set[int]:
    """Capitalised words running up to or on from the actor: a title and a name ("Голова ... ОВА Олег Кіпер")."""
    out: set[int] = set()
    k = actor.tok_start - 1
    while k >= start and a.tokens[k].is_title and a.tokens[k].is_alpha:
        out.add(k)
        k -= 1
    k = actor.tok_end
    while k < end and a.tokens[k].is_title and a.tokens[k].is_alpha:
        out.add(k)
        k += 1
    return out


def _is_place(sm: SentenceMentions, x: ActorMention) -> bool:
    """A capital or a country standing for its government ("Kyiv", "Russia"), not a named body ("ЦПД")."""
    return any(p.tok_start <= x.tok_start < p.tok_end for p in sm.places)


def _broken(a: Analysis, start: int, end: int) -> bool:
    """A clause boundary between two tokens: a full stop, semicolon or quote mark."""
    return any(a.tokens[k].text in (";", ".", '"', ":") for k in range(start, end))


def _anaphor_at(a: Analysis, s: Sentence, positions: Iterable[int]) -> int | None:
    """A noun that points back to the source last named ("the source", "співрозмовника"), at one of the positions."""
    words = word_set(a.lang, "structure", "speaker_anaphors")
    for k in positions:
        if s.start <= k < s.end and (a.tokens[k].norm in words or a.tokens[k].lower in words):
            return k
    return None


def _pronoun_before(a: Analysis, cue_start: int, s: Sentence) -> bool:
    k = cue_start - 1
    return k >= s.start and a.tokens[k].lower in _PRONOUNS


def _voice(actor: ActorMention, side: str | None, rule: str, basis: str = "named") -> Voice:
    return Voice(actor.name, side, actor.kind, basis, rule, actor.start, actor.end, actor.key)


@lru_cache(maxsize=512)
def publisher_voice(publisher: str | None, lang: str) -> Voice:
    """The document's default voice: an official publisher speaks as itself,
    any other publisher in its own voice (party OTHER)."""
    name = (publisher or "").strip()
    outlet_words = {p.lower() for p in table(lang, "structure")["outlet_words"].phrases} \
        if "outlet_words" in table(lang, "structure") else set()
    if name and not any(w in outlet_words for w in name.lower().replace("(", " ").replace(")", " ").split()):
        tiny = analyze(Document(id="publisher", text=name[:200], language=lang))
        for actor in find_actors(tiny):
            if actor.speaker and actor.kind in ("official", "regional", "head_of_state", "person"):
                side = actor.side
                occupied = False
                if side is None:
                    from ...geocode import default_geocoder
                    from ..mentions.places import find_places

                    places = find_places(tiny, default_geocoder(), [])
                    side = next((p.country for p in places if p.country in ("UA", "RU")), None)
                    # "Губернатор Запорожской области": Kyiv's governor or Moscow's; what the posts report decides
                    occupied = any(p.region in _OCCUPIED for p in places)
                if side in ("UA", "RU"):
                    return Voice(name, side, actor.kind, "publisher", "attribution.publisher_official", guessed=occupied)
    return Voice(name or "publisher", "OTHER", "outlet", "outlet", "attribution.outlet_voice")


def attribute(a: Analysis, m: Mentions) -> Voices:
    own: list[Voice | None] = []
    last_by_kind: dict[str, Voice] = {}
    last_named: Voice | None = None
    publisher_word = _publisher_word(a.doc.publisher)
    for s in a.sentences:
        sm = m.in_sentence(s)
        voice = _own_voice(a, s, sm, last_named)
        if voice is None and publisher_word and _names_publisher(a, s, publisher_word, sm):
            # "Факти ICTV зібрали, що відомо", "By Meridiana's count": the outlet speaks in its own name
            outlet = publisher_voice(a.doc.publisher, a.lang)
            if outlet.basis == "outlet":
                voice = replace(outlet, basis="named", rule="attribution.publisher_named")
        if voice is not None and voice.party is None:
            # "the General Staff said" after "Ukraine's General Staff": the body last named by that noun
            antecedent = _antecedent(a, m, voice)
            if antecedent is not None:
                voice = replace(voice, name=antecedent.name, party=antecedent.side, key=antecedent.key,
                                rule="attribution.antecedent")
        if voice is not None and voice.party is None and voice.key in ("governor", "ministry") \
                and (voice.key or voice.kind) in last_by_kind and last_by_kind[voice.key or voice.kind].party in ("UA", "RU") \
                and not any(p.kind == "region" for p in m.in_sentence(s).places):
            # "– заявив губернатор у телеграмі": the governor named before, when this sentence names no region
            prev = last_by_kind[voice.key or voice.kind]
            voice = replace(prev, basis="named", rule="attribution.anaphora", start=voice.start, end=voice.end)
        if voice is not None and voice.party is None and (voice.kind == "regional" or (
                voice.kind == "official" and (last_named is None or last_named.party not in ("UA", "RU")))):
            # "the governor said": a governor speaks for the region his report is about
            side = _side_of_context(a, m, s)
            if side is not None:
                voice = replace(voice, party=side, rule="attribution.regional_context", guessed=True)
        if voice is not None and voice.party is None:
            # "the ministry said", "the force said": the body last named with a side
            prev = last_by_kind.get(voice.key or voice.kind) or (
                last_named if last_named is not None and last_named.party in ("UA", "RU") else None)
            if prev is not None:
                voice = replace(prev, basis="named", rule="attribution.anaphora", start=voice.start, end=voice.end,
                                guessed=voice.key in ("ministry", "governor"))
        if voice is not None:
            last_named = voice
            last_by_kind[voice.key or voice.kind] = voice
        own.append(voice)
    # "Про це повідомив начальник ОВА": the source of the sentences before, back to the last one named
    for s in a.sentences:
        voice = own[s.i]
        if voice is None or not m.in_sentence(s).has("about_this"):
            continue
        k = s.i - 1
        while k >= 0 and own[k] is None and not (a.marks(a.sentences[k]) & {"earlier", "teaser", "caption", "byline"}):
            own[k] = replace(voice, basis="named", rule="attribution.about_this")
            k -= 1
    for first, last in a.quotes:
        named = own[last] or own[first]
        if named is None:
            continue
        for k in range(first, last + 1):
            if own[k] is None:
                own[k] = replace(named, basis="named", rule="attribution.quotation")
    default = _default_voice(a, m, own)
    effective = _continue(a, own, default)
    return Voices(own, effective, default)


_DETERMINERS = frozenset({"the", "a", "an", "its", "this", "that", "этот", "цей", "данный"})


def _antecedent(a: Analysis, m: Mentions, voice: Voice) -> ActorMention | None:
    """The latest earlier actor with a side whose words contain all the words of a
    description without one ("the General Staff", "the ministry", "штаб")."""
    if voice.start is None:
        return None
    here = next((x for x in m.actors if x.start == voice.start), None)
    if here is None:
        return None
    head = {_stem(a.tokens[k].norm) for k in range(here.tok_start, here.tok_end)} - _DETERMINERS
    if not head:
        return None

    def names_it(x: ActorMention) -> bool:
        return x.side in ("UA", "RU") and x.kind in ("official", "regional", "government") and head <= {
            _stem(a.tokens[k].norm) for k in range(x.tok_start, x.tok_end)}

    earlier = next((x for x in reversed(m.actors) if x.tok_end <= here.tok_start and names_it(x)), None)
    if earlier is not None:
        return earlier
    # a headline or lead that says "the Defense Ministry" before the story names it ("Russian Defense Minister")
    return next((x for x in m.actors if x.tok_start >= here.tok_end and names_it(x)), None)


def _stem(word: str) -> str:
    """Enough of a word to match its kin: "ministry"/"minister", "defence"/"defense"."""
    return word[:5] if len(word) > 5 and word.isalpha() else word


def _publisher_word(publisher: str | None) -> tuple[str, ...] | None:
    """The words of a publisher's name as it would be written in its own text ("Факти ICTV", "Meridiana
    News"; "The" and a parenthesised source dropped)."""
    name = (publisher or "").split("(")[0].strip()
    words = tuple(w for w in name.split() if w.lower() != "the")
    return words or None


def _names_publisher(a: Analysis, s: Sentence, words: tuple[str, ...], sm: SentenceMentions) -> bool:
    """The name among the sentence's first words: whole, or its first word where that word is no place or
    actor of its own ("By Meridiana's count" for Meridiana News; "Kyiv" is not "Kyiv Herald")."""
    end = min(s.end, s.start + 6)
    first = [a.tokens[k].text for k in range(s.start, end)]
    n = len(words)
    if any(tuple(first[i:i + n]) == words for i in range(0, len(first) - n + 1)):
        return True
    taken = {k for x in (*sm.places, *sm.actors) for k in range(x.tok_start, x.tok_end)}
    return len(words[0]) >= 5 and any(a.tokens[k].text == words[0] and k not in taken for k in range(s.start, end))


def _own_voice(a: Analysis, s: Sentence, sm: SentenceMentions, last: Voice | None) -> Voice | None:
    if a.marks(s) & NO_CLAIM_MARKS - {"signature"}:
        return None
    found: list[tuple[int, Voice]] = []
    subordinates = [c for c in sm.cues if c.group == "subordinate"]
    for cue in sm.cues:
        if cue.group not in ("speech", "according"):
            continue
        # "... hours after the Kremlin said ...": a speech verb inside a time clause
        if any(0 < cue.tok_start - c.tok_end <= 6 and not any(a.tokens[k].text == "," for k in range(c.tok_end, cue.tok_start))
               and c.tok_start > s.start for c in subordinates):
            continue
        if cue.group == "according":
            speakers = [x for x in sm.actors if x.speaker and x.kind in SPEAKER_KINDS
                        and cue.tok_end <= x.tok_start <= cue.tok_end + 8 and not _broken(a, cue.tok_end, x.tok_start)]
            actor = min(speakers, key=lambda x: x.tok_start, default=None)
            rule = "attribution.according_to"
            anaphor = _anaphor_at(a, s, range(cue.tok_end, cue.tok_end + 2))
            if actor is None and last is not None and anaphor is not None:
                found.append((cue.tok_start, replace(last, basis="named", rule="attribution.pronoun",
                                                     start=a.tokens[anaphor].start, end=a.tokens[anaphor].end)))
                continue
        else:
            # "a source told Reuters", "the ministry called it a provocation": who follows is not who speaks
            told = a.tokens[cue.tok_start].lower in ("told", "tells", "called", "calls", "described", "назвали", "назвал", "назвала", "назвав")
            actor, rule = _speaker_at(sm, a, cue.tok_start, cue.tok_end, a.lang, told)
            anaphor = _anaphor_at(a, s, [*range(cue.tok_start - 2, cue.tok_start), *range(cue.tok_end, cue.tok_end + 2)])
            bare = actor is not None and actor.side is None and actor.tok_end - actor.tok_start == 1 \
                and actor.tok_start == anaphor  # "рассказал источник": a word for a source, with no side of its own
            if (actor is None or bare) and last is not None and anaphor is not None:
                # "розповіло джерело", "the source added": the source named before
                found.append((cue.tok_start, replace(last, basis="named", rule="attribution.pronoun",
                                                     start=a.tokens[anaphor].start, end=a.tokens[anaphor].end)))
                continue
            if actor is None and last is not None and _pronoun_before(a, cue.tok_start, s):
                found.append((cue.tok_start, replace(last, basis="named", rule="attribution.pronoun",
                                                     start=a.tokens[cue.tok_start - 1].start,
                                                     end=a.tokens[cue.tok_start - 1].end)))
                continue
        if actor is None:
            person = _unknown_person(a, s, cue.tok_start, cue.tok_end)
            if person is not None:
                found.append((cue.tok_start, person))
            continue
        side = actor.side if actor.side in ("UA", "RU", "OTHER") else _side_from_places(actor, sm)
        if side is None:
            side = _side_from_affiliation(a, actor, sm)
        found.append((cue.tok_start, _voice(actor, side, rule)))
    if not found:
        # "Zelensky: ...", "Krasnodar region emergency headquarters in Russia: ...": a speaker heading the line
        colon = next((k for k in range(s.start, min(s.end, s.start + 12)) if a.tokens[k].text == ":"), None)
        if colon is None:
            return None
        places = {k for p in sm.places for k in range(p.tok_start, p.tok_end)}
        # a live blog's entry: "10:42 Повітряні сили: ...", "09:55 Голова Одеської ОВА Олег Кіпер: ..."
        places |= {k for t in sm.times for k in range(t.tok_start, t.tok_end)}
        places |= {k for x in sm.actors for k in range(x.tok_start, x.tok_end)}
        for actor in sm.actors:
            if not (actor.speaker and actor.kind in SPEAKER_KINDS and actor.tok_end <= colon):
                continue
            # "Protection of Civilians in Ukraine:": a country after a preposition is what the heading is about
            if actor.tok_start > s.start and a.tokens[actor.tok_start - 1].lower in _PREPOSITIONS:
                continue
            # only the speaker's own description around it: places, "in", "of", "the", its title and name
            own = set(places) | _title_words_touching(a, s.start, colon, actor)
            around = [k for k in range(s.start, colon) if not actor.tok_start <= k < actor.tok_end]
            if all(k in own or a.tokens[k].lower in _HEADING_FILLERS for k in around):
                side = actor.side if actor.side in ("UA", "RU", "OTHER") else _side_from_places(actor, sm)
                return _voice(actor, side, "attribution.heading")
        return None
    # the most specific speaker wins: an office over a capital standing for its government
    found.sort(key=lambda f: (_RANK.get(f[1].kind, 5), f[0]))
    return found[0][1]


def _default_voice(a: Analysis, m: Mentions, own: list[Voice | None]) -> Voice:
    publisher = publisher_voice(a.doc.publisher, a.lang)
    if publisher.basis == "publisher":
        return publisher
    # "Source: General Staff of the Armed Forces of Ukraine": the story relays that body throughout
    for block in a.blocks:
        if "source" in block.marks:
            for sid in block.sentences:
                for actor in m.in_sentence(a.sentences[sid]).actors:
                    if actor.speaker and actor.side in ("UA", "RU") and actor.kind in SPEAKER_KINDS:
                        return _voice(actor, actor.side, "attribution.source_line", basis="publisher")
    # a signature line names who posts ("Вячеслав Гладков")
    for block in a.blocks:
        if "signature" in block.marks:
            for sid in block.sentences:
                for actor in m.in_sentence(a.sentences[sid]).actors:
                    if actor.speaker and actor.side in ("UA", "RU"):
                        return _voice(actor, actor.side, "attribution.signature", basis="publisher")
    return publisher


def _continue(a: Analysis, own: list[Voice | None], default: Voice) -> list[Voice]:
    effective: list[Voice] = []
    last: Voice | None = None
    last_block = -1
    for s, voice in zip(a.sentences, own, strict=True):
        if voice is not None:
            effective.append(voice)
            last, last_block = voice, s.block
            continue
        if s.clause_of is not None and own[s.clause_of] is not None and s.joint != ";":
            # "..., Russian officials said, while a Russian attack on Kyiv killed six": the outlet's own words
            effective.append(default if default.basis == "outlet" else replace(default, basis="inherited"))
            continue
        if s.head is not None and s.head < len(effective):
            effective.append(replace(effective[s.head], basis="inherited", rule="attribution.list_head"))
            continue
        if last is not None and (s.block == last_block or s.block - last_block <= 2):
            effective.append(replace(last, basis="inherited", rule="attribution.continued"))
            continue
        effective.append(default)
    return effective
