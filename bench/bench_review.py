"""Benchmark: what issue 14 adds to assessing and reviewing.

    python bench/bench_review.py [N]        (default N = 100,000 claims)

1. The conservative rules' cost: assess N synthetic claims (bench_assess's
   spring set, the worst case) with rules v1 and v2, with no claim doubtful
   and with a fifth inferred (claimant inherited from context) or resolved
   (date from a weekday): v2 re-judges an incident without its doubtful
   claims when it has any.
2. Reviews applied over the claims (`reviewed_claims`) for 1% of them.
3. The audit chain on SQLite (a file): appends per second (each its own
   write transaction, as a review is) and events verified per second over
   a chain of 50,000.
4. One argon2id password check (what a login costs).
Results go in docs/benchmarks.md under "## review".
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from bench_assess import synthetic_claims  # noqa: E402

from ceasewatch.accounts import hash_password  # noqa: E402
from ceasewatch.assess import RULESET_V1, assess_incidents, load_agreements, reviewed_claims  # noqa: E402
from ceasewatch.link import NightOverlapLinker  # noqa: E402
from ceasewatch.model import FieldReview  # noqa: E402
from ceasewatch.store import audit, open_store  # noqa: E402


def _assess(claims, ids, agreements, ruleset=None) -> float:
    by_id = dict(zip(ids, claims, strict=True))
    incidents, _ = NightOverlapLinker().link(claims, ids=ids)
    kw = {"ruleset": ruleset} if ruleset else {}
    t = time.process_time()
    assess_incidents(incidents, by_id, agreements, **kw)
    return time.process_time() - t


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    agreements = load_agreements()
    firm = [replace(c, attribution="named", dating="explicit") for c in synthetic_claims(n, spring=True)]
    rng = random.Random(3)
    doubtful = [replace(c, attribution="inherited") if r < 0.1 else replace(c, dating="weekday") if r < 0.2 else c
                for c, r in ((c, rng.random()) for c in firm)]
    ids = [c.id for c in firm]
    print(f"{n:,} claims, {len(agreements)} agreements")
    for label, claims in (("no claim doubtful", firm), ("a fifth doubtful", doubtful)):
        v1 = _assess(claims, ids, agreements, RULESET_V1)
        v2 = _assess(claims, ids, agreements)
        print(f"  assess, {label}: rules v1 {v1:.2f} s, v2 {v2:.2f} s CPU ({v2 / v1:.2f}x)")
    reviews = {cid: [FieldReview(f"r{i}", cid, "claimant", "confirm", None, None, "a")]
               for i, cid in enumerate(ids[:: 100])}
    t = time.process_time()
    reviewed_claims(doubtful, ids, reviews)
    print(f"  reviewed_claims with {len(reviews):,} reviews: {time.process_time() - t:.3f} s CPU")

    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(f"sqlite:///{tmp}/audit.db")
        events = 2000
        t = time.perf_counter()
        for i in range(events):
            store.record_event(actor="bench", action="claim.confirm", subject=f"claim:clm_{i}", after={"i": i})
        append = events / (time.perf_counter() - t)
        with store._write() as conn:  # a longer chain to verify, appended in one transaction
            for i in range(events, 50_000):
                audit.append(conn, actor="bench", action="ingest", subject=f"import:{i}", after={"i": i})
        t = time.perf_counter()
        count, problem = store.verify_audit()
        verify = count / (time.perf_counter() - t)
        store.close()
    print(f"  audit chain (SQLite file): {append:,.0f} appends/s, each its own transaction; "
          f"verify {verify:,.0f} events/s ({count:,} events, ok={problem is None})")
    t = time.perf_counter()
    hash_password("correct horse battery staple")
    print(f"  argon2id hash (= one login check): {(time.perf_counter() - t) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
