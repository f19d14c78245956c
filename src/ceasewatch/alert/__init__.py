"""alert: tell people about new violation findings and silent sources.

    finding_alert / silent_alert      build an alert (stored in the outbox with its payload)
    build_channels(config)            webhook (HMAC-SHA256 signed JSON), SMTP email, log line
    deliver_due(state, channels, ...) send what is due: rate-limited, retried with back-off

The outbox lives in the database (`store/watch_state.py`); `ceasewatch
watch` raises alerts and delivers them.
"""

from __future__ import annotations

from .channels import (
    LOGGER_NAME,
    Channel,
    DeliveryError,
    EmailSender,
    LogSender,
    WebhookSender,
    body_bytes,
    build_channels,
    sign,
    verify_signature,
)
from .deliver import DeliveryReport, backoff, deliver_due
from .payload import alert_text, finding_alert, finding_alert_id, silent_alert

__all__ = [
    "LOGGER_NAME", "Channel", "DeliveryError", "EmailSender", "LogSender", "WebhookSender",
    "body_bytes", "build_channels", "sign", "verify_signature",
    "DeliveryReport", "backoff", "deliver_due",
    "alert_text", "finding_alert", "finding_alert_id", "silent_alert",
]
