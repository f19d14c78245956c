"""Behaviour of `default_geocoder().lookup` that the extractors rely on."""

from __future__ import annotations

import pytest

from ceasewatch.geocode import Geocoder, default_geocoder, region_codes, region_name, regions_geojson


@pytest.fixture(scope="module")
def geo() -> Geocoder:
    return default_geocoder()


def best(geo: Geocoder, text: str, **kw):
    found = geo.lookup(text, **kw)
    assert found, f"nothing for {text!r}"
    return found[0]


def test_geocode_default_is_one_instance_and_a_geocoder(geo) -> None:
    assert default_geocoder() is geo
    assert isinstance(geo, Geocoder)
    assert geo.name == "ceasewatch.gazetteer.v2"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Запорожская область", "UA-23"),
        ("Республика Крым", "UA-43"),
        ("ДНР", "UA-14"),
        ("ЛНР", "UA-09"),
        ("Херсонская область", "UA-65"),
        ("Crimea", "UA-43"),
    ],
)
def test_geocode_occupied_territory_keeps_ukrainian_code(geo, text, code) -> None:
    c = best(geo, text)
    assert (c.kind, c.region, c.country) == ("region", code, "UA")


def test_geocode_country_name_is_not_a_settlement(geo) -> None:
    for text in ("Ukraine", "Україна", "Russia", "России"):
        found = geo.lookup(text)
        assert found[0].kind == "country"
        assert all(c.score < 0.5 for c in found if c.kind == "settlement"), found


def test_geocode_common_words_are_never_confident_settlements(geo) -> None:
    for text in ("Победа", "Mir", "Peace", "Energy", "North"):
        assert all(c.score < 0.5 for c in geo.lookup(text)), text


def test_geocode_unknown_names_return_nothing(geo) -> None:
    assert geo.lookup("Xyzzyvillesk") == []
    assert geo.lookup("") == []
    assert geo.lookup("   ") == []


def test_geocode_city_and_region_told_apart_by_the_generic_word(geo) -> None:
    city = best(geo, "Bryansk")
    assert city.kind == "settlement" and city.region == "RU-BRY" and city.score >= 0.9
    assert any(c.kind == "region" and c.score < 0.9 for c in geo.lookup("Bryansk"))
    region = best(geo, "Bryansk Oblast")
    assert region.kind == "region" and region.region == "RU-BRY"
    assert [c.kind for c in geo.lookup("над Брянской областью")] == ["region"]
    assert best(geo, "над Брянском").kind == "settlement"


def test_geocode_region_hint_picks_among_same_named_places(geo) -> None:
    plain = geo.lookup("Zolochiv")
    assert {c.region for c in plain[:2]} == {"UA-46", "UA-63"}
    hinted = best(geo, "Zolochiv", region_hint="UA-63")
    assert hinted.region == "UA-63" and abs(hinted.lat - 50.28) < 0.1
    assert hinted.score > plain[0].score or plain[0].region == "UA-63"
    # The region written in the span acts as the hint.
    for text in (
        "Краснопілля, Сумська область",
        "с. Краснопілля Сумської області",
        "Krasnopillia (Sumy region)",
    ):
        c = best(geo, text)
        assert c.region == "UA-59" and c.score >= 0.9, text


def test_geocode_country_hint_lowers_other_countries(geo) -> None:
    ru = best(geo, "Kropotkin", country_hint="RU")
    assert ru.region == "RU-KDA"
    donetsk = geo.lookup("Donetsk", country_hint="RU", kinds=("settlement",))
    assert donetsk[0].region == "RU-ROS"


def test_geocode_kinds_filter_and_limit(geo) -> None:
    assert [c.kind for c in geo.lookup("Kharkiv", kinds=("region",))] == ["region"]
    assert len(geo.lookup("Krasnopillia", limit=2)) == 2
    assert geo.lookup("Krasnopillia", limit=0) == []


def test_geocode_coordinated_regions_give_one_candidate_each(geo) -> None:
    codes = [c.region for c in geo.lookup("в Курской и Белгородской областях")]
    assert codes == ["RU-KRS", "RU-BEL"]
    codes = [c.region for c in geo.lookup("Sumy, Kharkiv and Odesa regions")]
    assert codes == ["UA-59", "UA-63", "UA-51"]


def test_geocode_ambiguous_area_gives_several_unconfident_candidates(geo) -> None:
    found = geo.lookup("Donbas")
    assert {c.region for c in found} == {"UA-14", "UA-09"}
    assert all(c.score < 0.6 for c in found)


def test_geocode_candidate_fields(geo) -> None:
    c = best(geo, "Sudzha")
    assert c.precision == "settlement" and c.geonames_id == 486816 and c.country == "RU"
    assert c.source == "ceasewatch.gazetteer.v2"
    sea = best(geo, "Азовским морем")
    assert (sea.kind, sea.region, sea.precision, sea.country) == ("sea", "SEA-AZOV", "sea", None)
    site = best(geo, "the Zaporizhzhia nuclear power plant")
    assert (site.kind, site.region, site.precision) == ("site", "UA-23", "site")
    village = [c for c in geo.lookup("Krasnopillia", limit=20) if c.lat is None]
    assert village and all(v.precision == "region" and v.region for v in village)


@pytest.mark.parametrize(
    ("lat", "lon", "code"),
    [
        (50.77, 35.26, "UA-59"),  # Krasnopillia
        (51.19, 35.27, "RU-KRS"),  # Sudzha
        (44.62, 33.52, "UA-40"),  # Sevastopol
        (44.95, 34.10, "UA-43"),  # Simferopol
        (50.45, 30.52, "UA-30"),  # Kyiv
        (55.75, 37.62, "RU-MOW"),  # Moscow
        (46.19, 30.35, "UA-51"),  # Bilhorod-Dnistrovskyi, on the shore
        (64.73, 177.51, "RU-CHU"),  # Anadyr, east of the antimeridian cut
        (65.0, -175.0, "RU-CHU"),  # Chukotka west of it
    ],
)
def test_geocode_region_of_point(geo, lat, lon, code) -> None:
    assert geo.region_of_point(lat, lon) == code


def test_geocode_region_of_point_outside(geo) -> None:
    assert geo.region_of_point(48.85, 2.35) is None  # Paris
    assert geo.region_of_point(43.4, 34.0) is None  # open Black Sea


def test_geocode_region_name_and_codes() -> None:
    assert region_name("UA-59") == "Sumy Oblast"
    assert region_name("UA-59", lang="uk") == "Сумська область"
    assert region_name("RU-KRS", lang="ru") == "Курская область"
    assert region_name("SEA-AZOV", lang="uk") == "Азовське море"
    assert region_name("UA-43", lang="de") == "Autonomous Republic of Crimea"
    assert region_name("XX-99") == "XX-99"
    codes = region_codes()
    assert len(region_codes("UA")) == 27 and len(region_codes("RU")) == 83
    assert {"SEA-BLACK", "SEA-AZOV", "SEA-CASPIAN", "SEA-BALTIC"} <= set(codes)


def test_geocode_regions_geojson() -> None:
    everything = regions_geojson()
    assert everything["type"] == "FeatureCollection"
    isos = [f["properties"]["iso"] for f in everything["features"]]
    assert sorted(isos) == sorted(c for c in region_codes() if not c.startswith("SEA-"))
    ua = regions_geojson("UA")
    assert len(ua["features"]) == 27
    assert all(
        f["properties"]["name"] and f["geometry"]["type"] in ("Polygon", "MultiPolygon")
        for f in ua["features"]
    )
    ua["features"].clear()  # callers get a copy
    assert len(regions_geojson("ua")["features"]) == 27


def test_geocode_person_names_and_short_words_are_not_confident(geo) -> None:
    assert geo.lookup("As") == []
    assert all(c.score < 0.5 for c in geo.lookup("Воробьёв"))  # a surname, not Vorobyovo
    assert all(c.score < 0.5 for c in geo.lookup("Sea"))


def test_geocode_fuzzy_matches_stay_below_exact_ones(geo) -> None:
    fuzzy = best(geo, "Kharkiw")
    assert fuzzy.region == "UA-63" and fuzzy.score <= 0.7
    assert best(geo, "Kharkiv").score == 1.0


def test_geocode_region_named_after_its_main_city(geo) -> None:
    c = best(geo, "Lutsk oblast")
    assert (c.kind, c.region) == ("region", "UA-07") and 0.5 <= c.score < 1.0
    assert geo.lookup("Bogus oblast") == []


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("у Києві", "UA-30"),  # pymorphy3's first reading is the name "Кий"
        ("Новій Каховці", "UA-65"),  # multi-word name, lemma key in the index
        ("Білій Церкві", "UA-32"),
        ("в Старом Осколе", "RU-BEL"),
        ("Ростове-на-Дону", "RU-ROS"),
        ("у Сумах", "UA-59"),
    ],
)
def test_geocode_inflected_settlements(geo, text, code) -> None:
    c = best(geo, text)
    assert (c.kind, c.region) == ("settlement", code) and c.score >= 0.85


def test_an_inflection_two_places_share_keeps_both() -> None:
    """"Черноморском" is Chornomorsk's instrumental and Chornomorske's locative:
    both are candidates, and the region named nearby decides."""
    from ceasewatch.geocode import default_geocoder

    geo = default_geocoder()
    plain = {(c.name, c.region) for c in geo.lookup("Черноморском", lang="ru")}
    assert {"UA-51", "UA-43"} <= {region for _, region in plain}
    hinted = geo.lookup("Черноморском", lang="ru", region_hint="UA-43")
    assert hinted[0].region == "UA-43"
