"""Storage benchmark: bulk-load synthetic claims, then time filtered listings,
deep pages and the timeline aggregate.

    python bench/bench_store.py                      # 20k claims, SQLite (the `make bench` run)
    python bench/bench_store.py --claims 1000000     # the 1M figure of docs/benchmarks.md
    python bench/bench_store.py --url postgresql://ceasewatch:ceasewatch@127.0.0.1:54329/bench

Each query runs `--repeat` times; the median is reported. The synthetic data
spread over two years, 2 claims per document, 25 regions, all target codes.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from ceasewatch.model import TARGET_CODES, Claim, Claimant, Document, Evidence, Place, WeaponCount
from ceasewatch.store import ClaimFilter, open_store

REGIONS = [
    f"UA-{n:02d}" for n in (5, 7, 9, 12, 14, 18, 21, 23, 26, 30, 32, 35, 46, 48, 51, 53, 56, 59, 61, 63, 65)
]
REGIONS += ["RU-BEL", "RU-KRS", "RU-BRY", "SEA-BLACK"]
START = date(2024, 1, 1)
DAYS = 730


def synthetic(n_claims: int, seed: int = 7) -> Iterator[tuple[Document, list[Claim]]]:
    rnd = random.Random(seed)
    made = 0
    i = 0
    while made < n_claims:
        i += 1
        text = f"Report {i}: overnight {rnd.randint(1, 200)} drones were launched; several were shot down."
        doc = Document.create(text, publisher=rnd.choice(["UAF", "MoD", "gov"]), source_id=f"bench-{i}")
        claims = []
        for k in range(min(2, n_claims - made)):
            # k separates the two claims' keys (claimant party), so both are kept.
            party = "UA" if k == 0 else "RU"
            day = START + timedelta(days=rnd.randrange(DAYS))
            launched = rnd.randint(1, 300)
            claims.append(
                Claim(
                    doc_id=doc.id,
                    claimant=Claimant("Air Force of Ukraine" if party == "UA" else "Russian MoD", party),
                    attacker="RU" if party == "UA" else "UA",
                    target_country="UA" if party == "UA" else "RU",
                    date=day,
                    weapons=(
                        WeaponCount("drone", "Shahed", launched, launched // 2, rnd.randint(0, 9), None),
                        *(
                            (WeaponCount("cruise_missile", None, 3, 2, None, 1),)
                            if rnd.random() < 0.2
                            else ()
                        ),
                    ),
                    regions=tuple(rnd.sample(REGIONS, rnd.randint(1, 2))),
                    places=(Place("Kharkiv", 49.98, 36.25, "UA-63", "settlement", 706483),)
                    if rnd.random() < 0.5
                    else (),
                    targets=(rnd.choice(TARGET_CODES),),
                    killed=rnd.choice([None, 0, 1, 3]),
                    evidence=(Evidence("weapons.0.launched", 20, 23), Evidence("claimant", 0, 6)),
                    extractor="ceasewatch.bench.v1",
                )
            )
        made += len(claims)
        yield doc, claims


def timed(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    runs, out = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        runs.append(time.perf_counter() - t0)
    return statistics.median(runs), out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--claims", type=int, default=20_000)
    ap.add_argument("--url", default=None, help="database URL (default: a temporary SQLite file)")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--keep", action="store_true", help="reuse the data already in --url (skip loading)")
    args = ap.parse_args()

    tmp = None
    url = args.url
    if url is None:
        tmp = tempfile.TemporaryDirectory(prefix="cw-bench-")
        url = f"sqlite:///{Path(tmp.name) / 'bench.db'}"
    store = open_store(url)
    print(f"store: {store.url} ({store.dialect}), {args.claims:,} claims")

    if not args.keep:
        t0 = time.perf_counter()
        batch: list[tuple[Document, list[Claim]]] = []
        n = 0
        for pair in synthetic(args.claims):
            batch.append(pair)
            if len(batch) == 5000:
                store.add_documents_bulk([d for d, _ in batch], chunk_size=5000)
                n += store.replace_claims_bulk(
                    ((d.id, "ceasewatch.bench.v1", cs) for d, cs in batch), chunk_size=5000
                )
                batch = []
        if batch:
            store.add_documents_bulk([d for d, _ in batch], chunk_size=5000)
            n += store.replace_claims_bulk(
                ((d.id, "ceasewatch.bench.v1", cs) for d, cs in batch), chunk_size=5000
            )
        load = time.perf_counter() - t0
        print(f"load: {n:,} claims in {load:.1f} s ({n / load:,.0f} claims/s)")

    mid = START + timedelta(days=DAYS // 2)
    filters = {
        "no filter": None,
        "one week": ClaimFilter(date_from=mid, date_to=mid + timedelta(days=6)),
        "party RU": ClaimFilter(party="RU"),
        "region UA-63": ClaimFilter(region="UA-63"),
        "target energy": ClaimFilter(target="energy"),
        "week+UA+region+target": ClaimFilter(
            date_from=mid, date_to=mid + timedelta(days=6), party="UA", region="UA-63", target="energy"
        ),
        "claimant substring": ClaimFilter(claimant="air force"),
    }
    print(f"{'query':34} {'median ms':>10}  rows/total")
    for name, flt in filters.items():
        sec, page = timed(lambda flt=flt: store.list_claims(flt, limit=100), args.repeat)
        print(f"{'list_claims ' + name:34} {sec * 1000:10.1f}  {len(page.items)}/{page.total}")
        sec, page = timed(lambda flt=flt: store.list_claims(flt, limit=100, count=False), args.repeat)
        print(f"{'  same, count=False':34} {sec * 1000:10.1f}  {len(page.items)}")

    # A page deep in the listing: follow cursors 50 pages in, then time the next one.
    cursor = None
    for _ in range(50):
        cursor = (
            store.list_claims(limit=100, count=False).next_cursor
            if cursor is None
            else (store.list_claims(cursor=cursor, limit=100, count=False).next_cursor)
        )
    sec, _ = timed(lambda: store.list_claims(cursor=cursor, limit=100, count=False), args.repeat)
    print(f"{'list_claims page 51 (cursor)':34} {sec * 1000:10.1f}")

    for name, flt in {
        "timeline all": None,
        "timeline one month": ClaimFilter(date_from=mid, date_to=mid + timedelta(days=30)),
        "timeline region UA-63": ClaimFilter(region="UA-63"),
        "timeline party UA": ClaimFilter(party="UA"),
    }.items():
        sec, rows = timed(lambda flt=flt: store.timeline(flt), max(1, args.repeat // 2))
        print(f"{name:34} {sec * 1000:10.1f}  {len(rows)} rows")
    some = store.list_claims(limit=1, count=False).items[0]
    sec, _ = timed(lambda: store.get_claim(some.id), args.repeat)
    print(f"{'get_claim':34} {sec * 1000:10.1f}")
    store.close()
    if tmp is not None:
        tmp.cleanup()


if __name__ == "__main__":
    main()
