"""Who attacks whom: the attacker and the target country of a frame.

The rules are tried in order; the first that answers a field fills it, with
its id on the evidence:

- `direction.agent`: a side named as the one attacking ("Russia launched",
  "ВСУ атаковали", "the enemy attacked", "attacked by Ukrainian drones");
- `direction.weapon_side`: a side on the weapons ("57 Ukrainian drones",
  "ворожих БпЛА", "our drones");
- `direction.model`: a weapon only one side fires (Shahed, Kalibr, Neptune);
- `direction.target_named`: the country attacked named ("attacked Ukraine");
- `direction.places`: the country of the places struck or intercepted over
  (occupied Ukrainian regions count for the side the claim presents);
- `direction.defenders`: a side's air defence at work is the side attacked;
- `direction.self_report`: a side reporting strikes on the other's places
  reports its own strike (General Staff, Russian MoD "high-precision strike");
- `direction.complement`: with one side known, the other is the opposite,
  except that an attack on a side's territory that names no attacker keeps
  the attacker unknown (a governor's "drone attack").
- `direction.denial`: who denies a strike denies one of its own.

"The enemy" is the side opposite the speaker, "our" forces the speaker's.
"""

from __future__ import annotations

from ..lexicon import word_set
from ..mentions import ActorMention, PlaceMention
from .counts import is_tally
from .model import Fact
from .rules import Example, register
from .view import SentenceView

__all__ = ["read_direction", "OCCUPIED", "opposite"]

OCCUPIED = frozenset({"UA-43", "UA-40", "UA-14", "UA-09", "UA-23", "UA-65"})
CRIMEA = frozenset({"UA-43", "UA-40"})

AGENT = register("direction.agent", "a side named as the one attacking",
                 Example("Ukrainian forces attacked the Novoshakhtinsk refinery with drones overnight, "
                         "the governor said.", "en", {"attacker": "UA"}),
                 Example("Російська армія випустила по Харкову три ракети, повідомив Синєгубов.", "uk", {"attacker": "RU"}),
                 Example("Tonight Russia carried out another massive missile and drone attack on one of DTEK's thermal "
                         "power plants, the company said.", "en", {"attacker": "RU", "target_country": "UA"}))
WEAPON_SIDE = register("direction.weapon_side", "a side on the weapons ('57 Ukrainian drones', 'ворожих БпЛА')",
                       Example("Air defences destroyed 57 Ukrainian drones over the Kursk region overnight, "
                               "the Russian Defence Ministry said.", "en", {"attacker": "UA", "target_country": "RU"}))
MODEL = register("direction.model", "a weapon model only one side fires",
                 Example("Shahed drones hit a substation in Odesa overnight, the regional governor said.", "en",
                         {"attacker": "RU"}))
TARGET_NAMED = register("direction.target_named", "the country attacked named as such",
                        Example("Russia attacked Ukraine with 150 drones overnight, Zelensky said.", "en",
                                {"attacker": "RU", "target_country": "UA"}))
PLACES = register("direction.places", "the country of the places struck or intercepted over",
                  Example("A drone attack on Belgorod damaged a house overnight, the governor said.", "en",
                          {"target_country": "RU", "attacker": None}))
DEFENDERS = register("direction.defenders", "a side's air defence at work: that side was attacked",
                     Example("Air defences shot down 20 drones overnight, Ukraine's air force said.", "en",
                             {"target_country": "UA", "attacker": "RU"}))
SELF_REPORT = register("direction.self_report", "a side that reports strikes on the other's places reports its own",
                       Example("Ukraine's General Staff said its forces struck the Ryazan oil refinery overnight.", "en",
                               {"attacker": "UA", "target_country": "RU"}))
COMPLEMENT = register("direction.complement", "one side known: the other is the opposite")
VICTIM_REPORT = register("direction.victim_report", "Ukraine's officials reporting a strike on Ukraine report a Russian one "
                         "(the annotated sets never leave that attacker open; Russian officials' unattributed attacks "
                         "stay open, as the development corpus annotates them)",
                         Example("Yesterday evening an attack drone hit a substation near Chuhuiv, Ukrenergo said.", "en",
                                 {"attacker": "RU"}))
DOCUMENT = register("direction.document", "an attacker named in the opening lines holds for the reports below it "
                    "that name none",
                    Example("Рассказываю о последствиях атак ВСУ. Ночью Белгород подвергся ракетному обстрелу, "
                            "повреждён объект энергетики.", "ru", {"attacker": "UA", "target_country": "RU"},
                            publisher="Губернатор Белгородской области"))
DENIAL = register("direction.denial", "who denies a strike denies one of its own",
                  Example("Russia's Defence Ministry denied striking a hospital in Kherson on Tuesday.", "en",
                          {"stance": "denied", "attacker": "RU"}))

_ATTACK_GROUPS = frozenset({"attack", "launch", "hit"})
_PREPOSITIONS = frozenset({"near", "in", "on", "over", "at", "from", "towards", "toward", "to", "of", "outside", "around",
                           "біля", "під", "у", "в", "на", "над", "до", "з", "около", "под", "во", "к"})
_SPEAKER_PRONOUNS = frozenset({"it", "they", "we", "ми", "мы"})
_BY = frozenset({"by", "from"})
_WEAPON_BREAKS = frozenset({"with", "by", "at", "on", "against", "from", "and", "із", "з", "по", "на", "с", "со"})
# "Russia had made more than twenty attacks": a subject a few words before the attack word, with only
# auxiliaries, light verbs and figures between (structure.yaml subject_fillers)
_SUBJECT_REACH = 8


def _fillers_only(v: SentenceView, start: int, end: int, extra: frozenset[str] = frozenset()) -> bool:
    words = word_set(v.a.lang, "structure", "subject_fillers") | extra
    # weapons too: "Russia carried out another massive missile and drone attack"
    return all(k in v.number_at or k in v.weapon_at or v.tokens[k].lower in words or v.tokens[k].norm in words
               or v.tokens[k].lower in ("and", "і", "та", "й", "и") for k in range(start, end))



def opposite(side: str | None) -> str | None:
    return {"UA": "RU", "RU": "UA"}.get(side or "")


def _actor_side(actor: ActorMention, speaker: str | None) -> str | None:
    if actor.kind == "enemy":
        return opposite(speaker)
    if actor.kind == "own":
        return speaker if speaker in ("UA", "RU") else None
    return actor.side if actor.side in ("UA", "RU") else None


_AGENT_KINDS = frozenset({"forces", "government", "enemy", "own", "head_of_state"})


def _agent(v: SentenceView, speaker: str | None) -> tuple[str, ActorMention] | None:
    attack_cues = [c for c in v.m.cues if c.group in _ATTACK_GROUPS]
    if is_tally(v):
        # "the Russian army has violated it 2,935 times": who violated a truce that many times attacked
        attack_cues += [c for c in v.m.cues if c.group == "accusation"]
    if not attack_cues:
        return None
    best: tuple[int, str, ActorMention] | None = None
    reasons = [_reason_span(v, c) for c in v.m.cues if c.group == "justification"]
    attack_cues = [c for c in attack_cues if not any(lo <= c.tok_start < hi for lo, hi in reasons)] or attack_cues
    # "which Putin ordered to stop targeting Ukraine's energy sites": an attack halted, planned or threatened
    modals = [c for c in v.m.cues if c.group == "modal"]
    attack_cues = [c for c in attack_cues if not any(0 <= c.tok_start - q.tok_end <= 2 for q in modals)]
    if not attack_cues:
        return None
    for x in v.m.actors:
        if any(lo <= x.tok_start < hi for lo, hi in reasons):
            continue
        # someone who speaks ("Moscow says Kyiv struck") is not who attacks
        if any(0 <= c.tok_start - x.tok_end <= 1 for c in v.m.cues if c.group in ("speech", "denial")):
            continue
        # "a power plant near Kyiv and hit ...": a name in a prepositional phrase is no subject
        if x.kind in ("government", "forces") and x.tok_start > v.s.start \
                and v.tokens[x.tok_start - 1].lower in _PREPOSITIONS:
            continue
        side = _actor_side(x, speaker)
        if side is None:
            continue
        for c in attack_cues:
            distance: int | None = None
            # "Russia's biggest air attack", "російська атака": a side on the attack itself
            if x.kind == "nationality":
                if c.group == "attack" and 0 <= c.tok_start - x.tok_end <= 2:
                    distance = c.tok_start - x.tok_end
            elif x.kind == "official" and x.side in ("UA", "RU"):
                # "the Ukrainian armed forces fired": a body that speaks can also act, right before its verb
                if 0 <= c.tok_start - x.tok_end <= 2 and not v.has_break(x.tok_end, c.tok_start):
                    distance = c.tok_start - x.tok_end
            elif x.kind in _AGENT_KINDS:
                # subject: "Russia launched", "ворог атакував"
                if 0 <= c.tok_start - x.tok_end <= 4 and not v.has_break(x.tok_end, c.tok_start) or (
                        0 < c.tok_start - x.tok_end <= _SUBJECT_REACH and _fillers_only(v, x.tok_end, c.tok_start)):
                    distance = c.tok_start - x.tok_end
                # passive agent: "attacked by Ukrainian drones", "the attack was carried out by Ukrainians"
                elif 0 <= x.tok_start - c.tok_end <= _SUBJECT_REACH and any(
                        v.tokens[k].lower in _BY for k in range(c.tok_end, x.tok_start)) and (
                        x.tok_start - c.tok_end <= 2 or _fillers_only(
                            v, c.tok_end, x.tok_start, extra=_BY | {"was", "were", "been", "is", "are"})):
                    distance = x.tok_start - c.tok_end
                # "атак ВСУ", "удар ЗСУ": the attack of a side (a genitive right after the noun)
                elif x.kind == "forces" and 0 <= x.tok_start - c.tok_end <= 1 and c.group == "attack":
                    distance = x.tok_start - c.tok_end
                # "accused Kyiv of attacking", "обвинили Киев в атаке"
                elif 1 <= c.tok_start - x.tok_end <= 2 and v.tokens[x.tok_end].lower in ("of", "в", "у", "во"):
                    distance = c.tok_start - x.tok_end
            if distance is not None and (best is None or distance < best[0]):
                best = (distance, side, x)
    if best is None and speaker in ("UA", "RU"):
        # "the ministry said it hit fuel and energy facilities": "it" is the speaker
        observed = [(c.tok_start, c.tok_end) for c in v.m.cues if c.group == "observed"]
        for c in attack_cues:
            if (c.tok_start, c.tok_end) in observed:
                continue  # "it detected dozens of missiles": the speaker saw the attack, it did not make it
            k = c.tok_start - 1
            while k > v.s.start and v.tokens[k].lower in ("had", "has", "have", "was", "were", "also", "then"):
                k -= 1
            if k >= v.s.start and v.tokens[k].lower in _SPEAKER_PRONOUNS:
                tok = v.tokens[k]
                return speaker, ActorMention(tok.start, tok.end, k, k + 1, key="pronoun", side=speaker, kind="own",
                                             name=tok.text, speaker=False)
    return (best[1], best[2]) if best else None


def _reason_span(v: SentenceView, cue) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    """"в ответ на террористические действия киевского режима": the reason runs to the first side named."""
    first = min((x.tok_end for x in v.m.actors if x.tok_start >= cue.tok_end and x.tok_start - cue.tok_end <= 6),
                default=cue.tok_end + 6)
    return cue.tok_end, first


def _weapon_side(v: SentenceView, speaker: str | None) -> tuple[str, ActorMention] | None:
    for w in v.m.weapons:
        for x in v.m.actors:
            if x.kind in ("forces", "official") and 0 <= x.tok_start - w.tok_end <= 2 and all(
                    v.tokens[k].lower in ("of", "the", "from") for k in range(w.tok_end, x.tok_start)):
                side = _actor_side(x, speaker)
                if side:
                    return side, x
            if x.kind not in ("nationality", "enemy", "own"):
                continue
            # "57 Ukrainian drones", not "Russian positions with artillery": only modifiers between
            near = 0 <= w.tok_start - x.tok_end <= 4 and not v.has_break(x.tok_end, w.tok_start) and not any(
                k in v.number_at for k in range(x.tok_end, w.tok_start)) and not any(
                x.tok_end <= t.tok_start < w.tok_start for t in v.m.targets) and not any(
                v.tokens[k].lower in _WEAPON_BREAKS for k in range(x.tok_end, w.tok_start))
            if near or (x.tok_start >= w.tok_start and x.tok_end <= w.tok_end):
                side = _actor_side(x, speaker)
                if side:
                    return side, x
    return None


def _struck_country(places: list[PlaceMention], speaker: str | None, attacker: str | None) -> tuple[str, PlaceMention] | None:
    plain = [p for p in places if p.country in ("UA", "RU") and p.region not in OCCUPIED]
    if plain:
        ua = [p for p in plain if p.country == "UA"]
        ru = [p for p in plain if p.country == "RU"]
        if ua and not ru:
            return "UA", ua[0]
        if ru and not ua:
            return "RU", ru[0]
        return None
    occupied = [p for p in places if p.region in OCCUPIED]
    if not occupied:
        return None
    if attacker in ("UA", "RU"):
        return opposite(attacker) or "UA", occupied[0]
    if speaker == "RU":
        return "RU", occupied[0]
    if speaker == "UA" and all(p.region in CRIMEA for p in occupied):
        return "RU", occupied[0]
    if speaker == "UA":
        return "UA", occupied[0]
    return None


TARGET_SIDE = register("direction.target_side", "a side on what was struck ('Ukrainian energy facilities')",
                       Example("Russia's Defence Ministry said its strike had targeted Ukrainian energy facilities.", "en",
                               {"attacker": "RU", "target_country": "UA"}))


def _target_side(v: SentenceView, speaker: str | None) -> tuple[str, ActorMention] | None:
    for t in v.m.targets:
        for x in v.m.actors:
            if x.kind in ("nationality", "enemy", "own") and 0 <= t.tok_start - x.tok_end <= 2 \
                    and not v.has_break(x.tok_end, t.tok_start):
                side = _actor_side(x, speaker)
                if side:
                    return side, x
    return None


_LOCATIVE = frozenset({"in", "across", "on", "against", "throughout", "over", "у", "в", "по", "на", "во"})


def _governed_by(v: SentenceView, p: PlaceMention, groups: tuple[str, ...]) -> bool:
    return any(c.group in groups and 0 <= p.tok_start - c.tok_end <= 2 for c in v.m.cues)


def read_direction(v: SentenceView, speaker: str | None, struck: list[PlaceMention], denied: bool,
                   interceptions: bool) -> tuple[Fact | None, Fact | None]:
    attacker: Fact | None = None
    target: Fact | None = None
    found = _agent(v, speaker)
    if found:
        attacker = Fact(found[0], found[1].start, found[1].end, AGENT)
    if attacker is None:
        found = _weapon_side(v, speaker)
        if found:
            attacker = Fact(found[0], found[1].start, found[1].end, WEAPON_SIDE)
    if attacker is None:
        sides = {w.used_by for w in v.m.weapons if w.used_by}
        if len(sides) == 1:
            w = next(w for w in v.m.weapons if w.used_by)
            attacker = Fact(sides.pop(), w.start, w.end, MODEL)
    # the country attacked, named after an attack word
    for p in v.m.places:
        if p.kind == "country" and p.country in ("UA", "RU") and any(
                0 <= p.tok_start - c.tok_end <= 2 for c in v.m.cues if c.group in ("attack", "launch")):
            if attacker is None or attacker.value != p.country:
                target = Fact(p.country, p.start, p.end, TARGET_NAMED)
                break
    if target is None and (v.m.targets or v.m.has("attack", "hit", "damage")):
        for p in v.m.places:
            if p.kind == "country" and p.country in ("UA", "RU") and p.tok_start > v.s.start \
                    and v.tokens[p.tok_start - 1].lower in _LOCATIVE and not _governed_by(v, p, ("launch_site", "toward")) \
                    and (attacker is None or attacker.value != p.country):
                target = Fact(p.country, p.start, p.end, TARGET_NAMED)
                break
    if target is None:
        found = _target_side(v, speaker)
        if found and (attacker is None or attacker.value != found[0]):
            target = Fact(found[0], found[1].start, found[1].end, TARGET_SIDE)
    if target is None:
        hit = _struck_country(struck, speaker, attacker.value if attacker else None)
        if hit:
            target = Fact(hit[0], hit[1].start, hit[1].end, PLACES)
    if target is None and interceptions and speaker in ("UA", "RU") and not v.m.places:
        # "Intercepted overnight, Russia's defence ministry said: drones - 35": what a side shoots down
        # came at that side
        first = v.a.tokens[v.s.start]
        target = Fact(speaker, first.start, first.end, DEFENDERS)
    if target is None:
        for x in v.m.actors:
            if x.kind == "defenders":
                side = speaker if speaker in ("UA", "RU") else None
                if side:
                    target = Fact(side, x.start, x.end, DEFENDERS)
                    break
    if denied and speaker in ("UA", "RU"):
        # a side denies a strike of its own on the other side; places it names for other reasons ("a pretext
        # for new strikes on Kyiv") do not turn that round
        if attacker is None or attacker.value != speaker:
            attacker = Fact(speaker, v.a.tokens[v.s.start].start, v.a.tokens[v.s.start].end, DENIAL)
        if target is None or target.value == speaker:
            target = Fact(opposite(speaker), attacker.start, attacker.end, DENIAL)
    if attacker is None and target is not None and speaker in ("UA", "RU") and target.value == opposite(speaker):
        attacker = Fact(speaker, target.start, target.end, SELF_REPORT)
    if attacker is None and target is None and speaker == "UA" and v.m.has("hit", "damage") and not struck \
            and not any(p.kind == "country" for p in v.m.places):
        first = v.a.tokens[v.s.start]
        target = Fact("UA", first.start, first.end, VICTIM_REPORT)
    if attacker is None and target is not None and target.value == "UA" and speaker == "UA":
        attacker = Fact("RU", target.start, target.end, VICTIM_REPORT)
    if attacker is not None and target is None:
        target = Fact(opposite(attacker.value), attacker.start, attacker.end, COMPLEMENT)
    elif target is not None and attacker is None and (interceptions or target.rule == DEFENDERS) and speaker == "UA" \
            and speaker == target.value:
        attacker = Fact(opposite(target.value), target.start, target.end, COMPLEMENT)
    return attacker, target


def document_attacker(a, m) -> Fact | None:  # type: ignore[no-untyped-def]
    """"Рассказываю о последствиях атак ВСУ": a side named as the attacker in the opening lines,
    even where they report nothing themselves."""
    for s in a.sentences[:4]:
        v = SentenceView.of(a, s, m.in_sentence(s))
        if v.m.weapons or v.m.targets or any(p.kind != "country" for p in v.m.places):
            continue  # a report of its own, not a preface ("the AFU attacked nine districts" is one)
        found = _agent(v, None)
        if found is not None:
            return Fact(found[0], found[1].start, found[1].end, DOCUMENT)
    return None
