"""After a poll: extract the documents the watch queued, then link and
assess just the nights their claims are about, and put the alerts for new
findings in the outbox. Built from the library's own stages:
`batch.extract_many` / `store_extractions` and `assess.run_days` (which
writes for those nights exactly what a full `ceasewatch assess` writes:
reviews and overrides applied, release-clause windows taken whole).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..alert.payload import finding_alert, finding_alert_id
from ..assess import RULESET_NAME, Agreement, days_to_reassess, run_days
from ..batch import extract_many, store_extractions
from ..errors import CeasewatchError, ExtractionError, NotFound
from ..link import LINKER_NAME
from ..model import Document
from ..store.base import ClaimFilter, NewAlert, NightIncident, walk

__all__ = ["ProcessReport", "extract_pending", "assess_nights"]

# Documents extracted per step; each step commits before the next.
EXTRACT_BATCH = 100


@dataclass
class ProcessReport:
    extracted: int = 0
    claims: int = 0
    nights: list[date] = field(default_factory=list)
    incidents: int = 0
    assessments: int = 0
    new_alerts: list[str] = field(default_factory=list)
    errors: list[CeasewatchError] = field(default_factory=list)


def extract_pending(store: Any, state: Any, report: ProcessReport, *, extractor: str | None = None) -> None:
    """Extract every queued document (dataset rows already carry their
    importer's claims) and mark the nights of their claims for assessment.
    A document is dequeued only together with its nights, so a kill in
    between extracts it again (replace_claims is idempotent)."""
    while ids := state.pending_documents(limit=EXTRACT_BATCH):
        docs: list[Document] = []
        for doc_id in ids:
            try:
                docs.append(store.get_document(doc_id))
            except NotFound:
                continue  # deleted since it was queued: nothing to extract
        texts = [d for d in docs if d.source_kind != "dataset"]
        summary = store_extractions(store, extract_many(texts, extractor=extractor))
        for doc_id, reason in summary.failed:
            report.errors.append(ExtractionError(f"extraction failed: {reason}", source=doc_id,
                                                 hint="the document stays stored; report this as a bug"))
        report.extracted += len(texts)
        report.claims += summary.claims
        days: set[int] = set()
        for doc in docs:
            days |= {c.date.toordinal() for c in store.iter_claims(ClaimFilter(doc_id=doc.id)) if c.date}
        state.mark_extracted(ids, days)


def _record_baseline(store: Any, state: Any, alert_on: Sequence[str], *, now: float) -> None:
    """The findings stored for newly dirty nights before the watch touches
    them (a manual `assess`) are known, not new: recorded without sending."""
    ords = state.nights_without_baseline()
    if not ords:
        return
    incidents, findings = [], []
    for o in ords:
        flt = ClaimFilter(date_from=date.fromordinal(o), date_to=date.fromordinal(o))
        incidents += [i for i in walk(store.list_incidents, flt) if i.linker == LINKER_NAME]
        findings += [a for a in walk(store.list_assessments, flt)
                     if a.ruleset == RULESET_NAME and a.verdict in set(alert_on)]
    ids = {i.id for i in incidents}
    findings = [a for a in findings if a.incident_id in ids]

    def make_known(keys: dict[str, str]) -> list[NewAlert]:
        return [NewAlert(finding_alert_id(keys[a.incident_id], a), "baseline",
                         f"{a.verdict} {a.agreement}{':' + a.version if a.version else ''} (before the watch)",
                         {"type": "baseline", "finding": {"assessment": a.id, "agreement": a.agreement,
                          "version": a.version, "verdict": a.verdict},
                          "incident": {"id": a.incident_id, "key": keys[a.incident_id]}})
                for a in findings]

    lineage = [NightIncident(i.id, i.target_country, i.date.toordinal(), i.claim_ids)
               for i in incidents if i.date is not None]
    state.record_baseline(ords, lineage, make_known, now=now)


def assess_nights(
    store: Any,
    state: Any,
    report: ProcessReport,
    *,
    agreements: Sequence[Agreement],
    alert_on: Sequence[str],
    dashboard_url: str,
    channels: Sequence[str],
    now: float,
) -> None:
    """Link and assess the nights marked dirty, store the result, and raise
    an alert for every finding with a verdict in `alert_on` that was not
    raised before for its incident (by stable key), agreement version and
    verdict."""
    ords = state.dirty_nights()
    if not ords:
        return
    # A release clause ties a window's days together: they are re-assessed too.
    days = sorted(days_to_reassess(store, [date.fromordinal(o) for o in ords], agreements))
    extra = {d.toordinal() for d in days} - set(ords)
    if extra:
        state.mark_extracted([], extra)
        ords = sorted(set(ords) | extra)
    _record_baseline(store, state, alert_on, now=now)
    incidents, assessments, by_id = run_days(store, days, agreements)
    report.nights += days
    report.incidents += len(incidents)
    report.assessments += len(assessments)

    wanted = set(alert_on)
    findings = [a for a in assessments if a.verdict in wanted]
    inc_by_id = {i.id: i for i in incidents}
    documents: dict[str, Document] = {}
    for a in findings:
        for cid in inc_by_id[a.incident_id].claim_ids:
            if cid not in by_id:
                continue
            doc_id = by_id[cid].doc_id
            if doc_id not in documents:
                try:
                    documents[doc_id] = store.get_document(doc_id)
                except NotFound:
                    pass  # an imported claim without its document: no quotes

    def make_alerts(keys: dict[str, str]) -> list[NewAlert]:
        out = []
        for a in findings:
            inc = inc_by_id[a.incident_id]
            out.append(finding_alert(a, inc, [by_id[c] for c in inc.claim_ids if c in by_id], documents,
                                     key=keys[inc.id], dashboard_url=dashboard_url))
        return out

    lineage = [NightIncident(i.id, i.target_country, i.date.toordinal(), i.claim_ids)
               for i in incidents if i.date is not None]
    report.new_alerts += state.settle_nights(ords, lineage, make_alerts, channels, now=now)
