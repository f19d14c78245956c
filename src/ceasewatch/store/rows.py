"""Records -> table rows and back. Pure functions, no database access."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from ..model import MEASURES, Assessment, Claim, Document, Incident, Review
from .codec import decode_record, to_jsonable
from .schema import UNKNOWN_TS

__all__ = [
    "ClaimRows",
    "IncidentRows",
    "day_ord",
    "top_level",
    "target_ancestors",
    "facets",
    "document_row",
    "row_to_document",
    "claim_rows",
    "incident_rows",
    "assessment_row",
    "review_row",
    "row_to_review",
    "decode_claim",
    "decode_incident",
    "decode_assessment",
]

_EPOCH = datetime(1970, 1, 1)


def day_ord(day: date | None) -> int:
    """Integer sort key of a day; 0 (before every real day) when unknown."""
    return day.toordinal() if day is not None else 0


def top_level(code: str) -> str:
    return code.split(".", 1)[0]


def target_ancestors(code: str) -> list[str]:
    """ "energy.power" -> ["energy", "energy.power"]."""
    parts = code.split(".")
    return [".".join(parts[: i + 1]) for i in range(len(parts))]


def facets(claim: Claim) -> set[tuple[str, str]]:
    """The (facet, value) pairs a claim is found by: its regions, and its
    target codes with all their ancestors."""
    out = {("region", r) for r in claim.regions}
    out |= {("target", t) for code in claim.targets for t in target_ancestors(code)}
    return out


def _utc_naive(moment: datetime) -> datetime:
    # A time without an offset is taken as UTC (ingest's convention).
    if moment.tzinfo is None:
        return moment
    return moment.astimezone(UTC).replace(tzinfo=None)


def document_row(doc: Document, *, ingested_at: datetime) -> dict[str, Any]:
    published_utc = _utc_naive(doc.published) if doc.published else None
    return {
        "id": doc.id,
        "source_id": doc.source_id,
        "text": doc.text,
        "publisher": doc.publisher,
        "published": doc.published.isoformat() if doc.published else None,
        "published_utc": published_utc,
        "sort_ts": (published_utc - _EPOCH) // timedelta(microseconds=1) if published_utc else UNKNOWN_TS,
        "language": doc.language,
        "url": doc.url,
        "source_kind": doc.source_kind,
        "title": doc.title,
        "meta": to_jsonable(doc.meta) if doc.meta else None,
        "ingested_at": ingested_at,
    }


def row_to_document(row: Mapping[str, Any]) -> Document:
    return Document(
        id=row["id"],
        text=row["text"],
        publisher=row["publisher"],
        published=datetime.fromisoformat(row["published"]) if row["published"] else None,
        language=row["language"],
        url=row["url"],
        source_kind=row["source_kind"],
        source_id=row["source_id"],
        title=row["title"],
        meta=dict(row["meta"] or {}),
    )


@dataclass
class ClaimRows:
    """The rows of one or more claims, grouped by table (for executemany)."""

    claims: list[dict[str, Any]] = field(default_factory=list)
    claim_weapons: list[dict[str, Any]] = field(default_factory=list)
    claim_regions: list[dict[str, Any]] = field(default_factory=list)
    claim_targets: list[dict[str, Any]] = field(default_factory=list)
    claim_places: list[dict[str, Any]] = field(default_factory=list)
    claim_evidence: list[dict[str, Any]] = field(default_factory=list)
    claim_facets: list[dict[str, Any]] = field(default_factory=list)

    def add(self, claim: Claim, claim_id: str | None = None) -> None:
        # The id is a hash of the claim; callers that have it pass it in.
        cid = claim_id or claim.id
        record = to_jsonable(claim)
        totals = dict.fromkeys(MEASURES, 0)
        for w in claim.weapons:
            totals["launched"] += w.launched or 0
            totals["intercepted"] += w.intercepted or 0
            totals["lost"] += w.lost or 0
            totals["hit"] += w.hit or 0
        self.claims.append(
            {
                "id": cid,
                "doc_id": claim.doc_id,
                "extractor": claim.extractor,
                "claimant_name": claim.claimant.name,
                "claimant_folded": claim.claimant.name.casefold(),
                "claimant_party": claim.claimant.party,
                "stance": claim.stance,
                "attacker": claim.attacker,
                "target_country": claim.target_country,
                "date": claim.date,
                "day_ord": day_ord(claim.date),
                "killed": claim.killed,
                "injured": claim.injured,
                "warnings": list(claim.warnings) or None,
                "record": record,
            }
            | totals
        )
        self.claim_weapons += [
            {"claim_id": cid, "idx": i, "category": w.category, "model": w.model}
            | {m: w.count(m) for m in MEASURES}
            for i, w in enumerate(claim.weapons)
        ]
        self.claim_regions += [{"claim_id": cid, "idx": i, "region": r} for i, r in enumerate(claim.regions)]
        self.claim_targets += [
            {"claim_id": cid, "idx": i, "code": t, "top": top_level(t)} for i, t in enumerate(claim.targets)
        ]
        self.claim_places += [
            {
                "claim_id": cid,
                "idx": i,
                "name": p.name,
                "lat": p.lat,
                "lon": p.lon,
                "region": p.region,
                "precision": p.precision,
                "geonames_id": p.geonames_id,
            }
            for i, p in enumerate(claim.places)
        ]
        self.claim_evidence += [
            {"claim_id": cid, "idx": i, "field": e.field, "start_char": e.start, "end_char": e.end}
            for i, e in enumerate(claim.evidence)
        ]

        day = day_ord(claim.date)
        self.claim_facets += [
            {"claim_id": cid, "facet": facet, "value": value, "day_ord": day}
            for facet, value in sorted(facets(claim))
        ]

    def children(self) -> dict[str, list[dict[str, Any]]]:
        return {
            "claim_facets": self.claim_facets,
            "claim_weapons": self.claim_weapons,
            "claim_regions": self.claim_regions,
            "claim_targets": self.claim_targets,
            "claim_places": self.claim_places,
            "claim_evidence": self.claim_evidence,
        }


def claim_rows(claims: list[Claim] | tuple[Claim, ...]) -> ClaimRows:
    rows = ClaimRows()
    for c in claims:
        rows.add(c)
    return rows


@dataclass
class IncidentRows:
    incidents: list[dict[str, Any]] = field(default_factory=list)
    incident_claims: list[dict[str, Any]] = field(default_factory=list)
    incident_regions: list[dict[str, Any]] = field(default_factory=list)
    incident_targets: list[dict[str, Any]] = field(default_factory=list)

    def add(self, inc: Incident) -> None:
        self.incidents.append(
            {
                "id": inc.id,
                "linker": inc.linker,
                "target_country": inc.target_country,
                "attacker": inc.attacker,
                "date": inc.date,
                "day_ord": day_ord(inc.date),
                "record": to_jsonable(inc),
            }
        )
        self.incident_claims += [
            {"incident_id": inc.id, "idx": i, "claim_id": c} for i, c in enumerate(inc.claim_ids)
        ]
        self.incident_regions += [
            {"incident_id": inc.id, "idx": i, "region": r} for i, r in enumerate(inc.regions)
        ]
        self.incident_targets += [
            {"incident_id": inc.id, "idx": i, "code": t, "top": top_level(t)}
            for i, t in enumerate(inc.targets)
        ]

    def children(self) -> dict[str, list[dict[str, Any]]]:
        return {
            "incident_claims": self.incident_claims,
            "incident_regions": self.incident_regions,
            "incident_targets": self.incident_targets,
        }


def incident_rows(incidents: list[Incident] | tuple[Incident, ...]) -> IncidentRows:
    rows = IncidentRows()
    for inc in incidents:
        rows.add(inc)
    return rows


def assessment_row(a: Assessment) -> dict[str, Any]:
    record = to_jsonable(a)
    return {
        "id": a.id,
        "incident_id": a.incident_id,
        "agreement": a.agreement,
        "version": a.version,
        "verdict": a.verdict,
        "rule": a.rule,
        "reason": a.reason,
        "violator": a.violator,
        "ruleset": a.ruleset,
        "claimants": record.get("claimants"),  # left out of the record when empty
        "evidence": record.get("evidence"),
        "record": record,
    }


def review_row(r: Review, *, seq: int) -> dict[str, Any]:
    return {
        "id": r.id,
        "claim_id": r.claim_id,
        "reviewer": r.reviewer,
        "status": r.status,
        "note": r.note,
        "created": r.created.isoformat() if r.created else None,
        "seq": seq,
    }


def row_to_review(row: Mapping[str, Any]) -> Review:
    return Review(
        id=row["id"],
        claim_id=row["claim_id"],
        reviewer=row["reviewer"],
        status=row["status"],
        note=row["note"],
        created=datetime.fromisoformat(row["created"]) if row["created"] else None,
    )


def decode_claim(record: Mapping[str, Any]) -> Claim:
    return decode_record(Claim, record)


def decode_incident(record: Mapping[str, Any]) -> Incident:
    return decode_record(Incident, record)


def decode_assessment(record: Mapping[str, Any]) -> Assessment:
    return decode_record(Assessment, record)
