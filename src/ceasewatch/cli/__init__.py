"""Command-line interface: a thin layer over the library (`ceasewatch --help`)."""

from __future__ import annotations

from . import assess as _assess  # noqa: F401,E402

# Each module adds its commands to `app` when imported.
from . import db as _db  # noqa: F401,E402
from . import extract as _extract  # noqa: F401,E402
from . import geo as _geo  # noqa: F401,E402
from . import ingest as _ingest  # noqa: F401,E402
from . import serve as _serve  # noqa: F401,E402
from .app import app

__all__ = ["app", "main"]


def main() -> None:
    app()
