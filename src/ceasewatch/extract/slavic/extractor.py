"""The Ukrainian/Russian rule extractor: one document -> its claims.

Steps: tokens and lemmas (morph) -> sentences and masks (scan) -> date
phrases (dates) -> weapons and counts (weapons) -> targets, casualties and
party roles (facts) -> regions and places through the geocoder (places) ->
one draft per claim key -> claims (build).

Every sentence belongs to the monitoring day of the last date phrase before
it (a headline before the first date belongs to the first), and to a
direction: the claimant's own strike, a denial, or a strike on the
claimant's side (the default for damage and interception reports). Sentences
about talks or ceasefire terms give no facts. A sentence quoting the other
side's institution (`attribution`) is read with that side's conventions; a
news headline only adds to the claims its body makes.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from ...model import Claim, Claimant, Document
from ..common.dates import TIME_ZONES
from .attribution import REPORTING, find_attributions
from .build import Draft, build_claim, settle_attackers
from .context import (
    drop_foreign_districts,
    drop_located_districts,
    headline,
    paragraphs,
    quiet_sentences,
    relay_or_own,
)
from .dates import DateMention, find_dates, live_report, report_bounds, resolve, same_day_part
from .facts import (
    PartyMark,
    find_casualties,
    find_party_marks,
    find_targets,
    sentence_role,
)
from .lexicon import Lexicon
from .morph import Tok, analyzer_for
from .places import GeoFact, find_geo
from .scan import Scan, scan
from .weapons import find_counts, find_weapons

__all__ = ["SlavicExtractor"]

_OTHER = {"UA": "RU", "RU": "UA"}
# "були чути вибухи", "пролунали вибухи", "слышны взрывы", "раздались взрывы"
_HEARD = {"чути", "чутно", "пролунати", "лунати", "слышный", "слышать", "слышно", "раздаться", "прогреметь", "прогриміти"}
_EXPLOSIONS = {"вибух", "взрыв"}
# what a clock time may replace: a vague period, or another post's time stamp
_SOFT_DAYS = ("weak", "period", "clock")


_BY = {"у", "в", "во", "на", "через"}  # "написав Федоров у Telegram", "заявили в Минобороны РФ"


def _statement_dates(sc: Scan, mentions: list[DateMention]) -> set[int]:
    """Mentions that date a statement, not a strike: "написав Федоров у
    Telegram у середу вранці", "в пятницу Минобороны сообщило, что ...":
    next to a reporting verb with only its speaker and medium in between."""
    toks = sc.toks

    def speaker_words(a: int, b: int) -> bool:
        return all(toks[k].is_title or toks[k].lower in _BY or toks[k].tag == "" and toks[k].text.isalpha()
                   for k in range(a, b))

    out: set[int] = set()
    for n, m in enumerate(mentions):
        sent = sc.sentences[sc.sent_of[m.start_i]]
        before = [k for k in range(max(sent.start_i, m.start_i - 6), m.start_i) if toks[k].lemma in REPORTING]
        after = [k for k in range(m.end_i, min(sent.end_i, m.end_i + 4)) if toks[k].lemma in REPORTING]
        if (before and speaker_words(before[-1] + 1, m.start_i)) or (after and speaker_words(m.end_i, after[0])):
            out.add(n)
    return out


def _clock_contradicts(clock: DateMention, current: DateMention | None, published: datetime | None, country: str) -> bool:
    """"Уночі ... Нагадаю, близько 19:00 ворог атакував" in a morning post: a
    daytime hour not yet come at publication cannot fall in the night or the
    day just named, so it starts the day before."""
    if current is None or current.kind != "relative" or current.expr is None or not clock.time:
        return False
    if current.expr.kind not in ("overnight", "today") or current.back:
        return False
    hour = int(clock.time.replace(".", ":").split(":")[0])
    return 8 <= hour <= 21 and resolve(clock, published, country) != resolve(current, published, country)


def _sentence_dates(
    sc: Scan, mentions: list[DateMention], published: datetime | None = None, country: str = "UA"
) -> list[DateMention | None]:
    """The date phrase governing each sentence: its own phrase, else the last
    one before it (a headline before the first phrase takes the first). A
    clock time ("Близько 13:40", a post's "13:52.") starts a new day only
    after a vague period or another clock time, never inside a stated night
    or date ("У ніч на 2 березня ... О 03:20")."""
    usable = [m for m in mentions if m.kind not in ("since", "running_total") and m.start_i not in sc.aside]
    strong = [m for m in usable if m.kind not in ("weak", "clock")]
    soft = [m for m in usable if m.kind == "clock"]
    weak = [m for m in usable if m.kind == "weak"]
    own: dict[int, DateMention] = {}
    own_soft: dict[int, DateMention] = {}
    for m in strong:
        own.setdefault(sc.sent_of[m.start_i], m)
    for m in soft:
        own_soft.setdefault(sc.sent_of[m.start_i], m)
    daily = [m for m in strong if m.kind != "cumulative"]
    current = daily[0] if daily else (soft[0] if soft else (weak[0] if weak else None))
    per: list[DateMention | None] = [None] * len(sc.sentences)
    paragraph_of = paragraphs(sc)
    for s in range(len(per)):
        if s in own and same_day_part(sc, own[s], current, paragraph_of):
            per[s] = current
        elif s in own:
            per[s] = own[s]
            if own[s].kind != "cumulative":  # "з 18 березня" dates its own sentence only
                current = own[s]
        elif s in own_soft and (current is None or current.kind in _SOFT_DAYS or own_soft[s].stamp
                                or _clock_contradicts(own_soft[s], current, published, country)):
            per[s] = current = own_soft[s]
        else:
            per[s] = current
    return per



# Ukrainian territory Russia claims as its own: the Russian MoD reports
# interceptions "over the Zaporozhye region" as strikes on Russia
_CLAIMED_BY_RU = {"UA-43", "UA-40", "UA-14", "UA-09", "UA-23", "UA-65"}


def _fits(region: str | None, target: str | None) -> bool:
    """Can a strike on `target` country happen in `region`? (drops a
    same-named village in the wrong country)."""
    if region is None or target is None or region.startswith("SEA-"):
        return True
    if target == "RU":
        return region.startswith("RU-") or region in _CLAIMED_BY_RU
    return region.startswith(target + "-")


def _start_time(
    sc: Scan, mentions: list[DateMention], day_mention: DateMention | None, doc: Document, country: str
) -> datetime | None:
    """"(з 18:30 7 листопада)" next to the day's phrase: when the attack began."""
    if day_mention is None:
        return None
    s = sc.sent_of[day_mention.start_i]
    for m in mentions:
        if m.kind == "since" and m.time and sc.sent_of[m.start_i] == s:
            day = resolve(m, doc.published, country)
            hour, minute = (int(x) for x in m.time.replace(".", ":").split(":"))
            if day is None or hour > 23 or minute > 59:
                return None
            return datetime(day.year, day.month, day.day, hour, minute, tzinfo=ZoneInfo(TIME_ZONES[country]))
    return None


def _struck_abroad(
    sc: Scan, geo: list[GeoFact], roles: list[tuple[str | None, Any]], dates: list[DateMention | None],
    party: str, quoted: dict[int, Any],
) -> set[int]:
    """Sentences with no stated direction whose places all lie on the other
    side ("У Бєлгороді пролунали вибухи" from a Ukrainian outlet); following
    sentences of the same day without places continue them."""
    other = _OTHER[party]
    codes: dict[int, list[str]] = {}
    for g in geo:
        if g.region:
            codes.setdefault(g.sentence, []).append(g.region)
    out: set[int] = set()
    flag, day, directed = False, None, False
    for s in range(len(sc.sentences)):
        if dates[s] != day:
            flag, day, directed = False, dates[s], False
        if roles[s][0] is not None or s in quoted:
            # a day whose direction is stated ("ворог атакував") keeps it for every sentence
            flag, directed = False, True
            continue
        if directed:
            continue
        here = codes.get(s)
        if here:
            flag = all(_fits(c, other) and not _fits(c, party) for c in here)
        if flag:
            out.add(s)
    return out


def _all_home(codes: list[str], speaker: str) -> bool:
    """Every region named lies on the speaker's own side (and there is one)."""
    return bool(codes) and all(_fits(c, speaker) and not _fits(c, _OTHER[speaker]) for c in codes)




_OVERALL = {"загалом", "усього", "всього", "всего", "итого"}



def _names_any(publisher: str, keys: tuple[str, ...]) -> bool:
    """Does the publisher's name contain a key? Short keys ("ова", "ода") must be whole
    words: "Новая газета" is no oblast administration."""
    words = set(re.findall(r"\w+", publisher))
    return any(k in words if len(k) <= 4 else k in publisher for k in keys)


class SlavicExtractor:
    """Shared engine; `UkrainianExtractor` and `RussianExtractor` set the language."""

    name = "ceasewatch.extract.slavic.v1"
    languages: tuple[str, ...] = ()
    lexicon: Lexicon

    def __init__(self, *, geocoder: Any | None = None) -> None:
        self.analyzer = analyzer_for(self.lexicon.lang)
        self._geocoder = geocoder

    @property
    def geocoder(self) -> Any:
        if self._geocoder is None:
            from ...geocode import default_geocoder

            self._geocoder = default_geocoder()
        return self._geocoder

    # -- claimant -------------------------------------------------------------
    def claimant(self, doc: Document, toks: list[Tok]) -> tuple[Claimant, tuple[int, int] | None]:
        """The publisher and its side (the text's signature line as evidence)."""
        lex = self.lexicon
        publisher = (doc.publisher or "").strip()
        low = publisher.lower()
        ua = _names_any(low, lex.claimant_ua)
        ru = _names_any(low, lex.claimant_ru)
        if ua and not ru:
            party = "UA"
        elif ru and not ua:
            party = "RU"
        else:
            party = "UA" if lex.lang == "uk" else "RU"
        span = None
        if publisher and publisher in doc.text:
            start = doc.text.index(publisher)
            span = (start, start + len(publisher))
        else:
            # a signature line closing the post: "Вячеслав Гладков", "Юрий Слюсарь"
            line_start = doc.text.rfind("\n", 0, toks[-1].start) + 1
            last = [t for t in toks if t.start >= line_start]
            if 2 <= len(last) <= 3 and all(t.is_title and t.text.isalpha() for t in last) and last[0].has("Name"):
                span = (last[0].start, last[-1].end)
        name = publisher or ("Ukrainian source" if party == "UA" else "Russian source")
        return Claimant(name=name, party=party), span

    # -- the pipeline ---------------------------------------------------------
    def extract(self, doc: Document) -> list[Claim]:
        text = doc.text or ""
        toks = self.analyzer.tokens(text)
        if not toks:
            return []
        lex = self.lexicon
        sc = scan(toks, text, lex)
        claimant, claimant_span = self.claimant(doc, toks)
        party = claimant.party
        other = _OTHER.get(party, "RU")
        mentions = find_dates(toks, text)
        live = live_report(toks) if not mentions else None
        if live is not None:
            mentions = [live]
        statements = _statement_dates(sc, mentions)
        sent_dates = _sentence_dates(sc, [m for n, m in enumerate(mentions) if n not in statements], doc.published, party)
        report_bounds(sc, [mentions[n] for n in sorted(statements)], sent_dates, doc.published, party)
        date_tokens = {i for m in mentions for i in range(m.start_i, m.end_i)}

        quiet = quiet_sentences(sc, mentions)
        marks = find_party_marks(sc, party)
        command = any(w in (doc.publisher or "").lower() for w in lex.command_publishers)
        # a news outlet citing itself ("Як повідомляв Укрінформ, ...") speaks in its own voice: OTHER
        media = not _names_any((doc.publisher or "").lower(), lex.claimant_ua + lex.claimant_ru)
        weapons = find_weapons(sc)
        weapon_tokens = {i for w in weapons for i in range(w.start_i, w.end_i)}
        geo = find_geo(sc, self.geocoder, self.analyzer, weapon_tokens, doc.publisher or "")
        regions_at = {k: g.region for g in geo if g.region
                      for k in range(g.token, min(len(toks), g.token + 8)) if toks[k].start < g.span[1]}
        attributed = find_attributions(sc, party, (doc.publisher or "").strip() if media else "", regions_at)
        # a publisher that quotes no one (a company, an agency's own bulletin) keeps its voice;
        # Ukrainian-language outlets keep theirs too (their conventions are the Ukrainian rules')
        own_voice = relay_or_own(sc, attributed) if media and attributed and lex.lang == "ru" else set()
        # the other side's statements are read with that side's conventions; the own side's
        # ministry of defence ("в российском ведомстве сообщили, что ... поражен") commands its strikes
        quoted = {s: a for s, a in attributed.items() if a.party != party}
        own_command = {s for s, a in attributed.items() if a.party == party and a.command}
        by_command: set[int] = set()
        # "У Генштабі ЗСУ спростували ...": the side in a speaking institution's name acts in no role
        spoken = [a.span for a in attributed.values()]
        role_marks = [m for m in marks if not any(lo <= m.span[0] and m.span[1] <= hi for lo, hi in spoken)]
        roles = self._roles(sc, role_marks, party, sent_dates, command, by_command, own_command)
        abroad = _struck_abroad(sc, geo, roles, sent_dates, party, quoted)
        geo_codes: dict[int, list[str]] = {}
        for g in geo:
            if g.region and g.capital_of is None:
                geo_codes.setdefault(g.sentence, []).append(g.region)
        roles = [("denied_hit", sp) if r == "denial" and _all_home(geo_codes.get(s, []), party) else (r, sp)
                 for s, (r, sp) in enumerate(roles)]
        # a command's impersonal "завдано удару по Харкову" names a place at home: not its own strike
        roles = [(None, None) if s in by_command and _all_home(geo_codes.get(s, []), party) else rs
                 for s, rs in enumerate(roles)]
        denial_in_doc = any(r == "denial" for s, (r, _) in enumerate(roles) if s not in quoted)
        # "Воздушные силы ВСУ утверждают": a side named in a quoted institution's name attacks no one
        names = [a.span for a in attributed.values()]
        enemy_marks = [m for m in marks if m.party == other and roles[m.sentence][0] not in ("own", "denial", "denied_hit")
                       and not any(lo <= m.span[0] and m.span[1] <= hi for lo, hi in names)]
        # each voice of a round-up names its own attacker: "ВСУ обстреляли" in the occupation head's
        # paragraph says nothing of who sent the drones the mayor reports (sentences the publisher
        # says itself form one voice, each same-side source quoted another)
        voice_of = {s: (attributed[s].name if s in attributed and s not in quoted else None) for s in range(len(sc.sentences))}
        # the publisher's own sentence in a source's paragraph summarises that source
        # ("Накануне вечером беспилотники атаковали Таганрог. По словам губернатора ...")
        paragraph_of = paragraphs(sc)
        paragraph_voice: dict[int, str] = {}
        for s, v in voice_of.items():
            if v is not None:
                paragraph_voice.setdefault(paragraph_of[s], v)
        voice_of = {s: v if v is not None or s in quoted else paragraph_voice.get(paragraph_of[s]) for s, v in voice_of.items()}
        voice_marks: dict[str | None, PartyMark] = {}
        for m in enemy_marks:
            voice_marks.setdefault(voice_of[m.sentence], m)

        defended = {s for s in range(len(sc.sentences)) if self._intercepts(sc, s)}
        drafts: dict[tuple[Any, ...], Draft] = {}
        marks_by_party = {party: marks}
        speaker_guess: dict[str, Any] = {}

        def guess_for(speaker: str) -> Any:
            """The other side as named anywhere in a quoted speaker's statements
            ("заявили, что ночью Россия выпустила ... По их данным, сбиты ...")."""
            if speaker not in speaker_guess:
                q_marks = marks_by_party[speaker]
                said = {t for t, a in quoted.items() if a.party == speaker}
                found = [m for m in q_marks if m.sentence in said and m.party == _OTHER[speaker]
                         and quoted_role(m.sentence)[0] not in ("own", "denial", "denied_hit")]
                if not found and media:
                    # the outlet's own lede names the attacker: "Российская армия нанесла удар по Одессе.
                    # По данным Одесской ОВА, ..."
                    found = [m for m in q_marks if m.sentence not in quoted and m.party == _OTHER[speaker]
                             and m.own_force and not any(lo <= m.span[0] and m.span[1] <= hi for lo, hi in names)]
                speaker_guess[speaker] = found[0] if found else None
            return speaker_guess[speaker]

        quoted_roles: dict[int, tuple[str | None, Any]] = {}

        def quoted_role(s: int) -> tuple[str | None, Any]:
            """A quoted side's role in sentence s; a sentence that says nothing of direction
            goes on with the same side's own strike just before it, on the same day
            ("Генштаб ВСУ заявил о поражении ... По данным украинских военных, беспилотники
            запускались ...")."""
            if s in quoted_roles:
                return quoted_roles[s]
            q = quoted[s]
            speaker = q.party
            q_marks = marks_by_party.setdefault(speaker, find_party_marks(sc, speaker)) if speaker not in marks_by_party \
                else marks_by_party[speaker]
            # "Воздушные силы ВСУ сообщили, что Россия атаковала ...": the speaker's own name is no actor
            q_marks = [m for m in q_marks if not (q.span[0] <= m.span[0] and m.span[1] <= q.span[1])]
            role, span = sentence_role(sc, s, q_marks, speaker)
            if role == "offensive?" and (q.command or not any(_fits(c, speaker) and not _fits(c, _OTHER[speaker])
                                                              for c in geo_codes.get(s, []))):
                # "Міноборони РФ заявило, що завдало удару ...": the ministry's own side struck; so does
                # any quoted side's "дроны поразили самолеты" that names no place of its own
                role = "own"
            prev = s - 1
            if role is None and prev in quoted and quoted[prev].party == speaker and sent_dates[prev] == sent_dates[s] \
                    and not self._intercepts(sc, s) and quoted_role(prev)[0] == "own":
                role, span = quoted_role(prev)
            quoted_roles[s] = (role, span)
            return role, span

        def draft_for(s: int, existing_only: bool = False) -> Draft | None:
            if s in quiet:
                return None
            role, span = roles[s]
            who, who_span, speaker, speaker_other = claimant, claimant_span, party, other
            # a source that names no attacker takes the outlet's own framing ("Украинские беспилотники
            # атаковали область. ... Как сообщил губернатор, ..."), never another source's words
            voice_mark = voice_marks.get(voice_of[s]) or voice_marks.get(None)
            attacker_guess = other if voice_mark is not None else None
            guess_span = voice_mark.span if voice_mark is not None else None
            claim_party = None
            if s in own_voice:
                # a news outlet's own words: party OTHER, read with its language's conventions
                who, who_span, claim_party = Claimant(claimant.name, "OTHER"), claimant_span, "OTHER"
            elif s in quoted and quoted[s].party == "OTHER":
                # the outlet's own voice, read with its own side's conventions
                who, who_span, claim_party = Claimant(quoted[s].name, "OTHER"), quoted[s].span, "OTHER"
            elif s in quoted:
                # the other side's statement, read with that side's conventions
                q = quoted[s]
                who, who_span, speaker = Claimant(q.name, q.party), q.span, q.party
                speaker_other = _OTHER[speaker]
                if speaker not in marks_by_party:
                    marks_by_party[speaker] = find_party_marks(sc, speaker)
                q_marks = marks_by_party[speaker]
                role, span = quoted_role(s)
                enemy = [m for m in q_marks if m.sentence == s and m.party == speaker_other]
                mark = enemy[0] if enemy else guess_for(speaker)
                attacker_guess = speaker_other if mark is not None else None
                guess_span = mark.span if mark is not None else None
            if role == "denial" and _all_home(geo_codes.get(s, []), speaker):
                role = "denied_hit"  # "опровергли ... удар по аэродрому Энгельс": the strike denied was on us
            if role == "own":
                stance, attacker, target, a_span = "asserted", speaker, speaker_other, span
            elif role == "denied_hit":
                # "Ни один объект ... поражен не был": the other side's strike on the speaker denied
                stance, attacker, target, a_span = "denied", speaker_other, speaker, None
            elif role == "denial":
                stance, attacker, target, a_span = "denied", speaker, speaker_other, span
            elif s in abroad:
                # "У Бєлгороді пролунали вибухи" in a Ukrainian post: a strike on the other side, by whom unsaid
                stance, attacker, target, a_span = "asserted", None, speaker_other, None
            else:
                stance, attacker = "asserted", attacker_guess
                if attacker is None and (command or s in own_command) and s in defended:
                    # a command's "Средствами ПВО сбиты 12 бомб": what its air defence downs, the other side sent
                    # (a governor's "атаки отражены" leaves the attacker unsaid)
                    attacker = speaker_other
                # a false-flag accusation: the other side struck its own territory
                # (never where the sentence's places all lie at home: that is an ordinary strike)
                false_flag = denial_in_doc and attacker == speaker_other and s not in quoted
                target = speaker_other if false_flag and not _all_home(geo_codes.get(s, []), speaker) else speaker
                a_span = guess_span
            mention = sent_dates[s]
            day = resolve(mention, doc.published, target or speaker)
            key = (claim_party or speaker, stance, attacker, target, day)
            if key not in drafts:
                if existing_only:
                    return None
                drafts[key] = Draft(
                    claim_party or speaker, stance, attacker, target, day, who,
                    claimant_span=who_span, attacker_span=a_span if attacker else None,
                    stance_span=span, date_span=(mention.start, mention.end) if mention else None,
                    time=_start_time(sc, mentions, mention, doc, target or party),
                )
            return drafts[key]

        head_lines = headline(sc)
        deferred: list[tuple[int, Any]] = []

        # a headline's comma-separated parts each speak of their own region ("Ростовская область
        # отразила атаку, в Брянской области погиб мирный житель")
        head_regions: list[tuple[int, int, set[str]]] = []
        for s in sorted(head_lines):
            sent = sc.sentences[s]
            a = sent.start_i
            for k in range(sent.start_i, sent.end_i + 1):
                if k == sent.end_i or toks[k].text in (",", ";", "–", "—"):
                    if k > a:
                        lo_c, hi_c = toks[a].start, toks[k - 1].end
                        codes = {g.region for g in geo if g.region and lo_c <= g.span[0] < hi_c}
                        head_regions.append((lo_c, hi_c, codes))
                    a = k + 1

        def attach(s: int, put: Any, at: int | None = None) -> None:
            """A headline only adds to claims the body makes: it summarises several voices at once."""
            if s in head_lines:
                codes = next((c for lo_c, hi_c, c in head_regions if at is not None and lo_c <= at < hi_c), set())
                deferred.append((s, put, codes))
                return
            d = draft_for(s)
            if d is not None:
                put(d)

        def put_geo(g: GeoFact) -> Any:
            def put(d: Draft) -> None:
                if g.capital_of is not None and d.target_country != g.capital_of:
                    return
                if _fits(g.region, d.target_country):
                    d.geo.append(g)
            return put

        for w in weapons:
            attach(sc.sent_of[w.start_i], lambda d, w=w: d.weapons.append(w), toks[w.start_i].start)
        for c in find_counts(sc, weapons, date_tokens):
            attach(c.sentence, lambda d, c=c: d.counts.append(c), c.span[0])
        for t in find_targets(sc):
            attach(t.sentence, lambda d, t=t: d.targets.append(t), t.span[0])
        for cas in find_casualties(sc):
            attach(cas.sentence, lambda d, cas=cas: d.casualties.append(cas), cas.span[0])
        for g in geo:
            attach(g.sentence, put_geo(g), g.span[0])
        for s, put, codes in deferred:
            d = draft_for(s, existing_only=True)
            # a headline part naming a region goes to no claim whose body names only other regions
            body = {g.region for g in d.geo if g.region} if d is not None else set()
            if d is not None and (not codes or not body or codes & body):
                put(d)
        overall = {s.index for s in sc.sentences if any(toks[i].lower in _OVERALL for i in range(s.start_i, s.end_i))}
        for d in drafts.values():
            d.paragraph_of, d.overall = paragraph_of, overall
            d.geo = drop_foreign_districts(d.geo)
            d.geo = drop_located_districts(d.geo, paragraph_of)
            # "губернатор Курской области сообщил ...": the office's region stands in only for a claim naming none
            if any(not g.title for g in d.geo):
                d.geo = [g for g in d.geo if not g.title]

        claims: list[Claim] = []
        for d in settle_attackers(list(drafts.values())):
            if not self._is_strike(d, sc):
                continue
            if d.target_span is None:
                first_geo = d.geo[0].span if d.geo else None
                d.target_span = first_geo or d.stance_span or d.attacker_span
            if d.stance_span is None:
                d.stance_span = self._strike_word(d, sc)
            claims.append(build_claim(d, doc_id=doc.id, extractor=self.name))
        return claims

    def _roles(
        self, sc: Scan, marks: list[PartyMark], party: str, dates: list[DateMention | None], command: bool = False,
        by_command: set[int] | None = None, command_sentences: set[int] | None = None,
    ) -> list[tuple[str | None, tuple[int, int] | None]]:
        """Each sentence's role; `command`: the publisher is the claimant's
        military command, whose impersonal "нанесено пять ударов" /
        "уражено НПЗ" report its own strikes (`command_sentences`: sentences
        quoting the claimant's side's command)."""
        roles: list[tuple[str | None, tuple[int, int] | None]] = []
        previous: tuple[str | None, tuple[int, int] | None] = (None, None)
        previous_day: DateMention | None = None
        for s in range(len(sc.sentences)):
            role, span = sentence_role(sc, s, marks, party)
            if dates[s] != previous_day:
                previous, previous_day = (None, None), dates[s]
            if role == "offensive?" and (command or s in (command_sentences or ())):
                role = "own"
                previous = (role, span)
                if by_command is not None:
                    by_command.add(s)
            elif role is None and self._intercepts(sc, s):
                # "Средствами ПВО сбиты ...": air defence at home never continues an own strike abroad
                previous = (None, None)
            elif role in ("offensive?", None):
                # "уражено ...", "объекты поражены", "Там виникла пожежа" continue the claimant's own strike
                role, span = previous if previous[0] == "own" else (None, span)
            else:
                previous = (role, span)
            roles.append((role, span))
        return roles

    @staticmethod
    def _intercepts(sc: Scan, s: int) -> bool:
        sent = sc.sentences[s]
        return any(sc.lex.measures.get(sc.toks[i].lemma) == "intercepted" for i in range(sent.start_i, sent.end_i))

    def _is_strike(self, d: Draft, sc: Scan) -> bool:
        """A claim needs a weapon, a count, a target or casualties, or a place
        in a sentence that says a strike happened."""
        if d.counts or d.weapons or d.targets or d.casualties:
            return True
        lex = sc.lex
        cues = lex.attack_verbs | lex.damage_cues
        for g in d.geo:
            sent = sc.sentences[g.sentence]
            lemmas = [sc.toks[i].lemma for i in range(sent.start_i, sent.end_i)]
            if set(lemmas) & _HEARD:
                # "в Энгельсе были слышны взрывы": explosions heard are no strike claim by themselves
                lemmas = [x for x in lemmas if x not in _EXPLOSIONS]
            if any(x in cues for x in lemmas):
                return True
        return False

    def _strike_word(self, d: Draft, sc: Scan) -> tuple[int, int] | None:
        """The first attack or damage word of the claim's sentences: the
        evidence that something was struck, when no role word decided it."""
        used = {x.sentence for x in d.counts} | {g.sentence for g in d.geo} | {t.sentence for t in d.targets}
        used |= {c.sentence for c in d.casualties} | {sc.sent_of[w.start_i] for w in d.weapons}
        sentences = sorted(used)
        cues = sc.lex.attack_verbs | sc.lex.damage_cues | set(sc.lex.measures)
        for s in sentences:
            sent = sc.sentences[s]
            for i in range(sent.start_i, sent.end_i):
                if sc.toks[i].lemma in cues:
                    return (sc.toks[i].start, sc.toks[i].end)
        return None
