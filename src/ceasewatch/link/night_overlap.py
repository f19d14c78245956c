"""`ceasewatch.link.night_overlap.v1`: group claims into incidents.

An incident is one night's strikes on one country as every source tells it:
claims with the same target country and monitoring day are linked when
they share a region or a place; a claim that names no place or region is
linked through a shared top-level target code; a claim with neither (a bare
denial, "the strikes continued") joins the largest group of its night. The
attacker and the stance do not split incidents, so a victim's claim, the
attacker's admission, a denial and a counter-accusation about the same
night end up side by side as evidence of one event.

Union-find over index keys keeps this linear in the number of claims.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import date

from ..model import Claim, Incident, IncidentDecision, Place, content_hash

__all__ = ["LINKER_NAME", "NightOverlapLinker", "link_claims", "other_party", "build_incident",
           "apply_incident_decisions"]

LINKER_NAME = "ceasewatch.link.night_overlap.v1"


def other_party(party: str | None) -> str | None:
    """The war has two sides: the attacker of a strike on UA is RU and back."""
    return {"UA": "RU", "RU": "UA"}.get(party or "")


class _Union:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))
        self.size = [1] * n

    def find(self, i: int) -> int:
        root = i
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[i] != root:  # path compression
            self.parent[i], i = root, self.parent[i]
        return root

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        if self.size[ra] < self.size[rb]:
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.size[ra] += self.size[rb]


def _location_keys(claim: Claim) -> list[str]:
    keys = [f"r:{r}" for r in claim.regions]
    keys += [f"p:{p.name.casefold()}" for p in claim.places if p.name]
    return keys


def _target_keys(claim: Claim) -> list[str]:
    return sorted({f"t:{t.split('.', 1)[0]}" for t in claim.targets})


def _target_country(claim: Claim) -> str | None:
    # Spec: the side struck; when only the attacker is known, the other side.
    return claim.target_country or other_party(claim.attacker)


def _incident_attacker(claims: Sequence[Claim], country: str | None) -> str | None:
    """The side the night's claims accuse: the most named attacker among
    asserted claims, preferring the victim's own account on a tie."""
    votes: Counter[str] = Counter()
    for c in claims:
        if c.stance == "asserted" and c.attacker:
            votes[c.attacker] += 2 if c.claimant.party == country else 1
    if votes:
        best = max(votes.values())
        named = sorted(a for a, n in votes.items() if n == best)
        return other_party(country) if other_party(country) in named else named[0]
    return other_party(country)


def _build_incident(
    claims: Sequence[Claim], ids: Sequence[str], country: str | None, day: date, linker: str
) -> Incident:
    regions: list[str] = []
    places: list[Place] = []
    targets: list[str] = []
    seen_places: set[str] = set()
    for c in claims:
        regions += [r for r in c.regions if r not in regions]
        targets += [t for t in c.targets if t not in targets]
        for p in c.places:
            if p.name.casefold() not in seen_places:
                seen_places.add(p.name.casefold())
                places.append(p)
    claim_ids = tuple(sorted(ids))
    return Incident(
        id=content_hash(linker, *claim_ids, prefix="inc_"),
        target_country=country,
        date=day,
        claim_ids=claim_ids,
        regions=tuple(sorted(regions)),
        places=tuple(places),
        targets=tuple(sorted(targets)),
        attacker=_incident_attacker(claims, country),
        linker=linker,
    )


def build_incident(claims: Sequence[Claim], ids: Sequence[str], country: str | None, day: date) -> Incident:
    """An incident of these claims as the linker builds one (a person's merge or split)."""
    return _build_incident(claims, ids, country, day, LINKER_NAME)


def _link_night(claims: Sequence[Claim]) -> list[list[int]]:
    n = len(claims)
    uf = _Union(n)
    first_with: dict[str, int] = {}
    located: list[int] = []
    target_only: list[int] = []
    bare: list[int] = []
    for i, c in enumerate(claims):
        keys = _location_keys(c)
        if keys:
            located.append(i)
            for k in keys:
                if k in first_with:
                    uf.union(i, first_with[k])
                else:
                    first_with[k] = i
        elif c.targets:
            target_only.append(i)
        else:
            bare.append(i)
    # Located claims publish their targets for unlocated ones to join, but
    # do not join each other through targets (two towns, two incidents).
    target_index: dict[str, int] = {}
    for i in located:
        for k in _target_keys(claims[i]):
            target_index.setdefault(k, i)
    for i in target_only:
        for k in _target_keys(claims[i]):
            if k in target_index:
                uf.union(i, target_index[k])
            else:
                target_index[k] = i
    if bare:
        bare_set = set(bare)
        others = [i for i in range(n) if i not in bare_set]
        if others:
            sizes = Counter(uf.find(i) for i in others)
            # Largest group, ties to the earliest-formed: deterministic.
            anchor = max(sizes, key=lambda root: (sizes[root], -root))
        else:
            anchor = bare[0]
        for i in bare:
            uf.union(i, anchor)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        groups[uf.find(i)].append(i)
    return list(groups.values())


class NightOverlapLinker:
    """Links claims of one (target country, monitoring day) by overlap."""

    name = LINKER_NAME

    def link(
        self, claims: Iterable[Claim], *, ids: Sequence[str] | None = None
    ) -> tuple[list[Incident], list[Claim]]:
        """Incidents, plus the claims that could not be linked because they
        carry no monitoring day (multi-day totals). `ids`, when given, are
        the claims' ids in order (callers that already hashed them)."""
        nights: dict[tuple[str | None, date], list[tuple[Claim, str]]] = defaultdict(list)
        undated: list[Claim] = []
        seen: set[str] = set()
        claims = list(claims)
        if ids is not None and len(ids) != len(claims):
            raise ValueError("ids must match claims one to one")
        for i, c in enumerate(claims):
            cid = ids[i] if ids is not None else c.id  # a content hash: computed once
            if cid in seen:  # the same claim twice is one report, not two
                continue
            seen.add(cid)
            if c.date is None:
                undated.append(c)
            else:
                nights[(_target_country(c), c.date)].append((c, cid))
        incidents: list[Incident] = []
        for (country, day) in sorted(nights, key=lambda k: (k[1], k[0] or "")):
            night = nights[(country, day)]
            members = [c for c, _ in night]
            for group in _link_night(members):
                incidents.append(_build_incident([members[i] for i in group], [night[i][1] for i in group],
                                                 country, day, self.name))
        return incidents, undated


def link_claims(claims: Iterable[Claim]) -> list[Incident]:
    """Group claims into incidents (undated claims are left out)."""
    incidents, _ = NightOverlapLinker().link(claims)
    return incidents


def _rebuilt(ids: Sequence[str], claims_by_id: Mapping[str, Claim], like: Incident) -> Incident:
    kept = [cid for cid in ids if cid in claims_by_id]
    return build_incident([claims_by_id[c] for c in kept], kept, like.target_country, like.date)  # type: ignore[arg-type]


def apply_incident_decisions(
    incidents: Iterable[Incident], claims_by_id: Mapping[str, Claim], decisions: Sequence[IncidentDecision]
) -> list[Incident]:
    """A person's merges and splits over the linker's incidents, in the order
    made. The linker runs again on every assess, so a decision is kept as the
    claims it names: merge, every incident holding one of them becomes one
    (the night and country of the earliest); split, they leave their incident
    for one of their own. Claims no longer stored are ignored; ids follow the
    claims, as the linker's do."""
    out = list(incidents)
    for d in decisions:
        named = set(d.claim_ids)
        hit = [i for i, inc in enumerate(out) if named & set(inc.claim_ids)]
        if d.kind == "merge" and len(hit) >= 2:
            parts = [out[i] for i in hit]
            first = min(parts, key=lambda inc: (inc.date is None, inc.date, inc.id))
            ids = sorted({cid for inc in parts for cid in inc.claim_ids})
            merged = _rebuilt(ids, claims_by_id, first)
            out = [inc for i, inc in enumerate(out) if i not in hit] + [merged]
        elif d.kind == "split" and len(hit) == 1:
            inc = out[hit[0]]
            leaving = [cid for cid in inc.claim_ids if cid in named]
            staying = [cid for cid in inc.claim_ids if cid not in named]
            if leaving and staying:
                out[hit[0]] = _rebuilt(staying, claims_by_id, inc)
                out.append(_rebuilt(leaving, claims_by_id, inc))
    return out
