"""Filters, cursor paging and the CSV / GeoJSON downloads of a filtered view."""

from __future__ import annotations

import csv
import io
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from fastapi.testclient import TestClient

from ceasewatch.api import create_app
from ceasewatch.api.params import decode_cursor, encode_cursor
from ceasewatch.api.sample import sample_store
from ceasewatch.config import Settings
from ceasewatch.errors import InputError

BACKENDS = ["memory", "sqlite"] + (["postgresql"] if os.environ.get("CEASEWATCH_TEST_PG") else [])


@contextmanager
def _scratch_pg_database(server_url: str) -> Iterator[str]:
    """A throwaway database on the test server, so other suites' rows never
    mix with the sample data."""
    import psycopg

    name = f"cw_api_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    conninfo = server_url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    base, _, _db = conninfo.rpartition("/")
    try:
        yield f"{base}/{name}"
    finally:
        from conftest import _drop_database

        _drop_database(server_url, name)


@pytest.fixture(scope="module", params=BACKENDS)
def client(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """The same assertions on the in-memory fake, real SQLite and (in CI) PostgreSQL."""
    settings = Settings(db="sqlite://", page_size=100)
    if request.param == "memory":
        yield TestClient(create_app(sample_store(), settings=settings), base_url="http://127.0.0.1")
    elif request.param == "sqlite":
        store = sample_store(f"sqlite:///{tmp_path_factory.mktemp('api') / 'api.db'}")
        yield TestClient(create_app(store, settings=settings), base_url="http://127.0.0.1")
        store.close()
    else:
        with _scratch_pg_database(os.environ["CEASEWATCH_TEST_PG"]) as url:
            store = sample_store(url)
            yield TestClient(create_app(store, settings=settings), base_url="http://127.0.0.1")
            store.close()


def _claimants(client: TestClient, query: str) -> list[tuple[str, str]]:
    body = client.get("/api/claims?" + query).json()
    assert body["ok"], body
    return sorted((c["claimant"]["party"], c["stance"]) for c in body["data"])


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", [("OTHER", "asserted"), ("RU", "asserted"), ("RU", "denied"), ("UA", "asserted")]),
        ("party=RU", [("RU", "asserted"), ("RU", "denied")]),
        ("claimant=air+force", [("UA", "asserted")]),
        ("date_from=2025-03-15", [("OTHER", "asserted")]),
        ("date_to=2025-03-14", [("RU", "asserted"), ("RU", "denied"), ("UA", "asserted")]),
        ("date_from=2025-03-14&date_to=2025-03-14&target_country=RU", [("RU", "asserted")]),
        ("region=ua-63", [("RU", "denied"), ("UA", "asserted")]),
        ("region=RU-KRS", [("RU", "asserted")]),
        ("target=energy", [("OTHER", "asserted")]),
        ("target=civilian.medical", [("UA", "asserted")]),
        ("stance=denied", [("RU", "denied")]),
        ("attacker=UA", [("RU", "asserted")]),
    ],
)
def test_api_claim_filters(client: TestClient, query: str, expected: list) -> None:
    assert _claimants(client, query) == expected


def test_api_filters_are_echoed_in_meta(client: TestClient) -> None:
    meta = client.get("/api/claims?party=UA&region=ua-63").json()["meta"]
    assert meta["filters"] == {"party": "UA", "region": "UA-63"}


def test_api_cursor_pages_cover_the_view_once(client: TestClient) -> None:
    seen: list[str] = []
    url = "/api/claims?limit=1&date_to=2025-03-14"
    pages = 0
    while url:
        body = client.get(url).json()
        assert body["meta"]["count"] == len(body["data"]) <= 1
        seen += [c["id"] for c in body["data"]]
        url = body["links"]["next"]
        pages += 1
        if url:
            assert "date_to=2025-03-14" in url and "limit=1" in url
    assert pages == 3 and len(seen) == len(set(seen)) == 3


def test_api_cursor_checksum_round_trip() -> None:
    assert decode_cursor(encode_cursor("offset:42")) == "offset:42"
    token = encode_cursor("offset:42")
    with pytest.raises(InputError):
        decode_cursor(token[:-1] + ("0" if token[-1] != "0" else "1"))


def test_api_csv_download_of_filtered_view(client: TestClient) -> None:
    resp = client.get("/api/claims?party=UA&format=csv")
    assert resp.status_code == 200 and resp.headers["content-type"].startswith("text/csv")
    assert "attachment" in resp.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(resp.text)))
    assert len(rows) == 1
    row = rows[0]
    assert (row["claimant_party"], row["launched"], row["intercepted"], row["lost"], row["hit"]) == ("UA", "27", "16", "9", "")
    assert row["regions"] == "UA-63" and row["places"] == "Zolochiv" and row["injured"] == "1"


def test_api_geojson_download_of_filtered_view(client: TestClient) -> None:
    resp = client.get("/api/claims?target_country=RU&format=geojson")
    assert resp.headers["content-type"].startswith("application/geo+json")
    data = resp.json()
    assert data["type"] == "FeatureCollection"
    places = sorted(f["properties"]["place"] for f in data["features"])
    assert places == ["Belgorod", "Kursk"]
    kursk = next(f for f in data["features"] if f["properties"]["place"] == "Kursk")
    assert kursk["geometry"] == {"type": "Point", "coordinates": [36.19, 51.73]}


def test_api_incident_and_verdict_downloads(client: TestClient) -> None:
    rows = list(csv.DictReader(io.StringIO(client.get("/api/incidents?format=csv&target_country=UA").text)))
    assert sorted(r["date"] for r in rows) == ["2025-03-14", "2025-03-15"]
    verdicts = client.get("/api/verdicts?format=geojson&verdict=alleged").json()["features"]
    assert [f["properties"]["verdict"] for f in verdicts] == ["alleged"]
    assert verdicts[0]["geometry"]["coordinates"] == [34.80, 50.91]  # the incident's place, Sumy
    listing = client.get("/api/verdicts?agreement=energy-moratorium-2025&verdict=disputed").json()
    assert [v["violator"] for v in listing["data"]] == ["RU"]


def test_api_incident_listing_claimant_filters_keep_incidents_linking_such_a_claim(client: TestClient) -> None:
    # issue 13: /api/incidents ignored claimant filters; an incident matches when one of its claims does
    ids = [i["id"] for i in client.get("/api/incidents?party=UA&date_to=2025-03-14").json()["data"]]
    assert ids == ["inc_sample_ru_ua_0314"]
    both = [i["id"] for i in client.get("/api/incidents?date_to=2025-03-14").json()["data"]]
    assert sorted(both) == ["inc_sample_ru_ua_0314", "inc_sample_ua_ru_0314"]


def test_api_total_is_opt_in_and_counted_on_first_pages_only(client: TestClient) -> None:
    assert client.get("/api/claims?limit=2").json()["meta"]["total"] is None  # no COUNT unless asked
    first = client.get("/api/claims?limit=2&total=true").json()
    assert first["meta"]["total"] == 4
    second = client.get(first["links"]["next"] + "&total=true").json()
    assert second["meta"]["total"] is None  # later pages never count again
    assert len(first["data"]) + len(second["data"]) == 4
