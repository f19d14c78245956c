"""One poll of one source: read only what is new and store it with the
ingest pipeline (`ingest_paths`, `store_read_result`), then hand the
documents to the watch's queue (`WatchState.record_read`).

- feeds: a conditional GET with the ETag and Last-Modified of the last
  answer; 304 means nothing to do. Entries already known are skipped by
  their document id (a content hash).
- folders: every report file under the folder (the ingest formats), read
  again only when its content id (SHA-256 of its bytes, and of its sidecar)
  is new for this source. Files younger than `settle` wait for the next
  pass, so a report still being copied in is never stored in part.
- Telegram Desktop export folders: every `result.json` below the folder,
  read again when the export changed; known messages are skipped by id.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..config import Settings
from ..errors import CeasewatchError, InputError
from ..ingest.discover import discover_inputs
from ..ingest.feeds import fetch_feed, parse_feed_bytes
from ..ingest.pipeline import IngestReport, ingest_paths, options_from, store_read_result
from .config import FeedSource, FolderSource, TelegramSource

__all__ = ["PollResult", "poll_source", "content_id"]

_CHUNK = 1 << 20


@dataclass
class PollResult:
    """What one poll stored: documents new to the watch and the errors met."""

    new_documents: list[str] = field(default_factory=list)
    errors: list[CeasewatchError] = field(default_factory=list)
    unchanged: bool = False  # feed answered 304, or no file changed


def content_id(path: Path, *, max_bytes: int) -> str | None:
    """SHA-256 of a file (and of its `.json` sidecar when it is a corpus
    `.txt`); None for a file over the size limit (ingest reports it)."""
    digest = hashlib.sha256()
    parts = [path]
    sidecar = path.with_suffix(".json")
    if path.suffix.lower() == ".txt" and sidecar.is_file():
        parts.append(sidecar)
    for part in parts:
        if part.stat().st_size > max_bytes:
            return None
        with part.open("rb") as handle:
            while chunk := handle.read(_CHUNK):
                digest.update(chunk)
        digest.update(b"\x00")
    return digest.hexdigest()


def poll_source(
    source: FeedSource | FolderSource | TelegramSource,
    store: Any,
    *,
    settings: Settings,
    client: Any = None,
    now: float | None = None,
) -> PollResult:
    """Poll one source; raises only for errors of the source as a whole
    (unreachable feed, missing folder). Per-file and per-record errors are
    in the result's `errors`."""
    when = time.time() if now is None else now
    state = store.watch_state()
    state.register_source(source.name, source.kind, source.location, when)
    if isinstance(source, FeedSource):
        return _poll_feed(source, store, state, settings=settings, client=client, now=when)
    return _poll_folder(source, store, state, settings=settings, now=when)


def _poll_feed(source: FeedSource, store: Any, state: Any, *, settings: Settings, client: Any, now: float) -> PollResult:
    known = state.source(source.name) or {}
    response = fetch_feed(
        source.url, max_bytes=settings.max_file_bytes, client=client, timeout=source.timeout,
        etag=known.get("etag"), last_modified=known.get("last_modified"),
    )
    if response.data is None:
        state.record_read(source.name, [], now=now)
        return PollResult(unchanged=True)
    options = options_from(settings, language=source.language, publisher=source.publisher)
    result = parse_feed_bytes(response.data, source=source.url, options=options)
    # Entries the watch has already queued are not stored or queued again.
    seen = state.known_documents(d.id for d in result.documents)
    result.documents = [d for d in result.documents if d.id not in seen]
    report = store_read_result(store, result, source=source.url)
    new = state.record_read(source.name, _stored_ids(report), now=now, etag=response.etag,
                            last_modified=response.last_modified, validators=True)
    return PollResult(new_documents=new, errors=list(report.failed))


def _candidates(source: FolderSource) -> tuple[list[Path], list[InputError]]:
    root = Path(source.path)
    if not root.is_dir():
        raise InputError("the source folder does not exist", source=source.path, location=f"source {source.name}",
                         hint="create the folder or fix `path` in the watch configuration")
    if isinstance(source, TelegramSource):
        return sorted(p for p in root.rglob("result.json") if p.is_file()), []
    inputs, errors = discover_inputs([root])
    return [i.path for i in inputs if i.path is not None], errors


def _poll_folder(source: FolderSource, store: Any, state: Any, *, settings: Settings, now: float) -> PollResult:
    paths, errors = _candidates(source)
    fresh: list[tuple[str, Path]] = []
    result = PollResult(errors=list(errors))
    for path in paths:
        try:
            if source.settle and now - path.stat().st_mtime < source.settle:
                continue  # still being written, perhaps: next pass
            cid = content_id(path, max_bytes=settings.max_file_bytes)
        except OSError as exc:
            result.errors.append(InputError(f"cannot read: {exc.strerror}", source=str(path),
                                            hint="check the file's permissions"))
            continue
        # A file over the limit gets a stand-in id from its size and time,
        # so ingest reports it once, not on every pass.
        fresh.append((cid or f"large:{path.stat().st_size}:{path.stat().st_mtime_ns}", path))
    seen = state.seen_content(source.name, (cid for cid, _ in fresh))
    todo = [(cid, path) for cid, path in fresh if cid not in seen]
    if not todo:
        state.record_read(source.name, [], now=now)
        result.unchanged = not result.errors
        return result
    report = ingest_paths([str(p) for _, p in todo], store, settings=settings, language=source.language,
                          publisher=source.publisher)
    result.errors.extend(report.failed)
    # The files are marked seen with their documents in one transaction: a
    # kill before it reads them again, and ingest is idempotent.
    result.new_documents = state.record_read(
        source.name, _stored_ids(report), now=now, files=[(cid, str(p)) for cid, p in todo])
    return result


def _stored_ids(report: IngestReport) -> list[str]:
    return [d.id for d in report.added] + [d.id for d in report.existing]
