"""Reads for the dashboard map that must not walk every claim: the newest
located places of a filtered view (one bounded SQL query in listing order,
and one for the incidents of those claims), and which incident names a
claim (through the incident_claims index instead of reading the incidents
of a day).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import Connection, exists, select

from ..model import MEASURES
from . import query as q
from . import schema as s
from .base import ClaimFilter

__all__ = ["located_places", "incident_ids"]

_IN_CHUNK = 2000  # ids per IN (...) list: one query for a map's markers


def located_places(
    conn: Connection, flt: ClaimFilter | None, *, limit: int
) -> tuple[list[dict[str, Any]], bool]:
    """The first `limit` places with coordinates of the claims matching
    `flt`, in the claims listing's order (newest first) and then place
    order; and whether more exist. Each row has the claim's summary
    (claimant, date, weapons, targets), the place and the claim's incident."""
    cq = q.claim_query(flt)
    c, p = s.claims.c, s.claim_places.c
    located = (p.lat.is_not(None), p.lon.is_not(None))
    # The first claims in listing order, bounded, in a subquery, then their
    # places: joined to the places and ordered by place as well, SQLite
    # scanned every place and sorted them.
    first = (
        q.keyset(
            select(*(col.label(f"k{n}") for n, col in enumerate(cq.order)))
            .select_from(cq.source)
            .where(*cq.conds, exists().where(p.claim_id == c.id, *located)),
            cq.order,
            None,
        )
        .limit(limit + 1)
        .subquery("first")
    )
    stmt = (
        select(
            first.c.k0, c.id, c.doc_id, c.day_ord, c.claimant_name, c.claimant_party, c.stance, c.attacker,
            c.target_country, c.record, p.idx, p.name, p.lat, p.lon, p.region, p.precision,
        )
        .select_from(first.join(s.claims, c.id == first.c.k1).join(s.claim_places, p.claim_id == c.id))
        .where(*located)
    )
    rows = conn.execute(stmt).all()
    rows.sort(key=lambda x: x.idx)
    rows.sort(key=lambda x: (x.k0, x.id), reverse=True)  # stable: places stay in order
    more = len(rows) > limit
    rows = rows[:limit]
    incidents = incident_ids(conn, (x.id for x in rows))
    out = [
        {
            "claim_id": x.id,
            "doc_id": x.doc_id,
            "date": date.fromordinal(x.day_ord).isoformat() if x.day_ord > 0 else None,
            "claimant": {"name": x.claimant_name, "party": x.claimant_party},
            "stance": x.stance,
            "attacker": x.attacker,
            "target_country": x.target_country,
            # From the stored record (fields at their default are left out
            # of it): one query less per request than the child tables.
            "weapons": [
                {"category": w["category"], "model": w.get("model")} | {m: w.get(m) for m in MEASURES}
                for w in x.record.get("weapons", ())
            ],
            "targets": list(x.record.get("targets", ())),
            "place": {"name": x.name, "lat": x.lat, "lon": x.lon, "region": x.region, "precision": x.precision},
            "incident_id": incidents.get(x.id),
        }
        for x in rows
    ]
    return out, more


def incident_ids(conn: Connection, claim_ids: Iterable[str]) -> dict[str, str]:
    """claim id -> id of the incident naming it; when several do (two
    linkers), the newest incident, then the greatest id, as the incident
    listing would show it first."""
    ic, i = s.incident_claims.c, s.incidents.c
    out: dict[str, str] = {}
    for part in q.chunks(dict.fromkeys(claim_ids), _IN_CHUNK):
        stmt = (
            select(ic.claim_id, i.id)
            .select_from(s.incident_claims.join(s.incidents, i.id == ic.incident_id))
            .where(ic.claim_id.in_(part))
            .order_by(i.day_ord, i.id)  # later rows win
        )
        out.update({cid: iid for cid, iid in conn.execute(stmt)})
    return out
