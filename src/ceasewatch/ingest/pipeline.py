"""Batch ingestion: read every input, keep going past bad ones, store the
good documents (and any claims a dataset importer produced).

`load_documents(paths)` parses without storing (for `ceasewatch extract PATH`
and `ceasewatch eval`); `ingest_paths(paths, store, settings=...)` also
stores and returns an `IngestReport`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from ..config import Settings
from ..errors import CeasewatchError, InputError
from ..model import Claim, Document
from ..safeload import load_json
from .common import ReadOptions, ReadResult
from .discover import Input, discover_inputs
from .feeds import read_feed_file, read_feed_url
from .normalize import decode_bytes, read_limited
from .readers import (
    read_corpus_file,
    read_html_file,
    read_json_documents,
    read_jsonl_file,
    read_text_file,
)
from .telegram import is_telegram_export, read_telegram_export

__all__ = [
    "IngestReport",
    "IngestedDoc",
    "read_input",
    "read_input_safely",
    "load_documents",
    "ingest_paths",
    "options_from",
    "store_read_result",
]

# (inputs done, inputs in total, source just finished)
ProgressCallback = Callable[[int, int, str], None]

# Documents handed to the store at a time; each is still its own transaction.
_FLUSH_EVERY = 200


@dataclass(frozen=True)
class IngestedDoc:
    id: str
    ref: str  # source id when the input has one, else the content hash
    source: str  # file or URL it came from
    kind: str  # Document.source_kind


@dataclass
class IngestReport:
    """Outcome of one `ingest_paths` call."""

    added: list[IngestedDoc] = field(default_factory=list)
    existing: list[IngestedDoc] = field(default_factory=list)  # already stored (or repeated in the batch)
    failed: list[InputError] = field(default_factory=list)
    claims: int = 0  # claims written by dataset importers
    inputs: int = 0  # files and URLs read

    @property
    def ok(self) -> bool:
        return not self.failed

    def to_dict(self) -> dict[str, Any]:
        def doc(d: IngestedDoc) -> dict[str, str]:
            return {"id": d.id, "ref": d.ref, "source": d.source, "kind": d.kind}

        return {
            "ok": self.ok,
            "inputs": self.inputs,
            "added": len(self.added),
            "existing": len(self.existing),
            "failed": len(self.failed),
            "claims": self.claims,
            "documents": {"added": [doc(d) for d in self.added], "existing": [doc(d) for d in self.existing]},
            "errors": [e.to_dict() for e in self.failed],
        }


def options_from(
    settings: Settings | None, *, language: str | None = None, publisher: str | None = None,
    published: datetime | None = None,
) -> ReadOptions:
    settings = settings or Settings()
    return ReadOptions(
        max_bytes=settings.max_file_bytes,
        language=language.lower() if language else None,
        publisher=publisher,
        published=published,
        fallback_language=settings.default_language,
    )


def _read_json_input(path: Path, options: ReadOptions) -> ReadResult:
    text = decode_bytes(read_limited(path, max_bytes=options.max_bytes), source=str(path))
    data = load_json(text, source=str(path))
    if is_telegram_export(data):
        return read_telegram_export(path, options, data)
    return read_json_documents(path, options, data)


def read_input(item: Input, options: ReadOptions, *, client: Any = None) -> ReadResult:
    """Read one input with the reader its format needs. File-level problems
    raise `InputError`; record-level ones are in the result's `errors`."""
    path = item.path
    if item.kind == "feed_url":
        return read_feed_url(item.source, options, client=client)
    assert path is not None
    if item.kind in ("text", "markdown"):
        return read_text_file(path, options, kind=item.kind)
    if item.kind == "corpus":
        return read_corpus_file(path, options)
    if item.kind == "jsonl":
        return read_jsonl_file(path, options)
    if item.kind == "json":
        return _read_json_input(path, options)
    if item.kind == "html":
        return read_html_file(path, options)
    if item.kind == "feed":
        return read_feed_file(path, options)
    if item.kind == "csv":
        from .datasets import read_dataset_csv  # ACLED, UCDP GED, Massive Missile Attacks by header

        return read_dataset_csv(path, options)
    if item.kind == "binary":
        raise InputError(
            "file is binary, not text",
            source=item.source,
            hint="give ceasewatch text, Markdown, HTML, JSON(L), CSV or feed files; remove this file from the batch",
        )
    raise InputError(f"unsupported input kind {item.kind!r}", source=item.source)


def _detached(exc: InputError) -> InputError:
    """The error without its traceback and chained causes: a kept error must
    not keep the frames of the reader alive, with the whole parsed input in
    their locals (a failed 993-byte feed held 68 MB until the batch ended)."""
    exc.__traceback__ = None
    exc.__cause__ = None
    exc.__context__ = None
    return exc


def _as_input_error(item: Input, exc: BaseException) -> InputError:
    if isinstance(exc, InputError):
        return exc
    if isinstance(exc, CeasewatchError):  # e.g. a geocoder error inside an importer
        return InputError(exc.message, source=item.source, location=exc.location, hint=exc.hint)
    return InputError(
        f"the {item.kind} reader failed: {type(exc).__name__}: {str(exc)[:300]}",
        source=item.source,
        hint="this input was skipped and the others were read; this is a bug in ceasewatch, "
        "please report it with the file",
    )


def read_input_safely(item: Input, options: ReadOptions, *, client: Any = None) -> ReadResult:
    """`read_input` that never raises for one input: whatever goes wrong is
    in the result's `errors`, with the input named. (A reader bug on a
    hostile file must not cost the other files of the batch.)"""
    try:
        result = read_input(item, options, client=client)
    except Exception as exc:  # noqa: BLE001 - reported with the input's name, never hidden
        return ReadResult(errors=[_detached(_as_input_error(item, exc))])
    result.errors = [_detached(e) for e in result.errors]
    return result


def _read_all(
    paths: Iterable[str | Path],
    options: ReadOptions,
    *,
    progress: ProgressCallback | None,
    client: Any,
    on_result: Callable[[Input, ReadResult], None],
    on_errors: Callable[[list[InputError]], None],
) -> int:
    """Read every input one at a time and hand each result (documents and
    errors) on before the next is read, so memory follows the largest
    input, not the batch. Returns the number of inputs."""
    inputs, errors = discover_inputs(paths)
    if errors:
        on_errors(errors)
    total = len(inputs)
    for done, item in enumerate(inputs, start=1):
        result = read_input_safely(item, options, client=client)
        if result.errors:
            on_errors(result.errors)
        if result.documents or result.claims:
            on_result(item, result)
        if progress is not None:
            progress(done, total, item.source)
    return total


def load_documents(
    paths: Sequence[str | Path] | str | Path,
    *,
    settings: Settings | None = None,
    language: str | None = None,
    publisher: str | None = None,
    published: datetime | None = None,
    client: Any = None,
) -> tuple[list[Document], list[InputError]]:
    """Parse files, directories and feed URLs into Documents without storing
    them. Returns the documents (in input order, duplicates dropped) and one
    `InputError` per input or record that failed."""
    if isinstance(paths, str | Path):
        paths = [paths]
    options = options_from(settings, language=language, publisher=publisher, published=published)
    docs: dict[str, Document] = {}

    def collect(_item: Input, result: ReadResult) -> None:
        for doc in result.documents:
            docs.setdefault(doc.id, doc)

    errors: list[InputError] = []
    _read_all(paths, options, progress=None, client=client, on_result=collect, on_errors=errors.extend)
    return list(docs.values()), errors


def _record_failures(store: Any, failures: Sequence[InputError]) -> None:
    """Keep failures in the store when it offers a place for them."""
    record = getattr(store, "record_ingest_failure", None)
    if not callable(record):
        return
    for exc in failures:
        reason = f"{exc.location}: {exc.message}" if exc.location else exc.message
        record(exc.source or "", reason, hint=exc.hint, code=exc.code)


class _BatchWriter:
    """Stores what readers produced, one document per transaction, into an
    `IngestReport`: a document the store refuses is reported and costs no
    other; importer claims follow their document."""

    def __init__(self, store: Any, report: IngestReport) -> None:
        self.store = store
        self.report = report
        self.pending: list[tuple[Document, IngestedDoc]] = []
        self.pending_claims: list[tuple[str, str, list[Claim]]] = []
        self.seen: set[str] = set()

    def failed(self, errors: list[InputError]) -> None:
        # kept as they come: a killed batch still has the failures of what it read
        self.report.failed.extend(errors)
        _record_failures(self.store, errors)

    def flush(self) -> None:
        refused: list[InputError] = []
        refused_ids: set[str] = set()
        for doc, info in self.pending:
            try:  # one document at a time: the store refusing one must not cost the others
                result = self.store.add_documents([doc])
            except InputError as exc:
                exc.source = exc.source if exc.source and exc.source != doc.id else info.source
                refused.append(_detached(exc))
                refused_ids.add(doc.id)
                continue
            (self.report.added if result.added else self.report.existing).append(info)
        self.pending.clear()
        for doc_id, extractor, claims in self.pending_claims:
            if doc_id in refused_ids:
                continue
            try:
                self.report.claims += self.store.replace_claims(doc_id, extractor, claims)
            except InputError as exc:
                refused.append(_detached(exc))
        self.pending_claims.clear()
        if refused:
            self.failed(refused)

    def collect(self, source: str, result: ReadResult) -> None:
        for doc in result.documents:
            info = IngestedDoc(
                id=doc.id, ref=doc.ref, source=str(doc.meta.get("source", source)), kind=doc.source_kind
            )
            if doc.id in self.seen:
                self.report.existing.append(info)
                continue
            self.seen.add(doc.id)
            self.pending.append((doc, info))
        for doc_id, (extractor, claims) in result.claims.items():
            self.pending_claims.append((doc_id, extractor, claims))
        if len(self.pending) >= _FLUSH_EVERY or self.pending_claims:
            self.flush()


def store_read_result(store: Any, result: ReadResult, *, source: str) -> IngestReport:
    """Store what one reader produced (its documents, importer claims and
    record errors) as `ingest_paths` would; for callers that read the
    input themselves (`watch` fetches feeds with ETag / Last-Modified)."""
    report = IngestReport(inputs=1)
    writer = _BatchWriter(store, report)
    if result.errors:
        writer.failed([_detached(e) for e in result.errors])
    writer.collect(source, result)
    writer.flush()
    return report


def ingest_paths(
    paths: Sequence[str | Path],
    store: Any,
    *,
    settings: Settings | None = None,
    progress: ProgressCallback | None = None,
    language: str | None = None,
    publisher: str | None = None,
    published: datetime | None = None,
    client: Any = None,
) -> IngestReport:
    """Read and store every input. Good documents are stored even when other
    inputs fail; a document that failed is never stored in part (each is
    written in its own transaction by the store)."""
    options = options_from(settings, language=language, publisher=publisher, published=published)
    report = IngestReport()
    writer = _BatchWriter(store, report)
    report.inputs = _read_all(
        paths, options, progress=progress, client=client,
        on_result=lambda item, result: writer.collect(item.source, result), on_errors=writer.failed,
    )
    writer.flush()
    return report
