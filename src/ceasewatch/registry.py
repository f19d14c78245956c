"""Versioned registries of pipeline components (spaCy's `registry` idea).

Every extractor, geocoder, linker, rule set and exporter registers under a
versioned name such as ``ceasewatch.extract.en_rules.v1``; that name is stored
on every row the component produces, so results can be reproduced and two
versions compared. Old versions stay registered when a new one is added.

Components register lazily: a registry entry is a factory that is only
called (and its heavy imports done) when the component is first asked for.
`tests/test_registry.py` snapshots the registered names.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from .errors import ConfigError

__all__ = ["Registry", "extractors", "geocoders", "linkers", "rulesets", "exporters", "sources", "all_registries"]


class Registry:
    """Named factories. ``register(name)`` decorates a factory; ``lazy`` adds
    one by its import path so listing names imports nothing heavy."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._factories: dict[str, Callable[..., Any]] = {}
        self._lazy: dict[str, str] = {}
        self._meta: dict[str, dict[str, Any]] = {}

    def register(self, name: str, **meta: Any) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        def decorate(factory: Callable[..., Any]) -> Callable[..., Any]:
            self._factories[name] = factory
            self._lazy.pop(name, None)
            self._meta[name] = meta
            return factory

        return decorate

    def lazy(self, name: str, target: str, **meta: Any) -> None:
        """Register ``module:attribute`` under ``name`` without importing it."""
        self._lazy[name] = target
        self._meta[name] = meta

    def names(self) -> list[str]:
        return sorted(set(self._factories) | set(self._lazy))

    def meta(self, name: str) -> dict[str, Any]:
        return dict(self._meta.get(name, {}))

    def get(self, name: str) -> Callable[..., Any]:
        if name in self._factories:
            return self._factories[name]
        if name in self._lazy:
            module_name, _, attr = self._lazy[name].partition(":")
            factory = getattr(importlib.import_module(module_name), attr)
            self._factories[name] = factory
            return factory
        raise ConfigError(
            f"no {self.kind} named {name!r}",
            hint=f"registered {self.kind}s: " + (", ".join(self.names()) or "none"),
        )

    def create(self, name: str, **kwargs: Any) -> Any:
        return self.get(name)(**kwargs)

    def __contains__(self, name: object) -> bool:
        return name in self._factories or name in self._lazy


extractors = Registry("extractor")
geocoders = Registry("geocoder")
linkers = Registry("linker")
rulesets = Registry("ruleset")
exporters = Registry("exporter")
sources = Registry("source")


def all_registries() -> dict[str, Registry]:
    return {
        "extractors": extractors,
        "geocoders": geocoders,
        "linkers": linkers,
        "rulesets": rulesets,
        "exporters": exporters,
        "sources": sources,
    }
