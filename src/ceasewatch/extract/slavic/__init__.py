"""Ukrainian and Russian rule extractors (issue 5).

    from ceasewatch.extract import get_extractor
    get_extractor("ceasewatch.extract.uk_rules.v1").extract(doc)

Lemma-based rules over spaCy blank tokenisers and pymorphy3; regions and
places come from `ceasewatch.geocode`. Importing this package loads nothing
heavy: the analysers are built on the first extractor.
"""

from __future__ import annotations

__all__ = ["UkrainianExtractor", "RussianExtractor"]


def __getattr__(name: str) -> object:
    if name == "UkrainianExtractor":
        from .uk import UkrainianExtractor

        return UkrainianExtractor
    if name == "RussianExtractor":
        from .ru import RussianExtractor

        return RussianExtractor
    raise AttributeError(name)
