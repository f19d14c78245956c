"""CLI commands of this group; real implementations replace the stand-ins."""

from __future__ import annotations

from .app import app, handle_errors, not_available


@app.command(
    "ingest",
    help="Ingest reports into the store. (Not built yet: exits 2.)",
    context_settings={"allow_extra_args": True, "ignore_unknown_options": True},
)
@handle_errors
def ingest_cli() -> None:
    not_available("`ceasewatch ingest`", "issue 2 (foundation)")
