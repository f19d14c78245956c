"""Importer for the UCDP Georeferenced Event Dataset (GED) as CSV, in the
layouts UCDP publishes:

- GED 18.1 and later (and the monthly candidate events): id, relid, year,
  active_year, code_status, type_of_violence, conflict_dset_id, ...,
  side_a, side_b, ..., where_prec, where_coordinates, where_description,
  adm_1, adm_2, latitude, longitude, ..., country, ..., date_prec,
  date_start, date_end, deaths_a, deaths_b, deaths_civilians,
  deaths_unknown, best, high, low, ...;
- the older releases: upper-case column names (ID, YEAR, SIDE_A, ...,
  DATE_START, DATE_END) and the estimates named BEST_EST, HIGH_EST, LOW_EST.

Each event in Ukraine or Russia with Russia's or Ukraine's government as a
side becomes one document (the header and the row, verbatim) with one
claim: claimant UCDP GED (a third party, "OTHER"), target country from
`country`, attacker the other state (state-based violence) or side A
(one-sided violence), the day when `date_start` and `date_end` are one day
(a longer event stays undated), the region from `adm_1`, the place from
`where_coordinates` and the coordinates, targets from the headline and
the place description, and the best estimate of deaths; every value with
evidence offsets into its cell. A bad row is reported with its line.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from ..model import Claim, Claimant, Place
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

__all__ = ["EXTRACTOR_NAME", "read_ucdp_csv", "is_ucdp_header"]

EXTRACTOR_NAME = "ceasewatch.import.ucdp_ged_csv.v1"
CLAIMANT = Claimant("UCDP GED", "OTHER")
_REQUIRED = ("id", "type_of_violence", "side_a", "side_b", "country", "adm_1", "latitude", "longitude",
             "date_start", "date_end")
_GOVERNMENT = re.compile(r"^Government of (Russia|Ukraine)\b")
# where_prec: 1 exact place, 2 near a place, 3 second-order division, 4 first-order, 5+ larger.
_PRECISION = {"1": "settlement", "2": "settlement", "3": "region", "4": "region"}


def is_ucdp_header(columns: list[str]) -> bool:
    names = {c.lower() for c in columns}
    return all(name in names for name in _REQUIRED) and ("best" in names or "best_est" in names)


def _day(value: str) -> date | None:
    """GED dates are YYYY-MM-DD, sometimes with a time of 00:00:00.000."""
    text = value.strip()[:10]
    try:
        day = date.fromisoformat(text)
    except ValueError:
        return None
    return day if EARLIEST_YEAR <= day.year <= LATEST_YEAR else None






def read_ucdp_csv(path: Path, options: ReadOptions) -> ReadResult:
    """Documents and claims of the Russia-Ukraine events of a GED file."""
    source = str(path)
    header, columns, rows, errors = read_rows(path, options, lower=True)
    best_col = "best" if "best" in columns else "best_est"
    result = ReadResult(errors=list(errors))
    resolver: RegionResolver | None = None
    for row in rows:
        v = row.values
        country = party_of_country(re.sub(r"\s*\(.*\)$", "", v["country"]))
        sides = {s: _GOVERNMENT.match(v[s].strip()) for s in ("side_a", "side_b")}
        if country is None or not any(sides.values()):
            continue  # not the war between the two states
        start, end = _day(v["date_start"]), _day(v["date_end"])
        if start is None or end is None or end < start:
            column = "date_start" if start is None else "date_end"
            result.errors.append(bad_cell(source, row.number, column, v[column], "is not a date (YYYY-MM-DD) in order"))
            continue
        best = number_in(v[best_col], 0, 1_000_000) if v[best_col].strip() else None
        if v[best_col].strip() and (best is None or best != int(best)):
            result.errors.append(bad_cell(source, row.number, best_col, v[best_col], "is not a count of deaths"))
            continue
        lat, lon = number_in(v["latitude"], -90, 90), number_in(v["longitude"], -180, 180)
        if lat is None or lon is None:
            column = "latitude" if lat is None else "longitude"
            result.errors.append(bad_cell(source, row.number, column, v[column], "is not a coordinate"))
            continue
        violence = v["type_of_violence"].strip()
        if violence not in ("1", "2", "3"):
            result.errors.append(bad_cell(source, row.number, "type_of_violence", violence, "is not 1, 2 or 3"))
            continue
        resolver = resolver or RegionResolver()
        rd = row_document(header, row)
        attacker = None
        if violence == "3" and sides["side_a"]:
            attacker = party_of_country(sides["side_a"].group(1))  # one-sided violence: side A did it
            rd.cite("attacker", "side_a", (0, sides["side_a"].end()))
        elif violence == "1":
            # State-based: the state whose territory it is was struck by the other.
            for column, match in sides.items():
                party = party_of_country(match.group(1)) if match else None
                if party and party != country:
                    attacker = party
                    rd.cite("attacker", column, (0, match.end()))  # type: ignore[union-attr]
        rd.cite("target_country", "country")
        rd.cite("claimant", "id")
        day = start if start == end else None
        if day:
            rd.cite("date", "date_start")
        adm1 = re.sub(r"\s+(?:oblast|province|region|krai|republic)$", "", v["adm_1"].strip(), flags=re.IGNORECASE)
        region = resolver.region(adm1, country)
        if region:
            rd.cite("regions.0", "adm_1")
        name = (v.get("where_coordinates") or "").strip() or adm1
        places = (Place(name=name, lat=lat, lon=lon, region=region, precision=_PRECISION.get(v.get("where_prec", "").strip())),)
        rd.cite("places.0", "where_coordinates" if (v.get("where_coordinates") or "").strip() else "adm_1")
        targets: list[str] = []
        for column in ("source_headline", "where_description"):
            for code, s, e in keyword_spans(v.get(column) or ""):
                if code not in targets:
                    rd.cite(f"targets.{len(targets)}", column, (s, e))
                    targets.append(code)
        if best is not None:
            rd.cite("killed", best_col)
        warnings = [] if day else [f"event spans {start.isoformat()} to {end.isoformat()}: no single day"]
        if not resolver.available:
            warnings.append("regions not resolved: no geocoder available")
        doc = make_row_document(
            rd, publisher="UCDP", published=None, source_id=f"ucdp-ged-{v['id'].strip()}",
            title=f"UCDP GED {v['id'].strip()}: {v.get('where_coordinates', '').strip() or adm1}, {start.isoformat()}",
            reader=EXTRACTOR_NAME, source=source,
        )
        claim = Claim(
            doc_id=doc.id, claimant=CLAIMANT, stance="asserted", attacker=attacker, target_country=country, date=day,
            regions=(region,) if region else (), places=places, targets=tuple(targets),
            killed=int(best) if best is not None else None, evidence=tuple(rd.evidence), extractor=EXTRACTOR_NAME,
            warnings=tuple(warnings),
        )
        result.documents.append(doc)
        result.claims[doc.id] = (EXTRACTOR_NAME, [claim])
    return result
