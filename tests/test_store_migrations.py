"""Schema migrations, URL handling and the `ceasewatch db` commands."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import create_engine, inspect, text
from typer.testing import CliRunner

from ceasewatch.cli import app
from ceasewatch.errors import StoreError
from ceasewatch.store import mask_url, normalize_url, open_store
from ceasewatch.store.migrations import MIGRATIONS, Migrations, apply_migrations


def _engine(store):
    return store._engine  # the test looks at the database the store opened


def test_store_migrate_is_idempotent(store_url):
    store = open_store(store_url)
    try:
        assert store.schema_version() == MIGRATIONS.latest
        assert store.migrate() == MIGRATIONS.latest
        assert store.migrate() == MIGRATIONS.latest
        with _engine(store).connect() as conn:
            rows = conn.execute(text("SELECT version, name FROM schema_migrations ORDER BY version")).all()
            tables = set(inspect(conn).get_table_names())
        assert [r.version for r in rows] == list(range(1, MIGRATIONS.latest + 1))
        assert {
            "documents",
            "claims",
            "claim_evidence",
            "incidents",
            "assessments",
            "ingest_failures",
        } <= tables
    finally:
        store.close()


def test_store_open_without_migrate_then_migrate(store_url):
    store = open_store(store_url, migrate=False)
    try:
        assert store.schema_version() == 0
        assert store.migrate() == MIGRATIONS.latest
    finally:
        store.close()


def test_store_newer_schema_is_refused(store_url):
    store = open_store(store_url)
    with _engine(store).begin() as conn:
        conn.execute(
            text("INSERT INTO schema_migrations (version, name, applied_at) VALUES (:v, 'future', :t)"),
            {"v": MIGRATIONS.latest + 5, "t": "2030-01-01 00:00:00+00:00"},
        )
    store.close()
    with pytest.raises(StoreError, match="newer") as info:
        open_store(store_url)
    assert "upgrade ceasewatch" in (info.value.hint or "")


def test_store_migrations_run_in_order_once(store_url):
    calls: list[int] = []
    migs = Migrations()

    @migs(2, "second")
    def _second(conn) -> None:
        calls.append(2)
        conn.execute(text("CREATE TABLE extra_two (x INTEGER)"))

    @migs(1, "first")
    def _first(conn) -> None:
        calls.append(1)
        conn.execute(text("CREATE TABLE extra_one (x INTEGER)"))

    store = open_store(store_url, migrate=False)
    try:
        assert apply_migrations(_engine(store), migs) == 2
        assert apply_migrations(_engine(store), migs) == 2
        assert calls == [1, 2]

        @migs(3, "broken")
        def _broken(conn) -> None:
            conn.execute(text("CREATE TABLE extra_three (x INTEGER)"))
            raise RuntimeError("boom")

        with pytest.raises(RuntimeError):
            apply_migrations(_engine(store), migs)
        with _engine(store).connect() as conn:
            # The failed migration left nothing behind: version and tables as before.
            assert conn.execute(text("SELECT max(version) FROM schema_migrations")).scalar() == 2
            assert not inspect(conn).has_table("extra_three")
    finally:
        store.close()


def test_store_migration_registry_rejects_duplicates():
    migs = Migrations()
    migs(1, "a")(lambda conn: None)
    with pytest.raises(ValueError):
        migs(1, "b")(lambda conn: None)
    with pytest.raises(ValueError):
        migs(0, "zero")(lambda conn: None)


@pytest.mark.parametrize(
    ("given", "driver"),
    [
        ("postgresql://u:pw@h:5432/db", "postgresql+psycopg"),
        ("postgres://u:pw@h/db", "postgresql+psycopg"),
        ("postgresql+psycopg://u:pw@h/db", "postgresql+psycopg"),
        ("sqlite:///x.db", "sqlite"),
        ("some/file.db", "sqlite"),
    ],
)
def test_store_url_normalised(given, driver):
    assert normalize_url(given).drivername == driver


def test_store_url_password_masked(store_url):
    assert "s3cret" not in mask_url("postgresql://u:s3cret@h/db")
    store = open_store(store_url)
    try:
        assert "ceasewatch:ceasewatch@" not in store.url  # the test server's password
        assert store.info()["url"] == store.url
    finally:
        store.close()


def test_store_unsupported_and_unreachable():
    with pytest.raises(StoreError, match="unsupported"):
        open_store("mysql://u:pw@localhost/db")
    with pytest.raises(StoreError) as info:
        open_store("postgresql://u:s3cret@127.0.0.1:9/db")  # nothing listens on port 9
    assert "s3cret" not in str(info.value) and info.value.hint


def test_store_sqlite_pragmas(tmp_path):
    store = open_store(f"sqlite:///{tmp_path / 'p.db'}")
    try:
        with _engine(store).connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000
    finally:
        store.close()


def test_store_memory_sqlite_shares_one_database():
    store = open_store("sqlite://")
    try:
        assert store.info()["counts"]["documents"] == 0
    finally:
        store.close()


runner = CliRunner()


def test_db_cli_init_migrate_info(store_url):
    result = runner.invoke(app, ["--db", store_url, "db", "migrate", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data == {"url": data["url"], "from_version": 0, "schema_version": MIGRATIONS.latest}
    result = runner.invoke(app, ["--db", store_url, "db", "init"])
    assert result.exit_code == 0 and "schema version" in result.stdout
    result = runner.invoke(app, ["--db", store_url, "db", "info", "--json"])
    assert result.exit_code == 0, result.output
    info = json.loads(result.stdout)
    assert info["schema_version"] == MIGRATIONS.latest and info["counts"]["claims"] == 0
    result = runner.invoke(app, ["--db", store_url, "db", "info"])
    assert result.exit_code == 0 and "documents" in result.stdout


def test_db_cli_error_exit_code(tmp_path):
    result = runner.invoke(app, ["--db", f"sqlite:///{tmp_path}/missing/dir/x.db", "db", "info"])
    assert result.exit_code == 1
    assert "CW600" in result.output


def test_db_cli_refuses_newer_schema(tmp_path):
    url = f"sqlite:///{tmp_path / 'new.db'}"
    open_store(url).close()
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO schema_migrations VALUES (999, 'future', '2030-01-01')"))
    engine.dispose()
    result = runner.invoke(app, ["--db", url, "db", "migrate"])
    assert result.exit_code == 1 and "newer" in result.output


def test_store_migration_2_backfills_claim_facets(filled_store, store_samples):
    """A database written at schema version 1 (no claim_facets rows) gets its
    search index filled by migration 2."""
    from ceasewatch.store import ClaimFilter

    engine = _engine(filled_store)
    with engine.begin() as conn:
        # Version 1 had neither the search index nor the aggregates built from it.
        for table in ("claim_facets", "claim_day_totals", "claim_facet_days", "claim_facet_totals"):
            conn.execute(text(f"DELETE FROM {table}"))
        conn.execute(text("DELETE FROM schema_migrations WHERE version >= 2"))
    assert filled_store.list_claims(ClaimFilter(region="UA-63")).total == 0
    assert filled_store.migrate() == MIGRATIONS.latest
    en = store_samples.claims["en"]
    assert [c.id for c in filled_store.iter_claims(ClaimFilter(region="UA-63"))] == [en.id]
    assert [c.id for c in filled_store.iter_claims(ClaimFilter(target="energy"))] == [en.id]
    assert [c.id for c in filled_store.iter_claims(ClaimFilter(target="energy.power"))] == [en.id]
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM claim_facets")).scalar() == 9
