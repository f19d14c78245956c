"""The repository interface every stage and front end uses to persist and
query records. One implementation (`store.sql`) serves SQLite and PostgreSQL
through SQLAlchemy Core; nothing outside `store/` writes SQL.

`open_store(url)` in `store/__init__.py` returns a `Repository`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Generic, Protocol, TypeVar, runtime_checkable

from ..model import Assessment, Claim, Document, Incident, Review

__all__ = [
    "ClaimFilter", "Page", "walk", "Repository", "AddResult", "WatchRepository", "NightIncident", "NewAlert", "Delivery",
]

T = TypeVar("T")


@dataclass(frozen=True)
class ClaimFilter:
    """Filters shared by the claims, incidents, assessments and documents
    listings; a field left as None does not filter. Every field applies to
    every listing:

    - claims: their own fields; `agreement` / `verdict`: the claim is in an
      incident assessed so.
    - incidents: dates, attacker, target country, region, target of the
      incident; party, claimant, stance, doc_id, extractor: the incident
      links such a claim; agreement, verdict: it was assessed so.
    - assessments: agreement, verdict; `party` is the alleged violator;
      the other fields apply to the assessed incident as above.
    - documents: dates are the publication day (UTC); doc_id the document;
      the other fields: the document has such a claim.
    """

    date_from: date | None = None
    date_to: date | None = None  # inclusive
    party: str | None = None  # claimant party
    claimant: str | None = None  # claimant name, case-insensitive substring
    attacker: str | None = None
    target_country: str | None = None
    region: str | None = None  # ISO 3166-2 / SEA-* code
    target: str | None = None  # target code or its top level ("energy" matches "energy.power")
    stance: str | None = None
    doc_id: str | None = None
    extractor: str | None = None
    agreement: str | None = None  # assessments: agreement id
    verdict: str | None = None  # assessments: verdict


@dataclass(frozen=True)
class Page(Generic[T]):
    items: list[T]
    next_cursor: str | None = None  # opaque; pass back to get the next page
    total: int | None = None


def walk(lister: Callable[..., Page[T]], flt: ClaimFilter | None, *, page: int = 1000) -> Iterator[T]:
    """Every item of a cursor-paged listing (`store.list_incidents`, `store.list_assessments`, ...)."""
    cursor: str | None = None
    while True:
        got = lister(flt, cursor=cursor, limit=page)
        yield from got.items
        if not got.next_cursor:
            return
        cursor = got.next_cursor


@dataclass(frozen=True)
class AddResult:
    added: list[str] = field(default_factory=list)  # ids newly stored
    existing: list[str] = field(default_factory=list)  # ids already there (idempotent re-ingest)


@runtime_checkable
class Repository(Protocol):
    url: str  # with any password masked
    dialect: str  # "sqlite" or "postgresql"

    # schema
    def migrate(self) -> int:
        """Create or upgrade the schema; returns the schema version."""
        ...

    def info(self) -> dict[str, Any]:
        """Dialect, schema version, row counts per table."""
        ...

    def close(self) -> None: ...

    # documents
    def add_documents(self, docs: Iterable[Document]) -> AddResult:
        """Store documents each in its own transaction; a document whose id
        exists is not stored again."""
        ...

    def get_document(self, ref: str) -> Document:
        """By content-hash id or source id; raises NotFound."""
        ...

    def iter_documents(
        self, *, language: str | None = None, flt: ClaimFilter | None = None
    ) -> Iterator[Document]: ...

    def list_documents(
        self,
        *,
        cursor: str | None = None,
        limit: int = 100,
        language: str | None = None,
        flt: ClaimFilter | None = None,
    ) -> Page[Document]: ...

    # claims
    def replace_claims(self, doc_id: str, extractor: str, claims: Sequence[Claim]) -> int:
        """Atomically replace what `extractor` said about `doc_id`."""
        ...

    def get_claim(self, claim_id: str) -> Claim: ...

    def iter_claims(self, flt: ClaimFilter | None = None) -> Iterator[Claim]: ...

    def list_claims(
        self, flt: ClaimFilter | None = None, *, cursor: str | None = None, limit: int = 100
    ) -> Page[Claim]: ...

    # incidents and assessments (replaced whole per linker / rule set run)
    def replace_incidents(self, linker: str, incidents: Sequence[Incident]) -> int: ...

    def get_incident(self, incident_id: str) -> Incident: ...

    def list_incidents(
        self, flt: ClaimFilter | None = None, *, cursor: str | None = None, limit: int = 100
    ) -> Page[Incident]: ...

    def replace_assessments(self, ruleset: str, assessments: Sequence[Assessment]) -> int: ...

    def replace_assessed(
        self, linker: str, incidents: Sequence[Incident], ruleset: str, assessments: Sequence[Assessment]
    ) -> tuple[int, int]:
        """Both replacements in one transaction (what `assess` writes)."""
        ...

    def list_assessments(
        self, flt: ClaimFilter | None = None, *, cursor: str | None = None, limit: int = 100
    ) -> Page[Assessment]: ...

    # reviews
    def add_review(self, review: Review) -> None: ...

    def list_reviews(self, claim_id: str) -> list[Review]: ...

    # aggregates
    def timeline(self, flt: ClaimFilter | None = None) -> list[dict[str, Any]]:
        """One row per (date, claimant party, attacker, target country):
        claims, and summed launched / intercepted / lost / hit counts."""
        ...


# Records of the watch state (store/watch_state.py).
@dataclass(frozen=True)
class NightIncident:
    """What lineage needs of an incident: its night and its claims."""

    id: str
    target_country: str | None
    day_ord: int
    claim_ids: tuple[str, ...]


@dataclass(frozen=True)
class NewAlert:
    id: str
    kind: str
    subject: str
    payload: dict[str, Any]


@dataclass(frozen=True)
class Delivery:
    alert_id: str
    channel: str
    attempts: int
    subject: str
    payload: dict[str, Any]


@runtime_checkable
class WatchRepository(Repository, Protocol):
    """A repository `ceasewatch watch` can run on: it re-assesses single
    nights and keeps its progress and alert outbox in the database."""

    def replace_assessed_days(
        self, linker: str, days: Iterable[date], incidents: Sequence[Incident], ruleset: str,
        assessments: Sequence[Assessment],
    ) -> tuple[int, int]:
        """`replace_assessed` for the incidents of the given days only."""
        ...

    def watch_state(self) -> Any:
        """A `store.watch_state.WatchState` over this database."""
        ...
