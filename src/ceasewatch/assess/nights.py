"""`run` for some monitoring days only (what `ceasewatch watch` does after
new reports), writing exactly what a full `run` writes for those days.

Linking is per (target country, night), and an incident's verdict depends
on its own claims, with two exceptions handled here:

- an agreement version with a `release_on_violation` clause frees a side
  from the day after the other side's first violation anywhere in its
  window, so a day inside such a window brings the window's other days
  with it (`days_to_reassess`);
- a person's decisions apply as in `run`: field reviews (a corrected date
  moves a claim to another night, so reviewed claims are read wherever
  they are stored), merges and splits of incidents, verdict overrides.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import Any

from ..errors import NotFound
from ..link import LINKER_NAME, NightOverlapLinker
from ..model import Assessment, Claim, Incident
from ..store.base import ClaimFilter
from .agreements import Agreement
from .confidence import apply_overrides
from .reviewed import reviewed_claims, reviewed_incidents
from .rules import RULESET_NAME

__all__ = ["days_to_reassess", "run_days"]


def _release_windows(agreements: Iterable[Agreement]) -> list[tuple[date, date | None]]:
    """[first, last] day (None: open) of every version with a release clause,
    a day wider on each side: a night straddles the window's edges."""
    out = []
    for agreement in agreements:
        for version in agreement.versions:
            if any(c.kind == "release_on_violation" for c in version.conditions):
                w = version.window
                out.append((w.start.date() - timedelta(days=1),
                            w.end.date() + timedelta(days=1) if w.end is not None else None))
    return out


def days_to_reassess(store: Any, days: Iterable[date], agreements: Sequence[Agreement]) -> set[date]:
    """`days`, and every day with claims of a release-clause window that
    one of them falls in."""
    wanted = set(days)
    for lo, hi in _release_windows(agreements):
        if any(lo <= d and (hi is None or d <= hi) for d in wanted):
            rows = store.timeline(ClaimFilter(date_from=lo, date_to=hi))
            wanted |= {date.fromisoformat(r["date"]) for r in rows}
    return wanted


def _candidates(store: Any, days: set[date], reviews: dict[str, Any]) -> tuple[list[Claim], list[str]]:
    """The stored claims of `days`, and every claim whose date a person
    reviewed (it may have been moved into them)."""
    found: dict[str, Claim] = {}
    for day in sorted(days):
        for claim in store.iter_claims(ClaimFilter(date_from=day, date_to=day)):
            found[claim.id] = claim
    for cid, decisions in reviews.items():
        if cid in found or not any(getattr(r, "field", None) == "date" for r in decisions):
            continue
        try:
            found[cid] = store.get_claim(cid)
        except NotFound:
            continue  # reviews are also keyed by claim key; those ids are no claims
    return list(found.values()), list(found)


def run_days(
    store: Any, days: Iterable[date], agreements: Sequence[Agreement]
) -> tuple[list[Incident], list[Assessment], dict[str, Claim]]:
    """Link and assess the claims of `days` (as reviewed) and replace the
    incidents and assessments of those days only. Pass the days of
    `days_to_reassess`. Returns the incidents, their assessments and the
    (reviewed) claims by id."""
    from . import assess_incidents, published_times

    wanted = set(days)
    fetch = getattr(store, "field_reviews_by_claim", None)
    reviews = fetch() if callable(fetch) else {}
    claims, ids = _candidates(store, wanted, reviews)
    claims, ids, confirmed = reviewed_claims(claims, ids, reviews)
    kept = [(c, i) for c, i in zip(claims, ids, strict=True) if c.date in wanted]
    claims, ids = [c for c, _ in kept], [i for _, i in kept]
    by_id = dict(zip(ids, claims, strict=True))
    incidents, _ = NightOverlapLinker().link(claims, ids=ids)
    incidents = [i for i in reviewed_incidents(store, incidents, by_id) if i.date in wanted]
    assessments = assess_incidents(incidents, by_id, agreements, published=published_times(store, {c.doc_id for c in claims}),
                                   confirmed=confirmed)
    overrides = getattr(store, "verdict_overrides_by_key", None)
    if callable(overrides):
        assessments = apply_overrides(assessments, overrides())
    store.replace_assessed_days(LINKER_NAME, sorted(wanted), incidents, RULESET_NAME, assessments)
    return incidents, assessments, by_id
