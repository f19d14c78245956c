"""Settings: one documented table of defaults, overridable by environment
variables (``CEASEWATCH_<NAME>``), an optional TOML file and keyword
arguments, in that order of precedence (keywords win).

Each setting is a `Setting(name, default, help)` (datasette's style); the test
suite checks that every setting is documented in the README.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from .errors import ConfigError

__all__ = ["Setting", "SETTINGS", "Settings", "load_settings", "default_db_url"]


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str


def default_db_url() -> str:
    return "sqlite:///" + str(Path.cwd() / "ceasewatch.db")


SETTINGS: tuple[Setting, ...] = (
    Setting("db", None, "Database URL: sqlite:///path.db (default ./ceasewatch.db) or postgresql://user@host/db"),
    Setting("max_file_mb", 20.0, "Largest input file ingest accepts, in MB; larger files are reported, not read"),
    Setting("default_language", None, "Language assumed when detection is unsure (en, uk, ru); none means detect"),
    Setting("host", "127.0.0.1", "Address `ceasewatch serve` listens on"),
    Setting("port", 8000, "Port `ceasewatch serve` listens on"),
    Setting(
        "allowed_hosts",
        "127.0.0.1,localhost,::1",
        "Host names the server answers to (the Host header), comma-separated; others get 400",
    ),
    Setting(
        "store_threads",
        8,
        "Threads (and pooled database connections) the server reads the store with; more requests wait their turn",
    ),
    Setting(
        "response_cache_mb",
        64,
        "Memory the server keeps API answers in until the data changes (any write); 0 turns the cache off",
    ),
    Setting("page_size", 100, "Default page size of API listings"),
    Setting("max_page_size", 1000, "Largest page size an API client may ask for"),
    Setting("agreements_dir", None, "Folder of extra agreement YAML files, loaded besides the bundled ones"),
    Setting("cache_dir", None, "Where compiled indexes (gazetteer) are cached; default ~/.cache/ceasewatch"),
)


@dataclass(frozen=True)
class Settings:
    db: str = field(default_factory=default_db_url)
    max_file_mb: float = 20.0
    default_language: str | None = None
    host: str = "127.0.0.1"
    port: int = 8000
    allowed_hosts: str = "127.0.0.1,localhost,::1"
    store_threads: int = 8
    response_cache_mb: float = 64.0
    page_size: int = 100
    max_page_size: int = 1000
    agreements_dir: str | None = None
    cache_dir: str | None = None

    @property
    def max_file_bytes(self) -> int:
        return int(self.max_file_mb * 1024 * 1024)

    @property
    def cache_path(self) -> Path:
        if self.cache_dir:
            return Path(self.cache_dir)
        base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
        return Path(base) / "ceasewatch"


def _coerce(name: str, value: Any, kind: Any) -> Any:
    if value is None:
        return None
    target = kind if isinstance(kind, type) else None
    text = str(kind)
    try:
        if target is int or text.startswith("int"):
            return int(value)
        if target is float or text.startswith("float"):
            return float(value)
    except (TypeError, ValueError) as exc:
        raise ConfigError(
            f"setting {name!r} must be a number, got {value!r}",
            hint=f"set {name} to a number (see `ceasewatch --help` or the README's Configuration section)",
        ) from exc
    return str(value)


def load_settings(config_file: str | Path | None = None, **overrides: Any) -> Settings:
    """Build settings from defaults, ``CEASEWATCH_*`` environment variables,
    an optional TOML file (``[ceasewatch]`` table or top level) and keywords."""
    values: dict[str, Any] = {}
    known = {f.name: f.type for f in fields(Settings)}
    path = config_file or os.environ.get("CEASEWATCH_CONFIG")
    if path:
        try:
            data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        except FileNotFoundError as exc:
            raise ConfigError("config file not found", source=str(path), hint="check the path") from exc
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"config file is not valid TOML: {exc}", source=str(path)) from exc
        table = data.get("ceasewatch", data)
        for key, value in table.items():
            if key not in known:
                raise ConfigError(
                    f"unknown setting {key!r}",
                    source=str(path),
                    location=key,
                    hint="known settings: " + ", ".join(sorted(known)),
                )
            values[key] = _coerce(key, value, known[key])
    for name, kind in known.items():
        env = os.environ.get(f"CEASEWATCH_{name.upper()}")
        if env not in (None, ""):
            values[name] = _coerce(name, env, kind)
    for name, value in overrides.items():
        if name not in known:
            raise ConfigError(f"unknown setting {name!r}", hint="known settings: " + ", ".join(sorted(known)))
        if value is not None:
            values[name] = _coerce(name, value, known[name])
    if values.get("db") is None:
        values.pop("db", None)
    return Settings(**values)
