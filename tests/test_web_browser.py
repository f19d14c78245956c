"""Browser tests: Debian's chromium driven by Playwright against a real
uvicorn server. Load every page, click map marker -> incident -> document,
check the highlighted evidence and that <script> in a source stays text.

They skip only when /usr/bin/chromium is missing outside CI; with CI set
they fail instead, so CI cannot pass without running them."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from ceasewatch.api import create_app
from ceasewatch.api.sample import sample_store
from ceasewatch.config import Settings
from ceasewatch.web.browser import CHROMIUM, CHROMIUM_ARGS, serve_in_background

pytestmark = pytest.mark.browser


def _require_chromium() -> None:
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing but CI is set: install chromium (make system-deps)")
        pytest.skip(f"{CHROMIUM} not installed")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    _require_chromium()
    store = sample_store(f"sqlite:///{tmp_path_factory.mktemp('web') / 'browser.db'}")
    with serve_in_background(create_app(store, settings=Settings(db="sqlite://"))) as base:
        yield base
    store.close()


@pytest.fixture(scope="module")
def browser(server: str):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def page(browser, server: str):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = ctx.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    # console errors include Content-Security-Policy violations and failed loads
    pg.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    # Nothing may leave the machine: no CDN, no tiles.
    outside: list[str] = []
    pg.on("request", lambda req: None if req.url.startswith(server) or req.url.startswith("data:") else outside.append(req.url))
    pg.js_errors = errors  # type: ignore[attr-defined]
    pg.outside_requests = outside  # type: ignore[attr-defined]
    yield pg
    ctx.close()


def test_web_browser_click_map_marker_to_incident_to_document(page, server: str) -> None:
    page.goto(server + "/")
    page.wait_for_selector("#map[data-ready='1']", timeout=15000)
    markers = page.locator("path.claim-marker-UA")
    assert markers.count() == 1
    markers.first.click()
    page.locator(".leaflet-popup-content a.incident-link").click()
    page.wait_for_url("**/incidents/inc_sample_ru_ua_0314")
    assert "Ukrainian Air Force" in page.locator("section.side-UA").inner_text()
    assert "denied" in page.locator("section.side-RU").inner_text()
    page.locator("section.side-UA a.document-link").first.click()
    page.wait_for_url("**/documents/sample-ua#claim-*")
    marked = page.locator("#doctext mark.ev").all_inner_texts()
    assert "27" in marked and "9 were lost locationally" in marked and "1 person was injured" in marked
    lost = page.locator("#doctext mark[data-fields='weapons.0.lost']")
    assert lost.evaluate("el => getComputedStyle(el).backgroundColor") != "rgba(0, 0, 0, 0)"
    assert page.js_errors == [] and page.outside_requests == []


def test_web_browser_source_script_stays_text(page, server: str) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(server + "/documents/sample-script")
    assert "<script>alert('x')</script>" in page.locator("#doctext").inner_text()
    assert page.locator("#doctext script").count() == 0
    assert dialogs == []
    assert page.locator("#doctext mark[data-fields='weapons.0.hit']").inner_text() == "3 drones hit"


def test_web_browser_every_page_loads_without_script_errors(page, server: str) -> None:
    page.goto(server + "/timeline")
    page.wait_for_selector("#timeline[data-ready='1']", timeout=15000)
    assert page.locator("canvas#chart-UA").bounding_box()["height"] > 50
    for path in ("/agreements", "/incidents", "/documents", "/incidents/inc_sample_ua_ru_0314"):
        resp = page.goto(server + path)
        assert resp is not None and resp.status == 200, path
        assert page.locator("header.top").is_visible()
    page.goto(server + "/incidents")
    page.locator("a.incident-link").first.click()
    assert "/incidents/inc_" in page.url
    assert page.js_errors == [] and page.outside_requests == []
