"""Extraction never raises on text: hypothesis mutates real English,
Ukrainian and Russian reports and every one goes through the public
`ceasewatch.extract.extract_document`, whatever engine is registered.

The mutations are the ones that crashed extraction before: digits of other
scripts (`❺`, `²`, `٣`, `３`), letters without a Unicode name inside
Cyrillic words (Tangut), dates, times and years next to counts, huge
numbers, cut and repeated spans, case changes, control and invisible
characters, and arbitrary Unicode. The text is normalised as ingest does
(`normalize_text`), since that is the only text a stored document can hold.

`make test` runs a few hundred cases, the same ones every time
(derandomised). The long run, at least 10,000 documents with fresh random
seeds, is

    CEASEWATCH_FUZZ_EXAMPLES=3400 .venv/bin/python -m pytest tests/extract/test_fuzz.py --slow -k long -s

(3,400 per language; results in docs/benchmarks.md, "extract-fuzz").
"""

from __future__ import annotations

import json
import os
import re
import time
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ceasewatch.extract import extract_document
from ceasewatch.ingest import normalize_text
from ceasewatch.model import MEASURES, Document

ROOT = Path(__file__).resolve().parents[2]
# Reports in the repository (the demo and the evaluation sets that tuned the
# rules; never the sealed sets).
SEED_DIRS = ("demo", "eval/blind", "eval/probe-slavic", "eval/probe-slavic2", "eval/probe-ru2", "eval/probe")
LANGUAGES = ("en", "uk", "ru")
FAST_EXAMPLES = 100  # per language, in `make test`

# Digit families that str.isdigit() accepts but int() may not, or reads as
# other numbers: superscripts, circled and dingbat digits, fullwidth,
# Arabic-Indic, Devanagari, mathematical bold.
_DIGIT_FAMILIES = (
    "⁰¹²³⁴⁵⁶⁷⁸⁹",
    "₀₁₂₃₄₅₆₇₈₉",
    "⓪①②③④⑤⑥⑦⑧⑨",
    "🄀➊➋➌➍➎➏➐➑➒",
    "０１２３４５６７８９",
    "٠١٢٣٤٥٦٧٨٩",
    "०१२३४५६७८९",
    "𝟎𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖𝟗",
    "⓿❶❷❸❹❺❻❼❽❾",
)
_TOKENS = (
    "2044", "2025", "1941", "12.03.2025", "19.03", "23:59", "03:00", "0:00", "30/03", "10-15", "1.5",
    "99999999999999999999", "-5", "0", "00", "1,000,000", "№5", "5%", "5-й", "24/7", "7 ", "❺", "²", "٣",
    "drones", "missiles", "shot down", "intercepted", "Shahed", "launched", "overnight", "Sumy", "March",
    "дронів", "БпЛА", "збито", "ракет", "вночі", "березня", "обл.", "Сумщина",
    "беспилотников", "перехвачены", "ракет", "ночью", "марта", "Курской", "уничтожены",
    "«", "»", "—", "…", "\u200b", "\u200e", "\u202e", "\u00ad", "\ufeff", "\t", "\n\n", "\x0b", "\x1f",
    "\u0301", "̈", "ё", "Ё", "ß", "İ", "ﬁ", "😀", "🇺🇦", "\U0010ffff",
    "\U00017000", "\U00017000дронів", "ракет\U00018b00",  # letters unicodedata has no name for (Tangut)
)


@lru_cache(maxsize=1)
def seeds() -> dict[str, list[str]]:
    """Texts of the repository's reports by language."""
    found: dict[str, list[str]] = {lang: [] for lang in LANGUAGES}
    for folder in SEED_DIRS:
        for side in sorted((ROOT / folder).glob("*.json")):
            txt = side.with_suffix(".txt")
            if not txt.is_file():
                continue
            lang = json.loads(side.read_text(encoding="utf-8")).get("language")
            if lang in found:
                found[lang].append(txt.read_text(encoding="utf-8"))
    return found


def _unicode_digits(text: str, family: str) -> str:
    return re.sub(r"[0-9]", lambda m: family[int(m.group())], text)


@st.composite
def mutated(draw: st.DrawFn, lang: str) -> str:
    text = draw(st.sampled_from(seeds()[lang]))
    for _ in range(draw(st.integers(1, 6))):
        op = draw(st.integers(0, 9))
        at = draw(st.integers(0, len(text)))
        if op == 0:  # a token that looks like a count, date, time or a domain word
            token = draw(st.sampled_from(_TOKENS))
            text = text[:at] + draw(st.sampled_from(("", " "))) + token + draw(st.sampled_from(("", " "))) + text[at:]
        elif op == 1:  # every ASCII digit in another script
            text = _unicode_digits(text, draw(st.sampled_from(_DIGIT_FAMILIES)))
        elif op == 2:  # one digit in another script
            digits = [m.start() for m in re.finditer(r"[0-9]", text)]
            if digits:
                i = draw(st.sampled_from(digits))
                text = text[:i] + draw(st.sampled_from(_DIGIT_FAMILIES))[int(text[i])] + text[i + 1:]
        elif op == 3:  # cut a span
            end = draw(st.integers(at, min(len(text), at + 200)))
            text = text[:at] + text[end:]
        elif op == 4:  # repeat a span
            end = draw(st.integers(at, min(len(text), at + 200)))
            text = text[:end] + text[at:end] + text[end:]
        elif op == 5:  # arbitrary Unicode
            text = text[:at] + draw(st.text(max_size=20)) + text[at:]
        elif op == 6:
            text = draw(st.sampled_from((str.upper, str.lower, str.swapcase, str.title)))(text)
        elif op == 7:  # truncate
            text = text[:at]
        elif op == 8:  # a number next to a count word
            number = draw(st.one_of(st.integers(-10, 10**25).map(str), st.floats(allow_nan=True).map(str)))
            text = text[:at] + f" {number} " + text[at:]
        else:  # splice another report of the same language in
            other = draw(st.sampled_from(seeds()[lang]))
            text = text[:at] + other[: draw(st.integers(0, len(other)))]
    return normalize_text(text)


# the language defaults and the layered engine beside them
ENGINES = (None, "ceasewatch.extract.engine.v2")


def check_extraction(text: str, lang: str, engine: str | None = None) -> None:
    """The document extracts without an exception, and what comes back
    keeps the contract: evidence offsets inside the text, counts whole and
    not negative."""
    doc = Document.create(text, publisher="fuzz", language=lang)
    claims = extract_document(doc, extractor=engine)
    assert isinstance(claims, list)
    for claim in claims:
        for ev in claim.evidence:
            assert 0 <= ev.start <= ev.end <= len(text), (ev, len(text))
        for weapon in claim.weapons:
            for measure in MEASURES:
                n = weapon.count(measure)
                assert n is None or (isinstance(n, int) and n >= 0), (measure, n)
        for n in (claim.killed, claim.injured):
            assert n is None or (isinstance(n, int) and n >= 0)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("У ніч на ²⁰ березня ворог атакував ❺ ударними БпЛА, збито ³ над Сумами.", "uk"),
        ("В ночь на ２０ марта над Курской областью уничтожены ٣ беспилотника.", "ru"),
        ("Ворог запустив 20 \U00017000дронів, збито 12.", "uk"),
        ("Overnight on ²⁰ March Russia launched ❺ drones; ³ were shot down.", "en"),
    ],
)
@pytest.mark.parametrize("engine", ENGINES)
def test_fuzz_cases_that_crashed_before(text, lang, engine):
    check_extraction(normalize_text(text), lang, engine)


def test_fuzz_seeds_cover_every_language():
    assert all(len(seeds()[lang]) >= 5 for lang in LANGUAGES)


_FAST = settings(max_examples=FAST_EXAMPLES, deadline=None, derandomize=True, database=None,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_fuzz_extraction_never_raises(lang, engine):
    @_FAST
    @given(mutated(lang))
    def run(text: str) -> None:
        check_extraction(text, lang, engine)

    run()


@pytest.mark.slow
@pytest.mark.timeout(3600)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_fuzz_extraction_never_raises_long(lang):
    examples = int(os.environ.get("CEASEWATCH_FUZZ_EXAMPLES", "3400"))
    seen: list[int] = []

    @settings(max_examples=examples, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(mutated(lang))
    def run(text: str) -> None:
        seen.append(len(text))
        for engine in ENGINES:
            check_extraction(text, lang, engine)

    started = time.perf_counter()
    run()
    took = time.perf_counter() - started
    print(f"\nfuzz {lang}: {len(seen)} documents, {sum(seen) / len(seen):.0f} characters on average, "
          f"0 crashes, {took:.0f} s")
    assert len(seen) >= examples
