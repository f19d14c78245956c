"""The compiled index: cached by version and fingerprint, rebuilt when the
fingerprint changes or the file is damaged; the name tables are consistent."""

from __future__ import annotations

import pickle

import pycountry
import pytest

from ceasewatch.errors import GeocodeError
from ceasewatch.geocode import build, names
from ceasewatch.geocode.build import GAZETTEER_NAME, IndexData, index_path, load_or_build
from ceasewatch.geocode.gazetteer import Gazetteer


def _tiny_index(fp: str = "fp") -> IndexData:
    entries = [
        ("Sumy Oblast", "region", "UA-59", "UA", 51.24, 33.64, None, 0, "region"),
        ("Sumy", "settlement", "UA-59", "UA", 50.91741, 34.79906, 692194, 256474, "settlement"),
    ]
    return IndexData(GAZETTEER_NAME, fp, entries, {"sumy": (1, 4), "sumy region": (0,)}, {}, {"sumi": (4,)})


@pytest.fixture()
def counting_build(monkeypatch):
    calls = []

    def fake_build() -> IndexData:
        calls.append(1)
        return _tiny_index()

    monkeypatch.setattr(build, "build_index", fake_build)
    return calls


def test_geocode_index_is_built_once_then_read_from_cache(tmp_path, counting_build) -> None:
    first = load_or_build(tmp_path)
    assert counting_build == [1]
    path = index_path(tmp_path)
    assert path.exists() and path.name.startswith(GAZETTEER_NAME + "-")
    second = load_or_build(tmp_path)
    assert counting_build == [1]
    assert second.entries == first.entries


def test_geocode_damaged_cache_is_rebuilt(tmp_path, counting_build) -> None:
    index_path(tmp_path).write_bytes(b"not a pickle")
    load_or_build(tmp_path)
    assert counting_build == [1]
    assert isinstance(pickle.loads(index_path(tmp_path).read_bytes()), IndexData)


def test_geocode_new_fingerprint_rebuilds_and_drops_old_file(tmp_path, counting_build, monkeypatch) -> None:
    load_or_build(tmp_path)
    old = index_path(tmp_path)
    monkeypatch.setattr(build, "fingerprint", lambda: "changed00000")
    load_or_build(tmp_path)
    assert counting_build == [1, 1]
    assert not old.exists() and index_path(tmp_path).exists()


def test_geocode_fingerprint_is_stable() -> None:
    assert build.fingerprint() == build.fingerprint()
    assert len(build.fingerprint()) == 12


def test_geocode_gazetteer_over_a_hand_made_index() -> None:
    geo = Gazetteer(_tiny_index())
    found = geo.lookup("Sumy")
    assert [(c.kind, c.score) for c in found] == [("settlement", 1.0), ("region", 0.5)]
    assert geo.lookup("Sumy region")[0].kind == "region"
    assert geo.lookup("Sumi")[0].score == 0.7  # skeleton match: fuzzy, never above 0.7
    assert geo.lookup("Poltava") == []


def test_geocode_region_table_matches_iso_3166_2() -> None:
    records = names.region_records()
    codes = [r.key for r in records]
    assert len(codes) == len(set(codes)) == 110
    iso = {s.code for s in pycountry.subdivisions if s.country_code in ("UA", "RU")}
    assert set(codes) == iso
    for r in records:
        assert r.names["uk"] and r.names["ru"], r.key
    sumy = next(r for r in records if r.key == "UA-59")
    texts = {a.text for a in sumy.aliases}
    assert {"Sumy region", "Sumy Oblast", "Сумська область", "Сумська обл", "Сумщина", "Сумская"} <= texts
    assert any(a.text == "Sumy" and not a.strong for a in sumy.aliases)


def test_geocode_bad_table_row_is_reported(monkeypatch) -> None:
    class FakeFile:
        def joinpath(self, *parts):
            return self

        def read_text(self, encoding="utf-8"):
            return "# comment\nUA-59|oblast|Sumy Oblast\n"

    monkeypatch.setattr(names.resources, "files", lambda package: FakeFile())
    with pytest.raises(GeocodeError, match="expected 7 columns") as info:
        names._rows("regions.tsv", 7)
    assert info.value.location == "line 2" and info.value.hint


def test_geocode_site_aliases_cover_three_languages() -> None:
    znpp = next(r for r in names.site_records() if r.key == "znpp")
    texts = {a.text for a in znpp.aliases}
    assert {"Zaporizhzhia nuclear power plant", "Запорізька аес", "Запорожская аэс", "ZNPP"} <= texts


def test_geocode_package_and_builder_agree_on_the_name() -> None:
    import ceasewatch.geocode as geocode
    from ceasewatch.registry import geocoders

    assert geocode.GAZETTEER_NAME == GAZETTEER_NAME
    assert GAZETTEER_NAME in geocoders.names()
