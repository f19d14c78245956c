"""api/cache.py: answers kept until any write changes the store's data
generation (from any connection or process), bounded, with ETags."""

from __future__ import annotations

import gzip
from dataclasses import replace

import pytest
from fastapi.testclient import TestClient

from ceasewatch.api import create_app
from ceasewatch.api.sample import SAMPLE_RULESET, fill_store, sample_records
from ceasewatch.config import Settings
from ceasewatch.model import Claim, Claimant, Document
from ceasewatch.store import open_store

LOCAL = "http://127.0.0.1"


@pytest.fixture
def served(store_url):
    store = fill_store(open_store(store_url))
    other = open_store(store_url)  # another process writing: ingest, extract, assess
    client = TestClient(create_app(store, settings=Settings(db="sqlite://")), base_url=LOCAL)
    yield client, store, other
    store.close()
    other.close()


def _state(resp) -> str:
    return resp.headers["x-ceasewatch-cache"]


def test_api_cache_hit_until_any_write(served):
    client, _, other = served
    first = client.get("/api/claims?party=RU")
    again = client.get("/api/claims?party=RU")
    assert (_state(first), _state(again)) == ("miss", "hit") and again.content == first.content
    doc = Document.create("Russia's ministry said 9 drones were downed.", publisher="MoD")
    other.add_documents([doc])
    other.replace_claims(doc.id, "t.v1", [Claim(doc_id=doc.id, claimant=Claimant("Ministry", "RU"),
                                                   attacker="UA", target_country="RU", extractor="t.v1")])
    after = client.get("/api/claims?party=RU")
    assert _state(after) == "miss" and len(after.json()["data"]) == len(first.json()["data"]) + 1


def test_api_cache_follows_assess(served):
    client, _, other = served
    before = client.get("/api/verdicts?verdict=alleged").json()["data"]
    assert len(before) == 1
    _, _, incidents, assessments = sample_records()
    changed = [replace(a, verdict="alleged") for a in assessments]
    other.replace_assessed("ceasewatch.sample.linker.v1", incidents, SAMPLE_RULESET, changed)
    assert len(client.get("/api/verdicts?verdict=alleged").json()["data"]) == 3


def test_api_cache_keys_query_and_encoding_apart(served):
    client, _, _ = served
    assert _state(client.get("/api/claims?party=RU")) == "miss"
    assert _state(client.get("/api/claims?party=UA")) == "miss"
    plain = client.get("/api/timeline", headers={"accept-encoding": "identity"})
    zipped = client.get("/api/timeline", headers={"accept-encoding": "gzip"})
    assert _state(plain) == "miss" and _state(zipped) == "miss"  # a gzip body is not served to who cannot read it
    raw = client.get("/api/timeline", headers={"accept-encoding": "gzip"})
    assert _state(raw) == "hit" and raw.json() == plain.json()


def test_api_cache_etag_gives_304(served):
    client, _, _ = served
    first = client.get("/api/incidents")
    client.get("/api/incidents")
    etag = client.get("/api/incidents").headers["etag"]
    not_modified = client.get("/api/incidents", headers={"if-none-match": etag})
    assert not_modified.status_code == 304 and not_modified.content == b""
    assert first.status_code == 200


def test_api_cache_keeps_only_successes_and_streams(served):
    client, _, _ = served
    for _ in range(2):
        missing = client.get("/api/claims/clm_nope")
        assert missing.status_code == 404 and _state(missing) == "miss"
    plain = {"accept-encoding": "identity"}
    csv1 = client.get("/api/claims?format=csv", headers=plain)
    csv2 = client.get("/api/claims?format=csv", headers=plain)
    assert (_state(csv1), _state(csv2)) == ("miss", "hit") and csv1.text == csv2.text
    assert int(csv2.headers["content-length"]) == len(csv2.content)
    assert "x-ceasewatch-cache" not in client.get("/").headers  # pages are not kept


def test_api_cache_is_bounded_and_can_be_off(tmp_path):
    store = fill_store(open_store(f"sqlite:///{tmp_path / 's.db'}"))
    try:
        small = create_app(store, settings=Settings(db="sqlite://", response_cache_mb=0.004))  # ~4 KB
        client = TestClient(small, base_url=LOCAL)
        for party in ("UA", "RU", "OTHER", "UA", "RU", "OTHER"):
            client.get(f"/api/claims?party={party}", headers={"accept-encoding": "identity"})
        cache = _cache_of(small)
        assert cache.size <= cache.max_bytes and cache.misses == 6  # each evicted before it was asked again
        off = TestClient(create_app(store, settings=Settings(db="sqlite://", response_cache_mb=0)), base_url=LOCAL)
        assert "x-ceasewatch-cache" not in off.get("/api/claims").headers
    finally:
        store.close()


def test_api_cache_gzip_body_is_kept_compressed(served):
    client, _, _ = served
    client.get("/api/regions", headers={"accept-encoding": "gzip"})
    app = client.app
    entries = _cache_of(app).entries
    (body,) = [e.body for (path, _, zipped), e in entries.items() if path == "/api/regions" and zipped]
    assert gzip.decompress(body).startswith(b"{")


def _cache_of(app):
    layer = app.middleware_stack
    while layer is not None and layer.__class__.__name__ != "ResponseCache":
        layer = getattr(layer, "app", None)
    assert layer is not None
    return layer
