"""The watch configuration: TOML validated by pydantic; errors name the
file and the field and say what to write."""

from __future__ import annotations

from pathlib import Path

import pytest

from ceasewatch.errors import ConfigError
from ceasewatch.watch import FeedSource, FolderSource, TelegramSource, load_watch_config, parse_duration

GOOD = """
[[source]]
name = "air-force"
kind = "feed"
url = "https://example.org/rss"
every = "5m"
silent_after = "12h"

[[source]]
name = "inbox"
kind = "folder"
path = "/srv/reports"
every = 90
settle = 0

[[source]]
name = "channel"
kind = "telegram"
path = "/srv/export"
language = "uk"

[alerts]
on = ["alleged", "needs_review"]
dashboard_url = "https://monitor.example.org"
[[alerts.webhook]]
url = "https://hooks.example.org/x"
secret_env = "CW_HOOK_KEY"
[[alerts.email]]
name = "duty"
sender = "cw@example.org"
to = ["duty@example.org"]
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "watch.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_watch_config_reads_every_kind_of_source_and_channel(tmp_path: Path) -> None:
    cfg = load_watch_config(_write(tmp_path, GOOD))
    feed, folder, telegram = cfg.source
    assert isinstance(feed, FeedSource) and feed.every == 300 and feed.silent_after == 12 * 3600
    assert isinstance(telegram, TelegramSource) and telegram.language == "uk" and telegram.every == 300
    assert isinstance(folder, FolderSource) and folder.every == 90 and folder.settle == 0
    assert cfg.alerts.on == ["alleged", "needs_review"]
    assert cfg.alerts.channel_names() == ["log", "webhook-1", "duty"]


@pytest.mark.parametrize(
    ("change", "location", "words"),
    [
        (('every = "5m"', 'every = "soon"'), "source[0].every", "not a duration"),
        (('url = "https://example.org/rss"', 'url = "ftp://example.org/rss"'), "source[0].url", "pattern"),
        (('kind = "folder"', 'kind = "ftp"'), "source[1]", "tag"),
        (('settle = 0', 'settle = 0\ncolour = "red"'), "source[1].colour", "Extra inputs"),
        (('secret_env = "CW_HOOK_KEY"', ''), "alerts.webhook[0]", "secret"),
        (('on = ["alleged", "needs_review"]', 'on = ["maybe"]'), "alerts.on[0]", "Input should be"),
        (('name = "inbox"', 'name = "air-force"'), "(top level)", "named 'air-force'"),
        (('to = ["duty@example.org"]', 'to = ["nobody"]'), "alerts.email[0].to[0]", "pattern"),
    ],
)
def test_watch_config_errors_name_the_field(tmp_path: Path, change: tuple[str, str], location: str, words: str) -> None:
    assert change[0] in GOOD
    with pytest.raises(ConfigError) as info:
        load_watch_config(_write(tmp_path, GOOD.replace(change[0], change[1], 1)))
    assert info.value.location == location
    assert words in info.value.message
    assert info.value.source == str(tmp_path / "watch.toml")


def test_watch_config_refuses_bad_toml_missing_files_and_huge_files(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_watch_config(_write(tmp_path, "[[source]\nname ="))
    with pytest.raises(ConfigError, match="cannot read"):
        load_watch_config(tmp_path / "missing.toml")
    with pytest.raises(ConfigError, match="over 256 KB"):
        load_watch_config(_write(tmp_path, GOOD + "#" * 300_000))
    with pytest.raises(ConfigError) as info:
        load_watch_config(_write(tmp_path, 'alerts = {}\n'))
    assert info.value.location == "source"


def test_watch_config_durations() -> None:
    assert parse_duration("90s") == 90 and parse_duration("1.5h") == 5400 and parse_duration(2) == 2.0
    assert parse_duration("1d") == 86400
    for bad in ("-1", "0", "5 weeks", True, "31d"):
        with pytest.raises(ValueError):
            parse_duration(bad)


def test_watch_config_webhook_secret_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cfg = load_watch_config(_write(tmp_path, GOOD))
    monkeypatch.delenv("CW_HOOK_KEY", raising=False)
    with pytest.raises(ConfigError, match="CW_HOOK_KEY"):
        cfg.alerts.webhook[0].key()
    monkeypatch.setenv("CW_HOOK_KEY", "k" * 20)
    assert cfg.alerts.webhook[0].key() == b"k" * 20


def test_watch_config_unknown_extractor_fails_at_start(store, tmp_path: Path) -> None:
    from ceasewatch.config import Settings
    from ceasewatch.watch import WatchConfig, Watcher

    cfg = WatchConfig(source=[FolderSource(kind="folder", name="in", path=str(tmp_path))],
                      extractor="ceasewatch.extract.nope.v9")
    with pytest.raises(ConfigError, match="nope"):
        Watcher(cfg, store, settings=Settings(), agreements=[])
