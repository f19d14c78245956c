"""The team deployment is documented: docs/deploy.md names every setting,
the README every key of the watch configuration, compose.yaml has the
services of the issue and uses only documented values, and the example
watch configuration validates."""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import BaseModel

from ceasewatch.alert.config import AlertsConfig, EmailChannel, WebhookChannel
from ceasewatch.config import SETTINGS
from ceasewatch.safeload import load_yaml
from ceasewatch.watch import FeedSource, FolderSource, TelegramSource, WatchConfig, load_watch_config

ROOT = Path(__file__).resolve().parents[1]
DEPLOY = (ROOT / "docs" / "deploy.md").read_text(encoding="utf-8")
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_docs_deploy_names_every_setting_and_the_readme_links_it() -> None:
    for setting in SETTINGS:
        assert f"`{setting.name}`" in DEPLOY and f"CEASEWATCH_{setting.name.upper()}" in DEPLOY, setting.name
    assert "docs/deploy.md" in README


def test_docs_every_watch_configuration_key_is_documented() -> None:
    models: list[type[BaseModel]] = [WatchConfig, FeedSource, FolderSource, TelegramSource, AlertsConfig,
                                     WebhookChannel, EmailChannel]
    for model in models:
        for key in model.model_fields:
            documented = re.search(rf"\b{key}\b =|\[\[?(?:alerts\.)?{key}\]\]?", README) or f"`{key}`" in DEPLOY
            assert documented, f"{model.__name__}.{key}"


def test_docs_compose_services_and_values() -> None:
    compose = load_yaml((ROOT / "compose.yaml").read_text(encoding="utf-8"), source="compose.yaml")
    assert set(compose["services"]) == {"postgres", "serve", "watch", "scheduler", "worker"}
    known = {f"CEASEWATCH_{s.name.upper()}" for s in SETTINGS}
    for name, service in compose["services"].items():
        for var in service.get("environment", {}):
            if var.startswith("CEASEWATCH_"):
                assert var in known or var in DEPLOY, f"{name}: {var} is not documented"
        assert name in DEPLOY
    for var in re.findall(r"\$\{(\w+)", (ROOT / "compose.yaml").read_text(encoding="utf-8")):
        assert var in DEPLOY, var


def test_docs_example_watch_configuration_validates() -> None:
    cfg = load_watch_config(ROOT / "deploy" / "watch.example.toml")
    assert [s.kind for s in cfg.source] == ["feed", "folder"]
    assert cfg.alerts.channel_names() == ["log", "webhook-1", "email-1"]
