"""The attribution layer: who says what, sentence by sentence."""

from . import rules  # noqa: F401  (registers the attribution rules by name)
from .speech import Voice, Voices, attribute

__all__ = ["Voice", "Voices", "attribute"]
