"""Each language's corpus of examples, run as tests (as duckling does): every
lexicon entry's `examples` must be read by that entry. Adding a wording to a
data file means adding an example that proves it."""

from __future__ import annotations

import re

import pytest

from ceasewatch.extract.analysis.document import analyze
from ceasewatch.extract.lexicon import LANGUAGES, table
from ceasewatch.extract.mentions.lexical import phrase_hits
from ceasewatch.extract.mentions.times import find_times
from ceasewatch.model import Document

PHRASE_TABLES = ("actors", "cues", "targets", "weapons", "numbers")


def _cases(name: str) -> list[tuple[str, str, str]]:
    return [(lang, entry.key, example) for lang in LANGUAGES for entry in table(lang, name)
            for example in entry.examples if entry.phrases]


@pytest.mark.parametrize("table_name", PHRASE_TABLES)
def test_lexicon_phrase_examples_are_read_by_their_entry(table_name: str) -> None:
    missed = []
    for lang, key, example in _cases(table_name):
        a = analyze(Document(id="example", text=example, language=lang))
        if not any(h.key == key for h in phrase_hits(a, table_name)):
            missed.append(f"{lang}/{table_name}.yaml:{key}: {example!r}")
    assert not missed, "examples not read by their entry:\n" + "\n".join(missed)


def test_lexicon_time_examples_are_read_by_their_rule() -> None:
    missed = []
    for lang in LANGUAGES:
        for entry in table(lang, "times"):
            if not entry.patterns:
                continue
            for example in entry.examples:
                a = analyze(Document(id="example", text=example, language=lang))
                if not any(t.rule == entry.key for t in find_times(a)):
                    missed.append(f"{lang}/times.yaml:{entry.key}: {example!r}")
    assert not missed, "examples not read by their rule:\n" + "\n".join(missed)


def test_lexicon_structure_examples_match_their_patterns() -> None:
    missed = []
    for lang in (*LANGUAGES, "common"):
        for entry in table(lang, "structure"):
            if not entry.patterns:
                continue
            pattern = re.compile("|".join(f"(?:{p})" for p in entry.patterns), re.MULTILINE)
            missed += [f"{lang}/structure.yaml:{entry.key}: {ex!r}" for ex in entry.examples if not pattern.search(ex)]
    assert not missed, "examples their patterns do not match:\n" + "\n".join(missed)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_lexicon_every_entry_has_a_purpose_and_an_example(lang: str) -> None:
    lacking = [f"{name}:{e.key}" for name in (*PHRASE_TABLES, "times", "places", "structure", "casualties")
               for e in table(lang, name) if not e.purpose or not e.examples]
    assert not lacking, f"{lang}: entries without purpose or example: {lacking}"
