"""api/guard.py and `ceasewatch serve`'s binding checks: Host allow-list,
cross-site writes, NUL bytes (400 on every dialect, not PostgreSQL's 500),
security headers on every response, and no writes from the network."""

from __future__ import annotations

import os

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from ceasewatch.accounts import add_user
from ceasewatch.api import create_app
from ceasewatch.api.guard import DOCS_CSP, SECURITY_HEADERS, host_of, is_loopback_host
from ceasewatch.api.sample import sample_store
from ceasewatch.cli import app as cli_app
from ceasewatch.config import Settings
from ceasewatch.errors import InputError
from ceasewatch.store.base import ClaimFilter

LOCAL = "http://127.0.0.1"
BACKENDS = ["memory", "sqlite"] + (["postgresql"] if os.environ.get("CEASEWATCH_TEST_PG") else [])
LISTINGS = ("claims", "incidents", "verdicts", "documents")
STRING_PARAMS = ("date_from", "date_to", "party", "claimant", "attacker", "target_country", "region", "target",
                 "stance", "doc_id", "agreement", "verdict", "cursor")


@pytest.fixture(scope="module", params=BACKENDS)
def client(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    if request.param == "memory":
        yield TestClient(create_app(sample_store(), settings=Settings(db="sqlite://")), base_url=LOCAL)
        return
    if request.param == "sqlite":
        store = sample_store(f"sqlite:///{tmp_path_factory.mktemp('guard') / 'g.db'}")
        yield TestClient(create_app(store, settings=Settings(db="sqlite://")), base_url=LOCAL)
        store.close()
        return
    from test_api_filters import _scratch_pg_database

    with _scratch_pg_database(os.environ["CEASEWATCH_TEST_PG"]) as url:
        store = sample_store(url)
        yield TestClient(create_app(store, settings=Settings(db="sqlite://")), base_url=LOCAL)
        store.close()


def _is_400(resp, location: str) -> None:
    assert resp.status_code == 400, resp.text[:300]
    body = resp.json()
    assert body["ok"] is False and body["status"] == 400 and body["error"]["location"] == location


@pytest.mark.parametrize("param", STRING_PARAMS)
@pytest.mark.parametrize("listing", LISTINGS)
def test_api_guard_nul_in_any_parameter_is_400(client, listing, param):
    _is_400(client.get(f"/api/{listing}?{param}=a%00b"), f"query.{param}")


@pytest.mark.parametrize(
    "path",
    ["/api/documents/%00", "/api/claims/x%00y", "/api/incidents/%00", "/api/agreements/%00",
     "/api/reports/daily/%00", "/documents/%00", "/incidents/%00", "/api/map?claimant=%00",
     "/api/timeline?doc_id=%00", "/api/geocode?q=%00", "/api/documents?language=%00"],
)
def test_api_guard_nul_in_paths_and_views_is_400(client, path):
    resp = client.get(path)
    assert resp.status_code == 400 and resp.json()["error"]["message"].endswith("NUL character")


def test_api_guard_store_refuses_nul_itself(store):
    # defence behind the middleware, for library callers
    with pytest.raises(InputError):
        store.get_document("doc\x00")
    with pytest.raises(InputError, match="claimant"):
        store.list_claims(ClaimFilter(claimant="a\x00"))
    with pytest.raises(InputError, match="doc_id"):
        store.list_incidents(ClaimFilter(doc_id="\x00"))


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "127.0.0.1.evil.example", "", "10.0.0.1"])
def test_api_guard_other_hosts_are_refused(client, host):
    resp = client.get("/api/claims", headers={"host": host})
    _is_400(resp, "header.host")
    assert resp.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.1:8000", "localhost:8000", "LOCALHOST", "[::1]:8000"])
def test_api_guard_loopback_names_are_served(client, host):
    assert client.get("/api/claims", headers={"host": host}).status_code == 200


def test_api_guard_allowed_hosts_setting():
    app = create_app(sample_store(), settings=Settings(db="sqlite://", allowed_hosts="monitor.lan, 10.0.0.5"))
    c = TestClient(app, base_url="http://monitor.lan")
    assert c.get("/api/claims").status_code == 200
    assert c.get("/api/claims", headers={"host": "10.0.0.5:8000"}).status_code == 200
    assert c.get("/api/claims", headers={"host": "127.0.0.1"}).status_code == 400


def test_api_guard_cross_site_writes_refused():
    store = sample_store("sqlite://")  # writes need an account (issue 14)
    add_user(store, "qa", "analyst", "a long enough password", actor="test")
    token = store.create_token("qa", "test", actor="test")[1]
    c = TestClient(create_app(store, settings=Settings(db="sqlite://"), read_only=False), base_url=LOCAL,
                   headers={"authorization": f"Bearer {token}"})
    claim = c.get("/api/claims?limit=1").json()["data"][0]["id"]
    review = {"reviewer": "qa", "status": "accepted"}
    evil = c.post(f"/api/claims/{claim}/reviews", json=review, headers={"origin": "http://evil.example"})
    assert evil.status_code == 403 and evil.json()["error"]["location"] == "header.origin"
    null = c.post(f"/api/claims/{claim}/reviews", json=review, headers={"origin": "null"})
    assert null.status_code == 403
    ours = c.post(f"/api/claims/{claim}/reviews", json=review, headers={"origin": "http://127.0.0.1:8000"})
    assert ours.status_code == 201
    assert c.post(f"/api/claims/{claim}/reviews", json=review).status_code == 201  # curl sends no Origin
    nul = c.post(f"/api/claims/{claim}/reviews", json={"reviewer": "q\u0000a", "status": "accepted"})
    assert nul.status_code == 400


@pytest.mark.parametrize(
    "path", ["/api/claims", "/api/nope", "/", "/documents/nope", "/static/app.css", "/api/claims?format=csv"]
)
def test_api_guard_security_headers_on_every_response(client, path):
    resp = client.get(path)
    for name, value in SECURITY_HEADERS.items():
        assert resp.headers.get(name) == value, (path, name)


def test_api_guard_docs_page_keeps_working_csp(client):
    resp = client.get("/api/docs")
    assert resp.status_code == 200 and resp.headers["content-security-policy"] == DOCS_CSP
    assert "cdn.jsdelivr.net" not in DOCS_CSP  # Swagger UI is vendored (tests/test_api_docs_offline.py)
    assert resp.headers["x-frame-options"] == "DENY"


def test_api_guard_host_parsing():
    assert host_of("[::1]:8000") == "::1" and host_of("LocalHost:80") == "localhost" and host_of("::1") == "::1"
    assert is_loopback_host("127.0.0.5") and is_loopback_host("::1") and is_loopback_host("localhost")
    assert not is_loopback_host("0.0.0.0") and not is_loopback_host("192.168.1.5") and not is_loopback_host("x")


def test_api_guard_serve_refuses_writable_on_the_network(monkeypatch, tmp_path):
    calls = []
    monkeypatch.setattr("ceasewatch.cli.serve.serve", lambda *a, **k: calls.append(k))
    runner = CliRunner()
    refused = runner.invoke(cli_app, ["serve", "--sample", "--host", "0.0.0.0", "--writable"])
    assert refused.exit_code == 1 and "refusing to accept writes" in refused.stderr.replace("\n", " ")
    assert calls == []
    warned = runner.invoke(cli_app, ["serve", "--sample", "--host", "0.0.0.0"])
    assert warned.exit_code == 0 and "warning: serving on '0.0.0.0'" in warned.stderr.replace("\n", " ")
    # --writable needs accounts (issue 14): refused on the sample, accepted on a store with one
    no_accounts = runner.invoke(cli_app, ["serve", "--sample", "--writable"])
    assert no_accounts.exit_code == 1 and "there are no accounts" in no_accounts.stderr.replace("\n", " ")
    db = f"sqlite:///{tmp_path / 'cw.db'}"
    added = runner.invoke(cli_app, ["--db", db, "users", "add", "lead", "--role", "admin", "--password-stdin"],
                          input="a long enough password\n")
    assert added.exit_code == 0, added.output
    quiet = runner.invoke(cli_app, ["--db", db, "serve", "--writable"])
    assert quiet.exit_code == 0 and "warning" not in quiet.stderr, quiet.stderr
    assert [c["read_only"] for c in calls] == [True, False]
