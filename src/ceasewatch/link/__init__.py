"""link stage: claims -> incidents (one night's strikes on one country, with
every report of it kept as evidence)."""

from __future__ import annotations

from ..registry import linkers
from .night_overlap import LINKER_NAME, NightOverlapLinker, apply_incident_decisions, link_claims, other_party

__all__ = ["LINKER_NAME", "NightOverlapLinker", "link_claims", "other_party", "apply_incident_decisions"]

linkers.lazy(LINKER_NAME, "ceasewatch.link.night_overlap:NightOverlapLinker")
