"""Typed, frozen records that every stage exchanges.

No I/O and no imports from the rest of the project: ingest produces
`Document`s, extractors produce `Claim`s whose values point back into the
document text through `Evidence` offsets (like a spaCy `Span` into its `Doc`),
link groups claims into `Incident`s, assess turns incidents into
`Assessment`s, and reviewers add `Review`s.

`Claim.to_spec()` / `Claim.from_spec()` convert to and from the interchange
shape of `shared/spec/claims.md` section 1.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any, Literal

__all__ = [
    "PARTIES",
    "STANCES",
    "WEAPON_CATEGORIES",
    "MEASURES",
    "TARGET_CODES",
    "SOURCE_KINDS",
    "PRECISIONS",
    "VERDICTS",
    "Party",
    "Stance",
    "Document",
    "Claimant",
    "WeaponCount",
    "Place",
    "Evidence",
    "Claim",
    "ClaimKey",
    "Incident",
    "Assessment",
    "Review",
    "FieldReview",
    "VerdictOverride",
    "IncidentDecision",
    "InformationRequest",
    "User",
    "ROLES",
    "REVIEW_FIELDS",
    "DECISIONS",
    "ATTRIBUTION_LABELS",
    "DATING_LABELS",
    "INFERRED_ATTRIBUTIONS",
    "RESOLVED_DATINGS",
    "content_hash",
    "document_id",
]

Party = Literal["UA", "RU", "OTHER"]
Stance = Literal["asserted", "denied"]

PARTIES: tuple[str, ...] = ("UA", "RU", "OTHER")
STANCES: tuple[str, ...] = ("asserted", "denied")
WEAPON_CATEGORIES: tuple[str, ...] = (
    "drone",
    "cruise_missile",
    "ballistic_missile",
    "missile",
    "guided_bomb",
    "artillery",
    "other",
)
MEASURES: tuple[str, ...] = ("launched", "intercepted", "lost", "hit")
TARGET_CODES: tuple[str, ...] = (
    "energy",
    "energy.power",
    "energy.oil_gas",
    "civilian",
    "civilian.residential",
    "civilian.medical",
    "civilian.education",
    "transport",
    "transport.rail",
    "transport.port",
    "shipping",
    "industry",
    "military",
    "infrastructure",
)
SOURCE_KINDS: tuple[str, ...] = (
    "text",
    "markdown",
    "corpus",
    "jsonl",
    "html",
    "feed",
    "telegram",
    "dataset",
)
# Like ACLED's geo_precision: how exactly a place is known.
PRECISIONS: tuple[str, ...] = ("site", "settlement", "region", "country", "sea")
VERDICTS: tuple[str, ...] = (
    "outside_scope",
    "not_in_force",
    "no_violation",
    "alleged",
    "corroborated",
    "disputed",
    # The rules reached a verdict that rests on a value the machine inferred
    # (claimant from context, date from a weekday): a person must confirm it.
    "needs_review",
)
# How a claim's claimant was established (`Claim.attribution`), in the words
# of the dashboard and reports; None (gold, imports, older extractors) is "unstated".
ATTRIBUTION_LABELS: dict[str, str] = {
    "publisher": "official body speaking",
    "named": "official relayed by an outlet",
    "inherited": "inferred from context",
    "outlet": "publisher's own voice",
}
INFERRED_ATTRIBUTIONS: frozenset[str] = frozenset({"inherited"})
# How a claim's date was established (`Claim.dating`).
DATING_LABELS: dict[str, str] = {
    "explicit": "explicit date",
    "night": "night window",
    "weekday": "resolved from a weekday",
    "relative": "resolved from a relative day",
    "publication": "resolved from the publication date",
}
RESOLVED_DATINGS: frozenset[str] = frozenset({"weekday", "relative", "publication"})
# Fields of a claim a reviewer confirms, corrects or rejects one by one.
REVIEW_FIELDS: tuple[str, ...] = (
    "claimant", "stance", "attacker", "target_country", "date",
    "weapons", "regions", "places", "targets", "killed", "injured",
)
DECISIONS: tuple[str, ...] = ("confirm", "correct", "reject")
# Account roles, each allowed what the ones before it are: read; review; agreements, users and tokens.
ROLES: tuple[str, ...] = ("viewer", "analyst", "admin")


def content_hash(*parts: str, prefix: str = "", length: int = 16) -> str:
    """Stable id from the given parts (sqlite-utils `hash_id` style)."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return f"{prefix}{digest[:length]}"


def document_id(text: str, publisher: str | None, published: datetime | None) -> str:
    """The content-hash id of a document: same text, publisher and time, same id."""
    stamp = published.isoformat() if published else ""
    return content_hash(publisher or "", stamp, text, prefix="doc_")


@dataclass(frozen=True)
class Document:
    """One report as stored. `text` is never changed after storage: every
    offset in the project counts Unicode code points into it."""

    id: str
    text: str
    publisher: str | None = None
    published: datetime | None = None  # timezone-aware where the source says
    language: str | None = None  # "en", "uk", "ru", or another ISO 639-1 code
    url: str | None = None
    source_kind: str = "text"
    source_id: str | None = None  # the source's own id: corpus id, message id, guid
    title: str | None = None
    meta: Mapping[str, Any] = field(default_factory=dict, compare=False)

    @classmethod
    def create(
        cls,
        text: str,
        *,
        publisher: str | None = None,
        published: datetime | None = None,
        **kwargs: Any,
    ) -> Document:
        return cls(
            id=document_id(text, publisher, published),
            text=text,
            publisher=publisher,
            published=published,
            **kwargs,
        )

    @property
    def ref(self) -> str:
        """The name users know the document by: the source's id, else the hash."""
        return self.source_id or self.id


@dataclass(frozen=True)
class Claimant:
    name: str
    party: str  # one of PARTIES


@dataclass(frozen=True)
class WeaponCount:
    category: str  # one of WEAPON_CATEGORIES
    model: str | None = None
    launched: int | None = None
    intercepted: int | None = None
    lost: int | None = None
    hit: int | None = None

    def count(self, measure: str) -> int | None:
        return getattr(self, measure)


@dataclass(frozen=True)
class Place:
    name: str
    lat: float | None = None
    lon: float | None = None
    region: str | None = None  # ISO 3166-2 code or SEA-*
    precision: str | None = None  # one of PRECISIONS
    geonames_id: int | None = None


@dataclass(frozen=True)
class Evidence:
    """`text[start:end]` of the claim's document supports `field`.

    `field` is a dotted path into the claim record: "claimant", "stance",
    "attacker", "target_country", "date", "weapons.0.launched",
    "weapons.0.model", "regions.1", "places.0", "targets.0", "killed",
    "injured"."""

    field: str
    start: int
    end: int
    rule: str | None = None  # the extraction rule that read the value (None for gold and imports)


ClaimKey = tuple[str, str, "str | None", "str | None", "str | None"]


@dataclass(frozen=True)
class Claim:
    doc_id: str
    claimant: Claimant
    stance: str = "asserted"
    attacker: str | None = None
    target_country: str | None = None
    date: date | None = None
    weapons: tuple[WeaponCount, ...] = ()
    regions: tuple[str, ...] = ()
    places: tuple[Place, ...] = ()
    targets: tuple[str, ...] = ()
    killed: int | None = None
    injured: int | None = None
    evidence: tuple[Evidence, ...] = ()
    extractor: str = "unknown"  # versioned name of the component that made it
    warnings: tuple[str, ...] = ()
    # Stated time of the strike (timezone-aware) when the text gives one; lets
    # assess decide truce edges such as 18:00 Moscow time. Not part of `key`.
    time: datetime | None = None
    # How the claimant was established: "named" (a speaker in the sentence), "inherited"
    # (continued from an earlier sentence), "publisher" (the publisher is the body speaking),
    # "outlet" (the publisher's own voice); None where unknown (gold, imports).
    attribution: str | None = None
    # How the date was established: "explicit", "night", "weekday", "relative", "publication";
    # None where unknown or undated.
    dating: str | None = None

    @property
    def key(self) -> ClaimKey:
        """The spec's granularity key (section 2)."""
        day = self.date.isoformat() if self.date else None
        return (self.claimant.party, self.stance, self.attacker, self.target_country, day)

    @property
    def id(self) -> str:
        """Content-hash id: one claim per document, key and extractor."""
        return content_hash(self.doc_id, self.extractor, json.dumps(self.key), prefix="clm_")

    @property
    def key_id(self) -> str:
        """The claim whatever extractor made it: one per document and key (spec
        section 2). A person's decisions follow it across extractor versions."""
        return content_hash(self.doc_id, json.dumps(self.key), prefix="key_")

    def evidence_for(self, field_path: str) -> tuple[Evidence, ...]:
        return tuple(e for e in self.evidence if e.field == field_path)

    def with_doc_id(self, doc_id: str) -> Claim:
        return replace(self, doc_id=doc_id)

    def to_spec(self, doc_ref: str | None = None) -> dict[str, Any]:
        """The interchange shape of the spec, section 1."""
        return {
            "doc_id": doc_ref or self.doc_id,
            "claimant": {"name": self.claimant.name, "party": self.claimant.party},
            "stance": self.stance,
            "attacker": self.attacker,
            "target_country": self.target_country,
            "date": self.date.isoformat() if self.date else None,
            "weapons": [
                {
                    "category": w.category,
                    "model": w.model,
                    "launched": w.launched,
                    "intercepted": w.intercepted,
                    "lost": w.lost,
                    "hit": w.hit,
                }
                for w in self.weapons
            ],
            "regions": list(self.regions),
            "places": [
                {"name": p.name, "lat": p.lat, "lon": p.lon, "region": p.region}
                for p in self.places
            ],
            "targets": list(self.targets),
            "killed": self.killed,
            "injured": self.injured,
            "evidence": [
                {"field": e.field, "start": e.start, "end": e.end} | ({"rule": e.rule} if e.rule else {})
                for e in self.evidence
            ],
        } | ({"time": self.time.isoformat()} if self.time else {}) | (
            {"attribution": self.attribution} if self.attribution else {}) | (
            {"dating": self.dating} if self.dating else {})

    @classmethod
    def from_spec(cls, data: Mapping[str, Any], *, extractor: str = "gold") -> Claim:
        """Read a claim in the spec's shape (gold files, JSONL exports)."""
        raw_date = data.get("date")
        claimant = data.get("claimant") or {}
        return cls(
            doc_id=str(data.get("doc_id") or ""),
            claimant=Claimant(name=str(claimant.get("name") or ""), party=str(claimant.get("party") or "OTHER")),
            stance=str(data.get("stance") or "asserted"),
            attacker=data.get("attacker"),
            target_country=data.get("target_country"),
            date=date.fromisoformat(raw_date) if raw_date else None,
            weapons=tuple(
                WeaponCount(
                    category=str(w.get("category") or "other"),
                    model=w.get("model"),
                    launched=w.get("launched"),
                    intercepted=w.get("intercepted"),
                    lost=w.get("lost"),
                    hit=w.get("hit"),
                )
                for w in data.get("weapons") or ()
            ),
            regions=tuple(data.get("regions") or ()),
            places=tuple(
                Place(name=str(p.get("name") or ""), lat=p.get("lat"), lon=p.get("lon"), region=p.get("region"))
                for p in data.get("places") or ()
            ),
            targets=tuple(data.get("targets") or ()),
            killed=data.get("killed"),
            injured=data.get("injured"),
            evidence=tuple(
                Evidence(field=str(e["field"]), start=int(e["start"]), end=int(e["end"]),
                         rule=str(e["rule"]) if e.get("rule") else None)
                for e in data.get("evidence") or ()
            ),
            extractor=extractor,
            time=datetime.fromisoformat(data["time"]) if data.get("time") else None,
            attribution=data.get("attribution"),
            dating=data.get("dating"),
        )


@dataclass(frozen=True)
class Incident:
    """Claims from any number of documents about one night's strikes on one
    country, grouped by the linker. Counts events, not reports."""

    id: str
    target_country: str | None
    date: date | None
    claim_ids: tuple[str, ...]
    regions: tuple[str, ...] = ()
    places: tuple[Place, ...] = ()
    targets: tuple[str, ...] = ()
    attacker: str | None = None
    linker: str = "unknown"  # versioned name of the linker


@dataclass(frozen=True)
class Assessment:
    """What one agreement (in one party's version) makes of one incident."""

    id: str
    incident_id: str
    agreement: str  # agreement id, e.g. "energy-moratorium-2025"
    version: str | None  # party version ("RU", "UA") or None when the text is shared
    verdict: str  # one of VERDICTS
    rule: str  # the rule that fired, e.g. "target.protected"
    reason: str  # one sentence a reader understands
    violator: str | None = None  # party alleged to have violated
    claim_ids: tuple[str, ...] = ()
    claimants: tuple[Claimant, ...] = ()
    evidence: tuple[tuple[str, Evidence], ...] = ()  # (claim id, evidence)
    ruleset: str = "unknown"  # versioned name of the rule set
    # needs_review: the verdict the rules reach once a person confirms the doubtful values.
    provisional: str | None = None
    # Why a person must look: "clm_…: claimant inferred from context", one per doubtful value.
    doubts: tuple[str, ...] = ()
    # Values of the cited claims a person confirmed or corrected: "clm_…:claimant".
    confirmed: tuple[str, ...] = ()
    # A person's override of the rules' verdict: (reviewer, reason); `rule` is then "review.override".
    override: tuple[str, str] | None = None


@dataclass(frozen=True)
class Review:
    """A person's judgement on a claim (accepted, rejected, corrected)."""

    id: str
    claim_id: str
    reviewer: str
    status: str
    note: str = ""
    created: datetime | None = None


@dataclass(frozen=True)
class FieldReview:
    """A person's decision on one field of one claim. `machine` is what the
    extractor said (kept beside the human value, JSON-shaped as in
    `Claim.to_spec`); `value` is what the person set (`correct`), the machine
    value (`confirm`) or None (`reject`). Keyed by the machine claim's id and
    its `key_id`, so a re-extraction that makes the same claim, by the same
    extractor or another version, finds its decisions again and never
    overwrites them."""

    id: str
    claim_id: str
    field: str  # one of REVIEW_FIELDS
    decision: str  # one of DECISIONS
    machine: Any
    value: Any
    reviewer: str
    reason: str = ""
    created: datetime | None = None
    claim_key: str = ""  # the machine claim's `key_id`: found again when another extractor makes the claim


@dataclass(frozen=True)
class VerdictOverride:
    """A person's verdict on one incident under one agreement version,
    replacing the rules' verdict, with the written reason."""

    id: str
    incident_id: str
    agreement: str
    version: str | None
    verdict: str  # one of VERDICTS
    reason: str
    reviewer: str
    created: datetime | None = None


@dataclass(frozen=True)
class IncidentDecision:
    """A person's merge or split of the linker's incidents, applied after
    every linking in the order made. `merge`: the incidents holding these
    claims are one; `split`: these claims leave their incident for one of
    their own."""

    id: str
    kind: str  # "merge" or "split"
    claim_ids: tuple[str, ...]
    reviewer: str
    reason: str
    created: datetime | None = None


@dataclass(frozen=True)
class InformationRequest:
    """An alleged violation put to the accused party (the 2016 Syria
    cessation-of-hostilities practice): the question, and once it comes the
    answer, stored as a document and a claim with its own evidence."""

    id: str
    incident_id: str
    agreement: str
    version: str | None
    party: str  # the accused party asked
    question: str
    requested_by: str
    created: datetime | None = None
    answer_doc_id: str | None = None
    answer_claim_id: str | None = None
    answered_by: str | None = None  # the analyst who recorded the answer
    answered: datetime | None = None
    # The incident's claims when asked: incidents are rebuilt (and renamed) by every assess, so the
    # request follows the claims.
    claim_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class User:
    """An account (its password hash stays in the store)."""

    name: str
    role: str  # one of ROLES
    disabled: bool = False
    created: datetime | None = None

    def can(self, role: str) -> bool:
        """True when this account may do what `role` may."""
        return not self.disabled and ROLES.index(self.role) >= ROLES.index(role)


def merge_claims(claims: Sequence[Claim]) -> Claim:
    """Union of claims with one key (spec section 4): lists united, the
    largest count kept for each weapon category and measure."""
    if not claims:
        raise ValueError("merge_claims needs at least one claim")
    first = claims[0]
    by_cat: dict[str, dict[str, Any]] = {}
    for c in claims:
        for w in c.weapons:
            slot = by_cat.setdefault(w.category, {"model": w.model})
            for m in MEASURES:
                v = w.count(m)
                if v is not None and (slot.get(m) is None or v > slot[m]):
                    slot[m] = v
    regions: list[str] = []
    targets: list[str] = []
    places: list[Place] = []
    for c in claims:
        regions += [r for r in c.regions if r not in regions]
        targets += [t for t in c.targets if t not in targets]
        places += [p for p in c.places if p not in places]

    def _max(values: list[int | None]) -> int | None:
        known = [v for v in values if v is not None]
        return max(known) if known else None

    merged = replace(
        first,
        weapons=tuple(
            WeaponCount(category=cat, **{k: v for k, v in slot.items()}) for cat, slot in by_cat.items()
        ),
        regions=tuple(regions),
        targets=tuple(targets),
        places=tuple(places),
        killed=_max([c.killed for c in claims]),
        injured=_max([c.injured for c in claims]),
    )
    evidence: list[Evidence] = []
    for c in claims:
        for e in c.evidence:
            moved = _reindexed(e, c, merged)
            if moved is not None and moved not in evidence:
                evidence.append(moved)
    return replace(merged, evidence=tuple(evidence))


def _reindexed(e: Evidence, source: Claim, merged: Claim) -> Evidence | None:
    """`e` (evidence of `source`) renamed to point at the same value in `merged`;
    None when `merged` kept another claim's value for that field (a larger count)."""
    parts = e.field.split(".")
    head = parts[0]
    if head in ("regions", "targets", "places") and len(parts) == 2:
        value = getattr(source, head)[int(parts[1])]
        items = getattr(merged, head)
        return replace(e, field=f"{head}.{items.index(value)}") if value in items else None
    if head == "weapons" and len(parts) == 3:
        weapon = source.weapons[int(parts[1])]
        index = next(i for i, w in enumerate(merged.weapons) if w.category == weapon.category)
        if parts[2] in MEASURES and weapon.count(parts[2]) != merged.weapons[index].count(parts[2]):
            return None
        return replace(e, field=f"weapons.{index}.{parts[2]}")
    if head in ("killed", "injured") and getattr(source, head) != getattr(merged, head):
        return None
    return e


__all__.append("merge_claims")
