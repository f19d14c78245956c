"""The geocoder interface: extractors ask "what is this span?" and get
scored candidates; they never read gazetteer files themselves."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, runtime_checkable

__all__ = ["Candidate", "Geocoder"]


@dataclass(frozen=True)
class Candidate:
    """One reading of a place name.

    `kind` is "region" (ISO 3166-2 first-level code in `region`), "settlement",
    "site" (a named facility such as a power plant), "sea" (`region` is a
    SEA-* code) or "country" (`country` only). `score` is in [0, 1]; callers
    treat a single candidate >= 0.5 as resolved."""

    name: str  # canonical English name
    kind: str
    region: str | None  # ISO 3166-2 code or SEA-*
    country: str | None  # ISO 3166-1 alpha-2, e.g. "UA", "RU"
    lat: float | None = None
    lon: float | None = None
    score: float = 1.0
    geonames_id: int | None = None
    precision: str | None = None  # site / settlement / region / country / sea
    source: str = ""  # versioned name of the gazetteer that answered


@runtime_checkable
class Geocoder(Protocol):
    name: str  # versioned, e.g. "ceasewatch.gazetteer.v2"

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
        """Candidates for a place name as written (any case, inflection,
        transliteration), best first; empty when unknown."""
        ...

    def region_of_point(self, lat: float, lon: float) -> str | None:
        """First-level region code containing the point, if any."""
        ...
