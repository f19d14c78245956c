"""What every reader shares: options, the result shape, and the single
function that turns raw fields into a `Document` (normalising the text and
resolving language once)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from lxml import html as lxml_html

from ..errors import InputError, InvalidField
from ..model import SOURCE_KINDS, Claim, Document
from .dateline import published_from_text
from .normalize import detect_language, normalize_text
from .schemas import DocumentFields, validate

__all__ = [
    "ReadOptions",
    "ReadResult",
    "make_document",
    "record_fields",
    "model_fields",
    "html_fragment_to_text",
    "reader_name",
]


@dataclass(frozen=True)
class ReadOptions:
    """How readers fill what an input leaves out, and how much they accept."""

    max_bytes: int = 20 * 1024 * 1024
    language: str | None = None  # used when the input does not give one (skips detection)
    publisher: str | None = None  # used when the input does not give one
    published: datetime | None = None  # used when the input does not give one (before a date line in the text)
    fallback_language: str | None = None  # when detection is unsure (Settings.default_language)
    detect: bool = True  # detect the language of documents that do not give one


@dataclass
class ReadResult:
    """Documents read from one input, and the records of it that failed.
    A bad record never hides the good ones next to it."""

    documents: list[Document] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    # doc id -> (extractor name, claims): claims an importer read from
    # structured data, stored with the document by `ingest_paths`.
    claims: dict[str, tuple[str, list[Claim]]] = field(default_factory=dict)

    def extend(self, other: ReadResult) -> None:
        self.documents.extend(other.documents)
        self.errors.extend(other.errors)
        self.claims.update(other.claims)


def reader_name(kind: str) -> str:
    """Versioned name of the reader for a source kind, stored in `Document.meta`."""
    return f"ceasewatch.ingest.{kind}.v1"


def record_fields(record: Mapping[str, Any]) -> dict[str, Any]:
    """The document metadata a front matter, sidecar or JSONL record gives,
    as `make_document` keywords (its "id" is the source's own id)."""
    keys = ("publisher", "published", "language", "url", "title")
    return {**{k: record.get(k) for k in keys}, "source_id": record.get("id")}


def model_fields(fields: DocumentFields) -> dict[str, Any]:
    """`make_document` keywords from an already validated model."""
    return {
        "publisher": fields.publisher,
        "published": fields.published,
        "language": fields.language,
        "url": fields.url,
        "title": fields.title,
        "source_id": fields.id,
    }


def make_document(
    text: str,
    *,
    source: str,
    source_kind: str,
    options: ReadOptions,
    location: str | None = None,
    publisher: Any = None,
    published: Any = None,
    language: Any = None,
    url: Any = None,
    title: Any = None,
    source_id: Any = None,
    meta: Mapping[str, Any] | None = None,
) -> Document:
    """Build a Document from raw fields: text normalised once, every
    metadata field validated (`schemas.DocumentFields`: types, lengths,
    publication time in range), language kept or detected, the reader
    recorded in meta. Raises `InputError` (with `source`/`location`) for
    empty text and `InvalidField` for a bad field."""
    if source_kind not in SOURCE_KINDS:
        raise ValueError(f"unknown source kind {source_kind!r}")
    if not isinstance(text, str):
        raise InvalidField(
            f"text: must be a string, got {type(text).__name__}",
            field="text",
            source=source,
            location=f"{location}, field text" if location else "field text",
            hint='give the document text as a JSON string under "text"',
        )
    clean = normalize_text(text)
    if not clean.strip():
        raise InputError(
            "document has no text", source=source, location=location, hint="remove it or add its text"
        )
    fields = validate(
        DocumentFields,
        {"publisher": publisher, "published": published, "language": language, "url": url, "title": title,
         "id": source_id},
        source=source,
        location=location,
    )
    when: datetime | None = fields.published or options.published
    read_from_text = None
    if when is None:
        # a pasted report keeps its date line ("30.08.2024 10:45"): better than no day at all
        read_from_text = published_from_text(clean)
        when = read_from_text
    lang = fields.language or options.language
    if lang is None and options.detect:
        lang = detect_language(clean, fallback=options.fallback_language)
    info: dict[str, Any] = {"reader": reader_name(source_kind), "source": source}
    if location:
        info["location"] = location
    if meta:
        info.update({k: v for k, v in meta.items() if v is not None})
    if read_from_text is not None:
        info["published_from"] = "text"
    return Document.create(
        clean,
        publisher=fields.publisher or options.publisher,
        published=when,
        language=lang,
        url=fields.url,
        source_kind=source_kind,
        source_id=fields.id,
        title=fields.title,
        meta=info,
    )


# Elements after which a line break belongs in the plain text.
_BLOCKS = {
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "tr",
    "table",
    "section",
    "article",
    "header",
    "footer",
}


def html_fragment_to_text(fragment: str) -> str:
    """Plain text of a small HTML fragment (a feed entry, a Telegram caption):
    block elements become line breaks, scripts and styles are dropped. Whole
    pages go through trafilatura instead."""
    if "<" not in fragment:
        return fragment.strip()
    try:
        root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # lxml raises several unrelated types for junk markup
        return fragment.strip()
    for bad in root.xpath("//script|//style"):
        bad.drop_tree()
    parts: list[str] = []

    def walk(node: Any) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag == "br":
            parts.append("\n")
        elif node.text:
            parts.append(node.text)
        for child in node:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if tag in _BLOCKS and tag != "br":
            parts.append("\n")

    walk(root)
    lines = [" ".join(line.split()) for line in "".join(parts).split("\n")]
    text = "\n".join(lines)
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text.strip()
