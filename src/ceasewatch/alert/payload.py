"""What an alert says: the finding, both sides' claims with their quoted
evidence, and a link to the incident on the dashboard. Built once, when the
alert is raised, and stored with it, so a delivery after a restart sends
exactly what was raised.

    finding_alert(assessment, incident, claims, documents, key=, dashboard_url=)  -> NewAlert
    silent_alert(source, last_new, silent_after, now=)                           -> NewAlert
    alert_text(payload)                                                           plain text (email, log)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from ..model import Assessment, Claim, Document, Incident, content_hash
from ..store.base import NewAlert

__all__ = ["finding_alert", "silent_alert", "alert_text", "finding_alert_id", "MAX_QUOTES", "MAX_QUOTE_CHARS"]

# An alert is read on a phone: a few quotes per claim, each a sentence at most.
MAX_QUOTES = 6
MAX_QUOTE_CHARS = 300
MAX_CLAIMS_PER_SIDE = 20


def finding_alert_id(incident_key: str, assessment: Assessment) -> str:
    """De-duplication key of a finding alert: the incident (by its stable
    key), the agreement version and the verdict."""
    return content_hash("finding", incident_key, assessment.agreement, assessment.version or "",
                        assessment.verdict, prefix="alr_")


def _claim(claim: Claim, doc: Document | None) -> dict[str, Any]:
    quotes = []
    if doc is not None:
        for ev in claim.evidence[:MAX_QUOTES]:
            quotes.append({"field": ev.field, "start": ev.start, "end": ev.end,
                           "text": doc.text[ev.start : ev.end][:MAX_QUOTE_CHARS]})
    return {
        "id": claim.id,
        "claimant": claim.claimant.name,
        "party": claim.claimant.party,
        "stance": claim.stance,
        "attacker": claim.attacker,
        "target_country": claim.target_country,
        "date": claim.date.isoformat() if claim.date else None,
        "weapons": [{"category": w.category, "model": w.model, "launched": w.launched,
                     "intercepted": w.intercepted, "lost": w.lost, "hit": w.hit} for w in claim.weapons],
        "regions": list(claim.regions),
        "targets": list(claim.targets),
        "killed": claim.killed,
        "injured": claim.injured,
        "document": {
            "id": claim.doc_id,
            "publisher": doc.publisher if doc else None,
            "published": doc.published.isoformat() if doc and doc.published else None,
            "url": doc.url if doc else None,
            "title": doc.title if doc else None,
        },
        "quotes": quotes,
    }


def finding_alert(
    assessment: Assessment,
    incident: Incident,
    claims: Sequence[Claim],
    documents: Mapping[str, Document],
    *,
    key: str,
    dashboard_url: str,
) -> NewAlert:
    """The alert for one violation finding; `claims` are the incident's."""
    sides: dict[str, list[dict[str, Any]]] = {}
    for c in sorted(claims, key=lambda c: (c.claimant.party, c.claimant.name, c.id)):
        side = sides.setdefault(c.claimant.party or "other", [])
        if len(side) < MAX_CLAIMS_PER_SIDE:
            side.append(_claim(c, documents.get(c.doc_id)))
    version = f":{assessment.version}" if assessment.version else ""
    day = incident.date.isoformat() if incident.date else "undated"
    subject = (f"{assessment.verdict} violation of {assessment.agreement}{version} by "
               f"{assessment.violator or 'unknown party'} on {day}")
    payload = {
        "type": "finding",
        "subject": subject,
        "finding": {
            "assessment": assessment.id,
            "agreement": assessment.agreement,
            "version": assessment.version,
            "verdict": assessment.verdict,
            "violator": assessment.violator,
            "rule": assessment.rule,
            "reason": assessment.reason,
            "ruleset": assessment.ruleset,
        },
        "incident": {
            "id": incident.id,
            "key": key,
            "date": day,
            "target_country": incident.target_country,
            "attacker": incident.attacker,
            "regions": list(incident.regions),
            "targets": list(incident.targets),
            "url": f"{dashboard_url.rstrip('/')}/incidents/{incident.id}",
        },
        "claims": sides,
    }
    return NewAlert(id=finding_alert_id(key, assessment), kind="finding", subject=subject, payload=payload)


def _iso(moment: float) -> str:
    return datetime.fromtimestamp(moment, UTC).isoformat(timespec="seconds")


def silent_alert(source: str, location: str, last_new: float, silent_after: float, *, now: float) -> NewAlert:
    """A source that published nothing new for `silent_after` seconds; one
    alert per silence (keyed by when it last published)."""
    hours = (now - last_new) / 3600
    subject = f"source {source} has published nothing new for {hours:.1f} hours"
    payload = {
        "type": "source_silent",
        "subject": subject,
        "source": {"name": source, "location": location, "last_new": _iso(last_new),
                   "silent_after_seconds": silent_after, "checked": _iso(now)},
    }
    return NewAlert(id=content_hash("silent", source, repr(last_new), prefix="alr_"), kind="source_silent",
                    subject=subject, payload=payload)


def alert_text(alert_id: str, payload: Mapping[str, Any]) -> str:
    """Plain-text form of an alert (email body, log line detail)."""
    lines = [str(payload.get("subject", "")), ""]
    if payload.get("type") == "finding":
        f, inc = payload["finding"], payload["incident"]
        lines += [f"Verdict: {f['verdict']} ({f['rule']}): {f['reason']}",
                  f"Incident: {inc['date']}, strikes on {inc['target_country'] or '?'}, regions "
                  f"{', '.join(inc['regions']) or '-'}",
                  f"Open: {inc['url']}", ""]
        for party, claims in sorted(payload.get("claims", {}).items()):
            lines.append(f"Claims by {party}:")
            for c in claims:
                doc = c["document"]
                lines.append(f"- {c['claimant']} ({c['stance']}), {doc.get('publisher') or doc['id']}"
                             + (f" {doc['url']}" if doc.get("url") else ""))
                lines += [f"    \u201c{q['text']}\u201d ({q['field']})" for q in c["quotes"]]
            lines.append("")
    else:
        src = payload.get("source", {})
        lines += [f"Source: {src.get('name')} ({src.get('location')})", f"Last new document: {src.get('last_new')}", ""]
    lines.append(f"Alert id: {alert_id}")
    return "\n".join(lines)
