"""Parsing untrusted JSON, YAML and XML with limits, for every reader of
outside data (ingest, agreement files, gold sidecars).

    load_json(text, source=...)    json.loads without NaN/Infinity, with bounded numbers and nesting
    load_yaml(text, source=...)    safe YAML without aliases, bounded in size and nesting
    check_xml(data, source=...)    refuses DTDs and entities (defusedxml rules) before a feed parser runs

Each raises an `InputError` subclass that names the source and the place:
`UnsafeInput` for YAML aliases and XML document type declarations or
entities (billion laughs, external entities), `DocumentTooLarge` for input
over a size or nesting limit, `InputError` for anything that does not parse.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

import yaml

from .errors import DocumentTooLarge, InputError, UnsafeInput

__all__ = [
    "MAX_DEPTH",
    "MAX_NUMBER_CHARS",
    "MAX_YAML_BYTES",
    "load_json",
    "load_yaml",
    "check_xml",
    "nesting_depth",
]

# Deepest nesting of lists and objects a record may have. A Telegram export,
# the deepest input ceasewatch reads, needs 7.
MAX_DEPTH = 32
# Longest number literal: Python parses long integers in quadratic time.
MAX_NUMBER_CHARS = 40
# Largest YAML text (front matter, an agreement file).
MAX_YAML_BYTES = 256 * 1024


class _Refused(ValueError):
    """Raised inside json.loads by a parse hook; turned into an InputError."""


def _refuse_constant(name: str) -> Any:
    raise _Refused(f"{name} is not a JSON number")


def _parse_float(text: str) -> float:
    if len(text) > MAX_NUMBER_CHARS:
        raise _Refused(f"number of {len(text)} characters (at most {MAX_NUMBER_CHARS})")
    value = float(text)
    if not math.isfinite(value):
        raise _Refused(f"number {text} is out of range")
    return value


def _parse_int(text: str) -> int:
    if len(text) > MAX_NUMBER_CHARS:
        raise _Refused(f"number of {len(text)} characters (at most {MAX_NUMBER_CHARS})")
    return int(text)


def nesting_depth(value: Any, *, stop_after: int = MAX_DEPTH) -> int:
    """How deeply lists and dicts nest in `value` (a scalar is 0), counted
    without recursion; stops counting once past `stop_after`."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children: Any = item.values()
        elif isinstance(item, list | tuple):
            children = item
        else:
            continue
        depth += 1
        if depth > deepest:
            deepest = depth
            if deepest > stop_after:
                return deepest
        stack.extend((child, depth) for child in children)
    return deepest


def _too_deep(source: str | None, location: str | None, max_depth: int) -> DocumentTooLarge:
    return DocumentTooLarge(
        f"nested more than {max_depth} levels deep",
        source=source,
        location=location,
        hint="records are flat objects (text, publisher, published, language, url, id, title); "
        "remove the nested lists or objects",
    )


def _where(location: str | None, detail: str) -> str:
    return f"{location}, {detail}" if location else detail


def load_json(
    text: str, *, source: str | None = None, location: str | None = None, max_depth: int = MAX_DEPTH
) -> Any:
    """`json.loads` for untrusted text: NaN and Infinity are refused (they are
    not JSON), numbers longer than 40 characters or out of float range too,
    and nesting deeper than `max_depth`. `location` prefixes the line and
    column of a syntax error (a JSONL reader passes "line 12")."""
    try:
        data = json.loads(
            text, parse_constant=_refuse_constant, parse_float=_parse_float, parse_int=_parse_int
        )
    except json.JSONDecodeError as exc:
        # inside a located record (a JSONL line) the column goes in the message
        raise InputError(
            f"invalid JSON: {exc.msg}" + (f" (column {exc.colno})" if location else ""),
            source=source,
            location=location or f"line {exc.lineno}, column {exc.colno}",
            hint="fix the JSON (a truncated file usually ends mid-object); validate it with `python -m json.tool`",
        ) from None
    except _Refused as exc:
        raise InputError(
            f"invalid JSON: {exc}",
            source=source,
            location=location,
            hint="write numbers as plain finite JSON numbers; leave a field out (or null) when it is unknown",
        ) from None
    except RecursionError:
        raise _too_deep(source, location, max_depth) from None
    if nesting_depth(data, stop_after=max_depth) > max_depth:
        raise _too_deep(source, location, max_depth)
    return data


class _NoAliasLoader(yaml.SafeLoader):
    """PyYAML's safe loader with aliases refused: `*name` references are how
    a 1 KB "billion laughs" document expands to gigabytes."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(
                None, None, "aliases (*name) are not accepted", event.start_mark
            )
        return super().compose_node(parent, index)


def load_yaml(
    text: str,
    *,
    source: str | None = None,
    location: str | None = None,
    first_line: int = 1,
    max_bytes: int = MAX_YAML_BYTES,
    max_depth: int = MAX_DEPTH,
) -> Any:
    """Safe YAML (plain data only) without aliases, at most `max_bytes`
    long and `max_depth` deep. `first_line` is the file line the text starts
    on, so errors point into the file (front matter starts on line 2)."""
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > max_bytes:
        raise DocumentTooLarge(
            f"YAML block of {size:,} bytes, over the {max_bytes:,}-byte limit",
            source=source,
            location=location,
            hint="keep metadata short; put long text in the body of the document",
        )
    try:
        return _checked_depth(yaml.load(text, Loader=_NoAliasLoader), source, location, max_depth)  # noqa: S506
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = _where(location, f"line {mark.line + first_line}") if mark is not None else location
        problem = getattr(exc, "problem", None) or str(exc)
        if "aliases" in str(problem):
            raise UnsafeInput(
                f"YAML {problem}",
                source=source,
                location=line,
                hint="write each value out instead of referring to an anchor (&name / *name)",
            ) from None
        raise InputError(
            f"not valid YAML: {problem}",
            source=source,
            location=line,
            hint="fix the YAML (key: value per line)",
        ) from None
    except RecursionError:
        raise _too_deep(source, location, max_depth) from None
    except (ValueError, OverflowError) as exc:  # e.g. a timestamp like 2025-13-45, an integer of 5,000 digits
        raise InputError(
            f"YAML value cannot be read: {exc}",
            source=source,
            location=location,
            hint="write dates as YYYY-MM-DD and numbers as plain numbers",
        ) from None


def _checked_depth(data: Any, source: str | None, location: str | None, max_depth: int) -> Any:
    if nesting_depth(data, stop_after=max_depth) > max_depth:
        raise _too_deep(source, location, max_depth)
    return data


_DECLARATION = re.compile(rb"<!\s*(?:DOCTYPE|ENTITY)", re.IGNORECASE)


class _PrologDone(Exception):
    """The root element started: the prolog, where DTDs live, is over."""


class _StopAtRoot:
    def start(self, tag: str, attrib: Any) -> None:
        raise _PrologDone

    def close(self) -> None:
        return None


def check_xml(data: bytes, *, source: str | None = None) -> None:
    """Refuse XML that declares a document type or entities, before any XML
    parser builds it (defusedxml's rules: no DTD, no entities, no external
    references). Only the prolog is parsed: the check costs microseconds
    whatever the size of the feed. XML that expat cannot read (an encoding
    it does not know, a broken prolog) is refused when its bytes hold a
    `<!DOCTYPE` or `<!ENTITY` anywhere; otherwise the feed parser reports it."""
    from xml.etree.ElementTree import ParseError

    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import DefusedXMLParser

    parser = DefusedXMLParser(target=_StopAtRoot(), forbid_dtd=True, forbid_entities=True, forbid_external=True)
    try:
        parser.feed(data)
    except _PrologDone:
        return
    except DefusedXmlException as exc:
        raise UnsafeInput(
            f"XML with a document type declaration or entities is not accepted ({type(exc).__name__})",
            source=source,
            hint="feeds do not need a <!DOCTYPE>; entity declarations are how 'billion laughs' and external-entity "
            "attacks work. Remove the declaration, or ask the publisher for a plain RSS/Atom feed",
        ) from None
    except (ParseError, LookupError, ValueError):  # not well-formed, or an encoding expat cannot read
        pass
    text = data.decode("utf-16") if data.startswith((b"\xff\xfe", b"\xfe\xff")) else None
    raw = text.encode("utf-8", "replace") if text is not None else data
    if _DECLARATION.search(raw):
        raise UnsafeInput(
            "XML that does not parse and holds a <!DOCTYPE> or <!ENTITY> declaration is not accepted",
            source=source,
            hint="re-save the feed as UTF-8 without a document type declaration",
        )
