"""CLI commands of this group; real implementations replace the stand-ins."""

from __future__ import annotations

from .app import app, handle_errors, not_available


@app.command(
    "geo",
    help="Look up a place name in the offline gazetteer. (Not built yet: exits 2.)",
    context_settings={"allow_extra_args": True, "ignore_unknown_options": True},
)
@handle_errors
def geo_cli() -> None:
    not_available("`ceasewatch geo`", "issue 3 (geocoding)")
