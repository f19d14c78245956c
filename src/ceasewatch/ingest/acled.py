"""Importer for ACLED exports (CSV, the columns as ACLED publishes them),
in both layouts analysts hold:

- the current one (2023-): event_id_cnty, event_date (YYYY-MM-DD),
  disorder_type, ..., inter1 as text, civilian_targeting, ..., tags, timestamp;
- the earlier one: data_id, iso, event_id_cnty, event_id_no_cnty,
  event_date ("27 March 2025"), ..., inter1 as a number, ..., timestamp, iso3.

Each remote-violence or violence-against-civilians event in Ukraine or
Russia becomes one document (the header and the row, verbatim) with one
claim: claimant ACLED (a third party, "OTHER"), attacker from actor1 when it
is the Russian or Ukrainian state's forces, target country from `country`,
the day from `event_date`, the region from `admin1` and the place from
`location` / `latitude` / `longitude`, weapons from `sub_event_type` and the
notes, targets from the notes, and `fatalities`; every value with evidence
offsets into its cell. `timestamp` (ACLED's upload time) is the document's
publication time, so a re-synced, corrected row is a new document.
Other event types (battles, protests, strategic developments) are not
strikes and are passed over; a row that cannot be read is reported with its
line and the others are imported.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from pathlib import Path

from ..model import Claim, Claimant, Place, WeaponCount
from .common import ReadOptions, ReadResult
from .datasets import (
    RegionResolver,
    bad_cell,
    keyword_spans,
    make_row_document,
    number_in,
    party_of_country,
    read_rows,
    row_document,
)
from .normalize import EARLIEST_YEAR, LATEST_YEAR

__all__ = ["EXTRACTOR_NAME", "read_acled_csv", "is_acled_header"]

EXTRACTOR_NAME = "ceasewatch.import.acled_csv.v1"
CLAIMANT = Claimant("ACLED", "OTHER")
_REQUIRED = ("event_id_cnty", "event_date", "event_type", "sub_event_type", "actor1", "country", "admin1",
             "location", "latitude", "longitude", "notes", "fatalities")
STRIKE_EVENT_TYPES = ("Explosions/Remote violence", "Violence against civilians")
_STATE_ACTOR = re.compile(r"^(?:Military|Police|Naval|Air) Forces of (Russia|Ukraine)\b|^Government of (Russia|Ukraine)\b")
_DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%d-%B-%Y", "%d %b %Y", "%d-%b-%Y")
_PRECISION = {"1": "settlement", "2": "settlement", "3": "region"}
# sub_event_type -> weapon category when the notes name nothing more exact.
_SUB_EVENT_WEAPON = {
    "Air/drone strike": "other",
    "Shelling/artillery/missile attack": "artillery",
    "Remote explosive/landmine/IED": "other",
    "Grenade": "other",
}
_WEAPON_WORDS = tuple((re.compile(p, re.IGNORECASE), c) for p, c in (
    (r"ballistic|Iskander-M|KN-23|Kinzhal", "ballistic_missile"),
    (r"cruise missile|Kalibr|Kh-101|Kh-555|Kh-59|Iskander-K", "cruise_missile"),
    (r"guided (?:aerial |air )?bombs?|glide bombs?|KAB", "guided_bomb"),
    (r"Shahed|Geran|drones?|UAVs?|loitering munition", "drone"),
    (r"missiles?|rockets?", "missile"),
    (r"artillery|shelling|MLRS|mortar", "artillery"),
))


def is_acled_header(columns: list[str]) -> bool:
    return all(name in columns for name in _REQUIRED)


def _day(value: str) -> date | None:
    value = value.strip()
    for fmt in _DATE_FORMATS:
        try:
            day = datetime.strptime(value, fmt).date()
        except ValueError:
            continue
        return day if EARLIEST_YEAR <= day.year <= LATEST_YEAR else None
    return None


def _uploaded(value: str) -> datetime | None:
    """`timestamp`: Unix seconds of ACLED's last change to the row."""
    try:
        seconds = int(value.strip())
    except ValueError:
        return None
    moment = datetime.fromtimestamp(seconds, UTC) if 0 < seconds < 4_102_444_800 else None
    return moment if moment and moment.year >= EARLIEST_YEAR else None






def read_acled_csv(path: Path, options: ReadOptions) -> ReadResult:
    """Documents and claims of the strike events of an ACLED export."""
    source = str(path)
    header, _columns, rows, errors = read_rows(path, options)
    result = ReadResult(errors=list(errors))
    resolver: RegionResolver | None = None
    for row in rows:
        v = row.values
        country = party_of_country(v["country"])
        if country is None or v["event_type"].strip() not in STRIKE_EVENT_TYPES:
            continue  # not a strike on either side: outside what claims describe
        day = _day(v["event_date"])
        if day is None:
            result.errors.append(bad_cell(source, row.number, "event_date", v["event_date"],
                                      "is not a date (YYYY-MM-DD or '27 March 2025')"))
            continue
        fatalities = v["fatalities"].strip()
        killed = number_in(fatalities, lo=0, hi=100_000) if fatalities else None
        if fatalities and (killed is None or killed != int(killed)):
            result.errors.append(bad_cell(source, row.number, "fatalities", fatalities, "is not a count of people"))
            continue
        lat, lon = number_in(v["latitude"], lo=-90, hi=90), number_in(v["longitude"], lo=-180, hi=180)
        if (lat is None) != (lon is None) or (v["latitude"].strip() and lat is None):
            result.errors.append(bad_cell(source, row.number, "latitude", v["latitude"], "is not a latitude with its longitude"))
            continue
        if not v["event_id_cnty"].strip():
            result.errors.append(bad_cell(source, row.number, "event_id_cnty", "", "is empty; every ACLED event has an id"))
            continue
        resolver = resolver or RegionResolver()
        rd = row_document(header, row)
        match = _STATE_ACTOR.match(v["actor1"].strip())
        attacker = party_of_country(match.group(1) or match.group(2)) if match else None
        if attacker:
            rd.cite("attacker", "actor1", (0, match.end()) if match else None)
        rd.cite("target_country", "country")
        rd.cite("date", "event_date")
        rd.cite("claimant", "event_id_cnty")
        region = resolver.region(v["admin1"], country)
        if region:
            rd.cite("regions.0", "admin1")
        places: tuple[Place, ...] = ()
        if v["location"].strip():
            places = (Place(name=v["location"].strip(), lat=lat, lon=lon, region=region,
                            precision=_PRECISION.get(v.get("geo_precision", "").strip())),)
            rd.cite("places.0", "location")
        weapons: tuple[WeaponCount, ...] = ()
        words = keyword_spans(v["notes"], _WEAPON_WORDS)
        category = words[0][0] if words else _SUB_EVENT_WEAPON.get(v["sub_event_type"].strip())
        if category:
            weapons = (WeaponCount(category=category),)
            if words:
                rd.cite("weapons.0.category", "notes", words[0][1:])
            else:
                rd.cite("weapons.0.category", "sub_event_type")
        targets = []
        for code, start, end in keyword_spans(v["notes"]):
            rd.cite(f"targets.{len(targets)}", "notes", (start, end))
            targets.append(code)
        if not targets and v.get("civilian_targeting", "").strip():
            rd.cite("targets.0", "civilian_targeting")
            targets.append("civilian")
        if killed is not None:
            rd.cite("killed", "fatalities")
        event_id = v["event_id_cnty"].strip()
        doc = make_row_document(
            rd, publisher="ACLED", published=_uploaded(v.get("timestamp", "")), source_id=f"acled-{event_id}",
            title=f"ACLED {event_id}: {v['sub_event_type'].strip()} in {v['location'].strip()}, {day.isoformat()}",
            reader=EXTRACTOR_NAME, source=source,
        )
        claim = Claim(
            doc_id=doc.id, claimant=CLAIMANT, stance="asserted", attacker=attacker, target_country=country,
            date=day, weapons=weapons, regions=(region,) if region else (), places=places, targets=tuple(targets),
            killed=int(killed) if killed is not None else None, evidence=tuple(rd.evidence), extractor=EXTRACTOR_NAME,
            warnings=() if resolver.available else ("regions not resolved: no geocoder available",),
        )
        result.documents.append(doc)
        result.claims[doc.id] = (EXTRACTOR_NAME, [claim])
    return result

