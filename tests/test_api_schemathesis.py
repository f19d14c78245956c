"""Property-based run of schemathesis against the OpenAPI schema: valid and
invalid inputs for every operation never give a 5xx (501 "stage not
available" aside), and every 4xx carries the error envelope. Bounded to a
few examples per operation so the suite stays fast; for a longer run:

    CEASEWATCH_SCHEMATHESIS_EXAMPLES=500 pytest tests/test_api_schemathesis.py
"""

from __future__ import annotations

import os

import pytest

schemathesis = pytest.importorskip("schemathesis", reason="schemathesis is in the test extras")
from hypothesis import HealthCheck, settings  # noqa: E402
from schemathesis import GenerationMode  # noqa: E402

from ceasewatch.accounts import add_user  # noqa: E402
from ceasewatch.api import create_app  # noqa: E402
from ceasewatch.api.envelope import ERROR_KEYS  # noqa: E402
from ceasewatch.api.sample import sample_store  # noqa: E402
from ceasewatch.config import Settings  # noqa: E402
from ceasewatch.geocode.base import Candidate  # noqa: E402

EXAMPLES = int(os.environ.get("CEASEWATCH_SCHEMATHESIS_EXAMPLES", "8"))

class _FixedGeocoder:
    """The gazetteer is not under test here (and its first load is slow)."""

    name = "test.fixed.v1"

    def lookup(self, text, *, lang=None, region_hint=None, country_hint=None, kinds=None, limit=5):
        hit = Candidate(name="Sumy", kind="settlement", region="UA-59", country="UA", lat=50.91, lon=34.8)
        return [hit][:limit] if text.casefold().startswith("sum") else []

    def region_of_point(self, lat, lon):
        return None


# A writable server needs accounts: the sample in a real (in-memory SQLite) store, and an
# analyst's API token on every call, so the write operations are exercised too.
store = sample_store("sqlite://")
add_user(store, "fuzz", "analyst", "a long enough password", actor="test")
AUTH = {"authorization": "Bearer " + store.create_token("fuzz", "schemathesis", actor="test")[1]}  # type: ignore[attr-defined]
# schemathesis calls the ASGI app as host "testserver"
app = create_app(store, settings=Settings(db="sqlite://"), read_only=False, geocoder=_FixedGeocoder(),
                 allowed_hosts=["testserver", "127.0.0.1"])
schema = schemathesis.openapi.from_asgi("/api/openapi.json", app)
schema.config.generation.update(modes=[GenerationMode.POSITIVE, GenerationMode.NEGATIVE], max_examples=EXAMPLES)


@schema.parametrize()
@settings(deadline=None, suppress_health_check=list(HealthCheck), derandomize=True, database=None)
def test_api_schemathesis_no_server_errors(case) -> None:
    response = case.call(headers=AUTH)
    status = response.status_code
    assert status < 500 or status == 501, (status, response.text[:500])
    if status >= 400:
        body = response.json()
        assert body["ok"] is False and body["status"] == status
        assert tuple(body["error"]) == ERROR_KEYS
        if status == 501:
            assert body["error"]["code"] == "CW900"
