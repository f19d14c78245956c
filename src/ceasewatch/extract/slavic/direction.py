"""Structural cues for the direction of a strike sentence.

These rules read the shape of a sentence rather than a phrase: whose report
a denial answers ("назвали заявления Киева о поражении аэродрома
недостоверными"), whether a hedge such as "нібито" / "якобы" doubts the
strike or only the description of its target ("по порту, який нібито
використовувався ЗСУ"), and doubt it.
"""

from __future__ import annotations

from .morph import Tok
from .scan import Scan

__all__ = ["HEDGES", "answers_other_side", "hedges_description"]

# nouns of a statement whose author follows in the genitive: "заявления Киева", "повідомлення ЗСУ"
# ("обвинения Киева" accuse the speaker's side: that is a denial of its own strike)
_REPORT_NOUNS = {
    "заявление", "сообщение", "утверждение", "информация", "данные", "версия",
    "заява", "повідомлення", "твердження", "інформація", "дані",
}
# a side's capital stands for its government in such a genitive
_SEAT_SIDE = {"киев": "UA", "київ": "UA", "москва": "RU", "кремль": "RU"}
# words by which a writer keeps their distance from what they relay
HEDGES = frozenset({"нібито", "якобы"})
# relative words whose clause describes a target ("який", "что" after a noun)
_RELATIVE = {"який", "котрий", "который", "що", "что", "де", "где"}


def _side_of(tok: Tok, ua: frozenset[str], ru: frozenset[str], ua_adj: frozenset[str], ru_adj: frozenset[str]) -> str | None:
    forms = {tok.lemma, tok.lower} | tok.lemmas
    if forms & set(_SEAT_SIDE):
        return _SEAT_SIDE[next(iter(forms & set(_SEAT_SIDE)))]
    if forms & (ua | ua_adj):
        return "UA"
    if forms & (ru | ru_adj):
        return "RU"
    return None


def answers_other_side(sc: Scan, lo: int, hi: int, claimant: str) -> bool:
    """Does the sentence deny a report made by the other side ("заявления
    Киева о поражении", "сообщения украинской стороны об ударе")? Then the
    strike denied is the other side's, on the claimant."""
    toks, lex = sc.toks, sc.lex
    for i in range(lo, hi):
        if not ({toks[i].lemma} | toks[i].lemmas) & _REPORT_NOUNS:
            continue
        # the author: a genitive within three words ("заявления украинской стороны", "дані ЗСУ")
        for k in range(i + 1, min(hi, i + 4)):
            side = _side_of(toks[k], lex.ua_words, lex.ru_words, lex.ua_adjectives, lex.ru_adjectives)
            if side is not None:
                # "заявления Киева о нанесенном российской ракетой ударе": the report names our weapon
                ours = any(_side_of(toks[m], lex.ua_words, lex.ru_words, lex.ua_adjectives, lex.ru_adjectives) == claimant
                           for m in range(k + 1, hi))
                if side != claimant and not ours:
                    return True
                break
            if toks[k].text in (",", ".", ":", ";") or toks[k].lower in ("о", "об", "про"):
                break
    return False


def hedges_description(toks: list[Tok], i: int, lo: int) -> bool:
    """Is the hedge at i inside a relative clause describing what was struck
    ("по объектам, которые якобы использовались ВСУ")? It doubts the
    description, not the strike."""
    return any(toks[k].lemma in _RELATIVE or toks[k].lower in _RELATIVE for k in range(max(lo, i - 2), i))

