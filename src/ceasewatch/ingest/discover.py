"""Which inputs a batch holds and which reader each needs.

Paths are expanded (directories walked recursively, in sorted order), each
file's format is decided by its extension and, where the extension is
missing or ambiguous, by sniffing its first bytes. Sidecar `.json` files
belong to their `.txt` and are not inputs of their own.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..safeload import load_json
from .normalize import looks_binary

__all__ = ["Input", "discover_inputs", "detect_format", "is_url", "SKIPPED_NAMES"]

# Files a directory walk passes over: project paperwork, not reports.
SKIPPED_NAMES = ("readme", "license", "licence", "changelog", "notice")

_EXTENSIONS = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
    ".csv": "csv",
}


@dataclass(frozen=True)
class Input:
    """One thing to read: a file path or a URL, and the reader it needs."""

    source: str
    kind: str  # text, markdown, corpus, jsonl, json, html, feed, feed_url, csv
    path: Path | None = None


def is_url(value: str) -> bool:
    return value.startswith(("http://", "https://"))


def _sniff(path: Path) -> str:
    """Format from content, for files whose extension does not say."""
    try:
        with path.open("rb") as handle:
            head = handle.read(4096)
    except OSError:
        return "text"  # the reader reports the real I/O error
    if looks_binary(head):
        return "binary"
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith(b"<?xml") or start.startswith((b"<rss", b"<feed", b"<rdf")):
        return "feed" if any(tag in head.lower() for tag in (b"<rss", b"<feed", b"<rdf:rdf")) else "html"
    if start.startswith((b"<!doctype html", b"<html")):
        return "html"
    if start.startswith(b"{"):
        lines = [line.strip() for line in head.lstrip(b"\xef\xbb\xbf \t\r\n").split(b"\n")]
        following = [line for line in lines[1:] if line]
        if following and following[0].startswith(b"{"):
            return "jsonl"  # one object per line, even when the first line is broken
        try:
            load_json(lines[0].decode("utf-8"))
            return "jsonl"
        except (InputError, UnicodeDecodeError):
            return "json"
    if start.startswith(b"["):
        return "json"
    if start.startswith(b"---"):
        return "markdown"
    return "text"


def detect_format(path: Path) -> str:
    """Reader kind for one file; "corpus" for a `.txt` with a sidecar."""
    kind = _EXTENSIONS.get(path.suffix.lower())
    if kind == "text" and path.with_suffix(".json").is_file():
        return "corpus"
    if kind is None:
        return _sniff(path)
    if kind == "feed" and path.suffix.lower() == ".xml":
        sniffed = _sniff(path)
        return sniffed if sniffed in ("feed", "binary") else "feed"
    return kind


def _is_sidecar(path: Path) -> bool:
    return path.suffix.lower() == ".json" and path.with_suffix(".txt").is_file()


def _skipped_in_walk(path: Path, root: Path) -> bool:
    relative = path.relative_to(root).parts
    if any(part.startswith(".") or part == "__pycache__" for part in relative):
        return True
    if path.stem.lower() in SKIPPED_NAMES:
        return True
    # The weapon table of the Massive Missile Attacks dataset is read by its
    # importer, not ingested.
    return path.name == "missiles_and_uavs.csv"


def discover_inputs(paths: Iterable[str | Path]) -> tuple[list[Input], list[InputError]]:
    """Inputs to read, in a stable order, and errors for paths that do not exist."""
    inputs: list[Input] = []
    errors: list[InputError] = []
    seen: set[str] = set()

    def add(item: Input) -> None:
        if item.source not in seen:
            seen.add(item.source)
            inputs.append(item)

    for raw in paths:
        text = str(raw)
        if is_url(text):
            add(Input(source=text, kind="feed_url"))
            continue
        path = Path(text)
        if path.is_dir():
            for found in sorted(p for p in path.rglob("*") if p.is_file()):
                if _skipped_in_walk(found, path) or _is_sidecar(found):
                    continue
                add(Input(source=str(found), kind=detect_format(found), path=found))
        elif path.is_file():
            if _is_sidecar(path):
                # Named on its own, a sidecar stands for its document.
                txt = path.with_suffix(".txt")
                add(Input(source=str(txt), kind="corpus", path=txt))
            else:
                add(Input(source=text, kind=detect_format(path), path=path))
        else:
            errors.append(
                InputError(
                    "no such file or directory",
                    source=text,
                    hint="check the path; URLs must start with http:// or https://",
                )
            )
    return inputs, errors
