"""Sentence context for the Ukrainian/Russian extractor: which sentences
report no strike (talks, ceasefire terms, ground combat; a strike reported
during a truce still counts), which lines are a news headline, how
sentences group into paragraphs, which district-read towns are no struck
place, and which sentences of a news story relay a quoted source or are
the outlet's own voice.
"""

from __future__ import annotations

from typing import Any

from .dates import TRUCE, DateMention
from .morph import Tok
from .places import GeoFact
from .scan import Scan

__all__ = [
    "NOT_STRIKE", "truce_breach", "ground_combat", "terms_sentence", "headline", "paragraphs",
    "drop_foreign_districts", "drop_located_districts", "relay_or_own", "habitual", "future_only", "described_damage",
    "quiet_sentences",
]

# sentences about negotiations or terms, not strikes
NOT_STRIKE = {
    "домовитися", "договориться", "переговори", "переговоры", "мораторій", "мораторий", "перемир'я",
    "перемирие", "закликати", "призвать", "запропонувати", "предложить", "пообіцяти", "пообещать",
    "обговорити", "обговорювати", "обсудить", "обсуждать", "договариваться", "домовлятися",
}
# "освободили населенный пункт", "улучшили положение": ground combat, not a strike report
_LIBERATE = {"освободить", "освобождение"}
_GROUND = {"пункт", "село", "посёлок", "поселок", "положение", "рубеж", "позиция"}
# "припинення ударів", "зупинить удари", "прекращение огня": terms, not a report
_STOP = {"припинення", "припинити", "зупинити", "зупинка", "прекращение", "прекратить", "остановить", "остановка"}
_FIRE = {"удар", "вогонь", "огонь", "атака", "обстріл", "обстрел", "бойовий", "боевой"}


_TALK = NOT_STRIKE - TRUCE
_PAST_FORMS = ("past", "PRTS", "GRND")


def truce_breach(sc: Scan, lo: int, hi: int) -> bool:
    """"за первые сутки перемирия ... запустила по Украине 70 дронов": a
    strike reported during a truce is an accusation, not a term of it (a
    sentence about talks or appeals stays quiet)."""
    toks, lex = sc.toks, sc.lex
    lemmas = {toks[i].lemma for i in range(lo, hi)}
    if lemmas & _TALK or not lemmas & TRUCE:
        return False
    verbs = set(lex.measures) | lex.attack_verbs
    struck = any(toks[i].lemma in verbs and any(f in toks[i].tag for f in _PAST_FORMS) for i in range(lo, hi))
    weapon = any(toks[i].lemma in lex.weapons or toks[i].lower in lex.weapons for i in range(lo, hi))
    return struck and (weapon or bool(lemmas & lex.damage_cues - verbs))


def ground_combat(lemmas: set[str]) -> bool:
    return bool(lemmas & _LIBERATE) and bool(lemmas & _GROUND)


def terms_sentence(toks: list[Tok], lo: int, hi: int, attack: frozenset[str]) -> bool:
    """A sentence about stopping strikes, or a promise not to strike ("готова не атакувати")."""
    for i in range(lo, hi):
        if toks[i].lemma in _STOP and any(toks[k].lemma in _FIRE for k in range(i + 1, min(hi, i + 4))):
            return True
        if toks[i].lower in ("не", "ні") and i + 1 < hi and toks[i + 1].has("INFN") and toks[i + 1].lemma in attack:
            return True
        # "удары по которым стороны не должны наносить", "не повинні завдавати ударів": an obligation
        if toks[i].lower in ("не", "ні") and i + 2 < hi and toks[i + 1].lemma in _MUST and any(
            (toks[k].has("INFN") or toks[k].has("infn")) and toks[k].lemma in attack | _DELIVER
            for k in range(i + 2, min(hi, i + 4))
        ):
            return True
    return False


# "регулярно", "неоднократно", "не раз": how often a place is struck, not a strike on a day
_OFTEN = {"регулярно", "неоднократно", "неодноразово", "систематически", "систематично", "постоянно", "постійно",
          "часто", "нередко", "нерідко"}
_TIMES = {"раз", "разів", "рази"}
_SEVERAL = {"несколько", "кілька", "декілька", "не"}
# "становится целью атак", "зазнавали атак", "подвергался обстрелам": suffering strikes over time
_SUFFER = {"становиться", "ставати", "зазнавати", "подвергаться", "піддаватися"}


def habitual(toks: list[Tok], lo: int, hi: int) -> bool:
    """A background sentence on how often something is attacked ("Кременчуг
    регулярно становится целью атак", "порти вже зазнавали атак"): no strike
    on a monitoring day, unless it counts weapons (the caller checks)."""
    for i in range(lo, hi):
        tok = toks[i]
        if tok.lower in _OFTEN:
            return True
        if tok.lower in _TIMES and i > lo and toks[i - 1].lower in _SEVERAL:
            return True
        # an imperfective verb of suffering in the past or present: a state, not an event
        if tok.lemma in _SUFFER and tok.has("impf"):
            return True
    return False


def described_damage(sc: Scan, lo: int, hi: int) -> bool:
    """"компенсація за житло, пошкоджене обстрілами", "ремонт поврежденных домов": damage named
    only by a participle, in a sentence whose verb does something else, describes a kind of
    object, not a strike (posts' verbless "Пошкоджені будинки" still report one)."""
    toks, lex = sc.toks, sc.lex
    cues = lex.damage_cues | lex.attack_verbs
    participle, other_verb = False, False
    for i in range(lo, hi):
        tok = toks[i]
        if tok.lemma in lex.weapons or tok.lower in lex.weapons or tok.lemma in lex.killed | lex.injured:
            return False  # weapons and casualties ("Пострадавших нет") are reports of their own
        is_cue = tok.lemma in cues or bool(tok.lemmas & cues)
        if is_cue and (tok.has("PRTF") or tok.has("ADJF")):
            participle = True
        elif is_cue and tok.has("ablt") and participle and i > lo and (toks[i - 1].has("PRTF") or toks[i - 1].has("ADJF")):
            continue  # "пошкодженого обстрілами": the agent of the participle belongs to the description
        elif is_cue:
            return False  # a verb or noun of damage: "пошкоджено", "пожежа", "удар"
        elif tok.has("VERB") and not tok.has("INFN"):
            other_verb = True
    return participle and other_verb


def future_only(toks: list[Tok], lo: int, hi: int) -> bool:
    """"графіки застосовуватимуть у Чернігівській області", "власники зможуть подати заяву, якщо
    акт про пошкодження складено": a sentence whose main verb (its first) is in the future tense
    tells what will happen, not a strike ("Нагадаємо, ..." is first person and does not count)."""
    for i in range(lo, hi):
        tok = toks[i]
        if tok.has("Impe") or tok.has("past") or tok.has("PRTS") or tok.has("pres"):
            return False
        if tok.has("VERB") and tok.has("futr"):
            return tok.has("3per")
    return False


_MUST = {"должный", "обязанный", "повинний", "зобов'язаний", "мати", "мочь", "могти"}
_DELIVER = {"наносить", "нанести", "завдавати", "завдати", "бить", "бити"}

def headline(sc: Scan) -> set[int]:
    """A first line without closing punctuation, above a body: a news headline."""
    if len(sc.sentences) < 2:
        return set()
    # "Одесса и Днепр пострадали от атаки. Погибли двое": a headline may hold several sentences
    line = [0]
    while line[-1] + 1 < len(sc.sentences):
        nxt = sc.sentences[line[-1] + 1]
        if "\n" in sc.text[sc.toks[nxt.start_i - 1].end : sc.toks[nxt.start_i].start]:
            break
        line.append(nxt.index)
    if line[-1] + 1 >= len(sc.sentences):
        return set()
    last = sc.sentences[line[-1]]
    last_tok = sc.toks[last.end_i - 1]
    if last_tok.text in (".", "!", "?", "…", ":", ";") or sc.sentences[0].is_item:
        return set()
    return set(line)



_CITY_REGIONS = {"UA-30", "UA-40", "RU-MOW", "RU-SPE"}  # Kyiv, Sevastopol, Moscow, St Petersburg


def drop_foreign_districts(geo: list[GeoFact]) -> list[GeoFact]:
    """A district read as a town ("Дніпровський район" -> Дніпрове) that lies
    in another region than every other place of the claim, or inside a
    city-region the claim names, is a city district ("у Дарницькому та
    Дніпровському районах" of Kyiv), not a settlement."""
    anchors = {g.region for g in geo if not g.district and g.region}
    if not anchors:
        return geo
    # in a city that is a region of its own every "район" is a city district: "у Дарницькому районі" of Kyiv
    cities = {g.region for g in geo if g.kind == "place" and not g.district and g.region in _CITY_REGIONS}
    return [g for g in geo if not (g.district and g.kind == "place" and (g.region in cities or g.region not in anchors))]


def drop_located_districts(geo: list[GeoFact], paragraph_of: list[int]) -> list[GeoFact]:
    """"Грайворонский округ. В селе Головчино ...": a district only locates the
    village its paragraph names, so its centre town is no struck place."""
    named = {(paragraph_of[g.sentence], g.region) for g in geo if g.kind == "place" and not g.district and not g.title}
    return [g for g in geo if not (g.kind == "place" and g.district and (paragraph_of[g.sentence], g.region) in named)]


def paragraphs(sc: Scan) -> list[int]:
    """Each sentence's paragraph (paragraphs end at a blank line)."""
    out: list[int] = []
    n = 0
    for s in sc.sentences:
        if s.start_i > 0 and "\n\n" in sc.text[sc.toks[s.start_i - 1].end : sc.toks[s.start_i].start].replace(" ", ""):
            n += 1
        out.append(n)
    return out


def relay_or_own(sc: Scan, attributed: dict[int, Any]) -> set[int]:
    """In a news story a sentence without a source of its own relays the
    source quoted in its paragraph ("Российская армия ударила по Одессе. По
    данным Одесской ОВА, ..."); the rest is the outlet's own voice (spec:
    media speaking in their own voice are OTHER). Fills `attributed` and
    returns the own-voice sentences; a headline keeps its summarising role."""
    para = paragraphs(sc)
    source: dict[int, Any] = {}
    for s in sorted(attributed):
        source.setdefault(para[s], attributed[s])
    heads = headline(sc)
    own: set[int] = set()
    for s in range(len(sc.sentences)):
        if s in attributed or s in heads:
            continue
        if para[s] in source:
            attributed[s] = source[para[s]]
        else:
            own.add(s)
    return own


def quiet_sentences(sc: Scan, mentions: list[DateMention]) -> set[int]:
    """Sentences that report no strike: talks and terms (unless they report a breach), ground
    combat, war-long tallies, background on how often a place is hit, the future, and damage
    that only describes a kind of object."""
    toks, lex = sc.toks, sc.lex
    quiet = set()
    # "Кременчуг регулярно становится целью атак": background with no count and no day of its own
    daily = {sc.sent_of[m.start_i] for m in mentions if m.kind not in ("cumulative", "span", "running_total")}
    for s in sc.sentences:
        lo, hi = s.start_i, s.end_i
        if any(toks[i].lemma in NOT_STRIKE for i in range(lo, hi)) and not truce_breach(sc, lo, hi):
            quiet.add(s.index)
        elif terms_sentence(toks, lo, hi, lex.attack_verbs) or ground_combat({toks[i].lemma for i in range(lo, hi)}):
            quiet.add(s.index)
        elif s.index not in daily and habitual(toks, lo, hi) and not any(toks[i].is_digit for i in range(lo, hi)):
            quiet.add(s.index)
        elif future_only(toks, lo, hi) or described_damage(sc, lo, hi):
            quiet.add(s.index)
    # "Всего с начала СВО уничтожены 663 самолета ...": war-long tallies are not strike reports
    quiet |= {sc.sent_of[m.start_i] for m in mentions if m.kind == "running_total"}
    return quiet
