"""The frozen records and the spec's interchange shape."""

from __future__ import annotations

import dataclasses
import json
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from ceasewatch.model import (
    Claim,
    Claimant,
    Document,
    Evidence,
    Place,
    WeaponCount,
    content_hash,
    merge_claims,
)

DEV = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev"


def _claim(**kw) -> Claim:
    base = dict(
        doc_id="doc_1",
        claimant=Claimant("Ukrainian Air Force", "UA"),
        attacker="RU",
        target_country="UA",
        date=date(2025, 3, 14),
    )
    base.update(kw)
    return Claim(**base)


def test_model_document_id_is_content_hash() -> None:
    kyiv = timezone(timedelta(hours=2))
    a = Document.create("text", publisher="P", published=datetime(2025, 3, 14, 9, 0, tzinfo=kyiv))
    b = Document.create("text", publisher="P", published=datetime(2025, 3, 14, 9, 0, tzinfo=kyiv))
    c = Document.create("text!", publisher="P", published=datetime(2025, 3, 14, 9, 0, tzinfo=kyiv))
    assert a.id == b.id != c.id
    assert a.id.startswith("doc_")
    assert a.ref == a.id
    assert dataclasses.replace(a, source_id="dev-001").ref == "dev-001"


def test_model_records_are_frozen() -> None:
    claim = _claim()
    with pytest.raises(dataclasses.FrozenInstanceError):
        claim.stance = "denied"  # type: ignore[misc]


def test_model_claim_key_and_id_follow_spec_granularity() -> None:
    a = _claim(weapons=(WeaponCount("drone", launched=5),))
    b = _claim(weapons=(WeaponCount("drone", launched=7),))
    assert a.key == ("UA", "asserted", "RU", "UA", "2025-03-14")
    # same document, key and extractor: same claim id whatever its values
    assert a.id == b.id
    assert _claim(stance="denied").id != a.id
    assert _claim(extractor="x.v2").id != a.id


def test_model_claim_spec_round_trip() -> None:
    claim = _claim(
        weapons=(WeaponCount("drone", "Shahed-136", 27, 16, 9, None),),
        regions=("UA-12", "UA-63"),
        places=(Place("Zolochiv", 50.28, 35.98, "UA-63"),),
        targets=("civilian.medical",),
        injured=1,
        evidence=(Evidence("weapons.0.launched", 112, 114),),
    )
    spec = claim.to_spec("dev-017")
    assert spec["doc_id"] == "dev-017"
    assert spec["weapons"][0] == {
        "category": "drone",
        "model": "Shahed-136",
        "launched": 27,
        "intercepted": 16,
        "lost": 9,
        "hit": None,
    }
    back = Claim.from_spec(json.loads(json.dumps(spec)))
    assert back.to_spec() == spec


def test_model_gold_files_parse() -> None:
    if not DEV.is_dir():
        pytest.skip("shared dev corpus not beside the project")
    claims = []
    for path in sorted(DEV.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        claims += [Claim.from_spec(c) for c in data["claims"]]
    assert len(claims) >= 50
    assert {c.claimant.party for c in claims} <= {"UA", "RU", "OTHER"}


def test_model_merge_keeps_largest_count_and_unions_lists() -> None:
    a = _claim(weapons=(WeaponCount("drone", launched=10, intercepted=3),), regions=("UA-59",), killed=1)
    b = _claim(weapons=(WeaponCount("drone", launched=8, intercepted=6),), regions=("UA-63", "UA-59"))
    merged = merge_claims([a, b])
    assert merged.weapons == (WeaponCount("drone", None, 10, 6, None, None),)
    assert merged.regions == ("UA-59", "UA-63")
    assert merged.killed == 1
    with pytest.raises(ValueError):
        merge_claims([])


def test_model_content_hash_stable() -> None:
    assert content_hash("a", "b") == content_hash("a", "b")
    assert content_hash("a", "b") != content_hash("ab")
