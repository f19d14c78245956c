"""The normalisation layer: frames -> claims, one per key (spec section 2)."""

from .claims import to_claims

__all__ = ["to_claims"]
