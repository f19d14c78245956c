"""`SqlRepository`: the `Repository` protocol on SQLAlchemy Core, for SQLite
(the default, a file in WAL mode) and PostgreSQL (psycopg 3).

Writes:
- `add_documents` commits each document on its own, so a process killed in
  the middle of a batch leaves only complete documents behind;
- `replace_claims`, `replace_incidents`, `replace_assessments` each run in
  one transaction: readers see the old set or the new one, never a mix;
  `replace_assessed` replaces incidents and assessments together (assess);
- `add_documents_bulk` and `replace_claims_bulk` are the fast paths for
  loading large data sets (benchmarks: 1M claims), a transaction per chunk;
- every write of claims updates the aggregate tables (claim_day_totals,
  claim_facet_days, claim_facet_totals; store/aggregates.py) in the same
  transaction; `timeline`, `region_counts` and listing totals read them
  when the filter allows.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import fields, replace
from datetime import UTC, date, datetime
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, FromClause, Table, delete, func, insert, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import DBAPIError, IntegrityError, SQLAlchemyError

from ..errors import InputError, NotFound, StoreError
from ..model import MEASURES, Assessment, Claim, Document, Incident, Review
from . import aggregates as agg
from . import audit, located
from . import query as q
from . import rows as r
from . import schema as s
from . import watch_state as ws
from .accounts import AccountStore
from .base import AddResult, ClaimFilter, Page
from .migrations import MIGRATIONS, Migrations, apply_migrations, current_version
from .review_schema import REVIEW_COUNTED
from .reviewing import ReviewStore

__all__ = ["SqlRepository", "ASSESSED", "DATA"]

# The store_state counters: bumped by every write of incidents or
# assessments, and by every write transaction at all.
ASSESSED = "assessments"
DATA = "data"

T = TypeVar("T")

_DOC_ORDER = (s.documents.c.sort_ts, s.documents.c.id)
_INCIDENT_ORDER = (s.incidents.c.day_ord, s.incidents.c.id)


class SqlRepository(AccountStore, ReviewStore):
    """Built by `store.open_store(url)`; use as a context manager or call
    `close()`. Accounts, reviews and the audit trail: store/accounts.py,
    store/reviewing.py."""

    def __init__(self, engine: Engine, *, url: str, migrations: Migrations = MIGRATIONS) -> None:
        self._engine = engine
        self._migrations = migrations
        self.url = url
        self.dialect = engine.dialect.name
        self._plans: dict[tuple[str, tuple[str, ...]], tuple[str, tuple[str, ...], list[Any]]] = {}

    def __enter__(self) -> SqlRepository:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"SqlRepository({self.url!r})"

    # -- plumbing ---------------------------------------------------------
    @contextmanager
    def _write(self) -> Iterator[Connection]:
        """One write transaction (BEGIN IMMEDIATE on SQLite, so concurrent
        writers wait on the busy timeout instead of failing to upgrade).
        Its last statement bumps the "data" generation (`store_state`), so a
        server's response cache knows the data changed; last, so on
        PostgreSQL concurrent writers hold that row only while committing."""
        with self._errors(), self._engine.connect().execution_options(write=True) as conn, conn.begin():
            yield conn
            self._bump(conn, DATA)

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        with self._errors(), self._engine.connect() as conn, conn.begin():
            yield conn

    @contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except IntegrityError as exc:
            foreign = "foreign key" in str(exc.orig).lower()
            raise StoreError(
                f"the database refused a write: {exc.orig}",
                source=self.url,
                hint="store the document before its claims (add_documents first)"
                if foreign
                else "two records in one write share an id; nothing of this write was stored",
            ) from exc
        except DBAPIError as exc:
            raise StoreError(
                f"database error: {exc.orig}",
                source=self.url,
                hint="check that the database is reachable and not locked by another program",
            ) from exc
        except SQLAlchemyError as exc:
            raise StoreError(f"database error: {exc}", source=self.url) from exc

    def _insert(self, table: Table):  # dialect insert with on_conflict_do_nothing
        return (postgresql.insert if self.dialect == "postgresql" else sqlite.insert)(table)

    def _page(self, items: list[T], keys: list[list[Any]], kind: str, limit: int, total: int) -> Page[T]:
        more = len(items) > limit
        nxt = q.encode_cursor(kind, keys[limit - 1]) if more else None
        return Page(items=items[:limit], next_cursor=nxt, total=total)

    @staticmethod
    def _check_limit(limit: int) -> None:
        if limit < 1:
            raise InputError(f"limit must be at least 1, got {limit}", location="limit")

    @staticmethod
    def _check_text(flt: ClaimFilter | None = None, **values: Any) -> None:
        """Refuse NUL in keys and filter strings on every dialect alike
        (PostgreSQL text cannot hold it and would fail the query)."""
        named = list(values.items())
        if flt is not None:
            named += [(f.name, getattr(flt, f.name)) for f in fields(flt)]
        for name, value in named:
            if isinstance(value, str) and "\x00" in value:
                raise InputError(
                    f"{name} contains a NUL character", location=name, hint="remove the NUL (%00) from the value"
                )

    # -- schema -----------------------------------------------------------
    def migrate(self) -> int:
        with self._errors():
            return apply_migrations(self._engine, self._migrations, source=self.url)

    def schema_version(self) -> int:
        with self._read() as conn:
            return current_version(conn)

    def info(self) -> dict[str, Any]:
        with self._read() as conn:
            counts = {
                name: conn.execute(select(func.count()).select_from(s.metadata.tables[name])).scalar_one()
                for name in (*s.RECORD_TABLES, *REVIEW_COUNTED)
            }
            version = current_version(conn)
        return {
            "url": self.url,
            "dialect": self.dialect,
            "schema_version": version,
            "code_schema_version": self._migrations.latest,
            "counts": counts,
        }

    def close(self) -> None:
        self._engine.dispose()

    # -- documents --------------------------------------------------------
    def add_documents(self, docs: Iterable[Document]) -> AddResult:
        result = AddResult()
        for doc in docs:
            self._check_doc_text(doc)
            row = r.document_row(doc, ingested_at=datetime.now(UTC))
            with self._write() as conn:  # one transaction per document
                stmt = (
                    self._insert(s.documents)
                    .values(row)
                    .on_conflict_do_nothing(index_elements=["id"])
                    .returning(s.documents.c.id)
                )
                # RETURNING, not rowcount: drivers disagree on rowcount here.
                done = conn.execute(stmt).first() is not None
            (result.added if done else result.existing).append(doc.id)
        return result

    def add_documents_bulk(self, docs: Iterable[Document], *, chunk_size: int = 1000) -> int:
        """Fast path for large loads: `executemany` per chunk, one transaction
        per chunk, existing ids skipped. Returns how many rows were offered."""
        n = 0
        for chunk in q.chunks(docs, chunk_size):
            for doc in chunk:
                self._check_doc_text(doc)
            now = datetime.now(UTC)
            with self._write() as conn:
                stmt = self._insert(s.documents).on_conflict_do_nothing(index_elements=["id"])
                conn.execute(stmt, [r.document_row(d, ingested_at=now) for d in chunk])
            n += len(chunk)
        return n

    @staticmethod
    def _check_doc_text(doc: Document) -> None:
        # PostgreSQL text cannot hold NUL; refuse it on every dialect alike.
        if "\x00" in doc.text:
            raise InputError(
                "document text contains NUL characters",
                source=doc.source_id or doc.id,
                location=f"offset {doc.text.index(chr(0))}",
                hint="remove control characters when reading the file (ingest normalisation)",
            )

    def get_document(self, ref: str) -> Document:
        self._check_text(ref=ref)
        d = s.documents.c
        with self._read() as conn:
            row = conn.execute(select(s.documents).where(d.id == ref)).mappings().first()
            if row is None:
                row = (
                    conn.execute(
                        select(s.documents).where(d.source_id == ref).order_by(d.sort_ts, d.id).limit(1)
                    )
                    .mappings()
                    .first()
                )
        if row is None:
            raise NotFound(
                f"no document {ref!r}", source=ref, hint="list documents with `ceasewatch db info`"
            )
        return r.row_to_document(row)

    def iter_documents(
        self, *, language: str | None = None, flt: ClaimFilter | None = None, batch: int = 500
    ) -> Iterator[Document]:
        cursor = None
        while True:
            page = self.list_documents(cursor=cursor, limit=batch, language=language, flt=flt, count=False)
            yield from page.items
            if page.next_cursor is None:
                return
            cursor = page.next_cursor

    def list_documents(
        self,
        *,
        cursor: str | None = None,
        limit: int = 100,
        language: str | None = None,
        flt: ClaimFilter | None = None,
        count: bool = True,
    ) -> Page[Document]:
        """Newest first (undated documents last); `count=False` skips
        `total`. `flt` filters on the publication day and on the document's
        claims (`store.query.document_conditions`)."""
        self._check_limit(limit)
        self._check_text(flt, language=language)
        conds = [s.documents.c.language == language] if language is not None else []
        conds += q.document_conditions(flt)
        after = q.decode_cursor("documents", cursor, (int, str)) if cursor else None
        stmt = q.keyset(select(s.documents).where(*conds), _DOC_ORDER, after).limit(limit + 1)
        with self._read() as conn:
            rows = conn.execute(stmt).mappings().all()
            total = self._count(conn, s.documents, conds) if count else None
        return self._page(
            [r.row_to_document(x) for x in rows],
            [[x["sort_ts"], x["id"]] for x in rows],
            "documents",
            limit,
            total,
        )

    def _count(self, conn: Connection, table: FromClause, conds: Sequence[Any]) -> int:
        return conn.execute(select(func.count()).select_from(table).where(*conds)).scalar_one()

    def _count_claims(self, conn: Connection, flt: ClaimFilter | None, cq: q.ClaimQuery) -> int:
        # A sum over the aggregate where it can answer: counting the claims
        # of a target and a party joined 1M rows (2 s at 1M claims).
        stmt = agg.count_query(flt)
        if stmt is not None:
            return int(conn.execute(stmt).scalar_one())
        return self._count(conn, cq.count_source, cq.count_conds)

    # -- claims -----------------------------------------------------------
    def replace_claims(self, doc_id: str, extractor: str, claims: Sequence[Claim]) -> int:
        return self.replace_claims_bulk([(doc_id, extractor, claims)])

    def replace_claims_bulk(
        self, items: Iterable[tuple[str, str, Sequence[Claim]]], *, chunk_size: int = 500
    ) -> int:
        """Replace what each `(doc_id, extractor)` said, for many documents:
        groups are written `chunk_size` at a time, each chunk in one
        transaction with `executemany` per table (the fast path for loading
        1M claims). Returns the number of claims stored."""
        stored = 0
        for chunk in q.chunks(items, chunk_size):
            rows = r.ClaimRows()
            seen: set[str] = set()
            for doc_id, extractor, claims in chunk:
                for c in claims:
                    rows.add(c, self._check_claim(c, doc_id, extractor, seen))
            by_extractor: dict[str, list[str]] = {}
            for doc_id, extractor, _ in chunk:
                by_extractor.setdefault(extractor, []).append(doc_id)
            with self._write() as conn:
                deltas = agg.Deltas()
                for extractor, doc_ids in by_extractor.items():
                    for part in q.chunks(doc_ids, 500):
                        self._delete_claims(conn, extractor, part, deltas)
                self._insert_many(conn, s.claims, rows.claims)
                for name, child_rows in rows.children().items():
                    self._insert_many(conn, s.metadata.tables[name], child_rows)
                new_facets: dict[str, list[tuple[str, str]]] = {}
                for f in rows.claim_facets:
                    new_facets.setdefault(f["claim_id"], []).append((f["facet"], f["value"]))
                for row in rows.claims:
                    deltas.add(row, new_facets.get(row["id"], ()), +1)
                deltas.apply(conn)  # same transaction: aggregates never disagree with claims
            stored += len(rows.claims)
        return stored

    @staticmethod
    def _delete_claims(conn: Connection, extractor: str, doc_ids: list[str], deltas: agg.Deltas) -> None:
        """Delete what `extractor` said about `doc_ids` and take it off the
        aggregates. `doc_id IN (...)` per extractor: both dialects use the
        (doc_id, extractor) index for that (a row-value IN can scan). Child
        rows go by ON DELETE CASCADE, so the facets are read first."""
        c_, f_ = s.claims.c, s.claim_facets.c
        which = (c_.extractor == extractor, c_.doc_id.in_(doc_ids))
        facets: dict[str, list[tuple[str, str]]] = {}
        for cid, facet, value in conn.execute(
            select(f_.claim_id, f_.facet, f_.value).join(s.claims, c_.id == f_.claim_id).where(*which)
        ):
            facets.setdefault(cid, []).append((facet, value))
        gone = conn.execute(
            delete(s.claims)
            .where(*which)
            .returning(c_.id, c_.day_ord, c_.claimant_party, c_.attacker, c_.target_country, *(c_[m] for m in MEASURES))
        ).mappings()
        for row in gone:
            deltas.add(row, facets.get(row["id"], ()), -1)

    def rebuild_aggregates(self) -> None:
        """Recompute the aggregate tables from the claims (only needed after
        claims were written by SQL outside this class)."""
        with self._write() as conn:
            agg.rebuild(conn)

    def _insert_many(self, conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
        """executemany of `rows` (all with the same keys). On SQLite the
        statement goes to the driver directly with values converted by the
        columns' own bind processors (so stored formats are SQLAlchemy's):
        about a third of the CPU of a bulk load was SQLAlchemy's per-row
        parameter handling."""
        if not rows:
            return
        if self.dialect != "sqlite":
            conn.execute(insert(table), rows)
            return
        sql, cols, procs = self._sqlite_insert_plan(table, tuple(rows[0]))
        conn.exec_driver_sql(
            sql, [tuple(p(r[c]) if p else r[c] for c, p in zip(cols, procs, strict=True)) for r in rows]
        )

    def _sqlite_insert_plan(
        self, table: Table, cols: tuple[str, ...]
    ) -> tuple[str, tuple[str, ...], list[Any]]:
        key = (table.name, cols)
        plan = self._plans.get(key)
        if plan is None:
            dialect = self._engine.dialect
            quote = dialect.identifier_preparer.quote
            sql = (
                f"INSERT INTO {quote(table.name)} ({', '.join(quote(c) for c in cols)}) "
                f"VALUES ({', '.join('?' for _ in cols)})"
            )
            plan = self._plans[key] = (sql, cols, [table.c[c].type.bind_processor(dialect) for c in cols])
        return plan

    @staticmethod
    def _check_claim(c: Claim, doc_id: str, extractor: str, seen: set[str]) -> str:
        """The claim's id, after checking it belongs to the group and is new."""
        if c.doc_id != doc_id or c.extractor != extractor:
            raise InputError(
                f"claim of ({c.doc_id}, {c.extractor}) given to replace ({doc_id}, {extractor})",
                source=doc_id,
                location="claims",
                hint="pass only the claims of that document and extractor",
            )
        cid = c.id
        if cid in seen:
            raise InputError(
                f"two claims with the same key {c.key} for one document and extractor",
                source=doc_id,
                location=cid,
                hint="merge them first with ceasewatch.model.merge_claims (spec section 4)",
            )
        seen.add(cid)
        return cid

    def get_claim(self, claim_id: str) -> Claim:
        self._check_text(claim_id=claim_id)
        with self._read() as conn:
            record = conn.execute(select(s.claims.c.record).where(s.claims.c.id == claim_id)).scalar()
        if record is None:
            raise NotFound(f"no claim {claim_id!r}", source=claim_id, hint="list claims with the API or CLI")
        return r.decode_claim(record)

    def iter_claims(self, flt: ClaimFilter | None = None, *, batch: int = 1000) -> Iterator[Claim]:
        cursor = None
        while True:
            page = self.list_claims(flt, cursor=cursor, limit=batch, count=False)
            yield from page.items
            if page.next_cursor is None:
                return
            cursor = page.next_cursor

    def iter_claim_records(
        self, flt: ClaimFilter | None = None, *, batch: int = 2000
    ) -> Iterator[tuple[str, dict[str, Any]]]:
        """(claim id, stored JSON record as a dict) of every claim of the
        view, in listing order, without building `Claim` objects: the CSV
        download's fast path (building the dataclasses was two thirds of
        its time)."""
        self._check_text(flt)
        cq = q.claim_query(flt)
        c = s.claims.c
        base = select(c.day_ord, c.id, c.record).select_from(cq.source).where(*cq.conds)
        after: list[Any] | None = None
        while True:
            with self._read() as conn:
                rows = conn.execute(q.keyset(base, cq.order, after).limit(batch)).all()
            for row in rows:
                yield row.id, row.record
            if len(rows) < batch:
                return
            after = [rows[-1].day_ord, rows[-1].id]

    def list_claims(
        self,
        flt: ClaimFilter | None = None,
        *,
        cursor: str | None = None,
        limit: int = 100,
        count: bool = True,
    ) -> Page[Claim]:
        """Newest date first, then by id (undated claims last)."""
        self._check_limit(limit)
        self._check_text(flt)
        cq = q.claim_query(flt)
        after = q.decode_cursor("claims", cursor, (int, str)) if cursor else None
        c = s.claims.c
        base = select(c.day_ord, c.id, c.record).select_from(cq.source).where(*cq.conds)
        stmt = q.keyset(base, cq.order, after).limit(limit + 1)
        with self._read() as conn:
            rows = conn.execute(stmt).all()
            total = self._count_claims(conn, flt, cq) if count else None
        return self._page(
            [r.decode_claim(x.record) for x in rows],
            [[x.day_ord, x.id] for x in rows],
            "claims",
            limit,
            total,
        )

    # -- incidents and assessments -----------------------------------------
    def replace_incidents(self, linker: str, incidents: Sequence[Incident]) -> int:
        rows = self._incident_rows(linker, incidents)
        with self._write() as conn:
            self._bump(conn, ASSESSED)
            return self._replace_incidents(conn, linker, rows)

    @staticmethod
    def _incident_rows(linker: str, incidents: Sequence[Incident]) -> r.IncidentRows:
        for inc in incidents:
            if inc.linker != linker:
                raise InputError(
                    f"incident {inc.id} was made by {inc.linker!r}, not {linker!r}",
                    location="linker",
                    hint="replace the incidents of one linker at a time",
                )
        return r.incident_rows(list(incidents))

    @staticmethod
    def _replace_incidents(conn: Connection, linker: str, rows: r.IncidentRows) -> int:
        conn.execute(delete(s.incidents).where(s.incidents.c.linker == linker))
        if rows.incidents:
            conn.execute(insert(s.incidents), rows.incidents)
        for name, child_rows in rows.children().items():
            if child_rows:
                conn.execute(insert(s.metadata.tables[name]), child_rows)
        return len(rows.incidents)

    def replace_assessed(
        self, linker: str, incidents: Sequence[Incident], ruleset: str, assessments: Sequence[Assessment]
    ) -> tuple[int, int]:
        """Replace the incidents of `linker` and the assessments of `ruleset`
        in one transaction: a reader sees the previous complete state or the
        new one, never incidents without their verdicts (a kill between two
        transactions left that state until the next run)."""
        rows = self._incident_rows(linker, incidents)
        verdicts = self._assessment_rows(ruleset, assessments)
        with self._write() as conn:
            self._bump(conn, ASSESSED)
            n = self._replace_incidents(conn, linker, rows)
            m = self._replace_assessments(conn, ruleset, verdicts)
        return n, m

    def replace_assessed_days(
        self, linker: str, days: Iterable[date], incidents: Sequence[Incident], ruleset: str,
        assessments: Sequence[Assessment],
    ) -> tuple[int, int]:
        """`replace_assessed` for some monitoring days only (what `watch`
        writes after new reports): the incidents of `linker` on `days`
        and their assessments of `ruleset`, in one transaction."""
        ords = {d.toordinal() for d in days}
        outside = [inc.id for inc in incidents if inc.date is None or inc.date.toordinal() not in ords]
        if outside:
            raise InputError(f"incident {outside[0]} is not on one of the days replaced", location="incidents",
                             hint="pass only incidents of the given days")
        rows = self._incident_rows(linker, incidents)
        verdicts = self._assessment_rows(ruleset, assessments)
        with self._write() as conn:
            self._bump(conn, ASSESSED)
            ws.replace_nights(conn, linker, ruleset, sorted(ords), rows, verdicts)
        return len(rows.incidents), len(verdicts)

    def watch_state(self) -> ws.WatchState:
        """The tables `ceasewatch watch` keeps its progress and alerts in."""
        return ws.WatchState(self._engine, self._errors)

    def get_incident(self, incident_id: str) -> Incident:
        self._check_text(incident_id=incident_id)
        with self._read() as conn:
            record = conn.execute(
                select(s.incidents.c.record).where(s.incidents.c.id == incident_id)
            ).scalar()
        if record is None:
            raise NotFound(
                f"no incident {incident_id!r}", source=incident_id, hint="run `ceasewatch assess` first"
            )
        return r.decode_incident(record)

    def list_incidents(
        self, flt: ClaimFilter | None = None, *, cursor: str | None = None, limit: int = 100
    ) -> Page[Incident]:
        """Newest date first, then by id."""
        self._check_limit(limit)
        self._check_text(flt)
        conds = q.incident_conditions(flt)
        after = q.decode_cursor("incidents", cursor, (int, str)) if cursor else None
        i = s.incidents.c
        stmt = q.keyset(select(i.day_ord, i.id, i.record).where(*conds), _INCIDENT_ORDER, after).limit(
            limit + 1
        )
        with self._read() as conn:
            rows = conn.execute(stmt).all()
            total = self._count(conn, s.incidents, conds)
        return self._page(
            [r.decode_incident(x.record) for x in rows],
            [[x.day_ord, x.id] for x in rows],
            "incidents",
            limit,
            total,
        )

    def replace_assessments(self, ruleset: str, assessments: Sequence[Assessment]) -> int:
        rows = self._assessment_rows(ruleset, assessments)
        with self._write() as conn:
            self._bump(conn, ASSESSED)
            return self._replace_assessments(conn, ruleset, rows)

    @staticmethod
    def _assessment_rows(ruleset: str, assessments: Sequence[Assessment]) -> list[dict[str, Any]]:
        for a in assessments:
            if a.ruleset != ruleset:
                raise InputError(
                    f"assessment {a.id} was made by {a.ruleset!r}, not {ruleset!r}",
                    location="ruleset",
                    hint="replace the assessments of one rule set at a time",
                )
        return [r.assessment_row(a) for a in assessments]

    @staticmethod
    def _replace_assessments(conn: Connection, ruleset: str, rows: list[dict[str, Any]]) -> int:
        conn.execute(delete(s.assessments).where(s.assessments.c.ruleset == ruleset))
        if rows:
            conn.execute(insert(s.assessments), rows)
        return len(rows)

    def list_assessments(
        self, flt: ClaimFilter | None = None, *, cursor: str | None = None, limit: int = 100
    ) -> Page[Assessment]:
        """Ordered by id (stable; ids are content hashes)."""
        self._check_limit(limit)
        self._check_text(flt)
        conds = q.assessment_conditions(flt)
        after = q.decode_cursor("assessments", cursor, (str,)) if cursor else None
        a = s.assessments.c
        stmt = q.keyset(select(a.id, a.record).where(*conds), (a.id,), after).limit(limit + 1)
        with self._read() as conn:
            rows = conn.execute(stmt).all()
            total = self._count(conn, s.assessments, conds)
        return self._page(
            [r.decode_assessment(x.record) for x in rows], [[x.id] for x in rows], "assessments", limit, total
        )

    def _bump(self, conn: Connection, key: str) -> None:
        """Add one to a `store_state` counter, in the caller's transaction
        (taken first, so concurrent writers queue on it, never deadlock)."""
        t = s.store_state
        stmt = self._insert(t).values(key=key, value=1)
        conn.execute(stmt.on_conflict_do_update(index_elements=["key"], set_={"value": t.c.value + 1}))

    def generation(self, key: str = ASSESSED) -> int:
        """The `store_state` counter `key` ("assessments": bumped by every
        replacement of incidents or assessments; "data": by every write
        transaction); 0 when never written."""
        with self._read() as conn:
            value = conn.execute(select(s.store_state.c.value).where(s.store_state.c.key == key)).scalar()
        return int(value or 0)

    def verdict_counts(self, flt: ClaimFilter | None = None) -> list[tuple[str, str | None, str | None, str, int]]:
        """(agreement, version, violator, verdict, assessments) for every
        group of the assessments matching `flt` (its agreement field
        ignored: every agreement is counted), grouped in SQL."""
        self._check_text(flt)
        flt = replace(flt, agreement=None) if flt else None
        a = s.assessments.c
        keys = (a.agreement, a.version, a.violator, a.verdict)
        stmt = select(*keys, func.count()).where(*q.assessment_conditions(flt)).group_by(*keys)
        with self._read() as conn:
            return [(g, v, p, d, int(n)) for g, v, p, d, n in conn.execute(stmt)]

    def assessed_incident_counts(self, flt: ClaimFilter | None = None) -> dict[str, int]:
        """Agreement id -> distinct incidents assessed under it (as
        `verdict_counts`, its agreement field ignored)."""
        self._check_text(flt)
        flt = replace(flt, agreement=None) if flt else None
        a = s.assessments.c
        stmt = (
            select(a.agreement, func.count(func.distinct(a.incident_id)))
            .where(*q.assessment_conditions(flt))
            .group_by(a.agreement)
        )
        with self._read() as conn:
            return {g: int(n) for g, n in conn.execute(stmt)}

    # -- reviews ----------------------------------------------------------
    def add_review(self, review: Review) -> None:
        self.get_claim(review.claim_id)  # NotFound for an unknown claim
        with self._write() as conn:
            conn.execute(insert(s.reviews).values(r.review_row(review, seq=time.time_ns())))
            audit.append(conn, actor=review.reviewer, action=f"claim.{review.status}", subject=f"claim:{review.claim_id}",
                         after={"status": review.status}, reason=review.note)

    def list_reviews(self, claim_id: str) -> list[Review]:
        v = s.reviews.c
        with self._read() as conn:
            rows = conn.execute(
                select(s.reviews).where(v.claim_id == claim_id).order_by(v.seq, v.id)
            ).mappings()
            return [r.row_to_review(x) for x in rows]

    # -- ingest failures --------------------------------------------------
    def record_ingest_failure(
        self, path: str, reason: str, *, hint: str | None = None, code: str | None = None
    ) -> None:
        """Note a file ingest could not read (shown by `ceasewatch db info`)."""
        with self._write() as conn:
            conn.execute(
                insert(s.ingest_failures).values(
                    path=path, reason=reason, hint=hint, code=code, time=datetime.now(UTC)
                )
            )

    def list_ingest_failures(self, *, limit: int = 1000) -> list[dict[str, Any]]:
        f = s.ingest_failures.c
        with self._read() as conn:
            rows = conn.execute(select(s.ingest_failures).order_by(f.id.desc()).limit(limit)).mappings()
            return [dict(x) for x in rows]

    # -- map ------------------------------------------------------------------
    def located_places(
        self, flt: ClaimFilter | None = None, *, limit: int = 1000
    ) -> tuple[list[dict[str, Any]], bool]:
        """The newest `limit` located places of the filtered claims (the
        map's markers) and whether there are more (store/located.py)."""
        self._check_limit(limit)
        self._check_text(flt)
        with self._read() as conn:
            return located.located_places(conn, flt, limit=limit)

    def incident_ids(self, claim_ids: Iterable[str]) -> dict[str, str]:
        """claim id -> the incident naming it (claims in none are left out)."""
        with self._read() as conn:
            return located.incident_ids(conn, claim_ids)

    # -- aggregates -------------------------------------------------------
    def region_counts(self, flt: ClaimFilter | None = None) -> dict[str, dict[str, int]]:
        """Per region: the claims of the view naming it, in total
        (``"claims"``) and per claimant party (the dashboard's choropleth).
        From the aggregates when the filter allows, else from the claims."""
        self._check_text(flt)
        stmt = agg.region_counts_query(flt)
        with self._read() as conn:
            rows = conn.execute(stmt if stmt is not None else q.region_counts_query(flt)).all()
        counts: dict[str, dict[str, int]] = {}
        for region, party, n in rows:
            slot = counts.setdefault(region, {"claims": 0})
            slot["claims"] += int(n)
            slot[party] = slot.get(party, 0) + int(n)
        return dict(sorted(counts.items()))

    def timeline(self, flt: ClaimFilter | None = None) -> list[dict[str, Any]]:
        """From claim_day_totals / claim_facet_days when the filter allows
        (8,400 rows for 1M claims over 1,400 days), else grouped over claims."""
        self._check_text(flt)
        stmt = agg.timeline_query(flt)
        from_aggregate = stmt is not None
        with self._read() as conn:
            # Plain tuples: indexing SQLAlchemy rows cost 5 µs each in the sort.
            rows = [tuple(x) for x in conn.execute(stmt if from_aggregate else q.timeline_query(flt)).all()]
        rows.sort(key=lambda x: (x[0], x[1] or "", x[2] or "", x[3] or ""))
        days = {d: date.fromordinal(d).isoformat() for d in {x[0] for x in rows}}
        if from_aggregate:
            # Sums are stored integers; NO_COUNTRY ("") stands for unknown.
            return [
                {
                    "date": days[d],
                    "party": party,
                    "attacker": attacker or None,
                    "target_country": target or None,
                    "claims": n,
                    "launched": launched,
                    "intercepted": intercepted,
                    "lost": lost,
                    "hit": hit,
                }
                for d, party, attacker, target, n, launched, intercepted, lost, hit in rows
            ]
        return [
            {
                "date": days[d],
                "party": party,
                "attacker": attacker,
                "target_country": target,
                "claims": int(n),
                "launched": int(launched),
                "intercepted": int(intercepted),
                "lost": int(lost),
                "hit": int(hit),
            }
            for d, party, attacker, target, n, launched, intercepted, lost, hit in rows
        ]
