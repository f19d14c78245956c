"""CLI commands of this group; real implementations replace the stand-ins."""

from __future__ import annotations

from .app import app, handle_errors, not_available


@app.command(
    "extract",
    help="Extract strike claims from stored or given documents. (Not built yet: exits 2.)",
    context_settings={"allow_extra_args": True, "ignore_unknown_options": True},
)
@handle_errors
def extract_cli() -> None:
    not_available("`ceasewatch extract`", "issue 4 (English extraction)")


@app.command(
    "eval",
    help="Score extraction against a gold corpus folder. (Not built yet: exits 2.)",
    context_settings={"allow_extra_args": True, "ignore_unknown_options": True},
)
@handle_errors
def eval_cli() -> None:
    not_available("`ceasewatch eval`", "issue 4 (English extraction)")
