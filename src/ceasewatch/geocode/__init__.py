"""Offline geocoding: place names in any spelling -> coordinates and region.

Public API::

    from ceasewatch.geocode import default_geocoder, region_name, regions_geojson

    geo = default_geocoder()              # built once per process
    geo.lookup("Харківській області")     # [Candidate(kind="region", region="UA-63", ...)]
    geo.lookup("Krasnopillia", region_hint="UA-59")
    geo.region_of_point(50.77, 35.26)     # "UA-59"
    region_name("SEA-AZOV", lang="uk")    # "Азовське море"

Importing this package is cheap: the index loads on the first
`default_geocoder()` call (from the cache, or compiled from the installed
packages on a fresh machine; see build.py).
"""

from __future__ import annotations

import threading
from functools import lru_cache
from typing import Any

from ..registry import geocoders
from .base import Candidate, Geocoder

__all__ = [
    "Candidate",
    "Geocoder",
    "GAZETTEER_NAME",
    "default_geocoder",
    "load_gazetteer",
    "region_name",
    "region_codes",
    "regions_geojson",
]

GAZETTEER_NAME = "ceasewatch.gazetteer.v2"

geocoders.lazy(GAZETTEER_NAME, "ceasewatch.geocode:load_gazetteer", offline=True)

_lock = threading.Lock()
_default: Geocoder | None = None


def load_gazetteer(cache_dir: str | None = None) -> Geocoder:
    """A new gazetteer from the cached index in `cache_dir` (default:
    `Settings().cache_path`), compiling the index there if it is missing."""
    from ..config import load_settings
    from .build import load_or_build
    from .gazetteer import Gazetteer

    path = cache_dir or load_settings().cache_path
    return Gazetteer(load_or_build(path))


def default_geocoder() -> Geocoder:
    """The process-wide gazetteer; cheap after the first call."""
    global _default
    if _default is None:
        with _lock:
            if _default is None:
                _default = load_gazetteer()
    return _default


@lru_cache(maxsize=1)
def _display_names() -> dict[str, dict[str, str]]:
    from .names import region_records, sea_records

    return {r.key: r.names for r in (*region_records(), *sea_records())}


def region_codes(country: str | None = None) -> list[str]:
    """Every region code the gazetteer knows (UA-*, RU-*, SEA-*), sorted."""
    codes = sorted(_display_names())
    return [c for c in codes if country is None or c.startswith(country.upper() + "-")]


def region_name(code: str, lang: str = "en") -> str:
    """Display name of a region or sea code ("UA-59" -> "Sumy Oblast");
    an unknown code comes back unchanged, so a report never breaks on it."""
    names = _display_names().get((code or "").upper())
    if not names:
        return code
    return names.get(lang) or names["en"]


def regions_geojson(country: str | None = None) -> dict[str, Any]:
    """GeoJSON FeatureCollection of UA and RU admin-1 polygons with
    `properties.iso` (ISO 3166-2) and `properties.name`; `country` "UA"/"RU"
    keeps one country."""
    from .shapes import regions_geojson as _regions_geojson

    return _regions_geojson(country)
