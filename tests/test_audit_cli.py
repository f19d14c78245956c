"""`ceasewatch users|tokens|audit` on SQLite and PostgreSQL: accounts from
the command line, imports, re-extraction and agreement changes recorded,
`audit verify` naming the edited event, `audit export` writing a sealed
JSONL bundle of events with the claims and verdicts they touched."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from sqlalchemy import update
from typer.testing import CliRunner

from ceasewatch.api.review import record_field_reviews
from ceasewatch.cli import app
from ceasewatch.store import open_store
from ceasewatch.store import review_schema as rs

DEMO = Path(__file__).resolve().parents[1] / "demo"
PASSWORD = "a long enough password\n"


def _run(runner: CliRunner, db: str, *args: str, input: str | None = None, code: int = 0):
    result = runner.invoke(app, ["--db", db, *args], input=input)
    assert result.exit_code == code, (args, result.output, result.stderr)
    return result


def test_audit_cli_accounts_runs_verify_and_export(store_url: str, tmp_path: Path) -> None:
    runner = CliRunner()
    docs = sorted(DEMO.glob("*.txt"))
    _run(runner, store_url, "ingest", *map(str, docs))
    _run(runner, store_url, "extract")
    _run(runner, store_url, "users", "add", "lead", "--role", "admin", "--password-stdin", input=PASSWORD)
    _run(runner, store_url, "users", "add", "olena", "--role", "analyst", "--password-stdin", input=PASSWORD)
    short = _run(runner, store_url, "users", "add", "x", "--password-stdin", input="short\n", code=1)
    assert "password needs" in short.stderr
    listed = json.loads(_run(runner, store_url, "users", "list", "--json").stdout)
    assert [(u["name"], u["role"], u["disabled"]) for u in listed] == [("lead", "admin", False),
                                                                        ("olena", "analyst", False)]
    secret = _run(runner, store_url, "tokens", "create", "olena", "--label", "script").stdout.strip()
    assert secret.startswith("cwt_")
    token_id = json.loads(_run(runner, store_url, "tokens", "list", "--json").stdout)[0]["id"]
    _run(runner, store_url, "tokens", "revoke", token_id, "--reason", "rotated")
    _run(runner, store_url, "users", "disable", "olena", "--reason", "left the mission")
    _run(runner, store_url, "assess")
    _run(runner, store_url, "assess")  # the same agreements: no second change event
    with open_store(store_url) as store:
        cited = next(a for a in store.list_assessments(limit=1000).items if a.claim_ids)
        claim = store.get_claim(cited.claim_ids[0])

        record_field_reviews(store, claim.id, [{"field": "stance", "decision": "confirm"}], reviewer="lead",
                             reason="matches the bulletin")
        actions = [e.action for e in store.audit_events()]
    assert actions == ["ingest", "extract", "user.add", "user.add", "token.create", "token.revoke", "user.disable",
                       "agreement.change", "claim.confirm"]
    ok = _run(runner, store_url, "audit", "verify")
    assert "9 events, chain intact" in ok.stdout

    bundle = tmp_path / "bundle.jsonl"
    _run(runner, store_url, "audit", "export", "-o", str(bundle), "--signed-off-by", "head of mission")
    lines = bundle.read_text(encoding="utf-8").splitlines()
    rows = [json.loads(x) for x in lines]
    assert rows[0]["kind"] == "bundle" and rows[0]["verified"] and rows[0]["signed_off_by"] == "head of mission"
    assert rows[0]["head"] == rows[9]["hash"] and [r["kind"] for r in rows[1:10]] == ["event"] * 9
    claims = [r for r in rows if r["kind"] == "claim"]
    assert [c["id"] for c in claims] == [claim.id] and claims[0]["reviews"][0]["decision"] == "confirm"
    assert claims[0]["record"]["claimant"]["name"] == claim.claimant.name
    verdicts = [r for r in rows if r["kind"] == "verdict"]
    assert verdicts and all(claim.id in v["claim_ids"] for v in verdicts)
    seal = rows[-1]
    assert seal["kind"] == "seal" and seal["lines"] == len(lines) - 1
    assert seal["sha256"] == hashlib.sha256("".join(x + "\n" for x in lines[:-1]).encode()).hexdigest()

    # Someone edits the audit table behind ceasewatch's back
    with open_store(store_url) as store, store._engine.begin() as conn:
        conn.execute(update(rs.audit_events).where(rs.audit_events.c.seq == 4).values(actor="mallory"))
    broken = _run(runner, store_url, "audit", "verify", code=1)
    assert "broken at event 4 (edited)" in broken.stderr.replace("\n", " ")
    as_json = json.loads(_run(runner, store_url, "audit", "verify", "--json", code=1).stdout)
    assert as_json["problem"]["seq"] == 4 and not as_json["ok"]
    _run(runner, store_url, "audit", "export", "-o", str(bundle), code=1)
