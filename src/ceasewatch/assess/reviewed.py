"""Claims as a person reviewed them: each field's latest decision applied
over the machine's value, before linking and assessing.

A `FieldReview` is keyed by the machine claim's id, which is a hash of the
document, the extractor and the claim's key. Re-extracting a document that
yields the same claim gives the same id, so its decisions apply again; a
decision is never overwritten by the machine. The claim keeps its machine
id through the corrections (incidents and verdicts cite that id), and the
machine value stays on the review beside the human one.

    confirm   the machine value is right (the field counts as confirmed)
    correct   the person's value replaces it (and counts as confirmed)
    reject    the value is wrong and unknown: lists empty, numbers and
              countries unknown; a rejected claimant or stance drops the
              claim from linking and assessment (it is no claim at all)
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

from ..errors import InvalidField
from ..model import (
    DECISIONS,
    PARTIES,
    REVIEW_FIELDS,
    STANCES,
    TARGET_CODES,
    WEAPON_CATEGORIES,
    Claim,
    Claimant,
    FieldReview,
    Incident,
    Place,
    WeaponCount,
)

__all__ = ["machine_value", "check_value", "apply_reviews", "reviewed_claims", "reviewed_incidents", "DROPPING_FIELDS"]

# A claim whose claimant or stance a person rejected is no claim.
DROPPING_FIELDS = frozenset({"claimant", "stance"})
_REGION = re.compile(r"^[A-Z]{2,3}-[A-Z0-9]{1,12}$")
Count = Annotated[int, Field(ge=0, le=10_000_000)]
Text200 = Annotated[str, Field(min_length=1, max_length=200, pattern=r"^[^\x00-\x1f]*$")]
Region = Annotated[str, Field(pattern=_REGION.pattern, max_length=16)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _Claimant(_Strict):
    name: Text200
    party: Literal[PARTIES]  # type: ignore[valid-type]


class _Weapon(_Strict):
    category: Literal[WEAPON_CATEGORIES]  # type: ignore[valid-type]
    model: Annotated[str, Field(max_length=100)] | None = None
    launched: Count | None = None
    intercepted: Count | None = None
    lost: Count | None = None
    hit: Count | None = None


class _Place(_Strict):
    name: Text200
    lat: Annotated[float, Field(ge=-90, le=90)] | None = None
    lon: Annotated[float, Field(ge=-180, le=180)] | None = None
    region: Region | None = None


Country = Literal["UA", "RU"] | None
_ADAPTERS: dict[str, TypeAdapter[Any]] = {
    "claimant": TypeAdapter(_Claimant),
    "stance": TypeAdapter(Literal[STANCES]),  # type: ignore[valid-type]
    "attacker": TypeAdapter(Country),
    "target_country": TypeAdapter(Country),
    "date": TypeAdapter(date | None),
    "weapons": TypeAdapter(Annotated[list[_Weapon], Field(max_length=20)]),
    "regions": TypeAdapter(Annotated[list[Region], Field(max_length=50)]),
    "places": TypeAdapter(Annotated[list[_Place], Field(max_length=50)]),
    "targets": TypeAdapter(Annotated[list[Literal[TARGET_CODES]], Field(max_length=20)]),  # type: ignore[valid-type]
    "killed": TypeAdapter(Count | None),
    "injured": TypeAdapter(Count | None),
}


def machine_value(claim: Claim, field: str) -> Any:
    """The value of `field` in the spec's JSON shape (what a review keeps)."""
    _check_field(field)
    return claim.to_spec()[field]


def check_value(field: str, raw: Any) -> Any:
    """A person's value for `field`, validated and in the spec's JSON shape;
    `InvalidField` naming the field otherwise."""
    _check_field(field)
    try:
        value = _ADAPTERS[field].validate_python(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in (field, *first["loc"]))
        raise InvalidField(f"{where}: {first['msg']}", field=field, location=where,
                           hint="give the value in the shape the claim's JSON uses (GET /api/claims/{id})") from None
    return _ADAPTERS[field].dump_python(value, mode="json", exclude_none=False)


def _check_field(field: str) -> None:
    if field not in REVIEW_FIELDS:
        raise InvalidField(f"no reviewable field {field!r}", field="field", location="field",
                           hint="one of " + ", ".join(REVIEW_FIELDS))


def _set(claim: Claim, field: str, value: Any) -> Claim:
    """`claim` with `field` set from a checked JSON value (None: rejected)."""
    if field == "claimant":
        return replace(claim, claimant=Claimant(value["name"], value["party"]))
    if field == "date":
        return replace(claim, date=date.fromisoformat(value) if value else None)
    if field == "weapons":
        return replace(claim, weapons=tuple(WeaponCount(**w) for w in value or ()))
    if field == "places":
        return replace(claim, places=tuple(Place(**p) for p in value or ()))
    if field in ("regions", "targets"):
        return replace(claim, **{field: tuple(value or ())})
    return replace(claim, **{field: value})


def apply_reviews(claim: Claim, reviews: Sequence[FieldReview]) -> tuple[Claim | None, frozenset[str]]:
    """The claim with each field's latest decision applied (`reviews` in
    the order they were made), and the fields a person confirmed or
    corrected; None for a claim whose claimant or stance was rejected."""
    latest: dict[str, FieldReview] = {}
    for r in reviews:
        if r.decision in DECISIONS and r.field in REVIEW_FIELDS:
            latest[r.field] = r
    confirmed = set()
    for field, r in latest.items():
        if r.decision == "reject":
            if field in DROPPING_FIELDS:
                return None, frozenset()
            claim = _set(claim, field, None)
            continue
        confirmed.add(field)
        if r.decision == "correct":
            claim = _set(claim, field, check_value(field, r.value))
    return claim, frozenset(confirmed)


def reviewed_claims(
    claims: Iterable[Claim], ids: Iterable[str], reviews: Mapping[str, Sequence[FieldReview]]
) -> tuple[list[Claim], list[str], dict[str, frozenset[str]]]:
    """`claims` (with their machine `ids`) as reviewed: the claims kept,
    their ids, and claim id -> fields a person confirmed."""
    kept: list[Claim] = []
    kept_ids: list[str] = []
    confirmed: dict[str, frozenset[str]] = {}
    for claim, cid in zip(claims, ids, strict=True):
        # by id, else the same claim (document and key) as an earlier extractor version made it
        mine = reviews.get(cid) or (reviews.get(claim.key_id) if reviews else None)
        if not mine:
            kept.append(claim)
            kept_ids.append(cid)
            continue
        out, fields = apply_reviews(claim, mine)
        if out is None:
            continue
        kept.append(out)
        kept_ids.append(cid)
        if fields:
            confirmed[cid] = fields
    return kept, kept_ids, confirmed


def reviewed_incidents(store: Any, incidents: list[Incident], claims_by_id: Mapping[str, Claim]) -> list[Incident]:
    """The linker's incidents with the merges and splits a person made (stores that keep them)."""
    decisions = getattr(store, "incident_decisions", None)
    if not callable(decisions):
        return incidents
    from ..link import apply_incident_decisions

    return apply_incident_decisions(incidents, claims_by_id, decisions())
