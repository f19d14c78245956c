"""Acceptance: the 16 triples (tests/extract/data/triples, tri-NN-{en,uk,ru})
are one report written natively in three languages. Engine v2 should read
the same claims from each: every pair of languages is scored against each
other fact by fact (spec section 4), pooled over all triples; and each
language is scored against the folder's gold.

The floors sit a little under today's figures, so a change that costs
agreement or quality fails here; raise them as the engine improves."""

from __future__ import annotations

import itertools
import json
from datetime import datetime
from functools import cache
from pathlib import Path

import pytest

from ceasewatch.extract import get_extractor
from ceasewatch.extract.engine import ENGINE_NAME
from ceasewatch.extract.scoring import PRF, score_corpus, score_document
from ceasewatch.ingest import load_gold
from ceasewatch.model import Claim, Document

TRIPLES = Path(__file__).parent / "data" / "triples"
LANGS = ("en", "uk", "ru")
NUMBERS = range(1, 17)

# Pooled fact-F1 of every language pair against each other. At the end of 2026-12-07 it is
# 0.910; the goal is 0.95, when the three versions of a report give the same claims.
AGREEMENT_FLOOR = 0.89
# Fact-F1 of each language against the gold of the triples; today en 0.925, uk 0.919, ru 0.894.
GOLD_FLOORS = {"en": 0.90, "uk": 0.90, "ru": 0.87}


def _ref(n: int, lang: str) -> str:
    return f"tri-{n:02d}-{lang}"


@cache
def _claims(ref: str) -> tuple[Claim, ...]:
    meta = json.loads((TRIPLES / f"{ref}.json").read_text(encoding="utf-8"))
    text = (TRIPLES / f"{ref}.txt").read_text(encoding="utf-8")
    doc = Document.create(text, language=meta["language"], published=datetime.fromisoformat(meta["published"]),
                          publisher=meta["publisher"], title=meta.get("title"))
    return tuple(get_extractor(ENGINE_NAME).extract(doc))


def test_triples_folder_holds_16_reports_in_three_languages() -> None:
    assert sorted(p.stem for p in TRIPLES.glob("*.txt")) == sorted(_ref(n, lang) for n in NUMBERS for lang in LANGS)


def test_triples_agreement_between_languages() -> None:
    pooled = PRF()
    rows = []
    for n in NUMBERS:
        cells = []
        for a, b in itertools.combinations(LANGS, 2):
            score = score_document(f"tri-{n:02d}", _claims(_ref(n, a)), _claims(_ref(n, b))).overall
            pooled.add(score)
            cells.append(f"{a}-{b} {score.f1:.2f}")
        rows.append(f"tri-{n:02d}  " + "  ".join(cells))
    report = "\n".join(rows) + f"\npooled agreement F1 {pooled.f1:.3f} ({pooled.tp}/{pooled.predicted}/{pooled.gold})"
    assert pooled.f1 >= AGREEMENT_FLOOR, f"agreement fell under {AGREEMENT_FLOOR}:\n{report}"


@pytest.mark.parametrize("lang", LANGS)
def test_triples_fact_f1_against_gold(lang: str) -> None:
    gold = {ref: claims for ref, claims in load_gold(TRIPLES).items() if ref.endswith(f"-{lang}")}
    assert len(gold) == 16
    report = score_corpus({ref: list(_claims(ref)) for ref in gold}, gold)
    f1 = report.overall.f1
    kinds = ", ".join(f"{k} {v.tp}/{v.predicted}/{v.gold}" for k, v in report.by_kind.items())
    docs = "\n".join(f"{d.doc} F1 {d.overall.f1:.2f} missed {d.to_dict()['missed']} spurious {d.to_dict()['spurious']}"
                     for d in report.documents if d.overall.f1 < 1.0)
    assert f1 >= GOLD_FLOORS[lang], f"{lang} fact-F1 {f1:.3f} under {GOLD_FLOORS[lang]} ({kinds}):\n{docs}"
