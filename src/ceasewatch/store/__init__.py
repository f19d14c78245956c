"""Storage: `open_store(url)` returns a `Repository` (store/base.py) backed
by SQLite or PostgreSQL, with the schema migrated to the current version.

    store = open_store("sqlite:///ceasewatch.db")
    store = open_store("postgresql://user:pw@127.0.0.1:5432/ceasewatch")

URLs: `sqlite:///relative.db`, `sqlite:////abs/path.db`, `sqlite://` (in
memory, one shared connection, for tests), a bare file path (SQLite), and
`postgresql://` / `postgres://` (normalised to the psycopg 3 driver).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic_core import from_json
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.pool import QueuePool, StaticPool

from ..errors import StoreError
from .base import AddResult, ClaimFilter, Page, Repository
from .migrations import MIGRATIONS, Migrations
from .sql import SqlRepository

__all__ = [
    "open_store",
    "normalize_url",
    "mask_url",
    "SqlRepository",
    "Repository",
    "ClaimFilter",
    "Page",
    "AddResult",
    "STORE_NAME",
    "SQLITE_BUSY_TIMEOUT_MS",
]

# Versioned name of this storage implementation (spaCy-style registry name).
STORE_NAME = "ceasewatch.store.sql.v1"
SQLITE_BUSY_TIMEOUT_MS = 30_000
SQLITE_CACHE_KIB = 64 * 1024
# Reads through a memory map of the file: every pooled connection shares the
# operating system's page cache instead of copying pages into its own.
SQLITE_MMAP_BYTES = 8 * 1024**3


def normalize_url(url: str) -> URL:
    """Parse a database URL; PostgreSQL URLs get the psycopg 3 driver and a
    path without a scheme means a SQLite file."""
    text = url.strip()
    if "://" not in text:
        text = "sqlite:///" + str(Path(text).expanduser())
    if text.startswith("postgres://"):
        text = "postgresql://" + text[len("postgres://") :]
    try:
        parsed = make_url(text)
    except ArgumentError as exc:
        raise StoreError(
            f"not a database URL: {mask_text(url)!r}",
            hint="use sqlite:///path/to/file.db or postgresql://user:password@host:port/dbname",
        ) from exc
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise StoreError(
            f"unsupported database {parsed.get_backend_name()!r}",
            source=mask_url(parsed),
            hint="ceasewatch stores into SQLite (sqlite:///file.db) or PostgreSQL (postgresql://...)",
        )
    return parsed


def mask_url(url: URL | str) -> str:
    """The URL with any password replaced by ***."""
    parsed = make_url(url) if isinstance(url, str) else url
    return parsed.render_as_string(hide_password=True)


def mask_text(url: str) -> str:
    try:
        return mask_url(url)
    except ArgumentError:
        return "<unparseable URL>"


# Connections kept open per store (SQLAlchemy QueuePool), and how many more
# it may open for a moment. The server reads through at most
# Settings.store_threads threads, so with the pool as large no request waits
# for a connection, and none is closed and reopened under load (each
# SQLite connect runs the PRAGMAs below; each PostgreSQL one is a login).
DEFAULT_POOL_SIZE = 8
POOL_OVERFLOW = 4
POOL_TIMEOUT_S = 30


def _pool_args(pool_size: int) -> dict[str, Any]:
    return {"pool_size": pool_size, "max_overflow": POOL_OVERFLOW, "pool_timeout": POOL_TIMEOUT_S}


def _json_loads(text: str | bytes) -> Any:
    """JSON columns (claim, incident and assessment records) decoded by
    pydantic_core's Rust parser: the same values as json.loads, 3.5x faster
    on claim records (a week's CSV of 5,800 claims spent a third of its time
    in json.loads)."""
    return from_json(text)


def _sqlite_engine(url: URL, pool_size: int = DEFAULT_POOL_SIZE) -> Engine:
    database = url.database or ""
    in_memory = database in ("", ":memory:")
    if not in_memory:
        parent = Path(database).expanduser().resolve().parent
        if not parent.is_dir():
            raise StoreError(
                f"folder {str(parent)!r} of the SQLite database does not exist",
                source=mask_url(url),
                hint="create the folder first, or give another --db path",
            )
    kwargs: dict[str, Any] = {
        "connect_args": {"check_same_thread": False, "timeout": SQLITE_BUSY_TIMEOUT_MS / 1000},
        "json_deserializer": _json_loads,
    }
    if in_memory:
        # One shared connection, or every new connection would see an empty database.
        kwargs["poolclass"] = StaticPool
    else:
        kwargs.update(poolclass=QueuePool, **_pool_args(pool_size))
    engine = create_engine(url, **kwargs)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # SQLAlchemy emits BEGIN itself (below), so let the driver stay out
        # of transaction handling (the documented pysqlite recipe).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys = ON")
        cur.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        # Claim ids are hashes, so inserts land all over the index B-trees; a
        # page cache larger than the 2 MB default keeps big loads from
        # slowing down as the file grows. Negative = KiB.
        cur.execute(f"PRAGMA cache_size = -{SQLITE_CACHE_KIB}")
        if not in_memory:
            cur.execute("PRAGMA journal_mode = WAL")
            # WAL + NORMAL: a crash or kill never corrupts and never loses a
            # committed transaction; only a power cut may lose the last ones.
            cur.execute("PRAGMA synchronous = NORMAL")
            cur.execute(f"PRAGMA mmap_size = {SQLITE_MMAP_BYTES}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # Writers take the lock up front: a deferred transaction that reads and
        # then writes can fail at once with "database is locked" instead of
        # waiting on busy_timeout.
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("write") else "BEGIN")

    return engine


def _postgres_engine(url: URL, pool_size: int = DEFAULT_POOL_SIZE) -> Engine:
    return create_engine(
        url,
        pool_pre_ping=True,
        pool_recycle=3600,
        connect_args={"connect_timeout": 10},
        json_deserializer=_json_loads,
        **_pool_args(pool_size),
    )


def open_store(
    url: str, *, migrate: bool = True, migrations: Migrations = MIGRATIONS, pool_size: int = DEFAULT_POOL_SIZE
) -> SqlRepository:
    """Open (and by default create or migrate) the database at `url`, with
    `pool_size` pooled connections (the server passes Settings.store_threads).

    Raises StoreError when the database is unreachable, the URL is not
    SQLite or PostgreSQL, or the schema is newer than this code."""
    parsed = normalize_url(url)
    masked = mask_url(parsed)
    if parsed.get_backend_name() == "sqlite":
        engine = _sqlite_engine(parsed, pool_size)
    else:
        engine = _postgres_engine(parsed, pool_size)
    store = SqlRepository(engine, url=masked, migrations=migrations)
    if migrate:
        try:
            store.migrate()
        except StoreError as exc:
            engine.dispose()
            if isinstance(exc.__cause__, OperationalError):
                raise StoreError(
                    f"cannot open the database: {exc.__cause__.orig}",
                    source=masked,
                    hint="check the URL, that the server runs (scripts/pg.sh start) and the credentials",
                ) from exc
            raise
    return store
