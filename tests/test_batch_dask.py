"""Bulk extraction on the local executor and on a real Dask LocalCluster
(in-process workers, so the test's own extractor is visible to them)."""

from __future__ import annotations

from datetime import date

import pytest

from ceasewatch.batch import DaskExecutor, LocalExecutor, extract_many, make_executor, store_extractions
from ceasewatch.errors import ConfigError
from ceasewatch.model import Claim, Claimant, Document, Evidence
from ceasewatch.registry import extractors

NAME = "tests.count_word.v1"


class CountWordExtractor:
    """Makes one claim per document that mentions "drone", with evidence."""

    name = NAME
    languages = ("en",)

    def extract(self, doc: Document) -> list[Claim]:
        if "explode" in doc.text:
            raise RuntimeError("boom")
        at = doc.text.find("drone")
        if at < 0:
            return []
        return [
            Claim(
                doc_id=doc.id,
                claimant=Claimant(doc.publisher or "unknown", "UA"),
                date=date(2025, 3, 19),
                extractor=self.name,
                evidence=(Evidence("claimant", at, at + 5),),
            )
        ]


extractors.register(NAME)(CountWordExtractor)

DOCS = [Document.create(f"report {i}: a drone was shot down", publisher=f"P{i}") for i in range(10)] + [
    Document.create("talks continue", publisher="Q"),
    Document.create("this one will explode", publisher="R"),
]


class FakeStore:
    def __init__(self) -> None:
        self.claims: dict[str, list[Claim]] = {}

    def replace_claims(self, doc_id: str, extractor: str, claims: list[Claim]) -> int:
        self.claims[doc_id] = claims
        return len(claims)


def _check(results) -> None:
    store = FakeStore()
    summary = store_extractions(store, results)
    assert summary.documents == 12
    assert summary.claims == 10
    assert [reason for _, reason in summary.failed] == ["RuntimeError: boom"]
    assert len(store.claims) == 11  # the failed document stores nothing
    for doc in DOCS[:10]:
        (claim,) = store.claims[doc.id]
        ev = claim.evidence[0]
        assert doc.text[ev.start : ev.end] == "drone"


def test_batch_local_executor() -> None:
    _check(extract_many(DOCS, executor=LocalExecutor(), extractor=NAME, chunk_size=5))


def test_batch_dask_local_cluster() -> None:
    with DaskExecutor(n_workers=2, processes=False, max_in_flight=2) as executor:
        _check(extract_many(DOCS, executor=executor, extractor=NAME, chunk_size=3))


def test_batch_unknown_engine() -> None:
    with pytest.raises(ConfigError, match="engine"):
        make_executor("spark")


def test_batch_cli_dask_engine_matches_local(tmp_path) -> None:
    """The real extractors on a real multi-process LocalCluster store the
    same claims as the in-process run."""
    import sqlite3
    from pathlib import Path

    from typer.testing import CliRunner

    from ceasewatch.cli import app

    demo = Path(__file__).resolve().parents[1] / "demo"
    picked = tmp_path / "in"
    picked.mkdir()
    for name in ("demo-001", "demo-015", "demo-020"):
        for ext in (".txt", ".json"):
            (picked / f"{name}{ext}").write_bytes((demo / f"{name}{ext}").read_bytes())

    def run(engine: str) -> list[tuple]:
        db = tmp_path / f"{engine}.db"
        url = f"sqlite:///{db}"
        runner = CliRunner()
        assert runner.invoke(app, ["--db", url, "ingest", str(picked)]).exit_code == 0
        args = ["--db", url, "extract", "--no-progress", "--engine", engine]
        if engine == "dask":
            args += ["--workers", "1"]
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.output
        with sqlite3.connect(db) as con:
            return sorted(con.execute("SELECT id, doc_id, extractor FROM claims").fetchall())

    local = run("local")
    assert local, "the demo documents yield claims"
    assert run("dask") == local
