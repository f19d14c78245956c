"""The aggregate tables `claim_day_totals`, `claim_facet_days` and
`claim_facet_totals` (schema.py, version 3): how writes keep them exact and
which reads they answer.

Writes. `Deltas` collects what the claims a transaction deletes take away
and what the claims it inserts add, per aggregate key, and `apply` writes
the net change in that same transaction: one upsert (`+=`) per key, then
rows left at 0 claims are deleted. Integer sums make this exact, and it
costs a bulk load only a few upserts per claim, where recomputing the
touched days from `claims` would re-read ~700 claims per day at 1M.
Deleted claims are taken from DELETE ... RETURNING, so a PostgreSQL writer
subtracts only rows it really deleted, even when another transaction
replaced the same document first. Keys are upserted in sorted order, so two
concurrent writers lock aggregate rows in the same order and cannot
deadlock on them. `rebuild` recomputes the tables from `claims` (migration
3, and a repair after writing claims with outside SQL).

Reads. `source(flt)` tells whether a filter can be answered from an
aggregate: dates, claimant party, attacker, target country, and at most one
of region / target. Anything else (claimant substring, stance, document,
extractor, agreement, verdict, region and target together) needs the
claims themselves.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Select,
    Table,
    and_,
    bindparam,
    delete,
    func,
    literal_column,
    select,
)

from ..model import MEASURES
from . import schema as s
from .base import ClaimFilter
from .query import day_range

__all__ = [
    "Deltas",
    "rebuild",
    "AggregateSource",
    "source",
    "timeline_query",
    "region_counts_query",
    "count_query",
    "country",
]

_VALUES = ("claims", *MEASURES)
_DAY_KEY = ("day_ord", "claimant_party", "attacker", "target_country")
_FACET_KEY = ("facet", "value", "claimant_party", "day_ord", "attacker", "target_country")  # schema's key order
_TOTAL_KEY = ("facet", "value", "claimant_party", "attacker", "target_country")
# Filters only the claims table (and the incidents and assessments naming
# them) can answer.
_CLAIM_ONLY = ("claimant", "stance", "doc_id", "extractor", "agreement", "verdict")


def _key_country(value: str | None) -> str:
    return s.NO_COUNTRY if value is None else value


def country(value: str) -> str | None:
    """An aggregate's attacker / target country back as the claims have it."""
    return None if value == s.NO_COUNTRY else value


def _zeros() -> list[int]:
    return [0] * len(_VALUES)


class Deltas:
    """Net change of the aggregates within one write transaction."""

    def __init__(self) -> None:
        self._days: dict[tuple[Any, ...], list[int]] = defaultdict(_zeros)
        self._facets: dict[tuple[Any, ...], list[int]] = defaultdict(_zeros)
        self._totals: dict[tuple[Any, ...], list[int]] = defaultdict(_zeros)

    def add(self, claim: Mapping[str, Any], facets: Iterable[tuple[str, str]], sign: int) -> None:
        """Count one claims-table row (+1 inserted, -1 deleted) with its
        claim_facets (facet, value) pairs."""
        key = (
            claim["day_ord"],
            claim["claimant_party"],
            _key_country(claim["attacker"]),
            _key_country(claim["target_country"]),
        )
        vec = (sign, *(sign * int(claim[m]) for m in MEASURES))
        day, party, attacker, target = key
        slots = [self._days[key]]
        for f, v in facets:
            slots += (self._facets[(f, v, party, day, attacker, target)], self._totals[(f, v, party, attacker, target)])
        for slot in slots:
            for i, n in enumerate(vec):
                slot[i] += n

    def apply(self, conn: Connection) -> None:
        for table, names, changes in (
            (s.claim_day_totals, _DAY_KEY, self._days),
            (s.claim_facet_days, _FACET_KEY, self._facets),
            (s.claim_facet_totals, _TOTAL_KEY, self._totals),
        ):
            _apply(conn, table, names, changes)


def _apply(conn: Connection, table: Table, names: Sequence[str], changes: dict[tuple[Any, ...], list[int]]) -> None:
    rows = [(*key, *vec) for key, vec in sorted(changes.items()) if any(vec)]  # nothing changed: no write
    if not rows:
        return
    conn.exec_driver_sql(_upsert_sql(conn, table, names), rows)
    emptied = [dict(zip(names, row, strict=False)) for row in rows if row[len(names)] < 0]
    if emptied:
        keyed = [table.c[n] == bindparam("k_" + n) for n in names]
        conn.execute(
            delete(table).where(and_(*keyed), table.c.claims == 0),
            [{"k_" + n: v for n, v in row.items()} for row in emptied],
        )


def _upsert_sql(conn: Connection, table: Table, names: Sequence[str]) -> str:
    """INSERT ... ON CONFLICT DO UPDATE adding the values (same text on
    SQLite and PostgreSQL), sent to the driver's executemany as is: with
    SQLAlchemy's per-row parameter handling a 100,000-claim SQLite load took
    68 s instead of 52 s (51 s without aggregates)."""
    quote = conn.dialect.identifier_preparer.quote
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    cols = [*names, *_VALUES]
    name = quote(table.name)
    add = ", ".join(f"{quote(v)} = {name}.{quote(v)} + excluded.{quote(v)}" for v in _VALUES)
    return (
        f"INSERT INTO {name} ({', '.join(quote(c) for c in cols)}) VALUES ({', '.join(mark for _ in cols)}) "
        f"ON CONFLICT ({', '.join(quote(n) for n in names)}) DO UPDATE SET {add}"
    )


def rebuild(conn: Connection) -> None:
    """Recompute both aggregates from the claims table."""
    c, f = s.claims.c, s.claim_facets.c
    # Inline '' (not a bound parameter): PostgreSQL only matches a GROUP BY
    # expression to the select list when both are written the same way.
    none = literal_column(repr(s.NO_COUNTRY))
    att, tgt = func.coalesce(c.attacker, none), func.coalesce(c.target_country, none)
    sums = [func.count(), *(func.sum(c[m]) for m in MEASURES)]
    for table in (s.claim_day_totals, s.claim_facet_days, s.claim_facet_totals):
        conn.execute(delete(table))
    days = select(c.day_ord, c.claimant_party, att, tgt, *sums).group_by(c.day_ord, c.claimant_party, att, tgt)
    conn.execute(s.claim_day_totals.insert().from_select([*_DAY_KEY, *_VALUES], days))
    facets = (
        select(f.facet, f.value, c.claimant_party, c.day_ord, att, tgt, *sums)
        .select_from(s.claim_facets.join(s.claims, c.id == f.claim_id))
        .group_by(f.facet, f.value, c.claimant_party, c.day_ord, att, tgt)
    )
    conn.execute(s.claim_facet_days.insert().from_select([*_FACET_KEY, *_VALUES], facets))
    d = s.claim_facet_days.c
    totals = select(*(d[k] for k in _TOTAL_KEY), *(func.sum(d[v]) for v in _VALUES)).group_by(
        *(d[k] for k in _TOTAL_KEY)
    )
    conn.execute(s.claim_facet_totals.insert().from_select([*_TOTAL_KEY, *_VALUES], totals))


@dataclass(frozen=True)
class AggregateSource:
    """The aggregate table answering a filter and its WHERE conditions."""

    table: Table
    conds: list[ColumnElement[bool]]
    facet: tuple[str, str] | None  # the region or target the filter named


def _row_conds(table: Table, flt: ClaimFilter) -> list[ColumnElement[bool]]:
    conds = day_range(table.c.day_ord, flt) if "day_ord" in table.c else []
    for value, col in (
        (flt.party, "claimant_party"),
        (flt.attacker, "attacker"),
        (flt.target_country, "target_country"),
    ):
        if value is not None:
            conds.append(table.c[col] == value)
    return conds


def _undated(flt: ClaimFilter | None) -> bool:
    return flt is None or (flt.date_from is None and flt.date_to is None)


def source(flt: ClaimFilter | None) -> AggregateSource | None:
    """Where `flt` can be answered from an aggregate, or None."""
    flt = flt or ClaimFilter()
    if any(getattr(flt, name) is not None for name in _CLAIM_ONLY):
        return None
    if s.NO_COUNTRY in (flt.attacker, flt.target_country):
        return None  # would match the stand-in of unknown, not a country
    wanted = [(k, v) for k, v in (("region", flt.region), ("target", flt.target)) if v is not None]
    if len(wanted) > 1:
        return None
    if not wanted:
        return AggregateSource(s.claim_day_totals, _row_conds(s.claim_day_totals, flt), None)
    t = s.claim_facet_days
    (facet, value), = wanted
    return AggregateSource(t, [t.c.facet == facet, t.c.value == value, *_row_conds(t, flt)], (facet, value))


def timeline_query(flt: ClaimFilter | None) -> Select | None:
    """The columns of `query.timeline_query` from an aggregate (already one
    row per timeline key), or None when the filter needs the claims."""
    src = source(flt)
    if src is None:
        return None
    t = src.table.c
    keys = (t.day_ord, t.claimant_party, t.attacker, t.target_country)
    # In timeline order already (claim_day_totals' key order: no sort there).
    return select(*keys, *(t[v] for v in _VALUES)).where(t.day_ord > 0, *src.conds).order_by(*keys)


def region_counts_query(flt: ClaimFilter | None) -> Select | None:
    """Claims per (region, claimant party) from claim_facet_totals, or with
    a date range from claim_facet_days; None when the filter names a region
    or target (counting the other regions of those claims needs the claims)."""
    src = source(flt)
    if src is None or src.facet is not None:
        return None
    flt = flt or ClaimFilter()
    if _undated(flt):
        t = s.claim_facet_totals
        return (
            select(t.c.value, t.c.claimant_party, func.sum(t.c.claims))
            .where(t.c.facet == "region", *_row_conds(t, flt))
            .group_by(t.c.value, t.c.claimant_party)
        )
    # Each (region, party, attacker, target) of claim_facet_totals seeks its
    # date range in claim_facet_days' key: 1-4 ms for a month or a year at
    # 1M claims, where SQLite scanned every region row of every day (17-40
    # ms) for a plain GROUP BY over claim_facet_days.
    t, d = s.claim_facet_totals, s.claim_facet_days
    return (
        select(t.c.value, t.c.claimant_party, func.sum(d.c.claims))
        .select_from(t.join(d, and_(*(d.c[k] == t.c[k] for k in _TOTAL_KEY))))
        .where(t.c.facet == "region", *_row_conds(t, flt), *day_range(d.c.day_ord, flt))
        .group_by(t.c.value, t.c.claimant_party)
    )


def count_query(flt: ClaimFilter | None) -> Select | None:
    """How many claims match `flt` (a listing's total), or None."""
    src = source(flt)
    if src is None:
        return None
    if src.facet is not None and _undated(flt):
        t = s.claim_facet_totals
        (facet, value), flt = src.facet, flt or ClaimFilter()
        return select(func.coalesce(func.sum(t.c.claims), 0)).where(
            t.c.facet == facet, t.c.value == value, *_row_conds(t, flt)
        )
    return select(func.coalesce(func.sum(src.table.c.claims), 0)).where(*src.conds)
