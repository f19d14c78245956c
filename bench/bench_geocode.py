"""Benchmark of the offline gazetteer (issue 3): accuracy on the table of
real spellings, index build and load time, memory, lookup speed.

    python bench/bench_geocode.py            # everything, including a cold build
    python bench/bench_geocode.py --no-build # skip the ~10 s cold build

Prints a Markdown block for docs/benchmarks.md (section "## geocode").
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TABLE = ROOT / "tests" / "fixtures" / "geocode" / "spellings.csv"


def _rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as handle:
        for line in handle:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _rate(fn, items, *, seconds: float = 2.0) -> float:
    """Calls per CPU second of fn over items (process time, so other jobs on
    the shared cores do not count against us), repeated for about `seconds`."""
    done, start = 0, time.process_time()
    while time.process_time() - start < seconds:
        for item in items:
            fn(item)
        done += len(items)
    return done / (time.process_time() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-build", action="store_true", help="skip timing a cold build")
    args = parser.parse_args()

    from ceasewatch.config import load_settings
    from ceasewatch.geocode import build
    from ceasewatch.geocode.evaluate import read_spellings, score_table
    from ceasewatch.geocode.gazetteer import Gazetteer
    from ceasewatch.geocode.normalize import _MORPH, _word_lemmas, lemma_keys_of_words, skeleton

    lines = [
        f"Machine: {platform.processor() or platform.machine()}, Python {platform.python_version()}, one process."
    ]
    cache = load_settings().cache_path

    if not args.no_build:
        with tempfile.TemporaryDirectory() as tmp:
            start = time.perf_counter()
            build.load_or_build(tmp)
            cold = time.perf_counter() - start
            size = build.index_path(tmp).stat().st_size / 1e6
        lines.append(
            f"- cold build (GeoNames + KATOTTG + tables -> pickle): {cold:.1f} s, index file {size:.1f} MB"
        )

    build.load_or_build(cache)  # make sure the cache exists
    loads = []
    for _ in range(3):
        gc.collect()
        start = time.perf_counter()
        data = build.load_or_build(cache)
        geo = Gazetteer(data)
        loads.append(time.perf_counter() - start)
    lines.append(f"- index load from cache: best {min(loads):.3f} s, worst {max(loads):.3f} s (3 runs)")

    probe = (
        "import time; t=time.perf_counter(); from ceasewatch.geocode import default_geocoder; "
        "g=default_geocoder(); g.lookup('Sumy region'); print(time.perf_counter()-t)"
    )
    fresh = float(
        subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    )
    lines.append(f"- new process: import + default_geocoder() + first lookup: {fresh:.3f} s")

    gc.collect()
    tracemalloc.start()
    rss_before = _rss_mb()
    data = build.load_or_build(cache)
    traced = tracemalloc.get_traced_memory()[0] / 1e6
    tracemalloc.stop()
    rss_after = _rss_mb()
    lines.append(
        f"- memory of the loaded index: {traced:.0f} MB of Python objects (tracemalloc); "
        f"process RSS {rss_after:.0f} MB ({rss_after - rss_before:+.0f} MB for this copy); "
        f"{len(data.entries):,} entries, {len(data.surface):,} surface keys, {len(data.lemma):,} lemma keys, "
        f"{len(data.skel):,} skeleton keys"
    )

    probe = (
        "from ceasewatch.geocode import default_geocoder; import time; g=default_geocoder(); "
        "t=time.perf_counter(); g.lookup('в Києві'); print(time.perf_counter()-t)"
    )
    first = float(
        subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    )
    lines.append(
        f"- first lookup that needs pymorphy3 in a process ('в Києві'; loads the uk dictionary): {first:.2f} s"
    )
    _MORPH.analyser("ru")
    _MORPH.analyser("uk")

    cases = read_spellings(TABLE)
    score = score_table(geo, cases)
    lines.append(
        f"- accuracy on {score.cases} spellings ({sum(c.lang == 'en' for c in cases)} en, "
        f"{sum(c.lang == 'uk' for c in cases)} uk, {sum(c.lang == 'ru' for c in cases)} ru): "
        f"region code {score.region_correct}/{score.region_cases} = {100 * score.region_accuracy:.1f} %, "
        f"within 10 km {score.coord_within}/{score.coord_cases} = {100 * score.coord_accuracy:.1f} %, "
        f"kind {100 * score.kind_accuracy:.1f} %"
    )
    for failure in score.failures:
        lines.append(f"  - miss: {failure}")

    texts = [c.text for c in cases]
    cyrillic = [t for t in texts if any("\u0400" <= ch <= "\u04ff" for ch in t)]

    def uncached(text: str) -> None:
        geo.clear_cache()
        geo.lookup(text)

    def cold(text: str) -> None:
        # Also forget every word's lemmas and skeletons: a name never seen before.
        geo.clear_cache()
        _word_lemmas.cache_clear()
        lemma_keys_of_words.cache_clear()
        skeleton.cache_clear()
        geo.lookup(text)

    lines.append(
        f"- lookups per CPU second, memo cleared before every call: all {len(texts)} table spellings "
        f"{_rate(uncached, texts):,.0f}; the {len(cyrillic)} Cyrillic ones {_rate(uncached, cyrillic):,.0f} "
        "(per-word lemma cache warm)"
    )
    lines.append(
        f"- lookups per CPU second, names never seen (all caches cleared, pymorphy3 parses every Cyrillic word): "
        f"all {_rate(cold, texts):,.0f}; Cyrillic {_rate(cold, cyrillic):,.0f}; Latin "
        f"{_rate(cold, [t for t in texts if t not in cyrillic]):,.0f}"
    )
    lines.append(
        f"- lookups per CPU second with the lookup memo (repeated names): {_rate(geo.lookup, texts):,.0f}"
    )
    points = [(c.lat, c.lon) for c in cases if c.lat is not None]
    geo.region_of_point(50.0, 36.0)
    lines.append(f"- region_of_point per CPU second: {_rate(lambda p: geo.region_of_point(*p), points):,.0f}")
    lines.append(f"- load average while measuring: {os.getloadavg()[0]:.1f} (2 cores shared with other work)")
    print("## geocode\n")
    print("`python bench/bench_geocode.py` (cache: " + os.fspath(cache) + ")\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
