"""The Typer application and what every command shares: global options,
settings, opening the store, turning `CeasewatchError` into exit codes.

Commands live one group per module (`cli/ingest.py`, `cli/extract.py`, ...),
each split spaCy-style into `x_cli()` (argument parsing, output) and a plain
library function that does the work.
"""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import typer
from rich.console import Console

from ..config import Settings, load_settings
from ..errors import CeasewatchError, NotAvailable

__all__ = ["app", "state", "console", "err_console", "handle_errors", "emit_json", "not_available"]

app = typer.Typer(
    name="ceasewatch",
    help="Monitor and verify ceasefires: ingest reports, extract strike claims, assess them against agreements.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
console = Console()
err_console = Console(stderr=True)

F = TypeVar("F", bound=Callable[..., Any])


class _State:
    """Global options given before the command (``ceasewatch --db URL ingest``)."""

    def __init__(self) -> None:
        self.db: str | None = None
        self.config: str | None = None
        self._settings: Settings | None = None

    @property
    def settings(self) -> Settings:
        if self._settings is None:
            self._settings = load_settings(self.config, db=self.db)
        return self._settings

    def open_store(self):  # -> Repository; imported lazily so `--help` stays fast
        from ..store import open_store

        return open_store(self.settings.db, pool_size=self.settings.store_threads)


state = _State()


@app.callback()
def _global_options(
    db: str = typer.Option(None, "--db", help="Database URL (sqlite:///file.db or postgresql://...); env CEASEWATCH_DB."),
    config: str = typer.Option(None, "--config", help="TOML settings file; env CEASEWATCH_CONFIG."),
) -> None:
    state.db = db
    state.config = config
    state._settings = None


def handle_errors(func: F) -> F:
    """Print a `CeasewatchError` as one actionable line and exit: 2 for a
    capability not built yet or bad usage, 1 for everything else."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except NotAvailable as exc:
            err_console.print(f"[yellow]{exc}[/yellow]", highlight=False, soft_wrap=True)
            raise typer.Exit(2) from None
        except CeasewatchError as exc:
            err_console.print(f"[red]error:[/red] {exc}", highlight=False, soft_wrap=True)
            raise typer.Exit(1) from None

    return wrapper  # type: ignore[return-value]


def emit_json(data: Any) -> None:
    """Write machine-readable output to stdout (for `--json`)."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, default=str, indent=2) + "\n")


def not_available(what: str, issue: str) -> None:
    raise NotAvailable(
        f"{what} is not available in this version of ceasewatch",
        hint=f"it arrives with {issue}; nothing was done",
    )
