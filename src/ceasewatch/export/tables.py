"""Typed tables as Parquet (pyarrow), for analysts who load exports into
pandas, polars, DuckDB or R.

`write_table(rows, columns, out, exporter=...)` writes row dicts in batches
of 10,000 (memory follows the batch, not the export) with a schema from
`columns`, a sequence of (name, kind) where kind is one of `KINDS`. The file's
schema metadata names the exporter (`ceasewatch.exporter`) and the column
kinds, so a reader knows which versioned component wrote it.

`flat_rows` turns the flat CSV rows of the incidents and verdicts listings
(`api.serialize.csv_row`) into typed rows: empty cells become nulls and the
`date` column a date.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date
from typing import IO, Any

from ..errors import NotAvailable

__all__ = ["KINDS", "BATCH_ROWS", "write_table", "flat_columns", "flat_rows", "pyarrow_modules"]

KINDS: tuple[str, ...] = ("string", "date", "timestamp", "float64", "int64")
BATCH_ROWS = 10_000


def pyarrow_modules() -> tuple[Any, Any]:
    """(pyarrow, pyarrow.parquet), or `NotAvailable` saying how to get them."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise NotAvailable(
            "Parquet export needs pyarrow, which is not installed",
            hint="install ceasewatch with its dependencies (`pip install -e .` or `pip install pyarrow`), "
            "or export --format csv",
        ) from exc
    return pa, pq


def _arrow_type(pa: Any, kind: str) -> Any:
    types = {
        "string": pa.string(),
        "date": pa.date32(),
        "timestamp": pa.timestamp("us", tz="UTC"),
        "float64": pa.float64(),
        "int64": pa.int64(),
    }
    if kind not in types:
        raise ValueError(f"unknown column kind {kind!r}; one of {', '.join(KINDS)}")
    return types[kind]


def write_table(
    rows: Iterable[Mapping[str, Any]],
    columns: Sequence[tuple[str, str]],
    out: IO[bytes],
    *,
    exporter: str,
) -> int:
    """Write `rows` (dicts keyed by column name; missing keys are null) as
    one Parquet file to the binary stream `out`; returns the row count. An
    export of no rows is still a valid file with the schema."""
    pa, pq = pyarrow_modules()
    metadata = {
        "ceasewatch.exporter": exporter,
        "ceasewatch.columns": json.dumps(dict(columns)),
    }
    schema = pa.schema([pa.field(name, _arrow_type(pa, kind)) for name, kind in columns], metadata=metadata)
    names = [name for name, _ in columns]
    count = 0
    with pq.ParquetWriter(out, schema, compression="zstd") as writer:
        batch: dict[str, list[Any]] = {name: [] for name in names}
        filled = 0
        for row in rows:
            for name in names:
                batch[name].append(row.get(name))
            filled += 1
            if filled >= BATCH_ROWS:
                writer.write_table(pa.Table.from_pydict(batch, schema=schema))
                count += filled
                batch = {name: [] for name in names}
                filled = 0
        if filled or count == 0:
            writer.write_table(pa.Table.from_pydict(batch, schema=schema))
            count += filled
    return count


def flat_columns(header: Sequence[str], *, dates: Iterable[str] = ("date",)) -> tuple[tuple[str, str], ...]:
    """(name, kind) for a flat CSV header: `dates` are dates, the rest text."""
    day_columns = set(dates)
    return tuple((name, "date" if name in day_columns else "string") for name in header)


def flat_rows(
    header: Sequence[str], rows: Iterable[Sequence[Any]], *, dates: Iterable[str] = ("date",)
) -> Iterator[dict[str, Any]]:
    """Typed dicts from flat CSV rows: "" -> None, dates parsed, the rest
    as text."""
    day_columns = set(dates)
    for values in rows:
        out: dict[str, Any] = {}
        for name, value in zip(header, values, strict=True):
            if value is None or value == "":
                out[name] = None
            elif name in day_columns:
                out[name] = value if isinstance(value, date) else date.fromisoformat(str(value))
            else:
                out[name] = str(value)
        yield out
