"""The temporal layer: one resolver turns time expressions into monitoring
days (spec section 3), against one reference time per document."""

from .resolver import Reference, Resolved, monitoring_day, reference_for, resolve

__all__ = ["Reference", "Resolved", "reference_for", "resolve", "monitoring_day"]
