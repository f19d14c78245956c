"""Take the dashboard screenshots for the README (docs/screenshots/*.png).

    python -m ceasewatch.web.screenshots --db sqlite:///out/demo.db --out docs/screenshots
    python -m ceasewatch.web.screenshots --corpus demo   # ingest, extract, link, assess in memory
    python -m ceasewatch.web.screenshots --sample   # the built-in sample data

Starts the app on a free local port, drives Debian's chromium with
Playwright and saves one PNG per main view. The incident and document shown
are the ones with the most claims, so the pictures are not empty.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ..api import create_app
from ..api.queries import all_assessments, all_incidents
from ..config import load_settings
from ..errors import CeasewatchError
from .browser import CHROMIUM, CHROMIUM_ARGS, corpus_store, serve_in_background

__all__ = ["take_screenshots"]


def _pick_incident(store: Any) -> tuple[str | None, str | None]:
    """The incident that shows most: a verdict naming a violator, claims
    from several parties; and, of its documents, the one with most evidence."""
    flagged = {a.incident_id for a in all_assessments(store) if a.violator}
    best, best_score = None, -1
    for inc in all_incidents(store):
        parties = set()
        for cid in inc.claim_ids:
            try:
                parties.add(store.get_claim(cid).claimant.party)
            except CeasewatchError:
                continue
        score = (inc.id in flagged) * 1000 + len(parties) * 100 + len(inc.claim_ids)
        if score > best_score:
            best, best_score = inc, score
    if best is None:
        return None, None
    evidence: dict[str, int] = {}
    for cid in best.claim_ids:
        try:
            claim = store.get_claim(cid)
        except CeasewatchError:
            continue
        evidence[claim.doc_id] = evidence.get(claim.doc_id, 0) + len(claim.evidence)
    if not evidence:
        return best.id, None
    return best.id, store.get_document(max(evidence, key=lambda d: evidence[d])).ref


def take_screenshots(store: Any, out: Path, *, agreement: str | None = None) -> list[Path]:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    app = create_app(store, settings=load_settings())
    incident_id, doc_ref = _pick_incident(store)
    shots: list[tuple[str, str, str | None]] = [
        ("map", "/", "#map[data-ready='1']"),
        ("timeline", "/timeline", "#timeline[data-ready='1']"),
    ]
    if agreement:
        shots.append(("agreement", f"/agreements/{agreement}", None))
    if incident_id:
        shots.append(("incident", f"/incidents/{incident_id}", None))
    if doc_ref:
        shots.append(("document", f"/documents/{doc_ref}", None))
    written: list[Path] = []
    with serve_in_background(app) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        page = browser.new_page(viewport={"width": 1360, "height": 900})
        for name, path, ready in shots:
            page.goto(base + path)
            if ready:
                page.wait_for_selector(ready, timeout=30000)
            page.wait_for_timeout(300)
            target = out / f"{name}.png"
            page.screenshot(path=str(target), full_page=name != "map")
            written.append(target)
        browser.close()
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="database URL (default: the `db` setting)")
    parser.add_argument("--sample", action="store_true", help="use the built-in sample data")
    parser.add_argument("--corpus", help="build an in-memory store from this corpus folder")
    parser.add_argument("--out", default="docs/screenshots", help="output folder")
    parser.add_argument("--agreement", default="energy-moratorium-2025", help="agreement id for the agreement view")
    args = parser.parse_args()
    if args.corpus:
        store = corpus_store(args.corpus)
    elif args.sample:
        from ..api.sample import sample_store

        store = sample_store()
    else:
        from ..store import open_store  # type: ignore[attr-defined]

        store = open_store(args.db or load_settings().db)
    for path in take_screenshots(store, Path(args.out), agreement=args.agreement):
        print(path)


if __name__ == "__main__":
    main()
