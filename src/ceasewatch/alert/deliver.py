"""Delivering the outbox: every pending (alert, channel) whose time has
come is sent; a failure is retried with exponential back-off up to
`max_attempts`; a channel that has sent `max_per_minute` alerts in the last
minute waits. All of it is read from and written to the database, so a
restart neither repeats a sent alert nor forgets a pending one.

A kill between a successful send and its `mark_sent` is the one moment an
alert can go out twice; receivers drop the repeat by its id
(`X-Ceasewatch-Alert`, `Message-ID`), which never changes.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .channels import LOGGER_NAME, Channel, DeliveryError

__all__ = ["DeliveryReport", "deliver_due", "backoff"]

_WINDOW = 60.0  # seconds over which max_per_minute is counted


@dataclass
class DeliveryReport:
    sent: list[tuple[str, str]] = field(default_factory=list)  # (alert id, channel)
    failed: list[tuple[str, str, str]] = field(default_factory=list)  # (alert id, channel, error): given up
    retrying: list[tuple[str, str, str]] = field(default_factory=list)
    deferred: int = 0  # held back by a rate limit


def backoff(attempts: int, *, first: float, cap: float) -> float:
    """Seconds to wait after the `attempts`-th failed attempt: first, 2x, 4x... at most `cap`."""
    return min(cap, first * 2 ** max(0, attempts - 1))


def deliver_due(
    state: Any,
    channels: Mapping[str, Channel],
    *,
    max_attempts: int,
    retry_after: float,
    retry_max: float,
    now: float | None = None,
    batch: int = 200,
) -> DeliveryReport:
    """Send every delivery that is due now; returns what happened."""
    log = logging.getLogger(LOGGER_NAME)
    report = DeliveryReport()
    when = time.time() if now is None else now
    budget: dict[str, int] = {}
    for item in state.due_deliveries(when, limit=batch):
        channel = channels.get(item.channel)
        if channel is None:
            # A channel removed from the configuration: its alerts wait for it to come back.
            state.defer(item.alert_id, item.channel, next_at=when + retry_max)
            report.deferred += 1
            continue
        if item.channel not in budget:
            budget[item.channel] = channel.max_per_minute - state.sent_since(item.channel, when - _WINDOW)
        if budget[item.channel] <= 0:
            state.defer(item.alert_id, item.channel, next_at=when + _WINDOW / channel.max_per_minute)
            report.deferred += 1
            continue
        attempts = item.attempts + 1
        try:
            channel.send(item.alert_id, item.subject, item.payload)
        except DeliveryError as exc:
            final = exc.permanent or attempts >= max_attempts
            wait = backoff(attempts, first=retry_after, cap=retry_max)
            state.mark_retry(item.alert_id, item.channel, attempts=attempts, next_at=when + wait,
                             error=str(exc), final=final)
            if final:
                report.failed.append((item.alert_id, item.channel, str(exc)))
                log.error("alert %s: giving up on %s after %d attempt(s): %s", item.alert_id, item.channel,
                          attempts, exc)
            else:
                report.retrying.append((item.alert_id, item.channel, str(exc)))
                log.warning("alert %s: %s failed (attempt %d), next in %.0f s: %s", item.alert_id, item.channel,
                            attempts, wait, exc)
            continue
        state.mark_sent(item.alert_id, item.channel, now=time.time() if now is None else when, attempts=attempts)
        budget[item.channel] -= 1
        report.sent.append((item.alert_id, item.channel))
    return report
