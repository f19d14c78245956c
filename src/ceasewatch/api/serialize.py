"""Records -> JSON, CSV rows and GeoJSON features.

JSON keeps the spec's claim shape (`Claim.to_spec`) plus ids and provenance;
CSV flattens one row per record with summed counts; GeoJSON draws one Point
per located place (a record without coordinates keeps a null geometry, which
GeoJSON allows, so downloads never silently drop rows).
"""

from __future__ import annotations

import csv
import dataclasses
import io
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from typing import Any

from ..model import MEASURES, Assessment, Claim, Document, Incident, Place

__all__ = [
    "document_json",
    "claim_json",
    "incident_json",
    "assessment_json",
    "jsonable",
    "CSV_COLUMNS",
    "csv_row",
    "csv_stream",
    "claim_record_csv_row",
    "claim_records_csv_stream",
    "features",
    "geojson_stream",
]


def jsonable(value: Any) -> Any:
    """Plain JSON values from records, dates, mappings and sequences (used
    for agreements and reports, whose record types belong to other stages)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if hasattr(value, "model_dump"):
        return jsonable(value.model_dump())
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [jsonable(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def document_json(doc: Document, *, with_text: bool = True) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": doc.id,
        "ref": doc.ref,
        "title": doc.title,
        "publisher": doc.publisher,
        "published": doc.published.isoformat() if doc.published else None,
        "language": doc.language,
        "url": doc.url,
        "source_kind": doc.source_kind,
        "source_id": doc.source_id,
        "length": len(doc.text),
    }
    if with_text:
        out["text"] = doc.text
    return out


def claim_json(claim: Claim) -> dict[str, Any]:
    out = claim.to_spec()
    out["id"] = claim.id
    out["extractor"] = claim.extractor
    out["warnings"] = list(claim.warnings)
    for p_out, p in zip(out["places"], claim.places, strict=True):
        p_out["precision"] = p.precision
    return out


def _place_json(p: Place) -> dict[str, Any]:
    return {"name": p.name, "lat": p.lat, "lon": p.lon, "region": p.region, "precision": p.precision}


def incident_json(inc: Incident) -> dict[str, Any]:
    return {
        "id": inc.id,
        "date": inc.date.isoformat() if inc.date else None,
        "attacker": inc.attacker,
        "target_country": inc.target_country,
        "claim_ids": list(inc.claim_ids),
        "regions": list(inc.regions),
        "places": [_place_json(p) for p in inc.places],
        "targets": list(inc.targets),
        "linker": inc.linker,
    }


def assessment_json(a: Assessment) -> dict[str, Any]:
    return {
        "id": a.id,
        "incident_id": a.incident_id,
        "agreement": a.agreement,
        "version": a.version,
        "verdict": a.verdict,
        "rule": a.rule,
        "reason": a.reason,
        "violator": a.violator,
        "claim_ids": list(a.claim_ids),
        "claimants": [{"name": c.name, "party": c.party} for c in a.claimants],
        "evidence": [
            {"claim_id": cid, "field": e.field, "start": e.start, "end": e.end} for cid, e in a.evidence
        ],
        "ruleset": a.ruleset,
        # How sure: the rules' verdict before review, what a person must confirm, what a person confirmed.
        "provisional": a.provisional,
        "doubts": list(a.doubts),
        "confirmed": list(a.confirmed),
        "override": {"reviewer": a.override[0], "reason": a.override[1]} if a.override else None,
    }


# -- CSV ----------------------------------------------------------------------

def _sum(claim: Claim, measure: str) -> int | None:
    known = [w.count(measure) for w in claim.weapons if w.count(measure) is not None]
    return sum(known) if known else None  # type: ignore[arg-type]


CSV_COLUMNS: dict[str, list[str]] = {
    "claims": [
        "id", "doc_id", "date", "claimant_party", "claimant_name", "stance", "attacker", "target_country",
        *MEASURES, "weapons", "regions", "places", "targets", "killed", "injured", "extractor",
    ],
    "incidents": ["id", "date", "attacker", "target_country", "claims", "regions", "places", "targets", "linker"],
    "verdicts": [
        "id", "incident_id", "agreement", "version", "verdict", "violator", "rule", "reason", "claims", "ruleset",
    ],
}


def _join(values: Iterable[Any]) -> str:
    return ";".join(str(v) for v in values)


def csv_row(kind: str, record: Any) -> list[Any]:
    if kind == "claims":
        c: Claim = record
        return [
            c.id, c.doc_id, c.date.isoformat() if c.date else "", c.claimant.party, c.claimant.name, c.stance,
            c.attacker or "", c.target_country or "", *[_blank(_sum(c, m)) for m in MEASURES],
            _join(w.category for w in c.weapons), _join(c.regions), _join(p.name for p in c.places),
            _join(c.targets), _blank(c.killed), _blank(c.injured), c.extractor,
        ]
    if kind == "incidents":
        i: Incident = record
        return [
            i.id, i.date.isoformat() if i.date else "", i.attacker or "", i.target_country or "",
            _join(i.claim_ids), _join(i.regions), _join(p.name for p in i.places), _join(i.targets), i.linker,
        ]
    a: Assessment = record
    return [
        a.id, a.incident_id, a.agreement, a.version or "", a.verdict, a.violator or "", a.rule, a.reason,
        _join(a.claim_ids), a.ruleset,
    ]


def _record_sum(weapons: list[dict[str, Any]], measure: str) -> Any:
    known = [w[measure] for w in weapons if w.get(measure) is not None]
    return sum(known) if known else ""


def claim_record_csv_row(claim_id: str, rec: dict[str, Any]) -> list[Any]:
    """`csv_row("claims", claim)` from the claim's stored JSON record (what
    `store.codec.to_jsonable` wrote; fields at their default are left out)."""
    weapons = rec.get("weapons") or []
    claimant = rec["claimant"]
    return [
        claim_id, rec["doc_id"], rec.get("date") or "", claimant["party"], claimant["name"],
        rec.get("stance", "asserted"), rec.get("attacker") or "", rec.get("target_country") or "",
        *[_record_sum(weapons, m) for m in MEASURES],
        _join(w["category"] for w in weapons), _join(rec.get("regions") or ()),
        _join(p["name"] for p in rec.get("places") or ()), _join(rec.get("targets") or ()),
        _blank(rec.get("killed")), _blank(rec.get("injured")), rec["extractor"],
    ]


def claim_records_csv_stream(rows: Iterable[tuple[str, dict[str, Any]]]) -> Iterator[str]:
    """The claims CSV from (id, record) pairs, in chunks of 1,000 rows."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(CSV_COLUMNS["claims"])
    for n, (claim_id, rec) in enumerate(rows, 1):
        writer.writerow(claim_record_csv_row(claim_id, rec))
        if n % 1000 == 0:
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue()


def _blank(v: int | None) -> Any:
    return "" if v is None else v


def csv_stream(kind: str, records: Iterable[Any]) -> Iterator[str]:
    """CSV text in chunks of rows, header first (streamed: views can be large)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(CSV_COLUMNS[kind])
    for n, rec in enumerate(records, 1):
        writer.writerow(csv_row(kind, rec))
        if n % 500 == 0:
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue()


# -- GeoJSON ----------------------------------------------------------------

def features(kind: str, record: Any) -> list[dict[str, Any]]:
    """One Point feature per located place; one null-geometry feature when
    the record has no located place."""
    if kind == "claims":
        props = {k: v for k, v in claim_json(record).items() if k not in ("evidence", "places")}
        places = record.places
    elif kind == "incidents":
        props = {k: v for k, v in incident_json(record).items() if k != "places"}
        places = record.places
    else:  # verdicts come with their incident's places (routers/verdicts.py)
        props, places = assessment_json(record.assessment), record.places
    out = []
    for p in places:
        if p.lat is None or p.lon is None:
            continue
        out.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [p.lon, p.lat]},
                "properties": {**props, "place": p.name, "place_region": p.region, "precision": p.precision},
            }
        )
    if not out:
        out.append({"type": "Feature", "geometry": None, "properties": props})
    return out


def geojson_stream(kind: str, records: Iterable[Any]) -> Iterator[str]:
    """A FeatureCollection in chunks of 200 features (streamed)."""
    import json

    parts = ['{"type": "FeatureCollection", "features": [']
    first = True
    for rec in records:
        for feat in features(kind, rec):
            parts.append(("" if first else ",\n") + json.dumps(feat, ensure_ascii=False))
            first = False
        if len(parts) >= 200:
            yield "".join(parts)
            parts = []
    parts.append("]}\n")
    yield "".join(parts)
