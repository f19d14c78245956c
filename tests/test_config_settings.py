"""Settings: defaults, environment, TOML file, keywords; every one documented."""

from __future__ import annotations

from pathlib import Path

import pytest

from ceasewatch.config import SETTINGS, Settings, load_settings
from ceasewatch.errors import ConfigError

ROOT = Path(__file__).resolve().parents[1]


def test_config_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    for s in SETTINGS:
        monkeypatch.delenv(f"CEASEWATCH_{s.name.upper()}", raising=False)
    monkeypatch.delenv("CEASEWATCH_CONFIG", raising=False)
    settings = load_settings()
    assert settings.db.startswith("sqlite:///")
    assert settings.max_file_bytes == 20 * 1024 * 1024


def test_config_precedence(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    cfg = tmp_path / "cw.toml"
    cfg.write_text('[ceasewatch]\nport = 9001\nmax_file_mb = 1.5\n', encoding="utf-8")
    monkeypatch.setenv("CEASEWATCH_PORT", "9002")
    settings = load_settings(cfg)
    assert settings.port == 9002  # environment beats the file
    assert settings.max_file_mb == 1.5
    assert load_settings(cfg, port=9003).port == 9003  # keywords beat both


def test_config_errors_name_the_problem(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CEASEWATCH_PORT", raising=False)
    cfg = tmp_path / "cw.toml"
    cfg.write_text("prot = 1\n", encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_settings(cfg)
    assert "prot" in str(err.value) and str(cfg) in str(err.value)
    monkeypatch.setenv("CEASEWATCH_PORT", "eighty")
    with pytest.raises(ConfigError, match="port"):
        load_settings()
    with pytest.raises(ConfigError):
        load_settings(tmp_path / "missing.toml")


def test_config_every_setting_is_documented() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [s.name for s in SETTINGS if f"CEASEWATCH_{s.name.upper()}" not in readme]
    assert not missing, f"settings not documented in README: {missing}"
    assert {s.name for s in SETTINGS} == set(Settings.__dataclass_fields__)
