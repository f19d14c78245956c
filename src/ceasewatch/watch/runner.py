"""The watch loop: poll each source on its schedule, process what arrived,
raise and deliver alerts. Everything it needs to resume is in the database,
so a restarted watch picks up where the last one stopped.

    watcher = Watcher(config, store, settings=settings)
    watcher.run_once()          every source once, then process and deliver (cron, systemd timers)
    watcher.run(stop_event)     until the event is set (SIGTERM / Ctrl-C in the CLI)
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..alert import build_channels, deliver_due, silent_alert
from ..alert.channels import Channel
from ..alert.deliver import DeliveryReport
from ..assess import Agreement, load_agreements
from ..audit import record_agreement_changes, record_run
from ..config import Settings
from ..errors import CeasewatchError
from .config import FeedSource, FolderSource, TelegramSource, WatchConfig
from .process import ProcessReport, assess_nights, extract_pending
from .sources import poll_source

__all__ = ["Watcher", "PassReport", "RoundReport"]

log = logging.getLogger("ceasewatch.watch")
# Longest sleep between two looks at the schedule and the outbox.
MAX_IDLE = 60.0
MIN_IDLE = 0.05


@dataclass
class PassReport:
    source: str
    status: str  # ok | unchanged | failed
    new_documents: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class RoundReport:
    passes: list[PassReport] = field(default_factory=list)
    process: ProcessReport = field(default_factory=ProcessReport)
    delivery: DeliveryReport = field(default_factory=DeliveryReport)
    silent: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(p.status != "failed" for p in self.passes)

    def to_dict(self) -> dict[str, Any]:
        pr = self.process
        return {
            "ok": self.ok,
            "passes": [p.__dict__ for p in self.passes],
            "extracted": pr.extracted,
            "claims": pr.claims,
            "nights": [d.isoformat() for d in pr.nights],
            "incidents": pr.incidents,
            "assessments": pr.assessments,
            "new_alerts": pr.new_alerts,
            "process_errors": [e.to_dict() for e in pr.errors],
            "silent_sources": self.silent,
            "sent": [list(x) for x in self.delivery.sent],
            "retrying": [list(x) for x in self.delivery.retrying],
            "failed_deliveries": [list(x) for x in self.delivery.failed],
        }


def _error_dict(exc: BaseException, source: str) -> dict[str, Any]:
    if isinstance(exc, CeasewatchError):
        return exc.to_dict()
    return {"code": "CW000", "message": f"{type(exc).__name__}: {str(exc)[:500]}", "hint": "this is a bug in "
            "ceasewatch; the other sources went on", "source": source, "location": None}


class Watcher:
    def __init__(
        self,
        config: WatchConfig,
        store: Any,
        *,
        settings: Settings,
        agreements: Sequence[Agreement] | None = None,
        channels: dict[str, Channel] | None = None,
        http_client: Any = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        if config.extractor:
            from ..extract import get_extractor

            get_extractor(config.extractor)  # an unknown name fails here, not once per document
        self.config = config
        self.store = store
        self.state = store.watch_state()
        self.settings = settings
        self.agreements = list(agreements) if agreements is not None else load_agreements(settings=settings)
        record_agreement_changes(store, self.agreements)  # the texts it will judge by, as `assess` records them
        self.channels = channels if channels is not None else build_channels(config.alerts)
        self.http_client = http_client
        self.clock = clock
        self.state.close_interrupted(clock())

    # -- steps ----------------------------------------------------------------
    def poll(self, source: FeedSource | FolderSource | TelegramSource) -> PassReport:
        """One pass of one source, recorded; never raises for the source's
        own failures (the next source must run)."""
        pass_id = self.state.begin_pass(source.name, self.clock())
        report = PassReport(source.name, "ok")
        try:
            result = poll_source(source, self.store, settings=self.settings, client=self.http_client,
                                 now=self.clock())
        except Exception as exc:  # noqa: BLE001 - recorded with the pass, the other sources go on
            report.status = "failed"
            report.errors.append(_error_dict(exc, source.location))
            log.error("source %s failed: %s", source.name, exc)
        else:
            if result.new_documents:  # an import, in the audit trail like `ceasewatch ingest`
                record_run(self.store, "ingest", f"import:watch:{source.name}:{source.location}",
                           {"added": result.new_documents[:1000], "failed": len(result.errors)})
            report.new_documents = len(result.new_documents)
            report.errors = [e.to_dict() for e in result.errors]
            report.status = "unchanged" if result.unchanged else "ok"
            for e in result.errors:
                log.warning("source %s: %s", source.name, e)
        self.state.finish_pass(pass_id, now=self.clock(), status=report.status,
                               new_documents=report.new_documents, errors=report.errors)
        return report

    def process(self) -> ProcessReport:
        report = ProcessReport()
        alerts = self.config.alerts
        try:
            extract_pending(self.store, self.state, report, extractor=self.config.extractor)
            if report.extracted:
                record_run(self.store, "extract", f"extract:watch:{self.config.extractor or 'language defaults'}",
                           {"documents": report.extracted, "claims": report.claims, "failed": len(report.errors)})
            assess_nights(self.store, self.state, report, agreements=self.agreements, alert_on=alerts.on,
                          dashboard_url=alerts.dashboard_url, channels=list(self.channels), now=self.clock())
        except CeasewatchError as exc:
            # Left queued in the database: the next round tries again.
            report.errors.append(exc)
            log.error("processing failed, will retry: %s", exc)
        except Exception as exc:  # noqa: BLE001 - a bug must not stop the sources; logged with its traceback
            log.exception("processing failed (a bug in ceasewatch), will retry")
            report.errors.append(CeasewatchError(f"{type(exc).__name__}: {str(exc)[:300]}",
                                                 hint="report this as a bug; the work stays queued"))
        for e in report.errors:
            log.warning("%s", e)
        return report

    def check_silence(self) -> list[str]:
        """Raise one alert per silence of each source with `silent_after`."""
        raised = []
        now = self.clock()
        for source in self.config.source:
            if source.silent_after is None:
                continue
            known = self.state.source(source.name)
            if known is None or known.get("last_new") is None:
                continue
            if now - known["last_new"] >= source.silent_after:
                alert = silent_alert(source.name, source.location, known["last_new"], source.silent_after, now=now)
                if self.state.add_alert(alert, list(self.channels), now=now):
                    raised.append(alert.id)
        return raised

    def deliver(self) -> DeliveryReport:
        a = self.config.alerts
        try:
            return deliver_due(self.state, self.channels, max_attempts=a.max_attempts, retry_after=a.retry_after,
                               retry_max=a.retry_max, now=self.clock())
        except CeasewatchError as exc:
            log.error("delivering alerts failed, will retry: %s", exc)
            return DeliveryReport()

    # -- rounds -----------------------------------------------------------------
    def round(self, sources: Sequence[FeedSource | FolderSource | TelegramSource]) -> RoundReport:
        report = RoundReport(passes=[self.poll(s) for s in sources])
        report.process = self.process()
        report.silent = self.check_silence()
        report.process.new_alerts += report.silent
        report.delivery = self.deliver()
        return report

    def run_once(self) -> RoundReport:
        """Every source once, whatever its schedule."""
        return self.round(self.config.source)

    def due(self, now: float) -> tuple[list[FeedSource | FolderSource | TelegramSource], float]:
        """Sources due now (last pass started `every` ago or never), and
        when the next one falls due."""
        due, soonest = [], now + MAX_IDLE
        for source in self.config.source:
            last = self.state.last_pass(source.name)
            at = now if last is None else last["started"] + source.every
            if at <= now:
                due.append(source)
                at = now + source.every
            soonest = min(soonest, at)
        return due, soonest

    def run(self, stop: threading.Event, *, on_round: Callable[[RoundReport], None] | None = None) -> None:
        """Until `stop` is set: each source on its schedule; alerts as they fall due."""
        while not stop.is_set():
            now = self.clock()
            try:
                due, wake = self.due(now)
                if due:
                    report = self.round(due)
                    if on_round is not None:
                        on_round(report)
                else:
                    self.deliver()
                    self.check_silence()
                nxt = self.state.next_delivery_at()
            except Exception as exc:  # noqa: BLE001 - the database went away, or a bug: wait and try again
                log.error("watch round failed, retrying in 5 s: %s", exc, exc_info=not isinstance(exc, CeasewatchError))
                wake, nxt = now + 5.0, None
            if nxt is not None:
                wake = min(wake, nxt)
            stop.wait(min(MAX_IDLE, max(MIN_IDLE, wake - self.clock())))

