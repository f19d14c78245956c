"""`ceasewatch serve` (API + dashboard on uvicorn) and `ceasewatch export`
(claims, incidents or verdicts as JSONL, CSV, GeoJSON or Parquet, with the
API's filters; claims as CSV and Parquet are the ACLED-like table of
`ceasewatch.export.claims`). Each command is split into `x_cli()` (arguments, output) and a
plain function that does the work."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

import typer

from ..errors import InputError
from .app import app, err_console, handle_errors, state

__all__ = ["serve", "check_binding", "check_accounts", "export", "EXPORT_KINDS", "EXPORT_FORMATS"]

EXPORT_KINDS = ("claims", "incidents", "verdicts")
EXPORT_FORMATS = ("jsonl", "csv", "geojson", "parquet")
BINARY_FORMATS = ("parquet",)


def serve(
    store: Any,
    *,
    host: str,
    port: int,
    read_only: bool = True,
    log_level: str = "info",
    workers: int = 1,
    sample: bool = False,
) -> None:
    """Run the API and dashboard over `store` until interrupted. The Host
    header may name the allowed hosts (setting `allowed_hosts`) and the
    address served on, unless that is a wildcard (0.0.0.0, ::).

    `workers` > 1 runs that many server processes (uvicorn workers) sharing
    the port, each with its own store connection pool and threads: Python
    runs one thread at a time per process, so on a machine with several
    cores this is how the server uses them. `store` is then only used to
    find the database; each worker opens its own (`app_from_environment`)."""
    import os

    import uvicorn

    from ..api import create_app
    from ..api.guard import parse_hosts

    hosts = set(parse_hosts(state.settings.allowed_hosts))
    if host not in ("0.0.0.0", "::", ""):
        hosts.add(host.strip("[]").lower())
    if workers > 1:
        from dataclasses import fields

        from ..api.app import SERVE_SAMPLE_ENV, SERVE_WRITABLE_ENV

        # the settings as resolved here (config file, --db, environment) go to
        # the workers as environment variables, which load_settings reads
        for f in fields(state.settings):
            value = getattr(state.settings, f.name)
            if value is not None:
                os.environ[f"CEASEWATCH_{f.name.upper()}"] = str(value)
        os.environ["CEASEWATCH_ALLOWED_HOSTS"] = ",".join(sorted(hosts))
        os.environ[SERVE_WRITABLE_ENV] = "0" if read_only else "1"
        os.environ[SERVE_SAMPLE_ENV] = "1" if sample else "0"
        store.close()
        uvicorn.run("ceasewatch.api.app:app_from_environment", factory=True, host=host, port=port,
                    log_level=log_level, workers=workers)
        return
    application = create_app(store, settings=state.settings, read_only=read_only, allowed_hosts=hosts)
    uvicorn.run(application, host=host, port=port, log_level=log_level)


def check_binding(host: str, *, writable: bool) -> str | None:
    """A warning for a non-loopback address; `ConfigError` for one with
    writes enabled (nobody on the network may write before accounts exist)."""
    from ..api.guard import is_loopback_host
    from ..errors import ConfigError

    if is_loopback_host(host):
        return None
    if writable:
        raise ConfigError(
            f"refusing to accept writes on {host!r}: this server speaks plain HTTP, so passwords, session "
            "cookies and API tokens would cross the network readable by anyone on the way",
            location="--host",
            hint="serve writable on 127.0.0.1 (the default) and reach it through an SSH tunnel or a TLS proxy "
            "on the same machine, or serve read-only on the network",
        )
    return (
        f"warning: serving on {host!r}, not only this machine: anyone who can reach it can read every "
        "document and claim (there are no accounts). The Host header must name one of the allowed hosts "
        "(CEASEWATCH_ALLOWED_HOSTS) or this address."
    )


def check_accounts(store: Any) -> None:
    """`ConfigError` unless the store has an active account: writes need one."""
    from ..errors import ConfigError

    count = getattr(store, "active_user_count", None)
    if not callable(count) or count() == 0:
        store.close()
        raise ConfigError(
            "refusing --writable: there are no accounts, and every write needs one"
            + ("" if callable(count) else " (the built-in sample keeps none)"),
            location="--writable",
            hint="add one first: `ceasewatch users add NAME --role admin` (then analysts, viewers), "
            "or serve read-only without --writable",
        )


@app.command("serve")
@handle_errors
def serve_cli(
    host: str = typer.Option(
        None, "--host", help="Address to listen on (default 127.0.0.1; setting `host`); others print a warning."
    ),
    port: int = typer.Option(None, "--port", help="Port (default 8000; setting `port`)."),
    db: str = typer.Option(None, "--db", help="Database URL; overrides the global --db."),
    writable: bool = typer.Option(
        False, "--writable",
        help="The mission's workspace: every page needs an account, analysts review. Read-only and public "
        "by default. Refused without accounts (`ceasewatch users add`) and unless --host is loopback."
    ),
    sample: bool = typer.Option(False, "--sample", help="Serve the small built-in sample data set from memory."),
    workers: int = typer.Option(
        1, "--workers", min=1, max=64, help="Server processes (one per core uses every core; each opens the store)."
    ),
) -> None:
    """Serve the REST API (/api, OpenAPI at /api/docs) and the dashboard (/).

    Example: ceasewatch --db sqlite:///out/demo.db serve --port 8000
    """
    if db:
        state.db = db
        state._settings = None
    settings = state.settings
    address = host or settings.host
    warning = check_binding(address, writable=writable)  # before the store is opened
    if sample:
        from ..api.sample import sample_store

        store = sample_store()
    else:
        store = state.open_store()
    if writable:
        check_accounts(store)
    if warning:
        err_console.print(f"[yellow]{warning}[/yellow]", highlight=False)
    where = f"http://{address}:{port or settings.port}/"
    err_console.print(f"ceasewatch dashboard on {where} (API {where}api/docs), store {store.url}", highlight=False)
    serve(store, host=address, port=port or settings.port, read_only=not writable, workers=workers, sample=sample)


def _records(store: Any, what: str, flt: Any) -> Iterator[Any]:
    from ..api import queries

    if what == "claims":
        return store.iter_claims(flt)
    if what == "incidents":
        return queries.all_incidents(store, flt)
    return queries.all_assessments(store, flt)


def _jsonl(what: str, records: Iterable[Any]) -> Iterator[str]:
    from ..api.serialize import assessment_json, claim_json, incident_json

    to_json = {"claims": claim_json, "incidents": incident_json, "verdicts": assessment_json}[what]
    for rec in records:
        yield json.dumps(to_json(rec), ensure_ascii=False) + "\n"


def export(store: Any, what: str, fmt: str, out: IO[Any], **filters: str | None) -> int:
    """Write the filtered view to `out` (a text stream; a binary one for
    Parquet); returns the number of records. Claims as CSV or Parquet are
    the ACLED-like table (`ceasewatch.export.claims`: event date, claimant,
    side, admin1 names and codes, coordinates, counts, source, URL, quoted
    evidence, verdicts); incidents and verdicts have the API's CSV columns."""
    from ..api.params import build_filter
    from ..api.routers.verdicts import with_incident_places
    from ..api.serialize import CSV_COLUMNS, csv_row, csv_stream, geojson_stream
    from ..export import CLAIMS_CSV, CLAIMS_PARQUET, TABLE_PARQUET
    from ..registry import exporters

    if what not in EXPORT_KINDS:
        raise InputError(f"cannot export {what!r}", location="--what", hint="use " + ", ".join(EXPORT_KINDS))
    if fmt not in EXPORT_FORMATS:
        raise InputError(f"unknown format {fmt!r}", location="--format", hint="use " + ", ".join(EXPORT_FORMATS))
    flt = build_filter(**filters).flt
    count = 0

    def counted(items: Iterable[Any]) -> Iterator[Any]:
        nonlocal count
        for item in items:
            count += 1
            yield item

    if what == "claims" and fmt in ("csv", "parquet"):
        from ..export.claims import claim_rows

        rows = claim_rows(store, flt)
        if fmt == "csv":
            return int(exporters.get(CLAIMS_CSV)(rows, out))
        return int(exporters.get(CLAIMS_PARQUET)(rows, out, exporter=CLAIMS_PARQUET))
    records = counted(_records(store, what, flt))
    if fmt == "parquet":
        from ..export.tables import flat_columns, flat_rows

        header = CSV_COLUMNS[what]
        typed = flat_rows(header, (csv_row(what, rec) for rec in records))
        exporters.get(TABLE_PARQUET)(typed, flat_columns(header), out, exporter=f"{TABLE_PARQUET}:{what}")
        return count
    if fmt == "jsonl":
        chunks = _jsonl(what, records)
    elif fmt == "csv":
        chunks = csv_stream(what, records)
    else:
        chunks = geojson_stream(what, with_incident_places(store, records) if what == "verdicts" else records)
    for chunk in chunks:
        out.write(chunk)
    return count


@contextmanager
def _output(path: Path | None, *, binary: bool = False) -> Iterator[IO[Any]]:
    if path is None:
        yield sys.stdout
        return
    if binary:
        with path.open("wb") as bfh:
            yield bfh
        return
    with path.open("w", encoding="utf-8", newline="") as fh:
        yield fh


@app.command("export")
@handle_errors
def export_cli(
    what: str = typer.Option("claims", "--what", help="claims, incidents or verdicts."),
    fmt: str = typer.Option(
        "jsonl", "--format",
        help="jsonl, csv, geojson or parquet (needs -o). Claims as csv/parquet: ACLED-like columns (README).",
    ),
    output: Path = typer.Option(None, "-o", "--output", help="File to write; stdout when omitted."),
    date_from: str = typer.Option(None, "--from", help="First monitoring day, YYYY-MM-DD."),
    date_to: str = typer.Option(None, "--to", help="Last monitoring day (inclusive), YYYY-MM-DD."),
    party: str = typer.Option(None, "--party", help="Claimant party: UA, RU or OTHER."),
    claimant: str = typer.Option(None, "--claimant", help="Claimant name (substring)."),
    attacker: str = typer.Option(None, "--attacker", help="Attacking country: UA or RU."),
    target_country: str = typer.Option(None, "--target-country", help="Country struck: UA or RU."),
    region: str = typer.Option(None, "--region", help="ISO 3166-2 region code, e.g. UA-59, RU-KRS."),
    target: str = typer.Option(None, "--target", help="Target code or top level, e.g. energy."),
    agreement: str = typer.Option(None, "--agreement", help="Agreement id (verdicts)."),
    verdict: str = typer.Option(None, "--verdict", help="Verdict (verdicts)."),
) -> None:
    """Export claims, incidents or verdicts with the API's filters.

    Example: ceasewatch export --what claims --format geojson --party UA --from 2025-03-18 -o claims.geojson

    Example: ceasewatch export --what claims --format parquet -o claims.parquet
    """
    from ..api.params import build_filter

    filters = dict(
        date_from=date_from, date_to=date_to, party=party, claimant=claimant, attacker=attacker,
        target_country=target_country, region=region, target=target, agreement=agreement, verdict=verdict,
    )
    build_filter(**filters)  # a bad filter fails before any file is created
    if what not in EXPORT_KINDS or fmt not in EXPORT_FORMATS:
        export(None, what, fmt, sys.stdout)  # raises the InputError naming the bad option
    binary = fmt in BINARY_FORMATS
    if binary and output is None:
        raise InputError(
            f"{fmt} is a binary format and is not written to the terminal",
            location="--output",
            hint=f"name a file: ceasewatch export --what {what} --format {fmt} -o {what}.{fmt}",
        )
    if binary:
        from ..export.tables import pyarrow_modules

        pyarrow_modules()  # NotAvailable before any file is created
    store = state.open_store()
    try:
        with _output(output, binary=binary) as out:
            n = export(store, what, fmt, out, **filters)
    finally:
        store.close()
    err_console.print(f"exported {n} {what}" + (f" to {output}" if output else ""), highlight=False)
