"""The bundled demo corpus loads cleanly and covers the 2025 agreements."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from pathlib import Path

from ceasewatch.ingest import load_documents

DEMO = Path(__file__).resolve().parents[1] / "demo"


def test_ingest_demo_corpus_loads_every_report():
    docs, errors = load_documents(DEMO)
    assert errors == []
    assert len(docs) == len(list(DEMO.glob("demo-*.txt"))) >= 25
    assert all(d.source_kind == "corpus" for d in docs)
    assert Counter(d.language for d in docs) == {"en": 25, "uk": 3, "ru": 4}
    for doc in docs:
        assert doc.publisher and doc.published is not None
        assert doc.published.utcoffset() is not None, doc.ref
        assert date(2025, 3, 15) <= doc.published.date() <= date(2025, 4, 25), doc.ref
        assert doc.text == (DEMO / f"{doc.ref}.txt").read_text(encoding="utf-8")


def test_ingest_demo_sidecars_have_no_gold_and_match_ids():
    for side in DEMO.glob("demo-*.json"):
        meta = json.loads(side.read_text(encoding="utf-8"))
        assert meta["id"] == side.stem
        assert "claims" not in meta
        assert set(meta) == {"id", "published", "publisher", "language", "url"}


def test_ingest_demo_dates_exercise_the_agreements():
    docs, _ = load_documents(DEMO)
    days = {d.published.date() for d in docs}
    # before and after the Russian (18 Mar) and Ukrainian (25 Mar) moratorium
    # starts, the Black Sea understanding (25 Mar) and the Easter truce (19-21 Apr)
    for day in (
        date(2025, 3, 16),
        date(2025, 3, 19),
        date(2025, 3, 25),
        date(2025, 3, 26),
        date(2025, 4, 19),
        date(2025, 4, 20),
        date(2025, 4, 21),
    ):
        assert day in days, day
