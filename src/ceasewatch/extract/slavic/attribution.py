"""Who a sentence quotes: the institution and its side.

A news story mixes voices: "Міноборони РФ заявило, що ...", "В Воздушных
силах ВСУ заявили ...", "Украинская сторона сообщила ...". Each sentence
with a reporting verb is searched for an institution word and the side that
owns it, written after it ("Міноборони РФ", "Генштаб ВСУ"), before it
("украинская сторона", "в российском ведомстве") or implied by it (an
oblast military administration is always Ukrainian). Sentences that only
point back ("По их данным, ...", "За його словами, ...", "У відомстві
заперечили ...") take the institution of the last reporting sentence.

A ministry of defence or a general staff is a *command*: its impersonal
"уражено", "завдало удару", "поражен пункт" are its own side's strikes.
"""

from __future__ import annotations

from dataclasses import dataclass

from .morph import Tok
from .scan import Scan

__all__ = ["Attribution", "find_attributions"]

REPORTING = {
    "заявити", "заявляти", "повідомити", "повідомляти", "стверджувати", "доповісти", "інформувати",
    "написати", "зазначити", "уточнити", "додати", "підтвердити", "заперечити", "заперечувати", "назвати",
    "спростувати", "спростовувати",
    "заявить", "заявлять", "сообщить", "сообщать", "утверждать", "доложить", "информировать",
    "написать", "отметить", "уточнить", "добавить", "подтвердить", "отрицать", "назвать", "опровергнуть",
    "опровергать", "отвергнуть", "отвергать",
}
_INSTITUTIONS = {
    "міноборони", "міністерство", "генштаб", "штаб", "сила", "командування", "губернатор",
    "минобороны", "министерство", "командование", "мо",
    # words that need a side written next to them: "украинская сторона", "в российском ведомстве"
    "сторона", "відомство", "ведомство", "влада", "власти", "адміністрація", "администрация",
}
# a Ukrainian oblast or city military administration: "ОВА", "областной военной администрации"
_UA_OFFICES = {"ова", "мва", "ода", "ква", "кмва"}
_MILITARY_ADJ = {"військовий", "военный"}
_RU = {"рф", "росія", "россия", "російський", "российский"}
_UA = {"україна", "украина", "зсу", "всу", "український", "украинский"}
_COMMAND_STEMS = ("оборон", "генштаб", "генеральн", "командуван", "командован")
# "за їхніми даними", "по его словам": the source named in the sentence before
_SOURCE_NOUNS = {"дані", "дане", "данные", "слово", "інформація", "информация", "оцінка", "оценка"}
_POINTING = {"його", "її", "їхній", "їх", "их", "его", "ее", "её", "їхніми", "ихним"}
_AGENCY = {"відомство", "ведомство"}


@dataclass(frozen=True)
class Attribution:
    """The institution a sentence quotes ("Міноборони РФ"), its side, and
    whether it commands its side's strikes."""

    party: str
    name: str
    span: tuple[int, int]
    command: bool = False


def _side(tok: Tok) -> str | None:
    forms = {tok.lower, tok.lemma}
    return "RU" if forms & _RU else "UA" if forms & _UA else None


def _institution(sc: Scan, lo: int, hi: int) -> Attribution | None | bool:
    """The institution with a side that the tokens [lo, hi) name; False when
    one is named without a side (the publisher's own voice)."""
    toks = sc.toks
    named = False
    for i in range(lo, hi):
        tok = toks[i]
        if tok.lower in _UA_OFFICES or (
            tok.lemma in ("адміністрація", "администрация")
            and any(toks[k].lemma in _MILITARY_ADJ for k in range(max(lo, i - 2), i))
        ):
            span = (tok.start, tok.end)
            return Attribution("UA", sc.text[span[0] : span[1]], span)
        if tok.lemma not in _INSTITUTIONS and tok.lower not in _INSTITUTIONS:
            continue
        named = True
        party, end = None, i
        for k in range(i + 1, min(hi, i + 4)):
            party = _side(toks[k])
            if party is not None:
                end = k
                break
        start = i
        if party is None and i > lo:
            party = _side(toks[i - 1])  # "украинская сторона", "в российском ведомстве"
            start = i - 1
        if party is None and tok.lemma == "сила" and i + 1 < hi and toks[i + 1].lemma == "оборона":
            party = "UA"  # "Сили оборони": Ukraine's own name for its forces
        if party is None:
            continue
        span = (toks[start].start, toks[end].end)
        name = sc.text[span[0] : span[1]]
        return Attribution(party, name, span, command=any(stem in name.lower() for stem in _COMMAND_STEMS))
    return False if named else None


def _points_back(sc: Scan, lo: int, hi: int) -> bool:
    """"По их данным", "за його словами", "у відомстві": the source was named before."""
    toks = sc.toks
    for i in range(lo, hi):
        if toks[i].lemma in _SOURCE_NOUNS and i > lo and (
            toks[i - 1].lower in _POINTING or toks[i - 1].lemma in _POINTING
        ):
            return True
        if toks[i].lemma in _AGENCY and not (i > lo and _side(toks[i - 1])) and not (i + 1 < hi and _side(toks[i + 1])):
            return True
    return False


# "по версии украинской стороны", "по данным Минобороны": a source named without a reporting verb
_ACCORDING = {"версия", "версії", "дані", "данные", "слово", "информация", "інформація"}
# "сообщается", "повідомляється": a reporting verb with no speaker of its own
_IMPERSONAL = {"сообщается", "отмечается", "уточняется", "утверждается", "повідомляється", "зазначається", "уточнюється"}


def _according_to(sc: Scan, lo: int, hi: int) -> bool:
    toks = sc.toks
    return any(toks[i].lower in ("по", "за") and (toks[i + 1].lemma in _ACCORDING or toks[i + 1].lower in _ACCORDING)
               for i in range(lo, hi - 1))


def _impersonal(sc: Scan, lo: int, hi: int) -> bool:
    return any(sc.toks[i].lower in _IMPERSONAL for i in range(lo, hi))


def _self_citation(sc: Scan, lo: int, hi: int, outlet: str) -> Attribution | None:
    """"Як повідомляв Укрінформ", "как сообщал ТАСС": the outlet cites its own reporting."""
    key = outlet.strip("«»\"' ").split()[0].lower() if outlet.strip("«»\"' ") else ""
    if len(key) < 3:
        return None
    for i in range(lo, hi):
        if sc.toks[i].lower.strip("/«»") != key or i in sc.aside:  # a dateline's agency name is no statement
            continue
        if any(sc.toks[k].lemma in REPORTING for k in range(max(lo, i - 3), min(hi, i + 4))):
            span = (sc.toks[i].start, sc.toks[i].end)
            return Attribution("OTHER", outlet, span)
    return None


def find_attributions(sc: Scan, publisher_party: str, outlet: str = "") -> dict[int, Attribution]:
    """sentence index -> the institution (either side) the sentence quotes;
    `outlet`: the publisher when it is a news outlet, whose citing of itself
    is its own voice (party OTHER)."""
    toks = sc.toks
    out: dict[int, Attribution] = {}
    last: Attribution | None = None  # the source of the last reporting sentence
    named: dict[str, Attribution] = {}  # the last institution named of each side
    for sent in sc.sentences:
        lo, hi = sent.start_i, sent.end_i
        reporting = any(toks[i].lemma in REPORTING for i in range(lo, hi)) or _according_to(sc, lo, hi) \
            or _impersonal(sc, lo, hi)
        back = _points_back(sc, lo, hi)
        if not reporting and not back:
            continue
        own = _self_citation(sc, lo, hi, outlet) if outlet and reporting else None
        if own is not None:
            out[sent.index] = own
            last = None
            continue
        found = _institution(sc, lo, hi)
        if isinstance(found, Attribution):
            earlier = named.get(found.party)
            if earlier is not None and any(w in found.name.lower() for w in ("відомств", "ведомств")):
                # "в российском ведомстве": the ministry named before, with its standing
                found = Attribution(found.party, earlier.name, found.span, earlier.command)
            out[sent.index] = last = named[found.party] = found
        elif back and last is not None:
            out[sent.index] = last
        elif reporting and last is not None and _impersonal(sc, lo, hi):
            out[sent.index] = last  # "Сообщается о повреждении ...": the source quoted just before goes on
        elif reporting:
            last = None  # a new source without a side: the publisher's own
    return out
