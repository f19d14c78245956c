"""Does a claim fall within an agreement's scope? Targets, areas, weapons.

Target codes follow the claim spec: a code is covered when the agreement
lists it or a parent of it ("energy" covers "energy.power"), and an
unspecified parent code in a claim ("energy") is covered when the agreement
covers every code below it. Areas accept region codes (ISO 3166-2, a whole
country as "UA"/"RU", or SEA-*) and polygons tested against places with
coordinates.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from ..model import TARGET_CODES, Claim, Incident
from .agreements import OBSERVABLE_ACTS, Scope

__all__ = ["target_covered", "covered_targets", "area_matches", "weapons_match", "acts_observable"]


def _children(code: str) -> list[str]:
    return [t for t in TARGET_CODES if t.startswith(code + ".")]


@lru_cache(maxsize=4096)
def _covered(code: str, listed: tuple[str, ...]) -> bool:
    if any(code == p or code.startswith(p + ".") for p in listed):
        return True
    kids = _children(code)
    return bool(kids) and all(_covered(k, listed) for k in kids)


def target_covered(code: str, scope: Scope) -> bool:
    return scope.targets is None or _covered(code, scope.targets)


def covered_targets(claim: Claim, scope: Scope) -> list[str]:
    return [t for t in claim.targets if target_covered(t, scope)]


def _region_in(code: str, listed: Iterable[str]) -> bool:
    # "UA" names the whole country, so it matches "UA-59".
    return any(code == a or (code.startswith(a + "-") and "-" not in a) for a in listed)


def area_matches(claim: Claim, scope: Scope, incident: Incident | None = None) -> bool | None:
    """True/False when the claim's location is (not) in the area; None when
    neither the claim nor its incident says where."""
    if not scope.restricts_area:
        return True
    regions = list(claim.regions) + [p.region for p in claim.places if p.region]
    places = list(claim.places)
    if not regions and not places and incident is not None:
        regions = list(incident.regions) + [p.region for p in incident.places if p.region]
        places = list(incident.places)
    if not regions and not places:
        return None
    if scope.regions is not None and any(_region_in(r, scope.regions) for r in regions):
        return True
    for p in places:
        if p.lat is not None and p.lon is not None and any(poly.contains(p.lon, p.lat) for poly in scope.polygons):
            return True
    return False


def weapons_match(claim: Claim, scope: Scope, incident_weapons: Iterable[str] = ()) -> bool | None:
    """True/False when the weapons are (not) covered; None when unstated."""
    if scope.weapons is None:
        return True
    categories = {w.category for w in claim.weapons} or set(incident_weapons)
    if not categories:
        return None
    return bool(categories & set(scope.weapons))


def acts_observable(scope: Scope) -> bool:
    """Whether strike claims can show any act the scope prohibits."""
    return bool(set(scope.acts) & OBSERVABLE_ACTS)
