"""Weapon counts: which figure counts which weapons, and with what measure.

Rules, in the order they claim a figure:
- `count.adjacent`: a figure right before its weapon ("57 Ukrainian drones",
  "458 ударними БпЛА"), with only modifiers between;
- `count.after_weapon`: a weapon, then a colon or dash and the figure
  ("drones: 35", "БПЛА - 29");
- `count.partitive`: "31 of the 40 drones", "72 of them", "з них 406":
  the first figure is a part of the weapons named (or just named);
- `count.quantifier`: "all of them", "both", "none" for the weapons just named;
- `count.anaphoric`: a figure beside a measure verb with no weapon of its
  own ("72 were shot down", "збито 406") counts the weapons last named;
- `count.list_item`: a list line under a head ("10 - над территорией
  Белгородской области") counts the head's weapons, with the head's measure,
  as one part of a breakdown by region.

The measure (launched, intercepted, lost, hit) is the nearest measure cue
that no other counted weapon stands in front of (`measure.nearest`); "with"
before a figure means launched (`measure.with`); a figure with no measure cue
in a sentence about an attack counts the weapons launched
(`measure.attack`). A figure whose line names exactly one region it happened
over is one part of a breakdown (`scope`), summed only where the text gives no
total.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lexicon import word_set
from ..mentions import NumberMention, WeaponMention
from .model import CountFact
from .rules import Example, register
from .view import MEASURE_GROUPS, SentenceView

__all__ = ["read_counts", "Pair"]

ADJACENT = register("count.adjacent", "a figure right before the weapons it counts",
                    Example("Russia launched 150 drones overnight, Zelensky said.", "en",
                            {"weapons": [{"category": "drone", "launched": 150}]}),
                    Example("Ворог атакував 45 ракетами, повідомили Повітряні сили.", "uk", {"weapons": [{"category": "missile", "launched": 45}]}))
AFTER_WEAPON = register("count.after_weapon", "a weapon, a colon or dash, then its figure",
                        Example("Intercepted overnight, Russia's defence ministry said: drones - 35.", "en",
                                {"weapons": [{"category": "drone", "intercepted": 35}]}))
PARTITIVE = register("count.partitive", "a part of the weapons named: '31 of the 40 drones', 'з них 406'",
                     Example("Air defences shot down 31 of the 40 drones Russia launched, the air force said.", "en",
                             {"weapons": [{"category": "drone", "launched": 40, "intercepted": 31}]}))
QUANTIFIER = register("count.quantifier", "'all of them', 'both', 'none' count the weapons just named",
                      Example("Russia fired two Iskander-M missiles at Sumy; both of them struck the city, "
                              "the regional administration said.", "en",
                              {"weapons": [{"category": "ballistic_missile", "launched": 2, "hit": 2}]}))
ANAPHORIC = register("count.anaphoric", "a figure beside a measure verb counts the weapons last named",
                     Example("Russia launched 112 drones at Ukraine overnight; 72 were shot down, the air force said.",
                             "en", {"weapons": [{"category": "drone", "launched": 112, "intercepted": 72}]}))
OF_SET = register("count.of_set", "'Of four cruise missiles, two were downed': the set a part is taken from was launched",
                 Example("Of four Iskander-K cruise missiles, two were brought down, the air force said.", "en",
                         {"weapons": [{"category": "cruise_missile", "launched": 4, "intercepted": 2}]}))
COPULA = register("count.copula", "'Nine of the missiles were Iskander-K cruise missiles': the figure counts the weapons "
                  "it is said to be, as launched",
                  Example("Russia launched 13 missiles; nine of the missiles were Iskander-K cruise missiles, four of "
                          "which were shot down, the air force said.", "en",
                          {"weapons": [{"category": "cruise_missile", "launched": 9, "intercepted": 4}]}))
LIST_ITEM = register("count.list_item", "a list line counts its head's weapons, as one part of a breakdown")
MEASURE_NEAREST = register("measure.nearest", "the nearest measure verb no other counted weapon stands before")
MEASURE_WITH = register("measure.with", "'with' before a figure: the weapons launched")
MEASURE_COORDINATED = register("measure.coordinated", "figures joined by 'and' share one measure verb",
                               Example("Air defences shot down 563 of the drones and 26 of the missiles, the air force said.",
                                       "en", {"weapons": [{"category": "drone", "intercepted": 563},
                                                          {"category": "missile", "intercepted": 26}]}))
MEASURE_ATTACK = register("measure.attack", "a figure in a sentence about an attack, with no measure verb: launched")

_CUE_MEASURE = {"launch": "launched", "intercept": "intercepted", "lost": "lost", "hit": "hit"}


@dataclass
class Pair:
    number: NumberMention
    weapon: WeaponMention
    rule: str
    measure: str | None = None
    measure_rule: str | None = None
    value: int | None = None
    scope: str | None = None
    additive: bool = False


def _partitive_words(lang: str) -> frozenset[str]:
    return word_set(lang, "numbers", "partitive") or frozenset({"of", "з", "із", "из"})


def _gap_ok(v: SentenceView, start: int, end: int) -> bool:
    """Only modifiers between a figure and its weapon: no other figure,
    punctuation, measure verb or "of"."""
    if end - start > 5:
        return False
    stops = _partitive_words(v.a.lang)
    for k in range(start, end):
        tok = v.tokens[k]
        if k in v.number_at or tok.text in (",", ";", ":", "(", ")", ".") or tok.lower in stops:
            return False
        # "two civilians in a drone strike": people between a figure and a weapon are what it counts
        if tok.lower in word_set(v.a.lang, "casualties", "people") or tok.norm in word_set(v.a.lang, "casualties", "people"):
            return False
        if v.groups(k) & {"intercept", "lost", "hit", "launch_site", "over", "speech", "killed", "injured"}:
            return False
    return True


def _measure_of(cue_groups: set[str]) -> str | None:
    for group in MEASURE_GROUPS:
        if group in cue_groups:
            return _CUE_MEASURE[group]
    return None


def _last_weapon_before(weapons: list[WeaponMention], tok: int) -> WeaponMention | None:
    before = [w for w in weapons if w.tok_end <= tok]
    return before[-1] if before else None


def pair_counts(v: SentenceView, context_weapon: WeaponMention | None) -> list[Pair]:
    """Figures paired with weapons (measures not yet assigned)."""
    weapons = sorted(v.m.weapons, key=lambda w: w.tok_start)
    pairs: list[Pair] = []
    used: set[int] = set()
    numbers = sorted(v.m.numbers, key=lambda n: n.tok_start)
    stops = _partitive_words(v.a.lang)
    for n in numbers:
        if n.quantifier in ("all", "none", "both"):
            continue
        if _after_quantifier(v, n, numbers) and not any(
                w.tok_start == n.tok_end or (w.tok_start - n.tok_end <= 2 and _gap_ok(v, n.tok_end, w.tok_start))
                for w in weapons):
            target = _last_weapon_before(weapons, n.tok_start) or context_weapon
            if target is not None:
                pair = Pair(n, target, OF_SET, value=n.value, measure="launched", measure_rule=OF_SET)
                pairs.append(pair)
                used.add(id(n))
                continue
        copula = _copula_weapon(v, n, weapons)
        if copula is not None:
            pairs.append(Pair(n, copula, COPULA, value=n.value, measure="launched", measure_rule=COPULA))
            used.add(id(n))
            continue
        after = next((w for w in weapons if w.tok_start >= n.tok_end and _gap_ok(v, n.tok_end, w.tok_start)), None)
        if after is not None:
            # "Of four cruise missiles, two were brought down": the set the part comes from
            of_set = n.tok_start > v.s.start and v.tokens[n.tok_start - 1].lower in stops and (
                n.tok_start - 1 == v.s.start or v.tokens[n.tok_start - 2].text in (",", ";", ":")
                or (n.tok_start - 2) in v.number_at)  # "30 of 40 drones": 40 is the set, launched
            if not of_set and n.tok_start - 2 > v.s.start and v.tokens[n.tok_start - 1].lower == "the" \
                    and v.tokens[n.tok_start - 2].lower in stops and (n.tok_start - 3) in v.number_at:
                of_set = True  # "31 of the 40 drones"
            pair = Pair(n, after, OF_SET if of_set else ADJACENT, value=n.value)
            if of_set:
                pair.measure, pair.measure_rule = "launched", OF_SET
            pairs.append(pair)
            used.add(id(n))
            continue
        # "31 of the 40 drones", "72 of them", "з них 406" handled below
        k = n.tok_end
        if k < v.s.end and v.tokens[k].lower in stops:
            target = next((w for w in weapons if w.tok_start > k and w.tok_start - k <= 4), None)
            if target is None and _refers_back(v, k + 1):
                # "72 of them", "з них 406", "one of those": the weapons named before
                target = _last_weapon_before(weapons, n.tok_start) or context_weapon
            if target is not None:
                pairs.append(Pair(n, target, PARTITIVE, value=n.value))
                used.add(id(n))
                continue
        before = _last_weapon_before(weapons, n.tok_start)
        if before is not None and n.tok_start - before.tok_end <= 2 and all(
                v.tokens[j].text in (":", "-", "—", "–") for j in range(before.tok_end, n.tok_start)):
            pairs.append(Pair(n, before, AFTER_WEAPON, value=n.value))
            used.add(id(n))
    # figures next to a measure verb, with no weapon of their own
    for n in numbers:
        if id(n) in used or n.quantifier in ("all", "none", "both"):
            continue
        near = any(v.groups(j) & set(MEASURE_GROUPS) for j in range(max(v.s.start, n.tok_start - 3), n.tok_start)) \
            or any(v.groups(j) & set(MEASURE_GROUPS) for j in range(n.tok_end, min(v.s.end, n.tok_end + 3))) \
            or (n.tok_end < v.s.end and "over" in v.groups(n.tok_end) and v.m.has(*MEASURE_GROUPS)) \
            or (_after_place_dash(v, n) and v.m.has(*MEASURE_GROUPS)) \
            or (_total_word_near(v, n) and v.m.has(*MEASURE_GROUPS))
        if not near or _counts_other(v, n):
            continue
        target = _last_weapon_before(weapons, n.tok_start) or context_weapon
        if target is None:
            target = next((w for w in weapons if w.tok_start > n.tok_end), None)
        if target is not None:
            pairs.append(Pair(n, target, ANAPHORIC, value=n.value))
    for n in numbers:
        if n.quantifier not in ("all", "none", "both"):
            continue
        if n.tok_start > v.s.start and v.tokens[n.tok_start - 1].lower == "in":
            continue  # "20 in all": a total, not a quantifier
        # "all three guided missiles": the figure after the quantifier is the count
        if any(id(q) in used and 0 <= q.tok_start - n.tok_end <= 1 for q in numbers):
            continue
        target = _last_weapon_before(weapons, n.tok_start) or context_weapon
        nxt = next((w for w in weapons if w.tok_start >= n.tok_end and w.tok_start - n.tok_end <= 3), None)
        target = nxt or target
        if target is not None:
            pairs.append(Pair(n, target, QUANTIFIER, value=n.value))
    pairs.sort(key=lambda p: p.number.tok_start)
    return pairs


def _refers_back(v: SentenceView, k: int) -> bool:
    """After "of"/"з"/"из": a pronoun or a determiner ("them", "них", "those", "the"), not another noun
    ("один із районів", "one of the districts" counts districts)."""
    if k >= v.s.end:
        return False
    words = word_set(v.a.lang, "numbers", "back_reference")
    tok = v.tokens[k]
    if tok.lower in words or tok.norm in words:
        # "of the drones" is a weapon right after; "of the districts" is not
        return tok.lower not in ("the", "these", "those") or k + 1 >= v.s.end or (k + 1) in v.weapon_at
    return False


def _after_place_dash(v: SentenceView, n: NumberMention) -> bool:
    """"над Орловской - 5", "over the Oryol region: 5": a part of a breakdown after its place."""
    k = n.tok_start - 1
    if k <= v.s.start or v.tokens[k].text not in ("-", "–", "—", ":"):
        return False
    return (k - 1) in v.place_at and any(c.group == "over" and c.tok_end <= k for c in v.m.cues)


def _total_word_near(v: SentenceView, n: NumberMention) -> bool:
    """"всього 20", "20 in all", "a total of 20": the whole of a breakdown."""
    words = word_set(v.a.lang, "numbers", "total")
    before = [v.tokens[k] for k in range(max(v.s.start, n.tok_start - 3), n.tok_start)]
    after = " ".join(t.lower for t in v.tokens[n.tok_end:min(v.s.end, n.tok_end + 2)])
    return any(t.lower in words or t.norm in words for t in before) or any(after.startswith(w) for w in words if " " in w)


def _copula_weapon(v: SentenceView, n: NumberMention, weapons: list[WeaponMention]) -> WeaponMention | None:
    """"nine of the missiles were Iskander-K cruise missiles", "the other four were ballistic"."""
    copulas = _copulas(v.a.lang)
    k = n.tok_end
    limit = min(v.s.end, k + 5)
    while k < limit and v.tokens[k].lower not in copulas and v.tokens[k].norm not in copulas:
        if v.tokens[k].text in (",", ";", ".") or k in v.number_at:
            return None
        k += 1
    if k >= limit:
        return None
    return next((w for w in weapons if 0 <= w.tok_start - k - 1 <= 2), None)


def _copulas(lang: str) -> frozenset[str]:
    return word_set(lang, "numbers", "copula")


def _after_quantifier(v: SentenceView, n: NumberMention, numbers: list[NumberMention]) -> bool:
    """"none of those seven", "all 40 of them": the figure names the set the quantifier counts."""
    for q in numbers:
        if q.quantifier in ("all", "none", "both") and 0 < n.tok_start - q.tok_end <= 3 and all(
                v.tokens[k].lower in ("of", "those", "these", "the", "з", "із", "из", "этих", "цих", "тих")
                for k in range(q.tok_end, n.tok_start)):
            return True
    return False


NEGATED = register("count.negated", "a weapon that was not shot down ('The Kh-31P was not intercepted', 'Балістичні "
                   "ракети збити не вдалося') has an interception count of zero",
                   Example("Russia fired two Iskander-M ballistic missiles at Kryvyi Rih overnight, the air force "
                           "said. The ballistic missiles were not intercepted.", "en",
                           {"weapons": [{"category": "ballistic_missile", "launched": 2, "intercepted": 0}]}))
_NEGATED_AFTER = frozenset({"вдалося", "удалось", "вдалось"})  # "збити не вдалося", "сбить не удалось"


def negated_counts(v: SentenceView, pairs: list[Pair]) -> list[CountFact]:
    """Zero interceptions of the weapon a sentence says was not shot down."""
    out: list[CountFact] = []
    negations = [c for c in v.m.cues if c.group == "negation"]
    negation_words = word_set(v.a.lang, "cues", "negation")
    for cue in v.m.cues:
        # "were not intercepted" is a phrase of the hit entry: what was not shot down reached its target
        negated_phrase = cue.group == "hit" and any(v.tokens[k].lower in negation_words
                                                     for k in range(cue.tok_start, cue.tok_end))
        if cue.group != "intercept" and not negated_phrase:
            continue
        neg_before = next((n for n in negations if 0 <= cue.tok_start - n.tok_end <= 2), None)
        neg_after = next((n for n in negations if 0 <= n.tok_start - cue.tok_end <= 1 and n.tok_end < v.s.end
                          and v.tokens[n.tok_end].lower in _NEGATED_AFTER), None)
        if not (negated_phrase or neg_before or neg_after):
            continue
        # the evidence is the negated verb: "was not intercepted", "не збито", "збити не вдалося"
        span_start = neg_before.start if neg_before is not None and not negated_phrase else cue.start
        span_end = v.tokens[neg_after.tok_end].end if neg_after is not None else cue.end
        if any(v.tokens[k].lower in ("all", "всі", "усі", "все") for k in range(max(v.s.start, cue.tok_start - 3),
                                                                              cue.tok_start)):
            continue  # "not all of them were shot down"
        weapon = next((w for w in sorted(v.m.weapons, key=lambda w: -w.tok_start) if w.tok_end <= cue.tok_start
                       and cue.tok_start - w.tok_end <= 6), None) or next(
            (w for w in v.m.weapons if 0 <= w.tok_start - cue.tok_end <= 4), None)
        if weapon is None or any(p.weapon is weapon and p.measure in (None, "intercepted") for p in pairs
                                 if p.value is not None):
            continue
        out.append(CountFact(weapon.category, weapon.model, "intercepted", 0, span_start, span_end, NEGATED,
                             weapon_start=weapon.start, weapon_end=weapon.end))
    return out


def is_tally(v: SentenceView) -> bool:
    """A figure of strikes or violations: "488 times", "four attacks", "40 разів" (frame.tally)."""
    words = word_set(v.a.lang, "numbers", "incidents_counted") | word_set(v.a.lang, "numbers", "strikes_counted")
    for n in v.m.numbers:
        k = n.tok_end
        if k < v.s.end and (v.tokens[k].lower in words or v.tokens[k].norm in words):
            return True
    # "the sixth massive attack", "the 210th", "17-та атака": an ordinal before an attack word
    ordinals = word_set(v.a.lang, "numbers", "ordinals")
    attacks = [c.tok_start for c in v.m.cues if c.group == "attack"]
    for k in range(v.s.start, v.s.end):
        tok = v.tokens[k]
        if tok.lower in ordinals or tok.norm in ordinals or _ORDINAL_FIGURE.fullmatch(tok.text):
            if any(0 < c - k <= 3 for c in attacks) or (k + 1 < v.s.end and v.tokens[k + 1].text == "-"
                                                          and k + 2 < v.s.end and v.tokens[k + 2].lower in _SUFFIXES):
                return True
    return False


_ORDINAL_FIGURE = re.compile(r"[0-9]+(?:st|nd|rd|th)")
_SUFFIXES = frozenset({"та", "тя", "й", "я", "а", "ий", "ая"})


def _counts_other(v: SentenceView, n: NumberMention) -> bool:
    """A figure of people, houses, places or "air targets" is no weapon count."""
    words = word_set(v.a.lang, "casualties", "people")
    k = n.tok_end
    if k < v.s.end and k not in v.weapon_at:
        nxt = v.tokens[k]
        if nxt.lower in word_set(v.a.lang, "numbers", "not_weapons") or " ".join(
                t.lower for t in v.tokens[k:k + 2]) in word_set(v.a.lang, "numbers", "not_weapons"):
            return True
        # Ukrainian and Russian: a noun right after the figure (and its adjectives) that is no weapon ("58 цілей",
        # "двух механизированных бригад")
        j = k
        while j < v.s.end and j not in v.weapon_at and ("ADJF" in v.tokens[j].tags or "PRTF" in v.tokens[j].tags):
            j += 1
        if j < v.s.end and "NOUN" in v.tokens[j].tags and j not in v.weapon_at and not v.groups(j):
            return True
        # English: after a figure of weapons comes a verb or a function word, not another noun
        after = word_set(v.a.lang, "numbers", "after_figure")
        if after and nxt.is_alpha and nxt.lower not in after and not v.groups(k) and k not in v.weapon_at \
                and not any(x.tok_start == k for x in v.m.actors):
            return True
    # "два многоквартирных дома", "two houses": what is struck is no weapon
    if any(t.tok_start - k <= 2 and t.tok_start >= k for t in v.m.targets) or any(
            p.tok_start - k <= 1 and p.tok_start >= k for p in v.m.places):
        return True
    for j in range(k, min(v.s.end, k + 3)):
        if j in v.weapon_at:
            return False
        if v.tokens[j].norm in words or v.tokens[j].lower in words:
            return True
        # "23 combined strikes", "four massive attacks": a figure of strikes, not of weapons
        if v.tokens[j].lower in word_set(v.a.lang, "numbers", "strikes_counted"):
            return True
    return bool(v.groups(n.tok_end) & {"killed", "injured"}) if n.tok_end < v.s.end else False


def assign_measures(v: SentenceView, pairs: list[Pair], head_measure: str | None) -> None:
    cues = [c for c in v.m.cues if c.group in MEASURE_GROUPS]
    attack = bool(v.cues("attack"))
    positions = [p.number.tok_start for p in pairs]
    previous: Pair | None = None
    for p in pairs:
        prev, previous = previous, p
        if p.measure is not None:
            continue
        if prev is not None and prev.measure is not None and _coordinated(v, prev, p) and not _own_measure(v, p, pairs):
            p.measure, p.measure_rule = prev.measure, MEASURE_COORDINATED
            continue
        if p.rule == ANAPHORIC or not (p.weapon.tok_start >= p.number.tok_end or p.weapon.tok_end >= p.number.tok_start - 1):
            # "with 88 drones, of which 60 were shot down": a figure far from its weapons has only its own words
            start, end = p.number.tok_start, p.number.tok_end
        else:
            start = min(p.number.tok_start, p.weapon.tok_start)
            end = max(p.number.tok_end, p.weapon.tok_end)
        # "with 96 drones": launched; so is a weapon in the instrumental ("вдарили двома авіабомбами")
        if any(v.tokens[j].lower in ("with", "із", "з") and "launch" in v.groups(j)
               for j in range(max(v.s.start, start - 2), start)) or (
                v.a.lang in ("uk", "ru") and p.rule == ADJACENT and _instrumental(v, p.weapon)):
            p.measure, p.measure_rule = "launched", MEASURE_WITH
            continue
        best = None
        best_d = 10**6
        for c in cues:
            if c.tok_end <= start:
                d = start - c.tok_end
                between = any(c.tok_end <= q < start for q in positions if q != p.number.tok_start)
            elif c.tok_start >= end:
                d = c.tok_start - end
                between = any(end <= q < c.tok_start for q in positions if q != p.number.tok_start)
            else:
                d, between = 0, False
            if between:
                d += 20  # another figure's verb
            lo, hi = (c.tok_end, start) if c.tok_end <= start else (end, c.tok_start)
            if any(v.tokens[k].text in (":", ";") for k in range(lo, hi)):
                d += 10  # "was shot down: all of them hit": a colon starts the next statement
            if c.tok_end <= start and any(v.tokens[k].lower in _CLAUSE_OPENERS for k in range(lo, hi)):
                d += 15  # "launched 653 drones, and that 585 of them were shot down": a new clause has its own verb
            # "60 were shot down and 20 were lost": on a tie the verb after the figure is its own
            if d < best_d or (d == best_d and c.tok_start >= end):
                best, best_d = c, d
        if best is not None and best_d < 30:
            p.measure, p.measure_rule = _CUE_MEASURE[best.group], MEASURE_NEAREST
        elif head_measure:
            p.measure, p.measure_rule = head_measure, LIST_ITEM
        elif attack:
            p.measure, p.measure_rule = "launched", MEASURE_ATTACK


_CLAUSE_OPENERS = frozenset({"that", "which", "while", "whereas", "що", "что", "але", "но", "однако", "проте"})
_JOINERS = frozenset({"and", "or", ",", "та", "і", "й", "и", "а", "також", "as", "well", "ще", "еще", "plus", "all", "both",
                      "усі", "всі", "все", "обидві", "обидва", "оба", "обе", "another", "a", "further"})


def _instrumental(v: SentenceView, w: WeaponMention) -> bool:
    """A Ukrainian or Russian weapon noun in the instrumental: what something was done with."""
    return any("ablt" in v.tokens[k].tags and "NOUN" in v.tokens[k].tags for k in range(w.tok_start, w.tok_end))


def _own_measure(v: SentenceView, p: Pair, pairs: list[Pair]) -> bool:
    """A measure word between this figure and the next ("ще 56 імітаторів локаційно втрачено")."""
    start = max(p.number.tok_end, p.weapon.tok_end)
    later = [q.number.tok_start for q in pairs if q.number.tok_start > p.number.tok_start]
    end = min(later) if later else v.s.end
    return any(v.groups(k) & set(MEASURE_GROUPS) for k in range(start, end))


def _span(p: Pair) -> tuple[int, int]:
    """The tokens of a figure with its weapons when they stand together, else of the figure alone."""
    if p.rule == ANAPHORIC or not (p.weapon.tok_start >= p.number.tok_end or p.weapon.tok_end >= p.number.tok_start - 1):
        return p.number.tok_start, p.number.tok_end
    return min(p.number.tok_start, p.weapon.tok_start), max(p.number.tok_end, p.weapon.tok_end)


def _coordinated(v: SentenceView, prev: Pair, p: Pair) -> bool:
    """"11 bombs, two HARM missiles, seven rockets and 1,193 drones": items of one list share its verb."""
    end = _span(prev)[1]
    start = _span(p)[0]
    if not 0 < start - end <= 8:
        return False
    gap = range(end, start)
    # ("12 over the Kursk region, 5 over the Oryol region and 3 over ...": the parts of one breakdown)
    if any(v.groups(k) & (set(MEASURE_GROUPS) | {"attack", "speech", "launch_site"}) for k in gap):
        return False
    # "653 drones and 51 missiles, and that 585 of the drones ... had been shot down": a new clause
    if any(v.tokens[k].lower in _CLAUSE_OPENERS for k in gap):
        return False
    return any(v.tokens[k].lower in _JOINERS for k in gap)


def assign_scopes(v: SentenceView, pairs: list[Pair]) -> None:
    """"twelve drones over the Bryansk Region, eleven over the Rostov Region ...": each figure is one part
    of a breakdown by region; "another 27", "six more drones": a part that adds to what was given."""
    additive = word_set(v.a.lang, "numbers", "additive")
    over = [c for c in v.m.cues if c.group == "over"]
    scoped: list[tuple[Pair, str]] = []
    for i, p in enumerate(pairs):
        before = " ".join(t.lower for t in v.tokens[max(v.s.start, p.number.tok_start - 2):p.number.tok_start])
        after_tok = v.tokens[p.number.tok_end].lower if p.number.tok_end < v.s.end else ""
        if any(w in before.split() or before.endswith(w) for w in additive) or after_tok in additive:
            p.additive = True
        end = pairs[i + 1].number.tok_start if i + 1 < len(pairs) else v.s.end
        start = max(p.number.tok_end, p.weapon.tok_end if p.weapon.tok_start >= p.number.tok_start else p.number.tok_end)
        for c in over:
            if start <= c.tok_start < end:
                place = next((q for q in v.m.places if c.tok_end <= q.tok_start <= c.tok_end + 4 and q.region), None)
                if place is not None:
                    scoped.append((p, place.region or ""))
                break
    totals = [p for p in pairs if _total_word_near(v, p.number)]
    if len(scoped) >= 2 or (scoped and totals):
        for p, region in scoped:
            if p not in totals:
                p.scope = region


_MISSILES = ("ballistic_missile", "cruise_missile", "missile")


def read_counts(v: SentenceView, pairs: list[Pair], context: dict[str, int] | None = None) -> list[CountFact]:
    """Count facts of the paired figures. `context` holds the launched figures the same speaker gave
    for that day before this sentence, for "all of them" and for "none of the missiles" where the
    missiles were given by type."""
    facts = []
    launched: dict[str, int] = dict(context or {})
    for p in pairs:
        if p.measure == "launched" and p.value is not None:
            launched[p.weapon.category] = p.value
    for p in pairs:
        if p.measure is None:
            continue
        value = p.value
        typed = [c for c in _MISSILES if c in launched and c != "missile"] + (["missile"] if "missile" in launched else [])
        if p.number.quantifier in ("all", "none") and p.weapon.category == "missile" and p.weapon.model is None \
                and p.weapon.tok_end - p.weapon.tok_start == 1 and len(typed) > 1:
            # "None of the missiles was shot down: all of them hit": every missile type counted before
            for category in typed:
                n = launched[category] if p.number.quantifier == "all" else 0
                facts.append(CountFact(category, None, p.measure, n, p.number.start, p.number.end, QUANTIFIER,
                                       weapon_start=p.weapon.start, weapon_end=p.weapon.end))
            continue
        category = p.weapon.category
        if category == "missile" and p.weapon.model is None and p.weapon.tok_end - p.weapon.tok_start == 1 \
                and len(typed) == 1 and typed[0] != "missile":
            # "two Iskander-M ballistic missiles ... Neither of the missiles was intercepted": the missiles named
            category = typed[0]
        if p.number.quantifier == "all":
            value = launched.get(category)
        facts.append(CountFact(category, p.weapon.model, p.measure, value, p.number.start, p.number.end,
                               p.rule, scope=p.scope, weapon_start=p.weapon.start, weapon_end=p.weapon.end,
                               additive=p.additive))
    return _drop_split_wholes(facts)


SPLIT_WHOLE = register("count.split_whole", "a figure that the parts after it add up to under different measures "
                       "('547 UAVs, of which 419 were shot down and 128 lost') is their sum, no figure of its own",
                       Example("According to the air force, air defence neutralised 547 enemy UAVs overnight, of "
                               "which 419 were shot down and 128 were locationally lost.", "en",
                               {"weapons": [{"category": "drone", "intercepted": 419, "lost": 128}]}))


def _drop_split_wholes(facts: list[CountFact]) -> list[CountFact]:
    out = []
    for f in facts:
        parts = [g for g in facts if g is not f and g.category == f.category and g.start > f.start
                 and g.value is not None and g.measure in ("intercepted", "lost", "hit") and not g.additive]
        measures = {g.measure for g in parts}
        if f.value is not None and f.measure in ("intercepted", "lost") and len(measures) >= 2 \
                and sum(g.value or 0 for g in parts) == f.value:
            continue
        out.append(f)
    return out
