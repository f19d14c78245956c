"""English rule-based extraction (`ceasewatch.extract.en_rules.v1`)."""

from __future__ import annotations

from .extractor import EXTRACTOR_NAME, EnglishExtractor

__all__ = ["EnglishExtractor", "EXTRACTOR_NAME"]
