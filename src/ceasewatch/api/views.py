"""The data behind each dashboard page, as plain JSON-ready dicts.

Each function is served twice: as JSON under /api/views/... (the page's API
twin) and rendered by a template under web/. Keeping one function per view
means the page can never show something its twin does not return.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo

from ..errors import NotAvailable, NotFound
from ..model import PARTIES, Claim
from ..store.base import ClaimFilter, Repository
from . import queries
from .allegations import workflow
from .highlight import evidence_marks, segments
from .review import reviewed_claim_json
from .serialize import assessment_json, claim_json, document_json, incident_json, jsonable

__all__ = [
    "document_view",
    "incident_view",
    "map_view",
    "timeline_view",
    "verdict_timeline_view",
    "agreements_list",
    "agreement_view",
    "find_agreement",
    "MAP_MARKER_LIMIT",
    "marker_feature",
]

# Markers drawn on the map (newest first); the choropleth counts everything.
# Bounded so the map answers in tens of milliseconds at 1M claims (each
# marker costs ~0.07 ms to read and encode) and a browser stays responsive.
MAP_MARKER_LIMIT = 500


def document_view(store: Repository, ref: str) -> dict[str, Any]:
    doc = store.get_document(ref)
    claims = list(store.iter_claims(ClaimFilter(doc_id=doc.id)))
    good, bad = evidence_marks(claims, len(doc.text))
    return {
        "document": document_json(doc),
        "claims": [claim_json(c) for c in claims],
        "segments": [s.to_json() for s in segments(doc.text, good)],
        "bad_evidence": [{"claim_id": m.claim_id, "field": m.field, "start": m.start, "end": m.end} for m in bad],
    }


def _doc_summary(store: Repository, doc_id: str) -> dict[str, Any]:
    try:
        return document_json(store.get_document(doc_id), with_text=False)
    except NotFound:
        return {"id": doc_id, "ref": doc_id, "title": None, "publisher": None, "published": None}


def incident_view(store: Repository, incident_id: str) -> dict[str, Any]:
    """The incident with each side's claims in its own column."""
    inc = store.get_incident(incident_id)
    sides: dict[str, list[dict[str, Any]]] = {p: [] for p in PARTIES}
    docs: dict[str, dict[str, Any]] = {}
    missing: list[str] = []
    for cid in inc.claim_ids:
        try:
            claim = store.get_claim(cid)
        except NotFound:
            missing.append(cid)  # a claim re-extracted since linking
            continue
        if claim.doc_id not in docs:
            docs[claim.doc_id] = _doc_summary(store, claim.doc_id)
        item = reviewed_claim_json(store, claim)  # the person's values, marked as confirmed
        item["document"] = docs[claim.doc_id]
        item["quotes"] = _quotes(store, claim)
        sides.setdefault(item["claimant"]["party"], []).append(item)  # the side a person confirmed
    day = ClaimFilter(date_from=inc.date, date_to=inc.date) if inc.date else None
    assessments = [a for a in queries.all_assessments(store, day) if a.incident_id == inc.id]
    return {
        "incident": incident_json(inc),
        "sides": sides,
        "missing_claims": missing,
        "assessments": [assessment_json(a) for a in assessments],
        "workflow": workflow(store, inc, assessments),  # allegation, request, answer, finding
    }


def _quotes(store: Repository, claim: Claim) -> list[dict[str, Any]]:
    """Evidence text of a claim, for the side-by-side view."""
    if not claim.evidence:
        return []
    try:
        text = store.get_document(claim.doc_id).text
    except NotFound:
        return []
    return [
        {"field": e.field, "start": e.start, "end": e.end, "text": text[e.start : e.end]}
        for e in claim.evidence
        if 0 <= e.start < e.end <= len(text)
    ]


def map_view(store: Repository, flt: ClaimFilter | None) -> dict[str, Any]:
    """Markers (GeoJSON points: the newest MAP_MARKER_LIMIT located places of
    the view, each with its claim's summary and incident) and claim counts
    per region (of the whole view)."""
    places, truncated = queries.located_places(store, flt, limit=MAP_MARKER_LIMIT)
    regions, complete = queries.region_counts(store, flt)
    return {
        "markers": {"type": "FeatureCollection", "features": [marker_feature(p) for p in places]},
        "markers_truncated": truncated,
        "regions": regions,
        "regions_complete": complete,
    }


def marker_feature(row: dict[str, Any]) -> dict[str, Any]:
    """A `located_places` row as the map's GeoJSON point. The properties are
    what a popup shows, not the whole claim: the map asks for hundreds."""
    place = row["place"]
    props = {k: row[k] for k in _MARKER_KEYS}
    props["id"] = row["claim_id"]
    props.update(place=place["name"], place_region=place["region"], precision=place["precision"])
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [place["lon"], place["lat"]]},
            "properties": props}


_MARKER_KEYS = ("doc_id", "date", "claimant", "stance", "attacker", "target_country", "weapons", "targets",
                "incident_id")


def timeline_view(store: Repository, flt: ClaimFilter | None) -> dict[str, Any]:
    """Claimed counts per claimant party per day (the store's aggregate)."""
    rows = store.timeline(flt)
    per_party: dict[str, dict[str, dict[str, int]]] = {}
    for row in rows:
        party = str(row.get("party") or row.get("claimant_party") or "OTHER")
        by_day = per_party.get(party)
        if by_day is None:
            by_day = per_party[party] = {}
        day = str(row["date"])
        slot = by_day.get(day)
        if slot is None:
            by_day[day] = {key: int(row.get(key) or 0) for key in _TIMELINE_SUMS}
        else:
            for key in _TIMELINE_SUMS:
                slot[key] += int(row.get(key) or 0)
    # The SQL and in-memory stores give plain JSON values (dates as text);
    # at 1M claims passing 8,400 rows through jsonable() took ~100 ms.
    if rows and not isinstance(rows[0].get("date"), str):
        rows = jsonable(rows)
    return {
        "rows": rows,
        "by_party": {p: dict(sorted(days.items())) for p, days in sorted(per_party.items())},
    }


_TIMELINE_SUMS = ("claims", "launched", "intercepted", "lost", "hit")


def verdict_timeline_view(store: Repository, flt: ClaimFilter | None) -> dict[str, Any]:
    """Verdicts per day and alleged violator. Separate from `timeline_view`:
    it walks incidents and assessments (no store aggregate yet), while the
    claimed counts come from one SQL aggregate."""
    return {"verdicts": queries.verdict_timeline(store, flt)}


@lru_cache(maxsize=4)
def _loaded(loader: Callable[[], Iterable[Any]]) -> tuple[Any, ...]:
    # Parsing the YAML files takes ~40 ms: once per loader, not per request.
    return tuple(loader())


def load_agreement_records() -> tuple[Any, ...]:
    """The assess stage's agreements (cached), or NotAvailable."""
    try:
        from ..assess import load_agreements  # type: ignore[attr-defined]
    except ImportError:
        raise NotAvailable(
            "agreements are not available in this version of ceasewatch",
            hint="they arrive with the assess stage (ceasewatch.assess.load_agreements)",
        ) from None
    return _loaded(load_agreements)


def _load_agreements() -> list[Any]:
    return list(load_agreement_records())


def _agreement_json(a: Any) -> dict[str, Any]:
    data = jsonable(a)
    if not isinstance(data, dict):
        data = {"value": data}
    data.setdefault("id", str(getattr(a, "id", "")))
    data.pop("path", None)  # a server file path is not the client's business
    data["display"] = _agreement_display(data)
    return data


def _listing(value: Any, default: str) -> str:
    if value is None:
        return default
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v.get("name", v)) if isinstance(v, dict) else str(v) for v in value) or "none"
    return str(value)


def _local(moment: str | None, zone: str | None) -> str | None:
    """An ISO instant as local wall time of the agreement's zone."""
    if not moment:
        return None
    try:
        when = datetime.fromisoformat(moment)
        return when.astimezone(ZoneInfo(zone)).strftime("%Y-%m-%d %H:%M") if zone else moment
    except (ValueError, KeyError):
        return moment


def _agreement_display(data: dict[str, Any]) -> dict[str, Any]:
    """What the agreement page shows: per party version its window and scope
    (assess's Agreement record; missing keys shown as unknown, not guessed)."""
    versions = data.get("versions") or [data]
    shown = []
    for v in versions:
        window = v.get("window") or {}
        scope = v.get("scope") or {}
        zone = window.get("timezone")
        shown.append(
            {
                "party": v.get("party") or "shared",
                "start": _local(window.get("start"), zone),
                "end": _local(window.get("end"), zone) or "open-ended",
                "timezone": window.get("timezone"),
                "acts": _listing(scope.get("acts"), "unknown"),
                "targets": _listing(scope.get("targets"), "all targets"),
                "regions": _listing(scope.get("regions"), "everywhere"),
                "weapons": _listing(scope.get("weapons"), "all weapons"),
                "facilities": list(scope.get("facilities") or ()),
                "binds": _listing(v.get("binds"), "unknown"),
                "note": v.get("note") or "",
            }
        )
    return {
        "name": data.get("name") or data.get("title") or data["id"],
        "status": data.get("status"),
        "parties": _listing(data.get("parties"), "unknown"),
        "description": data.get("description") or "",
        "versions": shown,
        "sources": [s for s in data.get("sources") or () if isinstance(s, dict)],
    }


def agreements_list() -> list[dict[str, Any]]:
    return [_agreement_json(a) for a in _load_agreements()]


def agreements_summarised(cache: queries.SummaryCache, flt: ClaimFilter | None = None) -> list[dict[str, Any]]:
    """Every agreement with its verdict summary (cached until assess writes again): the list the API and the
    dashboard's agreements page both show."""
    items = agreements_list()
    summaries = cache.summaries(flt)
    for item in items:
        item["summary"] = summaries.get(str(item["id"])) or cache.summary(str(item["id"]), flt)
    return items


def find_agreement(agreement_id: str) -> dict[str, Any]:
    for a in agreements_list():
        if a.get("id") == agreement_id:
            return a
    raise NotFound(f"no agreement {agreement_id!r}", source=agreement_id, hint="list agreements at /api/agreements")


def agreement_view(
    source: Repository | queries.SummaryCache, agreement_id: str, flt: ClaimFilter | None = None
) -> dict[str, Any]:
    """One agreement and its verdict summary; `source` is the app's
    `SummaryCache` (cached until assess writes) or a store (computed now)."""
    agreement = find_agreement(agreement_id)
    if isinstance(source, queries.SummaryCache):
        summary = source.summary(agreement_id, flt)
    else:
        summary = queries.agreement_summary(source, agreement_id, flt)
    return {"agreement": agreement, "summary": summary}
