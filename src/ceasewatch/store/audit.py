"""The audit trail: an append-only chain of events, each carrying the hash
of the one before (who, when, what, before, after, reason).

    hash(event n) = SHA-256(hash(event n-1) + "\\n" + canonical JSON of event n)

with the hash of "event 0" 64 zeros. An event is appended in the caller's
transaction, after the write it records, so a kill leaves both or neither.
Appends are serialised: SQLite's writers already are (BEGIN IMMEDIATE); on
PostgreSQL a transaction-scoped advisory lock keeps two writers from
chaining onto the same event. The `store_state` counter "audit" keeps the
number of events, so a deleted last event is noticed too.

`verify(conn)` walks the chain and reports the first event that was
edited (its content no longer gives its hash), inserted (it does not
follow the event before it, but the one after it does follow that one) or
deleted (a number missing, the next event not following, or fewer events
than counted). The chain proves what it records was not changed by anyone
who cannot also rewrite every later hash and the counter; keep the head
hash that `audit export` prints somewhere else to prove even that.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, select, text

from . import review_schema as rs
from . import schema as s

__all__ = ["GENESIS", "AuditEvent", "ChainProblem", "canonical", "event_hash", "append", "read_batch", "iter_events", "verify"]

GENESIS = "0" * 64
COUNTER = "audit"
_LOCK_ID = 7305613  # PostgreSQL advisory lock of the chain head
_MAX_TEXT = 100_000  # before/after JSON kept per event


def canonical(value: Any) -> str:
    """The one JSON text of a value that is hashed and stored."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)


@dataclass(frozen=True)
class AuditEvent:
    seq: int
    time: str
    actor: str
    action: str  # "claim.review", "verdict.override", "user.add", "ingest", "extract", "assess", ...
    subject: str  # "claim:clm_…", "verdict:inc_…/agreement/version", "user:name", ...
    before: str  # canonical JSON
    after: str  # canonical JSON
    reason: str
    prev_hash: str
    hash: str

    def to_json(self) -> dict[str, Any]:
        return {"seq": self.seq, "time": self.time, "actor": self.actor, "action": self.action,
                "subject": self.subject, "before": json.loads(self.before), "after": json.loads(self.after),
                "reason": self.reason, "prev_hash": self.prev_hash, "hash": self.hash}


@dataclass(frozen=True)
class ChainProblem:
    seq: int  # the event reported (for a deleted tail: the first missing number)
    kind: str  # "edited", "inserted", "deleted"
    message: str


def event_hash(prev_hash: str, seq: int, time: str, actor: str, action: str, subject: str, before: str,
               after: str, reason: str) -> str:
    body = canonical({"seq": seq, "time": time, "actor": actor, "action": action, "subject": subject,
                      "before": before, "after": after, "reason": reason})
    return hashlib.sha256(f"{prev_hash}\n{body}".encode()).hexdigest()


def _json_text(value: Any) -> str:
    out = canonical(value)
    if len(out) > _MAX_TEXT:  # a bounded event: the record itself stays in its own table
        out = canonical({"truncated": True, "sha256": hashlib.sha256(out.encode()).hexdigest()})
    return out


def append(conn: Connection, *, actor: str, action: str, subject: str, before: Any = None, after: Any = None,
           reason: str = "") -> AuditEvent:
    """Append one event in `conn`'s (write) transaction."""
    if conn.dialect.name == "postgresql":
        conn.execute(text(f"SELECT pg_advisory_xact_lock({_LOCK_ID})"))
    t = rs.audit_events.c
    last = conn.execute(select(t.seq, t.hash).order_by(t.seq.desc()).limit(1)).first()
    seq = (last.seq + 1) if last else 1
    prev = last.hash if last else GENESIS
    when = datetime.now(UTC).isoformat()
    b, a = _json_text(before), _json_text(after)
    digest = event_hash(prev, seq, when, actor, action, subject, b, a, reason)
    row = {"seq": seq, "time": when, "actor": actor, "action": action, "subject": subject, "before": b,
           "after": a, "reason": reason, "prev_hash": prev, "hash": digest}
    conn.execute(rs.audit_events.insert().values(row))
    _count(conn)
    return AuditEvent(**row)


def _count(conn: Connection) -> None:
    st = s.store_state
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert  # type: ignore[assignment]
    stmt = insert(st).values(key=COUNTER, value=1)
    conn.execute(stmt.on_conflict_do_update(index_elements=["key"], set_={"value": st.c.value + 1}))


def read_batch(conn: Connection, *, after: int = 0, batch: int = 1000) -> list[AuditEvent]:
    """Up to `batch` events numbered after `after`, in order."""
    t = rs.audit_events.c
    rows = conn.execute(select(rs.audit_events).where(t.seq > after).order_by(t.seq).limit(batch)).mappings()
    return [AuditEvent(**dict(r)) for r in rows]


def iter_events(conn: Connection, *, after: int = 0, batch: int = 1000) -> Iterator[AuditEvent]:
    while True:
        got = read_batch(conn, after=after, batch=batch)
        yield from got
        if len(got) < batch:
            return
        after = got[-1].seq


def _edited_or_moved(ev: AuditEvent, prev_seq: int) -> ChainProblem:
    """An event whose content does not give its hash: renumbered by an
    insertion or a deletion before it, else edited."""
    def hashed_as(seq: int) -> bool:
        return event_hash(ev.prev_hash, seq, ev.time, ev.actor, ev.action, ev.subject, ev.before, ev.after,
                          ev.reason) == ev.hash

    if hashed_as(ev.seq - 1):
        return ChainProblem(prev_seq, "inserted", f"event {prev_seq} was inserted: event {ev.seq} was written as "
                            f"number {ev.seq - 1}")
    if hashed_as(ev.seq + 1):
        return ChainProblem(ev.seq, "deleted", f"an event before event {ev.seq} was deleted: it was written as "
                            f"number {ev.seq + 1}")
    return ChainProblem(ev.seq, "edited", f"event {ev.seq} was edited: its content does not give its hash")


def verify(conn: Connection) -> tuple[int, ChainProblem | None]:
    """(events checked, the first problem or None)."""
    prev_hash, prev_seq, before_prev = GENESIS, 0, None
    n = 0
    for ev in iter_events(conn):
        n += 1
        own = event_hash(ev.prev_hash, ev.seq, ev.time, ev.actor, ev.action, ev.subject, ev.before, ev.after,
                         ev.reason)
        if own != ev.hash:
            return n, _edited_or_moved(ev, prev_seq)
        if ev.prev_hash != prev_hash:
            if ev.seq != prev_seq + 1:
                return n, ChainProblem(prev_seq + 1, "deleted", f"events {prev_seq + 1} to {ev.seq - 1} were "
                                       f"deleted: event {ev.seq} does not follow event {prev_seq}")
            if before_prev is not None and ev.prev_hash == before_prev:
                return n, ChainProblem(prev_seq, "inserted", f"event {prev_seq} was inserted: event {ev.seq} "
                                       f"follows the event before it")
            return n, ChainProblem(ev.seq, "deleted", f"event {ev.seq} does not follow event {prev_seq}: an event "
                                   "between them was deleted and the rest renumbered, or the one before edited "
                                   "and re-hashed")
        if ev.seq != prev_seq + 1:
            return n, ChainProblem(ev.seq, "inserted", f"event {ev.seq} is numbered out of order")
        before_prev, prev_hash, prev_seq = prev_hash, ev.hash, ev.seq
    counted = conn.execute(select(s.store_state.c.value).where(s.store_state.c.key == COUNTER)).scalar() or 0
    if counted > n:
        return n, ChainProblem(prev_seq + 1, "deleted", f"{counted - n} event(s) after event {prev_seq} were "
                               "deleted: the store counted {counted}".replace("{counted}", str(counted)))
    if counted < n:
        return n, ChainProblem(prev_seq, "inserted", f"{n - counted} event(s) were added outside ceasewatch: "
                               f"the store counted {counted}")
    return n, None
