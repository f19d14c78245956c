"""Fake gazetteers for the extractor tests: a table of exact phrases, each
answered by one candidate, built on the project's own `StaticGeocoder`."""

from __future__ import annotations

from collections.abc import Mapping

from ceasewatch.geocode.base import Candidate
from ceasewatch.geocode.fake import StaticGeocoder


def table_geocoder(table: Mapping[str, tuple], *, lon: float, score: float = 0.95) -> StaticGeocoder:
    """`phrase -> (name, kind, region[, score])`; the country comes from the
    region code (none for seas); every candidate sits at latitude 50."""
    entries: dict[str, list[Candidate]] = {}
    for phrase, (name, kind, region, *rest) in table.items():
        country = None if region is None or region.startswith("SEA") else region.split("-")[0]
        entries[phrase] = [
            Candidate(name, kind, region, country, lat=50.0, lon=lon, score=rest[0] if rest else score)
        ]
    return StaticGeocoder(entries)
