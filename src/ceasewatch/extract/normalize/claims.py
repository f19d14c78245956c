"""Claim normalisation, in one module: granularity, merging, totals against
breakdowns.

Frames with the same key (claimant's party, stance, attacker, target
country, date) become one claim. Within a claim:
- a weapon figure the text gives as a whole (no region of its own) wins
  over its parts; parts by region add up only where no whole is given
  (`normalize.breakdown_sum`), and the largest whole is kept where the text
  repeats or updates one (`normalize.largest`);
- casualty figures for different places add up; a figure for no place or
  called a total is a candidate for the claim's total, and the larger of the
  two readings is kept; an explicit zero counts only where no figure is given;
- regions, places and targets are united in order of appearance.

A claim that names no side at all and has no fact of its own is dropped:
there is nothing a monitor could check.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import replace
from typing import Any

from ...model import Claim, Claimant, Document, Evidence, Place, WeaponCount
from ..frames.model import CountFact, Fact, Frame
from ..frames.rules import Example, register

__all__ = ["to_claims"]

SPECIFIC_TARGET = register("normalize.specific_target", "a target family ('energy', 'transport') gives way to the "
                           "specific kind the same claim names ('energy.power')")
_FAMILIES = ("energy", "transport")
BREAKDOWN = register("normalize.breakdown_sum", "parts of a breakdown by region add up where no whole is given")
LARGEST = register("normalize.largest", "of several wholes for one weapon and measure, the largest")
_MEASURES = ("launched", "intercepted", "lost", "hit")
_CATEGORY_ORDER = ("drone", "cruise_missile", "ballistic_missile", "missile", "guided_bomb", "artillery", "other")


def _party(frame: Frame) -> str:
    return frame.voice.party if frame.voice.party in ("UA", "RU", "OTHER") else "OTHER"


def _key(frame: Frame) -> tuple[Any, ...]:
    return (_party(frame), frame.stance.value, frame.attacker.value if frame.attacker else None,
            frame.target.value if frame.target else None, frame.date)


def _count(facts: list[CountFact]) -> tuple[int | None, list[CountFact]]:
    """The claim's figure for one weapon category and measure, and the facts it rests on:
    the largest whole (or the sum of a breakdown's parts), plus any "another N"."""
    extra = [f for f in facts if f.additive and f.value is not None]
    base, used = _base_count([f for f in facts if not f.additive])
    if not extra:
        return base, used
    if base is None:
        return sum(f.value or 0 for f in extra), extra
    return base + sum(f.value or 0 for f in extra), used + extra


def _base_count(facts: list[CountFact]) -> tuple[int | None, list[CountFact]]:
    wholes = [f for f in facts if f.scope is None and f.value is not None]
    parts = [f for f in facts if f.scope is not None and f.value is not None]
    if wholes:
        best = max(wholes, key=lambda f: f.value or 0)
        # MODEL_BREAKDOWN: "2 Kh-22 ... 34 Kh-101 ... 6 Kalibr cruise missiles" are 42 cruise missiles, unless a
        # figure for the whole category says more
        by_model: dict[str, CountFact] = {}
        for f in wholes:
            if f.model and (f.model not in by_model or (f.value or 0) > (by_model[f.model].value or 0)):
                by_model[f.model] = f
        summed = sum(f.value or 0 for f in by_model.values())
        if len(by_model) >= 2 and summed > (best.value or 0):
            return summed, list(by_model.values())
        return best.value, [best]
    if parts:
        by_scope: dict[str, CountFact] = {}
        for f in parts:
            if f.scope not in by_scope or (f.value or 0) > (by_scope[f.scope].value or 0):
                by_scope[f.scope or ""] = f
        return sum(f.value or 0 for f in by_scope.values()), list(by_scope.values())
    return None, []


def _casualty(facts: list[Fact]) -> tuple[int | None, list[Fact]]:
    figures = [f for f in facts if f.value[1] != "zero"]
    if not figures:
        zeros = [f for f in facts if f.value[1] == "zero"]
        return (0, zeros[:1]) if zeros else (None, [])
    totals = [f for f in figures if f.value[1] in (None, "total")]
    by_place: dict[str, Fact] = {}
    for f in figures:
        if f.value[1] not in (None, "total"):
            if f.value[1] not in by_place or f.value[0] > by_place[f.value[1]].value[0]:
                by_place[f.value[1]] = f
    summed = sum(f.value[0] for f in by_place.values())
    best_total = max(totals, key=lambda f: f.value[0]) if totals else None
    if best_total is not None and best_total.value[0] >= summed:
        return best_total.value[0], [best_total]
    return summed, list(by_place.values())


def _claim(doc: Document, frames: list[Frame], extractor: str) -> Claim | None:
    first = frames[0]
    named = next((f.voice for f in frames if f.voice.basis == "named"), first.voice)
    evidence: list[Evidence] = []

    def ev(field: str, fact: Fact | CountFact | None) -> None:
        if fact is not None and fact.end > fact.start:
            item = Evidence(field, fact.start, fact.end, fact.rule)
            if item not in evidence:
                evidence.append(item)

    if named.start is not None and named.end is not None:
        evidence.append(Evidence("claimant", named.start, named.end, named.rule))
    ev("stance", first.stance)
    ev("attacker", next((f.attacker for f in frames if f.attacker), None))
    ev("target_country", next((f.target for f in frames if f.target), None))
    ev("date", next((f.date_fact for f in frames if f.date_fact and f.date), None))

    by_category: OrderedDict[str, dict[str, list[CountFact]]] = OrderedDict()
    models: dict[str, str | None] = {}
    for f in frames:
        for c in f.counts:
            by_category.setdefault(c.category, {}).setdefault(c.measure, []).append(c)
            models.setdefault(c.category, c.model)
            if models[c.category] is None and c.model:
                models[c.category] = c.model
        for w in f.weapons:
            category, model = w.value
            by_category.setdefault(category, {})
            if models.get(category) is None:
                models[category] = model
    weapons: list[WeaponCount] = []
    for i, category in enumerate(sorted(by_category, key=_CATEGORY_ORDER.index)):
        values: dict[str, int | None] = {}
        for measure in _MEASURES:
            value, used = _count(by_category[category].get(measure, []))
            values[measure] = value
            for c in used:
                ev(f"weapons.{i}.{measure}", replace(c, rule=c.rule if len(used) == 1 else BREAKDOWN))
        weapons.append(WeaponCount(category, models.get(category), **values))
        named_weapon = next((w for f in frames for w in f.weapons if w.value[0] == category), None)
        ev(f"weapons.{i}.category", named_weapon)
    kept = _drop_missile_total(weapons)
    if len(kept) != len(weapons):
        dropped = next(i for i, w in enumerate(weapons) if w not in kept)
        evidence = _renumber_weapons(evidence, dropped)
        weapons = kept

    regions: list[str] = []
    for f in frames:
        for r in f.regions:
            if r.value not in regions:
                regions.append(r.value)
            ev(f"regions.{regions.index(r.value)}", r)
    places: list[Place] = []
    seen: dict[str, int] = {}
    for f in frames:
        for p in f.places:
            mention = p.value
            key = mention.canonical or mention.name
            if key not in seen:
                seen[key] = len(places)
                places.append(Place(name=mention.name, lat=mention.lat, lon=mention.lon, region=mention.region,
                                    precision=mention.kind))
            if mention.name == places[seen[key]].name:  # its evidence names it as the claim does
                ev(f"places.{seen[key]}", p)
    targets: list[str] = []
    target_values = {t.value for f in frames for t in f.targets}
    # "energy facilities ... a substation": the family gives way to the kind the text names
    general = {family for family in _FAMILIES if any(v.startswith(family + ".") for v in target_values)}
    for f in frames:
        for t in f.targets:
            if t.value in general:
                continue
            if t.value not in targets:
                targets.append(t.value)
            ev(f"targets.{targets.index(t.value)}", t)
    all_killed = [k for f in frames for k in f.killed]
    all_injured = [k for f in frames for k in f.injured]
    if any(k.value[1] != "zero" for k in all_killed + all_injured):
        # "no one was hurt there" beside a toll elsewhere is about that place only
        all_killed = [k for k in all_killed if k.value[1] != "zero"]
        all_injured = [k for k in all_injured if k.value[1] != "zero"]
    killed, killed_facts = _casualty(all_killed)
    injured, injured_facts = _casualty(all_injured)
    for fact in killed_facts:
        ev("killed", fact)
    for fact in injured_facts:
        ev("injured", fact)

    attacker = first.attacker.value if first.attacker else None
    target = first.target.value if first.target else None
    has_facts = any(w.count(m) is not None for w in weapons for m in _MEASURES) or regions or places or targets \
        or killed is not None or injured is not None
    if attacker is None and target is None and not has_facts:
        return None
    warnings: tuple[str, ...] = ()
    if first.date is None:
        reason = next((f.undated_reason for f in frames if f.undated_reason), "no date in the text")
        warnings = (f"undated: {reason}",)
    return Claim(
        doc_id=doc.id,
        claimant=Claimant(named.name, _party(first)),
        stance=first.stance.value,
        attacker=attacker,
        target_country=target,
        date=first.date,
        weapons=tuple(weapons),
        regions=tuple(regions),
        places=tuple(places),
        targets=tuple(targets),
        killed=killed,
        injured=injured,
        evidence=tuple(evidence),
        extractor=extractor,
        warnings=warnings,
        attribution=named.basis,
        dating=first.date_fact.value if first.date_fact and first.date else None,
    )


OUTLET_SUMMARY = register("normalize.outlet_summary", "in a story where the sides speak, the outlet's own "
                          "unattributed sentences that relay no side's report are its headline, summary or "
                          "background, not a claim of their own (an outlet that is the only voice keeps its claim)")
OUTLET_RELAY = register("attribution.outlet_relay", "an outlet's own summary of a strike that a side's official "
                        "reports in the same story belongs to that side's claim (the victim's, where both report it)")
OUTLET_SURVEY = register("normalize.outlet_survey", "an outlet's own account of an attack across two or more "
                         "regions that no side's report in the story names is the outlet's claim, not a relay",
                         Example("Russia attacked Ukraine overnight with drones and missiles, hitting Kyiv, Odesa and "
                                 "Dnipro. In Kyiv two people were killed, the city's military administration said.",
                                 "en", {"party": "OTHER", "regions": ["UA-30", "UA-51", "UA-12"]}))
MODEL_BREAKDOWN = register("normalize.model_breakdown", "figures for different models of one category (Kh-22, "
                            "Kh-101, Kalibr) add up to the category's figure",
                            Example("Overnight the enemy launched 2 Kh-22 cruise missiles from the Kursk region and 6 "
                                    "Kalibr cruise missiles from the Black Sea, the air force said.", "en",
                                    {"weapons": [{"category": "cruise_missile", "launched": 8}]}))
MISSILE_TOTAL = register("normalize.missile_total", "a missile total that the named missile types add up to is "
                         "not a further weapon entry")


def _fold_outlet_frames(frames: list[Frame]) -> None:
    """The outlet's own voice relays what the sides said: where a side's
    official reports the same attack on the same day, the outlet's frame joins
    that side's claim (the side attacked, if both report it)."""
    named = [f for f in frames if not _relays(f) and _party(f) in ("UA", "RU") and f.stance.value == "asserted"]
    for f in frames:
        if not _relays(f) or f.stance.value != "asserted":
            continue
        attacker = f.attacker.value if f.attacker else None
        target = f.target.value if f.target else None
        if attacker is None and target is None:
            continue
        # a side's report of the same attack that day: same sides, or the sides the outlet leaves open
        owners = [g for g in named if g.date == f.date
                  and (attacker is None or (g.attacker is not None and g.attacker.value == attacker))
                  and (target is None or (g.target is not None and g.target.value == target))
                  and (g.attacker is not None or g.target is not None)]
        if not owners:
            continue
        # OUTLET_SURVEY: the outlet's own survey of an attack across regions that no side's report in the story
        # names (any day: a headline sums up several) is its own claim; a lede about one city relays the local
        # official
        told = {r.value for g in named for r in g.regions if (g.attacker is None or attacker is None
                                                              or g.attacker.value == attacker)}
        if len({r.value for r in f.regions} - told) >= 2:
            f.voice = replace(f.voice, rule=OUTLET_SURVEY)
            continue
        victim = target or (owners[0].target.value if owners[0].target else None)
        owner = next((g for g in owners if _party(g) == victim), owners[0])
        f.voice = replace(owner.voice, basis="inherited", rule=OUTLET_RELAY)
        f.attacker = f.attacker or owner.attacker
        f.target = f.target or owner.target


def _relays(f: Frame) -> bool:
    """The outlet's own voice, a named outlet ("Reuters reported", "СМИ сообщили") or witnesses."""
    # an outlet named by the lexicon has its entry's key; the publisher speaking in its own name has none
    # ("Факти ICTV зібрали": its own compilation, kept as its claim)
    return f.voice.basis == "outlet" or f.voice.kind == "witness" or (f.voice.kind == "outlet" and f.voice.key is not None)


def _drop_missile_total(weapons: list[WeaponCount]) -> list[WeaponCount]:
    generic = next((w for w in weapons if w.category == "missile"), None)
    typed = [w for w in weapons if w.category in ("cruise_missile", "ballistic_missile")]
    if generic is None or not typed or generic.launched is None:
        return weapons
    if sum(w.launched or 0 for w in typed) == generic.launched and all(w.launched is not None for w in typed):
        return [w for w in weapons if w is not generic]
    return weapons


def _renumber_weapons(evidence: list[Evidence], dropped: int) -> list[Evidence]:
    out = []
    for e in evidence:
        parts = e.field.split(".")
        if parts[0] == "weapons":
            i = int(parts[1])
            if i == dropped:
                continue
            if i > dropped:
                e = replace(e, field=f"weapons.{i - 1}.{parts[2]}")
        out.append(e)
    return out


def to_claims(doc: Document, frames: list[Frame], extractor: str) -> list[Claim]:
    _fold_outlet_frames(frames)
    sides_speak = any(_party(f) in ("UA", "RU") and f.voice.basis != "outlet" for f in frames)
    groups: OrderedDict[tuple[Any, ...], list[Frame]] = OrderedDict()
    for frame in frames:
        if frame.attacker is None and frame.target is None and frame.stance.value == "asserted":
            # neither side known, nor from the speaker's other reports of that day: background, a reaction
            # or a sentence the rules misread; a claim about no one's strike on no country checks nothing
            continue
        if frame.voice.basis == "outlet" and sides_speak and frame.voice.rule != OUTLET_SURVEY:
            # OUTLET_SUMMARY: in a story where the sides speak, what the outlet says in its own voice and
            # no side's report takes in is its headline, summary or background, not a further claim
            continue
        groups.setdefault(_key(frame), []).append(frame)
    claims = []
    for group in groups.values():
        claim = _claim(doc, group, extractor)
        if claim is not None:
            claims.append(claim)
    return claims
