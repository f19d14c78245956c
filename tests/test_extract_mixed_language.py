"""Mixed-language input must not break either Slavic extractor: an English
article quoting the Russian MoD, a Ukrainian post quoting Russian, and
arbitrary mixtures of scripts, digits and punctuation."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ceasewatch.extract.slavic.ru import RussianExtractor
from ceasewatch.extract.slavic.uk import UkrainianExtractor
from ceasewatch.model import Document

MSK = timezone(timedelta(hours=3))

ENGLISH_WITH_RUSSIAN_QUOTE = (
    "Russia's defence ministry said on Sunday its air defences had destroyed dozens of Ukrainian drones. "
    "\"Дежурными средствами ПВО перехвачены и уничтожены 41 украинский беспилотный летательный аппарат "
    "самолётного типа над территорией Брянской области\", the ministry said on Telegram. "
    "Ukraine's air force said Russia launched 90 drones and 2 missiles overnight."
)


class NoPlaces:
    name = "test.no_places.v1"

    def lookup(self, text, **kwargs):
        return []

    def region_of_point(self, lat, lon):
        return None


@pytest.fixture(scope="module")
def extractors() -> dict[str, object]:
    return {"uk": UkrainianExtractor(geocoder=NoPlaces()), "ru": RussianExtractor(geocoder=NoPlaces())}


def _assert_offsets(claims, text: str) -> None:
    for claim in claims:
        for ev in claim.evidence:
            assert 0 <= ev.start < ev.end <= len(text), ev


def test_extract_mixed_english_article_with_russian_quote_real_geocoder() -> None:
    doc = Document.create(ENGLISH_WITH_RUSSIAN_QUOTE, publisher="Reuters",
                          published=datetime(2025, 6, 1, 10, 0, tzinfo=MSK), language="en")
    ru_claims = RussianExtractor().extract(doc)
    _assert_offsets(ru_claims, doc.text)
    # the Russian sentence is read; the English ones are left to the English extractor
    counts = [(w.category, w.intercepted) for c in ru_claims for w in c.weapons]
    assert ("drone", 41) in counts
    assert all(w.launched != 90 for c in ru_claims for w in c.weapons)
    assert "RU-BRY" in {r for c in ru_claims for r in c.regions}
    uk_claims = UkrainianExtractor().extract(doc)
    _assert_offsets(uk_claims, doc.text)


def test_extract_mixed_ukrainian_post_quoting_russian(extractors) -> None:
    text = (
        "Вночі ворог атакував Харківщину 12 ударними БпЛА. Російські канали пишуть: "
        "«сбиты 20 беспилотников ВСУ», але це не відповідає дійсності. Ukrainian Air Force: 10 shot down."
    )
    doc = Document.create(text, publisher="Харківська ОВА", published=datetime(2025, 6, 1, 9, 0, tzinfo=MSK))
    for extractor in extractors.values():
        claims = extractor.extract(doc)
        _assert_offsets(claims, text)
    uk_claims = extractors["uk"].extract(doc)
    assert any(w.launched == 12 for c in uk_claims for w in c.weapons)


_ALPHABET = st.sampled_from(
    list("абвгдежзийклмнопрстуфхцчшщьыэюяєіїґАБВГДЕЖЗІЇКЛМНОПРСТУФХЦЧШЩЮЯabcdefghijklmnopqrstuvwxyzABCXYZ")
    + list("0123456789") + list(" \n\t.,;:!?-–—«»()\"'/%+№…") + ["\u00a0", "\u200b", "😀"]
)
_WORDS = st.sampled_from(
    ["збито", "ворог", "атакував", "БпЛА", "ракет", "у ніч на", "7 листопада", "перехвачены", "беспилотников",
     "над территорией", "Белгородской области", "ВСУ", "загинули", "пострадавших нет", "з них", "–", ":", "\n",
     "1 200", "п'ятдесяти", "Два из трёх", "Третий попал", "в ответ на", "якобы", "з напрямків", "«Кинжал»"]
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(_WORDS, st.text(_ALPHABET, max_size=12)), max_size=40).map(" ".join))
def test_extract_mixed_arbitrary_text_never_breaks(extractors, text: str) -> None:
    doc = Document.create(text, publisher=None, published=datetime(2025, 1, 1, 8, 0, tzinfo=MSK))
    for extractor in extractors.values():
        claims = extractor.extract(doc)
        _assert_offsets(claims, text)
        for claim in claims:
            assert claim.doc_id == doc.id and claim.extractor == extractor.name
