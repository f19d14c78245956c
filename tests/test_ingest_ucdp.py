"""The UCDP GED importer on hand-made files in the current layout (18.1-)
and the older upper-case one (BEST_EST): claims with UCDP as a third-party
claimant, every value citing its cell; bad rows reported with their line."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ceasewatch.ingest.common import ReadOptions
from ceasewatch.ingest.datasets import read_dataset_csv
from ceasewatch.ingest.ucdp import EXTRACTOR_NAME

FIXTURES = Path(__file__).parent / "fixtures" / "ingest" / "ucdp"


def _claims(name: str):
    result = read_dataset_csv(FIXTURES / name, ReadOptions())
    return result, {doc.source_id: (doc, result.claims[doc.id][1][0]) for doc in result.documents}


def _quotes(doc, claim) -> dict[str, str]:
    return {e.field: doc.text[e.start : e.end] for e in claim.evidence}


def test_ingest_ucdp_current_layout() -> None:
    result, by_id = _claims("ged_current_layout.csv")
    assert sorted(by_id) == ["ucdp-ged-900001", "ucdp-ged-900002", "ucdp-ged-900003"]  # Syria passed over
    doc, claim = by_id["ucdp-ged-900001"]
    assert (claim.claimant.name, claim.claimant.party, claim.extractor) == ("UCDP GED", "OTHER", EXTRACTOR_NAME)
    assert (claim.attacker, claim.target_country, claim.date, claim.regions) == ("RU", "UA", date(2025, 3, 27), ("UA-53",))
    assert claim.targets == ("energy.power",) and claim.killed == 0 and claim.weapons == ()
    assert _quotes(doc, claim) == {
        "attacker": "Government of Russia", "target_country": "Ukraine", "claimant": "900001", "date": "2025-03-27",
        "regions.0": "Poltava oblast", "places.0": "Poltava town", "targets.0": "substation", "killed": "0",
    }
    (place,) = claim.places
    assert (place.lat, place.lon, place.precision) == (49.5883, 34.5514, "settlement")
    doc, claim = by_id["ucdp-ged-900002"]  # "Russia (Soviet Union)" is Russia; Ukraine's government struck it
    assert (claim.attacker, claim.target_country, claim.regions, claim.killed) == ("UA", "RU", ("RU-KRS",), 1)
    doc, claim = by_id["ucdp-ged-900003"]  # one-sided violence over three days
    assert claim.attacker == "RU" and claim.date is None and claim.killed == 3
    assert "no single day" in claim.warnings[0] and claim.targets == ("civilian.residential",)
    errors = {e.location: e.message for e in result.errors}
    assert set(errors) == {"line 5, field date_end", "line 7, field latitude"}


def test_ingest_ucdp_older_layout() -> None:
    result, by_id = _claims("ged_old_layout.csv")
    doc, claim = by_id["ucdp-ged-800001"]
    # Government of Ukraine against the DPR in Ukraine: GED does not say who struck.
    assert (claim.attacker, claim.target_country, claim.date, claim.regions, claim.killed) == (
        None, "UA", date(2014, 8, 1), ("UA-14",), 2)
    assert _quotes(doc, claim)["killed"] == "2" and doc.text.startswith("ID,YEAR,")
    (error,) = result.errors
    assert error.location == "line 3, field best_est" and "many" in error.message
