"""CLI commands of this group; real implementations replace the stand-ins."""

from __future__ import annotations

from .app import app, handle_errors, not_available


@app.command(
    "serve",
    help="Serve the REST API and dashboard. (Not built yet: exits 2.)",
    context_settings={"allow_extra_args": True, "ignore_unknown_options": True},
)
@handle_errors
def serve_cli() -> None:
    not_available("`ceasewatch serve`", "issue 7 (API and dashboard)")


@app.command(
    "export",
    help="Export claims, incidents and verdicts (JSONL, CSV, GeoJSON). (Not built yet: exits 2.)",
    context_settings={"allow_extra_args": True, "ignore_unknown_options": True},
)
@handle_errors
def export_cli() -> None:
    not_available("`ceasewatch export`", "issue 7 (API and dashboard)")
