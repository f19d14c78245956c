"""`ceasewatch watch CONFIG --once` (cron, systemd timers) and `--status`."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from ceasewatch.cli import app

runner = CliRunner()
REPORT = """Air Force of Ukraine, 27 March 2025

Overnight Russia attacked Ukraine with 40 Shahed attack drones. A power substation in Poltava region was hit.
"""


def _config(tmp_path: Path, *extra: str) -> Path:
    inbox = tmp_path / "inbox"
    inbox.mkdir(exist_ok=True)
    path = tmp_path / "watch.toml"
    path.write_text("\n".join([
        "[[source]]", 'name = "inbox"', 'kind = "folder"', f'path = "{inbox}"', "settle = 0", *extra,
        "[alerts]", "log = false",
    ]) + "\n", encoding="utf-8")
    return path


def test_watch_cli_once_runs_one_pass_and_exits(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'w.db'}"
    config = _config(tmp_path)
    (tmp_path / "inbox" / "r.txt").write_text(REPORT, encoding="utf-8")
    first = runner.invoke(app, ["--db", db, "watch", str(config), "--once", "--json"])
    assert first.exit_code == 0, first.output
    data = json.loads(first.stdout)
    assert data["ok"] and data["passes"][0]["new_documents"] == 1 and data["extracted"] == 1
    assert data["nights"] == ["2025-03-27"] and data["new_alerts"]
    again = json.loads(runner.invoke(app, ["--db", db, "watch", str(config), "--once", "--json"]).stdout)
    assert again["passes"][0]["status"] == "unchanged" and again["new_alerts"] == []
    status = json.loads(runner.invoke(app, ["--db", db, "watch", str(config), "--status", "--json"]).stdout)
    assert [p["status"] for p in status["passes"]] == ["unchanged", "ok"]
    assert {a["id"] for a in status["alerts"]} == set(data["new_alerts"])
    table = runner.invoke(app, ["--db", db, "watch", str(config), "--once"])
    assert table.exit_code == 0 and "inbox" in table.stdout and "unchanged" in table.stdout


def test_watch_cli_once_exits_1_when_a_source_fails(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'w.db'}"
    config = _config(tmp_path)
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("[alerts]", '[[source]]\nname = "gone"\nkind = "folder"\n'
                                               f'path = "{tmp_path / "missing"}"\n[alerts]'), encoding="utf-8")
    result = runner.invoke(app, ["--db", db, "watch", str(config), "--once", "--json"])
    assert result.exit_code == 1
    passes = {p["source"]: p["status"] for p in json.loads(result.stdout)["passes"]}
    assert passes == {"inbox": "unchanged", "gone": "failed"}


def test_watch_cli_bad_configuration_names_the_field(tmp_path: Path) -> None:
    config = _config(tmp_path, 'every = "often"')
    result = runner.invoke(app, ["--db", f"sqlite:///{tmp_path / 'w.db'}", "watch", str(config), "--once"])
    assert result.exit_code == 1
    assert "source[0].every" in result.stderr and "not a duration" in result.stderr
