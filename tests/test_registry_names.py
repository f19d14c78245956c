"""Versioned component names: a snapshot catches renames (spaCy's
registry_contents.json idea), and lazy entries import only when asked."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import ceasewatch.plugins  # noqa: F401  (registers the built-ins)
from ceasewatch.errors import ConfigError
from ceasewatch.registry import Registry, all_registries

SNAPSHOT = Path(__file__).parent / "fixtures" / "registry_contents.json"


def test_registry_lazy_entry_resolves_on_demand() -> None:
    reg = Registry("thing")
    reg.lazy("demo.v1", "json:dumps", note="x")
    assert reg.names() == ["demo.v1"] and "demo.v1" in reg
    assert reg.get("demo.v1") is json.dumps
    assert reg.meta("demo.v1") == {"note": "x"}
    with pytest.raises(ConfigError, match="demo.v1"):
        reg.get("demo.v2")


def test_registry_contents_snapshot() -> None:
    current = {kind: reg.names() for kind, reg in all_registries().items()}
    expected = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    # Names may be added; a registered name must never silently disappear.
    for kind, names in expected.items():
        missing = sorted(set(names) - set(current.get(kind, [])))
        assert not missing, f"{kind}: versioned names removed: {missing}"


def test_registry_every_name_is_versioned() -> None:
    for kind, reg in all_registries().items():
        for name in reg.names():
            assert name.rsplit(".", 1)[-1].startswith("v"), f"{kind} {name} has no version suffix"
