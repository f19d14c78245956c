"""Targets, casualties and who struck whom, sentence by sentence.

Targets count only in sentences that say something was hit or damaged
("пошкоджено приватні будинки", "обломки упали на два многоквартирных
дома"), never where a word names a hospital people were taken to.
Casualties read "25 загиблих", "поранено 73 людини", "погибла женщина"
(one), "без загиблих і поранених" / "пострадавших нет" (zero), and skip
subsets ("серед них троє дітей").

Who is quoted ("Міноборони РФ заявило, що ...") is found in `attribution`.

Roles follow each source's conventions: a Ukrainian source's
"противник/ворог" and a Russian source's "ВСУ", "киевский режим" are the
other side; "Сили оборони України ... уразили" or "Вооружённые силы
Российской Федерации нанесли удар" are the claimant's own strikes; "якобы",
"провокация" or a negated own strike is a denial.
"""

from __future__ import annotations

from dataclasses import dataclass

from .direction import HEDGES, answers_other_side, hedges_description
from .lexicon import Lexicon
from .morph import Tok
from .numbers import number_at
from .scan import Scan

__all__ = [
    "TargetFact", "CasualtyFact", "PartyMark",
    "find_targets", "find_casualties", "find_party_marks", "sentence_role",
]


@dataclass
class TargetFact:
    code: str
    span: tuple[int, int]
    sentence: int


@dataclass
class CasualtyFact:
    kind: str  # "killed" or "injured"
    value: int
    span: tuple[int, int]
    sentence: int


@dataclass
class PartyMark:
    party: str  # "UA" or "RU"
    span: tuple[int, int]
    sentence: int
    own_force: bool  # names armed forces ("Сили оборони України"), not just the country
    token: int


def _forms(tok: Tok) -> tuple[str, ...]:
    """Lower form, best lemma, then the other readings ("енергетики" is also "енергетика")."""
    return (tok.lower, tok.lemma, *sorted(tok.lemmas - {tok.lemma}))


def _pair(lex: Lexicon, a: Tok, b: Tok) -> str | None:
    for x in _forms(a):
        for y in _forms(b):
            if (x, y) in lex.target_pairs:
                return lex.target_pairs[(x, y)]
    return None


def _sentence_lemmas(sc: Scan, s: int) -> set[str]:
    sent = sc.sentences[s]
    return {sc.toks[i].lemma for i in range(sent.start_i, sent.end_i) if i not in sc.justification}


# "склад на территории предприятия", "будівлю вокзалу": the building belongs to the target named next
def _clause_end(toks: list[Tok], start: int, limit: int) -> int:
    # "адміністративну будівлю та об'єкт ...": a coordinated noun is a second target, not the owner
    stops = (",", ";", ":", "та", "і", "й", "и")
    return next((k for k in range(start, limit) if toks[k].lower in stops), limit)


_CONTAINERS = {"будівля", "здание", "споруда", "сооружение", "склад", "приміщення", "помещение"}


def find_targets(sc: Scan) -> list[TargetFact]:
    toks, lex = sc.toks, sc.lex
    out: list[TargetFact] = []
    oil_seen = False
    for sent in sc.sentences:
        lemmas = _sentence_lemmas(sc, sent.index)
        if not lemmas & (lex.damage_cues | lex.attack_verbs):  # "обстреляли подстанцию": the object was struck
            continue
        used: set[int] = set()
        for i in range(sent.start_i, sent.end_i):
            if sc.excluded(i) or i in used:
                continue
            # "доставили в больницу": a place of aid, not a target
            if any(toks[k].lemma in lex.aid_cues for k in range(max(sent.start_i, i - 3), i)):
                continue
            for k in range(i + 1, min(sent.end_i, i + 4)):
                code = _pair(lex, toks[i], toks[k])
                # "об'єкти енергетичної інфраструктури": the closer modifier is the more specific
                # and "объекты портовой инфраструктуры" is the port's: a target adjective between decides
                # ("енергетичної та портової інфраструктури": coordinated adjectives share the head)
                coordinated = any(toks[m].lower in lex.and_words for m in range(i + 1, k))
                if code and not coordinated and any(_pair(lex, toks[m], toks[k]) or toks[m].lemma in lex.target_adjectives
                                                    for m in range(i + 1, k)):
                    code = None
                if code:
                    out.append(TargetFact(code, (toks[i].start, toks[k].end), sent.index))
                    used.update((i,) if coordinated else range(i, k + 1))
                    oil_seen |= code == "energy.oil_gas" and _plant(toks, i, k + 1)
                    break
            if i in used:
                continue
            code = next((lex.targets[f] for f in _forms(toks[i]) if f in lex.targets), None)
            if code is None and toks[i].has("NOUN"):
                code = _compound_target(lex, toks[i].lemma)
            if code is None and i + 1 < sent.end_i and toks[i + 1].has("NOUN"):
                code = lex.target_adjectives.get(toks[i].lemma)
            if code is None:
                continue
            # "будівлю вокзалу", "здание на территории предприятия": the building is the thing named next
            if toks[i].lemma in _CONTAINERS and any(
                _forms(toks[k])[1] in lex.targets or toks[k].lemma in lex.target_adjectives
                for k in range(i + 1, _clause_end(toks, i + 1, min(sent.end_i, i + 9)))
            ):
                continue
            # a bare "завод"/"предприятие" after a refinery was named is that refinery
            if code == "industry" and oil_seen and toks[i].lemma in ("завод", "підприємство", "предприятие"):
                continue
            oil_seen |= code == "energy.oil_gas" and _plant(toks, i, i + 1)
            out.append(TargetFact(code, (toks[i].start, toks[i].end), sent.index))
    return out


# oil sites that are an enterprise: a later bare "завод" / "підприємство" is the same site
# (a gas pipeline or a tank is not)
_PLANTS = {"нпз", "завод", "нафтобаза", "нефтебаза", "комбінат", "комбинат", "нефтезавод", "нафтозавод"}


def _plant(toks: list[Tok], a: int, b: int) -> bool:
    return any(({toks[k].lemma, toks[k].lower} | toks[k].lemmas) & _PLANTS for k in range(a, b))


# stems that open a compound noun and say which sector it is in: "нефтезавод", "газопромысел"
_SECTOR_STEMS = (("нефте", "energy.oil_gas"), ("нафто", "energy.oil_gas"), ("газо", "energy.oil_gas"),
                 ("топливо", "energy.oil_gas"), ("паливо", "energy.oil_gas"), ("электро", "energy.power"),
                 ("електро", "energy.power"), ("энерго", "energy"), ("енерго", "energy"),
                 ("броне", "military"), ("бое", "military"), ("бойо", "military"))


def _compound_target(lex: Lexicon, lemma: str) -> str | None:
    """A compound noun ending in a target word ("сельхозпредприятие",
    "автозавод", "нефтесклад", "газопромысел"): the head's code, or the sector
    its first stem names."""
    if "-" in lemma:
        return None  # "штаб-квартира" is no flat
    for head, code in lex.targets.items():
        if len(head) >= 5 and len(lemma) >= len(head) + 3 and lemma.endswith(head):
            prefix = lemma[: -len(head)]
            return next((c for stem, c in _SECTOR_STEMS if prefix.startswith(stem)), code)
    return None


def _is_year_or_age(toks: list[Tok], end_i: int) -> bool:
    # "54-річна", "1968 р.н.", "1970 г.р.": an age or a year of birth
    return end_i < len(toks) and toks[end_i].lemma in (
        "рік", "год", "річний", "летний", "лет", "років", "р.н", "г.р", "р", "г", "року",
    )


_NONE_WORDS = ("нет", "немає", "нема")
_NOT_FOUND = {"виявити", "зафіксувати", "выявить", "зафиксировать", "установить", "встановити"}


def find_casualties(sc: Scan) -> list[CasualtyFact]:
    toks, lex = sc.toks, sc.lex
    out: list[CasualtyFact] = []
    for sent in sc.sentences:
        lo, hi = sent.start_i, sent.end_i
        for i in range(lo, hi):
            if sc.excluded(i) or i in sc.subset:
                continue
            tok = toks[i]
            kind = "killed" if tok.lemma in lex.killed else "injured" if tok.lemma in lex.injured else None
            if kind is None:
                continue
            # zero: "без загиблих і поранених", "без пострадавших", "пострадавших нет", "жертв немає"
            prev = toks[i - 1] if i > lo else None
            nxt = toks[i + 1] if i + 1 < hi else None
            chain_prev = i - 1
            while chain_prev > lo and toks[chain_prev].lower in lex.and_words and toks[chain_prev - 1].lemma in lex.killed | lex.injured:
                chain_prev -= 2
            # "Загиблих та постраждалих немає", "Постраждалих серед працівників немає": the negation
            # may follow a coordinated casualty word or a short "among ..." phrase.
            j = i + 1
            while j < min(hi, i + 6) and toks[j].lower not in _NONE_WORDS and (
                toks[j].lower in lex.and_words or toks[j].lemma in lex.killed | lex.injured
                or toks[j].lower in ("серед", "среди") or toks[j - 1].lower in ("серед", "среди")
                or (toks[j].has("ADJF") and toks[j - 1].lower in ("серед", "среди"))  # "среди мирных жителей"
                or (toks[j - 1].has("ADJF") and toks[j - 2].lower in ("серед", "среди"))
                # "Пострадавших и разрушений нет": another genitive noun coordinated before the negation
                or (toks[j].has("NOUN") and toks[j].has("gent") and toks[j - 1].lower in lex.and_words)
            ):
                j += 1
            if j < hi and toks[j].lower in _NONE_WORDS:
                nxt = toks[j]
            not_found = j + 1 < hi and toks[j].lower in ("не", "ні") and toks[j + 1].lemma in _NOT_FOUND
            if not_found:
                nxt = toks[j]  # "пострадавших не выявлено", "загиблих не зафіксовано"
            if (prev is not None and toks[chain_prev].lower == "без") or (
                nxt is not None and (nxt.lower in _NONE_WORDS or not_found)
            ):
                if tok.lemma in lex.no_casualties or tok.lemma in lex.killed | lex.injured:
                    # the evidence holds the negation too: "без загиблих", "пострадавших нет"
                    neg = toks[chain_prev] if toks[chain_prev].lower == "без" else nxt
                    span = (min(tok.start, neg.start), max(tok.end, neg.end)) if neg is not None else (tok.start, tok.end)
                    out.append(CasualtyFact(kind, 0, span, sent.index))
                continue
            if prev is not None and prev.lower in ("не", "ні", "ни") and (tok.has("VERB") or tok.has("PRTS")):
                # "водій не постраждав", "никто не пострадал": nobody hurt there
                out.append(CasualtyFact(kind, 0, (prev.start, tok.end), sent.index))
                continue
            value, span = _casualty_number(sc, i, lo, hi)
            if value is not None and span is not None:
                out.append(CasualtyFact(kind, value, span, sent.index))
    return out


def _casualty_number(sc: Scan, i: int, lo: int, hi: int) -> tuple[int | None, tuple[int, int] | None]:
    toks, lex = sc.toks, sc.lex
    grown = _grown_to(toks, i, lo, hi)
    if grown is not None:
        return grown
    # number before: "25 загиблих", "три человека пострадали", "двоє людей загинули"
    between = lex.person_nouns | {"людина", "человек", "особа", "отримати", "получить", "зазнати"}
    for back in (1, 2, 3, 4):
        k = i - back
        if k < lo or k in sc.subset:
            break
        num = _number_ending_at(toks, k)
        if num is not None and not _is_year_or_age(toks, num[2]):
            # "три человека пострадали", "ще 7 отримали поранення", "два человека получили ранения"
            if all(toks[m].lemma in between or toks[m].lemmas & between or toks[m].has("ADJF") for m in range(k + 1, i)):
                return num[0], (num[1], toks[k].end)
    # number after: "Поранено 73 людини", "травмовано 30", "Загинула одна людина", "Постраждали двоє працівників"
    for k in range(i + 1, min(hi, i + 3)):
        if k in sc.subset or toks[k].text in (",", ";", "."):
            break
        if toks[k].lower in lex.vague or toks[k].lemma in lex.vague:
            return None, None  # "ранены более 20": a vague figure is no count
        num = number_at(toks, k)
        if num is not None:
            if _is_year_or_age(toks, num.end_i):
                break
            return num.value, (num.start, num.end)
    # a single person: "погибла женщина", "Мужчина получил осколочные ранения"
    # ("Осколочные ранения получила пожилая женщина": the verb and an adjective may come between)
    for k in list(range(max(lo, i - 4), i)) + list(range(i + 1, min(hi, i + 4))):
        person = toks[k]
        # (the Ukrainian dictionary marks plural only, so "not plural" is the test)
        if person.lemmas & lex.person_nouns and not person.has("plur") and k not in sc.subset:
            if k > lo and number_at(toks, k - 1) is not None:
                continue
            return 1, (person.start, person.end)
    return None, None


_AMOUNT = {"кількість", "число", "количество"}
_GROW = {"зрости", "зрослий", "зростати", "збільшитися", "досягти", "вырасти", "увеличиться", "достигнуть", "возрасти"}


def _grown_to(toks: list[Tok], i: int, lo: int, hi: int) -> tuple[int, tuple[int, int]] | None:
    """"Кількість поранених ... зросла до 27", "число пострадавших выросло до
    трёх": the updated figure, however far along the sentence."""
    if not (i > lo and toks[i - 1].lemma in _AMOUNT):
        return None
    for k in range(i + 1, hi - 2):
        if toks[k].lemma in _GROW and toks[k + 1].lower == "до":
            num = number_at(toks, k + 2)
            if num is not None:
                return num.value, (toks[k].start, num.end)
    return None


def _number_ending_at(toks: list[Tok], k: int) -> tuple[int, int, int] | None:
    """A number whose last token is k: (value, start char, end index)."""
    for start in range(max(0, k - 3), k + 1):
        num = number_at(toks, start)
        if num is not None and num.end_i == k + 1:
            return num.value, num.start, num.end_i
    return None


_FORCES = {
    "сила", "військо", "війська", "армія", "військовий", "підрозділ", "окупант", "загарбник", "дивізіон",
    "войско", "армия", "военный", "подразделение", "дивизион", "формирование", "боевик", "оккупант",
    "вооруженный", "збройний", "командування", "командование", "режим", "агресор", "агрессор", "ракетник",
    # units: "склад боеприпасов бригады ВСУ" names its owner, "атака батальона" its actor
    "бригада", "батальйон", "батальон", "полк", "дивізія", "дивизия", "корпус", "угруповання", "группировка",
}


def _names_a_force(sc: Scan, i: int) -> bool:
    """Does the country adjective at i qualify a weapon or an armed force
    ("українських безпілотників", "российские войска", "украинским дивизионом")?"""
    toks, lex = sc.toks, sc.lex
    # "Російська Федерація" is the country's name, a mark like "Росія"
    if i + 1 < len(toks) and toks[i + 1].lemma in ("федерація", "федерация"):
        return True
    for k in range(i + 1, min(len(toks), i + 4)):
        forms = {toks[k].lemma, toks[k].lower} | toks[k].lemmas
        if forms & (_FORCES | set(lex.weapons) | set(lex.weapon_adjectives)):
            return True
        # "российская сторона выпустила", "українська сторона атакувала": the side as an actor
        if forms & {"сторона"} and k + 1 < len(toks) and any(
                toks[m].lemma in lex.attack_verbs | set(lex.measures) for m in range(k + 1, min(len(toks), k + 4))):
            return True
        if not (toks[k].has("ADJF") or toks[k].has("PRTF")):
            return False
    return False


# "з боку росії", "агрессия России", "терор рф": the country acts
_ACTING_NOUNS = {
    "бік", "сторона", "терор", "террор", "агресія", "агрессия", "війна", "война", "вторгнення", "вторжение",
    "обстріл", "обстрел", "напад", "нападение", "провокація", "провокация",
}


def _owner_of_target(sc: Scan, i: int) -> bool:
    """A country named in the genitive after a plain noun ("инфраструктуры
    Украины", "об'єкти росії") owns that thing; after a force, a weapon or an
    attack noun ("Вооружённых сил Украины", "удары России") it acts."""
    toks, lex = sc.toks, sc.lex
    tok = toks[i]
    # "області рф": an indeclinable abbreviation stands in the genitive too
    genitive = tok.has("gent") or tok.has("Fixd")
    if i == 0 or not genitive or tok.lower in ("зсу", "всу", "вфу", "вкс") or not tok.has("NOUN"):
        return False
    prev = toks[i - 1]
    if not (prev.has("NOUN") or prev.has("UNKN")) or prev.is_title and not prev.has("UNKN"):
        return False
    acting = _FORCES | lex.own_force_heads | lex.attack_verbs | set(lex.weapons) | set(lex.measures) | lex.enemy_words
    acting = acting | _ACTING_NOUNS
    if ({prev.lemma, prev.lower} | prev.lemmas) & acting:
        return False
    # "Сили оборони України", "Главное управление разведки Украины": the force may stand a few words back
    forces = _FORCES | lex.own_force_heads | {"оборона", "розвідка", "разведка", "служба", "штаб"}
    return not any(({toks[k].lemma, toks[k].lower} | toks[k].lemmas) & forces for k in range(max(0, i - 3), i))


# what an army holds: "позиции ВСУ", "склады ВСУ", "техника ВСУ"
_OWNED_THINGS = {
    "позиция", "склад", "техника", "объект", "пункт", "база", "расположение", "укрепление", "штаб",
    "позиція", "техніка", "об'єкт", "розташування", "укріплення",
}


def _owned_force(sc: Scan, i: int) -> bool:
    """A force in the genitive after a plain noun owns what was struck:
    "склад боєприпасів 20-ї армії рф", "пункт временной дислокации
    подразделения ВСУ", "позиции российских войск" name the target's owner,
    not the side that struck ("атака подразделений ВСУ" still acts)."""
    toks, lex = sc.toks, sc.lex
    acting = _FORCES | lex.own_force_heads | lex.attack_verbs | set(lex.weapons) | set(lex.measures) | _ACTING_NOUNS
    acting = acting | lex.enemy_words | lex.offensive_verbs

    def force(k: int) -> bool:
        # any case: the dictionary's first reading of "бригады" is a nominative plural
        return bool(({toks[k].lemma, toks[k].lower} | toks[k].lemmas) & (_FORCES | lex.own_force_heads))

    if toks[i].lower in ("всу", "зсу", "вфу"):
        # "позиции ВСУ", "склад боеприпасов ВСУ": the abbreviation owns the plain noun(s) before it
        for k in range(i - 1, max(-1, i - 4), -1):
            forms = {toks[k].lemma, toks[k].lower} | toks[k].lemmas
            if forms & acting or not toks[k].has("NOUN") or toks[k].is_title:
                break
            if forms & (_OWNED_THINGS | set(lex.targets)):
                return True
    if toks[i].has("ADJF") or toks[i].has("Adjx"):
        if not (i + 1 < len(toks) and force(i + 1)):
            return False
        if toks[i].has("nomn") and toks[i + 1].has("nomn"):
            return False  # "перемирия украинские военные атаковали": a subject, not an owner in the genitive
        k = i - 1
    else:
        k = i - 1
        seen_force = False
        while k >= 0 and (force(k) or toks[k].text[:1].isdigit() or toks[k].text in ("-", "–") or toks[k].has("ADJF")
                          or (len(toks[k].text) <= 2 and toks[k].text.isalpha() and toks[k].tag == "")):
            seen_force |= force(k)
            k -= 1
        if not seen_force:
            return False
    if k < 0 or not toks[k].has("NOUN") or toks[k].is_title:
        return False
    return not ({toks[k].lemma, toks[k].lower} | toks[k].lemmas) & acting


# "используемые в интересах ВСУ", "принадлежащих ВСУ", "для нужд ВСУ", "що використовуються ЗСУ":
# the side served by a struck object, not the side that struck
_SERVES = {"использовать", "используемый", "принадлежать", "принадлежащий", "використовувати",
           "використовуватися", "належати", "належний", "обслуживать", "обслуговувати"}
# "для постачання ЗСУ", "для снабжения ВСУ": what the object supplies, not who struck it
_INTEREST = {"интерес", "інтерес", "нужда", "потреба", "польза", "користь", "постачання", "снабжение", "забезпечення", "обеспечение"}


def _served_side(sc: Scan, i: int) -> bool:
    """Is the side named at i the beneficiary or owner of what was struck
    ("в интересах украинской армии", "используемых ВСУ")?"""
    toks = sc.toks
    k = i - 1
    while k >= 0 and i - k <= 3 and (toks[k].has("ADJF") and not toks[k].lemmas & _SERVES or toks[k].lemma in _FORCES):
        k -= 1  # "в интересах вооружённых формирований Украины": adjectives and a force between
    if k < 0:
        return False
    if toks[k].lemma in _INTEREST and k > 0 and toks[k - 1].lower in ("в", "у", "для", "на", "во"):
        return True
    if toks[k].lower == "для" and k < i - 1:
        return True  # "пального для армії рф": a force after "для" is served, not striking
    return bool(({toks[k].lemma} | toks[k].lemmas) & _SERVES) and not toks[k].has("INFN")


_SEATS = {"киев", "київ", "москва", "кремль"}


def find_party_marks(sc: Scan, claimant: str) -> list[PartyMark]:
    """Mentions of either side, with enemy words resolved against the claimant."""
    toks, lex = sc.toks, sc.lex
    other = "RU" if claimant == "UA" else "UA"
    out: list[PartyMark] = []
    for i, tok in enumerate(toks):
        if i in sc.justification or i in sc.aside:
            continue
        party = None
        if tok.lemma in lex.enemy_words:
            party = other
        elif tok.lemma in lex.ua_words or tok.lower in lex.ua_words or tok.lemma in lex.ua_adjectives:
            party = "UA"
        elif tok.lemma in lex.ru_words or tok.lower in lex.ru_words or tok.lemma in lex.ru_adjectives:
            party = "RU"
        elif tok.lower in ("окупант", "окупанти", "рашисти", "оккупанты"):
            party = other
        elif tok.lemma == "сила" and i + 1 < len(toks) and toks[i + 1].lemma == "оборона" and not (
            i + 2 < len(toks) and toks[i + 2].is_title
        ):
            party = "UA"  # "Сили оборони уразили ...": Ukraine's own name for its forces, country unsaid
        if party is None and tok.is_title and tok.lemma in _SEATS and any(
                toks[k].lemma in lex.attack_verbs or lex.measures.get(toks[k].lemma) == "launched"
                for k in range(i + 1, _clause_end(toks, i + 1, min(len(toks), i + 9)))) and tok.has("nomn"):
            # "Киев атаковал Курскую область", "Москва нанесла удар": the government, as the subject
            party = "UA" if tok.lemma in ("киев", "київ") else "RU"
        if party is None and i > 0 and toks[i - 1].lemma == "режим" and tok.is_title:
            # "режима Киева", "режим Зеленского": the government, named by its seat or head
            party = claimant if tok.lemma in ("москва", "кремль", "путин") else other
        if party is None:
            continue
        if (tok.lemma in lex.ua_adjectives or tok.lemma in lex.ru_adjectives) and not _names_a_force(sc, i):
            continue  # "украинские СМИ", "російські канали": not a side that strikes
        if _owner_of_target(sc, i) or _owned_force(sc, i) or _served_side(sc, i):
            continue  # "поражены предприятия ВПК Украины": whose the target is, not who struck
        window = range(max(0, i - 3), min(len(toks), i + 4))
        own_force = tok.lower in ("зсу", "всу", "вфу", "вкс") or tok.lemma == "сила" or any(
            toks[k].lemma in lex.own_force_heads for k in window if k != i
        )
        # "украинские дроны атаковали", "российские ракеты поразили": the side's weapons strike for it
        own_force = own_force or (tok.lemma in lex.ua_adjectives | lex.ru_adjectives and i + 1 < len(toks)
                                  and (toks[i + 1].lemma in lex.weapons or toks[i + 1].lower in lex.weapons))
        out.append(PartyMark(party, (tok.start, tok.end), sc.sent_of[i], own_force, i))
    return out


# "не соответствуют действительности", "не подтвердились", "не відповідає дійсності": a report denied
_TRUTH = {"соответствовать", "відповідати", "подтверждаться", "подтвердиться", "підтверджуватися", "підтвердитися"}


def _denies_truth(toks: list[Tok], i: int, hi: int) -> bool:
    if toks[i].lower not in ("не", "ні"):
        return False
    k = i + 1
    if k < hi and toks[k].text in ("«", '"', "„"):
        k += 1
    return k < hi and bool(({toks[k].lemma} | toks[k].lemmas) & _TRUTH)


def sentence_role(sc: Scan, s: int, marks: list[PartyMark], claimant: str) -> tuple[str | None, tuple[int, int] | None]:
    """"own" (claimant's side struck), "denial" (of an own strike),
    "denied_hit" (of the other side's strike), "enemy" (the other side
    struck), or None, with the span of the words that decided it."""
    toks, lex = sc.toks, sc.lex
    sent = sc.sentences[s]
    idx = [i for i in range(sent.start_i, sent.end_i) if i not in sc.justification]
    lemmas = {toks[i].lemma for i in idx}
    sent_marks = [m for m in marks if m.sentence == s]
    own = [m for m in sent_marks if m.party == claimant and m.own_force]
    strike = [i for i in idx if toks[i].lemma in lex.attack_verbs | lex.offensive_verbs]
    denial = [i for i in idx if (toks[i].lemma in lex.denial_cues or _denies_truth(toks, i, sent.end_i))
              and not (toks[i].lower in HEDGES and hedges_description(toks, i, sent.start_i))]
    negated = [
        i for i in idx if toks[i].lower in lex.negations
        and i + 1 < len(toks) and (toks[i + 1].has("VERB") or toks[i + 1].has("INFN"))
    ]
    if denial and strike and answers_other_side(sc, sent.start_i, sent.end_i, claimant):
        # "назвали заявления Киева о поражении аэродрома ложными": the other side's claimed hit denied
        return "denied_hit", (toks[denial[0]].start, toks[denial[0]].end)
    if denial and strike:
        return "denial", (toks[denial[0]].start, toks[denial[0]].end)
    if denial and not own and lemmas & (lex.damage_cues | set(lex.targets)):
        # "сообщения о пожаре на НПЗ не соответствуют действительности": damage at home denied,
        # so the other side's claimed hit is what is denied
        return "denied_hit", (toks[denial[0]].start, toks[denial[0]].end)
    if own and negated and (strike or lemmas & {"выполнять", "виконувати", "планировать", "планувати", "наносить", "завдавати"}):
        return "denial", (toks[negated[0]].start, toks[negated[0]].end)
    hit_words = lex.attack_verbs | lex.damage_cues
    negated_hit = [
        i for i in idx if toks[i].lower in lex.negations
        and any(toks[k].lemma in hit_words for k in range(max(sent.start_i, i - 2), min(sent.end_i, i + 3)))
    ]
    if negated_hit and not own and (denial or (s > 0 and _sentence_lemmas(sc, s - 1) & lex.denial_cues)):
        # "назвали недостоверными. «Ни один объект ... поражен не был»": the other side's strike denied
        return "denied_hit", (toks[negated_hit[0]].start, toks[negated_hit[0]].end)
    enemy = [m for m in sent_marks if m.party != claimant]
    # "Сили оборони України відбили атаку ворожих БпЛА": the own forces defend
    defending = any(lex.measures.get(toks[i].lemma) in ("intercepted", "lost") for i in idx) or bool(
        lemmas & {"відбити", "відбивати", "отразить", "отражать"}
    )
    if own and strike and not negated and not (defending and enemy):
        return "own", own[0].span
    # an enemy named where nothing is struck ("забезпечує паливом російську армію") sets no direction
    if enemy and (strike or lemmas & lex.damage_cues or lemmas & set(lex.weapons)):
        return "enemy", enemy[0].span
    # "ущерба не нанесено", "удару не завдано": a strike said not to have been made directs nothing
    offensive = [i for i in strike if toks[i].lemma in lex.offensive_verbs
                 and not any(toks[k].lower in lex.negations for k in range(max(sent.start_i, i - 2), i))]
    if offensive:
        return "offensive?", (toks[strike[0]].start, toks[strike[0]].end)
    return None, None
