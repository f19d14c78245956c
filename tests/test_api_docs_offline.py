"""`/api/docs` works offline: the Swagger UI page names only this server's
URLs, the vendored swagger-ui-dist files are served from /static (also by an
app without the dashboard), and headless Chromium renders the operations with
every other host blocked and no console error."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from ceasewatch.api import create_app
from ceasewatch.api.app import SWAGGER_UI_DIR, SWAGGER_UI_URL
from ceasewatch.api.sample import sample_store
from ceasewatch.config import Settings
from ceasewatch.web.browser import CHROMIUM, CHROMIUM_ARGS, serve_in_background

ASSETS = ("swagger-ui-bundle.js", "swagger-ui.css")


def _client(*, dashboard: bool) -> TestClient:
    app = create_app(sample_store(), settings=Settings(db="sqlite://"), dashboard=dashboard)
    return TestClient(app, base_url="http://127.0.0.1")


URL_ATTRIBUTE = re.compile(r"""(?:src|href)\s*=\s*["']([^"']+)["']|url:\s*'([^']+)'""")


def _referenced_urls(html: str) -> list[str]:
    """Every src=, href= and Swagger UI `url:` in the page."""
    return [a or b for a, b in URL_ATTRIBUTE.findall(html)]


@pytest.mark.parametrize("dashboard", [True, False])
def test_api_docs_page_references_only_local_urls(dashboard: bool) -> None:
    with _client(dashboard=dashboard) as client:
        resp = client.get("/api/docs")
        assert resp.status_code == 200 and "text/html" in resp.headers["content-type"]
        html = resp.text
        urls = _referenced_urls(html)
        assert f"{SWAGGER_UI_URL}/swagger-ui-bundle.js" in urls and f"{SWAGGER_UI_URL}/swagger-ui.css" in urls
        assert "/api/openapi.json" in urls
        assert all(u.startswith("/") or u.startswith("data:") for u in urls), urls
        assert "://" not in html, "the docs page names another host"
        csp = resp.headers["content-security-policy"]
        assert "http" not in csp and "script-src 'self' 'unsafe-inline'" in csp
        for name in ASSETS:
            asset = client.get(f"{SWAGGER_UI_URL}/{name}")
            assert asset.status_code == 200, name
            assert asset.content == (SWAGGER_UI_DIR / name).read_bytes()
        assert client.get(f"{SWAGGER_UI_URL}/swagger-ui-bundle.js").headers["content-type"].startswith(
            ("text/javascript", "application/javascript")
        )
        assert client.get("/api/openapi.json").json()["info"]["title"] == "ceasewatch"


def test_api_docs_vendored_files_keep_their_licence() -> None:
    licence = (SWAGGER_UI_DIR / "LICENSE.txt").read_text(encoding="utf-8")
    assert "Apache License" in licence and "Version 2.0" in licence
    notice = (Path(__file__).resolve().parents[1] / "NOTICE.md").read_text(encoding="utf-8")
    readme = (SWAGGER_UI_DIR.parent / "README.md").read_text(encoding="utf-8")
    version = re.search(r"swagger-ui-dist (\d+\.\d+\.\d+)", notice)
    assert version and f"Swagger UI | {version.group(1)}" in readme


def test_api_docs_swagger_ui_not_in_openapi_schema() -> None:
    with _client(dashboard=False) as client:
        assert "/api/docs" not in client.get("/api/openapi.json").json()["paths"]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing but CI is set: install chromium (make system-deps)")
        pytest.skip(f"{CHROMIUM} not installed")
    store = sample_store(f"sqlite:///{tmp_path_factory.mktemp('docs') / 'docs.db'}")
    with serve_in_background(create_app(store, settings=Settings(db="sqlite://"))) as base:
        yield base
    store.close()


@pytest.mark.browser
def test_api_docs_render_in_chromium_with_other_hosts_blocked(server: str) -> None:
    from playwright.sync_api import Route, sync_playwright

    blocked: list[str] = []
    errors: list[str] = []

    def only_this_server(route: Route) -> None:
        url = route.request.url
        if url.startswith(server) or url.startswith("data:"):
            route.continue_()
        else:
            blocked.append(url)
            route.abort("internetdisconnected")

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            ctx = browser.new_context(viewport={"width": 1280, "height": 900})
            ctx.route("**/*", only_this_server)
            page = ctx.new_page()
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
            page.goto(server + "/api/docs")
            page.wait_for_selector("#swagger-ui .opblock", timeout=20000)
            assert "ceasewatch" in page.locator("#swagger-ui .info .title").inner_text()
            assert page.locator("#swagger-ui .opblock-summary-path", has_text="/api/claims").count() >= 1
            # an operation opens and shows its parameters, all from the local schema
            page.locator("#swagger-ui .opblock-summary", has_text="/api/claims").first.click()
            page.wait_for_selector("#swagger-ui .opblock.is-open .parameters", timeout=10000)
            ctx.close()
        finally:
            browser.close()
    assert not blocked, f"the docs page asked other hosts: {blocked}"
    assert not errors, errors
