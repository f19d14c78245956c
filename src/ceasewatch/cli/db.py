"""`ceasewatch db init|migrate|info`: create, upgrade and describe the database.

The work is in `ceasewatch.store` (`open_store`, `Repository.migrate`,
`Repository.info`); this module parses arguments and prints.
"""

from __future__ import annotations

from typing import Any

import typer
from rich.table import Table

from .app import app, console, emit_json, handle_errors, state

__all__ = ["db_app", "db_init_cli", "db_migrate_cli", "db_info_cli", "db_info"]

db_app = typer.Typer(
    name="db",
    help="Database schema: create it, upgrade it, show what is stored.",
    no_args_is_help=True,
)
app.add_typer(db_app, name="db")


def db_info(*, failures: int = 10) -> dict[str, Any]:
    """Dialect, schema versions, row counts and the latest ingest failures."""
    with state.open_store() as store:
        info = store.info()
        info["recent_ingest_failures"] = store.list_ingest_failures(limit=failures) if failures else []
    return info


@db_app.command("init")
@handle_errors
def db_init_cli(
    as_json: bool = typer.Option(False, "--json", help="Print the result as JSON."),
) -> None:
    """Create the database schema (or check an existing one is current).

    Example: ceasewatch --db sqlite:///out/cw.db db init
    """
    with state.open_store() as store:  # open_store creates and migrates
        version = store.schema_version()
        url = store.url
    if as_json:
        emit_json({"url": url, "schema_version": version})
    else:
        console.print(f"database ready: {url} (schema version {version})", highlight=False)


@db_app.command("migrate")
@handle_errors
def db_migrate_cli(
    as_json: bool = typer.Option(False, "--json", help="Print the result as JSON."),
) -> None:
    """Upgrade the schema to this version of ceasewatch; safe to repeat.

    Example: ceasewatch --db postgresql://cw@127.0.0.1/cw db migrate
    """
    from ..store import open_store

    with open_store(state.settings.db, migrate=False) as store:
        before = store.schema_version()
        after = store.migrate()
        url = store.url
    if as_json:
        emit_json({"url": url, "from_version": before, "schema_version": after})
    elif before == after:
        console.print(f"schema is current: version {after} ({url})", highlight=False)
    else:
        console.print(f"migrated {url} from schema version {before} to {after}", highlight=False)


@db_app.command("info")
@handle_errors
def db_info_cli(
    as_json: bool = typer.Option(False, "--json", help="Print the result as JSON."),
    failures: int = typer.Option(10, "--failures", min=0, help="How many recent ingest failures to list."),
) -> None:
    """Show the dialect, schema version and row counts per table.

    Example: ceasewatch db info --json
    """
    info = db_info(failures=failures)
    if as_json:
        emit_json(info)
        return
    console.print(f"[bold]{info['url']}[/bold] ({info['dialect']})", highlight=False)
    console.print(f"schema version {info['schema_version']} (this code: {info['code_schema_version']})")
    table = Table("table", "rows", box=None)
    for name, count in info["counts"].items():
        table.add_row(name, f"{count:,}")
    console.print(table)
    if info["recent_ingest_failures"]:
        console.print("[yellow]recent ingest failures[/yellow]")
        for f in info["recent_ingest_failures"]:
            console.print(f"  {f['path']}: {f['reason']}", highlight=False, soft_wrap=True)
