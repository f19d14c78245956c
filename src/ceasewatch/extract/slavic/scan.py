"""Document scaffolding shared by every rule: sentences and clauses, list
items, and the token masks that keep rules out of the wrong context.

Masks:
- `direction`: launch sites ("з напрямків Курськ, Орел", "с территории
  Курской области", "из района Доброполья") are never struck regions;
- `justification`: "в ответ на атаки киевского режима ..." reports someone
  else's strike as a reason, not a strike of this claim;
- `aside`: parentheses ("45 ракетами різних типів (Х-47М2 «Кинджал», ...)")
  list examples, not extra weapons;
- `subset`: "серед них троє дітей" counts a part of a total already given;
- `quoted`: short «...» names (companies, weapon models) are not places;
- datelines ("КРАСНОДАР, 6 сентября. /ТАСС/.") go to `aside`: the newsroom's
  city and the day of the story, not a strike;
- `signature`: a closing "Володимир Зеленський" names a person, not a town.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .dates import month_of
from .lexicon import Lexicon
from .morph import Tok

__all__ = ["Sentence", "Scan", "scan"]

_SENT_END = {".", "!", "?", "…"}
_ITEM_MARKS = {"-", "–", "—", "•", "*"}
_FROM = {"з", "із", "зі", "с", "со", "от", "від", "из"}


@dataclass
class Sentence:
    index: int
    start_i: int
    end_i: int
    clauses: list[tuple[int, int]]
    is_item: bool = False  # a line of a list ("- 458 ударними БпЛА", "10 - над ...")
    is_intro: bool = False  # ends with ":" and opens a list
    intro: int | None = None  # for items: index of their intro sentence
    bullet: bool = False  # a line of a run of lines opened by the same marker ("🔸 Білопільська громада: ...")
    emoji_item: bool = False  # an item opened by an emoji bullet rather than a dash


@dataclass
class Scan:
    toks: list[Tok]
    lex: Lexicon
    text: str
    sentences: list[Sentence]
    sent_of: list[int]
    direction: set[int] = field(default_factory=set)
    justification: set[int] = field(default_factory=set)
    aside: set[int] = field(default_factory=set)
    subset: set[int] = field(default_factory=set)
    quoted: set[int] = field(default_factory=set)
    signature: set[int] = field(default_factory=set)

    def clause_of(self, i: int) -> tuple[int, int]:
        sent = self.sentences[self.sent_of[i]]
        for a, b in sent.clauses:
            if a <= i < b:
                return a, b
        return sent.start_i, sent.end_i

    def excluded(self, i: int) -> bool:
        """Token i is in a context no strike fact is taken from."""
        return i in self.direction or i in self.justification or i in self.aside


def _newline_between(text: str, a: Tok, b: Tok) -> bool:
    return "\n" in text[a.end : b.start]


def _sentences(toks: list[Tok], text: str) -> list[Sentence]:
    out: list[Sentence] = []
    start = 0
    for i, tok in enumerate(toks):
        last = i + 1 == len(toks)
        boundary = last or tok.text in _SENT_END or _newline_between(text, tok, toks[i + 1])
        # "45 км." or "м." inside a sentence are rare in these sources; a full stop ends it
        if boundary:
            out.append(Sentence(len(out), start, i + 1, []))
            start = i + 1
    for sent in out:
        a = sent.start_i
        for i in range(sent.start_i, sent.end_i):
            if toks[i].text == ";":
                sent.clauses.append((a, i + 1))
                a = i + 1
        if a < sent.end_i:
            sent.clauses.append((a, sent.end_i))
    return out


def _mark_lists(sents: list[Sentence], toks: list[Tok], text: str) -> None:
    intro: int | None = None
    for sent in sents:
        first = toks[sent.start_i]
        second = toks[sent.start_i + 1] if sent.start_i + 1 < sent.end_i else None
        # an emoji bullet on its own line ("🔹 4 крилатими ракетами") opens an item as a dash does
        line_start = sent.start_i == 0 or _newline_between(text, toks[sent.start_i - 1], first)
        dashed = first.text in _ITEM_MARKS or (first.is_digit and second is not None and second.text in _ITEM_MARKS)
        emoji = not dashed and line_start and _line_marker(sent, toks) is not None
        if intro is not None and (dashed or emoji):
            sent.is_item = True
            sent.emoji_item = emoji
            sent.intro = intro
            continue
        intro = None
        if toks[sent.end_i - 1].text == ":":
            sent.is_intro = True
            intro = sent.index


def _line_marker(sent: Sentence, toks: list[Tok]) -> str | None:
    """The bullet opening a line-initial sentence ("🔸", "▪️", "-"), if any."""
    first = toks[sent.start_i]
    if any(ch.isalnum() for ch in first.text) or first.text in ("«", '"', "(", "/"):
        return None
    return first.text


def _mark_bullets(sents: list[Sentence], toks: list[Tok], text: str) -> None:
    """Two or more lines in a row opened by the same marker are one list:
    its lines are parts of one report (one line per community or district)."""
    starts = [
        (_line_marker(s, toks), s) for s in sents
        if s.start_i == 0 or _newline_between(text, toks[s.start_i - 1], toks[s.start_i])
    ]
    for (m1, s1), (m2, s2) in zip(starts, starts[1:], strict=False):
        if m1 is not None and m1 == m2:
            s1.bullet = s2.bullet = True


def _line_starts(toks: list[Tok], text: str) -> list[int]:
    return [i for i in range(len(toks)) if i == 0 or _newline_between(text, toks[i - 1], toks[i])]


def _name_part(tok: Tok) -> bool:
    return tok.is_title and tok.text.replace("-", "").isalpha()


def _dateline_end(toks: list[Tok], i: int) -> int | None:
    """"МОСКВА, 13 дек – РИА Новости.", "Москва. 18 апреля. ИНТЕРФАКС -",
    "КРАСНОДАР, 6 сентября. /ТАСС/.": the index after the agency's name."""
    j = i
    while j < len(toks) and j < i + 6 and (_name_part(toks[j]) or (toks[j].text == "-" and j > i)
                                           or toks[j].lower in ("на", "над")):
        j += 1
    if j == i or j + 2 >= len(toks) or toks[j].text not in (",", "."):
        return None
    k = j + 1
    if not (toks[k].is_digit and month_of(toks[k + 1]) is not None):
        return None
    k += 2
    if k < len(toks) and toks[k].is_digit and len(toks[k].text) == 4:
        k += 1
    for m in range(k, min(len(toks), k + 3)):
        agency = toks[m].text.strip("/.")
        if toks[m].text.startswith("/") or (len(agency) >= 3 and agency.isupper() and agency.isalpha()):
            end = m + 1
            if toks[m].text.isalpha() and len(toks[m].text) <= 4 and end < len(toks) and _name_part(toks[end]):
                end += 1  # "РИА Новости"
            return end
        if toks[m].text not in (".", "-", "–", "—", "|"):
            return None
    return None


def _signature(toks: list[Tok], text: str) -> set[int]:
    """A closing line of two or three capitalised words, alone or before a
    comma ("Вячеслав Гладков", "Сергій Лисак, начальник ОВА"): the author."""
    starts = _line_starts(toks, text)
    if not starts:
        return set()
    first = starts[-1]
    line = list(range(first, len(toks)))
    names = []
    for k in line:
        if not _name_part(toks[k]):
            break
        names.append(k)
    rest = line[len(names):]
    if 2 <= len(names) <= 3 and (not rest or toks[rest[0]].text in (",", ".") and (len(rest) == 1 or toks[rest[0]].text == ",")):
        return set(names)
    return set()


def _mark_span_until(toks: list[Tok], start: int, stop_texts: set[str], limit: int, out: set[int]) -> None:
    for j in range(start, limit):
        if toks[j].text in stop_texts:
            break
        out.add(j)


def _mark_direction(toks: list[Tok], start: int, limit: int, out: set[int]) -> None:
    """A launch-site list runs on through commas while names follow
    ("з напрямків Курськ, Орел, Міллерово"), and stops at a comma before
    anything else ("из района Доброполья, в 45 км от Краматорска")."""
    for j in range(start, limit):
        tok = toks[j]
        if tok.text in (";", ")") or (tok.text == "," and j + 1 < limit and not toks[j + 1].is_title):
            break
        out.add(j)


# "запущенных из Брянской области, района Курска и с мыса Чауда в Крыму": a launch verb's sources
_LAUNCH = {"запустить", "запускать", "запущенный", "запускаться", "запустити", "запускати", "запущений"}
_SITE_HEADS = {"мыс", "мис", "полигон", "аэродром", "аеродром"}


def _mark_launch_sources(toks: list[Tok], start: int, limit: int, cues: frozenset[str], out: set[int]) -> None:
    """Everything after a launch verb's "из"/"с" up to a comma that starts
    something other than another source (a name, "района ...", "с мыса ...")."""
    for j in range(start, limit):
        tok = toks[j]
        if tok.text in (";", ")"):
            break
        if tok.text == "," and j + 1 < limit:
            nxt = toks[j + 1]
            if not (nxt.is_title or nxt.lower in _FROM or nxt.lemma in cues or nxt.lemma in _SITE_HEADS):
                break
        out.add(j)


def scan(toks: list[Tok], text: str, lex: Lexicon) -> Scan:
    sents = _sentences(toks, text)
    _mark_lists(sents, toks, text)
    _mark_bullets(sents, toks, text)
    sent_of = [0] * len(toks)
    for sent in sents:
        for i in range(sent.start_i, sent.end_i):
            sent_of[i] = sent.index
    sc = Scan(toks, lex, text, sents, sent_of)
    for i in _line_starts(toks, text):
        end = _dateline_end(toks, i)
        if end is not None:
            sc.aside.update(range(i, end))
    sc.signature = _signature(toks, text)
    depth_paren = 0
    in_quote = False
    opened = -1
    for i, tok in enumerate(toks):
        if tok.text == "(":
            depth_paren += 1
        elif tok.text == ")":
            depth_paren = max(0, depth_paren - 1)
            sc.aside.add(i)
        if depth_paren:
            sc.aside.add(i)
        if tok.text == "«":
            in_quote, opened = True, i
        elif tok.text == "»":
            in_quote = False
            if i - opened > 5:
                # «...» of more than four words is somebody's speech, not a name: its places count
                sc.quoted.difference_update(range(opened, i))
        elif in_quote or (tok.text == '"'):
            sc.quoted.add(i)
        # new line closes anything left open by a typo
        if i + 1 < len(toks) and _newline_between(text, tok, toks[i + 1]):
            depth_paren, in_quote = 0, False
    for sent in sents:
        end = sent.end_i
        for i in range(sent.start_i, end):
            tok = toks[i]
            # launch sites: "з напрямків ...", "с территории ...", "из района ..."
            if tok.lower in _FROM and i + 1 < end and toks[i + 1].lemma in lex.direction_cues:
                _mark_direction(toks, i, end, sc.direction)
            if tok.lemma in _LAUNCH and i + 1 < end and toks[i + 1].lower in _FROM:
                _mark_launch_sources(toks, i + 1, end, lex.direction_cues, sc.direction)
            # "в ответ на ...": up to the subject that strikes back, or the clause end
            for cue in lex.justification:
                n = len(cue)
                if tuple(t.lower for t in toks[i : i + n]) == cue:
                    j = i
                    while j < end and toks[j].text not in {";", ":"}:
                        heads = {toks[j].lemma} | ({toks[j + 1].lemma} if j + 1 < end else set())
                        if j > i + n and toks[j].is_title and heads & lex.own_force_heads:
                            break
                        sc.justification.add(j)
                        j += 1
            for cue in lex.subclause_cues:
                n = len(cue)
                if tuple(t.lower for t in toks[i : i + n]) == cue:
                    _mark_span_until(toks, i, {",", ";", "."}, end, sc.subset)
    return sc
