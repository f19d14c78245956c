"""The extractor interface. An extractor turns one `Document` into the
strike claims it contains, every value backed by `Evidence` offsets into
`document.text`. Backends register under versioned names in
`ceasewatch.registry.extractors`; `extractor_for(doc)` picks one by language.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from ..model import Claim, Document

__all__ = ["Extractor"]


@runtime_checkable
class Extractor(Protocol):
    name: str  # versioned, e.g. "ceasewatch.extract.en_rules.v1"
    languages: tuple[str, ...]  # ISO 639-1 codes it reads

    def extract(self, doc: Document) -> list[Claim]:
        """Claims in `doc`, each with `doc_id=doc.id` and `extractor=self.name`."""
        ...
