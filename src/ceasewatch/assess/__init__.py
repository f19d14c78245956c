"""assess stage: agreements as YAML data; incidents x agreements -> verdicts.

Library entry points (the CLI and the API are thin over them):

    load_agreements(paths=None)            bundled files + Settings.agreements_dir
    assess_incidents(incidents, claims_by_id, agreements)   -> [Assessment]
    reciprocity(assessments, incidents)    violations per party per day
    simulate(claims, draft, date_from=, date_to=, baseline=)
    run(store)                             link + assess everything stored, as reviewed
    run_days(store, days, agreements)      the same for some days only (`ceasewatch watch`)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from ..errors import NotFound
from ..link import LINKER_NAME, NightOverlapLinker
from ..model import Assessment, Claim, Incident
from ..registry import rulesets
from .agreements import (
    ACTS,
    CONDITION_KINDS,
    STATUSES,
    Agreement,
    AgreementVersion,
    Condition,
    Polygon,
    Scope,
    Source,
    Window,
    load_agreement_file,
    load_agreements,
    parse_agreement,
)
from .confidence import apply_overrides
from .nights import days_to_reassess, run_days
from .reviewed import reviewed_claims, reviewed_incidents
from .rules import (
    RULESET_NAME,
    RULESET_V1,
    VIOLATION_VERDICTS,
    IncidentView,
    evaluate,
    evaluate_v1,
    iter_assessments,
)
from .summary import ReciprocityRow, SimulationResult, reciprocity, simulate
from .timing import ClaimTime, claim_time

if TYPE_CHECKING:
    from ..store.base import Repository

__all__ = [
    "ACTS", "CONDITION_KINDS", "STATUSES", "RULESET_NAME", "RULESET_V1", "VIOLATION_VERDICTS",
    "Agreement", "AgreementVersion", "Condition", "Polygon", "Scope", "Source", "Window",
    "ClaimTime", "claim_time", "IncidentView", "evaluate", "evaluate_v1", "apply_overrides", "reviewed_claims",
    "load_agreements", "load_agreement_file", "parse_agreement",
    "assess_incidents", "reciprocity", "ReciprocityRow", "simulate", "SimulationResult",
    "RunSummary", "run", "published_times", "replace_assessed", "run_days", "days_to_reassess",
]

rulesets.lazy(RULESET_NAME, "ceasewatch.assess.rules:evaluate")
rulesets.lazy(RULESET_V1, "ceasewatch.assess.rules:evaluate_v1")


def assess_incidents(
    incidents: Sequence[Incident],
    claims_by_id: Mapping[str, Claim],
    agreements: Iterable[Agreement],
    *,
    published: Mapping[str, datetime] | None = None,
    assume_in_force: bool = False,
    confirmed: Mapping[str, frozenset[str]] | None = None,
    ruleset: str = RULESET_NAME,
) -> list[Assessment]:
    """One assessment per incident x agreement x party version.

    `published` maps a document id to its publication time; it bounds when
    an undated-hour strike can have happened (see `timing`). `confirmed`:
    claim id -> fields a person confirmed (see `confidence`)."""
    views = [IncidentView.build(i, claims_by_id, published, confirmed) for i in incidents]
    return list(iter_assessments(views, list(agreements), assume_in_force=assume_in_force, ruleset=ruleset))


@dataclass
class RunSummary:
    claims: int = 0
    undated_claims: int = 0
    incidents: int = 0
    assessments: int = 0
    verdicts: dict[str, int] = field(default_factory=dict)
    agreements: list[str] = field(default_factory=list)
    # The violation verdicts, newest first: what `ceasewatch assess` lists.
    findings: list[dict[str, Any]] = field(default_factory=list)
    # Violations per agreement version, party and day (see `reciprocity`).
    reciprocity: list[dict[str, Any]] = field(default_factory=list)
    linker: str = LINKER_NAME
    ruleset: str = RULESET_NAME

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def published_times(store: Repository, doc_ids: Iterable[str] | None = None) -> dict[str, datetime]:
    """Document id -> publication time, for the given (else every) stored
    document that has one."""
    if doc_ids is None:
        return {d.id: d.published for d in store.iter_documents() if d.published is not None}
    out: dict[str, datetime] = {}
    for doc_id in set(doc_ids):
        try:
            doc = store.get_document(doc_id)
        except NotFound:
            continue  # a claim imported without its document: the day alone dates it
        if doc.published is not None:
            out[doc_id] = doc.published
    return out


def replace_assessed(store: Repository, incidents: Sequence[Incident], assessments: Sequence[Assessment]) -> None:
    """Store the incidents and their assessments together: in one
    transaction when the store can (`replace_assessed`), so a reader never
    sees incidents without their verdicts, even after a kill."""
    both = getattr(store, "replace_assessed", None)
    if callable(both):
        both(LINKER_NAME, incidents, RULESET_NAME, assessments)
        return
    store.replace_incidents(LINKER_NAME, incidents)
    store.replace_assessments(RULESET_NAME, assessments)


def run(store: Repository, *, agreements: Sequence[Agreement] | None = None) -> RunSummary:
    """Link every stored claim and assess the incidents against the
    agreements; replaces the stored incidents and assessments of this
    linker and rule set."""
    agreements = list(agreements) if agreements is not None else load_agreements()
    claims = list(store.iter_claims())
    ids = [c.id for c in claims]  # hashed once, shared by the linker and the assessor
    # A person's decisions apply over the machine's values; claims keep their machine ids.
    reviews = getattr(store, "field_reviews_by_claim", None)
    claims, ids, confirmed = reviewed_claims(claims, ids, reviews() if callable(reviews) else {})
    by_id = dict(zip(ids, claims, strict=True))
    incidents, undated = NightOverlapLinker().link(claims, ids=ids)
    incidents = reviewed_incidents(store, incidents, by_id)  # a person's merges and splits
    assessments = assess_incidents(incidents, by_id, agreements, published=published_times(store),
                                   confirmed=confirmed)
    overrides = getattr(store, "verdict_overrides_by_key", None)
    if callable(overrides):
        assessments = apply_overrides(assessments, overrides())
    replace_assessed(store, incidents, assessments)
    verdicts: dict[str, int] = {}
    for a in assessments:
        verdicts[a.verdict] = verdicts.get(a.verdict, 0) + 1
    inc_by_id = {i.id: i for i in incidents}
    findings = [
        {"date": inc_by_id[a.incident_id].date, "agreement": a.agreement, "version": a.version,
         "verdict": a.verdict, "violator": a.violator, "rule": a.rule, "reason": a.reason,
         "regions": list(inc_by_id[a.incident_id].regions), "incident": a.incident_id}
        for a in assessments if a.verdict in VIOLATION_VERDICTS
    ]
    findings.sort(key=lambda f: (f["date"], f["agreement"], f["version"] or ""), reverse=True)
    return RunSummary(
        claims=len(by_id),
        undated_claims=len(undated),
        incidents=len(incidents),
        assessments=len(assessments),
        verdicts=dict(sorted(verdicts.items())),
        agreements=[a.id for a in agreements],
        findings=findings,
        reciprocity=[
            {"agreement": r.agreement, "version": r.version, "date": r.date, "party": r.party,
             "alleged": r.alleged, "corroborated": r.corroborated, "disputed": r.disputed}
            for r in reciprocity(assessments, inc_by_id)
        ],
    )
