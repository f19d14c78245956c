"""`ceasewatch watch` as a user runs it, against a feed server and a report
folder on 127.0.0.1, alerting a webhook receiver and an SMTP server:

- every new finding reaches both exactly once;
- a restarted watch sends nothing again, and a report seen before (copied
  under another name, or a second report of a night already alerted) sends
  nothing;
- a watch killed with SIGKILL, again and again (during extraction, while
  assessing nights, while delivering), resumes with nothing lost or
  duplicated, on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from ceasewatch.assess import run
from ceasewatch.store import open_store
from local_servers import SECRET, FeedServer, SmtpSink, WebhookReceiver

CLI = Path(sys.executable).parent / "ceasewatch"

UA_NIGHT = """Air Force of Ukraine, 27 March 2025

Overnight Russia attacked Ukraine with 40 Shahed attack drones. 31 drones were shot down over Poltava and Sumy regions. A power substation in Poltava region was hit, the regional energy company reported.
"""
UA_SAME_NIGHT = """Poltava Regional Military Administration, 27 March 2025

Overnight Russian drones struck an energy facility in Poltava region. There were no casualties.
"""
RU_ITEM = {
    "title": "Kyiv regime attacks energy infrastructure in Kursk region",
    "guid": "mod-2025-03-28",
    "date": "Fri, 28 Mar 2025 09:00:00 +0300",
    "text": "Overnight the Kyiv regime attacked energy infrastructure in Kursk region with drones: a power "
    "substation was hit. Air defence destroyed 12 Ukrainian drones over Kursk region.",
}


def _drop(path: Path, text: str) -> None:
    """Put a report in the folder whole (written beside it, then renamed), as
    a user's copy should; the tests run with `settle = 0`."""
    tmp = path.parent.parent / f".{path.name}.part"
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def _config(path: Path, *, feed: str, inbox: Path, hook: str, smtp_port: int) -> Path:
    path.write_text(f"""
[[source]]
name = "mod"
kind = "feed"
url = "{feed}"
every = "0.2s"

[[source]]
name = "inbox"
kind = "folder"
path = "{inbox}"
every = "0.2s"
settle = 0

[alerts]
dashboard_url = "http://127.0.0.1:8000"
retry_after = "0.2s"
[[alerts.webhook]]
url = "{hook}"
secret_env = "CW_TEST_HOOK_KEY"
[[alerts.email]]
port = {smtp_port}
sender = "ceasewatch@example.org"
to = ["duty@example.org"]
""", encoding="utf-8")
    return path


class _Watch:
    """A `ceasewatch watch` process; stderr kept for the failure message."""

    def __init__(self, db: str, config: Path, log: Path) -> None:
        self.log = log
        env = {**os.environ, "CW_TEST_HOOK_KEY": SECRET}
        with log.open("ab") as err:
            self.proc = subprocess.Popen([str(CLI), "--db", db, "watch", str(config)], stdout=subprocess.DEVNULL,
                                         stderr=err, env=env)

    def stop(self, sig: int = signal.SIGTERM) -> None:
        self.proc.send_signal(sig)
        assert self.proc.wait(timeout=30) in (0, -signal.SIGKILL), self.log.read_text()


def _wait(what: str, check: Callable[[], bool], log: Path, timeout: float = 30.0) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if check():
            return
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}; watch log:\n{log.read_text()[-3000:]}")


def _until(check: Callable[[], bool], timeout: float) -> None:
    """Poll `check` until it holds or `timeout` passes (no failure either way)."""
    end = time.monotonic() + timeout
    while time.monotonic() < end and not check():
        time.sleep(0.02)


def _state(db: str) -> dict[str, object]:
    with open_store(db) as store:
        ws = store.watch_state()
        alerts = [a for a in ws.list_alerts(limit=1000) if a["kind"] != "baseline"]
        return {
            "alerts": {a["id"]: a for a in alerts},
            "undelivered": [a["id"] for a in alerts if any(d["state"] != "sent" for d in a["deliveries"])],
            "passes": len(ws.list_passes(limit=100_000)),
            "pending": ws.pending_documents(),
            "nights": ws.dirty_nights(),
            "findings": {(a.incident_id, a.agreement, a.version, a.verdict)
                         for a in store.list_assessments(limit=1000).items
                         if a.verdict in ("alleged", "corroborated", "needs_review")},
            "documents": store.info()["counts"]["documents"],
        }


def _settled(db: str, receiver: WebhookReceiver, smtp: SmtpSink) -> Callable[[], bool]:
    """Everything queued is processed and every alert delivered on both channels."""
    def check() -> bool:
        s = _state(db)
        return (not s["pending"] and not s["nights"] and not s["undelivered"] and bool(s["alerts"])
                and set(receiver.ids()) == set(s["alerts"]) == set(smtp.alert_ids()))
    return check


def _passes_after(db: str, n: int) -> Callable[[], bool]:
    return lambda: _state(db)["passes"] >= n


def _one_alert_per_finding(db: str) -> None:
    """Every finding of the current incidents has its alert, and every alert
    of a current incident is one of them; incidents are compared by their
    stable key (a report joining an incident changes its id, not its key)."""
    s = _state(db)
    alerted = {(a["payload"]["incident"]["key"], a["payload"]["finding"]["agreement"],
                a["payload"]["finding"]["version"], a["payload"]["finding"]["verdict"])
               for a in s["alerts"].values() if a["kind"] == "finding"}
    with open_store(db) as store:
        keys = store.watch_state().incident_keys(i.id for i in store.list_incidents(limit=1000).items)
    findings = {(keys[i], g, v, d) for i, g, v, d in s["findings"]}
    assert findings and findings == {f for f in alerted if f[0] in set(keys.values())}
    assert len(alerted) == len(s["alerts"])  # one alert per (incident key, agreement version, verdict)


def test_watch_end_to_end_alerts_once_per_new_finding(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'watch.db'}"
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    log = tmp_path / "watch.log"
    with FeedServer() as feed, WebhookReceiver() as receiver, SmtpSink() as smtp:
        config = _config(tmp_path / "watch.toml", feed=feed.feed_url, inbox=inbox, hook=receiver.url,
                         smtp_port=smtp.port)
        watch = _Watch(db, config, log)
        try:
            _drop(inbox / "uaf-0327.txt", UA_NIGHT)
            _wait("the first alerts", _settled(db, receiver, smtp), log)
            first = set(receiver.ids())
            assert len(first) == 2  # the moratorium in its UA and RU versions: alleged against RU
            feed.publish(RU_ITEM)
            _wait("the feed's alerts", lambda: len(receiver.ids()) > 2 and _settled(db, receiver, smtp)(), log)
            _one_alert_per_finding(db)
            alerted = Counter(receiver.ids())
            assert set(alerted.values()) == {1} and Counter(smtp.alert_ids()) == alerted
            assert {a["finding"]["violator"] for a in receiver.alerts} == {"RU", "UA"}
            for a in receiver.alerts:  # both sides' claims, quoted, and the incident's link
                assert a["incident"]["url"].startswith("http://127.0.0.1:8000/incidents/inc_")
                assert all(c["quotes"] for side in a["claims"].values() for c in side)
        finally:
            watch.stop()
        # A restart: the same reports are there, nothing is sent again.
        passes = _state(db)["passes"]
        watch = _Watch(db, config, log)
        try:
            _wait("two rounds after the restart", _passes_after(db, passes + 4), log)
            _drop(inbox / "copy-of-uaf-0327.txt", (inbox / "uaf-0327.txt").read_text(encoding="utf-8"))  # seen before
            _drop(inbox / "poltava-0327.txt", UA_SAME_NIGHT)  # a night already alerted
            _wait("the new report processed", lambda: _state(db)["documents"] == 3 and not _state(db)["pending"]
                  and not _state(db)["nights"], log)
            _wait("two more rounds", _passes_after(db, _state(db)["passes"] + 4), log)
        finally:
            watch.stop()
        assert Counter(receiver.ids()) == alerted and Counter(smtp.alert_ids()) == alerted
        assert receiver.bad == 0
        _one_alert_per_finding(db)


def _kill_and_resume(db: str, tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    log = tmp_path / "watch.log"
    nights = [UA_NIGHT.replace("27 March", f"{day} March") for day in range(19, 25)]
    with FeedServer() as feed, WebhookReceiver() as receiver, SmtpSink() as smtp:
        config = _config(tmp_path / "watch.toml", feed=feed.feed_url, inbox=inbox, hook=receiver.url,
                         smtp_port=smtp.port)
        for kill in range(3):
            for text in nights[kill * 2 : kill * 2 + 2]:
                _drop(inbox / f"report-{len(list(inbox.iterdir()))}.txt", text)
            if kill == 1:
                feed.publish(RU_ITEM)
            started_at = log.stat().st_size if log.exists() else 0
            sent = len(receiver.ids())
            watch = _Watch(db, config, log)
            _wait("the watch to start", lambda at=started_at: "watching" in log.read_text()[at:], log)
            # Each kill aims at another step: extraction, assessment, delivery.
            if kill == 0:
                time.sleep(rng.uniform(0.1, 0.4))
            elif kill == 1:
                _until(lambda: bool(_state(db)["nights"]), 10)
            else:
                _until(lambda before=sent: len(receiver.ids()) > before, 10)
            watch.stop(signal.SIGKILL)
        watch = _Watch(db, config, log)
        try:
            _wait("everything processed and delivered", _settled(db, receiver, smtp), log, timeout=60)
        finally:
            watch.stop()
        s = _state(db)
        assert s["documents"] == len(nights) + 1  # nothing lost, nothing stored twice
        # Receivers see each alert; only a kill between a send and its record can repeat one (same id).
        for got in (Counter(receiver.ids()), Counter(smtp.alert_ids())):
            assert set(got) == set(s["alerts"]) and sum(got.values()) - len(got) <= 3
        _one_alert_per_finding(db)
    # What the nights hold is what a full `assess` writes: no night was left behind.
    with open_store(db) as store:
        before = sorted(i.id for i in store.list_incidents(limit=1000).items)
        run(store)
        assert sorted(i.id for i in store.list_incidents(limit=1000).items) == before


def test_watch_killed_resumes_on_sqlite(tmp_path: Path) -> None:
    _kill_and_resume(f"sqlite:///{tmp_path / 'watch.db'}", tmp_path, seed=16)


@pytest.mark.postgres
def test_watch_killed_resumes_on_postgresql(tmp_path: Path, pg_module_url: str) -> None:
    _kill_and_resume(pg_module_url, tmp_path, seed=61)
