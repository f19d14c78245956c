"""Weapon mentions and the counts attached to them.

A weapon mention is a head from the lexicon ("БпЛА", "беспилотник",
"ракета", "FPV") or a model from the shared catalogue (`extract.common`:
"Кинджал", "Х-101", "Іскандер-М") with its modifiers ("крилатих ракет",
"беспилотных летательных аппаратов", "БпЛА типу Shahed", "ракетами
«Кинжал»"). A count is a number that governs the mention ("458 ударними
БпЛА", "двох ракет"), measured by the nearest trigger of its clause
("збито", "перехвачены", "локаційно втрачено", "влучання"); list items
inherit the trigger and weapon of the line that opens the list.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..common.weapons import weapon_by_alias
from .lexicon import WeaponTerm
from .morph import Tok
from .numbers import ORDINALS, NumberMatch, number_at
from .scan import Scan

__all__ = ["WeaponMention", "Count", "find_weapons", "find_counts"]

_GENERIC = {"drone", "missile"}
_LINKS = {"-", "типу", "типа"}
_DASHES = {"-", "–", "—"}
_STRIKE_NOUNS = {"удар", "обстріл", "обстрел", "атака"}


@dataclass
class WeaponMention:
    start_i: int
    end_i: int
    category: str
    model: str | None
    head: tuple[int, int]  # character span of the head word(s)
    model_span: tuple[int, int] | None = None


@dataclass
class Count:
    category: str
    model: str | None
    measure: str
    value: int
    span: tuple[int, int]
    sentence: int
    weapon_span: tuple[int, int] | None
    trigger: int = -1  # token index of the word that measured it; one trigger, one enumeration
    breakdown: bool = False  # a per-region line of a list
    additive: bool = False  # "ще два", "еще пять": on top of the figure already given
    overall: bool = False  # "Загалом ... випустили 3 КАБи": the whole, "ще N" included


def _compound(toks: list[Tok], i: int) -> tuple[str, int]:
    """Hyphenated names split by the tokenizer ("Іскандер", "-", "М") joined back."""
    text, j = toks[i].lower, i + 1
    while (
        j + 1 < len(toks)
        and toks[j].text == "-"
        and toks[j - 1].end == toks[j].start
        and toks[j].end == toks[j + 1].start
    ):
        text += "-" + toks[j + 1].lower
        j += 2
    return text, j


def _catalogue(sc: Scan, i: int, compound: str, j: int) -> tuple[WeaponTerm, int] | None:
    """A model from the shared weapon catalogue ("Калібр", "Х-101", "Іскандер-М").
    Only names written as names: capitalised, with digits or Latin letters, or
    quoted, because some aliases are also ordinary words ("лютий", "град")."""
    tok = sc.toks[i]
    named = tok.text[:1].isupper() or any(ch.isdigit() or "a" <= ch.lower() <= "z" for ch in tok.text) or i in sc.quoted
    # "шістьма шахедами": a lowercase loanword the dictionary knows only as a proper name is no ordinary word
    named = named or tok.has("Name") or tok.has("UNKN")
    if not named:
        return None
    for text, end in ((compound, j), (tok.text, i + 1), (tok.lemma, i + 1)):
        found = weapon_by_alias(text)
        if found is not None:
            return WeaponTerm(found.category, found.model), end
    return None


_UNCREWED = {"безэкипажный", "безекіпажний", "беспилотный", "безпілотний", "безэкипажной"}
_BOATS = {"катер", "судно", "лодка", "човен"}
_USV_ABBR = {"бэк", "бек", "бэка", "бэков"}
_USV = WeaponTerm("other", "USV")


def _term_at(sc: Scan, i: int) -> tuple[WeaponTerm, int] | None:
    toks, lex = sc.toks, sc.lex
    compound, j = _compound(toks, i)
    if j > i + 1 and compound in lex.weapons:
        return lex.weapons[compound], j
    from_catalogue = _catalogue(sc, i, compound, j)
    if from_catalogue is not None:
        return from_catalogue
    tok = toks[i]
    # "безэкипажных катера", "безекіпажні катери", "БЭК": uncrewed boats are no UAV
    if tok.lower in _USV_ABBR or (tok.lemma in _UNCREWED and i + 1 < len(toks) and toks[i + 1].lemma in _BOATS):
        return _USV, (i + 1 if tok.lower in _USV_ABBR else i + 2)
    term = lex.weapons.get(tok.lower) or lex.weapons.get(tok.lemma)
    if term is not None:
        if term.category == "total":
            # "засобами повітряного нападу" / "средств воздушного нападения" only
            nxt = toks[i + 1].lemma if i + 1 < len(toks) else ""
            return (term, i + 3) if nxt in ("повітряний", "воздушный") else None
        return term, i + 1
    adj = lex.weapon_adjectives.get(tok.lemma)
    if adj is not None and i + 1 < len(toks):
        nxt = toks[i + 1]
        # "беспилотных летательных аппаратов", "безпілотних літальних апаратів"
        if nxt.lemma in ("летательный", "літальний") and i + 2 < len(toks):
            return adj, i + 3
        # "ракетный удар", "ракетному обстрелу": a weapon without a count
        if nxt.lemma in ("удар", "обстрел", "обстріл", "атака", "небезпека", "опасность"):
            return adj, i + 1
    return None


def find_weapons(sc: Scan) -> list[WeaponMention]:
    toks, lex = sc.toks, sc.lex
    out: list[WeaponMention] = []
    i = 0
    while i < len(toks):
        if i in sc.aside or i in sc.justification:
            i += 1
            continue
        found = _term_at(sc, i)
        if found is None:
            i += 1
            continue
        term, j = found
        mention = WeaponMention(i, j, term.category, term.model, (toks[i].start, toks[j - 1].end))
        if term.model:
            mention.model_span = mention.head
        # modifiers before the head: "крилатих ракет", "гиперзвуковыми ракетами"
        if term.category == "missile":
            for k in range(max(0, i - 3), i):
                refined = lex.missile_modifiers.get(toks[k].lemma)
                if refined:
                    mention.category = refined
        # links after the head: "БпЛА типу Shahed", "ракетами «Кинжал»", "дронами-імітаторами"
        while j < len(toks) and j not in sc.aside:
            k = j
            if toks[k].lower in _LINKS or toks[k].text == "«":
                k += 1
            if k < len(toks) and toks[k].text == "«":
                k += 1
            if k >= len(toks):
                break
            nxt = _term_at(sc, k)
            if nxt is None:
                break
            sub, end = nxt
            # without a link word only a named model continues the mention: "ракет Х-101"
            if k == j and (sub.model is None or toks[k].has("ADJF")):
                break
            if sub.category not in ("total",):
                if sub.model:
                    mention.model = sub.model
                    mention.model_span = (toks[k].start, toks[end - 1].end)
                if mention.category in _GENERIC and sub.category not in _GENERIC | {"drone"}:
                    mention.category = sub.category
            j = end + (1 if end < len(toks) and toks[end].text == "»" else 0)
            mention.end_i = j
        out.append(mention)
        i = max(j, i + 1)
    out += _elided(sc, out)
    out.sort(key=lambda m: m.start_i)
    _resolve_anaphora(sc, out)
    return out


def _elided(sc: Scan, mentions: list[WeaponMention]) -> list[WeaponMention]:
    """"однієї крилатої і двох балістичних ракет", "трёх крылатых и двух баллистических ракет":
    a counted modifier coordinated with a counted "modifier + missile" shares that head."""
    toks, lex = sc.toks, sc.lex
    out: list[WeaponMention] = []
    for m in mentions:
        a = m.start_i
        while a > 0 and toks[a - 1].lemma in lex.missile_modifiers:
            a -= 1
        if a == m.start_i or a < 4 or number_at(toks, a - 1) is None or toks[a - 2].lower not in lex.and_words:
            continue
        b = a - 3  # the first conjunct's modifier, after its own number
        if toks[b].lemma in lex.missile_modifiers and number_at(toks, b - 1) is not None:
            category = lex.missile_modifiers[toks[b].lemma]
            out.append(WeaponMention(b, b + 1, category, None, (toks[b].start, toks[b].end)))
    return out


_POINTING = {"всі", "усі", "все", "всех", "всіх", "усіх", "обидві", "обидва", "оба", "обе", "ці", "эти"}


def _resolve_anaphora(sc: Scan, mentions: list[WeaponMention]) -> None:
    """"Все четыре ракеты перехвачены" after "ракетами ATACMS": a bare
    "ракети" pointed back to ("всі", "обидві", "эти") is the missile type
    named last, not a new untyped missile."""
    toks = sc.toks
    last: WeaponMention | None = None
    for m in mentions:
        if m.category in ("cruise_missile", "ballistic_missile"):
            last = m
            continue
        pointed = any(toks[k].lower in _POINTING for k in range(max(0, m.start_i - 3), m.start_i))
        if m.category == "missile" and m.model is None and pointed and last is not None:
            m.category, m.model, m.model_span = last.category, last.model, last.model_span


def _measure_near(sc: Scan, i: int, lo: int, hi: int) -> tuple[str, int] | None:
    """(measure, trigger index) of the trigger nearest to token i inside its
    clause [lo, hi), else the last one earlier in the sentence ("збито 59
    крилатих ракет; 18 ракет «Калібр»; 54 ударних БпЛА")."""
    found = _nearest_trigger(sc, i, lo, hi)
    if found is None:
        sent = sc.sentences[sc.sent_of[i]]
        found = _nearest_trigger(sc, i, sent.start_i, i)
    return found


_REPEL = {"отразить", "отражать", "відбити", "відбивати", "отбить"}


def _coordinated_with(sc: Scan, counts: list[Count], i: int) -> tuple[str, int] | None:
    """The measure of a count joined to the number at i by "и"/"та"/a comma
    ("90 дронов и 12 ракет"), when that count's verb came before it."""
    toks = sc.toks
    if not counts or counts[-1].sentence != sc.sent_of[i] or counts[-1].weapon_span is None or counts[-1].trigger < 0:
        return None
    prev = counts[-1]
    between = [t for t in toks[max(0, i - 4) : i] if t.start >= prev.weapon_span[1]]
    if not between or any(t.lower not in ("и", "і", "та", "й", ",", "а", "также", "також") for t in between):
        return None
    if prev.trigger >= i:
        return None
    return prev.measure, prev.trigger


def _nearest_trigger(sc: Scan, i: int, lo: int, hi: int) -> tuple[str, int] | None:
    toks, lex = sc.toks, sc.lex
    best: tuple[int, str, int] | None = None
    for k in range(lo, hi):
        if k in sc.justification:
            continue
        measure = lex.measures.get(toks[k].lemma)
        if measure is None:
            continue
        if toks[k].lemma in ("подавити", "подавить"):
            # "збито/подавлено" is the Air Force's interception figure; alone it is EW
            near = {toks[m].lemma for m in range(max(lo, k - 2), min(hi, k + 3))}
            measure = "intercepted" if near & {"збити", "сбить"} else "lost"
        if measure == "launched" and any(lex.measures.get(toks[m].lemma) == "intercepted" and toks[m].lemma in _REPEL
                                         for m in range(max(lo, k - 2), k)):
            measure = "intercepted"  # "отразили атаку двух БПЛА": the attack repelled is what was downed
        distance = abs(k - i) * 2 + (1 if k > i else 0)  # ties go to the trigger before
        if best is None or distance < best[0]:
            best = (distance, measure, k)
    return (best[1], best[2]) if best else None


def _skippable(tok: Tok) -> bool:
    """Words between a number and its weapon: adjectives, participles, "ворожих"."""
    return tok.has("ADJF") or tok.has("PRTF") or tok.lemma in ("ворожий", "ударний", "ударне", "вражеский") or (
        tok.text == "-"
    )


def _governed(sc: Scan, num: NumberMatch, by_start: dict[int, WeaponMention]) -> WeaponMention | None:
    toks, lex = sc.toks, sc.lex
    k = num.end_i
    for _ in range(5):
        if k >= len(toks):
            return None
        if k in by_start:
            m = by_start[k]
            # "трьох ракетних ударів": the number counts strikes, not missiles
            if m.end_i < len(toks) and toks[m.end_i].lemma in _STRIKE_NOUNS and m.end_i == m.start_i + 1:
                return None
            return m
        tok = toks[k]
        if tok.lemma in lex.not_weapon_units or not _skippable(tok):
            return None
        k += 1
    return None


def find_counts(sc: Scan, mentions: list[WeaponMention], date_tokens: set[int]) -> list[Count]:
    toks, lex = sc.toks, sc.lex
    by_start = {m.start_i: m for m in mentions}
    counts: list[Count] = []
    intro_of: dict[int, tuple[str, str | None, str]] = {}  # intro sentence -> (category, model, measure)
    intro_trigger: dict[int, int] = {}
    inline: dict[int, tuple[str, str | None, str, int, int]] = {}  # sentence -> (category, model, measure, trigger, colon)
    mention_iter = sorted(mentions, key=lambda m: m.start_i)

    def weapon_before(i: int) -> WeaponMention | None:
        found = None
        for m in mention_iter:
            if m.start_i >= i:
                break
            found = m
        return found

    # "перехвачены ... беспилотные летательные аппараты:" with the figures on the lines below:
    # an intro naming one weapon and its trigger but no number still opens the list
    for sent in sc.sentences:
        if not sent.is_intro:
            continue
        named = [m for m in mentions if sent.start_i <= m.start_i < sent.end_i and not sc.excluded(m.start_i)]
        if len({m.category for m in named}) != 1 or any(number_at(toks, k) for k in range(sent.start_i, sent.end_i)):
            continue
        found = _nearest_trigger(sc, named[0].start_i, sent.start_i, sent.end_i)
        if found is not None:
            intro_of[sent.index] = (named[0].category, named[0].model, found[0])
            intro_trigger[sent.index] = found[1]
    i = 0
    while i < len(toks):
        # an aside may hold the total: "БпЛА типу «Шахед» (загалом 88 одиниць)"
        unit_total = i in sc.aside and i + 1 < len(toks) and toks[i].is_digit and toks[i + 1].lemma in _UNITS
        if i in date_tokens or (sc.excluded(i) and not unit_total):
            i += 1
            continue
        tok = toks[i]
        sent = sc.sentences[sc.sent_of[i]]
        lo, hi = sc.clause_of(i)
        # "Третій влучив": the one left over hit its target
        if tok.lemma in ORDINALS and not tok.is_digit:
            for k in range(i + 1, min(hi, i + 3)):
                if lex.measures.get(toks[k].lemma) == "hit":
                    w = weapon_before(i)
                    if w is not None:
                        counts.append(Count(w.category, w.model, "hit", 1, (tok.start, tok.end), sent.index, w.head, k))
                    break
        num = number_at(toks, i)
        if num is None or (i > 0 and (toks[i - 1].lemma in lex.vague or toks[i - 1].lower in lex.vague)):
            i += 1 if num is None else num.end_i - i
            continue
        nxt = num.end_i
        weapon = _governed(sc, num, by_start)
        # "Два з трьох (дронів) знищили": part and whole
        if nxt + 1 < len(toks) and toks[nxt].lower in ("з", "із", "из") and number_at(toks, nxt + 1):
            whole = number_at(toks, nxt + 1)
            assert whole is not None
            w = _governed(sc, whole, by_start) or weapon_before(i)
            found = _measure_near(sc, i, lo, hi)
            if w is not None and found and found[0] != "launched":
                counts.append(Count(w.category, w.model, found[0], num.value, (num.start, num.end), sent.index, w.head, found[1]))
                counts.append(Count(w.category, w.model, "launched", whole.value, (whole.start, whole.end), sent.index, w.head, -2 - i))
            i = whole.end_i
            continue
        if weapon is None and nxt + 1 < len(toks) and toks[nxt].lower in ("из", "з", "із") \
                and toks[nxt + 1].lower in ("них", "їх", "которых", "яких"):
            # "22 из них удалось сбить", "10 з них знищено": a part of the weapon named before, measured
            found = _measure_near(sc, i, lo, hi)
            w = weapon_before(i)
            if w is not None and found and found[0] != "launched":
                counts.append(Count(w.category, w.model, found[0], num.value, (num.start, num.end), sent.index, w.head, found[1]))
            i = nxt
            continue
        if i in sc.subset:
            # "з них 20 збито" measures the weapon already named; "з них 30 Shahed" is a part, and so
            # is "сбиты 43 ..., из них двадцать – над областью": the trigger before the cue is the total's
            found = _measure_near(sc, i, lo, hi)
            w = weapon_before(i)
            if weapon is None and w is not None and found and found[0] != "launched" and found[1] in sc.subset:
                counts.append(Count(w.category, w.model, found[0], num.value, (num.start, num.end), sent.index, w.head, found[1]))
            i = nxt
            continue
        if weapon is not None:
            found = _measure_near(sc, i, lo, hi)
            shared = _coordinated_with(sc, counts, i)
            if shared is not None and found is not None and found[1] > i:
                found = shared  # "выпустила 90 дронов и 12 ракет, сбиты ...": one verb for both
            if found is not None and i > 0 and toks[i - 1].lower in ("з", "із", "зі", "из") and found[0] != "launched":
                found = ("launched", -2 - i)  # "З 46 ворожих БпЛА збито 41": 46 is the whole
            if found is None and sent.is_item and sent.intro is not None and sent.intro in intro_of:
                found = (intro_of[sent.intro][2], intro_trigger[sent.intro])
            if found is not None:
                measure = found[0]
                count = Count(
                    weapon.category, weapon.model, measure, num.value, (num.start, num.end),
                    sent.index, weapon.head, found[1],
                    # one line per community: the lines add up
                    breakdown=sent.bullet and (not sent.is_item or sent.emoji_item), additive=_more(toks, i),
                    overall=any(toks[k].lower in _OVERALL for k in range(sent.start_i, i)),
                )
                counts.append(count)
                if sent.is_intro:
                    intro_of[sent.index] = (weapon.category, weapon.model, measure)
                    intro_trigger[sent.index] = found[1]
                # "... 15 украинских БПЛА: 12 – над территорией Курской области, 3 – над ..."
                colon = next((k for k in range(weapon.end_i, min(sent.end_i, weapon.end_i + 4)) if toks[k].text == ":"), None)
                if colon is not None and colon + 1 < sent.end_i:
                    inline[sent.index] = (weapon.category, weapon.model, measure, found[1], colon)
            i = weapon.end_i
            continue
        line_item = sent.is_item and sent.intro in intro_of and i == sent.start_i
        inline_item = (
            sent.index in inline and i > inline[sent.index][4]
            and toks[i - 1].text in (":", ",", ";", "і", "та", "и")
        )
        # "10 - над территорией Белгородской области": a line (or an inline item) of a per-region list
        if line_item or inline_item:
            k = nxt
            while k < sent.end_i and toks[k].text in _DASHES:
                k += 1
            if k < sent.end_i and toks[k].lower in ("над", "у", "в", "во", "на"):
                if line_item:
                    category, model, measure = intro_of[sent.intro]  # type: ignore[index]
                    trigger = intro_trigger[sent.intro]  # type: ignore[index]
                else:
                    category, model, measure, trigger, _ = inline[sent.index]
                counts.append(
                    Count(category, model, measure, num.value, (num.start, num.end), sent.index, None,
                          trigger, breakdown=True)
                )
                i = nxt
                continue
        # "БпЛА типу «Шахед» (загалом 88 одиниць)": a number of units counts the weapon just named
        w = weapon_before(i)
        if nxt < len(toks) and toks[nxt].lemma in _UNITS and w is not None and sc.sent_of[w.start_i] == sent.index:
            found = _measure_near(sc, w.start_i, sent.start_i, sent.end_i)
            if found is not None:
                counts.append(Count(w.category, w.model, found[0], num.value, (num.start, num.end), sent.index, w.head, found[1]))
                i = nxt
                continue
        # "З 46 ворожих БпЛА збито 41", "18 уничтожены": a bare number next to its trigger
        bare = _bare_count(sc, num, lo, hi, weapon_before(i))
        if bare is not None:
            counts.append(bare)
        i = nxt
    return counts + _all_of_them(sc, counts) + _all_named(sc, mentions, counts) + _not_downed(sc, mentions) \
        + _implied_one(sc, mentions, counts)


def _implied_one(sc: Scan, mentions: list[WeaponMention], counts: list[Count]) -> list[Count]:
    """"сбиты 11 бомб, две ракеты HARM, крылатая ракета «Storm Shadow» и 1193
    БПЛА": in a list of counted weapons a singular item without a number is one."""
    toks = sc.toks
    out: list[Count] = []
    for m in mentions:
        s = sc.sent_of[m.start_i]
        listed = [c for c in counts if c.sentence == s and c.trigger >= 0]
        if len(listed) < 2 or len({c.trigger for c in listed}) != 1:
            continue  # one verb measuring several numbered weapons: an enumeration
        if any(c.weapon_span == m.head for c in counts) or any(c.category == m.category for c in listed):
            continue
        head = next((k for k in range(m.start_i, m.end_i) if toks[k].start == m.head[0]), None)
        k = m.start_i - 1
        while k >= 0 and (toks[k].has("ADJF") or toks[k].has("PRTF")):
            k -= 1
        joined = k >= 0 and toks[k].lower in (",", "и", "і", "та", "й")
        if head is None or not toks[head].has("sing") or not joined or number_at(toks, k) is not None:
            continue
        trigger = listed[0].trigger
        out.append(Count(m.category, m.model, listed[0].measure, 1, (toks[m.start_i].start, toks[m.end_i - 1].end),
                         s, m.head, trigger))
    return out


def _all_named(sc: Scan, mentions: list[WeaponMention], counts: list[Count]) -> list[Count]:
    """"знешкоджено всі крилаті ракети": "all" of a weapon type measures the
    number of that type already launched; "Все четыре ракеты перехвачены"
    also says how many were launched."""
    toks = sc.toks
    out: list[Count] = []
    for m in mentions:
        k = m.start_i - 1
        while k >= 0 and (toks[k].has("ADJF") or toks[k].has("PRTF")) and toks[k].lower not in _ALL:
            k -= 1
        if k < 0:
            continue
        num = None
        if toks[k].lower not in _ALL:
            # "Все четыре ракеты": a number right after "all"
            start = next((j for j in range(max(0, k - 2), k + 1)
                          if (n := number_at(toks, j)) is not None and n.end_i == k + 1), None)
            if start is None or start == 0 or toks[start - 1].lower not in _ALL:
                continue
            num = number_at(toks, start)
        s = sc.sent_of[m.start_i]
        lo, hi = sc.clause_of(m.start_i)
        found = _nearest_trigger(sc, m.start_i, lo, hi)
        if found is None or found[0] == "launched":
            continue
        span = (toks[k].start, toks[m.end_i - 1].end)
        if num is not None:
            out.append(Count(m.category, m.model, "launched", num.value, (num.start, num.end), s, m.head, -2 - m.start_i))
            continue
        before = [c for c in counts if c.category == m.category and c.measure == "launched" and c.sentence < s]
        launched = {c.value for c in before if not c.breakdown}
        if not launched and before:
            launched = {sum(c.value for c in before)}  # lines of a list ("▪️ 6 крилатими ракетами") add up
        if len(launched) == 1 and not any(c.sentence == s and c.category == m.category for c in counts):
            out.append(Count(m.category, m.model, found[0], launched.pop(), span, s, m.head, found[1]))
    return out


_FAILED = {"вдатися", "вдаватися", "удаться", "удаваться"}


def _not_downed(sc: Scan, mentions: list[WeaponMention]) -> list[Count]:
    """"Балістичні ракети збити не вдалося", "не удалось перехватить":
    none of the weapon named in the sentence was intercepted."""
    toks, lex = sc.toks, sc.lex
    out: list[Count] = []
    for sent in sc.sentences:
        for k in range(sent.start_i, sent.end_i - 1):
            if toks[k].lower != "не" or toks[k + 1].lemma not in _FAILED:
                continue
            near = [j for j in range(max(sent.start_i, k - 2), min(sent.end_i, k + 4))
                    if (toks[j].has("INFN") or toks[j].has("infn")) and lex.measures.get(toks[j].lemma) == "intercepted"]
            # the weapon named before in the sentence, else in the one before ("Перехватить их не удалось")
            named = [m for m in mentions if sent.start_i <= m.start_i < k] or [
                m for m in mentions if sc.sent_of[m.start_i] == sent.index - 1]
            if named and named[-1].category == "missile" and named[-1].model is None:
                # "Перехватить ракеты не удалось" after "две баллистические ракеты": that type
                typed = [m for m in mentions if m.start_i < named[-1].start_i and m.category.endswith("_missile")
                         and sc.sent_of[m.start_i] >= sent.index - 1]
                named = typed[-1:] or named
            # "ще 3 збити не вдалося": a number of misses, not a total failure
            counted = any(toks[j].is_digit or toks[j].has("NUMR") for j in range(max(sent.start_i, k - 5), k))
            if near and named and not counted:
                m = named[-1]
                out.append(Count(m.category, m.model, "intercepted", 0, (toks[near[0]].start, toks[k + 1].end),
                                 sent.index, m.head, near[0]))
    return out


_ALL = {"все", "всі", "усі", "всех", "всіх", "усіх"}
_THEM = {"они", "вони", "их", "їх"}


def _all_of_them(sc: Scan, counts: list[Count]) -> list[Count]:
    """"ВСУ выпустили три ракеты. Все они были сбиты": the next sentence's
    "all of them" measures the whole number just launched."""
    toks, lex = sc.toks, sc.lex
    out: list[Count] = []
    for sent in sc.sentences[1:]:
        rng = range(sent.start_i, sent.end_i - 1)
        if not any(toks[k].lower in _ALL and toks[k + 1].lower in _THEM for k in rng):
            continue
        if any(c.sentence == sent.index for c in counts):
            continue
        trigger = next((k for k in range(sent.start_i, sent.end_i) if lex.measures.get(toks[k].lemma) in ("intercepted", "lost", "hit")), None)
        launched = [c for c in counts if c.sentence == sent.index - 1 and c.measure == "launched" and not c.breakdown]
        if trigger is None or len(launched) != 1:
            continue  # several launches before "all of them" would be a guess
        c = launched[0]
        measure = lex.measures[toks[trigger].lemma]
        if toks[trigger].lemma in ("подавити", "подавить"):
            measure = "lost"
        span = (toks[trigger].start, toks[trigger].end)
        out.append(Count(c.category, c.model, measure, c.value, span, sent.index, c.weapon_span, trigger))
    return out


def _bare_count(sc: Scan, num: NumberMatch, lo: int, hi: int, weapon: WeaponMention | None) -> Count | None:
    """A number with no noun of its own, right beside a trigger, counts the
    weapon named last in the same or the previous sentence."""
    toks = sc.toks
    if weapon is None or len(str(num.value)) > 5:
        return None
    sent_i = sc.sent_of[num.start_i]
    if sc.sent_of[weapon.start_i] < sent_i - 1:
        return None
    after = toks[num.end_i] if num.end_i < len(toks) else None
    if after is not None and after.text not in _DASHES and (
        any(after.has(t) for t in ("NOUN", "UNKN", "ADJF", "PRTF", "NUMR")) or after.tag == "" and after.text.isalnum()
        or after.text in ("%", "з", "із", "из")
    ):
        return None  # "на 13 локаціях", "у дві житлові будинки", "46 %": it counts something else
    for k in list(range(max(lo, num.start_i - 2), num.start_i)) + list(range(num.end_i, min(hi, num.end_i + 3))):
        if toks[k].text in _DASHES:
            continue
        found = _nearest_trigger(sc, num.start_i, k, k + 1)
        if found is not None and found[0] != "launched":
            return Count(weapon.category, weapon.model, found[0], num.value, (num.start, num.end), sent_i, weapon.head,
                         found[1], additive=_more(toks, num.start_i))
    return None


_MORE = {"ще", "еще", "ещё"}
_UNITS = {"одиниця", "единица"}
_OVERALL = {"загалом", "усього", "всього", "всего", "итого"}


def _more(toks: list[Tok], i: int) -> bool:
    """"уничтожены еще пять", "ще два влучили": a figure on top of one already given."""
    return i > 0 and toks[i - 1].lower in _MORE
