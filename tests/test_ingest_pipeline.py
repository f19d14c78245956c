"""`ingest_paths` against an in-memory fake repository: added vs existing,
duplicates in one batch, importer claims, failures reported and recorded."""

from __future__ import annotations

import json
from pathlib import Path

from ceasewatch.config import Settings
from ceasewatch.errors import InputError
from ceasewatch.ingest import ingest_paths
from ceasewatch.ingest.massive_attacks import EXTRACTOR_NAME
from ceasewatch.store.base import AddResult

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"


class FakeStore:
    """Just the Repository methods ingest uses, plus a failures log."""

    def __init__(self, *, with_failures: bool = True) -> None:
        self.docs: dict = {}
        self.claims: dict = {}
        self.calls = 0
        self.failures: list[tuple] = []
        if with_failures:
            self.record_ingest_failure = self._record

    def _record(self, path, reason, *, hint=None, code=None):
        self.failures.append((path, reason, hint, code))

    def add_documents(self, docs):
        self.calls += 1
        result = AddResult()
        for doc in docs:
            (result.existing if doc.id in self.docs else result.added).append(doc.id)
            self.docs.setdefault(doc.id, doc)
        return result

    def replace_claims(self, doc_id, extractor, claims):
        self.claims[(doc_id, extractor)] = list(claims)
        return len(claims)


def test_ingest_paths_adds_then_finds_existing():
    store = FakeStore()
    first = ingest_paths(
        [FIXTURES / "corpus", FIXTURES / "mixed" / "governor-post.md"], store, settings=Settings()
    )
    assert (len(first.added), len(first.existing), first.failed) == (3, 0, [])
    assert first.ok and first.inputs == 3
    again = ingest_paths(
        [FIXTURES / "corpus", FIXTURES / "mixed" / "governor-post.md"], store, settings=Settings()
    )
    assert (len(again.added), len(again.existing)) == (0, 3)
    assert {d.ref for d in again.existing} == {"c-001", "c-002", "sumy-0320"}


def test_ingest_paths_duplicate_in_one_batch_counted_once(tmp_path):
    (tmp_path / "a.txt").write_text("Same report text.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Same report text.", encoding="utf-8")
    store = FakeStore()
    report = ingest_paths([tmp_path], store, settings=Settings(), language="en")
    assert len(report.added) == 1 and len(report.existing) == 1
    assert len(store.docs) == 1


def test_ingest_paths_stores_importer_claims():
    store = FakeStore()
    report = ingest_paths([FIXTURES / "massive"], store, settings=Settings())
    assert len(report.added) == 3 and report.claims == 3
    assert all(extractor == EXTRACTOR_NAME for _doc, extractor in store.claims)
    assert {doc_id for doc_id, _ in store.claims} == set(store.docs)
    assert [e.location for e in report.failed] == ["line 9", "line 10"]


def test_ingest_paths_reports_and_records_failures(tmp_path):
    (tmp_path / "ok.txt").write_text("Fine report.", encoding="utf-8")
    (tmp_path / "bad.jsonl").write_text('{"text": "kept"}\n{"text": \n', encoding="utf-8")
    store = FakeStore()
    report = ingest_paths([tmp_path, tmp_path / "missing.txt"], store, settings=Settings(), language="en")
    assert len(report.added) == 2
    assert not report.ok
    assert [(Path(e.source).name, e.location) for e in report.failed] == [
        ("missing.txt", None),
        ("bad.jsonl", "line 2"),
    ]
    assert [f[0] for f in store.failures] == [e.source for e in report.failed]
    assert store.failures[1][1:] == (
        "line 2: invalid JSON: Expecting value (column 10)",
        report.failed[1].hint,
        "CW200",
    )
    data = report.to_dict()
    assert data["ok"] is False and data["added"] == 2 and data["failed"] == 2
    assert data["errors"][1]["location"] == "line 2"
    json.dumps(data)  # serialisable for --json


def test_ingest_paths_without_failure_log_still_reports(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    store = FakeStore(with_failures=False)
    report = ingest_paths([tmp_path], store, settings=Settings())
    assert [e.message for e in report.failed] == ["file is empty"]
    assert store.failures == []


def test_ingest_paths_progress_callback_sees_every_input(tmp_path):
    for i in range(5):
        (tmp_path / f"r{i}.txt").write_text(f"Report {i}.", encoding="utf-8")
    seen: list[tuple[int, int]] = []
    ingest_paths(
        [tmp_path],
        FakeStore(),
        settings=Settings(),
        language="en",
        progress=lambda d, t, s: seen.append((d, t)),
    )
    assert seen == [(i, 5) for i in range(1, 6)]


def test_ingest_paths_a_document_the_store_refuses_costs_no_other(tmp_path):
    for i in range(450):
        (tmp_path / f"r{i:03d}.txt").write_text(f"Report number {i}.", encoding="utf-8")

    class Picky(FakeStore):
        def add_documents(self, docs):
            if any("number 7." in d.text for d in docs):
                raise InputError("refused by the store", source=docs[0].id)
            return super().add_documents(docs)

    store = Picky()
    report = ingest_paths([tmp_path], store, settings=Settings(), language="en")
    assert len(report.added) == 449 and len(store.docs) == 449
    (failure,) = report.failed
    assert Path(failure.source).name == "r007.txt" and failure.message == "refused by the store"
    assert [Path(f[0]).name for f in store.failures] == ["r007.txt"]
