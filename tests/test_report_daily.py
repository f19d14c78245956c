"""The daily report on a small hand-made store: both sides side by side,
quoted evidence, counts against the previous day, HTML / Markdown / PDF."""

from __future__ import annotations

import json
import shutil
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from ceasewatch.api.memory_store import MemoryRepository
from ceasewatch.errors import InputError
from ceasewatch.model import Claim, Claimant, Document, Evidence, Place, WeaponCount
from ceasewatch.report import build_daily, daily_report

KYIV = timezone(timedelta(hours=2))
MSK = timezone(timedelta(hours=3))

UA_TEXT = ("Overnight the enemy attacked with 40 Shahed drones. "
           "A strike damaged a substation in Odesa region, leaving homes without power.")
RU_TEXT = "The Ministry of Defence said its forces did not strike any energy facilities overnight."
PREV_TEXT = "On the night of 18 March drones hit an oil depot in Mykolaiv region."


def span(text: str, words: str, field: str) -> Evidence:
    start = text.index(words)
    return Evidence(field, start, start + len(words))


def make_store() -> tuple[MemoryRepository, dict[str, Claim]]:
    store = MemoryRepository()
    ua_doc = Document.create(UA_TEXT, publisher="Ukrainian Air Force", published=datetime(2025, 3, 19, 9, 0, tzinfo=KYIV),
                             source_id="t-ua")
    ru_doc = Document.create(RU_TEXT, publisher="Russian Ministry of Defence",
                             published=datetime(2025, 3, 19, 11, 0, tzinfo=MSK), source_id="t-ru")
    prev_doc = Document.create(PREV_TEXT, publisher="Mykolaiv administration",
                               published=datetime(2025, 3, 18, 8, 0, tzinfo=KYIV), source_id="t-prev")
    store.add_documents([ua_doc, ru_doc, prev_doc])
    ua = Claim(doc_id=ua_doc.id, claimant=Claimant("Ukrainian Air Force", "UA"), attacker="RU", target_country="UA",
               date=date(2025, 3, 19), weapons=(WeaponCount("drone", "Shahed", launched=40),),
               regions=("UA-51",), places=(Place("Odesa", 46.48, 30.73, "UA-51"),), targets=("energy.power",),
               evidence=(span(UA_TEXT, "substation", "targets.0"), span(UA_TEXT, "40", "weapons.0.launched")),
               extractor="test.v1")
    ru = Claim(doc_id=ru_doc.id, claimant=Claimant("Russian Ministry of Defence", "RU"), stance="denied",
               attacker="RU", target_country="UA", date=date(2025, 3, 19), targets=("energy",),
               evidence=(span(RU_TEXT, "did not strike", "stance"),), extractor="test.v1")
    prev = Claim(doc_id=prev_doc.id, claimant=Claimant("Mykolaiv administration", "UA"), attacker="RU",
                 target_country="UA", date=date(2025, 3, 18), regions=("UA-48",), targets=("energy.oil_gas",),
                 evidence=(span(PREV_TEXT, "oil depot", "targets.0"),), extractor="test.v1")
    for c in (ua, ru, prev):
        store.replace_claims(c.doc_id, c.extractor, [c])
    return store, {"ua": ua, "ru": ru, "prev": prev}


def test_report_data_counts_sides_and_quotes() -> None:
    store, claims = make_store()
    r = build_daily(store, date(2025, 3, 19))
    states = {s.label: s for s in r.states}
    assert states["Energy-infrastructure strike moratorium (RU version)"].in_force
    assert states["Energy-infrastructure strike moratorium (UA version)"].state.startswith("not yet in force")
    assert states["Easter truce"].state.startswith("not yet in force")
    assert "condition" in states["Black Sea safe-navigation understanding (RU version)"].state
    assert r.period_from == date(2025, 3, 18)
    [entry] = r.violations
    assert [a.verdict for _, a in entry.findings] == ["disputed"]
    assert [c.claim for c in entry.sides["UA"]] == [claims["ua"]]
    assert [c.claim for c in entry.sides["RU"]] == [claims["ru"]]
    quote = entry.sides["UA"][0].quotes[0]
    assert quote.marked == "substation" and quote.before.startswith("A strike damaged")
    assert entry.sides["UA"][0].quotes[1].before == "Overnight the enemy attacked with "
    assert entry.sides["RU"][0].quotes[0].before == "The Ministry of Defence said its forces "
    ru_row = next(c for c in r.counts if c.label.endswith("(RU version)") and c.party == "RU")
    assert (ru_row.today, ru_row.previous, ru_row.period) == (1, 1, 2)
    assert r.region_counts == {"UA-51": 1} and r.places == [("Odesa", 46.48, 30.73)]
    assert [d.ref for d in r.sources] == ["t-ua", "t-ru"]
    assert r.daily_launches[(date(2025, 3, 19), "UA")] == 40


def test_report_html_and_markdown(tmp_path: Path) -> None:
    store, _ = make_store()
    html = daily_report(store, date(2025, 3, 19), "html")
    assert "Daily monitoring report" in html and "<svg" in html
    assert "<mark>substation</mark>" in html and "<mark>did not strike</mark>" in html
    assert "Ukrainian side" in html and "Russian side" in html and "disputed" in html
    md = daily_report(store, date(2025, 3, 19), "md", assets_dir=tmp_path)
    assert "**substation**" in md and "| Energy-infrastructure strike moratorium (RU version) | RU | 1 | 1 | 2 |" in md
    assert (tmp_path / "report-2025-03-19-violations.png").read_bytes()[:4] == b"\x89PNG"
    with pytest.raises(InputError):
        daily_report(store, date(2025, 3, 19), "docx")
    data = daily_report(store, date(2025, 3, 19), "json")
    assert json.loads(json.dumps(data))["violations"][0]["sides"]["RU"][0]["quotes"][0]["marked"] == "did not strike"
    assert data["counts"][0] == {"label": "Energy-infrastructure strike moratorium (RU version)", "party": "RU",
                                 "day": 1, "previous_day": 1, "period": 2, "period_from": "2025-03-18"}


def test_report_empty_day_says_so() -> None:
    store, _ = make_store()
    html = daily_report(store, date(2025, 6, 1), "html")
    assert "No claims are stored" in html and "No incident on this day" in html


@pytest.mark.browser
@pytest.mark.skipif(shutil.which("chromium") is None, reason="needs Debian's chromium")
def test_report_pdf_prints_with_chromium() -> None:
    store, _ = make_store()
    pdf = daily_report(store, date(2025, 3, 19), "pdf")
    assert pdf[:5] == b"%PDF-" and len(pdf) > 10_000
