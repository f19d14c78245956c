"""CLI commands of this group; real implementations replace the stand-ins."""

from __future__ import annotations

from .app import app, handle_errors, not_available


@app.command(
    "db",
    help="Database schema. (Not built yet: exits 2.)",
    context_settings={"allow_extra_args": True, "ignore_unknown_options": True},
)
@handle_errors
def db_cli() -> None:
    not_available("`ceasewatch db`", " init, migrate, info:issue 2 (foundation)")
