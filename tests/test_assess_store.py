"""`assess.run` and the daily report over the real SQLite store: incidents
and assessments are written, and a stated time survives storage."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from ceasewatch.assess import run
from ceasewatch.model import Claim, Claimant, Document
from ceasewatch.report import daily_report
from ceasewatch.store import open_store
from ceasewatch.store.base import ClaimFilter
from test_report_daily import make_store

MSK = timezone(timedelta(hours=3))


def test_assess_run_on_sqlite_store_and_report() -> None:
    memory, _ = make_store()
    store = open_store("sqlite://")
    try:
        store.add_documents(list(memory.iter_documents()))
        for c in memory.iter_claims():
            store.replace_claims(c.doc_id, c.extractor, [c])
        summary = run(store)
        assert summary.incidents == 2 and summary.verdicts == {"alleged": 1, "disputed": 1, "not_in_force": 12}
        stored = store.list_assessments(ClaimFilter(verdict="disputed"), limit=10).items
        assert [(a.agreement, a.version, a.rule) for a in stored] == [
            ("energy-moratorium-2025", "RU", "evidence.denied")]
        assert len(stored[0].evidence) == 3 and stored[0].ruleset == "ceasewatch.assess.rules.v2"
        again = run(store)  # replaced, not appended
        assert again.assessments == len(store.list_assessments(limit=100).items) == 14
        html = daily_report(store, date(2025, 3, 19), "html")
        assert "<mark>substation</mark>" in html
    finally:
        store.close()


def test_assess_stated_time_survives_storage() -> None:
    store = open_store("sqlite://")
    try:
        claims = []
        for i, minute in enumerate((59, 61)):
            at = datetime(2025, 4, 19, 17, 0, tzinfo=MSK) + timedelta(minutes=minute)
            doc = Document(id=f"doc-{i}", text=f"Strike at {at:%H:%M}.")
            store.add_documents([doc])
            c = Claim(doc_id=doc.id, claimant=Claimant("Ukrainian Air Force", "UA"), attacker="RU",
                      target_country="UA", date=date(2025, 4, 19), regions=(f"UA-{18 + i * 5}",), time=at,
                      extractor="test.v1")
            store.replace_claims(doc.id, c.extractor, [c])
            claims.append(c)
        run(store)
        easter = store.list_assessments(ClaimFilter(agreement="easter-truce-2025"), limit=10).items
        incidents = {i.id: i for i in store.list_incidents(limit=10).items}
        by_region = {incidents[a.incident_id].regions[0]: a.verdict for a in easter}
        assert by_region == {"UA-18": "not_in_force", "UA-23": "alleged"}
    finally:
        store.close()
