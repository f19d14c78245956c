"""Accumulate extracted values, each with its evidence span, per claim key
and turn them into `model.Claim`s.

A backend calls `ClaimBuilder.draft(...)` with a claim key (party, stance,
attacker, target country, day) whenever it reads a statement; repeated
keys return the same `ClaimDraft`, so everything one party says about one
night in one document lands in one claim (spec section 2). Counts are kept
per (weapon category, measure): stated totals win, per-region breakdowns
are summed when no total is stated, and a breakdown that disagrees with a
stated total leaves a warning on the claim.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from ...model import MEASURES, WEAPON_CATEGORIES, Claim, Claimant, Evidence, Place, WeaponCount
from .targets import reduce_targets

__all__ = ["Span", "ClaimDraft", "ClaimBuilder", "MAX_COUNT"]

Span = tuple[int, int]
# Larger "counts" are misreadings (years, money, phone numbers), never weapons.
MAX_COUNT = 100_000


@dataclass
class _Count:
    stated: list[tuple[int, Span]] = field(default_factory=list)
    parts: dict[str, tuple[int, Span]] = field(default_factory=dict)


@dataclass
class _Weapon:
    models: list[str] = field(default_factory=list)
    model_spans: list[Span] = field(default_factory=list)
    mention: Span | None = None
    counts: dict[str, _Count] = field(default_factory=dict)


@dataclass
class ClaimDraft:
    """The values of one claim being read, with their evidence."""

    party: str
    stance: str
    attacker: str | None
    target_country: str | None
    day: date | None
    claimant_name: str
    evidence: list[Evidence] = field(default_factory=list)
    weapons: dict[str, _Weapon] = field(default_factory=dict)
    regions: list[tuple[str, Span]] = field(default_factory=list)
    places: list[tuple[Place, Span]] = field(default_factory=list)
    targets: list[tuple[str, Span]] = field(default_factory=list)
    casualties: dict[str, tuple[int, Span]] = field(default_factory=dict)
    # kind -> place -> (largest figure for that place, span): a post that lists places adds them up
    casualty_places: dict[str, dict[str, tuple[int, Span]]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    time: datetime | None = None
    _seen_evidence: set[Evidence] = field(default_factory=set, repr=False)

    def note(self, field_name: str, span: Span | None) -> None:
        """Evidence for a key field: "claimant", "stance", "attacker", "target_country", "date"."""
        if span is not None:
            ev = Evidence(field_name, span[0], span[1])
            if ev not in self._seen_evidence:
                self._seen_evidence.add(ev)
                self.evidence.append(ev)

    def set_claimant(self, name: str, span: Span | None = None) -> None:
        self.claimant_name = name
        self.note("claimant", span)

    def _weapon(self, category: str) -> _Weapon:
        if category not in WEAPON_CATEGORIES:
            category = "other"
        return self.weapons.setdefault(category, _Weapon())

    def add_weapon(self, category: str, model: str | None = None, span: Span | None = None) -> None:
        """A weapon category (and model) the claim mentions, counted or not."""
        slot = self._weapon(category)
        if span is not None and slot.mention is None:
            slot.mention = span
        if model and model not in slot.models:
            slot.models.append(model)
            if span is not None:
                slot.model_spans.append(span)

    def add_count(
        self,
        category: str,
        measure: str,
        n: int,
        span: Span,
        *,
        part: str | None = None,
        model: str | None = None,
        additive: bool = False,
    ) -> bool:
        """Record a count. `part` names the breakdown it belongs to (a region
        code, a direction) when the sentence gives only a share of the total.
        Returns False (and records nothing) for impossible counts."""
        if measure not in MEASURES or n < 0 or n > MAX_COUNT:
            return False
        slot = self._weapon(category)
        if model:
            self.add_weapon(category, model, None)
        count = slot.counts.setdefault(measure, _Count())
        if additive and (count.stated or count.parts):
            # "dropped four KABs ... seven more guided bombs": the figures add up.
            values = {v for v, _ in count.stated}
            if any(v + n in values for v in values):
                # "destroyed 59 drones on Saturday ... 47 overnight ... another 12 by 14:00": the day's total
                # already holds the addition
                return True
            if count.stated:
                first_n, first_span = max(count.stated, key=lambda item: item[0])
                count.stated = []
                # (a breakdown of the stated figure by region is inside it, not beside it)
                count.parts = {f"stated@{first_span[0]}": (first_n, first_span)}
            count.parts[f"more@{span[0]}"] = (n, span)
        elif part is None:
            count.stated.append((n, span))
        elif part not in count.parts:
            count.parts[part] = (n, span)
        return True

    def add_region(self, code: str, span: Span) -> None:
        if all(code != r for r, _ in self.regions):
            self.regions.append((code, span))

    def add_place(self, place: Place, span: Span) -> None:
        if all(place.name.casefold() != p.name.casefold() for p, _ in self.places):
            self.places.append((place, span))
        if place.region:
            self.add_region(place.region, span)

    def add_target(self, code: str, span: Span) -> None:
        if all(code != t for t, _ in self.targets):
            self.targets.append((code, span))

    def set_casualty(self, kind: str, n: int, span: Span, place: str | None = None) -> None:
        """`kind` is "killed" or "injured"; the largest stated figure wins
        (later reports in a text usually update earlier ones upward) -- unless
        figures given for different places (`place`) add up to more: "a man died
        in Graivoron ... two women were injured in Novaya Tavolzhanka"."""
        if n < 0 or n > MAX_COUNT:
            return
        old = self.casualties.get(kind)
        if old is None or n > old[0]:
            self.casualties[kind] = (n, span)
        if place is not None:
            per_place = self.casualty_places.setdefault(kind, {})
            if place not in per_place or n > per_place[place][0]:
                per_place[place] = (n, span)

    def _casualty(self, kind: str) -> tuple[int, list[Span]] | None:
        single = self.casualties.get(kind)
        if single is None:
            return None
        per_place = self.casualty_places.get(kind, {})
        total = sum(n for n, _ in per_place.values())
        if len(per_place) > 1 and total > single[0]:
            return total, [span for n, span in per_place.values() if n]
        return single[0], [single[1]]

    def drop_generic_total(self, generic: str, specific: tuple[str, ...]) -> None:
        """Drop `generic` counts (e.g. "11 missiles") that the text breaks down
        into `specific` categories ("7 ballistic, 4 cruise"): a total equal to
        the sum of its parts is the same fact, not another weapon."""
        slot = self.weapons.get(generic)
        if slot is None:
            return
        for measure in list(slot.counts):
            stated = slot.counts[measure].stated
            parts = [
                found
                for c in specific
                if c in self.weapons and measure in self.weapons[c].counts
                and (found := self._resolve(c, measure, self.weapons[c].counts[measure], warn=False)[0]) is not None
            ]
            if stated and parts:
                kept = [(n, span) for n, span in stated if n != sum(parts)]
                if kept:
                    slot.counts[measure].stated = kept
                else:
                    del slot.counts[measure]
        if not slot.counts and not slot.models and any(c in self.weapons for c in specific):
            del self.weapons[generic]

    def split_neutralised(self) -> None:
        """"Air defence neutralised 368 drones: 199 shot down, 169 lost" -- a stated
        interception figure equal to another interception figure plus the lost
        figure is the combined total, not the number shot down."""
        for slot in self.weapons.values():
            inter, lost = slot.counts.get("intercepted"), slot.counts.get("lost")
            if inter is None or lost is None or len(inter.stated) < 2 or not lost.stated:
                continue
            lost_n = max(n for n, _ in lost.stated)
            values = {n for n, _ in inter.stated}
            inter.stated = [(n, s) for n, s in inter.stated if (n - lost_n) not in values or n == lost_n]

    def _resolve(self, category: str, measure: str, count: _Count, *, warn: bool = True) -> tuple[int | None, list[Span]]:
        parts_sum = sum(n for n, _ in count.parts.values())
        if count.stated:
            n, span = max(count.stated, key=lambda item: item[0])
            if parts_sum > n and any(key.startswith("more@") for key in count.parts):
                return parts_sum, [s for _, s in count.parts.values()]  # "12 ... seven more": a share after the sum
            if count.parts and parts_sum != n and warn:
                self.warnings.append(
                    f"{category} {measure}: stated total {n} but the breakdown sums to {parts_sum}"
                )
            return n, [span]
        if count.parts:
            return parts_sum, [s for _, s in count.parts.values()]
        return None, []

    def build(self, doc_id: str, extractor: str) -> Claim:
        evidence = list(self.evidence)
        weapons: list[WeaponCount] = []
        for category in WEAPON_CATEGORIES:
            slot = self.weapons.get(category)
            if slot is None:
                continue
            idx = len(weapons)
            values: dict[str, int | None] = {}
            for measure in MEASURES:
                count = slot.counts.get(measure)
                n, spans = self._resolve(category, measure, count) if count else (None, [])
                values[measure] = n
                evidence += [Evidence(f"weapons.{idx}.{measure}", s, e) for s, e in spans]
            model = "/".join(slot.models) if slot.models else None
            evidence += [Evidence(f"weapons.{idx}.model", s, e) for s, e in slot.model_spans]
            if slot.mention is not None:
                evidence.append(Evidence(f"weapons.{idx}.category", *slot.mention))
            weapons.append(WeaponCount(category=category, model=model, **values))
        for i, (_, (s, e)) in enumerate(self.regions):
            evidence.append(Evidence(f"regions.{i}", s, e))
        for i, (_, (s, e)) in enumerate(self.places):
            evidence.append(Evidence(f"places.{i}", s, e))
        targets = reduce_targets([t for t, _ in self.targets])
        for i, code in enumerate(targets):
            s, e = next(span for t, span in self.targets if t == code)
            evidence.append(Evidence(f"targets.{i}", s, e))
        casualties = {kind: self._casualty(kind) for kind in ("killed", "injured")}
        for kind, found in casualties.items():
            for s, e in found[1] if found else []:
                evidence.append(Evidence(kind, s, e))
        return Claim(
            doc_id=doc_id,
            claimant=Claimant(self.claimant_name, self.party),
            stance=self.stance,
            attacker=self.attacker,
            target_country=self.target_country,
            date=self.day,
            weapons=tuple(weapons),
            regions=tuple(r for r, _ in self.regions),
            places=tuple(p for p, _ in self.places),
            targets=tuple(targets),
            killed=casualties["killed"][0] if casualties["killed"] else None,
            injured=casualties["injured"][0] if casualties["injured"] else None,
            evidence=tuple(evidence),
            extractor=extractor,
            warnings=tuple(self.warnings),
            time=self.time,
        )


class ClaimBuilder:
    """One per document: drafts by claim key, built in first-seen order."""

    def __init__(self, doc_id: str, extractor: str) -> None:
        self.doc_id = doc_id
        self.extractor = extractor
        self._drafts: dict[tuple[str, str, str | None, str | None, date | None], ClaimDraft] = {}

    def draft(
        self,
        party: str,
        stance: str,
        attacker: str | None,
        target_country: str | None,
        day: date | None,
        claimant_name: str,
        claimant_span: Span | None = None,
    ) -> ClaimDraft:
        key = (party, stance, attacker, target_country, day)
        found = self._drafts.get(key)
        if found is None:
            found = ClaimDraft(party, stance, attacker, target_country, day, claimant_name)
            self._drafts[key] = found
        found.note("claimant", claimant_span)
        return found

    def drafts(self) -> list[ClaimDraft]:
        return list(self._drafts.values())

    def build(self) -> list[Claim]:
        return [d.build(self.doc_id, self.extractor) for d in self._drafts.values()]
