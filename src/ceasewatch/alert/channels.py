"""Where alerts go: a webhook (JSON, HMAC-SHA256 signed), email over SMTP,
and a log line. Each channel's `send(alert_id, subject, payload)` returns
on success and raises `DeliveryError` otherwise (`permanent` when trying
again cannot help, e.g. the receiver answered 400 or refused a recipient).

Webhook requests carry
    X-Ceasewatch-Alert: <alert id>          the same on every retry: receivers drop repeats by it
    X-Ceasewatch-Timestamp: <unix seconds>
    X-Ceasewatch-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>" with the shared secret>
so a receiver checks the signature with `verify_signature` (or its own
three lines) and refuses stale timestamps (replays). Emails carry
`Message-ID: <alert id@ceasewatch>` for the same reason.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import os
import smtplib
import time
from collections.abc import Mapping
from email.message import EmailMessage
from typing import Any, Protocol

import httpx

from ..errors import DeliveryError
from .config import AlertsConfig, EmailChannel, WebhookChannel
from .payload import alert_text

__all__ = [
    "Channel", "DeliveryError", "WebhookSender", "EmailSender", "LogSender", "build_channels",
    "sign", "verify_signature", "body_bytes", "LOGGER_NAME",
]

LOGGER_NAME = "ceasewatch.alert"
_USER_AGENT = "ceasewatch-alert/0.1"


class Channel(Protocol):
    name: str
    max_per_minute: int

    def send(self, alert_id: str, subject: str, payload: Mapping[str, Any]) -> None: ...


def body_bytes(alert_id: str, payload: Mapping[str, Any]) -> bytes:
    """The webhook body: canonical JSON, so the signed bytes are stable."""
    return json.dumps({"id": alert_id, **payload}, ensure_ascii=False, sort_keys=True,
                      separators=(",", ":")).encode("utf-8")


def sign(key: bytes, timestamp: str, body: bytes) -> str:
    return "sha256=" + hmac.new(key, timestamp.encode("ascii") + b"." + body, hashlib.sha256).hexdigest()


def verify_signature(key: bytes, timestamp: str, body: bytes, signature: str, *, max_age: float = 300.0,
                     now: float | None = None) -> bool:
    """What a receiver checks: the signature matches and is recent."""
    try:
        age = (time.time() if now is None else now) - float(timestamp)
    except ValueError:
        return False
    return abs(age) <= max_age and hmac.compare_digest(sign(key, timestamp, body), signature)


class WebhookSender:
    def __init__(self, name: str, config: WebhookChannel, *, client: httpx.Client | None = None) -> None:
        self.name = name
        self.config = config
        self.max_per_minute = config.max_per_minute
        self._key = config.key()
        self._client = client

    def send(self, alert_id: str, subject: str, payload: Mapping[str, Any]) -> None:
        body = body_bytes(alert_id, payload)
        stamp = str(int(time.time()))
        headers = {
            "Content-Type": "application/json; charset=utf-8",
            "User-Agent": _USER_AGENT,
            "X-Ceasewatch-Alert": alert_id,
            "X-Ceasewatch-Timestamp": stamp,
            "X-Ceasewatch-Signature": sign(self._key, stamp, body),
        }
        try:
            if self._client is not None:
                response = self._client.post(self.config.url, content=body, headers=headers)
            else:
                # No redirects: a signed alert goes where it was configured to, nowhere else.
                with httpx.Client(timeout=self.config.timeout, follow_redirects=False) as http:
                    response = http.post(self.config.url, content=body, headers=headers)
        except httpx.HTTPError as exc:
            raise DeliveryError(f"webhook unreachable: {type(exc).__name__}: {exc}", source=self.config.url,
                                hint="check that the receiver runs; the alert is retried") from None
        if response.status_code >= 300:
            # Client errors other than timeout / too many requests will not heal by waiting.
            permanent = 400 <= response.status_code < 500 and response.status_code not in (408, 409, 425, 429)
            raise DeliveryError(f"webhook answered HTTP {response.status_code}", source=self.config.url,
                                permanent=permanent, hint="check the receiver's URL and signing key")


class EmailSender:
    def __init__(self, name: str, config: EmailChannel) -> None:
        self.name = name
        self.config = config
        self.max_per_minute = config.max_per_minute

    def send(self, alert_id: str, subject: str, payload: Mapping[str, Any]) -> None:
        c = self.config
        msg = EmailMessage()
        msg["From"] = c.sender
        msg["To"] = ", ".join(c.to)
        msg["Subject"] = f"[ceasewatch] {subject}"[:300]
        msg["Message-ID"] = f"<{alert_id}@ceasewatch>"
        msg.set_content(alert_text(alert_id, payload))
        msg.add_attachment(body_bytes(alert_id, payload), maintype="application", subtype="json",
                           filename=f"{alert_id}.json")
        try:
            with smtplib.SMTP(c.host, c.port, timeout=c.timeout) as smtp:
                if c.starttls:
                    smtp.starttls()
                if c.username:
                    smtp.login(c.username, os.environ.get(c.password_env or "", ""))
                refused = smtp.send_message(msg)
        except smtplib.SMTPRecipientsRefused as exc:
            raise DeliveryError(f"every recipient was refused: {sorted(exc.recipients)}", source=f"{c.host}:{c.port}",
                                permanent=True, hint="check `to` in the watch configuration") from None
        except smtplib.SMTPAuthenticationError:
            raise DeliveryError("the SMTP server refused the login", source=f"{c.host}:{c.port}", permanent=True,
                                hint=f"check `username` and the password in {c.password_env}") from None
        except (OSError, smtplib.SMTPException) as exc:
            raise DeliveryError(f"cannot send email: {type(exc).__name__}: {exc}", source=f"{c.host}:{c.port}",
                                hint="check that the SMTP server runs; the alert is retried") from None
        if refused:
            logging.getLogger(LOGGER_NAME).warning("alert %s: recipients refused: %s", alert_id, sorted(refused))


class LogSender:
    """One line per alert on the `ceasewatch.alert` logger (stderr under `watch`)."""

    name = "log"
    max_per_minute = 10_000

    def send(self, alert_id: str, subject: str, payload: Mapping[str, Any]) -> None:
        link = (payload.get("incident") or {}).get("url") or (payload.get("source") or {}).get("location", "")
        logging.getLogger(LOGGER_NAME).warning("ALERT %s %s %s", alert_id, subject, link)


def build_channels(config: AlertsConfig, *, client: httpx.Client | None = None) -> dict[str, Channel]:
    """Channel name -> sender, in `config.channel_names()` order."""
    names = config.channel_names()
    offset = 1 if config.log else 0
    hooks = names[offset : offset + len(config.webhook)]
    mails = names[offset + len(config.webhook) :]
    senders: list[Channel] = [LogSender()] if config.log else []
    senders += [WebhookSender(n, c, client=client) for n, c in zip(hooks, config.webhook, strict=True)]
    senders += [EmailSender(n, c) for n, c in zip(mails, config.email, strict=True)]
    return {s.name: s for s in senders}
