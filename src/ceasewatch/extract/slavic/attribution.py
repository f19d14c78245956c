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
    # "рассказал губернатор", "пояснили в штабе", "розповів голова ОВА"
    "рассказать", "рассказывать", "пояснить", "пояснять", "розповісти", "розповідати", "пояснити", "проинформировать",
}
_INSTITUTIONS = {
    "міноборони", "міністерство", "генштаб", "штаб", "сила", "командування", "губернатор",
    "минобороны", "министерство", "командование", "мо",
    # words that need a side written next to them: "украинская сторона", "в российском ведомстве"
    "сторона", "відомство", "ведомство", "влада", "власти", "власть", "адміністрація", "администрация",
    # offices and people: "президент Украины", "мэр Харькова", "украинские военные", "правительство области"
    "президент", "мэр", "мер", "глава", "голова", "правительство", "уряд", "мэрия", "мерія", "оперштаб",
    "военный", "військовий", "руководство", "керівництво", "прокуратура",
}
# offices whose side is the country of the place they answer for ("мэр Харькова", "губернатор
# Саратовской области", "местные власти" of the region named in the sentence)
_LOCAL_OFFICES = {
    "губернатор", "мэр", "мер", "глава", "голова", "правительство", "уряд", "мэрия", "мерія", "оперштаб",
    "штаб", "власти", "власть", "влада", "администрация", "адміністрація", "прокуратура",
}
_LOCAL = {"местный", "місцевий", "региональный", "регіональний", "областной", "обласний"}
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
# "написал он", "сказала вона": the speaker quoted just before
_PRONOUNS = {"он", "она", "они", "він", "вона", "вони"}


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


# Ukrainian land Russia claims: in Russian-language text its "глава"/"губернатор" is Russia's appointee
_CLAIMED = {"UA-43", "UA-40", "UA-14", "UA-09", "UA-23", "UA-65"}


def _place_side(sc: Scan, regions: dict[int, str], lo: int, hi: int) -> str | None:
    """The side owning the first region named in tokens [lo, hi)."""
    for k in range(lo, hi):
        code = regions.get(k)
        if code is None:
            continue
        if code in _CLAIMED and sc.lex.lang == "ru":
            return "RU"
        return code[:2] if code[:2] in ("UA", "RU") else None
    return None


def _local_side(sc: Scan, i: int, lo: int, hi: int, regions: dict[int, str]) -> tuple[str | None, int]:
    """"мэр Харькова", "губернатора Саратовской области", "по данным местных властей" (a place
    elsewhere in the sentence): the side of the place a local office answers for, and the last
    token of its name."""
    toks = sc.toks
    if toks[i].lemma not in _LOCAL_OFFICES and toks[i].lower not in _LOCAL_OFFICES:
        return None, i
    k = i + 1
    while k < hi and k < i + 5 and (toks[k].has("ADJF") or toks[k].lemma in ("область", "край", "город", "республика")
                                    or regions.get(k)):
        side = _place_side(sc, regions, k, k + 1)
        if side is not None:
            end = k
            while end + 1 < hi and regions.get(end + 1) == regions[k]:
                end += 1
            return side, end
        k += 1
    if i + 1 < hi and toks[i + 1].lemma in ("регион", "область", "город", "край", "округ") and not regions.get(i + 1):
        return _place_side(sc, regions, lo, hi), i + 1  # "врио губернатора региона": the region the sentence names
    if i + 1 < hi and toks[i + 1].lemma == "столица" and not (i + 2 < hi and _side(toks[i + 2])):
        return ("RU" if sc.lex.lang == "ru" else "UA"), i + 1  # "мэр столицы": the language's own capital
    if i > lo and toks[i - 1].lemma in _LOCAL:
        # "местные власти сообщили о пожаре": the place named here, else in the sentence before
        before = sc.sentences[sc.sent_of[lo] - 1].start_i if sc.sent_of[lo] > 0 else lo
        return _place_side(sc, regions, lo, hi) or _place_side(sc, regions, before, lo), i
    return None, i


def _speaks(sc: Scan, i: int, lo: int, hi: int) -> bool:
    """Is the word at i the speaker: a reporting verb right after it ("военные
    заявили"), or a source noun right before it ("по данным военных")?"""
    toks = sc.toks
    after = any(toks[k].lemma in REPORTING for k in range(i + 1, min(hi, i + 3)))
    before = any(toks[k].lemma in _ACCORDING or toks[k].lower in _ACCORDING for k in range(max(lo, i - 3), i))
    return after or before


def _institution(sc: Scan, lo: int, hi: int, regions: dict[int, str] | None = None) -> Attribution | None | str:
    """The institution with a side that the tokens [lo, hi) name; its head
    word when one is named without a side (the publisher's own voice, or an
    institution named earlier: "Генштаб ВСУ ... По данным Генштаба")."""
    toks = sc.toks
    named: str | None = None
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
        if tok.lemma in ("военный", "військовий") and (not tok.has("plur") or not _speaks(sc, i, lo, hi)):
            continue  # "военный аэродром" is an adjective; "украинские военные атаковали" act, not speak
        if _acts(sc, i, hi):
            continue  # "Вооруженные силы Украины атаковали ..., сообщил губернатор": the actor, not the speaker
        named = named or (tok.lemma if tok.lemma in _INSTITUTIONS else tok.lower)
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
        if party is None and tok.lemma == "сила" and i > lo and toks[i - 1].lemma in ("воздушный", "повітряний"):
            party, start = "UA", i - 1  # "Воздушные силы" with no country: Ukraine's (Russia has the ВКС)
        if party is None and regions:
            party, end = _local_side(sc, i, lo, hi, regions)
            start = i
        if party is None:
            continue
        if start == i and i > lo and toks[i - 1].has("ADJF") and _side(toks[i - 1]) is None \
                and toks[i - 1].lower not in _ACCORDING:  # "за даними Міноборони": the source noun is no name
            start = i - 1  # "Генеральный штаб ВСУ", "Оперативный штаб региона": the whole name
        span = (toks[start].start, toks[end].end)
        name = sc.text[span[0] : span[1]]
        return Attribution(party, name, span, command=any(stem in name.lower() for stem in _COMMAND_STEMS))
    return named


def _acts(sc: Scan, i: int, hi: int) -> bool:
    """Is the institution at i the subject of a strike verb that comes before any reporting verb
    ("Вооруженные силы Украины накануне атаковали ..., сообщил ...")?"""
    toks, lex = sc.toks, sc.lex
    if i > 0 and toks[i - 1].has("PREP"):
        return False  # "в Минобороны", "по данным штаба": a source, never a subject
    for k in range(i + 1, min(hi, i + 7)):
        if toks[k].lemma in REPORTING or toks[k].text in (",", ":", "—", "–"):
            return False
        if toks[k].has("VERB") and toks[k].lemma in lex.attack_verbs | lex.offensive_verbs:
            return True
    return False


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
_ACCORDING = {"версия", "версії", "дані", "данные", "слово", "информация", "інформація",
              # surface forms the dictionaries lemmatise oddly: "за даними ОВА", "по данным штаба"
              "даними", "даних", "данным", "данных", "словами", "словам", "інформацією", "информации"}
# "сообщается", "повідомляється": a reporting verb with no speaker of its own
_IMPERSONAL = {"сообщается", "отмечается", "уточняется", "утверждается", "повідомляється", "зазначається", "уточнюється",
               "говорится", "указывается", "подчеркивается", "йдеться", "ідеться", "вказується", "наголошується"}


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


# short names of an institution named in full before: "оперштаб" is the "оперативный штаб"
_ALIAS = {"оперштаб": "штаб", "генштаб": "штаб", "минобороны": "министерство", "міноборони": "міністерство"}


def _about_this(sc: Scan, lo: int, hi: int) -> bool:
    """"Об этом сообщил ...", "Про це повідомив ...": the statement is the sentence before."""
    toks = sc.toks
    return any(toks[i].lower in ("об", "о", "про") and toks[i + 1].lower in ("этом", "это", "це", "цьому")
               for i in range(lo, min(hi - 1, lo + 3)))


def _paragraph_starts(sc: Scan) -> set[int]:
    """Sentences that open a paragraph (after a blank line)."""
    out = {0}
    for sent in sc.sentences[1:]:
        gap = sc.text[sc.toks[sent.start_i - 1].end : sc.toks[sent.start_i].start]
        if gap.count("\n") >= 2:
            out.add(sent.index)
    return out


def find_attributions(
    sc: Scan, publisher_party: str, outlet: str = "", regions: dict[int, str] | None = None,
) -> dict[int, Attribution]:
    """sentence index -> the institution (either side) the sentence quotes;
    `outlet`: the publisher when it is a news outlet, whose citing of itself
    is its own voice (party OTHER), and whose paragraphs go on in the voice
    they quote ("... сообщил Кипер. Погибли двое ..."); `regions`: token ->
    region code of the places named, which give a local office its side."""
    toks = sc.toks
    out: dict[int, Attribution] = {}
    last: Attribution | None = None  # the source of the last reporting sentence
    named: dict[str, Attribution] = {}  # the last institution named of each side
    by_head: dict[str, Attribution] = {}  # institutions by head word: "Генштаб ВСУ" -> a later bare "Генштаб"
    people: dict[str, Attribution] = {}  # names of the people who spoke for a source
    starts = _paragraph_starts(sc) if outlet else set()
    for sent in sc.sentences:
        lo, hi = sent.start_i, sent.end_i
        reporting = any(toks[i].lemma in REPORTING for i in range(lo, hi)) or _according_to(sc, lo, hi) \
            or _impersonal(sc, lo, hi)
        back = _points_back(sc, lo, hi)
        if not reporting and not back:
            if outlet and last is not None and sent.index not in starts and sent.index - 1 in out:
                out[sent.index] = last  # a news paragraph goes on in the voice it quotes
            continue
        own = _self_citation(sc, lo, hi, outlet) if outlet and reporting else None
        if own is not None:
            out[sent.index] = own
            last = None
            continue
        found = _institution(sc, lo, hi, regions)
        if isinstance(found, str) and _ALIAS.get(found, found) in by_head:
            found = by_head[_ALIAS.get(found, found)]
        if not isinstance(found, Attribution) and reporting:
            # "- написал он", "написав Федоров у Telegram": a pronoun or a name already quoted
            if last is not None and any(toks[k].lower in _PRONOUNS for k in range(lo, hi)):
                found = last
            else:
                found = next((people[toks[k].lemma] for k in range(lo, hi) if toks[k].is_title and toks[k].lemma in people),
                             found)
        if isinstance(found, Attribution):
            earlier = named.get(found.party)
            if earlier is not None and any(w in found.name.lower() for w in ("відомств", "ведомств")):
                # "в российском ведомстве": the ministry named before, with its standing
                found = Attribution(found.party, earlier.name, found.span, earlier.command)
            for k in range(lo, hi):
                if found.span[0] <= toks[k].start < found.span[1] and toks[k].lemma in _INSTITUTIONS \
                        and not toks[k].has("plur"):  # a headline's "Губернаторы ... областей" is no one source
                    by_head[_ALIAS.get(toks[k].lemma, toks[k].lemma)] = found
            out[sent.index] = last = named[found.party] = found
            for k in range(lo, hi):  # the people this source speaks through: "Иван Федоров", "Юрий Слюсарь"
                if k > lo and toks[k].is_title and (toks[k].has("Surn") or toks[k].has("Name")):
                    people.setdefault(toks[k].lemma, found)
            if sent.index - 1 not in out and sent.index > 0 and _about_this(sc, lo, hi):
                out[sent.index - 1] = found  # "... Об этом сообщил оперативный штаб": the sentence before is theirs
        elif back and last is not None:
            out[sent.index] = last
        elif reporting and last is not None and _impersonal(sc, lo, hi):
            out[sent.index] = last  # "Сообщается о повреждении ...": the source quoted just before goes on
        elif reporting:
            last = None  # a new source without a side: the publisher's own
    return out
