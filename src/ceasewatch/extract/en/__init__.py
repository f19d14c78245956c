"""English rule-based extraction (`ceasewatch.extract.en_rules.v1`; with spaCy's parser for
hard-to-find speakers, `ceasewatch.extract.en_rules_parser.v1`)."""

from __future__ import annotations

from .extractor import EXTRACTOR_NAME, PARSER_EXTRACTOR_NAME, EnglishExtractor, EnglishParserExtractor

__all__ = ["EnglishExtractor", "EnglishParserExtractor", "EXTRACTOR_NAME", "PARSER_EXTRACTOR_NAME"]
