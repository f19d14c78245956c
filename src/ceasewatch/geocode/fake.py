"""An in-memory `Geocoder` for other stages' tests (httpx `MockTransport`
idea): answers from a small table, so an extractor or linker test needs no
compiled index and states exactly what the gazetteer would say.

    geo = StaticGeocoder({
        "Sumy region": [Candidate("Sumy Oblast", "region", "UA-59", "UA")],
        "Sudzha": [Candidate("Sudzha", "settlement", "RU-KRS", "RU", 51.19, 35.27)],
    })
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

from .base import Candidate
from .normalize import surface_key

__all__ = ["StaticGeocoder"]


class StaticGeocoder:
    """Looks names up by their case-folded surface form ("над Сумами" and
    "Сумами" differ; list every form the test uses)."""

    name = "ceasewatch.gazetteer.static.v1"

    def __init__(
        self,
        table: Mapping[str, Sequence[Candidate]],
        *,
        point_to_region: Callable[[float, float], str | None] | None = None,
    ) -> None:
        self._table = {
            surface_key(k): [replace(c, source=c.source or self.name) for c in v] for k, v in table.items()
        }
        self._point_to_region = point_to_region
        self.calls: list[str] = []  # every text asked for, in order

    def lookup(
        self,
        text: str,
        *,
        lang: str | None = None,
        region_hint: str | None = None,
        country_hint: str | None = None,
        kinds: tuple[str, ...] | None = None,
        limit: int = 5,
    ) -> list[Candidate]:
        self.calls.append(text)
        found = [c for c in self._table.get(surface_key(text), []) if kinds is None or c.kind in kinds]
        if region_hint:
            found.sort(key=lambda c: c.region != region_hint)
        return found[: max(limit, 0)]

    def region_of_point(self, lat: float, lon: float) -> str | None:
        return self._point_to_region(lat, lon) if self._point_to_region else None
