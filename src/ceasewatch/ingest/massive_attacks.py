"""Importer for the "Massive Missile Attacks on Ukraine" dataset (DTL-DA):
`missile_attacks_daily.csv`, one row per night and weapon model, compiled
from the Ukrainian Air Force's posts.

The rows of one monitoring day and one source post become one Document whose
text is those CSV lines verbatim (under the header line), so every claim
value points at the cell it came from. Each document gets one claim:
claimant the Ukrainian Air Force (or the General Staff for its posts),
attacker RU, target UA, dated by the day the attack window ends in Kyiv time
(spec section 3), weapons summed per spec category using the dataset's
`missiles_and_uavs.csv` table, regions resolved through the geocoder when
one is available. A row of several models with per-model launch counts in
`launched_details` ({'Iskander-M/KN-23': 25, 'Kalibr': 3}) is split by model,
each count citing its place in that cell.
"""

from __future__ import annotations

import ast
import csv
import io
import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ..errors import CeasewatchError, InputError, InvalidField
from ..model import Claim, Claimant, Document, Evidence, WeaponCount, content_hash
from .common import ReadOptions, ReadResult
from .normalize import EARLIEST_YEAR, LATEST_YEAR, decode_bytes, normalize_text, read_limited

__all__ = ["EXTRACTOR_NAME", "read_massive_attacks_csv", "is_massive_attacks_header", "weapon_category"]

EXTRACTOR_NAME = "ceasewatch.import.massive_attacks_csv.v1"


def _kyiv_zone() -> ZoneInfo:
    # Older tz databases only know the former spelling.
    try:
        return ZoneInfo("Europe/Kyiv")
    except ZoneInfoNotFoundError:
        return ZoneInfo("Europe/Kiev")


KYIV = _kyiv_zone()
_REQUIRED = ("time_start", "time_end", "model", "launched", "destroyed")
_TABLE_CATEGORIES = {
    "uav": "drone",
    "ballistic missile": "ballistic_missile",
    "cruise missile": "cruise_missile",
    "guided bomb": "guided_bomb",
    "surface-to-air missile": "missile",
    # Air Force reports group S-300/S-400 in ground attack with Iskander-M
    # as ballistic missiles.
    "surface-to-air and ballistic": "ballistic_missile",
}
# The spec files anti-ship, anti-radiation and Kh-22/32 missiles under the
# generic "missile"; the dataset table calls them cruise missiles.
_MISSILE_MODELS = {
    "X-22",
    "X-32",
    "X-31",
    "X-31P",
    "X-31PD",
    "X-35",
    "P-800 Oniks",
    "X-22 and X-31P",
    "X-22 and X-32",
}
_KEYWORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("drone", ("uav", "drone", "shahed", "geran", "lancet", "orlan", "zala", "supercam", "молнія")),
    ("guided_bomb", ("bomb", "kab", "gbu")),
    ("ballistic_missile", ("iskander-m", "kn-23", "kinzhal", "ballistic")),
    ("missile", ("x-22", "x-31", "x-32", "x-35", "oniks", "c-300", "c-400", "s-300", "s-400")),
    (
        "cruise_missile",
        ("kalibr", "x-101", "x-555", "iskander-k", "x-59", "x-69", "zircon", "cruise", "missile"),
    ),
)
_VAGUE_AREAS = {
    "ukraine",
    "south",
    "east",
    "north",
    "west",
    "center",
    "centre",
    "south-east",
    "north-east",
    "front line",
    "",
}


def is_massive_attacks_header(fields: list[str]) -> bool:
    return all(name in fields for name in _REQUIRED)


def _load_weapon_table(csv_path: Path) -> dict[str, str]:
    """model -> spec category from `missiles_and_uavs.csv` beside the data, if present."""
    table_path = csv_path.with_name("missiles_and_uavs.csv")
    if not table_path.is_file():
        return {}
    table: dict[str, str] = {}
    with table_path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            category = _TABLE_CATEGORIES.get((row.get("category") or "").strip().lower())
            if category:
                table[(row.get("model") or "").strip()] = category
    return table


def weapon_category(model: str, table: dict[str, str]) -> str:
    """Spec weapon category of a dataset model name."""
    model = model.strip()
    if model in _MISSILE_MODELS:
        return "missile"
    if model in table:
        return table[model]
    # Combined rows ("A and B") are counted under the first model named,
    # except S-300/S-400 paired with a ballistic missile (as in the table).
    parts = model.lower().split(" and ")
    first = parts[0]
    if first.startswith(("c-300", "c-400", "s-300", "s-400")) and any(
        word in part for part in parts[1:] for word in _KEYWORDS[2][1]
    ):
        return "ballistic_missile"
    for category, words in _KEYWORDS:
        if any(word in first for word in words):
            return category
    return "other"


def _record_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each CSV record in `text`, quoted newlines respected."""
    spans: list[tuple[int, int]] = []
    start = 0
    in_quotes = False
    for index, char in enumerate(text):
        if char == '"':
            in_quotes = not in_quotes
        elif char == "\n" and not in_quotes:
            if index > start:
                spans.append((start, index))
            start = index + 1
    if start < len(text) and text[start:].strip():
        spans.append((start, len(text)))
    return spans


def _cell_spans(line: str) -> list[tuple[int, int]]:
    """(start, end) of each cell's value inside one record (quotes excluded)."""
    spans: list[tuple[int, int]] = []
    i, n = 0, len(line)
    while True:
        if i < n and line[i] == '"':
            j = i + 1
            while j < n:
                if line[j] == '"':
                    if j + 1 < n and line[j + 1] == '"':
                        j += 2
                        continue
                    break
                j += 1
            spans.append((i + 1, j))
            i = line.find(",", j)
            i = n if i == -1 else i
        else:
            j = line.find(",", i)
            j = n if j == -1 else j
            spans.append((i, j))
            i = j
        if i >= n:
            return spans
        i += 1
        if i == n:
            spans.append((n, n))
            return spans


# Largest count one row may give: a night's launches have never come near it;
# anything larger is a typing error (or 1e308).
MAX_ROW_COUNT = 100_000
_COUNT_COLUMNS = ("launched", "destroyed", "not_reach_goal")


def _count(value: str) -> int | None:
    """A count cell: None when empty, "nan" or unreadable; `_bad_count` has
    already refused rows whose counts are negative, huge or infinite."""
    value = value.strip()
    if not value or value.lower() == "nan":
        return None
    try:
        number = float(value)
    except ValueError:
        return None
    return int(number) if math.isfinite(number) else None


def _bad_count(values: dict[str, str]) -> str | None:
    """The first count column whose value no night can have, or None."""
    for column in _COUNT_COLUMNS:
        text = values.get(column, "").strip()
        if not text or text.lower() == "nan":
            continue
        try:
            number = float(text)
        except ValueError:
            continue
        if not math.isfinite(number) or not 0 <= number <= MAX_ROW_COUNT:
            return column
    return None


# One entry of a per-model cell: 'Kalibr': 3 (values may be NaN or floats).
_DETAIL = re.compile(r"'([^'\n]{1,80})'\s*:\s*(\d{1,6}(?:\.0)?|NaN|nan|None)")


def _launched_details(row: _Row) -> list[tuple[str, int, tuple[int, int], tuple[int, int]]] | None:
    """(model, launched, model span, count span) from `launched_details`
    (spans inside the cell), when the row has it and its counts add up to
    the row's `launched`; None otherwise (the row is read as one model)."""
    if "launched_details" not in row.spans:
        return None
    start, end = row.spans["launched_details"]
    cell = row.line[start:end]
    if not cell.strip() or len(cell) > 4000:
        return None
    out = []
    for m in _DETAIL.finditer(cell):
        if m.group(2)[0].isdigit():
            out.append((m.group(1).strip(), int(float(m.group(2))), m.span(1), m.span(2)))
    total = _count(row.values.get("launched", ""))
    if not out or total is None or sum(n for _, n, _, _ in out) != total:
        return None
    return out


def _parse_local(value: str) -> datetime | None:
    """A dataset time (Kyiv wall clock, with or without hours)."""
    value = value.strip()
    for fmt in ("%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d"):
        try:
            return datetime.strptime(value, fmt).replace(tzinfo=KYIV)
        except ValueError:
            continue
    return None


@dataclass
class _Row:
    line: str  # the record as it appears in the file
    values: dict[str, str]
    spans: dict[str, tuple[int, int]]  # column -> cell span within `line`
    number: int  # line number in the file


@dataclass
class _Group:
    day: date
    source: str
    rows: list[_Row] = field(default_factory=list)


def _claimant_name(source: str) -> str:
    if source.lower().startswith("generalstaff"):
        return "General Staff of the Armed Forces of Ukraine"
    return "Ukrainian Air Force"


def _area_names(cell: str) -> list[str]:
    """Place names in a `target` or `affected region` cell."""
    cell = cell.strip()
    if cell.startswith("["):
        if len(cell) > 4000 or cell.count("[") > 4:
            return []  # a list of names is short and flat; anything else is not read
        try:
            items = ast.literal_eval(cell)
        except (ValueError, SyntaxError, TypeError, RecursionError, MemoryError):
            return []
        names = [str(x).strip() for x in items if isinstance(x, str)]
    else:
        # "Dnipropetrovsk oblast, Dnipro Raion": the oblast decides the region
        names = [part.split(",")[0].strip() for part in cell.split(" and ")]
    return [n for n in names if n.lower() not in _VAGUE_AREAS]


class _RegionResolver:
    """Region codes from the project geocoder; without one, regions stay
    empty and the claim says so in its warnings."""

    def __init__(self) -> None:
        self.geocoder: Any = None
        self.available = False
        try:
            from ..geocode import default_geocoder  # type: ignore[attr-defined]

            self.geocoder = default_geocoder()
            self.available = True
        except (ImportError, AttributeError, NotImplementedError, CeasewatchError):
            # No gazetteer (not installed, or its index cannot be built):
            # import the counts anyway and say regions were not resolved.
            self.available = False
        self.cache: dict[str, str | None] = {}

    def region(self, name: str) -> str | None:
        if not self.available:
            return None
        if name not in self.cache:
            found = self.geocoder.lookup(
                name, lang="en", country_hint="UA", kinds=("region", "settlement"), limit=1
            )
            best = found[0] if found else None
            ok = best is not None and best.score >= 0.5 and (best.region or "").startswith("UA-")
            self.cache[name] = best.region if ok else None
        return self.cache[name]


def _build(
    group: _Group, header: str, source_path: str, table: dict[str, str], resolver: _RegionResolver
) -> tuple[Document, Claim]:
    text = normalize_text(header + "\n" + "\n".join(r.line for r in group.rows) + "\n")
    offsets: list[int] = []
    cursor = len(header) + 1
    for row in group.rows:
        offsets.append(cursor)
        cursor += len(row.line) + 1
    evidence: list[Evidence] = []

    def cite(field_path: str, row_index: int, column: str, sub: str | None = None,
             span: tuple[int, int] | None = None) -> None:
        start, end = group.rows[row_index].spans[column]
        base = offsets[row_index]
        if span is not None:
            start, end = start + span[0], start + span[1]
        elif sub is not None:
            cell = group.rows[row_index].line[start:end]
            at = cell.find(sub)
            if at < 0:
                return
            start, end = start + at, start + at + len(sub)
        if end > start:
            evidence.append(Evidence(field=field_path, start=base + start, end=base + end))

    by_category: dict[str, dict[str, Any]] = {}
    order: list[str] = []
    notes: list[str] = []

    def slot_of(model: str) -> tuple[int, dict[str, Any]]:
        category = weapon_category(model, table)
        if category not in by_category:
            by_category[category] = {"models": [], "launched": None, "intercepted": None, "lost": None}
            order.append(category)
        return order.index(category), by_category[category]

    for i, row in enumerate(group.rows):
        details = _launched_details(row)
        if details is not None:
            # A row of several models ("Iskander-M/KN-23 and Iskander-K and
            # Kalibr") with per-model launch counts: each model in its own
            # category, each count citing its place in launched_details.
            cells = {weapon_category(m, table) for m, *_ in details}
            for model, n, model_span, count_span in details:
                w, slot = slot_of(model)
                slot["models"].append(model)
                cite(f"weapons.{w}.model", i, "launched_details", span=model_span)
                slot["launched"] = (slot["launched"] or 0) + n
                cite(f"weapons.{w}.launched", i, "launched_details", span=count_span)
            if len(cells) == 1:
                w, slot = slot_of(details[0][0])
                measures = (("intercepted", "destroyed"), ("lost", "not_reach_goal"))
            else:
                measures = ()
                if any(_count(row.values.get(c, "")) for c in ("destroyed", "not_reach_goal")):
                    notes.append(f"line {row.number}: destroyed and lost counts of several weapon kinds are not "
                                 "split by kind in the dataset; not counted")
        else:
            if _DETAIL.search(row.values.get("launched_details", "")[:4000]):
                notes.append(f"line {row.number}: launched_details does not add up to launched; "
                             "the row is counted as its model column says")
            w, slot = slot_of(row.values["model"])
            slot["models"].append(row.values["model"].strip())
            cite(f"weapons.{w}.model", i, "model")
            measures = (("launched", "launched"), ("intercepted", "destroyed"), ("lost", "not_reach_goal"))
        for measure, column in measures:
            n = _count(row.values.get(column, ""))
            if n is not None:
                slot[measure] = (slot[measure] or 0) + n
                cite(f"weapons.{w}.{measure}", i, column)
    weapons = tuple(
        WeaponCount(
            category=cat,
            model="/".join(dict.fromkeys(by_category[cat]["models"])),
            launched=by_category[cat]["launched"],
            intercepted=by_category[cat]["intercepted"],
            lost=by_category[cat]["lost"],
        )
        for cat in order
    )
    regions: list[str] = []
    for i, row in enumerate(group.rows):
        for column in ("target", "affected region"):
            if column not in row.spans:
                continue
            for name in _area_names(row.values.get(column, "")):
                code = resolver.region(name)
                if code and code not in regions:
                    regions.append(code)
                if code:
                    cite(f"regions.{regions.index(code)}", i, column, sub=name)
    last = max(group.rows, key=lambda r: r.values["time_end"])
    published = _parse_local(last.values["time_end"])
    cite("date", group.rows.index(last), "time_end")
    cite("claimant", 0, "source")
    claimant = _claimant_name(group.source)
    doc = Document.create(
        text,
        publisher=claimant,
        published=published,
        language="en",
        url=f"https://www.facebook.com/{group.source}" if "/" in group.source else None,
        source_kind="dataset",
        source_id=f"mma-{group.day.isoformat()}-{content_hash(group.source, length=8)}",
        title=f"Massive Missile Attacks on Ukraine, {group.day.isoformat()}",
        meta={
            "reader": EXTRACTOR_NAME,
            "source": source_path,
            "location": f"lines {group.rows[0].number}-{group.rows[-1].number}",
            "post": group.source or None,
        },
    )
    warnings = tuple(notes) + (() if resolver.available else ("regions not resolved: no geocoder available",))
    claim = Claim(
        doc_id=doc.id,
        claimant=Claimant(name=claimant, party="UA"),
        stance="asserted",
        attacker="RU",
        target_country="UA",
        date=group.day,
        weapons=weapons,
        regions=tuple(regions),
        evidence=tuple(evidence),
        extractor=EXTRACTOR_NAME,
        warnings=warnings,
    )
    return doc, claim


def read_massive_attacks_csv(path: Path, options: ReadOptions) -> ReadResult:
    """Documents (one per monitoring day and source post) and their claims."""
    source = str(path)
    text = normalize_text(decode_bytes(read_limited(path, max_bytes=options.max_bytes), source=source))
    records = _record_spans(text)
    header_line = text[records[0][0] : records[0][1]] if records else ""
    columns = next(csv.reader([header_line])) if header_line else []
    if not is_massive_attacks_header(columns):
        raise InputError(
            "CSV layout not recognised",
            source=source,
            location="line 1",
            hint="ceasewatch imports the 'Massive Missile Attacks on Ukraine' CSV "
            "(columns time_start, time_end, model, launched, destroyed); convert other tables to JSONL",
        )
    table = _load_weapon_table(path)
    result = ReadResult()
    groups: dict[tuple[date, str], _Group] = defaultdict(lambda: _Group(date.min, ""))
    number, counted_to = 1, 0
    for start, end in records[1:]:
        line = text[start:end]
        number += text.count("\n", counted_to, start)  # counted incrementally: O(n) overall
        counted_to = start
        values = next(csv.reader(io.StringIO(line)))
        spans = _cell_spans(line)
        if len(values) != len(columns) or len(spans) != len(columns):
            result.errors.append(
                InputError(
                    f"row has {len(values)} cells, header has {len(columns)}",
                    source=source,
                    location=f"line {number}",
                    hint="fix the row's quoting; the other rows were imported",
                )
            )
            continue
        row = _Row(
            line=line,
            values=dict(zip(columns, values, strict=True)),
            spans=dict(zip(columns, spans, strict=True)),
            number=number,
        )
        bad = _bad_count(row.values)
        if bad is not None:
            result.errors.append(
                InvalidField(
                    f"{bad}: {row.values[bad].strip()[:40]!r} is not a count between 0 and {MAX_ROW_COUNT:,}",
                    field=bad,
                    source=source,
                    location=f"line {number}, field {bad}",
                    hint="fix the count; the other rows were imported",
                )
            )
            continue
        ended = _parse_local(row.values["time_end"])
        if ended is not None and not EARLIEST_YEAR <= ended.year <= LATEST_YEAR:
            ended = None
        if ended is None:
            result.errors.append(
                InputError(
                    f"cannot read time_end {row.values['time_end']!r}",
                    source=source,
                    location=f"line {number}",
                    hint="time_end must be YYYY-MM-DD or YYYY-MM-DD HH:MM (Kyiv time)",
                )
            )
            continue
        key = (ended.date(), row.values.get("source", "").strip())
        group = groups[key]
        group.day, group.source = key
        group.rows.append(row)
    if not groups:
        return result  # no readable row: the gazetteer is not loaded for nothing
    resolver = _RegionResolver()
    for key in sorted(groups, key=lambda k: (k[0], k[1])):
        doc, claim = _build(groups[key], header_line, source, table, resolver)
        result.documents.append(doc)
        result.claims[doc.id] = (EXTRACTOR_NAME, [claim])
    return result
