"""The server's request path under concurrency (api/deps.py, api/queries.py):
store work on a bounded pool of threads, agreement summaries grouped in
SQL and cached until assess writes again (from any process), downloads
streamed a page at a time."""

from __future__ import annotations

import asyncio
import csv
import io
import threading
import time
from dataclasses import replace

import httpx
import pytest

from ceasewatch.api import create_app
from ceasewatch.api.memory_store import MemoryRepository
from ceasewatch.api.queries import SummaryCache, agreement_summaries
from ceasewatch.api.sample import SAMPLE_RULESET, fill_store, sample_records
from ceasewatch.config import Settings
from ceasewatch.model import Assessment, Claim, Claimant, Document
from ceasewatch.store import open_store
from ceasewatch.store.base import ClaimFilter

LOCAL = "http://127.0.0.1"


@pytest.fixture
def sample_sql(store):
    return fill_store(store)


def test_api_concurrency_store_state_generation_counts_assess_writes(sample_sql):
    start = sample_sql.generation()
    assert start == 2  # fill_store replaced incidents, then assessments
    _, _, incidents, assessments = sample_records()
    sample_sql.replace_assessed("ceasewatch.sample.linker.v1", incidents, SAMPLE_RULESET, assessments)
    assert sample_sql.generation() == start + 1  # one transaction, one bump
    sample_sql.replace_assessments(SAMPLE_RULESET, assessments)
    assert sample_sql.generation() == start + 2


@pytest.mark.parametrize(
    "flt",
    [None, ClaimFilter(date_to=__import__("datetime").date(2025, 3, 14)), ClaimFilter(party="RU"),
     ClaimFilter(claimant="air force"), ClaimFilter(verdict="alleged"), ClaimFilter(agreement="black-sea-2025")],
)
def test_api_concurrency_sql_summaries_equal_the_walk(sample_sql, flt):
    memory = fill_store(MemoryRepository())
    assert agreement_summaries(sample_sql, flt) == agreement_summaries(memory, flt)


def test_api_concurrency_summaries_cached_until_assess_writes_from_another_process(store_url):
    first = fill_store(open_store(store_url))
    other = open_store(store_url)  # stands for `ceasewatch assess` in another process
    try:
        cache = SummaryCache(first)
        before = cache.summary("energy-moratorium-2025")
        assert before["verdicts"] == {"alleged": 1, "disputed": 1, "outside_scope": 1}
        assert cache.summary("energy-moratorium-2025") == before and cache.hits == 1 and cache.misses == 1
        _, _, incidents, assessments = sample_records()
        changed = [replace(a, verdict="no_violation", violator=None) for a in assessments]
        other.replace_assessed("ceasewatch.sample.linker.v1", incidents, SAMPLE_RULESET, changed)
        after = cache.summary("energy-moratorium-2025")
        assert after["verdicts"] == {"no_violation": 3} and cache.misses == 2
        after["verdicts"]["x"] = 1  # callers get copies: the cache is not changed through them
        assert cache.summary("energy-moratorium-2025")["verdicts"] == {"no_violation": 3}
    finally:
        first.close()
        other.close()


def test_api_concurrency_agreements_endpoint_follows_assess(tmp_path):
    store = fill_store(open_store(f"sqlite:///{tmp_path / 's.db'}"))
    app = create_app(store, settings=Settings(db="sqlite://"))
    try:
        def verdicts() -> dict:
            body = asyncio.run(_get(app, "/api/agreements"))
            return {a["id"]: a["summary"]["verdicts"] for a in body["data"]}

        assert verdicts()["energy-moratorium-2025"] == {"alleged": 1, "disputed": 1, "outside_scope": 1}
        _, _, incidents, assessments = sample_records()
        extra = Assessment("asm_x", incidents[0].id, "black-sea-2025", None, "no_violation", "r", "t",
                           ruleset=SAMPLE_RULESET)
        store.replace_assessments(SAMPLE_RULESET, [*assessments, extra])
        assert verdicts()["black-sea-2025"] == {"no_violation": 1}
        assert app.state.summaries.misses == 2  # computed once per generation
    finally:
        store.close()


async def _get(app, path: str) -> dict:
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=LOCAL) as client:
        response = await client.get(path)
        assert response.status_code == 200, response.text
        return response.json()


def test_api_concurrency_store_work_never_exceeds_the_thread_pool(tmp_path):
    store = fill_store(open_store(f"sqlite:///{tmp_path / 's.db'}"))
    running = 0
    peak = 0
    lock = threading.Lock()
    original = store.list_claims

    def slow_list_claims(*args, **kwargs):
        nonlocal running, peak
        with lock:
            running += 1
            peak = max(peak, running)
        try:
            time.sleep(0.02)
            return original(*args, **kwargs)
        finally:
            with lock:
                running -= 1

    store.list_claims = slow_list_claims  # type: ignore[method-assign]
    app = create_app(store, settings=Settings(db="sqlite://", store_threads=3), dashboard=False)

    async def many() -> list[int]:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=LOCAL) as client:
            answers = await asyncio.gather(*(client.get("/api/claims?party=RU") for _ in range(50)))
            return [a.status_code for a in answers]

    try:
        assert asyncio.run(many()) == [200] * 50
        assert peak == 3  # 50 requests at once, three store threads at a time
    finally:
        store.close()


def test_api_concurrency_pool_matches_the_store_threads(tmp_path):
    with open_store(f"sqlite:///{tmp_path / 's.db'}", pool_size=5) as store:
        assert store._engine.pool.size() == 5


def test_api_concurrency_csv_download_streams_every_row(tmp_path):
    store = open_store(f"sqlite:///{tmp_path / 's.db'}")
    docs = [Document.create(f"report {i}", publisher="p") for i in range(2500)]
    store.add_documents_bulk(docs)
    store.replace_claims_bulk(
        [(d.id, "t.v1", [Claim(doc_id=d.id, claimant=Claimant(f"speaker {i}", "UA"), attacker="RU",
                               target_country="UA", extractor="t.v1")]) for i, d in enumerate(docs)]
    )
    app = create_app(store, settings=Settings(db="sqlite://"), dashboard=False)

    async def download() -> tuple[int, str]:
        # the app itself, without a client that would collect the body first
        scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET",
                 "scheme": "http", "path": "/api/claims", "raw_path": b"/api/claims",
                 "query_string": b"format=csv", "root_path": "", "headers": [(b"host", b"127.0.0.1")],
                 "client": ("127.0.0.1", 1), "server": ("127.0.0.1", 80)}
        bodies: list[bytes] = []
        asked: list[int] = []

        async def receive() -> dict:
            if not asked:
                asked.append(1)
                return {"type": "http.request", "body": b"", "more_body": False}
            await asyncio.Event().wait()  # the client never disconnects
            raise AssertionError("unreachable")

        async def send(message: dict) -> None:
            if message["type"] == "http.response.body" and message.get("body"):
                bodies.append(message["body"])

        await app(scope, receive, send)
        return len(bodies), b"".join(bodies).decode("utf-8")

    try:
        chunks, text = asyncio.run(download())
        rows = list(csv.DictReader(io.StringIO(text)))
        assert len(rows) == 2500 and len({r["id"] for r in rows}) == 2500
        assert chunks >= 3  # 1,000 rows a chunk: streamed, not built whole
    finally:
        store.close()


def test_api_concurrency_csv_from_records_equals_csv_from_claims(sample_sql):
    from ceasewatch.api.serialize import claim_records_csv_stream, csv_stream

    for flt in (None, ClaimFilter(party="RU"), ClaimFilter(region="UA-63")):
        fast = "".join(claim_records_csv_stream(sample_sql.iter_claim_records(flt)))
        slow = "".join(csv_stream("claims", sample_sql.iter_claims(flt)))
        assert fast == slow and fast.count("\n") > 1


def test_api_concurrency_serve_with_two_workers(tmp_path):
    import os
    import signal
    import socket
    import subprocess
    import sys
    from pathlib import Path

    db = f"sqlite:///{tmp_path / 's.db'}"
    fill_store(open_store(db)).close()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    log = open(tmp_path / "serve.log", "wb")
    proc = subprocess.Popen([str(Path(sys.executable).parent / "ceasewatch"), "--db", db, "serve", "--port", str(port),
                             "--workers", "2"], stdout=log, stderr=log, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        body = None
        while time.monotonic() < deadline and body is None:
            try:
                body = httpx.get(f"http://127.0.0.1:{port}/api/claims?party=RU", timeout=5).json()
            except httpx.HTTPError:
                time.sleep(0.3)
        assert body is not None, (tmp_path / "serve.log").read_text()
        assert body["ok"] and len(body["data"]) == 2
        evil = httpx.get(f"http://127.0.0.1:{port}/api/claims", headers={"host": "evil.example"}, timeout=5)
        assert evil.status_code == 400  # the allowed hosts reach the workers
        assert b"Started parent process" in (tmp_path / "serve.log").read_bytes()
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)
        log.close()
