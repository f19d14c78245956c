"""Fact-level scoring of extracted claims against gold (spec section 4).

Both sides are reduced to atomic facts per document after merging claims
with the same key (`model.merge_claims`):

    claim       (key)
    count       (key, category, measure, n)      every non-null count
    region      (key, region)
    target      (key, top-level target code)
    place       (key, place)  matched within 30 km, or by case-folded name
                              when either side lacks coordinates
    casualties  (key, "killed"|"injured", n)

Precision, recall and F1 are micro-averaged over all facts of all
documents, overall ("all") and per kind. Usable with any gold folder.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..model import MEASURES, Claim, ClaimKey, Place, merge_claims
from .common.targets import top_level

__all__ = [
    "FACT_KINDS",
    "PLACE_MATCH_KM",
    "Fact",
    "PRF",
    "DocScore",
    "EvalReport",
    "claim_facts",
    "merge_by_key",
    "score_document",
    "score_corpus",
    "distance_km",
]

FACT_KINDS = ("claim", "count", "region", "target", "place", "casualties")
PLACE_MATCH_KM = 30.0

Fact = tuple[Any, ...]  # (kind, key, ...values)


@dataclass
class PRF:
    tp: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else (1.0 if not self.gold else 0.0)

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else (1.0 if not self.predicted else 0.0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: PRF) -> None:
        self.tp += other.tp
        self.predicted += other.predicted
        self.gold += other.gold

    def to_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "predicted": self.predicted,
            "gold": self.gold,
        }


@dataclass
class DocScore:
    doc: str
    by_kind: dict[str, PRF]
    missed: list[Fact] = field(default_factory=list)
    spurious: list[Fact] = field(default_factory=list)

    @property
    def overall(self) -> PRF:
        total = PRF()
        for prf in self.by_kind.values():
            total.add(prf)
        return total

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc": self.doc,
            "all": self.overall.to_dict(),
            "missed": [_fact_str(f) for f in self.missed],
            "spurious": [_fact_str(f) for f in self.spurious],
        }


@dataclass
class EvalReport:
    by_kind: dict[str, PRF]
    documents: list[DocScore]
    errors: list[str] = field(default_factory=list)  # inputs that could not be read (not scored)

    @property
    def overall(self) -> PRF:
        total = PRF()
        for prf in self.by_kind.values():
            total.add(prf)
        return total

    def to_dict(self, *, details: bool = True) -> dict[str, Any]:
        out: dict[str, Any] = {
            "documents": len(self.documents),
            "errors": list(self.errors),
            "all": self.overall.to_dict(),
            "by_kind": {k: v.to_dict() for k, v in self.by_kind.items()},
        }
        if details:
            out["per_document"] = [d.to_dict() for d in self.documents]
        return out


def distance_km(a: Place, b: Place) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat or 0.0, a.lon or 0.0, b.lat or 0.0, b.lon or 0.0))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def _places_match(a: Place, b: Place) -> bool:
    if None in (a.lat, a.lon, b.lat, b.lon):
        return a.name.casefold().strip() == b.name.casefold().strip()
    return distance_km(a, b) <= PLACE_MATCH_KM


def merge_by_key(claims: Iterable[Claim]) -> dict[ClaimKey, Claim]:
    """Claims with one key merged (union of lists, largest count)."""
    groups: dict[ClaimKey, list[Claim]] = {}
    for c in claims:
        groups.setdefault(c.key, []).append(c)
    return {key: merge_claims(group) for key, group in groups.items()}


def claim_facts(claim: Claim) -> dict[str, list[Fact]]:
    """Atomic facts of one merged claim, places excluded (they are matched
    geometrically, see `score_document`)."""
    key = claim.key
    facts: dict[str, list[Fact]] = {k: [] for k in FACT_KINDS if k != "place"}
    facts["claim"].append(("claim", key))
    for w in claim.weapons:
        for m in MEASURES:
            n = w.count(m)
            if n is not None:
                facts["count"].append(("count", key, w.category, m, n))
    facts["region"] = [("region", key, r) for r in dict.fromkeys(claim.regions)]
    facts["target"] = [("target", key, t) for t in dict.fromkeys(top_level(t) for t in claim.targets)]
    for kind in ("killed", "injured"):
        n = getattr(claim, kind)
        if n is not None:
            facts["casualties"].append(("casualties", key, kind, n))
    return facts


def _match_places(
    pred: Sequence[Place], gold: Sequence[Place]
) -> tuple[int, list[Place], list[Place]]:
    """Greedy one-to-one matching, closest pairs first."""
    pairs: list[tuple[float, int, int]] = []
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            if _places_match(p, g):
                coords = None not in (p.lat, p.lon, g.lat, g.lon)
                pairs.append((distance_km(p, g) if coords else 0.0, i, j))
    used_p: set[int] = set()
    used_g: set[int] = set()
    for _, i, j in sorted(pairs):
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
    missed = [g for j, g in enumerate(gold) if j not in used_g]
    spurious = [p for i, p in enumerate(pred) if i not in used_p]
    return len(used_p), missed, spurious


def _dedupe_places(places: Sequence[Place]) -> list[Place]:
    out: list[Place] = []
    for p in places:
        if not any(_places_match(p, q) and p.name.casefold() == q.name.casefold() for q in out):
            out.append(p)
    return out


def score_document(doc: str, predicted: Iterable[Claim], gold: Iterable[Claim]) -> DocScore:
    pred_claims = merge_by_key(predicted)
    gold_claims = merge_by_key(gold)
    by_kind = {k: PRF() for k in FACT_KINDS}
    score = DocScore(doc, by_kind)
    pred_facts: dict[str, set[Fact]] = {k: set() for k in FACT_KINDS}
    gold_facts: dict[str, set[Fact]] = {k: set() for k in FACT_KINDS}
    for claims, target in ((pred_claims, pred_facts), (gold_claims, gold_facts)):
        for claim in claims.values():
            for kind, facts in claim_facts(claim).items():
                target[kind].update(facts)
    for kind in FACT_KINDS:
        if kind == "place":
            continue
        p, g = pred_facts[kind], gold_facts[kind]
        by_kind[kind] = PRF(len(p & g), len(p), len(g))
        score.missed += sorted(g - p, key=repr)
        score.spurious += sorted(p - g, key=repr)
    place_prf = PRF()
    for key in set(pred_claims) | set(gold_claims):
        pp = _dedupe_places(pred_claims[key].places) if key in pred_claims else []
        gp = _dedupe_places(gold_claims[key].places) if key in gold_claims else []
        tp, missed, spurious = _match_places(pp, gp)
        place_prf.add(PRF(tp, len(pp), len(gp)))
        score.missed += [("place", key, p.name) for p in missed]
        score.spurious += [("place", key, p.name) for p in spurious]
    by_kind["place"] = place_prf
    return score


def score_corpus(
    predicted: Mapping[str, Sequence[Claim]], gold: Mapping[str, Sequence[Claim]]
) -> EvalReport:
    """Score every document of `gold` (documents absent from `predicted`
    count as extracting nothing)."""
    totals = {k: PRF() for k in FACT_KINDS}
    docs = []
    for doc in sorted(gold):
        ds = score_document(doc, predicted.get(doc, ()), gold[doc])
        for kind, prf in ds.by_kind.items():
            totals[kind].add(prf)
        docs.append(ds)
    return EvalReport(totals, docs)


def _fact_str(fact: Fact) -> str:
    kind, key, *rest = fact
    party, stance, attacker, target, day = key
    head = f"{party}/{stance} {attacker or '?'}->{target or '?'} {day or 'no-date'}"
    return f"{kind} [{head}]" + (" " + " ".join(str(x) for x in rest) if rest else "")


def evaluate_folder(
    gold_dir: str,
    *,
    extractor: str | Mapping[str, str] | None = None,
    language: str | None = None,
    on_document: Any = None,
) -> EvalReport:
    """Extract every document of a corpus folder (`<id>.txt` + `<id>.json`)
    with the named extractor (or one per language, default: by language) and
    score it against the folder's gold claims. `language` keeps only documents in that language;
    `on_document(doc)` is called after each document (progress bars)."""
    from ..ingest import load_documents, load_gold
    from . import extract_document

    gold = load_gold(gold_dir)
    documents, errors = load_documents([gold_dir])
    predicted: dict[str, list[Claim]] = {}
    kept: dict[str, list[Claim]] = {}
    for doc in documents:
        if language and (doc.language or "").lower() != language.lower():
            continue
        if doc.ref not in gold:
            continue
        name = extractor.get((doc.language or "en").lower()) if isinstance(extractor, Mapping) else extractor
        predicted[doc.ref] = extract_document(doc, extractor=name)
        kept[doc.ref] = gold[doc.ref]
        if on_document is not None:
            on_document(doc)
    report = score_corpus(predicted, kept)
    report.errors = [str(e) for e in errors]
    return report


__all__.append("evaluate_folder")
