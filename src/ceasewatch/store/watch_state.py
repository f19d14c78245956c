"""What `ceasewatch watch` keeps between passes and across restarts (schema
version 6), and the alert outbox.

    watch_sources     per source: feed validators (ETag, Last-Modified), last check, last new document
    watch_files       content ids of files already read, per source (a file is read again only when it changes)
    watch_documents   documents a watch ingested: "pending" until extracted, then "extracted"
    watch_nights      monitoring days whose incidents must be linked and assessed again
    watch_passes      one row per pass of a source: started, finished, new documents, errors
    watch_incidents   incident id -> a stable key that survives re-linking (alerts are per key)
    alerts            one row per alert ever raised (id = hash of its de-duplication key)
    alert_deliveries  one row per alert and channel: pending / sent / failed, attempts, next try

Every step of a pass commits before the next starts and every step is
idempotent, so a watch killed at any point redoes at most the step it was
in: documents are pending until their claims are stored, nights stay dirty
until their alerts are in the outbox, and an alert id exists once.
Times are float seconds since the epoch (UTC): the same on both dialects.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import (
    Column,
    Connection,
    Engine,
    Float,
    ForeignKey,
    Index,
    Integer,
    Table,
    Text,
    delete,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite

from . import schema as s
from .base import Delivery, NewAlert, NightIncident

__all__ = [
    "watch_sources", "watch_files", "watch_documents", "watch_nights", "watch_passes",
    "watch_incidents", "alerts", "alert_deliveries", "WATCH_TABLES",
    "NewAlert", "Delivery", "NightIncident", "WatchState", "create_tables", "replace_nights",
]

watch_sources = Table(
    "watch_sources",
    s.metadata,
    Column("name", Text, primary_key=True),
    Column("kind", Text, nullable=False),
    Column("location", Text, nullable=False),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("last_checked", Float),
    Column("last_new", Float),  # last time the source gave a new document (or was first seen)
)

watch_files = Table(
    "watch_files",
    s.metadata,
    Column("source", Text, primary_key=True),
    Column("content_id", Text, primary_key=True),  # sha256 of the file's bytes
    Column("path", Text, nullable=False),
    Column("seen_at", Float, nullable=False),
)

watch_documents = Table(
    "watch_documents",
    s.metadata,
    Column("doc_id", Text, primary_key=True),
    Column("source", Text, nullable=False),
    Column("state", Text, nullable=False),  # pending | extracted
    Column("seen_at", Float, nullable=False),
    Index("ix_watch_documents_state", "state", "doc_id"),
)

watch_nights = Table(
    "watch_nights",
    s.metadata,
    Column("day_ord", Integer, primary_key=True, autoincrement=False),
    # 1 once the findings stored for the night before the watch re-assessed
    # it are recorded as known (`record_baseline`).
    Column("baseline", Integer, nullable=False, server_default="0"),
)

watch_passes = Table(
    "watch_passes",
    s.metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source", Text, nullable=False, index=True),
    Column("started", Float, nullable=False),
    Column("finished", Float),
    Column("status", Text, nullable=False),  # running | ok | failed | unchanged
    Column("new_documents", Integer, nullable=False),
    Column("errors", s.Json),
)

watch_incidents = Table(
    "watch_incidents",
    s.metadata,
    Column("incident_id", Text, primary_key=True),
    Column("incident_key", Text, nullable=False),
    Column("target_country", Text, nullable=False),  # NO_COUNTRY when unknown
    Column("day_ord", Integer, nullable=False),
    Column("claim_ids", s.Json, nullable=False),
    Index("ix_watch_incidents_night", "target_country", "day_ord"),
)

alerts = Table(
    "alerts",
    s.metadata,
    Column("id", Text, primary_key=True),
    Column("kind", Text, nullable=False),  # finding | source_silent
    Column("subject", Text, nullable=False),
    Column("created", Float, nullable=False),
    Column("payload", s.Json, nullable=False),
)

alert_deliveries = Table(
    "alert_deliveries",
    s.metadata,
    Column("alert_id", Text, ForeignKey("alerts.id", ondelete="CASCADE"), primary_key=True),
    Column("channel", Text, primary_key=True),
    Column("state", Text, nullable=False),  # pending | sent | failed
    Column("attempts", Integer, nullable=False),
    Column("next_at", Float, nullable=False),
    Column("sent_at", Float),
    Column("last_error", Text),
    Index("ix_alert_deliveries_due", "state", "next_at"),
    Index("ix_alert_deliveries_sent", "channel", "sent_at"),
)

WATCH_TABLES = (
    watch_sources, watch_files, watch_documents, watch_nights, watch_passes,
    watch_incidents, alerts, alert_deliveries,
)


def create_tables(conn: Connection) -> None:
    for table in WATCH_TABLES:
        table.create(conn, checkfirst=True)


class WatchState:
    """Reads and writes of the watch tables; built by `SqlRepository.watch_state()`
    with the repository's engine and its error translation (`errors()`)."""

    def __init__(self, engine: Engine, errors: Callable[[], Any]) -> None:
        self._engine = engine
        self._errors = errors
        self.dialect = engine.dialect.name

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        with self._errors(), self._engine.connect().execution_options(write=True) as conn, conn.begin():
            yield conn

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        with self._errors(), self._engine.connect() as conn, conn.begin():
            yield conn

    def _insert(self, table: Table) -> Any:
        return (postgresql.insert if self.dialect == "postgresql" else sqlite.insert)(table)

    # -- sources ------------------------------------------------------------
    def source(self, name: str) -> dict[str, Any] | None:
        with self._read() as conn:
            row = conn.execute(select(watch_sources).where(watch_sources.c.name == name)).mappings().first()
        return dict(row) if row else None

    def register_source(self, name: str, kind: str, location: str, now: float) -> None:
        """Known from now on; a source first seen counts as publishing now
        (its silence is measured from here)."""
        with self._write() as conn:
            stmt = self._insert(watch_sources).values(name=name, kind=kind, location=location, last_new=now)
            conn.execute(stmt.on_conflict_do_update(index_elements=["name"], set_={"kind": kind, "location": location}))

    def seen_content(self, source: str, content_ids: Iterable[str]) -> set[str]:
        wanted = list(dict.fromkeys(content_ids))
        found: set[str] = set()
        f = watch_files.c
        with self._read() as conn:
            for part in _chunks(wanted, 500):
                found |= set(conn.execute(select(f.content_id).where(f.source == source, f.content_id.in_(part))).scalars())
        return found

    def known_documents(self, doc_ids: Iterable[str]) -> set[str]:
        wanted = list(dict.fromkeys(doc_ids))
        found: set[str] = set()
        d = watch_documents.c
        with self._read() as conn:
            for part in _chunks(wanted, 500):
                found |= set(conn.execute(select(d.doc_id).where(d.doc_id.in_(part))).scalars())
        return found

    def record_read(
        self,
        source: str,
        doc_ids: Sequence[str],
        *,
        now: float,
        files: Sequence[tuple[str, str]] = (),
        etag: str | None = None,
        last_modified: str | None = None,
        validators: bool = False,
    ) -> list[str]:
        """After a read of `source` was stored: its documents become pending
        (those not known before), its files `(content id, path)` seen, and
        the feed validators kept, all in one transaction. Returns the doc
        ids that are new to the watch."""
        new: list[str] = []
        with self._write() as conn:
            for part in _chunks(list(dict.fromkeys(doc_ids)), 500):
                stmt = self._insert(watch_documents).on_conflict_do_nothing(index_elements=["doc_id"])
                rows = [{"doc_id": d, "source": source, "state": "pending", "seen_at": now} for d in part]
                # RETURNING with executemany is not portable; insert one by one within the transaction.
                for row in rows:
                    if conn.execute(stmt.values(row).returning(watch_documents.c.doc_id)).first() is not None:
                        new.append(row["doc_id"])
            if files:
                stmt = self._insert(watch_files).on_conflict_do_nothing(index_elements=["source", "content_id"])
                conn.execute(stmt, [{"source": source, "content_id": c, "path": p, "seen_at": now} for c, p in files])
            values: dict[str, Any] = {"last_checked": now}
            if new:
                values["last_new"] = now
            if validators:
                values.update(etag=etag, last_modified=last_modified)
            conn.execute(update(watch_sources).where(watch_sources.c.name == source).values(values))
        return new

    # -- documents and nights --------------------------------------------------
    def pending_documents(self, *, limit: int = 1000) -> list[str]:
        d = watch_documents.c
        with self._read() as conn:
            return list(conn.execute(select(d.doc_id).where(d.state == "pending").order_by(d.doc_id).limit(limit)).scalars())

    def mark_extracted(self, doc_ids: Sequence[str], day_ords: Iterable[int]) -> None:
        """The documents' claims are stored: they leave the queue and their
        nights are marked for linking and assessment, together."""
        days = sorted({d for d in day_ords if d > 0})
        with self._write() as conn:
            for part in _chunks(list(doc_ids), 500):
                conn.execute(update(watch_documents).where(watch_documents.c.doc_id.in_(part)).values(state="extracted"))
            if days:
                stmt = self._insert(watch_nights).on_conflict_do_nothing(index_elements=["day_ord"])
                conn.execute(stmt, [{"day_ord": d, "baseline": 0} for d in days])

    def dirty_nights(self) -> list[int]:
        with self._read() as conn:
            return list(conn.execute(select(watch_nights.c.day_ord).order_by(watch_nights.c.day_ord)).scalars())

    def nights_without_baseline(self) -> list[int]:
        n = watch_nights.c
        with self._read() as conn:
            return list(conn.execute(select(n.day_ord).where(n.baseline == 0).order_by(n.day_ord)).scalars())

    def record_baseline(
        self,
        day_ords: Sequence[int],
        incidents: Sequence[NightIncident],
        make_alerts: Callable[[dict[str, str]], list[NewAlert]],
        *,
        now: float,
    ) -> int:
        """Before the watch first re-assesses a night: the findings already
        stored for it (by a manual `assess`) are not new, so they are kept
        as alerts with no deliveries, and the incidents get their keys. One
        transaction, done once per dirty night (a kill after the
        re-assessment must not take the watch's own findings for old ones)."""
        with self._write() as conn:
            keys = self._incident_keys(conn, incidents)
            known = self._add_alerts(conn, make_alerts(keys), (), now)
            for part in _chunks(list(day_ords), 500):
                conn.execute(update(watch_nights).where(watch_nights.c.day_ord.in_(part)).values(baseline=1))
        return len(known)

    def settle_nights(
        self,
        day_ords: Sequence[int],
        incidents: Sequence[NightIncident],
        make_alerts: Callable[[dict[str, str]], list[NewAlert]],
        channels: Sequence[str],
        *,
        now: float,
    ) -> list[str]:
        """In one transaction: give each incident of the nights its stable
        key, put the alerts `make_alerts(keys)` returns in the outbox (an
        alert id already there is skipped: never raised twice), and clear
        the nights. Returns the ids of the alerts new to the outbox."""
        with self._write() as conn:
            keys = self._incident_keys(conn, incidents)
            new = self._add_alerts(conn, make_alerts(keys), channels, now)
            for part in _chunks(list(day_ords), 500):
                conn.execute(delete(watch_nights).where(watch_nights.c.day_ord.in_(part)))
        return new

    def _incident_keys(self, conn: Connection, incidents: Sequence[NightIncident]) -> dict[str, str]:
        """An incident re-linked with one more report gets a new id (a hash
        of its claim ids) but keeps the key of the incident whose claims it
        shares, so its alerts are not raised again."""
        w = watch_incidents.c
        keys: dict[str, str] = {}
        for inc in sorted(incidents, key=lambda i: i.id):
            known = conn.execute(select(w.incident_key).where(w.incident_id == inc.id)).scalar()
            if known is None:
                country = inc.target_country or s.NO_COUNTRY
                mine = set(inc.claim_ids)
                before = conn.execute(
                    select(w.incident_key, w.claim_ids).where(w.target_country == country, w.day_ord == inc.day_ord)
                ).all()
                shared = sorted(key for key, ids in before if mine & set(ids or ()))
                known = shared[0] if shared else inc.id
                conn.execute(insert(watch_incidents).values(
                    incident_id=inc.id, incident_key=known, target_country=country, day_ord=inc.day_ord,
                    claim_ids=list(inc.claim_ids)))
            keys[inc.id] = known
        return keys

    def incident_keys(self, incident_ids: Iterable[str]) -> dict[str, str]:
        """incident id -> its stable key (incidents the watch has settled)."""
        w = watch_incidents.c
        out: dict[str, str] = {}
        with self._read() as conn:
            for part in _chunks(list(dict.fromkeys(incident_ids)), 500):
                out.update((i, k) for i, k in conn.execute(select(w.incident_id, w.incident_key).where(w.incident_id.in_(part))))
        return out

    def _add_alerts(self, conn: Connection, new_alerts: Sequence[NewAlert], channels: Sequence[str], now: float) -> list[str]:
        added: list[str] = []
        stmt = self._insert(alerts).on_conflict_do_nothing(index_elements=["id"]).returning(alerts.c.id)
        for a in new_alerts:
            row = {"id": a.id, "kind": a.kind, "subject": a.subject, "created": now, "payload": a.payload}
            if conn.execute(stmt.values(row)).first() is None:
                continue
            added.append(a.id)
            if channels:
                conn.execute(insert(alert_deliveries), [
                    {"alert_id": a.id, "channel": ch, "state": "pending", "attempts": 0, "next_at": now}
                    for ch in channels])
        return added

    def add_alert(self, alert: NewAlert, channels: Sequence[str], *, now: float) -> bool:
        """One alert outside a pass (a silent source); False when raised before."""
        with self._write() as conn:
            return bool(self._add_alerts(conn, [alert], channels, now))

    # -- deliveries ---------------------------------------------------------------
    def due_deliveries(self, now: float, *, limit: int = 100) -> list[Delivery]:
        d, a = alert_deliveries.c, alerts.c
        stmt = (
            select(d.alert_id, d.channel, d.attempts, a.subject, a.payload)
            .join(alerts, a.id == d.alert_id)
            .where(d.state == "pending", d.next_at <= now)
            .order_by(d.next_at, a.created, d.alert_id, d.channel)
            .limit(limit)
        )
        with self._read() as conn:
            return [Delivery(r.alert_id, r.channel, r.attempts, r.subject, r.payload) for r in conn.execute(stmt)]

    def next_delivery_at(self) -> float | None:
        d = alert_deliveries.c
        with self._read() as conn:
            return conn.execute(select(func.min(d.next_at)).where(d.state == "pending")).scalar()

    def sent_since(self, channel: str, since: float) -> int:
        d = alert_deliveries.c
        with self._read() as conn:
            return int(conn.execute(
                select(func.count()).select_from(alert_deliveries).where(d.channel == channel, d.sent_at >= since)
            ).scalar_one())

    def mark_sent(self, alert_id: str, channel: str, *, now: float, attempts: int) -> None:
        self._set_delivery(alert_id, channel, state="sent", sent_at=now, attempts=attempts, last_error=None)

    def mark_retry(self, alert_id: str, channel: str, *, attempts: int, next_at: float, error: str, final: bool) -> None:
        self._set_delivery(alert_id, channel, state="failed" if final else "pending", attempts=attempts,
                           next_at=next_at, last_error=error[:1000])

    def defer(self, alert_id: str, channel: str, *, next_at: float) -> None:
        """Rate-limited: try again at `next_at`, without counting an attempt."""
        self._set_delivery(alert_id, channel, next_at=next_at)

    def _set_delivery(self, alert_id: str, channel: str, **values: Any) -> None:
        d = alert_deliveries.c
        with self._write() as conn:
            conn.execute(update(alert_deliveries).where(d.alert_id == alert_id, d.channel == channel).values(values))

    def list_alerts(self, *, limit: int = 100) -> list[dict[str, Any]]:
        """Newest first, with each channel's delivery state."""
        a, d = alerts.c, alert_deliveries.c
        with self._read() as conn:
            rows = conn.execute(select(alerts).order_by(a.created.desc(), a.id).limit(limit)).mappings().all()
            out = []
            for row in rows:
                dels = conn.execute(select(d.channel, d.state, d.attempts, d.last_error).where(d.alert_id == row["id"]))
                out.append({**dict(row), "deliveries": [dict(x._mapping) for x in dels]})
        return out

    # -- passes ---------------------------------------------------------------------
    def begin_pass(self, source: str, now: float) -> int:
        with self._write() as conn:
            result = conn.execute(insert(watch_passes).values(
                source=source, started=now, status="running", new_documents=0).returning(watch_passes.c.id))
            return int(result.scalar_one())

    def finish_pass(self, pass_id: int, *, now: float, status: str, new_documents: int, errors: list[dict[str, Any]]) -> None:
        with self._write() as conn:
            conn.execute(update(watch_passes).where(watch_passes.c.id == pass_id).values(
                finished=now, status=status, new_documents=new_documents, errors=errors or None))

    def close_interrupted(self, now: float) -> int:
        """Passes a killed watch left running: marked so at the next start."""
        p = watch_passes.c
        with self._write() as conn:
            done = conn.execute(update(watch_passes).where(p.status == "running").values(finished=now, status="interrupted"))
            return int(done.rowcount or 0)

    def last_pass(self, source: str) -> dict[str, Any] | None:
        p = watch_passes.c
        with self._read() as conn:
            row = conn.execute(select(watch_passes).where(p.source == source).order_by(p.id.desc()).limit(1)).mappings().first()
        return dict(row) if row else None

    def list_passes(self, *, limit: int = 100) -> list[dict[str, Any]]:
        p = watch_passes.c
        with self._read() as conn:
            return [dict(r) for r in conn.execute(select(watch_passes).order_by(p.id.desc()).limit(limit)).mappings()]


def replace_nights(
    conn: Connection, linker: str, ruleset: str, day_ords: Sequence[int],
    incident_rows: Any, assessment_rows: list[dict[str, Any]],
) -> None:
    """Replace the incidents of `linker` on the given days, and the
    assessments of `ruleset` of those incidents, by the given rows (in the
    caller's transaction). Linking is per night, so the other days' rows
    stay exactly what a full run would write."""
    i, a = s.incidents.c, s.assessments.c
    for part in _chunks(sorted(set(day_ords)), 500):
        old = select(i.id).where(i.linker == linker, i.day_ord.in_(part))
        conn.execute(delete(s.assessments).where(a.ruleset == ruleset, a.incident_id.in_(old)))
        conn.execute(delete(s.incidents).where(i.linker == linker, i.day_ord.in_(part)))  # children cascade
    if incident_rows.incidents:
        conn.execute(insert(s.incidents), incident_rows.incidents)
    for name, child_rows in incident_rows.children().items():
        if child_rows:
            conn.execute(insert(s.metadata.tables[name]), child_rows)
    if assessment_rows:
        conn.execute(insert(s.assessments), assessment_rows)


def _chunks(items: list[Any], size: int) -> Iterator[list[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]
