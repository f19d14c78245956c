"""One poll of one source reads only what is new: a feed server on
127.0.0.1 that honours ETag / If-None-Match, report folders by content id,
Telegram export folders by message; a broken source never stops the others;
a silent source raises one alert per silence."""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import pytest

from ceasewatch.config import Settings
from ceasewatch.watch import FeedSource, FolderSource, TelegramSource, WatchConfig, Watcher, poll_source
from local_servers import FeedServer

SETTINGS = Settings()
REPORT = "Air Force of Ukraine, {day} March 2025\n\nOvernight Russia attacked Ukraine with {n} Shahed drones.\n"


def _item(n: int) -> dict[str, str]:
    return {"title": f"Night {n}", "guid": f"uaf-{n}", "date": f"Thu, {10 + n} Mar 2025 07:00:00 +0200",
            "text": f"Overnight Russia attacked Ukraine with {n} Shahed drones; {n - 1} were shot down."}


def _feed(url: str, name: str = "uaf") -> FeedSource:
    return FeedSource(kind="feed", name=name, url=url, every=1)


def _folder(path: Path, name: str = "inbox", settle: float = 0.0) -> FolderSource:
    return FolderSource(kind="folder", name=name, path=str(path), every=1, settle=settle)


def test_watch_feed_conditional_get_and_only_new_entries(store) -> None:
    with FeedServer() as server:
        server.publish(_item(1))
        source = _feed(server.feed_url)
        first = poll_source(source, store, settings=SETTINGS)
        assert len(first.new_documents) == 1 and not first.errors
        again = poll_source(source, store, settings=SETTINGS)
        assert again.unchanged and again.new_documents == []
        assert server.requests[-1]["if_none_match"] == '"v1"'
        assert server.requests[-1]["if_modified_since"] == "Thu, 27 Mar 2025 06:00:00 GMT"
        server.publish(_item(2))
        third = poll_source(source, store, settings=SETTINGS)
        assert len(third.new_documents) == 1 and third.new_documents[0] not in first.new_documents
    assert store.info()["counts"]["documents"] == 2
    assert store.watch_state().pending_documents() == sorted(first.new_documents + third.new_documents)


def test_watch_folder_reads_a_file_again_only_when_it_changes(store, tmp_path: Path) -> None:
    inbox = tmp_path / "in"
    inbox.mkdir()
    (inbox / "a.txt").write_text(REPORT.format(day=20, n=10), encoding="utf-8")
    (inbox / "b.md").write_text(REPORT.format(day=21, n=11), encoding="utf-8")
    source = _folder(inbox)
    assert len(poll_source(source, store, settings=SETTINGS).new_documents) == 2
    assert poll_source(source, store, settings=SETTINGS).unchanged
    shutil.copy(inbox / "a.txt", inbox / "copy-of-a.txt")  # a report seen before, under another name
    copied = poll_source(source, store, settings=SETTINGS)
    assert copied.unchanged and copied.new_documents == []
    (inbox / "a.txt").write_text(REPORT.format(day=20, n=12), encoding="utf-8")
    changed = poll_source(source, store, settings=SETTINGS)
    assert len(changed.new_documents) == 1
    # A corpus report whose sidecar changes is read again.
    (inbox / "c.txt").write_text(REPORT.format(day=22, n=13), encoding="utf-8")
    (inbox / "c.json").write_text(json.dumps({"publisher": "Air Force", "language": "en"}), encoding="utf-8")
    assert len(poll_source(source, store, settings=SETTINGS).new_documents) == 1
    (inbox / "c.json").write_text(json.dumps({"publisher": "Повітряні сили", "language": "en"}), encoding="utf-8")
    assert len(poll_source(source, store, settings=SETTINGS).new_documents) == 1
    assert store.info()["counts"]["documents"] == 5


def test_watch_folder_waits_for_files_still_being_written(store, tmp_path: Path) -> None:
    inbox = tmp_path / "in"
    inbox.mkdir()
    fresh = inbox / "fresh.txt"
    fresh.write_text(REPORT.format(day=20, n=10), encoding="utf-8")
    source = _folder(inbox, settle=30)
    assert poll_source(source, store, settings=SETTINGS).new_documents == []
    old = time.time() - 60
    os.utime(fresh, (old, old))
    assert len(poll_source(source, store, settings=SETTINGS).new_documents) == 1


def test_watch_telegram_export_folder_takes_new_messages(store, tmp_path: Path) -> None:
    export = tmp_path / "ChatExport_2025-04-20"
    (export / "photos").mkdir(parents=True)
    (export / "photos" / "photo_1.jpg").write_bytes(b"\xff\xd8\xff\xe0" + bytes(200))  # never read
    messages = [{"id": 41, "type": "message", "date": "2025-04-20T09:00:00", "text": "Overnight 7 drones attacked the region."},
                {"id": 42, "type": "message", "date": "2025-04-20T10:00:00", "photo": "photos/photo_1.jpg", "text": ""}]
    export_json = {"name": "Demo Oblast", "type": "public_channel", "id": 17, "messages": messages}
    (export / "result.json").write_text(json.dumps(export_json), encoding="utf-8")
    source = TelegramSource(kind="telegram", name="oblast", path=str(tmp_path), every=1, settle=0)
    first = poll_source(source, store, settings=SETTINGS)
    assert len(first.new_documents) == 1 and not first.errors
    messages.append({"id": 43, "type": "message", "date": "2025-04-21T08:00:00", "text": "Overnight 3 drones were shot down."})
    (export / "result.json").write_text(json.dumps(export_json), encoding="utf-8")
    second = poll_source(source, store, settings=SETTINGS)
    assert len(second.new_documents) == 1 and second.new_documents != first.new_documents


def test_watch_a_broken_source_never_stops_the_others(store, tmp_path: Path) -> None:
    inbox = tmp_path / "in"
    inbox.mkdir()
    (inbox / "a.txt").write_text(REPORT.format(day=20, n=10), encoding="utf-8")
    (inbox / "bad.json").write_text('{"text": "truncated', encoding="utf-8")
    with FeedServer() as server:
        config = WatchConfig(source=[
            _feed(server.url + "/broken.xml", "broken-feed"),
            _folder(tmp_path / "missing", "missing-folder"),
            _feed("http://127.0.0.1:9/feed.xml", "unreachable"),
            _folder(inbox, "inbox"),
        ], alerts={"log": False})
        report = Watcher(config, store, settings=SETTINGS, agreements=[]).run_once()
    status = {p.source: (p.status, p.new_documents) for p in report.passes}
    assert status == {"broken-feed": ("failed", 0), "missing-folder": ("failed", 0), "unreachable": ("failed", 0),
                      "inbox": ("ok", 1)}
    assert not report.ok and report.process.extracted == 1
    passes = {p["source"]: p for p in store.watch_state().list_passes()}
    assert "HTTP 500" in passes["broken-feed"]["errors"][0]["message"]
    assert "does not exist" in passes["missing-folder"]["errors"][0]["message"]
    assert passes["inbox"]["errors"][0]["source"].endswith("bad.json")  # the bad file, reported with its name
    assert all(p["finished"] >= p["started"] for p in passes.values())


def test_watch_silent_source_alerts_once_per_silence(store, tmp_path: Path) -> None:
    inbox = tmp_path / "in"
    inbox.mkdir()
    now = [1_742_000_000.0]
    source = FolderSource(kind="folder", name="inbox", path=str(inbox), every=60, settle=0, silent_after=3600)
    config = WatchConfig(source=[source], alerts={"log": False})
    watcher = Watcher(config, store, settings=SETTINGS, agreements=[], clock=lambda: now[0])
    assert watcher.run_once().silent == []
    now[0] += 3601
    (first,) = watcher.run_once().silent
    now[0] += 600
    assert watcher.run_once().silent == []  # the same silence: not again
    (inbox / "a.txt").write_text(REPORT.format(day=20, n=10), encoding="utf-8")
    assert watcher.run_once().silent == []  # it published
    now[0] += 3601
    (second,) = watcher.run_once().silent
    assert second != first
    (alert, _) = store.watch_state().list_alerts()
    assert alert["kind"] == "source_silent" and "inbox" in alert["subject"]


@pytest.mark.parametrize("kind", ["feed", "folder"])
def test_watch_due_follows_each_schedule(store, tmp_path: Path, kind: str) -> None:
    now = [1000.0]
    source = (_feed("http://127.0.0.1:9/x") if kind == "feed" else _folder(tmp_path)).model_copy(update={"every": 30.0})
    watcher = Watcher(WatchConfig(source=[source], alerts={"log": False}), store, settings=SETTINGS, agreements=[],
                      clock=lambda: now[0])
    due, _ = watcher.due(now[0])
    assert due == [source]
    watcher.round(due)
    now[0] += 29
    due, wake = watcher.due(now[0])
    assert due == [] and wake == pytest.approx(1030.0)
    now[0] += 1
    assert watcher.due(now[0])[0] == [source]


def test_watch_a_processing_bug_keeps_the_work_queued(store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from ceasewatch.watch import process

    inbox = tmp_path / "in"
    inbox.mkdir()
    (inbox / "a.txt").write_text(REPORT.format(day=20, n=10), encoding="utf-8")
    watcher = Watcher(WatchConfig(source=[_folder(inbox)], alerts={"log": False}), store, settings=SETTINGS,
                      agreements=[])

    def broken(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(process, "store_extractions", broken)
    report = watcher.run_once()
    assert report.passes[0].status == "ok" and "ZeroDivisionError" in report.process.errors[0].message
    assert len(store.watch_state().pending_documents()) == 1  # still queued
    monkeypatch.undo()
    assert watcher.run_once().process.extracted == 1
    assert store.watch_state().pending_documents() == []
