"""What the commands record in the audit trail: imports (`ingest`),
re-extraction (`extract`) and changed agreement texts (`assess`), each named
after the person running the command on this machine."""

from __future__ import annotations

import getpass
import json
from typing import Any

__all__ = ["cli_actor", "audit_run", "audit_agreements"]


def cli_actor() -> str:
    """Who the audit trail names for a command run on this machine."""
    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):
        return "cli:unknown"


def audit_run(store: Any, action: str, subject: str, after: dict[str, Any]) -> None:
    """Record an import or a re-extraction in the audit trail (stores without one: nothing)."""
    record = getattr(store, "record_event", None)
    if callable(record):
        record(actor=cli_actor(), action=action, subject=subject[:500], after=after)


def audit_agreements(store: Any, agreements: list[Any]) -> None:
    """An `agreement.change` event for every agreement whose text differs from
    the one the last assess used (added, changed or removed)."""
    import hashlib

    from ..store.audit import canonical
    from ..store.codec import to_jsonable

    if not callable(getattr(store, "record_event", None)):
        return
    now = {a.id: hashlib.sha256(canonical(to_jsonable(a)).encode()).hexdigest()[:16] for a in agreements}
    last: dict[str, str] = {}
    for event in store.audit_events():
        if event.action == "agreement.change":
            after = json.loads(event.after)
            last.update(after.get("fingerprints", {}))
            for gone in after.get("removed", []):
                last.pop(gone, None)
    changed = {k: v for k, v in now.items() if last.get(k) != v}
    removed = sorted(set(last) - set(now))
    if changed or removed:
        store.record_event(actor=cli_actor(), action="agreement.change",
                           subject="agreements:" + ",".join(sorted(changed) + removed)[:400],
                           before={"fingerprints": {k: last.get(k) for k in sorted(changed) + removed}},
                           after={"fingerprints": changed, "removed": removed})
