"""Ingestion: files, directories, feeds and exports -> `Document`s.

Text is normalised once here (NFC, LF line endings, no NUL/BOM) and never
changed after storage, because every evidence offset points into it.

    load_documents(paths)                  parse without storing
    ingest_paths(paths, store, settings=)  parse and store -> IngestReport
    load_gold(dir)                         gold claims of a corpus directory

Supported inputs: plain text and Markdown (YAML front matter), the corpus
layout (`<id>.txt` + `<id>.json`), JSON Lines / JSON documents, HTML pages,
RSS/Atom feeds (file or URL), Telegram Desktop exports (`result.json`), and
the event datasets ACLED, UCDP GED and "Massive Missile Attacks on Ukraine"
as CSV (documents plus claims, `ingest/datasets.py`).

Importing this package is cheap: readers (feedparser, httpx, trafilatura)
load on first use, and the readers register lazily under versioned names in
`ceasewatch.registry.sources`.
"""

from __future__ import annotations

import importlib
from typing import Any

from ..registry import sources

__all__ = [
    "load_documents",
    "ingest_paths",
    "load_gold",
    "IngestReport",
    "IngestedDoc",
    "ReadOptions",
    "ReadResult",
    "Input",
    "discover_inputs",
    "detect_format",
    "read_input",
    "normalize_text",
    "detect_language",
    "READERS",
]

# versioned reader name -> "module:function" (the name is stored in Document.meta["reader"])
READERS: dict[str, str] = {
    "ceasewatch.ingest.text.v1": "ceasewatch.ingest.readers:read_text_file",
    "ceasewatch.ingest.markdown.v1": "ceasewatch.ingest.readers:read_text_file",
    "ceasewatch.ingest.corpus.v1": "ceasewatch.ingest.readers:read_corpus_file",
    "ceasewatch.ingest.jsonl.v1": "ceasewatch.ingest.readers:read_jsonl_file",
    "ceasewatch.ingest.html.v1": "ceasewatch.ingest.readers:read_html_file",
    "ceasewatch.ingest.feed.v1": "ceasewatch.ingest.feeds:read_feed_file",
    "ceasewatch.ingest.telegram.v1": "ceasewatch.ingest.telegram:read_telegram_export",
    "ceasewatch.import.massive_attacks_csv.v1": "ceasewatch.ingest.massive_attacks:read_massive_attacks_csv",
    "ceasewatch.import.acled_csv.v1": "ceasewatch.ingest.acled:read_acled_csv",
    "ceasewatch.import.ucdp_ged_csv.v1": "ceasewatch.ingest.ucdp:read_ucdp_csv",
}
for _name, _target in READERS.items():
    sources.lazy(_name, _target)

_EXPORTS = {
    "load_documents": "pipeline",
    "ingest_paths": "pipeline",
    "IngestReport": "pipeline",
    "IngestedDoc": "pipeline",
    "read_input": "pipeline",
    "load_gold": "readers",
    "ReadOptions": "common",
    "ReadResult": "common",
    "Input": "discover",
    "discover_inputs": "discover",
    "detect_format": "discover",
    "normalize_text": "normalize",
    "detect_language": "normalize",
}


def __getattr__(name: str) -> Any:
    """Import the public functions on first use (keeps plugin loading cheap)."""
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
