"""Scoring a geocoder against a table of real spellings (the CSV in
tests/fixtures/geocode/): region code accuracy, kind accuracy, and the share
of settlements and sites placed within a distance of their true position.
Used by the tests and by bench/bench_geocode.py."""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass, field
from pathlib import Path

from .base import Geocoder

__all__ = ["SpellingCase", "TableScore", "read_spellings", "score_table", "haversine_km"]


@dataclass(frozen=True)
class SpellingCase:
    text: str
    lang: str | None
    kind: str  # expected kind of the best candidate
    region: str | None  # expected region code (None for countries)
    lat: float | None
    lon: float | None
    hint: str | None
    note: str = ""


@dataclass
class TableScore:
    cases: int = 0
    region_cases: int = 0
    region_correct: int = 0
    kind_correct: int = 0
    coord_cases: int = 0
    coord_within: int = 0
    failures: list[str] = field(default_factory=list)

    @property
    def region_accuracy(self) -> float:
        return self.region_correct / self.region_cases if self.region_cases else 0.0

    @property
    def coord_accuracy(self) -> float:
        return self.coord_within / self.coord_cases if self.coord_cases else 0.0

    @property
    def kind_accuracy(self) -> float:
        return self.kind_correct / self.cases if self.cases else 0.0


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(a))


def read_spellings(path: str | Path) -> list[SpellingCase]:
    with open(path, encoding="utf-8", newline="") as handle:
        return [
            SpellingCase(
                text=row["text"],
                lang=row["lang"] or None,
                kind=row["kind"],
                region=row["region"] or None,
                lat=float(row["lat"]) if row["lat"] else None,
                lon=float(row["lon"]) if row["lon"] else None,
                hint=row["hint"] or None,
                note=row.get("note") or "",
            )
            for row in csv.DictReader(handle)
        ]


def score_table(geocoder: Geocoder, cases: list[SpellingCase], *, max_km: float = 10.0) -> TableScore:
    """Judge the best candidate of each case (no candidate counts as wrong)."""
    score = TableScore()
    for case in cases:
        score.cases += 1
        found = geocoder.lookup(case.text, lang=case.lang, region_hint=case.hint, limit=1)
        best = found[0] if found else None
        problems = []
        if best is not None and best.kind == case.kind:
            score.kind_correct += 1
        else:
            problems.append(f"kind {best.kind if best else None}")
        if case.region:
            score.region_cases += 1
            if best is not None and best.region == case.region:
                score.region_correct += 1
            else:
                problems.append(f"region {best.region if best else None} != {case.region}")
        if case.lat is not None and case.lon is not None:
            score.coord_cases += 1
            if best is not None and best.lat is not None and best.lon is not None:
                km = haversine_km(case.lat, case.lon, best.lat, best.lon)
                if km <= max_km:
                    score.coord_within += 1
                else:
                    problems.append(f"{km:.0f} km off")
            else:
                problems.append("no coordinates")
        if problems:
            score.failures.append(f"{case.text!r} ({case.lang}): " + "; ".join(problems))
    return score
