"""Casualties: figures of people killed and injured, explicit zeros ("no
casualties", "пострадавших нет"), one person named by a singular noun
("a woman was injured", "Мужчина получил ранения"), and not the parts of a
figure already given ("including two children").

Each figure carries a scope: `total` when the text calls it one, else the
place named in its sentence (figures for different places add up), else
none (the largest of those is kept).
"""

from __future__ import annotations

from ..lexicon import word_set
from .model import Fact
from .rules import Example, register
from .view import SentenceView

__all__ = ["read_casualties"]

FIGURE = register("casualty.figure", "a figure of people beside a killed or injured word",
                  Example("Russian drones hit Odesa overnight, killing two people and injuring nine, "
                          "the governor said.", "en", {"killed": 2, "injured": 9}))
ZERO = register("casualty.zero", "'no casualties', 'nobody was injured': explicit zeros",
                Example("A Russian drone hit a warehouse in Kharkiv overnight. No one was injured, the mayor said.", "en",
                        {"injured": 0}))
ONE = register("casualty.singular", "one person named by a singular noun ('a woman was injured')",
               Example("Вночі росіяни атакували Суми дронами, поранено жінку, повідомила ОВА.", "uk", {"injured": 1}))


def _words(lang: str, key: str) -> frozenset[str]:
    return word_set(lang, "casualties", key)


def read_casualties(v: SentenceView, context_place: str | None = None) -> tuple[list[Fact], list[Fact]]:
    """Casualty facts of the sentence; `context_place` scopes figures of a sentence that names no place
    (the place its paragraph or section is about)."""
    killed: list[Fact] = []
    injured: list[Fact] = []
    people = _words(v.a.lang, "people")
    subset = _words(v.a.lang, "subset")
    totals = _words(v.a.lang, "total")
    tokens = v.tokens
    place = next((p for p in v.m.places if p.kind in ("settlement", "site")), None)
    scope_default = place.canonical if place else context_place
    sentence_text = " ".join(t.lower for t in tokens[v.s.start:v.s.end])
    is_total = any(w in sentence_text for w in totals)
    casualty_cues = [c for c in v.m.cues if c.group in ("killed", "injured")]

    def nearest_cue(n) -> object:  # type: ignore[no-untyped-def]
        # "two people were killed and 11 were injured": a figure goes with the word after it on a tie
        return min(casualty_cues, key=lambda c: (c.tok_start - n.tok_end) if c.tok_start >= n.tok_end
                   else (n.tok_start - c.tok_end) + 0.5)

    for cue in v.m.cues:
        group = cue.group
        if group in ("no_casualties", "no_killed", "no_injured"):
            if group in ("no_casualties", "no_killed"):
                killed.append(Fact((0, "zero"), cue.start, cue.end, ZERO))
            if group in ("no_casualties", "no_injured"):
                injured.append(Fact((0, "zero"), cue.start, cue.end, ZERO))
            continue
        if group not in ("killed", "injured"):
            continue
        target = killed if group == "killed" else injured
        best = None
        best_d = 99
        for n in v.m.numbers:
            if n.value is None and not n.vague:
                continue
            if n.tok_end <= cue.tok_start:
                d = cue.tok_start - n.tok_end
            elif n.tok_start >= cue.tok_end:
                d = n.tok_start - cue.tok_end
            else:
                continue
            if nearest_cue(n) is not cue:
                continue
            risen = _risen_to(v, n, totals) and n.tok_start > cue.tok_end
            if (d > 6 and not (risen and d <= 12)) or any(
                    k in v.weapon_at for k in range(min(n.tok_end, cue.tok_end), max(n.tok_start, cue.tok_start))):
                continue
            before = " ".join(t.lower for t in tokens[max(v.s.start, n.tok_start - 3):n.tok_start])
            if any(w in before.split() or w in before for w in subset):
                continue
            after = tokens[n.tok_end] if n.tok_end < v.s.end else None
            people_next = after is not None and (after.norm in people or after.lower in people)
            if not people_next and not risen and not (n.tok_end == cue.tok_start or n.tok_start == cue.tok_end
                                                      or _between_are_light(v, n, cue)):
                continue
            if d < best_d:
                best, best_d = n, d
        if best is not None:
            if best.value is not None:
                scope = "total" if is_total else scope_default
                target.append(Fact((best.value, scope), best.start, best.end, FIGURE))
            continue
        one = _singular_person(v, cue)
        if one is not None:
            target.append(Fact((1, scope_default), one[0], one[1], ONE))
    return killed, injured


def _risen_to(v: SentenceView, n, totals: frozenset[str]) -> bool:  # type: ignore[no-untyped-def]
    """"the number of injured ... rose to 27", "кількість поранених ... зросла до 27"."""
    k = n.tok_start - 1
    if k < v.s.start or v.tokens[k].lower not in ("to", "до"):
        return False
    return any(v.tokens[j].lower in totals or v.tokens[j].norm in totals for j in range(max(v.s.start, k - 3), k))


def _between_are_light(v: SentenceView, n, cue) -> bool:  # type: ignore[no-untyped-def]
    """Only auxiliaries and people words between a figure and its casualty word ("two people were killed",
    "ще дванадцятеро дістали поранення"): casualties.yaml `between`."""
    start, end = (n.tok_end, cue.tok_start) if n.tok_end <= cue.tok_start else (cue.tok_end, n.tok_start)
    light = _words(v.a.lang, "between")
    people = _words(v.a.lang, "people")
    return all(v.tokens[k].lower in light or v.tokens[k].norm in light or v.tokens[k].norm in people
               for k in range(start, end))


def _article_before(v: SentenceView, k: int) -> bool:
    plural = v.tokens[k].lower.endswith("s") or v.tokens[k].lower == "people"
    for j in range(k - 1, max(v.s.start, k - 8) - 1, -1):
        word = v.tokens[j].lower
        age = j + 1 < v.s.end and v.tokens[j + 1].text in ("-", "‑")  # "52-year-old"
        if v.tokens[j].text in (",", ";", ":", "(", ")") or j in v.number_at and word not in ("one", "a", "an") and not age:
            return False
        if plural:
            # "one of our employees"
            if word == "of" and j - 1 >= v.s.start and v.tokens[j - 1].lower == "one":
                return True
        elif word in ("a", "an", "one", "the"):
            return True
    return False


def _singular_person(v: SentenceView, cue) -> tuple[int, int] | None:  # type: ignore[no-untyped-def]
    """"a woman was injured", "Мужчина получил ранения": one person."""
    people = _words(v.a.lang, "people")
    lo, hi = max(v.s.start, cue.tok_start - (10 if v.a.lang == "en" else 4)), min(v.s.end, cue.tok_end + 3)
    for k in range(lo, hi):
        tok = v.tokens[k]
        if v.a.lang == "en":
            # "a 52-year-old truck driver", "the driver, a 38-year-old man", "one of our employees": an article
            # or "one" before, with no clause break between
            if tok.lower in _words("en", "one_person") and _article_before(v, k):
                return tok.start, tok.end
        elif (tok.norm in people and "plur" not in tok.tags and "NOUN" in tok.tags
              and tok.norm not in ("людина", "человек", "люди")):
            return tok.start, tok.end
    return None
