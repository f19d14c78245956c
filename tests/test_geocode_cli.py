"""`ceasewatch geo`: the CLI over the gazetteer."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from ceasewatch.cli import app
from ceasewatch.geocode import default_geocoder

runner = CliRunner()


def _cache_env() -> dict[str, str]:
    # Reuse the cache the process-wide geocoder was built in.
    from ceasewatch.config import load_settings

    default_geocoder()
    return {"CEASEWATCH_CACHE_DIR": str(load_settings().cache_path)}


def test_geocode_cli_json_lookup() -> None:
    result = runner.invoke(app, ["geo", "Краснопілля, Сумська область", "--json"], env=_cache_env())
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    top = data["candidates"][0]
    assert top["region"] == "UA-59" and top["region_name"] == "Sumy Oblast" and top["kind"] == "settlement"
    assert data["gazetteer"] == "ceasewatch.gazetteer.v2"


def test_geocode_cli_table_and_point() -> None:
    result = runner.invoke(app, ["geo", "Sudzha", "--point", "50.77,35.26"], env=_cache_env())
    assert result.exit_code == 0, result.output
    assert "RU-KRS" in result.stdout and "UA-59 Sumy Oblast" in result.stdout


def test_geocode_cli_no_match_and_errors() -> None:
    env = _cache_env()
    result = runner.invoke(app, ["geo", "Xyzzyvillesk"], env=env)
    assert result.exit_code == 0 and "no match" in result.stdout
    assert runner.invoke(app, ["geo"], env=env).exit_code == 1
    assert runner.invoke(app, ["geo", "Sumy", "--kind", "bogus"], env=env).exit_code == 1
    assert runner.invoke(app, ["geo", "--point", "95,10"], env=env).exit_code == 1
