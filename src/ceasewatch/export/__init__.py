"""Exports for analysts: claims as an ACLED-like event table (CSV or
Parquet), incidents and verdicts as typed Parquet tables.

`ceasewatch export` (cli/serve.py) picks the exporter; the columns are
documented in `export.claims` (claims) and `api.serialize.CSV_COLUMNS`
(incidents, verdicts). Each exporter is registered under a versioned name,
which a Parquet file carries in its schema metadata (`ceasewatch.exporter`).
"""

from __future__ import annotations

from ..registry import exporters

__all__ = ["CLAIMS_CSV", "CLAIMS_PARQUET", "TABLE_PARQUET"]

CLAIMS_CSV = "ceasewatch.export.claims_csv.v1"
CLAIMS_PARQUET = "ceasewatch.export.claims_parquet.v1"
TABLE_PARQUET = "ceasewatch.export.table_parquet.v1"

exporters.lazy(CLAIMS_CSV, "ceasewatch.export.claims:write_claims_csv", what="claims", format="csv")
exporters.lazy(CLAIMS_PARQUET, "ceasewatch.export.claims:write_claims_parquet", what="claims", format="parquet")
exporters.lazy(TABLE_PARQUET, "ceasewatch.export.tables:write_table", what="incidents verdicts", format="parquet")
