"""The store's SQL region aggregate (the dashboard map) agrees with counting
the filtered claims one by one, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date

import pytest

from ceasewatch.store.base import ClaimFilter


def _by_hand(store, flt):
    counts: dict[str, Counter] = defaultdict(Counter)
    for claim in store.iter_claims(flt):
        for region in set(claim.regions):
            counts[region]["claims"] += 1
            counts[region][claim.claimant.party] += 1
    return {r: dict(c) for r, c in sorted(counts.items())}


@pytest.mark.parametrize(
    "flt",
    [
        None,
        ClaimFilter(party="UA"),
        ClaimFilter(date_from=date(2025, 3, 19)),
        ClaimFilter(target="energy"),
        ClaimFilter(region="UA-59"),
        ClaimFilter(party="RU", target="energy"),
    ],
)
def test_store_region_counts_match_claims(filled_store, flt) -> None:
    expected = _by_hand(filled_store, flt)
    assert filled_store.region_counts(flt) == expected


def test_store_region_counts_nonempty(filled_store) -> None:
    counts = filled_store.region_counts(None)
    assert counts, "the sample claims name regions"
    assert all(v["claims"] == sum(n for k, n in v.items() if k != "claims") for v in counts.values())
