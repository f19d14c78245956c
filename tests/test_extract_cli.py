"""`ceasewatch extract` isolates documents: one whose extraction fails is
reported with its id on stderr, and every other document's claims are
printed (files) or stored (stored documents); the exit status is 1."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from ceasewatch.cli import app
from ceasewatch.extract import get_extractor
from ceasewatch.registry import extractors
from ceasewatch.store import open_store

runner = CliRunner()
BOOM = "tests.extract_cli.boom.v1"


class _Boom:
    """The English extractor, except on documents that say BOOM."""

    name = BOOM

    def extract(self, doc):
        if "BOOM" in doc.text:
            raise ValueError("invalid literal for int() with base 10: '²'")
        return [c.__class__(**{**c.__dict__, "extractor": BOOM})
                for c in get_extractor("ceasewatch.extract.en_rules.v1").extract(doc)]


if BOOM not in extractors:
    extractors.register(BOOM)(_Boom)

GOOD = "Russia launched 42 Shahed drones at Ukraine overnight, the Ukrainian Air Force said; 30 were shot down."


def _files(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD + "\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("BOOM. " + GOOD + "\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text(GOOD.replace("42", "43") + "\n", encoding="utf-8")
    return [str(tmp_path / n) for n in ("a.txt", "b.txt", "c.txt")]


def test_extract_cli_files_one_failure_reported_others_printed(tmp_path):
    result = runner.invoke(app, ["extract", *_files(tmp_path), "--format", "jsonl", "--extractor", BOOM,
                                 "--no-progress"])
    assert result.exit_code == 1
    claims = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    launched = sorted(w["launched"] for c in claims for w in c["weapons"] if w.get("launched"))
    assert launched == [42, 43]
    assert "extraction failed: ValueError" in result.stderr and "doc_" in result.stderr


def test_extract_cli_stored_documents_one_failure_reported_others_stored(tmp_path):
    db = f"sqlite:///{tmp_path / 's.db'}"
    files = _files(tmp_path)
    assert runner.invoke(app, ["--db", db, "ingest", *files, "--language", "en"]).exit_code == 0
    with open_store(db) as store:
        docs = {d.text.split(".")[0]: d.id for d in store.iter_documents()}
    result = runner.invoke(app, ["--db", db, "extract", "--extractor", BOOM, "--no-progress"])
    assert result.exit_code == 1
    assert f"{docs['BOOM']}: extraction failed: ValueError" in result.stderr.replace("\n", "")
    with open_store(db) as store:
        stored = {c.doc_id for c in store.iter_claims()}
    assert docs["BOOM"] not in stored and len(stored) == 2


def test_extract_cli_language_without_extractor_is_one_failure(tmp_path):
    db = f"sqlite:///{tmp_path / 's.db'}"
    (tmp_path / "de.txt").write_text("Russland griff mit 40 Drohnen an.\n", encoding="utf-8")
    (tmp_path / "en.txt").write_text(GOOD + "\n", encoding="utf-8")
    assert runner.invoke(app, ["--db", db, "ingest", str(tmp_path / "de.txt"), "--language", "de"]).exit_code == 0
    assert runner.invoke(app, ["--db", db, "ingest", str(tmp_path / "en.txt"), "--language", "en"]).exit_code == 0
    result = runner.invoke(app, ["--db", db, "extract", "--no-progress"])
    assert result.exit_code == 1
    assert "no extractor for language 'de'" in result.stderr.replace("\n", "")
    with open_store(db) as store:
        assert len(list(store.iter_claims())) >= 1


def test_extract_cli_unknown_extractor_fails_once(tmp_path):
    result = runner.invoke(app, ["extract", *_files(tmp_path), "--extractor", "no.such.v1"])
    assert result.exit_code == 1
    assert result.stderr.count("no.such.v1") == 1


def test_extract_cli_leaves_dataset_rows_to_their_importer(tmp_path):
    """An imported ACLED row keeps its importer's third-party claim: the
    text rules would read the row as a report by "ACLED" and credit a party."""
    from pathlib import Path

    db = f"sqlite:///{tmp_path / 's.db'}"
    acled = Path(__file__).parent / "fixtures" / "ingest" / "acled" / "acled_legacy_layout.csv"
    report = tmp_path / "a.txt"
    report.write_text(GOOD + "\n", encoding="utf-8")
    runner.invoke(app, ["--db", db, "ingest", str(acled), str(report), "--language", "en"])
    result = runner.invoke(app, ["--db", db, "extract", "--no-progress"])
    assert result.exit_code == 0, result.output
    with open_store(db) as store:
        claims = list(store.iter_claims())
    parties = sorted((c.claimant.name == "ACLED", c.claimant.party) for c in claims)
    assert parties == [(False, "UA"), (True, "OTHER"), (True, "OTHER"), (True, "OTHER")]
