"""A person's merges and splits of incidents, applied over the linker's.

The linker runs again on every `assess`, so a person's decision is kept as
the claims it names (`IncidentDecision`), not as incidents, and applied
after linking in the order the decisions were made:

- merge: every incident holding one of the claims becomes one incident
  (the night and country of the earliest);
- split: the claims leave their incident and form one of their own.

Claims no longer stored are ignored; a decision that names too few of the
stored claims to change anything changes nothing. Incident ids follow the
claims, as the linker's do.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from ..model import Claim, Incident, IncidentDecision
from .night_overlap import build_incident

__all__ = ["apply_incident_decisions"]


def _rebuilt(ids: Sequence[str], claims_by_id: Mapping[str, Claim], like: Incident) -> Incident:
    kept = [cid for cid in ids if cid in claims_by_id]
    return build_incident([claims_by_id[c] for c in kept], kept, like.target_country, like.date)  # type: ignore[arg-type]


def apply_incident_decisions(
    incidents: Iterable[Incident], claims_by_id: Mapping[str, Claim], decisions: Sequence[IncidentDecision]
) -> list[Incident]:
    out = list(incidents)
    for d in decisions:
        named = set(d.claim_ids)
        hit = [i for i, inc in enumerate(out) if named & set(inc.claim_ids)]
        if d.kind == "merge" and len(hit) >= 2:
            parts = [out[i] for i in hit]
            first = min(parts, key=lambda inc: (inc.date is None, inc.date, inc.id))
            ids = sorted({cid for inc in parts for cid in inc.claim_ids})
            merged = _rebuilt(ids, claims_by_id, first)
            out = [inc for i, inc in enumerate(out) if i not in hit] + [merged]
        elif d.kind == "split" and len(hit) == 1:
            inc = out[hit[0]]
            leaving = [cid for cid in inc.claim_ids if cid in named]
            staying = [cid for cid in inc.claim_ids if cid not in named]
            if leaving and staying:
                out[hit[0]] = _rebuilt(staying, claims_by_id, inc)
                out.append(_rebuilt(leaving, claims_by_id, inc))
    return out
