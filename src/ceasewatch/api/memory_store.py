"""An in-memory `Repository` (store/base.py protocol): the fake the API and
dashboard tests run against without a database, in the spirit of httpx's
`MockTransport`. It follows the protocol's documented semantics (filters,
inclusive date range, opaque cursors, idempotent document adds) and keeps
insertion order, so pages are stable. Not for production data: nothing
persists.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from datetime import UTC, date
from typing import Any, TypeVar

from ..errors import InputError, NotFound
from ..model import MEASURES, Assessment, Claim, Document, Incident, Review
from ..store.base import AddResult, ClaimFilter, Page

__all__ = ["MemoryRepository", "claim_matches"]

T = TypeVar("T")


def _in_range(day: date | None, flt: ClaimFilter) -> bool:
    if flt.date_from is None and flt.date_to is None:
        return True
    if day is None:
        return False
    return not ((flt.date_from and day < flt.date_from) or (flt.date_to and day > flt.date_to))


def _target_ok(targets: Iterable[str], wanted: str | None) -> bool:
    # "energy" matches "energy.power": the filter is a code or its top level
    return wanted is None or any(t == wanted or t.startswith(wanted + ".") for t in targets)


def _claimant_matches(c: Claim, flt: ClaimFilter) -> bool:
    """The fields only claims have: claimant, stance, document, extractor."""
    return (
        (flt.party is None or c.claimant.party == flt.party)
        and (flt.claimant is None or flt.claimant.casefold() in c.claimant.name.casefold())
        and (flt.stance is None or c.stance == flt.stance)
        and (flt.doc_id is None or c.doc_id == flt.doc_id)
        and (flt.extractor is None or c.extractor == flt.extractor)
    )


def claim_matches(c: Claim, flt: ClaimFilter | None) -> bool:
    """The claim's own fields match (agreement and verdict, which need the
    incidents and assessments, are the repository's part)."""
    if flt is None:
        return True
    return (
        _in_range(c.date, flt)
        and _claimant_matches(c, flt)
        and (flt.attacker is None or c.attacker == flt.attacker)
        and (flt.target_country is None or c.target_country == flt.target_country)
        and (flt.region is None or flt.region in c.regions)
        and _target_ok(c.targets, flt.target)
    )


def _incident_matches(i: Incident, flt: ClaimFilter | None) -> bool:
    if flt is None:
        return True
    return (
        _in_range(i.date, flt)
        and (flt.attacker is None or i.attacker == flt.attacker)
        and (flt.target_country is None or i.target_country == flt.target_country)
        and (flt.region is None or flt.region in i.regions)
        and _target_ok(i.targets, flt.target)
    )


def _page(items: list[T], cursor: str | None, limit: int, count: bool = True) -> Page[T]:
    try:
        start = int(cursor) if cursor else 0
    except ValueError:
        raise InputError("invalid cursor", location="cursor", hint="pass back next_cursor unchanged") from None
    chunk = items[start : start + limit]
    nxt = str(start + limit) if start + limit < len(items) else None
    return Page(items=chunk, next_cursor=nxt, total=len(items) if count else None)


class MemoryRepository:
    """Everything in dicts; `dialect` is "memory"."""

    def __init__(self) -> None:
        self.url = "memory://"
        self.dialect = "memory"
        self._docs: dict[str, Document] = {}
        self._claims: dict[str, Claim] = {}
        self._incidents: dict[str, Incident] = {}
        self._assessments: dict[str, Assessment] = {}
        self._reviews: dict[str, list[Review]] = defaultdict(list)

    # schema
    def migrate(self) -> int:
        return 1

    def info(self) -> dict[str, Any]:
        return {
            "dialect": self.dialect,
            "schema_version": 1,
            "counts": {
                "documents": len(self._docs),
                "claims": len(self._claims),
                "incidents": len(self._incidents),
                "assessments": len(self._assessments),
            },
        }

    def close(self) -> None:
        pass

    # documents
    def add_documents(self, docs: Iterable[Document]) -> AddResult:
        result = AddResult()
        for d in docs:
            (result.existing if d.id in self._docs else result.added).append(d.id)
            self._docs.setdefault(d.id, d)
        return result

    def get_document(self, ref: str) -> Document:
        if ref in self._docs:
            return self._docs[ref]
        for d in self._docs.values():
            if d.source_id == ref:
                return d
        raise NotFound(f"no document {ref!r}", source=ref, hint="list documents at /api/documents")

    def iter_documents(
        self, *, language: str | None = None, flt: ClaimFilter | None = None
    ) -> Iterator[Document]:
        return (
            d for d in list(self._docs.values())
            if (language is None or d.language == language) and self._document_ok(d, flt)
        )

    def list_documents(
        self,
        *,
        cursor: str | None = None,
        limit: int = 100,
        language: str | None = None,
        flt: ClaimFilter | None = None,
        count: bool = True,
    ) -> Page[Document]:
        return _page(list(self.iter_documents(language=language, flt=flt)), cursor, limit, count)

    def _document_ok(self, d: Document, flt: ClaimFilter | None) -> bool:
        """Publication day (UTC) in the range, and a claim of the document
        matching the claim filters, as store.query.document_conditions."""
        if flt is None:
            return True
        if flt.date_from is not None or flt.date_to is not None:
            if d.published is None:
                return False
            when = d.published if d.published.tzinfo is None else d.published.astimezone(UTC)
            if not _in_range(when.date(), flt):
                return False
        if flt.doc_id is not None and d.id != flt.doc_id:
            return False
        by_claims = replace(flt, date_from=None, date_to=None, doc_id=None)
        if by_claims == ClaimFilter():
            return True
        return any(c.doc_id == d.id and self._claim_ok(c, by_claims) for c in self._claims.values())

    def _assessed_incidents(self, flt: ClaimFilter) -> set[str]:
        return {
            a.incident_id for a in self._assessments.values()
            if (flt.agreement is None or a.agreement == flt.agreement)
            and (flt.verdict is None or a.verdict == flt.verdict)
        }

    def _claim_ok(self, c: Claim, flt: ClaimFilter | None) -> bool:
        if not claim_matches(c, flt):
            return False
        if flt is None or (flt.agreement is None and flt.verdict is None):
            return True
        assessed = self._assessed_incidents(flt)
        return any(c.id in self._incidents[i].claim_ids for i in assessed if i in self._incidents)

    def _incident_ok(self, i: Incident, flt: ClaimFilter | None, *, verdicts: bool = True) -> bool:
        if flt is None:
            return True
        if not _incident_matches(i, flt):
            return False
        if any(v is not None for v in (flt.party, flt.claimant, flt.stance, flt.doc_id, flt.extractor)):
            if not any(cid in self._claims and _claimant_matches(self._claims[cid], flt) for cid in i.claim_ids):
                return False
        if verdicts and (flt.agreement is not None or flt.verdict is not None):
            return i.id in self._assessed_incidents(flt)
        return True

    # claims
    def replace_claims(self, doc_id: str, extractor: str, claims: Sequence[Claim]) -> int:
        for cid in [k for k, c in self._claims.items() if c.doc_id == doc_id and c.extractor == extractor]:
            del self._claims[cid]
        for c in claims:
            self._claims[c.id] = c
        return len(claims)

    def get_claim(self, claim_id: str) -> Claim:
        try:
            return self._claims[claim_id]
        except KeyError:
            raise NotFound(f"no claim {claim_id!r}", source=claim_id, hint="list claims at /api/claims") from None

    def iter_claims(self, flt: ClaimFilter | None = None) -> Iterator[Claim]:
        return (c for c in list(self._claims.values()) if self._claim_ok(c, flt))

    def list_claims(
        self, flt: ClaimFilter | None = None, *, cursor: str | None = None, limit: int = 100, count: bool = True
    ) -> Page[Claim]:
        return _page(list(self.iter_claims(flt)), cursor, limit, count)

    # incidents and assessments
    def replace_incidents(self, linker: str, incidents: Sequence[Incident]) -> int:
        self._incidents = {k: v for k, v in self._incidents.items() if v.linker != linker}
        self._incidents.update({i.id: i for i in incidents})
        return len(incidents)

    def get_incident(self, incident_id: str) -> Incident:
        try:
            return self._incidents[incident_id]
        except KeyError:
            raise NotFound(
                f"no incident {incident_id!r}", source=incident_id, hint="list incidents at /api/incidents"
            ) from None

    def list_incidents(
        self, flt: ClaimFilter | None = None, *, cursor: str | None = None, limit: int = 100
    ) -> Page[Incident]:
        return _page([i for i in self._incidents.values() if self._incident_ok(i, flt)], cursor, limit)

    def replace_assessments(self, ruleset: str, assessments: Sequence[Assessment]) -> int:
        self._assessments = {k: v for k, v in self._assessments.items() if v.ruleset != ruleset}
        self._assessments.update({a.id: a for a in assessments})
        return len(assessments)

    def replace_assessed(
        self, linker: str, incidents: Sequence[Incident], ruleset: str, assessments: Sequence[Assessment]
    ) -> tuple[int, int]:
        return self.replace_incidents(linker, incidents), self.replace_assessments(ruleset, assessments)

    def list_assessments(
        self, flt: ClaimFilter | None = None, *, cursor: str | None = None, limit: int = 100
    ) -> Page[Assessment]:
        def keep(a: Assessment) -> bool:
            if flt is None:
                return True
            inc = self._incidents.get(a.incident_id)  # party filters the alleged violator, as in store.sql
            return (
                (flt.agreement is None or a.agreement == flt.agreement)
                and (flt.verdict is None or a.verdict == flt.verdict)
                and (flt.party is None or a.violator == flt.party)
                and (inc is None or self._incident_ok(inc, replace(flt, party=None), verdicts=False))
            )

        return _page([a for a in self._assessments.values() if keep(a)], cursor, limit)

    # reviews
    def add_review(self, review: Review) -> None:
        self.get_claim(review.claim_id)
        self._reviews[review.claim_id].append(review)

    def list_reviews(self, claim_id: str) -> list[Review]:
        return list(self._reviews.get(claim_id, []))

    # aggregates
    def timeline(self, flt: ClaimFilter | None = None) -> list[dict[str, Any]]:
        rows: dict[tuple[Any, ...], dict[str, Any]] = {}
        for c in self.iter_claims(flt):
            if c.date is None:
                continue
            key = (c.date.isoformat(), c.claimant.party, c.attacker, c.target_country)
            row = rows.setdefault(
                key,
                {"date": key[0], "party": key[1], "attacker": key[2], "target_country": key[3], "claims": 0}
                | {m: 0 for m in MEASURES},
            )
            row["claims"] += 1
            for w in c.weapons:
                for m in MEASURES:
                    row[m] += w.count(m) or 0
        return [rows[k] for k in sorted(rows, key=lambda k: tuple("" if v is None else v for v in k))]
