"""Language data for the extraction engine: wording lives in YAML files,
code reads it through this one loader.

`lexicon/data/<lang>/<table>.yaml` holds one table per kind of wording
(cues, actors, weapons, targets, times, structure, numbers) for each of
`en`, `uk`, `ru`; `lexicon/data/common/` holds what every language shares
(the weapon catalogue). A table is a mapping of entries:

```yaml
table: cues
entries:
  intercept:
    purpose: weapons shot down or destroyed by air defence
    phrases: [збити, знищити, "знешкодити"]
    examples: ["збито 72 ворожі БпЛА"]
```

Each entry has `phrases` in the phrase syntax of `lexicon.phrases` (or
`patterns`, regular expressions, where a table says so), a one-line
`purpose`, `examples`, and any attributes the table defines (a side, a
category, a target code). Adding a wording is one line in a file, plus an
example. Files are read with a YAML loader that refuses aliases, and each
table is read once per process.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import yaml

from ...errors import ConfigError

__all__ = ["Entry", "Table", "table", "word_set", "LANGUAGES", "DATA_VERSION"]

LANGUAGES: tuple[str, ...] = ("en", "uk", "ru")
# Bump when the wording changes what the engine extracts (stored with the engine's name).
DATA_VERSION = 1


@dataclass(frozen=True)
class Entry:
    key: str
    purpose: str
    phrases: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    examples: tuple[str, ...] = ()
    attrs: Mapping[str, Any] = field(default_factory=dict)

    def get(self, name: str, default: Any = None) -> Any:
        return self.attrs.get(name, default)


@dataclass(frozen=True)
class Table:
    name: str
    lang: str
    entries: Mapping[str, Entry]

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.entries.values())

    def __getitem__(self, key: str) -> Entry:
        return self.entries[key]

    def __contains__(self, key: object) -> bool:
        return key in self.entries

    def phrases(self, key: str) -> tuple[str, ...]:
        entry = self.entries.get(key)
        return entry.phrases if entry else ()


class _NoAliasLoader(yaml.SafeLoader):
    """Safe YAML without anchors or aliases (no alias bombs, no shared nodes)."""

    def compose_node(self, parent: Any, index: Any) -> Any:  # type: ignore[override]
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(None, None, "aliases are not allowed in lexicon files",
                                              event.start_mark)
        return super().compose_node(parent, index)


_KNOWN = {"purpose", "phrases", "patterns", "examples"}


def _read(lang: str, name: str) -> Any:
    path = resources.files(__package__).joinpath("data", lang, f"{name}.yaml")
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    try:
        return yaml.load(raw, Loader=_NoAliasLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        raise ConfigError(f"lexicon file {lang}/{name}.yaml does not parse: {exc}",
                          source=str(path), hint="fix the YAML; every entry needs `purpose` and `phrases`") from exc


@cache
def table(lang: str, name: str) -> Table:
    """The table `name` for `lang` (an empty table when the file is absent)."""
    data = _read(lang, name)
    if data is None:
        return Table(name, lang, {})
    entries: dict[str, Entry] = {}
    raw_entries = data.get("entries") if isinstance(data, dict) else None
    if not isinstance(raw_entries, dict):
        raise ConfigError(f"lexicon file {lang}/{name}.yaml has no `entries` mapping",
                          location="entries", hint="see the module docstring of ceasewatch.extract.lexicon")
    for key, body in raw_entries.items():
        if not isinstance(body, dict) or "purpose" not in body:
            raise ConfigError(f"lexicon entry {lang}/{name}.yaml:{key} needs a mapping with `purpose`",
                              location=str(key), hint="add `purpose:` and `phrases:`")
        entries[str(key)] = Entry(
            key=str(key),
            purpose=str(body["purpose"]),
            phrases=tuple(str(p) for p in body.get("phrases") or ()),
            patterns=tuple(str(p) for p in body.get("patterns") or ()),
            examples=tuple(str(e) for e in body.get("examples") or ()),
            attrs={k: v for k, v in body.items() if k not in _KNOWN},
        )
    return Table(name, lang, entries)


@cache
def word_set(lang: str, name: str, key: str) -> frozenset[str]:
    """The phrases of one entry as a set of lower-case words, the `=` and `!` marks dropped: for rules that
    test a single token's surface form or lemma against a word list (empty when there is no such entry)."""
    return frozenset(p.lstrip("=!").lower() for p in table(lang, name).phrases(key))
