"""Records <-> JSON-safe values, driven by the dataclasses' type hints.

The store keeps each claim, incident and assessment whole as JSON next to
the columns it filters on, so a record read back is identical to the one
written. Decoding follows the field types of `model.py`, not a hand-kept
field list: a field added to a record later round-trips without a change
here, and a field missing from an older row takes its default. Fields equal
to an empty default (None, ()) are left out of the JSON, which keeps rows
small.

Converters are built once per type and cached: listing pages decode
thousands of records, and walking type hints for each was most of the cost.
"""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from collections import abc
from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import Any, TypeVar

__all__ = ["to_jsonable", "from_jsonable", "decode_record"]

R = TypeVar("R")
_PLAIN = (str, int, float, bool, type(None))
_MISSING = dataclasses.MISSING


_PLAIN_TYPES = frozenset(_PLAIN)
# type -> function making its JSON-safe form; built on first sight of a type.
_ENCODERS: dict[type, Callable[[Any], Any]] = {}


def to_jsonable(value: Any) -> Any:
    """Turn a record (nested dataclasses, tuples, dates) into JSON-safe values."""
    cls = type(value)
    if cls in _PLAIN_TYPES:
        return value
    enc = _ENCODERS.get(cls)
    if enc is None:
        enc = _ENCODERS[cls] = _make_encoder(cls)
    return enc(value)


def _make_encoder(cls: type) -> Callable[[Any], Any]:
    if dataclasses.is_dataclass(cls):
        # (name, default that may be left out, or _MISSING) per field
        plan = [
            (f.name, f.default if f.default is None or f.default == () else _MISSING)
            for f in dataclasses.fields(cls)
        ]

        def record(value: Any) -> dict[str, Any]:
            out = {}
            for name, default in plan:
                v = getattr(value, name)
                if default is not _MISSING and (v is None if default is None else v == ()):
                    continue
                out[name] = v if type(v) in _PLAIN_TYPES else to_jsonable(v)
            return out

        return record
    if issubclass(cls, _PLAIN):  # e.g. an IntEnum or a str subclass
        return _identity
    if issubclass(cls, (datetime, date)):
        return lambda v: v.isoformat()
    if issubclass(cls, Mapping):
        return lambda v: {str(k): to_jsonable(x) for k, x in v.items()}
    if issubclass(cls, (list, tuple, set, frozenset)):
        return lambda v: [x if type(x) in _PLAIN_TYPES else to_jsonable(x) for x in v]
    # Anything else (a Decimal, a Path in Document.meta) is kept as its text.
    return str


def decode_record(cls: type[R], data: Mapping[str, Any]) -> R:
    """Build dataclass `cls` from `to_jsonable` output; unknown keys are
    ignored and missing keys take the field default."""
    return _decoder(cls)(data)


def from_jsonable(tp: Any, value: Any) -> Any:
    """Convert a JSON value back to type `tp` (a type hint of model.py)."""
    return _decoder(tp)(value)


def _identity(value: Any) -> Any:
    return value


def _none_safe(fn: Callable[[Any], Any]) -> Callable[[Any], Any]:
    return lambda v: None if v is None else fn(v)


@functools.cache
def _decoder(tp: Any) -> Callable[[Any], Any]:
    if tp is Any or tp in (str, int, bool):
        return _identity
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        arms = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(arms) == 1:
            return _decoder(arms[0])
        decoders = [_decoder(a) for a in arms]

        def first_fit(v: Any) -> Any:
            for dec in decoders:
                try:
                    return dec(v)
                except (TypeError, ValueError, KeyError):
                    continue
            return v

        return _none_safe(first_fit)
    if origin is typing.Literal:
        return _identity
    if origin is tuple:
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            item = _decoder(args[0])
            if item is _identity:
                return _none_safe(tuple)
            return _none_safe(lambda v: tuple(item(x) for x in v))
        parts = [_decoder(a) for a in args]
        return _none_safe(lambda v: tuple(dec(x) for dec, x in zip(parts, v, strict=True)))
    if origin in (list, abc.Sequence):
        (arg,) = typing.get_args(tp) or (Any,)
        item = _decoder(arg)
        return _none_safe(lambda v: [item(x) for x in v])
    if origin in (dict, abc.Mapping) or tp in (dict, abc.Mapping):
        return _none_safe(dict)
    if isinstance(tp, type):
        if dataclasses.is_dataclass(tp):
            return _dataclass_decoder(tp)
        if issubclass(tp, datetime):
            return _none_safe(datetime.fromisoformat)
        if issubclass(tp, date):
            return _none_safe(date.fromisoformat)
        if tp is float:
            return _none_safe(float)
    return _identity


def _dataclass_decoder(cls: type) -> Callable[[Any], Any]:
    hints = typing.get_type_hints(cls)
    plan: list[tuple[str, Callable[[Any], Any]]] = []

    def build(data: Mapping[str, Any]) -> Any:
        if not plan:  # filled on first use: fields may refer to classes defined later
            plan.extend((f.name, _decoder(hints[f.name])) for f in dataclasses.fields(cls))
        return cls(**{name: dec(data[name]) for name, dec in plan if name in data})

    return _none_safe(build)
