"""Agreement files: the bundled 2025 agreements load; bad files fail with the
file, the key (and its line) and a hint."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from ceasewatch.assess import load_agreement_file, load_agreements
from ceasewatch.config import load_settings
from ceasewatch.errors import AgreementError

GOOD = """\
id: test-truce
name: Test truce
status: unilateral
parties: [RU, UA]
declared_by: [RU]
window:
  start: "2025-04-19T18:00"
  end: "2025-04-21T00:00"
  timezone: Europe/Moscow
scope:
  acts: [hostilities]
  targets: all
"""


def write(tmp_path: Path, text: str, name: str = "a.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_assess_bundled_agreements_load() -> None:
    agreements = {a.id: a for a in load_agreements([Path(__file__).parents[1] / "src/ceasewatch/assess/agreements"])}
    assert set(agreements) == {"energy-moratorium-2025", "black-sea-2025", "easter-truce-2025",
                               "victory-day-truce-2025", "jeddah-30-day-2025"}
    mor = agreements["energy-moratorium-2025"]
    ru, ua = mor.version("RU"), mor.version("UA")
    assert ru.window.start == datetime(2025, 3, 17, 21, 0, tzinfo=UTC)
    assert ru.window.end == datetime(2025, 4, 16, 21, 0, tzinfo=UTC)
    assert ua.window.start == datetime(2025, 3, 24, 22, 0, tzinfo=UTC) and ua.window.end is None
    assert ru.scope.targets == ("energy.power", "energy.oil_gas") and len(ru.scope.facilities) == 5
    easter = agreements["easter-truce-2025"]
    assert easter.status == "unilateral" and easter.versions[0].binds == ("RU",)
    assert easter.versions[0].window.start == datetime(2025, 4, 19, 15, 0, tzinfo=UTC)
    may = agreements["victory-day-truce-2025"].versions[0].window
    assert (may.start, may.end) == (datetime(2025, 5, 7, 21, tzinfo=UTC), datetime(2025, 5, 10, 21, tzinfo=UTC))
    sea = agreements["black-sea-2025"]
    assert [c.kind for c in sea.version("RU").conditions] == ["entry_into_force"]
    assert sea.version("UA").conditions == ()
    jeddah = agreements["jeddah-30-day-2025"]
    assert jeddah.status == "proposed" and jeddah.accepted_by == ("UA",)
    assert all(a.sources for a in agreements.values())


def test_assess_agreements_dir_setting_adds_files(tmp_path: Path) -> None:
    write(tmp_path, GOOD)
    ids = [a.id for a in load_agreements(settings=load_settings(agreements_dir=str(tmp_path)))]
    assert "test-truce" in ids and "easter-truce-2025" in ids
    write(tmp_path, GOOD, "b.yaml")
    with pytest.raises(AgreementError, match="duplicate agreement id"):
        load_agreements([tmp_path])


@pytest.mark.parametrize(
    ("old", "new", "location", "message"),
    [
        ("status: unilateral", "status: maybe", "line 3, key status", "unknown status"),
        ("  targets: all", "  targets: [energy.coal]", "line 12, key scope.targets.0", "unknown value"),
        ("  timezone: Europe/Moscow", "  timezone: Mars/Olympus", "line 9, key window.timezone", "unknown time zone"),
        ('  end: "2025-04-21T00:00"', '  end: "2025-04-18T00:00"', "line 8, key window.end", "not after start"),
        ("name: Test truce", "name: Test truce\ncolour: red", "line 3, key colour", "unknown key"),
        ("  acts: [hostilities]", "  acts: [hostilities]\n  areas: {regions: [Kyiv]}",
         "line 12, key scope.areas.regions.0", "not a region code"),
        ("declared_by: [RU]\n", "declared_by: [RU]\nversions: {BY: {}}\n", "line 6, key versions.BY", "unknown party"),
    ],
)
def test_assess_bad_files_name_file_key_and_line(tmp_path: Path, old: str, new: str, location: str,
                                                 message: str) -> None:
    assert old in GOOD
    path = write(tmp_path, GOOD.replace(old, new))
    with pytest.raises(AgreementError) as info:
        load_agreement_file(path)
    err = info.value
    assert err.source == str(path) and err.location == location and message in err.message
    assert err.hint and str(path) in str(err)


def test_assess_missing_and_unreadable(tmp_path: Path) -> None:
    with pytest.raises(AgreementError, match="window is required"):
        load_agreement_file(write(tmp_path, GOOD.split("window:")[0] + "scope: {acts: [strike]}\n"))
    with pytest.raises(AgreementError, match="not valid YAML"):
        load_agreement_file(write(tmp_path, "id: [unclosed\n"))
    with pytest.raises(AgreementError, match="no such agreement"):
        load_agreements([tmp_path / "missing"])


def test_assess_draft_without_window_and_condition_dates(tmp_path: Path) -> None:
    draft = GOOD.replace("status: unilateral", "status: draft").split("window:")[0] + (
        "scope: {acts: [strike], targets: [energy]}\n"
        "conditions:\n  - kind: entry_into_force\n    text: ratified\n    met_on: 2025-05-01\n"
    )
    a = load_agreement_file(write(tmp_path, draft))
    assert a.versions[0].window.end is None and a.versions[0].conditions[0].met_on == date(2025, 5, 1)
