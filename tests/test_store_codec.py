"""The JSON codec behind exact record round trips."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

from ceasewatch.model import Assessment, Claim, Claimant, Evidence, Incident, Place, WeaponCount
from ceasewatch.store.codec import decode_record, from_jsonable, to_jsonable


def _claim() -> Claim:
    return Claim(
        doc_id="doc_1",
        claimant=Claimant("Air Force", "UA"),
        date=date(2025, 3, 18),
        weapons=(WeaponCount("drone", "Shahed", 40, 30, None, 0),),
        places=(Place("Kharkiv", 50, 36.25, "UA-63", "settlement", 706483),),
        evidence=(Evidence("weapons.0.launched", 3, 5),),
        time=datetime(2025, 3, 18, 1, 30, tzinfo=timezone(timedelta(hours=3))),
        extractor="x.v1",
    )


def test_store_codec_round_trip_claim():
    c = _claim()
    data = to_jsonable(c)
    back = decode_record(Claim, data)
    assert back == c and back.time.utcoffset() == timedelta(hours=3)
    assert isinstance(back.places[0].lat, float)  # an int lat comes back as the declared float
    assert isinstance(back.weapons, tuple) and isinstance(back.weapons[0], WeaponCount)


def test_store_codec_leaves_out_empty_defaults():
    data = to_jsonable(_claim())
    assert "killed" not in data and "regions" not in data and "warnings" not in data
    assert data["weapons"][0]["hit"] == 0  # a zero is a value, not an empty default
    assert "lost" not in data["weapons"][0]


def test_store_codec_tolerates_schema_drift():
    data = to_jsonable(_claim()) | {"field_from_the_future": 1}
    del data["stance"]  # an older row without a field: its default applies
    back = decode_record(Claim, data)
    assert back.stance == "asserted" and back.doc_id == "doc_1"


def test_store_codec_nested_tuples():
    a = Assessment(
        "a1",
        "i1",
        "agr",
        None,
        "alleged",
        "r",
        "why",
        claimants=(Claimant("x", "RU"),),
        evidence=(("clm_1", Evidence("date", 0, 4)),),
    )
    assert decode_record(Assessment, to_jsonable(a)) == a
    i = Incident("i1", None, None, ("c1", "c2"))
    assert decode_record(Incident, to_jsonable(i)) == i
    assert from_jsonable(datetime | None, "2025-01-01T00:00:00+00:00") == datetime(2025, 1, 1, tzinfo=UTC)
    assert from_jsonable(tuple[str, ...], ["a", "b"]) == ("a", "b")


def _claims_strategy():
    from hypothesis import strategies as st

    text = st.text(max_size=20)
    count = st.none() | st.integers(min_value=0, max_value=10**6)
    coord = st.none() | st.floats(min_value=-180, max_value=180, allow_nan=False)
    weapon = st.builds(
        WeaponCount,
        st.sampled_from(["drone", "missile", "other"]),
        st.none() | text,
        count,
        count,
        count,
        count,
    )
    place = st.builds(
        Place,
        text,
        coord,
        coord,
        st.none() | text,
        st.none() | st.just("site"),
        st.none() | st.integers(0, 10**8),
    )
    evidence = st.builds(Evidence, text, st.integers(0, 10**5), st.integers(0, 10**5))
    zone = st.sampled_from(
        [None, UTC, timezone(timedelta(hours=3)), timezone(timedelta(hours=-5, minutes=-30))]
    )
    moment = st.none() | st.builds(lambda d, z: d.replace(tzinfo=z), st.datetimes(), zone)
    return st.builds(
        Claim,
        doc_id=text,
        claimant=st.builds(Claimant, text, st.sampled_from(["UA", "RU", "OTHER"])),
        stance=st.sampled_from(["asserted", "denied"]),
        attacker=st.none() | text,
        date=st.none() | st.dates(),
        weapons=st.lists(weapon, max_size=3).map(tuple),
        regions=st.lists(text, max_size=3).map(tuple),
        places=st.lists(place, max_size=2).map(tuple),
        targets=st.lists(text, max_size=2).map(tuple),
        killed=count,
        evidence=st.lists(evidence, max_size=3).map(tuple),
        warnings=st.lists(text, max_size=2).map(tuple),
        time=moment,
    )


def test_store_codec_round_trip_any_claim():
    import json

    from hypothesis import given, settings

    @settings(max_examples=60, deadline=None)
    @given(_claims_strategy())
    def check(claim: Claim) -> None:
        data = json.loads(json.dumps(to_jsonable(claim)))  # through real JSON text, as stored
        back = decode_record(Claim, data)
        assert back == claim
        assert (back.time.utcoffset() if back.time else None) == (
            claim.time.utcoffset() if claim.time else None
        )

    check()
