"""The lexicon loader (lexicon/__init__.py): one YAML file per table and
language, read with a loader that refuses aliases, entries checked on load."""

from __future__ import annotations

import types
from pathlib import Path

import pytest

from ceasewatch.errors import ConfigError
from ceasewatch.extract import lexicon
from ceasewatch.extract.lexicon import LANGUAGES, table


def _table_from(tmp_path: Path, body: str, name: str) -> lexicon.Table:
    """`table("xx", name)` read from a file written under tmp_path (a name no other test uses:
    tables are cached per process)."""
    folder = tmp_path / "data" / "xx"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.yaml").write_text(body, encoding="utf-8")
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(lexicon, "resources", types.SimpleNamespace(files=lambda package: tmp_path))
        return table("xx", name)


def test_loader_refuses_aliases(tmp_path: Path) -> None:
    body = ("table: probe\n"
            "entries:\n"
            "  first: &shared {purpose: a, phrases: [drone]}\n"
            "  second: *shared\n")
    with pytest.raises(ConfigError, match="aliases are not allowed"):
        _table_from(tmp_path, body, "probe_aliases")


def test_loader_reads_entries_with_their_attributes(tmp_path: Path) -> None:
    body = ("table: probe\n"
            "entries:\n"
            "  drone:\n"
            "    purpose: drones\n"
            "    category: drone\n"
            "    phrases: [drone(s), uav(s)]\n"
            "    examples: [\"12 drones\"]\n")
    t = _table_from(tmp_path, body, "probe_ok")
    entry = t["drone"]
    assert (entry.purpose, entry.phrases, entry.examples) == ("drones", ("drone(s)", "uav(s)"), ("12 drones",))
    assert entry.get("category") == "drone" and entry.get("missing", "x") == "x"
    assert "drone" in t and t.phrases("drone") == ("drone(s)", "uav(s)") and t.phrases("other") == ()


@pytest.mark.parametrize(("name", "body", "message"), [
    ("probe_list", "table: probe\nentries: [a, b]\n", "no `entries` mapping"),
    ("probe_no_purpose", "table: probe\nentries:\n  drone: {phrases: [drone]}\n", "needs a mapping with `purpose`"),
    ("probe_broken", "table: probe\nentries:\n  drone: {purpose: [unclosed\n", "does not parse"),
])
def test_loader_bad_files_are_config_errors(tmp_path: Path, name: str, body: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        _table_from(tmp_path, body, name)


def test_loader_absent_file_is_an_empty_table() -> None:
    assert list(table("en", "no_such_table")) == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_loader_every_language_has_the_tables_the_engine_reads(lang: str) -> None:
    for name in ("actors", "cues", "numbers", "places", "structure", "targets", "times", "weapons", "casualties"):
        assert list(table(lang, name)), f"{lang}/{name}.yaml is empty or missing"
    assert "Shahed-136" in table("common", "weapons")
