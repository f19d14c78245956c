"""The ACLED importer on hand-made files in both published layouts (2023-
and earlier): one claim per strike event with ACLED as a third-party
claimant, every value citing its cell; bad rows reported with their line."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from ceasewatch.errors import InputError
from ceasewatch.ingest import ingest_paths
from ceasewatch.ingest.acled import EXTRACTOR_NAME
from ceasewatch.ingest.common import ReadOptions
from ceasewatch.ingest.datasets import read_dataset_csv

FIXTURES = Path(__file__).parent / "fixtures" / "ingest" / "acled"


def _claims(name: str):
    result = read_dataset_csv(FIXTURES / name, ReadOptions())
    return result, {doc.source_id: (doc, result.claims[doc.id][1][0]) for doc in result.documents}


def _quotes(doc, claim) -> dict[str, str]:
    out = {}
    for e in claim.evidence:
        out.setdefault(e.field, doc.text[e.start : e.end])
    return out


def test_ingest_acled_current_layout() -> None:
    result, by_id = _claims("acled_2023_layout.csv")
    assert sorted(by_id) == ["acled-RUS90002", "acled-UKR90001", "acled-UKR90007"]  # the battle is passed over
    doc, claim = by_id["acled-UKR90001"]
    assert (claim.claimant.name, claim.claimant.party, claim.extractor) == ("ACLED", "OTHER", EXTRACTOR_NAME)
    assert (claim.attacker, claim.target_country, claim.date) == ("RU", "UA", date(2025, 3, 27))
    assert claim.regions == ("UA-53",) and claim.targets == ("energy.power",)
    assert [w.category for w in claim.weapons] == ["drone"] and claim.killed == 0
    (place,) = claim.places
    assert (place.name, place.lat, place.lon, place.precision) == ("Poltava", 49.5883, 34.5514, "settlement")
    assert _quotes(doc, claim) == {
        "attacker": "Military Forces of Russia", "target_country": "Ukraine", "date": "2025-03-27",
        "claimant": "UKR90001", "regions.0": "Poltava", "places.0": "Poltava", "weapons.0.category": "Shahed",
        "targets.0": "substation", "killed": "0",
    }
    assert doc.source_kind == "dataset" and doc.publisher == "ACLED"
    assert doc.published == datetime.fromtimestamp(1743400000, UTC)  # ACLED's timestamp: a corrected row is a new document
    assert doc.text.startswith("event_id_cnty,event_date,") and doc.meta["location"] == "line 2"
    doc, claim = by_id["acled-RUS90002"]
    assert (claim.attacker, claim.target_country, claim.regions, claim.targets, claim.killed) == (
        "UA", "RU", ("RU-KRS",), ("energy.oil_gas",), 1)
    doc, claim = by_id["acled-UKR90007"]
    assert [w.category for w in claim.weapons] == ["ballistic_missile"] and claim.killed == 2
    errors = {e.location: e for e in result.errors}
    assert set(errors) == {"line 5, field event_date", "line 6, field fatalities", "line 7"}
    assert "not a date" in errors["line 5, field event_date"].message
    assert "8 cells" in errors["line 7"].message


def test_ingest_acled_legacy_layout() -> None:
    result, by_id = _claims("acled_legacy_layout.csv")
    assert sorted(by_id) == ["acled-RUS80002", "acled-UKR80001", "acled-UKR80003"]
    doc, claim = by_id["acled-UKR80001"]
    assert (claim.attacker, claim.date, claim.regions) == ("RU", date(2022, 3, 27), ("UA-51",))
    assert [w.category for w in claim.weapons] == ["cruise_missile"] and claim.targets == ("energy.oil_gas",)
    assert _quotes(doc, claim)["date"] == "27 March 2022"
    doc, claim = by_id["acled-RUS80002"]
    # The notes name no weapon ACLED's sub-event type does not: "other", citing the sub-event type.
    assert [w.category for w in claim.weapons] == ["other"]
    assert _quotes(doc, claim)["weapons.0.category"] == "Air/drone strike"
    doc, claim = by_id["acled-UKR80003"]
    assert claim.attacker is None and claim.killed is None  # an unidentified group; no fatalities given
    assert claim.targets == ("transport.rail",)
    (error,) = result.errors
    assert error.location == "line 5, field event_id_cnty"


def test_ingest_acled_through_the_pipeline(store) -> None:
    report = ingest_paths([str(FIXTURES)], store)
    assert len(report.added) == 6 and report.claims == 6
    assert {e.location for e in report.failed} >= {"line 5, field event_date", "line 5, field event_id_cnty"}
    again = ingest_paths([str(FIXTURES)], store)
    assert again.added == [] and len(again.existing) == 6  # idempotent


def test_ingest_csv_of_unknown_layout_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "table.csv"
    path.write_text("a,b,c\n1,2,3\n", encoding="utf-8")
    with pytest.raises(InputError, match="CSV layout not recognised") as info:
        read_dataset_csv(path, ReadOptions())
    assert "ACLED" in (info.value.hint or "") and "UCDP" in (info.value.hint or "")
