"""The `ceasewatch watch` configuration file (TOML), validated by pydantic.

    [[source]]                      # one table per source
    name = "air-force"              # unique; the watch's state is kept under it
    kind = "feed"                   # feed (RSS/Atom URL), folder, telegram (Telegram Desktop export folder)
    url = "https://example.org/rss" # feed; folder and telegram take `path`
    every = "5m"                    # how often: seconds or 90s / 5m / 2h / 1d
    silent_after = "12h"            # alert when it has published nothing new for this long (optional)

    [alerts]
    on = ["alleged", "corroborated", "needs_review"]
    dashboard_url = "https://monitor.example.org"
    [[alerts.webhook]]
    url = "https://hooks.example.org/ceasewatch"
    secret_env = "CEASEWATCH_WEBHOOK_SECRET"
    [[alerts.email]]
    host = "smtp.example.org"
    sender = "ceasewatch@example.org"
    to = ["duty-officer@example.org"]

`load_watch_config(path)` raises `ConfigError` naming the file and the
field ("source[2].every") with what to write instead.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from ..alert.config import ALERT_VERDICTS, AlertsConfig, EmailChannel, WebhookChannel, parse_duration
from ..errors import ConfigError

__all__ = [
    "WatchConfig", "FeedSource", "FolderSource", "TelegramSource", "AlertsConfig",
    "WebhookChannel", "EmailChannel", "load_watch_config", "parse_duration", "ALERT_VERDICTS",
]

MAX_CONFIG_BYTES = 256 * 1024
MAX_SOURCES = 500
_NAME = r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}"


Duration = Annotated[float, Field(description="seconds")]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _SourceBase(_Strict):
    name: str = Field(pattern=_NAME)
    every: Duration = 300.0
    silent_after: Duration | None = None
    language: str | None = Field(default=None, pattern=r"^[a-z]{2}$")
    publisher: str | None = Field(default=None, max_length=200)

    @field_validator("every", "silent_after", mode="before")
    @classmethod
    def _duration(cls, value: Any) -> Any:
        return None if value is None else parse_duration(value)


class FeedSource(_SourceBase):
    kind: Literal["feed"]
    url: str = Field(pattern=r"^https?://\S+$", max_length=2000)
    timeout: Duration = 30.0

    @field_validator("timeout", mode="before")
    @classmethod
    def _timeout(cls, value: Any) -> Any:
        return parse_duration(value)

    @property
    def location(self) -> str:
        return self.url


class FolderSource(_SourceBase):
    kind: Literal["folder"]
    path: str = Field(min_length=1, max_length=4000)
    # Files younger than this are left for the next pass: a report still
    # being written is never stored in part.
    settle: Duration = 2.0

    @field_validator("settle", mode="before")
    @classmethod
    def _settle(cls, value: Any) -> Any:
        return 0.0 if value in (0, "0") else parse_duration(value)

    @property
    def location(self) -> str:
        return self.path


class TelegramSource(FolderSource):
    kind: Literal["telegram"]  # type: ignore[assignment]


Source = Annotated[FeedSource | FolderSource | TelegramSource, Field(discriminator="kind")]


class WatchConfig(_Strict):
    source: list[Source] = Field(min_length=1, max_length=MAX_SOURCES)
    alerts: AlertsConfig = Field(default_factory=AlertsConfig)
    extractor: str | None = Field(default=None, max_length=200)  # default: by language

    @model_validator(mode="after")
    def _unique(self) -> WatchConfig:
        for what, names in (("source", [s.name for s in self.source]), ("channel", self.alerts.channel_names())):
            dupes = sorted({n for n in names if names.count(n) > 1})
            if dupes:
                raise ValueError(f"two {what}s are named {dupes[0]!r}; names must be unique")
        return self


def _where(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part not in ("feed", "folder", "telegram") or not out.endswith("]"):
            out += ("." if out else "") + str(part)
    return out or "(top level)"


def load_watch_config(path: str | Path) -> WatchConfig:
    """Read and validate a watch configuration file."""
    file = Path(path)
    try:
        raw = file.read_bytes()
    except OSError as exc:
        raise ConfigError(f"cannot read the watch configuration: {exc.strerror}", source=str(file),
                          hint="give the path of a TOML file (see `ceasewatch watch --help`)") from exc
    if len(raw) > MAX_CONFIG_BYTES:
        raise ConfigError(f"configuration is over {MAX_CONFIG_BYTES // 1024} KB", source=str(file),
                          hint="a watch configuration is a few tables; check the file")
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"not valid TOML: {exc}", source=str(file), hint="fix the TOML syntax") from exc
    try:
        return WatchConfig.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        raise ConfigError(
            f"{first['msg']}" + (f" (got {str(first.get('input'))[:60]!r})" if first["type"] != "missing" else ""),
            source=str(file),
            location=_where(tuple(first["loc"])),
            hint="see the watch configuration in the README; " + (
                f"{len(exc.errors()) - 1} more problem(s) after this one" if len(exc.errors()) > 1 else "fix this field"),
        ) from None
