"""`ceasewatch ingest` end to end on a tmp SQLite database: idempotent
re-ingest of the dev corpus, the bad-input batch, and a SIGKILL mid-batch."""

from __future__ import annotations

import importlib.util
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ceasewatch.cli import app

store_pkg = pytest.importorskip("ceasewatch.store")
if not hasattr(store_pkg, "open_store"):
    pytest.skip(
        "the SQL store is not built yet (ceasewatch.store.open_store missing)", allow_module_level=True
    )
open_store = store_pkg.open_store

DEV = Path("/work/shared/corpus/dev")
# The bad batch is shared with test_ingest_bad_inputs; load it by path so this
# works whether or not tests/ is a package.
_spec = importlib.util.spec_from_file_location(
    "_ingest_bad_batch", Path(__file__).with_name("test_ingest_bad_inputs.py")
)
_module = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_module)
make_bad_batch = _module.make_bad_batch
runner = CliRunner()


def _ingest(db: Path, *args: str):
    return runner.invoke(app, ["--db", f"sqlite:///{db}", "ingest", *args])


@pytest.mark.skipif(not DEV.is_dir(), reason="shared dev corpus not present")
def test_ingest_cli_dev_corpus_is_idempotent(tmp_path):
    db = tmp_path / "cw.db"
    first = _ingest(db, str(DEV), "--json")
    assert first.exit_code == 0, first.output
    summary = json.loads(first.stdout)
    assert (summary["added"], summary["existing"], summary["failed"]) == (50, 0, 0)
    again = _ingest(db, str(DEV), "--json")
    assert again.exit_code == 0, again.output
    summary = json.loads(again.stdout)
    assert (summary["added"], summary["existing"]) == (0, 50)
    store = open_store(f"sqlite:///{db}")
    try:
        docs = list(store.iter_documents())
        assert len(docs) == 50
        doc = store.get_document("dev-017")
        assert doc.text == (DEV / "dev-017.txt").read_text(encoding="utf-8")
    finally:
        store.close()


def test_ingest_cli_bad_batch_exits_1_and_stores_good_files(tmp_path):
    batch = tmp_path / "batch"
    batch.mkdir()
    expected = make_bad_batch(batch)
    db = tmp_path / "cw.db"
    env = {"CEASEWATCH_MAX_FILE_MB": str(2000 / 1_048_576)}
    result = runner.invoke(
        app, ["--db", f"sqlite:///{db}", "ingest", str(batch), "--json", "--language", "en"], env=env
    )
    assert result.exit_code == 1
    summary = json.loads(result.stdout)
    assert summary["added"] == 2 and summary["failed"] == len(expected)
    assert {Path(e["source"]).name for e in summary["errors"]} == set(expected)
    assert all(e["hint"] for e in summary["errors"])
    store = open_store(f"sqlite:///{db}")
    try:
        assert len(list(store.iter_documents())) == 2
        recorded = store.list_ingest_failures()
        assert {Path(f["path"]).name for f in recorded} == set(expected)
        assert all(f["hint"] and f["code"].startswith("CW2") for f in recorded)
    finally:
        store.close()


def test_ingest_cli_table_output_and_bad_language(tmp_path):
    (tmp_path / "r.txt").write_text("One report.", encoding="utf-8")
    db = tmp_path / "cw.db"
    result = _ingest(db, str(tmp_path / "r.txt"), "--language", "en")
    assert result.exit_code == 0 and "added" in result.stdout
    result = _ingest(db, str(tmp_path / "r.txt"), "--language", "english")
    assert result.exit_code == 1


def _count_documents(db: Path) -> int:
    """Documents committed so far, read-only and cheap: the poll must be much faster than the ingest
    it watches, or the ingest finishes before it can be killed."""
    if not db.exists():
        return 0
    try:
        with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)) as conn:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.Error:  # not created yet, or locked for a moment
        return 0


def test_ingest_cli_survives_sigkill_mid_batch(tmp_path):
    batch = tmp_path / "batch"
    batch.mkdir()
    total = 6000
    for i in range(total):
        name = f"r{i:05d}.txt"
        (batch / name).write_text(f"{name}: overnight {i % 97} drones were shot down over the region.\n" * 3)
    db = tmp_path / "cw.db"
    command = [
        sys.executable,
        "-c",
        "from ceasewatch.cli import main; main()",
        "--db",
        f"sqlite:///{db}",
        "ingest",
        str(batch),
        "--language",
        "en",
        "--json",
    ]
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ})
    try:
        deadline = time.monotonic() + 120
        stored = 0
        while time.monotonic() < deadline and proc.poll() is None:
            stored = _count_documents(db)
            if stored >= 50:
                break
            time.sleep(0.05)
        assert proc.poll() is None, "ingest finished before it could be killed; make the batch larger"
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == -signal.SIGKILL

    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    store = open_store(f"sqlite:///{db}")
    try:
        docs = list(store.iter_documents())
        assert 0 < len(docs) < total
        for doc in docs:
            name = doc.text.split(":", 1)[0]
            assert doc.text == (batch / name).read_text(encoding="utf-8")
    finally:
        store.close()

    finish = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert finish.returncode == 0, finish.stderr
    summary = json.loads(finish.stdout)
    assert summary["added"] + summary["existing"] == total
    assert summary["existing"] >= len(docs)
    assert _count_documents(db) == total


def test_ingest_cli_progress_bar_only_after_a_second():
    from ceasewatch.cli.ingest import _DelayedProgress

    quick = _DelayedProgress(enabled=True)
    quick(1, 10, "a.txt")
    assert quick.bar is None  # under a second: no bar
    slow = _DelayedProgress(enabled=True)
    slow.started_at -= 2
    slow(1, 10, "a.txt")
    try:
        assert slow.bar is not None
        assert slow.bar.tasks[0].completed == 1 and slow.bar.tasks[0].total == 10
    finally:
        slow.close()
    silent = _DelayedProgress(enabled=False)
    silent.started_at -= 2
    silent(1, 10, "a.txt")
    assert silent.bar is None
