"""SQL for `ClaimFilter`s, keyset cursors and the timeline aggregate.

Listings are ordered newest first by an integer sort key and then by id,
both NOT NULL, so a cursor `(key, id)` of the last row names an exact place
in a total order: pages never repeat or skip a row, however many rows are
added behind the reader's position.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from itertools import islice
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, FromClause, Select, exists, func, literal, or_, select, tuple_
from sqlalchemy.sql.expression import ColumnClause

from ..errors import InputError
from ..model import MEASURES
from . import schema as s
from .base import ClaimFilter
from .rows import day_ord

__all__ = [
    "chunks",
    "encode_cursor",
    "decode_cursor",
    "keyset",
    "day_range",
    "ClaimQuery",
    "claim_query",
    "incident_conditions",
    "assessment_conditions",
    "assessed_claim",
    "document_conditions",
    "timeline_query",
]

T = TypeVar("T")


def chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """`items` in lists of at most `size`: bulk statements and IN (...) lists stay bounded."""
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def encode_cursor(kind: str, key: Sequence[Any]) -> str:
    raw = json.dumps([kind, *key], separators=(",", ":")).encode("utf-8")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def decode_cursor(kind: str, cursor: str, types: Sequence[type]) -> list[Any]:
    """The key inside a cursor from `encode_cursor(kind, ...)`; InputError
    for anything else (a made-up cursor or one from another listing)."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        data = json.loads(raw.decode("utf-8"))
        ok = (
            isinstance(data, list)
            and len(data) == len(types) + 1
            and data[0] == kind
            and all(
                isinstance(v, t) and not isinstance(v, bool) for v, t in zip(data[1:], types, strict=True)
            )
        )
    except (binascii.Error, ValueError, UnicodeDecodeError):
        ok = False
    if not ok:
        raise InputError(
            f"invalid cursor for the {kind} listing",
            location="cursor",
            hint="pass back next_cursor of the previous page unchanged",
        )
    return data[1:]


def keyset(stmt: Select, order: Sequence[ColumnClause], after: Sequence[Any] | None) -> Select:
    """Newest-first order on `order` columns, starting after key `after`."""
    if after is not None:
        stmt = stmt.where(tuple_(*order) < tuple_(*(literal(v) for v in after)))
    return stmt.order_by(*(c.desc() for c in order))


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def day_range(col: ColumnClause, flt: ClaimFilter) -> list[ColumnElement[bool]]:
    """The filter's inclusive date range on a day_ord column."""
    conds: list[ColumnElement[bool]] = []
    if flt.date_from is not None:
        conds.append(col >= day_ord(flt.date_from))
    if flt.date_to is not None:
        # day_ord 0 means "no date"; a date range never matches it.
        conds.append(col <= day_ord(flt.date_to))
        if flt.date_from is None:
            conds.append(col > 0)
    return conds


def _target_match(code_col: ColumnClause, top_col: ColumnClause, wanted: str) -> ColumnElement[bool]:
    # "energy" matches "energy" and "energy.power"; "energy.power" only itself
    # and anything below it.
    if "." not in wanted:
        return top_col == wanted
    return or_(code_col == wanted, code_col.like(_like_escape(wanted) + ".%", escape="\\"))


@dataclass(frozen=True)
class ClaimQuery:
    """Where a claims listing reads from: the FROM clause, its WHERE
    conditions, the keyset order columns, and the cheapest way to count."""

    source: FromClause
    conds: list[ColumnElement[bool]]
    order: tuple[ColumnElement[Any], ColumnElement[Any]]
    count_source: FromClause
    count_conds: list[ColumnElement[bool]]


def _claimant_conditions(flt: ClaimFilter) -> list[ColumnElement[bool]]:
    """Conditions on the claim itself that incidents and documents do not
    have: who claims it, its stance, its document and extractor."""
    c = s.claims.c
    conds: list[ColumnElement[bool]] = []
    for value, col in (
        (flt.party, c.claimant_party),
        (flt.stance, c.stance),
        (flt.doc_id, c.doc_id),
        (flt.extractor, c.extractor),
    ):
        if value is not None:
            conds.append(col == value)
    if flt.claimant is not None:
        conds.append(c.claimant_folded.like("%" + _like_escape(flt.claimant.casefold()) + "%", escape="\\"))
    return conds


def _verdict_conditions(a: Any, flt: ClaimFilter) -> list[ColumnElement[bool]]:
    conds: list[ColumnElement[bool]] = []
    if flt.agreement is not None:
        conds.append(a.c.agreement == flt.agreement)
    if flt.verdict is not None:
        conds.append(a.c.verdict == flt.verdict)
    return conds


def assessed_claim(flt: ClaimFilter) -> ColumnElement[bool] | None:
    """The claim is in an incident assessed under `flt.agreement` (with
    `flt.verdict`); None when the filter names neither."""
    if flt.agreement is None and flt.verdict is None:
        return None
    ic, a = s.incident_claims.alias("ic_v"), s.assessments.alias("a_v")
    return exists().where(
        ic.c.claim_id == s.claims.c.id, a.c.incident_id == ic.c.incident_id, *_verdict_conditions(a, flt)
    )


def _claim_row_conditions(flt: ClaimFilter) -> list[ColumnElement[bool]]:
    c = s.claims.c
    conds = _claimant_conditions(flt)
    for value, col in ((flt.attacker, c.attacker), (flt.target_country, c.target_country)):
        if value is not None:
            conds.append(col == value)
    assessed = assessed_claim(flt)
    if assessed is not None:
        conds.append(assessed)
    return conds


def claim_query(flt: ClaimFilter | None) -> ClaimQuery:
    """Without a region or target filter, read `claims` in (day_ord, id)
    order. With one, walk `claim_facets` for that value in (day_ord,
    claim_id) order and join the claims: no sort of all matches, however
    many there are. A second facet filter becomes an EXISTS."""
    flt = flt or ClaimFilter()
    c = s.claims.c
    rows = _claim_row_conditions(flt)
    wanted = [(k, v) for k, v in (("region", flt.region), ("target", flt.target)) if v is not None]
    if not wanted:
        conds = day_range(c.day_ord, flt) + rows
        return ClaimQuery(s.claims, conds, (c.day_ord, c.id), s.claims, conds)
    f = s.claim_facets.alias("f")
    (facet, value), more = wanted[0], wanted[1:]
    drive: list[ColumnElement[bool]] = [f.c.facet == facet, f.c.value == value, *day_range(f.c.day_ord, flt)]
    for other, other_value in more:
        g = s.claim_facets.alias("g")
        drive.append(
            exists().where(g.c.claim_id == f.c.claim_id, g.c.facet == other, g.c.value == other_value)
        )
    joined = f.join(s.claims, c.id == f.c.claim_id)
    if rows:
        return ClaimQuery(joined, drive + rows, (f.c.day_ord, f.c.claim_id), joined, drive + rows)
    return ClaimQuery(joined, drive, (f.c.day_ord, f.c.claim_id), f, drive)


def incident_conditions(
    flt: ClaimFilter | None, *, claims: bool = True, verdicts: bool = True
) -> list[ColumnElement[bool]]:
    """Incidents filter on what they have (dates, attacker, target country,
    regions, targets), on the claims they link (`claims`: claimant party,
    claimant, stance, document, extractor: an incident with at least one
    such claim) and on their assessments (`verdicts`: agreement, verdict:
    an incident assessed so)."""
    if flt is None:
        return []
    i = s.incidents.c
    conds = day_range(i.day_ord, flt)
    if flt.attacker is not None:
        conds.append(i.attacker == flt.attacker)
    if flt.target_country is not None:
        conds.append(i.target_country == flt.target_country)
    if flt.region is not None:
        r = s.incident_regions.c
        conds.append(exists().where(r.incident_id == i.id, r.region == flt.region))
    if flt.target is not None:
        t = s.incident_targets.c
        conds.append(exists().where(t.incident_id == i.id, _target_match(t.code, t.top, flt.target)))
    claim_conds = _claimant_conditions(flt) if claims else []
    if claim_conds:
        ic = s.incident_claims.alias("ic_c")
        conds.append(
            exists().where(ic.c.incident_id == i.id, ic.c.claim_id == s.claims.c.id, *claim_conds)
        )
    if verdicts and (flt.agreement is not None or flt.verdict is not None):
        a = s.assessments.alias("a_i")
        conds.append(exists().where(a.c.incident_id == i.id, *_verdict_conditions(a, flt)))
    return conds


def assessment_conditions(flt: ClaimFilter | None) -> list[ColumnElement[bool]]:
    """Agreement, verdict, party (= the alleged violator), and the incident
    filters (dates, places, targets, and the claims it links: claimant,
    stance, document) applied to the assessed incident when it is stored."""
    if flt is None:
        return []
    a = s.assessments.c
    conds: list[ColumnElement[bool]] = []
    if flt.agreement is not None:
        conds.append(a.agreement == flt.agreement)
    if flt.verdict is not None:
        conds.append(a.verdict == flt.verdict)
    if flt.party is not None:
        conds.append(a.violator == flt.party)
    inc_conds = incident_conditions(replace(flt, party=None), verdicts=False)
    if inc_conds:
        i = s.incidents.c
        matching = select(i.id).where(*inc_conds)
        stored = select(i.id)
        conds.append(or_(a.incident_id.in_(matching), a.incident_id.not_in(stored)))
    return conds


_MICROS_PER_DAY = 86_400_000_000
_EPOCH_ORDINAL = date(1970, 1, 1).toordinal()


def document_conditions(flt: ClaimFilter | None) -> list[ColumnElement[bool]]:
    """Documents filter on their publication day (UTC; undated documents
    never match a date range) and id, and on their claims: a document
    matches when one of its claims matches the claim filters (party,
    claimant, attacker, target country, region, target, stance, extractor,
    agreement, verdict)."""
    if flt is None:
        return []
    d = s.documents.c
    conds: list[ColumnElement[bool]] = []
    if flt.date_from is not None:
        conds.append(d.sort_ts >= (flt.date_from.toordinal() - _EPOCH_ORDINAL) * _MICROS_PER_DAY)
    if flt.date_to is not None:
        conds.append(d.sort_ts < (flt.date_to.toordinal() + 1 - _EPOCH_ORDINAL) * _MICROS_PER_DAY)
        conds.append(d.sort_ts != s.UNKNOWN_TS)
    if flt.doc_id is not None:
        conds.append(d.id == flt.doc_id)
    by_claims = replace(flt, date_from=None, date_to=None, doc_id=None)
    claim_conds = _claim_row_conditions(by_claims)
    for facet, value in (("region", flt.region), ("target", flt.target)):
        if value is not None:
            f = s.claim_facets.alias(f"f_{facet}")
            claim_conds.append(exists().where(f.c.claim_id == s.claims.c.id, f.c.facet == facet, f.c.value == value))
    if claim_conds:
        conds.append(exists().where(s.claims.c.doc_id == d.id, *claim_conds))
    return conds


def timeline_query(flt: ClaimFilter | None) -> Select:
    """One row per (day_ord, party, attacker, target country) of dated
    claims; grouped in the order of ix_claims_timeline so SQLite streams it
    from the index. The caller sorts the (few) result rows."""
    c = s.claims.c
    cq = claim_query(flt)
    keys = (c.day_ord, c.claimant_party, c.attacker, c.target_country)
    return (
        select(*keys, func.count().label("claims"), *(func.sum(c[m]).label(m) for m in MEASURES))
        .select_from(cq.source)
        .where(c.day_ord > 0, *cq.conds)
        .group_by(*keys)
    )


def region_counts_query(flt: ClaimFilter | None) -> Select:
    """One row per (region, claimant party): how many claims of the filtered
    view name the region. Grouped in SQL so a map over a million claims
    reads only the index entries of the view, not the claim records."""
    c = s.claims.c
    cq = claim_query(flt)
    reg = s.claim_regions.alias("rc")
    source = cq.source.join(reg, reg.c.claim_id == c.id)
    return (
        select(reg.c.region, c.claimant_party, func.count(func.distinct(c.id)).label("claims"))
        .select_from(source)
        .where(*cq.conds)
        .group_by(reg.c.region, c.claimant_party)
    )
