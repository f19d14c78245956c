"""RSS and Atom feeds, from a file or an http(s) URL: each entry becomes a
document whose text is the entry title followed by its content converted
from HTML to plain text."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax import SAXParseException

import feedparser
import httpx

from ..errors import InputError
from ..safeload import check_xml
from .common import ReadOptions, ReadResult, html_fragment_to_text, make_document
from .normalize import read_limited

__all__ = ["read_feed_file", "read_feed_url", "parse_feed_bytes", "fetch_url", "fetch_feed", "FeedResponse"]

_USER_AGENT = "ceasewatch-ingest/0.1 (+https://github.com/ceasewatch)"


@dataclass(frozen=True)
class FeedResponse:
    """A feed download: `data` is None when the server said 304 Not Modified."""

    data: bytes | None
    etag: str | None = None
    last_modified: str | None = None


def fetch_feed(
    url: str,
    *,
    max_bytes: int,
    client: httpx.Client | None = None,
    timeout: float = 30.0,
    etag: str | None = None,
    last_modified: str | None = None,
) -> FeedResponse:
    """Download a URL, refusing bodies over `max_bytes` while streaming; with
    `etag` / `last_modified` (from an earlier response) a conditional GET,
    so an unchanged feed costs the server one short answer."""
    from ..errors import DocumentTooLarge

    own = client is None
    http = client or httpx.Client(timeout=timeout, follow_redirects=True, headers={"User-Agent": _USER_AGENT})
    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    try:
        with http.stream("GET", url, headers=headers) as response:
            if response.status_code == 304 and headers:
                return FeedResponse(None, etag, last_modified)
            if response.status_code >= 400:
                raise InputError(
                    f"server answered HTTP {response.status_code}",
                    source=url,
                    hint="check the feed URL in a browser",
                )
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise DocumentTooLarge(
                        f"response is over the {max_bytes / 1_048_576:.1f} MB limit",
                        source=url,
                        hint="raise CEASEWATCH_MAX_FILE_MB if this feed is really that large",
                    )
                chunks.append(chunk)
            # Validators are short strings; a longer header is not one we keep.
            new_etag = (response.headers.get("etag") or "")[:200] or None
            new_modified = (response.headers.get("last-modified") or "")[:100] or None
    except httpx.HTTPError as exc:
        raise InputError(
            f"cannot download: {exc}",
            source=url,
            hint="check the URL and your network connection, or save the feed to a file and ingest that",
        ) from exc
    finally:
        if own:
            http.close()
    data = b"".join(chunks)
    if not data.strip():
        raise InputError("server sent an empty body", source=url, hint="check the feed URL")
    return FeedResponse(data, new_etag, new_modified)


def fetch_url(
    url: str, *, max_bytes: int, client: httpx.Client | None = None, timeout: float = 30.0
) -> bytes:
    """Download a URL, refusing bodies over `max_bytes` while streaming."""
    data = fetch_feed(url, max_bytes=max_bytes, client=client, timeout=timeout).data
    assert data is not None  # no validators sent: never 304
    return data


def _entry_body(entry: Any) -> str:
    contents = entry.get("content") or []
    for item in contents:
        value = item.get("value")
        if value:
            return html_fragment_to_text(value)
    return html_fragment_to_text(entry.get("summary") or entry.get("description") or "")


def parse_feed_bytes(data: bytes, *, source: str, options: ReadOptions) -> ReadResult:
    """Documents of a feed given as bytes; an entry without text is reported
    on its own, a document that is not a feed at all raises `InputError`.
    A feed that declares a document type or entities is refused before it
    is parsed (`safeload.check_xml`: billion laughs, external entities)."""
    check_xml(data, source=source)
    parsed = feedparser.parse(data)
    problem = parsed.get("bozo_exception")
    if isinstance(problem, SAXParseException):
        # Not well-formed XML: feedparser's lenient fallback would still give
        # entries, but a truncated feed's last entry would be stored in part.
        raise InputError(
            f"feed is not well-formed XML: {problem.getMessage()}",
            source=source,
            location=f"line {problem.getLineNumber()}",
            hint="the feed may be truncated or not a feed at all; download it again or fix the XML",
        )
    if not parsed.entries:
        reason = str(parsed.get("bozo_exception") or "no entries found")
        if parsed.get("bozo") or not parsed.get("version"):
            raise InputError(
                f"not a readable RSS/Atom feed: {reason}",
                source=source,
                hint="check that the file or URL is an RSS or Atom feed and is complete",
            )
        return ReadResult()
    channel = parsed.get("feed", {})
    publisher = channel.get("title")
    language = (channel.get("language") or "").split("-")[0] or None
    result = ReadResult()
    for number, entry in enumerate(parsed.entries, start=1):
        title = (entry.get("title") or "").strip()
        body = _entry_body(entry)
        # Headlines carry claims too; keep the title as the first line unless
        # the body already starts with it.
        text = body if not title or body.startswith(title) else (f"{title}\n\n{body}" if body else title)
        location = f"entry {number}"
        try:
            result.documents.append(
                make_document(
                    text,
                    source=source,
                    source_kind="feed",
                    options=options,
                    location=location,
                    publisher=publisher,
                    published=entry.get("published") or entry.get("updated"),
                    language=language,
                    url=entry.get("link"),
                    title=title or None,
                    source_id=entry.get("id") or entry.get("link"),
                )
            )
        except InputError as exc:
            result.errors.append(exc)
    return result


def read_feed_file(path: Path, options: ReadOptions) -> ReadResult:
    data = read_limited(path, max_bytes=options.max_bytes)
    return parse_feed_bytes(data, source=str(path), options=options)


def read_feed_url(url: str, options: ReadOptions, *, client: httpx.Client | None = None) -> ReadResult:
    data = fetch_url(url, max_bytes=options.max_bytes, client=client)
    return parse_feed_bytes(data, source=url, options=options)
