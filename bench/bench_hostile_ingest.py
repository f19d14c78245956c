"""Benchmark: ingest of mixed good and hostile batches, peak memory by batch
size, and the time to refuse the bombs.

    python bench/bench_hostile_ingest.py [--files 1000,3000,10000] [--db-dir DIR]

For each size, `tests/hostile_inputs.write_batch` writes the batch (two
thirds good reports in every format, one third hostile: NaN and 1e300
publication times, 100,000-deep JSON, YAML alias bombs, billion-laughs and
external-entity feeds, lists as publishers, ...), then `ceasewatch ingest`
runs on it in its own process against a fresh SQLite file. Printed: files,
good documents stored / expected, failures reported / expected, wall time,
and the ingest process's peak RSS (wait4's ru_maxrss). Then the 1 KB YAML
bomb and the billion-laughs feed are each ingested alone, in-process, and
timed. Results go in docs/benchmarks.md under "## ingest-hostile".
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from hostile_inputs import billion_laughs, run_measured, write_batch, yaml_bomb  # noqa: E402

CLI = Path(sys.executable).parent / "ceasewatch"


def batch(files: int, workdir: Path) -> str:
    folder = workdir / f"batch-{files}"
    expected = write_batch(folder, files=files)
    db = f"sqlite:///{workdir / f'ingest-{files}.db'}"
    t0 = time.perf_counter()
    status, out, err, rss = run_measured([str(CLI), "--db", db, "ingest", "--json", str(folder)], timeout=3600)
    took = time.perf_counter() - t0
    try:
        report = json.loads(out)
    except ValueError:  # the ingest crashed (what the code before issue 13 did): count what it stored
        from ceasewatch.store import open_store

        with open_store(db) as store:
            stored = store.info()["counts"]["documents"]
        last = err.decode(errors="replace").strip().splitlines()[-1:] or ["?"]
        return (f"| {files:,} | {stored:,} / {len(expected.good_texts):,} | crashed: {last[0][:80]} | "
                f"{took:.1f} | {rss:.0f} |")
    return (f"| {files:,} | {report['added']:,} / {len(expected.good_texts):,} | "
            f"{report['failed']:,} / {len(expected.bad):,} | {took:.1f} | {rss:.0f} |")


def bombs(workdir: Path) -> list[str]:
    from ceasewatch.ingest import load_documents

    rows = []
    for name, write in (("YAML alias bomb (front matter)", lambda p: p.write_text(yaml_bomb(), encoding="utf-8")),
                        ("billion laughs (RSS)", lambda p: p.write_bytes(billion_laughs()))):
        path = workdir / ("bomb.md" if "YAML" in name else "laughs.rss")
        write(path)
        load_documents(workdir / "nothing-here")  # imports and the reader registry warmed up first
        t0 = time.perf_counter()
        docs, errors = load_documents(path, language="en")
        took = (time.perf_counter() - t0) * 1000
        assert not docs and len(errors) == 1
        rows.append(f"| {name} | {path.stat().st_size:,} | {took:.1f} | [{errors[0].code}] {errors[0].message} |")
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", default="1000,3000,10000")
    parser.add_argument("--db-dir", help="where batches and databases go (default: a temporary folder)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="ceasewatch-hostile-", dir=args.db_dir) as tmp:
        workdir = Path(tmp)
        print("| files | good stored / expected | failures reported / expected | s | peak RSS MB |")
        print("|---:|---:|---:|---:|---:|")
        for files in (int(n) for n in args.files.split(",")):
            print(batch(files, workdir), flush=True)
        print()
        print("| bomb | bytes | refused in ms | error |")
        print("|---|---:|---:|---|")
        for row in bombs(workdir):
            print(row)


if __name__ == "__main__":
    main()
