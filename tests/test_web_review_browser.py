"""The review loop in Debian's chromium (Playwright) against a writable
uvicorn server: an analyst logs in, corrects the claimant of a misattributed
claim, sees the verdict change from corroborated to alleged, puts the
allegation to Russia and records its denial (disputed, with allegation,
request, answer and finding in order); a viewer then sees the confirmed
value; `audit verify` passes, and reports an edited row of the audit table
by its number."""

from __future__ import annotations

import os
import re
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import update
from typer.testing import CliRunner

from ceasewatch.accounts import add_user
from ceasewatch.api import create_app
from ceasewatch.assess import run
from ceasewatch.cli import app as cli_app
from ceasewatch.config import Settings
from ceasewatch.model import Claim, Claimant, Document, Evidence, WeaponCount
from ceasewatch.store import open_store
from ceasewatch.store import review_schema as rs
from ceasewatch.web.browser import CHROMIUM, CHROMIUM_ARGS, serve_in_background

pytestmark = pytest.mark.browser
PASSWORD = "a long enough password"
WIRE = (
    "KYIV, March 19 (Wire) - Ukraine's Air Force said Russia launched 145 drones overnight and hit an energy "
    "facility in Sumy region.\n\n"
    "Hours after the call with Washington, President Volodymyr Zelensky said Russian drones struck a power plant "
    "in Sumy region overnight."
)


def _span(phrase: str, field: str) -> Evidence:
    start = WIRE.index(phrase)
    return Evidence(field, start, start + len(phrase))


def _night(url: str) -> str:
    """The wire story with the president's claim misread as Putin's; assessed."""
    doc = Document.create(WIRE, publisher="Wire", language="en", source_id="wire-0319",
                          published=datetime(2025, 3, 19, 9, 0, tzinfo=UTC))
    common = dict(doc_id=doc.id, attacker="RU", target_country="UA", date=date(2025, 3, 19), regions=("UA-59",),
                  targets=("energy.power",), extractor="test.browser.v1", attribution="named", dating="night")
    air = Claim(claimant=Claimant("Ukrainian Air Force", "UA"), weapons=(WeaponCount("drone", launched=145),),
                evidence=(_span("Ukraine's Air Force", "claimant"), _span("energy facility", "targets.0")), **common)
    misread = Claim(claimant=Claimant("Putin", "RU"),
                    evidence=(_span("President Volodymyr Zelensky", "claimant"), _span("power plant", "targets.0")),
                    **common)
    with open_store(url) as store:
        store.add_documents([doc])
        store.replace_claims(doc.id, "test.browser.v1", [air, misread])
        add_user(store, "olena", "analyst", PASSWORD, actor="test")
        add_user(store, "vic", "viewer", PASSWORD, actor="test")
        run(store)
    return misread.id


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory):
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing but CI is set: install chromium (make system-deps)")
        pytest.skip(f"{CHROMIUM} not installed")
    url = f"sqlite:///{tmp_path_factory.mktemp('review') / 'review.db'}"
    claim_id = _night(url)
    store = open_store(url)
    with serve_in_background(create_app(store, settings=Settings(db=url), read_only=False)) as base:
        yield base, url, claim_id, store
    store.close()


def _log_in(page, base: str, name: str, path: str) -> None:
    page.goto(base + path)
    page.wait_for_url("**/login?next=*")
    page.fill("input[name=name]", name)
    page.fill("input[name=password]", PASSWORD)
    page.click("form.login button[type=submit]")
    page.wait_for_url("**" + path)


def _ru_verdict(page) -> str:
    row = page.locator("#verdicts tr", has_text="energy-moratorium-2025").filter(has_text="RU").first
    return row.locator(".verdict").inner_text()


def test_web_review_loop(served) -> None:
    from playwright.sync_api import sync_playwright

    base, url, claim_id, store = served
    incident = store.list_incidents(limit=1).items[0].id
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            analyst = browser.new_context().new_page()
            errors: list[str] = []
            analyst.on("pageerror", lambda exc: errors.append(str(exc)))
            _log_in(analyst, base, "olena", f"/incidents/{incident}")
            assert _ru_verdict(analyst) == "corroborated"
            analyst.locator(f"#claim-{claim_id} a", has_text="Review").click()
            analyst.wait_for_url(f"**/claims/{claim_id}/review")
            assert "President Volodymyr Zelensky" in analyst.locator(".doctext mark").all_inner_texts()
            row = analyst.locator("tr[data-field=claimant]")
            row.locator("select").select_option("correct")
            row.locator("input[type=text]").fill('{"name": "Volodymyr Zelensky", "party": "UA"}')
            analyst.fill("input[name=reason]", "the president of Ukraine speaks, not Putin")
            analyst.click("#review-form button[type=submit]")
            analyst.wait_for_load_state()
            assert "Volodymyr Zelensky" in row.locator("td.human").inner_text()
            assert '"Putin"' in row.locator("td").nth(1).inner_text()  # the machine value stays beside it
            assert "alleged" in analyst.locator("#claim-verdicts").inner_text()
            analyst.goto(f"{base}/incidents/{incident}")
            assert _ru_verdict(analyst) == "alleged"
            # The allegation put to Russia, and its answer recorded
            row = analyst.locator("#verdicts tr", has_text="energy-moratorium-2025").filter(has_text="RU").first
            row.locator("form.request input[name=question]").fill("Did your forces strike the Sumy power plant?")
            row.locator("form.request button").click()
            analyst.wait_for_url("**#workflow")
            answer = analyst.locator("form.answer")
            answer.locator("textarea").fill("The Defence Ministry did not strike energy facilities in Sumy region.")
            answer.locator("input[name=publisher]").fill("Russian Ministry of Defence")
            answer.locator("input[name=claimant]").fill("Russian Ministry of Defence")
            answer.locator("input[name=quote]").fill("did not strike energy facilities")
            answer.locator("button").click()
            analyst.wait_for_load_state()
            steps = [x.lower() for x in analyst.locator("ol.workflow li .stepname").all_inner_texts()]
            order = [x for i, x in enumerate(steps) if i == 0 or steps[i - 1] != x]  # consecutive steps once
            assert order == ["allegation", "request", "answer", "finding"], steps
            assert steps.count("allegation") == 2  # the Air Force and, as corrected, the president
            assert _ru_verdict(analyst) == "disputed"
            assert not errors, errors

            incident = store.incident_ids([claim_id])[claim_id]  # the answer joined it: incidents follow their claims
            viewer = browser.new_context().new_page()
            _log_in(viewer, base, "vic", f"/incidents/{incident}")
            ua_side = viewer.locator("section.side-UA").inner_text()
            assert "Volodymyr Zelensky" in ua_side and "Confirmed by a person: claimant (olena)" in ua_side
            assert "Putin" not in viewer.locator("section.side-RU").inner_text()
            assert "Russian Ministry of Defence" in viewer.locator("section.side-RU").inner_text()  # the answer
            assert viewer.locator("form.override").count() == 0  # a viewer reviews nothing
        finally:
            browser.close()

    runner = CliRunner()
    ok = runner.invoke(cli_app, ["--db", url, "audit", "verify"])
    assert ok.exit_code == 0 and "chain intact" in ok.stdout, ok.output
    with store._engine.begin() as conn:
        seq = conn.execute(rs.audit_events.select().where(rs.audit_events.c.action == "claim.correct")).first().seq
        conn.execute(update(rs.audit_events).where(rs.audit_events.c.seq == seq).values(reason="nothing to see"))
    broken = runner.invoke(cli_app, ["--db", url, "audit", "verify"])
    assert broken.exit_code == 1
    assert re.search(rf"broken at event {seq} \(edited\)", broken.stderr.replace("\n", " ")), broken.stderr
