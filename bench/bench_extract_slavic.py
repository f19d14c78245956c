"""Benchmark of the Ukrainian and Russian extractors (issue 5): quality on
the dev corpus per language (scored as `ceasewatch eval` scores it), cold
start, and throughput per language.

    python bench/bench_extract_slavic.py                 # 2 MB of text per language
    python bench/bench_extract_slavic.py --min-mb 0.5

Throughput is measured as bench/bench_extract.py measures English: the
language's dev documents repeated (distinct ids) to --min-mb of text, timed
through `extract()`, per CPU second (other jobs on the shared cores do not
count against us). Prints a Markdown block for
docs/benchmarks.md (section "## extract-slavic").
"""

from __future__ import annotations

import argparse
import platform
import sys
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "corpus" / "dev"
NAMES = {"uk": "ceasewatch.extract.uk_rules.v1", "ru": "ceasewatch.extract.ru_rules.v1"}


def _cold_start() -> dict[str, float]:
    """Seconds to build each extractor (spaCy blank pipeline, pymorphy3
    dictionaries) and to load the gazetteer on the first document."""
    from ceasewatch.extract import get_extractor
    from ceasewatch.model import Document

    out: dict[str, float] = {}
    start = time.perf_counter()
    import spacy  # noqa: F401  (import cost is part of a cold start)

    out["import spaCy"] = time.perf_counter() - start
    for lang, name in NAMES.items():
        start = time.perf_counter()
        extractor = get_extractor(name)
        out[f"build {lang} extractor"] = time.perf_counter() - start
        start = time.perf_counter()
        extractor.extract(Document.create("Вночі ворог атакував Сумщину трьома ударними БпЛА.", language=lang))
        out[f"first {lang} document (loads the gazetteer once)"] = time.perf_counter() - start
    return out


def _quality(docs_by_lang, gold) -> dict[str, object]:
    from ceasewatch.extract import get_extractor
    from ceasewatch.extract.scoring import score_corpus

    out = {}
    for lang, docs in docs_by_lang.items():
        extractor = get_extractor(NAMES[lang])
        predicted = {d.ref: extractor.extract(d) for d in docs}
        out[lang] = score_corpus(predicted, {d.ref: gold.get(d.ref, []) for d in docs})
    return out


def _batch(docs, min_mb: float) -> tuple[list, int]:
    """The documents repeated (distinct ids) to at least `min_mb` of UTF-8
    text, as bench/bench_extract.py does for English."""
    batch, size = [], 0
    while size < min_mb * 1_000_000:
        for d in docs:
            batch.append(replace(d, id=f"{d.id}-{len(batch)}"))
            size += len(d.text.encode("utf-8"))
    return batch, size


def _throughput(batch, name: str, *, cold_cache: bool = False) -> tuple[float, float]:
    """(docs, chars) per CPU second of `extract()` over the batch.
    `cold_cache`: forget every cached lemma before each document, as if every
    word were new (repeated documents otherwise hit the cache)."""
    from ceasewatch.extract import get_extractor

    extractor = get_extractor(name)
    extractor.extract(batch[0])  # warm up: gazetteer, dictionaries
    chars = 0
    start = time.process_time()
    for doc in batch:
        if cold_cache:
            extractor.analyzer._cache.clear()
        extractor.extract(doc)
        chars += len(doc.text)
    spent = time.process_time() - start
    return len(batch) / spent, chars / spent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEV)
    parser.add_argument("--min-mb", type=float, default=2.0, help="text per language, as in bench/bench_extract.py")
    args = parser.parse_args(argv)

    from ceasewatch.ingest import load_documents, load_gold

    cold = _cold_start()
    docs, errors = load_documents([args.corpus])
    if errors:
        print(f"{len(errors)} documents could not be read", file=sys.stderr)
    gold = load_gold(args.corpus)
    by_lang = {lang: [d for d in docs if d.language == lang] for lang in NAMES}
    quality = _quality(by_lang, gold)

    print(f"`python bench/bench_extract_slavic.py --min-mb {args.min_mb:g}` "
          f"({date.today().isoformat()}, Python {platform.python_version()}, 2 shared cores; each language's dev "
          f"documents repeated with distinct ids to {args.min_mb:g} MB, the method of bench/bench_extract.py):\n")
    print("| language | docs | fact P | fact R | fact F1 | batch | docs/CPU s | MB/CPU s | docs/CPU s, no lemma cache |")
    print("|---|---|---|---|---|---|---|---|---|")
    for lang, docs_l in by_lang.items():
        overall = quality[lang].overall
        batch, size = _batch(docs_l, args.min_mb)
        rate, char_rate = _throughput(batch, NAMES[lang])
        small = batch[: max(len(docs_l), len(batch) // 10)]
        cold_rate, _ = _throughput(small, NAMES[lang], cold_cache=True)
        mb_rate = rate * size / len(batch) / 1e6
        print(f"| {lang} | {len(docs_l)} | {overall.precision:.3f} | {overall.recall:.3f} | {overall.f1:.3f} "
              f"| {len(batch)} docs, {size / 1e6:.2f} MB | {rate:,.0f} | {mb_rate:.3f} | {cold_rate:,.0f} |")
    print("\nPer fact kind (tp/predicted/gold):\n")
    print("| language | " + " | ".join(quality["uk"].by_kind) + " |")
    print("|---|" + "---|" * len(quality["uk"].by_kind))
    for lang in by_lang:
        cells = [f"{p.tp}/{p.predicted}/{p.gold}" for p in quality[lang].by_kind.values()]
        print(f"| {lang} | " + " | ".join(cells) + " |")
    print("\nCold start (wall):\n")
    print("| step | time |")
    print("|---|---|")
    for step, seconds in cold.items():
        print(f"| {step} | {seconds * 1000:,.0f} ms |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
