"""`ceasewatch assess`, `report` and `simulate`: thin over `ceasewatch.assess`
and `ceasewatch.report`."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import typer
from rich.table import Table

from ..audit import record_agreement_changes
from ..errors import InputError
from .app import app, console, emit_json, handle_errors, state


def _day(value: str, option: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(f"not a date: {value!r}", location=option, hint="write YYYY-MM-DD") from None


def _agreements(paths: list[Path] | None):  # -> list[Agreement]
    from ..assess import load_agreements

    return load_agreements(paths or None, settings=state.settings)


@app.command("assess")
@handle_errors
def assess_cli(
    agreements: list[Path] = typer.Option(
        None, "--agreements", help="Agreement YAML file or folder (repeatable); replaces the bundled set."),
    limit: int = typer.Option(20, "--limit", help="How many violation findings to list."),
    show_reciprocity: bool = typer.Option(
        False, "--reciprocity", help="Also list violations per agreement version, party and day."),
    as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
) -> None:
    """Link stored claims into incidents and assess them against the agreements.

    Replaces the stored incidents and assessments of this linker and rule set.

    Example: ceasewatch --db sqlite:///out/demo.db assess
    """
    from ..assess import run

    store = state.open_store()
    try:
        texts = _agreements(agreements)
        record_agreement_changes(store, texts)  # a changed agreement text is an audit event
        summary = run(store, agreements=texts)
    finally:
        store.close()
    if as_json:
        emit_json(summary.to_dict())
        return
    console.print(
        f"{summary.claims} claims -> {summary.incidents} incidents "
        f"({summary.undated_claims} undated claims set aside); {summary.assessments} assessments "
        f"against {len(summary.agreements)} agreements [dim]({summary.linker}, {summary.ruleset})[/dim]"
    )
    verdicts = Table("verdict", "count", title="Verdicts")
    for verdict, n in summary.verdicts.items():
        verdicts.add_row(verdict, str(n))
    console.print(verdicts)
    if summary.verdicts.get("needs_review"):
        console.print(f"{summary.verdicts['needs_review']} verdicts rest on a claimant or date the machine inferred and "
                      "wait for a person: the Review page of `ceasewatch serve --writable`", highlight=False)
    if summary.findings:
        wide = console.width >= 140  # the reason column only fits a wide terminal; --json always has it
        columns = ["date", "agreement", "verdict", "charged", "rule"] + (["reason"] if wide else [])
        table = Table(title=f"Violation findings (newest {min(limit, len(summary.findings))} of {len(summary.findings)})")
        for name in columns:
            table.add_column(name, overflow="fold", no_wrap=name == "date")
        for f in summary.findings[:limit]:
            row = [str(f["date"]), f["agreement"] + (f":{f['version']}" if f["version"] else ""), f["verdict"],
                   f["violator"] or "?", f["rule"]]
            table.add_row(*row, *([f["reason"]] if wide else []))
        console.print(table)
    if show_reciprocity and summary.reciprocity:
        table = Table("agreement", "version", "date", "party", "alleged", "corroborated", "disputed",
                      title="Reciprocity: violations per party per day")
        for r in summary.reciprocity:
            table.add_row(r["agreement"], r["version"] or "-", str(r["date"]), r["party"], str(r["alleged"]),
                          str(r["corroborated"]), str(r["disputed"]))
        console.print(table)


@app.command("report")
@handle_errors
def report_cli(
    day: str = typer.Option(..., "--date", help="Monitoring day, YYYY-MM-DD."),
    fmt: str = typer.Option("html", "--format", help="html, pdf, md, text or json."),
    output: Path = typer.Option(None, "--output", "-o", help="File to write; default report-DATE.FORMAT here."),
    agreements: list[Path] = typer.Option(
        None, "--agreements", help="Agreement YAML file or folder (repeatable); replaces the bundled set."),
) -> None:
    """Write the daily monitoring report for one day (HTML, PDF via Chromium, or Markdown).

    Example: ceasewatch report --date 2025-03-19 --format pdf
    """
    from ..report import daily_report

    when = _day(day, "--date")
    path = output or Path(f"report-{when.isoformat()}.{fmt}")
    store = state.open_store()
    try:
        data = daily_report(store, when, fmt, agreements=_agreements(agreements), assets_dir=path.parent)
    finally:
        store.close()
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, dict):
        data = json.dumps(data, ensure_ascii=False, indent=2)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    console.print(f"wrote {path} ({len(data):,} bytes)")


def _split_ref(ref: str) -> tuple[str, str | None]:
    agreement_id, _, version = ref.partition(":")
    return agreement_id, version or None


@app.command("simulate")
@handle_errors
def simulate_cli(
    agreement: Path = typer.Option(..., "--agreement", help="Draft agreement YAML to try on past data."),
    date_from: str = typer.Option(..., "--from", help="First monitoring day, YYYY-MM-DD."),
    date_to: str = typer.Option(..., "--to", help="Last monitoring day, YYYY-MM-DD."),
    version: str = typer.Option(None, "--version", help="Party version of the draft to use (RU, UA)."),
    compare: str = typer.Option(
        None, "--compare", help="Agreement to compare with: ID or ID:VERSION (e.g. energy-moratorium-2025:RU)."),
    limit: int = typer.Option(20, "--limit", help="How many changed incidents to list."),
    as_json: bool = typer.Option(False, "--json", help="Print the result as JSON."),
) -> None:
    """What a draft or alternative text would have produced over past data,
    compared with another agreement version.

    Example: ceasewatch simulate --agreement draft.yaml --from 2025-03-18 --to 2025-04-17 --compare energy-moratorium-2025:RU
    """
    from ..assess import load_agreement_file, published_times, simulate
    from ..errors import AgreementError
    from ..store.base import ClaimFilter

    lo, hi = _day(date_from, "--from"), _day(date_to, "--to")
    if hi < lo:
        raise InputError("--to is before --from", location="--to", hint="give the period in order")
    draft = load_agreement_file(agreement)
    baseline = baseline_version = None
    if compare:
        wanted, baseline_version = _split_ref(compare)
        known = {a.id: a for a in _agreements(None)}
        if wanted not in known:
            raise AgreementError(f"no agreement {wanted!r} to compare with", location="--compare",
                                 hint="known: " + ", ".join(sorted(known)))
        baseline = known[wanted]
    store = state.open_store()
    try:
        claims = list(store.iter_claims(ClaimFilter(date_from=lo, date_to=hi)))
        published = published_times(store, (c.doc_id for c in claims))
    finally:
        store.close()
    result = simulate(claims, draft, date_from=lo, date_to=hi, draft_version=version, baseline=baseline,
                      baseline_version=baseline_version, published=published)
    if as_json:
        emit_json(result.to_dict())
        return
    console.print(f"{len(claims)} claims, {result.incidents} incidents, {lo} to {hi}")
    totals = Table("verdict", result.draft, *( [result.baseline] if result.baseline else []), title="Verdicts")
    for verdict in sorted(set(result.draft_verdicts) | set(result.baseline_verdicts)):
        row = [verdict, str(result.draft_verdicts.get(verdict, 0))]
        if result.baseline:
            row.append(str(result.baseline_verdicts.get(verdict, 0)))
        totals.add_row(*row)
    console.print(totals)
    if result.rows:
        days = Table("date", "party charged", "draft", "baseline", title="Violations per day")
        for r in result.rows:
            days.add_row(r.date.isoformat(), r.party, str(r.draft), str(r.baseline) if result.baseline else "-")
        console.print(days)
    if result.changes:
        changed = Table("date", "attacker", "regions", "draft", "baseline",
                        title=f"Incidents judged differently ({min(limit, len(result.changes))} of {len(result.changes)})")
        for c in result.changes[:limit]:
            changed.add_row(str(c.date), c.attacker or "?", ", ".join(c.regions), f"{c.draft_verdict} ({c.draft_rule})",
                            f"{c.baseline_verdict} ({c.baseline_rule})" if c.baseline_verdict else "-")
        console.print(changed)
