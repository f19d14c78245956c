"""Bad input never crashes English extraction or yields negative or absurd counts."""

from __future__ import annotations

from datetime import datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ceasewatch.extract import get_extractor
from ceasewatch.extract.common.builder import MAX_COUNT
from ceasewatch.model import Claim, Document

PUB = datetime.fromisoformat("2025-03-14T09:00:00+02:00")


def _run(text: str) -> list[Claim]:
    doc = Document.create(text, publisher="Ukrainian Air Force", published=PUB, language="en")
    claims = get_extractor("ceasewatch.extract.en_rules.v1").extract(doc)
    for claim in claims:
        for w in claim.weapons:
            for m in ("launched", "intercepted", "lost", "hit"):
                n = w.count(m)
                assert n is None or 0 <= n <= MAX_COUNT
        for n in (claim.killed, claim.injured):
            assert n is None or 0 <= n <= MAX_COUNT
        for ev in claim.evidence:
            assert 0 <= ev.start < ev.end <= len(text)
    return claims


def test_fixed_bad_inputs() -> None:
    assert _run("") == []
    assert _run("   \n\n  ") == []
    _run("drone " * 200_000)  # ~1 MB of one word
    _run("<html><body><p>Russia launched <b>50</b> drones</p><script>x()</script></body></html>")
    claims = _run("Overnight the enemy launched 1,000,000,000,000 drones and -5 missiles; -3 were shot down.")
    for claim in claims:
        assert all(w.launched in (None,) for w in claim.weapons if w.category == "missile")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_random_unicode(text: str) -> None:
    _run(text)


_WORDS = st.sampled_from(
    ["Russia", "launched", "drones", "missiles", "shot", "down", "over", "Kharkiv", "region", "-5", "0",
     "1,000,000", "none", "of", "them", "overnight", "killed", "injured", "Kh-101", "Shahed", ":", ",", ".",
     "\n", "were", "lost", "locationally", "the", "enemy", "42", "seven", "hundred", "night", "of", "13", "to",
     "14", "March", "denied", "Ukrainian", "UAVs", "all"]
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_WORDS, max_size=60))
def test_random_report_like_text(words: list[str]) -> None:
    _run(" ".join(words))
