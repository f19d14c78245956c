"""REST API over the store (FastAPI): `create_app(store, settings=...)`.

One router per resource under `api/routers/`, one success and one error
envelope (`api/envelope.py`), shared filters and cursor paging
(`api/params.py`), and the view functions each dashboard page renders
(`api/views.py`).
"""

from __future__ import annotations

from .app import create_app
from .envelope import error_body, success
from .memory_store import MemoryRepository

__all__ = ["create_app", "success", "error_body", "MemoryRepository"]
