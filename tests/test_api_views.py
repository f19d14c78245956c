"""The data behind each page (its API twin): document segments at evidence
offsets, incident sides, map, timeline, agreement summary and reciprocity."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest
from fastapi.testclient import TestClient

import ceasewatch.assess
import ceasewatch.geocode
from ceasewatch.api import create_app
from ceasewatch.api.highlight import Mark, segments
from ceasewatch.api.routers import geo
from ceasewatch.api.sample import SAMPLE_AGREEMENT, UA_TEXT, sample_store
from ceasewatch.config import Settings


@pytest.fixture(scope="module", params=["memory", "sqlite"])
def client(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    """Views on the in-memory fake and on the real SQLite store. The response
    cache is off: these tests swap stage functions under a running app,
    which a real server never sees (test_api_cache.py tests the cache)."""
    url = None if request.param == "memory" else f"sqlite:///{tmp_path_factory.mktemp('views') / 'views.db'}"
    settings = Settings(db="sqlite://", response_cache_mb=0)
    return TestClient(create_app(sample_store(url), settings=settings), base_url="http://127.0.0.1")


def test_api_highlight_segments_cover_text_and_keep_overlaps() -> None:
    text = "27 drones over Sumy region"
    marks = [Mark("c", "weapons.0.launched", 0, 9, "UA"), Mark("c", "regions.0", 15, 26, "UA"),
             Mark("c", "places.0", 15, 19, "UA")]
    segs = segments(text, marks)
    assert "".join(s.text for s in segs) == text
    assert [(s.text, [m.field for m in s.marks]) for s in segs] == [
        ("27 drones", ["weapons.0.launched"]),
        (" over ", []),
        ("Sumy", ["regions.0", "places.0"]),
        (" region", ["regions.0"]),
    ]


def test_api_document_view_segments_match_evidence_offsets(client: TestClient) -> None:
    data = client.get("/api/documents/sample-ua").json()["data"]
    assert data["document"]["text"] == UA_TEXT
    assert "".join(s["text"] for s in data["segments"]) == UA_TEXT
    marked = {m["field"]: s["text"] for s in data["segments"] for m in s["marks"]}
    assert marked["weapons.0.launched"] == "27"
    assert marked["weapons.0.lost"] == "9 were lost locationally"
    assert marked["injured"] == "1 person was injured"
    for s in data["segments"]:
        assert UA_TEXT[s["start"]:s["end"]] == s["text"]
    assert data["bad_evidence"] == []


def test_api_incident_view_puts_each_side_in_its_column(client: TestClient) -> None:
    data = client.get("/api/incidents/inc_sample_ru_ua_0314").json()["data"]
    assert [c["claimant"]["name"] for c in data["sides"]["UA"]] == ["Ukrainian Air Force"]
    assert [c["stance"] for c in data["sides"]["RU"]] == ["denied"]
    assert data["sides"]["OTHER"] == []
    quotes = {q["field"]: q["text"] for q in data["sides"]["RU"][0]["quotes"]}
    assert quotes["stance"] == "denied striking any hospital"
    assert data["sides"]["UA"][0]["document"]["ref"] == "sample-ua"
    assert [a["verdict"] for a in data["assessments"]] == ["disputed"]


def test_api_claim_knows_its_incident(client: TestClient) -> None:
    claim = client.get("/api/claims?party=UA").json()["data"][0]
    assert client.get(f"/api/claims/{claim['id']}").json()["data"]["incident_id"] == "inc_sample_ru_ua_0314"


def test_api_map_view_markers_and_region_counts(client: TestClient) -> None:
    data = client.get("/api/map").json()["data"]
    by_place = {f["properties"]["place"]: f["properties"] for f in data["markers"]["features"]}
    assert set(by_place) == {"Zolochiv", "Kursk", "Belgorod", "Kharkiv", "Sumy"}
    assert by_place["Zolochiv"]["incident_id"] == "inc_sample_ru_ua_0314"
    assert data["regions"]["UA-63"] == {"claims": 2, "UA": 1, "RU": 1}
    assert data["regions"]["RU-KRS"] == {"claims": 1, "RU": 1}
    filtered = client.get("/api/map?party=UA").json()["data"]
    assert list(filtered["regions"]) == ["UA-63"]


class _ProtocolOnly:
    """A store with the Repository listings only: the views fall back to
    walking claims and incidents in Python."""

    def __init__(self, store) -> None:
        self._store = store

    def iter_claims(self, flt=None):
        return self._store.iter_claims(flt)

    def list_incidents(self, flt=None, *, cursor=None, limit=100):
        return self._store.list_incidents(flt, cursor=cursor, limit=limit)


@pytest.mark.parametrize("query", [{}, {"party": "UA"}, {"region": "RU-BEL"}, {"date_from": "2025-03-15"}])
def test_api_map_view_same_from_sql_and_fallback(tmp_path, query) -> None:
    from ceasewatch.api.views import map_view
    from ceasewatch.store.base import ClaimFilter

    store = sample_store(f"sqlite:///{tmp_path / 'map.db'}")
    flt = ClaimFilter(**{k: (date.fromisoformat(v) if k.startswith("date") else v) for k, v in query.items()})
    try:
        fast = map_view(store, flt)
        assert fast["markers"]["features"] and fast["regions_complete"]
        assert fast == map_view(_ProtocolOnly(store), flt)
    finally:
        store.close()


def test_api_timeline_view_sums_claimed_counts_per_party_and_day(client: TestClient) -> None:
    data = client.get("/api/timeline").json()["data"]
    assert data["by_party"]["UA"]["2025-03-14"] == {"claims": 1, "launched": 27, "intercepted": 16, "lost": 9, "hit": 0}
    assert data["by_party"]["RU"]["2025-03-14"]["intercepted"] == 30
    assert data["by_party"]["RU"]["2025-03-14"]["claims"] == 2
    rows = client.get("/api/timeline/verdicts").json()["data"]["verdicts"]
    verdicts = {(v["date"], v["violator"], v["verdict"]): v["count"] for v in rows}
    assert verdicts == {("2025-03-14", "RU", "disputed"): 1, ("2025-03-14", "UA", "outside_scope"): 1,
                        ("2025-03-15", "RU", "alleged"): 1}


@dataclass(frozen=True)
class _Window:
    start: str
    end: str | None
    timezone: str


@dataclass(frozen=True)
class _Version:
    party: str
    window: _Window


@dataclass(frozen=True)
class _Agreement:
    id: str
    name: str
    versions: tuple[_Version, ...]


def _fake_agreements() -> list[_Agreement]:
    return [_Agreement(SAMPLE_AGREEMENT, "Energy moratorium", (
        _Version("RU", _Window("2025-03-17T21:00:00+00:00", "2025-04-16T21:00:00+00:00", "Europe/Moscow")),
        _Version("UA", _Window("2025-03-24T22:00:00+00:00", None, "Europe/Kyiv")),
    ))]


def test_api_agreement_view_counts_and_reciprocity(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ceasewatch.assess, "load_agreements", _fake_agreements, raising=False)
    data = client.get(f"/api/agreements/{SAMPLE_AGREEMENT}").json()["data"]
    assert data["summary"]["verdicts"] == {"disputed": 1, "outside_scope": 1, "alleged": 1}
    assert data["summary"]["reciprocity"]["RU"] == 2 and data["summary"]["reciprocity"]["UA"] == 0
    versions = data["agreement"]["display"]["versions"]
    assert [(v["party"], v["start"], v["end"]) for v in versions] == [
        ("RU", "2025-03-18 00:00", "2025-04-17 00:00"), ("UA", "2025-03-25 00:00", "open-ended")]
    listing = client.get("/api/agreements").json()
    assert [a["id"] for a in listing["data"]] == [SAMPLE_AGREEMENT]
    err = client.get("/api/claims?agreement=no-such-truce").json()
    assert err["error"]["location"] == "query.agreement"
    assert client.get("/api/agreements/no-such-truce").status_code == 404


def test_api_agreements_not_available_is_501(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(ceasewatch.assess, "load_agreements", raising=False)
    resp = client.get("/api/agreements")
    assert resp.status_code == 501 and resp.json()["error"]["code"] == "CW900"


def test_api_regions_come_from_the_geocode_stage(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    square = {"type": "Feature", "properties": {"iso": "UA-59", "name": "Sumy Oblast"},
              "geometry": {"type": "Polygon", "coordinates": [[[33, 50], [35, 50], [35, 52], [33, 52], [33, 50]]]}}
    monkeypatch.setattr(ceasewatch.geocode, "regions_geojson", lambda: {"type": "FeatureCollection", "features": [square]},
                        raising=False)
    geo.regions_feature_collection.cache_clear()
    geo._regions_encoded.cache_clear()
    try:
        body = client.get("/api/regions").json()
        assert body["features"][0]["properties"]["iso"] == "UA-59"
    finally:
        geo.regions_feature_collection.cache_clear()
        geo._regions_encoded.cache_clear()


def test_api_regions_are_encoded_once_with_an_etag_and_cache_headers(client: TestClient) -> None:
    import gzip

    plain = client.get("/api/regions", headers={"accept-encoding": "identity"})
    zipped = client.get("/api/regions", headers={"accept-encoding": "gzip"})
    assert plain.status_code == zipped.status_code == 200
    assert plain.headers["etag"] != zipped.headers["etag"] and "max-age" in plain.headers["cache-control"]
    assert zipped.headers["content-encoding"] == "gzip" and zipped.json() == plain.json()
    # the encoded bytes are made once per process, not per request
    assert geo._regions_encoded() is geo._regions_encoded()
    again = client.get("/api/regions", headers={"if-none-match": plain.headers["etag"], "accept-encoding": "identity"})
    assert again.status_code == 304 and again.content == b""
    assert gzip.decompress(geo._regions_encoded()[1]) == geo._regions_encoded()[0]


class _OneCandidate:
    name = "test.one.v1"

    def lookup(self, text, *, lang=None, region_hint=None, country_hint=None, kinds=None, limit=5):
        from ceasewatch.geocode.base import Candidate

        self.asked = (text, lang, country_hint, kinds, limit)
        return [Candidate(name="Zolochiv", kind="settlement", region="UA-63", country="UA", lat=50.27, lon=35.98)]

    def region_of_point(self, lat, lon):
        return None


def test_api_geocode_lookup_uses_the_apps_geocoder() -> None:
    geocoder = _OneCandidate()
    client = TestClient(create_app(sample_store(), settings=Settings(db="sqlite://"), geocoder=geocoder), base_url="http://127.0.0.1")
    body = client.get("/api/geocode?q=Золочів&lang=uk&country=UA&kind=settlement&limit=3").json()
    assert body["data"][0]["region"] == "UA-63" and body["meta"]["geocoder"] == "test.one.v1"
    assert geocoder.asked == ("Золочів", "uk", "UA", ("settlement",), 3)
    assert client.get("/api/geocode?q=x&kind=village").json()["error"]["location"] == "query.kind"


def test_api_region_counts_say_when_they_are_partial() -> None:
    from ceasewatch.api.queries import region_counts

    store = sample_store()
    counts, complete = region_counts(store, None)
    assert complete and counts["UA-63"]["claims"] == 2
    partial, complete = region_counts(store, None, scan_limit=1)
    assert not complete and sum(c["claims"] for c in partial.values()) <= 2


def test_api_daily_report_as_data_and_markdown(client: TestClient) -> None:
    body = client.get("/api/reports/daily/2025-03-14").json()
    assert body["ok"] and body["meta"]["date"] == "2025-03-14" and body["data"]["date"] == "2025-03-14"
    md = client.get("/api/reports/daily/2025-03-14?format=md")
    assert md.headers["content-type"].startswith("text/markdown") and "2025-03-14" in md.text
    assert client.get("/api/reports/daily/2025-03-14?format=xml").json()["error"]["location"] == "query.format"
