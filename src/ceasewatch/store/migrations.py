"""Versioned schema migrations, registered with a decorator (sqlite-utils /
datasette style) and recorded in the `schema_migrations` table.

    @MIGRATIONS(2, "add claim_places.country")
    def _add_place_country(conn: Connection) -> None:
        ...

`apply_migrations(engine)` runs every migration newer than the database in
one transaction each, so a failed migration leaves the previous version in
place. A database whose version is newer than the code is refused with a
`StoreError` instead of being written with an older idea of the schema.

Migration 1 creates the tables from `schema.metadata`; a later migration
that changes a table must therefore also work on a database that migration
1 created with the change already in it (check with `inspect(conn)`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, inspect, literal, select, text, union

from ..errors import StoreError
from . import aggregates, review_schema, schema, watch_state

__all__ = ["Migration", "Migrations", "MIGRATIONS", "apply_migrations", "current_version"]

MigrationFn = Callable[[Connection], None]


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    fn: MigrationFn


class Migrations:
    """An ordered set of migrations; use an instance as a decorator factory."""

    def __init__(self) -> None:
        self._by_version: dict[int, Migration] = {}

    def __call__(self, version: int, name: str) -> Callable[[MigrationFn], MigrationFn]:
        def register(fn: MigrationFn) -> MigrationFn:
            if version in self._by_version:
                raise ValueError(f"migration {version} registered twice")
            if version < 1:
                raise ValueError("migration versions start at 1")
            self._by_version[version] = Migration(version, name, fn)
            return fn

        return register

    @property
    def ordered(self) -> list[Migration]:
        return [self._by_version[v] for v in sorted(self._by_version)]

    @property
    def latest(self) -> int:
        return max(self._by_version, default=0)


MIGRATIONS = Migrations()


@MIGRATIONS(1, "initial tables")
def _initial_tables(conn: Connection) -> None:
    schema.metadata.create_all(conn, checkfirst=True)


@MIGRATIONS(2, "claim_facets search index and covering timeline indexes")
def _claim_facets(conn: Connection) -> None:
    schema.claim_facets.create(conn, checkfirst=True)
    schema.ix_claims_timeline.create(conn, checkfirst=True)
    schema.ix_claims_party_timeline.create(conn, checkfirst=True)
    # Backfill from the child tables of claims stored at version 1 (target
    # codes have at most two levels there: the code and its top level).
    f, c = schema.claim_facets, schema.claims
    reg, tgt = schema.claim_regions, schema.claim_targets
    have = select(f.c.claim_id).limit(1)
    if conn.execute(have).first() is not None:
        return
    rows = union(
        select(reg.c.claim_id, literal("region"), reg.c.region, c.c.day_ord).join(
            c, c.c.id == reg.c.claim_id
        ),
        select(tgt.c.claim_id, literal("target"), tgt.c.top, c.c.day_ord).join(c, c.c.id == tgt.c.claim_id),
        select(tgt.c.claim_id, literal("target"), tgt.c.code, c.c.day_ord).join(c, c.c.id == tgt.c.claim_id),
    )
    conn.execute(f.insert().from_select(["claim_id", "facet", "value", "day_ord"], rows))


@MIGRATIONS(3, "claim_day_totals, claim_facet_days and claim_facet_totals aggregates, filled from the claims")
def _aggregates(conn: Connection) -> None:
    for table in (schema.claim_day_totals, schema.claim_facet_days, schema.claim_facet_totals):
        table.create(conn, checkfirst=True)
    # Recomputed whole, so a re-run (or a database made by migration 1 with
    # the tables already there) ends up exact as well.
    aggregates.rebuild(conn)


@MIGRATIONS(4, "store_state counters (what assess last wrote, for the server's caches)")
def _store_state(conn: Connection) -> None:
    schema.store_state.create(conn, checkfirst=True)


@MIGRATIONS(5, "accounts, field reviews, verdict overrides and the audit trail")
def _review_tables(conn: Connection) -> None:
    for name in review_schema.REVIEW_TABLES:
        schema.metadata.tables[name].create(conn, checkfirst=True)


@MIGRATIONS(6, "watch state and alert outbox (store/watch_state.py)")
def _watch_state(conn: Connection) -> None:
    watch_state.create_tables(conn)


def _lock(conn: Connection) -> None:
    # PostgreSQL: a transaction-scoped advisory lock (released at commit)
    # keeps concurrent migrators from racing on CREATE TABLE.
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(7305612)"))


def current_version(conn: Connection) -> int:
    """The schema version stored in the database; 0 for an empty database."""
    if not inspect(conn).has_table(schema.schema_migrations.name):
        return 0
    versions = conn.execute(select(schema.schema_migrations.c.version)).scalars().all()
    return max(versions, default=0)


def apply_migrations(engine: Engine, migrations: Migrations = MIGRATIONS, *, source: str = "") -> int:
    """Bring the schema up to `migrations.latest`; idempotent. Returns the
    version the database is at afterwards."""
    # `write=True`: on SQLite each transaction starts with BEGIN IMMEDIATE
    # (see sql.py), which serialises two processes migrating at once.
    with engine.connect().execution_options(write=True) as conn:
        with conn.begin():
            _lock(conn)
            schema.schema_migrations.create(conn, checkfirst=True)
        with conn.begin():
            have = current_version(conn)
        if have > migrations.latest:
            raise StoreError(
                f"database schema version {have} is newer than this ceasewatch supports ({migrations.latest})",
                source=source or None,
                hint="upgrade ceasewatch, or point --db at a database made by this version",
            )
        for mig in migrations.ordered:
            if mig.version <= have:
                continue
            with conn.begin():
                _lock(conn)
                # Two processes may migrate at once: re-check inside the transaction.
                if current_version(conn) >= mig.version:
                    continue
                mig.fn(conn)
                conn.execute(
                    schema.schema_migrations.insert().values(
                        version=mig.version, name=mig.name, applied_at=datetime.now(UTC)
                    )
                )
        with conn.begin():
            return current_version(conn)
