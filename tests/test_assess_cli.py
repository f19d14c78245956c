"""`ceasewatch assess`, `report` and `simulate` over an in-memory store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ceasewatch.cli import app
from ceasewatch.cli.app import state
from test_report_daily import make_store

runner = CliRunner()


@pytest.fixture()
def store(monkeypatch: pytest.MonkeyPatch):
    repo, _ = make_store()
    monkeypatch.setattr(state, "open_store", lambda: repo)
    monkeypatch.setattr(repo, "close", lambda: None)
    return repo


def test_assess_cli_runs_and_lists_findings(store) -> None:
    result = runner.invoke(app, ["assess"])
    assert result.exit_code == 0, result.output
    assert "3 claims -> 2 incidents" in result.output and "disputed" in result.output
    recip = runner.invoke(app, ["assess", "--reciprocity"])
    assert "Reciprocity" in recip.output and "2025-03-18" in recip.output
    as_json = runner.invoke(app, ["assess", "--json"])
    data = json.loads(as_json.stdout)
    assert data["incidents"] == 2 and data["linker"] == "ceasewatch.link.night_overlap.v1"
    assert {f["verdict"] for f in data["findings"]} == {"alleged", "disputed"}
    assert [(r["date"], r["party"], r["alleged"], r["disputed"]) for r in data["reciprocity"]] == [
        ("2025-03-18", "RU", 1, 0), ("2025-03-19", "RU", 0, 1)]


def test_assess_cli_bad_agreement_file_exits_1(store, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: x\nname: x\nstatus: bilateral\nparties: [RU, UA]\nwindow: {start: '2025-01-01'}\n"
                   "scope: {}\n", encoding="utf-8")
    result = runner.invoke(app, ["assess", "--agreements", str(bad)])
    assert result.exit_code == 1 and "window.timezone" in result.output


def test_report_cli_writes_html_and_md(store, tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    result = runner.invoke(app, ["report", "--date", "2025-03-19", "--output", str(out)])
    assert result.exit_code == 0, result.output
    assert "<mark>substation</mark>" in out.read_text(encoding="utf-8")
    md = tmp_path / "r.md"
    assert runner.invoke(app, ["report", "--date", "2025-03-19", "--format", "md", "-o", str(md)]).exit_code == 0
    assert (tmp_path / "report-2025-03-19-map.png").exists() and "## Sources" in md.read_text(encoding="utf-8")
    assert runner.invoke(app, ["report", "--date", "19/03/2025"]).exit_code == 1


def test_simulate_cli_compares_with_a_version(store, tmp_path: Path) -> None:
    draft = tmp_path / "draft.yaml"
    draft.write_text(
        "id: draft-all\nname: full ceasefire draft\nstatus: draft\nparties: [RU, UA]\n"
        "scope: {acts: [hostilities]}\n", encoding="utf-8")
    args = ["simulate", "--agreement", str(draft), "--from", "2025-03-17", "--to", "2025-03-19",
            "--compare", "energy-moratorium-2025:UA", "--json"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["baseline"] == "energy-moratorium-2025:UA" and data["incidents"] == 2
    assert {c["baseline"] for c in data["changes"]} == {"not_in_force"}
    table = runner.invoke(app, args[:-1])
    assert "Incidents judged differently" in table.output
    unknown = runner.invoke(app, [*args[:-3], "--compare", "no-such"])
    assert unknown.exit_code == 1 and "no-such" in unknown.output
