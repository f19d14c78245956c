"""The data of an OSCE-style daily monitoring report, gathered from the store.

`build_daily(store, day)` links and assesses the claims of the reporting
period afresh (so the report always matches the agreements on disk), then
collects: the state of every agreement version on the day, violations per
party today / the day before / over the period, each incident with a
violation verdict with both sides' claims side by side and quoted evidence,
map and chart series, and the documents cited. Rendering is in render.py.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from ..assess import (
    VIOLATION_VERDICTS,
    Agreement,
    AgreementVersion,
    assess_incidents,
    load_agreements,
)
from ..assess.confidence import apply_overrides
from ..assess.reviewed import reviewed_claims, reviewed_incidents
from ..errors import NotFound
from ..link import NightOverlapLinker
from ..model import Assessment, Claim, Document, Incident
from ..store.base import ClaimFilter

if TYPE_CHECKING:
    from ..store.base import Repository

__all__ = [
    "Quote", "ClaimCard", "ViolationEntry", "AgreementState", "CountRow", "DailyReport", "build_daily", "report_json",
]

MAX_PERIOD_DAYS = 45
QUOTES_PER_CLAIM = 3
SIDES = ("UA", "RU", "OTHER")
# Evidence of these fields says most about what was struck; quoted first.
_QUOTE_ORDER = ("targets", "places", "regions", "weapons", "killed", "injured", "stance", "attacker")


@dataclass(frozen=True)
class Quote:
    """A sentence of the document with the evidence span marked:
    `before + marked + after == text[start:end]` of that sentence."""

    before: str
    marked: str
    after: str


@dataclass(frozen=True)
class ClaimCard:
    claim: Claim
    document: Document | None
    summary: str
    quotes: tuple[Quote, ...]
    confirmed: tuple[str, ...] = ()  # fields a person confirmed or corrected


@dataclass(frozen=True)
class ViolationEntry:
    incident: Incident
    findings: tuple[tuple[str, Assessment], ...]  # (agreement version label, assessment)
    sides: dict[str, list[ClaimCard]]


@dataclass(frozen=True)
class AgreementState:
    agreement: Agreement
    version: AgreementVersion
    label: str
    state: str
    in_force: bool
    window: str


@dataclass(frozen=True)
class CountRow:
    label: str
    party: str
    today: int
    previous: int
    period: int
    period_from: date


@dataclass
class DailyReport:
    day: date
    generated: datetime
    period_from: date
    states: list[AgreementState]
    counts: list[CountRow]
    violations: list[ViolationEntry]
    verdicts_today: Counter[str]
    claims_today: int
    incidents_today: int
    sources: list[Document]
    daily_violations: dict[tuple[date, str], int] = field(default_factory=dict)
    daily_launches: dict[tuple[date, str], int] = field(default_factory=dict)
    region_counts: dict[str, int] = field(default_factory=dict)
    places: list[tuple[str, float, float]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _label(agreement: Agreement, version: AgreementVersion) -> str:
    return agreement.name + (f" ({version.party} version)" if version.party else "")


def _state(agreement: Agreement, version: AgreementVersion, day: date) -> AgreementState:
    w = version.window
    zone = ZoneInfo(w.timezone)
    lo = datetime.combine(day, time(0), zone).astimezone(UTC)
    hi = datetime.combine(day + timedelta(days=1), time(0), zone).astimezone(UTC)
    window = f"{w.local(w.start)} to {w.local(w.end)}"
    binds = ", ".join(version.binds) or "no party"

    def made(state: str, in_force: bool) -> AgreementState:
        return AgreementState(agreement, version, _label(agreement, version), state, in_force, window)

    if agreement.status in ("proposed", "draft"):
        return made(f"{agreement.status}; not in force", False)
    for cond in version.conditions:
        if cond.kind == "entry_into_force" and (cond.met_on is None or cond.met_on > day):
            return made(f"not in force: waits for a condition ({cond.text.strip()})", False)
    rel = w.relation(lo, hi)
    if rel == "outside":
        if w.end is not None and w.end <= lo:
            return made(f"ended {w.local(w.end)}", False)
        return made(f"not yet in force; starts {w.local(w.start)}", False)
    if rel == "partial":
        edge = f"from {w.local(w.start)}" if w.start > lo else f"until {w.local(w.end)}"
        return made(f"in force {edge}; binds {binds}", True)
    return made(f"in force; binds {binds}", True)


def _sentence(text: str, start: int, end: int) -> Quote:
    dot, newline = text.rfind(". ", 0, start), text.rfind("\n", 0, start)
    lo = max(dot + 2 if dot != -1 else 0, newline + 1)
    stops = [i for i in (text.find(". ", end), text.find("\n", end)) if i != -1]
    hi = min(stops) + 1 if stops else len(text)
    if hi - lo > 400:  # a run-on paragraph: keep a window around the span
        lo, hi = max(lo, start - 150), min(hi, end + 150)
    return Quote(text[lo:start].lstrip(), text[start:end], text[end:hi].rstrip())


def _quotes(claim: Claim, doc: Document | None) -> tuple[Quote, ...]:
    if doc is None:
        return ()
    ranked = sorted(
        (e for e in claim.evidence if 0 <= e.start < e.end <= len(doc.text)),
        key=lambda e: (next((i for i, p in enumerate(_QUOTE_ORDER) if e.field.startswith(p)), 99), e.start),
    )
    out: list[Quote] = []
    seen: set[str] = set()
    for e in ranked:
        q = _sentence(doc.text, e.start, e.end)
        whole = q.before + q.marked + q.after
        if whole in seen:
            continue
        seen.add(whole)
        out.append(q)
        if len(out) == QUOTES_PER_CLAIM:
            break
    return tuple(out)


def _summary(c: Claim) -> str:
    parts: list[str] = []
    if c.stance == "denied":
        parts.append("DENIES")
    for w in c.weapons:
        counts = [f"{w.count(m)} {m}" for m in ("launched", "intercepted", "lost", "hit") if w.count(m) is not None]
        parts.append(f"{w.model or w.category}: " + (", ".join(counts) or "count not stated"))
    if c.targets:
        parts.append("targets " + ", ".join(c.targets))
    if c.places:
        parts.append("at " + ", ".join(p.name for p in c.places))
    if c.killed is not None or c.injured is not None:
        parts.append(f"killed {c.killed if c.killed is not None else '?'}, "
                     f"injured {c.injured if c.injured is not None else '?'}")
    parts.append(f"attacker {c.attacker or '?'}")
    return "; ".join(parts)


def _period_start(agreements: Sequence[Agreement], day: date) -> date:
    starts = []
    for a in agreements:
        for v in a.versions:
            st = _state(a, v, day)
            if st.in_force or _state(a, v, day - timedelta(days=1)).in_force:
                starts.append(v.window.start.astimezone(ZoneInfo(v.window.timezone)).date())
    earliest = min(starts) if starts else day - timedelta(days=13)
    return max(earliest, day - timedelta(days=MAX_PERIOD_DAYS))


def build_daily(store: Repository, day: date, *, agreements: Sequence[Agreement] | None = None) -> DailyReport:
    agreements = list(agreements) if agreements is not None else load_agreements()
    period_from = _period_start(agreements, day)
    claims = list(store.iter_claims(ClaimFilter(date_from=period_from, date_to=day)))
    docs: dict[str, Document | None] = {}
    for c in claims:
        if c.doc_id not in docs:
            try:
                docs[c.doc_id] = store.get_document(c.doc_id)
            except NotFound:
                docs[c.doc_id] = None
    published = {k: d.published for k, d in docs.items() if d is not None and d.published is not None}
    # As a person reviewed them: their values over the machine's, machine ids kept (assess.run does the same).
    ids = [c.id for c in claims]
    reviews = getattr(store, "field_reviews_by_claim", None)
    claims, ids, confirmed = reviewed_claims(claims, ids, reviews() if callable(reviews) else {})
    by_id = dict(zip(ids, claims, strict=True))
    incidents, _undated = NightOverlapLinker().link(claims, ids=ids)
    incidents = reviewed_incidents(store, incidents, by_id)
    inc_by_id = {i.id: i for i in incidents}
    assessments = assess_incidents(incidents, by_id, agreements, published=published, confirmed=confirmed)
    overrides = getattr(store, "verdict_overrides_by_key", None)
    if callable(overrides):
        assessments = apply_overrides(assessments, overrides())
    states = [_state(a, v, day) for a in agreements for v in a.versions]
    label_of = {(a.id, v.party): _label(a, v) for a in agreements for v in a.versions}

    per: dict[tuple[str, str, date], int] = defaultdict(int)
    daily_violations: dict[tuple[date, str], set[str]] = defaultdict(set)
    findings: dict[str, list[tuple[str, Assessment]]] = defaultdict(list)
    verdicts_today: Counter[str] = Counter()
    for a in assessments:
        inc = inc_by_id[a.incident_id]
        if inc.date == day:
            verdicts_today[a.verdict] += 1
        if a.verdict not in VIOLATION_VERDICTS or inc.date is None:
            continue
        party = a.violator or "unknown"
        per[(label_of[(a.agreement, a.version)], party, inc.date)] += 1
        daily_violations[(inc.date, party)].add(inc.id)  # an incident counts once per day, whatever the texts
        if inc.date == day:
            findings[inc.id].append((label_of[(a.agreement, a.version)], a))

    counts: list[CountRow] = []
    for st in states:
        if not (st.in_force or _state(st.agreement, st.version, day - timedelta(days=1)).in_force):
            continue
        start = max(period_from, st.version.window.start.astimezone(ZoneInfo(st.version.window.timezone)).date())
        for party in [p for p in ("RU", "UA") if p in st.version.binds]:  # an unbound side cannot violate
            period = sum(n for (lab, p, d), n in per.items() if lab == st.label and p == party and start <= d <= day)
            counts.append(CountRow(st.label, party, per.get((st.label, party, day), 0),
                                   per.get((st.label, party, day - timedelta(days=1)), 0), period, start))

    violations: list[ViolationEntry] = []
    cited_docs: dict[str, Document] = {}
    for inc_id, found in sorted(findings.items(), key=lambda kv: (kv[1][0][1].violator or "", kv[0])):
        inc = inc_by_id[inc_id]
        sides: dict[str, list[ClaimCard]] = {s: [] for s in SIDES}
        for cid in inc.claim_ids:
            c = by_id[cid]
            doc = docs.get(c.doc_id)
            if doc is not None:
                cited_docs[doc.id] = doc
            sides.setdefault(c.claimant.party, []).append(ClaimCard(c, doc, _summary(c), _quotes(c, doc),
                                                                    tuple(sorted(confirmed.get(cid, ())))))
        violations.append(ViolationEntry(inc, tuple(found), sides))

    today_claims = [c for c in claims if c.date == day]
    for c in today_claims:
        doc = docs.get(c.doc_id)
        if doc is not None:
            cited_docs.setdefault(doc.id, doc)
    launches: dict[tuple[date, str], int] = defaultdict(int)
    for c in claims:
        known = [w.launched for w in c.weapons if w.launched is not None]
        if c.stance == "asserted" and c.date is not None and known:
            launches[(c.date, c.claimant.party)] += sum(known)
    region_counts: Counter[str] = Counter()
    places: dict[str, tuple[str, float, float]] = {}
    for v in violations:
        region_counts.update(set(v.incident.regions))
        for p in v.incident.places:
            if p.lat is not None and p.lon is not None:
                places.setdefault(p.name.casefold(), (p.name, p.lat, p.lon))
    notes = []
    if not claims:
        notes.append(f"No claims are stored for {period_from.isoformat()} to {day.isoformat()}.")
    waiting = sum(1 for a in assessments if a.verdict == "needs_review" and inc_by_id[a.incident_id].date == day)
    if waiting:
        notes.append(f"{waiting} verdicts of this day wait for a person to confirm a claimant inferred from context "
                     "or a date resolved from a weekday or the publication date; they are not counted above.")
    undated = [c for c in claims if c.date is None]
    if undated:
        notes.append(f"{len(undated)} claims without a monitoring day are not assessed.")
    return DailyReport(
        day=day,
        generated=datetime.now(UTC).replace(microsecond=0),
        period_from=period_from,
        states=states,
        counts=counts,
        violations=violations,
        verdicts_today=verdicts_today,
        claims_today=len(today_claims),
        incidents_today=sum(1 for i in incidents if i.date == day),
        sources=sorted(cited_docs.values(), key=lambda d: (d.published.timestamp() if d.published else 0.0, d.ref)),
        daily_violations={k: len(v) for k, v in daily_violations.items()},
        daily_launches=dict(launches),
        region_counts=dict(region_counts),
        places=list(places.values()),
        notes=notes,
    )


def report_json(r: DailyReport) -> dict[str, Any]:
    """The report as plain JSON-able data (the API's `format=json`)."""

    def card(c: ClaimCard) -> dict[str, Any]:
        return {
            "claim_id": c.claim.id, "claimant": c.claim.claimant.name, "party": c.claim.claimant.party,
            "stance": c.claim.stance, "document": c.document.ref if c.document else c.claim.doc_id,
            "summary": c.summary, "quotes": [{"before": q.before, "marked": q.marked, "after": q.after}
                                             for q in c.quotes],
            "confirmed": list(c.confirmed),
        }

    return {
        "date": r.day.isoformat(),
        "period_from": r.period_from.isoformat(),
        "generated": r.generated.isoformat(),
        "claims": r.claims_today,
        "incidents": r.incidents_today,
        "verdicts": dict(r.verdicts_today),
        "agreements": [{"agreement": s.agreement.id, "version": s.version.party, "label": s.label,
                        "state": s.state, "in_force": s.in_force, "window": s.window} for s in r.states],
        "counts": [{"label": c.label, "party": c.party, "day": c.today, "previous_day": c.previous,
                    "period": c.period, "period_from": c.period_from.isoformat()} for c in r.counts],
        "violations": [
            {"incident": v.incident.id, "target_country": v.incident.target_country,
             "attacker": v.incident.attacker, "regions": list(v.incident.regions),
             "findings": [{"label": label, "agreement": a.agreement, "version": a.version, "verdict": a.verdict,
                           "rule": a.rule, "reason": a.reason, "violator": a.violator,
                           "confirmed": list(a.confirmed), "provisional": a.provisional,
                           "override": list(a.override) if a.override else None} for label, a in v.findings],
             "sides": {side: [card(c) for c in cards] for side, cards in v.sides.items()}}
            for v in r.violations
        ],
        "sources": [{"ref": d.ref, "publisher": d.publisher, "title": d.title, "url": d.url,
                     "published": d.published.isoformat() if d.published else None} for d in r.sources],
        "notes": list(r.notes),
    }
