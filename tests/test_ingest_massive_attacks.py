"""The Massive Missile Attacks CSV importer: documents are the CSV lines of a
day and post, claims point at their cells."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

import ceasewatch.geocode as geocode_pkg
from ceasewatch.geocode.base import Candidate
from ceasewatch.ingest import load_documents
from ceasewatch.ingest.common import ReadOptions
from ceasewatch.ingest.massive_attacks import EXTRACTOR_NAME, read_massive_attacks_csv, weapon_category

FIXTURE = Path(__file__).parent / "fixtures" / "ingest" / "massive" / "missile_attacks_daily.csv"
REAL = Path(
    "/work/shared/eval/repos/DTL-DA__Massive-Missile-Attacks-on-Ukraine-EndtoEnd/missile_attacks_daily.csv"
)
KYIV = ZoneInfo("Europe/Kyiv")


class FakeGeocoder:
    """Knows four oblasts by their English names."""

    name = "test.fake_geocoder.v1"
    codes = {
        "Kharkiv oblast": "UA-63",
        "Sumy oblast": "UA-59",
        "Odesa oblast": "UA-51",
        "Mykolaiv oblast": "UA-48",
    }

    def lookup(self, text, *, lang=None, region_hint=None, country_hint=None, kinds=None, limit=5):
        code = self.codes.get(text)
        return [Candidate(name=text, kind="region", region=code, country="UA")] if code else []

    def region_of_point(self, lat, lon):
        return None


@pytest.fixture
def with_fake_geocoder(monkeypatch):
    monkeypatch.setattr(geocode_pkg, "default_geocoder", FakeGeocoder, raising=False)


@pytest.fixture
def without_geocoder(monkeypatch):
    monkeypatch.delattr(geocode_pkg, "default_geocoder", raising=False)


def _claims_by_ref(result):
    return {doc.ref: (doc, result.claims[doc.id][1][0]) for doc in result.documents}


def test_ingest_massive_attacks_groups_days_and_posts(with_fake_geocoder):
    result = read_massive_attacks_csv(FIXTURE, ReadOptions())
    assert len(result.documents) == 3
    assert [e.location for e in result.errors] == ["line 9", "line 10"]
    by_day = {(c.date, c.claimant.name): (d, c) for d, c in _claims_by_ref(result).values()}
    doc, claim = by_day[(date(2025, 3, 22), "Ukrainian Air Force")]
    assert doc.source_kind == "dataset"
    assert doc.published == datetime(2025, 3, 22, 8, 0, tzinfo=KYIV)
    assert doc.text.startswith("time_start,time_end,model,")
    assert doc.text.count("\n") == 5  # header and four rows
    assert (claim.attacker, claim.target_country, claim.stance, claim.claimant.party) == (
        "RU",
        "UA",
        "asserted",
        "UA",
    )
    assert claim.extractor == EXTRACTOR_NAME
    weapons = {w.category: w for w in claim.weapons}
    assert (weapons["drone"].launched, weapons["drone"].intercepted, weapons["drone"].lost) == (61, 45, 12)
    assert (weapons["cruise_missile"].launched, weapons["cruise_missile"].intercepted) == (8, 7)
    assert weapons["cruise_missile"].model == "X-101/X-555/Kalibr"
    assert (weapons["missile"].launched, weapons["missile"].intercepted) == (3, 0)
    assert claim.regions == ("UA-63", "UA-59")
    assert claim.warnings == ()
    # every evidence span is the cell it came from
    quotes = {(e.field, doc.text[e.start : e.end]) for e in claim.evidence}
    assert ("weapons.0.launched", "61.0") in quotes
    assert ("weapons.0.lost", "12.0") in quotes
    assert ("weapons.1.launched", "6.0") in quotes and ("weapons.1.launched", "2.0") in quotes
    assert ("regions.1", "Sumy oblast") in quotes
    assert ("date", "2025-03-22 08:00") in quotes


def test_ingest_massive_attacks_target_column_regions_and_general_staff(with_fake_geocoder):
    result = read_massive_attacks_csv(FIXTURE, ReadOptions())
    claims = [c for _d, c in _claims_by_ref(result).values()]
    south = [c for c in claims if c.regions and c.regions[0] == "UA-51"][0]
    assert south.regions == ("UA-51", "UA-48")
    assert south.date == date(2025, 3, 22) and south.claimant.name == "Ukrainian Air Force"
    (staff,) = [c for c in claims if c.claimant.name == "General Staff of the Armed Forces of Ukraine"]
    assert staff.date == date(2025, 3, 23)
    weapons = {w.category: w for w in staff.weapons}
    assert weapons["ballistic_missile"].launched == 2 and weapons["ballistic_missile"].intercepted is None
    assert weapons["drone"].lost == 0
    doc = [d for d in result.documents if d.id == staff.doc_id][0]
    model_span = [e for e in staff.evidence if e.field == "weapons.0.model"][0]
    assert doc.text[model_span.start : model_span.end] == 'Iskander-M, ""modernised""'


def test_ingest_massive_attacks_without_geocoder_leaves_regions_empty(without_geocoder):
    result = read_massive_attacks_csv(FIXTURE, ReadOptions())
    for _doc, claim in _claims_by_ref(result).values():
        assert claim.regions == ()
        assert claim.warnings == ("regions not resolved: no geocoder available",)


def test_ingest_massive_attacks_detected_in_a_batch(without_geocoder):
    docs, errors = load_documents(FIXTURE.parent)  # the weapon table is not a document
    assert len(docs) == 3 and len(errors) == 2
    assert all(d.source_kind == "dataset" for d in docs)


def test_ingest_other_csv_layout_is_refused(tmp_path):
    path = tmp_path / "other.csv"
    path.write_text("a,b\n1,2\n")
    _docs, (error,) = load_documents(path)
    assert "CSV layout not recognised" in error.message and error.hint


@pytest.mark.parametrize(
    ("model", "category"),
    [
        ("Shahed-136/131", "drone"),
        ("X-22", "missile"),
        ("P-800 Oniks", "missile"),
        ("C-400 and Iskander-M", "ballistic_missile"),
        ("Aerial Bomb", "guided_bomb"),
        ("Iskander-M/KN-23 and Iskander-K and Kalibr", "ballistic_missile"),
        ("X-101/X-555 and Kalibr", "cruise_missile"),
        ("Картограф", "other"),
    ],
)
def test_ingest_weapon_category_without_table(model, category):
    assert weapon_category(model, {}) == category


@pytest.mark.skipif(not REAL.is_file(), reason="shared dataset copy not present")
def test_ingest_massive_attacks_real_file(without_geocoder):
    result = read_massive_attacks_csv(REAL, ReadOptions())
    assert result.errors == []
    assert len(result.documents) > 1500
    night = [
        c
        for d, c in _claims_by_ref(result).values()
        if c.date == date(2026, 2, 26) and "pfbid02MZ6XcR" in (d.meta.get("post") or "")
    ][0]
    weapons = {w.category: w for w in night.weapons}
    assert weapons["drone"].launched == 420 and weapons["drone"].intercepted == 374
    assert weapons["cruise_missile"].launched == 28  # X-101 24 + X-69 2 + Zircon 2
    assert weapons["ballistic_missile"].launched == 11
    for doc in result.documents:
        for claim in result.claims[doc.id][1]:
            for ev in claim.evidence:
                assert 0 <= ev.start < ev.end <= len(doc.text)


DETAILS = Path(__file__).parent / "fixtures" / "ingest" / "massive_details" / "missile_attacks_daily.csv"


def test_ingest_massive_attacks_splits_rows_by_launched_details(with_fake_geocoder):
    """A row of several models with per-model counts in launched_details is
    split by model, each count citing its place in that cell; counts that
    do not add up leave the row as its model column says, with a warning."""
    result = read_massive_attacks_csv(DETAILS, ReadOptions())
    by_day = {doc.published.date(): (doc, result.claims[doc.id][1][0]) for doc in result.documents}
    doc, claim = by_day[date(2025, 3, 27)]
    weapons = {w.category: w for w in claim.weapons}
    assert (weapons["ballistic_missile"].model, weapons["ballistic_missile"].launched) == ("Iskander-M/KN-23", 12)
    assert (weapons["cruise_missile"].model, weapons["cruise_missile"].launched) == ("Iskander-K/Kalibr", 18)
    assert weapons["ballistic_missile"].intercepted is None  # 8 destroyed of two kinds: not split
    assert (weapons["drone"].launched, weapons["drone"].intercepted, weapons["drone"].lost) == (90, 70, 15)
    assert any("not split by kind" in w for w in claim.warnings)
    cruise = [w.category for w in claim.weapons].index("cruise_missile")
    quoted = [doc.text[e.start : e.end] for e in claim.evidence if e.field == f"weapons.{cruise}.launched"]
    assert quoted == ["10", "8"]
    for e in claim.evidence:
        assert doc.text[e.start : e.end].strip() == doc.text[e.start : e.end] != ""
    # One kind only: the destroyed count goes with it.
    doc, claim = by_day[date(2025, 3, 29)]
    (w,) = claim.weapons
    assert (w.category, w.model, w.launched, w.intercepted) == ("cruise_missile", "X-101/X-555/Kalibr", 20, 18)
    # Details that do not add up: the row as it stands, and a warning.
    doc, claim = by_day[date(2025, 3, 28)]
    assert [w.launched for w in claim.weapons] == [20] and "does not add up" in claim.warnings[0]
    (error,) = result.errors
    assert error.location == "line 6, field destroyed"
