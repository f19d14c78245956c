"""Regression guard on the blind evaluation corpus (eval/blind).

The corpus is written and annotated independently of the extractor rules, so
its fact-F1 measures generalisation. The floors sit a few points below the
figures measured when the corpus was added (see eval/README.md); a drop below
them means an extractor change lost ground on unseen wording.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from ceasewatch.extract import RULE_EXTRACTORS
from ceasewatch.extract.scoring import evaluate_folder
from ceasewatch.ingest import load_documents, load_gold

BLIND = Path(__file__).resolve().parents[1] / "eval" / "blind"

# Overall fact-F1 first measured at 0.784 (en 0.774, uk 0.815, ru 0.778); after
# the generalisation work 0.883 (en 0.805, uk 0.992, ru 0.973), 2026-11-27 01:35;
# 0.970 (en 0.950, uk 0.992, ru 1.000) at 04:30 the same day. All three
# languages' rules were since revised after reading this set's misses, so it
# guards against regressions but no longer measures held-out quality (that is
# eval/sealed, tests/test_eval_sets.py).
# Those floors hold for the rule extractors (RULE_EXTRACTORS); the layered engine, the default since
# 2026-12-08, measured 0.833 (en 0.839, uk 0.907, ru 0.741) that day and has floors of its own.
OVERALL_F1_FLOOR = 0.94
LANGUAGE_F1_FLOORS = {"en": 0.92, "uk": 0.96, "ru": 0.96}
LAYERED_OVERALL_F1_FLOOR = 0.80
LAYERED_LANGUAGE_F1_FLOORS = {"en": 0.80, "uk": 0.87, "ru": 0.70}


@pytest.fixture(scope="module")
def report():
    return evaluate_folder(str(BLIND), extractor=RULE_EXTRACTORS)


def test_corpus_is_complete_and_parses() -> None:
    gold = load_gold(BLIND)
    assert len(gold) == 36
    languages = [json.loads(p.read_text(encoding="utf-8"))["language"] for p in BLIND.glob("*.json")]
    assert sorted(languages).count("en") == 18
    assert languages.count("uk") == 9 and languages.count("ru") == 9
    # Documents without a strike claim are part of the design (talks, terms).
    assert sum(1 for claims in gold.values() if not claims) == 3
    docs, errors = load_documents(sorted(BLIND.glob("*.txt")))
    assert not errors and len(docs) == 36


def test_every_gold_place_lies_in_its_region_country() -> None:
    # Guards the hand annotation itself: a place's region prefix must be a
    # region listed by the same claim, and its coordinates must be present.
    for claims in load_gold(BLIND).values():
        for claim in claims:
            for place in claim.places:
                assert place.lat is not None and place.lon is not None
                assert place.region in claim.regions


def test_overall_fact_f1_stays_above_floor(report) -> None:
    assert not report.errors
    assert len(report.documents) == 36
    assert report.overall.f1 >= OVERALL_F1_FLOOR, report.to_dict(details=False)


@pytest.mark.parametrize("language", sorted(LANGUAGE_F1_FLOORS))
def test_language_fact_f1_stays_above_floor(language: str) -> None:
    scored = evaluate_folder(str(BLIND), language=language, extractor=RULE_EXTRACTORS)
    assert scored.overall.f1 >= LANGUAGE_F1_FLOORS[language], scored.to_dict(details=False)


def test_default_engine_overall_fact_f1_stays_above_floor() -> None:
    scored = evaluate_folder(str(BLIND))
    assert scored.overall.f1 >= LAYERED_OVERALL_F1_FLOOR, scored.to_dict(details=False)


@pytest.mark.parametrize("language", sorted(LAYERED_LANGUAGE_F1_FLOORS))
def test_default_engine_language_fact_f1_stays_above_floor(language: str) -> None:
    scored = evaluate_folder(str(BLIND), language=language)
    assert scored.overall.f1 >= LAYERED_LANGUAGE_F1_FLOORS[language], scored.to_dict(details=False)
