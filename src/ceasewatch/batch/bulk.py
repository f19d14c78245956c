"""Bulk extraction: many documents through the extractors on any executor,
results written by one writer into the store."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from ..model import Claim, Document
from .executors import Executor, LocalExecutor

__all__ = ["ExtractionResult", "BulkSummary", "extract_chunk", "extract_many", "store_extractions", "chunked"]


@dataclass(frozen=True)
class ExtractionResult:
    doc_id: str
    extractor: str
    claims: tuple[Claim, ...]
    error: str | None = None  # the extractor failed on this document; nothing stored for it


@dataclass
class BulkSummary:
    documents: int = 0
    claims: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (doc id, reason)


def chunked(items: Iterable[Document], size: int) -> Iterator[list[Document]]:
    chunk: list[Document] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def extract_chunk(docs: list[Document], extractor: str | None = None) -> list[ExtractionResult]:
    """Runs on a worker: extract each document, catching per-document
    failures (an extractor bug on odd text, a language with no extractor)
    so one bad document does not lose the chunk."""
    from ..extract import extract_document, extractor_for

    results: list[ExtractionResult] = []
    for doc in docs:
        name = extractor or f"(default for {doc.language or 'unknown language'})"
        try:
            name = extractor or extractor_for(doc.language).name
            claims = extract_document(doc, extractor=extractor)
        except Exception as exc:  # noqa: BLE001 - reported per document, never hidden
            results.append(ExtractionResult(doc.id, name, (), f"{type(exc).__name__}: {str(exc)[:500]}"))
            continue
        results.append(ExtractionResult(doc.id, name, tuple(claims)))
    return results


def extract_many(
    docs: Iterable[Document],
    *,
    executor: Executor | None = None,
    extractor: str | None = None,
    chunk_size: int = 32,
) -> Iterator[ExtractionResult]:
    """Extract every document; results in completion order."""
    runner = executor or LocalExecutor()
    task = _ChunkTask(extractor)
    for results in runner.map_chunks(task, chunked(docs, chunk_size)):
        yield from results


class _ChunkTask:
    """A picklable callable (a lambda would not travel to Dask workers)."""

    def __init__(self, extractor: str | None) -> None:
        self.extractor = extractor

    def __call__(self, docs: list[Document]) -> list[ExtractionResult]:
        return extract_chunk(docs, self.extractor)


def store_extractions(
    store: object,
    results: Iterable[ExtractionResult],
    *,
    on_result: Callable[[ExtractionResult], None] | None = None,
) -> BulkSummary:
    """Write results with `Repository.replace_claims` (one transaction per
    document), so an interrupted run leaves whole documents' claims only."""
    summary = BulkSummary()
    for result in results:
        summary.documents += 1
        if result.error:
            summary.failed.append((result.doc_id, result.error))
        else:
            store.replace_claims(result.doc_id, result.extractor, list(result.claims))  # type: ignore[attr-defined]
            summary.claims += len(result.claims)
        if on_result:
            on_result(result)
    return summary
