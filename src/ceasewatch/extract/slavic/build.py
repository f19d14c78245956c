"""Facts of one claim key -> one `Claim`, through the shared
`extract.common.ClaimBuilder` (so English and Slavic claims are merged,
reduced and warned about the same way).

What is Slavic-specific happens here first: counts of one weapon category
and measure read by one trigger word are one enumeration and add up ("46
ударними БпЛА типу Shahed та 18 дронами-імітаторами" -> 64 launched, the
evidence spanning both numbers); different triggers are separate statements
and the builder keeps the largest. Per-region list lines go to the builder
as parts, which it sums and checks against the stated total (a warning on
the claim when they disagree). "503 засобами повітряного нападу" is checked
here against the launched figures by type. "Ще N" / "еще N" adds to the
figure given before it (each keeps its own evidence), and the lines of a
bulleted list ("🔸 ... громада: 2 КАБи") add up like a per-region list.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from ...model import Claim, Claimant, Place
from ..common.builder import ClaimDraft
from ..common.weapons import USED_BY
from .facts import CasualtyFact, TargetFact
from .places import GeoFact
from .weapons import Count, WeaponMention

__all__ = ["Draft", "build_claim"]

Span = tuple[int, int]


@dataclass
class Draft:
    party: str
    stance: str
    attacker: str | None
    target_country: str | None
    day: date | None
    claimant: Claimant
    claimant_span: Span | None = None
    stance_span: Span | None = None
    attacker_span: Span | None = None
    target_span: Span | None = None
    date_span: Span | None = None
    counts: list[Count] = field(default_factory=list)
    weapons: list[WeaponMention] = field(default_factory=list)
    geo: list[GeoFact] = field(default_factory=list)
    targets: list[TargetFact] = field(default_factory=list)
    casualties: list[CasualtyFact] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    time: datetime | None = None
    paragraph_of: list[int] = field(default_factory=list)  # sentence -> paragraph
    overall: set[int] = field(default_factory=set)  # sentences giving a whole ("Загалом", "по області")

    @property
    def key(self) -> tuple[str, str, str | None, str | None, date | None]:
        return (self.party, self.stance, self.attacker, self.target_country, self.day)



def _enumerations(counts: list[Count]) -> list[tuple[str, str, int, Span]]:
    """(category, measure, value, span): stated counts, one per trigger word."""
    groups: dict[tuple[str, str, int], list[Count]] = {}
    for c in counts:
        if not c.breakdown and not c.additive:
            groups.setdefault((c.category, c.measure, c.trigger), []).append(c)
    out = []
    for (category, measure, _), group in groups.items():
        span = (min(c.span[0] for c in group), max(c.span[1] for c in group))
        out.append((category, measure, sum(c.value for c in group), span))
    return out


def _with_extras(
    stated: list[tuple[str, str, int, Span]], counts: list[Count]
) -> tuple[list[tuple[str, str, int, Span]], list[tuple[str, str, int, Span]]]:
    """"ще N" / "еще N" comes on top of the figure already given: the figure
    (or the per-region list standing for it) and each extra become parts that
    add up, each with its own evidence. Returns (stated, parts)."""
    # a day's total ("Загалом ... 3 КАБи") already holds the extras reported along the way
    whole = {(c.category, c.measure) for c in counts if c.overall}
    extras = [c for c in counts if c.additive and not c.breakdown and (c.category, c.measure) not in whole]
    parts: list[tuple[str, str, int, Span]] = []
    for key in dict.fromkeys((c.category, c.measure) for c in extras):
        same = [x for x in stated if (x[0], x[1]) == key]
        listed = sum(c.value for c in counts if c.breakdown and (c.category, c.measure) == key)
        base = max(same, key=lambda x: x[2]) if same else None
        stated = [x for x in stated if (x[0], x[1]) != key]
        if base is not None and listed != base[2]:
            parts.append(base)  # the list (if any) is partial: the stated figure is the base
        parts += [(c.category, c.measure, c.value, c.span) for c in extras if (c.category, c.measure) == key]
    return stated, parts


def _check_total(draft: Draft, stated: list[tuple[str, str, int, Span]]) -> None:
    totals = [n for cat, measure, n, _ in stated if cat == "total" and measure == "launched"]
    if not totals:
        return
    by_type: dict[str, int] = {}
    for cat, measure, n, _ in stated:
        if cat != "total" and measure == "launched":
            by_type[cat] = max(by_type.get(cat, 0), n)
    for c in draft.counts:
        if c.breakdown and c.category != "total" and c.measure == "launched" and c.category not in by_type:
            by_type[c.category] = by_type.get(c.category, 0) + c.value
    if by_type and sum(by_type.values()) != max(totals):
        draft.warnings.append(
            f"launched: figures by weapon type add up to {sum(by_type.values())} but the stated total is {max(totals)}"
        )


def settle_attackers(drafts: list[Draft]) -> list[Draft]:
    """"над областю збито 9 шахедів": a claim that names no attacker but a model only one side
    fires (Shahed, Kalibr; Storm Shadow, Neptune) is that side's strike, merged into the claim of
    the same key if the document has one."""
    by_key: dict[tuple[str, str, str | None, str | None, date | None], Draft] = {}
    for d in drafts:
        sides = {USED_BY[part] for w in d.weapons for part in (w.model or "").split("/") if part in USED_BY}
        if d.attacker is None and len(sides) == 1 and d.target_country not in sides:
            d.attacker = sides.pop()
            d.attacker_span = next(w.model_span or w.head for w in d.weapons if w.model)
        into = by_key.get(d.key)
        if into is None:
            by_key[d.key] = d
            continue
        into.counts += d.counts
        into.weapons += d.weapons
        into.geo += d.geo
        into.targets += d.targets
        into.casualties += d.casualties
    return list(by_key.values())


def build_claim(draft: Draft, *, doc_id: str, extractor: str) -> Claim:
    out = ClaimDraft(draft.party, draft.stance, draft.attacker, draft.target_country, draft.day, draft.claimant.name)
    out.time = draft.time
    for name, span in (
        ("claimant", draft.claimant_span),
        ("stance", draft.stance_span),
        ("attacker", draft.attacker_span),
        ("target_country", draft.target_span),
        ("date", draft.date_span),
    ):
        out.note(name, span)
    for w in sorted(draft.weapons, key=lambda w: w.head):
        if w.category == "total":
            continue
        out.add_weapon(w.category, None, w.head)
        for part in (w.model or "").split("/"):
            if part:
                out.add_weapon(w.category, part, w.model_span or w.head)
    stated = _enumerations(draft.counts)
    kept, extra_parts = _with_extras(stated, draft.counts)
    for category, measure, n, span in kept:
        if category != "total":
            out.add_count(category, measure, n, span)
    for category, measure, n, span in extra_parts:
        out.add_count(category, measure, n, span, part=f"item-{span[0]}")
    for c in draft.counts:
        if c.breakdown and c.category != "total":
            out.add_count(c.category, c.measure, c.value, c.span, part=f"item-{c.span[0]}")
    _check_total(draft, stated)
    # a district stands for its centre town only where its sentence names no settlement
    town_sentences = {g.sentence for g in draft.geo if g.kind == "place" and not g.district}
    # a town named outright gives better evidence than one read from an adjective ("Білопільська громада")
    for g in sorted(draft.geo, key=lambda g: g.guessed):
        if g.kind == "place" and not (g.district and g.sentence in town_sentences):
            place = Place(name=g.name, lat=g.lat, lon=g.lon, region=g.region, precision="settlement")
            out.add_place(place, g.span)
        elif g.region:
            out.add_region(g.region, g.span)
    for t in draft.targets:
        out.add_target(t.code, t.span)
    for cas in draft.casualties:
        out.set_casualty(cas.kind, cas.value, cas.span, place=_casualty_place(draft, cas.sentence))
    out.warnings.extend(w for w in draft.warnings if w not in out.warnings)
    return out.build(doc_id, extractor)


def _casualty_place(draft: Draft, sentence: int) -> str | None:
    """The settlement a casualty figure belongs to: one named in its sentence,
    else the last one named earlier in its paragraph ("Золочів. ... поранено
    51-річного чоловіка"). Figures of different settlements add up; a figure
    for the whole region or day ("Загалом", a region named) belongs to none."""
    if sentence in draft.overall or not draft.paragraph_of:
        return None
    places = [g for g in draft.geo if g.kind == "place" and not g.district]
    if any(g.kind == "region" and g.sentence == sentence and not g.title for g in draft.geo):
        return None
    here = [g for g in places if g.sentence == sentence]
    if not here:
        para = draft.paragraph_of[sentence]
        here = [g for g in places if g.sentence < sentence and draft.paragraph_of[g.sentence] == para]
    names = {g.name for g in here}
    if len(names) > 1 and all(g.sentence == sentence for g in here):
        return None  # one figure for several places
    return here[-1].name if here else None
