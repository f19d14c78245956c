"""`ceasewatch ingest`: read files, directories and feed URLs into the store.

The work is `ceasewatch.ingest.ingest_paths`; this module parses arguments,
shows progress for batches that take more than a second, and prints a
summary (or JSON with `--json`). Exit 1 when any input failed.
"""

from __future__ import annotations

import re
import time
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from ..audit import record_run
from ..errors import ConfigError
from .app import app, console, emit_json, err_console, handle_errors, state

__all__ = ["ingest_cli"]

# Progress appears only for batches that are still running after this long.
_PROGRESS_AFTER_SECONDS = 1.0


class _DelayedProgress:
    """A rich progress bar that shows itself once a batch has run for a second."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.started_at = time.monotonic()
        self.bar: Progress | None = None
        self.task: Any = None

    def __call__(self, done: int, total: int, source: str) -> None:
        if not self.enabled:
            return
        if self.bar is None:
            if time.monotonic() - self.started_at < _PROGRESS_AFTER_SECONDS or done >= total:
                return
            self.bar = Progress(
                TextColumn("ingesting"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeRemainingColumn(),
                TextColumn("{task.description}", style="dim"),
                console=err_console,
                transient=True,
            )
            self.bar.start()
            self.task = self.bar.add_task("", total=total)
        self.bar.update(self.task, completed=done, description=source[-60:])

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()


def _print_summary(report: Any) -> None:
    table = Table(title="ingest", show_header=True)
    for column in ("inputs", "added", "already stored", "failed", "claims imported"):
        table.add_column(column, justify="right")
    table.add_row(
        str(report.inputs),
        f"[green]{len(report.added)}[/green]",
        str(len(report.existing)),
        f"[red]{len(report.failed)}[/red]" if report.failed else "0",
        str(report.claims),
    )
    console.print(table)
    if report.failed:
        errors = Table(title="failed inputs", show_lines=False)
        errors.add_column("source", overflow="fold")
        errors.add_column("where")
        errors.add_column("problem", overflow="fold")
        errors.add_column("what to do", overflow="fold")
        for exc in report.failed:
            errors.add_row(
                exc.source or "", exc.location or "", f"[{exc.code}] {exc.message}", exc.hint or ""
            )
        err_console.print(errors)


def _parse_published(value: str) -> datetime:
    try:
        when = datetime.fromisoformat(value.strip())
    except ValueError:
        raise ConfigError(
            f"--published must be an ISO 8601 date or time, got {value!r}",
            hint="for example 2025-03-19 or 2025-03-19T09:00+02:00",
        ) from None
    if not 1900 <= when.year <= 2100:
        raise ConfigError(f"--published year {when.year} is out of range", hint="give a year between 1900 and 2100")
    # a time without a zone is read as Kyiv time, as the reports are
    return when if when.tzinfo else when.replace(tzinfo=ZoneInfo("Europe/Kyiv"))


@app.command("ingest")
@handle_errors
def ingest_cli(
    paths: list[str] = typer.Argument(..., help="Files, directories (walked recursively) or feed URLs."),
    as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON for scripts."),
    language: str = typer.Option(
        None, "--language", help="Language (en, uk, ru, ...) of inputs that do not give one; skips detection."
    ),
    publisher: str = typer.Option(None, "--publisher", help="Publisher of inputs that do not name one."),
    published: str = typer.Option(
        None,
        "--published",
        help="Publication time (ISO 8601, e.g. 2025-03-19T09:00+02:00) of inputs that do not give one; "
        "without it a date line at the top of a plain text is used.",
    ),
) -> None:
    """Ingest reports into the store: text, Markdown, corpus folders, JSONL,
    HTML, RSS/Atom feeds, Telegram exports, Massive Missile Attacks CSV.

    Example: ceasewatch ingest demo/ https://example.org/feed.xml --json
    """
    from ..ingest import ingest_paths

    if language is not None and not re.fullmatch(r"[A-Za-z]{2}", language):
        raise ConfigError(
            f"--language must be a two-letter ISO 639-1 code, got {language!r}",
            hint="use en, uk or ru (or another two-letter code)",
        )
    when = _parse_published(published) if published is not None else None
    store = state.open_store()
    progress = _DelayedProgress(enabled=not as_json)
    try:
        report = ingest_paths(
            paths, store, settings=state.settings, progress=progress, language=language, publisher=publisher,
            published=when,
        )
        record_run(store, "ingest", "import:" + " ".join(str(p) for p in paths),
                  {"inputs": report.inputs, "added": [d.id for d in report.added][:1000],
                   "existing": len(report.existing), "failed": len(report.failed), "claims": report.claims})
    finally:
        progress.close()
        store.close()
    if as_json:
        emit_json(report.to_dict())
    else:
        _print_summary(report)
    if not report.ok:
        raise typer.Exit(1)
