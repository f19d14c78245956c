"""The layered extraction engine (`ceasewatch.extract.engine.v2`), one for
English, Ukrainian and Russian, with each language's wording in data files.

    Document
      -> analysis     (tokens, lemmas, sentences, blocks marked as headline, dateline, caption ...)
      -> mentions     (numbers, weapons, places, actors, targets, cues, time expressions)
      -> attribution  (who speaks in each sentence, and with which side)
      -> temporal     (the reference day; time expressions -> monitoring days)
      -> frames       (what each sentence reports, by named rules)
      -> normalize    (one claim per key, totals against breakdowns)
      -> Claim records with evidence offsets and the rule behind each value

Each layer reads only the outputs of the layers before it.
"""

from __future__ import annotations

from typing import Any

from ..model import Claim, Document
from .analysis.document import analyze
from .attribution import attribute
from .frames.assemble import build_frames
from .lexicon import DATA_VERSION
from .mentions import find_mentions
from .normalize import to_claims
from .temporal import reference_for

__all__ = ["LayeredExtractor", "ENGINE_NAME"]

ENGINE_NAME = "ceasewatch.extract.engine.v2"


class LayeredExtractor:
    """Claims of a document in English, Ukrainian or Russian."""

    name = ENGINE_NAME
    languages = ("en", "uk", "ru")
    data_version = DATA_VERSION

    def __init__(self, geocoder: Any = None) -> None:
        self._geocoder = geocoder

    @property
    def geocoder(self) -> Any:
        if self._geocoder is None:
            from ..geocode import default_geocoder

            self._geocoder = default_geocoder()
        return self._geocoder

    def extract(self, doc: Document) -> list[Claim]:
        a = analyze(doc)
        m = find_mentions(a, self.geocoder)
        voices = attribute(a, m)
        dateline = [t for t in m.times if any(s <= t.start < e for s, e, _ in a.furniture)]
        first = a.sentences[0] if a.sentences else None
        opening = next((t for t in m.times if first is not None and t.kind == "time"
                        and first.start <= t.tok_start < first.end and first.end - first.start <= 8), None)
        ref = reference_for(doc.published, dateline, m.times, opening)
        frames = build_frames(a, m, voices, ref)
        return to_claims(doc, frames, self.name)
