"""Read queries the views need that the Repository protocol does not have:
walking all pages, the incident of a claim, the map's located places, claim
counts per region, verdicts per party per day, an agreement's verdict
summary. Where the SQL store has its own method (`incident_ids`,
`located_places`, `region_counts`) that is used; the fallbacks built on the
protocol's methods serve any other Repository (the in-memory fake).
"""

from __future__ import annotations

import copy
import threading
from collections import Counter, OrderedDict, defaultdict
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from ..model import Assessment, Claim, Incident, Place
from ..store.base import ClaimFilter, Repository, walk

__all__ = [
    "walk",
    "all_incidents",
    "all_assessments",
    "incident_for_claim",
    "claims_by_incident",
    "located_places",
    "place_row",
    "region_counts",
    "REGION_SCAN_LIMIT",
    "verdict_timeline",
    "agreement_summary",
    "agreement_summaries",
    "SummaryCache",
    "incident_filter",
]





def incident_filter(flt: ClaimFilter | None) -> ClaimFilter | None:
    """Incidents have no claimant: drop the claim-only fields so a party
    filter on the map does not empty the incident lookup."""
    if flt is None:
        return None
    return replace(flt, party=None, claimant=None, stance=None, doc_id=None, extractor=None)


def all_incidents(store: Repository, flt: ClaimFilter | None = None) -> Iterator[Incident]:
    return walk(store.list_incidents, flt)


def all_assessments(store: Repository, flt: ClaimFilter | None = None) -> Iterator[Assessment]:
    return walk(store.list_assessments, flt)


def incident_for_claim(store: Repository, claim: Claim) -> Incident | None:
    """The incident the linker put this claim in, if any (the newest when
    several name it)."""
    lookup = getattr(store, "incident_ids", None)
    if callable(lookup):
        found = lookup([claim.id]).get(claim.id)
        return store.get_incident(found) if found else None
    flt = ClaimFilter(date_from=claim.date, date_to=claim.date) if claim.date else None
    for inc in all_incidents(store, flt):
        if claim.id in inc.claim_ids:
            return inc
    return None


def claims_by_incident(store: Repository, flt: ClaimFilter | None) -> dict[str, str]:
    """claim id -> incident id for the incidents in the filter's date range
    (the first listed, i.e. newest, when several name a claim)."""
    out: dict[str, str] = {}
    for inc in all_incidents(store, incident_filter(flt)):
        for cid in inc.claim_ids:
            out.setdefault(cid, inc.id)
    return out


def place_row(claim: Claim, place: Place, incident_id: str | None) -> dict[str, Any]:
    """One located place of a claim, in the shape of the SQL store's
    `located_places` rows."""
    return {
        "claim_id": claim.id,
        "doc_id": claim.doc_id,
        "date": claim.date.isoformat() if claim.date else None,
        "claimant": {"name": claim.claimant.name, "party": claim.claimant.party},
        "stance": claim.stance,
        "attacker": claim.attacker,
        "target_country": claim.target_country,
        "weapons": [
            {"category": w.category, "model": w.model, "launched": w.launched, "intercepted": w.intercepted,
             "lost": w.lost, "hit": w.hit}
            for w in claim.weapons
        ],
        "targets": list(claim.targets),
        "place": {"name": place.name, "lat": place.lat, "lon": place.lon, "region": place.region,
                  "precision": place.precision},
        "incident_id": incident_id,
    }


def located_places(store: Repository, flt: ClaimFilter | None, *, limit: int) -> tuple[list[dict[str, Any]], bool]:
    """The first `limit` places with coordinates of the filtered claims,
    in listing order, and whether there are more. The SQL store answers
    with one bounded query; the fallback walks claims until it has enough."""
    own = getattr(store, "located_places", None)
    if callable(own):
        return own(flt, limit=limit)
    incident_of = claims_by_incident(store, flt)
    out: list[dict[str, Any]] = []
    for claim in store.iter_claims(flt):
        for place in claim.places:
            if place.lat is None or place.lon is None:
                continue
            if len(out) == limit:
                return out, True
            out.append(place_row(claim, place, incident_of.get(claim.id)))
    return out, False


REGION_SCAN_LIMIT = 100_000  # claims read per map request when the store has no region aggregate


def region_counts(
    store: Repository, flt: ClaimFilter | None, *, scan_limit: int = REGION_SCAN_LIMIT
) -> tuple[dict[str, dict[str, int]], bool]:
    """Per region: claims in total and per claimant party (the choropleth),
    and whether every claim of the view was counted. Uses the store's own
    `region_counts(flt)` aggregate when it has one; otherwise reads at most
    `scan_limit` claims, so a map over a million claims still answers."""
    aggregate = getattr(store, "region_counts", None)
    if callable(aggregate):
        return aggregate(flt), True
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    complete = True
    for n, c in enumerate(store.iter_claims(flt)):
        if n >= scan_limit:
            complete = False
            break
        for r in set(c.regions):
            counts[r]["claims"] += 1
            counts[r][c.claimant.party] += 1
    return {r: dict(c) for r, c in sorted(counts.items())}, complete


def verdict_timeline(store: Repository, flt: ClaimFilter | None) -> list[dict[str, Any]]:
    """One row per (date, alleged violator, verdict) with a count."""
    dates = {i.id: i.date for i in all_incidents(store, incident_filter(flt))}
    counts: Counter[tuple[str, str, str]] = Counter()
    for a in all_assessments(store, flt):
        day = dates.get(a.incident_id)
        if day is None:
            continue
        counts[(day.isoformat(), a.violator or "none", a.verdict)] += 1
    return [
        {"date": d, "violator": v, "verdict": verdict, "count": n}
        for (d, v, verdict), n in sorted(counts.items())
    ]


def _violation_verdicts() -> tuple[str, ...]:
    """The verdicts that allege a violation, as the assess stage defines them."""
    try:
        from ..assess import VIOLATION_VERDICTS

        return tuple(VIOLATION_VERDICTS)
    except ImportError:
        return ("alleged", "corroborated", "disputed")


def _summary(groups: list[tuple[str | None, str | None, str, int]], incidents: int) -> dict[str, Any]:
    """An agreement's summary from (version, violator, verdict, count) groups."""
    verdicts: Counter[str] = Counter()
    by_violator: dict[str, Counter[str]] = defaultdict(Counter)
    by_version: dict[str, Counter[str]] = defaultdict(Counter)
    for version, violator, verdict, n in groups:
        verdicts[verdict] += n
        by_violator[violator or "none"][verdict] += n
        by_version[version or "shared"][verdict] += n
    counted = _violation_verdicts()
    violations = {p: sum(n for v, n in c.items() if v in counted) for p, c in by_violator.items() if p != "none"}
    return {
        "assessments": sum(verdicts.values()),
        "incidents": incidents,
        "verdicts": dict(sorted(verdicts.items())),
        "by_violator": {k: dict(sorted(v.items())) for k, v in sorted(by_violator.items())},
        "by_version": {k: dict(sorted(v.items())) for k, v in sorted(by_version.items())},
        "reciprocity": {
            "violations_by_party": violations,
            "UA": violations.get("UA", 0),
            "RU": violations.get("RU", 0),
        },
    }


def agreement_summaries(store: Repository, flt: ClaimFilter | None = None) -> dict[str, dict[str, Any]]:
    """Agreement id -> verdict counts overall, per alleged violator and per
    party version, and reciprocity (how the alleged violations split between
    the parties), for the assessments matching `flt` (its agreement field
    ignored). Grouped in SQL when the store can (`verdict_counts`); other
    stores are walked."""
    counts = getattr(store, "verdict_counts", None)
    incidents_of = getattr(store, "assessed_incident_counts", None)
    groups: dict[str, list[tuple[str | None, str | None, str, int]]] = defaultdict(list)
    if callable(counts) and callable(incidents_of):
        for agreement, version, violator, verdict, n in counts(flt):
            groups[agreement].append((version, violator, verdict, n))
        incidents = incidents_of(flt)
    else:
        seen: dict[str, set[str]] = defaultdict(set)
        tally: Counter[tuple[str, str | None, str | None, str]] = Counter()
        for a in all_assessments(store, replace(flt, agreement=None) if flt else None):
            tally[(a.agreement, a.version, a.violator, a.verdict)] += 1
            seen[a.agreement].add(a.incident_id)
        for (agreement, version, violator, verdict), n in tally.items():
            groups[agreement].append((version, violator, verdict, n))
        incidents = {k: len(v) for k, v in seen.items()}
    return {agreement: _summary(rows, incidents.get(agreement, 0)) for agreement, rows in groups.items()}


def agreement_summary(store: Repository, agreement_id: str, flt: ClaimFilter | None = None) -> dict[str, Any]:
    """One agreement's summary (`agreement_summaries`); zeros when nothing
    was assessed under it."""
    return agreement_summaries(store, flt).get(agreement_id) or _summary([], 0)


class SummaryCache:
    """Agreement summaries per filter, kept until the store's "assessments"
    generation changes (every write of incidents or assessments bumps it,
    from any process: `ceasewatch assess` invalidates a running server's
    cache). Stores without `generation()` are not cached. Thread-safe;
    bounded (least recently used filters dropped first)."""

    def __init__(self, store: Repository, *, maxsize: int = 256) -> None:
        self.store = store
        self.maxsize = maxsize
        self._items: OrderedDict[ClaimFilter | None, tuple[int, dict[str, dict[str, Any]]]] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def summaries(self, flt: ClaimFilter | None = None) -> dict[str, dict[str, Any]]:
        flt = replace(flt, agreement=None) if flt else None
        if flt == ClaimFilter():
            flt = None
        generation = getattr(self.store, "generation", None)
        if not callable(generation):
            return agreement_summaries(self.store, flt)
        current = generation()
        with self._lock:
            hit = self._items.get(flt)
            if hit is not None and hit[0] == current:
                self._items.move_to_end(flt)
                self.hits += 1
                return copy.deepcopy(hit[1])
            self.misses += 1
        value = agreement_summaries(self.store, flt)
        with self._lock:
            self._items[flt] = (current, value)
            self._items.move_to_end(flt)
            while len(self._items) > self.maxsize:
                self._items.popitem(last=False)
        return copy.deepcopy(value)

    def summary(self, agreement_id: str, flt: ClaimFilter | None = None) -> dict[str, Any]:
        return self.summaries(flt).get(agreement_id) or _summary([], 0)
