"""The language-neutral extraction helpers: weapon catalogue, targets,
monitoring-day resolution and the claim builder."""

from __future__ import annotations

from datetime import date, datetime

from ceasewatch.extract.common import (
    ClaimBuilder,
    DayExpr,
    find_targets,
    find_weapon_models,
    reduce_targets,
    resolve_monitoring_day,
    top_level,
    weapon_by_alias,
)


def test_catalogue_latin_and_cyrillic_aliases() -> None:
    assert weapon_by_alias("Х-101").model == "Kh-101"
    assert weapon_by_alias("kh 101").category == "cruise_missile"
    assert weapon_by_alias("Калибр").model == weapon_by_alias("Калібр").model == "Kalibr"
    assert weapon_by_alias("Искандер-М").category == "ballistic_missile"
    assert weapon_by_alias("Герань-2").category == "drone"
    assert weapon_by_alias("КАБ").category == "guided_bomb"
    assert weapon_by_alias("S-300").category == "missile"
    assert weapon_by_alias("no such weapon") is None


def test_find_weapon_models_offsets_and_case_rules() -> None:
    text = "Russia used six Iskander-Ms, 2 Kh-101 and KABs; a taxi cab waited."
    found = [(text[m.start : m.end], m.weapon.model) for m in find_weapon_models(text)]
    assert found == [("Iskander-Ms", "Iskander-M"), ("Kh-101", "Kh-101"), ("KABs", "KAB")]


def test_targets_leftmost_longest_and_top_level() -> None:
    text = "hits on gas production facilities and a residential building, damage to railway infrastructure"
    codes = [(text[t.start : t.end], t.code) for t in find_targets(text)]
    assert codes[0] == ("gas production", "energy.oil_gas")  # not "production facilities" (industry)
    assert ("residential building", "civilian.residential") in codes
    assert ("railway infrastructure", "transport.rail") in codes
    assert top_level("energy.power") == "energy"
    assert reduce_targets(["energy", "energy.power", "civilian"]) == ["energy.power", "civilian"]


def test_targets_cyrillic_stems() -> None:
    text = "пошкоджено підстанцію та житловий будинок"
    assert {t.code for t in find_targets(text, lang="uk")} >= {"energy.power", "civilian.residential"}


PUB = datetime.fromisoformat("2025-03-14T00:30:00+00:00")  # 02:30 in Kyiv, 03:30 in Moscow


def test_monitoring_day_rules() -> None:
    assert resolve_monitoring_day(DayExpr("night", day=13, end_day=14, month=3), PUB, "UA") == date(2025, 3, 14)
    assert resolve_monitoring_day(DayExpr("overnight"), PUB, "UA") == date(2025, 3, 14)
    assert resolve_monitoring_day(DayExpr("yesterday"), PUB, "RU") == date(2025, 3, 13)
    assert resolve_monitoring_day(DayExpr("weekday", weekday=1), PUB, "UA") == date(2025, 3, 11)  # Tuesday
    assert resolve_monitoring_day(DayExpr("weekday", weekday=4), PUB, "UA") == date(2025, 3, 14)  # same day
    # A year-less date far after publication belongs to the previous year.
    assert resolve_monitoring_day(DayExpr("date", day=30, month=12), PUB, "UA") == date(2024, 12, 30)
    assert resolve_monitoring_day(DayExpr("date", day=31, month=2), PUB, "UA") is None
    assert resolve_monitoring_day(DayExpr("overnight"), None, "UA") is None


def test_monitoring_day_uses_target_time_zone() -> None:
    late = datetime.fromisoformat("2025-03-13T21:30:00+00:00")  # 23:30 Kyiv, 00:30 Moscow next day
    assert resolve_monitoring_day(DayExpr("today"), late, "UA") == date(2025, 3, 13)
    assert resolve_monitoring_day(DayExpr("today"), late, "RU") == date(2025, 3, 14)


def test_builder_merges_per_key_and_sums_breakdowns() -> None:
    b = ClaimBuilder("doc_x", "test.v1")
    d = b.draft("RU", "asserted", "UA", "RU", date(2025, 8, 24), "Russian Ministry of Defence", (0, 4))
    d.add_count("drone", "intercepted", 21, (10, 12), part="RU-BRY")
    d.add_count("drone", "intercepted", 14, (20, 22), part="RU-KRS")
    d.add_region("RU-BRY", (13, 20))
    same = b.draft("RU", "asserted", "UA", "RU", date(2025, 8, 24), "ministry")
    assert same is d
    other = b.draft("UA", "asserted", "RU", "UA", date(2025, 8, 24), "Air Force")
    other.set_casualty("injured", 3, (30, 31))
    claims = b.build()
    assert len(claims) == 2
    ru = claims[0]
    assert ru.weapons[0].intercepted == 35 and ru.warnings == ()
    assert {(e.field, e.start) for e in ru.evidence} >= {("weapons.0.intercepted", 10), ("weapons.0.intercepted", 20)}
    assert claims[1].injured == 3 and claims[1].evidence_for("injured")[0].start == 30


def test_builder_warns_when_breakdown_disagrees() -> None:
    b = ClaimBuilder("doc_x", "test.v1")
    d = b.draft("RU", "asserted", "UA", "RU", None, "MoD")
    d.add_count("drone", "intercepted", 40, (0, 2))
    d.add_count("drone", "intercepted", 21, (5, 7), part="RU-BRY")
    d.add_count("drone", "intercepted", 14, (9, 11), part="RU-KRS")
    claim = b.build()[0]
    assert claim.weapons[0].intercepted == 40
    assert claim.warnings and "35" in claim.warnings[0]


def test_builder_adds_more_to_a_total_but_not_to_its_breakdown() -> None:
    b = ClaimBuilder("doc_x", "test.v1")
    d = b.draft("RU", "asserted", "UA", "RU", None, "MoD")
    d.add_count("drone", "intercepted", 59, (0, 2))  # the day's total
    d.add_count("drone", "intercepted", 47, (5, 7))  # overnight ...
    d.add_count("drone", "intercepted", 18, (9, 11), part="RU-BEL")  # ... by region
    d.add_count("drone", "intercepted", 29, (13, 15), part="RU-KRS")
    d.add_count("drone", "intercepted", 12, (20, 22), additive=True)  # "another 12": 47 + 12 is the 59 above
    d.add_count("drone", "intercepted", 7, (25, 26))  # "seven of them over Belgorod"
    d.add_count("guided_bomb", "launched", 4, (30, 31))
    d.add_count("guided_bomb", "launched", 7, (35, 36), additive=True)  # "seven more"
    weapons = {w.category: w for w in b.build()[0].weapons}
    assert weapons["drone"].intercepted == 59 and weapons["guided_bomb"].launched == 11


def test_builder_rejects_impossible_counts() -> None:
    b = ClaimBuilder("doc_x", "test.v1")
    d = b.draft("UA", "asserted", "RU", "UA", None, "x")
    assert not d.add_count("drone", "launched", -5, (0, 2))
    assert not d.add_count("drone", "launched", 10**12, (0, 2))
    assert not d.add_count("drone", "bogus", 5, (0, 2))
    assert b.build()[0].weapons == ()


def test_generic_total_and_neutralised_split() -> None:
    b = ClaimBuilder("doc_x", "test.v1")
    d = b.draft("UA", "asserted", "RU", "UA", None, "Air Force")
    d.add_count("missile", "launched", 11, (0, 2))
    d.add_count("ballistic_missile", "launched", 7, (3, 4))
    d.add_count("cruise_missile", "launched", 4, (5, 6))
    d.add_count("drone", "intercepted", 368, (7, 10))
    d.add_count("drone", "intercepted", 199, (11, 14))
    d.add_count("drone", "lost", 169, (15, 18))
    d.drop_generic_total("missile", ("cruise_missile", "ballistic_missile"))
    d.split_neutralised()
    weapons = {w.category: w for w in b.build()[0].weapons}
    assert "missile" not in weapons
    assert weapons["drone"].intercepted == 199 and weapons["drone"].lost == 169


def test_boiler_houses_are_energy_targets() -> None:
    text = "A drone hit a boiler house and a gas distribution station."
    assert [m.code for m in find_targets(text)] == ["energy", "energy.oil_gas"]
