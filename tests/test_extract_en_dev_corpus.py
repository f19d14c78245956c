"""The English extractor on the English documents of the shared dev corpus:
every evidence span points into the text, and the scores stay above the bar."""

from __future__ import annotations

from pathlib import Path

import pytest

from ceasewatch.extract import get_extractor
from ceasewatch.extract.scoring import evaluate_folder

DEV = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev"
pytestmark = pytest.mark.skipif(not DEV.is_dir(), reason="shared dev corpus not present")


def test_every_evidence_span_is_in_the_text() -> None:
    from ceasewatch.ingest import load_documents

    docs, errors = load_documents([str(DEV)])
    assert not errors
    extractor = get_extractor("ceasewatch.extract.en_rules.v1")
    checked = 0
    for doc in docs:
        if doc.language != "en":
            continue
        for claim in extractor.extract(doc):
            fields = {e.field for e in claim.evidence}
            for ev in claim.evidence:
                assert 0 <= ev.start < ev.end <= len(doc.text), (doc.ref, ev)
                assert doc.text[ev.start : ev.end].strip(), (doc.ref, ev)
                checked += 1
            for i, w in enumerate(claim.weapons):
                for m in ("launched", "intercepted", "lost", "hit"):
                    if w.count(m) is not None:
                        assert f"weapons.{i}.{m}" in fields, (doc.ref, i, m)
            for i in range(len(claim.regions)):
                assert f"regions.{i}" in fields, (doc.ref, claim.regions)
            for i in range(len(claim.targets)):
                assert f"targets.{i}" in fields, (doc.ref, claim.targets)
            for kind in ("killed", "injured"):
                if getattr(claim, kind) is not None:
                    assert kind in fields
    assert checked > 300


def test_dev_scores_meet_the_bar() -> None:
    report = evaluate_folder(str(DEV), language="en", extractor="ceasewatch.extract.en_rules.v1")
    assert len(report.documents) == 35
    assert report.overall.f1 >= 0.93, report.to_dict(details=False)
    assert report.overall.precision >= 0.95, report.to_dict(details=False)


def test_dev_scores_of_the_default_engine_stay_above_its_floor() -> None:
    # the layered engine (default since 2026-12-08) measured F1 0.864, precision 0.859 that day; the issue's
    # goal is 0.95 (issue 12), so this is a regression floor, not the bar
    report = evaluate_folder(str(DEV), language="en")
    assert len(report.documents) == 35
    assert report.overall.f1 >= 0.83, report.to_dict(details=False)
    assert report.overall.precision >= 0.83, report.to_dict(details=False)
