"""`ceasewatch export`: claims as the ACLED-like table (CSV and Parquet),
incidents and verdicts as typed Parquet, through the library function and the
CLI, on SQLite and PostgreSQL. Parquet files are read back with pyarrow from
their path (reading a Python file object with threads can abort the
interpreter at exit: apache/arrow#34314)."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from ceasewatch.api.memory_store import MemoryRepository
from ceasewatch.api.sample import SAMPLE_AGREEMENT, fill_store, sample_records, sample_store
from ceasewatch.cli import app
from ceasewatch.cli.serve import export
from ceasewatch.export import CLAIMS_CSV, CLAIMS_PARQUET, TABLE_PARQUET
from ceasewatch.export.claims import COLUMN_NAMES, claim_rows, evidence_notes, verdict_summary
from ceasewatch.geocode import region_codes
from ceasewatch.model import Assessment, Claim, Claimant, Document, Evidence, Place, WeaponCount
from ceasewatch.registry import exporters
from ceasewatch.store import open_store

ACLED_COLUMNS = [
    "event_id", "event_date", "incident_id", "claimant", "side", "stance", "attacker", "country", "admin1",
    "admin1_code", "location", "latitude", "longitude", "geo_precision", "weapons", "launched", "intercepted",
    "lost", "hit", "weapon_counts", "targets", "fatalities", "injured", "source", "url", "published", "doc_id",
    "notes", "verdicts", "extractor",
]


def _csv_rows(store, **filters) -> list[dict[str, str]]:
    out = io.StringIO()
    n = export(store, "claims", "csv", out, **filters)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert len(rows) == n
    return rows


def _by_claimant(rows: list[dict]) -> dict[tuple[str, str], dict]:
    return {(r["claimant"], r["stance"]): r for r in rows}


def test_export_claims_csv_has_the_acled_like_columns_and_values() -> None:
    out = io.StringIO()
    export(sample_store(), "claims", "csv", out)
    assert out.getvalue().splitlines()[0].split(",") == ACLED_COLUMNS == list(COLUMN_NAMES)
    rows = _by_claimant(_csv_rows(sample_store()))
    ua = rows[("Ukrainian Air Force", "asserted")]
    assert ua["event_date"] == "2025-03-14" and ua["side"] == "UA" and ua["attacker"] == "RU"
    assert ua["country"] == "UA" and ua["incident_id"] == "inc_sample_ru_ua_0314"
    assert (ua["admin1"], ua["admin1_code"], ua["location"]) == ("Kharkiv Oblast", "UA-63", "Zolochiv")
    assert (float(ua["latitude"]), float(ua["longitude"]), ua["geo_precision"]) == (50.28, 35.98, "settlement")
    assert ua["weapons"] == "drone:Shahed-136"
    assert (ua["launched"], ua["intercepted"], ua["lost"], ua["hit"]) == ("27", "16", "9", "")
    assert ua["weapon_counts"] == "drone Shahed-136: launched 27, intercepted 16, lost 9"
    assert (ua["targets"], ua["fatalities"], ua["injured"]) == ("civilian.medical", "", "1")
    assert ua["source"] == "Ukrainian Air Force" and ua["url"] == ""
    assert ua["published"] == "2025-03-14T09:08:00+02:00" and ua["doc_id"].startswith("doc_")
    assert ua["notes"].startswith('"Overnight on 14 March Russia attacked Ukraine with 27 Shahed drones')
    assert "1 person was injured" in ua["notes"]
    assert ua["verdicts"] == f"{SAMPLE_AGREEMENT}: disputed"
    assert ua["extractor"] == "ceasewatch.sample.extractor.v1"
    # two regions and two places: names in the claim's order, coordinates of the first located place
    ru = rows[("Russian Ministry of Defence", "asserted")]
    assert (ru["admin1"], ru["admin1_code"]) == ("Kursk Oblast;Belgorod Oblast", "RU-KRS;RU-BEL")
    assert ru["location"] == "Kursk;Belgorod" and (ru["latitude"], ru["longitude"]) == ("51.73", "36.19")
    assert ru["verdicts"] == f"{SAMPLE_AGREEMENT}: outside_scope"
    monitor = rows[("Example Monitor", "asserted")]
    assert monitor["url"] == "javascript:alert('url')" and monitor["notes"] == '"3 drones hit a substation"'


def test_export_claims_csv_honours_the_filters() -> None:
    assert [r["claimant"] for r in _csv_rows(sample_store(), party="UA")] == ["Ukrainian Air Force"]
    assert {r["admin1_code"] for r in _csv_rows(sample_store(), region="UA-59")} == {"UA-59"}
    assert _csv_rows(sample_store(), date_from="2025-04-01") == []


def _hostile_store() -> MemoryRepository:
    text = "=HYPERLINK(\"http://x\") said: 5 drones hit\n\n   the   depot near Kherson."
    doc = Document.create(text, publisher="=cmd|' /C calc'!A0", url="https://example.org/n", language="en")
    claim = Claim(
        doc_id=doc.id, claimant=Claimant("+Monitor", "OTHER"), attacker="RU", target_country="UA",
        date=date(2025, 3, 20), weapons=(WeaponCount("drone", "@Geran", hit=5), WeaponCount("drone", hit=2)),
        places=(Place("-Unlocated"), Place("Kherson", 46.64, 32.61, "UA-65", "settlement")),
        killed=2, extractor="test.v1",
        evidence=(Evidence("weapons.0.hit", text.index("5 drones hit"), text.index("5 drones hit") + 12),
                  Evidence("places.1", text.index("Kherson"), text.index("Kherson") + 7)),
    )
    store = MemoryRepository()
    store.add_documents([doc])
    store.replace_claims(doc.id, "test.v1", [claim])
    return store


def test_export_claims_csv_defuses_formulas_and_takes_places_from_the_located_one() -> None:
    (row,) = _csv_rows(_hostile_store())
    assert row["source"] == "'=cmd|' /C calc'!A0" and row["claimant"] == "'+Monitor"
    assert row["location"] == "Kherson;-Unlocated"  # the located place first; only a cell's start is defused
    assert (row["latitude"], row["admin1"], row["admin1_code"]) == ("46.64", "Kherson Oblast", "UA-65")
    assert row["weapons"] == "drone:@Geran;drone" and row["hit"] == "7" and row["fatalities"] == "2"
    assert row["notes"] == '"5 drones hit the depot near Kherson"'  # one passage, whitespace folded
    assert row["incident_id"] == "" and row["verdicts"] == ""


def test_export_evidence_notes_passages_gap_and_limit() -> None:
    text = "A" * 10 + " first span " + "x" * 200 + " second span " + "y" * 30 + " third"
    ev = [Evidence("a", 11, 21), Evidence("b", 223, 234), Evidence("c", 266, 271), Evidence("d", 11, 21)]
    assert evidence_notes(text, ev) == '"first span" … "second span ' + "y" * 30 + ' third"'
    assert evidence_notes(text, [Evidence("z", 5, 999)]) == ""  # spans outside the text are ignored
    long = evidence_notes("w " * 2000, [Evidence("a", 0, 3000)], limit=100)
    assert 90 < len(long) <= 100 and long.endswith("…") and long.startswith('"w w')


def test_export_verdict_summary_puts_violations_first() -> None:
    def verdict(agreement: str, version: str | None, value: str) -> Assessment:
        return Assessment(f"asm_{agreement}_{version}", "inc", agreement, version, value, "r", "reason")

    summary = verdict_summary([
        verdict("easter-truce-2025", None, "not_in_force"), verdict("energy-moratorium-2025", "UA", "needs_review"),
        verdict("energy-moratorium-2025", "RU", "alleged"), verdict("black-sea-2025", None, "outside_scope"),
    ])
    assert summary == ("energy-moratorium-2025/RU: alleged; energy-moratorium-2025/UA: needs_review; "
                       "black-sea-2025: outside_scope; easter-truce-2025: not_in_force")


def test_export_admin1_names_come_from_the_gazetteer_for_every_region() -> None:
    rows = claim_rows(MemoryRepository())
    assert list(rows) == []
    from ceasewatch.export.claims import _region_names

    names = _region_names()
    for code in region_codes("UA") + region_codes("RU"):
        assert names[code] and names[code] != code, code
    assert names["UA-59"] == "Sumy Oblast" and names["RU-KRS"] == "Kursk Oblast"


def test_export_claims_parquet_round_trips_through_pyarrow(store, tmp_path: Path) -> None:
    fill_store(store)
    target = tmp_path / "claims.parquet"
    with target.open("wb") as fh:
        assert export(store, "claims", "parquet", fh) == 4
    table = pq.read_table(target)
    assert table.column_names == ACLED_COLUMNS and table.num_rows == 4
    types = {f.name: f.type for f in table.schema}
    assert types["event_date"] == pa.date32() and types["published"] == pa.timestamp("us", tz="UTC")
    assert types["latitude"] == pa.float64() and types["launched"] == pa.int64() and types["notes"] == pa.string()
    assert table.schema.metadata[b"ceasewatch.exporter"] == CLAIMS_PARQUET.encode()
    expected = {r["event_id"]: r for r in claim_rows(store)}
    for got in table.to_pylist():
        want = dict(expected[got["event_id"]])
        want["published"] = want["published"].astimezone(UTC)
        assert got == want
    ua = next(r for r in table.to_pylist() if r["side"] == "UA")
    assert ua["event_date"] == date(2025, 3, 14) and ua["hit"] is None and ua["launched"] == 27
    assert ua["published"] == datetime(2025, 3, 14, 7, 8, tzinfo=UTC)
    # the CSV and the Parquet file hold the same rows
    assert {r["event_id"] for r in _csv_rows(store)} == set(expected)


def test_export_incidents_and_verdicts_parquet_round_trip(tmp_path: Path) -> None:
    incidents, verdicts = tmp_path / "incidents.parquet", tmp_path / "verdicts.parquet"
    with incidents.open("wb") as fh:
        assert export(sample_store(), "incidents", "parquet", fh) == 3
    with verdicts.open("wb") as fh:
        assert export(sample_store(), "verdicts", "parquet", fh, verdict="alleged") == 1
    inc = pq.read_table(incidents)
    assert inc.schema.field("date").type == pa.date32()
    assert inc.schema.metadata[b"ceasewatch.exporter"] == f"{TABLE_PARQUET}:incidents".encode()
    by_id = {r["id"]: r for r in inc.to_pylist()}
    assert by_id["inc_sample_ua_ru_0314"]["regions"] == "RU-KRS;RU-BEL"
    assert by_id["inc_sample_ua_ru_0314"]["targets"] is None and by_id["inc_sample_ru_ua_0315"]["date"] == date(
        2025, 3, 15)
    (row,) = pq.read_table(verdicts).to_pylist()
    assert (row["id"], row["verdict"], row["violator"], row["version"]) == ("asm_sample_3", "alleged", "RU", None)


def test_export_parquet_of_nothing_is_a_valid_empty_file(tmp_path: Path) -> None:
    target = tmp_path / "none.parquet"
    with target.open("wb") as fh:
        assert export(sample_store(), "claims", "parquet", fh, date_from="2030-01-01") == 0
    table = pq.read_table(target)
    assert table.num_rows == 0 and table.column_names == ACLED_COLUMNS


def test_export_cli_writes_csv_and_parquet_files(store_url: str, tmp_path: Path) -> None:
    repo = open_store(store_url)
    repo.migrate()
    fill_store(repo)
    repo.close()
    runner = CliRunner()
    parquet_file, csv_file = tmp_path / "ua.parquet", tmp_path / "all.csv"
    result = runner.invoke(app, ["--db", store_url, "export", "--what", "claims", "--format", "parquet",
                                 "--party", "UA", "-o", str(parquet_file)])
    assert result.exit_code == 0, result.output
    assert "exported 1 claims" in result.output
    (row,) = pq.read_table(parquet_file).to_pylist()
    assert row["claimant"] == "Ukrainian Air Force" and row["admin1"] == "Kharkiv Oblast"
    result = runner.invoke(app, ["--db", store_url, "export", "--format", "csv", "-o", str(csv_file)])
    assert result.exit_code == 0, result.output
    with csv_file.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == len(sample_records()[1]) and set(rows[0]) == set(ACLED_COLUMNS)


def test_export_cli_parquet_needs_a_file(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["--db", f"sqlite:///{tmp_path / 'x.db'}", "export", "--format", "parquet"])
    assert result.exit_code == 1
    text = " ".join(result.output.split())
    assert "binary format" in text and "-o claims.parquet" in text
    assert not (tmp_path / "x.db").exists()  # refused before the store is opened


def test_export_exporters_are_registered_under_versioned_names() -> None:
    assert {CLAIMS_CSV, CLAIMS_PARQUET, TABLE_PARQUET} <= set(exporters.names())
    assert exporters.meta(CLAIMS_PARQUET) == {"what": "claims", "format": "parquet"}
    assert callable(exporters.get(CLAIMS_CSV))


@pytest.mark.parametrize("fmt", ["jsonl", "geojson"])
def test_export_claims_other_formats_keep_their_shape(fmt: str) -> None:
    out = io.StringIO()
    assert export(sample_store(), "claims", fmt, out, party="RU") == 2
    assert "Russian Ministry of Defence" in out.getvalue()
