"""The store's SQL region aggregate (the dashboard map) agrees with counting
the filtered claims one by one, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date

import pytest

from ceasewatch.store.base import ClaimFilter
from counted_by_hand import regions_by_hand


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
    expected = regions_by_hand(filled_store, flt)
    assert filled_store.region_counts(flt) == expected


def test_store_region_counts_nonempty(filled_store) -> None:
    counts = filled_store.region_counts(None)
    assert counts, "the sample claims name regions"
    assert all(v["claims"] == sum(n for k, n in v.items() if k != "claims") for v in counts.values())
