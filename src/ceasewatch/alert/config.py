"""Alert settings (the `[alerts]` table of the watch configuration),
validated by pydantic: which verdicts alert, the dashboard link, channels,
retries."""

from __future__ import annotations

import os
import re
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ..errors import ConfigError
from ..model import VERDICTS

__all__ = ["ALERT_VERDICTS", "AlertsConfig", "WebhookChannel", "EmailChannel", "parse_duration"]

# Verdicts an alert can be raised for (needs_review: a finding resting on an
# inferred claimant or date, waiting for a person).
ALERT_VERDICTS = VERDICTS
_UNITS = {"s": 1.0, "m": 60.0, "h": 3600.0, "d": 86400.0}
_NAME = r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}"
Duration = Annotated[float, Field(description="seconds")]


def parse_duration(value: Any) -> float:
    """Seconds from a number or "90s", "5m", "1.5h", "1d"."""
    if isinstance(value, bool):
        raise ValueError("a duration is a number of seconds or a string like 90s, 5m, 2h, 1d")
    if isinstance(value, int | float):
        seconds = float(value)
    else:
        match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*", str(value))
        if not match:
            raise ValueError(f"{str(value)[:40]!r} is not a duration; write seconds or 90s, 5m, 2h, 1d")
        seconds = float(match.group(1)) * _UNITS[match.group(2) or "s"]
    if not 0.05 <= seconds <= 30 * 86400:
        raise ValueError("a duration must be between 0.05 seconds and 30 days")
    return seconds


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _Channel(_Strict):
    name: str | None = Field(default=None, pattern=_NAME)
    max_per_minute: int = Field(default=30, ge=1, le=10_000)
    timeout: float = Field(default=10.0, gt=0, le=300)


class WebhookChannel(_Channel):
    url: str = Field(pattern=r"^https?://\S+$", max_length=2000)
    secret: str | None = Field(default=None, min_length=16, max_length=512)
    secret_env: str | None = Field(default=None, pattern=r"^[A-Z_][A-Z0-9_]*$")

    @model_validator(mode="after")
    def _one_secret(self) -> WebhookChannel:
        if (self.secret is None) == (self.secret_env is None):
            raise ValueError("give the signing key as `secret` or as `secret_env` (an environment variable), one of them")
        return self

    def key(self) -> bytes:
        value = self.secret if self.secret is not None else os.environ.get(self.secret_env or "", "")
        if not value:
            raise ConfigError(f"environment variable {self.secret_env} is empty or not set", location="alerts.webhook",
                              hint=f"export {self.secret_env} with the webhook's signing key (16 characters or more)")
        return value.encode("utf-8")


class EmailChannel(_Channel):
    host: str = Field(default="127.0.0.1", max_length=255)
    port: int = Field(default=25, ge=1, le=65535)
    sender: str = Field(pattern=r"^[^@\s]+@[^@\s]+$", max_length=320)
    to: list[Annotated[str, Field(pattern=r"^[^@\s]+@[^@\s]+$", max_length=320)]] = Field(min_length=1, max_length=100)
    starttls: bool = False
    username: str | None = Field(default=None, max_length=320)
    password_env: str | None = Field(default=None, pattern=r"^[A-Z_][A-Z0-9_]*$")


class AlertsConfig(_Strict):
    on: list[Literal[ALERT_VERDICTS]] = ["alleged", "corroborated", "needs_review"]  # type: ignore[valid-type]
    dashboard_url: str = Field(default="http://127.0.0.1:8000", pattern=r"^https?://\S+$", max_length=500)
    log: bool = True
    webhook: list[WebhookChannel] = Field(default_factory=list, max_length=20)
    email: list[EmailChannel] = Field(default_factory=list, max_length=20)
    max_attempts: int = Field(default=8, ge=1, le=100)
    retry_after: Duration = 5.0  # first retry; doubled each time
    retry_max: Duration = 3600.0

    @field_validator("retry_after", "retry_max", mode="before")
    @classmethod
    def _duration(cls, value: Any) -> Any:
        return parse_duration(value)

    def channel_names(self) -> list[str]:
        names = [c.name or f"webhook-{i + 1}" for i, c in enumerate(self.webhook)]
        names += [c.name or f"email-{i + 1}" for i, c in enumerate(self.email)]
        return (["log"] if self.log else []) + names


