"""`ceasewatch watch CONFIG [--once] [--status]`: thin over `ceasewatch.watch`."""

from __future__ import annotations

import logging
import signal
import sys
import threading
from pathlib import Path
from typing import Any

import typer
from rich.table import Table

from .app import app, console, emit_json, handle_errors, state

__all__ = ["watch_cli"]


def _log_to_stderr() -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    for name in ("ceasewatch.watch", "ceasewatch.alert"):
        logger = logging.getLogger(name)
        logger.setLevel(logging.INFO)
        if not logger.handlers:
            logger.addHandler(handler)


def _print_round(report: Any) -> None:
    table = Table("source", "status", "new documents", "errors", title="watch pass")
    for p in report.passes:
        table.add_row(p.source, p.status, str(p.new_documents), "; ".join(e["message"] for e in p.errors)[:200])
    console.print(table)
    pr = report.process
    console.print(f"extracted {pr.extracted} documents ({pr.claims} claims); assessed {len(pr.nights)} nights "
                  f"({pr.incidents} incidents, {pr.assessments} assessments); {len(pr.new_alerts)} new alerts, "
                  f"{len(report.delivery.sent)} deliveries sent, {len(report.delivery.retrying)} to retry, "
                  f"{len(report.delivery.failed)} given up")


def _print_status(store: Any, as_json: bool) -> None:
    watch_state = store.watch_state()
    passes, alerts = watch_state.list_passes(limit=20), watch_state.list_alerts(limit=20)
    if as_json:
        emit_json({"passes": passes, "alerts": alerts})
        return
    table = Table("pass", "source", "started", "status", "new", "errors", title="recent passes")
    from datetime import UTC, datetime

    for p in passes:
        started = datetime.fromtimestamp(p["started"], UTC).isoformat(timespec="seconds")
        table.add_row(str(p["id"]), p["source"], started, p["status"], str(p["new_documents"]),
                      str(len(p["errors"] or [])))
    console.print(table)
    table = Table("alert", "subject", "deliveries", title="recent alerts")
    for a in alerts:
        table.add_row(a["id"], a["subject"], ", ".join(f"{d['channel']}: {d['state']}" for d in a["deliveries"]))
    console.print(table)


@app.command("watch")
@handle_errors
def watch_cli(
    config: Path = typer.Argument(..., help="Watch configuration (TOML): sources, schedules, alert channels."),
    once: bool = typer.Option(False, "--once", help="Poll every source once, process, deliver alerts, and exit."),
    status: bool = typer.Option(False, "--status", help="Show the latest passes and alerts, and exit."),
    as_json: bool = typer.Option(False, "--json", help="Machine-readable output (--once, --status)."),
) -> None:
    """Watch feeds, folders and Telegram exports; extract, link and assess what
    is new, and alert on new findings (webhook, email, log).

    Runs until SIGTERM or Ctrl-C (the current step finishes first); its state
    is in the database, so a restart repeats nothing. Exit 1 when --once met
    a failing source.

    Example: ceasewatch --db sqlite:///monitor.db watch watch.toml --once
    """
    from ..watch import Watcher, load_watch_config

    cfg = load_watch_config(config)
    _log_to_stderr()
    store = state.open_store()
    try:
        if status:
            _print_status(store, as_json)
            return
        watcher = Watcher(cfg, store, settings=state.settings)
        if once:
            report = watcher.run_once()
            emit_json(report.to_dict()) if as_json else _print_round(report)
            if not report.ok:
                raise typer.Exit(1)
            return
        stop = threading.Event()
        for sig in (signal.SIGTERM, signal.SIGINT):
            signal.signal(sig, lambda *_: stop.set())
        logging.getLogger("ceasewatch.watch").info("watching %d sources", len(cfg.source))
        watcher.run(stop, on_round=lambda r: logging.getLogger("ceasewatch.watch").info(
            "round: %d new documents, %d new alerts", sum(p.new_documents for p in r.passes), len(r.process.new_alerts)))
    finally:
        store.close()
