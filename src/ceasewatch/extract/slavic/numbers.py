"""Cardinal numbers written in digits or in words, in any case form.

pymorphy3 lemmatises inflected numerals ("двох" -> "два", "пятидесяти" ->
"пятьдесят", "трьома" -> "три"), so the tables below list lemmas only.
Compound numerals are summed ("пятидесяти семи" -> 57, "сто двадцять" ->
120) and "тисяча/тысяча" multiplies what precedes it.
"""

from __future__ import annotations

from .morph import Tok

__all__ = ["NumberMatch", "number_at", "ORDINALS"]

_UNITS = {
    # Ukrainian
    "один": 1, "одна": 1, "два": 2, "дві": 2, "три": 3, "чотири": 4, "п'ять": 5, "шість": 6,
    "сім": 7, "вісім": 8, "дев'ять": 9, "десять": 10, "одинадцять": 11, "дванадцять": 12,
    "тринадцять": 13, "чотирнадцять": 14, "п'ятнадцять": 15, "шістнадцять": 16,
    "сімнадцять": 17, "вісімнадцять": 18, "дев'ятнадцять": 19, "двадцять": 20,
    "тридцять": 30, "сорок": 40, "п'ятдесят": 50, "шістдесят": 60, "сімдесят": 70,
    "вісімдесят": 80, "дев'яносто": 90, "сто": 100, "двісті": 200, "триста": 300,
    "чотириста": 400, "п'ятсот": 500, "шістсот": 600, "сімсот": 700, "вісімсот": 800,
    "дев'ятсот": 900, "двоє": 2, "троє": 3, "четверо": 4, "п'ятеро": 5, "шестеро": 6,
    "семеро": 7, "восьмеро": 8, "дев'ятеро": 9, "десятеро": 10, "обидва": 2, "обидві": 2,
    # Russian
    "две": 2, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7, "восемь": 8, "девять": 9,
    "одиннадцать": 11, "двенадцать": 12, "тринадцать": 13, "четырнадцать": 14,
    "пятнадцать": 15, "шестнадцать": 16, "семнадцать": 17, "восемнадцать": 18,
    "девятнадцать": 19, "двадцать": 20, "тридцать": 30, "пятьдесят": 50,
    "шестьдесят": 60, "семьдесят": 70, "восемьдесят": 80, "девяносто": 90, "двести": 200, "оба": 2, "обе": 2,
    "четыреста": 400, "пятьсот": 500, "шестьсот": 600, "семьсот": 700, "восемьсот": 800,
    "девятьсот": 900, "двое": 2, "трое": 3, "пятеро": 5, "девятеро": 9,
}
_THOUSAND = {"тисяча", "тысяча", "тыс", "тис"}

# ordinal lemmas used for "the third one hit" style statements
ORDINALS = {
    "другий": 2, "третій": 3, "четвертий": 4, "п'ятий": 5,
    "второй": 2, "третий": 3, "четвертый": 4, "пятый": 5,
}


class NumberMatch:
    """A number found at tokens [start_i, end_i) with its value."""

    __slots__ = ("value", "start_i", "end_i", "start", "end", "words")

    def __init__(self, value: int, toks: list[Tok], words: bool) -> None:
        self.value = value
        self.start_i = toks[0].i
        self.end_i = toks[-1].i + 1
        self.start = toks[0].start
        self.end = toks[-1].end
        self.words = words

    def __repr__(self) -> str:
        return f"NumberMatch({self.value}, {self.start}-{self.end})"


# inflected numerals whose most likely pymorphy reading is another word
_AMBIGUOUS = {"семи": 7, "сорока": 40, "ста": 100, "сорок": 40}


def _word_value(tok: Tok) -> int | None:
    if tok.lower in _UNITS:
        return _UNITS[tok.lower]
    if tok.lower in _AMBIGUOUS:
        return _AMBIGUOUS[tok.lower]
    if "NUMR" in tok.tag or tok.lemma in _UNITS:
        return _UNITS.get(tok.lemma)
    return None


def number_at(toks: list[Tok], i: int) -> NumberMatch | None:
    """The number starting at token i, or None."""
    if i >= len(toks):
        return None
    tok = toks[i]
    if tok.is_digit:
        used = [tok]
        value = int(tok.text)
        j = i + 1
        # "1 200": a thousands group written with a space
        while (
            j < len(toks)
            and toks[j].is_digit
            and len(toks[j].text) == 3
            and toks[j].start - toks[j - 1].end == 1
            and len(used[0].text) <= 3
        ):
            value = value * 1000 + int(toks[j].text)
            used.append(toks[j])
            j += 1
        # "67 тысяч 110", "2 тис.": digits with a thousands word
        if j < len(toks) and (toks[j].lemma in _THOUSAND or toks[j].lower in _THOUSAND) and value < 1000:
            value *= 1000
            used.append(toks[j])
            j += 1
            if j < len(toks) and toks[j].is_digit and len(toks[j].text) <= 3:
                value += int(toks[j].text)
                used.append(toks[j])
        return NumberMatch(value, used, words=False)
    first = _word_value(tok)
    if first is None:
        first = _counting_reading(toks, i)
    if first is None:
        return None
    used = [tok]
    total, current = 0, first
    j = i + 1
    while j < len(toks):
        nxt = toks[j]
        if nxt.lemma in _THOUSAND or nxt.lower in _THOUSAND:
            total += max(current, 1) * 1000
            current = 0
            used.append(nxt)
            j += 1
            continue
        value = _word_value(nxt)
        # compound numerals go from larger to smaller parts: "сто двадцять п'ять"
        if value is None or value >= _last_part(current) or value >= 1000:
            break
        current += value
        used.append(nxt)
        j += 1
    return NumberMatch(total + current, used, words=True)


def _counting_reading(toks: list[Tok], i: int) -> int | None:
    """"п'яти ударних БпЛА" (first read "п'ята", a heel), "шести ракет": an inflected numeral
    whose likelier reading is another word counts when a plural noun phrase follows it."""
    tok = toks[i]
    values = {_UNITS[x] for x in tok.lemmas if x in _UNITS}
    if len(values) != 1 or i + 1 >= len(toks) or not toks[i + 1].has("plur"):
        return None
    return values.pop()


def _last_part(current: int) -> int:
    """Place value of the lowest non-zero digit: the next part of a compound
    numeral must be smaller ("сто" + "двадцять" + "п'ять", never "п'ять" + "два")."""
    if current == 0:
        return 1000
    unit = 1
    while current % (unit * 10) == 0:
        unit *= 10
    return unit
