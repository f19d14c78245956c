"""`ceasewatch export`: the library function behind it writes JSONL, CSV and
GeoJSON with the API's filters; bad options are InputErrors, not tracebacks."""

from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from ceasewatch.api.sample import sample_store
from ceasewatch.cli import app
from ceasewatch.cli.serve import export
from ceasewatch.errors import InputError


def test_api_export_jsonl_claims_in_spec_shape() -> None:
    out = io.StringIO()
    n = export(sample_store(), "claims", "jsonl", out, party="UA")
    lines = [json.loads(x) for x in out.getvalue().splitlines()]
    assert n == 1 and len(lines) == 1
    claim = lines[0]
    assert claim["claimant"] == {"name": "Ukrainian Air Force", "party": "UA"}
    assert claim["weapons"][0]["launched"] == 27 and claim["id"].startswith("clm_")


def test_api_export_csv_incidents_and_geojson_verdicts() -> None:
    out = io.StringIO()
    assert export(sample_store(), "incidents", "csv", out, date_from="2025-03-15") == 1
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert [r["id"] for r in rows] == ["inc_sample_ru_ua_0315"]
    out = io.StringIO()
    assert export(sample_store(), "verdicts", "geojson", out, verdict="disputed") == 1
    feats = json.loads(out.getvalue())["features"]
    assert feats[0]["properties"]["verdict"] == "disputed" and feats[0]["geometry"]["type"] == "Point"


@pytest.mark.parametrize(
    ("what", "fmt", "filters", "location"),
    [("reports", "csv", {}, "--what"), ("claims", "xlsx", {}, "--format"),
     ("claims", "csv", {"region": "XX-1"}, "query.region"), ("claims", "csv", {"date_to": "2025-3-1"}, "query.date_to")],
)
def test_api_export_rejects_bad_options(what: str, fmt: str, filters: dict, location: str) -> None:
    with pytest.raises(InputError) as info:
        export(sample_store(), what, fmt, io.StringIO(), **filters)
    assert info.value.location == location


def test_api_export_cli_reports_bad_filter_with_exit_1(tmp_path) -> None:
    target = tmp_path / "out.csv"
    result = CliRunner().invoke(app, ["--db", f"sqlite:///{tmp_path / 'x.db'}", "export", "--party", "NATO", "-o", str(target)])
    assert result.exit_code == 1
    assert "party" in result.output
    assert not target.exists()  # validated before any file is created


def test_api_serve_cli_help_names_its_options() -> None:
    result = CliRunner().invoke(app, ["serve", "--help"])
    assert result.exit_code == 0
    for option in ("--host", "--port", "--db", "--writable", "--sample"):
        assert option in result.output
