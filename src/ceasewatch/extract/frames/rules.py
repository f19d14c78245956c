"""Named rules: every value the engine extracts says which rule put it there.

A rule is registered once with an id ("count.adjacent"), a one-line
purpose and example sentences with the claim values they must give; the
examples of every rule run as one parametrised test
(`tests/extract/frames/test_rule_examples.py`), and `Evidence.rule` on each
extracted value names the rule, so a reviewer sees why a value is there.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Rule", "Example", "RULES", "rule", "register"]


@dataclass(frozen=True)
class Example:
    text: str
    lang: str
    expect: Mapping[str, Any]  # claim fields (spec shape, partial) the text must give
    published: str = "2025-03-19T09:00:00+02:00"
    publisher: str = "Example News"


@dataclass(frozen=True)
class Rule:
    id: str
    purpose: str
    examples: tuple[Example, ...] = field(default=())


RULES: dict[str, Rule] = {}


def register(rule_id: str, purpose: str, *examples: Example) -> str:
    """Register a rule; returns its id (used where the rule's values are made)."""
    if rule_id in RULES:
        raise ValueError(f"rule {rule_id!r} registered twice")
    RULES[rule_id] = Rule(rule_id, purpose, tuple(examples))
    return rule_id


def rule(rule_id: str) -> Rule:
    return RULES[rule_id]
