"""What the browser tests and the screenshot script share: Debian's
chromium and its flags, a uvicorn server on a free local port in a
background thread, and an in-memory or SQLite store built from a corpus
folder (ingest -> extract -> link -> assess)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI

from ..errors import CeasewatchError, StoreError

__all__ = ["CHROMIUM", "CHROMIUM_ARGS", "free_port", "serve_in_background", "corpus_store"]

CHROMIUM = "/usr/bin/chromium"
# No sandbox (containers, root), no GPU, and nothing that phones home.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serve_in_background(app: FastAPI, *, timeout: float = 20.0) -> Iterator[str]:
    """Run `app` on uvicorn at 127.0.0.1:<free port>; yields the base URL."""
    import uvicorn

    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=free_port(), log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True, name="ceasewatch-test-server")
    thread.start()
    deadline = time.monotonic() + timeout
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            server.should_exit = True
            raise StoreError("the test server did not start", hint="see the uvicorn messages above")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{server.config.port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def corpus_store(directory: str | Path, url: str | None = None) -> Any:
    """A store filled from a corpus folder: documents, the extractors'
    claims (gold claims where an extractor is not built or fails), then
    linked and assessed by the assess stage. In memory unless `url`."""
    from ..assess import run
    from ..extract import extract_document
    from ..ingest import load_documents, load_gold

    docs, _problems = load_documents(directory)
    gold = load_gold(directory)
    if url is None:
        from ..api.memory_store import MemoryRepository

        store: Any = MemoryRepository()
    else:
        from ..store import open_store

        store = open_store(url)
    store.add_documents(docs)
    for doc in docs:
        try:
            claims = [c.with_doc_id(doc.id) for c in extract_document(doc)]
        except (ImportError, CeasewatchError):  # a backend not built yet: fall back to gold
            claims = [c.with_doc_id(doc.id) for c in gold.get(doc.ref, [])]
        for extractor in sorted({c.extractor for c in claims}):
            store.replace_claims(doc.id, extractor, [c for c in claims if c.extractor == extractor])
    run(store)
    return store
