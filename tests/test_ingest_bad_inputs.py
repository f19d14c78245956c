"""A batch with broken files: every good file loads, every bad one is
reported with file, reason and a hint, and nothing half-read gets through."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ceasewatch.config import Settings
from ceasewatch.errors import DocumentTooLarge, InputError
from ceasewatch.ingest import load_documents

GOOD_TEXT = "Overnight 12 drones were shot down over Poltava region."


def make_bad_batch(root: Path) -> dict[str, str]:
    """Write a batch of two good and eight bad files; returns {file name: expected reason}."""
    (root / "good-1.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (root / "good-2.txt").write_text("Talks resumed in Istanbul.", encoding="utf-8")
    (root / "good-2.json").write_text(json.dumps({"id": "good-2", "published": "2025-04-01T10:00:00+03:00"}))
    (root / "cp1251.txt").write_bytes("Вночі збито 12 дронів".encode("cp1251"))
    (root / "truncated.json").write_text('{"text": "A report", "publisher": "X", "publ')
    (root / "empty.txt").write_bytes(b"")
    (root / "blank.md").write_text("   \n\n  ")
    (root / "image.bin").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (root / "broken.rss").write_text("<rss><channel><title>x</title><item><title>unterminated")
    (root / "bad-date.txt").write_text("A report with a bad sidecar date.")
    (root / "bad-date.json").write_text(json.dumps({"id": "bad-date", "published": "32nd of Smarch"}))
    (root / "big.txt").write_bytes(b"a" * 3000)
    return {
        "cp1251.txt": "not valid UTF-8",
        "truncated.json": "invalid JSON",
        "empty.txt": "empty",
        "blank.md": "empty",
        "image.bin": "binary",
        "broken.rss": "feed",
        "bad-date.json": "publication time",
        "big.txt": "limit",
    }


def test_ingest_bad_batch_reports_each_failure_and_keeps_good_files(tmp_path):
    expected = make_bad_batch(tmp_path)
    docs, errors = load_documents([tmp_path], settings=Settings(max_file_mb=2000 / 1_048_576), language="en")
    refs = {d.ref for d in docs}
    assert "good-2" in refs and len(docs) == 2
    assert any(d.text == GOOD_TEXT for d in docs)
    by_file = {Path(e.source or "").name: e for e in errors}
    assert set(by_file) == set(expected)
    for name, reason in expected.items():
        error = by_file[name]
        assert isinstance(error, InputError)
        assert reason in error.message, (name, error.message)
        assert error.hint, name
    assert isinstance(by_file["big.txt"], DocumentTooLarge)
    assert by_file["truncated.json"].location == "line 1, column 40"
    assert by_file["cp1251.txt"].location == "line 1"


def test_ingest_file_over_default_limit_is_refused_without_reading(tmp_path):
    big = tmp_path / "huge.txt"
    with big.open("wb") as handle:
        chunk = b"drones were shot down over the region overnight\n" * 20_000
        while handle.tell() < 50 * 1024 * 1024:
            handle.write(chunk)
    docs, errors = load_documents(big, settings=Settings())
    assert docs == []
    (error,) = errors
    assert isinstance(error, DocumentTooLarge)
    assert "over the 20.0 MB limit" in error.message
    assert "CEASEWATCH_MAX_FILE_MB" in (error.hint or "")


def test_ingest_missing_path_is_an_error_not_a_crash(tmp_path):
    docs, errors = load_documents([tmp_path / "nope.txt"])
    assert docs == [] and errors[0].message == "no such file or directory"


@pytest.mark.parametrize(
    "payload",
    [b"\xff\xfeA\x00B\x00", "Short UTF-16 report".encode("utf-16")],
)
def test_ingest_utf16_with_bom_is_text(tmp_path, payload):
    path = tmp_path / "u16.txt"
    path.write_bytes(payload)
    docs, errors = load_documents(path, language="en")
    assert errors == [] and len(docs) == 1 and "\ufeff" not in docs[0].text
