"""Loads the built-in components into the registries (datasette's
DEFAULT_PLUGINS idea): importing a stage package registers its components
lazily, so this is cheap and imports no model or gazetteer."""

from __future__ import annotations

import importlib

__all__ = ["BUILTIN_PACKAGES", "load_builtins"]

BUILTIN_PACKAGES: tuple[str, ...] = (
    "ceasewatch.ingest",
    "ceasewatch.extract",
    "ceasewatch.geocode",
    "ceasewatch.link",
    "ceasewatch.assess",
    "ceasewatch.report",
    "ceasewatch.export",
)


def load_builtins() -> None:
    for name in BUILTIN_PACKAGES:
        importlib.import_module(name)


load_builtins()
