"""Benchmark: link and assess N synthetic claims against the bundled agreements.

    python bench/bench_assess.py [N] [--spring]     (default N = 1,000,000)

Claims are generated with a fixed seed over three years of nights (or, with
--spring, all in March-May 2025 so every claim meets the agreements' full
rules: the worst case), both
target countries, 1-3 regions, 0-2 targets and two evidence spans each; a
tenth are denials, a tenth come from the attacker's side and some from third
parties. Reports CPU time per phase (one process, one core; wall time for
the totals) and the peak resident memory. Results go in docs/benchmarks.md under "## assess".
"""

from __future__ import annotations

import random
import resource
import sys
import time
from collections import Counter
from datetime import date, timedelta

from ceasewatch.assess import assess_incidents, load_agreements, reciprocity
from ceasewatch.link import NightOverlapLinker
from ceasewatch.model import TARGET_CODES, Claim, Claimant, Evidence, Place, WeaponCount

UA_REGIONS = [f"UA-{n:02d}" for n in (5, 7, 9, 12, 14, 18, 21, 23, 26, 30, 32, 35, 40, 43, 46, 48, 51, 53,
                                       56, 59, 61, 63, 65, 68, 71, 74, 77)]
RU_REGIONS = ["RU-BEL", "RU-BRY", "RU-KRS", "RU-VOR", "RU-ROS", "RU-KDA", "RU-MOS", "RU-MOW", "RU-ORL",
              "RU-LIP", "RU-TAM", "RU-SAR", "RU-VGG", "RU-TA", "RU-BA", "RU-SMO", "RU-KLU", "RU-TUL"]
CLAIMANTS = {
    "UA": [Claimant("Ukrainian Air Force", "UA"), Claimant("regional administration", "UA"),
           Claimant("General Staff of Ukraine", "UA")],
    "RU": [Claimant("Russian Ministry of Defence", "RU"), Claimant("regional governor", "RU")],
    "OTHER": [Claimant("IAEA", "OTHER"), Claimant("UN monitoring mission", "OTHER")],
}


def synthetic_claims(n: int, seed: int = 7, *, spring: bool = False) -> list[Claim]:
    rng = random.Random(seed)
    start, days = (date(2025, 3, 1), 92) if spring else (date(2023, 1, 1), 3 * 365)
    claims = []
    for i in range(n):
        target = "UA" if rng.random() < 0.7 else "RU"
        attacker = "RU" if target == "UA" else "UA"
        roll = rng.random()
        party = target if roll < 0.75 else attacker if roll < 0.95 else "OTHER"
        stance = "denied" if party == attacker and rng.random() < 0.5 else "asserted"
        regions = tuple(rng.sample(UA_REGIONS if target == "UA" else RU_REGIONS, rng.randint(1, 3)))
        claims.append(Claim(
            doc_id=f"doc-{i}",
            claimant=rng.choice(CLAIMANTS[party]),
            stance=stance,
            attacker=attacker,
            target_country=target,
            date=start + timedelta(days=rng.randrange(days)),
            weapons=(WeaponCount("drone", launched=rng.randint(0, 200), intercepted=rng.randint(0, 150)),),
            regions=regions,
            places=(Place(f"town-{rng.randrange(400)}", region=regions[0]),) if rng.random() < 0.4 else (),
            targets=tuple(rng.sample(TARGET_CODES, rng.randint(0, 2))),
            evidence=(Evidence("weapons.0.launched", 10, 13), Evidence("regions.0", 40, 52)),
            extractor="bench.v1",
        ))
    return claims


def maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(n: int, spring: bool) -> None:
    agreements = load_agreements()
    versions = sum(len(a.versions) for a in agreements)
    # CPU time of this process: the machine is shared, so wall time overstates one core's work.
    clock = time.process_time
    w0, t0 = time.perf_counter(), clock()
    claims = synthetic_claims(n, spring=spring)
    w1, t1 = time.perf_counter(), clock()
    rss_claims = maxrss_mb()
    ids = [c.id for c in claims]  # as assess.run does: hash once, share with the linker
    by_id = dict(zip(ids, claims, strict=True))
    t2 = clock()
    incidents, undated = NightOverlapLinker().link(claims, ids=ids)
    t3 = clock()
    assessments = assess_incidents(incidents, by_id, agreements)
    t4 = clock()
    rows = reciprocity(assessments, incidents)
    w5, t5 = time.perf_counter(), clock()
    verdicts = Counter(a.verdict for a in assessments)
    print(f"claims            {n:,} ({'Mar-May 2025' if spring else '2023-2025'}, {len(undated)} undated), "
          f"generated in {t1 - t0:.1f} s CPU ({w1 - w0:.1f} s wall), RSS {rss_claims:,.0f} MB")
    print(f"claim ids         {t2 - t1:.1f} s")
    print(f"link              {len(incidents):,} incidents in {t3 - t2:.1f} s")
    print(f"assess            {len(assessments):,} assessments ({len(agreements)} agreements, "
          f"{versions} versions) in {t4 - t3:.1f} s")
    print(f"reciprocity       {len(rows):,} rows in {t5 - t4:.1f} s")
    print(f"link+assess total {t5 - t1:.1f} s CPU ({w5 - w1:.1f} s wall); peak RSS {maxrss_mb():,.0f} MB")
    print("verdicts          " + ", ".join(f"{k} {v:,}" for k, v in sorted(verdicts.items())))


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    main(int(args[0]) if args else 1_000_000, "--spring" in sys.argv)
