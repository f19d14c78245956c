"""Accounts on a writable server: no write route works without an account
of the right role (every route of the app enumerated), CSRF on every form,
HttpOnly SameSite session cookies, a rate-limited login, revocable tokens,
and the read-only public default untouched."""

from __future__ import annotations

import re

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from starlette.routing import Route

from ceasewatch.accounts import MAX_CLIENT_FAILURES, MAX_FAILURES, add_user
from ceasewatch.api import create_app
from ceasewatch.api.sample import sample_store
from ceasewatch.config import Settings

LOCAL = "http://127.0.0.1"
PASSWORD = "a long enough password"
UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}
# Every write route and the role it needs. A new write route fails
# test_auth_every_write_route_is_listed until it is added here (and so tested).
ROLE_OF = {
    ("POST", "/api/claims/{claim_id}/reviews"): "analyst",
    ("POST", "/api/claims/{claim_id}/review"): "analyst",
    ("POST", "/api/verdicts/{assessment_id}/override"): "analyst",
    ("POST", "/claims/{claim_id}/review"): "analyst",
    ("POST", "/verdicts/{assessment_id}/override"): "analyst",
    ("POST", "/logout"): "viewer",
    ("POST", "/api/incidents/merge"): "analyst",
    ("POST", "/api/incidents/{incident_id}/split"): "analyst",
    ("POST", "/api/verdicts/{assessment_id}/request"): "analyst",
    ("POST", "/api/requests/{request_id}/answer"): "analyst",
    ("POST", "/incidents/merge"): "analyst",
    ("POST", "/incidents/{incident_id}/split"): "analyst",
    ("POST", "/verdicts/{assessment_id}/request"): "analyst",
    ("POST", "/requests/{request_id}/answer"): "analyst",
    ("POST", "/api/users"): "admin",
    ("POST", "/api/users/{name}/disable"): "admin",
    ("POST", "/api/tokens"): "admin",
    ("POST", "/api/tokens/{token_id}/revoke"): "admin",
    ("POST", "/login"): None,  # the way in: login CSRF and the rate limit guard it
}


@pytest.fixture(scope="module")
def served():
    store = sample_store("sqlite://")
    tokens = {}
    for name, role in (("vic", "viewer"), ("ann", "analyst"), ("ada", "admin")):
        add_user(store, name, role, PASSWORD, actor="test")
        tokens[role] = store.create_token(name, "test", actor="test")[1]
    app = create_app(store, settings=Settings(db="sqlite://"), read_only=False)
    return store, app, tokens


def _routes(routes) -> list[Route]:
    """Every route, included routers flattened (FastAPI keeps them lazily as wrappers)."""
    out: list[Route] = []
    for r in routes:
        if isinstance(r, APIRoute | Route):
            out.append(r)
        elif hasattr(r, "original_router"):
            out += _routes(r.original_router.routes)
    return out


def _write_routes(app) -> list[tuple[str, str]]:
    return sorted({(m, r.path) for r in _routes(app.routes) for m in (r.methods or set()) & UNSAFE})


def test_auth_route_enumeration_sees_every_route(served) -> None:
    _, app, _ = served
    paths = {r.path for r in _routes(app.routes)}
    assert {"/api/claims", "/api/claims/{claim_id}", "/incidents/{incident_id}", "/login", "/review"} <= paths


def _url(path: str, claim_id: str) -> str:
    return re.sub(r"\{[^}]+\}", claim_id, path)


def _body(path: str) -> dict[str, object]:
    if path == "/api/users":
        return {"json": {"name": "new-user", "role": "viewer", "password": PASSWORD}}
    if path == "/api/tokens":
        return {"json": {"user": "vic", "label": "made by an admin"}}
    if path.startswith(("/api/users", "/api/tokens")):
        return {"json": {"reason": "test"}}
    if path.endswith("/reviews"):
        return {"json": {"status": "accepted"}}
    if path.startswith("/api/incidents"):
        return {"json": {"incident_ids": ["a", "b"], "claim_ids": ["a"], "reason": "checked"}}
    if path == "/api/verdicts/{assessment_id}/request":
        return {"json": {"question": "did you strike?"}}
    if path.startswith("/api/requests"):
        return {"json": {"text": "no", "publisher": "MoD", "claimant": "MoD", "stance": "denied"}}
    if path.startswith("/api/claims"):
        return {"json": {"decisions": [{"field": "stance", "decision": "confirm"}]}}
    if path.startswith("/api/verdicts"):
        return {"json": {"verdict": "alleged", "reason": "checked against the MoD list"}}
    return {"data": {"decision.stance": "confirm", "verdict": "alleged", "reason": "checked"}}


def test_auth_every_write_route_is_listed(served) -> None:
    _, app, _ = served
    assert set(_write_routes(app)) == set(ROLE_OF)


def test_auth_no_write_route_works_without_an_account_of_its_role(served) -> None:
    store, app, tokens = served
    claim_id = store.list_claims(limit=1).items[0].id
    anonymous = TestClient(app, base_url=LOCAL)
    read_only = TestClient(create_app(store, settings=Settings(db="sqlite://")), base_url=LOCAL)
    for method, path in _write_routes(app):
        url, body = _url(path, claim_id), _body(path)
        assert read_only.request(method, url, **body).status_code in (403, 501), (path, "read-only")
        if ROLE_OF[(method, path)] is None:
            continue
        assert anonymous.request(method, url, **body, follow_redirects=False).status_code == 401, path
        for role in ("viewer", "analyst", "admin"):
            resp = TestClient(app, base_url=LOCAL, headers={"authorization": f"Bearer {tokens[role]}"}).request(
                method, url, **body, follow_redirects=False)
            allowed = ("viewer", "analyst", "admin").index(role) >= ("viewer", "analyst", "admin").index(
                ROLE_OF[(method, path)])
            if allowed:
                assert resp.status_code not in (401, 403), (path, role, resp.text[:300])
            else:
                assert resp.status_code == 403 and resp.json()["error"]["code"] == "CW803", (path, role)
    assert anonymous.post("/api/claims/x/reviews", headers={"authorization": "Bearer cwt_nope"},
                          json={"status": "accepted"}).status_code == 401


def _login(app, name: str = "ann", password: str = PASSWORD, next_url: str = "/") -> tuple[TestClient, object]:
    c = TestClient(app, base_url=LOCAL)
    page = c.get("/login")
    token = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)
    resp = c.post("/login", data={"csrf": token, "name": name, "password": password, "next": next_url},
                  follow_redirects=False)
    return c, resp


def test_auth_login_session_cookie_and_csrf_on_every_form(served) -> None:
    store, app, _ = served
    c, resp = _login(app, "ada")  # an admin: every write route is open to the role, so CSRF decides
    assert resp.status_code == 303
    cookie = next(h for h in resp.headers.get_list("set-cookie") if h.startswith("cw_session="))
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Path=/" in cookie
    claim_id = store.list_claims(limit=1).items[0].id
    page = c.get(f"/claims/{claim_id}/review")
    forms = re.findall(r"<form[^>]*method=\"post\"[^>]*>(.*?)</form>", page.text, flags=re.S)
    assert forms and all('name="csrf"' in f for f in forms)  # logout and review forms
    incident = c.get(f"/api/claims/{claim_id}").json()["data"]["incident_id"]
    forms = re.findall(r"<form[^>]*method=\"post\"[^>]*>(.*?)</form>", c.get(f"/incidents/{incident}").text, re.S)
    assert len(forms) >= 2 and all('name="csrf"' in f for f in forms)  # logout and an override per verdict
    csrf = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)
    # A session without its CSRF token writes nothing, on every write route
    for method, path in _write_routes(app):
        if ROLE_OF[(method, path)] is None:
            continue
        resp = c.request(method, _url(path, claim_id), **_body(path), follow_redirects=False)
        assert resp.status_code == 403 and resp.json()["error"]["location"] == "csrf", path
    ok = c.post(f"/claims/{claim_id}/review", data={"csrf": csrf, "decision.stance": "confirm"},
                follow_redirects=False)
    assert ok.status_code == 303
    for bad in ({"decision.claimant": "correct", "value.claimant": "Zelensky"},  # not JSON
                {"decision.targets": "correct", "value.targets": '["<script>x</script>"]'},  # no target code
                {"reason": "nothing chosen"}):
        again = c.post(f"/claims/{claim_id}/review", data={"csrf": csrf, **bad}, headers={"accept": "text/html"})
        assert again.status_code == 400 and 'id="review-error"' in again.text and "<script>x" not in again.text
    assert c.post("/api/claims/" + claim_id + "/review", headers={"x-csrf-token": csrf},
                  json={"decisions": [{"field": "date", "decision": "confirm"}]}).status_code == 201
    out = c.post("/logout", data={"csrf": csrf}, follow_redirects=False)
    assert out.status_code == 303 and c.get("/incidents", follow_redirects=False).status_code == 303


def test_auth_login_refusals_rate_limit_and_redirects(served) -> None:
    store, app, _ = served
    c = TestClient(app, base_url=LOCAL)
    no_form_token = c.post("/login", data={"name": "vic", "password": PASSWORD})
    assert no_form_token.status_code == 403 and "cw_session" not in no_form_token.headers.get("set-cookie", "")
    _, evil = _login(app, "vic", next_url="//evil.example/x")
    assert evil.headers["location"] == "/"
    for _ in range(MAX_FAILURES):
        _, bad = _login(app, "vic", "wrong password here")
        assert bad.status_code == 401 and "wrong user name or password" in bad.text
    _, blocked = _login(app, "vic")  # the right password, but too late
    assert blocked.status_code == 429 and "cw_session" not in str(blocked.headers.get_list("set-cookie"))
    _, other = _login(app, "ann")  # another account from the same address still logs in
    assert other.status_code == 303
    for i in range(MAX_CLIENT_FAILURES - MAX_FAILURES):
        _, unknown = _login(app, f"nobody-{i}", "whatever password")  # a name each: only the address adds up
        assert unknown.status_code == 401
    _, unknown = _login(app, "ann")
    assert unknown.status_code == 429  # the address reached its own limit
    for key in ("user:vic", "client:testclient"):  # the window passed, for the tests that follow
        store.clear_login_failures(key)


def test_auth_reads_need_an_account_when_writable_and_cache_never_leaks(served) -> None:
    store, app, tokens = served
    viewer = TestClient(app, base_url=LOCAL, headers={"authorization": f"Bearer {tokens['viewer']}"})
    assert viewer.get("/api/claims").status_code == 200
    assert viewer.get("/api/claims").headers.get("x-ceasewatch-cache") == "hit"
    anonymous = TestClient(app, base_url=LOCAL)
    assert anonymous.get("/api/claims").status_code == 401
    assert anonymous.get("/incidents", follow_redirects=False).headers["location"] == "/login?next=%2Fincidents"
    assert anonymous.get("/static/app.css").status_code == 200 and anonymous.get("/login").status_code == 200
    # a revoked token stops at once
    token_id, secret = store.create_token("vic", "short-lived", actor="test")
    assert TestClient(app, base_url=LOCAL, headers={"authorization": f"Bearer {secret}"}).get(
        "/api/claims").status_code == 200
    store.revoke_token(token_id, actor="test")
    assert TestClient(app, base_url=LOCAL, headers={"authorization": f"Bearer {secret}"}).get(
        "/api/claims").status_code == 401


def test_auth_admin_manages_accounts_and_tokens(served) -> None:
    store, app, tokens = served
    admin = TestClient(app, base_url=LOCAL, headers={"authorization": f"Bearer {tokens['admin']}"})
    analyst = TestClient(app, base_url=LOCAL, headers={"authorization": f"Bearer {tokens['analyst']}"})
    assert analyst.get("/api/users").status_code == 403 and analyst.get("/api/tokens").status_code == 403
    made = admin.post("/api/users", json={"name": "temp", "role": "analyst", "password": PASSWORD})
    assert made.status_code == 201 and made.json()["data"]["role"] == "analyst"
    assert admin.post("/api/users", json={"name": "bad name!", "role": "viewer", "password": PASSWORD}).status_code == 400
    assert admin.post("/api/users", json={"name": "x", "role": "viewer", "password": "short"}).status_code == 400
    token = admin.post("/api/tokens", json={"user": "temp", "label": "ci"}).json()["data"]
    assert token["secret"].startswith("cwt_") and "secret" not in str(admin.get("/api/tokens").json()["data"])
    temp = TestClient(app, base_url=LOCAL, headers={"authorization": f"Bearer {token['secret']}"})
    assert temp.get("/api/claims").status_code == 200
    assert admin.post(f"/api/tokens/{token['id']}/revoke", json={"reason": "done"}).status_code == 200
    assert temp.get("/api/claims").status_code == 401
    assert admin.post("/api/users/temp/disable", json={}).status_code == 200
    assert {u["name"]: u["disabled"] for u in admin.get("/api/users").json()["data"]}["temp"] is True
    events = [e for e in store.audit_events() if e.subject in ("user:temp", f"token:{token['id']}")]
    assert [(e.action, e.actor) for e in events] == [("user.add", "ada"), ("token.create", "ada"),
                                                      ("token.revoke", "ada"), ("user.disable", "ada")]


def test_auth_every_page_renders_for_a_viewer(served) -> None:
    store, app, _ = served
    c, _ = _login(app, "vic")
    claim = store.list_claims(limit=1).items[0]
    incident = store.list_incidents(limit=1).items[0].id
    doc = store.get_document(claim.doc_id).ref
    for path in ("/", "/timeline", "/agreements", "/agreements/energy-moratorium-2025", "/incidents",
                 f"/incidents/{incident}", "/documents", f"/documents/{doc}", "/review",
                 f"/claims/{claim.id}/review", "/api/reports/daily/2025-03-14"):
        resp = c.get(path)
        assert resp.status_code == 200 and "Log out" in resp.text or path.startswith("/api"), path
        assert 'name="decision.' not in resp.text and "form class=\"override\"" not in resp.text, path


def test_auth_write_bodies_are_bounded(served) -> None:
    store, app, tokens = served
    analyst = TestClient(app, base_url=LOCAL, headers={"authorization": f"Bearer {tokens['analyst']}"})
    claim_id = store.list_claims(limit=1).items[0].id
    huge = b'{"decisions": [], "reason": "' + b"x" * (2 * 1024 * 1024) + b'"}'
    resp = analyst.post(f"/api/claims/{claim_id}/review", content=huge, headers={"content-type": "application/json"})
    assert resp.status_code == 413 and resp.json()["error"]["code"] == "CW201"
    anonymous = TestClient(app, base_url=LOCAL).post("/login", content=huge)
    assert anonymous.status_code == 413  # refused before anyone is asked who they are


def test_auth_read_only_default_stays_public() -> None:
    c = TestClient(create_app(sample_store(), settings=Settings(db="sqlite://")), base_url=LOCAL)
    assert c.get("/api/claims").status_code == 200 and c.get("/").status_code == 200
    assert "Log out" not in c.get("/").text
    assert c.post("/login", data={"name": "x", "password": "y"}).status_code == 501
