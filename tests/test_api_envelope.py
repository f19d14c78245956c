"""The API's two response shapes are pinned: every success and every error
(library errors, validation, routing, method, unexpected) uses them."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from ceasewatch.accounts import add_user
from ceasewatch.api import create_app
from ceasewatch.api.envelope import ERROR_KEYS
from ceasewatch.api.sample import sample_store
from ceasewatch.config import Settings


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(create_app(sample_store(), settings=Settings(db="sqlite://")), raise_server_exceptions=False, base_url="http://127.0.0.1")


def _assert_error(resp, status: int, code: str) -> dict:
    assert resp.status_code == status
    assert resp.headers["content-type"].startswith("application/json")
    body = resp.json()
    assert set(body) == {"ok", "status", "error"}
    assert body["ok"] is False and body["status"] == status
    assert tuple(body["error"]) == ERROR_KEYS
    assert body["error"]["code"] == code
    assert body["error"]["message"]
    return body["error"]


def test_api_success_envelope_shape(client: TestClient) -> None:
    body = client.get("/api/claims?limit=2").json()
    assert set(body) == {"ok", "data", "meta", "links"}
    assert body["ok"] is True
    assert set(body["meta"]) == {"next_cursor", "limit", "total", "count", "filters"}
    assert body["meta"]["limit"] == 2 and body["meta"]["count"] == 2
    single = client.get("/api/incidents/inc_sample_ru_ua_0314").json()
    assert set(single) == {"ok", "data", "meta"} and single["ok"] is True


@pytest.mark.parametrize(
    ("url", "status", "code", "location"),
    [
        ("/api/claims?date_from=2025-02-30", 400, "CW200", "query.date_from"),
        ("/api/claims?date_to=yesterday", 400, "CW200", "query.date_to"),
        ("/api/claims?date_from=2025-03-20&date_to=2025-03-01", 400, "CW200", "query.date_from"),
        ("/api/claims?party=NATO", 400, "CW200", "query.party"),
        ("/api/claims?region=UA-99", 400, "CW200", "query.region"),
        ("/api/claims?target=bakery", 400, "CW200", "query.target"),
        ("/api/verdicts?verdict=guilty", 400, "CW200", "query.verdict"),
        ("/api/claims?limit=1000000", 400, "CW200", "query.limit"),
        ("/api/claims?limit=0", 400, "CW200", "query.limit"),
        ("/api/claims?limit=ten", 400, "CW200", "query.limit"),
        ("/api/claims?cursor=bm9wZQ.0000000000", 400, "CW200", "query.cursor"),
        ("/api/claims?format=xlsx", 400, "CW200", "query.format"),
        ("/api/geocode", 400, "CW200", "query.q"),
        ("/api/reports/daily/2025-14-01", 400, "CW200", "path.day"),
    ],
)
def test_api_bad_requests_get_400_envelope(client: TestClient, url: str, status: int, code: str, location: str) -> None:
    err = _assert_error(client.get(url), status, code)
    assert err["location"] == location
    assert err["hint"]


def test_api_unknown_ids_and_routes_get_404_envelope(client: TestClient) -> None:
    for url in ("/api/claims/clm_nope", "/api/incidents/inc_nope", "/api/documents/doc_nope", "/api/no-such-thing"):
        _assert_error(client.get(url), 404, "CW604")


def test_api_is_read_only_by_default(client: TestClient) -> None:
    claim_id = client.get("/api/claims?limit=1").json()["data"][0]["id"]
    err = _assert_error(client.post(f"/api/claims/{claim_id}/reviews", json={"reviewer": "a", "status": "accepted"}), 501, "CW900")
    assert "read-only" in err["message"]
    _assert_error(client.delete("/api/claims"), 405, "CW200")


def test_api_malformed_json_is_400_when_writable() -> None:
    # Writes need an account (issue 14): the sample in a real store with an analyst's token.
    store = sample_store("sqlite://")
    add_user(store, "analyst", "analyst", "a long enough password", actor="test")
    token = store.create_token("analyst", "test", actor="test")[1]  # type: ignore[attr-defined]
    client = TestClient(create_app(store, settings=Settings(db="sqlite://"), read_only=False), base_url="http://127.0.0.1",
                        headers={"authorization": f"Bearer {token}"})
    claim_id = client.get("/api/claims?limit=1").json()["data"][0]["id"]
    url = f"/api/claims/{claim_id}/reviews"
    err = _assert_error(client.post(url, content=b"{not json", headers={"content-type": "application/json"}), 400, "CW200")
    assert "JSON" in err["message"]
    _assert_error(client.post(url, json={"reviewer": "a", "status": "maybe"}), 400, "CW200")
    ok = client.post(url, json={"reviewer": "analyst", "status": "accepted", "note": "matches the MoD list"})
    assert ok.status_code == 201 and ok.json()["data"]["status"] == "accepted"
    reviews = client.get(f"/api/claims/{claim_id}").json()["data"]["reviews"]
    assert [r["reviewer"] for r in reviews] == ["analyst"]


def test_api_unexpected_exception_is_500_envelope() -> None:
    class Broken:
        url, dialect = "broken://", "broken"

        def list_claims(self, *a, **k):
            raise RuntimeError("boom")

    client = TestClient(create_app(Broken(), settings=Settings(db="sqlite://")), raise_server_exceptions=False, base_url="http://127.0.0.1")  # type: ignore[arg-type]
    err = _assert_error(client.get("/api/claims"), 500, "CW000")
    assert "RuntimeError" in err["message"] and "boom" not in err["message"]


def test_api_dashboard_errors_render_the_same_fields_as_html(client: TestClient) -> None:
    resp = client.get("/incidents/inc_nope", headers={"accept": "text/html"})
    assert resp.status_code == 404 and resp.headers["content-type"].startswith("text/html")
    assert 'data-code="CW604"' in resp.text and "inc_nope" in resp.text
    # the same URL without asking for HTML gets the JSON envelope
    _assert_error(client.get("/incidents/inc_nope", headers={"accept": "application/json"}), 404, "CW604")


def test_api_openapi_schema_lists_every_resource(client: TestClient) -> None:
    paths = client.get("/api/openapi.json").json()["paths"]
    for path in ("/api/documents", "/api/claims", "/api/incidents", "/api/agreements", "/api/verdicts",
                 "/api/reports/daily/{day}", "/api/geocode", "/api/regions", "/api/timeline", "/api/map"):
        assert path in paths, path
    assert not any(p.startswith("/incidents") for p in paths)  # pages stay out of the API schema


@pytest.mark.parametrize("name", ["Sumy", "Sumy region", "Сумська область", "Сумская область", "ua-59"])
def test_api_region_filter_takes_names_in_three_languages(client, name: str) -> None:
    # "Sumy" used to be a 400 whose hint was "see /api/codes"
    by_name = client.get("/api/claims", params={"region": name})
    by_code = client.get("/api/claims", params={"region": "UA-59"})
    assert by_name.status_code == 200 and by_name.json()["data"] == by_code.json()["data"]
    assert by_name.json()["meta"]["filters"]["region"] == "UA-59"
