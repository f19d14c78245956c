"""CLI commands of this group; real implementations replace the stand-ins."""

from __future__ import annotations

from .app import app, handle_errors, not_available


@app.command(
    "assess",
    help="Link claims into incidents and assess them against agreements. (Not built yet: exits 2.)",
    context_settings={"allow_extra_args": True, "ignore_unknown_options": True},
)
@handle_errors
def assess_cli() -> None:
    not_available("`ceasewatch assess`", "issue 6 (agreements and verdicts)")


@app.command(
    "report",
    help="Daily monitoring report (HTML, PDF, Markdown). (Not built yet: exits 2.)",
    context_settings={"allow_extra_args": True, "ignore_unknown_options": True},
)
@handle_errors
def report_cli() -> None:
    not_available("`ceasewatch report`", "issue 6 (agreements and verdicts)")


@app.command(
    "simulate",
    help="What a draft agreement would have produced over past data. (Not built yet: exits 2.)",
    context_settings={"allow_extra_args": True, "ignore_unknown_options": True},
)
@handle_errors
def simulate_cli() -> None:
    not_available("`ceasewatch simulate`", "issue 6 (agreements and verdicts)")
