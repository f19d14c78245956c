"""Readers for files that hold their own text: plain text and Markdown (with
optional YAML front matter), the corpus layout (`<id>.txt` + `<id>.json`
sidecar), JSON Lines / JSON documents, and HTML pages.

Each reader takes a path and `ReadOptions` and returns a `ReadResult`; a
file-level problem raises `InputError`, a bad record inside a multi-record
file is collected in `ReadResult.errors` so the other records still load.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import Claim
from ..safeload import load_json, load_yaml
from .common import ReadOptions, ReadResult, make_document, model_fields
from .normalize import decode_bytes, read_limited
from .schemas import FrontMatter, JsonRecord, Sidecar, validate

__all__ = [
    "read_text_file",
    "read_corpus_file",
    "read_jsonl_file",
    "read_json_documents",
    "read_html_file",
    "records_to_documents",
    "split_front_matter",
    "sidecar_of",
    "load_gold",
]

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_META_KEYS = ("publisher", "published", "language", "url", "title", "id")


def read_text(path: Path, options: ReadOptions) -> str:
    return decode_bytes(read_limited(path, max_bytes=options.max_bytes), source=str(path))


def split_front_matter(text: str, *, source: str) -> tuple[dict[str, Any], str]:
    """(metadata, body) of a text that may start with a `---` YAML block.
    The YAML is read without aliases and bounded in size (`safeload.load_yaml`)."""
    text = text.lstrip("\ufeff")
    match = _FRONT_MATTER.match(text.replace("\r\n", "\n"))
    if not match:
        return {}, text
    meta = load_yaml(match.group(1) or "", source=source, location="front matter", first_line=2) or {}
    if not isinstance(meta, dict):
        raise InputError(
            "front matter must be a mapping of key: value lines",
            source=source,
            location="front matter",
            hint="use keys " + ", ".join(_META_KEYS),
        )
    body = text.replace("\r\n", "\n")[match.end() :]
    return meta, body


def read_text_file(path: Path, options: ReadOptions, *, kind: str = "text") -> ReadResult:
    """A plain text or Markdown file; YAML front matter supplies metadata
    (validated by `schemas.FrontMatter`; other keys are kept in meta)."""
    source = str(path)
    raw, body = split_front_matter(read_text(path, options), source=source)
    meta = validate(FrontMatter, _string_keys(raw), source=source, location="front matter")
    extra = meta.extras()
    doc = make_document(
        body,
        source=source,
        source_kind=kind,
        options=options,
        **model_fields(meta),
        meta={"front_matter": extra} if extra else None,
    )
    return ReadResult(documents=[doc])


def _string_keys(mapping: dict[Any, Any]) -> dict[str, Any]:
    # YAML keys may be numbers or dates; pydantic models take string keys
    return {k if isinstance(k, str) else str(k): v for k, v in mapping.items()}


def sidecar_of(path: Path) -> Path:
    return path.with_suffix(".json")


def _load_json(path: Path, options: ReadOptions) -> Any:
    return load_json(read_text(path, options), source=str(path))


def read_corpus_file(path: Path, options: ReadOptions) -> ReadResult:
    """`<id>.txt` with its `<id>.json` sidecar (id, published, publisher,
    language, url). Gold `claims` in the sidecar are not read here (see
    `ingest.gold.load_gold`)."""
    side = sidecar_of(path)
    meta = _load_json(side, options)
    if not isinstance(meta, dict):
        raise InputError(
            "sidecar must be a JSON object",
            source=str(side),
            hint='write {"id": ..., "published": ..., "publisher": ..., "language": ...}',
        )
    fields = validate(Sidecar, meta, source=str(side))  # a bad field lives in the sidecar: named there
    text = read_text(path, options)
    doc = make_document(
        text,
        source=str(path),
        source_kind="corpus",
        options=options,
        **{**model_fields(fields), "source_id": fields.id or path.stem},
    )
    return ReadResult(documents=[doc])


def records_to_documents(
    records: list[tuple[str, Any]], *, source: str, options: ReadOptions, kind: str = "jsonl"
) -> ReadResult:
    """Documents from (location, JSON value) records; each bad record becomes
    an error of its own."""
    result = ReadResult()
    for location, record in records:
        if not isinstance(record, dict):
            result.errors.append(
                InputError(
                    f"expected a JSON object, got {type(record).__name__}",
                    source=source,
                    location=location,
                    hint='write one object per line with at least "text"',
                )
            )
            continue
        if "text" not in record:
            result.errors.append(
                InputError(
                    'record has no "text"',
                    source=source,
                    location=location,
                    hint='add the document text under "text"',
                )
            )
            continue
        try:
            fields = validate(JsonRecord, record, source=source, location=location)
            result.documents.append(
                make_document(
                    fields.text,
                    source=source,
                    source_kind=kind,
                    options=options,
                    location=location,
                    **model_fields(fields),
                )
            )
        except InputError as exc:
            result.errors.append(exc)
    return result


def read_jsonl_file(path: Path, options: ReadOptions) -> ReadResult:
    """One JSON object per line (text, publisher, published, language, url,
    id, title); a line that does not parse is reported with its number."""
    source = str(path)
    records: list[tuple[str, Any]] = []
    errors: list[InputError] = []
    for number, line in enumerate(read_text(path, options).splitlines(), start=1):
        if not line.strip():
            continue
        try:
            records.append((f"line {number}", load_json(line, source=source, location=f"line {number}")))
        except InputError as exc:
            exc.hint = f"{exc.hint}; the other lines were read" if exc.hint else "the other lines were read"
            errors.append(exc)
    result = records_to_documents(records, source=source, options=options)
    result.errors[:0] = errors
    result.errors.sort(key=lambda e: int((e.location or "line 0").split()[1].rstrip(",")))
    return result


def read_json_documents(path: Path, options: ReadOptions, data: Any = None) -> ReadResult:
    """A `.json` file holding one document object or a list of them."""
    if data is None:
        data = _load_json(path, options)
    if isinstance(data, dict):
        items = [("record 1", data)]
    elif isinstance(data, list):
        items = [(f"record {i}", item) for i, item in enumerate(data, start=1)]
    else:
        raise InputError(
            "JSON file holds neither a document object nor a list of them",
            source=str(path),
            hint='write {"text": ..., "publisher": ...} or a list of such objects',
        )
    return records_to_documents(items, source=str(path), options=options)


def _html_meta(root: Any) -> dict[str, str]:
    """Publication time, canonical URL and language from a page's head;
    trafilatura keeps only the day of the publication time."""
    found: dict[str, str] = {}
    for prop in ("article:published_time", "og:published_time", "datePublished", "date", "dc.date"):
        hits = root.xpath(f'//meta[@property="{prop}" or @name="{prop}" or @itemprop="{prop}"]/@content')
        if hits:
            found["published"] = str(hits[0])
            break
    urls = root.xpath('//link[@rel="canonical"]/@href') or root.xpath('//meta[@property="og:url"]/@content')
    if urls:
        found["url"] = str(urls[0])
    langs = root.xpath("/html/@lang")
    if langs:
        found["language"] = str(langs[0]).split("-")[0].lower()
    return found


def read_html_file(path: Path, options: ReadOptions) -> ReadResult:
    """The main text of an HTML page (trafilatura) with its metadata."""
    import trafilatura
    from lxml import html as lxml_html

    source = str(path)
    page = read_text(path, options)
    extracted = trafilatura.bare_extraction(page, with_metadata=True, include_comments=False)
    body = getattr(extracted, "text", None) if extracted is not None else None
    if not body:
        raise InputError(
            "no main text found in the HTML page",
            source=source,
            hint="check that the page is an article (not a script-rendered shell); or save its text as .txt",
        )
    try:
        head = _html_meta(lxml_html.document_fromstring(page))
    except Exception:  # malformed markup: trafilatura's metadata is enough
        head = {}
    published = head.get("published") or extracted.date
    publisher = extracted.sitename or extracted.author
    doc = make_document(
        body,
        source=source,
        source_kind="html",
        options=options,
        publisher=publisher,
        published=published,
        language=head.get("language"),
        url=head.get("url") or extracted.url,
        title=extracted.title,
    )
    return ReadResult(documents=[doc])


def load_gold(directory: str | Path) -> dict[str, list[Claim]]:
    """{source id: [Claim, ...]} from every `<id>.json` sidecar in
    `directory` (not recursive). A sidecar without `claims` gives an empty
    list; one that does not parse or holds a malformed claim raises `InputError`."""
    folder = Path(directory)
    if not folder.is_dir():
        raise InputError(
            "gold directory not found", source=str(folder), hint="give a corpus directory such as corpus/dev"
        )
    gold: dict[str, list[Claim]] = {}
    for side in sorted(folder.glob("*.json")):
        if not side.with_suffix(".txt").is_file():
            continue
        try:
            data = load_json(side.read_text(encoding="utf-8"), source=str(side))
        except UnicodeDecodeError as exc:
            raise InputError(f"sidecar is not UTF-8: {exc}", source=str(side), hint="re-save it as UTF-8") from exc
        if not isinstance(data, dict):
            raise InputError("sidecar must be a JSON object", source=str(side), hint="fix the JSON")
        source_id = str(data.get("id") or side.stem)
        claims: list[Claim] = []
        for number, raw in enumerate(data.get("claims") or [], start=1):
            try:
                claims.append(Claim.from_spec({**raw, "doc_id": raw.get("doc_id") or source_id}))
            except (KeyError, TypeError, ValueError, AttributeError) as exc:
                raise InputError(
                    f"malformed gold claim: {exc}",
                    source=str(side),
                    location=f"claims[{number - 1}]",
                    hint="follow the claim shape of spec/claims.md section 1",
                ) from exc
        gold[source_id] = claims
    return gold
