"""Reference counts for the store's aggregate tests: the filtered claims
counted one by one in Python, to compare with what the SQL returns."""

from __future__ import annotations

from collections import Counter, defaultdict


def regions_by_hand(store, flt) -> dict[str, dict[str, int]]:
    """Per region: how many filtered claims name it, in all and per claimant party."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for claim in store.iter_claims(flt):
        for region in set(claim.regions):
            counts[region]["claims"] += 1
            counts[region][claim.claimant.party] += 1
    return {r: dict(c) for r, c in sorted(counts.items())}
