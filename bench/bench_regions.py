"""/api/regions: the admin-1 polygons encoded on every request against encoded once.

Measures, in one run, the request time of `GET /api/regions` as the app serves it now (JSON and gzip bytes
made once per process, an ETag, 304 for a matching If-None-Match) against the way it was served before
(the feature collection re-encoded into a JSONResponse, then gzipped by the middleware, on every request).
Both go through the same FastAPI app with the response cache off, so the ratio is the encoding's cost.

    python bench/bench_regions.py [--repeat 30]
"""

from __future__ import annotations

import argparse
import statistics
import time

from fastapi.responses import JSONResponse
from fastapi.testclient import TestClient

from ceasewatch.api import create_app
from ceasewatch.api.routers import geo
from ceasewatch.api.sample import sample_store
from ceasewatch.config import Settings


def _timed(client: TestClient, path: str, repeat: int, headers: dict[str, str]) -> list[float]:
    client.get(path, headers=headers)  # warm: the gazetteer's polygons are read once
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        resp = client.get(path, headers=headers)
        out.append((time.perf_counter() - start) * 1000)
        assert resp.status_code in (200, 304), resp.status_code
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    app = create_app(sample_store(), settings=Settings(db="sqlite://", response_cache_mb=0))

    @app.get("/bench/regions-per-request")
    async def per_request() -> JSONResponse:  # the way /api/regions answered before
        return JSONResponse(geo.regions_feature_collection())

    client = TestClient(app, base_url="http://127.0.0.1")
    gz = {"accept-encoding": "gzip"}
    before = _timed(client, "/bench/regions-per-request", args.repeat, gz)
    now = _timed(client, "/api/regions", args.repeat, gz)
    etag = client.get("/api/regions", headers=gz).headers["etag"]
    revalidated = _timed(client, "/api/regions", args.repeat, {**gz, "if-none-match": etag})
    size = len(geo._regions_encoded()[0])
    print(f"/api/regions, {size / 1e6:.2f} MB of JSON, gzip accepted, {args.repeat} requests each (median ms):")
    print("| way | median ms | p95 ms |\n|---|---|---|")
    for name, xs in (("encoded on every request (before)", before), ("encoded once (now)", now),
                     ("If-None-Match, 304 (now)", revalidated)):
        xs = sorted(xs)
        print(f"| {name} | {statistics.median(xs):.1f} | {xs[int(0.95 * (len(xs) - 1))]:.1f} |")
    print(f"ratio before / now: {statistics.median(before) / statistics.median(now):.1f}x")


if __name__ == "__main__":
    main()
