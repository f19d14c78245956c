"""The dashboard: server-rendered pages (Jinja2, autoescaped) with the
vendored Leaflet and Chart.js, mounted on the API app by `create_app`.

Pages: map `/`, timeline `/timeline`, agreements `/agreements[/{id}]`,
incidents `/incidents[/{id}]`, documents `/documents[/{ref}]`. Each reads the
same view function as its API twin (see `ceasewatch.api.views`).
"""

from __future__ import annotations

from .pages import mount_dashboard

__all__ = ["mount_dashboard"]
