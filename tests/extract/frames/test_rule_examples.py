"""Every named rule's examples, run through the whole engine as one parametrised
test: each example text must give a claim whose fields include the expected
values (a rule documents what it does by what it makes)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from ceasewatch.extract import get_extractor
from ceasewatch.extract.engine import ENGINE_NAME
from ceasewatch.extract.frames.rules import RULES, Example
from ceasewatch.model import Document

# importing the engine registers every rule
get_extractor(ENGINE_NAME)

CASES = [(rule.id, i, ex) for rule in RULES.values() for i, ex in enumerate(rule.examples)]


def _claims(ex: Example) -> list[dict[str, Any]]:
    doc = Document.create(ex.text, language=ex.lang, publisher=ex.publisher,
                          published=datetime.fromisoformat(ex.published))
    return [c.to_spec() for c in get_extractor(ENGINE_NAME).extract(doc)]


def _matches(claim: dict[str, Any], expect: dict[str, Any]) -> bool:
    for field, want in expect.items():
        got = claim["claimant"]["party"] if field == "party" else claim.get(field)
        if field == "weapons":
            for w in want:
                match = next((g for g in got if g["category"] == w["category"]), None)
                if match is None or any(match.get(k) != v for k, v in w.items()):
                    return False
        elif field == "places":
            names = {p["name"] for p in got}
            if not all(p["name"] in names for p in want):
                return False
        elif field in ("regions", "targets"):
            if not set(want) <= set(got):
                return False
        elif got != want:
            return False
    return True


@pytest.mark.parametrize(("rule_id", "index", "example"), CASES, ids=[f"{r}#{i}" for r, i, _ in CASES])
def test_rule_example(rule_id: str, index: int, example: Example) -> None:
    claims = _claims(example)
    if not example.expect:
        # an example with nothing expected is one that must give no claim
        assert claims == [], f"{rule_id}: expected no claim, got {claims}"
        return
    assert any(_matches(c, dict(example.expect)) for c in claims), (
        f"{rule_id}: {example.text!r} gave {[{k: c[k] for k in ('claimant', 'attacker', 'target_country', 'date', 'weapons', 'regions', 'places', 'targets', 'killed', 'injured', 'stance')} for c in claims]}"
    )


def test_every_rule_has_a_purpose() -> None:
    assert all(rule.purpose for rule in RULES.values())
