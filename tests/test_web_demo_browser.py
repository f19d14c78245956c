"""Browser walk over the dashboard filled from the bundled demo corpus:
documents ingested, claims extracted (gold claims stand in for a language
whose extractor is not built), linked and assessed into a real SQLite store.
Every page loads without script errors or outside requests, the map links to
incidents, and every highlighted span equals the document text at its offsets.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from ceasewatch.api import create_app
from ceasewatch.config import Settings
from ceasewatch.web.browser import CHROMIUM, CHROMIUM_ARGS, corpus_store, serve_in_background

DEMO = Path(__file__).resolve().parents[1] / "demo"
pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing but CI is set: install chromium (make system-deps)")
        pytest.skip(f"{CHROMIUM} not installed")
    if not DEMO.is_dir():
        pytest.fail(f"demo corpus missing at {DEMO}")
    store = corpus_store(DEMO, f"sqlite:///{tmp_path_factory.mktemp('demo') / 'demo.db'}")
    if not store.info()["counts"]["claims"]:
        pytest.fail("no claims from the demo corpus: nothing to show")
    with serve_in_background(create_app(store, settings=Settings(db="sqlite://"))) as base:
        yield base
    store.close()


def test_web_demo_every_view_and_evidence_offsets(demo_server: str) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        errors: list[str] = []
        outside: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
        page.on("request", lambda r: None if r.url.startswith(demo_server) else outside.append(r.url))

        page.goto(demo_server + "/")
        page.wait_for_selector("#map[data-ready='1']", timeout=20000)
        assert page.locator("path.region").count() > 100  # UA and RU admin-1 polygons
        assert page.locator("path.claim-marker").count() > 0
        page.goto(demo_server + "/timeline")
        page.wait_for_selector("#timeline[data-ready='1']", timeout=20000)

        page.goto(demo_server + "/agreements")
        names = page.locator("a.agreement-link")
        assert names.count() >= 1
        names.first.click()
        assert page.locator("section.version").count() >= 1

        page.goto(demo_server + "/incidents")
        links = [a.get_attribute("href") for a in page.locator("a.incident-link").all()]
        assert links, "no incidents linked from the demo corpus"
        checked_docs = 0
        for href in links[:6]:
            page.goto(demo_server + href)
            assert page.locator("section.side").count() >= 2
            for doc_href in {a.get_attribute("href").split("#")[0] for a in page.locator("a.document-link").all()}:
                page.goto(demo_server + doc_href)
                text = page.request.get(demo_server + "/api" + doc_href).json()["data"]["document"]["text"]
                for mark in page.locator("#doctext mark.ev").all():
                    start, end = int(mark.get_attribute("data-start")), int(mark.get_attribute("data-end"))
                    assert mark.inner_text() == text[start:end]
                checked_docs += 1
        assert checked_docs > 0
        browser.close()
    assert errors == [] and outside == []
