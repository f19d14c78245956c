"""The README is the user's manual: it starts with the two set-up commands
and documents every CLI command (datasette's test_docs idea)."""

from __future__ import annotations

from pathlib import Path

import typer.main

from ceasewatch.cli import app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def _command_names() -> list[str]:
    group = typer.main.get_command(app)
    return sorted(group.commands)  # type: ignore[attr-defined]


def test_docs_readme_starts_with_the_two_setup_commands() -> None:
    first_block = README.split("```sh", 1)[1].split("```", 1)[0]
    commands = [line.split("#")[0].strip() for line in first_block.strip().splitlines()]
    assert commands == ["make run", "make test"]


def test_docs_every_command_is_in_the_readme() -> None:
    names = _command_names()
    assert {"ingest", "extract", "eval", "assess", "report", "serve", "export", "db", "geo", "simulate"} <= set(names)
    missing = [name for name in names if f"ceasewatch {name}" not in README]
    assert not missing, f"commands without a usage line in README.md: {missing}"


def test_docs_every_command_has_help() -> None:
    group = typer.main.get_command(app)
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        assert (command.help or "").strip(), f"`ceasewatch {name}` has no help text"
        assert "Not built yet" not in command.help, f"`ceasewatch {name}` is still a stand-in"
