"""The acceptance table: >= 150 real spellings (EN/UK/RU, inflected forms,
regions, seas, sites, settlements) must resolve with >= 97 % correct region
codes and >= 95 % of settlements and sites within 10 km."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from ceasewatch.geocode import default_geocoder
from ceasewatch.geocode.evaluate import haversine_km, read_spellings, score_table

TABLE = Path(__file__).parent / "fixtures" / "geocode" / "spellings.csv"


@pytest.fixture(scope="module")
def cases():
    return read_spellings(TABLE)


def test_geocode_table_is_big_and_mixed(cases) -> None:
    assert len(cases) >= 150
    langs = Counter(c.lang for c in cases)
    kinds = Counter(c.kind for c in cases)
    assert langs["uk"] >= 30 and langs["ru"] >= 30 and langs["en"] >= 100
    assert {"region", "settlement", "sea", "site", "country"} <= set(kinds)
    assert all(c.lat is not None for c in cases if c.kind in ("settlement", "site"))


def test_geocode_table_meets_the_bar(cases) -> None:
    score = score_table(default_geocoder(), cases)
    assert score.region_accuracy >= 0.97, "\n".join(score.failures)
    assert score.coord_accuracy >= 0.95, "\n".join(score.failures)
    assert score.kind_accuracy >= 0.95, "\n".join(score.failures)


def test_geocode_haversine_known_distance() -> None:
    # Kyiv to Kharkiv is about 410 km along the great circle.
    assert 405 < haversine_km(50.45, 30.52, 49.99, 36.23) < 415
    assert haversine_km(10.0, 20.0, 10.0, 20.0) == 0.0
