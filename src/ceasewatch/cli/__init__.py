"""Command-line interface: a thin layer over the library (`ceasewatch --help`)."""

from __future__ import annotations

import importlib

from .app import app

__all__ = ["app", "main"]

# Each module adds its commands to `app` when imported; this order is the
# order of `ceasewatch --help`, which follows the data flow.
for _module in ("db", "ingest", "extract", "geo", "assess", "serve", "accounts", "watch"):
    importlib.import_module(f"{__name__}.{_module}")


def main() -> None:
    app()
