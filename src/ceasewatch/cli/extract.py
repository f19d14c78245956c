"""`ceasewatch extract` and `ceasewatch eval`.

    ceasewatch extract                      extract every stored document, store the claims
    ceasewatch extract PATH... --format jsonl   print claims of files/folders in the spec's shape
    ceasewatch eval --gold DIR [--language en] [--extractor NAME] [--details] [--json]

The work is done by `ceasewatch.extract.extract_document` and
`ceasewatch.extract.scoring.evaluate_folder`; this module parses arguments
and prints.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from ..audit import record_run
from ..errors import ConfigError
from .app import app, console, emit_json, err_console, handle_errors, state

__all__ = ["extract_cli", "eval_cli"]

_FORMATS = ("jsonl", "table", "json")


def _progress(label: str, enabled: bool) -> Progress:
    return Progress(
        TextColumn(label),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=err_console,
        transient=True,
        disable=not enabled,
    )


@app.command("extract", help="Extract strike claims from stored documents, or from the given files and folders.")
@handle_errors
def extract_cli(
    paths: list[Path] = typer.Argument(None, help="Files or corpus folders; none: every stored document."),
    fmt: str = typer.Option("table", "--format", "-f", help="jsonl (the spec's shape), json or table."),
    extractor: str = typer.Option(None, "--extractor", help="Versioned extractor name; default by language."),
    language: str = typer.Option(None, "--language", help="Only documents in this language (ISO 639-1)."),
    progress: bool = typer.Option(True, "--progress/--no-progress", help="Show a progress bar on stderr."),
    engine: str = typer.Option(
        "local", "--engine", help="Where stored documents are extracted: local (this process) or dask."
    ),
    dask_address: str = typer.Option(
        None, "--dask-address", help="Scheduler of an existing Dask cluster (tcp://host:8786); default: a LocalCluster."
    ),
    workers: int = typer.Option(None, "--workers", help="Workers of the Dask LocalCluster (default: one per core)."),
) -> None:
    from ..batch import extract_chunk
    from ..extract import get_extractor

    if fmt not in _FORMATS:
        raise ConfigError(f"unknown format {fmt!r}", hint="use one of: " + ", ".join(_FORMATS))
    if extractor:
        get_extractor(extractor)  # an unknown name fails here, not once per document
    if paths:
        from ..ingest import load_documents

        documents, errors = load_documents([str(p) for p in paths])
        for err in errors:
            err_console.print(f"[red]error:[/red] {err}", highlight=False, soft_wrap=True)
        if language:
            documents = [d for d in documents if (d.language or "").lower() == language.lower()]
        results = []
        failed: list[tuple[Any, str]] = []
        with _progress("extracting", progress and fmt == "table") as bar:
            task = bar.add_task("", total=len(documents))
            for doc in documents:
                # each document on its own: one that fails is reported, the others printed
                (result,) = extract_chunk([doc], extractor)
                if result.error:
                    failed.append((doc, result.error))
                else:
                    results.append((doc, list(result.claims)))
                bar.advance(task)
        _print_claims(results, fmt)
        for doc, reason in failed:
            _report_failure(doc, reason)
        if errors or failed:
            raise typer.Exit(1)
        return
    from ..batch import extract_many, make_executor, store_extractions

    runner = make_executor(engine, address=dask_address, workers=workers)
    store = state.open_store()
    try:
        # Rows of event datasets (ACLED, UCDP, Massive Missile Attacks) carry
        # their importer's claims; the text rules would read a CSV row as a
        # report by its publisher and credit the dataset to a party.
        docs = [d for d in store.iter_documents(language=language) if d.source_kind != "dataset"]
        by_id = {doc.id: doc for doc in docs}
        per_extractor: Counter[str] = Counter()
        results = []
        with _progress("extracting", progress) as bar:
            task = bar.add_task("", total=len(docs))

            def _seen(result: Any) -> None:
                per_extractor[result.extractor] += len(result.claims)
                results.append((by_id[result.doc_id], list(result.claims)))
                bar.advance(task)

            summary = store_extractions(
                store, extract_many(docs, executor=runner, extractor=extractor), on_result=_seen
            )
        stored = summary.claims
        record_run(store, "extract", f"extract:{extractor or 'language defaults'}",
                  {"documents": len(docs), "claims": stored, "per_extractor": dict(per_extractor),
                   "failed": [doc_id for doc_id, _ in summary.failed][:1000]})
    finally:
        store.close()
        runner.close()
    for doc_id, reason in summary.failed:
        _report_failure(by_id[doc_id], reason)
    if fmt == "table":
        console.print(f"extracted {stored} claims from {len(docs)} documents")
        for name, n in sorted(per_extractor.items()):
            console.print(f"  {name}: {n} claims")
    else:
        _print_claims(results, fmt)
    if summary.failed:
        raise typer.Exit(1)


def _report_failure(doc: Any, reason: str) -> None:
    """One document extraction failed on: named by its id (and the source's
    own id when it has one), on stderr, so the claims on stdout stay clean."""
    name = doc.id if doc.ref == doc.id else f"{doc.ref} ({doc.id})"
    err_console.print(f"[red]error:[/red] {name}: extraction failed: {reason}", highlight=False, soft_wrap=True)


def _default_name(language: str | None) -> str:
    from ..extract import DEFAULT_EXTRACTORS

    return DEFAULT_EXTRACTORS.get((language or "en").lower(), "unknown")


def _print_claims(results: list[tuple[Any, list[Any]]], fmt: str) -> None:
    if fmt == "jsonl":
        for doc, claims in results:
            for claim in claims:
                sys.stdout.write(json.dumps(claim.to_spec(doc.ref), ensure_ascii=False) + "\n")
        return
    if fmt == "json":
        emit_json([claim.to_spec(doc.ref) for doc, claims in results for claim in claims])
        return
    table = Table(title=f"{sum(len(c) for _, c in results)} claims from {len(results)} documents")
    for col in ("doc", "claimant", "stance", "attack", "date", "weapons", "regions", "targets", "killed/injured"):
        table.add_column(col)
    for doc, claims in results:
        for c in claims:
            weapons = "; ".join(
                f"{w.category}" + "".join(f" {m[0]}={w.count(m)}" for m in ("launched", "intercepted", "lost", "hit")
                                          if w.count(m) is not None)
                for w in c.weapons
            )
            table.add_row(
                doc.ref,
                f"{c.claimant.name} ({c.claimant.party})",
                c.stance,
                f"{c.attacker or '?'}->{c.target_country or '?'}",
                c.date.isoformat() if c.date else "-",
                weapons,
                ", ".join(c.regions),
                ", ".join(c.targets),
                f"{c.killed if c.killed is not None else '-'}/{c.injured if c.injured is not None else '-'}",
            )
    console.print(table)


@app.command("eval", help="Score extraction against a gold corpus folder (fact-F1, spec section 4).")
@handle_errors
def eval_cli(
    gold: Path = typer.Option(..., "--gold", help="Corpus folder with <id>.txt and <id>.json (gold claims)."),
    language: str = typer.Option(None, "--language", help="Only documents in this language (ISO 639-1)."),
    extractor: str = typer.Option(None, "--extractor", help="Versioned extractor name; default by language."),
    details: bool = typer.Option(False, "--details", help="Per-document diagnostics: missed and spurious facts."),
    as_json: bool = typer.Option(False, "--json", help="Machine-readable output."),
    progress: bool = typer.Option(True, "--progress/--no-progress", help="Show a progress bar on stderr."),
) -> None:
    from ..extract.scoring import FACT_KINDS, evaluate_folder

    if not gold.is_dir():
        raise ConfigError(f"{gold} is not a folder", source=str(gold), hint="pass a corpus folder to --gold")
    with _progress("extracting", progress and not as_json) as bar:
        task = bar.add_task("", total=None)
        report = evaluate_folder(str(gold), extractor=extractor, language=language,
                                 on_document=lambda _doc: bar.advance(task))
    for err in report.errors:
        err_console.print(f"[yellow]skipped:[/yellow] {err}", highlight=False, soft_wrap=True)
    if as_json:
        emit_json(report.to_dict(details=details))
        return
    table = Table(title=f"fact scores over {len(report.documents)} documents ({gold})")
    for col in ("facts", "precision", "recall", "F1", "tp", "predicted", "gold"):
        table.add_column(col, justify="right" if col != "facts" else "left")
    rows = [(k, report.by_kind[k]) for k in FACT_KINDS] + [("all", report.overall)]
    for kind, prf in rows:
        table.add_row(kind, f"{prf.precision:.3f}", f"{prf.recall:.3f}", f"{prf.f1:.3f}", str(prf.tp),
                      str(prf.predicted), str(prf.gold), style="bold" if kind == "all" else None)
    console.print(table)
    if details:
        for ds in report.documents:
            if not ds.missed and not ds.spurious:
                continue
            o = ds.overall
            console.print(f"[bold]{ds.doc}[/bold]  P={o.precision:.2f} R={o.recall:.2f} F1={o.f1:.2f}",
                          highlight=False)
            for fact in ds.to_dict()["missed"]:
                console.print(f"  [red]missed[/red]   {fact}", highlight=False, soft_wrap=True)
            for fact in ds.to_dict()["spurious"]:
                console.print(f"  [yellow]spurious[/yellow] {fact}", highlight=False, soft_wrap=True)
