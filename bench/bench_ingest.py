"""Ingest throughput: parse-only and parse+store, on the dev corpus, a
generated batch of small files and the Massive Missile Attacks CSV.

    python bench/bench_ingest.py [--files 2000]

Prints a Markdown table for the `## ingest` section of docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ceasewatch.config import Settings
from ceasewatch.ingest import ingest_paths, load_documents
from ceasewatch.ingest.common import ReadOptions
from ceasewatch.ingest.massive_attacks import read_massive_attacks_csv
from ceasewatch.ingest.normalize import detect_language

DEV = Path("/work/shared/corpus/dev")
MMA = Path(
    "/work/shared/eval/repos/DTL-DA__Massive-Missile-Attacks-on-Ukraine-EndtoEnd/missile_attacks_daily.csv"
)
DEMO = Path(__file__).resolve().parents[1] / "demo"


def timed(func: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    value = func()
    return time.perf_counter() - start, value


def make_batch(root: Path, count: int) -> None:
    for i in range(count):
        text = f"Report {i}: overnight {i % 90} drones were shot down over the region; {i % 7} were lost locationally.\n"
        (root / f"r{i:05d}.txt").write_text(text * 4, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=2000)
    args = parser.parse_args()
    rows: list[tuple[str, str, str]] = []

    seconds, _ = timed(lambda: detect_language("Overnight drones were shot down."))
    rows.append(("lingua detector, first call (builds en/uk/ru models)", f"{seconds * 1000:.0f} ms", ""))

    if DEV.is_dir():
        seconds, (docs, _errors) = timed(lambda: load_documents(DEV))
        rows.append(("load_documents(dev corpus)", f"{seconds * 1000:.0f} ms", f"{len(docs)} docs"))
    seconds, (docs, _errors) = timed(lambda: load_documents(DEMO))
    rows.append(("load_documents(demo/)", f"{seconds * 1000:.0f} ms", f"{len(docs)} docs"))

    with tempfile.TemporaryDirectory() as tmp:
        batch = Path(tmp) / "batch"
        batch.mkdir()
        make_batch(batch, args.files)
        seconds, (docs, _errors) = timed(lambda: load_documents(batch))
        rows.append(
            (
                f"load_documents({args.files} small files, detect language)",
                f"{seconds:.2f} s",
                f"{len(docs) / seconds:.0f} docs/s",
            )
        )
        seconds, (docs, _errors) = timed(lambda: load_documents(batch, language="en"))
        rows.append(
            (
                f"load_documents({args.files} small files, --language en)",
                f"{seconds:.2f} s",
                f"{len(docs) / seconds:.0f} docs/s",
            )
        )
        try:
            from ceasewatch.store import open_store
        except ImportError:
            open_store = None
        if open_store is not None:
            store = open_store(f"sqlite:///{tmp}/bench.db")
            store.migrate()
            seconds, report = timed(lambda: ingest_paths([batch], store, settings=Settings(), language="en"))
            rows.append(
                (
                    f"ingest_paths({args.files} files) into SQLite",
                    f"{seconds:.2f} s",
                    f"{len(report.added) / seconds:.0f} docs/s",
                )
            )
            seconds, report = timed(lambda: ingest_paths([batch], store, settings=Settings(), language="en"))
            rows.append(
                ("same batch again (all existing)", f"{seconds:.2f} s", f"{len(report.existing)} existing")
            )
            store.close()
        else:
            rows.append(("ingest_paths into SQLite", "n/a", "store not built yet"))

        big = Path(tmp) / "big.txt"
        with big.open("wb") as handle:
            handle.truncate(50 * 1024 * 1024)
        seconds, (_docs, errors) = timed(lambda: load_documents(big, settings=Settings()))
        rows.append(("refuse a 50 MB file over the 20 MB limit", f"{seconds * 1000:.1f} ms", errors[0].code))

    if MMA.is_file():
        seconds, result = timed(lambda: read_massive_attacks_csv(MMA, ReadOptions()))
        claims = sum(len(c) for _e, c in result.claims.values())
        rows.append(
            (
                "Massive Missile Attacks CSV (3,468 rows) -> docs + claims",
                f"{seconds:.2f} s",
                f"{len(result.documents)} docs, {claims} claims",
            )
        )

    print(
        f"Machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores (shared), "
        f"Python {platform.python_version()}\n"
    )
    print("| measurement | time | result |")
    print("|---|---|---|")
    for name, value, note in rows:
        print(f"| {name} | {value} | {note} |")


if __name__ == "__main__":
    main()
