"""What the event-dataset importers share (ACLED, UCDP GED, Massive
Missile Attacks): CSV records read with their exact place in the file,
one document per imported row whose text is the header line and the row
verbatim (so every claim value points at the cell it came from), and the
dispatcher that picks the importer from the header.

    read_dataset_csv(path, options)   the importer whose columns the header has
    read_rows(path, options)          header, columns and rows with cell spans; bad rows as errors
    row_document(...)                 a Document of one row, and `cite()` for evidence into its cells
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from ..errors import CeasewatchError, InputError, InvalidField
from ..model import Document, Evidence
from .common import ReadOptions, ReadResult
from .massive_attacks import _cell_spans, _record_spans, is_massive_attacks_header
from .normalize import decode_bytes, normalize_text, read_limited

__all__ = [
    "Row", "RowDocument", "read_rows", "row_document", "make_row_document", "read_dataset_csv", "RegionResolver",
    "keyword_spans", "TARGET_WORDS", "party_of_country", "number_in", "bad_cell"]

# A cell longer than this is not a value any of the datasets holds.
MAX_CELL_CHARS = 20_000


@dataclass
class Row:
    line: str  # the record as it appears in the file
    values: dict[str, str]
    spans: dict[str, tuple[int, int]]  # column -> cell span within `line`
    number: int  # line number in the file


@dataclass
class RowDocument:
    """The text of one imported row and the offset of the row in it."""

    text: str
    base: int
    row: Row
    evidence: list[Evidence] = field(default_factory=list)

    def cite(self, field_path: str, column: str, sub: tuple[int, int] | None = None) -> None:
        """Evidence for `field_path`: the whole cell of `column`, or the part
        `sub` (start, end within the cell)."""
        span = self.row.spans.get(column)
        if span is None:
            return
        start, end = span
        if sub is not None:
            start, end = start + sub[0], start + sub[1]
        if end > start:
            self.evidence.append(Evidence(field=field_path, start=self.base + start, end=self.base + end))


def read_rows(
    path: Path, options: ReadOptions, *, lower: bool = False
) -> tuple[str, list[str], list[Row], list[InputError]]:
    """The header line, its columns (lower-cased with `lower`), the rows
    (each with its cells' spans), and one error per row that does not fit
    the header."""
    source = str(path)
    text = normalize_text(decode_bytes(read_limited(path, max_bytes=options.max_bytes), source=source))
    records = _record_spans(text)
    header = text[records[0][0] : records[0][1]] if records else ""
    columns = [c.strip().lstrip("\ufeff") for c in next(csv.reader([header]))] if header else []
    if lower:
        columns = [c.lower() for c in columns]
    rows: list[Row] = []
    errors: list[InputError] = []
    number, counted_to = 1, 0
    for start, end in records[1:]:
        line = text[start:end]
        number += text.count("\n", counted_to, start)
        counted_to = start
        values = next(csv.reader(io.StringIO(line)), [])
        spans = _cell_spans(line)
        if len(values) != len(columns) or len(spans) != len(columns):
            errors.append(InputError(f"row has {len(values)} cells, header has {len(columns)}", source=source,
                                     location=f"line {number}",
                                     hint="fix the row's quoting; the other rows were imported"))
            continue
        if any(len(v) > MAX_CELL_CHARS for v in values):
            errors.append(InputError(f"a cell is over {MAX_CELL_CHARS:,} characters", source=source,
                                     location=f"line {number}", hint="this row was skipped; the others were imported"))
            continue
        rows.append(Row(line, dict(zip(columns, values, strict=True)), dict(zip(columns, spans, strict=True)), number))
    return header, columns, rows, errors


def row_document(header: str, row: Row) -> RowDocument:
    """The text of a one-row document: the header line, then the row."""
    text = header + "\n" + row.line + "\n"
    return RowDocument(text=text, base=len(header) + 1, row=row)


def make_row_document(
    rd: RowDocument, *, publisher: str, published: datetime | None, source_id: str, title: str,
    reader: str, source: str, url: str | None = None,
) -> Document:
    return Document.create(
        rd.text, publisher=publisher, published=published, language="en", url=url, source_kind="dataset",
        source_id=source_id, title=title,
        meta={"reader": reader, "source": source, "location": f"line {rd.row.number}"},
    )


# Target words an event's description may use, with the target code they
# stand for (evidence points at the word). Order: specific before general.
TARGET_WORDS: tuple[tuple[str, str], ...] = (
    (r"substation|power (?:plant|station|line|grid|facilit\w*)|thermal power|hydroelectric|electricity|"
     r"energy (?:infrastructure|facilit\w*)|power supply", "energy.power"),
    (r"oil (?:depot|refinery|terminal|facilit\w*)|refinery|fuel depot|gas (?:pipeline|facilit\w*|station)|"
     r"pumping station", "energy.oil_gas"),
    (r"hospital|clinic|ambulance|medical", "civilian.medical"),
    (r"school|kindergarten|universit\w+", "civilian.education"),
    (r"residential|apartment|house|homes?\b|dwelling", "civilian.residential"),
    (r"railway|rail (?:station|line|infrastructure)|train", "transport.rail"),
    (r"\bport\b|seaport|harbou?r", "transport.port"),
    (r"civilian", "civilian"),
)
_TARGET_RES = tuple((re.compile(p, re.IGNORECASE), code) for p, code in TARGET_WORDS)


def keyword_spans(text: str, table: tuple[tuple[re.Pattern[str], str], ...] = _TARGET_RES) -> list[tuple[str, int, int]]:
    """(code, start, end) of the first word of each code found in `text`."""
    found: list[tuple[str, int, int]] = []
    for pattern, code in table:
        match = pattern.search(text)
        if match and code not in {c for c, _, _ in found}:
            found.append((code, match.start(), match.end()))
    return found


def party_of_country(name: str) -> str | None:
    return {"ukraine": "UA", "russia": "RU"}.get(name.strip().lower())


class RegionResolver:
    """Region codes (ISO 3166-2) of admin-1 or place names through the
    project's offline gazetteer; without one, regions stay empty and the
    claims say so."""

    def __init__(self) -> None:
        self.available = False
        self.geocoder: Any = None
        try:
            from ..geocode import default_geocoder  # type: ignore[attr-defined]

            self.geocoder = default_geocoder()
            self.available = True
        except (ImportError, AttributeError, NotImplementedError, CeasewatchError):
            self.available = False
        self.cache: dict[tuple[str, str], str | None] = {}

    def region(self, name: str, country: str) -> str | None:
        name = name.strip()
        if not self.available or not name:
            return None
        key = (name, country)
        if key not in self.cache:
            found = self.geocoder.lookup(name, lang="en", country_hint=country, kinds=("region", "settlement"), limit=1)
            best = found[0] if found else None
            ok = best is not None and best.score >= 0.5 and (best.region or "").startswith(f"{country}-")
            self.cache[key] = best.region if ok else None
        return self.cache[key]


def read_dataset_csv(path: Path, options: ReadOptions) -> ReadResult:
    """Import a CSV with the importer its header names; a table no importer
    knows is refused with the layouts that are."""
    from .acled import is_acled_header, read_acled_csv
    from .massive_attacks import read_massive_attacks_csv
    from .ucdp import is_ucdp_header, read_ucdp_csv

    with path.open("rb") as handle:
        head = handle.read(64 * 1024).split(b"\n", 1)[0]
    first = decode_bytes(head, source=str(path)) if head.strip() else ""
    columns = [c.strip().lstrip("\ufeff") for c in next(csv.reader([first]), [])]
    readers: tuple[tuple[Callable[[list[str]], bool], Callable[[Path, ReadOptions], ReadResult]], ...] = (
        (is_massive_attacks_header, read_massive_attacks_csv),
        (is_acled_header, read_acled_csv),
        (is_ucdp_header, read_ucdp_csv),
    )
    for matches, reader in readers:
        if matches(columns):
            return reader(path, options)
    raise InputError(
        "CSV layout not recognised",
        source=str(path),
        location="line 1",
        hint="ceasewatch imports ACLED exports (event_id_cnty, event_date, ...), UCDP GED (id, date_start, "
        "side_a, ...) and the 'Massive Missile Attacks on Ukraine' CSV (time_start, time_end, model, launched, "
        "destroyed); convert other tables to JSONL",
    )


def number_in(value: str, lo: float, hi: float) -> float | None:
    """A cell's number when it is finite and within [lo, hi], else None."""
    try:
        number = float(value.strip())
    except ValueError:
        return None
    return number if math.isfinite(number) and lo <= number <= hi else None


def bad_cell(source: str, number: int, column: str, value: str, why: str) -> InvalidField:
    """The error of one bad cell, naming file, line and column; the other rows are still imported."""
    return InvalidField(f"{column}: {value.strip()[:40]!r} {why}", field=column, source=source,
                        location=f"line {number}, field {column}", hint="fix the cell; the other rows were imported")
