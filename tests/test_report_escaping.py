"""The daily report renders hostile source text as text, in HTML and in
Markdown (issue 13: the Markdown report passed HTML through, and a
renderer that allows HTML ran an injected `<iframe srcdoc>`). The same
payloads go into both formats: claimant names, publishers, source ids,
URLs and the quoted evidence."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from lxml import html as lxml_html
from markdown_it import MarkdownIt

from ceasewatch.api.memory_store import MemoryRepository
from ceasewatch.model import Claim, Claimant, Document, Evidence, WeaponCount
from ceasewatch.report import daily_report
from ceasewatch.report.render import md

KYIV = timezone(timedelta(hours=2))
DAY = date(2025, 3, 19)
PAYLOADS = (
    "<script>window.pwned=1</script>",
    '<iframe srcdoc="<script>parent.pwned=1</script>"></iframe>',
    "<img src=x onerror=alert(1)>",
    "[click me](javascript:alert(1))",
    "![tracker](http://evil.example/pixel.png)",
    "<a href='javascript:alert(1)'>x</a>",
    "| injected | cell |\n\n# Heading <svg onload=alert(1)>",
    "`code` **bold** ~~gone~~ \\",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
)
HOSTILE = " ".join(PAYLOADS)


def _store() -> MemoryRepository:
    store = MemoryRepository()
    ua_text = f"Overnight the enemy attacked with 40 Shahed drones. {HOSTILE} A substation in Odesa region was hit."
    ru_text = f"{HOSTILE} The Ministry said its forces did not strike any energy facilities overnight."
    ua_doc = Document.create(ua_text, publisher=HOSTILE, published=datetime(2025, 3, 19, 9, tzinfo=KYIV),
                             source_id="<script>ref</script>", url="javascript:alert(1)")
    ru_doc = Document.create(ru_text, publisher="Ministry [x](javascript:alert(2))",
                             published=datetime(2025, 3, 19, 11, tzinfo=KYIV), url="https://example.org/a_b*c")
    store.add_documents([ua_doc, ru_doc])

    def span(text: str, words: str, field: str) -> Evidence:
        start = text.index(words)
        return Evidence(field, start, start + len(words))

    ua = Claim(doc_id=ua_doc.id, claimant=Claimant(f"Air Force {PAYLOADS[1]}", "UA"), attacker="RU",
               target_country="UA", date=DAY, weapons=(WeaponCount("drone", "Shahed", launched=40),),
               regions=("UA-51",), targets=("energy.power",),
               evidence=(span(ua_text, "substation", "targets.0"), span(ua_text, PAYLOADS[0], "places.0")),
               extractor="test.v1")
    ru = Claim(doc_id=ru_doc.id, claimant=Claimant(PAYLOADS[2], "RU"), stance="denied", attacker="RU",
               target_country="UA", date=DAY, targets=("energy",),
               evidence=(span(ru_text, "did not strike", "stance"), span(ru_text, PAYLOADS[1], "claimant")),
               extractor="test.v1")
    for c in (ua, ru):
        store.replace_claims(c.doc_id, c.extractor, [c])
    return store


def _dangerous(page: str) -> list[str]:
    """Active content in an HTML page: scripts, frames, embedded objects,
    event handler attributes, javascript: URLs, images from elsewhere."""
    root = lxml_html.fromstring(page)
    found = [el.tag for el in root.iter("script", "iframe", "object", "embed", "frame")]
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        for name, value in el.attrib.items():
            if name.lower().startswith("on") or name.lower() == "srcdoc":
                found.append(f"{el.tag}@{name}")
            if name.lower() in ("href", "src") and value.strip().lower().startswith("javascript:"):
                found.append(f"{el.tag}@{name}={value}")
            if el.tag == "img" and name == "src" and value.startswith("http"):
                found.append(f"img@src={value}")
    return found


def test_report_escaping_markdown_rendered_with_html_allowed_is_inert() -> None:
    text = daily_report(_store(), DAY, "md")
    rendered = MarkdownIt("commonmark", {"html": True}).enable("table").enable("strikethrough").render(text)
    assert _dangerous(f"<html><body>{rendered}</body></html>") == []
    # the hostile text is still there for a reader, as text
    plain = lxml_html.fromstring(f"<div>{rendered}</div>").text_content()
    assert "<script>window.pwned=1</script>" in plain and "[click me](javascript:alert(1))" in plain
    assert "did not strike" in plain and "Heading" in plain
    assert "\n# Heading" not in text  # a newline in a quote does not start a block


def test_report_escaping_html_report_is_inert() -> None:
    page = daily_report(_store(), DAY, "html")
    # the report draws its charts with inline SVG and has no script of its own
    assert _dangerous(page) == []
    assert "<script>window.pwned=1</script>" in lxml_html.fromstring(page).text_content()


@pytest.mark.parametrize("payload", PAYLOADS)
def test_report_escaping_md_renders_each_payload_as_its_text(payload: str) -> None:
    rendered = MarkdownIt("commonmark", {"html": True}).enable("table").render(md(payload))
    shown = lxml_html.fromstring(f"<div>{rendered}</div>").text_content().strip()
    assert shown == " ".join(payload.split())
    assert _dangerous(f"<html><body>{rendered}</body></html>") == []
