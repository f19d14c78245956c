"""The attribution layer: who says what, sentence by sentence."""

from .speech import Voice, Voices, attribute

__all__ = ["Voice", "Voices", "attribute"]
