"""Benchmark: what a `watch` pass costs on a database that already holds N
claims, against re-running the whole `assess` the way a mission does by hand.

    python bench/bench_watch.py [--claims 100000] [--url URL]

Loads N synthetic claims over 2024-2025 (bench_store.synthetic, 2 per
document) into a fresh SQLite file (or --url), runs `assess.run` once (the
full run), then drops one new report about a night inside the data into a
watched folder and times `Watcher.run_once()`: the poll, the ingest,
extraction, linking and assessment of that night only, and the alert into
the outbox; then a second pass with nothing new, and a pass over a folder of
`--files` unchanged reports (content ids only, nothing read again). Peak
resident memory of the process at the end. Results go in docs/benchmarks.md
under "## watch".
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from bench_store import synthetic  # noqa: E402

from ceasewatch.assess import load_agreements, run  # noqa: E402
from ceasewatch.config import Settings  # noqa: E402
from ceasewatch.store import open_store  # noqa: E402
from ceasewatch.watch import FolderSource, WatchConfig, Watcher  # noqa: E402

REPORT = """Air Force of Ukraine, 27 March 2025

Overnight Russia attacked Ukraine with 40 Shahed attack drones. 31 drones were shot down over Poltava and Sumy regions. A power substation in Poltava region was hit, the regional energy company reported.
"""


def maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--claims", type=int, default=100_000)
    ap.add_argument("--files", type=int, default=1000, help="unchanged reports in the folder for the last pass")
    ap.add_argument("--url", default=None)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        url = args.url or f"sqlite:///{root / 'watch.db'}"
        store = open_store(url)
        t0 = time.perf_counter()
        docs, groups = [], []
        for doc, claims in synthetic(args.claims):
            docs.append(doc)
            groups.append((doc.id, claims[0].extractor, claims))
        store.add_documents_bulk(docs)
        store.replace_claims_bulk(groups)
        print(f"loaded {args.claims:,} claims in {time.perf_counter() - t0:.1f} s")
        agreements = load_agreements()
        t0 = time.perf_counter()
        summary = run(store, agreements=agreements)
        full = time.perf_counter() - t0
        print(f"full assess: {full:.2f} s ({summary.incidents:,} incidents, {summary.assessments:,} assessments)")

        inbox = root / "inbox"
        inbox.mkdir()
        source = FolderSource(kind="folder", name="inbox", path=str(inbox), every=60, settle=0)
        watcher = Watcher(WatchConfig(source=[source], alerts={"log": False}), store, settings=Settings(),
                          agreements=agreements)
        watcher.run_once()  # an empty folder: registers the source
        (inbox / "uaf-0327.txt").write_text(REPORT, encoding="utf-8")
        t0 = time.perf_counter()
        report = watcher.run_once()
        one = time.perf_counter() - t0
        pr = report.process
        print(f"pass with 1 new report: {one:.2f} s ({len(pr.nights)} night, {pr.incidents} incidents, "
              f"{pr.assessments} assessments, {len(pr.new_alerts)} new alerts)")
        t0 = time.perf_counter()
        watcher.run_once()
        print(f"pass with nothing new: {time.perf_counter() - t0:.3f} s")
        for i in range(args.files):
            (inbox / f"old-{i}.txt").write_text(f"Report {i}: nothing happened overnight.\n", encoding="utf-8")
        watcher.run_once()  # reads them once
        t0 = time.perf_counter()
        watcher.run_once()
        print(f"pass over {args.files + 1:,} unchanged files: {time.perf_counter() - t0:.3f} s")
        print(f"peak RSS: {maxrss_mb():.0f} MB; speed-up of one pass over a full assess: {full / one:.0f}x")
        store.close()


if __name__ == "__main__":
    main()
