"""The watch's state and alert outbox in the database (schema version 6),
and `replace_assessed_days`, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import inspect, text

from ceasewatch.assess import RULESET_NAME, assess_incidents, load_agreements, run
from ceasewatch.link import LINKER_NAME, NightOverlapLinker
from ceasewatch.model import Claim, Claimant, Document, WeaponCount
from ceasewatch.store import open_store
from ceasewatch.store.base import ClaimFilter, NewAlert, NightIncident, WatchRepository
from ceasewatch.store.migrations import MIGRATIONS
from ceasewatch.store.watch_state import WATCH_TABLES

EX = "tests.watch_state.v1"
DAY = date(2025, 3, 20)


def test_store_watch_tables_come_with_migration_6(store_url: str) -> None:
    with open_store(store_url) as store:
        assert isinstance(store, WatchRepository)
        with store._engine.begin() as conn:  # a database last migrated by the previous version
            for table in reversed(WATCH_TABLES):
                table.drop(conn)
            conn.execute(text("DELETE FROM schema_migrations WHERE version = 6"))
    with open_store(store_url) as store:
        assert store.schema_version() == MIGRATIONS.latest >= 6
        names = set(inspect(store._engine).get_table_names())
        assert {t.name for t in WATCH_TABLES} <= names


def test_store_watch_documents_queue_and_nights(store) -> None:
    state = store.watch_state()
    state.register_source("inbox", "folder", "/srv/in", 10.0)
    assert state.record_read("inbox", ["d1", "d2"], now=11.0, files=[("c1", "/srv/in/a.txt")]) == ["d1", "d2"]
    # A document seen again, through any source, is not queued again.
    assert state.record_read("inbox", ["d2", "d3"], now=12.0) == ["d3"]
    assert state.seen_content("inbox", ["c1", "c2"]) == {"c1"} and state.seen_content("other", ["c1"]) == set()
    assert state.known_documents(["d1", "d9"]) == {"d1"}
    src = state.source("inbox")
    assert src["last_checked"] == 12.0 and src["last_new"] == 12.0
    state.record_read("inbox", [], now=13.0)
    assert state.source("inbox")["last_new"] == 12.0  # nothing new: the silence clock runs
    assert state.pending_documents() == ["d1", "d2", "d3"]
    state.mark_extracted(["d1", "d2"], [DAY.toordinal(), 0])
    assert state.pending_documents() == ["d3"] and state.dirty_nights() == [DAY.toordinal()]


def test_store_watch_validators_and_passes(store) -> None:
    state = store.watch_state()
    state.register_source("feed", "feed", "https://x/rss", 1.0)
    state.record_read("feed", [], now=2.0, etag='"v1"', last_modified="Thu, 27 Mar 2025 06:00:00 GMT", validators=True)
    assert state.source("feed")["etag"] == '"v1"'
    p1 = state.begin_pass("feed", 3.0)
    state.finish_pass(p1, now=4.0, status="ok", new_documents=2, errors=[])
    p2 = state.begin_pass("feed", 5.0)  # killed: never finished
    assert state.close_interrupted(6.0) == 1
    passes = state.list_passes()
    assert [(p["id"], p["status"], p["new_documents"]) for p in passes] == [(p2, "interrupted", 0), (p1, "ok", 2)]
    assert state.last_pass("feed")["id"] == p2


def _alerts(keys: dict[str, str]) -> list[NewAlert]:
    return [NewAlert(f"alr_{key}", "finding", f"about {key}", {"incident": inc}) for inc, key in sorted(keys.items())]


def test_store_watch_incident_keys_follow_their_claims(store) -> None:
    state = store.watch_state()
    night = DAY.toordinal()
    first = NightIncident("inc_a", "UA", night, ("c1", "c2"))
    other = NightIncident("inc_b", "UA", night, ("c3",))
    assert sorted(state.settle_nights([night], [first, other], _alerts, ["log"], now=1.0)) == ["alr_inc_a", "alr_inc_b"]
    # One more report joins the first incident: new id, same key, no new alert.
    grown = NightIncident("inc_c", "UA", night, ("c1", "c2", "c4"))
    assert state.settle_nights([night], [grown, other], _alerts, ["log"], now=2.0) == []
    # Another night's incident with the same claim ids is another event.
    elsewhere = NightIncident("inc_d", "UA", night + 1, ("c1",))
    assert state.settle_nights([night + 1], [elsewhere], _alerts, ["log"], now=3.0) == ["alr_inc_d"]
    assert state.dirty_nights() == []
    assert [d.alert_id for d in state.due_deliveries(10.0)] == ["alr_inc_a", "alr_inc_b", "alr_inc_d"]


def _fill(store) -> None:
    docs, groups = [], []
    for i in range(12):
        day = DAY + timedelta(days=i % 3)
        doc = Document.create(f"watch state report {i}", publisher="p", language="en")
        party = "UA" if i % 2 else "RU"
        claim = Claim(doc_id=doc.id, claimant=Claimant(f"{party} speaker", party), attacker="RU" if party == "UA" else "UA",
                      target_country=party, date=day, weapons=(WeaponCount("drone", None, i + 1),),
                      regions=(("UA-53", "UA-59")[(i // 2) % 2] if party == "UA" else "RU-KRS",),
                      targets=(("energy.power", "civilian")[i % 2],), extractor=EX)
        docs.append(doc)
        groups.append((doc.id, EX, [claim]))
    store.add_documents_bulk(docs)
    store.replace_claims_bulk(groups)


def _snapshot(store) -> tuple[list[str], list[tuple[str, str, str]]]:
    incidents = sorted(i.id for i in store.list_incidents(limit=1000).items)
    verdicts = sorted((a.id, a.incident_id, a.verdict) for a in store.list_assessments(limit=1000).items)
    return incidents, verdicts


def test_store_replace_assessed_days_writes_what_a_full_run_writes(store) -> None:
    _fill(store)
    agreements = load_agreements()
    for offset in range(3):  # one night at a time, as the watch does
        day = DAY + timedelta(days=offset)
        claims = list(store.iter_claims(ClaimFilter(date_from=day, date_to=day)))
        incidents, _ = NightOverlapLinker().link(claims)
        assessments = assess_incidents(incidents, {c.id: c for c in claims}, agreements)
        store.replace_assessed_days(LINKER_NAME, [day], incidents, RULESET_NAME, assessments)
    by_night = _snapshot(store)
    assert by_night[0] and any(v == "alleged" for _, _, v in by_night[1])
    summary = run(store, agreements=agreements)
    assert _snapshot(store) == by_night and summary.incidents == len(by_night[0])
    # Replacing one night leaves the others alone.
    day = DAY + timedelta(days=1)
    store.replace_assessed_days(LINKER_NAME, [day], [], RULESET_NAME, [])
    left = _snapshot(store)
    assert left[0] and all(store.get_incident(i).date != day for i in left[0])
    assert len(left[0]) < len(by_night[0]) and {i for _, i, _ in left[1]} <= set(left[0])
