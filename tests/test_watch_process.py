"""After a poll: the queued documents are extracted, only their nights are
linked and assessed, and alerts are raised for findings that are new:
findings a manual `assess` stored before the watch touched the night are
known, not new; a watch killed between re-assessing a night and raising its
alerts still raises them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from ceasewatch.assess import load_agreements, run
from ceasewatch.config import Settings
from ceasewatch.model import Claim, Claimant, Document, Evidence, WeaponCount
from ceasewatch.watch import FolderSource, WatchConfig, Watcher

NIGHT = """Air Force of Ukraine, 27 March 2025

Overnight Russia attacked Ukraine with 40 Shahed attack drones. 31 drones were shot down over Poltava and Sumy regions. A power substation in Poltava region was hit, the regional energy company reported.
"""
UA_TEXT = "Overnight Russian drones hit a power substation in Poltava region."


def _stored_finding(store) -> None:
    doc = Document.create(UA_TEXT, publisher="Poltava administration", language="en")
    store.add_documents([doc])
    claim = Claim(doc_id=doc.id, claimant=Claimant("Poltava administration", "UA"), attacker="RU",
                  target_country="UA", date=date(2025, 3, 27), weapons=(WeaponCount("drone"),), regions=("UA-53",),
                  targets=("energy.power",), extractor="tests.watch_process.v1",
                  evidence=(Evidence("targets.0", UA_TEXT.index("power"), UA_TEXT.index(" in Poltava")),))
    store.replace_claims(doc.id, claim.extractor, [claim])


def _watcher(store, inbox: Path) -> Watcher:
    source = FolderSource(kind="folder", name="inbox", path=str(inbox), every=60, settle=0,
                          publisher="Air Force of Ukraine")
    return Watcher(WatchConfig(source=[source], alerts={"log": False}), store, settings=Settings(),
                   agreements=load_agreements())


def test_watch_findings_stored_before_the_watch_are_not_new(store, tmp_path: Path) -> None:
    _stored_finding(store)
    before = run(store).findings
    assert {f["verdict"] for f in before} == {"alleged"}
    inbox = tmp_path / "in"
    inbox.mkdir()
    (inbox / "night.txt").write_text(NIGHT, encoding="utf-8")
    report = _watcher(store, inbox).run_once()
    assert report.process.nights == [date(2025, 3, 27)]
    # Only a verdict the night did not have before is new (the extractor may
    # read the report as corroboration); the stored ones are not sent again.
    known = {(f["agreement"], f["version"], f["verdict"]) for f in before}
    now = {(a.agreement, a.version, a.verdict) for a in store.list_assessments(limit=1000).items
           if a.verdict in ("alleged", "corroborated")}
    alerts = store.watch_state().list_alerts()
    sent = {(a["payload"]["finding"]["agreement"], a["payload"]["finding"]["version"],
             a["payload"]["finding"]["verdict"]) for a in alerts if a["kind"] == "finding"}
    assert len(report.process.new_alerts) == len(sent) and sent == now - known
    baseline = [a for a in alerts if a["kind"] == "baseline"]
    assert len(baseline) == len(before) and all(a["deliveries"] == [] for a in baseline)
    # A night the manual run never saw alerts as usual.
    (inbox / "night-2.txt").write_text(NIGHT.replace("27 March", "29 March"), encoding="utf-8")
    assert len(_watcher(store, inbox).run_once().process.new_alerts) == 2


def test_watch_killed_after_reassessing_still_raises_the_alerts(store, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    inbox = tmp_path / "in"
    inbox.mkdir()
    (inbox / "night.txt").write_text(NIGHT, encoding="utf-8")
    watcher = _watcher(store, inbox)
    state = type(store.watch_state())

    def killed(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt  # the process dies between the two transactions

    monkeypatch.setattr(state, "settle_nights", killed)
    with pytest.raises(KeyboardInterrupt):
        watcher.run_once()
    assert store.list_incidents().items  # the night was re-assessed and stored
    monkeypatch.undo()
    report = _watcher(store, inbox).run_once()  # a restarted watch
    assert len(report.process.new_alerts) == 2
    assert {a["kind"] for a in store.watch_state().list_alerts()} == {"finding"}


def test_watch_imports_and_extractions_are_in_the_audit_trail(store, tmp_path: Path) -> None:
    inbox = tmp_path / "in"
    inbox.mkdir()
    (inbox / "night.txt").write_text(NIGHT, encoding="utf-8")
    _watcher(store, inbox).run_once()
    events = [(e.action, e.subject) for e in store.audit_events()]
    assert ("ingest", f"import:watch:inbox:{inbox}") in events
    assert ("extract", "extract:watch:language defaults") in events


def test_watch_records_the_agreement_texts_it_judges_by(store, tmp_path: Path) -> None:
    inbox = tmp_path / "in"
    inbox.mkdir()
    _watcher(store, inbox)
    _watcher(store, inbox)  # the same texts again: no second event
    changes = [e for e in store.audit_events() if e.action == "agreement.change"]
    assert len(changes) == 1
