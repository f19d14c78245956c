"""Assess is atomic: incidents and their assessments are replaced in one
transaction, so a reader never sees incidents without verdicts, even while
`ceasewatch assess` runs or after it is killed with SIGKILL (issue 13: on
PostgreSQL 7 of 8 kills left incidents without verdicts until a rerun).

A reader polls the database while assess runs; every poll checks, in one
statement (one snapshot), that no incident lacks assessments and no
assessment names a missing incident. The process is killed the moment the
reader sees new incidents, which on the old two-transaction code is
exactly the half-written state.
"""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from ceasewatch.model import Claim, Claimant, Document, WeaponCount
from ceasewatch.store import open_store

CLI = Path(sys.executable).parent / "ceasewatch"
EXTRACTOR = "tests.assess_kill.v1"
_CHECK = (
    "SELECT (SELECT count(*) FROM incidents),"
    " (SELECT count(*) FROM incidents i WHERE NOT EXISTS (SELECT 1 FROM assessments a WHERE a.incident_id = i.id)),"
    " (SELECT count(*) FROM assessments a WHERE NOT EXISTS (SELECT 1 FROM incidents i WHERE i.id = a.incident_id)),"
    " (SELECT min(id) FROM incidents)"
)


def _fill(url: str, *, claims: int, days: int, seed: int) -> None:
    """Claims from both sides over `days` days: thousands of incidents and
    tens of thousands of assessments, so the write takes a while."""
    rng = random.Random(seed)
    docs, groups = [], []
    for i in range(claims // 2):
        day = date(2022, 1, 1) + timedelta(days=rng.randrange(days))
        doc = Document.create(f"report {seed} {i}", publisher="p", language="en")
        made = []
        for party, target in (("UA", "UA"), ("RU", "RU")):
            made.append(Claim(
                doc_id=doc.id, claimant=Claimant(f"{party} speaker {rng.randrange(50)}", party),
                attacker="RU" if target == "UA" else "UA", target_country=target, date=day,
                weapons=(WeaponCount("drone", None, rng.randint(1, 99)),),
                regions=(rng.choice(("UA-59", "UA-63", "UA-51") if target == "UA" else ("RU-KRS", "RU-BEL")),),
                targets=(rng.choice(("energy.power", "civilian", "military")),), extractor=EXTRACTOR))
        docs.append(doc)
        groups.append((doc.id, EXTRACTOR, made))
    with open_store(url) as store:
        store.add_documents_bulk(docs)
        store.replace_claims_bulk(groups)


def _reader(url: str) -> Callable[[], tuple[int, int, int, str | None]]:
    """(incidents, incidents without assessments, assessments of missing
    incidents, smallest incident id), read in one statement."""
    if url.startswith("sqlite"):
        path = url.removeprefix("sqlite:///")

        def read_sqlite() -> tuple[int, int, int, str | None]:
            try:
                with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30) as conn:
                    return tuple(conn.execute(_CHECK).fetchone())  # type: ignore[return-value]
            except sqlite3.OperationalError:  # tables not created yet
                return (0, 0, 0, None)

        return read_sqlite
    import psycopg

    conn = psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://"), autocommit=True)

    def read_pg() -> tuple[int, int, int, str | None]:
        return tuple(conn.execute(_CHECK).fetchone())  # type: ignore[return-value]

    return read_pg


def _assess_and_kill(url: str, read: Callable[[], tuple[int, int, int, str | None]]) -> int:
    """Run `ceasewatch assess`, poll as a reader, SIGKILL it as soon as the
    incidents change. Returns the number of polls; asserts every poll saw a
    complete state."""
    before = read()
    proc = subprocess.Popen([str(CLI), "--db", url, "assess", "--json"], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    polls = 0
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and proc.poll() is None:
            seen = read()
            polls += 1
            assert seen[1] == 0 and seen[2] == 0, f"a reader saw a half-written assess: {seen}"
            if (seen[0], seen[3]) != (before[0], before[3]):
                break  # the new incidents are visible: kill now
            time.sleep(0.002)
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    after = read()
    assert after[1] == 0 and after[2] == 0, f"after the kill: {after}"
    return polls


def test_assess_kill_never_leaves_incidents_without_assessments(store_url: str) -> None:
    _fill(store_url, claims=3000, days=1500, seed=1)
    read = _reader(store_url)
    # first run: from no incidents at all
    assert _assess_and_kill(store_url, read) > 0
    # a complete run, then changed claims and a rerun killed mid-way
    done = subprocess.run([str(CLI), "--db", store_url, "assess", "--json"], capture_output=True, timeout=300)
    assert done.returncode == 0, done.stderr.decode()[-2000:]
    complete = read()
    assert complete[0] > 1500 and complete[1:3] == (0, 0)
    _fill(store_url, claims=1000, days=1500, seed=2)  # new claims: new incident ids
    _assess_and_kill(store_url, read)
    rerun = subprocess.run([str(CLI), "--db", store_url, "assess", "--json"], capture_output=True, timeout=300)
    assert rerun.returncode == 0
    final = read()
    assert final[0] > complete[0] and final[1:3] == (0, 0)
