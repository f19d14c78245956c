"""`ceasewatch.assess.rules.v2`: what one agreement version makes of one incident.

The rules run in a fixed order and the first that decides names the verdict
(the `rule` stored on the row):

    not_in_force   status.proposed, condition.entry_into_force,
                   time.outside_window, party.not_bound,
                   condition.released_by_violation
    outside_scope  scope.acts, scope.targets(_unstated), scope.areas(_unstated),
                   scope.weapons(_unstated)
    no_violation   evidence.denial_only, evidence.no_strike
    disputed       evidence.denied, evidence.counter_claim, evidence.contradicted_scope
    corroborated   evidence.admission
    alleged        evidence.admission_unmatched, evidence.third_party, evidence.one_side

v2 is conservative (issue 14): `corroborated` needs the attacker's own side
*officially* reporting the strike (a body speaking or an official quoted,
never a claimant inferred from context or the publisher's own voice) and a
claim of the other side or a third party about the same place and time,
both quoted, from different passages (one sentence that mentions both sides
is never two sources). An independent source alone no longer corroborates.
`confidence.gate` then turns a verdict that rests on an inferred claimant or
a resolved date into `needs_review` until a person confirms those values.
v1 (every admission or independent source corroborated) stays registered.

A rule ending in "+time.partial" means the claims give no hour and their day
straddles an edge of the agreement's window.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property, partial

from ..model import Assessment, Claim, Claimant, Incident, content_hash
from .agreements import Agreement, AgreementVersion
from .confidence import claim_doubts, gate
from .scope import acts_observable, area_matches, covered_targets, target_covered, weapons_match
from .timing import ClaimTime, claim_time

__all__ = [
    "RULESET_NAME", "RULESET_V1", "VIOLATION_VERDICTS", "IncidentView", "evaluate", "evaluate_v1", "iter_assessments",
]

RULESET_NAME = "ceasewatch.assess.rules.v2"
RULESET_V1 = "ceasewatch.assess.rules.v1"
# Claimants that are no official voice of a side: inferred from context, or the publisher's own words.
_NOT_OFFICIAL = frozenset({"inherited", "outlet"})
VIOLATION_VERDICTS: tuple[str, ...] = ("alleged", "corroborated", "disputed")
_BASIS_VERDICTS = {"alleged": set(VIOLATION_VERDICTS), "corroborated": {"corroborated"}}


@dataclass(frozen=True)
class IncidentView:
    """An incident with its claims, each claim's time interval, and what
    every agreement version asks of it, computed once per incident."""

    incident: Incident
    claims: tuple[Claim, ...]
    times: tuple[ClaimTime | None, ...]
    ids: tuple[str, ...] = ()  # the claims' ids (content hashes, costly to recompute)
    distinct_times: tuple[ClaimTime, ...] = ()  # claims of one night mostly share one
    time_slot: tuple[int, ...] = ()  # per claim: index into distinct_times, -1 when undated
    id_of: Mapping[int, str] = field(default_factory=dict)  # id(claim) -> claim id
    quiet: frozenset[int] = frozenset()  # id(claim) of claims reporting no strike at all
    weapons: frozenset[str] = frozenset()  # weapon categories named by any claim
    # claim id -> fields of that claim a person confirmed or corrected (see confidence.py)
    confirmed: Mapping[str, frozenset[str]] = field(default_factory=dict)

    @classmethod
    def build(
        cls,
        incident: Incident,
        claims_by_id: Mapping[str, Claim],
        published: Mapping[str, datetime] | None = None,
        confirmed: Mapping[str, frozenset[str]] | None = None,
    ) -> IncidentView:
        ids = tuple(cid for cid in incident.claim_ids if cid in claims_by_id)
        claims = tuple(claims_by_id[cid] for cid in ids)
        pub = published or {}
        times = tuple(claim_time(c, pub.get(c.doc_id)) for c in claims)
        return cls.assemble(incident, claims, ids, times, confirmed or {})

    @classmethod
    def assemble(
        cls,
        incident: Incident,
        claims: tuple[Claim, ...],
        ids: tuple[str, ...],
        times: tuple[ClaimTime | None, ...],
        confirmed: Mapping[str, frozenset[str]],
    ) -> IncidentView:
        slots: dict[int, int] = {}
        distinct: list[ClaimTime] = []
        time_slot = []
        for t in times:
            if t is None:
                time_slot.append(-1)
                continue
            if id(t) not in slots:
                slots[id(t)] = len(distinct)
                distinct.append(t)
            time_slot.append(slots[id(t)])
        return cls(
            incident, claims, times, ids, tuple(distinct), tuple(time_slot),
            {id(c): cid for c, cid in zip(claims, ids, strict=True)},
            frozenset(id(c) for c in claims if _reports_no_strike(c)),
            frozenset(w.category for c in claims for w in c.weapons),
            confirmed,
        )

    @cached_property
    def doubtful(self) -> dict[int, list[str]]:
        """Claim position -> what about it waits for a person (computed once per incident)."""
        out = {}
        for i, (cid, claim) in enumerate(zip(self.ids, self.claims, strict=True)):
            found = claim_doubts(claim, self.confirmed.get(cid, ()))
            if found:
                out[i] = [f"{cid}: {d}" for d in found]
        return out

    @cached_property
    def firm(self) -> IncidentView:
        """The incident without its doubtful claims (shared by every agreement version)."""
        return self.subset([i for i in range(len(self.claims)) if i not in self.doubtful])

    def subset(self, keep: Sequence[int]) -> IncidentView:
        """The same incident with only the claims at positions `keep`."""
        return self.assemble(self.incident, tuple(self.claims[i] for i in keep), tuple(self.ids[i] for i in keep),
                             tuple(self.times[i] for i in keep), self.confirmed)


def _verdict(
    view: IncidentView,
    agreement: Agreement,
    version: AgreementVersion,
    verdict: str,
    rule: str,
    reason: str,
    *,
    violator: str | None = None,
    cited: Sequence[Claim] = (),
    ruleset: str = RULESET_NAME,
) -> Assessment:
    claimants: list[Claimant] = []
    for c in cited:
        if c.claimant not in claimants:
            claimants.append(c.claimant)
    cited_ids = [view.id_of.get(id(c)) or c.id for c in cited]
    return Assessment(
        id=content_hash(ruleset, view.incident.id, agreement.id, version.party or "", prefix="asm_"),
        incident_id=view.incident.id,
        agreement=agreement.id,
        version=version.party,
        verdict=verdict,
        rule=rule,
        reason=reason,
        violator=violator,
        claim_ids=tuple(cited_ids),
        claimants=tuple(claimants),
        evidence=tuple((cid, e) for c, cid in zip(cited, cited_ids, strict=True) for e in c.evidence),
        ruleset=ruleset,
    )


def _reports_no_strike(c: Claim) -> bool:
    """"No attacks overnight": every weapon launched zero and nothing hit."""
    return bool(c.weapons) and all(w.launched == 0 and not w.hit for w in c.weapons) and not (
        c.targets or c.places or c.killed or c.injured
    )


def _names(claims: Iterable[Claim]) -> str:
    seen: list[str] = []
    for c in claims:
        label = f"{c.claimant.name} ({c.claimant.party})"
        if label not in seen:
            seen.append(label)
    return ", ".join(seen)


def evaluate(
    view: IncidentView,
    agreement: Agreement,
    version: AgreementVersion,
    *,
    assume_in_force: bool = False,
    released_after: date | None = None,
    ignore_binding: bool = False,
    ruleset: str = RULESET_NAME,
) -> Assessment:
    """One verdict for one incident under one agreement version."""
    inc = view.incident

    def done(verdict: str, rule: str, reason: str, **kw: object) -> Assessment:
        return _verdict(view, agreement, version, verdict, rule, reason, ruleset=ruleset, **kw)  # type: ignore[arg-type]

    # 1. Is the text in force at all?
    if agreement.status in ("proposed", "draft") and not assume_in_force:
        return done("not_in_force", "status.proposed",
                    f"{agreement.name} was {agreement.status}, never accepted by all parties.")
    if not assume_in_force:
        for cond in version.conditions:
            if cond.kind == "entry_into_force" and (cond.met_on is None or (inc.date and inc.date < cond.met_on)):
                return done("not_in_force", "condition.entry_into_force",
                            f"This version enters into force only on a condition not met: {cond.text.strip()}")
    w = version.window
    # Relations per distinct interval, not per claim: a night's claims share one.
    slot_rel = [w.relation(t.start, t.end) for t in view.distinct_times]
    if all(rel == "outside" for rel in slot_rel):
        return done("not_in_force", "time.outside_window",
                    f"The claims place the strikes outside the window {w.local(w.start)} to {w.local(w.end)}.")
    if -1 not in view.time_slot and "outside" not in slot_rel:
        in_window = list(view.claims)
    else:
        in_window = [c for c, k in zip(view.claims, view.time_slot, strict=True) if k >= 0 and slot_rel[k] != "outside"]
    partial = "inside" not in slot_rel
    attacker = inc.attacker
    binds = agreement.parties if assume_in_force and agreement.status in ("proposed", "draft") else version.binds
    if attacker is not None and attacker not in binds and not ignore_binding:
        return done("not_in_force", "party.not_bound",
                    f"The agreement binds {', '.join(binds) or 'no party'}; the alleged attacker is {attacker}.",
                    violator=None)
    if released_after is not None and inc.date is not None and inc.date > released_after:
        return done("not_in_force", "condition.released_by_violation",
                    f"{attacker} was freed by the other side's violation on {released_after.isoformat()}.")

    # 2. Is what the claims describe within the scope?
    scope = version.scope
    if not acts_observable(scope):
        return done("outside_scope", "scope.acts",
                    f"The agreement prohibits {', '.join(scope.acts)}, which strike claims cannot show.")
    asserted = [c for c in in_window if c.stance == "asserted"]
    accusing = [c for c in asserted if c.attacker in (None, attacker)]
    counter = [c for c in asserted if c.attacker is not None and c.attacker != attacker]
    denials = [c for c in in_window if c.stance == "denied" and c.attacker in (None, attacker)]
    suffix = "+time.partial" if partial else ""
    note = " The claims give no hour and their day straddles an edge of the window." if partial else ""
    if not accusing:
        if denials:
            return done("no_violation", "evidence.denial_only" + suffix,
                        "Only denials: no claim in force asserts a strike." + note, cited=denials)
        return done("no_violation", "evidence.no_strike" + suffix,
                    "No claim in the window accuses the attacker." + note, cited=counter)
    striking = [c for c in accusing if id(c) not in view.quiet]
    if not striking:
        return done("no_violation", "evidence.no_strike" + suffix,
                    "The claims report no weapon launched and nothing hit." + note, cited=accusing)
    supporting = striking
    if scope.targets is not None:
        if not any(c.targets for c in striking):
            return done("outside_scope", "scope.targets_unstated",
                        "No claim names what was struck, and the agreement covers only "
                        f"{', '.join(scope.targets)}.", cited=striking)
        supporting = [c for c in striking if covered_targets(c, scope)]
        if not supporting:
            named = sorted({t for c in striking for t in c.targets})
            return done("outside_scope", "scope.targets",
                        f"Claimed targets ({', '.join(named)}) are not covered ({', '.join(scope.targets)}).",
                        cited=striking)
    areas = [area_matches(c, scope, inc) for c in supporting]
    if not any(areas):
        unstated = all(a is None for a in areas)
        return done("outside_scope", "scope.areas_unstated" if unstated else "scope.areas",
                    "The claims do not say where." if unstated else
                    f"The claimed regions ({', '.join(inc.regions) or 'none'}) are outside the agreement's area.",
                    cited=supporting)
    supporting = [c for c, a in zip(supporting, areas, strict=True) if a is not False]
    incident_weapons = view.weapons
    arms = [weapons_match(c, scope, incident_weapons) for c in supporting]
    if not any(arms):
        unstated = all(a is None for a in arms)
        return done("outside_scope", "scope.weapons_unstated" if unstated else "scope.weapons",
                    "The claims do not name the weapons." if unstated else
                    f"The claimed weapons ({', '.join(sorted(incident_weapons))}) are not covered.", cited=supporting)
    supporting = [c for c, a in zip(supporting, arms, strict=True) if a is not False]

    # 3. How strong is the evidence that the attacker did it?
    victim = inc.target_country
    supporting_ids = {id(c) for c in supporting}  # identity, not dataclass equality: O(n)
    own_account = [c for c in striking if c.claimant.party == attacker and id(c) not in supporting_ids]
    admissions = [c for c in supporting if c.claimant.party == attacker]
    independent = [c for c in supporting if c.claimant.party == "OTHER"]
    parties = {c.claimant.party for c in supporting}
    who = f"{attacker or 'an unnamed attacker'}"
    if denials:
        return done("disputed", "evidence.denied" + suffix,
                    f"{_names(supporting)} allege a strike by {who}; {_names(denials)} deny it." + note,
                    violator=attacker, cited=supporting + denials)
    if counter:
        return done("disputed", "evidence.counter_claim" + suffix,
                    f"{_names(supporting)} blame {who}; {_names(counter)} blame another party." + note,
                    violator=attacker, cited=supporting + counter)
    if own_account and not admissions and scope.targets is not None:
        return done("disputed", "evidence.contradicted_scope" + suffix,
                    f"{_names(supporting)} report covered targets hit; {who}'s own account names "
                    f"only other targets." + note, violator=attacker, cited=supporting + own_account)
    if ruleset == RULESET_V1:
        if admissions:
            return done("corroborated", "evidence.admission" + suffix,
                        f"{who}'s own side reports the strike ({_names(admissions)})." + note,
                        violator=attacker, cited=supporting)
        if independent and len(parties) > 1:
            return done("corroborated", "evidence.independent" + suffix,
                        f"An independent source ({_names(independent)}) confirms the claim of "
                        f"{_names(c for c in supporting if c.claimant.party != 'OTHER')}." + note,
                        violator=attacker, cited=supporting)
    elif admissions:
        accusers = [c for c in supporting if c.claimant.party != attacker]
        pair, why = _corroborating_pair(view, admissions, accusers)
        if pair is not None:
            return done("corroborated", "evidence.admission" + suffix,
                        f"{who}'s own side officially reports the strike ({_names(pair[:1])}), at the time and "
                        f"place {_names(pair[1:])} report." + note, violator=attacker, cited=list(pair))
        return done("alleged", "evidence.admission_unmatched" + suffix,
                    f"{_names(admissions)} report a strike by {who}, but {why}." + note,
                    violator=attacker, cited=supporting)
    elif independent and len(parties) > 1:
        return done("alleged", "evidence.third_party" + suffix,
                    f"An independent source ({_names(independent)}) supports the claim of "
                    f"{_names(c for c in supporting if c.claimant.party != 'OTHER')}; only {who}'s own side "
                    "can corroborate it." + note, violator=attacker, cited=supporting)
    side = victim if parties == {victim} else "/".join(sorted(parties))
    return done("alleged", "evidence.one_side" + suffix,
                f"Alleged by {side} only ({_names(supporting)}): a strike by {who} on "
                f"{', '.join(t for c in supporting for t in c.targets if target_covered(t, scope)) or 'the area'}."
                + note, violator=attacker, cited=supporting)


def evaluate_v1(view: IncidentView, agreement: Agreement, version: AgreementVersion, **kw: object) -> Assessment:
    """The v1 rules: every admission corroborates, and so does an independent source."""
    return evaluate(view, agreement, version, ruleset=RULESET_V1, **kw)  # type: ignore[arg-type]


def _corroborating_pair(
    view: IncidentView, admissions: Sequence[Claim], accusers: Sequence[Claim]
) -> tuple[tuple[Claim, Claim] | None, str]:
    """An official admission and another side's claim of the same place and
    time, both quoted, from different passages; else None and why not."""
    official = [c for c in admissions if c.attribution not in _NOT_OFFICIAL]
    if not official:
        return None, "no official voice of that side says so (the claimant is inferred or the publisher's own)"
    if not accusers:
        return None, "no claim of the other side or a third party reports the same strike"
    times = {id(c): t for c, t in zip(view.claims, view.times, strict=True)}
    why = "no claim of the other side reports it at the same time and place"
    for own in official:
        for other in accusers:
            if not (own.evidence and other.evidence):
                why = "the claims are not both quoted"
            elif not _same_place(own, other):
                continue
            elif not _same_time(times.get(id(own)), times.get(id(other))):
                continue
            elif _same_passage(own, other):
                why = "both sides are read from one passage of one report"
            else:
                return (own, other), ""
    return None, why


def _same_place(a: Claim, b: Claim) -> bool:
    if set(a.regions) & set(b.regions):
        return True
    names = {p.name.casefold() for p in a.places if p.name}
    return bool(names & {p.name.casefold() for p in b.places if p.name})


def _same_time(a: ClaimTime | None, b: ClaimTime | None) -> bool:
    return a is not None and b is not None and a.start < b.end and b.start < a.end


def _same_passage(a: Claim, b: Claim) -> bool:
    """Both claims quote overlapping stretches of one document: one sentence
    that mentions both sides, never two independent reports."""
    if a.doc_id != b.doc_id:
        return False
    a_lo, a_hi = min(e.start for e in a.evidence), max(e.end for e in a.evidence)
    b_lo, b_hi = min(e.start for e in b.evidence), max(e.end for e in b.evidence)
    return a_lo < b_hi and b_lo < a_hi


def _release_dates(
    views: Sequence[IncidentView], agreement: Agreement, version: AgreementVersion, assume_in_force: bool,
    ruleset: str = RULESET_NAME,
) -> dict[str, date]:
    """For a version with a release clause: party -> the day of the other
    side's first violation (binding ignored: an unbound side's strike still
    frees the declarer)."""
    clauses = [c for c in version.conditions if c.kind == "release_on_violation"]
    if not clauses:
        return {}
    wanted = set().union(*(_BASIS_VERDICTS[c.basis] for c in clauses))
    first: dict[str, date] = {}
    for view in views:
        inc = view.incident
        if inc.attacker is None or inc.date is None:
            continue
        a = evaluate(view, agreement, version, assume_in_force=assume_in_force, ignore_binding=True,
                     ruleset=ruleset)
        if a.verdict in wanted and (inc.attacker not in first or inc.date < first[inc.attacker]):
            first[inc.attacker] = inc.date
    other = {"UA": "RU", "RU": "UA"}
    return {other[p]: d for p, d in first.items() if p in other}


def iter_assessments(
    views: Sequence[IncidentView],
    agreements: Iterable[Agreement],
    *,
    assume_in_force: bool = False,
    ruleset: str = RULESET_NAME,
) -> Iterator[Assessment]:
    """Every incident x agreement x version, one verdict each."""
    for agreement in agreements:
        for version in agreement.versions:
            released = _release_dates(views, agreement, version, assume_in_force, ruleset)
            for view in views:
                judge = partial(evaluate, agreement=agreement, version=version, assume_in_force=assume_in_force,
                                released_after=released.get(view.incident.attacker or ""), ruleset=ruleset)
                verdict = judge(view)
                yield verdict if ruleset == RULESET_V1 else gate(view, verdict, judge)
