"""Load test: `ceasewatch serve` under 50 concurrent clients on 127.0.0.1.

    python bench/bench_load.py --data demo|synthetic [--claims N] [--db URL] [--pg URL] [--pg-only]
                               [--clients 50] [--duration 60] [--workers N]

Starts the real server (`ceasewatch --db URL serve`, uvicorn) on a free
port of 127.0.0.1 and drives it with wrk (Debian package `wrk`) for
`--duration` seconds from `--clients` connections, each sending its next
request as soon as the last one is answered (closed loop). The workload is
a mix of what the dashboard and API clients read: claim pages with and
without filters and cursors, incidents, verdicts, agreements (list and
one), documents (list and one), single claims and incidents, the map and
the timeline, the dashboard pages, a CSV download of one week of claims,
and a static file; date windows end on any day of the store's history;
paths are drawn at random from a list of `--paths` generated ones (2,000;
`workload()` has the weights). It prints requests/s,
latency p50 / p95 / p99, errors (non-2xx answers, timeouts, socket errors)
and the share of answers the server's response cache gave (its
X-Ceasewatch-Cache header; run with CEASEWATCH_RESPONSE_CACHE_MB=0 to
compute every answer), as a Markdown table row for docs/benchmarks.md
("## load").

Data: `demo` ingests, extracts and assesses the demo corpus into a fresh
store; `synthetic` is bench_api.py's generated store of `--claims` claims
(default 1,000,000; 2,800 incidents and 8,400 verdicts whatever the
size), filled once and reused when the store already holds it (fill a 1M
store beforehand with `python bench/bench_api.py --claims 1000000 --db URL
--keep --only none`: about 20 minutes).

Bounded on purpose: loopback only, at most 200 clients and 600 s, the
server stopped at the end whatever happens.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
CLI = Path(sys.executable).parent / "ceasewatch"
HOST = "127.0.0.1"  # never anything else
MAX_CLIENTS = 200
MAX_DURATION = 600

_LUA = r"""
local paths = {%(paths)s}
local n = #paths
local counter = 0
local threads = {}

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(os.time() * 1000 + id)
end

function request()
  return wrk.format("GET", paths[math.random(n)])
end

hits = 0
misses = 0

function response(status, headers, body)
  local c = headers["x-ceasewatch-cache"]
  if c == "hit" then hits = hits + 1 elseif c == "miss" then misses = misses + 1 end
end

function done(summary, latency, requests)
  local h, m = 0, 0
  for _, t in ipairs(threads) do
    h = h + t:get("hits")
    m = m + t:get("misses")
  end
  io.write(string.format(
    "RESULT {\"requests\": %%d, \"duration_us\": %%d, \"bytes\": %%d, \"p50_us\": %%d, \"p95_us\": %%d, " ..
    "\"p99_us\": %%d, \"max_us\": %%d, \"mean_us\": %%.0f, \"connect\": %%d, \"read\": %%d, \"write\": %%d, " ..
    "\"status\": %%d, \"timeout\": %%d, \"cache_hits\": %%d, \"cache_misses\": %%d}\n",
    summary.requests, summary.duration, summary.bytes, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), latency.max, latency.mean, summary.errors.connect, summary.errors.read,
    summary.errors.write, summary.errors.status, summary.errors.timeout, h, m))
end
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def prepare_demo(url: str) -> None:
    """Ingest, extract and assess the demo corpus into the store at `url`."""
    from ceasewatch.assess import run as assess
    from ceasewatch.batch import extract_many, store_extractions
    from ceasewatch.config import Settings
    from ceasewatch.ingest import ingest_paths
    from ceasewatch.store import open_store

    with open_store(url) as store:
        if store.info()["counts"].get("assessments"):
            return
        ingest_paths([ROOT / "demo"], store, settings=Settings(db=url))
        store_extractions(store, extract_many(store.iter_documents()))
        assess(store)


def prepare_synthetic(url: str, claims: int) -> None:
    sys.path.insert(0, str(Path(__file__).parent))
    from bench_api import prepare

    from ceasewatch.store import open_store

    with open_store(url) as store:
        prepare(store, claims)


def sample_ids(url: str, seed: int = 7) -> dict[str, list[str]]:
    """The days of the store's whole history (from the timeline), and ids
    of claims, documents and incidents from 40 random days of it, for the
    single-record requests."""
    from ceasewatch.store import ClaimFilter, open_store

    rng = random.Random(seed)
    with open_store(url) as store:
        days = sorted({row["date"] for row in store.timeline()})
        claims, incidents = [], []
        for day in rng.sample(days, min(40, len(days))):
            when = date.fromisoformat(day)
            flt = ClaimFilter(date_from=when, date_to=when)
            claims += store.list_claims(flt, limit=5, count=False).items
            incidents += store.list_incidents(flt, limit=5).items
        return {
            "claims": [c.id for c in claims],
            "documents": sorted({c.doc_id for c in claims}),
            "incidents": [i.id for i in incidents],
            "days": days,
        }


def workload(ids: dict[str, list[str]], rng: random.Random, n: int = 2000) -> list[str]:
    """`n` request paths of the mixed read workload (weights in the list)."""
    days = [date.fromisoformat(d) for d in ids["days"]] or [date(2025, 3, 19)]
    agreements = ["energy-moratorium-2025", "black-sea-2025", "easter-truce-2025"]

    def window(length: int) -> str:  # ending on any day of the history
        end = rng.choice(days)
        return f"date_from={(end - timedelta(days=length)).isoformat()}&date_to={end.isoformat()}"

    makers = [
        (8, lambda: "/api/claims?limit=100"),
        (8, lambda: f"/api/claims?party={rng.choice(['UA', 'RU'])}&{window(30)}"),
        (5, lambda: f"/api/claims?region={rng.choice(['UA-59', 'UA-63', 'UA-51', 'RU-KRS', 'RU-BEL'])}"),
        (4, lambda: f"/api/claims?target=energy&party={rng.choice(['UA', 'RU'])}"),
        (4, lambda: f"/api/claims?claimant={rng.choice(['air', 'governor', 'ministry'])}&limit=50"),
        (6, lambda: f"/api/claims/{rng.choice(ids['claims'])}" if ids["claims"] else "/api/claims"),
        (6, lambda: f"/api/incidents?{window(30)}"),
        (4, lambda: f"/api/incidents/{rng.choice(ids['incidents'])}" if ids["incidents"] else "/api/incidents"),
        (6, lambda: f"/api/verdicts?agreement={rng.choice(agreements)}&verdict={rng.choice(['alleged', 'disputed', 'outside_scope'])}"),
        (6, lambda: "/api/agreements"),
        (4, lambda: f"/api/agreements/{rng.choice(agreements)}"),
        (5, lambda: "/api/documents?limit=50"),
        (5, lambda: f"/api/documents/{rng.choice(ids['documents'])}" if ids["documents"] else "/api/documents"),
        (6, lambda: f"/api/map?{window(30)}"),
        (6, lambda: f"/api/timeline?{window(365)}"),
        (2, lambda: "/api/timeline/verdicts?" + window(30)),
        (3, lambda: "/"),
        (2, lambda: "/agreements"),
        (2, lambda: "/incidents"),
        (2, lambda: f"/api/claims?format=csv&{window(7)}"),
        (2, lambda: "/static/app.css"),
    ]
    weights = [w for w, _ in makers]
    return [rng.choices(makers, weights)[0][1]() for _ in range(n)]


def start_server(url: str, port: int, workers: int | None) -> subprocess.Popen:
    env = {**os.environ, "CEASEWATCH_DB": url}
    cmd = [str(CLI), "serve", "--host", HOST, "--port", str(port)]
    if workers:
        cmd += ["--workers", str(workers)]
    # the server's log goes to a file: a pipe nobody reads would block it once full
    log = tempfile.NamedTemporaryFile("w+b", prefix="ceasewatch-bench-serve-", suffix=".log", delete=False)
    proc = subprocess.Popen(cmd, env=env, stdout=log, stderr=log, start_new_session=True)
    proc.log_path = log.name  # type: ignore[attr-defined]
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"server exited: {Path(log.name).read_text(errors='replace')[-2000:]}")
        try:
            if httpx.get(f"http://{HOST}:{port}/api", timeout=5).status_code == 200:
                return proc
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    stop_server(proc)
    raise SystemExit("server did not answer within 120 s")


def stop_server(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    log = getattr(proc, "log_path", None)
    if log:
        errors = [line for line in Path(log).read_text(errors="replace").splitlines() if "ERROR" in line]
        if errors:
            print(f"server logged {len(errors)} errors, first: {errors[0][:300]}", file=sys.stderr)
        Path(log).unlink(missing_ok=True)


def check_paths(port: int, paths: list[str]) -> None:
    """Every distinct kind of request answers 200 before the load starts."""
    seen: set[str] = set()
    for path in paths:
        kind = path.split("?")[0].rsplit("/", 1)[0] if path.count("/") > 2 else path.split("?")[0]
        if kind in seen:
            continue
        seen.add(kind)
        r = httpx.get(f"http://{HOST}:{port}{path}", timeout=60)
        if r.status_code != 200:
            raise SystemExit(f"{path}: HTTP {r.status_code} {r.text[:300]}")


def run_wrk(port: int, paths: list[str], clients: int, duration: int) -> dict:
    wrk = shutil.which("wrk")
    if wrk is None:
        raise SystemExit("needs wrk: apt-get install wrk")
    script = _LUA % {"paths": ", ".join(json.dumps(p) for p in paths)}
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as fh:
        fh.write(script)
    try:
        out = subprocess.run(
            [wrk, "-t", "2", "-c", str(clients), "-d", f"{duration}s", "--timeout", "10s", "-s", fh.name,
             f"http://{HOST}:{port}"],
            capture_output=True, text=True, timeout=duration + 120, check=False,
        )
    finally:
        os.unlink(fh.name)
    line = next((x for x in out.stdout.splitlines() if x.startswith("RESULT ")), None)
    if line is None:
        raise SystemExit(f"wrk gave no result: {out.stdout[-1000:]} {out.stderr[-1000:]}")
    return json.loads(line[len("RESULT "):])


def measure(
    url: str, data: str, claims: int, clients: int, duration: int, workers: int | None, seed: int, n_paths: int
) -> None:
    from ceasewatch.store import open_store

    t0 = time.perf_counter()
    if data == "demo":
        prepare_demo(url)
    else:
        prepare_synthetic(url, claims)
    with open_store(url) as store:
        info = store.info()
    counts = info["counts"]
    print(f"prepared {info['dialect']} store in {time.perf_counter() - t0:.0f} s: {counts['claims']:,} claims, "
          f"{counts['incidents']:,} incidents, {counts['assessments']:,} verdicts", file=sys.stderr)
    paths = workload(sample_ids(url), random.Random(seed), n_paths)
    port = free_port()
    server = start_server(url, port, workers)
    try:
        check_paths(port, paths)
        result = run_wrk(port, paths, clients, duration)
    finally:
        stop_server(server)
    seconds = result["duration_us"] / 1e6
    errors = sum(result[k] for k in ("connect", "read", "write", "status", "timeout"))
    answered = result["cache_hits"] + result["cache_misses"]
    hit_rate = f"{100 * result['cache_hits'] / answered:.0f} %" if answered else "off"
    print(f"| {info['dialect']} | {data} ({counts['claims']:,} claims) | {workers or 1} | {clients} | "
          f"{seconds:.0f} | {hit_rate} | {result['requests'] / seconds:.1f} | {result['p50_us'] / 1000:.0f} | "
          f"{result['p95_us'] / 1000:.0f} | {result['p99_us'] / 1000:.0f} | {result['max_us'] / 1000:.0f} | "
          f"{errors} |", flush=True)
    if errors:
        print(f"errors: {json.dumps({k: result[k] for k in ('connect', 'read', 'write', 'status', 'timeout')})}",
              file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", choices=("demo", "synthetic"), default="demo")
    parser.add_argument("--claims", type=int, default=1_000_000, help="claims of the synthetic store")
    parser.add_argument("--db", help="SQLite URL (default: a file in the temp folder, kept for the next run)")
    parser.add_argument("--pg", default=os.environ.get("CEASEWATCH_BENCH_PG"))
    parser.add_argument("--pg-only", action="store_true")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--duration", type=int, default=60)
    parser.add_argument("--workers", type=int, default=None, help="server processes (serve --workers)")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--paths", type=int, default=2000,
                        help="distinct request paths drawn (more: fewer repeats, fewer cache hits)")
    args = parser.parse_args()
    if not 1 <= args.clients <= MAX_CLIENTS or not 1 <= args.duration <= MAX_DURATION:
        raise SystemExit(f"--clients must be 1-{MAX_CLIENTS} and --duration 1-{MAX_DURATION}")
    name = "demo" if args.data == "demo" else f"synthetic-{args.claims}"
    db = args.db or f"sqlite:///{Path(tempfile.gettempdir()) / f'ceasewatch-bench-load-{name}.db'}"
    print("| store | data | workers | clients | s | cache hits | requests/s | p50 ms | p95 ms | p99 ms | max ms "
          "| errors |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    if not args.pg_only:
        measure(db, args.data, args.claims, args.clients, args.duration, args.workers, args.seed, args.paths)
    if args.pg:
        measure(args.pg, args.data, args.claims, args.clients, args.duration, args.workers, args.seed, args.paths)


if __name__ == "__main__":
    main()
