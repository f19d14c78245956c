"""Tables of the current schema (SQLAlchemy Core), shared by SQLite and
PostgreSQL.

Each record is kept whole as JSON (`record`) for an exact round trip; the
other columns and the child tables exist to filter, sort and aggregate in
SQL. Sort keys are NOT NULL integers (`day_ord`, `sort_ts`) because the two
dialects order NULLs differently and keyset cursors need a total order.

Changing a table here needs a migration in `migrations.py`.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Table,
    Text,
)

__all__ = [
    "metadata",
    "schema_migrations",
    "documents",
    "claims",
    "claim_weapons",
    "claim_regions",
    "claim_targets",
    "claim_places",
    "claim_evidence",
    "claim_facets",
    "claim_day_totals",
    "claim_facet_days",
    "claim_facet_totals",
    "NO_COUNTRY",
    "ix_claims_timeline",
    "ix_claims_party_timeline",
    "incidents",
    "incident_claims",
    "incident_regions",
    "incident_targets",
    "assessments",
    "reviews",
    "ingest_failures",
    "store_state",
    "RECORD_TABLES",
    "UNKNOWN_TS",
]

metadata = MetaData()

# Sort key of a document without a publication time: before every real one.
UNKNOWN_TS = -(2**62)

# Text everywhere: PostgreSQL enforces VARCHAR lengths and SQLite does not,
# and a store must not accept a long publisher on one dialect only.
ID = Text
NAME = Text
# none_as_null: a Python None is SQL NULL, not the JSON text 'null'.
Json = JSON(none_as_null=True)

schema_migrations = Table(
    "schema_migrations",
    metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("name", NAME, nullable=False),
    Column("applied_at", DateTime(timezone=True), nullable=False),
)

documents = Table(
    "documents",
    metadata,
    Column("id", ID, primary_key=True),
    Column("source_id", Text, index=True),
    Column("text", Text, nullable=False),
    Column("publisher", NAME),
    Column("published", Text),  # isoformat exactly as given, offset included
    Column("published_utc", DateTime(timezone=False)),  # naive UTC, for humans and SQL
    Column("sort_ts", BigInteger, nullable=False),  # µs since epoch (UTC) or UNKNOWN_TS
    Column("language", Text),
    Column("url", Text),
    Column("source_kind", Text, nullable=False),
    Column("title", Text),
    Column("meta", Json),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    Index("ix_documents_order", "sort_ts", "id"),
    Index("ix_documents_language_order", "language", "sort_ts", "id"),
)

claims = Table(
    "claims",
    metadata,
    Column("id", ID, primary_key=True),
    Column("doc_id", ID, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("extractor", NAME, nullable=False),
    Column("claimant_name", NAME, nullable=False),
    Column("claimant_folded", NAME, nullable=False),  # casefolded for substring search
    Column("claimant_party", Text, nullable=False),
    Column("stance", Text, nullable=False),
    Column("attacker", Text),
    Column("target_country", Text),
    Column("date", Date),
    Column("day_ord", Integer, nullable=False),  # date.toordinal(), 0 when unknown
    Column("killed", Integer),
    Column("injured", Integer),
    # Weapon counts summed over the claim's weapons (unknown counts as 0), so
    # the per-day timeline is one GROUP BY over this table.
    Column("launched", Integer, nullable=False),
    Column("intercepted", Integer, nullable=False),
    Column("lost", Integer, nullable=False),
    Column("hit", Integer, nullable=False),
    Column("warnings", Json),
    Column("record", Json, nullable=False),
    Index("ix_claims_doc_extractor", "doc_id", "extractor"),
    Index("ix_claims_order", "day_ord", "id"),
    Index("ix_claims_party_order", "claimant_party", "day_ord", "id"),
    Index("ix_claims_target_country_order", "target_country", "day_ord", "id"),
    Index("ix_claims_attacker_order", "attacker", "day_ord", "id"),
    Index("ix_claims_extractor_order", "extractor", "day_ord", "id"),
)


def _claim_fk() -> Column:
    return Column(
        "claim_id", ID, ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True, nullable=False
    )


claim_weapons = Table(
    "claim_weapons",
    metadata,
    _claim_fk(),
    Column("idx", Integer, primary_key=True, autoincrement=False),
    Column("category", Text, nullable=False),
    Column("model", NAME),
    Column("launched", Integer),
    Column("intercepted", Integer),
    Column("lost", Integer),
    Column("hit", Integer),
    Index("ix_claim_weapons_category", "category"),
)

claim_regions = Table(
    "claim_regions",
    metadata,
    _claim_fk(),
    Column("idx", Integer, primary_key=True, autoincrement=False),
    Column("region", Text, nullable=False),
    Index("ix_claim_regions_region", "region", "claim_id"),
)

claim_targets = Table(
    "claim_targets",
    metadata,
    _claim_fk(),
    Column("idx", Integer, primary_key=True, autoincrement=False),
    Column("code", Text, nullable=False),
    Column("top", Text, nullable=False),  # "energy" for "energy.power"
    Index("ix_claim_targets_top", "top", "claim_id"),
    Index("ix_claim_targets_code", "code", "claim_id"),
)

# The search index of region and target filters (schema version 2): one row
# per claim and value, so a filtered listing walks (facet, value, day_ord,
# claim_id) in order instead of sorting every match. Target rows hold each
# code and all its ancestors ("energy", "energy.power"), which makes the
# top-level rule of ClaimFilter.target an exact match.
claim_facets = Table(
    "claim_facets",
    metadata,
    _claim_fk(),
    Column("facet", Text, primary_key=True),  # "region" or "target"
    Column("value", Text, primary_key=True),
    Column("day_ord", Integer, nullable=False),
    Index("ix_claim_facets_order", "facet", "value", "day_ord", "claim_id"),
)

# Covers the timeline GROUP BY, so it reads this index alone (version 2).
ix_claims_timeline = Index(
    "ix_claims_timeline",
    claims.c.day_ord,
    claims.c.claimant_party,
    claims.c.attacker,
    claims.c.target_country,
    claims.c.launched,
    claims.c.intercepted,
    claims.c.lost,
    claims.c.hit,
)

# The same for the timeline of one claimant party (the dashboard's usual view).
ix_claims_party_timeline = Index(
    "ix_claims_party_timeline",
    claims.c.claimant_party,
    claims.c.day_ord,
    claims.c.attacker,
    claims.c.target_country,
    claims.c.launched,
    claims.c.intercepted,
    claims.c.lost,
    claims.c.hit,
)

# Aggregates kept by the store on every write to claims (schema version 3;
# store/aggregates.py), so the whole-history timeline and the map read
# thousands of rows instead of a million claims. A row counts the claims of its key; rows reaching 0
# claims are deleted. Undated claims are kept under day_ord 0, as in claims.
# Unknown attacker / target country (NULL in claims) is stored as
# NO_COUNTRY: key columns must be NOT NULL to form a primary key on both
# dialects, and the spec allows only "UA", "RU" or null there.
NO_COUNTRY = ""


def _measure_columns() -> list[Column]:
    return [
        Column("claims", BigInteger, nullable=False),
        *(Column(m, BigInteger, nullable=False) for m in ("launched", "intercepted", "lost", "hit")),
    ]


# One row per (day, claimant party, attacker, target country): the timeline.
# WITHOUT ROWID on SQLite: rows are stored in key order, so a date range or
# the whole history is one sequential read.
claim_day_totals = Table(
    "claim_day_totals",
    metadata,
    Column("day_ord", Integer, primary_key=True, autoincrement=False),
    Column("claimant_party", Text, primary_key=True),
    Column("attacker", Text, primary_key=True),
    Column("target_country", Text, primary_key=True),
    *_measure_columns(),
    sqlite_with_rowid=False,
)

# The same per claim_facets value (a region, or a target code or ancestor):
# the map's region counts, and the timeline or a count filtered by one
# region or one target.
# Key order (facet, value, party, day): the map's claims per (region, party)
# over the whole history is one ordered pass, and a party's timeline of one
# region or target is one key range.
claim_facet_days = Table(
    "claim_facet_days",
    metadata,
    Column("facet", Text, primary_key=True),
    Column("value", Text, primary_key=True),
    Column("claimant_party", Text, primary_key=True),
    Column("day_ord", Integer, primary_key=True, autoincrement=False),
    Column("attacker", Text, primary_key=True),
    Column("target_country", Text, primary_key=True),
    *_measure_columns(),
    # No index by day: a secondary index led SQLite to read whole facets
    # through it; the map's date range walks this key from claim_facet_totals.
    sqlite_with_rowid=False,
)

# claim_facet_days summed over all days (undated claims included): the map
# and counts without a date range read a few hundred rows instead of the
# ~150,000 region rows of 1M claims over 1,400 days.
claim_facet_totals = Table(
    "claim_facet_totals",
    metadata,
    Column("facet", Text, primary_key=True),
    Column("value", Text, primary_key=True),
    Column("claimant_party", Text, primary_key=True),
    Column("attacker", Text, primary_key=True),
    Column("target_country", Text, primary_key=True),
    *_measure_columns(),
    sqlite_with_rowid=False,
)

claim_places = Table(
    "claim_places",
    metadata,
    _claim_fk(),
    Column("idx", Integer, primary_key=True, autoincrement=False),
    Column("name", NAME, nullable=False),
    Column("lat", Float),
    Column("lon", Float),
    Column("region", Text),
    Column("precision", Text),
    Column("geonames_id", BigInteger),
    Index("ix_claim_places_region", "region"),
)

claim_evidence = Table(
    "claim_evidence",
    metadata,
    _claim_fk(),
    Column("idx", Integer, primary_key=True, autoincrement=False),
    Column("field", Text, nullable=False),
    Column("start_char", Integer, nullable=False),
    Column("end_char", Integer, nullable=False),
)

incidents = Table(
    "incidents",
    metadata,
    Column("id", ID, primary_key=True),
    Column("linker", NAME, nullable=False, index=True),
    Column("target_country", Text),
    Column("attacker", Text),
    Column("date", Date),
    Column("day_ord", Integer, nullable=False),
    Column("record", Json, nullable=False),
    Index("ix_incidents_order", "day_ord", "id"),
)


def _incident_fk() -> Column:
    # No foreign key to claims: claims are re-extracted independently, and an
    # incident keeps naming the claim ids it was built from.
    return Column(
        "incident_id", ID, ForeignKey("incidents.id", ondelete="CASCADE"), primary_key=True, nullable=False
    )


incident_claims = Table(
    "incident_claims",
    metadata,
    _incident_fk(),
    Column("idx", Integer, primary_key=True, autoincrement=False),
    Column("claim_id", ID, nullable=False),
    Index("ix_incident_claims_claim", "claim_id"),
)

incident_regions = Table(
    "incident_regions",
    metadata,
    _incident_fk(),
    Column("idx", Integer, primary_key=True, autoincrement=False),
    Column("region", Text, nullable=False),
    Index("ix_incident_regions_region", "region", "incident_id"),
)

incident_targets = Table(
    "incident_targets",
    metadata,
    _incident_fk(),
    Column("idx", Integer, primary_key=True, autoincrement=False),
    Column("code", Text, nullable=False),
    Column("top", Text, nullable=False),
    Index("ix_incident_targets_top", "top", "incident_id"),
    Index("ix_incident_targets_code", "code", "incident_id"),
)

assessments = Table(
    "assessments",
    metadata,
    Column("id", ID, primary_key=True),
    # No foreign key: incidents and assessments are replaced by separate runs.
    Column("incident_id", ID, nullable=False, index=True),
    Column("agreement", NAME, nullable=False),
    Column("version", Text),
    Column("verdict", Text, nullable=False),
    Column("rule", NAME, nullable=False),
    Column("reason", Text, nullable=False),
    Column("violator", Text),
    Column("ruleset", NAME, nullable=False, index=True),
    Column("claimants", Json),
    Column("evidence", Json),
    Column("record", Json, nullable=False),
    Index("ix_assessments_agreement_verdict", "agreement", "verdict", "id"),
    Index("ix_assessments_verdict", "verdict", "id"),
)

reviews = Table(
    "reviews",
    metadata,
    Column("id", ID, primary_key=True),
    # No foreign key: a review outlives re-extraction of its (content-hash) claim.
    Column("claim_id", ID, nullable=False, index=True),
    Column("reviewer", NAME, nullable=False),
    Column("status", Text, nullable=False),
    Column("note", Text, nullable=False),
    Column("created", Text),  # isoformat as given
    Column("seq", BigInteger, nullable=False),  # insertion order within a claim
)

ingest_failures = Table(
    "ingest_failures",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("path", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Column("hint", Text),
    Column("code", Text),
    Column("time", DateTime(timezone=True), nullable=False),
)

# Counters bumped in the same transaction as a write (schema version 4):
# "assessments" changes whenever incidents or assessments are replaced, so
# a server can keep what it computed from them (agreement summaries) until
# an `assess` in any process writes again.
store_state = Table(
    "store_state",
    metadata,
    Column("key", Text, primary_key=True),
    Column("value", BigInteger, nullable=False),
)

# Tables whose row counts `info()` reports.
RECORD_TABLES = (
    "documents",
    "claims",
    "claim_weapons",
    "claim_regions",
    "claim_targets",
    "claim_places",
    "claim_evidence",
    "claim_facets",
    "claim_day_totals",
    "claim_facet_days",
    "claim_facet_totals",
    "incidents",
    "incident_claims",
    "assessments",
    "reviews",
    "ingest_failures",
)
