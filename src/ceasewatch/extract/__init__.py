"""Claim extraction: registered, versioned extractors picked by language.

Backends register lazily, so listing them imports no language model.
"""

from __future__ import annotations

from functools import cache

from ..errors import ConfigError
from ..model import Claim, Document
from ..registry import extractors
from .base import Extractor

__all__ = ["Extractor", "extractor_for", "get_extractor", "extract_document", "DEFAULT_EXTRACTORS", "RULE_EXTRACTORS"]

# language -> versioned name of the default extractor for it: the layered engine, which attributes claims
# correctly on real published reports (eval/real, eval/real-sealed) and on the motivating night, where the
# rule extractors below credit a president's claim to the other side (docs/extraction-engine.md)
DEFAULT_EXTRACTORS: dict[str, str] = {
    "en": "ceasewatch.extract.engine.v2",
    "uk": "ceasewatch.extract.engine.v2",
    "ru": "ceasewatch.extract.engine.v2",
}
# the first generation, one rule extractor per language: still registered (`--extractor`) for comparison
RULE_EXTRACTORS: dict[str, str] = {
    "en": "ceasewatch.extract.en_rules.v1",
    "uk": "ceasewatch.extract.uk_rules.v1",
    "ru": "ceasewatch.extract.ru_rules.v1",
}

extractors.lazy("ceasewatch.extract.en_rules.v1", "ceasewatch.extract.en.extractor:EnglishExtractor", languages=("en",))
extractors.lazy("ceasewatch.extract.en_rules_parser.v1", "ceasewatch.extract.en.extractor:EnglishParserExtractor",
                languages=("en",))
extractors.lazy("ceasewatch.extract.uk_rules.v1", "ceasewatch.extract.slavic.uk:UkrainianExtractor", languages=("uk",))
extractors.lazy("ceasewatch.extract.ru_rules.v1", "ceasewatch.extract.slavic.ru:RussianExtractor", languages=("ru",))
extractors.lazy("ceasewatch.extract.engine.v2", "ceasewatch.extract.engine:LayeredExtractor", languages=("en", "uk", "ru"))


@cache
def get_extractor(name: str) -> Extractor:
    """The extractor registered under `name`, built once per process."""
    return extractors.create(name)


def extractor_for(language: str | None) -> Extractor:
    """The default extractor for a language (English when unknown)."""
    name = DEFAULT_EXTRACTORS.get((language or "en").lower())
    if name is None:
        raise ConfigError(
            f"no extractor for language {language!r}",
            hint="supported languages: " + ", ".join(sorted(DEFAULT_EXTRACTORS)),
        )
    return get_extractor(name)


def extract_document(doc: Document, *, extractor: str | None = None) -> list[Claim]:
    """Claims of one document, by the named extractor or the language default."""
    backend = get_extractor(extractor) if extractor else extractor_for(doc.language)
    return backend.extract(doc)
