"""The one place text is cleaned: decode bytes, normalise once, parse dates,
detect language.

Every offset in the project counts code points into `Document.text`, so the
text is normalised exactly once, here, before the document is created, and
never touched again. Normalisation is deliberately small (NFC, line endings,
NUL and BOM removal) so that a stored text still equals its source file for
ordinary UTF-8 input.
"""

from __future__ import annotations

import math
import re
import threading
import unicodedata
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

from dateutil import parser as date_parser

from ..errors import DocumentTooLarge, InputError

__all__ = [
    "normalize_text",
    "decode_bytes",
    "read_limited",
    "looks_binary",
    "parse_published",
    "published_time",
    "EARLIEST_YEAR",
    "LATEST_YEAR",
    "detect_language",
    "SUPPORTED_DETECTION",
]

# Languages lingua chooses between; anything else is given explicitly.
SUPPORTED_DETECTION: tuple[str, ...] = ("en", "uk", "ru")

_LINE_ENDINGS = re.compile(r"\r\n?")
# Control characters other than tab, LF, CR and form feed: many of them in a
# file mean it is not text at all.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


# Lone UTF-16 surrogates: a JSON string can hold them ("\ud800"), no
# encoder can write them.
_SURROGATE = re.compile("[\ud800-\udfff]")


def normalize_text(text: str) -> str:
    """NFC, CRLF/CR -> LF, NUL and byte-order marks removed, lone surrogates
    replaced by U+FFFD. Applied once, at ingest."""
    text = text.replace("\x00", "").replace("\ufeff", "")
    if _SURROGATE.search(text):
        text = _SURROGATE.sub("\ufffd", text)
    text = _LINE_ENDINGS.sub("\n", text)
    return unicodedata.normalize("NFC", text)


def looks_binary(data: bytes) -> bool:
    """True for bytes that are clearly not text (images, archives, executables).

    A UTF-16 byte-order mark is text; otherwise a NUL byte in the first 8 KB or
    more than 10% control bytes marks the file as binary."""
    head = data[:8192]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    if b"\x00" in head:
        return True
    if not head:
        return False
    controls = len(_CONTROL.findall(head.decode("latin-1")))
    return controls / len(head) > 0.10


def decode_bytes(data: bytes, *, source: str) -> str:
    """Decode UTF-8 (with or without BOM) or BOM-marked UTF-16; anything else
    is an `InputError` that says where the first bad byte is."""
    if looks_binary(data):
        raise InputError(
            "file is binary, not text",
            source=source,
            hint="give ceasewatch text, Markdown, HTML, JSON(L), CSV or feed files; remove this file from the batch",
        )
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(
                f"file has a UTF-16 byte-order mark but is not valid UTF-16 ({exc.reason})",
                source=source,
                location=f"byte {exc.start}",
                hint="re-save the file as UTF-8",
            ) from exc
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(
            f"file is not valid UTF-8 ({exc.reason} at byte {exc.start})",
            source=source,
            location=f"line {line}",
            hint="re-save the file as UTF-8 (e.g. `iconv -f cp1251 -t utf-8 FILE`)",
        ) from exc


def read_limited(path: Path, *, max_bytes: int) -> bytes:
    """The bytes of a file, refusing files over the configured size limit
    before reading them and empty files after."""
    source = str(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(
            f"cannot read file: {exc.strerror}", source=source, hint="check the path and permissions"
        ) from exc
    if size > max_bytes:
        raise DocumentTooLarge(
            f"file is {size / 1_048_576:.1f} MB, over the {max_bytes / 1_048_576:.1f} MB limit",
            source=source,
            hint="split the file, or raise the limit with CEASEWATCH_MAX_FILE_MB or `max_file_mb` in the config file",
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(
            f"cannot read file: {exc.strerror}", source=source, hint="check the path and permissions"
        ) from exc
    if not data.strip():
        raise InputError("file is empty", source=source, hint="remove the empty file or fill it in")
    return data


# Publication times outside these years are refused: they are typing
# errors, milliseconds given as seconds, or attempts to overflow a date type.
EARLIEST_YEAR = 1900
LATEST_YEAR = 2100
_EARLIEST_TS = datetime(EARLIEST_YEAR, 1, 1, tzinfo=UTC).timestamp()
_LATEST_TS = datetime(LATEST_YEAR, 12, 31, 23, 59, 59, tzinfo=UTC).timestamp()
_MAX_DATE_CHARS = 100


def published_time(value: Any) -> datetime | None:
    """A publication time from ISO 8601 (or other readable) text, a date, a
    datetime or a Unix timestamp in seconds; None for None or "". Naive
    values stay naive (the source did not say the zone). Raises ValueError
    with a reason for NaN, infinities, booleans, times outside the years
    1900-2100 and text that is not a time."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ValueError(f"a publication time cannot be {value!r}")
    if isinstance(value, datetime):
        when = value
    elif isinstance(value, date):
        when = datetime.combine(value, time())
    elif isinstance(value, int | float):
        if isinstance(value, float) and not math.isfinite(value):
            raise ValueError(f"a publication time cannot be {value!r}")
        if not _EARLIEST_TS <= value <= _LATEST_TS:
            raise ValueError(
                f"Unix time {value!r} is outside the years {EARLIEST_YEAR}-{LATEST_YEAR} "
                "(give seconds, not milliseconds)"
            )
        return datetime.fromtimestamp(value, tz=UTC)
    elif isinstance(value, str):
        when = _parse_time_text(value)
    else:
        raise ValueError(f"a publication time cannot be a {type(value).__name__}")
    if not EARLIEST_YEAR <= when.year <= LATEST_YEAR:
        raise ValueError(f"publication time {when.isoformat()} is outside the years {EARLIEST_YEAR}-{LATEST_YEAR}")
    return when


def _parse_time_text(value: str) -> datetime:
    text = value.strip()
    if len(text) > _MAX_DATE_CHARS:
        raise ValueError(f"a publication time of {len(text)} characters is not a time")
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        pass
    try:
        return date_parser.parse(text)
    except (ValueError, OverflowError, TypeError):
        pass
    raise ValueError(f"cannot read the publication time {value!r}")


def parse_published(value: Any, *, source: str, location: str = "published") -> datetime | None:
    """`published_time` with an `InputError` (naming `source` and
    `location`) instead of a ValueError: unreadable times are reported,
    never silently dropped."""
    try:
        return published_time(value)
    except ValueError as exc:
        raise InputError(
            str(exc),
            source=source,
            location=location,
            hint='write it as ISO 8601, e.g. "2025-03-14T09:08:00+02:00", or Unix time in seconds',
        ) from None


_detector_lock = threading.Lock()
_detector: Any = None


def _language_detector() -> Any:
    """lingua detector for en/uk/ru, built on first use (building it loads
    language models, which is too slow to do at import time)."""
    global _detector
    with _detector_lock:
        if _detector is None:
            from lingua import Language, LanguageDetectorBuilder

            _detector = LanguageDetectorBuilder.from_languages(
                Language.ENGLISH, Language.UKRAINIAN, Language.RUSSIAN
            ).build()
    return _detector


def detect_language(text: str, *, fallback: str | None = None, min_confidence: float = 0.5) -> str | None:
    """ "en", "uk" or "ru" for the text; `fallback` when lingua is unsure."""
    sample = text[:4000]
    if not any(ch.isalpha() for ch in sample):
        return fallback
    values = _language_detector().compute_language_confidence_values(sample)
    if not values or values[0].value < min_confidence:
        return fallback
    return values[0].language.iso_code_639_1.name.lower()
