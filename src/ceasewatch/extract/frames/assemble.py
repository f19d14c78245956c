"""Frame assembly: one frame per sentence that reports a strike.

A sentence reports a strike (`frame.report`) when it has a strike word
(attack, launch, interception, hit, damage, "air defence was working") and
something concrete (a counted weapon, a place struck, a target, a casualty
figure, a weapon named). It does not when it sits in page furniture or a
reference to earlier news, when it speaks of the future, a condition or a
threat (`frame.modal`), of talks and terms without anything concrete
(`frame.talks`), or of a pattern of past strikes with no day of its own
(`frame.habitual`). List items are read with their head line.

The frame's voice comes from the attribution layer, its date from the
temporal layer: the sentence's own expression, else its list head's, its
paragraph's, the story's lead, and last the publication day for fresh news
(`date.publication`); a period of several days gives no date.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from ..analysis.document import Analysis, Sentence
from ..analysis.structure import NO_CLAIM_MARKS
from ..attribution import Voice, Voices
from ..lexicon import table
from ..mentions import CueMention, Mentions, PlaceMention, TimeMention
from ..temporal import Reference, resolve
from ..temporal.resolver import shift_for_zone
from .casualties import _singular_person, read_casualties
from .counts import assign_measures, assign_scopes, is_tally, negated_counts, pair_counts, read_counts
from .direction import document_attacker, opposite, read_direction
from .geo import place_roles, read_places
from .model import Fact, Frame
from .rules import Example, register
from .view import SentenceView

__all__ = ["build_frames"]

REPORT = register("frame.report", "a sentence with a strike word and something concrete reports a strike")
MODAL = register("frame.modal", "future, conditional or threatened strikes are no report",
                 Example("Putin said Russia could strike Kyiv's government quarter if the attacks continue.", "en", {}))
TALKS = register("frame.talks", "talks and terms without anything concrete are no report",
                 Example("Russia and Ukraine agreed to halt strikes on energy infrastructure for 30 days.", "en", {}))
SILENCE = register("frame.silence", "what a source left out ('did not mention any damage') is a remark about a "
                   "statement, not a report",
                   Example("The ministry did not mention any damage at the Novoshakhtinsk refinery.", "en", {}))
HABITUAL = register("frame.habitual", "a pattern of past strikes with no day of its own is background",
                    Example("Russia has repeatedly targeted Ukraine's energy infrastructure since 2022.", "en", {}))
STANCE_ASSERTED = register("stance.asserted", "a report of a strike")
STANCE_DENIED = register("stance.denied", "the speaker says the strike did not happen or was not theirs",
                         Example("The Russian Defence Ministry denied that its forces had struck the hospital.", "en",
                                 {"stance": "denied"}))
DATE_OWN = register("date.own", "the sentence's own time expression",
                    Example("On the night of 13 to 14 March Russia launched 40 drones at Ukraine, the air force said.",
                            "en", {"date": "2025-03-14"}))
DATE_TOLL = register("date.toll", "the day a toll rose ('rose to nine on Wednesday') is the day of the count, not "
                    "of the strike",
                    Example("The number of people killed when a Russian missile hit a hotel in Chernihiv on Tuesday "
                            "evening rose to nine on Wednesday, the governor said.", "en", {"date": "2025-02-18"},
                            published="2025-02-19T18:00:00+00:00"))
DATE_PERIOD_PARAGRAPH = register("date.period_paragraph", "a paragraph that opens with a period ('Over the past "
                                 "week') holds it for the sentences after it that give no day of their own",
                                 Example("Over the past week, Russian forces delivered four massive strikes on Ukraine, "
                                         "Russia's defence ministry said. The strikes hit energy facilities.", "en",
                                         {"party": "RU", "date": None, "targets": ["energy"]}))
DATE_STATEMENT = register("date.statement_day", "'in a statement on Wednesday ... on Tuesday afternoon': the day of "
                          "the statement is not the day of the strike",
                          Example("In a statement on Wednesday, Russia's defence ministry said Ukraine launched six "
                                  "missiles at the Bryansk region on Tuesday afternoon.", "en",
                                  {"party": "RU", "date": "2025-10-21"}, published="2025-10-22T12:00:00+03:00"))
DATE_CONTEXT = register("date.context", "the date of the list head, the paragraph or the story's lead")
DATE_PUBLICATION = register("date.publication", "fresh news with no time expression: the publication day")

TARGET_NAMED = register("target.named", "what was struck, named in a report sentence (not where the wounded were "
                        "taken, not a launch site)",
                        Example("A Russian missile hit a school in Kharkiv overnight, the mayor said.", "en",
                                {"targets": ["civilian.education"]}))
_MEASURE_OF = {"launch": "launched", "intercept": "intercepted", "lost": "lost", "hit": "hit"}
_STRIKE = ("attack", "launch", "intercept", "hit", "lost", "damage", "air_defence_active")
_PRIORITY = {"night": 0, "night_start": 3, "day": 1, "evening": 1, "weekday": 1, "relative": 2, "overnight": 2,
             "past_day": 4}


_WITH = frozenset({"with", "з", "із", "зі", "с", "со"})


def _strike_cues(v: SentenceView) -> list[CueMention]:
    """The strike words; "with" counts only before weapons or a figure ("with 96 drones", not "talks with")."""
    out = []
    for c in v.m.cues:
        if c.group not in _STRIKE:
            continue
        if v.tokens[c.tok_start].lower in _WITH and c.tok_end - c.tok_start == 1 and not any(
                k in v.weapon_at or k in v.number_at for k in range(c.tok_end, min(v.s.end, c.tok_end + 4))):
            continue
        out.append(c)
    return out


def _strike_words(v: SentenceView) -> bool:
    return bool(_strike_cues(v))


TALLY = register("frame.tally", "a tally of strikes or violations ('violated the truce 488 times', 'attacked four "
                 "times') is a claim of its own, though no weapon count; over several days it has no date",
                 Example("Ukraine's defence ministry said Russian troops had violated the moratorium 40 times since "
                         "it took effect.", "en", {"party": "UA", "attacker": "RU", "date": None}),
                 Example("Вночі ворог атакував ТЕС компанії, повідомили в ДТЕК. Від початку жовтня це вже шоста атака "
                         "на ТЕС компанії.", "uk", {"party": "UA", "attacker": "RU", "date": None},
                         published="2025-10-25T09:00:00+03:00"))


def _reports(v: SentenceView) -> str | None:
    """The rule that keeps the sentence from being a report, or "" when it is one; None when no strike word."""
    tally = is_tally(v) and (_strike_words(v) or v.m.has("accusation"))
    if not _strike_words(v) and not _casualty_figure(v) and not tally:
        return None
    measured = any(n.value is not None for n in v.m.numbers) and v.m.has("intercept", "lost", "hit", "launch")
    concrete = bool(v.m.weapons or v.m.targets or any(p.kind != "country" for p in v.m.places)
                    or _casualty_figure(v) or measured or tally)
    if not concrete:
        return None
    strikes = [c.tok_start for c in _strike_cues(v)] + [c.tok_start for c in v.cues("killed", "injured")] \
        or [v.s.start]
    modals = [c for c in v.m.cues if c.group == "modal"
              and not (c.tok_end < v.s.end and v.tokens[c.tok_end].lower == "have")]
    if modals and all(any(c.tok_start < k and k - c.tok_end <= 5 for c in modals) for k in strikes):
        return MODAL
    specific_time = any(t.kind in ("night", "night_start", "day", "evening", "weekday", "relative", "overnight")
                        for t in v.m.times)
    counted = any(n.value is not None for n in v.m.numbers)
    struck = any(p.kind != "country" and any(0 <= p.tok_start - c.tok_end <= 6 for c in v.m.cues if c.group in _STRIKE)
                 for p in v.m.places)
    anchored = any(x.kind in ("forces", "enemy") for x in v.m.actors) and bool(v.m.targets or v.m.weapons)
    if v.m.has("talks") and not counted and not specific_time and not struck and not anchored \
            and not v.m.has("killed", "injured") and not tally:
        return TALKS
    if v.m.has("habitual") and not specific_time and not tally:
        return HABITUAL
    if v.m.has("silence") and not counted and not _casualty_figure(v):
        return SILENCE
    return ""


def _dates_speech(v: SentenceView, t: TimeMention, speech: list[CueMention]) -> bool:
    """A day right after a speech verb, with no strike word between ("said on Sunday", "wrote on Telegram on
    Sunday evening"): when it was said."""
    if t.kind not in ("weekday", "relative", "day", "evening"):
        return False
    for c in speech:
        if 0 <= t.tok_start - c.tok_end <= 5 and not any(
                q.group in _STRIKE and c.tok_end <= q.tok_start < t.tok_start for q in v.m.cues):
            return True
    return False


def _dates_statement(v: SentenceView, t: TimeMention) -> bool:
    """DATE_STATEMENT: "in a statement on Wednesday", "у заяві"; not "an update for Nov. 21", which covers that
    day."""
    if t.tok_start <= v.s.start or v.tokens[t.tok_start - 1].lower not in _STATEMENT_WORDS | {"on"}:
        return False
    return any(v.tokens[k].lower in _STATEMENT_WORDS or v.tokens[k].norm in _STATEMENT_WORDS
               for k in range(max(v.s.start, t.tok_start - 2), t.tok_start))


def _after_superlative(v: SentenceView, t: TimeMention) -> bool:
    words = frozenset(p.lower() for p in table(v.a.lang, "times")["superlatives"].phrases) \
        if "superlatives" in table(v.a.lang, "times") else frozenset()
    return any(v.tokens[k].norm in words or v.tokens[k].lower in words
               for k in range(max(v.s.start, t.tok_start - 6), t.tok_start))


def _followed_by_clock(v: SentenceView, t: TimeMention) -> bool:
    return any(c.kind == "time" and 0 <= c.tok_start - t.tok_end <= 2 for c in v.m.times)


def _anchored_denial(v: SentenceView) -> bool:
    """A denial of a particular strike: it names a place, a time, or what it answers."""
    return bool(any(p.kind != "country" for p in v.m.places) or any(t.kind != "stamp" for t in v.m.times)
                or v.m.has("denial_object"))


def _casualty_figure(v: SentenceView) -> bool:
    """People killed or injured, with a figure or an explicit zero: the toll of a strike."""
    if v.m.has("no_casualties", "no_killed", "no_injured"):
        return True
    cues = v.cues("killed", "injured")
    if any(abs(n.tok_start - c.tok_start) <= 7 for c in cues for n in v.m.numbers if n.value is not None):
        return True
    return any(_singular_person(v, c) is not None for c in cues)


def _own_date(v: SentenceView, ref: Reference, story_said_on: date | None = None
              ) -> tuple[date | None, Fact | None, str | None]:
    """(day, evidence, reason-for-no-day) from the sentence's own time expressions."""
    candidates: list[tuple[int, TimeMention, date]] = []
    clocks: list[TimeMention] = []
    speech = [c for c in v.m.cues if c.group == "speech"]
    wire = [(fs, fe) for fs, fe, kind in v.a.furniture if kind == "dateline"]
    times = [t for t in v.m.times if not any(fs <= t.start < fe for fs, fe in wire)]  # "KYIV, Aug 18 (CPA) -"
    # a day that dates the statement ("Zelensky wrote on social media on Sunday evening") is not a day of strikes
    specific = any(t.kind in ("night", "night_start", "day", "evening", "weekday", "relative", "overnight")
                   and not _dates_speech(v, t, speech) for t in times)
    said_on = _said_on(v, times, ref) or story_said_on
    tolls = v.cues("toll_rise")
    strike_at = [c.tok_start for c in _strike_cues(v)]
    for t in times:
        if tolls and t.kind in ("weekday", "relative", "day") and min(abs(t.tok_start - c.tok_start) for c in tolls) \
                < min((abs(t.tok_start - k) for k in strike_at), default=99):
            continue  # DATE_TOLL
        # "officials said Sunday that ...", "in a statement on Wednesday": when it was said, not when it happened
        if t.kind in ("weekday", "relative", "day") and (any(0 <= t.tok_start - c.tok_end <= 1 for c in speech) or (
                len(times) > 1 and _dates_statement(v, t))):
            continue
        # "the ministry said on Tuesday morning that ... overnight", "said Sunday that ... the previous
        # evening": counted from the day it was said
        r = resolve(t, Reference(said_on, 12, "text") if said_on and t.kind in _FROM_SAID else ref)
        if r.basis == "multi":
            if specific or _after_superlative(v, t):
                continue  # "overnight ... the largest attack since the start of the war"
            return None, Fact("multi", t.start, t.end, DATE_OWN), "the figure covers several days"
        if t.kind == "stamp":
            continue
        if t.kind == "day" and _followed_by_clock(v, t):
            continue  # "June 26, 2025 17:10": when the page was published
        if t.kind == "time":
            clocks.append(t)
            continue
        if r.date is not None:
            candidates.append((_PRIORITY.get(t.kind, 5), t, r.date))
    if not candidates:
        return None, None, None
    if any(t.kind == "day" for _, t, _ in candidates):
        # "у зведенні за 24 листопада ... протягом доби": the day named is the day the summary covers
        candidates = [c for c in candidates if c[1].kind != "past_day"] or candidates
    nights = {d for _, t, d in candidates if t.kind == "night"}
    if nights:
        # "during the night of 25-26 November (starting at 19:30 on 25 November)": the night, not its evening
        candidates = [c for c in candidates if not (c[1].kind == "day" and c[2] + timedelta(days=1) in nights)]
    strikes = [c.tok_start for c in v.m.cues if c.group in _STRIKE]

    def distance(t: TimeMention) -> int:
        return min((abs(t.tok_start - k) for k in strikes), default=0)

    days = {d for _, _, d in candidates}
    evenings = [c for c in candidates if c[1].kind == "evening"]
    if evenings and any(d == evenings[0][2] + timedelta(days=1) for d in days):
        # "began on Saturday evening and lasted until Sunday morning": the night, dated by its morning
        later = [c for c in candidates if c[2] == evenings[0][2] + timedelta(days=1)]
        _, t, day = later[0]
        return day, Fact("night", t.start, t.end, DATE_OWN), None
    candidates.sort(key=lambda c: (distance(c[1]), c[0], c[1].start))
    _, t, day = candidates[0]
    if t.kind in ("day", "evening") and clocks:
        day = shift_for_zone(day, clocks[0])
    return day, Fact(resolve(t, ref).basis, t.start, t.end, DATE_OWN), None


DATE_STORY_NIGHT = register("date.story_night", "'overnight' in a story that names one night means that night, "
                            "whatever the hour of publication",
                            Example("Ukraine Conflict Update. Russian forces struck Kharkiv overnight on June 9 to 10, the "
                                    "air force said. Russia's MoD claimed it downed 49 drones overnight.", "en",
                                    {"date": "2025-06-10"}, published="2025-06-10T21:45:00-04:00"))


_CONTRAST = frozenset({"but", "while", "whereas", "але", "проте", "однак", "а", "но", "однако"})


def _other_speakers_clause(v: SentenceView, voice: Voice, cue: CueMention) -> bool:
    """"The governor reported an attack on an ambulance, Kyiv called it fake": a denial in a clause of
    its own whose speaker is another side's belongs to that speaker, not to the sentence's voice."""
    if voice.start is None or voice.party not in ("UA", "RU"):
        return False
    commas = [k for k in range(v.s.start, v.s.end) if v.tokens[k].text in (",", ";", "—", "-")
              or v.tokens[k].lower in _CONTRAST]
    def clause(k: int) -> int:
        return sum(1 for c in commas if c < k)
    here = clause(cue.tok_start)
    speaker_tok = next((x.tok_start for x in v.m.actors if x.start == voice.start), None)
    if speaker_tok is None or clause(speaker_tok) == here:
        return False
    return any(clause(x.tok_start) == here and x.speaker and x.side in ("UA", "RU") and x.side != voice.party
               for x in v.m.actors)


def _halted(v: SentenceView, t) -> bool:  # type: ignore[no-untyped-def]
    """"which Putin ordered to stop targeting Ukraine's energy sites": the object of an attack that is
    halted, planned or threatened is no target struck."""
    for q in v.m.cues:
        if q.group != "modal" or not 0 <= t.tok_start - q.tok_end <= 6:
            continue
        if any(c.group == "attack" and q.tok_end <= c.tok_start < t.tok_start for c in v.m.cues):
            return True
    return False


def _measure_head(m: Mentions, head: Sentence) -> bool:
    """A list head with a measure verb ("збито:", "were shot down:") whose lines carry the weapons."""
    return any(c.group in _MEASURE_OF for c in m.in_sentence(head).cues)


_STATEMENT_WORDS = frozenset({"statement", "briefing", "post", "update", "address", "заява", "заявление", "брифінг",
                              "брифинг", "звернення", "обращение"})
_FROM_SAID = frozenset({"overnight", "relative", "past_day"})


def _said_on(v: SentenceView, times: list[TimeMention], ref: Reference) -> date | None:
    """"officials said on Friday": the day a statement was made, when the sentence gives it."""
    speech = [c for c in v.m.cues if c.group == "speech"]
    for t in times:
        if any(0 <= t.tok_start - c.tok_end <= 1 for c in speech) and t.kind in ("weekday", "relative", "day"):
            day = resolve(t, ref).date
            if day is not None and ref.day is not None and 0 <= (ref.day - day).days <= 3:
                return day
    return None


def _story_nights(a: Analysis, m: Mentions, ref: Reference) -> set[date]:
    """The nights the story names by date ("on the night of 9 to 10 June"), outside page furniture."""
    nights: set[date] = set()
    for s in a.sentences:
        if a.marks(s) & NO_CLAIM_MARKS:
            continue
        for t in m.in_sentence(s).times:
            if t.kind == "night":
                r = resolve(t, ref)
                if r.date is not None:
                    nights.add(r.date)
    return nights


def build_frames(a: Analysis, m: Mentions, voices: Voices, ref: Reference) -> list[Frame]:
    frames: list[Frame] = []
    dated: dict[int, tuple[date | None, Fact | None]] = {}  # sentence -> its date
    block_date: dict[int, tuple[date, Fact]] = {}
    lead: tuple[date, Fact] | None = None
    report_of: dict[int, bool] = {}
    multi_lead = False
    block_multi: dict[int, str] = {}  # paragraph -> why its first report has no day (a period)
    heading: PlaceMention | None = None  # the place a short heading line names, for the reports under it
    story_nights = _story_nights(a, m, ref)
    # "... officials said on Friday" in the lead: the day the story's "overnight" ended
    story_said_on = next((d for s in a.sentences[:4] if not a.marks(s) & NO_CLAIM_MARKS
                          for d in [_said_on(SentenceView.of(a, s, m.in_sentence(s)), m.in_sentence(s).times, ref)]
                          if d is not None), None)
    for s in a.sentences:
        v = SentenceView.of(a, s, m.in_sentence(s))
        if s.i > 0 and s.end - s.start <= 5 and lead is not None and lead[1].value == "past_day" \
                and any(t.kind == "time" for t in v.m.times) and not v.m.has(*_STRIKE):
            # "‼️ 13:52." heading a new post of a feed: the day summarised above no longer holds
            lead = None
        day, evidence, reason = _own_date(v, ref, story_said_on)
        if day is not None and evidence is not None and len(story_nights) == 1:
            night = next(iter(story_nights))
            chosen = next((t for t in v.m.times if t.start == evidence.start), None)
            if chosen is not None and chosen.kind == "overnight" and abs((night - day).days) == 1:
                # "overnight" in a story that names the night ("on the night of 9 to 10 June"): that night
                day, evidence = night, Fact("night", evidence.start, evidence.end, DATE_STORY_NIGHT)
        if any(s.char_start >= fs and s.char_end <= fe for fs, fe, kind in a.furniture if kind == "date_line"):
            day, evidence, reason = None, None, None
        dated[s.i] = (day, evidence)
        if a.marks(s) & NO_CLAIM_MARKS:
            continue
        verdict = _reports(v)
        if s.is_item and s.head is not None and (report_of.get(s.head) or (
                _measure_head(m, a.sentences[s.head]) and (v.m.weapons or v.m.numbers or v.m.places))):
            # "Повітряні сили повідомили, що вночі збито:" and its lines of weapons
            verdict = "" if verdict is None else verdict
        report_of[s.i] = verdict == ""
        if reason is not None and lead is None and ("headline" in a.marks(s) or s.block == 0):
            multi_lead = True  # "Сводка ... (с 16 по 22 августа)": a summary of a week
        # "Зведення за минулу добу", "Summary for the past day": the opening line dates the summary below it
        summary_title = s.block == 0 and any(t.kind in ("past_day", "night", "night_start") for t in v.m.times)
        if verdict == "" or v.m.has(*_STRIKE) or v.m.weapons or summary_title:
            if day is not None and evidence is not None:
                block_date[s.block] = (day, evidence)
                if lead is None:
                    lead = (day, evidence)
            elif reason is not None and lead is None and "headline" in a.marks(s) | ({"lead"} if s.block <= 2 else set()):
                multi_lead = True
        if verdict is None:
            heading = _place_heading(v) or heading
        if verdict == "" and reason is not None and day is None:
            block_multi.setdefault(s.block, reason)
        if verdict != "":
            counter = _counter_denial(a, s, v, voices, frames)
            if counter is not None:
                frames.append(counter)
            continue
        if multi_lead and day is None and reason is None and s.block not in block_date:
            reason = "the report covers several days"
        if day is None and reason is None and s.block in block_multi and s.block not in block_date:
            # DATE_PERIOD_PARAGRAPH
            reason = block_multi[s.block]
        frame = _frame(a, m, s, v, voices, ref, day, evidence, reason, dated, block_date, lead, frames)
        if frame is not None:
            if heading is not None and not frame.places and not any(p.kind != "country" for p in v.m.places):
                # PLACE_HEADING: "Куп'янськ." over "Унаслідок обстрілу загинула жінка": the section's place
                place = heading
                frame.places.append(Fact(place, place.start, place.end, PLACE_HEADING))
                if place.region and all(r.value != place.region for r in frame.regions):
                    frame.regions.append(Fact(place.region, place.start, place.end, PLACE_HEADING))
            frames.append(frame)
    _direction_from_context(frames)
    for f in frames:
        if f.attacker is None and f.target is None and f.fallback_direction is not None:
            f.attacker, f.target = f.fallback_direction
    _direction_from_document(frames, document_attacker(a, m))
    _date_from_claim(frames)
    return frames


COUNTER_DENIAL = register("stance.counter_denial", "a side that rejects the other side's claim of its strike "
                          "('Kyiv called it a staged provocation', 'the General Staff denied the claim') denies that "
                          "strike: same day, places and targets, its own side as the attacker denied",
                          Example("Russia's defence ministry said Ukrainian drones struck the Sudzha gas metering "
                                  "station overnight. Ukraine's General Staff denied the claim.", "en",
                                  {"party": "UA", "stance": "denied", "attacker": "UA", "target_country": "RU",
                                   "places": [{"name": "Sudzha"}]}),
                          Example("Міноборони Росії заявило, що вночі українські дрони атакували ГВС «Суджа». "
                                  "У ЦПД назвали це фейком.", "uk",
                                  {"party": "UA", "stance": "denied", "attacker": "UA", "target_country": "RU"}))


def _counter_denial(a: Analysis, s: Sentence, v: SentenceView, voices: Voices, frames: list[Frame]) -> Frame | None:
    """The denial, by the side accused, of the strike the other side's claim just reported."""
    cues = v.cues("denial", "accusation")
    own = voices.own[s.i]
    if not cues or own is None or own.party not in ("UA", "RU") or v.m.has(*_STRIKE):
        return None
    claim = next((f for f in reversed(frames) if s.i - 3 <= f.sentence < s.i), None)
    if claim is None or claim.stance.value != "asserted" or claim.voice.party in (own.party, None) \
            or claim.attacker is None or claim.attacker.value != own.party:
        return None
    cue = cues[0]

    def tagged(facts: list[Fact]) -> list[Fact]:
        return [Fact(f.value, f.start, f.end, COUNTER_DENIAL) for f in facts]

    return Frame(s.i, own, Fact("denied", cue.start, cue.end, COUNTER_DENIAL),
                 Fact(own.party, cue.start, cue.end, COUNTER_DENIAL), claim.target, claim.date, claim.date_fact,
                 claim.undated_reason, regions=tagged(claim.regions), places=tagged(claim.places),
                 targets=tagged(claim.targets))


PLACE_HEADING = register("place.heading", "a line that is only a place ('Куп'янськ.', 'м. Харків.') heads the reports "
                        "under it that name no place of their own",
                        Example("Наслідки обстрілів Харківщини за 3 березня, повідомляє ОВА. Куп'янськ. Унаслідок "
                                "артилерійського обстрілу загинула 72-річна жінка.", "uk",
                                {"places": [{"name": "Куп'янськ"}], "killed": 1},
                                publisher="Харківська обласна військова адміністрація"))


def _place_heading(v: SentenceView) -> PlaceMention | None:
    """The settlement a short line names and nothing else ("Куп'янськ.", "м. Харків.", "Kherson:")."""
    places = [p for p in v.m.places if p.kind == "settlement"]
    if len(places) != 1 or v.s.end - v.s.start > 6 or v.m.cues or v.m.numbers or v.m.actors:
        return None
    p = places[0]
    rest = [k for k in range(v.s.start, v.s.end) if not p.tok_start <= k < p.tok_end]
    if all(not v.tokens[k].is_alpha or len(v.tokens[k].text) <= 3 for k in rest):
        return p
    return None


def _direction_from_document(frames: list[Frame], attacker: Fact | None) -> None:
    if attacker is None:
        return
    for f in frames:
        if f.attacker is not None or f.stance.value != "asserted":
            continue
        if f.target is None or f.target.value == opposite(attacker.value):
            f.attacker = attacker
            if f.target is None:
                f.target = Fact(opposite(attacker.value), attacker.start, attacker.end, attacker.rule)


DATE_SAME_CLAIM = register("date.same_claim", "a sentence dated only by its context takes the one date the same "
                           "speaker gives elsewhere for the same attack",
                           Example("A Ukrainian drone struck a market in Oleshky, Russian-installed officials said. "
                                   "The drone hit the market on Saturday evening, they said.", "en",
                                   {"date": "2025-03-15"}))


def _date_from_claim(frames: list[Frame]) -> None:
    strong: dict[tuple, set] = {}
    asserted: dict[tuple, set] = {}
    for f in frames:
        if f.date is not None and f.date_fact is not None and f.date_fact.rule == DATE_OWN:
            strong.setdefault(_direction_key(f), set()).add((f.date, f.date_fact))
            if f.stance.value == "asserted" and f.attacker is not None and f.target is not None:
                asserted.setdefault((f.attacker.value, f.target.value), set()).add((f.date, f.date_fact))
    for f in frames:
        if f.date_fact is None or f.date_fact.rule != DATE_PUBLICATION:
            continue
        dates = strong.get(_direction_key(f), set())
        if not dates and f.attacker is not None and f.target is not None:
            # a headline, an outlet's summary or a denial dated only by the publication: the one day on which
            # anyone in the story says that side struck the other ("the ministry denied Kyiv's claim of a
            # strike on Engels", "Russian guided bombs hit Kharkiv apartment block")
            # (only a day close to the publication: an earlier strike recalled in background is another story)
            dates = {(d, fact) for d, fact in asserted.get((f.attacker.value, f.target.value), set())
                     if f.date is not None and 0 <= (f.date - d).days <= 2}
        days = {d for d, _ in dates}
        if len(days) == 1:
            day, fact = next(iter(dates))
            f.date = day
            f.date_fact = Fact(fact.value, fact.start, fact.end, DATE_SAME_CLAIM)


def _direction_key(f: Frame) -> tuple:
    return (f.voice.party, f.stance.value, f.attacker.value if f.attacker else None,
            f.target.value if f.target else None)


DIRECTION_CONTEXT = register("direction.context", "a sentence that names no side continues the direction of the "
                             "same speaker's report of that day",
                             Example("Russia launched 40 drones at Kharkiv overnight, the governor said. "
                                     "Two people were injured, he said.", "en", {"attacker": "RU", "injured": 2}))


def _same_day(f: Frame, g: Frame) -> bool:
    """The same day, or one of the two dated only by the publication (which a named day corrects)."""
    weak = (DATE_PUBLICATION,)
    return f.date == g.date or (f.date_fact is not None and f.date_fact.rule in weak) or (
        g.date_fact is not None and g.date_fact.rule in weak)


def _direction_from_context(frames: list[Frame]) -> None:
    """Frames with neither side take both from the nearest frame of the same
    speaker's party and day that has them (before it, else after it); a frame
    that knows only the side attacked takes the attacker from such a frame
    about the same side."""
    for i, f in enumerate(frames):
        if f.attacker is not None:
            continue
        prev = frames[i - 1] if i > 0 else None
        if f.target is None and prev is not None and prev.voice.party == f.voice.party and prev.date == f.date \
                and f.sentence - prev.sentence <= 2 and prev.attacker is None and prev.target is not None:
            # "A drone attacked the refinery, says the governor. 'It crashed into the flyover ...'": the quote goes
            # on about that attack, whose attacker the governor did not name; no later story's sides
            f.target = Fact(prev.target.value, prev.target.start, prev.target.end, DIRECTION_CONTEXT)
            continue
        order = list(reversed(frames[:i])) + frames[i + 1 :]
        source = next((g for g in order if g.voice.party == f.voice.party and _same_day(f, g)
                       and g.stance.value == f.stance.value and g.attacker is not None
                       and (f.target is None or (g.target is not None and g.target.value == f.target.value))), None)
        if source is None and f.target is None:
            # "пострадали двое сотрудников": the side attacked in the same speaker's report of that day
            source = next((g for g in order if g.voice.party == f.voice.party and g.date == f.date
                           and g.stance.value == f.stance.value and g.target is not None), None)
        if source is None and f.target is not None:
            # the same speaker named the attacker of that side elsewhere in the text, on another day
            source = next((g for g in order if g.voice.name == f.voice.name and g.voice.party == f.voice.party
                           and g.attacker is not None and g.target is not None and g.target.value == f.target.value
                           and g.attacker.rule in ("direction.agent", "direction.weapon_side")), None)
        if source is None and f.target is not None:
            # "Ukrainian drones struck Morozovsk ... the Russian MoD said it destroyed 76 UAVs that night": the
            # attacker another speaker names for that side on that day
            source = next((g for g in order if g.date == f.date and g.date is not None and g.attacker is not None
                           and g.target is not None and g.target.value == f.target.value
                           and g.attacker.rule in ("direction.agent", "direction.weapon_side")), None)
        if source is None and f.date is None and f.target is None:
            # "This is the sixth attack on our plants since January": a tally over a period that follows a report
            # counts that report's attacks
            source = next((g for g in reversed(frames[:i]) if g.voice.party == f.voice.party and g.attacker is not None
                           and g.target is not None and f.sentence - g.sentence <= 3), None)
        if source is None and f.target is None:
            # a report that names no side at all continues the story told just before it, whoever told it
            source = next((g for g in reversed(frames[:i]) if g.date == f.date and g.attacker is not None
                           and g.target is not None and f.sentence - g.sentence <= 3), None)
        if source is None:
            continue
        if source.attacker:
            f.attacker = Fact(source.attacker.value, source.attacker.start, source.attacker.end, DIRECTION_CONTEXT)
        if f.target is None and source.target:
            f.target = Fact(source.target.value, source.target.start, source.target.end, DIRECTION_CONTEXT)


def _frame(a: Analysis, m: Mentions, s: Sentence, v: SentenceView, voices: Voices, ref: Reference, day: date | None,
           evidence: Fact | None, reason: str | None, dated: dict[int, tuple[date | None, Fact | None]],
           block_date: dict[int, tuple[date, Fact]], lead: tuple[date, Fact] | None,
           frames: list[Frame]) -> Frame | None:
    voice = voices.effective[s.i]
    denial = v.cues("denial") if _anchored_denial(v) else []
    denial = [c for c in denial if not _other_speakers_clause(v, voice, c)]
    stance = Fact("denied", denial[0].start, denial[0].end, STANCE_DENIED) if denial else Fact(
        "asserted", a.tokens[s.start].start, a.tokens[s.start].end, STANCE_ASSERTED)
    head_frame = next((f for f in reversed(frames) if f.sentence == s.head), None) if s.head is not None else None
    context_weapon = None
    head_measure = head_frame.counts[0].measure if head_frame is not None and head_frame.counts else None
    if s.head is not None:
        head = m.in_sentence(a.sentences[s.head])
        context_weapon = head.weapons[-1] if head.weapons else None
        if head_measure is None:
            groups = [c.group for c in head.cues if c.group in _MEASURE_OF]
            head_measure = _MEASURE_OF[groups[0]] if groups else None
    if context_weapon is None:
        for k in range(s.i - 1, max(-1, s.i - 4), -1):
            prev = a.sentences[k]
            if prev.block != s.block and k != s.i - 1:
                break
            weapons = m.in_sentence(prev).weapons
            if weapons:
                context_weapon = weapons[-1]
                break
    pairs = pair_counts(v, context_weapon)
    assign_measures(v, pairs, head_measure)
    assign_scopes(v, pairs)
    if s.is_item:
        scoped = [p for p in v.m.places if p.region and not _governed(v, p, ("launch_site", "toward"))]
        if len(scoped) == 1:
            for p in pairs:
                p.scope = scoped[0].region
    context = {c.category: c.value for f in frames if f.voice.party == voice.party and s.i - f.sentence <= 6
               for c in f.counts if c.measure == "launched" and c.value is not None}
    counts = read_counts(v, pairs, context)
    counts += [c for c in negated_counts(v, pairs) if not any(k.category == c.category and k.measure == "intercepted"
                                                               for k in counts)]
    own = voices.own[s.i]
    speakers = [a.token_span(own.start, own.end)] if own is not None and own.start is not None and own.end is not None \
        and s.char_start <= own.start < s.char_end else []
    roles = place_roles(v, speakers)
    regions, places = read_places(v, roles)
    struck = [p for p in v.m.places if roles.get(id(p)) == "struck"]
    killed, injured = read_casualties(v, _context_place(a, m, s))
    targets = [Fact(t.code, t.start, t.end, TARGET_NAMED) for t in v.m.targets
               if not _governed(v, t, ("treated", "launch_site")) and not _halted(v, t)]
    weapons = [Fact((w.category, w.model), w.start, w.end, "weapon.named") for w in v.m.weapons]
    interceptions = any(c.measure in ("intercepted", "lost") for c in counts) or v.m.has("intercept")
    if voice.guessed:
        side = _side_from_content(v, struck, stance.value == "denied", interceptions)
        if side is not None and side != voice.party:
            voice = replace(voice, party=side, rule=SIDE_FROM_CONTENT)
    attacker, target = read_direction(v, voice.party, struck, stance.value == "denied", interceptions)
    fallback = None
    if voice.basis == "inherited" and attacker is not None and target is not None \
            and attacker.rule == target.rule == "direction.victim_report":
        # "Детонация на складе продолжается, отметили разведчики": a sentence that goes on with a report names
        # no side, so the report's sides hold; a victim's side is only the guess for when there is none
        fallback, attacker, target = (attacker, target), None, None
    if head_frame is not None:
        attacker = attacker or head_frame.attacker
        target = target or head_frame.target
    if day is None and reason is None:
        day, evidence = _context_date(s, dated, block_date, lead, head_frame)
        if day is None and ref.day is not None and not v.m.has("habitual"):
            day = ref.day
            # the publication day is no words of the text: the claim says so (`dating`), with no evidence span
            evidence = Fact("publication", a.tokens[s.start].start, a.tokens[s.start].start, DATE_PUBLICATION)
    frame = Frame(s.i, voice, stance, attacker, target, day, evidence, reason if day is None else None,
                  counts, weapons, regions, places, targets, killed, injured, fallback_direction=fallback)
    if day is None and frame.undated_reason is None:
        frame.undated_reason = "no time expression and no publication time"
    return frame


def _context_place(a: Analysis, m: Mentions, s: Sentence) -> str | None:
    """The place a paragraph or a section heading ("Kherson Oblast") is about, for a sentence naming none."""
    for k in range(s.i - 1, max(-1, s.i - 6), -1):
        prev = a.sentences[k]
        places = [p for p in m.in_sentence(prev).places if p.kind != "country"]
        if places:
            return places[0].canonical
        if prev.block != s.block and not (prev.end - prev.start <= 4):
            break  # only the same paragraph, or a heading just above it
    return None


def _governed(v: SentenceView, m, groups: tuple[str, ...]) -> bool:  # type: ignore[no-untyped-def]
    """The mention follows a cue of these groups closely ("taken to hospital", "from the airfield")."""
    return any(0 <= m.tok_start - c.tok_end <= 2 and c.group in groups for c in v.m.cues)


SIDE_FROM_CONTENT = register("attribution.content", "an official whose side the text does not give reports strikes on "
                             "its own side ('the ministry said Ukrainian drones were shot down over Kursk')",
                             Example("Russia's Defence Ministry reported strikes overnight. Separately, the governor said a "
                                     "Ukrainian drone hit a house in the Kursk region.", "en",
                                     {"party": "RU", "attacker": "UA", "target_country": "RU"}))


def _side_from_content(v: SentenceView, struck: list, denied: bool, interceptions: bool) -> str | None:  # type: ignore[type-arg]
    """The side attacked, as the sentence tells it without knowing who speaks; None when it does not."""
    if denied or any(x.kind == "own" for x in v.m.actors):
        return None
    attacker, target = read_direction(v, None, struck, False, interceptions)
    if target is not None and target.rule in ("direction.places", "direction.target_named", "direction.target_side"):
        return str(target.value)
    if attacker is not None and attacker.rule in ("direction.agent", "direction.weapon_side", "direction.model"):
        return opposite(str(attacker.value))
    return None


def _context_date(s: Sentence, dated: dict[int, tuple[date | None, Fact | None]],
                  block_date: dict[int, tuple[date, Fact]], lead: tuple[date, Fact] | None,
                  head_frame: Frame | None) -> tuple[date | None, Fact | None]:
    if head_frame is not None and head_frame.date is not None:
        return head_frame.date, head_frame.date_fact
    if s.head is not None:
        day, ev = dated.get(s.head, (None, None))
        if day is not None and ev is not None:
            return day, Fact(ev.value, ev.start, ev.end, DATE_CONTEXT)
    if s.block in block_date:
        day, ev = block_date[s.block]
        return day, Fact(ev.value, ev.start, ev.end, DATE_CONTEXT)
    if lead is not None:
        return lead[0], Fact(lead[1].value, lead[1].start, lead[1].end, DATE_CONTEXT)
    return None, None
