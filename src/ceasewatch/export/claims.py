"""Claims as an ACLED-like event table, written as CSV or Parquet.

One row per claim, in the order the store lists them. Analysts used to ACLED
exports find the columns they know (`event_date`, `admin1`, `location`,
`latitude`, `longitude`, `geo_precision`, `fatalities`, `source`, `notes`)
beside what a ceasefire claim adds (claimant and side, stance, weapons and
counts, the verdicts of the claim's incident). The columns, in order:

| column | meaning |
|---|---|
| `event_id` | the claim id (`clm_…`) |
| `event_date` | the monitoring day the claim is about (YYYY-MM-DD; Parquet: date) |
| `incident_id` | the incident the linker put the claim in (empty when none) |
| `claimant` | who makes the claim ("Ukrainian Air Force") |
| `side` | the claimant's party: UA, RU or OTHER |
| `stance` | `asserted` or `denied` |
| `attacker` | the country said to have struck: UA or RU |
| `country` | the country said to have been struck: UA or RU |
| `admin1` | the regions' English names ("Kharkiv Oblast"), `;`-separated, from the gazetteer's own region table |
| `admin1_code` | the same regions' ISO 3166-2 (or `SEA-*`) codes, in the same order |
| `location` | every place named, `;`-separated, the one with coordinates first |
| `latitude`, `longitude` | WGS84 coordinates of the first place with coordinates (Parquet: float64) |
| `geo_precision` | how exactly that place is known: site, settlement, region, country, sea |
| `weapons` | `category` or `category:model` per weapon line, `;`-separated ("drone:Shahed-136") |
| `launched`, `intercepted`, `lost`, `hit` | the counts summed over the weapon lines that state them (Parquet: int64) |
| `weapon_counts` | each weapon line with its counts in words ("drone Shahed-136: launched 27, intercepted 16") |
| `targets` | target codes, `;`-separated ("energy.power") |
| `fatalities`, `injured` | people killed and injured, as claimed (Parquet: int64) |
| `source` | the document's publisher |
| `url` | the document's URL (empty for files) |
| `published` | the document's publication time (ISO 8601; Parquet: timestamp, UTC) |
| `doc_id` | the document id (`doc_…`) |
| `notes` | the claim's evidence quoted from the document: passages in double quotes joined by " … " (at most 1,000 characters) |
| `verdicts` | the incident's verdicts as `agreement[/version]: verdict`, `;`-separated, violations first |
| `extractor` | the versioned name of the extractor that made the claim |

A value that is not known is empty in CSV and null in Parquet. In CSV, a
text cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is
prefixed with `'`, so a spreadsheet shows the text instead of running it as a
formula (source texts are untrusted); Parquet keeps every value as stored.
"""

from __future__ import annotations

import csv
import re
from collections import OrderedDict, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import IO, Any

from ..errors import NotFound
from ..model import MEASURES, Assessment, Claim, Document, Evidence, WeaponCount
from ..store.base import ClaimFilter, Repository, walk

__all__ = [
    "CLAIM_COLUMNS",
    "ClaimRows",
    "claim_rows",
    "write_claims_csv",
    "write_claims_parquet",
    "evidence_notes",
    "verdict_summary",
]

# (column, Parquet type): "string", "date", "timestamp", "float64" or "int64"
CLAIM_COLUMNS: tuple[tuple[str, str], ...] = (
    ("event_id", "string"),
    ("event_date", "date"),
    ("incident_id", "string"),
    ("claimant", "string"),
    ("side", "string"),
    ("stance", "string"),
    ("attacker", "string"),
    ("country", "string"),
    ("admin1", "string"),
    ("admin1_code", "string"),
    ("location", "string"),
    ("latitude", "float64"),
    ("longitude", "float64"),
    ("geo_precision", "string"),
    ("weapons", "string"),
    *((m, "int64") for m in MEASURES),
    ("weapon_counts", "string"),
    ("targets", "string"),
    ("fatalities", "int64"),
    ("injured", "int64"),
    ("source", "string"),
    ("url", "string"),
    ("published", "timestamp"),
    ("doc_id", "string"),
    ("notes", "string"),
    ("verdicts", "string"),
    ("extractor", "string"),
)
COLUMN_NAMES: tuple[str, ...] = tuple(name for name, _ in CLAIM_COLUMNS)

NOTES_LIMIT = 1000  # characters of quoted evidence per row
_JOIN_GAP = 80  # evidence spans at most this far apart are quoted as one passage
_DOC_CACHE = 256  # documents kept while rows are built (claims come grouped by document)
_PAGE = 1000
# Violations first, then what waits for a person, then the rest.
_VERDICT_ORDER = ("corroborated", "alleged", "disputed", "needs_review", "no_violation", "outside_scope",
                  "not_in_force")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_SPACE = re.compile(r"\s+")


def evidence_notes(text: str, evidence: Iterable[Evidence], *, limit: int = NOTES_LIMIT) -> str:
    """The document's words behind the evidence spans, in document order:
    spans closer than 80 characters are quoted as one passage, passages are
    double-quoted and joined by " … ", whitespace is folded, and the result
    is cut at `limit` characters (ending in "…")."""
    spans = sorted({(e.start, e.end) for e in evidence if 0 <= e.start < e.end <= len(text)})
    passages: list[list[int]] = []
    for start, end in spans:
        if passages and start - passages[-1][1] <= _JOIN_GAP:
            passages[-1][1] = max(passages[-1][1], end)
        else:
            passages.append([start, end])
    quoted = " … ".join('"' + _SPACE.sub(" ", text[s:e]).strip() + '"' for s, e in passages)
    if len(quoted) > limit:
        quoted = quoted[: limit - 1].rstrip() + "…"
    return quoted


def verdict_summary(assessments: Iterable[Assessment]) -> str:
    """`agreement[/version]: verdict` per verdict, violations first."""
    rank = {v: i for i, v in enumerate(_VERDICT_ORDER)}
    ordered = sorted(assessments, key=lambda a: (rank.get(a.verdict, len(rank)), a.agreement, a.version or ""))
    return "; ".join(f"{a.agreement}{'/' + a.version if a.version else ''}: {a.verdict}" for a in ordered)


def _region_names() -> Mapping[str, str]:
    from ..geocode import region_codes, region_name

    return {code: region_name(code, "en") for code in region_codes()}


@dataclass
class ClaimRows:
    """Builds the rows of `CLAIM_COLUMNS` for claims of `store`. The
    incidents and verdicts of the filter's date range are read once;
    documents are read as claims name them (the last 256 kept)."""

    store: Repository
    incident_of: dict[str, str]
    verdicts_of: dict[str, list[Assessment]]
    region_names: Mapping[str, str]

    @classmethod
    def load(cls, store: Repository, flt: ClaimFilter | None = None) -> ClaimRows:
        days = ClaimFilter(date_from=flt.date_from, date_to=flt.date_to) if flt else None
        incident_of: dict[str, str] = {}
        for inc in walk(store.list_incidents, days, page=_PAGE):
            for cid in inc.claim_ids:
                incident_of.setdefault(cid, inc.id)
        verdicts_of: dict[str, list[Assessment]] = defaultdict(list)
        for a in walk(store.list_assessments, days, page=_PAGE):
            verdicts_of[a.incident_id].append(a)
        return cls(store, incident_of, dict(verdicts_of), _region_names())

    def __post_init__(self) -> None:
        self._docs: OrderedDict[str, Document | None] = OrderedDict()

    def document(self, doc_id: str) -> Document | None:
        if doc_id in self._docs:
            self._docs.move_to_end(doc_id)
            return self._docs[doc_id]
        try:
            doc: Document | None = self.store.get_document(doc_id)
        except NotFound:
            doc = None  # a claim whose document is gone still exports, without source and notes
        self._docs[doc_id] = doc
        if len(self._docs) > _DOC_CACHE:
            self._docs.popitem(last=False)
        return doc

    def row(self, claim: Claim) -> dict[str, Any]:
        """One row: column name -> value (None where not known)."""
        codes = list(dict.fromkeys([*claim.regions, *(p.region for p in claim.places if p.region)]))
        located = next((p for p in claim.places if p.lat is not None and p.lon is not None), None)
        names = [p.name for p in claim.places]
        if located is not None:
            names.remove(located.name)
            names.insert(0, located.name)
        doc = self.document(claim.doc_id)
        incident_id = self.incident_of.get(claim.id)
        row: dict[str, Any] = {
            "event_id": claim.id,
            "event_date": claim.date,
            "incident_id": incident_id,
            "claimant": claim.claimant.name,
            "side": claim.claimant.party,
            "stance": claim.stance,
            "attacker": claim.attacker,
            "country": claim.target_country,
            "admin1": _joined(self.region_names.get(c, c) for c in codes),
            "admin1_code": _joined(codes),
            "location": _joined(names),
            "latitude": located.lat if located else None,
            "longitude": located.lon if located else None,
            "geo_precision": located.precision if located else None,
            "weapons": _joined(w.category + (f":{w.model}" if w.model else "") for w in claim.weapons),
            **{m: _summed(claim, m) for m in MEASURES},
            "weapon_counts": _joined((_weapon_words(w) for w in claim.weapons), sep="; "),
            "targets": _joined(claim.targets),
            "fatalities": claim.killed,
            "injured": claim.injured,
            "source": doc.publisher if doc else None,
            "url": doc.url if doc else None,
            "published": doc.published if doc else None,
            "doc_id": claim.doc_id,
            "notes": (evidence_notes(doc.text, claim.evidence) or None) if doc else None,
            "verdicts": (verdict_summary(self.verdicts_of.get(incident_id, ())) or None) if incident_id else None,
            "extractor": claim.extractor,
        }
        return row


def _joined(values: Iterable[str], *, sep: str = ";") -> str | None:
    items = [v for v in values if v]
    return sep.join(items) if items else None


def _summed(claim: Claim, measure: str) -> int | None:
    known = [n for w in claim.weapons if (n := w.count(measure)) is not None]
    return sum(known) if known else None


def _weapon_words(w: WeaponCount) -> str:
    counts = ", ".join(f"{m} {n}" for m in MEASURES if (n := w.count(m)) is not None)
    label = w.category + (f" {w.model}" if w.model else "")
    return f"{label}: {counts}" if counts else label


def claim_rows(store: Repository, flt: ClaimFilter | None = None) -> Iterator[dict[str, Any]]:
    """Every claim matching `flt` as a row of `CLAIM_COLUMNS`."""
    rows = ClaimRows.load(store, flt)
    for claim in store.iter_claims(flt):
        yield rows.row(claim)


def _csv_cell(kind: str, value: Any) -> Any:
    if value is None:
        return ""
    if kind in ("date", "timestamp"):
        return value.isoformat()
    if kind == "string" and isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def write_claims_csv(rows: Iterable[Mapping[str, Any]], out: IO[str]) -> int:
    """The rows as CSV (header first, RFC 4180 quoting) on `out`; returns
    the number of rows."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMN_NAMES)
    n = 0
    buf: list[list[Any]] = []
    for row in rows:
        buf.append([_csv_cell(kind, row.get(name)) for name, kind in CLAIM_COLUMNS])
        n += 1
        if len(buf) >= 500:
            writer.writerows(buf)
            buf.clear()
    writer.writerows(buf)
    return n


def _utc(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    return value.astimezone(UTC) if value.tzinfo else value.replace(tzinfo=UTC)


def write_claims_parquet(rows: Iterable[Mapping[str, Any]], out: IO[bytes], *, exporter: str) -> int:
    """The rows as one Parquet file on `out` (typed columns; see the module
    docstring); returns the number of rows."""
    from .tables import write_table

    def typed(rows: Iterable[Mapping[str, Any]]) -> Iterator[Mapping[str, Any]]:
        for row in rows:
            yield {**row, "published": _utc(row.get("published"))}

    return write_table(typed(rows), CLAIM_COLUMNS, out, exporter=exporter)

