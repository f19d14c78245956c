"""Benchmark: latency of the API's main filtered queries and of the timeline
aggregate on a generated store of N claims (default 1,000,000).

    python bench/bench_api.py [--claims N] [--db URL] [--pg URL] [--repeat R] [--keep] [--only TEXT]

The store is filled once per URL: skipped when it already holds N claims of
this script (so `--keep` + a second run measures a warm file); a store
holding claims of anything else (another benchmark's file) is refused, as
its figures would not be comparable. An older schema is migrated first (the
aggregates of version 3 are backfilled). SQLite always; PostgreSQL too when
`--pg` or CEASEWATCH_BENCH_PG / CEASEWATCH_TEST_PG is set.
Requests go through the real ASGI app in-process (routing, validation,
store query, JSON encoding; no network), R times each with varied
parameters; p50 and p95 in milliseconds. Results go in docs/benchmarks.md
under "## api".
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

from fastapi.testclient import TestClient

from ceasewatch.api import create_app
from ceasewatch.config import Settings
from ceasewatch.model import (
    Assessment,
    Claim,
    Claimant,
    Document,
    Evidence,
    Incident,
    Place,
    WeaponCount,
)
from ceasewatch.store import ClaimFilter

UA = [f"UA-{n:02d}" for n in (5, 7, 9, 12, 14, 18, 21, 23, 26, 30, 32, 35, 43, 46, 48, 51, 53, 56, 59, 61, 63, 65, 68, 71, 74, 77)]
RU = ["RU-BEL", "RU-BRY", "RU-KRS", "RU-VOR", "RU-ROS", "RU-KDA", "RU-MOS", "RU-ORL", "RU-LIP", "RU-TAM", "RU-SAR"]
TARGETS = ["energy.power", "energy.oil_gas", "civilian.residential", "civilian", "transport.rail", "industry", "military"]
SPEAKERS = {
    "UA": ["Ukrainian Air Force", "General Staff of Ukraine", "Kharkiv regional administration"],
    "RU": ["Russian Ministry of Defence", "Belgorod governor", "Kursk governor"],
    "OTHER": ["IAEA", "UN monitoring mission"],
}
FIRST_DAY = date(2022, 3, 1)
DAYS = 1400
AGREEMENTS = ["energy-moratorium-2025", "black-sea-2025", "easter-truce-2025"]
VERDICTS = ["outside_scope", "not_in_force", "no_violation", "alleged", "corroborated", "disputed"]
EXTRACTOR = "bench.synthetic.v1"
TEXT = "Overnight the attacker launched 42 drones; air defence destroyed 30 over the region. A substation was hit."


def synthetic(n_claims: int, seed: int = 11) -> Iterator[tuple[Document, list[Claim]]]:
    """Documents of 2 claims each (both sides of one night), spread over DAYS."""
    rng = random.Random(seed)
    for i in range(0, n_claims, 2):
        day = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
        doc = Document(id=f"doc_b{i:08d}", text=TEXT, publisher="bench", language="en",
                       source_kind="text", source_id=f"bench-{i}", title=f"bench {i}")
        claims = []
        for j, party in enumerate(("UA", "RU")[: min(2, n_claims - i)]):
            target = rng.choice(("UA", "RU"))
            if j == 0 and rng.random() < 0.1:
                party = "OTHER"  # the second claim stays RU, so keys never collide
            regions = tuple(rng.sample(UA if target == "UA" else RU, rng.randint(1, 3)))
            launched = rng.randint(5, 120)
            claims.append(Claim(
                doc_id=doc.id,
                claimant=Claimant(rng.choice(SPEAKERS[party]), party),
                stance="denied" if j == 1 and rng.random() < 0.1 else "asserted",
                attacker="RU" if target == "UA" else "UA",
                target_country=target,
                date=day,
                weapons=(WeaponCount("drone", None, launched, rng.randint(0, launched), None, None),),
                regions=regions,
                places=(Place("somewhere", 47 + rng.random() * 5, 30 + rng.random() * 8, regions[0]),),
                targets=tuple(rng.sample(TARGETS, rng.randint(0, 2))),
                evidence=(Evidence("weapons.0.launched", 31, 33),),
                extractor=EXTRACTOR,
            ))
        yield doc, claims


def synthetic_verdicts(seed: int = 5) -> tuple[list[Incident], list[Assessment]]:
    """One incident per day and target country; one verdict per agreement."""
    rng = random.Random(seed)
    incidents, verdicts = [], []
    for d in range(DAYS):
        day = FIRST_DAY + timedelta(days=d)
        for target in ("UA", "RU"):
            inc = Incident(f"inc_b{d:05d}{target}", target, day, (), (rng.choice(UA if target == "UA" else RU),),
                           attacker="RU" if target == "UA" else "UA", linker="bench.linker.v1")
            incidents.append(inc)
            for agreement in AGREEMENTS:
                verdict = rng.choice(VERDICTS)
                verdicts.append(Assessment(f"asm_{inc.id}_{agreement}", inc.id, agreement, None, verdict, "bench",
                                           "synthetic", violator=inc.attacker if verdict in VERDICTS[3:] else None,
                                           ruleset="bench.rules.v1"))
    return incidents, verdicts


def fill(store, n_claims: int, *, claims: bool = True) -> float:
    """Load the synthetic data with the store's bulk paths
    (`add_documents_bulk`, `replace_claims_bulk`; both skip or replace what
    an interrupted fill left), then the incidents and verdicts; returns
    seconds. `claims=False` loads only the incidents and verdicts."""
    t0 = time.perf_counter()
    docs: list[Document] = []
    groups: list[tuple[str, str, list[Claim]]] = []
    loaded = 0
    for doc, made in synthetic(n_claims) if claims else ():
        docs.append(doc)
        groups.append((doc.id, EXTRACTOR, made))
        if len(docs) >= 20000:
            loaded += _flush(store, docs, groups)
            docs, groups = [], []
            print(f"  {loaded:,} claims, {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    loaded += _flush(store, docs, groups)
    incidents, verdicts = synthetic_verdicts()
    store.replace_incidents("bench.linker.v1", incidents)
    store.replace_assessments("bench.rules.v1", verdicts)
    return time.perf_counter() - t0


def prepare(store, n_claims: int) -> None:
    """Fill the store unless it already holds this script's data."""
    counts = store.info().get("counts", {})
    ours = store.list_claims(ClaimFilter(extractor=EXTRACTOR), limit=1, count=True).total or 0
    if counts.get("claims", 0) > ours:
        raise SystemExit(
            f"{store.url} holds {counts['claims'] - ours:,} claims not made by this benchmark "
            f"(extractor {EXTRACTOR}); give --db / --pg an empty database or one this script filled"
        )
    if ours < n_claims:
        print(f"filling {store.url} with {n_claims:,} claims ...", file=sys.stderr)
        print(f"filled in {fill(store, n_claims):.0f} s", file=sys.stderr)
    elif not counts.get("incidents") or not counts.get("assessments"):
        print(f"loading incidents and verdicts into {store.url} ...", file=sys.stderr)
        fill(store, n_claims, claims=False)


def _flush(store, docs: list[Document], groups: list[tuple[str, str, list[Claim]]]) -> int:
    if not docs:
        return 0
    store.add_documents_bulk(docs)
    return store.replace_claims_bulk(groups)


def _month(rng: random.Random) -> tuple[str, str]:
    start = FIRST_DAY + timedelta(days=rng.randrange(DAYS - 31))
    return start.isoformat(), (start + timedelta(days=30)).isoformat()


def _year(rng: random.Random) -> tuple[str, str]:
    start = FIRST_DAY + timedelta(days=rng.randrange(DAYS - 366))
    return start.isoformat(), (start + timedelta(days=365)).isoformat()


def queries(client: TestClient) -> dict[str, Callable[[random.Random], str]]:
    def next_page(rng: random.Random) -> str:
        a, b = _month(rng)
        first = client.get(f"/api/claims?party=UA&date_from={a}&date_to={b}&limit=100").json()
        return first["links"]["next"] or f"/api/claims?party=UA&date_from={a}&date_to={b}&limit=100"

    return {
        "claims, first page (no filter, 100 rows)": lambda rng: "/api/claims?limit=100",
        "claims, party + 30-day range": lambda rng: "/api/claims?party={}&date_from={}&date_to={}".format(
            rng.choice(["UA", "RU"]), *_month(rng)),
        "claims, second page by cursor": next_page,
        "claims, region": lambda rng: f"/api/claims?region={rng.choice(UA + RU)}",
        "claims, region + 30-day range": lambda rng: "/api/claims?region={}&date_from={}&date_to={}".format(
            rng.choice(UA), *_month(rng)),
        "claims, target=energy + party": lambda rng: f"/api/claims?target=energy&party={rng.choice(['UA', 'RU'])}",
        "claims, claimant substring": lambda rng: f"/api/claims?claimant={rng.choice(['governor', 'air+force', 'iaea'])}",
        "claims, party + 30-day range, with total=true (COUNT)": lambda rng: (
            "/api/claims?total=true&party={}&date_from={}&date_to={}".format(rng.choice(["UA", "RU"]), *_month(rng))),
        "claims, target=energy + party, with total=true (COUNT)": lambda rng: (
            f"/api/claims?total=true&target=energy&party={rng.choice(['UA', 'RU'])}"),
        "claims, region + party, with total=true (COUNT)": lambda rng: (
            f"/api/claims?total=true&region={rng.choice(UA)}&party={rng.choice(['UA', 'RU'])}"),
        "map (markers + region shading), 30-day range": lambda rng: "/api/map?date_from={}&date_to={}".format(
            *_month(rng)),
        "map, no filter (the dashboard's first page)": lambda rng: "/api/map",
        "map, one party, one year": lambda rng: "/api/map?party={}&date_from={}&date_to={}".format(
            rng.choice(["UA", "RU"]), *_year(rng)),
        "incidents, 30-day range": lambda rng: "/api/incidents?date_from={}&date_to={}".format(*_month(rng)),
        "verdicts, agreement + verdict": lambda rng: f"/api/verdicts?agreement={rng.choice(AGREEMENTS)}&verdict={rng.choice(VERDICTS)}",
        "store.timeline, 30-day range": lambda rng: "/api/timeline?date_from={}&date_to={}".format(*_month(rng)),
        "store.timeline, one party, one year": lambda rng: "/api/timeline?party={}&date_from={}&date_to={}".format(
            rng.choice(["UA", "RU"]), *_year(rng)),
        "store.timeline, everything": lambda rng: "/api/timeline",
        "store.timeline, target=energy, everything": lambda rng: "/api/timeline?target=energy",
        "store.timeline, claimant substring, 30-day range (claims, not the aggregate)": lambda rng: (
            "/api/timeline?claimant=governor&date_from={}&date_to={}".format(*_month(rng))),
        "verdict timeline (walks incidents), 30-day range": lambda rng: "/api/timeline/verdicts?date_from={}&date_to={}".format(
            *_month(rng)),
    }


def measure(store, repeat: int, only: str | None = None) -> list[tuple[str, float, float, int]]:
    # agreement ids of the synthetic verdicts are the bundled ones, so validation accepts them
    app = create_app(store, settings=Settings(db=store.url, max_page_size=1000), dashboard=False)
    out = []
    with TestClient(app, base_url="http://127.0.0.1") as client:  # one event loop for all requests, as in a running server
        for name, make in queries(client).items():
            if only is None or only in name:
                out.append(_time_one(client, name, make, repeat))
    return out


def _time_one(
    client: TestClient, name: str, make: Callable[[random.Random], str], repeat: int
) -> tuple[str, float, float, int]:
    rng = random.Random(name)
    times = []
    rows = 0
    for _ in range(repeat):
        url = make(rng)
        t0 = time.perf_counter()
        resp = client.get(url)
        times.append((time.perf_counter() - t0) * 1000)
        if resp.status_code != 200:
            raise SystemExit(f"{url}: {resp.status_code} {resp.text[:300]}")
        data = resp.json()["data"]
        rows = len(next(iter(data.values()))) if isinstance(data, dict) else len(data)
    times.sort()
    p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
    return (name, statistics.median(times), p95, rows)


def run(url: str, n_claims: int, repeat: int, only: str | None = None) -> None:
    from ceasewatch.store import open_store

    t0 = time.perf_counter()
    store = open_store(url)  # migrates an older schema (version 3 backfills the aggregates)
    print(f"opened {store.url} (schema {store.schema_version()}) in {time.perf_counter() - t0:.1f} s",
          file=sys.stderr)
    prepare(store, n_claims)
    print(f"\n### {store.dialect}: {store.info().get('counts', {}).get('claims', 0):,} claims, "
          f"{repeat} requests each\n")
    print("| query | p50 ms | p95 ms | rows |")
    print("|---|---:|---:|---:|")
    for name, p50, p95, rows in measure(store, repeat, only):
        print(f"| {name} | {p50:.1f} | {p95:.1f} | {rows} |")
    store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--db", help="SQLite URL (default: a file in the temp folder)")
    parser.add_argument("--pg", default=os.environ.get("CEASEWATCH_BENCH_PG") or os.environ.get("CEASEWATCH_TEST_PG"))
    parser.add_argument("--repeat", type=int, default=40)
    parser.add_argument("--keep", action="store_true", help="keep the SQLite file for another run")
    parser.add_argument("--only", help="measure only the queries whose name contains this text")
    parser.add_argument("--pg-only", action="store_true", help="measure PostgreSQL (--pg) only, not SQLite")
    args = parser.parse_args()
    db = args.db
    tmp = None
    if db is None:
        tmp = Path(tempfile.gettempdir()) / f"ceasewatch-bench-api-{args.claims}.db"
        db = f"sqlite:///{tmp}"
    try:
        if not args.pg_only:
            run(db, args.claims, args.repeat, args.only)
        if args.pg:
            run(args.pg, args.claims, args.repeat, args.only)
    finally:
        if tmp is not None and not args.keep:
            tmp.unlink(missing_ok=True)


if __name__ == "__main__":
    main()
