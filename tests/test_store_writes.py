"""Write guarantees: atomic replaces, one transaction per document, bulk
paths, concurrent writers, and a writer killed with SIGKILL."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from dataclasses import replace
from datetime import date

import pytest

from ceasewatch.errors import StoreError
from ceasewatch.model import Claim, Claimant, Document, Incident, document_id
from ceasewatch.store import open_store


def test_store_replace_claims_bulk_is_atomic_per_chunk(filled_store, store_samples):
    en, ru = store_samples.claims["en"], store_samples.claims["ru"]
    before = {c.id for c in filled_store.iter_claims()}
    ghost = Claim(doc_id="doc_missing", claimant=Claimant("x", "UA"), extractor=en.extractor)
    with pytest.raises(StoreError):
        filled_store.replace_claims_bulk(
            [
                (en.doc_id, en.extractor, []),
                (ru.doc_id, ru.extractor, []),
                ("doc_missing", en.extractor, [ghost]),
            ]
        )
    # The deletes of the first two groups were rolled back with the failed insert.
    assert {c.id for c in filled_store.iter_claims()} == before


def test_store_replace_incidents_is_atomic(filled_store, store_samples):
    inc = Incident("inc_1", "UA", date(2025, 3, 18), (store_samples.claims["en"].id,), linker="l.v1")
    filled_store.replace_incidents("l.v1", [inc])
    with pytest.raises(StoreError):
        # The same id twice violates the primary key after the old rows were deleted.
        filled_store.replace_incidents("l.v1", [replace(inc, regions=("UA-63",)), inc])
    assert filled_store.get_incident("inc_1") == inc


def test_store_add_documents_commits_each_document(store):
    docs = [Document.create(f"report number {i}", publisher="p") for i in range(3)]

    def feed():
        yield from docs
        raise RuntimeError("reader crashed")

    with pytest.raises(RuntimeError):
        store.add_documents(feed())
    # Everything yielded before the crash is stored.
    assert sorted(d.id for d in store.iter_documents()) == sorted(d.id for d in docs)


def test_store_bulk_paths(store):
    docs = [Document.create(f"bulk report {i}", publisher="p") for i in range(30)]
    assert store.add_documents_bulk(docs, chunk_size=7) == 30
    assert store.add_documents_bulk(docs[:10], chunk_size=7) == 10  # existing ids are skipped
    assert store.info()["counts"]["documents"] == 30
    items = [
        (
            d.id,
            "x.v1",
            [
                Claim(
                    doc_id=d.id,
                    claimant=Claimant("a", "UA"),
                    date=date(2025, 1, 1 + i % 28),
                    extractor="x.v1",
                )
            ],
        )
        for i, d in enumerate(docs)
    ]
    assert store.replace_claims_bulk(items, chunk_size=4) == 30
    assert store.replace_claims_bulk(items[:5], chunk_size=4) == 5  # replaced, not duplicated
    assert store.list_claims().total == 30


def test_store_concurrent_sqlite_writers(tmp_path):
    url = f"sqlite:///{tmp_path / 'busy.db'}"
    open_store(url).close()
    errors: list[BaseException] = []

    def writer(k: int) -> None:
        try:
            with open_store(url) as st:
                for i in range(25):
                    st.add_documents([Document.create(f"writer {k} doc {i}", publisher="p")])
                    doc = Document.create(f"writer {k} doc {i}", publisher="p")
                    st.replace_claims(
                        doc.id, "x.v1", [Claim(doc_id=doc.id, claimant=Claimant("a", "UA"), extractor="x.v1")]
                    )
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(k,)) for k in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with open_store(url) as st:
        assert st.info()["counts"]["documents"] == 75 and st.info()["counts"]["claims"] == 75


_KILLED_WRITER = textwrap.dedent(
    """
    import sys
    from ceasewatch.model import Document
    from ceasewatch.store import open_store

    store = open_store(sys.argv[1])
    print("ready", flush=True)
    def docs():
        i = 0
        while True:
            i += 1
            yield Document.create(("payload %d " % i) * 400, publisher="p")
    store.add_documents(docs())
    """
)


def test_store_sigkill_leaves_complete_documents(store_url):
    open_store(store_url).close()
    proc = subprocess.Popen(
        [sys.executable, "-c", _KILLED_WRITER, store_url],
        stdout=subprocess.PIPE,
        text=True,
        env=os.environ.copy(),
    )
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
        deadline = time.monotonic() + 20
        with open_store(store_url) as st:
            while st.info()["counts"]["documents"] < 20 and time.monotonic() < deadline:
                time.sleep(0.05)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    with open_store(store_url) as st:
        docs = list(st.iter_documents())
        assert len(docs) >= 20
        for d in docs:  # every stored document is whole: its id is the hash of its full text
            assert d.id == document_id(d.text, d.publisher, d.published)
        if st.dialect == "sqlite":
            with st._engine.connect() as conn:
                assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
