"""Tables of accounts, reviews and the audit trail (schema version 5),
on the same `schema.metadata` as the record tables.

Kept apart from `schema.py` so the tables of people and their decisions do
not mix with the claim tables that loaders and aggregates rewrite. Changing
a table here needs a migration in `migrations.py`.

- users: name, role (viewer < analyst < admin), an argon2 password hash,
  disabled flag. Never deleted: the audit trail names them.
- api_tokens: a token's public id and the SHA-256 of its secret (secrets
  are 256 random bits, so a fast hash is enough; the secret itself is shown
  once and never stored); revoked time once revoked.
- sessions: the SHA-256 of the session id (a stolen database does not log
  anyone in), its CSRF token and expiry.
- login_failures: failed logins per key (user name, client address) for
  the rate limit, which works across server workers.
- field_reviews, verdict_overrides, incident_decisions: a person's
  decisions, append-only; the latest per field (per verdict) applies, merges
  and splits apply in order.
- information_requests: an allegation put to the accused party, and its
  answer (a document and a claim) once recorded.
- audit_events: the hash chain (store/audit.py). `before`/`after` hold the
  canonical JSON text that was hashed, so reading a row back gives the
  bytes the hash covers on both dialects.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Boolean, Column, Index, Integer, Table, Text

from .schema import metadata

__all__ = [
    "users", "api_tokens", "sessions", "login_failures", "field_reviews", "verdict_overrides", "incident_decisions",
    "information_requests", "audit_events",
    "REVIEW_TABLES", "REVIEW_COUNTED",
]

users = Table(
    "users",
    metadata,
    Column("name", Text, primary_key=True),
    Column("role", Text, nullable=False),
    Column("password_hash", Text, nullable=False),
    Column("disabled", Boolean, nullable=False),
    Column("created", Text, nullable=False),
)

api_tokens = Table(
    "api_tokens",
    metadata,
    Column("id", Text, primary_key=True),
    Column("user_name", Text, nullable=False, index=True),
    Column("secret_hash", Text, nullable=False, unique=True),
    Column("label", Text, nullable=False),
    Column("created", Text, nullable=False),
    Column("revoked", Text),
)

sessions = Table(
    "sessions",
    metadata,
    Column("id_hash", Text, primary_key=True),
    Column("user_name", Text, nullable=False, index=True),
    Column("csrf", Text, nullable=False),
    Column("expires", BigInteger, nullable=False),  # seconds since the epoch
)

login_failures = Table(
    "login_failures",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("key", Text, nullable=False),
    Column("at", BigInteger, nullable=False),  # seconds since the epoch
    Index("ix_login_failures_key_at", "key", "at"),
)

field_reviews = Table(
    "field_reviews",
    metadata,
    Column("id", Text, primary_key=True),
    # No foreign key: a decision outlives re-extraction of its (content-hash) claim.
    Column("claim_id", Text, nullable=False),
    Column("field", Text, nullable=False),
    Column("decision", Text, nullable=False),
    Column("machine", Text),  # JSON text
    Column("value", Text),  # JSON text
    Column("reviewer", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Column("created", Text, nullable=False),
    Column("seq", BigInteger, nullable=False),
    Column("claim_key", Text),  # Claim.key_id: the same claim made by another extractor version
    Index("ix_field_reviews_claim", "claim_id", "seq"),
    Index("ix_field_reviews_key", "claim_key", "seq"),
)

verdict_overrides = Table(
    "verdict_overrides",
    metadata,
    Column("id", Text, primary_key=True),
    Column("incident_id", Text, nullable=False),
    Column("agreement", Text, nullable=False),
    Column("version", Text),
    Column("verdict", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Column("reviewer", Text, nullable=False),
    Column("created", Text, nullable=False),
    Column("seq", BigInteger, nullable=False),
    Index("ix_verdict_overrides_incident", "incident_id", "seq"),
)

incident_decisions = Table(
    "incident_decisions",
    metadata,
    Column("id", Text, primary_key=True),
    Column("kind", Text, nullable=False),  # "merge" or "split"
    Column("claim_ids", Text, nullable=False),  # JSON list
    Column("reviewer", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Column("created", Text, nullable=False),
    Column("seq", BigInteger, nullable=False, index=True),
)

information_requests = Table(
    "information_requests",
    metadata,
    Column("id", Text, primary_key=True),
    Column("incident_id", Text, nullable=False, index=True),
    Column("agreement", Text, nullable=False),
    Column("version", Text),
    Column("party", Text, nullable=False),
    Column("question", Text, nullable=False),
    Column("requested_by", Text, nullable=False),
    Column("created", Text, nullable=False),
    Column("answer_doc_id", Text),
    Column("answer_claim_id", Text),
    Column("answered_by", Text),
    Column("answered", Text),
    Column("claim_ids", Text, nullable=False),  # JSON: the incident's claims when asked
    Column("seq", BigInteger, nullable=False),
)

audit_events = Table(
    "audit_events",
    metadata,
    Column("seq", BigInteger, primary_key=True, autoincrement=False),
    Column("time", Text, nullable=False),
    Column("actor", Text, nullable=False),
    Column("action", Text, nullable=False),
    Column("subject", Text, nullable=False),
    Column("before", Text, nullable=False),
    Column("after", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Column("prev_hash", Text, nullable=False),
    Column("hash", Text, nullable=False),
)

REVIEW_TABLES = tuple(t.name for t in (users, api_tokens, sessions, login_failures, field_reviews,
                                       verdict_overrides, incident_decisions, information_requests, audit_events))
# What `db info` counts (sessions and failed logins are no records).
REVIEW_COUNTED = tuple(n for n in REVIEW_TABLES if n not in ("sessions", "login_failures"))
