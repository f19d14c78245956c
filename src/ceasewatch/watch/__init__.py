"""watch: keep a store up to date from live sources, and alert on new findings.

    config = load_watch_config("watch.toml")      pydantic-validated TOML (watch/config.py)
    watcher = Watcher(config, store, settings=settings)
    watcher.run_once()                            one pass of every source (cron, systemd timers)
    watcher.run(stop_event)                       each source on its own schedule, until stopped

A pass reads only what is new (feeds: ETag / Last-Modified; files: content
ids), stores it with the ingest pipeline, extracts it, links and assesses
the nights its claims are about, and puts alerts for new findings in the
database's outbox. Progress is kept in the database (store/watch_state.py),
so a restarted or killed watch neither loses nor repeats work.
"""

from __future__ import annotations

from .config import (
    ALERT_VERDICTS,
    AlertsConfig,
    EmailChannel,
    FeedSource,
    FolderSource,
    TelegramSource,
    WatchConfig,
    WebhookChannel,
    load_watch_config,
    parse_duration,
)
from .process import ProcessReport, assess_nights, extract_pending
from .runner import PassReport, RoundReport, Watcher
from .sources import PollResult, content_id, poll_source

__all__ = [
    "ALERT_VERDICTS", "AlertsConfig", "EmailChannel", "FeedSource", "FolderSource", "TelegramSource",
    "WatchConfig", "WebhookChannel", "load_watch_config", "parse_duration",
    "ProcessReport", "assess_nights", "extract_pending",
    "PassReport", "RoundReport", "Watcher",
    "PollResult", "content_id", "poll_source",
]
