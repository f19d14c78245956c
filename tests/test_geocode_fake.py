"""The in-memory geocoder other stages test with."""

from __future__ import annotations

from ceasewatch.geocode import Candidate, Geocoder
from ceasewatch.geocode.fake import StaticGeocoder


def test_geocode_static_geocoder_answers_from_its_table() -> None:
    geo = StaticGeocoder(
        {
            "Zolochiv": [
                Candidate("Zolochiv", "settlement", "UA-46", "UA", 49.81, 24.90, score=0.8),
                Candidate("Zolochiv", "settlement", "UA-63", "UA", 50.28, 35.98, score=0.6),
            ],
            "Sumy region": [Candidate("Sumy Oblast", "region", "UA-59", "UA")],
        },
        point_to_region=lambda lat, lon: "UA-59" if lat > 50 else None,
    )
    assert isinstance(geo, Geocoder)
    assert geo.lookup("sumy REGION")[0].region == "UA-59"
    assert geo.lookup("Zolochiv", region_hint="UA-63")[0].region == "UA-63"
    assert geo.lookup("Zolochiv", kinds=("region",)) == []
    assert geo.lookup("Zolochiv", limit=1)[0].region == "UA-46"
    assert geo.lookup("Nowhere") == []
    assert geo.calls == ["sumy REGION", "Zolochiv", "Zolochiv", "Zolochiv", "Nowhere"]
    assert geo.region_of_point(50.5, 35.0) == "UA-59" and geo.region_of_point(40.0, 35.0) is None
    assert geo.lookup("Sumy region")[0].source == "ceasewatch.gazetteer.static.v1"
