"""Weapons, their counts and casualties in one English clause.

Weapon phrases join catalogue models and generic nouns ("162 Shahed-type
attack UAVs and imitator drones", "Iskander-M/KN-23 ballistic missile").
A number attaches to a phrase directly ("538 drones"), as a partitive ("268
of the drones", "none of them", "four of which"), or as a breakdown item
("51 over the territory of Crimea"). Its measure comes from the verb on its
right ("were shot down"), else on its left ("launched 538 drones"), else
from the numbers it is coordinated with ("539 drones and 11 missiles").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..common.fastre import gated
from ..common.weapons import find_weapon_models
from .lexicon import DEFENCE_SYSTEM_AFTER, MEASURE_VERBS, MODIFIER_WORDS, WEAPON_NOUNS
from .numbers import NUMBER_PATTERN, NumberMention, find_numbers, parse_number

__all__ = ["WeaponPhrase", "CountMention", "Casualty", "find_phrases", "find_counts", "find_casualties"]

_HEAD_NOUN = gated(
    r"drone|UAV|UAS|unmanned|uncrewed|missile|rocket|bomb|boat|vessel|craft|shell|MLRS|launcher|decoy|munition|ballistic", re.I
)
_SPECIFICITY = {"other": 5, "cruise_missile": 4, "ballistic_missile": 4, "guided_bomb": 4, "artillery": 4,
                "drone": 2, "missile": 1}
_JOIN = gated(r"^(?:\s|/|,|-|\band\b|\bor\b|\btype\b|\bof\s+(?:various|other|different)\s+types\b)*$", re.I)
_DEFENSIVE = gated(r"(?:air[\s-]+defen[cs]e|anti-aircraft|interceptor|surface-to-air|Patriot)\s*$", re.I)
# "four houses were destroyed": a number that counts other things (a plural noun that is no weapon)
_OTHER_THINGS = gated(r"\s+(?!(?:targets|units|items|objects|pieces|others|times|was|has|is|does|as|its|this|thus|plus|"
                      r"less|us|always|perhaps|whereas|besides)\b)(?:[a-z][\w-]*\s+)?[a-z][\w-]*[^s\W]s\b(?!\s+of\b)")
_ORDINAL_ONE = gated(r"\b(?:(?:a|an)\s+(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)|"
                     r"the\s+(?:other|second))\b(?=\s+(?:one\s+)?"
                     r"(?:was|were|had|has|hit|struck|crashed|fell|exploded|landed|reached)\b)", re.I)
_ALL_BUT = gated(r"\ball\s+but\s+(?P<n>" + NUMBER_PATTERN + r")(?=\s+of\s+(?:the|these|those|them)\b)", re.I)
_QUOTES_TO_SPACE = str.maketrans({q: " " for q in "\"“”«»'‘’"})
_DASH_ITEM = re.compile(r"\s*(?:\([^()]{0,80}\)\s*)?[–—:-]\s*")
_MODIFIER_FROM = re.compile(r"\s+(?:from|by)\b")
_ALONG_WITH = gated(r"\b(?:along|together)\s+with\s+$|\bas\s+well\s+as\s+$", re.I)
_THERE_WERE = gated(r"\bthere\s+(?:were|was)\s+(?:a\s+total\s+of\s+|in\s+total\s+)?$", re.I)
_GAP_OK = gated(r"^\s+(?:(?!(?:of|the|were|was|and|or|from|to|in|on|at|by|with|which|that|had|have|been|are|"
                     r"is|over|a|an|its|their|those|these|them)\b)[\w'’-]+\s+){0,3}$", re.I)
_PARTITIVE = gated(r"\s+of\s+(?:the|these|those|them|which|its|all)\b(?:\s+(?:[\w-]+))?", re.I)
_PARTITIVE_WORD = gated(r"\b(?P<w>none|all|neither|each)\s+of\s+(?:the|these|those|them|which|its)\b", re.I)
# "..., and that all had been destroyed", "Neither was intercepted": the weapons just named
_ALL_WERE = gated(r"\b(?P<w>all|both|neither|none)(?=\s+(?:had\s+been|have\s+been|were|was)\b)", re.I)
_NEITHER = gated(r"\b(?:neither|nor)\s+(?:was|were|had)\s+(?:the|any)\s+", re.I)
_NUMWORD = r"(?!\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|none|all)\b)"
_AUX = r"(?:\s*,)?\s*(?:(?:" + _NUMWORD + r"\w+\s+){0,5}?(?:were|was|had\s+been|have\s+been|has\s+been|are|is|being|been|had|have|has)\s+)?" \
       r"(?:(?:all|also|confirmed|reportedly|successfully|later|then|subsequently)\s+)*[\"“‘']?"
_RIGHT_VERB = gated(_AUX, re.I)
_PART_ITEM = gated(r"\s+(?:\w+\s+)?(?:over|above|in|near|off|outside)\s+(?:the\s+)?", re.I)
# "Of four Iskander-K missiles, two ...", "Of the 40 drones, 31 ..." -- but not "a total of 35"
_OF_BEFORE = gated(r"(?<!total\s)(?<!many\s)\bof\s+(?:the\s+|these\s+|those\s+)?$", re.I)
_IS_PHRASE = gated(r"^\s+(?:were|was)\s+(?:all\s+)?(?:[\w-]+\s+){0,1}?$", re.I)
_NOT_MEASURED = gated(
    r"\s+(?:(?:was|were)\s+not|wasn['’]t|weren['’]t|could\s+not\s+be|couldn['’]t\s+be|cannot\s+be|"
    r"was\s+never|were\s+never)\s+(?:intercepted|shot\s+down|downed|destroyed)\b", re.I
)
_LAUNCH_AFTER = gated(
    r"[^.;:]{0,60}?\b(?:launched|fired|from\s+(?:the\s+)?(?:directions?|area|[A-Z])|from\s+occupied)", re.I
)
_PRONOUN_PARTITIVE = gated(
    r"\s+of\s+(?:them|which|these|those|the\s+(?:rest|remainder|total|latter|former|" + NUMBER_PATTERN + r"))\b", re.I
)
_OUT_OF = gated(r"\s+(?:out\s+)?of\s+(?:the\s+)?(?=\d|[a-z]+\s)", re.I)  # "two out of three", "one of the two"
_AMONG_BEFORE = gated(r"\b(?:among|including)\s+(?:them|the\s+[\w-]+)\s+(?:were|was)\s+$", re.I)
_FINITE = gated(r"[.;:]|\b(?:was|were|is|are|had|has|have|said|says|while|but|whereas|which|who)\b", re.I)
_MORE = gated(r"\s+(?:more|others?|further)\b", re.I)
_OTHER_BEFORE = gated(r"\b(?:the\s+)?(?:other|remaining|rest)\s+$", re.I)


@dataclass
class WeaponPhrase:
    start: int
    end: int
    category: str
    models: list[str]
    model_spans: list[tuple[int, int]]


@dataclass
class CountMention:
    start: int  # the number
    end: int
    value: int
    phrase: WeaponPhrase | None  # None: category from context
    measure: str | None
    part: bool = False  # a breakdown item ("51 over Crimea")
    part_end: int = 0  # end of the breakdown item's text
    refers_back: bool = False  # "of them", "of which", "a further 208"
    tally: bool = False  # measure guessed from a verbless tally; a list header's verb overrides it
    extra: bool = False  # one more of the same ("while a third crashed onto the refinery"): adds up


@dataclass
class Casualty:
    kind: str  # killed / injured
    value: int
    start: int
    end: int


def find_phrases(text: str, start: int, end: int) -> list[WeaponPhrase]:
    heads: list[tuple[int, int, str, str | None]] = []
    for m in find_weapon_models(text, start, end):
        heads.append((m.start, m.end, m.weapon.category, m.weapon.model))
    nouns = WEAPON_NOUNS if _HEAD_NOUN.search(text, start, end) else ()
    for category, rx in nouns:
        for m in rx.finditer(text, start, end):
            heads.append((_with_modifiers(text, start, m.start()), m.end(), category, None))
    heads.sort(key=lambda h: (h[0], -h[1]))
    phrases: list[WeaponPhrase] = []
    for s, e, category, model in heads:
        if _DEFENSIVE.search(text[max(start, s - 25) : s]):
            continue
        if model is not None and DEFENCE_SYSTEM_AFTER.match(text, e, end):
            continue  # "destroyed by S-400 and Pantsir air defence systems": the defender's weapons
        last = phrases[-1] if phrases else None
        if last is not None and last.start <= s and e <= last.end and model is None:
            continue  # "rocket" inside "rocket launchers"
        if last is not None and (s < last.end or _JOIN.match(text[last.end : s])) and _compatible(last.category, category):
            last.end = max(last.end, e)
            if _SPECIFICITY[category] > _SPECIFICITY[last.category]:
                last.category = category
        else:
            last = WeaponPhrase(s, e, category, [], [])
            phrases.append(last)
        if model and model not in last.models:
            last.models.append(model)
            last.model_spans.append((s, e))
    return phrases


def _with_modifiers(text: str, start: int, pos: int) -> int:
    """Extend a head noun left over modifier words ("Ukrainian fixed-wing UAVs")."""
    while True:
        m = _WORD_BEFORE.search(text, max(start, pos - 40), pos)
        if m is None or m.group(1).lower() not in MODIFIER_WORDS:
            return pos
        pos = m.start(1)


_WORD_BEFORE = gated(r"([A-Za-z][\w-]*)\s+$")


def _compatible(a: str, b: str) -> bool:
    if a == b:
        return True
    missiles = {"missile", "cruise_missile", "ballistic_missile"}
    return a in missiles and b in missiles and "missile" in (a, b)


def _measure_at(text: str, pos: int, stop: int) -> str | None:
    """A measure verb right after `pos` ("were shot down", "vanished from radar")."""
    m = _RIGHT_VERB.match(text, pos, stop)
    at = m.end() if m else pos
    for measure, rx in MEASURE_VERBS:
        v = rx.match(text, at, stop)
        if v and (measure != "launched" or v.group(0).lower() in ("launched", "fired", "used", "dropped")):
            if measure == "launched" and not text[pos:at].strip() and _MODIFIER_FROM.match(text, v.end(), stop):
                return None  # "six rockets fired from HIMARS launchers": a participle that says what they are
            return measure
    return None


def _verb_hits(text: str, start: int, stop: int) -> list[tuple[int, int, str]]:
    """(start, end, measure) of every measure verb in `text[start:stop]`."""
    return [(m.start(), m.end(), measure) for measure, rx in MEASURE_VERBS for m in rx.finditer(text, start, stop)]


def _last_verb(text: str, start: int, stop: int) -> tuple[int, str] | None:
    """(end, measure) of the last measure verb in `text[start:stop]`, however far from `stop`."""
    return max(((end, measure) for _, end, measure in _verb_hits(text, start, stop)), default=None)


def _measure_left(text: str, start: int, stop: int) -> str | None:
    """The verb before a number; in "shot down or suppressed" the first one."""
    hits = sorted(_verb_hits(text, start, stop))
    if not hits:
        return None
    i = len(hits) - 1
    while i > 0 and re.fullmatch(r"\s+(?:or|and)\s+", text[hits[i - 1][1] : hits[i][0]]):
        i -= 1
    if hits[i][2] == "launched" and i + 1 < len(hits) and hits[i + 1][2] != "launched" and re.fullmatch(
            r"\s+(?:and|then)\s+", text[hits[i][1] : hits[i + 1][0]]):
        i += 1  # "detected and destroyed 13 UAVs": what happened to them is the second verb
    # Only verbs close to the number count ("launched 538 drones", not "launched ... because ... 5").
    if stop - hits[-1][1] > 60:
        return None
    return hits[i][2]


def find_counts(
    text: str, start: int, end: int, phrases: list[WeaponPhrase], numbers: list[NumberMention] | None = None
) -> list[CountMention]:
    nums = numbers if numbers is not None else find_numbers(text, start, end)
    counts: list[CountMention] = []
    words = [
        (m.start("w"), m.end("w"), 0 if m.group("w").lower() in ("none", "neither") else -1)
        for m in _PARTITIVE_WORD.finditer(text, start, end)
    ] + [
        # "..., and that all had been destroyed": as many as were launched
        (m.start("w"), m.end("w"), 0 if m.group("w").lower() in ("neither", "none") else -1)
        for m in _ALL_WERE.finditer(text, start, end)
        if _measure_at(text, m.end("w"), end) not in (None, "launched")
    ]
    for m in _ALL_BUT.finditer(text, start, end):
        # "downed all but two of the Kh-101s": as many as were launched, less two (-1 - 2; see filling)
        but = parse_number(m.group("n"))
        if but is not None and but >= 0:
            words.append((m.start(), m.end(), -1 - but))
    entries = [(n.start, n.end, n.value, n.exact) for n in nums] + [(s, e, v, True) for s, e, v in words]
    entries.sort()
    consumed = start
    for s, e, value, exact in entries:
        if s < consumed:
            continue  # "none of those seven": the second number is part of the first
        out_of = _OUT_OF.match(text, e, end)
        if out_of and value is not None and exact:
            # "two out of three missiles": the share and the whole of one weapon phrase.
            whole = next((n for n in nums if n.start == out_of.end()), None)
            if whole is not None and whole.value is not None:
                phrase = next((p for p in phrases if p.start >= whole.end and _GAP_OK.match(
                    text[whole.end : p.start] + " ")), None)
                if phrase is not None:
                    share = _measure_left(text, start, s) or _measure_at(text, phrase.end, end)
                    counts.append(CountMention(s, e, value, phrase, share))
                    counts.append(CountMention(whole.start, whole.end, whole.value, phrase, "launched"))
                    consumed = phrase.end
                    continue
        after = text[e:end]
        refers_back = False
        part = False
        part_end = 0
        measure: str | None = None
        # "Seven of the missiles were ballistic", "the other four were Iskander-M missiles": launched.
        pm = _PARTITIVE.match(text, e, end)
        e_is = pm.end() if pm else e
        if pm and not any(p.start <= pm.end() + 3 and p.start >= e for p in phrases):
            consumed = pm.end()
        is_phrase = next(
            (p for p in phrases if p.start >= e_is and _IS_PHRASE.match(text[e_is : p.start] + " ")
             and text[e_is : p.start].strip()),
            None,
        )
        # (quotes around the weapon word are no gap: 'shot down 11 "shaheds"')
        phrase = next((p for p in phrases if p.start >= e and _GAP_OK.match(
            text[e : p.start].translate(_QUOTES_TO_SPACE) + " ")), None)
        if phrase is not None and phrase.start - e > 40:
            phrase = None
        if is_phrase is not None:
            phrase, measure, e_ref = is_phrase, "launched", is_phrase.end
            consumed = max(consumed, is_phrase.end)
        elif phrase is None or phrase.start > e + 1 and _PARTITIVE.match(after):
            if pm:
                # "268 of the drones", "four of which", "none of those seven"
                nxt = next((p for p in phrases if p.start >= e and p.start <= pm.end() + 3), None)
                if nxt is None and not _PRONOUN_PARTITIVE.match(text, e, end):
                    continue  # "one of the country's larger plants": not a weapon count
                phrase, refers_back = (nxt, False) if nxt else (None, True)
                e_ref = nxt.end if nxt else pm.end()
            else:
                e_ref = e
                if _PART_ITEM.match(text, e, end):
                    if re.search(r"\bincluding\s+$", text[max(start, s - 12) : s], re.I):
                        continue  # "28 drones, including 11 over Saratov": a share, not a breakdown
                    part = True
                    part_end = next((n.start for n in nums if n.start > e), end)
                elif _measure_at(text, e, end) is not None and not _OTHER_THINGS.match(text, e, end):
                    refers_back = True  # "a further 208 vanished from radar"
                elif (more := _MORE.match(text, e, end)) and _measure_at(text, more.end(), end) is not None:
                    refers_back = True  # "two more struck the territory of an enterprise"
                    e_ref = more.end()
                elif (head := next((p for p in reversed(phrases) if p.end <= s and _DASH_ITEM.fullmatch(
                        text, p.end, s)), None)) is not None:
                    # "• cruise missiles (Kh-101, Kalibr) – 52, of which 41 were shot down": a tally line
                    phrase, measure = head, "launched"
                else:
                    continue
        else:
            e_ref = phrase.end
        if value is None or not exact:
            continue
        if measure is None and phrase is not None and _OF_BEFORE.search(text[max(start, s - 16) : s]):
            measure = "launched"  # "Of four Iskander-K cruise missiles, two were brought down"
        if measure is None and phrase is not None and _AMONG_BEFORE.search(text[max(start, s - 40) : s]):
            measure = "launched"  # "Among the missiles were two Kinzhal ballistic missiles"
        if measure is None and not part:
            measure = _measure_at(text, e_ref, end)
        if measure is None and _THERE_WERE.search(text[max(start, s - 30) : s]):
            measure = "launched"  # "In total there were nine of them": how many came
        if value < -1:  # "downed all but two of the Kh-101s": the verb before, and "two" is used up
            measure = measure or _measure_left(text, max(start, s - 40), s)
            consumed = max(consumed, e_ref)
        counts.append(CountMention(s, e, value, phrase, measure, part, part_end, refers_back))
    for m in _ORDINAL_ONE.finditer(text, start, end):
        # "Two drones were downed, while a third crashed onto the refinery's grounds": one more
        measure = _measure_at(text, m.end(), end)
        if measure is not None and not any(c.start <= m.start() < c.end for c in counts):
            counts.append(CountMention(m.start(), m.end(), 1, None, measure, refers_back=True, extra=True))
    for m in _NOT_MEASURED.finditer(text, start, end):
        # "The Kh-31P missile was not intercepted": an explicit zero.
        phrase = next((p for p in phrases if p.end == m.start()), None)
        if phrase is not None:
            counts.append(CountMention(m.start(), m.end(), 0, phrase, "intercepted"))
    for p in phrases:
        # "No cruise missile was shot down": an explicit zero.
        window = max(start, p.start - 16)
        no = re.search(r"\b(?:no|not\s+a\s+single|not\s+one)\s+$", text[window : p.start], re.I)
        measure = _measure_at(text, p.end, end) if no else None
        if no and measure is not None:
            counts.append(CountMention(window + no.start(), window + no.end() - 1, 0, p, measure))
    for m in _NEITHER.finditer(text, start, end):
        phrase = next((p for p in phrases if p.start == m.end()), None)
        if phrase is not None:
            counts.append(CountMention(m.start(), m.end() - 1, 0, phrase, None, refers_back=False))
            counts[-1].measure = "same-as-previous"
    counts.sort(key=lambda c: c.start)
    for prev, c in zip(counts, counts[1:], strict=False):
        if c.measure is None and prev.measure is not None and _ALONG_WITH.search(text, max(start, c.start - 20), c.start):
            c.measure = prev.measure  # "Five of the Kh-101s were shot down, ... along with 71 of the drones"
    _fill_measures(text, start, counts)
    for c in counts:
        if c.measure is None and not c.part and c.phrase is not None:
            c.measure = _list_verb(text, start, c.start, phrases)
    if counts and all(c.measure is None and c.phrase is not None for c in counts) and _only_tally(
        text, start, end, phrases
    ):
        for c in counts:
            c.measure = "launched"  # '"More than 60 drones and eight missiles."': a verbless tally of the attack
            c.tally = True
    return counts


# What may stand between a verb and the last item of its list of weapons
# ("launched more than 1,100 drones, almost 1,000 guided bombs and 42 missiles").
_LIST_FILLER = frozenset(
    "and or more than almost nearly about around over up to some at least of various different types type several "
    "dozens hundreds plus as well the also another further a an".split()
)


def _outside_items(text: str, start: int, end: int, phrases: list[WeaponPhrase]) -> str:
    """`text[start:end]` with weapon phrases and numbers blanked: what is left between list items."""
    chars = list(text[start:end])
    for p in phrases:
        for i in range(max(p.start, start), min(p.end, end)):
            chars[i - start] = " "
    return re.sub(NUMBER_PATTERN, " ", "".join(chars), flags=re.I)


def _words_outside(text: str, start: int, end: int, phrases: list[WeaponPhrase]) -> list[str]:
    return re.findall(r"[^\s,.:;!?\"“”'‘’()—–-]+", _outside_items(text, start, end, phrases))


def _only_tally(text: str, start: int, end: int, phrases: list[WeaponPhrase]) -> bool:
    words = _words_outside(text, start, end, phrases)
    return all(w.lower() in _LIST_FILLER or w.lower() in ("in", "total", "overall", "altogether") for w in words)


def _list_verb(text: str, start: int, pos: int, phrases: list[WeaponPhrase]) -> str | None:
    """The measure of a verb that governs a whole list ending at `pos`, when
    everything between is other list items (numbers, weapon phrases, fillers),
    also across a colon: "shot down 58 air targets: two of the ballistic
    missiles, all three guided missiles and 53 Shaheds"."""
    colon = text.rfind(":", max(start, pos - 220), pos)
    if colon >= 0 and all(w.lower() in _LIST_FILLER or w.lower() in ("of", "all", "both")
                          for w in _words_outside(text, colon + 1, pos, phrases)):
        head = _last_verb(text, max(start, colon - 150), colon)
        if head is not None:
            return head[1]
    last = _last_verb(text, max(start, pos - 220), pos)
    if last is None:
        return None
    verb_end, measure = last
    rest = _outside_items(text, verb_end, pos, phrases)
    words = re.findall(r"[^\s,]+", rest)
    if "," not in rest and "and" not in words:
        return None  # not a list: the nearer-verb rule already had its chance
    return measure if all(w.lower() in _LIST_FILLER for w in words) else None


def _fill_measures(text: str, start: int, counts: list[CountMention]) -> None:
    """Left verbs, then coordination ("539 drones and 11 missiles")."""
    prev_end = start
    for c in counts:
        if c.measure is None and not c.part:
            c.measure = _measure_left(text, prev_end if prev_end > start else start, c.start)
        prev_end = (c.phrase.end if c.phrase else c.end) if not c.part else c.part_end
    for c in counts:
        if c.measure is None and not c.part and c.phrase is not None and _LAUNCH_AFTER.match(text, c.phrase.end):
            # "87 cruise missiles (Kh-101, Kalibr) launched from ...", "... from Kursk" -- unless a verb earlier in
            # the clause governs the list ("shot down ..., six rockets fired from HIMARS launchers")
            governing = _last_verb(text, start, c.start)
            if governing is None or governing[1] == "launched":
                c.measure = "launched"
    for i, c in enumerate(counts):
        if c.measure == "same-as-previous":
            c.measure = counts[i - 1].measure if i else None
    # Coordinated counts share a measure, in either direction.
    for _ in range(2):
        for i in range(1, len(counts)):
            a, b = counts[i - 1], counts[i]
            if a.part or b.part:
                continue
            gap = text[(a.phrase.end if a.phrase else a.end) : b.start]
            coordinated = re.fullmatch(
                r"(?:\s+of\s+(?:several|various|different|other)\s+types)?\s*(?:,|and|,\s*and|as\s+well\s+as|plus)\s*",
                gap,
            ) or (
                len(gap) < 80 and re.search(r"(?:,|\band)\s*$", gap) and not any(rx.search(gap) for _, rx in MEASURE_VERBS)
                and not _FINITE.search(gap)
            )
            if coordinated:
                if b.measure is None:
                    b.measure = a.measure
                elif a.measure is None:
                    a.measure = b.measure


_CAS_NOUN = r"(?:(?:(?!and\b|or\b|but\b)[\w-]+\s+){0,4}?)"
_KILLED = r"(?:killed|dead|died|deaths?|lives|fatalities|killing)"
_INJURED = r"(?:injured|wounded|hurt|injuries|injuring|wounding|hospitali[sz]ed)"
_NOUN_FIRST = gated(
    r"\s+" + _CAS_NOUN + r"(?:(?:who|that)\s+(?:were|was|had\s+been)\s+(?:[\w-]+\s+){1,5}?)?"  # "workers who were on duty"
    r"(?:[\w-]+)?(?:,[^,.;]{1,40},\s+)?(?:(?:were|was|had\s+been|have\s+been|has\s+been|are|got)\s+)?"
    r"(?P<k>killed|dead|died|"
    r"deaths?|fatalities|injured|wounded|hurt|injuries|hospitali[sz]ed|"
    r"(?:suffered|sustained|received)\s+(?:[\w-]+\s+)?(?:injuries|wounds|burns|trauma)|taken\s+to\s+hospital|"
    r"(?:being\s+)?treated\s+for\s+(?:their\s+)?(?:injuries|wounds|burns))\b", re.I)
_VERB_FIRST = gated(r"\b(?P<k>killing|killed|injuring|injured|wounding|wounded|(?:death\s+)?toll\s+(?:at|to|of|"
                         r"rose\s+to|stood\s+at|reached|climbed\s+to)|killed\s+at\s+least)\s+$", re.I)
_ZERO = gated(
    r"\b(?:no\s+one|nobody|no\s+people|none|no\s+civilians)(?:\s+of\s+(?:the|our|its|their)\s+[\w-]+)?\s+"
    r"(?:was|were|had\s+been|has\s+been)\s+(?P<a>" +
    _KILLED + "|" + _INJURED + r")(?:\s+(?:or|and)\s+(?P<b>" + _KILLED + "|" + _INJURED + r"))?|"
    r"\b(?P<none>no\s+casualties|without\s+casualties|no\s+(?:one\s+was\s+)?(?:injuries|victims))\b",
    re.I,
)


_TOLL = gated(
    r"\b(?:(?:death\s+)?toll|number\s+of\s+(?:people\s+)?(?P<k>killed|dead|deaths|fatalities|injured|wounded|hurt|injuries))"
    r"(?:\s+[^.;:]{0,120}?)?\s+(?:has\s+|had\s+)?"
    r"(?:rose|risen|climbed|increased|grew|reached|stood|stands|is|was|hit)\s+(?:to\s+|at\s+)?$|"
    # "he raised the number of injured to 24", "revised the death toll up to 11"
    r"\b(?:raised|revised|updated|put|increased|lifted)\s+(?:the\s+)?(?:(?:death\s+)?toll|number\s+of\s+(?:people\s+)?"
    r"(?P<k2>killed|dead|deaths|fatalities|injured|wounded|hurt|injuries))\s+(?:up\s+)?(?:to|at)\s+$", re.I)
_ONE_PERSON = gated(
    r"\b(?:a|an|one|another|one\s+of\s+(?:our|the|its|their)|(?P<the>the)(?=\s+(?:[\w-]+\s+){0,3}?(?:man|woman|driver|"
    r"boy|girl|pensioner|passenger|cyclist|teenager|child)(?:,\s+(?:a|an)\s+[\w-]+,)?\s+(?:died|was\s+(?:killed|"
    r"injured|wounded|hurt))))"
    r"\s+(?:[\w-]+\s+){0,3}?"
    r"(?:man|woman|person|civilian|child|"
    r"boy|girl|resident|driver|teenager|employees|workers|colleagues|residents|civilians|"
    r"pensioner|employee|worker|firefighter|rescuer|guard|security\s+guard|passer-by|local)"
    r"(?:\s+(?:of|at|in|from)\s+(?:the\s+|one\s+of\s+the\s+)?(?:[\w-]+\s+){0,4}?[\w-]+)?"  # "resident of a village in X"
    r"(?:,\s+(?:a|an)\s+[\w-]+,)?\s+"  # "The driver, a man,"
    r"(?:(?:was|has\s+been|had\s+been)\s+(?P<k>killed|injured|wounded|hurt|hospitali[sz]ed)|"
    r"(?P<k2>died|(?:suffered|sustained|received)\s+(?:a\s+|an\s+)?(?:[\w-]+\s+)?(?:injuries|injury|wounds?|burns|"
    r"(?:baro)?trauma|concussion|fractures?)))\b|"
    # "injuring a 62-year-old woman", "killing one man"
    r"\b(?P<k3>killing|injuring|wounding)\s+(?:a|an|one)\s+(?:[\w-]+\s+){0,3}?(?:man|woman|person|civilian|child|boy|girl|"
    r"resident|driver|teenager|pensioner|employee|worker|firefighter|rescuer|guard|passer-by|local)\b",
    re.I,
)


def _kind(word: str) -> str:
    return "killed" if re.match(_KILLED, word, re.I) or word.lower().startswith("death") else "injured"


def find_casualties(text: str, start: int, end: int, numbers: list[NumberMention]) -> list[Casualty]:
    found: list[Casualty] = []
    for i, n in enumerate(numbers):
        if n.value is None or not n.exact or re.search(r"\bno\s+$", text[max(start, n.start - 4) : n.start], re.I):
            continue
        nxt = numbers[i + 1].start if i + 1 < len(numbers) else end
        m = _NOUN_FIRST.match(text, n.end, nxt)
        if m and not re.search(r"\b(?:drones?|missiles?|UAVs?|of\s+them)\b", m.group(0), re.I):
            found.append(Casualty(_kind(m.group("k")), n.value, n.start, n.end))
            continue
        v = _VERB_FIRST.search(text[max(start, n.start - 40) : n.start])
        if v:
            found.append(Casualty(_kind(v.group("k")), n.value, n.start, n.end))
        elif toll := _TOLL.search(text[max(start, n.start - 140) : n.start]):
            # "the death toll from ... rose to nine", "the number of injured had risen to 26"
            word = (toll.group("k") or toll.group("k2") or "killed").lower()
            found.append(Casualty("injured" if word.startswith(("injur", "wound", "hurt")) else "killed",
                                  n.value, n.start, n.end))
    for m in _ONE_PERSON.finditer(text, start, end):
        if any(c.start <= m.start() < c.end or m.start() <= c.start < m.end() for c in found):
            continue  # "one employee was injured": the number rule already has it
        found.append(Casualty(_kind(m.group("k") or m.group("k2") or m.group("k3")), 1, m.start(), m.end()))
    for m in _ZERO.finditer(text, start, end):
        if m.group("none"):
            found += [Casualty("killed", 0, m.start(), m.end()), Casualty("injured", 0, m.start(), m.end())]
            continue
        for g in ("a", "b"):
            if m.group(g):
                found.append(Casualty(_kind(m.group(g)), 0, m.start(), m.end()))
    return found
