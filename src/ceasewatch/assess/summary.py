"""Reciprocity (violations per party per day) and simulation of draft texts.

Reciprocity answers "who is keeping it?": for each agreement version, the
alleged, corroborated and disputed violations charged to each party on each
day. Simulation answers the mediators' question "had this text been in
force over these weeks, what would it have produced, and how does that
differ from that text?" by assessing the same incidents under both.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from ..link import link_claims
from ..model import Assessment, Claim, Incident
from .agreements import Agreement, AgreementVersion
from .rules import VIOLATION_VERDICTS, IncidentView, evaluate

__all__ = ["ReciprocityRow", "reciprocity", "SimulationRow", "SimulationChange", "SimulationResult", "simulate"]


@dataclass(frozen=True)
class ReciprocityRow:
    agreement: str
    version: str | None
    date: date
    party: str
    alleged: int = 0
    corroborated: int = 0
    disputed: int = 0

    @property
    def total(self) -> int:
        return self.alleged + self.corroborated + self.disputed


def reciprocity(
    assessments: Iterable[Assessment], incidents: Iterable[Incident] | Mapping[str, Incident]
) -> list[ReciprocityRow]:
    """Violations charged to each party per day, per agreement version."""
    by_id = incidents if isinstance(incidents, Mapping) else {i.id: i for i in incidents}
    counts: dict[tuple[str, str | None, date, str], Counter[str]] = defaultdict(Counter)
    for a in assessments:
        if a.verdict not in VIOLATION_VERDICTS:
            continue
        inc = by_id.get(a.incident_id)
        if inc is None or inc.date is None:
            continue
        counts[(a.agreement, a.version, inc.date, a.violator or "unknown")][a.verdict] += 1
    rows = [
        ReciprocityRow(agr, ver, day, party, c["alleged"], c["corroborated"], c["disputed"])
        for (agr, ver, day, party), c in counts.items()
    ]
    rows.sort(key=lambda r: (r.agreement, r.version or "", r.date, r.party))
    return rows


@dataclass(frozen=True)
class SimulationRow:
    date: date
    party: str
    draft: int  # violations (alleged + corroborated + disputed) under the draft
    baseline: int


@dataclass(frozen=True)
class SimulationChange:
    incident_id: str
    date: date | None
    attacker: str | None
    regions: tuple[str, ...]
    draft_verdict: str
    draft_rule: str
    baseline_verdict: str | None
    baseline_rule: str | None


@dataclass
class SimulationResult:
    draft: str  # "id" or "id:VERSION"
    baseline: str | None
    date_from: date
    date_to: date
    incidents: int
    draft_verdicts: Counter[str] = field(default_factory=Counter)
    baseline_verdicts: Counter[str] = field(default_factory=Counter)
    rows: list[SimulationRow] = field(default_factory=list)
    changes: list[SimulationChange] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "draft": self.draft,
            "baseline": self.baseline,
            "from": self.date_from.isoformat(),
            "to": self.date_to.isoformat(),
            "incidents": self.incidents,
            "draft_verdicts": dict(self.draft_verdicts),
            "baseline_verdicts": dict(self.baseline_verdicts),
            "rows": [{"date": r.date.isoformat(), "party": r.party, "draft": r.draft, "baseline": r.baseline}
                     for r in self.rows],
            "changes": [
                {"incident": c.incident_id, "date": c.date.isoformat() if c.date else None,
                 "attacker": c.attacker, "regions": list(c.regions), "draft": c.draft_verdict,
                 "draft_rule": c.draft_rule, "baseline": c.baseline_verdict, "baseline_rule": c.baseline_rule}
                for c in self.changes
            ],
        }


def _label(agreement: Agreement, version: AgreementVersion) -> str:
    return agreement.id + (f":{version.party}" if version.party else "")


def simulate(
    claims: Iterable[Claim],
    draft: Agreement,
    *,
    date_from: date,
    date_to: date,
    draft_version: str | None = None,
    baseline: Agreement | None = None,
    baseline_version: str | None = None,
    published: Mapping[str, datetime] | None = None,
    assume_in_force: bool = True,
) -> SimulationResult:
    """Assess the claims of [date_from, date_to] under a draft and, if given,
    a baseline text. Both are taken as in force (status and entry
    conditions set aside) so the texts are compared, not their politics;
    each keeps its own window, and a draft without one covers the period."""
    d_ver = draft.version(draft_version) if draft_version else draft.versions[0]
    b_ver = None
    if baseline is not None:
        b_ver = baseline.version(baseline_version) if baseline_version else baseline.versions[0]
    picked = [c for c in claims if c.date is not None and date_from <= c.date <= date_to]
    by_id = {c.id: c for c in picked}
    incidents = link_claims(picked)
    result = SimulationResult(
        draft=_label(draft, d_ver),
        baseline=_label(baseline, b_ver) if baseline is not None and b_ver is not None else None,
        date_from=date_from,
        date_to=date_to,
        incidents=len(incidents),
    )
    per_day: dict[tuple[date, str], list[int]] = defaultdict(lambda: [0, 0])
    for inc in incidents:
        view = IncidentView.build(inc, by_id, published)
        a = evaluate(view, draft, d_ver, assume_in_force=assume_in_force)
        result.draft_verdicts[a.verdict] += 1
        b = None
        if baseline is not None and b_ver is not None:
            b = evaluate(view, baseline, b_ver, assume_in_force=assume_in_force)
            result.baseline_verdicts[b.verdict] += 1
        key = (inc.date, inc.attacker or "unknown")  # type: ignore[arg-type]
        per_day[key][0] += a.verdict in VIOLATION_VERDICTS
        if b is not None:
            per_day[key][1] += b.verdict in VIOLATION_VERDICTS
        if b is None or a.verdict != b.verdict:
            if b is None and a.verdict not in VIOLATION_VERDICTS:
                continue  # without a baseline, list only what the draft would flag
            result.changes.append(SimulationChange(
                inc.id, inc.date, inc.attacker, inc.regions, a.verdict, a.rule,
                b.verdict if b else None, b.rule if b else None,
            ))
    result.rows = [SimulationRow(d, p, n[0], n[1]) for (d, p), n in sorted(per_day.items()) if n[0] or n[1]]
    return result
