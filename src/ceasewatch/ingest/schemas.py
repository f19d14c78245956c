"""Pydantic models of the metadata inputs give, so that every field is
checked once, the same way, whatever the reader.

    DocumentFields   publisher, published, language, url, title, id (every reader, through make_document)
    JsonRecord       a JSON Lines row or an object of a .json file: the fields and "text"
    Sidecar          the <id>.json beside a corpus <id>.txt
    FrontMatter      the YAML block of a Markdown file; other keys are kept, bounded
    TelegramMessage  one message of a Telegram Desktop export

`validate(model, data, source=, location=)` returns the model or raises
`InvalidField` naming the source, the record ("line 3") and the field
("field published"), with a hint for that field.
"""

from __future__ import annotations

import math
from datetime import date, datetime
from typing import Annotated, Any, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictInt,
    StrictStr,
    ValidationError,
    field_validator,
    model_validator,
)

from ..errors import InvalidField
from .normalize import published_time

__all__ = [
    "DocumentFields",
    "JsonRecord",
    "Sidecar",
    "FrontMatter",
    "TelegramMessage",
    "TelegramEntity",
    "validate",
    "MAX_NAME_CHARS",
    "MAX_TITLE_CHARS",
    "MAX_URL_CHARS",
    "MAX_ID_CHARS",
    "MAX_EXTRA_KEYS",
    "MAX_EXTRA_CHARS",
]

MAX_NAME_CHARS = 300  # publisher, channel, forwarded_from
MAX_TITLE_CHARS = 2000
MAX_URL_CHARS = 2048
MAX_ID_CHARS = 300
MAX_EXTRA_KEYS = 50  # front matter keys kept besides the document fields
MAX_EXTRA_CHARS = 16 * 1024  # their values, as JSON

_HINTS = {
    "publisher": 'give the publisher as one short string, e.g. "Ukrainian Air Force"',
    "published": 'write it as ISO 8601, e.g. "2025-03-14T09:08:00+02:00", or Unix time in seconds',
    "date_unixtime": "Unix time in seconds, as Telegram Desktop exports it",
    "date": 'Telegram Desktop writes "2025-03-14T09:08:00"',
    "language": "a two-letter ISO 639-1 code such as en, uk or ru",
    "url": "one http(s) address as a string",
    "title": "the title as one string",
    "id": "the source's own id, a string or an integer",
    "text": 'give the document text as a JSON string under "text"',
    "forwarded_from": "the name of the forwarded channel, as a string",
}


def _no_control(value: str) -> str:
    if "\x00" in value:
        raise ValueError("contains a NUL character")
    if any("\ud800" <= ch <= "\udfff" for ch in value):
        raise ValueError("contains a lone UTF-16 surrogate")
    return value


def _stripped(value: str) -> str | None:
    value = _no_control(value).strip()
    return value or None


def _as_id(value: Any) -> Any:
    # ids may be integers (Telegram, many JSON exports); stored as text
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value


def _language(value: str) -> str | None:
    """"en", "EN", "en-US", "uk_UA" -> the primary subtag, lower case."""
    value = value.strip()
    if not value:
        return None
    primary = value.replace("_", "-").split("-", 1)[0]
    if not (2 <= len(primary) <= 3 and primary.isascii() and primary.isalpha()):
        raise ValueError(f"{value[:20]!r} is not an ISO 639 language code")
    return primary.lower()


def _published(value: Any) -> datetime | None:
    return published_time(value)


Name = Annotated[StrictStr, Field(max_length=MAX_NAME_CHARS), AfterValidator(_stripped)]
Title = Annotated[StrictStr, Field(max_length=MAX_TITLE_CHARS), AfterValidator(_stripped)]
Url = Annotated[StrictStr, Field(max_length=MAX_URL_CHARS), AfterValidator(_stripped)]
SourceId = Annotated[StrictStr, BeforeValidator(_as_id), Field(max_length=MAX_ID_CHARS), AfterValidator(_stripped)]
Language = Annotated[StrictStr, Field(max_length=35), AfterValidator(_language)]
Published = Annotated[Any, AfterValidator(_published)]


class DocumentFields(BaseModel):
    """The metadata of one document, as any reader gives it."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    publisher: Name | None = None
    published: Published = None
    language: Language | None = None
    url: Url | None = None
    title: Title | None = None
    id: SourceId | None = None


class JsonRecord(DocumentFields):
    """One JSON Lines row, or one object of a .json file."""

    text: StrictStr


class Sidecar(DocumentFields):
    """`<id>.json` beside a corpus `<id>.txt`; gold `claims` are read by
    `load_gold`, not here."""


def _plain(value: Any, depth: int = 0) -> Any:
    """A front matter value as plain JSON data (what the store can keep)."""
    if depth > 4:
        raise ValueError("is nested too deeply")
    if value is None or isinstance(value, bool | str):
        return _no_control(value) if isinstance(value, str) else value
    if isinstance(value, int):
        if abs(value) > 2**53:
            raise ValueError("holds an integer too large to store")
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError("holds NaN or an infinity")
        return value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_plain(v, depth + 1) for v in value]
    if isinstance(value, dict):
        out = {}
        for k, v in value.items():
            if not isinstance(k, str | int) or isinstance(k, bool):
                raise ValueError(f"has a key of type {type(k).__name__}")
            out[_no_control(str(k))] = _plain(v, depth + 1)
        return out
    raise ValueError(f"holds a {type(value).__name__}")


class FrontMatter(DocumentFields):
    """YAML front matter: the document fields, and up to 50 other keys with
    plain values (kept in `Document.meta["front_matter"]`)."""

    model_config = ConfigDict(extra="allow", frozen=True)

    @model_validator(mode="after")
    def _bounded_extras(self) -> FrontMatter:
        extra = self.model_extra or {}
        if len(extra) > MAX_EXTRA_KEYS:
            raise ValueError(f"front matter has {len(extra)} keys besides the document fields (at most {MAX_EXTRA_KEYS})")
        size = 0
        for key, value in extra.items():
            try:
                extra[key] = _plain(value)
            except ValueError as exc:
                raise ValueError(f"key {str(key)[:40]!r} {exc}") from None
            size += len(str(key)) + len(repr(extra[key]))
            if size > MAX_EXTRA_CHARS:
                raise ValueError(f"front matter values are over {MAX_EXTRA_CHARS:,} characters")
        return self

    def extras(self) -> dict[str, Any]:
        return dict(self.model_extra or {})


class TelegramEntity(BaseModel):
    """A formatted piece of a message's text (`{"type": "bold", "text": ...}`)."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    type: StrictStr | None = None
    text: StrictStr = ""


class TelegramMessage(BaseModel):
    """One message of a Telegram Desktop export; `text` is a string or a
    list of strings and entities."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    id: SourceId | None = None
    type: StrictStr = "message"
    date: StrictStr | None = Field(None, max_length=40)
    date_unixtime: Annotated[StrictStr | StrictInt | None, Field(union_mode="left_to_right")] = None
    text: StrictStr | list[StrictStr | TelegramEntity] | None = None
    forwarded_from: Name | None = None

    @field_validator("date_unixtime")
    @classmethod
    def _readable_time(cls, value: str | int | None) -> int | None:
        # date_unixtime is UTC; `date` (the exporting machine's wall clock) is the fallback
        if value in (None, ""):
            return None
        try:
            stamp = int(str(value))
        except ValueError:
            raise ValueError(f"{str(value)[:40]!r} is not a number") from None
        published_time(stamp)  # ValueError when outside 1900-2100
        return stamp

    def published(self) -> Any:
        return self.date_unixtime if self.date_unixtime is not None else self.date

    def plain_text(self) -> str:
        if self.text is None:
            return ""
        if isinstance(self.text, str):
            return self.text
        return "".join(part if isinstance(part, str) else part.text for part in self.text)


M = TypeVar("M", bound=BaseModel)


def _field_of(error: dict[str, Any]) -> str | None:
    loc = [str(p) for p in error.get("loc", ()) if not isinstance(p, int)]
    return loc[0] if loc else None


def _message(error: dict[str, Any], field: str | None) -> str:
    msg = str(error.get("msg", "invalid value"))
    if msg.startswith("Value error, "):
        msg = msg[len("Value error, ") :]
    got = error.get("input")
    kind = error.get("type", "")
    if kind in ("string_type", "int_type", "model_type", "list_type", "union_tag_invalid") or kind.endswith("_type"):
        msg = f"{msg}, got {type(got).__name__}"
    elif kind == "missing":
        msg = "is required"
    return f"{field}: {msg}" if field else msg


def validate(model: type[M], data: Any, *, source: str | None, location: str | None = None) -> M:
    """`model.model_validate(data)`, with the first problem raised as an
    `InvalidField` whose location is "<location>, field <name>"."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
        first = errors[0] if errors else {}
        field = _field_of(first)
        where = f"field {field}" if field else None
        if location:
            where = f"{location}, {where}" if where else location
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        raise InvalidField(
            _message(first, field) + more,
            field=field,
            source=source,
            location=where,
            hint=_HINTS.get(field or "", "fix or remove this field; the other records were read"),
        ) from None
