"""The publication time of plain texts: `--published`, else the date line at
the top of the text (ingest/dateline.py), recorded as read from the text."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from typer.testing import CliRunner

from ceasewatch.cli.app import app
from ceasewatch.ingest import load_documents
from ceasewatch.ingest.dateline import published_from_text

KYIV_SUMMER = timezone(timedelta(hours=3))
KYIV_WINTER = timezone(timedelta(hours=2))


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ("Enemy attacks Kremenchuk\n\n30.08.2024 10:45\n\nOn the night", datetime(2024, 8, 30, 10, 45, tzinfo=KYIV_SUMMER)),
        ("Dormitory strike\n\nThu 19 Jun 2025 18.40 BST\n", datetime(2025, 6, 19, 18, 40, tzinfo=timezone(timedelta(hours=1)))),
        ("by Olena Petrenko November 19, 2025 8:50 PM 1 min read", datetime(2025, 11, 19, 20, 50, tzinfo=KYIV_WINTER)),
        ("Обстріл Харкова\n19 березня 2025 року, 09:12\nУночі ворог", datetime(2025, 3, 19, 9, 12, tzinfo=KYIV_WINTER)),
        ("Атака на Белгород\n19 марта 2025, 10:05\nНочью", datetime(2025, 3, 19, 10, 5, tzinfo=KYIV_WINTER)),
        ("Update posted 2025-01-07 06:30 UTC", datetime(2025, 1, 7, 6, 30, tzinfo=UTC)),
    ],
)
def test_date_line_at_the_top(head: str, expected: datetime) -> None:
    found = published_from_text(head)
    assert found == expected
    assert found is not None and found.utcoffset() == expected.utcoffset()


@pytest.mark.parametrize(
    "text",
    [
        "KYIV, Dec 29 - Russia attacked the city overnight.",  # no year: could be any December
        "Russia attacked Kharkiv overnight, the mayor said.",
        "31.02.2025 is no date at all",
        "x" * 500 + " 30.08.2024 10:45",  # a date far down is a date in the story, not the page's
    ],
)
def test_no_date_line(text: str) -> None:
    assert published_from_text(text) is None


def test_plain_file_takes_its_date_line_and_says_so(tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "a.txt").write_text("Kremenchuk\n\n30.08.2024 10:45\n\nRussian drones attacked the city.", "utf-8")
    (tmp_path / "b.txt").write_text("Russian drones attacked Kharkiv overnight.", "utf-8")
    docs, errors = load_documents(tmp_path, language="en")
    assert not errors
    by_text = {d.text[:5]: d for d in docs}
    assert by_text["Kreme"].published == datetime(2024, 8, 30, 10, 45, tzinfo=KYIV_SUMMER)
    assert by_text["Kreme"].meta["published_from"] == "text"
    assert by_text["Russi"].published is None


def test_published_option_wins_over_the_text(tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "a.txt").write_text("Kremenchuk\n\n30.08.2024 10:45\n\nRussian drones attacked the city.", "utf-8")
    when = datetime(2024, 8, 31, 9, 0, tzinfo=KYIV_SUMMER)
    docs, _ = load_documents(tmp_path, language="en", published=when)
    assert docs[0].published == when
    assert "published_from" not in docs[0].meta


def test_cli_published_option(tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "a.txt").write_text("Russian drones attacked Kharkiv overnight.", "utf-8")
    db = f"sqlite:///{tmp_path / 'cw.db'}"
    runner = CliRunner()
    ok = runner.invoke(app, ["--db", db, "ingest", str(tmp_path / "a.txt"), "--published", "2025-03-19T09:00"])
    assert ok.exit_code == 0, ok.output
    from ceasewatch.store import open_store

    store = open_store(db)
    try:
        (doc,) = list(store.iter_documents())
    finally:
        store.close()
    assert doc.published == datetime(2025, 3, 19, 9, 0, tzinfo=KYIV_WINTER)
    bad = runner.invoke(app, ["--db", db, "ingest", str(tmp_path / "a.txt"), "--published", "yesterday"])
    assert bad.exit_code != 0
    assert "--published must be an ISO 8601" in bad.output
