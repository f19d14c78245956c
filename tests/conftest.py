"""Shared fixtures: `store_url` / `store` on both database dialects, and the
`--slow` option.

- SQLite: a fresh file in the test's tmp_path.
- PostgreSQL: when CEASEWATCH_TEST_PG holds a server URL (from
  `scripts/pg.sh`), each test module gets its own database, created here and
  dropped afterwards; `store_url` gives each test an empty schema and
  `store` empty (truncated) tables. Without the
  variable the PostgreSQL cases skip, except under CI (env `CI` set), where
  they fail: storage must never go untested there without anyone noticing.
"""

from __future__ import annotations

import os
import re
import uuid
from collections.abc import Iterator

import pytest

PG_ENV = "CEASEWATCH_TEST_PG"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--slow", action="store_true", default=False, help="also run tests marked slow")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--slow"):
        return
    skip_slow = pytest.mark.skip(reason="slow test: run with --slow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip_slow)


def pg_server_url() -> str | None:
    """The PostgreSQL URL for tests; fails under CI when it is missing."""
    url = os.environ.get(PG_ENV, "").strip()
    if url:
        return url
    if os.environ.get("CI"):
        pytest.fail(f"{PG_ENV} is not set under CI: start PostgreSQL with scripts/pg.sh and export its URL")
    return None


def _with_database(url: str, dbname: str) -> str:
    # Swap the database name of a libpq URL (the last path segment).
    base, _, query = url.partition("?")
    base = re.sub(r"/[^/]*$", "/" + dbname, base) if base.count("/") >= 3 else base + "/" + dbname
    return base + ("?" + query if query else "")


def _admin(url: str):
    import psycopg

    return psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://"), autocommit=True)


@pytest.fixture(scope="module")
def pg_module_url(request: pytest.FixtureRequest) -> Iterator[str]:
    """A PostgreSQL database of its own for this test module, dropped after."""
    server = pg_server_url()
    if server is None:
        pytest.skip(f"PostgreSQL tests need {PG_ENV} (scripts/pg.sh prints a URL)")
    module = re.sub(r"[^a-z0-9]+", "_", request.module.__name__.rsplit(".", 1)[-1].lower())[:30]
    dbname = f"cwt_{module}_{uuid.uuid4().hex[:8]}"
    with _admin(server) as conn:
        conn.execute(f'CREATE DATABASE "{dbname}"')
    try:
        yield _with_database(server, dbname)
    finally:
        _drop_database(server, dbname)


def _drop_database(server: str, dbname: str) -> None:
    """Drop a test database. A backend still closing (a killed subprocess's session) or a maintenance worker
    can refuse FORCE for a moment; housekeeping on a throwaway server must not fail a test run, so retry a
    few times and then leave the database for the server's removal."""
    import time
    import warnings

    import psycopg

    for attempt in range(10):
        try:
            with _admin(server) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)')
            return
        except (psycopg.errors.InsufficientPrivilege, psycopg.errors.ObjectInUse):
            time.sleep(0.2 * (attempt + 1))
    warnings.warn(f"test database {dbname} could not be dropped; the throwaway server keeps it", stacklevel=1)


def _reset_pg_schema(url: str) -> None:
    with _admin(url) as conn:
        conn.execute("DROP SCHEMA IF EXISTS public CASCADE")
        conn.execute("CREATE SCHEMA public")


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store_dialect(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
def store_url(store_dialect: str, request: pytest.FixtureRequest, tmp_path) -> str:
    """URL of an empty database (no tables), once per dialect."""
    if store_dialect == "sqlite":
        return f"sqlite:///{tmp_path / 'store.db'}"
    url = request.getfixturevalue("pg_module_url")
    _reset_pg_schema(url)
    return url


def _empty_pg_tables(url: str) -> None:
    """Empty every table when the schema is current (much faster than
    re-creating it); otherwise drop the schema so open_store rebuilds it."""
    from ceasewatch.store.migrations import MIGRATIONS
    from ceasewatch.store.schema import metadata

    with _admin(url) as conn:
        have = {r[0] for r in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")}
        current = "schema_migrations" in have and (
            conn.execute("SELECT max(version) FROM schema_migrations").fetchone()[0] == MIGRATIONS.latest
        )
        names = [t.name for t in metadata.sorted_tables if t.name != "schema_migrations"]
        if current and set(names) <= have:
            conn.execute("TRUNCATE " + ", ".join(f'"{n}"' for n in names) + " RESTART IDENTITY CASCADE")
        else:
            conn.execute("DROP SCHEMA IF EXISTS public CASCADE")
            conn.execute("CREATE SCHEMA public")


@pytest.fixture
def store(store_dialect: str, request: pytest.FixtureRequest, tmp_path):
    """An opened, migrated, empty store on each dialect; closed afterwards."""
    from ceasewatch.store import open_store

    if store_dialect == "sqlite":
        url = f"sqlite:///{tmp_path / 'store.db'}"
    else:
        url = request.getfixturevalue("pg_module_url")
        _empty_pg_tables(url)
    repo = open_store(url)
    try:
        yield repo
    finally:
        repo.close()


# -- sample records for storage tests ---------------------------------------


def _span(text: str, needle: str, field: str):
    from ceasewatch.model import Evidence

    start = text.index(needle)
    return Evidence(field=field, start=start, end=start + len(needle))


@pytest.fixture
def store_samples():
    """Three documents (en, ru, uk) and four claims with every field set
    somewhere, evidence spans found in the texts; a namespace with `docs`,
    `claims` (by name) and `extractor`."""
    from datetime import date, datetime, timedelta, timezone
    from types import SimpleNamespace

    from ceasewatch.model import Claim, Claimant, Document, Place, WeaponCount

    en = (
        "Overnight Russia launched 40 Shahed drones at Kharkiv oblast; 30 were shot down. "
        "A power substation in Kharkiv was hit and 2 people were injured."
    )
    ru = "Минобороны России: ночью сбиты 12 украинских беспилотников над Курской областью."
    uk = "Повітряні сили спростовують удар по житловому будинку в Одесі."
    kyiv = timezone(timedelta(hours=2))
    doc_en = Document.create(
        en,
        publisher="Air Force of Ukraine",
        published=datetime(2025, 3, 18, 7, 0, tzinfo=kyiv),
        language="en",
        url="https://example.org/uaf/1",
        source_kind="corpus",
        source_id="uaf-1",
        title="Night attack",
        meta={"channel": "kpszsu", "tags": ["night", "drones"]},
    )
    doc_ru = Document.create(
        ru,
        publisher="Минобороны России",
        published=datetime(2025, 3, 19, 9, 30),  # naive: no offset given
        language="ru",
        source_kind="telegram",
        source_id="mod-7",
    )
    doc_uk = Document.create(uk, publisher=None, published=None, language="uk", source_id="uk-3")
    ex = "ceasewatch.extract.test.v1"
    c_en = Claim(
        doc_id=doc_en.id,
        claimant=Claimant("Air Force of Ukraine", "UA"),
        stance="asserted",
        attacker="RU",
        target_country="UA",
        date=date(2025, 3, 18),
        weapons=(WeaponCount("drone", model="Shahed", launched=40, intercepted=30),),
        regions=("UA-63",),
        places=(
            Place(
                "Kharkiv",
                lat=49.98081,
                lon=36.25272,
                region="UA-63",
                precision="settlement",
                geonames_id=706483,
            ),
        ),
        targets=("energy.power",),
        injured=2,
        evidence=(
            _span(en, "40", "weapons.0.launched"),
            _span(en, "Shahed", "weapons.0.model"),
            _span(en, "30", "weapons.0.intercepted"),
            _span(en, "Kharkiv oblast", "regions.0"),
            _span(en, "power substation", "targets.0"),
            _span(en, "2 people were injured", "injured"),
        ),
        extractor=ex,
        warnings=("date taken from publication time",),
        time=datetime(2025, 3, 18, 1, 15, tzinfo=kyiv),
    )
    c_en_rail = Claim(
        doc_id=doc_en.id,
        claimant=Claimant("Air Force of Ukraine", "UA"),
        attacker="RU",
        target_country="UA",
        date=date(2025, 3, 17),
        weapons=(WeaponCount("ballistic_missile", model="Iskander-M", launched=2, lost=1, hit=1),),
        targets=("transport.rail",),
        killed=1,
        extractor=ex,
    )
    c_ru = Claim(
        doc_id=doc_ru.id,
        claimant=Claimant("Минобороны России", "RU"),
        attacker="UA",
        target_country="RU",
        date=date(2025, 3, 19),
        weapons=(WeaponCount("drone", intercepted=12),),
        regions=("RU-KRS",),
        evidence=(_span(ru, "12", "weapons.0.intercepted"), _span(ru, "Курской областью", "regions.0")),
        extractor=ex,
    )
    c_uk = Claim(
        doc_id=doc_uk.id,
        claimant=Claimant("Повітряні сили", "UA"),
        stance="denied",
        target_country="UA",
        regions=("UA-51",),
        places=(Place("Одеса"),),
        targets=("civilian.residential",),
        evidence=(_span(uk, "спростовують", "stance"), _span(uk, "житловому будинку", "targets.0")),
        extractor=ex,
    )
    return SimpleNamespace(
        docs=[doc_en, doc_ru, doc_uk],
        claims={"en": c_en, "en_rail": c_en_rail, "ru": c_ru, "uk": c_uk},
        extractor=ex,
    )


@pytest.fixture
def filled_store(store, store_samples):
    """`store` holding the `store_samples` documents and claims."""
    store.add_documents(store_samples.docs)
    for doc in store_samples.docs:
        store.replace_claims(
            doc.id, store_samples.extractor, [c for c in store_samples.claims.values() if c.doc_id == doc.id]
        )
    return store
